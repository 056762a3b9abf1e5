// Describe facts for Schema (Apex Reference: DescribeSObjectResult, DescribeFieldResult, PicklistEntry): what
// Schema.SObjectType.X.getDescribe() and X.Field.getDescribe() answer, derived once from the org's schema.
//
// After loadOrgSchema, every object and field carries them:
//
//   object.label, object.pluralLabel, object.keyPrefix (null for an object without records), object.custom,
//   object.describe = { name, label, labelPlural, keyPrefix, custom, createable, updateable, deletable, queryable,
//                       nameField }                        nameField: the API name of the name field, or null
//
//   field.describe = {
//       name, label, type,            type: Schema.DisplayType name ('STRING', 'PICKLIST', 'REFERENCE', 'DOUBLE',...)
//       length, precision, scale, digits,   0 where the type has none (as DescribeFieldResult answers)
//       referenceTo: [names], relationshipName (null unless a lookup), cascadeDelete,
//       calculated, autoNumber, nillable, unique, externalId, nameField, custom,
//       createable, updateable, defaultedOnCreate, restrictedPicklist,
//       picklistValues: [{ value, label, defaultValue, active }]   (PicklistEntry: getValue, getLabel,
//                                                                  isDefaultValue, isActive); [] if not a picklist
//   }
//
// Picklist values of the package's own fields keep their XML labels; the standard objects' values are their
// own labels (the standard-object model declares API names only, which equal the labels in an English org).
import { isCalculated } from '../../scripts/lib/schema/index.mjs';

// Apex Reference, Schema.DisplayType: the metadata field types as describe names them.
const DISPLAY_TYPES = {
    Id: 'ID',
    Text: 'STRING',
    TextArea: 'TEXTAREA',
    LongTextArea: 'TEXTAREA',
    Html: 'TEXTAREA',
    Email: 'EMAIL',
    Phone: 'PHONE',
    Url: 'URL',
    Picklist: 'PICKLIST',
    MultiselectPicklist: 'MULTIPICKLIST',
    Number: 'DOUBLE',
    Currency: 'CURRENCY',
    Percent: 'PERCENT',
    Date: 'DATE',
    DateTime: 'DATETIME',
    Time: 'TIME',
    Checkbox: 'BOOLEAN',
    Lookup: 'REFERENCE',
    MasterDetail: 'REFERENCE',
    AutoNumber: 'STRING'
};

/** The Schema.DisplayType name of a field; throws for a metadata type this table does not know. */
export function displayType(field) {
    if (field.displayType) return field.displayType;
    const type = field.type === 'Summary' ? (field.valueType ?? 'Number') : field.type;
    const name = DISPLAY_TYPES[type];
    if (!name) throw new Error(`field type ${type} of ${field.name} has no Schema.DisplayType in the embedded org`);
    return name;
}

function picklistValues(field) {
    if (!field.picklist) return [];
    const entries =
        field.picklist.entries ??
        field.picklist.values.map((value) => ({ value, label: value, default: value === field.picklist.default }));
    return entries.map((entry) => ({
        value: entry.value,
        label: entry.label,
        defaultValue: Boolean(entry.default),
        active: entry.active ?? true
    }));
}

function fieldDescribe(object, field) {
    const calculated = isCalculated(field);
    const type = displayType(field);
    const system = field.type === 'Id' || Boolean(field.readOnly);
    // DescribeFieldResult.isCreateable/isUpdateable: formula, roll-up, auto-number and system fields never are,
    // nor are the fields of an object that takes no DML; a master-detail field is updatable only if reparentable.
    const createable = !calculated && !system && !object.readOnlyDml;
    const numeric = ['DOUBLE', 'CURRENCY', 'PERCENT', 'INTEGER'].includes(type);
    return {
        name: field.name,
        label: field.label ?? field.name,
        type,
        length: numeric || !field.length ? 0 : field.length,
        precision: numeric ? (field.precision ?? 18) : 0,
        scale: numeric ? (field.scale ?? 0) : 0,
        digits: type === 'INTEGER' ? (field.precision ?? 9) : 0,
        referenceTo: field.referenceTo ? [field.referenceTo] : [],
        relationshipName: field.relationshipName ?? null,
        cascadeDelete: field.deleteConstraint === 'Cascade',
        calculated,
        autoNumber: field.type === 'AutoNumber',
        // DescribeFieldResult.isNillable: a checkbox, a required field and the system fields never hold null.
        nillable: !(field.required || field.type === 'Checkbox' || system) || calculated,
        unique: Boolean(field.unique),
        externalId: Boolean(field.externalId),
        nameField: field.name === object.describe.nameField,
        custom: Boolean(field.custom),
        createable,
        updateable: createable && !(field.masterDetail && !field.reparentable),
        defaultedOnCreate:
            field.type === 'Checkbox' ||
            field.name === 'OwnerId' ||
            field.picklist?.default !== undefined ||
            field.defaultValue !== undefined,
        restrictedPicklist: Boolean(field.picklist?.restricted),
        picklistValues: picklistValues(field)
    };
}

/** Sets `describe` on every object and field of the schema's `objects` map (see the top of this module). */
export function addDescribeFacts(objects) {
    for (const object of objects.values()) {
        const nameField = object.nameFieldName ?? (object.field('Name') ? 'Name' : null);
        // A platform event is created (published) only: never updated, deleted or queried ("Considerations for
        // Defining and Publishing Platform Events": "No SOQL Support"; "Apex, API, and SOQL Considerations": "event
        // notifications can't be updated. They're only inserted (published)").
        const event = Boolean(object.platformEvent);
        object.describe = {
            name: object.name,
            label: object.label,
            labelPlural: object.pluralLabel,
            keyPrefix: object.keyPrefix ?? null,
            custom: Boolean(object.custom),
            createable: !object.readOnlyDml,
            updateable: !object.readOnlyDml && !event,
            deletable: !object.readOnlyDml && !event,
            queryable: !event,
            nameField
        };
        for (const field of object.fieldList) field.describe = fieldDescribe(object, field);
    }
}

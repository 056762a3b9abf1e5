// The fields the platform gives objects, and how its fields are declared:
//
// - the field shorthands the standard-object model is written with (text, picklist, lookup, readOnly);
// - standardFields(spec): the fields of a standard object of standard-objects.mjs, with the Id, owner and audit
//   fields every object has;
// - platformFields(kind, facts): the fields every custom object, custom setting or custom metadata type has
//   besides its own; companionObjects(name): the X__Share, X__History and X__Feed of a custom object X__c;
//   CUSTOM_OBJECT_CHILDREN: the child relationships every custom object has;
// - calculatedReason(field), isCalculated(field): what the platform computes and no save writes.

// Field shorthands. `required` is what the API enforces, not what a page layout asks for.
export const text = (length, extra = {}) => ({ type: 'Text', length, ...extra });
/** A value set as the project reader gives one: every value with its label, default flag and active flag. */
export const valueSet = (values, { default: chosen, restricted = false } = {}) => ({
    restricted,
    entries: values.map((value) => ({ value, label: value, default: value === chosen, active: true }))
});
export const picklist = (values, { default: chosen, ...extra } = {}) => ({
    type: 'Picklist',
    picklist: valueSet(values, { default: chosen }),
    ...extra
});
export const lookup = (referenceTo, relationshipName, deleteConstraint = 'SetNull', extra = {}) => ({
    type: 'Lookup',
    referenceTo,
    relationshipName,
    deleteConstraint,
    ...extra
});
export const readOnly = (spec, why = true) => ({ ...spec, readOnly: why });

// Audit fields: the platform sets them on every save and Apex cannot assign them (Apex Developer Guide, "Assignment
// Statements": `a.CreatedDate = System.today()` "is invalid because createdDate is read-only").
const AUDIT = 'an audit field';
const AUDIT_FIELDS = {
    CreatedDate: { type: 'DateTime', label: 'Created Date', readOnly: AUDIT },
    CreatedById: {
        type: 'Lookup',
        referenceTo: 'User',
        label: 'Created By',
        relationshipName: 'CreatedBy',
        readOnly: AUDIT
    },
    LastModifiedDate: { type: 'DateTime', label: 'Last Modified Date', readOnly: AUDIT },
    LastModifiedById: {
        type: 'Lookup',
        referenceTo: 'User',
        label: 'Last Modified By',
        relationshipName: 'LastModifiedBy',
        readOnly: AUDIT
    },
    SystemModstamp: { type: 'DateTime', label: 'System Modstamp', readOnly: AUDIT }
};
const ID = { type: 'Id', label: 'Record ID', readOnly: true };
const OWNER = lookup('User', 'Owner', 'SetNull', { label: 'Owner', required: true });
// Fields of every object that the embedded org does not store (Object Reference, "System Fields").
const UNSTORED_SYSTEM = { IsDeleted: 'Checkbox', LastViewedDate: 'DateTime', LastReferencedDate: 'DateTime' };

/** A `known` field's spec from its shorthand: 'Picklist', or 'Lookup:Account' for a lookup (AccountId -> Account). */
function knownSpec(name, shorthand) {
    const [type, referenceTo] = shorthand.split(':');
    if (!referenceTo) return { type, stored: false };
    return { type, referenceTo, relationshipName: name.replace(/Id$/, ''), stored: false };
}

const field = (name, spec) => ({ name, standard: true, stored: true, ...spec });

/** The fields of a standard object in the order the org stores them, then the ones it only knows. */
export function standardFields(spec) {
    const stored = spec.stored !== false;
    const fields = [];
    const add = (name, fieldSpec) => fields.push(field(name, stored ? fieldSpec : { ...fieldSpec, stored: false }));
    add('Id', ID);
    if (!spec.noAudit) {
        if (spec.owned) add('OwnerId', OWNER);
        for (const [name, audit] of Object.entries(AUDIT_FIELDS)) add(name, audit);
    }
    if (spec.nameField) add('Name', spec.nameField);
    for (const [name, fieldSpec] of Object.entries(spec.fields ?? {})) add(name, fieldSpec);
    for (const [name, shorthand] of Object.entries({ ...(spec.noAudit ? {} : UNSTORED_SYSTEM), ...spec.known })) {
        add(name, knownSpec(name, shorthand));
    }
    return fields;
}

// Why a field is calculated by the platform, which no save writes (Apex: "Field is not writeable").
const CALCULATED = { Summary: 'a roll-up summary field', AutoNumber: 'an auto-number field' };

// Metadata API, CustomObject and "Custom Metadata Types": the standard fields each kind of custom object has.
const METADATA_TYPE_FIELDS = {
    DeveloperName: 'Text',
    MasterLabel: 'Text',
    Label: 'Text',
    QualifiedApiName: 'Text',
    NamespacePrefix: 'Text',
    Language: 'Picklist'
};

/**
 * The standard fields of a custom object (`kind` 'object'), custom setting ('setting') or custom metadata type
 * ('metadata'), in the order the org stores them. `facts`: { nameField: { type, label, displayFormat },
 * isDetail, hasRecordTypes }. The detail side of a master-detail has no owner (its master's owner stands for it);
 * RecordTypeId exists only where record types are defined.
 */
export function platformFields(kind, { nameField = {}, isDetail = false, hasRecordTypes = false } = {}) {
    const fields = [field('Id', ID)];
    const unstored = (specs) =>
        Object.entries(specs).forEach(([name, s]) => fields.push(field(name, knownSpec(name, s))));
    if (kind === 'metadata') {
        for (const [name, type] of Object.entries(METADATA_TYPE_FIELDS)) fields.push(field(name, { type }));
        unstored({ IsProtected: 'Checkbox' });
        for (const [name, audit] of Object.entries(AUDIT_FIELDS)) fields.push(field(name, { ...audit, stored: false }));
        unstored(UNSTORED_SYSTEM);
        return fields;
    }
    if (kind === 'object' && !isDetail) fields.push(field('OwnerId', OWNER));
    for (const [name, audit] of Object.entries(AUDIT_FIELDS)) fields.push(field(name, audit));
    const type = nameField.type ?? 'Text';
    // An auto-number record name is generated on insert (CustomObject nameField of type AutoNumber).
    fields.push(
        field('Name', {
            type,
            label: nameField.label ?? 'Name',
            length: 80,
            required: type !== 'AutoNumber',
            displayFormat: nameField.displayFormat,
            readOnly: type === 'AutoNumber' ? CALCULATED.AutoNumber : false
        })
    );
    if (kind === 'setting') {
        // Custom Settings: the owner is the organization, a profile or a user (polymorphic). The org keeps it: a
        // hierarchy setting's records are told apart by it (Apex Reference, "Custom Settings Methods").
        fields.push(
            field('SetupOwnerId', { ...knownSpec('SetupOwnerId', 'Lookup:*'), label: 'Location', stored: true })
        );
        unstored({ IsDeleted: 'Checkbox' });
        return fields;
    }
    unstored({ ...UNSTORED_SYSTEM, LastActivityDate: 'Date', CurrencyIsoCode: 'Picklist' });
    if (hasRecordTypes) unstored({ RecordTypeId: 'Lookup:RecordType' });
    return fields;
}

// Child relationships the platform gives every custom object (activities, files, approvals, sharing, history).
export const CUSTOM_OBJECT_CHILDREN = {
    ActivityHistories: 'ActivityHistory',
    AttachedContentDocuments: 'AttachedContentDocument',
    Attachments: 'Attachment',
    CombinedAttachments: 'CombinedAttachment',
    ContentDocumentLinks: 'ContentDocumentLink',
    DuplicateRecordItems: 'DuplicateRecordItem',
    Events: 'Event',
    Notes: 'Note',
    NotesAndAttachments: 'NoteAndAttachment',
    OpenActivities: 'OpenActivity',
    ProcessInstances: 'ProcessInstance',
    ProcessSteps: 'ProcessInstanceHistory',
    RecordActions: 'RecordAction',
    Tasks: 'Task'
};

/**
 * X__Share and X__History of a custom object X__c, the same shape for every object, and X__Feed, whose fields are
 * not known (`open`). Each is { name, open, childRelationship, fields }.
 */
export function companionObjects(parentName) {
    const base = parentName.slice(0, -'__c'.length);
    const parent = `Lookup:${parentName}`;
    const shapes = {
        Share: {
            child: 'Shares',
            fields: {
                ParentId: parent,
                UserOrGroupId: 'Lookup:*',
                AccessLevel: 'Picklist',
                RowCause: 'Picklist',
                LastModifiedDate: 'DateTime',
                LastModifiedById: 'Lookup:User'
            }
        },
        History: {
            child: 'Histories',
            fields: {
                ParentId: parent,
                CreatedById: 'Lookup:User',
                CreatedDate: 'DateTime',
                Field: 'Picklist',
                DataType: 'Text',
                OldValue: 'Text',
                NewValue: 'Text'
            }
        },
        Feed: { child: 'Feeds', open: true, fields: {} }
    };
    return Object.entries(shapes).map(([kind, shape]) => ({
        name: `${base}__${kind}`,
        open: Boolean(shape.open),
        childRelationship: shape.child,
        fields: shape.open
            ? []
            : [
                  field('Id', { ...ID, stored: false }),
                  ...Object.entries({ ...shape.fields, IsDeleted: 'Checkbox' }).map(([name, s]) =>
                      field(name, knownSpec(name, s))
                  )
              ]
    }));
}

/** Why the platform calculates `field` (a formula field, a roll-up, an auto-number), or undefined. */
export function calculatedReason(field) {
    // A field with a <formula> is a formula field whatever its return <type>.
    if (field.formula !== undefined) return 'a formula field';
    return CALCULATED[field.type];
}

/** Fields the platform computes: never written by a save, only by the org itself. */
export function isCalculated(field) {
    return Boolean(calculatedReason(field));
}

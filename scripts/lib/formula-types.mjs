// The types formulas see: the sformula type of each metadata field type, how Setup names them, which fields a
// formula field may not reference, and typed values of metadata records. What a formula can name (objects,
// fields, custom permissions, custom metadata records, custom labels) is the schema model (schema/index.mjs).
import { readFileSync, existsSync } from 'node:fs';
import { findObject, findField } from './schema/index.mjs';

// Global variables whose fields are those of a standard object. $Setup, $CustomMetadata, $Permission and $Label
// are resolved against the project instead.
export const GLOBAL_OBJECTS = {
    $User: 'User',
    $Profile: 'Profile',
    $UserRole: 'UserRole',
    $Organization: 'Organization'
};

/** The type name sformula uses for a metadata field type (undefined for types a formula cannot read). */
export function formulaType(metadataType) {
    switch (metadataType) {
        case 'Checkbox':
            return 'boolean';
        case 'Currency':
            return 'currency';
        case 'Number':
            return 'number';
        case 'Percent':
            return 'percent';
        case 'Date':
            return 'date';
        case 'DateTime':
            return 'datetime';
        case 'Time':
            return 'time';
        case 'Picklist':
            return 'picklist';
        case 'MultiselectPicklist':
            return 'multipicklist';
        case 'Id':
        case 'Lookup':
        case 'MasterDetail':
        case 'MetadataRelationship':
        case 'Hierarchy':
        case 'ExternalLookup':
            return 'id';
        case 'Text':
        case 'TextArea':
        case 'LongTextArea':
        case 'Html':
        case 'EncryptedText':
        case 'Email':
        case 'Phone':
        case 'Url':
        case 'AutoNumber':
            return 'string';
        default:
            return undefined;
    }
}

// Field types a formula field cannot reference, though a validation rule can. Salesforce Help, knowledge article
// 000385791 "Unable to create a formula field that has a rich text area field": "Rich text area fields cannot be used
// in a formula. They can be used in validation rules and workflow rules". Long text areas are refused the same way
// (Salesforce Help, "Tips for Building Formulas" considerations; a rich text area is a long text area with markup).
const NOT_IN_FORMULA_FIELDS = { LongTextArea: 'a long text area', Html: 'a rich text area' };

/** Why a formula field cannot reference `field` ('a long text area'), or undefined when it can. */
export function formulaFieldCannotReference(field) {
    return NOT_IN_FORMULA_FIELDS[field?.type];
}

/** How a type is called in Setup, for messages meant for admins and developers. */
export function typeLabel(type) {
    const labels = {
        boolean: 'Checkbox',
        currency: 'Currency',
        number: 'Number',
        percent: 'Percent',
        date: 'Date',
        datetime: 'Date/Time',
        time: 'Time',
        picklist: 'Picklist',
        multipicklist: 'Multi-Select Picklist',
        id: 'Id',
        string: 'Text',
        any: 'any'
    };
    return labels[type] ?? type;
}

/**
 * The values an ISPICKVAL literal is checked against: those of the field's own value set. Standard picklists are
 * org-defined and a global value set may change in the subscriber's org, so those answer [].
 */
export function localPicklistValues(field) {
    if (!field || field.standard || field.picklist?.valueSetName) return [];
    return (field.picklist?.entries ?? []).map((entry) => entry.value);
}

/** The sformula type of a field, following roll-ups to the field they summarize. */
export function fieldFormulaType(schema, field) {
    if (field.type === 'Summary') {
        if (field.summaryOperation === 'count' || !field.summarizedField) return 'number';
        const [objectName, fieldName] = field.summarizedField.split('.');
        const summarized = findField(findObject(schema, objectName), fieldName);
        return summarized ? fieldFormulaType(schema, summarized) : 'number';
    }
    return formulaType(field.type);
}

/** A metadata record value (always a string in XML) as the JS value a formula sees, given the field's type. */
export function typedValue(type, raw) {
    if (raw === null || raw === undefined) return type === 'boolean' ? false : null;
    switch (type) {
        case 'boolean':
            return raw === true || raw === 'true';
        case 'number':
        case 'currency':
        case 'percent':
            return raw === '' ? null : Number(raw);
        default:
            return raw === '' ? null : String(raw);
    }
}

/** Line (1-based) in `file` where the text of element `tag` starts, skipping the whitespace the parser trims. */
export function elementLine(file, tag) {
    if (!file || !existsSync(file)) return undefined;
    const text = readFileSync(file, 'utf8');
    const match = new RegExp(`<${tag}>(\\s*)`).exec(text);
    if (!match) return undefined;
    const upTo = text.slice(0, match.index) + match[1];
    return upTo.split('\n').length;
}

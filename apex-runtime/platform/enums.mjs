// The platform's enums as native classes: System.TriggerOperation, System.StatusCode, Schema.DisplayType. Each value
// is one ApexEnumValue made once, so values compare by identity and by name (values/equality.mjs equals).
import { ApexEnumValue } from '../values/values.mjs';
import { ApexList } from '../values/collections.mjs';
import { defineNative } from '../interpreter/natives.mjs';

/**
 * Defines a native enum `namespace.name` with these value names, in ordinal order. Returns `{ type, value(name) }`;
 * value(name) is case-insensitive (Apex identifiers are) and throws for a name the enum does not have.
 */
export function defineNativeEnum({ name, namespace = 'System', values }) {
    const enumType = { name: `${namespace}.${name}`, isEnum: true, native: true };
    const byName = new Map(values.map((value, i) => [value.toLowerCase(), new ApexEnumValue(enumType, value, i)]));
    enumType.values = [...byName.values()];
    const lookup = (rt, key) => {
        const found = byName.get(String(key).toLowerCase());
        if (!found) {
            if (rt?.unsupported) rt.unsupported(`${namespace}.${name}.${key}`);
            throw new Error(`${namespace}.${name} has no value ${key}`);
        }
        return found;
    };
    defineNative({
        name,
        namespace,
        isInstance: (value) => value instanceof ApexEnumValue && value.enumType === enumType,
        staticMethods: {
            // Apex Developer Guide, "Enums": values() lists the values in order.
            values: () => new ApexList({ name: `${namespace}.${name}` }, [...enumType.values])
        },
        instanceMethods: {
            name: (rt, self) => self.name,
            ordinal: (rt, self) => self.ordinal,
            tostring: (rt, self) => self.name,
            equals: (rt, self, [other]) => self === other,
            hashcode: (rt, self) => self.ordinal
        },
        staticProperty: (rt, key) => lookup(rt, key)
    });
    return { type: enumType, value: (key, rt) => lookup(rt, key) };
}

// Apex Reference, "TriggerOperation Enum" (System namespace).
export const TriggerOperation = defineNativeEnum({
    name: 'TriggerOperation',
    values: [
        'BEFORE_INSERT',
        'BEFORE_UPDATE',
        'BEFORE_DELETE',
        'AFTER_INSERT',
        'AFTER_UPDATE',
        'AFTER_DELETE',
        'AFTER_UNDELETE'
    ]
});

// Apex Reference, "DisplayType Enum" (Schema namespace): what DescribeFieldResult.getType() returns.
export const DisplayType = defineNativeEnum({
    name: 'DisplayType',
    namespace: 'Schema',
    values: [
        'ADDRESS',
        'ANYTYPE',
        'BASE64',
        'BOOLEAN',
        'COMBOBOX',
        'COMPLEXVALUE',
        'CURRENCY',
        'DATACATEGORYGROUPREFERENCE',
        'DATE',
        'DATETIME',
        'DOUBLE',
        'EMAIL',
        'ENCRYPTEDSTRING',
        'ID',
        'INTEGER',
        'JSON',
        'LOCATION',
        'LONG',
        'MULTIPICKLIST',
        'PERCENT',
        'PHONE',
        'PICKLIST',
        'REFERENCE',
        'SOBJECT',
        'STRING',
        'TEXTAREA',
        'TIME',
        'URL'
    ]
});

// Apex Reference, "StatusCode Enum" / SOAP API Developer Guide, "StatusCode": the codes a save can report. The
// platform's enum has several hundred values; these are the ones the embedded org and this runtime produce or that
// Apex code commonly names. A name outside the list fails loudly (UnsupportedError), never silently. Ordinals here
// are positions in this list, not the platform's.
export const StatusCode = defineNativeEnum({
    name: 'StatusCode',
    values: [
        'ALREADY_IN_PROCESS',
        'CANNOT_DELETE_LAST_DATED_CONVERSION_RATE',
        'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
        'CANNOT_UPDATE_CONVERTED_LEAD',
        'CIRCULAR_DEPENDENCY',
        'CUSTOM_VALIDATION_FORMULA_ERROR',
        'DELETE_FAILED',
        'DEPENDENCY_EXISTS',
        'DUPLICATE_EXTERNAL_ID',
        'DUPLICATE_VALUE',
        'DUPLICATES_DETECTED',
        'ENTITY_IS_ARCHIVED',
        'ENTITY_IS_DELETED',
        'ENTITY_IS_LOCKED',
        'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        'FIELD_FILTER_VALIDATION_EXCEPTION',
        'FIELD_INTEGRITY_EXCEPTION',
        'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
        'INSUFFICIENT_ACCESS_OR_READONLY',
        'INVALID_CROSS_REFERENCE_KEY',
        'INVALID_EMAIL_ADDRESS',
        'INVALID_FIELD',
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        'INVALID_ID_FIELD',
        'INVALID_OPERATION',
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        'INVALID_TYPE',
        'INVALID_TYPE_ON_FIELD_IN_RECORD',
        'LIMIT_EXCEEDED',
        'MALFORMED_ID',
        'MISSING_ARGUMENT',
        'MIXED_DML_OPERATION',
        'NUMBER_OUTSIDE_VALID_RANGE',
        'REQUIRED_FIELD_MISSING',
        'STRING_TOO_LONG',
        'TOO_MANY_ENUM_VALUE',
        'UNABLE_TO_LOCK_ROW',
        'UNKNOWN_EXCEPTION'
    ]
});

// SObject's data methods (Apex Reference, "SObject Class"): get, put, getSObject(s), putSObject, clone,
// getPopulatedFieldsAsMap, isSet. Methods that need the platform (addError, getErrors, hasErrors, getSObjectType,
// getQuickActionName...) are added by the platform part to this native's instanceMethods:
//     nativeClass('SObject').instanceMethods.adderror = (rt, record, args) => ...
import { defineNative } from '../interpreter/natives.mjs';
import { ApexSObject } from './sobject.mjs';
import { ApexMap } from './collections.mjs';
import { fail, T } from './types.mjs';
import { required } from './native-util.mjs';
import { equals, hashCode } from './equality.mjs';
import { toApexString } from './apex-string.mjs';
import { deepCopy } from './collection-classes.mjs';

const fieldName = (rt, field) => {
    // A Schema.SObjectField token from the platform carries its name.
    if (field && typeof field === 'object')
        return field.name ?? field.fieldName ?? fail(rt, 'System.SObjectException', 'Invalid field');
    return required(rt, field);
};

export const SObjectNative = defineNative({
    name: 'SObject',
    isInstance: (value) => value instanceof ApexSObject,
    instanceMethods: {
        get: (rt, record, [field]) => record.get(fieldName(rt, field), rt),
        put: (rt, record, [field, value]) => {
            const name = fieldName(rt, field);
            // Apex Reference, SObject Class, put: a field the record's type does not let Apex write is refused.
            if (!record.isWriteable(name)) {
                fail(
                    rt,
                    'System.SObjectException',
                    `Field is not writeable: ${record.type}.${record.canonicalName(name)}`
                );
            }
            const previous = record.has(name) ? record.get(name, rt) : null;
            record.put(name, value, rt);
            return previous;
        },
        getsobject: (rt, record, [field]) => record.get(fieldName(rt, field), rt),
        getsobjects: (rt, record, [field]) => record.get(fieldName(rt, field), rt),
        putsobject: (rt, record, [field, value]) => {
            const name = fieldName(rt, field);
            const previous = record.has(name) ? record.get(name, rt) : null;
            record.put(name, value, rt);
            return previous;
        },
        // Apex Reference, SObject Class: clone(preserveId, isDeepClone, preserveReadonlyTimestamps,
        // preserveAutonumber); by default the Id is not kept and the clone is shallow.
        clone(rt, record, [preserveId = false, isDeepClone = false]) {
            const copy = isDeepClone ? deepCopy(record, { preserveId }) : record.copy({ keepId: preserveId });
            copy.queried = record.queried ? new Set(record.queried) : null;
            return copy;
        },
        getpopulatedfieldsasmap(rt, record) {
            const map = new ApexMap(T.String, T.Object, rt);
            for (const [name, value] of record.entries()) map.set(name, value, rt);
            return map;
        },
        // Apex Reference, SObject Class: isSet(field) is true when the field was populated (queried or set).
        isset: (rt, record, [field]) => record.has(fieldName(rt, field)),
        equals: (rt, record, [other]) => equals(record, other, rt),
        hashcode: (rt, record) => hashCode(record, rt),
        tostring: (rt, record) => toApexString(record, rt)
    }
});

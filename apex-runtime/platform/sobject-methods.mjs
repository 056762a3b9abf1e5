// The platform's Apex methods of every sObject (Apex Reference, "SObject Class"): getSObjectType, addError,
// hasErrors, getErrors. Errors added to a record are kept on it (`apexErrors`): the trigger runner turns them into the org's
// record errors, and a later DML statement of a record that has errors fails with them ("SObject Class": addError
// "marks a record with a custom error message and prevents any DML operation from occurring").
import { ApexList } from '../values/collections.mjs';
import '../values/sobject-class.mjs';
import { nativeClass } from '../interpreter/natives.mjs';
import { SObjectFieldToken, sobjectTypeToken } from './schema.mjs';
import { DatabaseError } from './dml-results.mjs';

function fieldName(rt, self, field) {
    if (field === null || field === undefined)
        rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    if (field instanceof SObjectFieldToken) {
        if (field.objectName.toLowerCase() !== self.type.toLowerCase()) {
            rt.throw('System.SObjectException', `Invalid field ${field.name} for ${self.type}`);
        }
        return field.name;
    }
    return String(field);
}

/**
 * Records an error on a record or one of its fields (record.addError(msg), record.addError(field, msg),
 * record.Field__c.addError(msg)). `field` is a field name, an SObjectField token, or null for the whole record.
 */
export function addRecordError(rt, sobject, field, message) {
    const name = field === null || field === undefined ? null : fieldName(rt, sobject, field);
    const text = message === null || message === undefined ? null : rt.toString(message);
    (sobject.apexErrors ??= []).push({ field: name ? (sobject.canonicalName(name) ?? name) : null, message: text });
    return null;
}

/** The errors added to a record, as the DML layer reports them. */
export function recordErrors(sobject) {
    return sobject.apexErrors ?? [];
}

function addError(rt, self, args) {
    // addError(msg), addError(msg, escape), addError(exception), addError(field, msg[, escape]).
    const [first, second] = args;
    if (first instanceof SObjectFieldToken || (args.length >= 2 && typeof second === 'string')) {
        return addRecordError(rt, self, first, second);
    }
    if (first !== null && typeof first === 'object' && first.exc)
        return addRecordError(rt, self, null, first.exc.message);
    return addRecordError(rt, self, null, first);
}

// The values part defines the SObject native with the data methods (get, put, clone, getPopulatedFieldsAsMap,
// isSet...); the platform adds the methods that need the org or the trigger context.
const methods = nativeClass('SObject')?.instanceMethods;
if (!methods) throw new Error('the values part did not define the SObject native class');
Object.assign(methods, {
    getsobjecttype: (rt, self) => sobjectTypeToken(rt, self.type),
    adderror: (rt, self, args) => addError(rt, self, args),
    haserrors: (rt, self) => recordErrors(self).length > 0,
    geterrors: (rt, self) =>
        new ApexList(
            { name: 'Database.Error' },
            recordErrors(self).map(
                (error) =>
                    new DatabaseError({
                        message: error.message,
                        statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                        fields: error.field ? [error.field] : []
                    })
            )
        ),
    getoptions: (rt) => rt.unsupported('SObject.getOptions (Database.DMLOptions)'),
    setoptions: (rt) => rt.unsupported('SObject.setOptions (Database.DMLOptions)'),
    getquickactionname: (rt) => rt.unsupported('SObject.getQuickActionName'),
    getclonesourceid: (rt) => rt.unsupported('SObject.getCloneSourceId'),
    recalculateformulas: (rt) => rt.unsupported('SObject.recalculateFormulas')
});

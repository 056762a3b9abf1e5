// What a failed save throws: a DmlError (Apex's DmlException) with one entry per problem and the body an LWC gets,
// a DmlNotAllowedError for DML on an object that takes none, and a TriggerRunnerMissingError when a save reaches a
// trigger of the project on an org that cannot run Apex. Problems collects the errors of one DML call.

/**
 * A failed DML call, as Apex's DmlException: `errors` has one entry per problem, `{ recordIndex, field, fields,
 * message, statusCode, sobject }` (field null for an error on the whole record), and `body` is what an LWC gets
 * from a failed Apex call: `{ message, fieldErrors: { Field: [{ message, statusCode }] }, pageErrors: [...] }`.
 */
export class DmlError extends Error {
    constructor(operation, sobject, errors) {
        const head = errors[0];
        const verb = operation.charAt(0).toUpperCase() + operation.slice(1);
        super(
            `${verb} failed. First exception on row ${head.recordIndex}; first error: ${head.statusCode}, ${head.message}: [${(head.fields ?? (head.field ? [head.field] : [])).join(', ')}]`
        );
        this.name = 'DmlError';
        this.operation = operation;
        this.sobject = sobject;
        this.errors = errors;
        this.body = errorBody(sobject, errors);
    }
}

function errorBody(sobject, errors) {
    const fieldErrors = {};
    const pageErrors = [];
    const seen = new Set();
    for (const error of errors) {
        const entry = { message: error.message, statusCode: error.statusCode };
        const fields = error.fields ?? (error.field ? [error.field] : []);
        // An error on a field of another object (a parent saved for its roll-ups) has no input on this form.
        if (fields.length && (!error.sobject || error.sobject === sobject)) {
            for (const field of fields) (fieldErrors[field] ??= []).push(entry);
        } else if (!seen.has(error.message)) {
            seen.add(error.message);
            pageErrors.push(entry);
        }
    }
    return { message: errors[0]?.message, statusCode: errors[0]?.statusCode, fieldErrors, pageErrors };
}

/**
 * DML on an object that takes none (Profile, OpportunityStage, UserRecordAccess: their Object Reference pages list
 * no create/update/delete calls). Apex reports it as a System.TypeException, "DML operation Insert not allowed on
 * Profile", not as a DmlException.
 */
export class DmlNotAllowedError extends Error {
    constructor(operation, sobject) {
        const verb = operation.charAt(0).toUpperCase() + operation.slice(1);
        super(`DML operation ${verb} not allowed on ${sobject}`);
        this.name = 'DmlNotAllowedError';
        this.operation = operation;
        this.sobject = sobject;
    }
}

/**
 * A save reached a trigger of the project on an org that has no way to run Apex: the org was created without a
 * trigger runner and without `triggers: 'off'`. Not a DmlError: no Apex ran, so no record can be blamed.
 */
export class TriggerRunnerMissingError extends Error {
    constructor(trigger, event) {
        super(
            `trigger ${trigger.name} (${event} on ${trigger.object}) cannot run: this org has no trigger runner. ` +
                `Create it through apex-runtime/session.mjs createApexSession to run the Apex, or pass ` +
                `createOrg({ triggers: 'off' }) to save without the project's triggers`
        );
        this.name = 'TriggerRunnerMissingError';
        this.trigger = trigger.name;
        this.event = event;
    }
}

/** Errors of one DML call, collected record by record, thrown together. */
export class Problems {
    constructor(operation, sobject) {
        this.operation = operation;
        this.sobject = sobject;
        this.list = [];
    }
    add(recordIndex, field, message, statusCode, extra = {}) {
        this.list.push({ recordIndex, field: field ?? null, message, statusCode, sobject: this.sobject, ...extra });
    }
    throwIfAny() {
        if (this.list.length) throw new DmlError(this.operation, this.sobject, this.list);
    }
}

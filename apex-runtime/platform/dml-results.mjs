// Database.SaveResult, Database.DeleteResult, Database.UpsertResult and Database.Error (Apex Reference: "SaveResult
// Class", "DeleteResult Class", "UpsertResult Class", "Database.Error Class"). A result keeps the record's id only
// when the operation succeeded: "If this field is empty, the operation wasn't successful" (SaveResult.getId).
import { ApexList } from '../values/collections.mjs';
import { defineNative } from '../interpreter/natives.mjs';
import { StatusCode } from './enums.mjs';

export class DatabaseError {
    constructor({ message, statusCode, fields = [] }) {
        this.message = message;
        this.statusCode = statusCode;
        this.fields = fields;
    }
}

export class DmlResult {
    /** kind: 'save' | 'delete' | 'upsert'. */
    constructor(kind, { id = null, success, errors = [], created = false }) {
        this.kind = kind;
        this.id = success ? id : null;
        this.success = success;
        this.errors = errors;
        this.created = Boolean(success && created);
    }
}

const TYPE_OF = { save: 'Database.SaveResult', delete: 'Database.DeleteResult', upsert: 'Database.UpsertResult' };

/** The result list Database.insert/update/upsert/delete return, or the single result for a single record. */
export function resultValue(kind, results, single) {
    return single ? results[0] : new ApexList({ name: TYPE_OF[kind] }, results);
}

const resultMethods = {
    getid: (rt, self) => self.id,
    issuccess: (rt, self) => self.success,
    geterrors: (rt, self) => new ApexList({ name: 'Database.Error' }, [...self.errors])
};

for (const [kind, name] of [
    ['save', 'SaveResult'],
    ['delete', 'DeleteResult'],
    ['upsert', 'UpsertResult']
]) {
    defineNative({
        name,
        namespace: 'Database',
        isInstance: (value) => value instanceof DmlResult && value.kind === kind,
        instanceMethods:
            kind === 'upsert'
                ? { ...resultMethods, iscreated: (rt, self) => self.created } // UpsertResult.isCreated
                : resultMethods
    });
}

defineNative({
    name: 'Error',
    namespace: 'Database',
    isInstance: (value) => value instanceof DatabaseError,
    instanceMethods: {
        getmessage: (rt, self) => self.message,
        getstatuscode: (rt, self) => StatusCode.value(self.statusCode, rt),
        getfields: (rt, self) => new ApexList({ name: 'String' }, [...self.fields]),
        tostring: (rt, self) =>
            `Database.Error[getFields=(${self.fields.join(', ')});getMessage=${self.message};getStatusCode=${self.statusCode};]`
    }
});

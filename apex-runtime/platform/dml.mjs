// DML: the insert/update/upsert/delete statements and Database.insert/update/upsert/delete (Apex Developer Guide,
// "DML Statements vs. Database Class Methods", "Inserting and Updating Records", "Upserting Records", "Deleting
// Records"; Apex Reference, "Database Class"). ApexSObjects become org rows (values/sobject-rows.mjs) and go through
// the embedded org's save pipeline as the running user; the org's DmlError becomes System.DmlException, or, with
// allOrNone false, Database.SaveResult / DeleteResult / UpsertResult values.
import { ApexSObject } from '../values/sobject.mjs';
import { ApexList } from '../values/collections.mjs';
import { rowFromSObject } from '../values/sobject-rows.mjs';
import { toId18 } from '../values/ids.mjs';
import { DmlError } from '../../preview/org/org.mjs';
import { isUserMode } from './access-level.mjs';
import { accessProblem } from './dml-access.mjs';
import { DatabaseError, DmlResult, resultValue } from './dml-results.mjs';
import { recordErrors } from './sobject-methods.mjs';
import { discardEventsAfter, eventMark } from './events.mjs';

const VERB = { insert: 'Insert', update: 'Update', upsert: 'Upsert', delete: 'Delete' };
const KIND = { insert: 'save', update: 'save', upsert: 'upsert', delete: 'delete' };

const fieldsOf = (error) => error.fields ?? (error.field ? [error.field] : []);

/**
 * One DML operation. `records`: an ApexSObject or an ApexList of them (delete also takes Ids); `accessLevel`: an
 * AccessLevel value or 'user'/'system' (`insert as user`); `externalIdField`: upsert's field name; `allOrNone`.
 * Returns the result (one, or a list for a list), as the Database methods do; statements ignore it.
 */
export function dml(rt, { operation, records, accessLevel = null, externalIdField = null, allOrNone = true }) {
    const op = String(operation).toLowerCase();
    if (!(op in KIND)) rt.unsupported(`DML ${operation}`);
    if (typeof allOrNone !== 'boolean') rt.unsupported('Database DML with Database.DMLOptions');
    // A cacheable @AuraEnabled method runs read-only: its DML limit is 0, so the first statement is over the limit
    // (Lightning Web Components Developer Guide, "Call Apex Methods": cacheable methods can't mutate data).
    if (rt.services?.cacheable) rt.throw('System.LimitException', 'Too many DML statements: 1');
    if (records === null || records === undefined) {
        rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    const single = !(records instanceof ApexList);
    const items = single ? [records] : records.items;
    if (!items.length) return resultValue(KIND[op], [], false);
    // Execution Governors and Limits: 150 DML statements, 10,000 rows per transaction.
    rt.checkLimit('dmlStatements', 1);
    rt.checkLimit('dmlRows', items.length);
    items.forEach((item, index) => {
        if (item === null) rt.throw('System.ListException', `DML statement found null SObject at position ${index}`);
    });
    // Objects that take no DML (Object Reference, "Supported Calls": Profile, OpportunityStage, AsyncApexJob,
    // CronTrigger, OpportunityHistory...): System.TypeException "DML operation Insert not allowed on <object>".
    for (const item of items) {
        const object = item instanceof ApexSObject ? rt.org.schema.objects.get(String(item.type).toLowerCase()) : null;
        if (object?.readOnlyDml) {
            rt.throw('System.TypeException', `DML operation ${VERB[op]} not allowed on ${object.name}`);
        }
        // Apex publishes a platform event with EventBus.publish ("Publish Event Messages with Apex"); the guides
        // document no DML statement on an event (events are "only inserted (published)"), so none is guessed.
        if (object?.platformEvent) {
            rt.unsupported(`DML ${op} on platform event ${object.name} (publish it with EventBus.publish)`);
        }
    }

    const userMode = isUserMode(accessLevel);
    const entries = items.map((item, index) => prepare(rt, op, item, index, { externalIdField, userMode }));
    const run = () => {
        for (const group of groups(entries)) save(rt, group, allOrNone);
    };
    if (allOrNone) {
        const failed = entries.filter((entry) => entry.error);
        if (failed.length) throw dmlException(rt, op, failed);
        const events = eventMark(rt);
        try {
            rt.org.transaction(run);
        } catch (error) {
            if (!(error instanceof DmlError)) throw error;
            // The statement is rolled back whole: so are the Publish After Commit events its triggers published.
            discardEventsAfter(rt, events);
            throw dmlException(
                rt,
                op,
                entries.filter((entry) => entry.error)
            );
        }
    } else {
        run();
    }
    for (const entry of entries) {
        // Apex sets the Id of inserted records (and of upserted ones) on the sObjects themselves.
        if (entry.result.success && entry.sobject && (entry.action === 'insert' || op === 'upsert')) {
            entry.sobject.put('Id', entry.result.id, rt);
        }
    }
    return resultValue(
        KIND[op],
        entries.map((entry) => entry.result),
        single
    );
}

/** One record of the statement: its object, the org action, its row or id, and any problem found before saving. */
function prepare(rt, op, item, index, { externalIdField, userMode }) {
    const schema = rt.org.schema;
    const entry = {
        index,
        op,
        sobject: null,
        object: null,
        action: op,
        row: null,
        id: null,
        error: null,
        result: null
    };
    if (op === 'delete') {
        const id = item instanceof ApexSObject ? item.get('Id', rt) : item;
        entry.sobject = item instanceof ApexSObject ? item : null;
        entry.id = toId18(id);
        entry.object =
            item instanceof ApexSObject
                ? schema.object(item.type)
                : entry.id && schema.objectOfPrefix(entry.id.slice(0, 3));
        if (!entry.id || !entry.object) {
            fail(entry, { statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in a delete call' });
            return entry;
        }
    } else {
        if (!(item instanceof ApexSObject)) rt.unsupported(`DML ${op} of a value that is not an SObject`);
        entry.sobject = item;
        entry.object = schema.object(item.type);
        const [added] = recordErrors(item);
        if (added) {
            // SObject Class, addError: a record marked with an error is not saved.
            fail(entry, {
                statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                message: added.message,
                fields: added.field ? [added.field] : []
            });
            return entry;
        }
        entry.row = rowFromSObject(entry.object, item);
        entry.id = toId18(entry.row.Id ?? null);
        if (entry.id) entry.row.Id = entry.id;
        if (op === 'upsert') upsertAction(rt, entry, externalIdField);
    }
    const stored = entry.action === 'insert' || !entry.id ? null : rt.org.get(entry.object.name, entry.id);
    const problem = accessProblem(rt, {
        action: entry.action,
        object: entry.object,
        fieldNames: entry.row ? Object.keys(entry.row) : [],
        stored,
        userMode,
        sharing: rt.sharing === true
    });
    if (problem) fail(entry, problem);
    return entry;
}

/** Apex Developer Guide, "Upserting Records": by Id, or by the external id field; more than one match fails. */
function upsertAction(rt, entry, externalIdField) {
    if (!externalIdField || externalIdField.toLowerCase() === 'id') {
        entry.action = entry.id ? 'update' : 'insert';
        return;
    }
    const field = entry.object.field(externalIdField);
    if (!field) rt.unsupported(`upsert on ${externalIdField}, not a field of ${entry.object.name}`);
    const value = entry.row[field.name] ?? null;
    const matches = value === null ? [] : rt.org.query(entry.object.name, { [field.name]: value });
    if (matches.length > 1) {
        fail(entry, {
            statusCode: 'DUPLICATE_EXTERNAL_ID',
            message: `${field.name}: more than one record found for external id field: [${matches.map((m) => m.Id).join(', ')}]`,
            fields: []
        });
        return;
    }
    entry.action = matches.length ? 'update' : 'insert';
    if (matches.length) entry.row.Id = entry.id = matches[0].Id;
}

function fail(entry, { statusCode, message, fields = [] }) {
    entry.error = { statusCode, message, fields };
    entry.result = new DmlResult(KIND[entry.op], { success: false, errors: [new DatabaseError(entry.error)] });
}

/** Records to send to the org together: same object and action, in statement order. Failed ones are left out. */
function groups(entries) {
    const out = new Map();
    for (const entry of entries) {
        if (entry.error) continue;
        const key = `${entry.object.name}:${entry.action}`;
        if (!out.has(key)) out.set(key, []);
        out.get(key).push(entry);
    }
    return [...out.values()];
}

function save(rt, group, allOrNone) {
    const { org } = rt;
    const { action, object } = group[0];
    const options = { as: rt.userId, allOrNone };
    try {
        if (action === 'delete') {
            const ids = group.map((entry) => entry.id);
            if (allOrNone) org.remove(object.name, ids, options);
            else return deleteEach(rt, group);
            group.forEach((entry) => succeed(entry, entry.id));
            return;
        }
        const rows = group.map((entry) => entry.row);
        const answer =
            action === 'insert' ? org.insert(object.name, rows, options) : org.update(object.name, rows, options);
        group.forEach((entry, i) => {
            const outcome = answer[i];
            if (allOrNone) return succeed(entry, typeof outcome === 'string' ? outcome : (outcome?.id ?? entry.id));
            if (outcome.success) return succeed(entry, outcome.id);
            return failFromOrg(entry, outcome.errors);
        });
    } catch (error) {
        if (!(error instanceof DmlError)) throw error;
        // All or none: mark the failing records, then let the statement fail as one.
        const byRow = new Map();
        for (const e of error.errors) if (!byRow.has(e.recordIndex)) byRow.set(e.recordIndex, []);
        for (const e of error.errors) byRow.get(e.recordIndex).push(e);
        for (const [rowIndex, errors] of byRow) if (group[rowIndex]) failFromOrg(group[rowIndex], errors);
        throw error;
    }
}

/** Database.delete(list, false): the org deletes all or none, so each record goes on its own after a failure. */
function deleteEach(rt, group) {
    const options = { as: rt.userId };
    try {
        rt.org.transaction(() =>
            rt.org.remove(
                group[0].object.name,
                group.map((entry) => entry.id),
                options
            )
        );
        group.forEach((entry) => succeed(entry, entry.id));
        return;
    } catch (error) {
        if (!(error instanceof DmlError)) throw error;
    }
    for (const entry of group) {
        try {
            rt.org.transaction(() => rt.org.remove(entry.object.name, [entry.id], options));
            succeed(entry, entry.id);
        } catch (error) {
            if (!(error instanceof DmlError)) throw error;
            failFromOrg(entry, error.errors);
        }
    }
}

function succeed(entry, id) {
    entry.result = new DmlResult(KIND[entry.op], { id, success: true, created: entry.action === 'insert' });
}

function failFromOrg(entry, errors) {
    const list = errors.map((e) => ({ statusCode: e.statusCode, message: e.message, fields: fieldsOf(e) }));
    entry.error = list[0];
    entry.result = new DmlResult(KIND[entry.op], {
        success: false,
        errors: list.map((e) => new DatabaseError(e))
    });
}

/**
 * System.DmlException as the platform words it: "Update failed. First exception on row 0 with id 001...; first
 * error: FIELD_CUSTOM_VALIDATION_EXCEPTION, message: [Field]" (Apex Reference, "DmlException Class": getDmlMessage,
 * getDmlFieldNames, getDmlType, getDmlId, getDmlIndex answer per failed record).
 */
export function dmlException(rt, op, failed) {
    const dml = failed.map((entry) => ({
        index: entry.index,
        id: entry.action === 'insert' ? null : entry.id,
        message: entry.error.message,
        statusCode: entry.error.statusCode,
        fields: entry.error.fields,
        object: entry.object?.name ?? null
    }));
    const first = dml[0];
    const message =
        `${VERB[op]} failed. First exception on row ${first.index}${first.id ? ` with id ${first.id}` : ''}; ` +
        `first error: ${first.statusCode}, ${first.message}: [${first.fields.join(', ')}]`;
    return throwing(rt, 'System.DmlException', message, { dml });
}

/** rt.throw throws; this returns what it threw, so callers can write `throw dmlException(...)`. */
function throwing(rt, type, message, props) {
    try {
        rt.throw(type, message, props);
    } catch (thrown) {
        return thrown;
    }
    throw new Error(`rt.throw(${type}) returned`);
}

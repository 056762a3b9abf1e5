// DML: insert and update (all or none, or Database.insert/update(list, false)) and delete, each in the platform's
// order (README.md, "What a save applies"):
//
//   defaults -> platform derivations -> before triggers -> system validation -> validation rules -> save ->
//   after triggers -> roll-up summaries recalculated on each parent, a parent whose roll-up changed is saved in
//   turn (its rules and triggers run)
//
// A delete cascades to master-detail children, clears SetNull lookups and refuses Restrict ones. Nested DML (a
// trigger's, a parent's roll-ups) comes back through dml() one level deeper; the platform stops at 16 levels.
import { isCalculated } from './schema.mjs';
import { DmlError, DmlNotAllowedError, Problems } from './errors.mjs';
import { coerce, sameValue, ValueError } from './values.mjs';
import { toId18 } from './ids.mjs';
import { checkRecord, checkUnique, applyRules } from './validation.mjs';
import { rollupChanges } from './rollups.mjs';
import { writeOpportunityHistory } from './opportunity-history.mjs';

// The platform stops recursive saves at 16 levels of triggers; the same limit catches a loop in the triggers.
const MAX_DEPTH = 16;

export class Saves {
    #schema;
    #store;
    #formulas;
    #triggers;
    #validationRulesOff;
    #now;

    /**
     * `formulas` is the org's FormulaFields, `triggers` its Triggers, `now()` its clock; `validationRulesOff` makes a
     * data-load org.
     */
    constructor({ schema, store, formulas, triggers, validationRulesOff, now }) {
        this.#schema = schema;
        this.#store = store;
        this.#formulas = formulas;
        this.#triggers = triggers;
        this.#validationRulesOff = validationRulesOff;
        this.#now = now;
    }

    /** One DML statement; nested ones (triggers, roll-ups) come back through here with a greater depth. */
    dml(operation, sobject, records, { userId, allOrNone = true, system = false, depth = 0 }) {
        if (depth > MAX_DEPTH) throw new Error(`maximum trigger depth exceeded (${operation} ${sobject})`);
        const object = this.#schema.object(sobject);
        if (object.readOnlyDml && !system) throw new DmlNotAllowedError(operation, object.name);
        const store = this.#store;
        if (allOrNone) {
            return store.unit(() => this.#saveBatch(operation, object, records, { userId, system, depth }));
        }
        // Database.insert/update(list, false), as "Bulk DML Exception Handling" (Apex Developer Guide) has it: the
        // first attempt processes every record and sets aside those with errors; a second attempt saves only the
        // others (their triggers run again), and a third if the second set more aside; errors in the third fail
        // the whole operation ("Too many batch retries in the presence of Apex triggers and partial failures").
        const results = new Array(records.length);
        let remaining = records.map((record, index) => index);
        for (let attempt = 1; remaining.length; attempt++) {
            try {
                const batch = remaining.map((index) => records[index]);
                const ids = store.unit(() => this.#saveBatch(operation, object, batch, { userId, system, depth }));
                remaining.forEach((index, i) => {
                    results[index] = { id: ids[i], success: true, errors: [] };
                });
                break;
            } catch (error) {
                if (!(error instanceof DmlError)) throw error;
                if (attempt === 3) {
                    throw new DmlError(operation, object.name, [
                        {
                            recordIndex: remaining[0],
                            field: null,
                            message: 'Too many batch retries in the presence of Apex triggers and partial failures.',
                            statusCode: 'UNKNOWN_EXCEPTION',
                            sobject: object.name
                        }
                    ]);
                }
                const failed = new Map();
                for (const problem of error.errors) {
                    const index = remaining[problem.recordIndex ?? 0] ?? remaining[0];
                    if (!failed.has(index)) failed.set(index, []);
                    failed.get(index).push({ ...problem, recordIndex: index });
                }
                for (const [index, errors] of failed) {
                    results[index] = { id: records[index]?.Id ?? null, success: false, errors };
                }
                remaining = remaining.filter((index) => !failed.has(index));
            }
        }
        return results;
    }

    #saveBatch(operation, object, inputs, { userId, system, depth }) {
        const isInsert = operation === 'insert';
        const problems = new Problems(operation, object.name);
        const rows = [];
        const seen = new Set();
        inputs.forEach((input, index) => {
            const row = this.#prepare(object, input, index, { isInsert, system, userId, problems, seen });
            if (row) rows.push(row);
        });
        problems.throwIfAny();

        for (const row of rows) object.derive?.(row.rec, row.prior);
        this.#triggers.fire(object, isInsert ? 'before insert' : 'before update', rows, problems, userId, depth);
        problems.throwIfAny();
        for (const row of rows) object.derive?.(row.rec, row.prior);

        for (const row of rows) {
            if (checkRecord(this.#schema, this.#store, object, row, problems) && !this.#validationRulesOff) {
                applyRules(this.#formulas, object, row, problems, userId);
            }
        }
        checkUnique(this.#store, object, rows, problems);
        problems.throwIfAny();

        const now = this.#now();
        for (const row of rows) {
            if (isInsert) {
                row.rec.Id = this.#store.newId(object);
                row.rec.CreatedDate = now;
                row.rec.CreatedById = userId;
                const name = object.field('Name');
                if (name?.type === 'AutoNumber') row.rec.Name = this.#store.autoNumber(object, name);
            }
            row.rec.LastModifiedDate = now;
            row.rec.LastModifiedById = userId;
            row.rec.SystemModstamp = now;
            this.#store.put(object, row.rec);
        }
        // The platform's own record of the save: an opportunity's stage history (opportunity-history.mjs).
        if (object.name === 'Opportunity') writeOpportunityHistory(this.#schema, this.#store, rows, { userId, now });

        this.#triggers.fire(object, isInsert ? 'after insert' : 'after update', rows, problems, userId, depth);
        problems.throwIfAny();
        this.#rollups(object, rows, problems, userId, depth);
        return rows.map((row) => row.rec.Id);
    }

    /** The record as it will be saved: the stored one with the given fields over it, or a new one with defaults. */
    #prepare(object, input, index, { isInsert, system, userId, problems, seen }) {
        if (!input || typeof input !== 'object') throw new TypeError(`record ${index} is not an object`);
        let rec;
        let prior;
        if (isInsert) {
            if (input.Id) {
                problems.add(index, 'Id', 'cannot specify Id in an insert call', 'INVALID_FIELD_FOR_INSERT_UPDATE');
                return undefined;
            }
            rec = {};
        } else {
            const id = toId18(input.Id);
            if (!id) {
                problems.add(index, null, 'Id not specified in an update call', 'MISSING_ARGUMENT');
                return undefined;
            }
            prior = this.#store.table(object.name).get(id);
            if (!prior) {
                const what =
                    this.#schema.objectOfPrefix(id.slice(0, 3))?.name === object.name
                        ? 'entity is deleted'
                        : 'invalid cross reference id';
                problems.add(
                    index,
                    null,
                    what,
                    what === 'entity is deleted' ? 'ENTITY_IS_DELETED' : 'INVALID_CROSS_REFERENCE_KEY'
                );
                return undefined;
            }
            if (seen.has(id)) {
                problems.add(index, null, `Duplicate id in list: ${id}`, 'DUPLICATE_VALUE');
                return undefined;
            }
            seen.add(id);
            rec = { ...prior };
        }
        for (const [key, value] of Object.entries(input)) {
            if (key === 'Id' || key === 'attributes') continue;
            const field = object.field(key);
            if (!field) {
                // Parents and child lists read along with the record (Opportunity__r, Milestones) are not saved.
                if (value !== null && typeof value === 'object' && !(value instanceof Date)) continue;
                throw new Error(`No such column '${key}' on sobject of type ${object.name}`);
            }
            // As in Apex, values of read-only fields that came with a queried record are ignored, not rejected.
            if (!system && (isCalculated(field) || field.readOnly)) continue;
            let coerced;
            try {
                coerced = coerce(field, value);
            } catch (error) {
                if (!(error instanceof ValueError)) throw error;
                problems.add(
                    index,
                    field.name,
                    `${field.label}: value not of required type: ${String(value)}`,
                    'INVALID_TYPE_ON_FIELD_IN_RECORD'
                );
                continue;
            }
            if (
                !isInsert &&
                !system &&
                field.masterDetail &&
                !field.reparentable &&
                !sameValue(coerced, prior[field.name])
            ) {
                problems.add(
                    index,
                    field.name,
                    `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                    'INVALID_FIELD_FOR_INSERT_UPDATE'
                );
                continue;
            }
            rec[field.name] = coerced;
        }
        if (isInsert) {
            // A new parent has no children yet: its counts and sums are 0, its minimums and maximums blank.
            for (const field of object.fieldList) {
                if (field.summary) rec[field.name] = ['count', 'sum'].includes(field.summary.operation) ? 0 : null;
            }
            for (const field of object.fieldList) {
                if (rec[field.name] !== undefined || isCalculated(field) || field.readOnly) continue;
                if (field.picklist?.default !== undefined) rec[field.name] = field.picklist.default;
                else if (field.defaultValue !== undefined) {
                    rec[field.name] = this.#formulas.defaultValue(object, field, userId);
                } else if (field.name === 'OwnerId') rec.OwnerId = userId;
                else if (field.type === 'Checkbox') rec[field.name] = false;
            }
        }
        for (const field of object.fieldList) {
            if (field.type === 'Checkbox' && rec[field.name] == null && !isCalculated(field)) rec[field.name] = false;
        }
        return { index, rec, prior, isNew: isInsert };
    }

    /** Saves the parents whose roll-ups the rows changed (rollups.mjs), reporting a parent's failure on its child. */
    #rollups(object, rows, problems, userId, depth) {
        for (const { parent, updates, causes } of rollupChanges(this.#schema, this.#store, object, rows)) {
            try {
                this.dml('update', parent.name, updates, { userId, system: true, depth: depth + 1 });
            } catch (error) {
                if (!(error instanceof DmlError)) throw error;
                // The platform reports a parent's failure on the child row whose save caused it.
                for (const inner of error.errors) {
                    problems.add(causes[inner.recordIndex] ?? 0, null, inner.message, inner.statusCode, {
                        parent: { sobject: parent.name, id: updates[inner.recordIndex]?.Id, field: inner.field }
                    });
                }
                problems.throwIfAny();
            }
        }
    }

    /**
     * Deletes records by id; details of a master-detail go with their master, lookups that allow it are cleared,
     * and the masters' roll-ups are recalculated. Returns the ids or throws a DmlError.
     */
    delete(object, ids, userId, depth) {
        const schema = this.#schema;
        const store = this.#store;
        const problems = new Problems('delete', object.name);
        const doomed = new Map();
        const collect = (currentObject, record, index) => {
            if (doomed.has(record.Id)) return;
            doomed.set(record.Id, { object: currentObject, record, index });
            for (const relation of currentObject.childRelationships) {
                if (relation.deleteConstraint !== 'Cascade') continue;
                const child = schema.object(relation.childObject);
                for (const childId of store.childIds(child.name, relation.field, record.Id)) {
                    collect(child, store.table(child.name).get(childId), index);
                }
            }
        };
        const requested = [];
        ids.forEach((raw, index) => {
            const id = toId18(raw);
            const record = id && store.table(object.name).get(id);
            if (!record) problems.add(index, null, 'entity is deleted', 'ENTITY_IS_DELETED');
            else requested.push({ index, rec: undefined, prior: record });
        });
        problems.throwIfAny();
        // Apex Developer Guide, "Triggers and Order of Execution" and "Operations That Don't Invoke Triggers": the
        // before delete triggers of the records the statement names run first; records deleted by a cascade do not
        // fire triggers.
        this.#triggers.fire(object, 'before delete', requested, problems, userId, depth);
        problems.throwIfAny();
        for (const row of requested) {
            const current = store.table(object.name).get(row.prior.Id);
            if (current) collect(object, current, row.index);
        }
        for (const { object: currentObject, record, index } of doomed.values()) {
            for (const relation of currentObject.childRelationships) {
                if (relation.deleteConstraint !== 'Restrict') continue;
                const childIds = store.childIds(relation.childObject, relation.field, record.Id);
                if ([...childIds].some((childId) => !doomed.has(childId))) {
                    problems.add(
                        index,
                        null,
                        `Your attempt to delete ${record.Name ?? record.Id} could not be completed because it is associated with ${relation.childObject} records.`,
                        'DELETE_FAILED'
                    );
                }
            }
        }
        problems.throwIfAny();

        // Lookups that allow it are cleared on the records that stay, without running their triggers or rules.
        const now = this.#now();
        for (const { object: currentObject, record } of doomed.values()) {
            for (const relation of currentObject.childRelationships) {
                if (relation.deleteConstraint !== 'SetNull') continue;
                const child = schema.object(relation.childObject);
                for (const childId of [...store.childIds(child.name, relation.field, record.Id)]) {
                    if (doomed.has(childId)) continue;
                    const stored = store.table(child.name).get(childId);
                    store.put(child, { ...stored, [relation.field]: null, SystemModstamp: now });
                }
            }
        }
        const byObject = new Map();
        for (const entry of doomed.values()) {
            store.drop(entry.object, entry.record.Id);
            if (!byObject.has(entry.object)) byObject.set(entry.object, []);
            byObject.get(entry.object).push({ index: entry.index, rec: undefined, prior: entry.record });
        }
        this.#triggers.fire(object, 'after delete', requested, problems, userId, depth);
        problems.throwIfAny();
        for (const [currentObject, rows] of byObject) this.#rollups(currentObject, rows, problems, userId, depth);
        return ids.map(toId18);
    }
}

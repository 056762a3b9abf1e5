// The embedded in-memory org behind the local preview. It stores records of the package's objects and the few
// standard objects it touches, and applies the package's own metadata on every save, in the platform's order:
//
//   defaults -> platform derivations -> before triggers -> system validation (required, length, restricted
//   picklists, number ranges, lookup targets) -> validation rules -> save -> after triggers -> roll-up summaries
//   recalculated on each parent, a parent whose roll-up changed is saved in turn (its rules and triggers run)
//
// Validation rules and formula fields are evaluated from their XML by scripts/lib/formulas.mjs, with ISNEW,
// ISCHANGED and PRIORVALUE bound from the stored record, $Permission from the running user's permission sets,
// $CustomMetadata from the package's records and TODAY() from the org's clock. Formula fields are computed on
// read. Every public DML call is all-or-nothing, and transaction(fn) makes a group of calls one unit: a journal of
// every record written lets a failure put back exactly what was there.
//
// Saves themselves do not enforce sharing or field-level security (Apex runs in system mode unless told
// otherwise): the org answers access(userId), canRead/canEdit and userRecordAccess (access.mjs, sharing.mjs) for
// the callers that enforce them. Savepoints replay the journal; snapshots are snapshot.mjs.
// The project's triggers are Apex: the org runs them through the trigger runner it is given (the offline Apex
// runtime, apex-runtime/session.mjs). It has no JavaScript copy of them: without a runner, the first trigger event
// throws TriggerRunnerMissingError naming the trigger, unless the caller said `triggers: 'off'`.
// Not modelled: record types, workflow/flows, duplicate rules, governor limits, undelete and the recycle bin.
import { resolve } from 'node:path';
import { evaluateFormula, FormulaError } from '../../scripts/lib/formulas.mjs';
import { formulaType } from '../../scripts/lib/formula-types.mjs';
import { loadOrgSchema, isCalculated } from './schema.mjs';
import { computeAccess, STANDARD_PROFILES, standardProfilePermissions } from './access.mjs';
import { createSharing, userRecordAccessRow } from './sharing.mjs';
import { OPPORTUNITY_STAGES } from '../../scripts/lib/schema/index.mjs';
import { takeSnapshot, restoreTables } from './snapshot.mjs';
import { idSuffix, toId18 } from './ids.mjs';

export { idSuffix, toId18 };

const lower = (name) => name.toLowerCase();
const isBlank = (value) => value === null || value === undefined || value === '';
const sameValue = (a, b) => (isBlank(a) && isBlank(b)) || a === b;

// The platform stops recursive saves at 16 levels of triggers; the same limit catches a loop in the triggers.
const MAX_DEPTH = 16;

// ---------------------------------------------------------------------------------------------------------------
// Ids: 3-character key prefix, a pod-like "5g0", a 9-digit base-62 counter, then the 3-character suffix that makes
// the id case-insensitively unique (one letter per 5 characters, from which of them are upper case).

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function base62(n, width) {
    let out = '';
    for (let rest = n; rest > 0; rest = Math.floor(rest / 62)) out = BASE62[rest % 62] + out;
    return out.padStart(width, '0');
}

// ---------------------------------------------------------------------------------------------------------------
// Errors.

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
class Problems {
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

// ---------------------------------------------------------------------------------------------------------------
// Values as the API stores them: dates 'YYYY-MM-DD', date/times ISO in UTC, numbers rounded to the field's scale,
// ids 18 characters, checkboxes never blank.

class ValueError extends Error {}

function isoDate(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const text = String(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(text)) throw new ValueError();
    const date = text.slice(0, 10);
    if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) throw new ValueError();
    return date;
}

function coerce(field, value) {
    if (value === undefined) return undefined;
    if (field.type === 'Checkbox') {
        if (value === null || value === '') return false;
        if (typeof value === 'boolean') return value;
        if (value === 'true' || value === 'false') return value === 'true';
        throw new ValueError();
    }
    if (value === null || value === '') return null;
    switch (field.valueType ?? field.type) {
        case 'Number':
        case 'Currency':
        case 'Percent': {
            const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
            if (!Number.isFinite(number)) throw new ValueError();
            if (field.scale === undefined) return number;
            const factor = 10 ** field.scale;
            return Math.round(number * factor) / factor;
        }
        case 'Date':
            return isoDate(value);
        case 'DateTime': {
            if (value instanceof Date) return value.toISOString();
            const text = String(value);
            const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
            if (Number.isNaN(time)) throw new ValueError();
            return new Date(time).toISOString();
        }
        case 'Lookup':
        case 'MasterDetail':
        case 'Id': {
            const id = toId18(value);
            if (!id) throw new ValueError();
            return id;
        }
        default:
            if (typeof value === 'object') throw new ValueError();
            return String(value);
    }
}

function matchesFilter(object, record, filter) {
    const field = object.field(filter.field);
    const actual = record[field.name];
    const raw = filter.valueField ? record[object.field(filter.valueField).name] : (filter.value ?? '');
    const operation = filter.operation;
    if (field.type === 'Checkbox') {
        const expected = String(raw).toLowerCase() === 'true';
        if (operation === 'equals') return actual === expected;
        if (operation === 'notEqual') return actual !== expected;
        return false;
    }
    const numeric = ['Number', 'Currency', 'Percent'].includes(field.type);
    const ordered = (compare) => {
        if (isBlank(actual) || isBlank(raw)) return false;
        const [a, b] = numeric ? [Number(actual), Number(raw)] : [String(actual), String(raw)];
        return compare(a < b ? -1 : a > b ? 1 : 0);
    };
    // Text and picklist criteria ignore case; a picklist criterion lists values separated by commas (any of).
    const text = (value) => (isBlank(value) ? '' : String(value).toLowerCase());
    const candidates =
        field.type === 'Picklist'
            ? String(raw)
                  .split(',')
                  .map((value) => value.trim().toLowerCase())
            : [text(raw)];
    const equal = numeric
        ? isBlank(raw)
            ? isBlank(actual)
            : !isBlank(actual) && Number(actual) === Number(raw)
        : candidates.includes(text(actual));
    switch (operation) {
        case 'equals':
            return equal;
        case 'notEqual':
            return !equal;
        case 'lessThan':
            return ordered((c) => c < 0);
        case 'greaterThan':
            return ordered((c) => c > 0);
        case 'lessOrEqual':
            return ordered((c) => c <= 0);
        case 'greaterOrEqual':
            return ordered((c) => c >= 0);
        case 'contains':
            return candidates.some((value) => text(actual).includes(value));
        case 'notContain':
            return !candidates.some((value) => text(actual).includes(value));
        case 'startsWith':
            return candidates.some((value) => text(actual).startsWith(value));
        case 'includes':
        case 'excludes': {
            const chosen = text(actual)
                .split(';')
                .map((value) => value.trim());
            const any = candidates.some((value) => chosen.includes(value));
            return operation === 'includes' ? any : !any;
        }
        default:
            throw new Error(`roll-up filter operation ${operation} is not supported by the embedded org`);
    }
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

// The locale keys the org's own first users get (an English org in the US); Apex must set them (User is required).
const USER_LOCALE_DEFAULTS = {
    TimeZoneSidKey: 'America/Los_Angeles',
    LocaleSidKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
    LanguageLocaleKey: 'en_US'
};

// Object Reference, OpportunityStage: ForecastCategory is the API value of ForecastCategoryName.
const FORECAST_CATEGORY = {
    Omitted: 'Omitted',
    Pipeline: 'Pipeline',
    'Best Case': 'BestCase',
    Commit: 'Forecast',
    Closed: 'Closed'
};

const needsCache = new WeakMap();

/** What a compiled formula reads, sorted once: fields to bind, save functions, and whether it needs the user. */
function needsOf(analysis) {
    let needs = needsCache.get(analysis);
    if (!needs) {
        const references = analysis.references;
        needs = {
            fields: references
                .filter((reference) => reference.kind === 'field')
                .map((reference) => ({ parts: reference.parts, key: reference.parts.join('.') })),
            saves: references.filter((reference) => reference.kind === 'save' && reference.field),
            permissions: references.some((reference) => reference.kind === 'permission'),
            user: references.some((reference) => reference.kind === 'global' && reference.parts[0] === '$User'),
            clock: analysis.usesClock
        };
        needsCache.set(analysis, needs);
    }
    return needs;
}

// ---------------------------------------------------------------------------------------------------------------

class Org {
    #root;
    #schema;
    #today;
    #currentUserId = null;
    #tables = new Map();
    #index = new Map();
    #counters = new Map();
    #journal = [];
    #open = 0;
    #savepoints = [];
    #triggerRunner = null;
    #triggersOff = false;
    #validationRulesOff = false;
    #activeDepth = 0;
    #grants = new Map();
    #sharingModels = {};
    #accessCache = new Map();
    #sharing;
    #formulaCache = new Map();
    #permissionCache = new Map();
    #metadataOverrides = {};

    constructor({
        root,
        today,
        fresh,
        users,
        currentUserId,
        triggerRunner,
        triggers,
        validationRules,
        from,
        sharing,
        customMetadata
    }) {
        this.#root = root;
        this.#schema = loadOrgSchema(root, { fresh });
        this.#triggerRunner = triggerRunner ?? null;
        this.#triggersOff = triggers === 'off';
        this.#validationRulesOff = validationRules === 'off';
        this.problems = [...this.#schema.problems];
        this.#today = today ? isoDate(today) : todayUtc();
        this.#sharingModels = { ...sharing };
        this.#sharing = this.#newSharing();
        if (from) {
            this.restore(from);
            if (today) this.#today = isoDate(today);
        } else {
            for (const object of this.#schema.objects.values()) this.#tables.set(lower(object.name), new Map());
            this.#bootstrap(users, currentUserId);
        }
        for (const [record, values] of Object.entries(customMetadata ?? {})) this.setCustomMetadata(record, values);
    }

    #newSharing() {
        return createSharing({
            schema: this.#schema,
            models: this.#sharingModels,
            record: (objectName, id) => this.#table(objectName)?.get(id),
            roleOf: (userId) => this.#table('User').get(userId)?.UserRoleId ?? null,
            parentRole: (roleId) => (roleId ? (this.#table('UserRole').get(roleId)?.ParentRoleId ?? null) : null),
            access: (userId) => this.access(userId),
            childIds: (objectName, field, parentId) =>
                this.#index.get(`${lower(objectName)}.${lower(field)}`)?.get(parentId) ?? []
        });
    }

    /** The schema read from the project: objects, fields, rules, custom metadata, permission sets. */
    get schema() {
        return this.#schema;
    }

    /** The org's date (TODAY() in formulas, Date.today() in Apex), 'YYYY-MM-DD'. */
    get today() {
        return this.#today;
    }

    /** Moves the org's clock (tests use it to let time pass over saved records). */
    setToday(date) {
        this.#today = isoDate(date);
        this.#changed();
    }

    /** System.now(): the org's date at the current UTC time of day, so stamps keep their order within a day. */
    now() {
        return `${this.#today}T${new Date().toISOString().slice(11)}`;
    }

    get currentUserId() {
        return this.#currentUserId;
    }

    /** Whose session the preview runs as: the default for `as` in every call. */
    setCurrentUser(userId) {
        const id = toId18(userId);
        if (!id || !this.#table('User').has(id)) throw new Error(`no user ${userId} in the org`);
        this.#currentUserId = id;
        // Formula fields may read $User and $Permission.
        this.#changed();
    }

    // -----------------------------------------------------------------------------------------------------------
    // Reading.

    /** The record with its formula fields computed, or null. A copy: change it and save it with update(). */
    get(sobject, id) {
        const object = this.#schema.object(sobject);
        const stored = this.#table(object.name).get(toId18(id));
        return stored ? this.#withFormulas(object, stored) : null;
    }

    /**
     * Records of an object, formula fields computed, in insertion order. `where` is a predicate over the record or
     * an object of field values to equal; a lookup among those values is answered from the parent index.
     */
    query(sobject, where) {
        const object = this.#schema.object(sobject);
        const table = this.#table(object.name);
        let candidates = table.values();
        let predicate = typeof where === 'function' ? where : () => true;
        if (where && typeof where === 'object') {
            const entries = Object.entries(where).map(([name, value]) => {
                const field = object.field(name);
                if (!field) throw new Error(`No such column '${name}' on sobject of type ${object.name}`);
                return [field, field.referenceTo && value ? toId18(value) : value];
            });
            const indexed = entries.find(([field, value]) => this.#index.has(this.#indexKey(object, field)) && value);
            if (indexed) {
                const ids = this.#index.get(this.#indexKey(object, indexed[0])).get(indexed[1]) ?? [];
                candidates = [...ids].map((id) => table.get(id));
            }
            predicate = (record) => entries.every(([field, value]) => sameValue(record[field.name], value));
        }
        const out = [];
        for (const stored of candidates) {
            const record = this.#withFormulas(object, stored);
            if (predicate(record)) out.push(record);
        }
        return out;
    }

    /** The child records that point at any of `parentIds` through `field` (from the index, no scan). */
    children(sobject, field, parentIds) {
        return this.#childrenOf(sobject, field, parentIds, true);
    }

    #childrenOf(sobject, field, parentIds, formulas) {
        const object = this.#schema.object(sobject);
        const fieldDef = object.field(field);
        if (!fieldDef?.referenceTo) throw new Error(`${object.name}.${field} is not a lookup`);
        const index = this.#index.get(this.#indexKey(object, fieldDef));
        const table = this.#table(object.name);
        const out = [];
        for (const parentId of [parentIds].flat()) {
            for (const id of index?.get(toId18(parentId)) ?? []) {
                out.push(formulas ? this.#withFormulas(object, table.get(id)) : { ...table.get(id) });
            }
        }
        return out;
    }

    /** How many records of each object the org holds. */
    counts() {
        const counts = {};
        for (const object of this.#schema.objects.values()) counts[object.name] = this.#table(object.name).size;
        return counts;
    }

    /** Custom permission names the user holds through permission set assignments. */
    permissionsOf(userId) {
        const id = toId18(userId);
        if (!id) return [];
        if (!this.#permissionCache.has(id)) {
            const names = new Set();
            const assignments = this.#index.get('permissionsetassignment.assigneeid')?.get(id) ?? [];
            for (const assignmentId of assignments) {
                const assignment = this.#table('PermissionSetAssignment').get(assignmentId);
                const set = this.#table('PermissionSet').get(assignment.PermissionSetId);
                for (const permission of this.#schema.permissionSets.get(lower(set.Name))?.customPermissions ?? []) {
                    names.add(permission);
                }
            }
            this.#permissionCache.set(id, [...names]);
        }
        return this.#permissionCache.get(id);
    }

    /** Permission set API names assigned to the user. */
    permissionSetsOf(userId) {
        const id = toId18(userId);
        const assignments = this.#index.get('permissionsetassignment.assigneeid')?.get(id) ?? [];
        return [...assignments].map(
            (assignmentId) =>
                this.#table('PermissionSet').get(
                    this.#table('PermissionSetAssignment').get(assignmentId).PermissionSetId
                ).Name
        );
    }

    /** Custom metadata records of a type, from the package, with any override of setCustomMetadata. */
    customMetadata(type) {
        const name = this.#schema.customMetadataTypes.get(lower(type))?.name ?? type;
        return this.#schema.customMetadata(type).map((record) => ({
            ...record,
            ...this.#metadataOverrides[`${name}.${record.DeveloperName}`]
        }));
    }

    /**
     * Overrides fields of one custom metadata record, as a subscriber's admin would edit it in Setup:
     * setCustomMetadata('Plan_Setting__mdt.Default', { Active_Plan_Stages__c: 'Closed Won' }). Validation rules
     * and formulas read the override from then on; null drops every override of that record.
     */
    setCustomMetadata(recordName, values) {
        const [type, developerName] = recordName.split('.');
        const entry = this.#schema.customMetadataTypes.get(lower(type));
        const record = entry?.records.find(
            (candidate) => lower(candidate.DeveloperName) === lower(developerName ?? '')
        );
        if (!record) throw new Error(`no custom metadata record ${recordName} in the package`);
        const key = `${entry.name}.${record.DeveloperName}`;
        if (values === null) {
            delete this.#metadataOverrides[key];
        } else {
            for (const name of Object.keys(values)) {
                if (!(name in record)) throw new Error(`no field ${name} on ${entry.name}`);
            }
            this.#metadataOverrides[key] = { ...this.#metadataOverrides[key], ...values };
        }
        this.#changed();
    }

    // -----------------------------------------------------------------------------------------------------------
    // Writing.

    /**
     * Inserts records (one or a list) as the user `as` (default: the current user). All or nothing: returns the
     * new ids (also set on the given objects, as Apex does) or throws a DmlError. With { allOrNone: false },
     * saves what it can and returns one { id, success, errors } per record, like Database.insert(list, false).
     */
    insert(sobject, records, options = {}) {
        return this.#public('insert', sobject, records, options);
    }

    /** Updates records by Id: only the fields given change. Same contract as insert(). */
    update(sobject, records, options = {}) {
        return this.#public('update', sobject, records, options);
    }

    /**
     * Deletes records by id; details of a master-detail go with their master, lookups that allow it are cleared,
     * and the masters' roll-ups are recalculated. Returns the ids or throws a DmlError.
     */
    remove(sobject, ids, { as } = {}) {
        const userId = this.#runningUser(as);
        const object = this.#schema.object(sobject);
        if (object.readOnlyDml) throw new DmlNotAllowedError('delete', object.name);
        return this.#unit(() => this.#delete(object, [ids].flat(), userId, this.#activeDepth));
    }

    /**
     * Runs fn(org) as one unit: if it throws, every change made inside is undone and the error rethrown. fn must be
     * synchronous (the org is): a promise would escape the unit, so it is refused.
     */
    transaction(fn) {
        return this.#unit(() => {
            const result = fn(this);
            if (result && typeof result.then === 'function') {
                result.then(
                    () => {},
                    () => {}
                );
                throw new TypeError('org.transaction(fn): fn must be synchronous; an async fn cannot be rolled back');
            }
            return result;
        });
    }

    /** Assigns permission sets (API names) to a user. */
    assignPermissionSets(userId, names, { as } = {}) {
        const sets = this.query('PermissionSet');
        const records = [names].flat().map((name) => {
            const set = sets.find((candidate) => lower(candidate.Name) === lower(name));
            if (!set) throw new Error(`no permission set ${name} in the package`);
            return { AssigneeId: userId, PermissionSetId: set.Id };
        });
        return this.insert('PermissionSetAssignment', records, { as: as ?? userId });
    }

    /** The project's triggers on the object: [{ name, object, file, events: ['before insert', ...] }]. */
    triggersFor(objectName) {
        const name = lower(this.#schema.object(objectName).name);
        return this.#schema.triggers.filter((trigger) => lower(trigger.object) === name);
    }

    // -----------------------------------------------------------------------------------------------------------
    // Savepoints and snapshots.

    /**
     * Database.setSavepoint(): a token marking the store as it is now. The journal of every write is kept while
     * any savepoint is open (released by rollbackTo of an earlier one, releaseSavepoint, or releaseAll).
     */
    savepoint() {
        const token = Object.freeze({ savepoint: Symbol('savepoint'), mark: this.#journal.length });
        this.#savepoints.push(token);
        return token;
    }

    /**
     * Database.rollback(savepoint) (Apex Developer Guide, "Transaction Control"): every write after the savepoint is
     * undone; savepoints set after it become invalid, it stays valid. Ids and auto-numbers handed out after it are
     * not reused (the Ids of records inserted after it are not cleared either; they now name nothing).
     */
    rollbackTo(token) {
        const at = this.#savepoints.indexOf(token);
        if (at < 0) throw new Error('Invalid savepoint: it was released or rolled back past');
        this.#savepoints.length = at + 1;
        this.#rollbackTo(token.mark);
    }

    /** Database.releaseSavepoint(savepoint): it and the savepoints set after it become invalid. */
    releaseSavepoint(token) {
        const at = this.#savepoints.indexOf(token);
        if (at < 0) throw new Error('Invalid savepoint: it was released or rolled back past');
        this.#savepoints.length = at;
        if (!this.#savepoints.length && this.#open === 0) this.#journal.length = 0;
    }

    /** The end of a transaction: every savepoint becomes invalid and the journal is dropped. */
    releaseAll() {
        this.#savepoints.length = 0;
        if (this.#open === 0) this.#journal.length = 0;
    }

    /**
     * An immutable copy of the whole store (tables, indexes, id and auto-number counters, the clock, the current
     * user, custom metadata overrides, access grants and sharing overrides): createOrg({ from }) or restore() start
     * from it, each with its own store, so one test method's writes never reach the next.
     */
    snapshot() {
        if (this.#open) throw new Error('org.snapshot(): not inside a unit of work');
        return takeSnapshot({
            root: this.#root,
            tables: this.#tables,
            index: this.#index,
            counters: this.#counters,
            today: this.#today,
            currentUserId: this.#currentUserId,
            metadataOverrides: this.#metadataOverrides,
            grants: this.#grants,
            sharingModels: this.#sharingModels
        });
    }

    /** Replaces this org's whole store with the snapshot's (savepoints and the journal are dropped). */
    restore(snapshot) {
        if (this.#open) throw new Error('org.restore(): not inside a unit of work');
        if (snapshot.root !== this.#root) throw new Error('org.restore(): the snapshot is of another project');
        const state = restoreTables(snapshot);
        this.#tables = state.tables;
        this.#index = state.index;
        this.#counters = state.counters;
        this.#today = state.today;
        this.#currentUserId = state.currentUserId;
        this.#metadataOverrides = state.metadataOverrides;
        this.#grants = state.grants;
        this.#sharingModels = state.sharingModels;
        this.#sharing = this.#newSharing();
        this.#journal = [];
        this.#savepoints = [];
        this.#changed();
    }

    // -----------------------------------------------------------------------------------------------------------
    // Access and sharing.

    /**
     * Object permissions, field-level security and custom permissions of the user: profile + permission sets +
     * grantAccess (see access.mjs for the shape).
     */
    access(userId) {
        const id = toId18(userId);
        const user = id && this.#table('User').get(id);
        if (!user) throw new Error(`no user ${userId} in the org`);
        if (!this.#accessCache.has(id)) {
            const profile = user.ProfileId ? this.#table('Profile').get(user.ProfileId)?.Name : undefined;
            if (!profile) throw new Error(`user ${user.Username} has no profile`);
            this.#accessCache.set(
                id,
                computeAccess(this.#schema, {
                    profile,
                    permissionSets: this.permissionSetsOf(id),
                    grants: this.#grants.get(id) ?? []
                })
            );
        }
        return this.#accessCache.get(id);
    }

    /**
     * Gives a user access beyond their profile and permission sets, as an admin's extra permission set would:
     * { objects: { Name: { read, create, edit, delete, viewAll, modifyAll } }, fields: { 'Object.Field': { read,
     * edit } } or ['Object.Field', ...] (read and edit), customPermissions: [names] }.
     */
    grantAccess(userId, grant) {
        const id = toId18(userId);
        if (!id || !this.#table('User').has(id)) throw new Error(`no user ${userId} in the org`);
        for (const name of Object.keys(grant.objects ?? {})) this.#schema.object(name);
        const fields = Array.isArray(grant.fields) ? grant.fields : Object.keys(grant.fields ?? {});
        for (const qualified of fields) {
            const [objectName, fieldName] = qualified.split('.');
            if (!this.#schema.object(objectName).field(fieldName ?? '')) throw new Error(`no field ${qualified}`);
        }
        this.#grants.set(id, [...(this.#grants.get(id) ?? []), structuredClone(grant)]);
        this.#changed();
    }

    /** The organization-wide default of an object: 'Private', 'Read', 'ReadWrite', 'ControlledByParent', ... */
    sharingModel(objectName) {
        return this.#sharing.model(objectName);
    }

    /** Changes organization-wide defaults, as an admin would in Sharing Settings: { Opportunity: 'Private' }. */
    setSharingModels(models) {
        this.#sharingModels = { ...this.#sharingModels, ...models };
        this.#sharing = this.#newSharing();
        for (const name of Object.keys(models)) this.#sharing.model(name);
    }

    /** Record-level read access (sharing only; object permissions are access(userId).object(name).read). */
    canRead(userId, objectName, row) {
        return this.#sharing.canRead(toId18(userId), objectName, this.#sharingRow(objectName, row));
    }

    /** Record-level edit access (sharing only). */
    canEdit(userId, objectName, row) {
        return this.#sharing.canEdit(toId18(userId), objectName, this.#sharingRow(objectName, row));
    }

    /** Record-level delete access (sharing only): owner, above the owner, Modify All. */
    canDelete(userId, objectName, row) {
        return this.#sharing.canDelete(toId18(userId), objectName, this.#sharingRow(objectName, row));
    }

    /**
     * The UserRecordAccess rows of `SELECT ... FROM UserRecordAccess WHERE UserId = :u AND RecordId = :id` (or IN
     * up to 200 ids, Object Reference, UserRecordAccess): one per id of a stored record, { UserId, RecordId,
     * HasReadAccess, HasEditAccess, HasDeleteAccess, HasTransferAccess, HasAllAccess, MaxAccessLevel }. An id
     * that names no record gives no row.
     */
    userRecordAccess(userId, recordIds) {
        const user = toId18(userId);
        const ids = [recordIds].flat();
        if (ids.length > 200) throw new Error('UserRecordAccess: a query can ask for at most 200 record ids');
        const rows = [];
        for (const raw of ids) {
            const id = toId18(raw);
            const object = id && this.#schema.objectOfPrefix(id.slice(0, 3));
            const row = object && this.#table(object.name).get(id);
            if (!row) continue;
            const level = this.#sharing.level(user, object.name, row);
            rows.push(userRecordAccessRow(user, id, level, this.access(user).object(object.name)));
        }
        return rows;
    }

    /** Sharing reads the stored record (owner, parents) when given an id or a row with only some fields. */
    #sharingRow(objectName, row) {
        const object = this.#schema.object(objectName);
        const id = typeof row === 'string' ? toId18(row) : toId18(row?.Id);
        const stored = id ? this.#table(object.name).get(id) : undefined;
        if (typeof row === 'string') {
            if (!stored) throw new Error(`no ${object.name} ${row} in the org`);
            return stored;
        }
        return stored ? { ...stored, ...row } : row;
    }

    /** The Id of a standard profile by name ('Standard User'). */
    profileId(name) {
        const found = [...this.#table('Profile').values()].find((profile) => lower(profile.Name) === lower(name));
        if (!found) throw new Error(`no profile ${name} in the org`);
        return found.Id;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Internals: the store and its journal.

    #table(name) {
        return this.#tables.get(lower(name));
    }

    #indexKey(object, field) {
        return `${lower(object.name)}.${lower(field.name)}`;
    }

    #changed() {
        this.#formulaCache.clear();
        this.#permissionCache.clear();
        this.#accessCache.clear();
    }

    /** Writes a record (replacing any with its Id), keeps the parent indexes, journals what was there. */
    #put(object, record, journal = true) {
        const table = this.#table(object.name);
        const before = table.get(record.Id);
        if (journal) this.#journal.push({ object, id: record.Id, before });
        table.set(record.Id, record);
        this.#reindex(object, record.Id, before, record);
        this.#changed();
    }

    #drop(object, id, journal = true) {
        const table = this.#table(object.name);
        const before = table.get(id);
        if (!before) return;
        if (journal) this.#journal.push({ object, id, before });
        table.delete(id);
        this.#reindex(object, id, before, undefined);
        this.#changed();
    }

    #reindex(object, id, before, after) {
        for (const field of object.fieldList) {
            if (!field.referenceTo || field.readOnly) continue;
            const from = before?.[field.name] ?? null;
            const to = after?.[field.name] ?? null;
            if (from === to) continue;
            const key = this.#indexKey(object, field);
            let index = this.#index.get(key);
            if (!index) this.#index.set(key, (index = new Map()));
            if (from) {
                const set = index.get(from);
                set?.delete(id);
                if (set && !set.size) index.delete(from);
            }
            if (to) {
                if (!index.has(to)) index.set(to, new Set());
                index.get(to).add(id);
            }
        }
    }

    #rollbackTo(mark) {
        while (this.#journal.length > mark) {
            const { object, id, before } = this.#journal.pop();
            if (before) this.#put(object, before, false);
            else this.#drop(object, id, false);
        }
    }

    /** One all-or-nothing unit; the journal is only kept while a unit is open. */
    #unit(fn) {
        const mark = this.#journal.length;
        this.#open++;
        try {
            return fn();
        } catch (error) {
            this.#rollbackTo(mark);
            throw error;
        } finally {
            // While a savepoint is open the journal is what rolling back to it replays.
            if (--this.#open === 0 && !this.#savepoints.length) this.#journal.length = 0;
        }
    }

    #newId(object) {
        const n = (this.#counters.get(object.keyPrefix) ?? 0) + 1;
        this.#counters.set(object.keyPrefix, n);
        const id15 = `${object.keyPrefix}5g0${base62(n, 9)}`;
        return id15 + idSuffix(id15);
    }

    #runningUser(as) {
        const id = as === undefined ? this.#currentUserId : toId18(as);
        const user = id && this.#table('User').get(id);
        if (!user)
            throw new Error(`no running user: ${as === undefined ? 'call setCurrentUser first' : `no user ${as}`}`);
        if (!user.IsActive) throw new Error(`user ${user.Name} is inactive`);
        return id;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Formulas.

    /** The stored record with formula fields computed (cached until anything changes). */
    #withFormulas(object, stored) {
        if (!object.formulaFields.length) return { ...stored };
        let values = this.#formulaCache.get(stored.Id);
        if (!values) {
            const record = this.#computeFormulas(object, { ...stored });
            values = {};
            for (const { field } of object.formulaFields) values[field.name] = record[field.name];
            this.#formulaCache.set(stored.Id, values);
        }
        return { ...stored, ...values };
    }

    /** Fills the formula fields of a working copy, each after those it reads. */
    #computeFormulas(object, record) {
        for (const { field, analysis } of object.formulaFields) {
            if (!analysis.compiled) {
                record[field.name] = null;
                continue;
            }
            try {
                record[field.name] = evaluateFormula(
                    this.#root,
                    { object: object.name, field: field.name },
                    this.#scenario(object, analysis, record, { userId: this.#currentUserId })
                );
            } catch (error) {
                // A formula that fails at run time shows #Error! on the platform: here it reads as blank.
                if (!(error instanceof FormulaError)) throw error;
                record[field.name] = null;
            }
        }
        return record;
    }

    /** The value a formula on `object` sees at `parts` ('Opportunity__r', 'CloseDate'), following lookups. */
    #valueAt(object, record, parts) {
        let current = record;
        let currentObject = object;
        for (const relationship of parts.slice(0, -1)) {
            const fieldName = /__r$/i.test(relationship) ? relationship.replace(/__r$/i, '__c') : `${relationship}Id`;
            const field = currentObject.field(fieldName);
            const id = field && current[field.name];
            if (!id) return null;
            currentObject = this.#schema.object(field.referenceTo);
            current = this.#table(currentObject.name).get(id);
            if (!current) return null;
        }
        const leaf = currentObject.field(parts[parts.length - 1]);
        if (!leaf) return null;
        if (leaf.formula !== undefined && current[leaf.name] === undefined) {
            current =
                current === record
                    ? this.#computeFormulas(currentObject, record)
                    : this.#withFormulas(currentObject, current);
        }
        return current[leaf.name] ?? null;
    }

    /** The scenario formulas.mjs evaluates: only the values the formula reads, bound from the org. */
    #scenario(object, analysis, record, { isNew = false, prior, userId }) {
        const bound = {};
        const changed = [];
        const priorValues = {};
        const needs = needsOf(analysis);
        for (const reference of needs.fields) {
            bound[reference.key] = this.#valueAt(object, record, reference.parts);
        }
        for (const reference of needs.saves) {
            bound[reference.field] = record[reference.field] ?? null;
            const before = prior?.[reference.field] ?? null;
            if (reference.save === 'ISCHANGED' && prior && !sameValue(before, bound[reference.field])) {
                changed.push(reference.field);
            }
            if (reference.save === 'PRIORVALUE' && prior) priorValues[reference.field] = before;
        }
        return {
            record: bound,
            changed,
            isNew,
            prior: priorValues,
            permissions: needs.permissions ? this.permissionsOf(userId) : [],
            customMetadata: this.#metadataOverrides,
            user: needs.user && userId ? this.#table('User').get(userId) : undefined,
            today: this.#today,
            now: needs.clock ? this.now() : undefined
        };
    }

    #defaultValue(object, field, userId) {
        if (field.defaultValue === 'true' || field.defaultValue === 'false') return field.defaultValue === 'true';
        const formula = { object: object.name, formula: field.defaultValue, returnType: formulaType(field.type) };
        const scenario = {
            record: {},
            permissions: this.permissionsOf(userId),
            customMetadata: this.#metadataOverrides,
            today: this.#today,
            now: this.now()
        };
        return coerce(field, evaluateFormula(this.#root, formula, scenario));
    }

    // -----------------------------------------------------------------------------------------------------------
    // Saving.

    #public(operation, sobject, records, { as, allOrNone = true } = {}) {
        const userId = this.#runningUser(as);
        const list = [records].flat();
        const ids = this.#unit(() =>
            this.#dml(operation, sobject, list, { userId, allOrNone, depth: this.#activeDepth })
        );
        if (operation === 'insert') {
            const results = allOrNone ? ids.map((id) => ({ id })) : ids;
            list.forEach((record, i) => {
                if (results[i]?.id && record && typeof record === 'object') record.Id = results[i].id;
            });
        }
        return ids;
    }

    /** One DML statement; nested ones (triggers, roll-ups) come back through here with a greater depth. */
    #dml(operation, sobject, records, { userId, allOrNone = true, system = false, depth = 0 }) {
        if (depth > MAX_DEPTH) throw new Error(`maximum trigger depth exceeded (${operation} ${sobject})`);
        const object = this.#schema.object(sobject);
        if (object.readOnlyDml && !system) throw new DmlNotAllowedError(operation, object.name);
        if (allOrNone) {
            return this.#unit(() => this.#saveBatch(operation, object, records, { userId, system, depth }));
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
                const ids = this.#unit(() => this.#saveBatch(operation, object, batch, { userId, system, depth }));
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
        this.#trigger(object, isInsert ? 'before insert' : 'before update', rows, problems, userId, depth);
        problems.throwIfAny();
        for (const row of rows) object.derive?.(row.rec, row.prior);

        for (const row of rows) {
            if (this.#checkRecord(object, row, problems)) this.#applyRules(object, row, problems, userId);
        }
        problems.throwIfAny();

        const now = this.now();
        for (const row of rows) {
            if (isInsert) {
                row.rec.Id = this.#newId(object);
                row.rec.CreatedDate = now;
                row.rec.CreatedById = userId;
                const name = object.field('Name');
                if (name?.type === 'AutoNumber') row.rec.Name = this.#autoNumber(object, name);
            }
            row.rec.LastModifiedDate = now;
            row.rec.LastModifiedById = userId;
            row.rec.SystemModstamp = now;
            this.#put(object, row.rec);
        }

        this.#trigger(object, isInsert ? 'after insert' : 'after update', rows, problems, userId, depth);
        problems.throwIfAny();
        this.#rollups(object, rows, problems, userId, depth);
        return rows.map((row) => row.rec.Id);
    }

    #autoNumber(object, field) {
        const key = `autonumber:${object.name}`;
        const n = (this.#counters.get(key) ?? 0) + 1;
        this.#counters.set(key, n);
        return (field.displayFormat ?? '{0}').replace(/\{(0+)\}/, (_, zeros) => String(n).padStart(zeros.length, '0'));
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
            prior = this.#table(object.name).get(id);
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
                else if (field.defaultValue !== undefined) rec[field.name] = this.#defaultValue(object, field, userId);
                else if (field.name === 'OwnerId') rec.OwnerId = userId;
                else if (field.type === 'Checkbox') rec[field.name] = false;
            }
        }
        for (const field of object.fieldList) {
            if (field.type === 'Checkbox' && rec[field.name] == null && !isCalculated(field)) rec[field.name] = false;
        }
        return { index, rec, prior, isNew: isInsert };
    }

    /** Required fields, lengths, restricted picklists, number ranges, lookup targets. True when all hold. */
    #checkRecord(object, { index, rec }, problems) {
        const before = problems.list.length;
        const missing = [];
        for (const field of object.fieldList) {
            if (isCalculated(field) || field.readOnly) continue;
            const value = rec[field.name];
            if (isBlank(value)) {
                if (field.required && field.type !== 'Checkbox') missing.push(field.name);
                continue;
            }
            if (field.length && typeof value === 'string' && value.length > field.length) {
                const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
                problems.add(
                    index,
                    field.name,
                    `${field.label}: data value too large: ${shown} (max length=${field.length})`,
                    'STRING_TOO_LONG'
                );
            }
            if (field.picklist?.restricted) {
                const chosen = field.type === 'MultiselectPicklist' ? value.split(';') : [value];
                const bad = chosen.find((choice) => !field.picklist.values.includes(choice));
                if (bad !== undefined) {
                    problems.add(
                        index,
                        field.name,
                        `${field.label}: bad value for restricted picklist field: ${bad}`,
                        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
                    );
                }
            }
            if (field.precision !== undefined && typeof value === 'number') {
                const integerDigits = Math.trunc(Math.abs(value)).toString().length;
                if (Math.trunc(Math.abs(value)) !== 0 && integerDigits > field.precision - (field.scale ?? 0)) {
                    problems.add(
                        index,
                        field.name,
                        `${field.label}: value outside of valid range on numeric field: ${value}`,
                        'NUMBER_OUTSIDE_VALID_RANGE'
                    );
                }
            }
            if (field.referenceTo) {
                const target = this.#schema.object(field.referenceTo);
                if (value.slice(0, 3) !== target.keyPrefix) {
                    problems.add(
                        index,
                        field.name,
                        `${field.label}: id value of incorrect type: ${value}`,
                        'FIELD_INTEGRITY_EXCEPTION'
                    );
                } else if (!this.#table(target.name).has(value)) {
                    problems.add(index, field.name, 'invalid cross reference id', 'INVALID_CROSS_REFERENCE_KEY');
                }
            }
        }
        if (missing.length) {
            problems.add(
                index,
                missing[0],
                `Required fields are missing: [${missing.join(', ')}]`,
                'REQUIRED_FIELD_MISSING',
                {
                    fields: missing
                }
            );
        }
        return problems.list.length === before;
    }

    /** The object's active validation rules (none in a data-load org); each true formula is an error. */
    #applyRules(object, row, problems, userId) {
        if (this.#validationRulesOff || !object.validationRules.length) return;
        const record = { ...row.rec, Id: row.rec.Id ?? null };
        for (const rule of object.validationRules) {
            let failed;
            try {
                failed = evaluateFormula(
                    this.#root,
                    { object: object.name, rule: rule.name },
                    this.#scenario(object, rule.analysis, record, { isNew: row.isNew, prior: row.prior, userId })
                );
            } catch (error) {
                if (!(error instanceof FormulaError)) throw error;
                problems.add(
                    row.index,
                    null,
                    `Validation rule ${rule.name} could not be evaluated: ${error.message}`,
                    'FIELD_CUSTOM_VALIDATION_EXCEPTION'
                );
                continue;
            }
            if (failed === true) {
                problems.add(
                    row.index,
                    rule.errorDisplayField ?? null,
                    rule.errorMessage,
                    'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                    {
                        rule: rule.name
                    }
                );
            }
        }
    }

    /**
     * Runs the project's triggers that declare this event on the object through the trigger runner (the Apex
     * runtime); none with `triggers: 'off'`; without either, the first one fails loudly. Rows of a delete have no
     * `rec`, only `prior`.
     */
    #trigger(object, event, rows, problems, userId, depth) {
        if (!rows.length || this.#triggersOff) return;
        const triggers = this.triggersFor(object.name).filter((trigger) => trigger.events.includes(event));
        for (const trigger of triggers) {
            if (!this.#triggerRunner) throw new TriggerRunnerMissingError(trigger, event);
            try {
                this.#runTrigger(trigger, object, event, rows, problems, userId, depth);
            } catch (error) {
                if (!(error instanceof DmlError)) throw error;
                const phase = event.replace(/\b(\w)/g, (c) => c.toUpperCase()).replace(' ', '');
                for (const row of rows) {
                    problems.add(
                        row.index,
                        null,
                        `${trigger.name}: execution of ${phase} caused by: System.DmlException: ${error.message}`,
                        'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY'
                    );
                }
            }
        }
    }

    #runTrigger(trigger, object, event, rows, problems, userId, depth) {
        const after = event.startsWith('after');
        const deleting = event.endsWith('delete');
        // Apex Developer Guide, "Trigger Context Variables": Trigger.new is the records being saved (editable only
        // in before insert/update), null in delete triggers; Trigger.old is the saved versions (update, delete), read
        // only.
        const records = deleting ? null : rows.map((row) => (after ? Object.freeze({ ...row.rec }) : row.rec));
        const oldRecords = rows[0].prior ? rows.map((row) => Object.freeze({ ...row.prior })) : null;
        const event_ = {
            trigger: { name: trigger.name, object: trigger.object, file: trigger.file },
            operation: event,
            records,
            oldRecords,
            userId,
            depth,
            // addError from Apex (SObject.addError) is FIELD_CUSTOM_VALIDATION_EXCEPTION; the trigger runner passes
            // another status code for an exception that escaped the trigger (CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY).
            addError: (rowIndex, field, message, statusCode = 'FIELD_CUSTOM_VALIDATION_EXCEPTION') => {
                const row = rows[rowIndex];
                if (!row) throw new Error(`addError: no row ${rowIndex} in this ${event} event`);
                const fieldName = field ? (object.field(field)?.name ?? field) : null;
                problems.add(row.index, fieldName, message, statusCode);
            }
        };
        const previous = this.#activeDepth;
        this.#activeDepth = depth + 1;
        try {
            this.#triggerRunner(event_);
        } finally {
            this.#activeDepth = previous;
        }
    }

    /**
     * Recalculates the roll-ups that summarize this object on every parent the saved (or deleted) records point
     * at, before or after the save, from the parent index: one pass over each parent's own children. A parent
     * whose values changed is saved, so its triggers, validation rules and own roll-ups run too.
     */
    #rollups(object, rows, problems, userId, depth) {
        if (!object.rollups.length) return;
        const parents = new Map();
        for (const rollup of object.rollups) {
            if (!parents.has(rollup.parentObject)) parents.set(rollup.parentObject, new Map());
            const ids = parents.get(rollup.parentObject);
            for (const row of rows) {
                for (const id of [row.rec?.[rollup.foreignKey], row.prior?.[rollup.foreignKey]]) {
                    if (id && !ids.has(id)) ids.set(id, row.index);
                }
            }
        }
        for (const [parentName, ids] of parents) {
            const parent = this.#schema.object(parentName);
            const rollups = object.rollups.filter((rollup) => rollup.parentObject === parentName);
            const updates = [];
            const causes = [];
            for (const [id, index] of ids) {
                const stored = this.#table(parentName).get(id);
                if (!stored) continue;
                const values = {};
                for (const rollup of rollups) {
                    const value = this.#rollupValue(object, rollup, id);
                    if (!sameValue(value, stored[rollup.field])) values[rollup.field] = value;
                }
                if (Object.keys(values).length) {
                    updates.push({ Id: id, ...values });
                    causes.push(index);
                }
            }
            if (!updates.length) continue;
            try {
                this.#dml('update', parentName, updates, { userId, system: true, depth: depth + 1 });
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

    #rollupValue(object, rollup, parentId) {
        const ids = this.#index.get(`${lower(object.name)}.${lower(rollup.foreignKey)}`)?.get(parentId) ?? [];
        const table = this.#table(object.name);
        let count = 0;
        let result = null;
        for (const id of ids) {
            const record = table.get(id);
            if (!rollup.filters.every((filter) => matchesFilter(object, record, filter))) continue;
            if (rollup.operation === 'count') {
                count++;
                continue;
            }
            const value = record[object.field(rollup.summarizedField).name];
            if (isBlank(value)) continue;
            if (rollup.operation === 'sum') result = (result ?? 0) + value;
            else if (rollup.operation === 'min') result = result === null || value < result ? value : result;
            else if (rollup.operation === 'max') result = result === null || value > result ? value : result;
        }
        if (rollup.operation === 'count') return count;
        if (rollup.operation === 'sum') {
            const scale = object.field(rollup.summarizedField).scale ?? 2;
            return Math.round((result ?? 0) * 10 ** scale) / 10 ** scale;
        }
        return result;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Deleting.

    #delete(object, ids, userId, depth) {
        const problems = new Problems('delete', object.name);
        const doomed = new Map();
        const collect = (currentObject, record, index) => {
            if (doomed.has(record.Id)) return;
            doomed.set(record.Id, { object: currentObject, record, index });
            for (const relation of currentObject.childRelationships) {
                if (relation.deleteConstraint !== 'Cascade') continue;
                const child = this.#schema.object(relation.childObject);
                const childIds = this.#index.get(`${lower(child.name)}.${lower(relation.field)}`)?.get(record.Id);
                for (const childId of childIds ?? []) collect(child, this.#table(child.name).get(childId), index);
            }
        };
        const requested = [];
        ids.forEach((raw, index) => {
            const id = toId18(raw);
            const record = id && this.#table(object.name).get(id);
            if (!record) problems.add(index, null, 'entity is deleted', 'ENTITY_IS_DELETED');
            else requested.push({ index, rec: undefined, prior: record });
        });
        problems.throwIfAny();
        // Apex Developer Guide, "Triggers and Order of Execution" and "Operations That Don't Invoke Triggers": the
        // before delete triggers of the records the statement names run first; records deleted by a cascade do not
        // fire triggers.
        this.#trigger(object, 'before delete', requested, problems, userId, depth);
        problems.throwIfAny();
        for (const row of requested) {
            const current = this.#table(object.name).get(row.prior.Id);
            if (current) collect(object, current, row.index);
        }
        for (const { object: currentObject, record, index } of doomed.values()) {
            for (const relation of currentObject.childRelationships) {
                if (relation.deleteConstraint !== 'Restrict') continue;
                const childIds = this.#index
                    .get(`${lower(relation.childObject)}.${lower(relation.field)}`)
                    ?.get(record.Id);
                if ([...(childIds ?? [])].some((childId) => !doomed.has(childId))) {
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
        const now = this.now();
        for (const { object: currentObject, record } of doomed.values()) {
            for (const relation of currentObject.childRelationships) {
                if (relation.deleteConstraint !== 'SetNull') continue;
                const child = this.#schema.object(relation.childObject);
                const childIds = this.#index.get(`${lower(child.name)}.${lower(relation.field)}`)?.get(record.Id);
                for (const childId of [...(childIds ?? [])]) {
                    if (doomed.has(childId)) continue;
                    const stored = this.#table(child.name).get(childId);
                    this.#put(child, { ...stored, [relation.field]: null, SystemModstamp: now });
                }
            }
        }
        const byObject = new Map();
        for (const entry of doomed.values()) {
            this.#drop(entry.object, entry.record.Id);
            if (!byObject.has(entry.object)) byObject.set(entry.object, []);
            byObject.get(entry.object).push({ index: entry.index, rec: undefined, prior: entry.record });
        }
        this.#trigger(object, 'after delete', requested, problems, userId, depth);
        problems.throwIfAny();
        for (const [currentObject, rows] of byObject) this.#rollups(currentObject, rows, problems, userId, depth);
        return ids.map(toId18);
    }

    // -----------------------------------------------------------------------------------------------------------

    /**
     * Creates what an org has before anyone logs in: the standard profiles, the sales process's stages, the
     * package's permission sets, and its first users (System Administrator unless `profile` names another).
     */
    #bootstrap(users, currentUserId) {
        this.#unit(() => {
            const system = { userId: null, system: true };
            this.#dml(
                'insert',
                'Profile',
                STANDARD_PROFILES.map((Name) => ({ Name, UserType: 'Standard' })),
                system
            );
            this.#dml(
                'insert',
                'OpportunityStage',
                OPPORTUNITY_STAGES.map((stage, i) => ({
                    ApiName: stage.name,
                    MasterLabel: stage.name,
                    IsActive: true,
                    IsClosed: stage.closed,
                    IsWon: stage.won,
                    SortOrder: i + 1,
                    DefaultProbability: stage.probability,
                    ForecastCategoryName: stage.forecastCategory,
                    ForecastCategory: FORECAST_CATEGORY[stage.forecastCategory]
                })),
                system
            );
            const packageSets = [...this.#schema.permissionSets.values()];
            const sets = packageSets.map((set) => ({
                Name: set.name,
                Label: set.label,
                Description: set.description?.slice(0, 255) ?? null,
                NamespacePrefix: null,
                IsOwnedByProfile: false,
                IsCustom: true,
                PermissionsViewAllData: set.userPermissions.includes('ViewAllData'),
                PermissionsModifyAllData: set.userPermissions.includes('ModifyAllData'),
                PermissionsCustomizeApplication: set.userPermissions.includes('CustomizeApplication')
            }));
            if (sets.length) this.#dml('insert', 'PermissionSet', sets, system);
            const profiles = new Map(this.query('Profile').map((profile) => [lower(profile.Name), profile.Id]));
            // Each profile owns a permission set holding its permissions, and every set has one ObjectPermissions
            // row per object it grants anything on (Object Reference, "PermissionSet", "ObjectPermissions"), so
            // code can find a profile by what it may do rather than by its name, which orgs translate.
            const objectNames = [...this.#schema.objects.values()]
                .filter((object) => !object.setup && object.keyPrefix)
                .map((object) => object.name);
            const profileSets = STANDARD_PROFILES.map((name) => {
                const { userPermissions } = standardProfilePermissions(name, objectNames);
                const profileId = profiles.get(lower(name));
                return {
                    Name: `X${profileId.slice(0, 15)}`,
                    Label: name,
                    NamespacePrefix: null,
                    IsOwnedByProfile: true,
                    IsCustom: false,
                    ProfileId: profileId,
                    PermissionsViewAllData: userPermissions.has('ViewAllData') || userPermissions.has('ModifyAllData'),
                    PermissionsModifyAllData: userPermissions.has('ModifyAllData'),
                    PermissionsCustomizeApplication: userPermissions.has('CustomizeApplication')
                };
            });
            const profileSetIds = this.#dml('insert', 'PermissionSet', profileSets, system);
            const objectRows = (parentId, entries) =>
                entries
                    .filter((entry) =>
                        ['read', 'create', 'edit', 'delete', 'viewAll', 'modifyAll'].some((k) => entry[k])
                    )
                    .map((entry) => ({
                        ParentId: parentId,
                        SobjectType: entry.object,
                        PermissionsRead: Boolean(entry.read),
                        PermissionsCreate: Boolean(entry.create),
                        PermissionsEdit: Boolean(entry.edit),
                        PermissionsDelete: Boolean(entry.delete),
                        PermissionsViewAllRecords: Boolean(entry.viewAll),
                        PermissionsModifyAllRecords: Boolean(entry.modifyAll)
                    }));
            const packageSetIds = new Map(
                this.query('PermissionSet', { IsOwnedByProfile: false }).map((set) => [lower(set.Name), set.Id])
            );
            const permissionRows = [
                ...STANDARD_PROFILES.flatMap((name, i) =>
                    objectRows(profileSetIds[i], standardProfilePermissions(name, objectNames).objects)
                ),
                ...packageSets.flatMap((set) => objectRows(packageSetIds.get(lower(set.name)), set.objectPermissions))
            ];
            if (permissionRows.length) this.#dml('insert', 'ObjectPermissions', permissionRows, system);
            const given = users.length ? users : [{ FirstName: 'Preview', LastName: 'Admin', Title: 'Administrator' }];
            const records = given.map((entry) => {
                const user = Object.fromEntries(
                    Object.entries(entry).filter(([key]) => key !== 'permissionSets' && key !== 'profile')
                );
                const profile = entry.profile ?? 'System Administrator';
                if (!profiles.has(lower(profile))) throw new Error(`no profile ${profile} in the org`);
                const username =
                    user.Username ??
                    `${[user.FirstName, user.LastName].filter(Boolean).join('.').toLowerCase().replace(/\s+/g, '')}@tandem.preview`;
                return {
                    IsActive: true,
                    Username: username,
                    Email: username,
                    Alias:
                        (String(user.FirstName ?? '').slice(0, 1) + String(user.LastName ?? '').slice(0, 4))
                            .toLowerCase()
                            .replace(/[^a-z0-9]/g, '') || 'user',
                    ProfileId: profiles.get(lower(profile)),
                    ...USER_LOCALE_DEFAULTS,
                    ...user
                };
            });
            const ids = this.#dml('insert', 'User', records, { userId: null, system: true });
            const setIds = new Map(
                this.query('PermissionSet', { IsOwnedByProfile: false }).map((set) => [lower(set.Name), set.Id])
            );
            const assignments = [];
            given.forEach((user, i) => {
                for (const name of user.permissionSets ?? []) {
                    if (!setIds.has(lower(name))) throw new Error(`no permission set ${name} in the package`);
                    assignments.push({ AssigneeId: ids[i], PermissionSetId: setIds.get(lower(name)) });
                }
            });
            if (assignments.length)
                this.#dml('insert', 'PermissionSetAssignment', assignments, { userId: ids[0], system: true });
            const byUsername = (name) => this.query('User', { Username: name })[0]?.Id;
            this.#currentUserId = currentUserId
                ? toId18(currentUserId) && this.#table('User').has(toId18(currentUserId))
                    ? toId18(currentUserId)
                    : byUsername(currentUserId)
                : ids[0];
            if (!this.#currentUserId) throw new Error(`no user ${currentUserId} among the org's users`);
            given.forEach((user, i) => {
                user.Id ??= ids[i];
            });
        });
    }
}

/**
 * Creates an empty org for the project at `root`:
 *   createOrg({ root, today: '2026-03-02', users: [{ FirstName, LastName, Username?, Title, permissionSets: [...] }],
 *               currentUserId })
 * `users` are created first (without a creator) with their permission sets and profile (`profile`: a standard
 * profile name, default System Administrator), and each given object gets its new `Id`; `currentUserId` is an Id
 * or a Username among them (default: the first). `today` fixes the org's clock (default: today, UTC). The org's
 * `problems` lists metadata it could not apply (see schema.mjs).
 *   triggerRunner(event): runs the project's (Apex) triggers, see #runTrigger for `event`; the Apex runtime's
 *     createApexSession gives one. Without it, a save that reaches a trigger throws TriggerRunnerMissingError
 *   triggers: 'off' saves without the project's triggers, for tests of the org's own metadata rules (validation
 *     rules, roll-ups, formulas, access) that want no Apex; the records then lack what the triggers would set
 *   validationRules: 'off' (with triggers: 'off') a data-load org: saves skip the validation rules too, as a large
 *     load with the org's automation deactivated ("Best Practices for Deployments with Large Data Volumes",
 *     "Loading Data from the API"); the loader answers for valid records and for the fields the triggers set.
 *     The rest of a save still applies (system validation, derivations, roll-ups); restore its snapshot() into
 *     an org with triggers to work on the data
 *   from: a snapshot (org.snapshot()) to start from instead of an empty org; root may then be omitted
 *   sharing: organization-wide defaults overriding the platform's, { Opportunity: 'Private' }
 *   customMetadata: custom metadata records as the subscriber's admin edited them (see setCustomMetadata),
 *     { 'Plan_Setting__mdt.Default': { Active_Plan_Stages__c: 'Negotiation/Review' } }
 */
export function createOrg({
    root,
    today,
    users = [],
    currentUserId,
    fresh = false,
    triggerRunner,
    triggers,
    validationRules,
    from,
    sharing,
    customMetadata
}) {
    const projectRoot = root ?? from?.root;
    if (!projectRoot) throw new Error('createOrg: root (the SFDX project directory) is required');
    if (from && users.length) throw new Error('createOrg: users come from the snapshot when `from` is given');
    if (triggerRunner !== undefined && typeof triggerRunner !== 'function') {
        throw new TypeError('createOrg: triggerRunner must be a function(event)');
    }
    if (triggers !== undefined && triggers !== 'off') {
        throw new TypeError(`createOrg: triggers must be 'off' or left out, not ${JSON.stringify(triggers)}`);
    }
    if (triggers === 'off' && triggerRunner) {
        throw new TypeError("createOrg: triggers: 'off' and a triggerRunner contradict each other");
    }
    if (validationRules !== undefined && (validationRules !== 'off' || triggers !== 'off')) {
        throw new TypeError(
            "createOrg: validationRules can only be 'off', and only with triggers: 'off' (a data load)"
        );
    }
    return new Org({
        root: resolve(projectRoot),
        today,
        fresh,
        users,
        currentUserId,
        triggerRunner,
        triggers,
        validationRules,
        from,
        sharing,
        customMetadata
    });
}

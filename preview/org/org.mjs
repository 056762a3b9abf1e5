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
//
// This module is the org's face (createOrg and the Org it returns); each job is its own module: store.mjs (records,
// indexes, ids, the journal, savepoints), save.mjs (DML) with validation.mjs, triggers.mjs and rollups.mjs,
// formula-fields.mjs (formulas on read and on save), custom-metadata.mjs (the package's records and their
// overrides), user-mode.mjs (access and sharing answers), bootstrap.mjs (what an org has before anyone logs in),
// errors.mjs, values.mjs and ids.mjs.
import { resolve } from 'node:path';
import { loadOrgSchema } from './schema.mjs';
import { takeSnapshot, restoreTables } from './snapshot.mjs';
import { idSuffix, toId18 } from './ids.mjs';
import { DmlError, DmlNotAllowedError, TriggerRunnerMissingError } from './errors.mjs';
import { isoDate, isTimeOfDay, lower, sameValue, todayUtc } from './values.mjs';
import { Store } from './store.mjs';
import { FormulaFields } from './formula-fields.mjs';
import { Triggers } from './triggers.mjs';
import { Saves } from './save.mjs';
import { UserMode } from './user-mode.mjs';
import { CustomMetadata } from './custom-metadata.mjs';
import { bootstrapOrg } from './bootstrap.mjs';

export { idSuffix, toId18, DmlError, DmlNotAllowedError, TriggerRunnerMissingError };

class Org {
    #root;
    #schema;
    #today;
    /** The last stamp now() gave. */
    #lastNow;
    /** Milliseconds added to the machine's clock for the time of day of now() (the `timeOfDay` option). */
    #clockShift = 0;
    #currentUserId = null;
    #customMetadata;
    #store;
    #formulas;
    #triggers;
    #saves;
    #userMode;
    #outbox = [];
    #notifications = [];
    /** Platform event messages published by committed transactions, oldest first; the last ReplayId per event. */
    #publishedEvents = [];
    #replayIds = new Map();

    constructor({
        root,
        today,
        timeOfDay,
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
        this.problems = [...this.#schema.problems];
        this.#today = today ? isoDate(today) : todayUtc();
        if (timeOfDay) this.#clockShift = clockShift(timeOfDay);
        const schema = this.#schema;
        this.#customMetadata = new CustomMetadata(schema);
        const store = (this.#store = new Store(() => this.#changed()));
        this.#formulas = new FormulaFields({
            root,
            schema,
            store,
            today: () => this.#today,
            now: () => this.now(),
            currentUserId: () => this.#currentUserId,
            metadataOverrides: () => this.#customMetadata.overrides,
            permissionsOf: (userId) => this.permissionsOf(userId)
        });
        this.#triggers = new Triggers({ schema, runner: triggerRunner, off: triggers === 'off' });
        this.#saves = new Saves({
            schema,
            store,
            formulas: this.#formulas,
            triggers: this.#triggers,
            validationRulesOff: validationRules === 'off',
            now: () => this.now()
        });
        this.#userMode = new UserMode({ schema, store, sharingModels: sharing });
        if (from) {
            this.restore(from);
            if (today) this.#today = isoDate(today);
        } else {
            store.createTables(schema.objects.values());
            this.#currentUserId = store.unit(() =>
                bootstrapOrg(
                    {
                        schema,
                        dml: (operation, sobject, records, options) =>
                            this.#saves.dml(operation, sobject, records, options),
                        query: (sobject, where) => this.query(sobject, where),
                        hasUser: (id) => store.table('User').has(id)
                    },
                    users,
                    currentUserId
                )
            );
        }
        for (const [record, values] of Object.entries(customMetadata ?? {})) this.setCustomMetadata(record, values);
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

    /**
     * System.now(): the org's date at the current UTC time of day, so stamps keep their order within a day. Never
     * earlier than the last stamp of the same date: when the machine's clock passes midnight while the org's date
     * stays, the time of day would start again from 00:00 and put later records before earlier ones.
     */
    now() {
        const stamp = `${this.#today}T${new Date(Date.now() + this.#clockShift).toISOString().slice(11)}`;
        if (this.#lastNow?.startsWith(this.#today) && stamp < this.#lastNow) return this.#lastNow;
        this.#lastNow = stamp;
        return stamp;
    }

    get currentUserId() {
        return this.#currentUserId;
    }

    /** Whose session the preview runs as: the default for `as` in every call. */
    setCurrentUser(userId) {
        const id = toId18(userId);
        if (!id || !this.#store.table('User').has(id)) throw new Error(`no user ${userId} in the org`);
        this.#currentUserId = id;
        // Formula fields may read $User and $Permission.
        this.#changed();
    }

    // -----------------------------------------------------------------------------------------------------------
    // Reading.

    /** The record with its formula fields computed, or null. A copy: change it and save it with update(). */
    get(sobject, id) {
        const object = this.#schema.object(sobject);
        const stored = this.#store.table(object.name).get(toId18(id));
        return stored ? this.#formulas.withFormulas(object, stored) : null;
    }

    /**
     * Records of an object, formula fields computed, in insertion order. `where` is a predicate over the record or
     * an object of field values to equal; a lookup among those values is answered from the parent index.
     */
    query(sobject, where) {
        const object = this.#schema.object(sobject);
        const table = this.#store.table(object.name);
        let candidates = table.values();
        let predicate = typeof where === 'function' ? where : () => true;
        if (where && typeof where === 'object') {
            const entries = Object.entries(where).map(([name, value]) => {
                const field = object.field(name);
                if (!field) throw new Error(`No such column '${name}' on sobject of type ${object.name}`);
                return [field, field.referenceTo && value ? toId18(value) : value];
            });
            const indexed = entries.find(([field, value]) => this.#store.isIndexed(object.name, field.name) && value);
            if (indexed) {
                const ids = this.#store.childIds(object.name, indexed[0].name, indexed[1]);
                candidates = [...ids].map((id) => table.get(id));
            }
            predicate = (record) => entries.every(([field, value]) => sameValue(record[field.name], value));
        }
        const out = [];
        for (const stored of candidates) {
            const record = this.#formulas.withFormulas(object, stored);
            if (predicate(record)) out.push(record);
        }
        return out;
    }

    /**
     * The records of `sobject` that a filter on `field` equal to one of `ids` can match, formula fields computed, in
     * insertion order (as query() lists them): through the Id itself or a lookup's parent index, no scan. Null when
     * the store keeps no index of the field (not Id, not a lookup, or a lookup the platform sets, never indexed
     * here), so the caller reads every record instead. `ids` are 18-character ids (no empty value).
     */
    recordsReachedBy(sobject, field, ids) {
        const object = this.#schema.object(sobject);
        const fieldDef = object.field(field);
        const table = this.#store.table(object.name);
        let wanted;
        if (fieldDef?.name === 'Id') {
            wanted = new Set(ids.filter((id) => table.has(id)));
        } else if (Store.indexes(fieldDef)) {
            wanted = new Set();
            for (const parentId of ids) {
                for (const id of this.#store.childIds(object.name, fieldDef.name, parentId)) wanted.add(id);
            }
        } else {
            return null;
        }
        // Insertion order: a walk over the table's keys (no record read) when more than one record is reached.
        const order = wanted.size > 1 ? [...table.keys()].filter((id) => wanted.has(id)) : [...wanted];
        return order.map((id) => this.#formulas.withFormulas(object, table.get(id)));
    }

    /** The child records that point at any of `parentIds` through `field` (from the index, no scan). */
    children(sobject, field, parentIds) {
        const object = this.#schema.object(sobject);
        const fieldDef = object.field(field);
        if (!fieldDef?.referenceTo) throw new Error(`${object.name}.${field} is not a lookup`);
        const table = this.#store.table(object.name);
        const out = [];
        for (const parentId of [parentIds].flat()) {
            for (const id of this.#store.childIds(object.name, fieldDef.name, toId18(parentId))) {
                out.push(this.#formulas.withFormulas(object, table.get(id)));
            }
        }
        return out;
    }

    /** How many records of each object the org holds (platform events hold none: org.publishedEvents()). */
    counts() {
        const counts = {};
        for (const object of this.#schema.objects.values()) {
            if (!object.platformEvent) counts[object.name] = this.#store.table(object.name).size;
        }
        return counts;
    }

    /** Custom metadata records of a type, from the package, with any override of setCustomMetadata. */
    customMetadata(type) {
        return this.#customMetadata.records(type);
    }

    /**
     * Overrides fields of one custom metadata record, as a subscriber's admin would edit it in Setup:
     * setCustomMetadata('Plan_Setting__mdt.Default', { Active_Plan_Stages__c: 'Closed Won' }). Validation rules
     * and formulas read the override from then on; null drops every override of that record. With `create`
     * ({ label }), a record the type does not have is added, as a deployment from Apex or an admin in Setup adds one.
     */
    setCustomMetadata(recordName, values, { create } = {}) {
        this.#customMetadata.override(recordName, values, { create });
        this.#changed();
    }

    /**
     * The emails the org has sent, oldest first (copies): each { from, senderUserId, senderDisplayName, replyTo,
     * to, cc, bcc (resolved addresses), subject, plainTextBody, htmlBody, attachments: [{ fileName, contentType,
     * inline, body (bytes) }], targetObjectId, whatId, charset, useSignature, sentAt }. Apex's Messaging.sendEmail
     * adds to it once the sending transaction commits, never from a test (apex-runtime/platform/email.mjs).
     */
    outbox() {
        return this.#outbox.map((email) => structuredClone(email));
    }

    /**
     * The platform event messages the org's event bus carries, oldest first (copies), optionally of one event
     * (`'Plan_Event__e'`): each { sobject, ReplayId, EventUuid, CreatedDate, CreatedById, publishBehavior, fields:
     * { Field__c: value } }. Apex's EventBus.publish adds to it when the message is published (Publish After Commit:
     * once the transaction commits; Publish Immediately: at the call), never from a test (a test's messages go to
     * the test event bus). Not kept in snapshots.
     */
    publishedEvents(sobject) {
        const only = sobject === undefined ? null : lower(this.#schema.object(sobject).name);
        return this.#publishedEvents
            .filter((message) => !only || lower(message.sobject) === only)
            .map((message) => structuredClone(message));
    }

    /**
     * Puts messages on the event bus: each { sobject, EventUuid, CreatedDate, CreatedById, fields } gets the next
     * ReplayId of its event (a string, "the position of the event in the event stream"). Returns the stored copies.
     */
    publishEvents(messages) {
        const stored = [];
        for (const message of messages) {
            const object = this.#schema.object(message.sobject);
            if (!object.platformEvent) throw new Error(`${object.name} is not a platform event`);
            const replayId = (this.#replayIds.get(object.name) ?? 0) + 1;
            this.#replayIds.set(object.name, replayId);
            const entry = structuredClone({
                ...message,
                sobject: object.name,
                publishBehavior: object.platformEvent.publishBehavior,
                ReplayId: String(replayId)
            });
            this.#publishedEvents.push(entry);
            stored.push(structuredClone(entry));
        }
        return stored;
    }

    /** Records an email as sent (the Apex runtime calls it after the sending transaction committed). */
    deliverEmail(email) {
        this.#outbox.push(structuredClone(email));
    }

    /**
     * The custom notifications the org has delivered, oldest first (copies): each { id, typeDeveloperName, title,
     * body, targetId, targetPageRef, senderId, recipientIds, sentAt, read }. Given a user id, only those sent to
     * that user, `read` being whether that user has read it; without, `read` is whether every recipient has. Apex's
     * Messaging.CustomNotification.send adds to it once the sending transaction commits, never from a test
     * (apex-runtime/platform/notifications.mjs).
     */
    notifications(userId) {
        const user = userId === undefined ? null : toId18(userId);
        return this.#notifications
            .filter((entry) => !user || entry.recipientIds.includes(user))
            .map(({ readBy, ...entry }) => ({
                ...structuredClone(entry),
                read: user ? readBy.has(user) : entry.recipientIds.every((id) => readBy.has(id))
            }));
    }

    /** Records a custom notification as delivered (the Apex runtime calls it after the transaction committed). */
    deliverNotification(notification) {
        this.#notifications.push({ ...structuredClone(notification), readBy: new Set() });
    }

    /** Marks the user's notifications read (all, or those whose id is in `ids`); returns how many changed. */
    markNotificationsRead(userId, ids) {
        const user = toId18(userId);
        const only = ids ? new Set([ids].flat()) : null;
        let changed = 0;
        for (const entry of this.#notifications) {
            if (!entry.recipientIds.includes(user) || entry.readBy.has(user)) continue;
            if (only && !only.has(entry.id)) continue;
            entry.readBy.add(user);
            changed += 1;
        }
        return changed;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Writing (save.mjs).

    /**
     * What the platform writes itself (AsyncApexJob, CronTrigger, ... that no DML may touch): insert, update or
     * delete as the user `as` (default: the current user), past the DML refusal of read-only objects; the rest of a
     * save applies. Returns the ids (set on inserted records too).
     */
    writeAsPlatform(operation, sobject, records, { as } = {}) {
        const userId = this.#runningUser(as);
        const object = this.#schema.object(sobject);
        this.#notAnEvent(object, operation);
        const list = [records].flat();
        const depth = this.#triggers.depth;
        if (operation === 'delete') {
            return this.#store.unit(() => this.#saves.delete(object, list, userId, depth));
        }
        const ids = this.#store.unit(() =>
            this.#saves.dml(operation, object.name, list, { userId, system: true, depth })
        );
        if (operation === 'insert') list.forEach((record, i) => (record.Id = ids[i]));
        return ids;
    }

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
        this.#notAnEvent(object, 'delete');
        if (object.readOnlyDml) throw new DmlNotAllowedError('delete', object.name);
        return this.#store.unit(() => this.#saves.delete(object, [ids].flat(), userId, this.#triggers.depth));
    }

    /**
     * Runs fn(org) as one unit: if it throws, every change made inside is undone and the error rethrown. fn must be
     * synchronous (the org is): a promise would escape the unit, so it is refused.
     */
    transaction(fn) {
        return this.#store.unit(() => {
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
        return this.#triggers.on(objectName);
    }

    /** A platform event holds no records: its messages are published (publishEvents), never saved. */
    #notAnEvent(object, operation) {
        if (object.platformEvent) {
            throw new Error(
                `org.${operation} of ${object.name}: a platform event is published (org.publishEvents), not saved`
            );
        }
    }

    #public(operation, sobject, records, { as, allOrNone = true } = {}) {
        const userId = this.#runningUser(as);
        this.#notAnEvent(this.#schema.object(sobject), operation);
        const list = [records].flat();
        const ids = this.#store.unit(() =>
            this.#saves.dml(operation, sobject, list, { userId, allOrNone, depth: this.#triggers.depth })
        );
        if (operation === 'insert') {
            const results = allOrNone ? ids.map((id) => ({ id })) : ids;
            list.forEach((record, i) => {
                if (results[i]?.id && record && typeof record === 'object') record.Id = results[i].id;
            });
        }
        return ids;
    }

    #runningUser(as) {
        const id = as === undefined ? this.#currentUserId : toId18(as);
        const user = id && this.#store.table('User').get(id);
        if (!user)
            throw new Error(`no running user: ${as === undefined ? 'call setCurrentUser first' : `no user ${as}`}`);
        if (!user.IsActive) throw new Error(`user ${user.Name} is inactive`);
        return id;
    }

    #changed() {
        this.#formulas.clear();
        this.#userMode.clear();
    }

    // -----------------------------------------------------------------------------------------------------------
    // Savepoints (store.mjs) and snapshots (snapshot.mjs).

    savepoint() {
        return this.#store.savepoint();
    }

    rollbackTo(token) {
        this.#store.rollbackTo(token);
    }

    releaseSavepoint(token) {
        this.#store.releaseSavepoint(token);
    }

    releaseAll() {
        this.#store.releaseAll();
    }

    /**
     * An immutable copy of the whole store (tables, indexes, id and auto-number counters, the clock, the current
     * user, custom metadata overrides, access grants and sharing overrides): createOrg({ from }) or restore() start
     * from it, each with its own store, so one test method's writes never reach the next.
     */
    snapshot() {
        if (this.#store.inUnit) throw new Error('org.snapshot(): not inside a unit of work');
        return takeSnapshot({
            root: this.#root,
            tables: this.#store.tables,
            index: this.#store.index,
            counters: this.#store.counters,
            today: this.#today,
            currentUserId: this.#currentUserId,
            metadataOverrides: this.#customMetadata.overrides,
            grants: this.#userMode.grants,
            sharingModels: this.#userMode.sharingModels
        });
    }

    /** Replaces this org's whole store with the snapshot's (savepoints and the journal are dropped). */
    restore(snapshot) {
        if (this.#store.inUnit) throw new Error('org.restore(): not inside a unit of work');
        if (snapshot.root !== this.#root) throw new Error('org.restore(): the snapshot is of another project');
        const state = restoreTables(snapshot);
        this.#store.load(state);
        this.#today = state.today;
        this.#currentUserId = state.currentUserId;
        this.#customMetadata.overrides = state.metadataOverrides;
        this.#userMode.load(state);
        this.#changed();
    }

    // -----------------------------------------------------------------------------------------------------------
    // Access and sharing (user-mode.mjs says what each answers).

    permissionsOf(userId) {
        return this.#userMode.permissionsOf(userId);
    }

    permissionSetsOf(userId) {
        return this.#userMode.permissionSetsOf(userId);
    }

    access(userId) {
        return this.#userMode.access(userId);
    }

    grantAccess(userId, grant) {
        this.#userMode.grantAccess(userId, grant);
        this.#changed();
    }

    sharingModel(objectName) {
        return this.#userMode.sharingModel(objectName);
    }

    setSharingModels(models) {
        this.#userMode.setSharingModels(models);
    }

    canRead(userId, objectName, row) {
        return this.#userMode.canRead(userId, objectName, row);
    }

    canEdit(userId, objectName, row) {
        return this.#userMode.canEdit(userId, objectName, row);
    }

    canDelete(userId, objectName, row) {
        return this.#userMode.canDelete(userId, objectName, row);
    }

    userRecordAccess(userId, recordIds) {
        return this.#userMode.userRecordAccess(userId, recordIds);
    }

    profileId(name) {
        return this.#userMode.profileId(name);
    }
}

/**
 * Creates an empty org for the project at `root`:
 *   createOrg({ root, today: '2026-03-02', users: [{ FirstName, LastName, Username?, Title, permissionSets: [...] }],
 *               currentUserId })
 * `users` are created first (without a creator) with their permission sets and profile (`profile`: a standard
 * profile name, default System Administrator), and each given object gets its new `Id`; `currentUserId` is an Id
 * or a Username among them (default: the first). `today` fixes the org's clock (default: today, UTC), and
 * `timeOfDay` ('HH:MM:SS', UTC) the time of day its now() starts from, running on with the machine's clock
 * (default: the machine's time of day). The org's
 * `problems` lists metadata it could not apply (see schema.mjs).
 *   triggerRunner(event): runs the project's (Apex) triggers, see Triggers in triggers.mjs for `event`; the Apex runtime's
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
export function createOrg(options) {
    const { root, users = [], triggerRunner, triggers, validationRules, from } = options;
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
    if (options.timeOfDay !== undefined && !isTimeOfDay(options.timeOfDay)) {
        throw new TypeError(`createOrg: timeOfDay is 'HH:MM:SS' (UTC), not ${JSON.stringify(options.timeOfDay)}`);
    }
    if (validationRules !== undefined && (validationRules !== 'off' || triggers !== 'off')) {
        throw new TypeError(
            "createOrg: validationRules can only be 'off', and only with triggers: 'off' (a data load)"
        );
    }
    return new Org({ ...options, users, root: resolve(projectRoot) });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The milliseconds to add to the machine's clock for its UTC time of day to read `timeOfDay` ('HH:MM:SS') now. */
function clockShift(timeOfDay) {
    const [hours, minutes, seconds] = timeOfDay.split(':').map(Number);
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 - (Date.now() % DAY_MS);
}

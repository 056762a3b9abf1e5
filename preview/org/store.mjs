// The org's store: one table of records per object (by Id), an index per lookup field (child ids by parent id),
// the id and auto-number counters, and the journal of every record written. A unit of work (one DML call,
// org.transaction) is all or nothing: a failure replays the journal back to where the unit started. Savepoints
// (Database.setSavepoint) are marks in the same journal, which is kept while a unit or a savepoint is open.
//
// The store never changes a stored record in place: a write replaces it, so snapshots (snapshot.mjs) can share
// frozen records between orgs.
import { idSuffix } from './ids.mjs';
import { lower } from './values.mjs';

// Ids: 3-character key prefix, a pod-like "5g0", a 9-digit base-62 counter, then the 3-character suffix that makes
// the id case-insensitively unique (one letter per 5 characters, from which of them are upper case).

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function base62(n, width) {
    let out = '';
    for (let rest = n; rest > 0; rest = Math.floor(rest / 62)) out = BASE62[rest % 62] + out;
    return out.padStart(width, '0');
}

const NO_CHILDREN = Object.freeze([]);
const indexKey = (objectName, fieldName) => `${lower(objectName)}.${lower(fieldName)}`;

export class Store {
    /** Records by object (lower-case name), each a Map of Id -> record. */
    tables = new Map();
    /** 'object.field' (lower case) -> Map of parent Id -> Set of child Ids, for every lookup field. */
    index = new Map();
    /** Key prefix -> last id number; 'autonumber:Object' -> last auto-number. */
    counters = new Map();
    #journal = [];
    #open = 0;
    #savepoints = [];
    #changed;

    /** `changed()` is called after every write, so that whatever is computed from the records is dropped. */
    constructor(changed) {
        this.#changed = changed;
    }

    /** An empty table for each object. */
    createTables(objects) {
        for (const object of objects) this.tables.set(lower(object.name), new Map());
    }

    table(name) {
        return this.tables.get(lower(name));
    }

    /** Whether the lookup field is indexed (it is once any record has pointed through it). */
    isIndexed(objectName, fieldName) {
        return this.index.has(indexKey(objectName, fieldName));
    }

    /** The Ids of the records of `objectName` whose lookup `fieldName` points at `parentId` (live: copy to write). */
    childIds(objectName, fieldName, parentId) {
        return this.index.get(indexKey(objectName, fieldName))?.get(parentId) ?? NO_CHILDREN;
    }

    /** Writes a record (replacing any with its Id), keeps the parent indexes, journals what was there. */
    put(object, record, journal = true) {
        const table = this.table(object.name);
        const before = table.get(record.Id);
        if (journal) this.#journal.push({ object, id: record.Id, before });
        table.set(record.Id, record);
        this.#reindex(object, record.Id, before, record);
        this.#changed();
    }

    drop(object, id, journal = true) {
        const table = this.table(object.name);
        const before = table.get(id);
        if (!before) return;
        if (journal) this.#journal.push({ object, id, before });
        table.delete(id);
        this.#reindex(object, id, before, undefined);
        this.#changed();
    }

    /** Whether the store keeps a parent index of `field`: every lookup a record is saved with (not those the platform sets). */
    static indexes(field) {
        return Boolean(field?.referenceTo) && !field.readOnly;
    }

    #reindex(object, id, before, after) {
        for (const field of object.fieldList) {
            if (!Store.indexes(field)) continue;
            const from = before?.[field.name] ?? null;
            const to = after?.[field.name] ?? null;
            if (from === to) continue;
            const key = indexKey(object.name, field.name);
            let index = this.index.get(key);
            if (!index) this.index.set(key, (index = new Map()));
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
            if (before) this.put(object, before, false);
            else this.drop(object, id, false);
        }
    }

    /** One all-or-nothing unit; the journal is only kept while a unit is open. */
    unit(fn) {
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

    /** Whether a unit of work is running (a snapshot or a restore must wait for it to end). */
    get inUnit() {
        return this.#open > 0;
    }

    newId(object) {
        const n = (this.counters.get(object.keyPrefix) ?? 0) + 1;
        this.counters.set(object.keyPrefix, n);
        const id15 = `${object.keyPrefix}5g0${base62(n, 9)}`;
        return id15 + idSuffix(id15);
    }

    autoNumber(object, field) {
        const key = `autonumber:${object.name}`;
        const n = (this.counters.get(key) ?? 0) + 1;
        this.counters.set(key, n);
        return (field.displayFormat ?? '{0}').replace(/\{(0+)\}/, (_, zeros) => String(n).padStart(zeros.length, '0'));
    }

    // -----------------------------------------------------------------------------------------------------------
    // Savepoints.

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

    /** Replaces the records, indexes and counters (from restoreTables of snapshot.mjs); the journal starts empty. */
    load({ tables, index, counters }) {
        this.tables = tables;
        this.index = index;
        this.counters = counters;
        this.#journal = [];
        this.#savepoints = [];
    }
}

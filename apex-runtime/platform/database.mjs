// System.Database (Apex Reference, "Database Class"): the DML methods (dml.mjs does the work), dynamic SOQL
// (query, queryWithBinds, countQuery, countQueryWithBinds, through ../soql) and transaction control (setSavepoint,
// rollback, releaseSavepoint; Apex Developer Guide, "Transaction Control").
import { ApexMap } from '../values/collections.mjs';
import { ApexSObject } from '../values/sobject.mjs';
import { defineNative } from '../interpreter/natives.mjs';
import { compileSoql, executeSoql } from '../soql/index.mjs';
import { AccessLevelValue, isUserMode } from './access-level.mjs';
import { SObjectFieldToken } from './schema.mjs';
import { dml } from './dml.mjs';
import { discardEventsAfter, eventMark } from './events.mjs';

export class SavepointValue {
    /** `events`: where the transaction's published platform events stood (platform/events.mjs, eventMark). */
    constructor(token, events = 0) {
        this.token = token;
        this.events = events;
    }
}

/**
 * The optional arguments after the records: (allOrNone), (AccessLevel), (allOrNone, AccessLevel),
 * (DMLOptions[, AccessLevel]). Database.DMLOptions is not modelled and fails loudly.
 */
function dmlOptions(rt, name, rest) {
    let allOrNone = true;
    let accessLevel = null;
    for (const arg of rest) {
        if (typeof arg === 'boolean') allOrNone = arg;
        else if (arg instanceof AccessLevelValue) accessLevel = arg;
        else if (arg === null) rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
        else rt.unsupported(`Database.${name} with an argument of type ${rt.typeOf?.(arg)?.name ?? typeof arg}`);
    }
    return { allOrNone, accessLevel };
}

const dmlMethod =
    (operation) =>
    (rt, [records, ...rest]) =>
        dml(rt, { operation, records, ...dmlOptions(rt, operation, rest) });

/** Database.upsert(records[, externalIdField][, allOrNone][, accessLevel]): the field is a Schema.SObjectField. */
function upsert(rt, [records, ...rest]) {
    let externalIdField = null;
    if (rest[0] instanceof SObjectFieldToken) externalIdField = rest.shift().name;
    else if (rest[0] === null) rest.shift();
    return dml(rt, { operation: 'upsert', records, externalIdField, ...dmlOptions(rt, 'upsert', rest) });
}

// -------------------------------------------------------------------------------------------------------------
// Dynamic SOQL.

/** A bind of Database.query: a variable of the calling scope (Apex Developer Guide, "Dynamic SOQL"). */
function scopeBind(rt) {
    return (bind) => {
        if (typeof rt.lookupVariable !== 'function')
            rt.unsupported(`Database.query bind :${bind.text} (no variable lookup)`);
        return follow(rt, rt.lookupVariable(bind.name), bind);
    };
}

/**
 * A bind of Database.queryWithBinds: the map's value for the name (Apex Reference, Database.queryWithBinds). The
 * name is matched as written, then ignoring case as Apex names are.
 */
function mapBind(rt, bindMap) {
    if (!(bindMap instanceof ApexMap)) rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    return (bind) => {
        let entry = bindMap.entry(bind.name, rt);
        if (!entry) {
            for (const [key, value] of bindMap.entries()) {
                if (typeof key === 'string' && key.toLowerCase() === bind.name.toLowerCase()) entry = { key, value };
            }
        }
        if (!entry) rt.throw('System.QueryException', `Key '${bind.name}' does not exist in the bindMap`);
        return follow(rt, entry.value, bind);
    };
}

function follow(rt, value, bind) {
    let current = value;
    for (const part of bind.path ?? []) {
        if (current === null) rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
        if (!(current instanceof ApexSObject)) rt.unsupported(`bind :${bind.text} (a path through a non-SObject)`);
        current = current.get(part, rt);
    }
    return current;
}

/** Runs a SOQL string; `limits` counts what it uses (the runtime's governor limits unless told). */
function query(rt, text, bind, accessLevel, limits = rt) {
    if (text === null) rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    const schema = rt.org.schema;
    const plan = compileSoql(text, { schema, rt });
    return executeSoql(plan, {
        org: rt.org,
        schema,
        userId: rt.userId,
        bind,
        userMode: isUserMode(accessLevel),
        sharing: rt.sharing === true,
        limits,
        rt
    });
}

/**
 * The records of Database.getQueryLocator(query[, accessLevel]) (async/batch.mjs): the query counts as one SOQL
 * query, and its rows do not count ("Using Batch Apex": with a QueryLocator "the governor limit for the total number
 * of records retrieved by SOQL queries is bypassed").
 */
export function queryLocatorRows(rt, text, accessLevel) {
    const countQueriesOnly = { checkLimit: (name, add) => (name === 'queries' ? rt.checkLimit(name, add) : null) };
    if (text === null) rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    return query(rt, text, scopeBind(rt), accessArg(rt, accessLevel, 'getQueryLocator'), countQueriesOnly);
}

function accessArg(rt, value, name) {
    if (value === undefined) return null;
    if (value instanceof AccessLevelValue) return value;
    if (value === null) rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    return rt.unsupported(`Database.${name} with a non-AccessLevel argument`);
}

function countOf(rt, result, name) {
    if (typeof result !== 'number') rt.throw('System.QueryException', `${name} requires a SELECT COUNT() query`);
    return result;
}

// -------------------------------------------------------------------------------------------------------------
// Transaction control: "Each savepoint you set counts against the governor limit for DML statements", and so does
// each rollback (Apex Developer Guide, "Transaction Control").

function savepointOf(rt, value) {
    if (value === null || value === undefined)
        rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    if (!(value instanceof SavepointValue)) rt.unsupported('Database.rollback of a value that is not a Savepoint');
    return value.token;
}

function orgCall(rt, what, fn) {
    if (typeof rt.org[what] !== 'function') rt.unsupported(`Database savepoints (org.${what}) in this org`);
    try {
        return fn();
    } catch (error) {
        if (/Invalid savepoint/.test(error?.message ?? ''))
            rt.unsupported('Database.rollback to a savepoint no longer valid');
        throw error;
    }
}

defineNative({
    name: 'Database',
    isInstance: () => false,
    staticMethods: {
        insert: dmlMethod('insert'),
        update: dmlMethod('update'),
        delete: dmlMethod('delete'),
        upsert,
        undelete: (rt) => rt.unsupported('Database.undelete (the org has no recycle bin)'),
        merge: (rt) => rt.unsupported('Database.merge'),
        query: (rt, [text, level]) => query(rt, text, scopeBind(rt), accessArg(rt, level, 'query')),
        querywithbinds: (rt, [text, bindMap, level]) =>
            query(rt, text, mapBind(rt, bindMap), accessArg(rt, level, 'queryWithBinds')),
        countquery: (rt, [text, level]) =>
            countOf(rt, query(rt, text, scopeBind(rt), accessArg(rt, level, 'countQuery')), 'countQuery'),
        countquerywithbinds: (rt, [text, bindMap, level]) =>
            countOf(
                rt,
                query(rt, text, mapBind(rt, bindMap), accessArg(rt, level, 'countQueryWithBinds')),
                'countQueryWithBinds'
            ),
        // getQueryLocator and executeBatch: async/batch.mjs.
        setsavepoint: (rt) => {
            rt.checkLimit('dmlStatements', 1);
            return new SavepointValue(
                orgCall(rt, 'savepoint', () => rt.org.savepoint()),
                eventMark(rt)
            );
        },
        rollback: (rt, [savepoint]) => {
            const token = savepointOf(rt, savepoint);
            rt.checkLimit('dmlStatements', 1);
            orgCall(rt, 'rollbackTo', () => rt.org.rollbackTo(token));
            // Publish After Commit platform events published after the savepoint are discarded (platform/events.mjs).
            discardEventsAfter(rt, savepoint.events);
            return null;
        },
        releasesavepoint: (rt, [savepoint]) => {
            const token = savepointOf(rt, savepoint);
            orgCall(rt, 'releaseSavepoint', () => rt.org.releaseSavepoint(token));
            return null;
        }
    }
});

defineNative({
    name: 'Savepoint',
    isInstance: (value) => value instanceof SavepointValue
});

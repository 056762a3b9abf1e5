// What batch Apex and scheduled Apex share: the job records the org keeps (AsyncApexJob, ApexClass), where queued
// work waits, and how one unit of asynchronous work runs as a transaction of its own.
//
// The platform's rules, and where they are written:
// - Apex Developer Guide, "Triggers and Order of Execution" (last step) and "Asynchronous Apex": asynchronous work
//   starts after the transaction that queued it commits, and not at all when it rolls back. Outside tests the
//   session runs it right away (session.mjs runs rt.services.afterCommit once the transaction returned), each unit
//   (a batch's start, each execute, finish; a scheduled job's execute) as a transaction of its own, all or nothing.
// - Apex Developer Guide, "Execution Governors and Limits": asynchronous transactions have the asynchronous limits
//   (200 SOQL queries, 60,000 ms of CPU; the rest as synchronous), runtime.mjs ASYNC_LIMITS.
// - Apex Developer Guide, "Testing Batch Apex" / "Testing the Apex Scheduler" / "Using Limits, startTest, and
//   stopTest": "All asynchronous calls made after the startTest method are collected by the system. When stopTest is
//   executed, all asynchronous processes are run synchronously"; "If you don't include the executeBatch method
//   within the startTest and stopTest methods, the batch job executes at the end of your test method" (the same for
//   System.schedule); "exceptions that occur during the execution of a batch Apex job invoked by a test method are
//   passed to the calling test method". In a test the units run in the test's own transaction (its static state;
//   what they write is the test's data), each with a fresh set of asynchronous limits; work they queue in turn
//   runs in the same drain. Nothing runs after a test ends.
import { ApexThrow } from '../../interpreter/errors.mjs';
import { ASYNC_LIMITS } from '../../interpreter/runtime.mjs';
import { asyncQueue } from '../test-limits.mjs';
import { ApexList, ApexMap, ApexSet } from '../../values/collections.mjs';
import { ApexSObject } from '../../values/sobject.mjs';
import { ApexObject } from '../../values/values.mjs';

const lower = (text) => String(text ?? '').toLowerCase();
const FRESH_LIMITS = () => ({ queries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0, publishImmediateDml: 0 });

// ---- job records ---------------------------------------------------------------------------------------------

/** The ApexClass row of a top-level class (created on first use: the org knows no class until a job names one). */
export function apexClassId(org, program, className, userId) {
    const top = className.split('.')[0];
    const found = org.query('ApexClass', (row) => lower(row.Name) === lower(top))[0];
    if (found) return found.Id;
    const [id] = org.writeAsPlatform(
        'insert',
        'ApexClass',
        { Name: top, NamespacePrefix: program.namespace ?? null, ApiVersion: 65.0, Status: 'Active' },
        { as: userId }
    );
    return id;
}

/** Inserts an AsyncApexJob row as `userId`; returns its Id. */
export function insertJob(org, userId, fields) {
    const [id] = org.writeAsPlatform('insert', 'AsyncApexJob', fields, { as: userId });
    return id;
}

/** Updates an AsyncApexJob (or any platform-written) row. */
export function updateRecord(org, sobject, id, fields, userId) {
    org.writeAsPlatform('update', sobject, { Id: id, ...fields }, { as: userId });
}

export const jobRecord = (org, id) => org.get('AsyncApexJob', id);

/** "First error: ..." as AsyncApexJob.ExtendedStatus holds it (255 characters). */
export function firstError(error) {
    return `First error: ${error.apexMessage ?? error.message}`.slice(0, 255);
}

// ---- the instance a job carries ----------------------------------------------------------------------------

/**
 * A copy of an Apex value as serialization makes it ("Using Batch Apex": without Database.Stateful "all static and
 * instance member variables are set back to their original values"; the job holds the instance as it was
 * serialized when it was queued): objects, collections and records copied, transient fields left null.
 */
export function copyValue(value, rt, seen = new Map()) {
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return seen.get(value);
    if (value instanceof ApexObject) {
        const copy = new ApexObject(value.cls);
        seen.set(value, copy);
        for (const [key, field] of value.fields) {
            copy.fields.set(key, value.cls.findField?.(key)?.isTransient ? null : copyValue(field, rt, seen));
        }
        return copy;
    }
    if (value instanceof ApexSObject) {
        const copy = value.copy();
        seen.set(value, copy);
        for (const entry of copy.values.values()) entry.value = copyValue(entry.value, rt, seen);
        return copy;
    }
    if (value instanceof ApexList) {
        const copy = new ApexList(value.type, []);
        seen.set(value, copy);
        copy.items.push(...value.items.map((item) => copyValue(item, rt, seen)));
        return copy;
    }
    if (value instanceof ApexSet) {
        const copy = new ApexSet(
            value.type,
            [...value].map((item) => copyValue(item, rt, seen)),
            rt
        );
        seen.set(value, copy);
        return copy;
    }
    if (value instanceof ApexMap) {
        const copy = new ApexMap(value.keyType, value.valueType, rt);
        seen.set(value, copy);
        for (const [key, entry] of value.entries()) copy.set(copyValue(key, rt, seen), copyValue(entry, rt, seen), rt);
        return copy;
    }
    return value;
}

// ---- queueing ----------------------------------------------------------------------------------------------

function testState(rt) {
    return rt.services?.test ?? null;
}

/**
 * Queues one piece of asynchronous work of the transaction `rt`: `work.inTest(rt)` runs it in a test,
 * `work.inSession(session)` after a committed transaction otherwise.
 */
export function enqueueAsync(rt, work) {
    rt.services ??= {};
    if (rt.isTest) {
        const test = testState(rt);
        const collected = test?.started && (!test.stopped || test.draining);
        if (collected) asyncQueue(rt).push(() => work.inTest(rt));
        else (rt.services.atEnd ??= []).push(() => work.inTest(rt));
        return;
    }
    (rt.services.afterCommit ??= []).push((session) => work.inSession(session));
}

// ---- running one unit --------------------------------------------------------------------------------------

/** What a unit used of its limits, for the host's reports. */
function usage(limits, startedAt) {
    return {
        queries: limits.queries,
        queryRows: limits.queryRows,
        dmlStatements: limits.dmlStatements,
        dmlRows: limits.dmlRows,
        cpuMs: Math.round(performance.now() - startedAt)
    };
}

/**
 * Runs fn(rt) as one asynchronous transaction of `userId` on the session: asynchronous limits, all or nothing on
 * the org. Returns { result, used, runQueued() } or { error, used, runQueued() } for an Apex exception; any other
 * error (a runtime defect, something not modelled) is thrown. The work the unit queued waits for runQueued(), so
 * that the caller can book the unit first (a chained batch starts after its parent completed); a unit that failed
 * queued nothing.
 */
export function sessionUnit(session, { userId, context }, fn) {
    let used = null;
    let queued = [];
    const startedAt = performance.now();
    const runQueued = () => {
        const work = queued;
        queued = [];
        for (const job of work) job(session);
    };
    try {
        const result = session.transaction(
            userId,
            (rt) => {
                rt.services.asyncContext = context;
                try {
                    const value = fn(rt);
                    queued = rt.services.afterCommit ?? [];
                    rt.services.afterCommit = [];
                    return value;
                } finally {
                    used = usage(rt.limits, startedAt);
                }
            },
            { async: true, atomic: true }
        );
        return { result, used, runQueued };
    } catch (error) {
        if (error instanceof ApexThrow) return { error, used, runQueued };
        throw error;
    }
}

/** Runs fn(rt) inside a test's transaction as an asynchronous unit: fresh asynchronous limits, as `userId`. */
export function testUnit(rt, { userId, context }, fn) {
    const saved = {
        limits: rt.limits,
        limitMax: rt.limitMax,
        userId: rt.userId,
        context: rt.services.asyncContext,
        startedAt: rt.services.startedAt
    };
    rt.limits = FRESH_LIMITS();
    rt.limitMax = ASYNC_LIMITS;
    rt.userId = userId;
    rt.services.asyncContext = context;
    rt.services.startedAt = performance.now();
    try {
        return fn(rt);
    } finally {
        rt.limits = saved.limits;
        rt.limitMax = saved.limitMax;
        rt.userId = saved.userId;
        rt.services.asyncContext = saved.context;
        rt.services.startedAt = saved.startedAt;
    }
}

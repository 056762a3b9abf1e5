// Batch Apex: Database.executeBatch, Database.getQueryLocator, Database.QueryLocator and its iterator,
// Database.BatchableContext, and the run of a batch job (start, each execute, finish).
//
// The platform's rules, and where they are written (Apex Developer Guide, "Using Batch Apex",
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_batch_interface.htm, unless said):
// - start "returns either a Database.QueryLocator object or an iterable that contains the records or objects passed
//   to the job"; with a QueryLocator "the governor limit for the total number of records retrieved by SOQL queries
//   is bypassed" (up to 50 million records); execute receives each chunk; finish runs "after all batches are
//   processed". "Each execution of a batch Apex job is considered a discrete transaction", with the limits reset;
//   a failing batch rolls back its own work only: "If the first transaction succeeds but the second fails, the
//   database updates made in the first transaction aren't rolled back".
// - Database.executeBatch(instance[, scope]) (Apex Reference, "Database Class"; and "Using Batch Apex"): returns
//   the AsyncApexJob Id; "If the start method of the batch class returns a QueryLocator, the optional scope
//   parameter of Database.executeBatch can have a maximum value of 2,000. If set to a higher value, Salesforce chunks
//   the records returned by the QueryLocator into smaller batches of up to 2,000 records. If the start method of
//   the batch class returns an iterable, the scope parameter value has no upper limit"; without scope, chunks of
//   200; "The value for scope must be greater than 0".
// - Database.Stateful: "If you specify Database.Stateful in the class definition, you can maintain state across
//   these transactions. When using Database.Stateful, only instance member variables retain their values between
//   transactions"; without it "all static and instance member variables are set back to their original values".
// - Batch Apex limits: "Up to 5 batch jobs can be queued or active concurrently"; "The Apex flex queue can hold up to
//   100 Holding batch jobs" (further jobs Holding); "In a running test, you can submit a maximum of 5 batch jobs";
//   "When testing your batch Apex, you can test only one execution of the execute method" (and Salesforce Help,
//   Knowledge Article 000386014: a second executeBatch in one test fails). Database.executeBatch from a batch's
//   start or execute fails ("You can chain ... from the finish method"): "Database.executeBatch cannot be called
//   from a batch start, batch execute, or future method." (the platform's wording).
// - AsyncApexJob (Object Reference): Status Queued / Holding, Preparing (start), Processing, Completed, Failed,
//   Aborted; TotalJobItems, JobItemsProcessed, NumberOfErrors, ExtendedStatus "First error: ...", CompletedDate.
//
// Wording reconstructed from platform output (not in the guides): System.UnexpectedException "No more than one
// executeBatch can be called from within a test method. Please make sure the iterable returned from your start
// method matches the batch size, resulting in one executeBatch invocation."; System.AsyncException "Attempted to
// schedule too many concurrent batch jobs in this org (limit is 5)." for the sixth job of a test; "You've exceeded
// the limit of 100 jobs in the flex queue."; "Start did not return a valid iterable object."; and, for a scope below
// 1, System.InvalidParameterValueException "Batchable scope must be greater than 0".
// Not modelled: the 250,000 daily batch executions, the 50 million QueryLocator rows, the order of a flex queue
// (jobs run in the order queued), Database.RaisesPlatformEvents, Database.AllowsCallouts, scheduleBatch.
import { defineNative, nativeClass } from '../../interpreter/natives.mjs';
import { ApexList, ApexSet } from '../../values/collections.mjs';
import { ApexObject } from '../../values/values.mjs';
import { queryLocatorRows } from '../database.mjs';
import {
    apexClassId,
    copyValue,
    enqueueAsync,
    firstError,
    insertJob,
    jobRecord,
    sessionUnit,
    testUnit,
    updateRecord
} from './jobs.mjs';

const DEFAULT_SCOPE = 200;
const LOCATOR_SCOPE = 2000;
const ACTIVE_JOBS = 5;
const FLEX_QUEUE = 100;
const TEST_JOBS = 5;
const ONE_EXECUTE =
    'No more than one executeBatch can be called from within a test method. Please make sure the iterable returned ' +
    'from your start method matches the batch size, resulting in one executeBatch invocation.';

export class QueryLocatorValue {
    constructor(query, rows) {
        this.query = query;
        this.rows = rows;
    }
}

class QueryLocatorIteratorValue {
    constructor(locator) {
        this.items = locator.rows.items;
        this.index = 0;
    }
}

export class BatchableContextValue {
    constructor(jobId, childJobId = null) {
        this.jobId = jobId;
        this.childJobId = childJobId;
    }
}

// ---- the natives ------------------------------------------------------------------------------------------

/** Database.getQueryLocator(query | List<SObject> from an inline query[, AccessLevel]). */
function getQueryLocator(rt, [source, accessLevel]) {
    if (source === null || source === undefined) rt.throw('System.NullPointerException', 'Argument cannot be null.');
    if (source instanceof ApexList) {
        // An inline query ran already and counted its rows; a locator's rows do not count, so they are given back.
        rt.limits.queryRows = Math.max(0, rt.limits.queryRows - source.items.length);
        return new QueryLocatorValue(null, source);
    }
    if (typeof source !== 'string') rt.unsupported('Database.getQueryLocator of anything but a query');
    return new QueryLocatorValue(source, queryLocatorRows(rt, source, accessLevel));
}

defineNative({
    name: 'QueryLocator',
    namespace: 'Database',
    isInstance: (value) => value instanceof QueryLocatorValue,
    instanceMethods: {
        // Apex Reference, "QueryLocator Class": getQuery() "Returns the query used to instantiate the
        // Database.QueryLocator object"; iterator() returns a QueryLocatorIterator.
        getquery: (rt, self) =>
            self.query ?? rt.unsupported('QueryLocator.getQuery of a locator made from an inline query'),
        iterator: (rt, self) => new QueryLocatorIteratorValue(self)
    }
});

defineNative({
    name: 'QueryLocatorIterator',
    namespace: 'Database',
    isInstance: (value) => value instanceof QueryLocatorIteratorValue,
    instanceMethods: {
        // Apex Reference, "QueryLocatorIterator Class": hasNext(), next() ("Returns the next sObject record").
        hasnext: (rt, self) => self.index < self.items.length,
        next: (rt, self) => {
            if (self.index >= self.items.length)
                rt.throw('System.NoSuchElementException', 'Iterator has no more elements.');
            return self.items[self.index++];
        }
    }
});

defineNative({
    name: 'BatchableContext',
    namespace: 'Database',
    isInstance: (value) => value instanceof BatchableContextValue,
    instanceMethods: {
        // Apex Reference, "BatchableContext Interface": getJobId() "Returns the ID of the AsyncApexJob object
        // associated with this batch job"; getChildJobId() "Returns the ID of the current batch job chunk that is
        // being processed" (null in start and finish).
        getjobid: (rt, self) => self.jobId,
        getchildjobid: (rt, self) => self.childJobId
    }
});

function executeBatch(rt, [batchable, scopeArg]) {
    if (batchable === null || batchable === undefined) {
        rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    if (!(batchable instanceof ApexObject) || !batchable.cls.implementsNative('database.batchable')) {
        rt.compileError(
            'Method does not exist or incorrect signature: Database.executeBatch of a class that is not Database.Batchable'
        );
    }
    const context = rt.services?.asyncContext;
    if (context === 'batch-start' || context === 'batch-execute') {
        rt.throw(
            'System.AsyncException',
            'Database.executeBatch cannot be called from a batch start, batch execute, or future method.'
        );
    }
    const scope = scopeArg === undefined || scopeArg === null ? DEFAULT_SCOPE : Number(scopeArg);
    if (!(scope >= 1)) rt.throw('System.InvalidParameterValueException', 'Batchable scope must be greater than 0');
    rt.services.batchJobs = (rt.services.batchJobs ?? 0) + 1;
    const submitted = rt.services.batchJobs;
    if (rt.isTest && submitted > TEST_JOBS) {
        rt.throw(
            'System.AsyncException',
            'Attempted to schedule too many concurrent batch jobs in this org (limit is 5).'
        );
    }
    if (submitted > ACTIVE_JOBS + FLEX_QUEUE) {
        rt.throw('System.AsyncException', "You've exceeded the limit of 100 jobs in the flex queue.");
    }
    const job = {
        className: batchable.cls.name,
        userId: rt.userId,
        scope,
        stateful: batchable.cls.implementsNative('database.stateful'),
        snapshot: copyValue(batchable, rt)
    };
    job.id = insertJob(rt.org, rt.userId, {
        JobType: 'BatchApex',
        ApexClassId: apexClassId(rt.org, rt.program, job.className, rt.userId),
        Status: submitted > ACTIVE_JOBS ? 'Holding' : 'Queued',
        TotalJobItems: 0,
        JobItemsProcessed: 0,
        NumberOfErrors: 0
    });
    enqueueAsync(rt, {
        inTest: (testRt) => runInTest(testRt, job),
        inSession: (session) => runInSession(session, job)
    });
    return job.id;
}

Object.assign(nativeClass('Database').staticMethods, {
    getquerylocator: getQueryLocator,
    executebatch: executeBatch
});

// ---- the chunks ----------------------------------------------------------------------------------------------

/** The items of what start returned, and the scope that applies, or throws the platform's failure. */
function startItems(rt, started, scope) {
    if (started instanceof QueryLocatorValue) {
        return { type: started.rows.type, items: started.rows.items, size: Math.min(scope, LOCATOR_SCOPE) };
    }
    if (started instanceof ApexList) return { type: started.type, items: started.items, size: scope };
    if (started instanceof ApexSet) return { type: started.type, items: [...started], size: scope };
    if (started instanceof ApexObject && started.cls.implementsNative('iterable')) {
        // An Iterable of the package's own: its iterator() walked with hasNext() and next().
        const iterator = rt.call(started, 'iterator', []);
        const items = [];
        while (rt.call(iterator, 'hasNext', []) === true) items.push(rt.call(iterator, 'next', []));
        return { type: { name: 'Object' }, items, size: scope };
    }
    return rt.throw('System.UnexpectedException', 'Start did not return a valid iterable object.');
}

function chunksOf({ type, items, size }) {
    const chunks = [];
    for (let i = 0; i < items.length; i += size) chunks.push({ type, items: items.slice(i, i + size) });
    return chunks;
}

/** The instance a unit runs on: the carried one (Database.Stateful) or a fresh copy of the queued one. */
function instanceFor(job, rt) {
    if (job.stateful) return (job.carried ??= copyValue(job.snapshot, rt));
    return copyValue(job.snapshot, rt);
}

const isAborted = (org, job) => jobRecord(org, job.id)?.Status === 'Aborted';

// ---- outside tests -------------------------------------------------------------------------------------------

function runInSession(session, job) {
    const { org } = session;
    const entry = {
        type: 'BatchApex',
        id: job.id,
        className: job.className,
        userId: job.userId,
        status: 'Queued',
        error: null,
        totalJobItems: 0,
        jobItemsProcessed: 0,
        numberOfErrors: 0,
        extendedStatus: null,
        chunks: []
    };
    session.asyncJobs.push(entry);
    const save = (fields) => {
        Object.assign(entry, {
            status: fields.Status ?? entry.status,
            totalJobItems: fields.TotalJobItems ?? entry.totalJobItems,
            jobItemsProcessed: fields.JobItemsProcessed ?? entry.jobItemsProcessed,
            numberOfErrors: fields.NumberOfErrors ?? entry.numberOfErrors,
            extendedStatus: fields.ExtendedStatus ?? entry.extendedStatus
        });
        updateRecord(org, 'AsyncApexJob', job.id, fields, job.userId);
    };
    const end = (Status) => save({ Status, CompletedDate: org.now() });
    if (isAborted(org, job)) {
        entry.status = 'Aborted';
        return entry;
    }
    save({ Status: 'Preparing' });
    const ctx = new BatchableContextValue(job.id);
    const started = sessionUnit(session, { userId: job.userId, context: 'batch-start' }, (rt) =>
        chunksOf(startItems(rt, rt.call(instanceFor(job, rt), 'start', [ctx]), job.scope))
    );
    entry.chunks.push(chunkReport('start', 0, null, started));
    if (started.error) {
        entry.error = started.error;
        save({ NumberOfErrors: 1, ExtendedStatus: firstError(started.error) });
        end('Failed');
        return entry;
    }
    started.runQueued();
    const chunks = started.result;
    save({ Status: 'Processing', TotalJobItems: chunks.length });
    let errors = 0;
    let extended = null;
    for (const [index, chunk] of chunks.entries()) {
        if (isAborted(org, job)) return Object.assign(entry, { status: 'Aborted' });
        const childJobId = insertJob(org, job.userId, {
            JobType: 'BatchApexWorker',
            ApexClassId: jobRecord(org, job.id).ApexClassId,
            ParentJobId: job.id,
            Status: 'Processing'
        });
        const ran = sessionUnit(session, { userId: job.userId, context: 'batch-execute' }, (rt) =>
            rt.call(instanceFor(job, rt), 'execute', [
                new BatchableContextValue(job.id, childJobId),
                new ApexList(chunk.type, chunk.items)
            ])
        );
        entry.chunks.push(chunkReport('execute', index, chunk.items.length, ran));
        updateRecord(org, 'AsyncApexJob', childJobId, { Status: ran.error ? 'Failed' : 'Completed' }, job.userId);
        if (ran.error) {
            errors += 1;
            extended ??= firstError(ran.error);
            entry.error ??= ran.error;
        }
        save({ JobItemsProcessed: index + 1, NumberOfErrors: errors, ExtendedStatus: extended });
        ran.runQueued();
    }
    if (isAborted(org, job)) return Object.assign(entry, { status: 'Aborted' });
    const finished = sessionUnit(session, { userId: job.userId, context: 'batch-finish' }, (rt) =>
        rt.call(instanceFor(job, rt), 'finish', [ctx])
    );
    entry.chunks.push(chunkReport('finish', 0, null, finished));
    if (finished.error) {
        entry.error ??= finished.error;
        save({ ExtendedStatus: extended ?? firstError(finished.error) });
    }
    // A job whose batches failed is still Completed (NumberOfErrors says how many failed); a failed finish fails it.
    end(finished.error ? 'Failed' : 'Completed');
    finished.runQueued();
    return entry;
}

function chunkReport(phase, index, size, unit) {
    return {
        phase,
        index,
        size,
        status: unit.error ? 'Failed' : 'Completed',
        error: unit.error ? `${unit.error.typeName}: ${unit.error.apexMessage ?? unit.error.message}` : null,
        limits: unit.used
    };
}

// ---- in a test --------------------------------------------------------------------------------------------------

function runInTest(rt, job) {
    const { org } = rt;
    if (isAborted(org, job)) return;
    const update = (fields) => updateRecord(org, 'AsyncApexJob', job.id, fields, job.userId);
    update({ Status: 'Preparing' });
    const ctx = new BatchableContextValue(job.id);
    const unit = { userId: job.userId };
    const chunks = testUnit(rt, { ...unit, context: 'batch-start' }, () =>
        chunksOf(startItems(rt, rt.call(instanceFor(job, rt), 'start', [ctx]), job.scope))
    );
    const executed = rt.services.batchExecutes ?? 0;
    if (executed + chunks.length > 1) rt.throw('System.UnexpectedException', ONE_EXECUTE);
    rt.services.batchExecutes = executed + chunks.length;
    update({ Status: 'Processing', TotalJobItems: chunks.length });
    for (const [index, chunk] of chunks.entries()) {
        const childJobId = insertJob(org, job.userId, {
            JobType: 'BatchApexWorker',
            ParentJobId: job.id,
            Status: 'Completed'
        });
        testUnit(rt, { ...unit, context: 'batch-execute' }, () =>
            rt.call(instanceFor(job, rt), 'execute', [
                new BatchableContextValue(job.id, childJobId),
                new ApexList(chunk.type, chunk.items)
            ])
        );
        update({ JobItemsProcessed: index + 1 });
    }
    testUnit(rt, { ...unit, context: 'batch-finish' }, () => rt.call(instanceFor(job, rt), 'finish', [ctx]));
    update({ Status: 'Completed', CompletedDate: org.now() });
}

// ---- the host's entry point -----------------------------------------------------------------------------------

/**
 * Runs `Database.executeBatch(new <className>(), scope)` as `userId` and returns the job's session.asyncJobs entry
 * (a benchmark's view of the chunks and the limits each used).
 */
export function runBatchClass(session, userId, className, { scope = DEFAULT_SCOPE } = {}) {
    if (!/^[A-Za-z_][\w.]*$/.test(String(className))) throw new Error(`runBatch: not a class name: ${className}`);
    if (!Number.isInteger(scope)) throw new Error(`runBatch: scope must be an integer, not ${scope}`);
    const jobId = session.transaction(userId, (rt) =>
        rt.runAnonymous(`return Database.executeBatch(new ${className}(), ${scope});`)
    );
    return session.asyncJobs.find((entry) => entry.id === jobId) ?? null;
}

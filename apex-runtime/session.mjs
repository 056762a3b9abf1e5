// An embedded org with the package's Apex on it: the org applies the metadata on every save and calls the Apex
// triggers through the runtime, and `transaction(userId, fn)` runs Apex as one transaction. The test runner, the
// preview server and the benchmark all start here.
import { createOrg } from '../preview/org/org.mjs';
import { loadProgram } from './interpreter/index.mjs';
import { createTriggerRunner } from './platform/index.mjs';
import { fireScheduledJobs } from './platform/async/schedule.mjs';
import { runBatchClass } from './platform/async/batch.mjs';
import { finishTransactionEvents } from './platform/events.mjs';

/** The package's Apex, parsed once per process: every package directory of sfdx-project.json. */
export function loadPackageProgram(root) {
    return loadProgram({ root });
}

/**
 * An org for `program`: `createOrg` options (root, today, users, currentUserId, or `from` a snapshot) plus the
 * Apex trigger runner. Returns the session: `{ org, program, transaction(userId, fn, options), current, asyncJobs,
 * fireScheduledJobs(at), runBatch(userId, className, options) }`.
 */
export function createApexSession(program, orgOptions) {
    const session = {
        program,
        org: null,
        current: null,
        /**
         * Runs fn(rt) as one Apex transaction of `userId` (default: the org's current user). DML made outside any
         * transaction (the preview's own record saves) gets one of its own, so its triggers run too. Options:
         * `isTest` (an Apex test method's transaction), `async` (the asynchronous governor limits) and `atomic`
         * (all or nothing on the org: what an asynchronous unit needs, platform/async/jobs.mjs).
         */
        transaction(userId, fn, { isTest = false, async = false, atomic = false } = {}) {
            const rt = program.transaction({
                org: session.org,
                userId: userId ?? session.org.currentUserId,
                isTest,
                async
            });
            const previous = session.current;
            session.current = rt;
            let result;
            const run = () => {
                const value = fn(rt);
                // Before a test method's transaction ends: the asynchronous Apex it queued outside
                // Test.startTest/stopTest ("the batch job executes at the end of your test method").
                const atEnd = rt.services.atEnd ?? [];
                while (atEnd.length) atEnd.shift()();
                return value;
            };
            let committed = false;
            try {
                result = atomic ? session.org.transaction(run) : run();
                committed = true;
            } finally {
                session.current = previous;
                // A transaction that threw publishes its Publish Immediately platform events all the same, and none
                // of its Publish After Commit ones (platform/events.mjs).
                if (!committed) finishTransactionEvents(session, rt, false);
            }
            // The transaction committed: its asynchronous work runs now, each job on its own (a metadata
            // deployment and its callback, platform/metadata.mjs; batch Apex, platform/async/). A transaction that
            // threw queues nothing. Then its platform events are published and their triggers run.
            for (const job of rt.services.afterCommit ?? []) job(session);
            finishTransactionEvents(session, rt, true);
            return result;
        },
        /**
         * Asynchronous work that ran, oldest first: { type, id, status, error } per job (a platform event trigger's
         * batch: { type: 'PlatformEventTrigger', trigger, sobject, userId, size, replayIds, status, error }); a batch job also has
         * { className, userId, totalJobItems, jobItemsProcessed, numberOfErrors, extendedStatus, chunks: [{ phase
         * ('start' | 'execute' | 'finish'), index, size, status, error, limits: { queries, queryRows, dmlStatements,
         * dmlRows, cpuMs } }] }; a scheduled job's run { cronTriggerId, className, firedAt, limits }.
         */
        asyncJobs: [],
        /**
         * Fires every scheduled job whose NextFireTime is at or before `at` (a Date, an ISO date-time or epoch ms;
         * default now), each execute(SchedulableContext) in a transaction of its own, then what it queued; advances
         * NextFireTime, PreviousFireTime and TimesTriggered. Returns the asyncJobs entries of the runs.
         */
        fireScheduledJobs(at) {
            return fireScheduledJobs(session, at);
        },
        /**
         * Runs `Database.executeBatch(new className(), scope)` as `userId` (default scope 200) and returns the batch
         * job's asyncJobs entry, with the limits each chunk used.
         */
        runBatch(userId, className, options) {
            return runBatchClass(session, userId, className, options);
        }
    };
    const runner = createTriggerRunner(program, () => session.current);
    const triggerRunner = (event) =>
        session.current ? runner(event) : session.transaction(event.userId, () => runner(event));
    session.org = createOrg({ ...orgOptions, triggerRunner });
    return session;
}

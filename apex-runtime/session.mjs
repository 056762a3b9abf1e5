// An embedded org with the package's Apex on it: the org applies the metadata on every save and calls the Apex
// triggers through the runtime, and `transaction(userId, fn)` runs Apex as one transaction. The test runner, the
// preview server and the benchmark all start here.
import { createOrg } from '../preview/org/org.mjs';
import { loadProgram } from './interpreter/index.mjs';
import { createTriggerRunner } from './platform/index.mjs';

/** The package's Apex, parsed once per process: every package directory of sfdx-project.json. */
export function loadPackageProgram(root) {
    return loadProgram({ root });
}

/**
 * An org for `program`: `createOrg` options (root, today, users, currentUserId, or `from` a snapshot) plus the
 * Apex trigger runner. Returns the session: `{ org, program, transaction(userId, fn, options), current }`.
 */
export function createApexSession(program, orgOptions) {
    const session = {
        program,
        org: null,
        current: null,
        /**
         * Runs fn(rt) as one Apex transaction of `userId` (default: the org's current user). DML made outside any
         * transaction (the preview's own record saves) gets one of its own, so its triggers run too.
         */
        transaction(userId, fn, { isTest = false } = {}) {
            const rt = program.transaction({ org: session.org, userId: userId ?? session.org.currentUserId, isTest });
            const previous = session.current;
            session.current = rt;
            let result;
            try {
                result = fn(rt);
            } finally {
                session.current = previous;
            }
            // The transaction committed: its asynchronous work runs now, each job on its own (a metadata
            // deployment and its callback, platform/metadata.mjs). A transaction that threw queues nothing.
            for (const job of rt.services.afterCommit ?? []) job(session);
            return result;
        },
        /** Asynchronous work that ran: { type, id, status, error } per job, oldest first. */
        asyncJobs: []
    };
    const runner = createTriggerRunner(program, () => session.current);
    const triggerRunner = (event) =>
        session.current ? runner(event) : session.transaction(event.userId, () => runner(event));
    session.org = createOrg({ ...orgOptions, triggerRunner });
    return session;
}

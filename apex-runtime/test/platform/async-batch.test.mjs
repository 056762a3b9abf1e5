// Batch Apex outside tests (Apex Developer Guide, "Using Batch Apex", "Execution Governors and Limits", "Triggers
// and Order of Execution"; Apex Reference, "Database Class", "BatchableContext Interface", "QueryLocator Class";
// Object Reference, "AsyncApexJob"), on the fixture of test/fixtures/async-apex: the job runs after the enqueuing
// transaction commits, start, each execute and finish as transactions of their own.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asyncSession, run } from './async-session.mjs';

const BATCH = 'https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_batch_interface.htm';

function accounts(org, names) {
    return org.insert(
        'Account',
        names.map((Name) => ({ Name }))
    );
}

const names = (org) => org.query('Account').map((account) => account.Name);

describe('Database.executeBatch outside tests', () => {
    test('returns the AsyncApexJob Id, Queued and queryable in the enqueuing transaction; the job runs after it commits', () => {
        const { session, org } = asyncSession();
        accounts(org, ['Alpha', 'Bravo']);
        const got = run(
            session,
            `Id jobId = Database.executeBatch(new AccountRenameBatch());
            AsyncApexJob job = [SELECT Id, Status, JobType, ApexClass.Name, TotalJobItems FROM AsyncApexJob WHERE Id = :jobId];
            Probe.result = job.Status + ' ' + job.JobType + ' ' + job.ApexClass.Name + ' ' + job.TotalJobItems + ' ' + [SELECT COUNT() FROM Account WHERE Name LIKE 'Finished%'];`
        );
        assert.equal(got.result, 'Queued BatchApex AccountRenameBatch 0 0');
        const [job] = session.asyncJobs;
        assert.equal(job.status, 'Completed');
        assert.deepEqual(names(org), ['Alpha (seen 2)', 'Bravo (seen 2)', 'Finished 0']);
        const record = org.get('AsyncApexJob', job.id);
        assert.deepEqual(
            [
                record.Status,
                record.TotalJobItems,
                record.JobItemsProcessed,
                record.NumberOfErrors,
                Boolean(record.CompletedDate)
            ],
            ['Completed', 1, 1, 0, true]
        );
    });

    test('a transaction that throws after executeBatch runs nothing ("not at all when it rolls back")', () => {
        const { session, org } = asyncSession();
        accounts(org, ['Alpha']);
        const got = run(session, 'Database.executeBatch(new AccountRenameBatch()); Integer boom = 1 / 0;');
        assert.equal(got.thrown, 'System.MathException');
        assert.deepEqual(session.asyncJobs, []);
        assert.deepEqual(names(org), ['Alpha']);
    });

    test(`an exception in one execute fails that chunk only: rolled back, counted, first error kept, the job goes on (${BATCH})`, () => {
        const { session, org } = asyncSession();
        accounts(org, ['Alpha', 'Boom', 'Charlie', 'Delta', 'Echo']);
        const job = session.runBatch(org.currentUserId, 'AccountRenameBatch', { scope: 2 });
        assert.deepEqual(
            job.chunks.map((chunk) => [chunk.phase, chunk.size, chunk.status]),
            [
                ['start', null, 'Completed'],
                ['execute', 2, 'Failed'],
                ['execute', 2, 'Completed'],
                ['execute', 1, 'Completed'],
                ['finish', null, 'Completed']
            ]
        );
        // The failed chunk's update is rolled back; the others stay. Without Database.Stateful each chunk starts
        // from the instance as it was queued (seen counts one chunk), and so does finish.
        assert.deepEqual(names(org), [
            'Alpha',
            'Boom',
            'Charlie (seen 2)',
            'Delta (seen 2)',
            'Echo (seen 1)',
            'Finished 0'
        ]);
        assert.equal(job.status, 'Completed');
        assert.equal(job.numberOfErrors, 1);
        assert.equal(job.extendedStatus, 'First error: boom in chunk');
        assert.match(job.chunks[1].error, /IllegalArgumentException: boom in chunk/);
        const [record] = org.query('AsyncApexJob', { JobType: 'BatchApex' });
        assert.deepEqual(
            [
                record.Status,
                record.TotalJobItems,
                record.JobItemsProcessed,
                record.NumberOfErrors,
                record.ExtendedStatus
            ],
            ['Completed', 3, 3, 1, 'First error: boom in chunk']
        );
    });

    test('each unit reports the limits it used; execute has the asynchronous limits (200 SOQL queries)', () => {
        const { session, org } = asyncSession();
        accounts(org, ['Alpha', 'Bravo', 'Charlie']);
        const job = session.runBatch(org.currentUserId, 'AccountRenameBatch', { scope: 3 });
        const execute = job.chunks.find((chunk) => chunk.phase === 'execute');
        assert.deepEqual(
            { ...execute.limits, cpuMs: typeof execute.limits.cpuMs },
            { queries: 0, queryRows: 0, dmlStatements: 1, dmlRows: 3, cpuMs: 'number' }
        );
        // The QueryLocator's rows do not count ("the governor limit for the total number of records retrieved by
        // SOQL queries is bypassed"); its query does.
        assert.deepEqual([job.chunks[0].limits.queries, job.chunks[0].limits.queryRows], [1, 0]);
        const got = run(session, `Probe.result = Limits.getLimitQueries();`);
        assert.equal(got.result, '100');
    });

    test('Database.Stateful carries member variables across chunks; without it each chunk starts afresh', () => {
        const { session, org } = asyncSession();
        const ids = accounts(org, ['A', 'B', 'C', 'D', 'E']);
        const list = `new List<Id>{ ${ids.map((id) => `'${id}'`).join(', ')} }`;
        run(session, `Database.executeBatch(new StatefulCounter(${list}), 2);`);
        run(session, `Database.executeBatch(new StatelessCounter(${list}), 2);`);
        assert.ok(names(org).includes('Counted 5'), 'stateful: the finish sees the count of every chunk');
        assert.ok(names(org).includes('Counted 0'), 'not stateful: finish sees the instance as it was queued');
        // An Iterable start has no upper bound on scope: 5 ids, scope 5000, one chunk.
        const before = session.asyncJobs.length;
        run(session, `Database.executeBatch(new StatefulCounter(${list}), 5000);`);
        assert.equal(session.asyncJobs[before].totalJobItems, 1);
    });

    test('a QueryLocator is chunked in at most 2,000 records whatever the scope', () => {
        const { session, org } = asyncSession();
        accounts(
            org,
            Array.from({ length: 2001 }, (_, i) => `Account ${String(i).padStart(4, '0')}`)
        );
        const job = session.runBatch(org.currentUserId, 'DailyFollowUp', { scope: 5000 });
        assert.deepEqual(
            job.chunks.filter((chunk) => chunk.phase === 'execute').map((chunk) => chunk.size),
            [2000, 1]
        );
        assert.ok(names(org).includes('Follow-up done 2001'));
    });

    test('a scope below 1 fails ("The value for scope must be greater than 0")', () => {
        const { session } = asyncSession();
        assert.deepEqual(run(session, 'Database.executeBatch(new AccountRenameBatch(), 0);'), {
            thrown: 'System.InvalidParameterValueException',
            message: 'Batchable scope must be greater than 0'
        });
    });

    test('finish may start another batch, which runs after its parent completed; execute may not', () => {
        const { session, org } = asyncSession();
        accounts(org, ['Alpha']);
        run(session, 'Database.executeBatch(new ChainingBatch());');
        assert.deepEqual(
            session.asyncJobs.map((job) => [job.className, job.status]),
            [
                ['ChainingBatch', 'Completed'],
                ['AccountRenameBatch', 'Completed']
            ]
        );
        const parent = org.get('AsyncApexJob', session.asyncJobs[0].id);
        const child = org.get('AsyncApexJob', session.asyncJobs[1].id);
        // The child is queued inside the parent's finish, so it is created before the parent completes, and it
        // completes after: the stamps can tie within a millisecond, never invert.
        assert.ok(child.CreatedDate <= parent.CompletedDate, `${child.CreatedDate} <= ${parent.CompletedDate}`);
        assert.ok(parent.CompletedDate <= child.CompletedDate, `${parent.CompletedDate} <= ${child.CompletedDate}`);
        const failing = asyncSession();
        accounts(failing.org, ['Alpha']);
        run(
            failing.session,
            'ChainingBatch b = new ChainingBatch(); b.chainFromExecute = true; Database.executeBatch(b);'
        );
        const [job] = failing.session.asyncJobs;
        assert.equal(
            job.extendedStatus,
            'First error: Database.executeBatch cannot be called from a batch start, batch execute, or future method.'
        );
    });

    test('System.abortJob of a queued batch job: it does not run and stays Aborted', () => {
        const { session, org } = asyncSession();
        accounts(org, ['Alpha']);
        run(session, 'Id jobId = Database.executeBatch(new AccountRenameBatch()); System.abortJob(jobId);');
        assert.deepEqual(names(org), ['Alpha']);
        assert.equal(session.asyncJobs[0].status, 'Aborted');
        assert.equal(org.query('AsyncApexJob', { JobType: 'BatchApex' })[0].Status, 'Aborted');
    });

    test('BatchableContext: getJobId in every method, getChildJobId in execute; System.isBatch() is true', () => {
        const { session, org } = asyncSession();
        const ids = accounts(org, ['A', 'B', 'C']);
        const list = `new List<Id>{ ${ids.map((id) => `'${id}'`).join(', ')} }`;
        // Probe.log is static: each unit is a transaction of its own, so the enqueuing transaction sees none.
        const got = run(session, `Database.executeBatch(new StatefulCounter(${list}), 2); Probe.log.add('queued');`);
        assert.deepEqual(got.log, ['queued']);
        const workers = org.query('AsyncApexJob', { JobType: 'BatchApexWorker' });
        assert.equal(workers.length, 2);
        assert.ok(workers.every((worker) => worker.ParentJobId === session.asyncJobs[0].id));
    });

    test('AsyncApexJob is read only to DML (Object Reference: query, no create, update or delete)', () => {
        const { session } = asyncSession();
        const got = run(session, 'insert new AsyncApexJob();');
        assert.equal(got.thrown, 'System.TypeException');
    });
});

describe('the asynchronous limits and the flex queue', () => {
    test('"Execution Governors and Limits": 200 SOQL queries in a batch execute, the 201st fails that chunk', () => {
        const { session, org } = asyncSession();
        assert.throws(() => session.runBatch(org.currentUserId, 'NoSuchBatch'), /Invalid type: NoSuchBatch/);
        run(session, 'Database.executeBatch(new QueryCountBatch(150));');
        run(session, 'Database.executeBatch(new QueryCountBatch(201));');
        const [fine, over] = session.asyncJobs;
        assert.deepEqual([fine.status, fine.numberOfErrors, fine.chunks[1].limits.queries], ['Completed', 0, 150]);
        assert.deepEqual([over.numberOfErrors, over.extendedStatus], [1, 'First error: Too many SOQL queries: 201']);
        // A start returning an Iterable class of the project's own: walked with hasNext() and next().
        assert.equal(fine.totalJobItems, 1);
    });

    test('"Up to 5 batch jobs can be queued or active concurrently": the sixth waits in the flex queue, Holding', () => {
        const { session } = asyncSession();
        const got = run(
            session,
            `List<Id> jobs = new List<Id>();
            for (Integer i = 0; i < 6; i++) { jobs.add(Database.executeBatch(new StatelessCounter(new List<Id>()))); }
            List<String> statuses = new List<String>();
            for (AsyncApexJob job : [SELECT Status FROM AsyncApexJob WHERE Id IN :jobs ORDER BY CreatedDate, Id]) { statuses.add(job.Status); }
            Probe.result = String.join(statuses, ',');`
        );
        assert.equal(got.result, 'Queued,Queued,Queued,Queued,Queued,Holding');
        assert.deepEqual(
            session.asyncJobs.map((job) => job.status),
            ['Completed', 'Completed', 'Completed', 'Completed', 'Completed', 'Completed']
        );
    });
});

// Asynchronous Apex in Apex tests (Apex Developer Guide, "Testing Batch Apex" in "Using Batch Apex", "Testing the
// Apex Scheduler", "Using Limits, startTest, and stopTest"; Salesforce Help, Knowledge Article 000386014): what a
// test method queues between Test.startTest() and Test.stopTest() runs synchronously at stopTest, what it queues
// elsewhere at the end of the method, one execute per test method, and exceptions reach the test.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asyncSession, run } from './async-session.mjs';

const inTest = { isTest: true };
const ONE_EXECUTE =
    'No more than one executeBatch can be called from within a test method. Please make sure the iterable returned ' +
    'from your start method matches the batch size, resulting in one executeBatch invocation.';

function withAccounts(names) {
    const fixture = asyncSession();
    fixture.org.insert(
        'Account',
        names.map((Name) => ({ Name }))
    );
    return fixture;
}

describe('batch Apex in a test', () => {
    test('"When stopTest is executed, all asynchronous processes are run synchronously": the job is done after stopTest', () => {
        const { session } = withAccounts(['Alpha', 'Bravo']);
        const got = run(
            session,
            `Test.startTest();
            Id jobId = Database.executeBatch(new AccountRenameBatch());
            String before = [SELECT Status FROM AsyncApexJob WHERE Id = :jobId].Status;
            Test.stopTest();
            AsyncApexJob job = [SELECT Status, JobItemsProcessed, TotalJobItems, NumberOfErrors, CompletedDate FROM AsyncApexJob WHERE Id = :jobId];
            Probe.result = before + ' ' + job.Status + ' ' + job.JobItemsProcessed + '/' + job.TotalJobItems + ' ' + job.NumberOfErrors + ' ' + (job.CompletedDate != null) + ' ' + [SELECT COUNT() FROM Account WHERE Name LIKE '%(seen 2)'];`,
            inTest
        );
        assert.equal(got.result, 'Queued Completed 1/1 0 true 2');
        // Static state is the test's: what start and execute logged is there; execute had the asynchronous limits.
        assert.deepEqual(got.log, ['start true true', 'execute 2 seen 2 queries 200', 'finish seen 0']);
    });

    test('work queued outside startTest/stopTest runs at the end of the test method ("executes at the end of your test method")', () => {
        const { session, org } = withAccounts(['Alpha']);
        const got = run(
            session,
            `Database.executeBatch(new AccountRenameBatch());
            Probe.result = [SELECT COUNT() FROM Account WHERE Name = 'Alpha (seen 1)'];`,
            inTest
        );
        assert.equal(got.result, '0');
        assert.ok(org.query('Account').some((account) => account.Name === 'Alpha (seen 1)'));
        // Nothing ran through the session's queue: in a test the job is the test's.
        assert.deepEqual(session.asyncJobs, []);
    });

    test('"you can test only one execution of the execute method": a start giving more than one batch fails at stopTest', () => {
        const { session } = withAccounts(['A', 'B', 'C']);
        const got = run(
            session,
            `Test.startTest();
            Database.executeBatch(new AccountRenameBatch(), 2);
            Test.stopTest();`,
            inTest
        );
        assert.deepEqual(got, { thrown: 'System.UnexpectedException', message: ONE_EXECUTE });
    });

    test('a batch started from finish runs in the same stopTest, and its execute is a second one (KA 000386014)', () => {
        const { session } = withAccounts(['Alpha']);
        const got = run(
            session,
            `Test.startTest();
            Database.executeBatch(new ChainingBatch());
            Test.stopTest();`,
            inTest
        );
        assert.deepEqual(got, { thrown: 'System.UnexpectedException', message: ONE_EXECUTE });
    });

    test('an exception in execute reaches the test method at stopTest ("passed to the calling test method")', () => {
        const { session } = withAccounts(['Boom']);
        const got = run(
            session,
            `Test.startTest();
            Database.executeBatch(new AccountRenameBatch());
            try {
                Test.stopTest();
            } catch (IllegalArgumentException e) {
                Probe.result = 'caught ' + e.getMessage();
            }`,
            inTest
        );
        assert.equal(got.result, 'caught boom in chunk');
    });

    test('"In a running test, you can submit a maximum of 5 batch jobs"', () => {
        const { session } = asyncSession();
        const got = run(
            session,
            `Test.startTest();
            for (Integer i = 0; i < 6; i++) { Database.executeBatch(new StatelessCounter(new List<Id>())); }`,
            inTest
        );
        assert.deepEqual(got, {
            thrown: 'System.AsyncException',
            message: 'Attempted to schedule too many concurrent batch jobs in this org (limit is 5).'
        });
    });
});

describe('scheduled Apex in a test', () => {
    test('System.schedule between startTest and stopTest: execute runs at stopTest, and the batch it starts too', () => {
        const { session } = withAccounts(['Alpha']);
        const got = run(
            session,
            `Test.startTest();
            Id cronId = System.schedule('Daily', '0 0 6 * * ?', new DailyFollowUp());
            CronTrigger t = [SELECT TimesTriggered, NextFireTime, State FROM CronTrigger WHERE Id = :cronId];
            String before = t.TimesTriggered + ' ' + t.State + ' ' + t.NextFireTime;
            Test.stopTest();
            CronTrigger after = [SELECT TimesTriggered FROM CronTrigger WHERE Id = :cronId];
            Probe.result = before + ' | ' + after.TimesTriggered + ' ' + [SELECT COUNT() FROM Account WHERE Name = 'Follow-up done 1'];`,
            inTest
        );
        // The org's clock: 2026-03-02 (a Monday), any time of day; 06:00 GMT the next day at the latest.
        assert.match(got.result, /^0 WAITING 2026-03-0[23] 06:00:00 \| 0 1$/);
        assert.deepEqual(got.log, ['scheduled true true']);
    });

    test('nothing leaves the org from a test: a notification sent by a scheduled job is not delivered', () => {
        const { session, org, admin } = asyncSession();
        run(
            session,
            `Test.startTest();
            Notifier.notify(new Set<String>{ '${admin}' }, '000000000000000AAA', null, 'Title', 'Body');
            Test.stopTest();`,
            inTest
        );
        assert.deepEqual(org.notifications(), []);
    });
});

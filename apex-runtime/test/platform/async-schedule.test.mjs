// Scheduled Apex (Apex Developer Guide, "Apex Scheduler"; Apex Reference, "System Class" schedule/abortJob,
// "SchedulableContext Interface"; Object Reference, "CronTrigger", "CronJobDetail", "AsyncApexJob"): the schedule's
// records, the expression's syntax (a table from the guide's "Using the System.schedule Method"), the failures, and
// the host's clock, session.fireScheduledJobs(at).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asyncSession, run } from './async-session.mjs';
import { CronError, nextFireTime, parseCron } from '../../platform/async/cron.mjs';

const SCHEDULER = 'https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_scheduler.htm';

/** The next fire time after `after` (ISO), as ISO, or null. */
const next = (expression, after) => {
    const at = nextFireTime(parseCron(expression), Date.parse(after));
    return at === null ? null : new Date(at).toISOString().slice(0, 19);
};

describe(`cron expressions (${SCHEDULER}, "Using the System.schedule Method")`, () => {
    const AFTER = '2026-03-02T10:00:00Z'; // a Monday
    const rows = [
        ['0 0 13 * * ?', '2026-03-02T13:00:00', 'Class runs every day at 1 PM'],
        ['0 0 22 ? * 6L', '2026-03-27T22:00:00', 'Class runs the last Friday of every month at 10 PM'],
        ['0 0 10 ? * MON-FRI', '2026-03-03T10:00:00', 'Class runs Monday through Friday at 10 AM'],
        ['0 0 20 * * ? 2026', '2026-03-02T20:00:00', 'Class runs every day at 8 PM during the year 2026'],
        ['0 0 12 ? * 2,4,6', '2026-03-02T12:00:00', '",": 12:00 on Monday, Wednesday and Friday'],
        ['0 0 1 1/5 * ?', '2026-03-06T01:00:00', '"/": the 1st and every fifth day after it'],
        ['0 0 9 L * ?', '2026-03-31T09:00:00', '"L" in Day_of_month: the last day of the month'],
        ['0 0 9 LW * ?', '2026-03-31T09:00:00', '"LW": the last weekday of the month'],
        ['0 0 9 14W * ?', '2026-03-13T09:00:00', '"W": the weekday nearest the 14th (a Saturday): Friday the 13th'],
        ['0 0 9 ? * 2#1', '2026-04-06T09:00:00', '"#": the first Monday of the month (March\'s was the 2nd)'],
        ['0 30 8 10 2 ?', '2027-02-10T08:30:00', 'the guide\'s example "20 30 8 10 2 ?": February 10 at 8:30'],
        ['0 0 6 * JAN-MAR ?', '2026-03-03T06:00:00', 'month names'],
        ['0 0 0 3 9 ? 2022', null, 'a year gone: never fires again']
    ];
    for (const [expression, expected, meaning] of rows) {
        test(`${expression}: ${meaning}`, () => assert.equal(next(expression, AFTER), expected));
    }

    const refused = [
        ['0 */5 * * * ?', 'Seconds and minutes must be specified as integers: 0 */5 * * * ?'],
        ['0 0 6 * * *', 'Support for specifying both a day-of-week AND a day-of-month parameter is not implemented.'],
        ['0 0 6 ? * ?', "'?' can only be specfied for Day-of-Month -OR- Day-of-Week."],
        ['0 0 24 * * ?', 'Hour values must be between 0 and 23'],
        ['0 0 6 * 13 ?', 'Month values must be between 1 and 12'],
        ['0 0 6 ? * 8', 'Day-of-Week values must be between 1 and 7'],
        ['0 0 6 * *', 'Unexpected end of expression.'],
        ['0 0 6 * * ? 1969', 'Year values must be between 1970 and 2099']
    ];
    for (const [expression, message] of refused) {
        test(`refused: "${expression}"`, () => {
            assert.throws(
                () => parseCron(expression),
                (error) => error instanceof CronError && error.message === message
            );
        });
    }
});

describe('System.schedule and System.abortJob', () => {
    test('creates CronTrigger (WAITING, NextFireTime, TimesTriggered 0) and CronJobDetail (Name, JobType 7), queryable with CronJobDetail.Name', () => {
        const { session, admin } = asyncSession();
        const got = run(
            session,
            `Id cronId = System.schedule('Tandem daily follow-up', '0 0 6 * * ?', new DailyFollowUp());
            String name = 'Tandem daily follow-up';
            CronTrigger t = [SELECT Id, CronExpression, NextFireTime, PreviousFireTime, State, TimesTriggered, OwnerId, CronJobDetail.Name, CronJobDetail.JobType FROM CronTrigger WHERE CronJobDetail.Name = :name WITH USER_MODE];
            Probe.result = (t.Id == cronId) + ' ' + t.CronExpression + ' ' + t.State + ' ' + t.NextFireTime + ' ' + t.PreviousFireTime + ' ' + t.TimesTriggered + ' ' + t.CronJobDetail.Name + ' ' + t.CronJobDetail.JobType + ' ' + (t.OwnerId == UserInfo.getUserId());`,
            { userId: admin }
        );
        assert.match(
            got.result,
            /^true 0 0 6 \* \* \? WAITING 2026-03-0[23] 06:00:00 null 0 Tandem daily follow-up 7 true$/
        );
    });

    test('a Standard User can query their job WITH USER_MODE (CronTrigger is setup data every user may query)', () => {
        const { session, standard } = asyncSession();
        const got = run(
            session,
            `System.schedule('Mine', '0 0 6 * * ?', new DailyFollowUp());
            Probe.result = [SELECT Id FROM CronTrigger WHERE CronJobDetail.Name = 'Mine' WITH USER_MODE].size();`,
            { userId: standard }
        );
        assert.equal(got.result, '1');
    });

    const failures = [
        {
            name: 'an invalid expression throws System.StringException',
            code: "System.schedule('Bad', '0 */5 * * * ?', new DailyFollowUp());",
            expected: {
                thrown: 'System.StringException',
                message: 'Seconds and minutes must be specified as integers: 0 */5 * * * ?'
            }
        },
        {
            name: 'a name already scheduled throws System.AsyncException',
            code: "System.schedule('Twice', '0 0 6 * * ?', new DailyFollowUp()); System.schedule('Twice', '0 0 7 * * ?', new DailyFollowUp());",
            expected: {
                thrown: 'System.AsyncException',
                message: 'The Apex job named "Twice" is already scheduled for execution.'
            }
        },
        {
            name: 'a schedule that never fires throws System.AsyncException',
            code: "System.schedule('Past', '0 0 0 3 9 ? 2022', new DailyFollowUp());",
            expected: {
                thrown: 'System.AsyncException',
                message: "Based on configured schedule, the given trigger 'Past' will never fire."
            }
        },
        {
            name: '"You can only have 100 scheduled Apex jobs at one time"',
            code: "for (Integer i = 0; i < 101; i++) { System.schedule('Job ' + i, '0 0 6 * * ?', new DailyFollowUp()); }",
            expected: {
                thrown: 'System.AsyncException',
                message: 'You have exceeded the maximum number (100) of Apex scheduled jobs.'
            }
        }
    ];
    for (const { name, code, expected } of failures) {
        test(name, () => assert.deepEqual(run(asyncSession().session, code), expected));
    }

    test('System.abortJob(cronTriggerId) removes the trigger and its detail: the name can be scheduled again', () => {
        const { session, org } = asyncSession();
        const got = run(
            session,
            `Id first = System.schedule('Again', '0 0 6 * * ?', new DailyFollowUp());
            for (CronTrigger t : [SELECT Id FROM CronTrigger WHERE CronJobDetail.Name = 'Again']) { System.abortJob(t.Id); }
            Integer left = [SELECT COUNT() FROM CronTrigger WHERE Id = :first];
            Id second = System.schedule('Again', '0 0 7 * * ?', new DailyFollowUp());
            Probe.result = left + ' ' + (second != first);`
        );
        assert.equal(got.result, '0 true');
        assert.equal(org.query('CronJobDetail').length, 1);
        // Only the second schedule fires: daily at 07:00 from the org's clock (2026-03-02, time of day now).
        const fired = session.fireScheduledJobs('2026-03-10T00:00:00Z');
        assert.ok(fired.length >= 7 && fired.every((job) => job.cronTriggerId === org.query('CronTrigger')[0].Id));
    });
});

describe('session.fireScheduledJobs(at)', () => {
    test('runs each due job as the user who scheduled it, then the batch it queued; advances the trigger', () => {
        const { session, org, standard } = asyncSession();
        org.insert('Account', [{ Name: 'Alpha' }, { Name: 'Bravo' }]);
        run(session, "System.schedule('Daily', '0 0 6 * * ?', new DailyFollowUp());", { userId: standard });
        const [trigger] = org.query('CronTrigger');
        assert.deepEqual(session.fireScheduledJobs(new Date(Date.parse(trigger.NextFireTime) - 1000)), []);
        const fired = session.fireScheduledJobs(trigger.NextFireTime);
        assert.deepEqual(
            fired.map((job) => [job.type, job.status, job.userId]),
            [['ScheduledApex', 'Completed', standard]]
        );
        // The batch the execute started ran after it, with the records the standard user sees (with sharing).
        const batch = session.asyncJobs.find((job) => job.type === 'BatchApex');
        assert.equal(batch.status, 'Completed');
        assert.ok(org.query('Account').some((account) => account.Name === 'Follow-up done 2'));
        const after = org.get('CronTrigger', trigger.Id);
        assert.deepEqual(
            [after.TimesTriggered, after.PreviousFireTime, after.State],
            [1, trigger.NextFireTime, 'WAITING']
        );
        assert.equal(Date.parse(after.NextFireTime) - Date.parse(trigger.NextFireTime), 86400000);
        const run1 = org.get('AsyncApexJob', fired[0].id);
        assert.deepEqual([run1.JobType, run1.CronTriggerId, run1.Status], ['ScheduledApex', trigger.Id, 'Completed']);
    });

    test('a one-time schedule fires once and is DELETED; a job due several times fires once per time', () => {
        const { session, org } = asyncSession();
        run(session, "System.schedule('Once', '0 0 6 10 3 ? 2026', new DailyFollowUp());");
        run(session, "System.schedule('Hourly', '0 0 * * * ?', new DailyFollowUp());");
        const fired = session.fireScheduledJobs('2026-03-12T00:00:00Z');
        const once = org.query('CronTrigger').find((t) => t.CronExpression.endsWith('2026'));
        assert.deepEqual([once.State, once.NextFireTime, once.TimesTriggered], ['DELETED', null, 1]);
        assert.ok(fired.filter((job) => job.status === 'Completed').length > 24);
    });
});

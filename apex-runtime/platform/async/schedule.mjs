// Scheduled Apex: System.schedule, System.abortJob, SchedulableContext, System.isBatch/isScheduled, and the host's
// fireScheduledJobs (the clock the offline org does not have).
//
// The platform's rules, and where they are written:
// - Apex Developer Guide, "Apex Scheduler" (https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/
//   apexcode/apex_scheduler.htm): System.schedule(jobName, cronExpression, schedulableInstance) "returns the
//   CronTrigger object ID"; the expression's syntax is cron.mjs's; "You can only have 100 scheduled Apex jobs at one
//   time"; the class's execute(SchedulableContext) runs at the scheduled times; "Use the getTriggerId method to
//   return the ID of the CronTrigger API object"; the instance is serialized when scheduled (each run starts from
//   it). CronTrigger and CronJobDetail hold the schedule ("Salesforce schedules the class for execution at the
//   specified time"); the scheduler "runs as system", the code as the user who scheduled the job.
// - Apex Developer Guide, "Testing the Apex Scheduler": "When stopTest is executed, all asynchronous processes are
//   run synchronously"; after System.schedule the CronTrigger has TimesTriggered 0 and NextFireTime the first fire
//   time; outside startTest/stopTest "the scheduled job executes at the end of your test method". The test run
//   leaves the CronTrigger as it was (platform output: TimesTriggered stays 0 after stopTest).
// - Apex Reference, "System Class": abortJob(jobId) "Stops the specified job. The stopped job is still visible in
//   the job queue"; jobId is "the ID associated with either AsyncApexJob or CronTrigger"; isBatch() / isScheduled()
//   say whether the running code is a batch job / a scheduled job. An aborted schedule's CronTrigger and
//   CronJobDetail are gone (a query finds neither; the name can be scheduled again).
// - Object Reference, CronTrigger / CronJobDetail: State WAITING until it fires, DELETED once it never fires again;
//   CronJobDetail.JobType '7' is Scheduled Apex.
//
// Wording reconstructed from platform output: System.AsyncException 'The Apex job named "<name>" is already
// scheduled for execution.', "You have exceeded the maximum number (100) of Apex scheduled jobs." and "Based on
// configured schedule, the given trigger '<name>' will never fire."; System.StringException for a bad expression
// (cron.mjs). Not modelled: time zones other than the org's GMT (CronTrigger.TimeZoneSidKey is GMT), EndTime,
// scheduled jobs carried across org snapshots (a job scheduled in @TestSetup), System.scheduleBatch.
import { defineNative, nativeClass } from '../../interpreter/natives.mjs';
import { ApexObject } from '../../values/values.mjs';
import { CronError, nextFireTime, parseCron } from './cron.mjs';
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

const SCHEDULED_JOBS = 100;
const SCHEDULED_APEX = '7';
const lower = (text) => String(text ?? '').toLowerCase();
const iso = (ms) => new Date(ms).toISOString();

export class SchedulableContextValue {
    constructor(triggerId) {
        this.triggerId = triggerId;
    }
}

defineNative({
    name: 'SchedulableContext',
    isInstance: (value) => value instanceof SchedulableContextValue,
    // Apex Reference, "SchedulableContext Interface": getTriggerId() "Returns the ID of the CronTrigger scheduled job".
    instanceMethods: { gettriggerid: (rt, self) => self.triggerId }
});

// The Apex instances of the org's schedules (by CronTrigger Id): the org stores records, not Apex objects.
const schedulesOf = new WeakMap();
const schedules = (org) => {
    if (!schedulesOf.has(org)) schedulesOf.set(org, new Map());
    return schedulesOf.get(org);
};

function liveTriggers(org) {
    return org.query('CronTrigger', (row) => row.State !== 'DELETED' && row.State !== 'COMPLETE');
}

function schedule(rt, [name, expression, schedulable]) {
    if (name === null || expression === null || schedulable === null) {
        rt.throw('System.NullPointerException', 'Argument cannot be null.');
    }
    if (!(schedulable instanceof ApexObject) || !schedulable.cls.implementsNative('schedulable')) {
        rt.compileError(
            'Method does not exist or incorrect signature: System.schedule of a class that is not Schedulable'
        );
    }
    let cron;
    try {
        cron = parseCron(expression);
    } catch (error) {
        if (error instanceof CronError) rt.throw('System.StringException', error.message);
        throw error;
    }
    const { org } = rt;
    const live = liveTriggers(org);
    const details = new Map(org.query('CronJobDetail').map((detail) => [detail.Id, detail]));
    if (live.some((trigger) => lower(details.get(trigger.CronJobDetailId)?.Name) === lower(name))) {
        rt.throw('System.AsyncException', `The Apex job named "${name}" is already scheduled for execution.`);
    }
    const apexJobs = live.filter((trigger) => details.get(trigger.CronJobDetailId)?.JobType === SCHEDULED_APEX);
    if (apexJobs.length >= SCHEDULED_JOBS) {
        rt.throw('System.AsyncException', 'You have exceeded the maximum number (100) of Apex scheduled jobs.');
    }
    const now = rt.now().ms;
    const next = nextFireTime(cron, now);
    if (next === null) {
        rt.throw('System.AsyncException', `Based on configured schedule, the given trigger '${name}' will never fire.`);
    }
    const as = { as: rt.userId };
    const [detailId] = org.writeAsPlatform('insert', 'CronJobDetail', { Name: name, JobType: SCHEDULED_APEX }, as);
    const [triggerId] = org.writeAsPlatform(
        'insert',
        'CronTrigger',
        {
            CronExpression: expression,
            CronJobDetailId: detailId,
            State: 'WAITING',
            NextFireTime: iso(next),
            PreviousFireTime: null,
            StartTime: iso(now),
            TimesTriggered: 0,
            TimeZoneSidKey: 'GMT',
            OwnerId: rt.userId
        },
        as
    );
    const entry = {
        triggerId,
        className: schedulable.cls.name,
        userId: rt.userId,
        snapshot: copyValue(schedulable, rt)
    };
    schedules(org).set(triggerId, entry);
    // In a test the job runs at Test.stopTest (or at the end of the test method); elsewhere the host fires it.
    if (rt.isTest) enqueueAsync(rt, { inTest: (testRt) => runInTest(testRt, entry), inSession: () => {} });
    return triggerId;
}

function runInTest(rt, entry) {
    if (!schedules(rt.org).has(entry.triggerId)) return;
    testUnit(rt, { userId: entry.userId, context: 'scheduled' }, () =>
        rt.call(copyValue(entry.snapshot, rt), 'execute', [new SchedulableContextValue(entry.triggerId)])
    );
}

function abortJob(rt, [jobId]) {
    if (jobId === null || jobId === undefined) rt.throw('System.NullPointerException', 'Argument cannot be null.');
    const { org } = rt;
    const as = { as: rt.userId };
    const trigger = org.get('CronTrigger', jobId);
    if (trigger) {
        schedules(org).delete(trigger.Id);
        // The detail goes, and its trigger with it (CronTrigger.CronJobDetailId cascades).
        org.writeAsPlatform('delete', 'CronJobDetail', trigger.CronJobDetailId, as);
        return null;
    }
    const job = jobRecord(org, jobId);
    if (!job) rt.unsupported(`System.abortJob(${jobId}): no scheduled or asynchronous job has this id`);
    if (['Holding', 'Queued', 'Preparing', 'Processing'].includes(job.Status)) {
        updateRecord(org, 'AsyncApexJob', job.Id, { Status: 'Aborted', CompletedDate: org.now() }, rt.userId);
    }
    return null;
}

Object.assign(nativeClass('System').staticMethods, {
    schedule,
    abortjob: abortJob,
    isbatch: (rt) => String(rt.services?.asyncContext ?? '').startsWith('batch-'),
    isscheduled: (rt) => rt.services?.asyncContext === 'scheduled'
});

// ---- the host's clock ---------------------------------------------------------------------------------------------

function fireOne(session, trigger) {
    const { org } = session;
    const entry = schedules(org).get(trigger.Id);
    if (!entry) {
        throw new Error(
            `scheduled job ${trigger.Id} has no Apex instance in this session (scheduled from an org snapshot?)`
        );
    }
    const firedAt = trigger.NextFireTime;
    const jobId = insertJob(org, entry.userId, {
        JobType: 'ScheduledApex',
        ApexClassId: apexClassId(org, session.program, entry.className, entry.userId),
        CronTriggerId: trigger.Id,
        Status: 'Processing'
    });
    const ran = sessionUnit(session, { userId: entry.userId, context: 'scheduled' }, (rt) =>
        rt.call(copyValue(entry.snapshot, rt), 'execute', [new SchedulableContextValue(trigger.Id)])
    );
    const next = nextFireTime(parseCron(trigger.CronExpression), Date.parse(firedAt));
    updateRecord(
        org,
        'CronTrigger',
        trigger.Id,
        {
            TimesTriggered: (trigger.TimesTriggered ?? 0) + 1,
            PreviousFireTime: firedAt,
            NextFireTime: next === null ? null : iso(next),
            State: next === null ? 'DELETED' : 'WAITING'
        },
        entry.userId
    );
    updateRecord(
        org,
        'AsyncApexJob',
        jobId,
        {
            Status: ran.error ? 'Failed' : 'Completed',
            CompletedDate: org.now(),
            NumberOfErrors: ran.error ? 1 : 0,
            ExtendedStatus: ran.error ? firstError(ran.error) : null
        },
        entry.userId
    );
    const report = {
        type: 'ScheduledApex',
        id: jobId,
        cronTriggerId: trigger.Id,
        className: entry.className,
        userId: entry.userId,
        firedAt,
        status: ran.error ? 'Failed' : 'Completed',
        error: ran.error ?? null,
        limits: ran.used
    };
    session.asyncJobs.push(report);
    ran.runQueued();
    return report;
}

/** session.fireScheduledJobs(at): see session.mjs. */
export function fireScheduledJobs(session, at) {
    const { org } = session;
    const atMs =
        at === undefined || at === null
            ? Date.parse(org.now())
            : at instanceof Date
              ? at.getTime()
              : typeof at === 'number'
                ? at
                : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00:00Z` : at);
    if (Number.isNaN(atMs)) throw new Error(`fireScheduledJobs: not a date-time: ${at}`);
    const fired = [];
    // A job due several times before `at` (a daily job, days later) runs once per time it was due.
    for (let guard = 0; guard < 10000; guard++) {
        const due = org
            .query(
                'CronTrigger',
                (row) => row.State === 'WAITING' && row.NextFireTime && Date.parse(row.NextFireTime) <= atMs
            )
            .sort((a, b) => Date.parse(a.NextFireTime) - Date.parse(b.NextFireTime))[0];
        if (!due) break;
        fired.push(fireOne(session, due));
    }
    return fired;
}

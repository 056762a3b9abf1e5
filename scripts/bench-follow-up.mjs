#!/usr/bin/env node
// npm run bench:follow-up: the daily follow-up job (FollowUpJob, then ManagerDigestJob on a Monday) over about
// 10,000 milestones across 1,000 plans, on the embedded org through the offline Apex runtime, as Batch Apex runs it:
// start, each batch of 200 plans and finish in transactions of their own, with the asynchronous governor limits.
// The deals, plans and milestones are the scale bench's (bench/scale-org.mjs: loaded directly, not through the
// triggers, checked against a sample loaded through them), on the end-to-end tests' Monday. Prints, per batch, the
// SOQL queries, query rows, DML statements, DML rows and CPU time against the limits ("Execution Governors and
// Limits": asynchronous Apex, 200 queries, 50,000 query rows, 150 DML statements, 10,000 DML rows, 60,000 ms CPU),
// and what was sent; then runs the job again to show a second run sends nothing. Writes artifacts/bench-follow-up.json.
// Exits 1 when a batch fails, exceeds half of a limit, or the second run sends anything. Not part of `npm test`.
//   node scripts/bench-follow-up.mjs                 1,112 deals: 1,000 plans (889 Active), 10,000 milestones
//   node scripts/bench-follow-up.mjs --deals 300     a smaller org (10 milestones per deal)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadPackageProgram } from '../apex-runtime/session.mjs';
import { ROOT, TODAY } from './bench-apex.mjs';
import { createScaleOrg } from '../bench/scale-org.mjs';

/** The asynchronous limits a batch transaction runs under (Apex Developer Guide, "Execution Governors and Limits"). */
const LIMITS = { queries: 200, queryRows: 50_000, dmlStatements: 150, dmlRows: 10_000, cpuMs: 60_000 };
/** What "room to spare" means here: no batch uses more than half of any limit. */
const HEADROOM = 0.5;

const args = process.argv.slice(2);
const dealsAt = args.indexOf('--deals');
const DEALS = dealsAt >= 0 ? Number(args[dealsAt + 1]) : 1112;
if (!Number.isInteger(DEALS) || DEALS < 20) throw new Error('--deals: a whole number of at least 20');
const MILESTONES = Math.round((DEALS * 10_000) / 1112);

const log = (line) => console.log(line);
const started = performance.now();
const program = loadPackageProgram(ROOT);
const { session, org, demo, counts } = createScaleOrg({
    root: ROOT,
    today: TODAY,
    program,
    deals: DEALS,
    milestones: MILESTONES,
    sample: 20,
    log: (line) => log(`  ${line}`)
});
const activePlans = org.query('Mutual_Action_Plan__c').filter((plan) => plan.Status__c === 'Active');
const active = activePlans.length;
// A third of the Active plans ask for buyer reminders (an account executive's switch on the plan), saved through the
// triggers like any user's change.
const asking = activePlans.filter((_, i) => i % 3 === 0).map((plan) => ({ Id: plan.Id, Buyer_Reminders__c: true }));
session.transaction(demo.admin, () => org.update('Mutual_Action_Plan__c', asking, { as: demo.admin }));
log(
    `org: ${counts.Mutual_Action_Plan__c} plans (${active} Active, ${asking.length} with buyer reminders), ` +
        `${counts.Plan_Milestone__c} milestones, ` +
        `today ${TODAY} (a Monday: the digest runs) in ${((performance.now() - started) / 1000).toFixed(0)} s`
);

function run(label) {
    const notificationsBefore = org.notifications().length;
    const emailsBefore = org.outbox().length;
    const remindersBefore = org.query('Plan_Reminder__c').length;
    const jobsBefore = session.asyncJobs.length;
    const t0 = performance.now();
    session.runBatch(demo.admin, 'FollowUpJob', { scope: 200 });
    const seconds = (performance.now() - t0) / 1000;
    const jobs = session.asyncJobs.slice(jobsBefore).filter((job) => job.chunks);
    const result = {
        label,
        seconds,
        notifications: org.notifications().length - notificationsBefore,
        emails: org.outbox().length - emailsBefore,
        reminders: org.query('Plan_Reminder__c').length - remindersBefore,
        jobs: jobs.map((job) => ({
            className: job.className,
            status: job.status,
            numberOfErrors: job.numberOfErrors,
            extendedStatus: job.extendedStatus,
            chunks: job.chunks.map((chunk) => ({
                phase: chunk.phase,
                size: chunk.size,
                status: chunk.status,
                error: chunk.error ?? null,
                limits: chunk.limits
            }))
        }))
    };
    log('');
    log(
        `${label}: ${seconds.toFixed(1)} s; ${result.notifications} notifications, ${result.emails} emails, ` +
            `${result.reminders} reminder records`
    );
    const pad = (value, width) => String(value).padStart(width);
    for (const job of result.jobs) {
        log(
            `  ${job.className}: ${job.status}, ${job.numberOfErrors} failed batches${job.extendedStatus ? ` (${job.extendedStatus})` : ''}`
        );
        log('    phase     size  queries  query rows  DML  DML rows   CPU ms');
        for (const chunk of job.chunks) {
            const l = chunk.limits;
            log(
                `    ${chunk.phase.padEnd(8)} ${pad(chunk.size ?? '', 5)} ${pad(l.queries, 8)} ${pad(l.queryRows, 11)} ` +
                    `${pad(l.dmlStatements, 4)} ${pad(l.dmlRows, 9)} ${pad(Math.round(l.cpuMs), 8)}` +
                    (chunk.status !== 'Completed' ? `  ${chunk.status}: ${chunk.error ?? ''}` : '')
            );
        }
    }
    return result;
}

const first = run('first run');
const second = run('second run, same day');
const problems = [];
for (const result of [first, second]) {
    for (const job of result.jobs) {
        if (job.status !== 'Completed' || job.numberOfErrors) problems.push(`${job.className} ${job.status}`);
        for (const chunk of job.chunks) {
            for (const [name, limit] of Object.entries(LIMITS)) {
                if (chunk.limits[name] > limit * HEADROOM) {
                    problems.push(
                        `${job.className} ${chunk.phase}: ${name} ${chunk.limits[name]} > ${limit * HEADROOM}`
                    );
                }
            }
        }
    }
}
if (second.notifications || second.emails || second.reminders) {
    problems.push(`the second run sent ${second.notifications} notifications and ${second.emails} emails`);
}
const worst = Object.fromEntries(
    Object.keys(LIMITS).map((name) => [
        name,
        Math.max(
            ...[first, second].flatMap((result) =>
                result.jobs.flatMap((job) => job.chunks.map((chunk) => chunk.limits[name]))
            )
        )
    ])
);
log('');
log(
    `most any batch used: ${Object.entries(worst)
        .map(([name, value]) => `${name} ${Math.round(value)} of ${LIMITS[name]}`)
        .join(', ')}`
);
const file = join(ROOT, 'artifacts', 'bench-follow-up.json');
mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
writeFileSync(
    file,
    `${JSON.stringify(
        {
            date: new Date().toISOString(),
            machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version },
            today: TODAY,
            counts: {
                plans: counts.Mutual_Action_Plan__c,
                activePlans: active,
                buyerRemindersOn: asking.length,
                milestones: counts.Plan_Milestone__c
            },
            limits: LIMITS,
            worst,
            runs: [first, second],
            problems
        },
        null,
        2
    )}\n`
);
log(`written to ${file}`);
if (problems.length) {
    log(`PROBLEMS:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
}

// The scale bench's embedded org: the preview's demo (its team, accounts and gate settings) with more reps in the
// same role hierarchy, then 50,000 open opportunities across them, plans on nine in ten (Active, a third of them
// accepted by the buyer, or Draft) and 500,000 milestones.
//
// So many records through the Apex triggers would take the offline runtime far too long, so they are LOADED
// DIRECTLY, NOT THROUGH THE TRIGGERS, as a large data migration with the org's automation deactivated ("Best
// Practices for Deployments with Large Data Volumes", "Loading Data from the API"):
//   - a data-load org (createOrg({ triggers: 'off', validationRules: 'off' }), preview/org/README.md) made from a
//     snapshot of the demo org saves them: system validation, roll-up summaries and formulas still apply, the
//     validation rules (86% of the save time at this scale) and the triggers do not;
//   - the loader sets every field the two triggers would set on insert (MutualActionPlanTriggerHandler,
//     PlanMilestoneTriggerHandler): the dates they keep when a load gives them (Activated_On__c,
//     Buyer_Accepted_On__c, Status_Changed_On__c, Completed_On__c, Baseline_Date__c), and the two they always
//     compute (Revision__c, Slip_Days__c = working days from the baseline to the due date);
//   - the Apex session then restores that org's snapshot, so the review's Apex runs on it as on any org.
// checkDirectLoad() loads a sample both ways (through the triggers and the validation rules, and directly) and
// compares every field, so "the same records as the triggers would save, and valid" is checked, not assumed. Not loaded: slip history rows
// (Milestone_Date_Change__c: the triggers write them only on a later update of a baselined due date, never on
// insert, and the review does not read them).
import { createDemoSession } from '../preview/apex.mjs';
import { createOrg } from '../preview/org/org.mjs';
import { OPPORTUNITY_STAGES } from '../scripts/lib/schema/index.mjs';
import { addDays, workingDaysBetween } from '../scripts/lib/iso-dates.mjs';
import { CHUNK, contactsByTitle, withGateBypass } from './load.mjs';

export const SCALE_DEALS = 50_000;
export const SCALE_MILESTONES = 500_000;
/** Reps per first-line manager (the demo's three each, plus more in the same roles). */
export const REPS_PER_MANAGER = 12;
/** Records per save of the direct load (no trigger runs, so the trigger's 200-record chunks do not apply). */
const LOAD_BATCH = 2000;
/** Deals (and their plans and milestones) generated and saved at a time, to keep memory flat. */
const DEALS_PER_STEP = 5000;

const OPEN_STAGES = OPPORTUNITY_STAGES.filter((stage) => !stage.closed).map((stage) => stage.name);
const SIDES = ['Seller', 'Buyer', 'Joint'];
const FIRST_NAMES = ['Ava', 'Ben', 'Chloe', 'Dev', 'Elif', 'Farid', 'Grace', 'Hugo', 'Iris', 'Jamal', 'Kira', 'Liam'];

/** Nine deals in ten have a plan; of those, one in nine is a Draft and the rest Active. */
const hasPlan = (i) => i % 10 !== 9;
const planStatus = (i) => (i % 10 === 8 ? 'Draft' : 'Active');
/** How many of the deals before deal `i` have a plan (so the plan's ordinal, when deal `i` has one). */
const plansBefore = (i) => i - Math.floor(i / 10);

/**
 * The records of deals [from, to): { opportunities, plans, milestones }, as a data migration would give them: plans
 * and milestones carry the dates the triggers keep when given, not the two fields they always compute. Plans point
 * at their opportunity by deal index (`dealIndex`), milestones at their plan by plan name (`planName`); the caller
 * puts the Ids in.
 */
export function scaleRecords(scale, from, to) {
    const { today, reps, accounts, cfoOf, deals, milestones } = scale;
    const planCount = plansBefore(deals);
    const perPlan = Math.floor(milestones / planCount);
    const extra = milestones - perPlan * planCount;
    const out = { opportunities: [], plans: [], milestones: [] };
    for (let i = from; i < to; i++) {
        const owner = reps[i % reps.length];
        const account = accounts[i % accounts.length];
        const closeDate = addDays(today, ((i * 7) % 420) - 60);
        out.opportunities.push({
            Name: `Scale deal ${String(i + 1).padStart(6, '0')}`,
            AccountId: account,
            OwnerId: owner,
            StageName: OPEN_STAGES[(i * 5) % OPEN_STAGES.length],
            CloseDate: closeDate,
            Amount: 1000 * ((i * 37) % 900) + 5000
        });
        if (!hasPlan(i)) continue;
        const status = planStatus(i);
        const active = status === 'Active';
        const accepted = active && i % 3 === 0;
        const activatedOn = addDays(today, -3 - (i % 24));
        const planName = `Scale plan ${String(i + 1).padStart(6, '0')}`;
        out.plans.push({
            dealIndex: i,
            Name: planName,
            Status__c: status,
            Activated_On__c: active ? `${activatedOn}T09:00:00.000Z` : null,
            Buyer_Accepted__c: accepted,
            Buyer_Accepted_By__c: accepted ? cfoOf.get(account) : null,
            Buyer_Accepted_On__c: accepted ? `${addDays(activatedOn, 1)}T15:00:00.000Z` : null
        });
        const count = perPlan + (plansBefore(i) < extra ? 1 : 0);
        const done = i % 6;
        const offset = (i % 9) * 3;
        for (let k = 0; k < count; k++) {
            const side = SIDES[k % 3];
            const complete = k < done;
            const marksClose = k === count - 1;
            // Steps a week apart around today (some overdue); the last marks the close, near the close date.
            const planned = marksClose
                ? addDays(closeDate, ((i % 5) - 3) * 4)
                : addDays(today, 7 * (k - done) - offset + 10);
            // One deal in seven has a milestone moved 10 days past its baseline (with its reason), as a slip.
            const slipped = active && !complete && k === done && i % 7 === 0;
            const due = slipped ? addDays(planned, 10) : planned;
            const lastChange = complete ? addDays(activatedOn, 2 * (k + 1)) : activatedOn;
            out.milestones.push({
                planName,
                Name: `Step ${k + 1}`,
                Side__c: side,
                Sort_Order__c: k + 1,
                Due_Date__c: due,
                Status__c: complete ? 'Complete' : k === done ? 'In Progress' : 'Not Started',
                Completed_On__c: complete ? lastChange : null,
                Status_Changed_On__c: lastChange,
                Baseline_Date__c: active ? planned : null,
                Slip_Reason__c: slipped ? 'Buyer availability' : null,
                Seller_Owner__c: side === 'Buyer' ? null : owner,
                Buyer_Owner__c: side === 'Seller' ? null : cfoOf.get(account),
                Marks_Close__c: marksClose
            });
        }
    }
    return out;
}

/**
 * What the project's insert triggers would store beyond what the load gives: Revision__c = 1 on milestones (on
 * plans, 1 unless the caller counted the later saves, see saveDeals), Slip_Days__c = working days from baseline to
 * due date, the plan's version (1, and the acceptance's version and source) and each milestone's version date. The dates the triggers stamp only when a save leaves them blank must be given (a blank one would need
 * "now", which a direct load cannot agree on).
 */
export function asTriggersWouldSave(sobject, record) {
    if (sobject === 'Mutual_Action_Plan__c') {
        if (record.Status__c === 'Active' && !record.Activated_On__c) throw new Error('direct load: Activated_On__c');
        if (record.Buyer_Accepted__c && !record.Buyer_Accepted_On__c) throw new Error('direct load: accepted on');
        // PlanVersions: a new plan is version 1; an acceptance saved with it is of that version, recorded by the
        // seller unless the load says otherwise.
        const version = record.Version__c >= 1 ? record.Version__c : 1;
        const accepted = record.Buyer_Accepted__c
            ? {
                  Accepted_Version__c: version,
                  Acceptance_Source__c: record.Acceptance_Source__c ?? 'Recorded by Seller'
              }
            : {};
        return { ...record, Version__c: version, ...accepted, Revision__c: record.Revision__c ?? 1 };
    }
    if (sobject === 'Plan_Milestone__c') {
        if (!record.Status_Changed_On__c) throw new Error('direct load: Status_Changed_On__c must be given');
        if (record.Status__c === 'Complete' && !record.Completed_On__c) throw new Error('direct load: Completed_On__c');
        const slip = record.Baseline_Date__c && record.Due_Date__c;
        // PlanVersions: a milestone saved with its new plan belongs to version 1, at the date it was given.
        return {
            ...record,
            Revision__c: 1,
            Version__c: 1,
            Version_Date__c: record.Due_Date__c,
            Slip_Days__c: slip ? workingDaysBetween(record.Baseline_Date__c, record.Due_Date__c) : null
        };
    }
    return record;
}

/** Inserts `records` in saves of `batch` records as the user in `as`; returns the Ids, in order. */
function insertInBatches(org, sobject, records, as, batch) {
    const ids = [];
    for (let start = 0; start < records.length; start += batch) {
        ids.push(...org.insert(sobject, records.slice(start, start + batch), as));
    }
    return ids;
}

/**
 * Saves deals [from, to) into `org` as `as`. Through the triggers (`direct` false): 200 records a save, as a
 * trigger receives them (bench/load.mjs). Directly: LOAD_BATCH a save, the trigger fields set by
 * asTriggersWouldSave. Returns the opportunity Ids.
 */
function saveDeals(org, as, scale, from, to, { direct }) {
    const batch = direct ? LOAD_BATCH : CHUNK;
    const records = scaleRecords(scale, from, to);
    const opportunityIds = insertInBatches(org, 'Opportunity', records.opportunities, as, batch);
    const plans = records.plans.map(({ dealIndex, ...plan }) => ({
        ...plan,
        Opportunity__c: opportunityIds[dealIndex - from]
    }));
    if (direct) {
        // Each save of milestones recalculates their plans' roll-ups and so saves those plans again, whose
        // before-update trigger counts a revision ("Triggers and Order of Execution": roll-up summary fields are
        // updated and the parent record goes through save procedure). Through the triggers these are 200-record
        // saves: a plan's revision is 1 + the number of them that held any of its milestones.
        const saves = new Map();
        records.milestones.forEach(({ planName }, index) => {
            if (!saves.has(planName)) saves.set(planName, new Set());
            saves.get(planName).add(Math.floor(index / CHUNK));
        });
        for (const plan of plans) plan.Revision__c = 1 + (saves.get(plan.Name)?.size ?? 0);
    }
    const planIds = insertInBatches(org, 'Mutual_Action_Plan__c', prepared(plans), as, batch);
    const planIdByName = new Map(plans.map((plan, i) => [plan.Name, planIds[i]]));
    const milestones = records.milestones.map(({ planName, ...milestone }) => ({
        ...milestone,
        Plan__c: planIdByName.get(planName)
    }));
    insertInBatches(org, 'Plan_Milestone__c', prepared(milestones, 'Plan_Milestone__c'), as, batch);
    return opportunityIds;

    function prepared(list, sobject = 'Mutual_Action_Plan__c') {
        return direct ? list.map((record) => asTriggersWouldSave(sobject, record)) : list;
    }
}

/** The demo's team plus reps in the same two account-executive roles: the owners of the scale deals, in order. */
function addReps(org, demo) {
    const as = { as: demo.admin };
    const team = [
        { role: demo.roles.enterpriseAe, mine: ['jonah', 'aisha', 'tomas'], unit: 'Enterprise' },
        { role: demo.roles.midMarketAe, mine: ['hannah', 'marcus', 'sofia'], unit: 'Mid-Market' }
    ];
    const reps = [];
    for (const { role, mine, unit } of team) {
        reps.push(...mine.map((key) => demo.users[key]));
        for (let n = mine.length; n < REPS_PER_MANAGER; n++) {
            const first = FIRST_NAMES[n];
            const last = `${unit} Rep`;
            const username = `${first}.${unit}.rep@tandem-scale.example`.toLowerCase();
            const [id] = org.insert(
                'User',
                {
                    FirstName: first,
                    LastName: last,
                    Title: 'Account Executive',
                    Username: username,
                    Email: username,
                    Alias: `${first.slice(0, 3)}${unit.slice(0, 2)}`.toLowerCase(),
                    Department: 'Sales',
                    UserRoleId: role,
                    ProfileId: org.profileId('Standard User'),
                    TimeZoneSidKey: 'America/Los_Angeles',
                    LocaleSidKey: 'en_US',
                    EmailEncodingKey: 'UTF-8',
                    LanguageLocaleKey: 'en_US'
                },
                as
            );
            org.assignPermissionSets(id, ['Tandem_User'], as);
            reps.push(id);
        }
    }
    return reps;
}

/** Fields that name the record or its save, not its content: left out when the two loads are compared. */
const NOT_COMPARED = new Set([
    'Id',
    'Opportunity__c',
    'Plan__c',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
    'CreatedById',
    'LastModifiedById'
]);

/** The sample's records of `org`, keyed by what names them in both loads. */
function sampleRecords(org, sampleOpportunityIds) {
    const opportunities = sampleOpportunityIds.map((id) => org.get('Opportunity', id));
    const plans = org.children('Mutual_Action_Plan__c', 'Opportunity__c', sampleOpportunityIds);
    const planNames = new Map(plans.map((plan) => [plan.Id, plan.Name]));
    const milestones = org.children(
        'Plan_Milestone__c',
        'Plan__c',
        plans.map((plan) => plan.Id)
    );
    const keyed = new Map();
    for (const o of opportunities) keyed.set(`Opportunity ${o.Name}`, o);
    for (const p of plans) keyed.set(`Plan ${p.Name}`, p);
    for (const m of milestones) keyed.set(`Milestone ${planNames.get(m.Plan__c)} #${m.Sort_Order__c}`, m);
    return keyed;
}

/**
 * Loads the first `sample` deals of the scale data twice, from the same snapshot: through the Apex triggers (the
 * session's org, 200 records a save as a trigger receives them, validation rules applied) and directly (a data-load
 * org, the trigger fields set by asTriggersWouldSave), then compares every field of every opportunity, plan and milestone, formula
 * and roll-up fields included. Restores the session's org afterwards. Returns { records, fields, differences }.
 */
export function checkDirectLoad({ session, scale, snapshot, admin, sample }) {
    const viaTriggers = withGateBypass(session.org, admin, (as) =>
        saveDeals(session.org, as, scale, 0, sample, { direct: false })
    );
    const triggered = sampleRecords(session.org, viaTriggers);
    const directOrg = createOrg({ root: scale.root, from: snapshot, triggers: 'off', validationRules: 'off' });
    const direct = sampleRecords(
        directOrg,
        withGateBypass(directOrg, admin, (as) => saveDeals(directOrg, as, scale, 0, sample, { direct: true }))
    );
    session.org.restore(snapshot);
    const differences = [];
    let fields = 0;
    for (const [key, record] of triggered) {
        const other = direct.get(key);
        if (!other) {
            differences.push(`${key}: missing from the direct load`);
            continue;
        }
        for (const field of new Set([...Object.keys(record), ...Object.keys(other)])) {
            if (NOT_COMPARED.has(field)) continue;
            fields++;
            const a = JSON.stringify(record[field] ?? null);
            const b = JSON.stringify(other[field] ?? null);
            if (a !== b) differences.push(`${key}.${field}: triggers ${a}, direct ${b}`);
        }
    }
    if (direct.size !== triggered.size) differences.push(`${direct.size} records direct, ${triggered.size} triggered`);
    return { records: triggered.size, fields, differences };
}

/**
 * The scale org. Returns { session, org, demo, reps, managers, timings, check, counts, loadMethod }. `log` gets a
 * line per step; `deals` and `milestones` default to the issue's 50,000 and 500,000.
 */
export function createScaleOrg({
    root,
    today,
    program,
    deals = SCALE_DEALS,
    milestones = SCALE_MILESTONES,
    sample = 60,
    log = () => {}
}) {
    const timings = {};
    let started = performance.now();
    const lap = (name) => {
        timings[name] = (performance.now() - started) / 1000;
        started = performance.now();
        return timings[name].toFixed(1);
    };
    const { session, org, demo } = createDemoSession({ root, today, program });
    const reps = addReps(org, demo);
    const accounts = org.query('Account').map((account) => account.Id);
    const scale = { root, today, reps, accounts, cfoOf: contactsByTitle(org, 'CFO'), deals, milestones };
    const snapshot = org.snapshot();
    log(`demo org and ${reps.length} reps in ${lap('demoSeconds')} s`);

    const check = checkDirectLoad({ session, scale, snapshot, admin: demo.admin, sample });
    log(
        `direct load checked against the triggers on ${sample} deals (${check.records} records, ${check.fields} ` +
            `fields): ${check.differences.length ? `${check.differences.length} DIFFERENCES` : 'identical'} ` +
            `in ${lap('checkSeconds')} s`
    );

    const loader = createOrg({ root, from: snapshot, triggers: 'off', validationRules: 'off' });
    withGateBypass(loader, demo.admin, (as) => {
        for (let from = 0; from < deals; from += DEALS_PER_STEP) {
            const to = Math.min(deals, from + DEALS_PER_STEP);
            saveDeals(loader, as, scale, from, to, { direct: true });
            log(
                `  loaded deals ${from + 1}-${to} of ${deals} (${((performance.now() - started) / 1000).toFixed(0)} s)`
            );
        }
    });
    lap('loadSeconds');
    // The session's org takes the loaded store; the Apex triggers are back for anything saved from now on.
    org.restore(loader.snapshot());
    lap('restoreSeconds');
    const counts = org.counts();
    log(
        `loaded directly, not through the triggers: ${counts.Opportunity} opportunities, ` +
            `${counts.Mutual_Action_Plan__c} plans, ${counts.Plan_Milestone__c} milestones in ` +
            `${(timings.loadSeconds + timings.restoreSeconds).toFixed(1)} s`
    );
    return {
        session,
        org,
        demo,
        reps,
        timings,
        check,
        counts,
        loadMethod:
            'loaded directly, not through the triggers: a data-load org (triggers and validation rules off; ' +
            'roll-ups and formulas applied), the trigger-set fields given by the loader, checked field by field ' +
            `against a sample of ${sample} deals loaded through the triggers and validation rules`
    };
}

// The bench's embedded org: the preview's demo (the Apex loader's data, createDemoSession) plus the two loads the
// bench measures, saved through the org as a data load would save them (the package's Apex triggers run through the
// offline runtime, and its roll-ups, formulas and validation rules apply), by the org's admin holding the gate bypass
// for the load (the bulk deals sit in gated stages without the plan the gates ask for):
//   - a 60-milestone plan on an opportunity of its own: Active, the first 20 milestones complete, 6 slipped with a
//     reason (so it has date history), every milestone with its owners and a predecessor;
//   - 2,000 more open opportunities across the sales team and every open stage, 600 of them with an Active plan of
//     eight milestones (some overdue, some accepted by the buyer), so the review's columns all have something to show.
// Records go in chunks of 200, one DML call (so one trigger invocation) per chunk, as the platform hands a trigger
// at most 200 records at a time and as a data loader's batches do.
import { createDemoSession } from '../preview/apex.mjs';
import { OPPORTUNITY_STAGES } from '../scripts/lib/schema/index.mjs';
import { addDays, addWorkingDays } from '../scripts/lib/iso-dates.mjs';
import { contactsByTitle, saveInChunks, withGateBypass } from './load.mjs';

export const LONG_PLAN_MILESTONES = 60;
export const BULK_OPPORTUNITIES = 2000;
export const BULK_PLANS = 600;
const BULK_PLAN_MILESTONES = 8;

const PHASES = [
    'Evaluation',
    'Validation',
    'Business Case',
    'Security Review',
    'Legal',
    'Procurement',
    'Signature',
    'Implementation'
];
const SIDES = ['Buyer', 'Seller', 'Joint'];
// The open stages of the embedded org's sales process, in order.
const OPEN_STAGES = OPPORTUNITY_STAGES.filter((stage) => !stage.closed).map((stage) => stage.name);
const SELLERS = ['jonah', 'aisha', 'tomas', 'hannah', 'marcus', 'sofia'];

/**
 * Returns { session, org, demo, bench: { opportunityId, planId, milestoneIds, bulkOpportunityIds, timings } }, where
 * timings holds the seconds of each step (the demo load, the long plan, the bulk pipeline by object).
 */
export function createBenchOrg({ root, today, program }) {
    const timings = {};
    let started = performance.now();
    const { session, org, demo } = createDemoSession({ root, today, program });
    timings.demoSeconds = (performance.now() - started) / 1000;
    const loaded = withGateBypass(org, demo.admin, (as) => {
        started = performance.now();
        const long = loadLongPlan(org, demo, today, as);
        timings.longPlanSeconds = (performance.now() - started) / 1000;
        const bulkOpportunityIds = loadBulkPipeline(org, demo, today, as, timings);
        return { ...long, bulkOpportunityIds };
    });
    return { session, org, demo, bench: { ...loaded, timings } };
}

function loadLongPlan(org, demo, today, as) {
    const [account] = org.query('Account', (a) => a.Name === 'Northwind Logistics');
    const contacts = org.query('Contact', { AccountId: account.Id }).map((contact) => contact.Id);
    const owner = demo.users.jonah;
    const [opportunityId] = org.insert(
        'Opportunity',
        {
            Name: 'Bench - 60-milestone rollout',
            AccountId: account.Id,
            OwnerId: owner,
            StageName: 'Id. Decision Makers',
            CloseDate: addDays(today, 120),
            Amount: 900000
        },
        as
    );
    const [planId] = org.insert(
        'Mutual_Action_Plan__c',
        {
            Name: 'Bench: 60-milestone rollout plan',
            Opportunity__c: opportunityId,
            Status__c: 'Draft',
            Shared_Objective__c: 'Every region live on the new platform before the fiscal year closes.',
            Anchor_Event__c: 'Fiscal year end',
            Target_Date__c: addWorkingDays(today, 100),
            Buyer_Lead__c: contacts[1]
        },
        as
    );
    // Two working days apart, the first twenty in the past; the fiftieth marks the close.
    const phaseOf = (i) => PHASES[Math.floor((i * PHASES.length) / LONG_PLAN_MILESTONES)];
    const milestoneIds = saveInChunks(
        org,
        'insert',
        'Plan_Milestone__c',
        Array.from({ length: LONG_PLAN_MILESTONES }, (_, i) => ({
            Name: `Milestone ${String(i + 1).padStart(2, '0')}: ${phaseOf(i)} step`,
            Plan__c: planId,
            Phase__c: phaseOf(i),
            Side__c: SIDES[i % SIDES.length],
            Sort_Order__c: i + 1,
            Duration_Days__c: 2,
            Due_Date__c: addWorkingDays(today, 2 * (i - 20) + 1),
            Buyer_Owner__c: contacts[i % contacts.length],
            Seller_Owner__c: owner,
            Marks_Close__c: i === 49
        })),
        as
    );
    saveInChunks(
        org,
        'update',
        'Plan_Milestone__c',
        milestoneIds.slice(1).map((Id, i) => ({ Id, Depends_On__c: milestoneIds[i] })),
        as
    );
    org.update('Mutual_Action_Plan__c', { Id: planId, Status__c: 'Active' }, as);
    saveInChunks(
        org,
        'update',
        'Plan_Milestone__c',
        milestoneIds.slice(0, 20).map((Id) => ({ Id, Status__c: 'Complete' })),
        as
    );
    // Six moves later with a reason, one save each (the trigger writes one date-history row per move).
    for (const Id of milestoneIds.slice(30, 36)) {
        const milestone = org.get('Plan_Milestone__c', Id);
        org.update(
            'Plan_Milestone__c',
            { Id, Due_Date__c: addDays(milestone.Due_Date__c, 3), Slip_Reason__c: 'Buyer availability' },
            as
        );
    }
    return { opportunityId, planId, milestoneIds };
}

/** Times one step of the bulk load into timings[name] (seconds) and returns its result. */
function timed(timings, name, step) {
    const started = performance.now();
    const result = step();
    timings[name] = (performance.now() - started) / 1000;
    return result;
}

function loadBulkPipeline(org, demo, today, as, timings) {
    const accounts = org.query('Account').map((account) => account.Id);
    const cfoOf = contactsByTitle(org, 'CFO');
    const deals = Array.from({ length: BULK_OPPORTUNITIES }, (_, i) => ({
        Name: `Bulk deal ${String(i + 1).padStart(4, '0')}`,
        AccountId: accounts[i % accounts.length],
        OwnerId: demo.users[SELLERS[i % SELLERS.length]],
        StageName: OPEN_STAGES[i % OPEN_STAGES.length],
        CloseDate: addDays(today, (i % 180) - 20),
        Amount: 1000 * ((i * 37) % 500) + 5000
    }));
    const ids = timed(timings, 'opportunitiesSeconds', () => saveInChunks(org, 'insert', 'Opportunity', deals, as));
    const planIds = timed(timings, 'plansSeconds', () =>
        saveInChunks(
            org,
            'insert',
            'Mutual_Action_Plan__c',
            ids.slice(0, BULK_PLANS).map((Opportunity__c, i) => ({
                Name: `Bulk plan ${i + 1}`,
                Opportunity__c,
                Status__c: 'Draft'
            })),
            as
        )
    );
    timed(timings, 'milestonesSeconds', () =>
        saveInChunks(
            org,
            'insert',
            'Plan_Milestone__c',
            planIds.flatMap((Plan__c, i) =>
                Array.from({ length: BULK_PLAN_MILESTONES }, (_, step) => ({
                    Name: `Step ${step + 1}`,
                    Plan__c,
                    Side__c: step % 2 ? 'Buyer' : 'Seller',
                    Sort_Order__c: step + 1,
                    Due_Date__c: addDays(today, 7 * step - (i % 5) * 4 + 3),
                    Seller_Owner__c: step % 2 ? null : deals[i].OwnerId,
                    Buyer_Owner__c: step % 2 ? cfoOf.get(deals[i].AccountId) : null,
                    Marks_Close__c: step === 6
                }))
            ),
            as
        )
    );
    // Activation re-saves each plan's milestones (the trigger sets their baselines): 200 plans are 1,600 of them.
    timed(timings, 'activationSeconds', () =>
        saveInChunks(
            org,
            'update',
            'Mutual_Action_Plan__c',
            planIds.map((Id) => ({ Id, Status__c: 'Active' })),
            as
        )
    );
    timed(timings, 'acceptanceSeconds', () =>
        saveInChunks(
            org,
            'update',
            'Mutual_Action_Plan__c',
            planIds
                .map((Id, i) => ({ Id, Buyer_Accepted__c: true, Buyer_Accepted_By__c: cfoOf.get(deals[i].AccountId) }))
                .filter((_, i) => i % 3 === 0),
            as
        )
    );
    return ids;
}

// The bench's embedded org: the preview's demo org plus the two loads the bench measures, saved through the org as
// the demo's integration user (who holds the gate bypass, as a data load in a real org would), so the package's
// triggers, roll-ups and formulas apply to them as to any data:
//   - a 60-milestone plan on an opportunity of its own: Active, the first 20 milestones complete, 6 slipped with a
//     reason (so it has date history), every milestone with its owners and a predecessor;
//   - 2,000 more open opportunities across the sales team and every open stage, 600 of them with an Active plan of
//     eight milestones (some overdue, some accepted by the buyer), so the review's columns all have something to show.
import { addDays, addWorkingDays, createDemoOrg } from '../preview/org/seed.mjs';
import { OPPORTUNITY_STAGES } from '../preview/org/standard-objects.mjs';

export const LONG_PLAN_MILESTONES = 60;
export const BULK_OPPORTUNITIES = 2000;
export const BULK_PLANS = 600;

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

/** Returns { org, demo, bench: { opportunityId, planId, milestoneIds, bulkOpportunityIds, seconds } }. */
export function createBenchOrg({ root, today }) {
    const started = performance.now();
    const { org, demo } = createDemoOrg({ root, today });
    const as = { as: demo.users.integration };
    const long = loadLongPlan(org, demo, today, as);
    const bulkOpportunityIds = loadBulkPipeline(org, demo, today, as);
    return { org, demo, bench: { ...long, bulkOpportunityIds, seconds: (performance.now() - started) / 1000 } };
}

function loadLongPlan(org, demo, today, as) {
    const accountId = demo.accounts[0];
    const contacts = Object.values(demo.contacts[accountId]);
    const owner = demo.users.jonah;
    const [opportunityId] = org.insert(
        'Opportunity',
        {
            Name: 'Bench – 60-milestone rollout',
            AccountId: accountId,
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
    const milestoneIds = org.insert(
        'Plan_Milestone__c',
        Array.from({ length: LONG_PLAN_MILESTONES }, (_, i) => ({
            Name: `Milestone ${String(i + 1).padStart(2, '0')}: ${PHASES[Math.floor((i * PHASES.length) / LONG_PLAN_MILESTONES)]} step`,
            Plan__c: planId,
            Phase__c: PHASES[Math.floor((i * PHASES.length) / LONG_PLAN_MILESTONES)],
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
    org.update(
        'Plan_Milestone__c',
        milestoneIds.slice(1).map((Id, i) => ({ Id, Depends_On__c: milestoneIds[i] })),
        as
    );
    org.update('Mutual_Action_Plan__c', { Id: planId, Status__c: 'Active' }, as);
    org.update(
        'Plan_Milestone__c',
        milestoneIds.slice(0, 20).map((Id) => ({ Id, Status__c: 'Complete' })),
        as
    );
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

function loadBulkPipeline(org, demo, today, as) {
    const deals = Array.from({ length: BULK_OPPORTUNITIES }, (_, i) => ({
        Name: `Bulk deal ${String(i + 1).padStart(4, '0')}`,
        AccountId: demo.accounts[i % demo.accounts.length],
        OwnerId: demo.users[SELLERS[i % SELLERS.length]],
        StageName: OPEN_STAGES[i % OPEN_STAGES.length],
        CloseDate: addDays(today, (i % 180) - 20),
        Amount: 1000 * ((i * 37) % 500) + 5000
    }));
    const ids = org.insert('Opportunity', deals, as);
    const planned = ids.slice(0, BULK_PLANS);
    const planIds = org.insert(
        'Mutual_Action_Plan__c',
        planned.map((Opportunity__c, i) => ({ Name: `Bulk plan ${i + 1}`, Opportunity__c, Status__c: 'Draft' })),
        as
    );
    org.insert(
        'Plan_Milestone__c',
        planIds.flatMap((Plan__c, i) =>
            Array.from({ length: 8 }, (_, step) => ({
                Name: `Step ${step + 1}`,
                Plan__c,
                Side__c: step % 2 ? 'Buyer' : 'Seller',
                Sort_Order__c: step + 1,
                Due_Date__c: addDays(today, 7 * step - (i % 5) * 4 + 3),
                Seller_Owner__c: step % 2 ? null : deals[i].OwnerId,
                Buyer_Owner__c: step % 2 ? demo.contacts[deals[i].AccountId].cfo : null,
                Marks_Close__c: step === 6
            }))
        ),
        as
    );
    org.update(
        'Mutual_Action_Plan__c',
        planIds.map((Id) => ({ Id, Status__c: 'Active' })),
        as
    );
    org.update(
        'Mutual_Action_Plan__c',
        planIds
            .filter((_, i) => i % 3 === 0)
            .map((Id, i) => ({
                Id,
                Buyer_Accepted__c: true,
                Buyer_Accepted_By__c: demo.contacts[deals[i * 3].AccountId].cfo
            })),
        as
    );
    return ids;
}

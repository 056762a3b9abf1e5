// What the three server calls of the two heavy screens use of the governor limits, for 1 and for 200 records:
//   - the plan workspace load (PlanWorkspaceController.getWorkspace) of a plan with 1 and with 200 milestones;
//   - a milestone save (PlanWorkspaceController.saveMilestones) of 1 and of 200 edits, on the 200-milestone plan;
//   - a pipeline review page (PipelineReviewController.loadPage, first load: summary and options) over 1 and over 200
//     deals (a manager filtering on a seller who owns 1, and one who owns 200).
// Bulkified Apex reads and writes the same number of times whatever the number of records ("Execution Governors
// and Limits", "Bulk Apex Triggers"): the SOQL queries and DML statements must be equal for 1 and 200; rows grow.
// The fixtures are a fresh demo org (createDemoSession) with these plans and deals loaded as the bench org's are.
import { createDemoSession } from '../preview/apex.mjs';
import { addDays, addWorkingDays } from '../scripts/lib/iso-dates.mjs';
import { contactsByTitle, saveInChunks, withGateBypass } from './load.mjs';
import { auraCall, reviewRequest, statusEdits, workspaceOf } from './apex-calls.mjs';
import { median } from './report.mjs';

export const SIZES = [1, 200];
const REVIEW_PLAN_MILESTONES = 4;

/**
 * Active plans of `milestones` milestones each on the given opportunities, saved as a load saves them: the plans as
 * drafts, their milestones, then the activation (which baselines them), each in chunks of 200. Returns, per
 * opportunity, { planId, milestoneIds }.
 */
function activePlans(org, as, { opportunityIds, milestones, buyerOwnerId, sellerOwnerId, today }) {
    const planIds = saveInChunks(
        org,
        'insert',
        'Mutual_Action_Plan__c',
        opportunityIds.map((Opportunity__c, i) => ({
            Name: `Limits plan ${i + 1} (${milestones} milestones)`,
            Opportunity__c,
            Status__c: 'Draft',
            Target_Date__c: addDays(today, 300)
        })),
        as
    );
    const milestoneIds = saveInChunks(
        org,
        'insert',
        'Plan_Milestone__c',
        planIds.flatMap((Plan__c) =>
            Array.from({ length: milestones }, (_, i) => ({
                Name: `Step ${i + 1}`,
                Plan__c,
                Side__c: 'Joint',
                Sort_Order__c: i + 1,
                Due_Date__c: addWorkingDays(today, i + 1),
                Buyer_Owner__c: buyerOwnerId,
                Seller_Owner__c: sellerOwnerId
            }))
        ),
        as
    );
    saveInChunks(
        org,
        'update',
        'Mutual_Action_Plan__c',
        planIds.map((Id) => ({ Id, Status__c: 'Active' })),
        as
    );
    return planIds.map((planId, i) => ({
        planId,
        milestoneIds: milestoneIds.slice(i * milestones, (i + 1) * milestones)
    }));
}

/** The fixtures: { session, org, demo, plans: { 1: {...}, 200: {...} }, owners: { 1: userId, 200: userId } }. */
export function createLimitsOrg({ root, today, program }) {
    const { session, org, demo } = createDemoSession({ root, today, program });
    const seller = demo.users.jonah;
    const [account] = org.query('Account', (a) => a.Name === 'Helio Freight');
    const cfo = contactsByTitle(org, 'CFO');
    // Two sellers of their own on Priya's team, so the review's page over "1 deal" holds exactly the bench's deals
    // (every demo seller already owns demo deals).
    const owners = { 1: benchSeller(org, demo, 'One'), 200: benchSeller(org, demo, 'Many') };
    const plans = withGateBypass(org, demo.admin, (as) => {
        const byPlanSize = {};
        for (const size of SIZES) {
            const [opportunityId] = org.insert(
                'Opportunity',
                {
                    Name: `Limits - plan of ${size}`,
                    AccountId: account.Id,
                    OwnerId: seller,
                    StageName: 'Qualification',
                    CloseDate: addDays(today, 60),
                    Amount: 10000
                },
                as
            );
            const [plan] = activePlans(org, as, {
                opportunityIds: [opportunityId],
                milestones: size,
                buyerOwnerId: cfo.get(account.Id),
                sellerOwnerId: seller,
                today
            });
            byPlanSize[size] = { opportunityId, ...plan };
        }
        // The deals of the two sellers, each with an active plan, so every column of the review is read.
        for (const size of SIZES) {
            const opportunityIds = saveInChunks(
                org,
                'insert',
                'Opportunity',
                Array.from({ length: size }, (_, i) => ({
                    Name: `Limits deal ${size}-${i + 1}`,
                    AccountId: account.Id,
                    OwnerId: owners[size],
                    StageName: 'Value Proposition',
                    CloseDate: addDays(today, 10 + (i % 90)),
                    Amount: 5000 + 100 * i
                })),
                as
            );
            activePlans(org, as, {
                opportunityIds,
                milestones: REVIEW_PLAN_MILESTONES,
                buyerOwnerId: cfo.get(account.Id),
                sellerOwnerId: owners[size],
                today
            });
        }
        return byPlanSize;
    });
    return { session, org, demo, plans, owners };
}

/**
 * Runs `call` `runs` times (restoring the org after each when it writes) and returns its limits (equal on every run,
 * which is checked) and the median time. `check(value)` throws when the answer is not the one expected.
 */
function measure(org, { runs, writes }, call, check) {
    const snapshot = writes ? org.snapshot() : null;
    const results = [];
    for (let run = 0; run < runs; run++) {
        const result = call();
        check(result.value);
        results.push(result);
        if (snapshot) org.restore(snapshot);
    }
    const [first] = results;
    for (const result of results) {
        if (JSON.stringify(result.limits) !== JSON.stringify(first.limits)) {
            throw new Error(
                `limits differ between runs: ${JSON.stringify(first.limits)} / ${JSON.stringify(result.limits)}`
            );
        }
    }
    return { ...first.limits, ms: median(results.map((result) => result.ms)) };
}

/** One row per call and size: { call, size, records, queries, queryRows, dmlStatements, dmlRows, ms }. */
export function measureLimits(fixtures, { runs = 5 } = {}) {
    const { session, org, demo, plans, owners } = fixtures;
    const seller = demo.users.jonah;
    const manager = demo.users.marisol;
    const rows = [];
    for (const size of SIZES) {
        const plan = plans[size];
        rows.push({
            call: 'PlanWorkspaceController.getWorkspace',
            size,
            records: `plan with ${size} milestone${size > 1 ? 's' : ''}`,
            ...measure(
                org,
                { runs, writes: false },
                () =>
                    auraCall(session, seller, 'PlanWorkspaceController', 'getWorkspace', {
                        opportunityId: plan.opportunityId
                    }),
                (value) => expectCount(workspaceOf(value).milestones.length, size, 'milestones loaded')
            )
        });
    }
    const big = plans[SIZES.at(-1)];
    for (const size of SIZES) {
        const request = statusEdits(big.milestoneIds.slice(0, size), 'In Progress');
        rows.push({
            call: 'PlanWorkspaceController.saveMilestones',
            size,
            records: `${size} milestone edit${size > 1 ? 's' : ''} (${big.milestoneIds.length}-milestone plan)`,
            ...measure(
                org,
                { runs, writes: true },
                () =>
                    auraCall(session, seller, 'PlanWorkspaceController', 'saveMilestones', {
                        planId: big.planId,
                        request
                    }),
                (value) =>
                    expectCount(
                        workspaceOf(value).milestones.filter((m) => m.status === 'In Progress').length,
                        size,
                        'milestones saved In Progress'
                    )
            )
        });
    }
    for (const size of SIZES) {
        rows.push({
            call: 'PipelineReviewController.loadPage',
            size,
            records: `page over ${size} deal${size > 1 ? 's' : ''} (manager, one seller's deals)`,
            ...measure(
                org,
                { runs, writes: false },
                () =>
                    auraCall(session, manager, 'PipelineReviewController', 'loadPage', {
                        request: reviewRequest({ ownerId: owners[size] })
                    }),
                (value) => expectCount(value.rows.length, size, 'rows on the page')
            )
        });
    }
    return rows;
}

/** A mid-market account executive reporting to Priya, with the seller permission set, owning nothing yet. */
function benchSeller(org, demo, name) {
    const as = { as: demo.admin };
    const username = `bench.${name.toLowerCase()}@tandem-demo.example`;
    const [userId] = org.insert(
        'User',
        {
            FirstName: 'Bench',
            LastName: name,
            Title: 'Account Executive',
            Username: username,
            Email: username,
            Alias: `b${name.toLowerCase()}`.slice(0, 8),
            Department: 'Sales',
            UserRoleId: demo.roles.midMarketAe,
            ManagerId: demo.users.priya,
            ProfileId: org.profileId('Standard User'),
            TimeZoneSidKey: 'America/Los_Angeles',
            LocaleSidKey: 'en_US',
            EmailEncodingKey: 'UTF-8',
            LanguageLocaleKey: 'en_US'
        },
        as
    );
    org.assignPermissionSets(userId, ['Tandem_User'], as);
    return userId;
}

function expectCount(actual, expected, what) {
    if (actual !== expected) throw new Error(`expected ${expected} ${what}, got ${actual}`);
}

/**
 * Per call: whether its SOQL queries and DML statements are the same for every size (the bulkification claim).
 * Returns [{ call, constant, queries: [..by size], dmlStatements: [..] }].
 */
export function constancy(rows) {
    const calls = [...new Set(rows.map((row) => row.call))];
    return calls.map((call) => {
        const mine = rows.filter((row) => row.call === call);
        const queries = mine.map((row) => row.queries);
        const dmlStatements = mine.map((row) => row.dmlStatements);
        const same = (values) => values.every((value) => value === values[0]);
        return { call, constant: same(queries) && same(dmlStatements), queries, dmlStatements };
    });
}

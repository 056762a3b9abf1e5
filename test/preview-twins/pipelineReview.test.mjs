// The preview twin of PipelineReviewController.loadPage, against the demo org on a fixed day. Each expectation is
// computed here, independently of the twin's own code, from the org's records: which deals are open, who owns
// them, each owner's role, each deal's Active plan and its formula values, the gated stages of Plan_Setting__mdt.
// The twin must answer what the Apex would: the same selection, order, paging, figures and response shape.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoOrg, addDays } from '../../preview/org/seed.mjs';
import { OPPORTUNITY_STAGES } from '../../preview/org/standard-objects.mjs';
import { loadPage } from '../../preview/twins/PipelineReviewController.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TODAY = '2026-03-02';
const FIXTURES = join(ROOT, 'force-app/main/pipeline-review/lwc/pipelineReview/__tests__/data');
const fixture = (name) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const COLUMN_KEYS = [
    'name',
    'owner',
    'stage',
    'amount',
    'closeDate',
    'planStatus',
    'acceptance',
    'health',
    'completion',
    'buyerCompletion',
    'overdue',
    'slipDays',
    'projectedClose'
];
const ACTIVE_HEALTHS = ['On Track', 'At Risk', 'Off Track'];
const STAGE_ORDER = OPPORTUNITY_STAGES.map((stage) => stage.name);

// ---------------------------------------------------------------------------------------------------------------
// The demo org, with a few edits that give every rule something to bite on: a deal past its close date, a deal
// with no amount, two deals with the same name, and an open deal whose only plan was cancelled.

const { org, demo } = createDemoOrg({ root: ROOT, today: TODAY });
const loader = { as: demo.users.integration };
const byName = (name) => org.query('Opportunity', (opportunity) => opportunity.Name.endsWith(name))[0];
org.update('Opportunity', { Id: byName('Carrier onboarding').Id, CloseDate: addDays(TODAY, -5) }, loader);
org.update('Opportunity', { Id: byName('Sample logistics').Id, Amount: null }, loader);
const twin = byName('Alumni engagement');
org.insert(
    'Opportunity',
    {
        Name: twin.Name,
        AccountId: twin.AccountId,
        OwnerId: demo.users.marcus,
        StageName: 'Qualification',
        CloseDate: twin.CloseDate,
        Amount: twin.Amount
    },
    loader
);
const cancelledOn = byName('Telehealth scheduling');
const [cancelledPlan] = org.insert(
    'Mutual_Action_Plan__c',
    { Name: 'Telehealth plan', Opportunity__c: cancelledOn.Id, Status__c: 'Draft' },
    loader
);
org.update('Mutual_Action_Plan__c', { Id: cancelledPlan, Status__c: 'Cancelled' }, loader);

const call = (userId, request) => loadPage({ request }, { org, userId });

/** Every page of a request, following nextCursor; returns the rows in order and the pages. */
function walk(userId, request) {
    const pages = [];
    let cursor = null;
    do {
        const page = call(userId, { ...request, cursor });
        pages.push(page);
        cursor = page.nextCursor ?? null;
        assert.ok(pages.length < 500, 'paging does not end');
    } while (cursor);
    return { rows: pages.flatMap((page) => page.rows), pages };
}

const idsOf = (list) => list.map((entry) => entry.opportunityId ?? entry.Id);
const sorted = (ids) => [...ids].sort();

// ---------------------------------------------------------------------------------------------------------------
// The truth, read from the org.

const settingStages = (value) =>
    String(value ?? '')
        .split(';')
        .map((stage) => stage.trim())
        .filter(Boolean);
const setting = org.customMetadata('Plan_Setting__mdt').find((record) => record.DeveloperName === 'Default');
const ACTIVE_STAGES = settingStages(setting.Active_Plan_Stages__c);
const ACCEPTED_STAGES = settingStages(setting.Accepted_Plan_Stages__c);
const GATED = new Set([...ACTIVE_STAGES, ...ACCEPTED_STAGES]);

function truth() {
    const users = new Map(org.query('User').map((user) => [user.Id, user]));
    const opportunities = org.query('Opportunity');
    const plans = org.query('Mutual_Action_Plan__c');
    const activePlan = new Map(
        plans.filter((plan) => plan.Status__c === 'Active').map((plan) => [plan.Opportunity__c, plan])
    );
    const open = opportunities.filter((opportunity) => !['Closed Won', 'Closed Lost'].includes(opportunity.StageName));
    return { users, opportunities, plans, activePlan, open };
}

const T = truth();
const ownedBy = (...keys) =>
    T.open.filter((opportunity) => keys.some((key) => demo.users[key] === opportunity.OwnerId));

const PERIODS = {
    overdue: (date) => date < TODAY,
    thisMonth: (date) => date >= '2026-03-01' && date < '2026-04-01',
    nextMonth: (date) => date >= '2026-04-01' && date < '2026-05-01',
    thisQuarter: (date) => date >= '2026-01-01' && date < '2026-04-01',
    nextQuarter: (date) => date >= '2026-04-01' && date < '2026-07-01',
    thisYear: (date) => date >= '2026-01-01' && date < '2027-01-01'
};

/** The deals a request selects, by the review's definition (all I can see, as the embedded org has no sharing). */
function expectedDeals(deals, request) {
    const health = request.health ?? null;
    return deals.filter((opportunity) => {
        const plan = T.activePlan.get(opportunity.Id);
        if (request.ownerId && opportunity.OwnerId !== request.ownerId) return false;
        if (request.stageName && opportunity.StageName !== request.stageName) return false;
        if (
            request.closePeriod &&
            request.closePeriod !== 'any' &&
            !PERIODS[request.closePeriod](opportunity.CloseDate)
        )
            return false;
        if (health === 'No Active Plan' && plan) return false;
        if (health && health !== 'No Active Plan' && plan?.Health__c !== health) return false;
        if (request.gatedWithoutPlan && (!GATED.has(opportunity.StageName) || plan)) return false;
        return true;
    });
}

// ---------------------------------------------------------------------------------------------------------------

describe('scope', () => {
    test("'mine': an account executive sees only their own open deals", () => {
        const { rows } = walk(demo.users.jonah, { scope: 'mine' });
        assert.ok(rows.length > 0);
        assert.ok(rows.every((row) => row.ownerId === demo.users.jonah));
        assert.deepEqual(sorted(idsOf(rows)), sorted(idsOf(ownedBy('jonah'))));
    });

    test("'team': a manager sees their own deals and their reports' (roles below theirs), nobody else's", () => {
        const { rows } = walk(demo.users.owen, { scope: 'team' });
        assert.deepEqual(sorted(idsOf(rows)), sorted(idsOf(ownedBy('owen', 'jonah', 'aisha', 'tomas'))));
        for (const report of ['jonah', 'aisha', 'tomas']) {
            assert.ok(
                rows.some((row) => row.ownerId === demo.users[report]),
                `${report}'s deals are in Owen's team`
            );
        }
        assert.ok(!rows.some((row) => row.ownerId === demo.users.hannah), "a peer team's deals are not");
    });

    test("'team' reaches every level below: the VP's team is both managers' teams", () => {
        const { rows } = walk(demo.users.marisol, { scope: 'team' });
        const everyone = ['marisol', 'owen', 'priya', 'jonah', 'aisha', 'tomas', 'hannah', 'marcus', 'sofia'];
        assert.deepEqual(sorted(idsOf(rows)), sorted(idsOf(ownedBy(...everyone))));
    });

    test("'team' for a user with no role below theirs is their own deals, and the options say there is no team", () => {
        const team = call(demo.users.jonah, { scope: 'team', pageSize: 200, includeOptions: true });
        const mine = call(demo.users.jonah, { scope: 'mine', pageSize: 200 });
        assert.deepEqual(idsOf(team.rows), idsOf(mine.rows));
        assert.equal(team.options.hasTeam, false);
        assert.equal(call(demo.users.owen, { includeOptions: true }).options.hasTeam, true);
    });

    test("'all': every open deal, whoever asks; a request without a scope is 'team'", () => {
        const { rows } = walk(demo.users.jonah, { scope: 'all' });
        assert.deepEqual(sorted(idsOf(rows)), sorted(idsOf(T.open)));
        const unscoped = walk(demo.users.owen, {}).rows;
        assert.deepEqual(idsOf(unscoped), idsOf(walk(demo.users.owen, { scope: 'team' }).rows));
    });

    test('closed deals are never listed, in any scope or filter', () => {
        const closed = new Set(
            idsOf(T.opportunities.filter((o) => ['Closed Won', 'Closed Lost'].includes(o.StageName)))
        );
        assert.ok(closed.size >= 5, 'the seed has won and lost deals');
        for (const request of [
            { scope: 'all' },
            { scope: 'all', health: 'No Active Plan' },
            { scope: 'all', closePeriod: 'overdue' }
        ]) {
            const { rows } = walk(demo.users.marisol, request);
            assert.ok(!rows.some((row) => closed.has(row.opportunityId)), JSON.stringify(request));
        }
        for (const stage of ['Closed Won', 'Closed Lost']) {
            assert.equal(call(demo.users.marisol, { scope: 'all', stageName: stage }).rows.length, 0);
        }
    });
});

describe('filters', () => {
    test('owner: only that owner’s deals in scope; an owner outside the scope gives nothing', () => {
        const { rows } = walk(demo.users.owen, { scope: 'team', ownerId: demo.users.aisha });
        assert.deepEqual(sorted(idsOf(rows)), sorted(idsOf(ownedBy('aisha'))));
        assert.equal(call(demo.users.jonah, { scope: 'mine', ownerId: demo.users.aisha }).rows.length, 0);
        assert.equal(call(demo.users.owen, { scope: 'team', ownerId: demo.users.hannah }).rows.length, 0);
        // A 15-character id names the same user.
        const short = walk(demo.users.owen, { scope: 'team', ownerId: demo.users.aisha.slice(0, 15) }).rows;
        assert.deepEqual(idsOf(short), idsOf(rows));
    });

    test('stage: only deals in that stage, for every open stage', () => {
        for (const stage of STAGE_ORDER.filter((name) => !name.startsWith('Closed'))) {
            const { rows } = walk(demo.users.marisol, { scope: 'all', stageName: stage });
            assert.deepEqual(sorted(idsOf(rows)), sorted(idsOf(expectedDeals(T.open, { stageName: stage }))), stage);
        }
    });

    test('close period: past close date, this and next month, this and next fiscal quarter, this fiscal year', () => {
        for (const closePeriod of Object.keys(PERIODS)) {
            const { rows } = walk(demo.users.marisol, { scope: 'all', closePeriod });
            const expected = expectedDeals(T.open, { closePeriod });
            assert.ok(expected.length > 0, `the demo has deals for ${closePeriod}`);
            assert.deepEqual(sorted(idsOf(rows)), sorted(idsOf(expected)), closePeriod);
        }
        assert.equal(walk(demo.users.marisol, { scope: 'all', closePeriod: 'any' }).rows.length, T.open.length);
    });

    test('health: deals whose Active plan is On Track, At Risk or Off Track, or deals with no Active plan', () => {
        for (const health of [...ACTIVE_HEALTHS, 'No Active Plan']) {
            const { rows } = walk(demo.users.marisol, { scope: 'all', health });
            const expected = expectedDeals(T.open, { health });
            assert.ok(expected.length > 0, `the demo has deals for ${health}`);
            assert.deepEqual(sorted(idsOf(rows)), sorted(idsOf(expected)), health);
            if (health !== 'No Active Plan') assert.ok(rows.every((row) => row.health === health && row.hasActivePlan));
        }
    });

    test("gated stage without an active plan: finds the seed's legacy deals, and only them", () => {
        const { rows } = walk(demo.users.marisol, { scope: 'all', gatedWithoutPlan: true, includeSummary: true });
        assert.deepEqual(sorted(idsOf(rows)), sorted(demo.legacyOpportunities));
        assert.ok(rows.every((row) => row.stageNeedsActivePlan && !row.hasActivePlan && GATED.has(row.stageName)));
        const page = call(demo.users.marisol, { scope: 'all', includeSummary: true });
        assert.equal(page.summary.gatedWithoutPlanDeals, demo.legacyOpportunities.length);
    });

    test('filters combine: team, stage, health and close period together', () => {
        const request = { scope: 'team', stageName: ACTIVE_STAGES[0], health: 'On Track', closePeriod: 'thisYear' };
        const { rows } = walk(demo.users.owen, request);
        const expected = expectedDeals(ownedBy('owen', 'jonah', 'aisha', 'tomas'), request);
        assert.ok(expected.length > 0);
        assert.deepEqual(sorted(idsOf(rows)), sorted(idsOf(expected)));
    });
});

// ---------------------------------------------------------------------------------------------------------------

const text = (a, b) => a.localeCompare(b, 'en-US', { sensitivity: 'accent' });

/** Ordered by value (blanks last whatever the direction), then by Id ascending, whatever the direction. */
function ordered(entries, kind, descending) {
    const compare = (a, b) =>
        kind === 'text'
            ? text(a, b)
            : kind === 'stage'
              ? STAGE_ORDER.indexOf(a) - STAGE_ORDER.indexOf(b)
              : a < b
                ? -1
                : a > b
                  ? 1
                  : 0;
    return [...entries].sort((a, b) => {
        const blankA = a.value === null || a.value === undefined;
        const blankB = b.value === null || b.value === undefined;
        if (blankA !== blankB) return blankA ? 1 : -1;
        const byValue = blankA ? 0 : compare(a.value, b.value) * (descending ? -1 : 1);
        return byValue || (a.id < b.id ? -1 : 1);
    });
}

const OPPORTUNITY_COLUMNS = {
    name: ['text', (o) => o.Name],
    owner: ['text', (o) => T.users.get(o.OwnerId).Name],
    stage: ['stage', (o) => o.StageName],
    amount: ['number', (o) => o.Amount],
    closeDate: ['date', (o) => o.CloseDate],
    planStatus: ['number', (o) => o.Active_Plan_Count__c],
    acceptance: ['number', (o) => o.Accepted_Plan_Count__c]
};
const PLAN_COLUMNS = {
    completion: 'Completion_Percent__c',
    buyerCompletion: 'Buyer_Completion_Percent__c',
    overdue: 'Days_Overdue__c',
    slipDays: 'Total_Slip_Days__c',
    projectedClose: 'Close_Date_Variance_Days__c'
};

/**
 * The order the review promises: an Opportunity column sorts the deals by it; a plan column sorts the deals with
 * an Active plan by the plan's value (health: On Track, At Risk, Off Track ascending), then the deals without one
 * by close date. Ties go by Id (the plan's in the first part, the deal's otherwise).
 */
function expectedOrder(deals, sortBy, descending) {
    if (OPPORTUNITY_COLUMNS[sortBy]) {
        const [kind, value] = OPPORTUNITY_COLUMNS[sortBy];
        return idsOf(
            ordered(
                deals.map((o) => ({ id: o.Id, value: value(o), opportunityId: o.Id })),
                kind,
                descending
            )
        );
    }
    const withPlan = deals.filter((o) => T.activePlan.has(o.Id)).map((o) => T.activePlan.get(o.Id));
    const keyed = (plan, value) => ({ id: plan.Id, value, opportunityId: plan.Opportunity__c });
    let first;
    if (sortBy === 'health') {
        const order = descending ? [...ACTIVE_HEALTHS].reverse() : ACTIVE_HEALTHS;
        first = order.flatMap((health) =>
            ordered(
                withPlan.filter((plan) => plan.Health__c === health).map((plan) => keyed(plan, null)),
                'id',
                false
            )
        );
    } else {
        first = ordered(
            withPlan.map((plan) => keyed(plan, plan[PLAN_COLUMNS[sortBy]])),
            'number',
            descending
        );
    }
    const rest = ordered(
        deals
            .filter((o) => !T.activePlan.has(o.Id))
            .map((o) => ({ id: o.Id, value: o.CloseDate, opportunityId: o.Id })),
        'date',
        false
    );
    return idsOf([...first, ...rest]);
}

describe('sorting and paging', () => {
    test('every column sorts ascending and descending, ties in a stable order, across pages of 10', () => {
        for (const sortBy of COLUMN_KEYS) {
            for (const sortDirection of ['asc', 'desc']) {
                const { rows, pages } = walk(demo.users.marisol, { scope: 'all', sortBy, sortDirection, pageSize: 10 });
                assert.deepEqual(
                    idsOf(rows),
                    expectedOrder(T.open, sortBy, sortDirection === 'desc'),
                    `${sortBy} ${sortDirection}`
                );
                assert.ok(pages.length >= 3, 'the walk really pages');
                assert.ok(pages.every((page) => page.sortBy === sortBy && page.sortDirection === sortDirection));
            }
        }
    });

    test('the demo has ties to break: equal names, amounts, stages, plan counts and healths', () => {
        const count = (values) => values.length - new Set(values).size;
        assert.ok(count(T.open.map((o) => o.Name)) > 0);
        assert.ok(count(T.open.map((o) => o.StageName)) > 0);
        assert.ok(count(T.open.map((o) => o.Active_Plan_Count__c)) > 0);
        assert.ok(count([...T.activePlan.values()].map((plan) => plan.Health__c)) > 0);
        // Descending keeps ties in ascending Id order, as ORDER BY field DESC, Id ASC does.
        const rows = walk(demo.users.marisol, { scope: 'all', sortBy: 'planStatus', sortDirection: 'desc' }).rows;
        const withoutPlan = idsOf(rows.filter((row) => !row.hasActivePlan));
        assert.deepEqual(withoutPlan, sorted(withoutPlan));
    });

    test('blank values sort last in both directions', () => {
        for (const sortDirection of ['asc', 'desc']) {
            const { rows } = walk(demo.users.marisol, { scope: 'all', sortBy: 'amount', sortDirection });
            assert.equal(rows.at(-1).opportunityId, byName('Sample logistics').Id, sortDirection);
            assert.equal(rows.at(-1).amount, undefined);
        }
    });

    test('paging covers every deal exactly once, whatever the page size and sort', () => {
        for (const sortBy of ['name', 'health', 'completion', 'stage', 'amount']) {
            for (const pageSize of [10, 25, 200]) {
                const { rows, pages } = walk(demo.users.marisol, {
                    scope: 'all',
                    sortBy,
                    pageSize,
                    includeSummary: true
                });
                const ids = idsOf(rows);
                assert.equal(new Set(ids).size, ids.length, `no deal twice (${sortBy}, ${pageSize})`);
                assert.deepEqual(sorted(ids), sorted(idsOf(T.open)));
                assert.ok(pages.every((page) => page.rows.length <= Math.max(10, pageSize)));
                assert.equal(pages[0].summary.deals, ids.length);
            }
        }
    });

    test('page size: 50 by default, at least 10, at most 200', () => {
        assert.equal(call(demo.users.marisol, { scope: 'all' }).pageSize, 50);
        assert.equal(call(demo.users.marisol, { scope: 'all', pageSize: 3 }).pageSize, 10);
        assert.equal(call(demo.users.marisol, { scope: 'all', pageSize: 3 }).rows.length, 10);
        assert.equal(call(demo.users.marisol, { scope: 'all', pageSize: 5000 }).pageSize, 200);
    });

    test('the cursor: segment, the last sort value as text (Decimal scale, ISO date) and the last key row’s Id', () => {
        const byAmount = call(demo.users.marisol, {
            scope: 'all',
            sortBy: 'amount',
            sortDirection: 'desc',
            pageSize: 10
        });
        const last = byAmount.rows.at(-1);
        assert.deepEqual(byAmount.nextCursor, {
            segment: 0,
            lastValue: last.amount.toFixed(2),
            lastId: last.opportunityId
        });
        const byClose = call(demo.users.marisol, { scope: 'all', pageSize: 10 });
        assert.equal(byClose.nextCursor.lastValue, byClose.rows.at(-1).closeDate);
        // A plan sort's first segment reads plans: its cursor carries the plan's Id and value.
        const byCompletion = call(demo.users.marisol, { scope: 'all', sortBy: 'completion', pageSize: 10 });
        const plan = byCompletion.rows.at(-1);
        assert.deepEqual(byCompletion.nextCursor, {
            segment: 0,
            lastValue: String(plan.completionPercent),
            lastId: plan.planId
        });
        // A health sort reads one segment per health: On Track, At Risk, Off Track, others, then deals without. The
        // first page of 10 ends in the segment where the 10th Active plan is; the next ends among deals without.
        const { pages } = walk(demo.users.marisol, { scope: 'all', sortBy: 'health', pageSize: 10 });
        const plans = [...T.activePlan.values()].map((plan) => plan.Health__c);
        let reached = 0;
        const tenth = ACTIVE_HEALTHS.findIndex((health) => (reached += plans.filter((h) => h === health).length) >= 10);
        assert.ok(plans.length > 10 && plans.length < 20, 'the demo has between 10 and 20 Active plans');
        assert.deepEqual(
            pages.map((page) => page.nextCursor?.segment ?? null),
            [tenth, 4, null]
        );
        assert.equal(pages[0].nextCursor.lastValue, undefined, 'a segment ordered by Id alone carries no value');
    });

    test('a page that ends exactly at the end keeps a cursor, and the page after it is empty (as the Apex)', () => {
        const total = T.open.length;
        const first = call(demo.users.marisol, { scope: 'all', pageSize: total });
        assert.equal(first.rows.length, total);
        assert.ok(first.nextCursor);
        const after = call(demo.users.marisol, { scope: 'all', pageSize: total, cursor: first.nextCursor });
        assert.deepEqual(after.rows, []);
        assert.equal(after.nextCursor, undefined);
    });

    test('a cursor from another sort is refused with the Apex message', () => {
        const misfit = 'The page cursor does not fit this sort; reload the first page.';
        const plan = call(demo.users.marisol, { scope: 'all', sortBy: 'completion', pageSize: 10 });
        assert.throws(
            () => call(demo.users.marisol, { scope: 'all', sortBy: 'amount', cursor: plan.nextCursor }),
            (error) => error.body.message === misfit
        );
        assert.throws(
            () => call(demo.users.marisol, { scope: 'all', cursor: { segment: 3, lastId: null, lastValue: null } }),
            (error) => error.body.message === misfit
        );
        const byDate = call(demo.users.marisol, { scope: 'all', pageSize: 10 }).nextCursor;
        assert.throws(
            () => call(demo.users.marisol, { scope: 'all', cursor: { ...byDate, lastValue: 'soon' } }),
            (error) => error.body.message === misfit
        );
    });
});

// ---------------------------------------------------------------------------------------------------------------

describe('summary', () => {
    const sumOf = (deals) => deals.reduce((total, o) => total + (o.Amount ?? 0), 0);

    /** The figures, from the org's records: plan formulas are read as the org computes them. */
    function expectedSummary(deals) {
        const active = deals.filter((o) => T.activePlan.has(o.Id));
        const accepted = active.filter((o) => T.activePlan.get(o.Id).Buyer_Accepted__c);
        return {
            deals: deals.length,
            amount: sumOf(deals),
            activePlanDeals: active.length,
            activePlanAmount: sumOf(active),
            acceptedPlanDeals: accepted.length,
            acceptedPlanAmount: sumOf(accepted),
            offTrackDeals: active.filter((o) => T.activePlan.get(o.Id).Health__c === 'Off Track').length,
            landsAfterCloseDeals: active.filter((o) => {
                const projected = T.activePlan.get(o.Id).Projected_Close_Date__c;
                return projected !== null && projected !== undefined && projected > o.CloseDate;
            }).length,
            gatedWithoutPlanDeals: deals.filter((o) => GATED.has(o.StageName) && !T.activePlan.has(o.Id)).length,
            amountsAvailable: true,
            currencyCode: 'USD'
        };
    }

    const cases = [
        ['a manager’s team', demo.users.owen, { scope: 'team' }, ownedBy('owen', 'jonah', 'aisha', 'tomas')],
        ['everything', demo.users.marisol, { scope: 'all' }, T.open],
        ['an account executive’s own', demo.users.aisha, { scope: 'mine' }, ownedBy('aisha')],
        ['a gated stage', demo.users.marisol, { scope: 'all', stageName: ACCEPTED_STAGES[0] }, T.open],
        ['Off Track only', demo.users.marisol, { scope: 'all', health: 'Off Track' }, T.open],
        ['no active plan', demo.users.marisol, { scope: 'all', health: 'No Active Plan' }, T.open],
        ['gated without a plan', demo.users.marisol, { scope: 'all', gatedWithoutPlan: true }, T.open],
        ['this quarter', demo.users.marisol, { scope: 'all', closePeriod: 'thisQuarter' }, T.open]
    ];
    for (const [label, userId, request, deals] of cases) {
        test(`figures equal a count and sum over the org's records: ${label}`, () => {
            const page = call(userId, { ...request, includeSummary: true });
            assert.deepEqual(page.summary, expectedSummary(expectedDeals(deals, request)));
        });
    }

    test('the demo’s figures are not all zero: plans covered, accepted, off track, landing late, gated without', () => {
        const { summary } = call(demo.users.marisol, { scope: 'all', includeSummary: true });
        for (const figure of [
            'activePlanDeals',
            'acceptedPlanDeals',
            'offTrackDeals',
            'landsAfterCloseDeals',
            'gatedWithoutPlanDeals'
        ]) {
            assert.ok(summary[figure] > 0, figure);
        }
    });

    test('no deal selected: counts 0, amounts 0 and available', () => {
        const page = call(demo.users.jonah, { scope: 'mine', stageName: 'Prospecting', includeSummary: true });
        assert.deepEqual(page.rows, []);
        assert.deepEqual(page.summary, {
            ...expectedSummary([]),
            amount: 0,
            activePlanAmount: 0,
            acceptedPlanAmount: 0
        });
    });

    test('summary and options come only when asked for', () => {
        const page = call(demo.users.owen, { scope: 'team' });
        assert.equal('summary' in page, false);
        assert.equal('options' in page, false);
    });
});

describe('rows and options', () => {
    test('the response has the shape of the serialized PipelineReviewPage the component is tested with', () => {
        const shape = fixture('firstPage.json');
        const page = call(demo.users.marisol, {
            scope: 'all',
            includeSummary: true,
            includeOptions: true,
            pageSize: 10
        });
        assert.deepEqual(Object.keys(page), Object.keys(shape));
        assert.deepEqual(Object.keys(page.summary), Object.keys(shape.summary));
        assert.deepEqual(Object.keys(page.options), Object.keys(shape.options));
        assert.deepEqual(Object.keys(page.nextCursor), Object.keys(shape.nextCursor));
        const all = walk(demo.users.marisol, { scope: 'all' }).rows;
        const accepted = all.find((row) => row.buyerAccepted && row.projectedCloseDate);
        assert.deepEqual(Object.keys(accepted), Object.keys(shape.rows[0]));
        // Null properties are left out, as Aura serializes an Apex object: a deal without a plan has no plan keys.
        const planless = all.find((row) => row.opportunityId === demo.legacyOpportunities[0]);
        assert.deepEqual(Object.keys(planless), Object.keys(shape.rows.find((row) => !row.planId)));
        assert.ok(all.every((row) => Object.values(row).every((value) => value !== null)));
    });

    test("each row shows the deal's Active plan, else its latest Draft or Completed plan, never a cancelled one", () => {
        const rows = walk(demo.users.marisol, { scope: 'all' }).rows;
        for (const row of rows) {
            const plan = T.activePlan.get(row.opportunityId);
            if (plan) {
                assert.equal(row.planId, plan.Id);
                assert.equal(row.health, plan.Health__c);
                assert.equal(row.completionPercent, plan.Completion_Percent__c);
                assert.equal(row.closeDateVarianceDays, plan.Close_Date_Variance_Days__c);
            }
        }
        const draft = rows.find((row) => row.opportunityId === byName('Student services CRM').Id);
        assert.equal(draft.planStatus, 'Draft');
        assert.equal(draft.health, 'Draft');
        assert.equal(draft.hasActivePlan, false);
        const cancelled = rows.find((row) => row.opportunityId === cancelledOn.Id);
        assert.equal(cancelled.planId, undefined);
    });

    test('overdue milestone counts: open milestones due before today, all sides and the buyer side', () => {
        const rows = walk(demo.users.marisol, { scope: 'all' }).rows.filter((row) => row.planId);
        let any = 0;
        for (const row of rows) {
            const late = org
                .query('Plan_Milestone__c', { Plan__c: row.planId })
                .filter((m) => !['Complete', 'Skipped'].includes(m.Status__c) && m.Due_Date__c < TODAY);
            assert.equal(row.overdueMilestoneCount, late.length, row.name);
            assert.equal(row.buyerOverdueMilestoneCount, late.filter((m) => m.Side__c === 'Buyer').length, row.name);
            any += late.length;
        }
        assert.ok(any > 0, 'the demo has overdue milestones');
    });

    test('stage flags follow Plan_Setting__mdt: a stage needing an active plan, one needing an accepted plan', () => {
        for (const row of walk(demo.users.marisol, { scope: 'all' }).rows) {
            assert.equal(row.stageNeedsAcceptedPlan, ACCEPTED_STAGES.includes(row.stageName), row.name);
            assert.equal(row.stageNeedsActivePlan, GATED.has(row.stageName), row.name);
        }
    });

    test('options: owners in scope by name, open stages in stage order, the gated stages sorted', () => {
        const nameOf = (key) => T.users.get(demo.users[key]).Name;
        const labels = (userId, scope) =>
            call(userId, { scope, includeOptions: true }).options.owners.map((o) => o.label);
        assert.deepEqual(labels(demo.users.jonah, 'mine'), [nameOf('jonah')]);
        assert.deepEqual(labels(demo.users.owen, 'team'), ['owen', 'jonah', 'aisha', 'tomas'].map(nameOf).sort(text));
        const openOwners = [...new Set(T.open.map((o) => T.users.get(o.OwnerId).Name))].sort(text);
        assert.deepEqual(labels(demo.users.jonah, 'all'), openOwners);
        const { options } = call(demo.users.owen, { includeOptions: true });
        assert.deepEqual(
            options.stages.map((stage) => stage.value),
            STAGE_ORDER.filter((name) => !name.startsWith('Closed'))
        );
        assert.deepEqual(options.activePlanStages, [...ACTIVE_STAGES].sort());
        assert.deepEqual(options.acceptedPlanStages, [...ACCEPTED_STAGES].sort());
        assert.equal(options.ownersTruncated, false);
    });

    test('a value outside its whitelist is refused with the Apex message, as an AuraHandledException', () => {
        const refused = (request, message) =>
            assert.throws(
                () => call(demo.users.owen, request),
                (error) => error.body.message === message && error.body.exceptionType === 'System.AuraHandledException'
            );
        refused({ scope: 'everyone' }, 'Unknown scope: everyone');
        refused({ sortBy: 'probability' }, 'Unknown sortBy: probability');
        refused({ sortDirection: 'up' }, 'Unknown sortDirection: up');
        refused({ closePeriod: 'lastYear' }, 'Unknown closePeriod: lastYear');
        refused({ health: 'Draft' }, 'Unknown health: Draft');
        refused({ sortBy: 'x'.repeat(60) }, `Unknown sortBy: ${'x'.repeat(37)}...`);
        refused({ ownerId: demo.accounts[0] }, 'The owner filter needs a user.');
        refused({ ownerId: 'nobody' }, 'The owner filter needs a user.');
    });
});

// ---------------------------------------------------------------------------------------------------------------

describe('timing', () => {
    /**
     * The demo org with 2,000 more open deals across the sales team, loaded by the integration user (who holds
     * the gate bypass, so deals land in gated stages too); with `plans`, that many of them get an Active plan of
     * eight milestones, some due in the past.
     */
    function bigOrg({ plans = 0 } = {}) {
        const big = createDemoOrg({ root: ROOT, today: TODAY });
        const as = { as: big.demo.users.integration };
        const owners = ['jonah', 'aisha', 'tomas', 'hannah', 'marcus', 'sofia'].map((key) => big.demo.users[key]);
        const stages = STAGE_ORDER.filter((name) => !name.startsWith('Closed'));
        const deals = Array.from({ length: 2000 }, (_, i) => ({
            Name: `Bulk deal ${String(i).padStart(4, '0')}`,
            AccountId: big.demo.accounts[i % big.demo.accounts.length],
            OwnerId: owners[i % owners.length],
            StageName: stages[i % stages.length],
            CloseDate: addDays(TODAY, (i % 180) - 20),
            Amount: 1000 * ((i * 37) % 500)
        }));
        const dealIds = big.org.insert('Opportunity', deals, as);
        if (plans) {
            const planned = dealIds.slice(0, plans);
            const planIds = big.org.insert(
                'Mutual_Action_Plan__c',
                planned.map((id, i) => ({ Name: `Bulk plan ${i}`, Opportunity__c: id, Status__c: 'Draft' })),
                as
            );
            big.org.insert(
                'Plan_Milestone__c',
                planIds.flatMap((planId, i) =>
                    Array.from({ length: 8 }, (_, step) => ({
                        Name: `Step ${step + 1}`,
                        Plan__c: planId,
                        Side__c: step % 2 ? 'Buyer' : 'Seller',
                        Sort_Order__c: step + 1,
                        Due_Date__c: addDays(TODAY, 7 * step - (i % 4) * 7),
                        Seller_Owner__c: step % 2 ? null : deals[i].OwnerId,
                        Buyer_Owner__c: step % 2 ? big.demo.contacts[deals[i].AccountId].cfo : null,
                        Marks_Close__c: step === 7
                    }))
                ),
                as
            );
            big.org.update(
                'Mutual_Action_Plan__c',
                planIds.map((Id) => ({ Id, Status__c: 'Active' })),
                as
            );
        }
        return big;
    }

    function timer(t, big) {
        return (label, request, userId = big.demo.users.marisol) => {
            const started = performance.now();
            const page = loadPage({ request }, { org: big.org, userId });
            t.diagnostic(`${label}: ${(performance.now() - started).toFixed(1)} ms`);
            return page;
        };
    }

    const firstPage = { scope: 'team', includeSummary: true, includeOptions: true };

    test('2,000 more opportunities: first page, summary and options, deeper pages and sorts (printed)', (t) => {
        const big = bigOrg();
        const timed = timer(t, big);
        const open = big.org.query('Opportunity', (o) => !o.IsClosed).length;
        // The org computes formula fields on read and keeps them until the next save: the first call after a save
        // pays for the plans' and milestones' formulas.
        const first = timed('VP, team, first page with summary and options (first read after the load)', firstPage);
        assert.equal(first.summary.deals, open);
        assert.equal(first.rows.length, 50);
        timed('VP, team, first page with summary and options (again)', firstPage);
        const byName = timed('all, sorted by name, first page', { scope: 'all', sortBy: 'name' });
        timed('all, sorted by name, second page', { scope: 'all', sortBy: 'name', cursor: byName.nextCursor });
        let cursor = null;
        let pages = 0;
        const started = performance.now();
        do {
            const page = loadPage(
                { request: { scope: 'all', sortBy: 'amount', sortDirection: 'desc', pageSize: 200, cursor } },
                { org: big.org, userId: big.demo.users.marisol }
            );
            cursor = page.nextCursor ?? null;
            pages++;
        } while (cursor);
        t.diagnostic(
            `all ${open} deals by amount, 200 a page: ${pages} pages in ${(performance.now() - started).toFixed(1)} ms`
        );
        timed('all, sorted by stage, with summary', { scope: 'all', sortBy: 'stage', includeSummary: true });
        timed('all, sorted by health, with summary', { scope: 'all', sortBy: 'health', includeSummary: true });
        timed('all, gated stage without a plan, with summary', {
            scope: 'all',
            gatedWithoutPlan: true,
            includeSummary: true
        });
        timed(
            'an account executive, mine, with summary and options',
            { ...firstPage, scope: 'mine' },
            big.demo.users.jonah
        );
    });

    test('2,000 more opportunities, 300 of them with an Active plan: plan sorts and figures (printed)', (t) => {
        const big = bigOrg({ plans: 300 });
        const timed = timer(t, big);
        const first = timed('VP, team, first page with summary and options (first read after the load)', firstPage);
        assert.equal(first.summary.activePlanDeals, 300 + T.activePlan.size);
        timed('VP, team, first page with summary and options (again)', firstPage);
        const byHealth = timed('all, sorted by health desc, with summary', {
            scope: 'all',
            sortBy: 'health',
            sortDirection: 'desc',
            includeSummary: true
        });
        assert.equal(byHealth.rows[0].health, 'Off Track');
        timed('all, sorted by health desc, second page', {
            scope: 'all',
            sortBy: 'health',
            sortDirection: 'desc',
            cursor: byHealth.nextCursor
        });
        timed('all, sorted by completion, 200 a page', { scope: 'all', sortBy: 'completion', pageSize: 200 });
        timed('all, Off Track only, with summary', { scope: 'all', health: 'Off Track', includeSummary: true });
    });
});

// What the pipeline review uses of the governor limits at scale: each call is one Apex transaction of the user
// through PipelineReviewController.loadPage (the offline runtime, as bench/apex-calls.mjs calls it), asked the way
// the component asks (pipelineReview.ts: the first load with summary and options, a filter with the summary, a sort
// or a next page with neither), 200 rows a page.
// Apex Developer Guide, "Execution Governors and Limits" (per transaction, synchronous): 100 SOQL queries, 50,000
// records retrieved by SOQL queries, 10,000 ms of CPU time, 6 MB of heap; the next one throws a LimitException that
// cannot be caught. "Working with SOQL Aggregate Functions": COUNT() and COUNT(field) count as one query row (one
// per group with GROUP BY); every other aggregate (SUM) counts each row it aggregates.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewRequest } from './apex-calls.mjs';

export const LIMITS = { queries: 100, queryRows: 50_000, cpuMs: 10_000, heapBytes: 6_000_000 };
export const PAGE_SIZE = 200;

/** PipelineSegments' sortable columns (COLUMNS), in its order. */
export const SORT_KEYS = [
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
    'projectedClose',
    'closeVariance'
];
export const CLOSE_PERIODS = ['overdue', 'thisMonth', 'nextMonth', 'thisQuarter', 'nextQuarter', 'thisYear'];
export const HEALTHS = ['On Track', 'At Risk', 'Off Track', 'No Active Plan'];
export const PLAN_FILTERS = ['active', 'accepted', 'landsLate'];

/**
 * Today's budget: the 200-deal page of `npm run bench` (bench/apex-report.mjs: a manager's first load over one
 * seller's 200 deals, summary and options included), from artifacts/bench.json when a run left it there, else the
 * figures the bench printed when this scale bench was written.
 */
export function todaysBudget(root) {
    const file = join(root, 'artifacts', 'bench.json');
    const fallback = { queries: 15, queryRows: 1024, ms: 45, source: 'npm run bench figures (15 queries, ~45 ms)' };
    if (!existsSync(file)) return fallback;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const row = report.apex?.limits?.find((r) => r.call === 'PipelineReviewController.loadPage' && r.size === 200);
    if (!row) return fallback;
    return {
        queries: row.queries,
        queryRows: row.queryRows,
        ms: row.ms,
        source: `artifacts/bench.json of ${report.apexDate ?? report.date ?? 'an earlier run'}`
    };
}

/**
 * One loadPage call as `userId`: { value, error, ms, limits }. A failure (a LimitException included) is caught
 * inside the transaction so what the call had used when it failed is still read.
 */
export function measuredCall(session, userId, request) {
    return session.transaction(userId, (rt) => {
        const started = performance.now();
        let value = null;
        let error = null;
        try {
            value = rt.callAura('PipelineReviewController', 'loadPage', { request });
        } catch (caught) {
            error = caught;
        }
        const ms = performance.now() - started;
        return { value, error, ms, limits: { queries: rt.limits.queries, queryRows: rt.limits.queryRows } };
    });
}

/** A request as the component sends it (pipelineReviewModel.buildRequest), 200 rows a page. */
export function scaleRequest(overrides = {}) {
    return reviewRequest({
        scope: 'team',
        plan: null,
        groupBy: null,
        pageSize: PAGE_SIZE,
        includeSummary: false,
        includeOptions: false,
        ...overrides
    });
}

const DEFAULTS = scaleRequest();
/** The request's values that differ from the default request, for the report. */
function changed(request) {
    return Object.fromEntries(
        Object.entries(request).filter(
            ([key, value]) => key !== 'cursor' && JSON.stringify(value) !== JSON.stringify(DEFAULTS[key])
        )
    );
}

/** Within or over: figures against today's budget and the governor limits. */
function verdicts(result, budget) {
    const within = (ok) => (ok ? 'within' : 'over');
    return {
        queries: within(result.queries <= budget.queries),
        queryRowsLimit: within(!result.limitException && result.queryRows <= LIMITS.queryRows),
        ms: within(result.ms <= budget.ms),
        cpuLimit: within(result.ms <= LIMITS.cpuMs)
    };
}

/** The report row of one call. */
function reportRow(name, kind, user, request, call, budget) {
    const page = call.value;
    const limitException = /LimitException/.test(call.error?.message ?? '');
    const row = {
        name,
        kind,
        user,
        request: changed(request),
        cursor: request.cursor ? 'from the previous page' : null,
        queries: call.limits.queries,
        queryRows: call.limits.queryRows,
        ms: Math.round(call.ms),
        responseBytes: page ? Buffer.byteLength(JSON.stringify(page)) : null,
        rows: page?.rows?.length ?? null,
        reps: page?.reps?.length ?? null,
        hasNextPage: page ? Boolean(page.nextCursor) : null,
        summary: page?.summary ?? null,
        error: call.error ? String(call.error.message ?? call.error) : null,
        limitException
    };
    row.verdicts = verdicts(row, budget);
    return row;
}

/** The groups of calls, for --only: pages (with the first-line manager's first page), sorts, filters, reps. */
export const GROUPS = ['pages', 'sorts', 'filters', 'reps'];

/**
 * Runs the calls of the scale bench, group by group (`groups`, default all): the first page as the VP (the whole
 * team) and as a first-line manager, the 2nd and 10th page through the keyset cursor (pages 3-9 walked on the way);
 * each sort key (ascending) and the 2nd page of the health sort; each filter (with the summary, as a filter change
 * asks); the review by rep. Returns { calls, paging } where paging says whether the ten pages held distinct deals in
 * close-date order (null when the pages were not run).
 */
export function runScaleCalls({ session, users, ownerFilterId, budget, groups = GROUPS, log = () => {} }) {
    const calls = [];
    const sizes = {
        pages: 1 + 9 + 1,
        sorts: SORT_KEYS.length + 2,
        filters: 2 + CLOSE_PERIODS.length + HEALTHS.length + PLAN_FILTERS.length + 3,
        reps: 1
    };
    // Every transaction below, the pages walked on the way and the first page of the health sort included.
    const total = groups.reduce((sum, group) => sum + sizes[group], 0);
    let step = 0;
    const run = (name, kind, request, { user = 'vp', quiet = false } = {}) => {
        const call = measuredCall(session, users[user], request);
        const row = reportRow(name, kind, user, request, call, budget);
        if (!quiet) calls.push(row);
        step++;
        log(
            `[${String(step).padStart(2)}/${total}] ${name}${quiet ? ' (on the way, not reported)' : ''}: ` +
                `${row.queries} queries, ${row.queryRows} rows, ${row.ms} ms` +
                (row.error ? ` FAILED: ${row.error}` : '')
        );
        return call.value;
    };

    let paging = null;
    if (groups.includes('pages')) {
        // Paging as the VP: the first load (summary and options), then Next nine times.
        const first = scaleRequest({ includeSummary: true, includeOptions: true });
        const pages = [run('first page (default sort)', 'page', first)];
        for (let page = 2; page <= 10; page++) {
            const cursor = pages.at(-1)?.nextCursor;
            if (!cursor) break;
            const report = page === 2 || page === 10;
            pages.push(run(`page ${page} (keyset cursor)`, 'page', scaleRequest({ cursor }), { quiet: !report }));
        }
        run('first page, first-line manager (half the team)', 'page', first, { user: 'manager' });
        paging = pagingCheck(pages);
    }

    if (groups.includes('sorts')) {
        for (const sortBy of SORT_KEYS) run(`sort: ${sortBy}`, 'sort', scaleRequest({ sortBy }));
        // A plan sort pages through ordered segments (Active plans health by health, then the deals without one).
        const byHealth = run('sort: health, page 1', 'sort', scaleRequest({ sortBy: 'health' }), { quiet: true });
        run('sort: health, page 2', 'sort', scaleRequest({ sortBy: 'health', cursor: byHealth?.nextCursor ?? null }));
    }

    if (groups.includes('filters')) {
        const filter = (name, overrides) =>
            run(`filter: ${name}`, 'filter', scaleRequest({ includeSummary: true, ...overrides }));
        filter('one rep (owner)', { ownerId: ownerFilterId });
        filter('stage Value Proposition', { stageName: 'Value Proposition' });
        for (const closePeriod of CLOSE_PERIODS) filter(`close ${closePeriod}`, { closePeriod });
        for (const health of HEALTHS) filter(`health ${health}`, { health });
        for (const plan of PLAN_FILTERS) filter(`plan ${plan}`, { plan });
        filter('gated stage without a plan', { gatedWithoutPlan: true });
        filter('scope mine', { scope: 'mine' });
        filter('scope all', { scope: 'all' });
    }

    if (groups.includes('reps')) {
        run('by rep (grouped by owner)', 'byRep', scaleRequest({ groupBy: 'owner', includeSummary: true }));
    }
    return { calls, paging };
}

/**
 * Whether the pages hold distinct deals in close-date order across the page breaks, every page full but the last
 * one when it has no next page.
 */
function pagingCheck(pages) {
    const rows = pages.flatMap((page) => page?.rows ?? []);
    const ids = new Set(rows.map((row) => row.opportunityId));
    const dates = rows.map((row) => String(row.closeDate));
    const ordered = dates.every((date, i) => i === 0 || dates[i - 1] <= date);
    const full = pages.every(
        (page, i) => page?.rows?.length === PAGE_SIZE || (i === pages.length - 1 && page && !page.nextCursor)
    );
    return {
        pages: pages.length,
        rows: rows.length,
        distinct: ids.size,
        full,
        ordered,
        holds: ids.size === rows.length && ordered && full
    };
}

/**
 * How the runtime counts aggregate queries against the 50,000-row limit, tried on the org's open opportunities as
 * anonymous Apex, one transaction each, against what "Working with SOQL Aggregate Functions" says: COUNT() one row,
 * COUNT(Id) GROUP BY one row per group, SUM(Amount) one row per deal it adds up (so a LimitException past 50,000).
 */
export function probeAggregateRows({ session, org, userId }) {
    const open = org.query('Opportunity', (o) => !o.IsClosed);
    const owners = new Set(open.map((o) => o.OwnerId)).size;
    const probes = [
        { query: 'SELECT COUNT() FROM Opportunity WHERE IsClosed = false', expected: 1, kind: 'Integer n = ' },
        {
            query: 'SELECT OwnerId, COUNT(Id) deals FROM Opportunity WHERE IsClosed = false GROUP BY OwnerId',
            expected: owners,
            kind: 'List<AggregateResult> r = '
        },
        {
            query: 'SELECT SUM(Amount) amount FROM Opportunity WHERE IsClosed = false',
            expected: open.length > LIMITS.queryRows ? 'LimitException' : open.length,
            kind: 'List<AggregateResult> r = '
        }
    ];
    return probes.map(({ query, expected, kind }) =>
        session.transaction(userId, (rt) => {
            let observed;
            try {
                rt.runAnonymous(`${kind}[${query}];`);
                observed = rt.limits.queryRows;
            } catch (error) {
                observed = /LimitException/.test(error.message) ? 'LimitException' : `error: ${error.message}`;
            }
            return { query, openDeals: open.length, expected, observed, asDocumented: observed === expected };
        })
    );
}

/** A plain-text table of the calls, aligned, for the terminal. */
export function formatCalls(calls, budget) {
    const header = [
        'call',
        'queries',
        'query rows',
        'ms',
        'KB',
        'shown',
        `vs today (${budget.queries} q, ${Math.round(budget.ms)} ms)`,
        'rows vs 50,000'
    ];
    const lines = calls.map((c) => [
        c.name,
        String(c.queries),
        c.queryRows.toLocaleString('en-US'),
        c.ms.toLocaleString('en-US'),
        c.responseBytes === null ? '–' : (c.responseBytes / 1024).toFixed(0),
        c.error ? 'FAILED' : c.reps !== null ? `${c.reps} reps` : `${c.rows} rows`,
        `queries ${c.verdicts.queries}, time ${c.verdicts.ms}`,
        c.verdicts.queryRowsLimit
    ]);
    const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
    const format = (cells) =>
        `| ${cells.map((cell, i) => (i === 0 || i >= 6 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
    return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}

// The server side of the bench, without a browser: how long the preview takes to parse the package's Apex and load
// the demo (TandemDemoData.load() through the offline runtime), the preview's first load of an opportunity (the
// server time of PlanWorkspaceController.getWorkspace on the demo), and the governor-limit table of bench/limits.mjs.
import { loadPackageProgram } from '../apex-runtime/session.mjs';
import { createDemoSession } from '../preview/apex.mjs';
import { auraCall, LIMIT_NAMES, workspaceOf } from './apex-calls.mjs';
import { constancy, createLimitsOrg, measureLimits } from './limits.mjs';
import { median } from './report.mjs';

/** The demo opportunity the README's record page shows (the loader's plan on track). */
const FIRST_OPPORTUNITY = 'Northwind Logistics - Fleet visibility platform';

const seconds = (since) => (performance.now() - since) / 1000;

/**
 * Measures everything; `program` may be given when the caller parsed it already (its parse time is then not
 * measured). Returns the report's `apex` section.
 */
export function runApexBench({ root, today, program, runs = 5, log = () => undefined }) {
    let started = performance.now();
    const parsed = program ?? loadPackageProgram(root);
    const programSeconds = program ? null : seconds(started);
    if (programSeconds !== null) log(`Apex parsed in ${programSeconds.toFixed(1)} s`);

    started = performance.now();
    const { session, org } = createDemoSession({ root, today, program: parsed });
    const demoSeconds = seconds(started);
    log(`demo loaded (TandemDemoData.load()) in ${demoSeconds.toFixed(1)} s`);

    // The preview's first record page: the previewing user's first Apex call after the load.
    const [opportunity] = org.query('Opportunity', (o) => o.Name === FIRST_OPPORTUNITY);
    const open = () =>
        auraCall(session, org.currentUserId, 'PlanWorkspaceController', 'getWorkspace', {
            opportunityId: opportunity.Id
        });
    const first = open();
    const milestones = workspaceOf(first.value).milestones.length;
    const warm = Array.from({ length: runs }, open);
    const firstLoad = {
        opportunity: FIRST_OPPORTUNITY,
        milestones,
        firstMs: first.ms,
        warmMs: median(warm.map((call) => call.ms)),
        ...first.limits
    };
    log(`first getWorkspace on the demo: ${first.ms.toFixed(0)} ms (then ${firstLoad.warmMs.toFixed(0)} ms)`);

    started = performance.now();
    const fixtures = createLimitsOrg({ root, today, program: parsed });
    const fixturesSeconds = seconds(started);
    const limits = measureLimits(fixtures, { runs });
    return {
        programSeconds,
        demoSeconds,
        counts: org.counts(),
        firstLoad,
        limitsFixturesSeconds: fixturesSeconds,
        limits,
        constancy: constancy(limits)
    };
}

const LABELS = {
    queries: 'SOQL queries',
    queryRows: 'query rows',
    dmlStatements: 'DML statements',
    dmlRows: 'DML rows'
};

/** The limits as a Markdown table (for the terminal and the README), then one verdict line per call. */
export function formatLimits(apex) {
    const header = ['call', 'records', ...LIMIT_NAMES.map((name) => LABELS[name]), 'server time'];
    const lines = apex.limits.map((row) => [
        row.call,
        row.records,
        ...LIMIT_NAMES.map((name) => String(row[name])),
        `${row.ms.toFixed(0)} ms`
    ]);
    const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
    const format = (cells) =>
        `| ${cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
    const rule = `|${widths.map((width, i) => (i < 2 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
    const verdicts = apex.constancy.map(
        (c) =>
            `${c.constant ? 'constant' : 'NOT CONSTANT'}: ${c.call} uses ${c.queries.join(' / ')} queries and ` +
            `${c.dmlStatements.join(' / ')} DML statements for ${apex.limits
                .filter((row) => row.call === c.call)
                .map((row) => row.size)
                .join(' / ')} records`
    );
    return [format(header), rule, ...lines.map(format), '', ...verdicts].join('\n');
}

/** The demo and first-load figures, a few lines. */
export function formatPreview(apex) {
    const f = apex.firstLoad;
    return [
        apex.programSeconds === null ? null : `Apex parse (loadPackageProgram): ${apex.programSeconds.toFixed(1)} s`,
        `demo load (createDemoSession: users + TandemDemoData.load()): ${apex.demoSeconds.toFixed(1)} s, ` +
            `${apex.counts.Opportunity} opportunities, ${apex.counts.Mutual_Action_Plan__c} plans, ` +
            `${apex.counts.Plan_Milestone__c} milestones`,
        `first opportunity load (getWorkspace, ${f.opportunity}, ${f.milestones} milestones): ` +
            `${f.firstMs.toFixed(0)} ms first, ${f.warmMs.toFixed(0)} ms after; ${f.queries} queries, ` +
            `${f.queryRows} query rows`
    ]
        .filter(Boolean)
        .join('\n');
}

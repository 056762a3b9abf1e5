#!/usr/bin/env node
// npm run bench:ab: is a change to the workspace's components faster or slower? The same first render as npm run
// bench (c-plan-workspace, 60 milestones, production mode, synthetic shadow; bench/entry.js), measured for the
// working tree's components and for those of another commit, in alternating runs on one machine: A B A B ..., each
// on a fresh page, so both meet the same load. On a shared 2-core machine the same bundle's medians can still differ
// by 10-20% from one set of runs to the next, so each difference is given with how likely runs as spread as these
// would show it with no change at all: a two-sided permutation test of the runs' means (simple-statistics'
// permutationTest, 10,000 permutations). Six measures are tested at once, so a change is reported as one only below
// 0.05 / 6 (Bonferroni): at 0.05 each, identical bundles would read as changed on some line about one time in four.
//   node scripts/bench-ab.mjs                  the working tree against HEAD (10 runs each, after one warm-up)
//   node scripts/bench-ab.mjs --base <ref>     against another commit
//   node scripts/bench-ab.mjs --runs 16        more runs
//   node scripts/bench-ab.mjs --variant floor  the bench's floor instead of the workspace (a check of the method:
//                                              both bundles hold the same floor, so its two medians should agree)
// The other commit's components are built from a temporary git worktree. Both bundles call the working tree's Apex,
// on one bench org, so the measure compares the components only. For each bundle it prints the medians (and
// ranges) of: the whole first render, the same less its Apex wait (in the page), and the main thread's busy time
// from the browser's own counters (Performance.getMetrics: tasks, script, layout, style recalculation).
// A check of the method: the working tree against HEAD with no change should read "noise" on every line.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mean, permutationTest } from 'simple-statistics';
import { loadPackageProgram } from '../apex-runtime/session.mjs';
import { createBenchOrg, LONG_PLAN_MILESTONES } from '../bench/org.mjs';
import { median } from '../bench/report.mjs';
import { openBenchPage, startBenchServer } from '../bench/server.mjs';
import { ROOT, TODAY } from './bench-apex.mjs';
import { buildBundle } from './preview.mjs';
import { launchBrowser } from './lib/chromium.mjs';
import { requireSupportedNode } from './lib/node-version.mjs';

requireSupportedNode('npm run bench:ab');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const BASE = option('--base', 'HEAD');
const RUNS = Math.max(5, Number(option('--runs', 10)) || 10);
const VARIANT = option('--variant', 'ours');
if (!['ours', 'floor'].includes(VARIANT)) throw new Error(`--variant: ours or floor, not ${VARIANT}`);
const OUT = join(ROOT, 'dist', 'bench', 'ab');
mkdirSync(OUT, { recursive: true });
const git = (...gitArgs) => execFileSync('git', gitArgs, { cwd: ROOT, encoding: 'utf8' }).trim();
const log = (message) => console.log(message);

/** Builds the bench bundle of the commit `ref` in a temporary worktree (sharing this checkout's node_modules). */
async function buildCommit(ref, output) {
    const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
    const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-ab-'));
    git('worktree', 'add', '--detach', dir, commit);
    try {
        symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
        const { buildBundle: buildThere } = await import(pathToFileURL(join(dir, 'scripts', 'preview.mjs')).href);
        const built = await buildThere({ output, input: join(dir, 'bench', 'entry.js'), mode: 'production' });
        return { label: `${ref} (${commit.slice(0, 7)})`, file: output, seconds: built.seconds };
    } finally {
        git('worktree', 'remove', '--force', dir);
        rmSync(dir, { recursive: true, force: true });
    }
}

log(`building the bench bundle of the working tree and of ${BASE} (production mode)...`);
const work = join(OUT, 'work.js');
const builtWork = await buildBundle({ output: work, input: join(ROOT, 'bench', 'entry.js'), mode: 'production' });
const bundles = [
    await buildCommit(BASE, join(OUT, 'base.js')),
    { label: 'working tree', file: work, seconds: builtWork.seconds }
];
for (const bundle of bundles) log(`  ${bundle.label}: ${bundle.seconds.toFixed(0)} s`);

const { session, bench } = createBenchOrg({ root: ROOT, today: TODAY, program: loadPackageProgram(ROOT) });
const servers = [];
for (const bundle of bundles) servers.push(await startBenchServer({ session, bundleFile: bundle.file }));
const browser = await launchBrowser();
const METRICS = {
    tasks: 'TaskDuration',
    script: 'ScriptDuration',
    layout: 'LayoutDuration',
    style: 'RecalcStyleDuration'
};

/** One first render of bundle `index` on a fresh page: its times in ms. */
async function run(index) {
    const { page, errors, close } = await openBenchPage(browser, servers[index].url);
    try {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        const metrics = async () =>
            Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
        const before = await metrics();
        const mount = await page.evaluate(
            ([v, p]) => globalThis.tandemBench.workspace[v].mount(p),
            [VARIANT, { opportunityId: bench.opportunityId, milestones: LONG_PLAN_MILESTONES }]
        );
        const after = await metrics();
        if (errors.length) throw new Error(`${bundles[index].label}: the page failed: ${errors.join('; ')}`);
        const busy = Object.fromEntries(
            Object.entries(METRICS).map(([key, name]) => [key, (after[name] - before[name]) * 1000])
        );
        return { ms: mount.ms, page: mount.ms - mount.apexMs, ...busy };
    } finally {
        await close();
    }
}

const samples = bundles.map(() => []);
try {
    // A warm-up round first (the org computes formula fields on its first read), then the measured rounds; which
    // bundle goes first alternates, so neither always meets the colder machine.
    for (let round = 0; round <= RUNS; round++) {
        for (let i = 0; i < bundles.length; i++) {
            const index = (i + round) % bundles.length;
            const times = await run(index);
            if (round > 0) samples[index].push(times);
        }
        log(round === 0 ? 'warm-up round done' : `round ${round}/${RUNS} done`);
    }
} finally {
    await browser.close();
    for (const { server } of servers) server.close();
}

const KEYS = ['ms', 'page', 'tasks', 'script', 'layout', 'style'];
const NAMES = { ms: 'first render', page: '… in the page', tasks: 'main thread busy' };
const SIGNIFICANT = 0.05 / KEYS.length;
const values = (index, key) => samples[index].map((sample) => sample[key]);
const cell = (list) =>
    `${median(list).toFixed(1)} (${Math.min(...list).toFixed(0)}–${Math.max(...list).toFixed(0)})`.padEnd(30);
const subject = VARIANT === 'ours' ? 'plan workspace' : 'the floor';
log(
    `\n${subject}, ${LONG_PLAN_MILESTONES} milestones: medians of ${RUNS} alternating runs each (ms, range); ` +
        `a change below p ${SIGNIFICANT.toFixed(4)}`
);
log(['measure'.padEnd(18), ...bundles.map((b) => b.label.padEnd(30)), 'median change, p'].join(' '));
for (const key of KEYS) {
    const [base, changed] = [values(0, key), values(1, key)];
    const change = (median(changed) / median(base) - 1) * 100;
    // The test compares the runs' means, so its direction is the means' too (the medians' may differ in sign).
    const p = permutationTest(changed, base, 'two_side', 10_000);
    const verdict = p < SIGNIFICANT ? (mean(changed) < mean(base) ? 'faster' : 'slower') : 'noise';
    const changeText = `${change > 0 ? '+' : ''}${change.toFixed(0)}%, p ${p.toFixed(3)}: ${verdict}`;
    log([(NAMES[key] ?? key).padEnd(18), cell(base), cell(changed), changeText].join(' '));
}
process.exit();

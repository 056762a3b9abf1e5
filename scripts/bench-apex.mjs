#!/usr/bin/env node
// node scripts/bench-apex.mjs (or npm run bench -- --apex-only): the server side of the bench, no browser. Prints
// the Apex parse and demo load times, the preview's first load of an opportunity, and what the plan workspace load,
// a milestone save and a pipeline review page use of the governor limits for 1 and for 200 records (queries and
// DML statements must not grow with the records). Writes them into artifacts/bench.json (key `apex`), keeping the
// browser figures of the last full run. Exits 1 when a call's queries or DML statements grow with the records.
//   node scripts/bench-apex.mjs --runs 9     more runs for the median times (default 5)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLimits, formatPreview, runApexBench } from '../bench/apex-report.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The end-to-end tests' day (test/e2e/support.mjs): the demo is relative to the org's today. Every bench uses it.
export const TODAY = '2026-03-02';

/** Runs the Apex bench, prints it, and returns the `apex` section of the report. */
export function benchApex({ runs = 5, program, log = console.log } = {}) {
    const apex = runApexBench({ root: ROOT, today: TODAY, program, runs, log: (line) => log(`  ${line}`) });
    log('');
    log(formatPreview(apex));
    log('');
    log(`Governor limits used per call (one transaction each; server time: median of ${runs} runs):`);
    log(formatLimits(apex));
    return apex;
}

/** Puts `apex` into artifacts/bench.json, keeping what a full run wrote there. */
export function writeApexReport(apex, extra = {}) {
    const file = join(ROOT, 'artifacts', 'bench.json');
    const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    mkdirSync(dirname(file), { recursive: true });
    const report = {
        ...previous,
        ...extra,
        apexDate: new Date().toISOString(),
        machine: previous.machine ?? { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version },
        apex
    };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const runsArg = args.indexOf('--runs');
    const runs = Math.max(1, runsArg >= 0 ? Number(args[runsArg + 1]) || 5 : 5);
    const apex = benchApex({ runs });
    console.log(`\nwritten to ${writeApexReport(apex)}`);
    if (!apex.constancy.every((c) => c.constant)) process.exitCode = 1;
}

#!/usr/bin/env node
// npm run test:apex: runs every @IsTest class of every package directory in sfdx-project.json on the offline Apex
// runtime (apex-runtime/), each test method in a fresh embedded org holding its class's @TestSetup data, as the
// platform isolates them ("Isolation of Test Data from Organization Data in Unit Tests", "Using the @TestSetup
// Annotation"). The running user is what a package version build gives its tests: a System Administrator with
// the permission sets the packaged directory names in `apexTestAccess` ("Manage Apex Access for Package Version
// Creation Tests").
//
//   npm run test:apex                       every test; one line per method, coverage, "N passed, M failed"
//   npm run test:apex -- --coverage         and the coverage of each packaged class and trigger
//   npm run test:apex -- PlanSelectorTest   only the classes (or Class.method) named
//   npm run test:apex -- --json FILE        also write every result and the coverage to FILE
//   npm run test:apex -- --today 2027-01-01  as of that day (Date.today(), TODAY()): a test must pass on any day
//   npm run test:apex -- --time 23:59:30     each test's System.now() starting at that UTC time of day
//   npm run test:apex -- --gates-on         in an org whose admin turned the stage gates on (below), not in a fresh
//                                           install (the shipped Plan_Setting Default gates nothing)
import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runApexTests, formatCoverageTable } from '../apex-runtime/test-runner.mjs';
import { DEMO_GATE_SETTINGS } from '../preview/demo-team.mjs';
import { isoDate, isTimeOfDay } from '../preview/org/values.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** A whole date the org takes as `today` (isoDate throws on anything else, a 30 February included). */
function isDay(text) {
    try {
        return /^\d{4}-\d{2}-\d{2}$/.test(text ?? '') && isoDate(text) === text;
    } catch {
        return false;
    }
}

const showCoverage = args.includes('--coverage');
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const todayAt = args.indexOf('--today');
const today = todayAt >= 0 ? args[todayAt + 1] : undefined;
if (todayAt >= 0 && !isDay(today)) {
    console.error(`--today takes a date as YYYY-MM-DD, not ${today ?? 'nothing'}`);
    process.exit(2);
}
const timeAt = args.indexOf('--time');
const timeOfDay = timeAt >= 0 ? args[timeAt + 1] : undefined;
if (timeAt >= 0 && !isTimeOfDay(timeOfDay)) {
    console.error(`--time takes a UTC time of day as HH:MM:SS, not ${timeOfDay ?? 'nothing'}`);
    process.exit(2);
}
const values = new Set([jsonAt, todayAt, timeAt].filter((at) => at >= 0).map((at) => at + 1));
const only = args.filter((arg, i) => !arg.startsWith('--') && !values.has(i));

// The package's tests must pass in any org the package is installed in: besides a fresh install (the shipped
// Plan_Setting Default gates nothing), they run in one whose admin turned the gates on as the demo org's did.
const gatesOn = args.includes('--gates-on');
const customMetadata = gatesOn ? DEMO_GATE_SETTINGS : {};
if (gatesOn) console.log('org: stage gates on (Plan_Setting Default as the demo org has it)');
if (today) console.log(`org: today is ${today}`);
if (timeOfDay) console.log(`org: each test starts at ${timeOfDay} UTC`);

const started = Date.now();
const report = runApexTests({
    root,
    only,
    customMetadata,
    today,
    timeOfDay,
    onResult(result) {
        if (result.ok) {
            console.log(`PASS ${result.name}`);
            return;
        }
        console.log(`FAIL ${result.name}: ${result.message}${result.where ? ` (${result.where})` : ''}`);
        for (const line of result.stack ?? []) console.log(`    at ${line}`);
    }
});

const { coverage } = report;
if (showCoverage) console.log(formatCoverageTable(coverage, root));
console.log(
    `coverage: ${coverage.percent.toFixed(1)}% (${coverage.covered}/${coverage.total} lines of the packaged classes)`
);
if (jsonFile) {
    writeFileSync(
        jsonFile,
        JSON.stringify(
            {
                results: report.results,
                coverage: {
                    ...coverage,
                    files: coverage.files.map((file) => ({ ...file, file: relative(root, file.file) }))
                },
                seconds: (Date.now() - started) / 1000
            },
            null,
            2
        )
    );
}
const failed = report.results.filter((result) => !result.ok).length;
const passed = report.results.length - failed;
console.log(`apex tests took ${((Date.now() - started) / 1000).toFixed(1)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || report.results.length === 0 ? 1 : 0);

// pmd (PMD security and performance rules through Code Analyzer) against its fixtures. The clean project reads
// WITH USER_MODE, writes `as user` and with AccessLevel.USER_MODE, builds dynamic SOQL with binds, declares
// `with sharing` and asserts in its test: no rule may fire.
//
// A PMD run costs seconds (two JVM starts), so the broken overlays are laid over one copy of the clean project
// together and checked in a single run, next to the run on the clean project. That is sound because each overlay
// only adds its own files and PMD's rules look at one file at a time; each test below looks at its overlay's files.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, makeProject, removeProject, findingsFor, describeFindings } from './harness.mjs';
import { check } from '../pmd.mjs';

const CLASSES = 'force-app/main/default/classes';
const OVERLAYS = ['crud', 'soql-in-loop', 'soql-injection', 'sharing'];
let clean;
let broken;
let brokenDir;

before(async () => {
    brokenDir = makeProject('apex/clean');
    for (const kind of OVERLAYS) cpSync(join(FIXTURES, 'apex', 'broken', kind), brokenDir, { recursive: true });
    [clean, broken] = await Promise.all([findingsFor(check, 'apex/clean'), check(brokenDir)]);
});

after(() => removeProject(brokenDir));

/** Findings on the given classes of the combined broken project. */
const inClasses = (...names) => broken.filter((f) => names.some((name) => f.file === `${CLASSES}/${name}.cls`));

/** The findings as `file:line rule`, for exact comparison; messages are checked separately. */
const located = (findings) => findings.map((f) => `${f.file}:${f.line} ${f.message.split(':')[0]}`);

test('the clean project, in user mode and with sharing, has no violations', () => {
    assert.deepEqual(clean, [], describeFindings(clean));
});

test('reports SOQL and DML that do not enforce the user’s object permissions', () => {
    const findings = inClasses('PlanArchiver');
    assert.deepEqual(
        located(findings),
        [`${CLASSES}/PlanArchiver.cls:4 ApexCRUDViolation`, `${CLASSES}/PlanArchiver.cls:8 ApexCRUDViolation`],
        describeFindings(findings)
    );
    findings.forEach((f) => assert.match(f.message, /CRUD permission/));
});

test('reports a query inside a loop', () => {
    const findings = inClasses('PlanProgress');
    assert.deepEqual(
        located(findings),
        [`${CLASSES}/PlanProgress.cls:6 OperationWithLimitsInLoop`],
        describeFindings(findings)
    );
    assert.match(findings[0].message, /loops that may hit governor limits/);
});

test('reports dynamic SOQL built by concatenating caller input', () => {
    const findings = inClasses('PlanSearch');
    assert.deepEqual(located(findings), [`${CLASSES}/PlanSearch.cls:5 ApexSOQLInjection`], describeFindings(findings));
    assert.match(findings[0].message, /untrusted\/unescaped variables/);
});

test('reports classes without sharing and classes with no sharing declaration', () => {
    const findings = inClasses('PlanCloner', 'PlanExporter');
    assert.deepEqual(
        located(findings),
        [
            `${CLASSES}/PlanCloner.cls:2 ApexSharingViolations`,
            `${CLASSES}/PlanCloner.cls:2 TandemClassesDeclareSharing`,
            `${CLASSES}/PlanExporter.cls:2 TandemClassesDeclareSharing`
        ],
        describeFindings(findings)
    );
    findings.forEach((f) => assert.match(f.message, /sharing/));
});

test('finds nothing in the broken project beyond the problems planted in it', () => {
    const planted = inClasses('PlanArchiver', 'PlanProgress', 'PlanSearch', 'PlanCloner', 'PlanExporter');
    assert.deepEqual(broken, planted, describeFindings(broken));
});

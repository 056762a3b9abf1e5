// apex-semantics (the Apex language server's CheckForIssues) against its fixtures. One JVM run per fixture, all
// started together.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsFor, describeFindings } from './harness.mjs';
import { check } from '../apex-semantics.mjs';

const CLASSES = 'force-app/main/default/classes';
const OVERLAYS = ['unknown-apex-field', 'syntax'];
const results = {};

before(async () => {
    const runs = ['clean', ...OVERLAYS].map(async (kind) => {
        results[kind] = await findingsFor(check, 'apex/clean', kind === 'clean' ? undefined : `apex/broken/${kind}`);
    });
    await Promise.all(runs);
});

test('the clean project has no semantic issues (custom objects resolved from its metadata)', () => {
    assert.deepEqual(results.clean, [], describeFindings(results.clean));
});

test('reports a field that the object does not have, on the line that uses it', () => {
    const findings = results['unknown-apex-field'];
    assert.deepEqual(
        findings.map((f) => `${f.file}:${f.line}`),
        [`${CLASSES}/PlanRescheduler.cls:5`],
        describeFindings(findings)
    );
    assert.match(findings[0].message, /Unknown field 'Stage__c'.*Mutual_Action_Plan__c/);
});

test('reports syntax errors too, so a file it cannot read never passes silently', () => {
    const findings = results.syntax;
    assert.ok(
        findings.some((f) => f.file === `${CLASSES}/PlanRenamer.cls` && /^Syntax: missing ';'/.test(f.message)),
        describeFindings(findings)
    );
});

// apex-syntax against its fixtures: the clean project parses, each deliberate syntax error is reported where it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsFor, describeFindings } from './harness.mjs';
import { check } from '../apex-syntax.mjs';

const CLASSES = 'force-app/main/default/classes';
const TRIGGERS = 'force-app/main/default/triggers';

test('the clean project has no syntax errors', async () => {
    const findings = await findingsFor(check, 'apex/clean');
    assert.deepEqual(findings, [], describeFindings(findings));
});

test('reports a missing semicolon in a class and a bad string escape in a trigger', async () => {
    const findings = await findingsFor(check, 'apex/clean', 'apex/broken/syntax');
    const shown = describeFindings(findings);
    assert.ok(
        findings.some((f) => f.file === `${CLASSES}/PlanRenamer.cls` && f.line === 5 && /missing ';'/.test(f.message)),
        shown
    );
    assert.ok(
        findings.some(
            (f) =>
                f.file === `${TRIGGERS}/PlanTrigger.trigger` &&
                f.line === 3 &&
                /token recognition error/.test(f.message)
        ),
        shown
    );
    // Nothing outside the two broken files: the rest of the project still parses.
    const files = new Set(findings.map((f) => f.file));
    assert.deepEqual([...files].sort(), [`${CLASSES}/PlanRenamer.cls`, `${TRIGGERS}/PlanTrigger.trigger`], shown);
});

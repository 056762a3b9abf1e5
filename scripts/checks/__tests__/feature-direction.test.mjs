// feature-direction against the features fixtures: the clean project's features use each other only along the arrows
// (plan-workspace and pipeline-review use plan-data, plan-data uses stage-gates, everything uses app), a test class
// and a component's Jest test reach further, and comments, strings and a variable named like a class are not uses.
// Each overlay adds one use against the arrows. Then the table itself, and the parse on small sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseApexSource } from '../../lib/apex-parse.mjs';
import {
    FEATURE_USES,
    allowedUses,
    apexTypeReferences,
    check,
    componentImports,
    isTestClass
} from '../feature-direction.mjs';
import { findingsFor, describeFindings } from './harness.mjs';

const BASE = 'features/clean';
const TABLE = 'scripts/checks/feature-direction.mjs FEATURE_USES';
const MOVE = 'move what both need down to a feature both may use';

test('features that use each other along the arrows, and tests that reach further, pass', async () => {
    const findings = await findingsFor(check, BASE);
    assert.deepEqual(findings, [], describeFindings(findings));
});

test('a non-test Apex class using a class of a feature it may not use is reported where it is', async () => {
    const findings = await findingsFor(check, BASE, 'features/broken/apex-use');
    const file = 'force-app/main/stage-gates/classes/GateReport.cls';
    assert.deepEqual(describeFindings(findings).split('\n'), [
        `${file}:3: stage-gates uses the Apex class CurrentPlan of plan-data, which it may not use ` +
            `(stage-gates uses app; ${TABLE}): ${MOVE}`,
        `${file}:4: stage-gates uses the Apex class PlanWorkspace of plan-workspace, which it may not use ` +
            `(stage-gates uses app; ${TABLE}): ${MOVE}`
    ]);
});

test('a component importing c/<bundle> of a feature it may not use is reported where it is', async () => {
    const findings = await findingsFor(check, BASE, 'features/broken/lwc-import');
    assert.deepEqual(describeFindings(findings).split('\n'), [
        'force-app/main/pipeline-review/lwc/pipelineReview/pipelineReview.ts:2: pipeline-review uses c/planHealth of ' +
            `plan-workspace, which it may not use (pipeline-review uses plan-data, app; ${TABLE}): ${MOVE}`
    ]);
});

test('a feature folder the table does not name is reported', async () => {
    const findings = await findingsFor(check, BASE, 'features/broken/unknown-feature');
    assert.deepEqual(describeFindings(findings).split('\n'), [
        'force-app/main/forecasts: feature folder forecasts is not in FEATURE_USES ' +
            '(scripts/checks/feature-direction.mjs): declare what it uses there and draw it in docs/architecture.md ' +
            '("The package\'s folders")'
    ]);
});

test('the table goes one way: no feature reaches itself, and every feature but app reaches app', () => {
    for (const feature of Object.keys(FEATURE_USES)) {
        const reached = allowedUses(feature);
        assert.equal(reached.has(feature), false, `${feature} reaches itself through ${[...reached].join(', ')}`);
        assert.ok(
            [...reached].every((used) => Object.hasOwn(FEATURE_USES, used)),
            `${feature} uses unknown features`
        );
        if (feature !== 'app') assert.ok(reached.has('app'), `${feature} may use app`);
    }
    assert.deepEqual([...allowedUses('plan-workspace')].sort(), [
        'app',
        'buyer-page',
        'plan-data',
        'plan-templates',
        'stage-gates'
    ]);
    assert.deepEqual([...allowedUses('stage-gates')], ['app']);
});

test('a test class is one whose top-level type carries @IsTest, in any case and with arguments', () => {
    const parsed = (source) => parseApexSource(source).tree;
    assert.equal(isTestClass(parsed('@IsTest private class A {}')), true);
    assert.equal(isTestClass(parsed('@isTest(SeeAllData=false) private class A {}')), true);
    assert.equal(isTestClass(parsed('public class A { @IsTest static void m() {} }')), false);
    assert.equal(isTestClass(parsed("@SuppressWarnings('PMD') public class A {}")), false);
});

test('Apex references are types, new, catch and the names expressions start with; not members, comments or variables', () => {
    const source = [
        'public class A extends Base implements Shape {', // 1
        '    // Commented.run() is not read', // 2
        '    public static Settings read(Params p) {', // 3
        "        String s = 'Quoted.run()';", // 4
        '        Map<Id, Row> rows = new Map<Id, Row>();', // 5
        '        Integer shown = Counter.next() + p.Member;', // 6
        '        try { Thrower.go(); } catch (Failure e) { return (Settings) e; }', // 7
        '        return shown instanceof Other ? null : new Made(Literal.class);', // 8
        '    }', // 9
        '}' // 10
    ].join('\n');
    const names = apexTypeReferences(parseApexSource(source).tree).map(({ name, line }) => `${line}:${name}`);
    for (const expected of [
        '1:Base',
        '1:Shape',
        '3:Settings',
        '3:Params',
        '5:Row',
        '6:Counter',
        '7:Thrower',
        '7:Failure',
        '7:Settings',
        '8:Other',
        '8:Made',
        '8:Literal'
    ]) {
        assert.ok(names.includes(expected), `${expected} in ${names.join(' ')}`);
    }
    for (const absent of ['Commented', 'Quoted', 'Member', 'run', 'next', 'go', 'shown', 'p', 's', 'e']) {
        assert.ok(!names.some((name) => name.endsWith(`:${absent}`)), `${absent} is not a class reference`);
    }
});

test('component imports of c/<bundle> are read with their lines, static, re-export and dynamic', () => {
    const text = [
        "// import { x } from 'c/commented';",
        "import { a } from 'c/first';",
        "export { b } from 'c/second';",
        "const later = import('c/third');",
        "import { LightningElement } from 'lwc';",
        'const s = "import y from \'c/quoted\'";'
    ].join('\n');
    assert.deepEqual(componentImports(text), [
        { bundle: 'first', line: 2 },
        { bundle: 'second', line: 3 },
        { bundle: 'third', line: 4 }
    ]);
});

// The Apex test step proves itself on deliberately broken copies of the project: a bug planted in a copy of a
// trigger handler makes the package's own Apex test fail, and a construct the runtime does not model is reported
// with its file and line instead of being skipped.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runApexTests } from '../../test-runner.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const HANDLER = join('force-app', 'main', 'plan-data', 'classes', 'PlanMilestoneTriggerHandler.cls');

/** A copy of the packaged directory and sfdx-project.json (without dev/) in a temporary folder. */
function copyProject() {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-apex-'));
    cpSync(join(ROOT, 'force-app'), join(dir, 'force-app'), { recursive: true });
    const project = JSON.parse(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8'));
    project.packageDirectories = project.packageDirectories.filter((entry) => entry.path === 'force-app');
    writeFileSync(join(dir, 'sfdx-project.json'), JSON.stringify(project, null, 2));
    return dir;
}

/** Replaces `from` with `to` in a file of the copy; fails if `from` is not there (the fixture went stale). */
function plant(dir, file, from, to) {
    const path = join(dir, file);
    const source = readFileSync(path, 'utf8');
    assert.ok(source.includes(from), `${file} no longer contains ${JSON.stringify(from)}: update this fixture`);
    writeFileSync(path, source.replace(from, to));
}

/** Adds an Apex class (its source lines and its -meta.xml) to the copy's plan-data folder. */
function addClass(dir, name, lines) {
    const file = join(dir, 'force-app', 'main', 'plan-data', 'classes', `${name}.cls`);
    writeFileSync(file, [...lines, ''].join('\n'));
    writeFileSync(
        `${file}-meta.xml`,
        '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>65.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n'
    );
}

describe('npm run test:apex on broken copies of the project', () => {
    const dirs = [];
    after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

    it('passes the untouched handler tests (the control for the planted bug)', () => {
        const dir = copyProject();
        dirs.push(dir);
        const { results } = runApexTests({
            root: dir,
            only: ['PlanMilestoneDatesTest.stampsTheCompletionDateAndClearsItWhenReopened']
        });
        assert.equal(results.length, 1);
        assert.equal(results[0].ok, true, results[0].message);
    });

    it('fails a package test when the milestone handler no longer stamps completion dates', () => {
        const dir = copyProject();
        dirs.push(dir);
        plant(dir, HANDLER, 'stampCompletion(milestone, statusChanged, today);', '// completion no longer stamped');
        const { results } = runApexTests({
            root: dir,
            only: ['PlanMilestoneDatesTest.stampsTheCompletionDateAndClearsItWhenReopened']
        });
        assert.equal(results.length, 1);
        assert.equal(results[0].ok, false);
        // With no completion date stamped, the Completed_On_When_Complete validation rule refuses the save the
        // test makes: the test fails on the planted bug, at its own line.
        assert.match(results[0].message, /Enter the date this milestone was completed/);
        assert.match(results[0].where ?? '', /PlanMilestoneDatesTest\.cls:\d+/);
    });

    it('reports a construct the runtime does not model with its file and line', () => {
        const dir = copyProject();
        dirs.push(dir);
        // SOSL is outside the runtime (apex-runtime/README.md): a test that reaches it must fail and say where.
        addClass(dir, 'SoslProbeTest', [
            '@IsTest',
            'private class SoslProbeTest {',
            '    @IsTest',
            '    static void searchesContacts() {',
            "        List<List<SObject>> found = [FIND 'Acme' IN ALL FIELDS RETURNING Contact(Id)];",
            '        Assert.areEqual(1, found.size());',
            '    }',
            '}'
        ]);
        const { results } = runApexTests({ root: dir, only: ['SoslProbeTest'] });
        assert.equal(results.length, 1);
        assert.equal(results[0].ok, false);
        assert.match(results[0].message, /not supported by the offline runtime: .*SOSL/i);
        assert.equal(results[0].where, 'SoslProbeTest.cls:5');
    });
});

describe('what the compiler would refuse is reported where it is', () => {
    it('fails a test that writes a formula field, naming the field and the line', () => {
        const dir = copyProject();
        addClass(dir, 'FormulaWriteProbeTest', [
            '@IsTest',
            'private class FormulaWriteProbeTest {',
            '    @IsTest',
            '    static void writesTheHealthFormula() {',
            '        Mutual_Action_Plan__c plan = new Mutual_Action_Plan__c();',
            "        plan.Health__c = 'On Track';",
            '        Assert.isNotNull(plan);',
            '    }',
            '}'
        ]);
        try {
            const { results } = runApexTests({ root: dir, only: ['FormulaWriteProbeTest'] });
            assert.equal(results.length, 1);
            assert.equal(results[0].ok, false);
            assert.match(results[0].message, /Field is not writeable: Mutual_Action_Plan__c\.Health__c/);
            assert.equal(results[0].where, 'FormulaWriteProbeTest.cls:6');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('the day the tests run', () => {
    it('gives the tests, their @TestSetup included, the day and time of day asked for', () => {
        const dir = copyProject();
        addClass(dir, 'TodayProbeTest', [
            '@IsTest',
            'private class TodayProbeTest {',
            '    @TestSetup',
            '    static void dealClosingToday() {',
            "        insert new Opportunity(Name = 'Probe', StageName = 'Prospecting', CloseDate = Date.today());",
            '    }',
            '    @IsTest',
            '    static void seesTheSameDay() {',
            '        Assert.areEqual(Date.newInstance(2024, 2, 29), Date.today());',
            '        Assert.areEqual(Date.today(), [SELECT CloseDate FROM Opportunity].CloseDate);',
            '        Assert.areEqual(Date.today(), System.now().dateGmt());',
            "        Assert.areEqual('23:59', System.now().formatGmt('HH:mm'));",
            '    }',
            '}'
        ]);
        try {
            const asked = runApexTests({
                root: dir,
                only: ['TodayProbeTest'],
                today: '2024-02-29',
                timeOfDay: '23:59:30'
            }).results;
            assert.deepEqual(
                asked.map((result) => [result.ok, result.message]),
                [[true, undefined]]
            );
            // The control: without the options the tests run on the machine's day, which is never that past one.
            const machine = runApexTests({ root: dir, only: ['TodayProbeTest'] }).results;
            assert.equal(machine[0].ok, false);
            assert.match(machine[0].message, /^System\.AssertException: Assertion Failed/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

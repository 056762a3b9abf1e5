// The formulas check and the scenario runner, on throw-away projects: a clean base with a formula field and a
// stage gate rule (ISCHANGED, ISNEW, $Permission, $CustomMetadata), and overlays that each break one thing.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../formulas.mjs';
import { findingsFor, makeProject, removeProject, describeFindings, FIXTURES } from './harness.mjs';
import { runScenarios } from '../../lib/formula-scenarios.mjs';
import { evaluateFormula, describeFormula, describeInputs, FormulaError, tokenize } from '../../lib/formulas.mjs';

const CLEAN = 'formulas/clean';
const RULE = 'force-app/main/default/objects/Opportunity/validationRules/Require_Active_Plan.validationRule-meta.xml';
const PLAN_FIELD = 'force-app/main/default/objects/Mutual_Action_Plan__c/fields/Lands_After_Close__c.field-meta.xml';

describe('formulas check', () => {
    test('finds nothing in the clean fixture', async () => {
        const findings = await findingsFor(check, CLEAN);
        assert.deepEqual(findings, [], describeFindings(findings));
    });

    // Each overlay breaks one formula; the finding must point at the file and line and say what is wrong.
    const broken = [
        { kind: 'syntax-error', file: RULE, line: 9, message: /Require_Active_Plan: syntax error: 1 unclosed "\("/ },
        {
            kind: 'unknown-field',
            file: RULE,
            line: 7,
            message: /Require_Active_Plan: field Active_Plans__c does not exist on Opportunity$/
        },
        {
            kind: 'unknown-function',
            file: RULE,
            line: 8,
            message: /Require_Active_Plan: unknown function ISPICKLIST\(\)$/
        },
        {
            kind: 'picklist-equals',
            file: RULE,
            line: 8,
            message: /type error at `StageName`: a picklist can only be read through ISPICKVAL, TEXT or CASE/
        },
        {
            kind: 'rule-not-boolean',
            file: RULE,
            line: 5,
            message: /Require_Active_Plan: returns Number, but a validation rule must return a Checkbox/
        },
        {
            kind: 'missing-permission',
            file: RULE,
            line: 7,
            message:
                /custom permission Bypass_Gates does not exist \(no customPermissions\/Bypass_Gates\.customPermission-meta\.xml\)/
        },
        {
            kind: 'missing-cmdt-field',
            file: RULE,
            line: 8,
            message: /field Gated_Stages__c does not exist on custom metadata type Plan_Setting__mdt/
        },
        {
            kind: 'missing-cmdt-record',
            file: RULE,
            line: 8,
            message: /custom metadata record Plan_Setting__mdt\.Standard does not exist/
        },
        {
            kind: 'unknown-display-field',
            file: RULE,
            line: 6,
            message: /error display field Stage__c does not exist on Opportunity/
        },
        {
            kind: 'unknown-parent-field',
            file: PLAN_FIELD,
            line: 7,
            message: /Lands_After_Close__c: field Close_Date__c does not exist on Opportunity \(via Opportunity__r\)/
        },
        {
            kind: 'checkbox-returns-number',
            file: PLAN_FIELD,
            line: 5,
            message: /Lands_After_Close__c: returns Number, but the field is Checkbox/
        },
        {
            kind: 'unknown-picklist-value',
            file: PLAN_FIELD,
            line: 7,
            message:
                /"Actve" is not a value of picklist Mutual_Action_Plan__c\.Status__c \(values: Draft, Active, Completed\)/
        },
        // The overlay also adds a validation rule reading the same long text area: allowed, so not reported.
        {
            kind: 'long-text-in-formula-field',
            file: 'force-app/main/default/objects/Mutual_Action_Plan__c/fields/Has_Notes__c.field-meta.xml',
            line: 7,
            message:
                /Has_Notes__c: field Mutual_Action_Plan__c\.Notes__c is a long text area: a formula field cannot reference it/
        },
        {
            kind: 'standard-long-text-in-formula-field',
            file: PLAN_FIELD,
            line: 8,
            message: /Lands_After_Close__c: field Opportunity\.Description is a long text area: a formula field cannot/
        },
        {
            kind: 'ischanged-in-formula-field',
            file: PLAN_FIELD,
            line: 5,
            message: /ISCHANGED\(\) can only be used in validation rules, not in a formula field/
        }
    ];
    for (const { kind, file, line, message } of broken) {
        test(`reports ${kind}`, async () => {
            const findings = await findingsFor(check, CLEAN, `formulas/broken/${kind}`);
            assert.equal(findings.length, 1, describeFindings(findings));
            assert.equal(findings[0].file, file);
            assert.equal(findings[0].line, line, describeFindings(findings));
            assert.match(findings[0].message, message);
        });
    }
});

describe('scenario runner', () => {
    const spec = (base) => JSON.parse(readFileSync(join(base, 'scenarios', 'require-active-plan.json'), 'utf8'));

    test('passes every case of the clean gate', () => {
        const dir = makeProject(CLEAN);
        try {
            const { failed, results } = runScenarios(dir, spec(dir));
            assert.equal(failed, 0, results.map((r) => r.message).join('\n'));
        } finally {
            removeProject(dir);
        }
    });

    test('a wrong expectation fails with a message naming rule, case, expected and actual; a right one passes', () => {
        const dir = makeProject(CLEAN, 'formulas/broken/wrong-expectation');
        try {
            const { passed, failed, results } = runScenarios(dir, spec(dir));
            assert.equal(passed, 1);
            assert.equal(failed, 1);
            assert.equal(results[0].pass, false);
            assert.match(
                results[0].message,
                /^Require_Active_Plan › blocks entering Negotiation\/Review without an active plan: expected false, got true \[/
            );
            // The bound inputs come with the failure, so the row can be fixed from the output alone.
            assert.match(results[0].message, /StageName='Negotiation\/Review'/);
            assert.match(results[0].message, /ISCHANGED\(StageName\)=true/);
            assert.match(results[0].message, /Active_Plan_Count__c=0/);
            assert.equal(results[1].pass, true, results[1].message);
        } finally {
            removeProject(dir);
        }
    });

    test('a rule that matches stages by substring fails the exact-match case', () => {
        const dir = makeProject(CLEAN, 'formulas/broken/scenario-fails');
        try {
            const { failed, results } = runScenarios(dir, spec(dir));
            assert.equal(failed, 1, results.map((r) => r.message).join('\n'));
            const failure = results.find((r) => !r.pass);
            assert.match(
                failure.message,
                /^Require_Active_Plan › does not gate Negotiation, which is only a prefix of a gated stage: expected false, got true/
            );
        } finally {
            removeProject(dir);
        }
    });

    test('a rule that does not compile fails every case with the compile error', () => {
        const dir = makeProject(CLEAN, 'formulas/broken/unknown-field');
        try {
            const { failed, results } = runScenarios(dir, spec(dir));
            assert.equal(failed, results.length);
            assert.match(results[0].message, /does not compile: field Active_Plans__c does not exist on Opportunity/);
        } finally {
            removeProject(dir);
        }
    });

    test('rejects scenario records naming fields that do not exist, instead of reading them as blank', () => {
        const result = runScenarios(join(FIXTURES, CLEAN), {
            object: 'Opportunity',
            rule: 'Require_Active_Plan',
            cases: [{ name: 'typo', record: { StageName: 'Closed Won', Active_Plan_Count_c: 0 }, expect: false }]
        }).results[0];
        assert.equal(result.pass, false);
        assert.match(result.message, /scenario record: field Active_Plan_Count_c does not exist on Opportunity/);
    });

    test('requires case names and expectations', () => {
        const root = join(FIXTURES, CLEAN);
        const base = { object: 'Opportunity', rule: 'Require_Active_Plan' };
        assert.throws(() => runScenarios(root, { ...base, cases: [{ expect: true }] }), /needs a name/);
        assert.throws(() => runScenarios(root, { ...base, cases: [{ name: 'x' }] }), /has no expect/);
        assert.throws(() => runScenarios(root, { ...base, cases: [] }), /no cases/);
    });
});

// The evaluator's own semantics, which every scenario test of the package relies on.
describe('formula evaluation', () => {
    const root = join(FIXTURES, CLEAN);
    const plan = (formula, scenario, returnType) =>
        evaluateFormula(root, { object: 'Mutual_Action_Plan__c', formula, returnType }, scenario);

    test('reads the rule and its inputs from the XML', () => {
        assert.match(
            describeFormula(root, { object: 'Opportunity', rule: 'Require_Active_Plan' }),
            /ISCHANGED\(StageName\).*\$Permission\.Bypass_Plan_Gates/
        );
        const inputs = describeInputs(
            root,
            { object: 'Opportunity', rule: 'Require_Active_Plan' },
            { record: { StageName: 'Closed Won' } }
        );
        // Custom metadata not given by the scenario comes from the project's own record.
        assert.match(inputs, /Active_Plan_Stages__c='Proposal\/Price Quote; Negotiation\/Review'/);
    });

    test('ISCHANGED is false and PRIORVALUE is the current value on a new record', () => {
        const rule = {
            object: 'Opportunity',
            formula: 'AND(NOT(ISCHANGED(StageName)), TEXT(PRIORVALUE(StageName)) = "Closed Won")'
        };
        assert.equal(
            evaluateFormula(root, rule, { isNew: true, changed: ['StageName'], record: { StageName: 'Closed Won' } }),
            true
        );
        const prior = { object: 'Opportunity', formula: 'TEXT(PRIORVALUE(StageName))' };
        assert.equal(
            evaluateFormula(root, prior, { record: { StageName: 'Closed Won' }, prior: { StageName: 'Prospecting' } }),
            'Prospecting'
        );
    });

    test('TODAY() is fixed per scenario and must be given', () => {
        assert.equal(
            plan('TODAY() - Target_Date__c', { today: '2026-03-01', record: { Target_Date__c: '2026-02-20' } }),
            9
        );
        assert.throws(
            () => plan('TODAY() - Target_Date__c', { record: { Target_Date__c: '2026-02-20' } }),
            /must fix `today`/
        );
    });

    test('a division by zero fails the evaluation, unless a branch not taken holds it', () => {
        const counts = { record: { Complete_Count__c: 1, Milestone_Count__c: 0 } };
        assert.throws(() => plan('Complete_Count__c / Milestone_Count__c', counts), FormulaError);
        assert.throws(() => plan('Complete_Count__c / Milestone_Count__c > 0.5', counts), /division by zero/);
        assert.throws(() => plan('BLANKVALUE(Complete_Count__c / Milestone_Count__c, 0)', counts), /division by zero/);
        assert.equal(plan('IF(Milestone_Count__c = 0, 0, Complete_Count__c / Milestone_Count__c)', counts), 0);
        assert.equal(plan('AND(Milestone_Count__c > 0, Complete_Count__c / Milestone_Count__c > 0.5)', counts), false);
    });

    test('blank dates compare as false, not as the epoch', () => {
        assert.equal(
            plan('Target_Date__c < TODAY()', { today: '2026-03-01', record: { Target_Date__c: null } }),
            false
        );
    });

    test('percent fields are stored as whole percentages, as the API returns them', () => {
        const field = { object: 'Mutual_Action_Plan__c', field: 'Completion_Percent__c' };
        assert.equal(evaluateFormula(root, field, { record: { Complete_Count__c: 1, Milestone_Count__c: 4 } }), 25);
        assert.equal(evaluateFormula(root, field, { record: { Complete_Count__c: 0, Milestone_Count__c: 0 } }), 0);
    });

    test('is case-insensitive like Salesforce', () => {
        assert.equal(plan('if(isblank(target_date__c), true, false)', { record: {} }), true);
    });

    test('tokenizes comments and text with their lines', () => {
        const tokens = tokenize('/* a\nb */ "x" & \'y\'');
        assert.deepEqual(
            tokens.filter((t) => t.kind !== 'space').map((t) => [t.kind, t.line]),
            [
                ['comment', 1],
                ['string', 2],
                ['operator', 2],
                ['string', 2]
            ]
        );
    });
});

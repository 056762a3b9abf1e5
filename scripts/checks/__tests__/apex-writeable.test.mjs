// apex-writeable against its fixtures. The clean project assigns only writable fields (and Id, which names a record
// to update). The broken overlay adds a formula field, a roll-up, an auto-number name and a class and trigger that
// assign them, audit and platform-set standard fields, in each form the check treats as certain, next to writes it
// must leave alone (a class field of an Apex type, list elements, dynamic field names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsFor, describeFindings, makeProject, removeProject } from './harness.mjs';
import { check } from '../apex-writeable.mjs';
import { parseApexSource } from '../../lib/apex-parse.mjs';
import { loadSchema } from '../../lib/apex-schema.mjs';
import { checkWrites } from '../../lib/apex-writes.mjs';

const CLASSES = 'force-app/main/default/classes';
const lines = (findings) => findings.map((f) => `${f.file}:${f.line}: ${f.message}`);

test('the clean project writes no read-only field', async () => {
    const findings = await findingsFor(check, 'apex/clean');
    assert.deepEqual(findings, [], describeFindings(findings));
});

test('reports formula, roll-up, auto-number, audit and platform-set fields assigned in Apex, as the compiler does', async () => {
    const file = `${CLASSES}/PlanWriter.cls`;
    const findings = await findingsFor(check, 'apex/clean', 'apex/broken/read-only-field-write');
    assert.deepEqual(lines(findings), [
        // new X(Field = value)
        `${file}:11: Field is not writeable: Mutual_Action_Plan__c.Health__c (a formula field)`,
        // a parameter, and a loop variable
        `${file}:15: Field is not writeable: Mutual_Action_Plan__c.Milestone_Count__c (a roll-up summary field)`,
        `${file}:17: Field is not writeable: Mutual_Action_Plan__c.Health__c (a formula field)`,
        // this.field (the plain `deal.StageName` on the line before is writable)
        `${file}:23: Field is not writeable: Opportunity.IsWon (set by the platform from StageName)`,
        // a local variable, then put() with a literal name
        `${file}:28: Field is not writeable: Plan_Milestone__c.Name (an auto-number field)`,
        `${file}:29: Field is not writeable: Plan_Milestone__c.CreatedDate (an audit field)`,
        `${file}:34: Field is not writeable: Contact.Name (the compound full name, written through FirstName and LastName)`,
        // a trigger's top-level variable
        'force-app/main/default/triggers/DealCloser.trigger:3: Field is not writeable: Opportunity.IsClosed (set by the platform from StageName)'
    ]);
});

test('skips files with syntax errors (apex-syntax reports them) instead of guessing', async () => {
    const findings = await findingsFor(check, 'apex/clean', 'apex/broken/syntax');
    assert.deepEqual(findings, [], describeFindings(findings));
});

// Which declaration a name refers to decides whether a write is certain: Apex scoping, one statement at a time.
test('resolves the written variable the way Apex scopes names', () => {
    const dir = makeProject('apex/clean', 'apex/broken/read-only-field-write');
    try {
        const schema = loadSchema(dir);
        const cases = [
            ['a property of the class', 'Opportunity deal { get; set; }', 'deal.IsWon = true;', 'Opportunity.IsWon'],
            [
                'a catch variable shadows a field',
                'Opportunity e;',
                'try {} catch (Exception e) { e.IsWon = true; }',
                ''
            ],
            [
                'a `when` type variable',
                '',
                'switch on o { when Opportunity w { w.IsClosed = true; } }',
                'Opportunity.IsClosed'
            ],
            [
                'an increment',
                'Mutual_Action_Plan__c p;',
                'p.Milestone_Count__c++;',
                'Mutual_Action_Plan__c.Milestone_Count__c'
            ],
            [
                'a compound assignment',
                'Mutual_Action_Plan__c p;',
                'p.Milestone_Count__c += 1;',
                'Mutual_Action_Plan__c.Milestone_Count__c'
            ],
            [
                'Schema-qualified and namespaced types',
                '',
                'Schema.tandem__Mutual_Action_Plan__c p; p.tandem__Health__c = null;',
                'Mutual_Action_Plan__c.Health__c'
            ],
            [
                'a local declared in an inner block is out of scope after it (d is the plan field here)',
                'Mutual_Action_Plan__c d;',
                '{ Opportunity d; } d.IsWon = true;',
                ''
            ],
            ['a generic SObject is not certain', '', "SObject g = new Opportunity(); g.put('IsWon', true);", ''],
            ['a dynamic field name is not certain', 'Opportunity deal;', 'deal.put(String.valueOf(o), true);', ''],
            ['a type named like an Apex class is not an SObject', 'Opportunity deal;', 'Contact c; c.Name = null;', '']
        ];
        for (const [behaviour, members, statements, expected] of cases) {
            const source = `public class A { ${members} void f(Object o) { ${statements} } }`;
            const { tree, errors } = parseApexSource(source);
            assert.deepEqual(errors, [], behaviour);
            const messages = checkWrites(tree, schema, new Set(['a', 'contact'])).map((p) => p.message);
            const want = expected ? [`Field is not writeable: ${expected}`] : [];
            // The reason in parentheses is pinned by the fixture test above.
            assert.deepEqual(
                messages.map((m) => m.replace(/ \(.*\)$/, '')),
                want,
                behaviour
            );
        }
    } finally {
        removeProject(dir);
    }
});

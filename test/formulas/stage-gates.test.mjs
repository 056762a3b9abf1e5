// The stage gate contract (docs: DESIGN.md, "The stage gate contract"), evaluated against the package's own
// validation rules Require_Active_Plan and Require_Accepted_Plan, read from their XML.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { scenarioTests } from '../../scripts/lib/formula-scenarios.mjs';
import { findFormula } from '../../scripts/lib/formulas.mjs';
import { ROOT, SETTING, shipped, stageList, fieldXml, first } from './support.mjs';

// Salesforce's default Opportunity stages: what a subscriber org most likely has.
const STANDARD_STAGES = [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Lost'
];

const GATES = [
    {
        rule: 'Require_Active_Plan',
        setting: 'Active_Plan_Stages__c',
        plan: 'an active plan',
        // Roll-up counts on the Opportunity: what "has a plan" means to the rule.
        without: [{ label: 'no plan at all', counts: { Active_Plan_Count__c: 0, Accepted_Plan_Count__c: 0 } }],
        with: { label: 'an active plan', counts: { Active_Plan_Count__c: 1, Accepted_Plan_Count__c: 0 } },
        message: /active mutual action plan/i
    },
    {
        rule: 'Require_Accepted_Plan',
        setting: 'Accepted_Plan_Stages__c',
        plan: 'a buyer-accepted plan',
        without: [
            { label: 'no plan at all', counts: { Active_Plan_Count__c: 0, Accepted_Plan_Count__c: 0 } },
            {
                label: 'an active plan the buyer has not accepted',
                counts: { Active_Plan_Count__c: 1, Accepted_Plan_Count__c: 0 }
            }
        ],
        with: {
            label: 'an active plan the buyer accepted',
            counts: { Active_Plan_Count__c: 1, Accepted_Plan_Count__c: 1 }
        },
        message: /accept/i
    }
];

for (const gate of GATES) {
    const target = { object: 'Opportunity', rule: gate.rule };
    const setting = (value) => ({ [SETTING]: { [gate.setting]: value } });
    const none = gate.without[0].counts;
    // A stage change into `stage` from a stage no setting gates.
    const entering = (stage, extra = {}) => ({
        changed: ['StageName'],
        prior: { StageName: 'Qualification' },
        ...extra,
        record: { StageName: stage, ...none, ...extra.record }
    });

    describe(`${gate.rule}: entering a gated stage`, () => {
        const listed = setting('Proposal/Price Quote;Negotiation/Review');
        scenarioTests(test, ROOT, {
            ...target,
            cases: [
                ...gate.without.map(({ label, counts }) => ({
                    name: `blocks entering a listed stage with ${label}`,
                    ...entering('Negotiation/Review', { record: counts }),
                    customMetadata: listed,
                    expect: true
                })),
                {
                    name: `allows entering a listed stage with ${gate.with.label}`,
                    ...entering('Negotiation/Review', { record: gate.with.counts }),
                    customMetadata: listed,
                    expect: false
                },
                ...gate.without.map(({ label, counts }) => ({
                    name: `blocks a new record created directly in a listed stage with ${label}`,
                    record: { StageName: 'Proposal/Price Quote', ...counts },
                    isNew: true,
                    customMetadata: listed,
                    expect: true
                })),
                {
                    name: 'allows a new record created in a stage that is not listed',
                    record: { StageName: 'Prospecting', ...none },
                    isNew: true,
                    customMetadata: listed,
                    expect: false
                },
                {
                    name: 'blocks moving from one listed stage to another without the plan',
                    ...entering('Negotiation/Review', { prior: { StageName: 'Proposal/Price Quote' } }),
                    customMetadata: listed,
                    expect: true
                },
                {
                    name: 'allows entering a stage that is not listed',
                    ...entering('Value Proposition'),
                    customMetadata: listed,
                    expect: false
                },
                {
                    name: 'allows leaving a listed stage for one that is not listed',
                    ...entering('Qualification', { prior: { StageName: 'Negotiation/Review' } }),
                    customMetadata: listed,
                    expect: false
                }
            ]
        });
    });

    describe(`${gate.rule}: saves that do not change the stage`, () => {
        const listed = setting('Negotiation/Review');
        scenarioTests(test, ROOT, {
            ...target,
            cases: [
                {
                    name: 'never blocks editing the amount of a deal already in a listed stage without a plan',
                    record: { StageName: 'Negotiation/Review', Amount: 120000, ...none },
                    changed: ['Amount'],
                    prior: { StageName: 'Negotiation/Review', Amount: 100000 },
                    customMetadata: listed,
                    expect: false
                },
                {
                    name: 'never blocks a save that changes nothing on a deal in a listed stage',
                    record: { StageName: 'Negotiation/Review', ...none },
                    changed: [],
                    customMetadata: listed,
                    expect: false
                },
                {
                    name: 'never blocks moving the close date of a deal in a listed stage',
                    record: { StageName: 'Negotiation/Review', CloseDate: '2026-06-30', ...none },
                    changed: ['CloseDate'],
                    prior: { CloseDate: '2026-05-31' },
                    customMetadata: listed,
                    expect: false
                }
            ]
        });
    });

    describe(`${gate.rule}: stage names match exactly`, () => {
        const cases = [
            ['does not gate Closed Won when the setting lists Closed', 'Closed', 'Closed Won', false],
            [
                'does not gate Negotiation/Review when the setting lists Negotiation',
                'Negotiation',
                'Negotiation/Review',
                false
            ],
            [
                'does not gate Negotiation when the setting lists Negotiation/Review',
                'Negotiation/Review',
                'Negotiation',
                false
            ],
            ['does not gate Review, the end of a listed stage name', 'Negotiation/Review', 'Review', false],
            ['does not gate Closed when the setting lists Closed Won', 'Closed Won', 'Closed', false],
            ['gates a stage listed alone', 'Negotiation/Review', 'Negotiation/Review', true],
            ['gates the first stage of a list', 'Negotiation/Review;Closed Won', 'Negotiation/Review', true],
            ['gates the last stage of a list', 'Negotiation/Review;Closed Won', 'Closed Won', true],
            [
                'gates a stage in the middle of a list',
                'Value Proposition;Negotiation/Review;Closed Won',
                'Negotiation/Review',
                true
            ],
            ['tolerates a space after ;', 'Proposal/Price Quote; Negotiation/Review', 'Negotiation/Review', true],
            ['tolerates spaces after ; before the last stage', 'Proposal/Price Quote;  Closed Won', 'Closed Won', true],
            [
                'tolerates a space after ; in the middle of a list',
                'Prospecting; Negotiation/Review; Closed Won',
                'Negotiation/Review',
                true
            ],
            ['tolerates a space before ;', 'Negotiation/Review ;Closed Won', 'Negotiation/Review', true],
            ['tolerates spaces around the whole setting', ' Negotiation/Review ', 'Negotiation/Review', true],
            ['tolerates a trailing ;', 'Proposal/Price Quote;Negotiation/Review;', 'Negotiation/Review', true],
            [
                'matches stage names case-sensitively, as the picklist stores them',
                'negotiation/review',
                'Negotiation/Review',
                false
            ],
            [
                'does not gate on a space-separated partial name',
                'Proposal/Price Quote; Negotiation',
                'Negotiation/Review',
                false
            ]
        ];
        scenarioTests(test, ROOT, {
            ...target,
            cases: cases.map(([name, value, stage, blocks]) => ({
                name,
                ...entering(stage),
                customMetadata: setting(value),
                expect: blocks
            }))
        });
    });

    // "Advance into" (DESIGN.md, the stage gate contract): forward in the sales-process order the Tandem Setup page
    // keeps in Stage_Order__c (OpportunityStage.SortOrder, from the first gated stage on), or a new record.
    describe(`${gate.rule}: advancing, by the sales-process order`, () => {
        const order = 'Proposal/Price Quote;Negotiation/Review;Closed Won;Closed Lost';
        const ordered = (value, stages = order) => ({
            [SETTING]: { [gate.setting]: value, Stage_Order__c: stages }
        });
        const move = (from, to, extra = {}) => ({
            changed: ['StageName'],
            prior: { StageName: from },
            record: { StageName: to, ...none, ...extra }
        });
        scenarioTests(test, ROOT, {
            ...target,
            cases: [
                {
                    name: 'blocks moving forward from the stage just before a gated one',
                    ...move('Proposal/Price Quote', 'Negotiation/Review'),
                    customMetadata: ordered('Negotiation/Review'),
                    expect: true
                },
                {
                    name: 'blocks moving forward from a stage earlier than every stage the order keeps',
                    ...move('Qualification', 'Negotiation/Review'),
                    customMetadata: ordered('Negotiation/Review'),
                    expect: true
                },
                {
                    name: 'blocks skipping stages: Prospecting straight to a gated Closed Won',
                    ...move('Prospecting', 'Closed Won'),
                    customMetadata: ordered('Negotiation/Review;Closed Won'),
                    expect: true
                },
                {
                    name: 'blocks skipping a gated stage into a later gated one',
                    ...move('Proposal/Price Quote', 'Closed Won'),
                    customMetadata: ordered('Negotiation/Review;Closed Won'),
                    expect: true
                },
                {
                    name: 'never blocks moving back from Closed Won into a gated stage',
                    ...move('Closed Won', 'Negotiation/Review'),
                    customMetadata: ordered('Negotiation/Review'),
                    expect: false
                },
                {
                    name: 'never blocks moving back from one gated stage into an earlier gated one',
                    ...move('Negotiation/Review', 'Proposal/Price Quote'),
                    customMetadata: ordered('Proposal/Price Quote;Negotiation/Review'),
                    expect: false
                },
                {
                    name: 'never blocks reopening a Closed Lost deal into a gated stage (a move back)',
                    ...move('Closed Lost', 'Negotiation/Review'),
                    customMetadata: ordered('Negotiation/Review'),
                    expect: false
                },
                {
                    name: 'follows a reordered sales process: Negotiation/Review before Proposal/Price Quote',
                    ...move('Negotiation/Review', 'Proposal/Price Quote'),
                    customMetadata: ordered(
                        'Proposal/Price Quote',
                        'Negotiation/Review;Proposal/Price Quote;Closed Won;Closed Lost'
                    ),
                    expect: true
                },
                {
                    name: 'in the reordered process, the move the standard order calls forward is a move back',
                    ...move('Proposal/Price Quote', 'Negotiation/Review'),
                    customMetadata: ordered(
                        'Negotiation/Review',
                        'Negotiation/Review;Proposal/Price Quote;Closed Won;Closed Lost'
                    ),
                    expect: false
                },
                {
                    name: 'still blocks a new record created in a gated stage, whatever the order',
                    record: { StageName: 'Negotiation/Review', ...none },
                    isNew: true,
                    customMetadata: ordered('Negotiation/Review'),
                    expect: true
                },
                {
                    name: 'with no order kept, blocks every stage change into a gated stage, back moves included',
                    ...move('Closed Won', 'Negotiation/Review'),
                    customMetadata: ordered('Negotiation/Review', null),
                    expect: true
                },
                {
                    name: 'blocks entering a gated stage the kept order does not know (order saved before it was gated)',
                    ...move('Closed Won', 'Value Proposition'),
                    customMetadata: ordered('Value Proposition;Negotiation/Review', order),
                    expect: true
                },
                {
                    name: 'lets a moved-back deal with the plan through, as any deal with the plan',
                    ...move('Proposal/Price Quote', 'Negotiation/Review', gate.with.counts),
                    customMetadata: ordered('Negotiation/Review'),
                    expect: false
                },
                {
                    name: 'finds stages in the order by whole name: Review is not the end of Negotiation/Review',
                    ...move('Review', 'Closed Won'),
                    customMetadata: ordered('Closed Won', 'Negotiation/Review;Closed Won;Closed Lost'),
                    expect: true
                }
            ]
        });
    });

    describe(`${gate.rule}: a blank setting gates nothing`, () => {
        scenarioTests(test, ROOT, {
            ...target,
            cases: [null, ''].flatMap((value) => [
                {
                    name: `does not gate any stage change when the setting is ${value === null ? 'blank' : 'empty text'}`,
                    ...entering('Negotiation/Review'),
                    customMetadata: setting(value),
                    expect: false
                },
                {
                    name: `does not gate a new record when the setting is ${value === null ? 'blank' : 'empty text'}`,
                    record: { StageName: 'Closed Won', ...none },
                    isNew: true,
                    customMetadata: setting(value),
                    expect: false
                }
            ])
        });
    });

    describe(`${gate.rule}: Bypass_Plan_Gates`, () => {
        const listed = setting('Negotiation/Review');
        scenarioTests(test, ROOT, {
            ...target,
            cases: [
                {
                    name: 'never blocks a user holding Bypass_Plan_Gates on a stage change',
                    ...entering('Negotiation/Review'),
                    permissions: ['Bypass_Plan_Gates'],
                    customMetadata: listed,
                    expect: false
                },
                {
                    name: 'never blocks a user holding Bypass_Plan_Gates creating a record in a listed stage',
                    record: { StageName: 'Negotiation/Review', ...none },
                    isNew: true,
                    permissions: ['Bypass_Plan_Gates'],
                    customMetadata: listed,
                    expect: false
                },
                {
                    name: 'still blocks users holding other permissions only',
                    ...entering('Negotiation/Review'),
                    permissions: ['Some_Other_Permission'],
                    customMetadata: listed,
                    expect: true
                }
            ]
        });
    });

    describe(`${gate.rule}: the shipped Default setting`, () => {
        const gated = stageList(shipped(gate.setting));
        test(`a fresh install gates nothing: the shipped ${gate.setting} lists no stage`, () => {
            assert.deepEqual(gated, [], `shipped ${gate.setting}: ${shipped(gate.setting)}`);
        });
        test(`the shipped ${gate.setting} does not list Closed Lost`, () => {
            assert.ok(!gated.includes('Closed Lost'), `shipped ${gate.setting}: ${shipped(gate.setting)}`);
        });
        scenarioTests(test, ROOT, {
            ...target,
            cases: [
                ...gated.map((stage) => ({
                    name: `blocks entering ${stage} without ${gate.plan} (shipped setting)`,
                    ...entering(stage),
                    expect: true
                })),
                ...gated.map((stage) => ({
                    name: `allows entering ${stage} with ${gate.with.label} (shipped setting)`,
                    ...entering(stage, { record: gate.with.counts }),
                    expect: false
                })),
                ...STANDARD_STAGES.filter((stage) => !gated.includes(stage)).map((stage) => ({
                    name: `does not gate ${stage} (shipped setting)`,
                    ...entering(stage),
                    expect: false
                })),
                {
                    name: 'never gates moving a deal to Closed Lost without a plan (shipped setting)',
                    ...entering('Closed Lost', { prior: { StageName: 'Negotiation/Review' } }),
                    expect: false
                },
                {
                    name: 'never gates a new record created as Closed Lost (shipped setting)',
                    record: { StageName: 'Closed Lost', ...none },
                    isNew: true,
                    expect: false
                }
            ]
        });
    });

    describe(`${gate.rule}: what the user sees`, () => {
        test('is active', () => {
            assert.equal(findFormula(ROOT, target).entry.active, true);
        });
        test('shows its error on the Stage field', () => {
            assert.equal(findFormula(ROOT, target).entry.errorDisplayField, 'StageName');
        });
        test('says what to do to move on', () => {
            const { errorMessage } = findFormula(ROOT, target).entry;
            assert.match(errorMessage ?? '', gate.message);
            assert.match(errorMessage ?? '', /\b(add|create|record|get|ask)\b/i, `not an instruction: ${errorMessage}`);
        });
        test(`reads its stages from Plan_Setting__mdt.${gate.setting}, not from literals`, () => {
            const { analysis } = findFormula(ROOT, target);
            const names = analysis.references.map((reference) => reference.parts.join('.'));
            assert.ok(names.includes(`$CustomMetadata.Plan_Setting__mdt.Default.${gate.setting}`), names.join(', '));
        });
    });
}

// The rules read roll-up counts; what those count decides what "has an active plan" means.
describe('the plan roll-ups the gates read', () => {
    const filters = (field) =>
        [].concat(fieldXml('Opportunity', field).summaryFilterItems ?? []).map((item) => ({
            field: first(item, 'field'),
            operation: first(item, 'operation'),
            value: first(item, 'value')
        }));
    const rollup = (field) => fieldXml('Opportunity', field);

    // A Success plan (Plan_Type__c) is the hand-off after the deal is won: no gate counts it. "Not equal to Success"
    // keeps the plans saved before types were kept (blank) counted as close plans.
    const closePlansOnly = { field: 'Mutual_Action_Plan__c.Plan_Type__c', operation: 'notEqual', value: 'Success' };

    test('Active_Plan_Count__c counts the opportunity’s close plans whose status is Active', () => {
        assert.equal(first(rollup('Active_Plan_Count__c'), 'type'), 'Summary');
        assert.equal(first(rollup('Active_Plan_Count__c'), 'summaryOperation'), 'count');
        assert.equal(
            first(rollup('Active_Plan_Count__c'), 'summaryForeignKey'),
            'Mutual_Action_Plan__c.Opportunity__c'
        );
        assert.deepEqual(filters('Active_Plan_Count__c'), [
            { field: 'Mutual_Action_Plan__c.Status__c', operation: 'equals', value: 'Active' },
            closePlansOnly
        ]);
    });

    test('Accepted_Plan_Count__c counts Active close plans the buyer accepted', () => {
        assert.equal(first(rollup('Accepted_Plan_Count__c'), 'type'), 'Summary');
        assert.equal(first(rollup('Accepted_Plan_Count__c'), 'summaryOperation'), 'count');
        assert.equal(
            first(rollup('Accepted_Plan_Count__c'), 'summaryForeignKey'),
            'Mutual_Action_Plan__c.Opportunity__c'
        );
        const byField = Object.fromEntries(filters('Accepted_Plan_Count__c').map((f) => [f.field, f]));
        assert.deepEqual(byField['Mutual_Action_Plan__c.Status__c'], {
            field: 'Mutual_Action_Plan__c.Status__c',
            operation: 'equals',
            value: 'Active'
        });
        assert.equal(byField['Mutual_Action_Plan__c.Buyer_Accepted__c']?.operation, 'equals');
        assert.match(byField['Mutual_Action_Plan__c.Buyer_Accepted__c']?.value ?? '', /^(true|1)$/i);
        assert.deepEqual(byField['Mutual_Action_Plan__c.Plan_Type__c'], closePlansOnly);
    });
});

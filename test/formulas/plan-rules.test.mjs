// Mutual_Action_Plan__c validation rules, evaluated from their XML.
import { describe, test } from 'node:test';
import { scenarioTests } from '../../scripts/lib/formula-scenarios.mjs';
import { ROOT } from './support.mjs';

const PLAN = 'Mutual_Action_Plan__c';
const CONTACT = '003000000000001AAA';

// One Active plan per opportunity is judged by the plan trigger on the statuses after the save (a rule reading
// the opportunity's Active_Plan_Count__c roll-up sees it as before the save): MutualActionPlanTriggerHandlerTest.

describe('Buyer_Acceptance_Needs_Contact', () => {
    scenarioTests(test, ROOT, {
        object: PLAN,
        rule: 'Buyer_Acceptance_Needs_Contact',
        cases: [
            {
                name: 'blocks marking the plan accepted without the contact who accepted it',
                record: { Buyer_Accepted__c: true, Buyer_Accepted_By__c: null },
                expect: true
            },
            {
                name: 'allows an accepted plan that names who accepted it',
                record: { Buyer_Accepted__c: true, Buyer_Accepted_By__c: CONTACT },
                expect: false
            },
            {
                name: 'allows a plan not yet accepted',
                record: { Buyer_Accepted__c: false, Buyer_Accepted_By__c: null },
                expect: false
            }
        ]
    });
});

// The buyer's target date: after today and within three years (1,095 days) whenever it is set; a plan whose date has
// passed stays editable.
const TODAY = '2026-03-02';
for (const [rule, cases] of [
    [
        'Target_Date_After_Today',
        [
            ['blocks a new plan whose target date is today', { isNew: true, record: { Target_Date__c: TODAY } }, true],
            [
                'blocks a new plan whose target date has passed',
                { isNew: true, record: { Target_Date__c: '2026-02-27' } },
                true
            ],
            [
                'allows a new plan whose target date is tomorrow',
                { isNew: true, record: { Target_Date__c: '2026-03-03' } },
                false
            ],
            ['allows a new plan with no target date yet', { isNew: true, record: { Target_Date__c: null } }, false],
            [
                'allows loading a completed plan whose target date has passed (history)',
                { isNew: true, record: { Target_Date__c: '2025-11-20', Status__c: 'Completed' } },
                false
            ],
            [
                'allows loading a cancelled plan whose target date has passed (history)',
                { isNew: true, record: { Target_Date__c: '2025-11-20', Status__c: 'Cancelled' } },
                false
            ],
            [
                'blocks loading an active plan whose target date has passed',
                { isNew: true, record: { Target_Date__c: '2025-11-20', Status__c: 'Active' } },
                true
            ],
            [
                'blocks moving the target date into the past',
                {
                    record: { Target_Date__c: '2026-03-01' },
                    prior: { Target_Date__c: '2026-04-01' },
                    changed: ['Target_Date__c']
                },
                true
            ],
            [
                'allows editing a plan whose target date has passed when the date is not touched',
                { record: { Target_Date__c: '2026-01-15' }, prior: { Target_Date__c: '2026-01-15' } },
                false
            ]
        ]
    ],
    [
        'Target_Date_Within_Three_Years',
        [
            ['allows a target date 1,095 days out', { isNew: true, record: { Target_Date__c: '2029-03-01' } }, false],
            ['blocks a target date 1,096 days out', { isNew: true, record: { Target_Date__c: '2029-03-02' } }, true],
            [
                'blocks a typo in the year (2062 for 2026)',
                { isNew: true, record: { Target_Date__c: '2062-04-30' } },
                true
            ],
            [
                'blocks moving the target date decades out',
                {
                    record: { Target_Date__c: '2206-04-30' },
                    prior: { Target_Date__c: '2026-04-30' },
                    changed: ['Target_Date__c']
                },
                true
            ],
            [
                'leaves an unchanged far date alone (set before the rule existed)',
                { record: { Target_Date__c: '2031-01-01' }, prior: { Target_Date__c: '2031-01-01' } },
                false
            ]
        ]
    ]
]) {
    describe(rule, () => {
        scenarioTests(test, ROOT, {
            object: PLAN,
            rule,
            defaults: { today: TODAY, record: { Status__c: 'Draft' } },
            cases: cases.map(([name, scenario, expect]) => ({ name, ...scenario, expect }))
        });
    });
}

// Acceptance_Status__c: the trigger (PlanVersions) clears Buyer_Accepted__c when the plan moves past the accepted
// version and keeps Accepted_Version__c, so the formula tells a lapsed acceptance from one never given.
describe('Acceptance_Status__c', () => {
    scenarioTests(test, ROOT, {
        object: PLAN,
        field: 'Acceptance_Status__c',
        cases: [
            {
                name: 'is Accepted while the buyer accepted the current version',
                record: { Buyer_Accepted__c: true, Accepted_Version__c: 3, Version__c: 3 },
                expect: 'Accepted'
            },
            {
                name: 'is Lapsed when the buyer accepted an earlier version',
                record: { Buyer_Accepted__c: false, Accepted_Version__c: 2, Version__c: 3 },
                expect: 'Lapsed'
            },
            {
                name: 'is Lapsed against a plan saved before versions were kept (version blank counts as 1)',
                record: { Buyer_Accepted__c: false, Accepted_Version__c: 0, Version__c: null },
                expect: 'Lapsed'
            },
            {
                name: 'is Not Accepted when nobody accepted',
                record: { Buyer_Accepted__c: false, Accepted_Version__c: null, Version__c: 1 },
                expect: 'Not Accepted'
            },
            {
                name: 'is Not Accepted when the acceptance was withdrawn at the current version',
                record: { Buyer_Accepted__c: false, Accepted_Version__c: 4, Version__c: 4 },
                expect: 'Not Accepted'
            },
            {
                name: 'is Accepted for an acceptance recorded before versions were kept',
                record: { Buyer_Accepted__c: true, Accepted_Version__c: null, Version__c: null },
                expect: 'Accepted'
            }
        ]
    });
});

// The template a plan was drafted from never changes once set; a blank one (a plan saved before templates were
// recorded) may be filled in. The milestones' Template_Step_Kept is the same rule: test/formulas/milestones.test.mjs.
describe('Template_Kept', () => {
    scenarioTests(test, ROOT, {
        object: PLAN,
        rule: 'Template_Kept',
        cases: [
            {
                name: 'blocks changing the template of a plan drafted from one',
                record: { Template__c: 'Mid_Market' },
                changed: ['Template__c'],
                prior: { Template__c: 'Enterprise' },
                expect: true
            },
            {
                name: 'blocks clearing it',
                record: { Template__c: null },
                changed: ['Template__c'],
                prior: { Template__c: 'Enterprise' },
                expect: true
            },
            {
                name: 'allows filling in the template of a plan saved before templates were recorded',
                record: { Template__c: 'Enterprise' },
                changed: ['Template__c'],
                prior: { Template__c: null },
                expect: false
            },
            {
                name: 'allows a new plan with its template',
                isNew: true,
                record: { Template__c: 'Enterprise' },
                expect: false
            },
            {
                name: 'allows any other change of a plan with a template',
                record: { Template__c: 'Enterprise', Name: 'Renamed' },
                changed: ['Name'],
                prior: { Template__c: 'Enterprise', Name: 'Old' },
                expect: false
            }
        ]
    });
});

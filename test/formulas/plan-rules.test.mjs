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

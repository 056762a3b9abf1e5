// Mutual_Action_Plan__c validation rules, evaluated from their XML.
import { describe, test } from 'node:test';
import { scenarioTests } from '../../scripts/lib/formula-scenarios.mjs';
import { ROOT } from './support.mjs';

const PLAN = 'Mutual_Action_Plan__c';
const CONTACT = '003000000000001AAA';

describe('One_Active_Plan_Per_Opportunity', () => {
    // Active_Plan_Count__c on the opportunity counts saved Active plans, this one included once it is saved.
    scenarioTests(test, ROOT, {
        object: PLAN,
        rule: 'One_Active_Plan_Per_Opportunity',
        cases: [
            {
                name: 'blocks creating an Active plan when the opportunity already has one',
                isNew: true,
                record: { Status__c: 'Active', 'Opportunity__r.Active_Plan_Count__c': 1 },
                expect: true
            },
            {
                name: 'allows creating the first Active plan',
                isNew: true,
                record: { Status__c: 'Active', 'Opportunity__r.Active_Plan_Count__c': 0 },
                expect: false
            },
            {
                name: 'allows creating a Draft plan next to an Active one',
                isNew: true,
                record: { Status__c: 'Draft', 'Opportunity__r.Active_Plan_Count__c': 1 },
                expect: false
            },
            {
                name: 'blocks activating a Draft plan when another plan is Active',
                record: { Status__c: 'Active', 'Opportunity__r.Active_Plan_Count__c': 1 },
                changed: ['Status__c'],
                prior: { Status__c: 'Draft' },
                expect: true
            },
            {
                name: 'allows activating a Draft plan when no other plan is Active',
                record: { Status__c: 'Active', 'Opportunity__r.Active_Plan_Count__c': 0 },
                changed: ['Status__c'],
                prior: { Status__c: 'Draft' },
                expect: false
            },
            {
                name: 'never blocks editing the Active plan itself, which the count includes',
                record: {
                    Status__c: 'Active',
                    Shared_Objective__c: 'Go live by Q3',
                    'Opportunity__r.Active_Plan_Count__c': 1
                },
                changed: ['Shared_Objective__c'],
                expect: false
            },
            {
                name: 'allows completing the Active plan',
                record: { Status__c: 'Completed', 'Opportunity__r.Active_Plan_Count__c': 1 },
                changed: ['Status__c'],
                prior: { Status__c: 'Active' },
                expect: false
            },
            {
                name: 'allows cancelling a plan while another is Active',
                record: { Status__c: 'Cancelled', 'Opportunity__r.Active_Plan_Count__c': 1 },
                changed: ['Status__c'],
                prior: { Status__c: 'Draft' },
                expect: false
            }
        ]
    });
});

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

// The embedded org's data-load mode (createOrg({ triggers: 'off', validationRules: 'off' })): a large load with the
// org's automation deactivated, as "Best Practices for Deployments with Large Data Volumes" ("Loading Data from the
// API") advises; the scale bench loads 550,000 records this way. Everything else of a save still applies.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createOrg } from '../../preview/org/org.mjs';
import { ROOT, TODAY, deal, dmlError, newOrg, rule } from './support.mjs';

/** An Active plan the buyer accepted without naming who: Buyer_Acceptance_Needs_Contact refuses it. */
function acceptedWithoutContact(opportunityId) {
    return { Name: 'Loaded plan', Opportunity__c: opportunityId, Status__c: 'Active', Buyer_Accepted__c: true };
}

describe('data-load org (validation rules off)', () => {
    test('saves a record an active validation rule refuses, and still rolls it up to its parent', () => {
        const { org } = newOrg({ validationRules: 'off' });
        const { opportunityId } = deal(org);
        const [planId] = org.insert('Mutual_Action_Plan__c', acceptedWithoutContact(opportunityId));
        assert.equal(org.get('Mutual_Action_Plan__c', planId).Buyer_Accepted__c, true);
        // Roll-up summaries still apply: the opportunity counts the Active plan, the accepted one too.
        const opportunity = org.get('Opportunity', opportunityId);
        assert.equal(opportunity.Active_Plan_Count__c, 1);
        assert.equal(opportunity.Accepted_Plan_Count__c, 1);
    });

    test('still applies system validation: a required field left out fails the save', () => {
        const { org } = newOrg({ validationRules: 'off' });
        const error = dmlError(() => org.insert('Mutual_Action_Plan__c', { Name: 'No opportunity' }));
        assert.equal(error.errors[0].statusCode, 'REQUIRED_FIELD_MISSING');
    });

    test('an org with only the triggers off keeps its validation rules: the same save is refused', () => {
        const { org } = newOrg();
        const { opportunityId } = deal(org);
        const error = dmlError(() => org.insert('Mutual_Action_Plan__c', acceptedWithoutContact(opportunityId)));
        const expected = rule(org, 'Mutual_Action_Plan__c', 'Buyer_Acceptance_Needs_Contact');
        assert.equal(error.errors[0].statusCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
        assert.equal(error.errors[0].message, expected.errorMessage);
    });

    test('is not carried by a snapshot: an org restored from it applies the rules to the next save', () => {
        const { org } = newOrg({ validationRules: 'off' });
        const { opportunityId } = deal(org);
        const [planId] = org.insert('Mutual_Action_Plan__c', {
            ...acceptedWithoutContact(opportunityId),
            Buyer_Accepted__c: false
        });
        const restored = createOrg({ root: ROOT, from: org.snapshot(), triggers: 'off' });
        const error = dmlError(() => restored.update('Mutual_Action_Plan__c', { Id: planId, Buyer_Accepted__c: true }));
        assert.equal(error.errors[0].statusCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    });

    test('is only offered with the triggers off, and only as "off"', () => {
        const users = [{ FirstName: 'Ada', LastName: 'Admin' }];
        assert.throws(() => createOrg({ root: ROOT, today: TODAY, users, validationRules: 'off' }), TypeError);
        assert.throws(
            () => createOrg({ root: ROOT, today: TODAY, users, triggers: 'off', validationRules: 'on' }),
            TypeError
        );
    });
});

// Shared by the embedded org's tests of the package's rules: the objects' names and the check that a failed save
// carries a validation rule's own message on its display field, both read from the metadata.
import assert from 'node:assert/strict';
import { DmlError } from '../../preview/org/org.mjs';
import { rule } from './support.mjs';

export const OPP = 'Opportunity';
export const PLAN = 'Mutual_Action_Plan__c';
export const MILESTONE = 'Plan_Milestone__c';
export const CHANGE = 'Milestone_Date_Change__c';

/** The one error of a failed save, checked to be the rule's message on the rule's display field. */
export function assertRuleError(org, error, object, name) {
    const expected = rule(org, object, name);
    assert.ok(error instanceof DmlError);
    assert.equal(error.errors.length, 1, JSON.stringify(error.errors));
    const [only] = error.errors;
    assert.equal(only.statusCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    assert.equal(only.message, expected.errorMessage);
    assert.equal(only.field, expected.errorDisplayField ?? null);
    if (expected.errorDisplayField) {
        assert.deepEqual(error.body.fieldErrors[expected.errorDisplayField], [
            { message: expected.errorMessage, statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' }
        ]);
    }
}

// The embedded org applies the package's stage gates on every save: Require_Active_Plan and Require_Accepted_Plan,
// their bypass, and the gated stages read from Plan_Setting__mdt. Messages, display fields and gated stages are read
// from the metadata, never restated here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newApexOrg, rule, settings, deal, plan, dmlError } from './support.mjs';
import { OPP, PLAN, assertRuleError } from './rule-error.mjs';

describe('stage gates (Require_Active_Plan, Require_Accepted_Plan)', () => {
    test('moving an opportunity into a gated stage without an active plan is blocked with the rule message on StageName', () => {
        const { org } = newApexOrg({ gates: true });
        const { opportunityId } = deal(org);
        const stage = settings(org).activeOnly;
        const error = dmlError(() => org.update(OPP, { Id: opportunityId, StageName: stage }));
        assertRuleError(org, error, OPP, 'Require_Active_Plan');
        assert.equal(rule(org, OPP, 'Require_Active_Plan').errorDisplayField, 'StageName');
        assert.equal(error.body.message, rule(org, OPP, 'Require_Active_Plan').errorMessage);
        assert.notEqual(org.get(OPP, opportunityId).StageName, stage, 'the stage did not change');
    });

    test('a user holding the bypass permission set moves it anyway', () => {
        const { org, loader } = newApexOrg({ gates: true });
        const { opportunityId } = deal(org);
        const stage = settings(org).activeOnly;
        assert.deepEqual(org.permissionsOf(loader), ['Bypass_Plan_Gates']);
        org.update(OPP, { Id: opportunityId, StageName: stage }, { as: loader });
        assert.equal(org.get(OPP, opportunityId).StageName, stage);
    });

    test('creating an opportunity directly in a gated stage is blocked too (ISNEW)', () => {
        const { org } = newApexOrg({ gates: true });
        const error = dmlError(() => deal(org, { stage: settings(org).activeOnly }));
        assertRuleError(org, error, OPP, 'Require_Active_Plan');
    });

    test('editing the amount of a legacy late-stage deal without a plan passes (the stage did not change)', () => {
        const { org, loader } = newApexOrg({ gates: true });
        const { opportunityId } = deal(org, { stage: settings(org).accepted, as: loader });
        assert.equal(org.get(OPP, opportunityId).Active_Plan_Count__c, 0);
        org.update(OPP, { Id: opportunityId, Amount: 99000, NextStep: 'Send the renewal quote' });
        assert.equal(org.get(OPP, opportunityId).Amount, 99000);
    });

    test('activating a plan updates Active_Plan_Count__c, and then the move into the gated stage passes', () => {
        const { org } = newApexOrg({ gates: true });
        const ids = deal(org);
        const { planId } = plan(org, ids);
        assert.equal(org.get(OPP, ids.opportunityId).Active_Plan_Count__c, 0, 'a draft plan does not count');
        org.update(PLAN, { Id: planId, Status__c: 'Active' });
        assert.equal(org.get(OPP, ids.opportunityId).Active_Plan_Count__c, 1);
        org.update(OPP, { Id: ids.opportunityId, StageName: settings(org).activeOnly });
        assert.equal(org.get(OPP, ids.opportunityId).StageName, settings(org).activeOnly);
    });

    test('a stage that needs a buyer-accepted plan is blocked until the buyer accepts, then passes', () => {
        const { org } = newApexOrg({ gates: true });
        const ids = deal(org);
        const { planId } = plan(org, ids, { status: 'Active' });
        const stage = settings(org).accepted;
        const error = dmlError(() => org.update(OPP, { Id: ids.opportunityId, StageName: stage }));
        assertRuleError(org, error, OPP, 'Require_Accepted_Plan');
        org.update(PLAN, { Id: planId, Buyer_Accepted__c: true, Buyer_Accepted_By__c: ids.buyerId });
        const opportunity = org.get(OPP, ids.opportunityId);
        assert.equal(opportunity.Accepted_Plan_Count__c, 1);
        org.update(OPP, { Id: ids.opportunityId, StageName: stage });
        assert.equal(org.get(OPP, ids.opportunityId).StageName, stage);
    });

    test('the gated stages come from Plan_Setting__mdt: an admin change applies to the next save', () => {
        const { org } = newApexOrg({ gates: true });
        const { opportunityId } = deal(org);
        const shippedGate = settings(org).activeOnly;
        org.setCustomMetadata('Plan_Setting__mdt.Default', {
            Active_Plan_Stages__c: 'Id. Decision Makers; Closed Won'
        });
        const error = dmlError(() => org.update(OPP, { Id: opportunityId, StageName: 'Closed Won' }));
        assertRuleError(org, error, OPP, 'Require_Active_Plan');
        org.update(OPP, { Id: opportunityId, StageName: shippedGate });
        assert.equal(org.get(OPP, opportunityId).StageName, shippedGate, 'no longer gated');
        org.setCustomMetadata('Plan_Setting__mdt.Default', null);
        const shipped = org.schema.customMetadata('Plan_Setting__mdt').find((r) => r.DeveloperName === 'Default');
        assert.equal(settings(org).Active_Plan_Stages__c, shipped.Active_Plan_Stages__c, 'the override is dropped');
    });

    test('a fresh install gates nothing: with the shipped settings a deal without a plan enters every stage', () => {
        const { org } = newApexOrg();
        const { opportunityId } = deal(org);
        for (const stage of ['Proposal/Price Quote', 'Negotiation/Review', 'Closed Won']) {
            org.update(OPP, { Id: opportunityId, StageName: stage });
            assert.equal(org.get(OPP, opportunityId).StageName, stage);
        }
        assert.equal(deal(org, { stage: 'Negotiation/Review' }).opportunityId.length, 18, 'created in a late stage');
    });

    test('Closed Lost is never gated by the shipped defaults', () => {
        const { org } = newApexOrg({ gates: true });
        const { opportunityId } = deal(org);
        org.update(OPP, { Id: opportunityId, StageName: 'Closed Lost' });
        const opportunity = org.get(OPP, opportunityId);
        assert.equal(opportunity.IsClosed, true);
        assert.equal(opportunity.IsWon, false);
        assert.equal(opportunity.Probability, 0);
    });

    test('cancelling the only plan of a deal in a gated stage saves the opportunity for its roll-up, and the gate lets it', () => {
        const { org } = newApexOrg({ gates: true });
        const ids = deal(org);
        const { planId } = plan(org, ids, { status: 'Active' });
        org.update(OPP, { Id: ids.opportunityId, StageName: settings(org).activeOnly });
        const before = org.get(OPP, ids.opportunityId).LastModifiedDate;
        org.update(PLAN, { Id: planId, Status__c: 'Cancelled' });
        const opportunity = org.get(OPP, ids.opportunityId);
        assert.equal(opportunity.Active_Plan_Count__c, 0);
        assert.equal(opportunity.StageName, settings(org).activeOnly);
        assert.ok(opportunity.LastModifiedDate >= before);
    });
});

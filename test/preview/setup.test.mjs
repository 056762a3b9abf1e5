// The Tandem Setup page end to end on the embedded org: an admin's save goes through TandemSetupController, is
// deployed as the Plan_Setting__mdt Default record after the save commits (Metadata.Operations.enqueueDeployment on
// the offline runtime), the callback marks the change Succeeded, and from then on the stage-gate rules of the
// metadata enforce what the admin picked: advancing into a gated stage needs a plan, an unchanged stage never does.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createApexSession } from '../../apex-runtime/session.mjs';
import { ROOT, TODAY, apexProgram, deal, dmlError, rule, settings } from './support.mjs';

const REQUEST = {
    activePlanStages: ['Proposal/Price Quote', 'Negotiation/Review'],
    acceptedPlanStages: ['Negotiation/Review'],
    thresholds: { atRiskOverdueDays: 2, offTrackOverdueDays: 8, atRiskSlipDays: 10, stalePlanDays: 14 }
};

function newSession() {
    const users = [
        { FirstName: 'Ada', LastName: 'Admin', Username: 'ada@setup.example', permissionSets: ['Tandem_Admin'] },
        {
            FirstName: 'Sam',
            LastName: 'Seller',
            Username: 'sam@setup.example',
            profile: 'Standard User',
            permissionSets: ['Tandem_User']
        }
    ];
    const session = createApexSession(apexProgram(), { root: ROOT, today: TODAY, users });
    return { session, org: session.org, admin: users[0].Id, ae: users[1].Id };
}

const call = (session, userId, method, params = {}) =>
    session.transaction(userId, (rt) => rt.callAura('TandemSetupController', method, params));

describe('the Tandem Setup page turns the gates on', () => {
    let session;
    let org;
    let admin;
    let ae;
    let legacy;
    let saved;
    before(() => {
        ({ session, org, admin, ae } = newSession());
        // Before: a fresh install gates nothing, so a deal can be created straight into Negotiation/Review.
        legacy = deal(org, { stage: 'Negotiation/Review', as: ae });
        saved = call(session, admin, 'saveSetup', { request: REQUEST });
    });

    test('the save answers at once with the change queued, and the deployment lands after the save commits', () => {
        assert.equal(saved.lastChange.status, 'Queued');
        assert.deepEqual(
            session.asyncJobs.map((job) => [job.type, job.status]),
            [
                ['Metadata deployment', 'Succeeded'],
                ['DeployCallback', 'Completed']
            ]
        );
        const setting = settings(org);
        assert.equal(setting.Active_Plan_Stages__c, 'Proposal/Price Quote;Negotiation/Review');
        assert.equal(setting.Accepted_Plan_Stages__c, 'Negotiation/Review');
        assert.equal(setting.Stage_Order__c, 'Proposal/Price Quote;Negotiation/Review;Closed Won;Closed Lost');
        assert.equal(setting.Off_Track_Overdue_Days__c, 8);
    });

    test('the page then shows the change Succeeded and the gates ticked', () => {
        const view = call(session, admin, 'getSetup');
        assert.equal(view.lastChange.status, 'Succeeded');
        assert.ok(view.lastChange.completedOn, 'with when it completed');
        const byName = Object.fromEntries(view.stages.map((stage) => [stage.apiName, stage]));
        assert.equal(byName['Proposal/Price Quote'].requiresActivePlan, true);
        assert.equal(byName['Negotiation/Review'].requiresAcceptedPlan, true);
        assert.equal(byName['Negotiation/Review'].openWithoutActivePlan, 1, 'the legacy deal has no plan');
        assert.equal(byName['Closed Lost'].canGate, false);
    });

    test('a deal advancing into a now-gated stage without a plan is blocked by the rule the admin turned on', () => {
        const { opportunityId } = deal(org, { stage: 'Prospecting', as: ae });
        const error = dmlError(() =>
            org.update('Opportunity', { Id: opportunityId, StageName: 'Proposal/Price Quote' }, { as: ae })
        );
        assert.match(
            error.message,
            new RegExp(rule(org, 'Opportunity', 'Require_Active_Plan').errorMessage.slice(0, 30))
        );
    });

    test('the legacy deal already in the gated stage keeps working: editing it is never blocked', () => {
        org.update('Opportunity', { Id: legacy.opportunityId, Amount: 99000 }, { as: ae });
        assert.equal(org.get('Opportunity', legacy.opportunityId).Amount, 99000);
    });

    test('a user without Configure Tandem is refused and nothing is deployed', () => {
        const before = session.asyncJobs.length;
        assert.throws(
            () =>
                call(session, ae, 'saveSetup', {
                    request: { ...REQUEST, activePlanStages: [], acceptedPlanStages: [] }
                }),
            (error) => /Configure Tandem/.test(error.apexMessage)
        );
        assert.equal(session.asyncJobs.length, before);
        assert.equal(settings(org).Active_Plan_Stages__c, 'Proposal/Price Quote;Negotiation/Review');
    });
});

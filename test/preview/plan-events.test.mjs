// Plan events reach the org's event bus as a subscriber would receive them: published by the package's own triggers
// when the transaction of a real screen or action commits, once per change, and never for a transaction that fails
// (Plan_Event__e is Publish After Commit: "Publish Event Messages with Apex", Platform Events Developer Guide).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newApexOrg, deal, plan, addDays, TODAY } from './support.mjs';

const EVENT = 'Plan_Event__e';

/** The published plan events as subscribers see them: kind, plan and opportunity Ids, reason. */
const received = (org) =>
    org.publishedEvents(EVENT).map(({ fields }) => ({
        kind: fields.Kind__c,
        plan: fields.Plan__c,
        opportunity: fields.Opportunity__c,
        reason: fields.Reason__c
    }));

describe('plan events on the embedded org', () => {
    test('activating a plan in the workspace publishes one Activated event when the save commits', () => {
        const { org, session, ae } = newApexOrg();
        const ids = deal(org);
        const { planId } = plan(org, ids, { status: 'Draft', as: ae });
        assert.deepEqual(received(org), [], 'a Draft plan is news to nobody');

        session.transaction(ae, (rt) =>
            rt.callAura('PlanWorkspaceController', 'setPlanStatus', { planId, status: 'Active', loaded: null })
        );

        const events = received(org);
        assert.equal(events.length, 1, JSON.stringify(events));
        assert.equal(events[0].kind, 'Activated');
        assert.equal(events[0].plan.slice(0, 15), planId.slice(0, 15));
        assert.equal(events[0].opportunity.slice(0, 15), ids.opportunityId.slice(0, 15));
        assert.match(events[0].reason, /^Activated by /);
    });

    test('a date moved later by the Flow action publishes one Slipped event for the plan, with the reason', () => {
        const { org, session, ae } = newApexOrg();
        const ids = deal(org);
        const { planId, milestoneIds } = plan(org, ids, { status: 'Active', as: ae });
        const before = received(org).length;

        const moved = addDays(TODAY, 14);
        session.transaction(ae, (rt) =>
            rt.runAnonymous(`
                MoveMilestoneDateAction.Request request = new MoveMilestoneDateAction.Request();
                request.milestoneId = '${milestoneIds[0]}';
                request.newDueDate = Date.valueOf('${moved}');
                request.slipReason = 'Procurement';
                MoveMilestoneDateAction.Result result = MoveMilestoneDateAction.run(
                    new List<MoveMilestoneDateAction.Request>{ request }
                )[0];
                Assert.isTrue(result.success, result.message);
            `)
        );

        const slips = received(org)
            .slice(before)
            .filter((event) => event.kind === 'Slipped');
        assert.equal(slips.length, 1, 'one event for the plan, however many milestones moved with it');
        assert.equal(slips[0].plan.slice(0, 15), planId.slice(0, 15));
        assert.match(slips[0].reason, /^“Step 1” moved 5 working days later \(Procurement\)/);
    });

    test('a transaction that fails after the change publishes nothing', () => {
        const { org, session, ae } = newApexOrg();
        const ids = deal(org);
        const { planId } = plan(org, ids, { status: 'Draft', as: ae });

        assert.throws(() =>
            session.transaction(
                ae,
                (rt) =>
                    rt.runAnonymous(`
                        update new Mutual_Action_Plan__c(Id = '${planId}', Status__c = 'Active');
                        throw new IllegalArgumentException('the rest of the flow failed');
                    `),
                // All or nothing, as the platform rolls back a transaction an exception ends.
                { atomic: true }
            )
        );

        assert.equal(org.get('Mutual_Action_Plan__c', planId).Status__c, 'Draft', 'the save was rolled back');
        assert.deepEqual(received(org), [], 'and its event was never published');
    });
});

// The embedded org applies the package's own metadata on every save: the stage gates, the plan and milestone
// rules, the package's Apex triggers (run by the offline Apex runtime), roll-ups with their filters and formula
// fields, in the platform's order. Messages, display fields, gated stages and thresholds are read from the
// metadata, never restated here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DmlError, toId18, idSuffix } from '../../preview/org/org.mjs';
import { newApexOrg, rule, settings, deal, plan, dmlError, addDays, TODAY } from './support.mjs';

const OPP = 'Opportunity';
const PLAN = 'Mutual_Action_Plan__c';
const MILESTONE = 'Plan_Milestone__c';
const CHANGE = 'Milestone_Date_Change__c';

/** The one error of a failed save, checked to be the rule's message on the rule's display field. */
function assertRuleError(org, error, object, name) {
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

describe('plan and milestone triggers (the Apex handlers, through the runtime)', () => {
    test('first activation stamps Activated_On__c and baselines every milestone to its due date', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId, milestoneIds } = plan(org, ids);
        assert.equal(org.get(MILESTONE, milestoneIds[0]).Baseline_Date__c, undefined);
        org.update(PLAN, { Id: planId, Status__c: 'Active' });
        assert.match(org.get(PLAN, planId).Activated_On__c, new RegExp(`^${TODAY}T`));
        for (const id of milestoneIds) {
            const milestone = org.get(MILESTONE, id);
            assert.equal(milestone.Baseline_Date__c, milestone.Due_Date__c);
            assert.equal(milestone.Slip_Days__c, 0);
        }
        const added = org.insert(MILESTONE, {
            Name: 'Added later',
            Plan__c: planId,
            Side__c: 'Seller',
            Seller_Owner__c: org.currentUserId,
            Due_Date__c: addDays(TODAY, 40)
        });
        assert.equal(org.get(MILESTONE, added[0]).Baseline_Date__c, addDays(TODAY, 40), 'added to an Active plan');
    });

    test('activation is blocked, naming the milestone, when a joint milestone of the plan has no buyer owner', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId, milestoneIds } = plan(org, ids);
        org.update(MILESTONE, { Id: milestoneIds[1], Buyer_Owner__c: null });
        const error = dmlError(() => org.update(PLAN, { Id: planId, Status__c: 'Active' }));
        const ownerRule = rule(org, MILESTONE, 'Buyer_Owner_In_Active_Plan');
        assert.equal(error.errors.length, 1);
        assert.equal(error.errors[0].field, null);
        assert.equal(
            error.errors[0].message,
            `Before this plan can be active, fix milestone "Step 2": ${ownerRule.errorMessage}`
        );
        assert.equal(error.body.pageErrors[0].message, error.errors[0].message);
        assert.equal(org.get(PLAN, planId).Status__c, 'Draft', 'the activation was rolled back');
        assert.equal(org.get(MILESTONE, milestoneIds[0]).Baseline_Date__c, undefined, 'so were the baselines');
        assert.equal(org.get(OPP, ids.opportunityId).Active_Plan_Count__c, 0);
    });

    test('completing a milestone stamps Completed_On__c and Status_Changed_On__c; reopening clears the completion', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { milestoneIds } = plan(org, ids, { status: 'Active' });
        const [id] = milestoneIds;
        assert.equal(org.get(MILESTONE, id).Status__c, 'Not Started', 'the picklist default');
        org.setToday(addDays(TODAY, 3));
        org.update(MILESTONE, { Id: id, Status__c: 'Complete' });
        assert.equal(org.get(MILESTONE, id).Completed_On__c, addDays(TODAY, 3));
        assert.equal(org.get(MILESTONE, id).Status_Changed_On__c, addDays(TODAY, 3));
        org.setToday(addDays(TODAY, 5));
        org.update(MILESTONE, { Id: id, Status__c: 'In Progress' });
        assert.equal(org.get(MILESTONE, id).Completed_On__c, null);
        assert.equal(org.get(MILESTONE, id).Status_Changed_On__c, addDays(TODAY, 5));
        org.update(MILESTONE, { Id: id, Name: 'Renamed' });
        assert.equal(org.get(MILESTONE, id).Status_Changed_On__c, addDays(TODAY, 5), 'no status change, no stamp');
    });

    test('two plans of one opportunity activated in one save: the trigger rejects the second', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const error = dmlError(() =>
            org.insert(PLAN, [
                { Name: 'One', Opportunity__c: ids.opportunityId, Status__c: 'Active' },
                { Name: 'Two', Opportunity__c: ids.opportunityId, Status__c: 'Active' }
            ])
        );
        assert.deepEqual(
            error.errors.map((e) => [e.recordIndex, e.field]),
            [[1, 'Status__c']]
        );
        assert.match(error.errors[0].message, /same save/);
        assert.equal(org.query(PLAN).length, 0);
    });

    test('a second Active plan later is rejected by the plan trigger, on its status', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        plan(org, ids, { status: 'Active' });
        const error = dmlError(() =>
            org.insert(PLAN, { Name: 'Another', Opportunity__c: ids.opportunityId, Status__c: 'Active' })
        );
        assert.deepEqual(
            error.errors.map((e) => [e.recordIndex, e.field]),
            [[0, 'Status__c']]
        );
        assert.match(error.errors[0].message, /already has an active mutual action plan/);
        assert.equal(org.query(PLAN).length, 1);
    });

    test('buyer acceptance stamps Buyer_Accepted_On__c and needs the contact who accepted', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId } = plan(org, ids, { status: 'Active' });
        const error = dmlError(() => org.update(PLAN, { Id: planId, Buyer_Accepted__c: true }));
        assertRuleError(org, error, PLAN, 'Buyer_Acceptance_Needs_Contact');
        org.update(PLAN, { Id: planId, Buyer_Accepted__c: true, Buyer_Accepted_By__c: ids.buyerId });
        assert.match(org.get(PLAN, planId).Buyer_Accepted_On__c, new RegExp(`^${TODAY}T`));
        org.update(PLAN, { Id: planId, Buyer_Accepted__c: false });
        assert.equal(org.get(PLAN, planId).Buyer_Accepted_On__c, null);
    });
});

describe('roll-up summaries with their filters', () => {
    test('counts (all but skipped, complete, buyer, buyer complete) follow milestone insert, update and delete', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId, milestoneIds } = plan(org, ids, { count: 4 });
        const counts = () => {
            const p = org.get(PLAN, planId);
            return [
                p.Milestone_Count__c,
                p.Completed_Milestone_Count__c,
                p.Buyer_Milestone_Count__c,
                p.Buyer_Completed_Milestone_Count__c
            ];
        };
        assert.deepEqual(counts(), [4, 0, 0, 0]);
        org.update(MILESTONE, [
            { Id: milestoneIds[0], Side__c: 'Buyer', Status__c: 'Complete' },
            { Id: milestoneIds[1], Side__c: 'Buyer' },
            { Id: milestoneIds[2], Status__c: 'Skipped' }
        ]);
        assert.deepEqual(counts(), [3, 1, 2, 1]);
        assert.equal(org.get(PLAN, planId).Completion_Percent__c, 33);
        assert.equal(org.get(PLAN, planId).Buyer_Completion_Percent__c, 50);
        org.remove(MILESTONE, milestoneIds[0]);
        assert.deepEqual(counts(), [2, 0, 1, 0]);
        org.insert(MILESTONE, {
            Name: 'New',
            Plan__c: planId,
            Side__c: 'Buyer',
            Due_Date__c: TODAY,
            Status__c: 'Complete'
        });
        assert.deepEqual(counts(), [3, 1, 2, 1]);
    });

    test('Next_Due_Date__c is the earliest open due date (MIN with filters) and moves as milestones close or go', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId, milestoneIds } = plan(org, ids);
        assert.equal(org.get(PLAN, planId).Next_Due_Date__c, addDays(TODAY, 7));
        org.update(MILESTONE, { Id: milestoneIds[0], Status__c: 'Complete' });
        assert.equal(org.get(PLAN, planId).Next_Due_Date__c, addDays(TODAY, 14));
        org.update(MILESTONE, { Id: milestoneIds[1], Status__c: 'Skipped' });
        assert.equal(org.get(PLAN, planId).Next_Due_Date__c, addDays(TODAY, 21));
        org.remove(MILESTONE, milestoneIds[2]);
        assert.equal(org.get(PLAN, planId).Next_Due_Date__c, null, 'nothing open');
    });

    test('Projected_Close_Date__c follows the milestone that marks the close, and the variance reads the close date', () => {
        const { org } = newApexOrg();
        const ids = deal(org, { closeDate: addDays(TODAY, 30) });
        const { planId, milestoneIds } = plan(org, ids);
        const closing = org.get(PLAN, planId);
        assert.equal(closing.Projected_Close_Date__c, addDays(TODAY, 21));
        assert.equal(closing.Close_Date_Variance_Days__c, -9);
        org.update(MILESTONE, { Id: milestoneIds[2], Due_Date__c: addDays(TODAY, 35) });
        assert.equal(org.get(PLAN, planId).Projected_Close_Date__c, addDays(TODAY, 35));
        assert.equal(org.get(PLAN, planId).Close_Date_Variance_Days__c, 5);
        org.update(OPP, { Id: ids.opportunityId, CloseDate: addDays(TODAY, 40) });
        assert.equal(
            org.get(PLAN, planId).Close_Date_Variance_Days__c,
            -5,
            'a parent field read through Opportunity__r'
        );
        org.update(MILESTONE, { Id: milestoneIds[2], Marks_Close__c: false });
        assert.equal(org.get(PLAN, planId).Projected_Close_Date__c, null);
    });

    test('Total_Slip_Days__c sums only slips later than the baseline', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId, milestoneIds } = plan(org, ids, { status: 'Active' });
        org.update(MILESTONE, [
            { Id: milestoneIds[0], Due_Date__c: addDays(TODAY, 10), Slip_Reason__c: 'Legal review' },
            { Id: milestoneIds[1], Due_Date__c: addDays(TODAY, 9) }
        ]);
        // Slip days count working days (a Monday TODAY: +14 to +9 is Mon to Wed, three working days earlier).
        assert.equal(org.get(MILESTONE, milestoneIds[1]).Slip_Days__c, -3);
        assert.equal(org.get(PLAN, planId).Total_Slip_Days__c, 3);
    });
});

describe('formula fields are computed on read', () => {
    test('Health__c: Draft, then On Track, then At Risk and Off Track as the clock passes an open milestone', () => {
        const { org } = newApexOrg();
        const ids = deal(org, { closeDate: addDays(TODAY, 60) });
        const { planId } = plan(org, ids);
        const setting = settings(org);
        assert.equal(org.get(PLAN, planId).Health__c, 'Draft');
        org.update(PLAN, { Id: planId, Status__c: 'Active' });
        assert.equal(org.get(PLAN, planId).Health__c, 'On Track');
        org.setToday(addDays(TODAY, 7 + setting.At_Risk_Overdue_Days__c));
        assert.equal(org.get(PLAN, planId).Days_Overdue__c, setting.At_Risk_Overdue_Days__c);
        assert.equal(org.get(PLAN, planId).Health__c, 'At Risk');
        org.setToday(addDays(TODAY, 7 + setting.Off_Track_Overdue_Days__c));
        assert.equal(org.get(PLAN, planId).Health__c, 'Off Track');
        assert.equal(org.query(PLAN, { Health__c: 'Off Track' }).length, 1, 'queries see formula values');
    });

    test('Is_Stale__c: an Active plan nothing has moved on for Stale_Plan_Days__c', () => {
        const { org } = newApexOrg();
        const ids = deal(org, { closeDate: addDays(TODAY, 120) });
        const { planId, milestoneIds } = plan(org, ids);
        const stale = settings(org).Stale_Plan_Days__c;
        org.update(
            MILESTONE,
            milestoneIds.map((id, i) => ({ Id: id, Due_Date__c: addDays(TODAY, 60 + i) }))
        );
        org.update(PLAN, { Id: planId, Status__c: 'Active' });
        org.setToday(addDays(TODAY, stale - 1));
        assert.equal(org.get(PLAN, planId).Is_Stale__c, false);
        org.setToday(addDays(TODAY, stale));
        assert.equal(org.get(PLAN, planId).Is_Stale__c, true);
        assert.equal(org.get(PLAN, planId).Health__c, 'At Risk');
    });

    test('Is_Overdue__c and Days_Overdue__c on the milestone', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { milestoneIds } = plan(org, ids);
        org.setToday(addDays(TODAY, 10));
        const milestone = org.get(MILESTONE, milestoneIds[0]);
        assert.equal(milestone.Is_Overdue__c, true);
        assert.equal(milestone.Days_Overdue__c, 3);
    });
});

describe('slips', () => {
    test('a baselined due date moved later without a reason fails with the rule message on Slip_Reason__c', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { milestoneIds } = plan(org, ids, { status: 'Active' });
        const error = dmlError(() => org.update(MILESTONE, { Id: milestoneIds[0], Due_Date__c: addDays(TODAY, 12) }));
        assertRuleError(org, error, MILESTONE, 'Slip_Reason_When_Moved_Later');
        assert.equal(error.errors[0].field, 'Slip_Reason__c');
        assert.equal(org.get(MILESTONE, milestoneIds[0]).Due_Date__c, addDays(TODAY, 7));
    });

    test('a slip writes one Milestone_Date_Change__c with the dates, days moved, reason, note and who', () => {
        const { org, ae } = newApexOrg();
        const ids = deal(org);
        const { planId, milestoneIds } = plan(org, ids, { status: 'Active' });
        org.update(MILESTONE, {
            Id: milestoneIds[0],
            Due_Date__c: addDays(TODAY, 12),
            Slip_Reason__c: 'Security review',
            Slip_Note__c: 'Pen test retest on Friday'
        });
        const [change] = org.query(CHANGE);
        assert.equal(org.query(CHANGE).length, 1);
        assert.equal(change.Plan__c, planId);
        assert.equal(change.Milestone__c, milestoneIds[0]);
        assert.equal(change.Previous_Date__c, addDays(TODAY, 7));
        assert.equal(change.New_Date__c, addDays(TODAY, 12));
        assert.equal(change.Days_Moved__c, 4, 'Mon +7 to Sat +12: four working days');
        assert.equal(change.Reason__c, 'Security review');
        assert.equal(change.Note__c, 'Pen test retest on Friday');
        assert.equal(change.Changed_By__c, ae);
        assert.match(change.Name, /\d/, 'auto-numbered');
        assert.equal(org.get(MILESTONE, milestoneIds[0]).Slip_Days__c, 4);
        // Pulled back in: a row, without the reason left over from the slip.
        org.update(MILESTONE, { Id: milestoneIds[0], Due_Date__c: addDays(TODAY, 8) });
        const pulled = org.query(CHANGE).find((row) => row.Days_Moved__c === -3);
        assert.equal(pulled.Reason__c, null);
    });

    test('moves while the plan is a draft are planning: no reason needed and no history', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { milestoneIds } = plan(org, ids);
        org.update(MILESTONE, { Id: milestoneIds[0], Due_Date__c: addDays(TODAY, 20) });
        assert.equal(org.query(CHANGE).length, 0);
    });
});

describe('saving as the platform does', () => {
    test('a failed transaction leaves no partial changes: records, roll-ups and history are as before', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId, milestoneIds } = plan(org, ids, { status: 'Active' });
        const before = {
            counts: org.counts(),
            plan: org.get(PLAN, planId),
            opportunity: org.get(OPP, ids.opportunityId)
        };
        assert.throws(
            () =>
                org.transaction(() => {
                    org.update(MILESTONE, {
                        Id: milestoneIds[0],
                        Due_Date__c: addDays(TODAY, 9),
                        Slip_Reason__c: 'Other'
                    });
                    org.update(MILESTONE, { Id: milestoneIds[1], Status__c: 'Complete' });
                    org.insert(MILESTONE, {
                        Name: 'Extra',
                        Plan__c: planId,
                        Side__c: 'Seller',
                        Seller_Owner__c: org.currentUserId,
                        Due_Date__c: TODAY
                    });
                    org.update(OPP, { Id: ids.opportunityId, StageName: settings(org).accepted });
                }),
            DmlError
        );
        assert.deepEqual(org.counts(), before.counts);
        assert.deepEqual(org.get(PLAN, planId), before.plan);
        assert.deepEqual(org.get(OPP, ids.opportunityId), before.opportunity);
        assert.equal(org.get(MILESTONE, milestoneIds[0]).Due_Date__c, addDays(TODAY, 7));
        assert.equal(org.query(CHANGE).length, 0);
    });

    test('a transaction that succeeds keeps everything and returns what fn returns', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const result = org.transaction(() => plan(org, ids, { status: 'Active' }));
        assert.equal(org.get(PLAN, result.planId).Status__c, 'Active');
    });

    test('one bad record fails the whole call (all or none); allOrNone false saves the rest', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId } = plan(org, ids, { count: 0 });
        const good = { Name: 'Fine', Plan__c: planId, Due_Date__c: TODAY };
        const bad = { Name: 'No date', Plan__c: planId };
        const error = dmlError(() => org.insert(MILESTONE, [good, bad]));
        assert.deepEqual(error.errors[0], {
            recordIndex: 1,
            field: 'Due_Date__c',
            fields: ['Due_Date__c'],
            message: 'Required fields are missing: [Due_Date__c]',
            statusCode: 'REQUIRED_FIELD_MISSING',
            sobject: MILESTONE
        });
        assert.equal(org.query(MILESTONE).length, 0);
        const results = org.insert(MILESTONE, [{ ...good }, { ...bad }], { allOrNone: false });
        assert.deepEqual(
            results.map((result) => result.success),
            [true, false]
        );
        assert.equal(org.get(PLAN, planId).Milestone_Count__c, 1);
    });

    test('system validation: restricted picklists, lengths, number ranges, lookup targets, with platform status codes', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId } = plan(org, ids, { count: 0 });
        const error = dmlError(() =>
            org.insert(MILESTONE, {
                Name: 'x'.repeat(81),
                Plan__c: planId,
                Due_Date__c: TODAY,
                Status__c: 'Done',
                Slip_Reason__c: 'Weather',
                Sort_Order__c: 12345,
                Buyer_Owner__c: ids.accountId
            })
        );
        const codes = Object.fromEntries(error.errors.map((e) => [e.field, e.statusCode]));
        assert.deepEqual(codes, {
            Name: 'STRING_TOO_LONG',
            Status__c: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            Slip_Reason__c: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            Sort_Order__c: 'NUMBER_OUTSIDE_VALID_RANGE',
            Buyer_Owner__c: 'FIELD_INTEGRITY_EXCEPTION'
        });
        assert.equal(Object.keys(error.body.fieldErrors).length, 5);
        const missing = dmlError(() =>
            org.insert(MILESTONE, { Name: 'Orphan', Plan__c: planId.slice(0, 14) + 'Z', Due_Date__c: TODAY })
        );
        assert.equal(missing.errors[0].statusCode, 'INVALID_CROSS_REFERENCE_KEY');
    });

    test('the master-detail cannot be reparented (reparentableMasterDetail false)', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const first = plan(org, ids);
        const second = plan(org, ids);
        const error = dmlError(() => org.update(MILESTONE, { Id: first.milestoneIds[0], Plan__c: second.planId }));
        assert.equal(error.errors[0].statusCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
    });

    test('defaults come from the metadata: picklist defaults and checkbox default values', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const [planId] = org.insert(PLAN, { Name: 'Defaults', Opportunity__c: ids.opportunityId });
        const [milestoneId] = org.insert(MILESTONE, { Name: 'Defaults', Plan__c: planId, Due_Date__c: TODAY });
        const record = org.get(MILESTONE, milestoneId);
        const field = (name) => org.schema.object(MILESTONE).field(name);
        assert.equal(org.get(PLAN, planId).Status__c, org.schema.object(PLAN).field('Status__c').picklist.default);
        assert.equal(record.Status__c, field('Status__c').picklist.default);
        assert.equal(record.Side__c, field('Side__c').picklist.default);
        assert.equal(record.Marks_Close__c, field('Marks_Close__c').defaultValue === 'true');
        assert.equal(record.Buyer_Confirmed__c, false);
    });

    test('calculated fields sent back with a read record are ignored, as Apex ignores queried read-only values', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId } = plan(org, ids);
        const record = org.get(PLAN, planId);
        org.update(PLAN, { ...record, Health__c: 'On Track', Milestone_Count__c: 99, Name: 'Renamed' });
        assert.equal(org.get(PLAN, planId).Milestone_Count__c, 3);
        assert.equal(org.get(PLAN, planId).Health__c, 'Draft');
        assert.equal(org.get(PLAN, planId).Name, 'Renamed');
        assert.throws(() => org.update(PLAN, { Id: planId, Helth__c: 'x' }), /No such column 'Helth__c'/);
    });

    test('deleting a plan removes its milestones and history; deleting a milestone clears lookups to it', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId, milestoneIds } = plan(org, ids, { status: 'Active' });
        org.update(MILESTONE, { Id: milestoneIds[1], Depends_On__c: milestoneIds[0] });
        org.update(MILESTONE, { Id: milestoneIds[0], Due_Date__c: addDays(TODAY, 8), Slip_Reason__c: 'Other' });
        org.remove(MILESTONE, milestoneIds[0]);
        assert.equal(org.get(MILESTONE, milestoneIds[1]).Depends_On__c, null);
        assert.equal(org.query(CHANGE)[0].Milestone__c, null, 'the history row stays with the plan');
        org.remove(PLAN, planId);
        assert.equal(org.query(MILESTONE).length, 0);
        assert.equal(org.query(CHANGE).length, 0);
        assert.equal(org.get(OPP, ids.opportunityId).Active_Plan_Count__c, 0);
    });

    test('Depends_On_Same_Plan: a milestone cannot depend on itself or on a milestone of another plan', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const first = plan(org, ids);
        const second = plan(org, ids);
        const self = dmlError(() =>
            org.update(MILESTONE, { Id: first.milestoneIds[0], Depends_On__c: first.milestoneIds[0] })
        );
        assertRuleError(org, self, MILESTONE, 'Depends_On_Same_Plan');
        const other = dmlError(() =>
            org.update(MILESTONE, { Id: first.milestoneIds[0], Depends_On__c: second.milestoneIds[0] })
        );
        assertRuleError(org, other, MILESTONE, 'Depends_On_Same_Plan');
        org.update(MILESTONE, { Id: first.milestoneIds[1], Depends_On__c: first.milestoneIds[0] });
        const loop = dmlError(() =>
            org.update(MILESTONE, { Id: first.milestoneIds[0], Depends_On__c: first.milestoneIds[1] })
        );
        assertRuleError(org, loop, MILESTONE, 'Depends_On_Same_Plan');
    });

    test('ids are 18 characters with the object key prefix and a case-safe suffix', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const prefix = (object) => org.schema.object(object).keyPrefix;
        assert.equal(ids.opportunityId.slice(0, 3), '006');
        assert.equal(ids.accountId.slice(0, 3), '001');
        assert.equal(ids.buyerId.slice(0, 3), '003');
        const { planId, milestoneIds } = plan(org, ids);
        assert.equal(planId.slice(0, 3), prefix(PLAN));
        assert.notEqual(prefix(PLAN), prefix(MILESTONE));
        for (const id of [planId, ...milestoneIds, ids.opportunityId]) {
            assert.match(id, /^[0-9A-Za-z]{18}$/);
            assert.equal(id.slice(15), idSuffix(id.slice(0, 15)));
            assert.equal(toId18(id.slice(0, 15)), id);
        }
        assert.equal(org.get(OPP, ids.opportunityId.slice(0, 15)).Id, ids.opportunityId, '15-character ids are read');
    });

    test('records read are copies: changing one changes nothing until it is saved', () => {
        const { org } = newApexOrg();
        const { opportunityId } = deal(org);
        const record = org.get(OPP, opportunityId);
        record.Amount = 1;
        assert.equal(org.get(OPP, opportunityId).Amount, 120000);
    });

    test('the opportunity stage sets probability, forecast category, IsClosed and IsWon', () => {
        const { org, loader } = newApexOrg();
        const { opportunityId } = deal(org);
        org.update(OPP, { Id: opportunityId, StageName: 'Closed Won' }, { as: loader });
        const won = org.get(OPP, opportunityId);
        assert.deepEqual(
            [won.Probability, won.IsClosed, won.IsWon, won.ForecastCategoryName],
            [100, true, true, 'Closed']
        );
    });

    test('query by a lookup value answers from the parent index; children() reads the index too', () => {
        const { org } = newApexOrg();
        const ids = deal(org);
        const { planId, milestoneIds } = plan(org, ids);
        assert.deepEqual(
            org.query(MILESTONE, { Plan__c: planId }).map((m) => m.Id),
            milestoneIds
        );
        assert.deepEqual(
            org.children(MILESTONE, 'Plan__c', [planId]).map((m) => m.Id),
            milestoneIds
        );
        assert.equal(org.query(MILESTONE, (m) => m.Marks_Close__c).length, 1);
    });

    test('a running user is required and must exist', () => {
        const { org } = newApexOrg();
        assert.throws(() => org.insert('Account', { Name: 'x' }, { as: '005000000000000AAA' }), /no user/);
        assert.throws(() => org.setCurrentUser('nobody'), /no user/);
    });

    test('an async transaction is refused and what it did synchronously is rolled back', async () => {
        const { org } = newApexOrg();
        assert.throws(
            () =>
                org.transaction(async () => {
                    org.insert('Account', { Name: 'Half done' });
                }),
            /synchronous/
        );
        assert.equal(org.query('Account').length, 0);
    });
});

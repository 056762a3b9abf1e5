// The embedded org runs the package's plan and milestone rules on every save: the Apex trigger handlers (through the
// offline Apex runtime) and the slip rules with their date-change history. Messages and display fields are read from
// the metadata, never restated here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newApexOrg, rule, deal, plan, dmlError, addDays, TODAY } from './support.mjs';
import { OPP, PLAN, MILESTONE, CHANGE, assertRuleError } from './rule-error.mjs';

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

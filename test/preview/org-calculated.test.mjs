// What the embedded org calculates from the package's metadata: roll-up summaries with their filters and formula
// fields computed on read, thresholds read from the metadata, never restated here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newApexOrg, settings, deal, plan, addDays, TODAY } from './support.mjs';
import { OPP, PLAN, MILESTONE } from './rule-error.mjs';

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

// How the embedded org, with the package's Apex triggers running on it, holds up at the sizes the preview meets:
// a long plan, and a pipeline of thousands of opportunities. Timings are printed (as TAP diagnostics), not asserted: machines differ; the assertions check
// that the work was done right at that size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newApexOrg, deal, settings, addDays, TODAY } from './support.mjs';

/** A timer that reports through the test's diagnostics: timed(label, fn) returns fn's result. */
const timerFor = (t) => (label, fn) => {
    const started = performance.now();
    const result = fn();
    t.diagnostic(`${label}: ${(performance.now() - started).toFixed(1)} ms`);
    return result;
};

test('a 60-milestone plan can be created, activated, slipped, completed, read and deleted in reasonable time', (t) => {
    const timed = timerFor(t);
    const { org } = newApexOrg();
    const ids = deal(org, { closeDate: addDays(TODAY, 400) });
    const [planId] = org.insert('Mutual_Action_Plan__c', { Name: 'Long plan', Opportunity__c: ids.opportunityId });
    const milestones = Array.from({ length: 60 }, (_, i) => ({
        Name: `Milestone ${i + 1}`,
        Plan__c: planId,
        Side__c: ['Buyer', 'Seller', 'Joint'][i % 3],
        Buyer_Owner__c: ids.buyerId,
        Seller_Owner__c: org.currentUserId,
        Sort_Order__c: i + 1,
        Due_Date__c: addDays(TODAY, 5 * (i + 1)),
        Marks_Close__c: i === 49
    }));
    const milestoneIds = timed('60 milestones inserted in one call', () => org.insert('Plan_Milestone__c', milestones));
    timed('59 dependencies linked in one call', () =>
        org.update(
            'Plan_Milestone__c',
            milestoneIds.slice(1).map((id, i) => ({ Id: id, Depends_On__c: milestoneIds[i] }))
        )
    );
    timed('plan activated (60 milestones baselined)', () =>
        org.update('Mutual_Action_Plan__c', { Id: planId, Status__c: 'Active' })
    );
    timed('10 slips saved one by one', () => {
        for (const id of milestoneIds.slice(20, 30)) {
            const milestone = org.get('Plan_Milestone__c', id);
            org.update('Plan_Milestone__c', {
                Id: id,
                Due_Date__c: addDays(milestone.Due_Date__c, 3),
                Slip_Reason__c: 'Buyer availability'
            });
        }
    });
    timed('20 milestones completed in one call', () =>
        org.update(
            'Plan_Milestone__c',
            milestoneIds.slice(0, 20).map((id) => ({ Id: id, Status__c: 'Complete' }))
        )
    );
    const plan = timed('plan and its 60 milestones read 100 times', () => {
        let last;
        for (let i = 0; i < 100; i++) {
            last = org.get('Mutual_Action_Plan__c', planId);
            org.query('Plan_Milestone__c', { Plan__c: planId });
        }
        return last;
    });
    assert.equal(plan.Milestone_Count__c, 60);
    assert.equal(plan.Completed_Milestone_Count__c, 20);
    assert.equal(plan.Total_Slip_Days__c, 21, 'ten slips, in working days');
    assert.equal(org.query('Milestone_Date_Change__c').length, 10);
    assert.equal(plan.Projected_Close_Date__c, addDays(TODAY, 250));
    timed('plan deleted with its milestones and history', () => org.remove('Mutual_Action_Plan__c', planId));
    assert.equal(org.query('Plan_Milestone__c').length, 0);
});

test('2,000 opportunities with 200 plans can be created, moved and read as a pipeline in reasonable time', (t) => {
    const timed = timerFor(t);
    const { org, loader } = newApexOrg({ gates: true });
    const accounts = org.insert(
        'Account',
        Array.from({ length: 40 }, (_, i) => ({ Name: `Account ${i + 1}` }))
    );
    const stages = ['Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition'];
    const opportunities = Array.from({ length: 2000 }, (_, i) => ({
        Name: `Deal ${i + 1}`,
        AccountId: accounts[i % accounts.length],
        StageName: stages[i % stages.length],
        CloseDate: addDays(TODAY, 10 + (i % 180)),
        Amount: 10000 + i * 37
    }));
    const ids = timed('2,000 opportunities inserted in one call', () => org.insert('Opportunity', opportunities));
    timed('2,000 opportunities inserted one call each', () => {
        for (const record of opportunities.slice(0, 2000)) org.insert('Opportunity', { ...record, Id: undefined });
    });
    const gated = settings(org).activeOnly;
    timed('500 moved into a gated stage by a data load with the bypass', () =>
        org.update(
            'Opportunity',
            ids.slice(0, 500).map((id) => ({ Id: id, StageName: gated })),
            { as: loader }
        )
    );
    timed('2,000 amounts edited in one call (no stage change, no gate)', () =>
        org.update(
            'Opportunity',
            ids.map((id, i) => ({ Id: id, Amount: 20000 + i }))
        )
    );
    const [contact] = org.insert('Contact', { LastName: 'Buyer', AccountId: accounts[0] });
    timed('200 plans with 8 milestones each, activated', () => {
        const planIds = org.insert(
            'Mutual_Action_Plan__c',
            ids.slice(500, 700).map((id) => ({ Name: 'Plan', Opportunity__c: id }))
        );
        org.insert(
            'Plan_Milestone__c',
            planIds.flatMap((planId) =>
                Array.from({ length: 8 }, (_, i) => ({
                    Name: `Step ${i + 1}`,
                    Plan__c: planId,
                    Side__c: 'Joint',
                    Buyer_Owner__c: contact,
                    Seller_Owner__c: org.currentUserId,
                    Due_Date__c: addDays(TODAY, 7 * (i + 1)),
                    Marks_Close__c: i === 7
                }))
            )
        );
        org.update(
            'Mutual_Action_Plan__c',
            planIds.map((planId) => ({ Id: planId, Status__c: 'Active' }))
        );
    });
    const pipeline = timed('pipeline read: open opportunities with their active plan and its health', () =>
        org
            .query('Opportunity', (opportunity) => !opportunity.IsClosed)
            .map((opportunity) => ({
                opportunity,
                plan: org
                    .children('Mutual_Action_Plan__c', 'Opportunity__c', opportunity.Id)
                    .find((plan) => plan.Status__c === 'Active')
            }))
    );
    assert.equal(pipeline.length, 4000);
    assert.equal(pipeline.filter((row) => row.plan).length, 200);
    for (const { plan } of pipeline.filter((row) => row.plan)) {
        assert.equal(plan.Health__c, plan.Close_Date_Variance_Days__c > 0 ? 'Off Track' : 'On Track');
    }
    assert.equal(pipeline.filter((row) => row.opportunity.StageName === gated && !row.plan).length, 500);
    timed('the same pipeline read again (formula values cached until a save)', () =>
        org.query('Mutual_Action_Plan__c', (plan) => plan.Health__c !== 'Draft')
    );
});

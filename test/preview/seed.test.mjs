// The demo data loads through the package's rules and gives the preview something to show for every plan state.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createDemoOrg, PLAN_STORIES, addWorkingDays } from '../../preview/org/seed.mjs';
import { ROOT, TODAY, addDays, settings, dmlError, rule } from './support.mjs';

const PLAN = 'Mutual_Action_Plan__c';

// The health each story must show, by the package's own Health__c formula.
const HEALTH = {
    healthy: 'On Track',
    accepted: 'On Track',
    overdue: 'Off Track',
    late: 'At Risk',
    slipped: 'At Risk',
    slippedPastClose: 'Off Track',
    stale: 'At Risk',
    draft: 'Draft',
    completed: 'Completed',
    cancelled: 'Cancelled'
};

describe('demo data', () => {
    let org;
    let demo;
    let milliseconds;
    before(() => {
        const started = performance.now();
        ({ org, demo } = createDemoOrg({ root: ROOT, today: TODAY }));
        milliseconds = performance.now() - started;
    });

    test('loads through the rules with nothing the org could not apply', (t) => {
        t.diagnostic(`seeded in ${Math.round(milliseconds)} ms: ${JSON.stringify(org.counts())}`);
        assert.deepEqual(org.problems, []);
        assert.equal(org.today, TODAY);
    });

    test('yields every plan state: healthy, overdue, slipped, stale, accepted, draft, completed, cancelled', () => {
        assert.deepEqual(Object.keys(HEALTH).sort(), [...PLAN_STORIES].sort());
        for (const story of PLAN_STORIES) {
            assert.ok(demo.plans[story].length > 0, `no ${story} plan`);
            for (const id of demo.plans[story]) {
                const plan = org.get(PLAN, id);
                assert.equal(plan.Health__c, HEALTH[story], `${story}: ${plan.Name}`);
            }
        }
        const one = (story) => org.get(PLAN, demo.plans[story][0]);
        assert.ok(one('overdue').Days_Overdue__c >= settings(org).Off_Track_Overdue_Days__c);
        assert.ok(one('slipped').Total_Slip_Days__c >= settings(org).At_Risk_Slip_Days__c);
        assert.ok(one('slippedPastClose').Close_Date_Variance_Days__c > 0);
        assert.equal(one('stale').Is_Stale__c, true);
        for (const id of demo.plans.accepted) assert.equal(org.get(PLAN, id).Buyer_Accepted__c, true);
        for (const id of demo.plans.completed) {
            assert.equal(org.get('Opportunity', org.get(PLAN, id).Opportunity__c).IsWon, true);
        }
        for (const id of demo.plans.cancelled) {
            const opportunity = org.get('Opportunity', org.get(PLAN, id).Opportunity__c);
            assert.deepEqual([opportunity.IsClosed, opportunity.IsWon], [true, false]);
        }
    });

    test('accepted plans sit in the stage that needs acceptance, reached by the account executive', () => {
        const stage = settings(org).accepted;
        for (const id of demo.plans.accepted) {
            const opportunity = org.get('Opportunity', org.get(PLAN, id).Opportunity__c);
            assert.equal(opportunity.StageName, stage);
            assert.equal(opportunity.LastModifiedById === demo.users.integration, false);
        }
    });

    test('legacy deals sit in gated stages with no plan, and their amount can still be edited', () => {
        assert.ok(demo.legacyOpportunities.length >= 2);
        const gated = [settings(org).activeOnly, settings(org).accepted];
        for (const id of demo.legacyOpportunities) {
            const opportunity = org.get('Opportunity', id);
            assert.ok(gated.includes(opportunity.StageName), opportunity.StageName);
            assert.equal(opportunity.Active_Plan_Count__c, 0);
            assert.equal(org.query(PLAN, { Opportunity__c: id }).length, 0);
            org.update('Opportunity', { Id: id, Amount: opportunity.Amount + 1000 });
        }
    });

    test('an early-stage deal moved into a gated stage by the account executive is still blocked', () => {
        const early = org.query('Opportunity', (o) => o.StageName === 'Prospecting')[0];
        const error = dmlError(() =>
            org.update('Opportunity', { Id: early.Id, StageName: settings(org).activeOnly }, { as: early.OwnerId })
        );
        assert.equal(error.errors[0].message, rule(org, 'Opportunity', 'Require_Active_Plan').errorMessage);
    });

    test('slips are in the history, with their reasons, on the days they were recorded', () => {
        const changes = org.query('Milestone_Date_Change__c');
        const later = changes.filter((change) => change.Days_Moved__c > 0);
        assert.ok(later.length >= 3);
        for (const change of later) {
            assert.ok(change.Reason__c, 'a move later has its reason');
            assert.ok(change.Changed_On__c.slice(0, 10) < TODAY, 'recorded before today');
            assert.equal(org.get('Plan_Milestone__c', change.Milestone__c).Due_Date__c, change.New_Date__c);
        }
        assert.ok(
            changes.some((change) => change.Days_Moved__c < 0 && change.Reason__c === null),
            'a date pulled in'
        );
    });

    test('about thirty opportunities across every stage, with amounts, owners and contact roles', () => {
        const opportunities = org.query('Opportunity');
        assert.ok(opportunities.length >= 28 && opportunities.length <= 32, String(opportunities.length));
        const stages = new Set(opportunities.map((o) => o.StageName));
        for (const stage of org.schema.object('Opportunity').field('StageName').picklist.values) {
            assert.ok(stages.has(stage), `no opportunity in ${stage}`);
        }
        for (const opportunity of opportunities) {
            assert.ok(opportunity.Amount > 0);
            assert.ok(org.query('OpportunityContactRole', { OpportunityId: opportunity.Id }).length >= 3);
            if (!opportunity.IsClosed)
                assert.ok(opportunity.CloseDate >= TODAY, `${opportunity.Name} closes in the past`);
        }
        assert.equal(org.query('Account').length, 12);
        const titles = new Set(org.query('Contact').map((contact) => contact.Title));
        for (const title of [
            'Chief Financial Officer',
            'Chief Information Security Officer',
            'General Counsel',
            'Procurement Lead',
            'VP Operations'
        ]) {
            assert.ok(titles.has(title), title);
        }
    });

    test('a sales team: VP Sales, two managers, six account executives, in a role hierarchy', () => {
        const users = org.query('User');
        const vp = users.find((user) => user.Title === 'VP Sales');
        const managers = users.filter((user) => user.ManagerId === vp.Id);
        assert.equal(managers.length, 2);
        const executives = users.filter((user) => managers.some((manager) => manager.Id === user.ManagerId));
        assert.equal(executives.length, 6);
        const role = (user) => org.get('UserRole', user.UserRoleId);
        for (const executive of executives) {
            const manager = users.find((user) => user.Id === executive.ManagerId);
            assert.equal(role(executive).ParentRoleId, manager.UserRoleId);
            assert.equal(role(manager).ParentRoleId, vp.UserRoleId);
        }
        assert.ok(
            executives.some((executive) => executive.Id === org.currentUserId),
            'the preview runs as an AE'
        );
    });

    test('plans are built from the shipped templates', () => {
        const steps = org.customMetadata('Plan_Template_Step__mdt');
        const byTemplate = new Map();
        for (const step of steps) byTemplate.set(step.Template__c, [...(byTemplate.get(step.Template__c) ?? []), step]);
        const titlesOf = (list) => list.sort((a, b) => a.Sort_Order__c - b.Sort_Order__c).map((step) => step.Title__c);
        for (const id of [...demo.plans.healthy, ...demo.plans.draft, ...demo.plans.completed]) {
            const milestones = org.query('Plan_Milestone__c', { Plan__c: id });
            const names = milestones.sort((a, b) => a.Sort_Order__c - b.Sort_Order__c).map((m) => m.Name);
            assert.ok(
                [...byTemplate.values()].some((list) => JSON.stringify(titlesOf(list)) === JSON.stringify(names)),
                `${org.get(PLAN, id).Name} follows a template`
            );
            assert.equal(milestones.filter((milestone) => milestone.Marks_Close__c).length, 1);
            assert.ok(
                milestones.some((milestone) => milestone.Depends_On__c),
                'predecessors are linked'
            );
        }
        assert.ok(byTemplate.size >= 2);
    });
});

test('the demo is relative to today: seeded on another day, every date moves with it', () => {
    const shift = 35;
    const first = createDemoOrg({ root: ROOT, today: TODAY });
    const second = createDemoOrg({ root: ROOT, today: addDays(TODAY, shift) });
    const closes = (org) => org.query('Opportunity').map((o) => o.CloseDate);
    closes(first.org).forEach((date, i) => {
        const moved = closes(second.org)[i];
        assert.ok(
            Math.abs(Date.parse(moved) - Date.parse(addDays(date, shift))) <= 4 * 86400000,
            `${date} -> ${moved}`
        );
    });
    for (const story of PLAN_STORIES) {
        assert.equal(
            second.org.get(PLAN, second.demo.plans[story][0]).Health__c,
            HEALTH[story],
            `${story} on ${addDays(TODAY, shift)}`
        );
    }
});

test('the demo looks right whatever day of the week it is seeded on', () => {
    for (let day = 1; day <= 7; day++) {
        const today = addDays(TODAY, day * 11);
        const { org, demo } = createDemoOrg({ root: ROOT, today });
        for (const story of PLAN_STORIES) {
            for (const id of demo.plans[story]) {
                assert.equal(org.get(PLAN, id).Health__c, HEALTH[story], `${story} seeded on ${today}`);
            }
        }
    }
});

test('working days skip weekends in both directions', () => {
    assert.equal(addWorkingDays('2026-03-06', 1), '2026-03-09');
    assert.equal(addWorkingDays('2026-03-09', -1), '2026-03-06');
    assert.equal(addWorkingDays('2026-03-07', 0), '2026-03-06');
});

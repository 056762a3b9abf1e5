// The preview's demo org (preview/apex.mjs createDemoSession): the sales team as setup data, then the dev
// directory's Apex loader (TandemDemoData.load()) run on the offline runtime. What each demo plan holds is pinned by
// the loader's own Apex test (dev/main/classes/TandemDemoDataTest.cls); here, what the preview adds around it: the
// team and its role hierarchy, the user the preview runs as, the load's temporary permissions, and that the demo
// shows every plan health whatever day it is loaded on.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createDemoSession } from '../../preview/apex.mjs';
import { DEMO_TEAM } from '../../preview/demo-team.mjs';
import { ROOT, TODAY, addDays, apexProgram } from './support.mjs';

const PLAN = 'Mutual_Action_Plan__c';
// Every value of the package's Health__c formula (its description lists them).
const HEALTHS = ['Draft', 'On Track', 'At Risk', 'Off Track', 'Completed', 'Cancelled'];

const demoOn = (today) => createDemoSession({ root: ROOT, today, program: apexProgram() });
const healthByPlan = (org) => Object.fromEntries(org.query(PLAN).map((plan) => [plan.Name, plan.Health__c]));

describe('the demo org (TODAY a Monday)', () => {
    let org;
    let demo;
    let milliseconds;
    before(() => {
        const started = performance.now();
        ({ org, demo } = demoOn(TODAY));
        milliseconds = performance.now() - started;
    });

    test('loads through the Apex loader with nothing the org could not apply', (t) => {
        t.diagnostic(`loaded in ${Math.round(milliseconds)} ms (Apex parse included): ${JSON.stringify(org.counts())}`);
        assert.deepEqual(org.problems, []);
        assert.equal(org.today, TODAY);
        assert.ok(org.query(PLAN).length > 0, 'the loader made plans');
    });

    test('the admin turned the stage gates on through the Tandem Setup page, and the deployment succeeded', () => {
        const changes = org.query('Setup_Change__c');
        assert.equal(changes.length, 1);
        assert.equal(changes[0].Status__c, 'Succeeded');
        assert.equal(changes[0].CreatedById, demo.admin);
        const setting = org.customMetadata('Plan_Setting__mdt').find((record) => record.DeveloperName === 'Default');
        assert.equal(setting.Active_Plan_Stages__c, 'Proposal/Price Quote;Negotiation/Review');
    });

    test('a sales team: VP Sales, two managers, six account executives, in a role hierarchy', () => {
        const users = org.query('User').filter((user) => user.Id !== demo.admin);
        assert.equal(users.length, DEMO_TEAM.length);
        const vp = users.find((user) => user.Title === 'VP Sales');
        const managers = users.filter((user) => user.ManagerId === vp.Id);
        assert.equal(managers.length, 2);
        const executives = users.filter((user) => managers.some((manager) => manager.Id === user.ManagerId));
        assert.equal(executives.length, 6);
        const role = (user) => org.get('UserRole', user.UserRoleId);
        assert.equal(role(vp).ParentRoleId, null);
        for (const executive of executives) {
            const manager = users.find((user) => user.Id === executive.ManagerId);
            assert.equal(role(executive).ParentRoleId, manager.UserRoleId);
            assert.equal(role(manager).ParentRoleId, vp.UserRoleId);
        }
        for (const person of DEMO_TEAM) {
            assert.deepEqual(org.permissionSetsOf(demo.users[person.key]).sort(), [...person.sets].sort(), person.key);
        }
    });

    test('the preview runs as the account executive who loaded the demo, without the permissions of the load', () => {
        const loader = demo.users[DEMO_TEAM.find((person) => person.loadsDemo).key];
        assert.equal(org.currentUserId, loader);
        const opportunities = org.query('Opportunity');
        assert.ok(opportunities.length > 0);
        for (const opportunity of opportunities) assert.equal(opportunity.OwnerId, loader, opportunity.Name);
        assert.deepEqual(org.permissionsOf(loader), [], 'the gate bypass was only for the load');
        assert.ok(!org.permissionSetsOf(loader).includes('Tandem_Admin'), 'and so was Tandem_Admin');
    });

    test('shows every plan health, and the previewing user can open every plan', () => {
        const plans = org.query(PLAN);
        assert.deepEqual([...new Set(plans.map((plan) => plan.Health__c))].sort(), [...HEALTHS].sort());
        for (const plan of plans) assert.ok(org.canRead(org.currentUserId, PLAN, plan), plan.Name);
        assert.ok(
            plans.some((plan) => plan.Buyer_Accepted__c),
            'a plan the buyer accepted'
        );
        assert.ok(
            plans.some((plan) => plan.Is_Stale__c),
            'a stale plan'
        );
        assert.ok(org.query('Milestone_Date_Change__c').length > 0, 'slips in the history');
    });

    test('loaded on a Saturday, five days later, each plan has the same health and the dates move with the day', () => {
        const saturday = demoOn(addDays(TODAY, 5)).org;
        assert.equal(new Date(`${saturday.today}T00:00:00Z`).getUTCDay(), 6);
        assert.deepEqual(healthByPlan(saturday), healthByPlan(org));
        const closes = (from) => Object.fromEntries(from.query('Opportunity').map((row) => [row.Name, row.CloseDate]));
        const before = closes(org);
        for (const [name, date] of Object.entries(closes(saturday))) {
            const days = (Date.parse(date) - Date.parse(before[name])) / 86400000;
            assert.ok(days >= 0 && days <= 9, `${name}: ${before[name]} -> ${date}`);
        }
    });
});

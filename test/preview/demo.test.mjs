// The preview's demo org (preview/apex.mjs createDemoSession): the sales team as setup data, then the dev
// directory's Apex loader (TandemDemoData.load()) run on the offline runtime. What each demo plan holds is pinned by
// the loader's own Apex test (dev/main/classes/TandemDemoDataTest.cls); here, what the preview adds around it: the
// team and its role hierarchy, how the deals are dealt to that team, the user the preview runs as, the load's
// temporary permissions, what a manager's week needs (enough open deals to page, deals past their close date, won and
// lost deals with their plans, anchor events that agree with their dates), and that the demo shows every plan health
// whatever day it is loaded on.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createDemoSession } from '../../preview/apex.mjs';
import { DEMO_SELLERS, DEMO_TEAM } from '../../preview/demo-team.mjs';
import { ROOT, TODAY, addDays, apexProgram } from './support.mjs';

const PLAN = 'Mutual_Action_Plan__c';
// Every value of the package's Health__c formula (its description lists them).
const HEALTHS = ['Draft', 'On Track', 'At Risk', 'Off Track', 'Completed', 'Cancelled'];

const demoOn = (today) => createDemoSession({ root: ROOT, today, program: apexProgram() });
const healthByPlan = (org) => Object.fromEntries(org.query(PLAN).map((plan) => [plan.Name, plan.Health__c]));
/** The smallest page of the pipeline review (pipelineReviewModel PAGE_SIZES). */
const SMALLEST_PAGE = 25;
const MONTHS = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2026-04-14" → "14 April 2026", as the loader writes a date into an anchor event. */
const longDate = (iso) => MONTHS.format(new Date(`${iso}T00:00:00Z`));

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
        const users = org.query('User').filter((user) => ![demo.admin, demo.siteGuest].includes(user.Id));
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

    test("the buyer page's site guest user holds only the buyer page's permission set, and no role", () => {
        const guest = org.get('User', demo.siteGuest);
        assert.equal(guest.LastName, 'Site Guest User');
        assert.equal(guest.UserRoleId ?? null, null);
        assert.equal(guest.ProfileId, org.profileId('Minimum Access - Salesforce'));
        assert.deepEqual(org.permissionSetsOf(demo.siteGuest), ['Tandem_Buyer_Page']);
    });

    test('the preview runs as the account executive who loaded the demo, without the permissions of the load', () => {
        const loader = demo.users[DEMO_TEAM.find((person) => person.loadsDemo).key];
        assert.equal(org.currentUserId, loader);
        assert.equal(demo.users[DEMO_SELLERS[0]], loader, 'he sits on the first seat, so he keeps its deals');
        const own = org.query('Opportunity', (o) => o.OwnerId === loader);
        assert.equal(own.length, 7, 'his seven deals, the ones the walkthrough opens');
        assert.ok(
            org.query('Account').every((account) => account.OwnerId === loader),
            'the accounts stay with him'
        );
        assert.deepEqual(org.permissionsOf(loader), [], 'the gate bypass was only for the load');
        assert.ok(!org.permissionSetsOf(loader).includes('Tandem_Admin'), 'and so was Tandem_Admin');
    });

    test("the deals are dealt to six account executives, in both managers' teams, by the seats of the loader", () => {
        const sellers = DEMO_SELLERS.map((key) => demo.users[key]);
        const opportunities = org.query('Opportunity');
        const owners = new Set(opportunities.map((o) => o.OwnerId));
        assert.deepEqual(
            [...owners].sort(),
            [...sellers].sort(),
            "every deal is a seller's, and every seller has deals"
        );
        assert.ok(owners.size >= 4, 'at least four reps');
        const managerOf = (id) => org.get('User', id).ManagerId;
        const openBy = (manager) =>
            new Set(opportunities.filter((o) => !o.IsClosed && managerOf(o.OwnerId) === manager).map((o) => o.OwnerId));
        assert.equal(openBy(demo.users.owen).size, 3, "Owen's three account executives have open deals");
        assert.equal(openBy(demo.users.priya).size, 3, "and so do Priya's");
        // Both teams sit two levels below the VP, so her review holds every rep; each manager's holds his own team.
        const vpRole = org.get('User', demo.users.marisol).UserRoleId;
        for (const owner of owners) {
            const role = org.get('UserRole', org.get('User', owner).UserRoleId);
            assert.equal(org.get('UserRole', role.ParentRoleId).ParentRoleId, vpRole, owner);
        }
    });

    test('a seller-side milestone belongs to the owner of its deal', () => {
        const ownerOfPlan = new Map(
            org.query(PLAN).map((plan) => [plan.Id, org.get('Opportunity', plan.Opportunity__c).OwnerId])
        );
        const seller = org.query('Plan_Milestone__c', (m) => m.Side__c !== 'Buyer');
        assert.ok(seller.length > 0);
        for (const milestone of seller) {
            assert.equal(milestone.Seller_Owner__c, ownerOfPlan.get(milestone.Plan__c), milestone.Name);
        }
    });

    test("a manager's week: more open deals than the smallest page, some past their close date", () => {
        const open = org.query('Opportunity', (o) => !o.IsClosed);
        assert.ok(open.length > SMALLEST_PAGE, `${open.length} open deals: a second page at ${SMALLEST_PAGE} rows`);
        const late = open.filter((o) => o.CloseDate < TODAY);
        assert.ok(late.length >= 2, `open deals past their close date: ${late.map((o) => o.Name)}`);
        assert.ok(
            late.some((o) => org.query(PLAN, { Opportunity__c: o.Id }).some((plan) => plan.Status__c === 'Active')),
            'one of them with an active plan'
        );
    });

    test('won deals carry a Completed plan, lost deals a Cancelled one, for the reports', () => {
        const closed = org.query('Opportunity', (o) => o.IsClosed);
        const statuses = (won) =>
            closed
                .filter((o) => o.IsWon === won)
                .flatMap((o) => org.query(PLAN, { Opportunity__c: o.Id }).map((plan) => plan.Status__c));
        assert.deepEqual(statuses(true), ['Completed', 'Completed', 'Completed']);
        assert.deepEqual(statuses(false), ['Cancelled', 'Cancelled', 'Cancelled']);
    });

    test('every anchor event names its target date', () => {
        for (const plan of org.query(PLAN)) {
            assert.ok(plan.Target_Date__c, plan.Name);
            assert.ok(
                plan.Anchor_Event__c.endsWith(` on ${longDate(plan.Target_Date__c)}`),
                `${plan.Name}: "${plan.Anchor_Event__c}" and ${plan.Target_Date__c}`
            );
        }
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

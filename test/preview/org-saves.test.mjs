// The embedded org saves as the platform does: all or none, system validation with the platform's status codes,
// defaults from the metadata, master-detail and lookup rules, ids, copies, the stage's derived fields, the running
// user and asynchronous work.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DmlError, createOrg, toId18, idSuffix } from '../../preview/org/org.mjs';
import { newApexOrg, newOrg, settings, deal, plan, dmlError, addDays, TODAY } from './support.mjs';
import { OPP, PLAN, MILESTONE, CHANGE, assertRuleError } from './rule-error.mjs';

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

    test('a unique field refuses a value another record holds, or an earlier row of the same call, as DUPLICATE_VALUE', () => {
        const { org } = newApexOrg();
        const { planId } = plan(org, deal(org));
        const reminder = (event) => ({ Plan__c: planId, Kind__c: 'Due Soon', Channel__c: 'Email', Event__c: event });
        const [firstId] = org.insert('Plan_Reminder__c', reminder('due-soon:a:2026-03-02'));

        const existing = dmlError(() => org.insert('Plan_Reminder__c', reminder('due-soon:a:2026-03-02')));
        assert.equal(existing.errors[0].statusCode, 'DUPLICATE_VALUE');
        assert.equal(existing.errors[0].field, 'Event__c');
        assert.match(existing.errors[0].message, new RegExp(`duplicate value found: Event__c .*${firstId}`));

        const sameCall = dmlError(() =>
            org.insert('Plan_Reminder__c', [reminder('due-soon:b:2026-03-02'), reminder('due-soon:b:2026-03-02')])
        );
        assert.equal(sameCall.errors.length, 1);
        assert.equal(sameCall.errors[0].recordIndex, 1);
        assert.equal(org.query('Plan_Reminder__c').length, 1, 'all or none: neither row of the failed call is saved');
    });

    test('a unique field with caseSensitive keeps values that differ only in case apart; a record may keep its own value', () => {
        const { org } = newApexOrg();
        const { planId } = plan(org, deal(org));
        const reminder = (event) => ({
            Plan__c: planId,
            Kind__c: 'Overdue',
            Channel__c: 'Notification',
            Event__c: event
        });
        const [lowerId] = org.insert('Plan_Reminder__c', reminder('overdue:x'));
        org.insert('Plan_Reminder__c', reminder('OVERDUE:X'));
        org.update('Plan_Reminder__c', { Id: lowerId, Event__c: 'overdue:x', Message__c: 'saved again' });
        assert.equal(org.query('Plan_Reminder__c').length, 2);
        const blankIsRequired = dmlError(() => org.insert('Plan_Reminder__c', reminder(null)));
        assert.equal(blankIsRequired.errors[0].statusCode, 'REQUIRED_FIELD_MISSING');
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

describe("the org's clock", () => {
    test("System.now() never goes back within the org's date when the machine's clock passes midnight", (t) => {
        t.mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-12-06T23:59:59.990Z') });
        const { org } = newOrg();
        const before = org.now();
        assert.equal(before, `${TODAY}T23:59:59.990Z`);
        t.mock.timers.tick(20);
        assert.equal(org.now(), before, 'held at the last stamp after midnight');
        org.setToday(addDays(TODAY, 1));
        assert.equal(org.now(), `${addDays(TODAY, 1)}T00:00:00.010Z`, 'a new date starts from the real time of day');
    });

    test('timeOfDay starts now() at the time of day given, then runs on with the machine clock', (t) => {
        t.mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-12-06T08:15:00.000Z') });
        const { org } = newOrg({ timeOfDay: '23:59:58' });
        assert.equal(org.now(), `${TODAY}T23:59:58.000Z`);
        t.mock.timers.tick(1500);
        assert.equal(org.now(), `${TODAY}T23:59:59.500Z`, 'a second and a half later');
        t.mock.timers.tick(1000);
        assert.equal(org.now(), `${TODAY}T23:59:59.500Z`, "held past midnight: the org's date stays");
        assert.throws(() => newOrg({ timeOfDay: '24:00:00' }), /timeOfDay is 'HH:MM:SS'/);
    });
});

describe('custom metadata records added to the org', () => {
    test('a record the package does not ship is added with create, read like the shipped ones, kept by snapshots', () => {
        const { org } = newOrg();
        assert.deepEqual(org.customMetadata('Plan_Stage_Requirement__mdt'), [], 'the package ships none');
        assert.throws(
            () => org.setCustomMetadata('Plan_Stage_Requirement__mdt.Security_First', { Stage__c: 'Proposal' }),
            /no custom metadata record/,
            'without create, an unknown record is refused'
        );
        org.setCustomMetadata(
            'Plan_Stage_Requirement__mdt.Security_First',
            { Stage__c: 'Proposal', Template_Step__c: 'Enterprise_05_Security_Review', Is_Active__c: true },
            { create: { label: 'Security first' } }
        );
        const snapshot = org.snapshot();
        org.setCustomMetadata('Plan_Stage_Requirement__mdt.Security_First', { Is_Active__c: false });
        const [record] = org.customMetadata('Plan_Stage_Requirement__mdt');
        assert.equal(record.DeveloperName, 'Security_First');
        assert.equal(record.MasterLabel, 'Security first');
        assert.equal(record.Stage__c, 'Proposal');
        assert.equal(record.Message__c, null, 'a field not given is blank');
        assert.equal(record.Is_Active__c, false, 'then updated like any record');
        assert.equal('__addedLabel' in record, false, 'the label is not a field');
        assert.throws(
            () => org.setCustomMetadata('Plan_Stage_Requirement__mdt.Security_First', { Nope__c: 1 }),
            /no field Nope__c/
        );
        const copy = createOrg({ from: snapshot });
        assert.equal(copy.customMetadata('Plan_Stage_Requirement__mdt')[0].Is_Active__c, true, 'the snapshot kept it');
        org.setCustomMetadata('Plan_Stage_Requirement__mdt.Security_First', null);
        assert.deepEqual(org.customMetadata('Plan_Stage_Requirement__mdt'), [], 'null removes an added record');
    });
});

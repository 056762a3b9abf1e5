// The embedded org's hooks for the Apex runtime: the trigger runner (events in the platform's order, addError,
// delete triggers), the loud failure of an org that has none, savepoints, and snapshots for test isolation.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrg, DmlError, DmlNotAllowedError, TriggerRunnerMissingError } from '../../preview/org/org.mjs';
import { ROOT, TODAY, deal, plan, dmlError, newOrg } from './support.mjs';

/** An org whose trigger runner records every event (and may act on it through `onEvent`). */
function recordingOrg({ root = ROOT, onEvent = () => {} } = {}) {
    const events = [];
    const triggerRunner = (event) => {
        events.push({
            trigger: event.trigger.name,
            operation: event.operation,
            names: event.records?.map((row) => row.Name) ?? null,
            oldNames: event.oldRecords?.map((row) => row.Name) ?? null,
            frozen: event.records ? Object.isFrozen(event.records[0]) : null,
            depth: event.depth
        });
        onEvent(event);
    };
    const users = [{ FirstName: 'Ada', LastName: 'Seller', Username: 'ada@test.example' }];
    const org = createOrg({ root, today: TODAY, users, triggerRunner });
    return { org, events };
}

describe('trigger runner', () => {
    test('is called for each event the project trigger declares, in save order', () => {
        const { org, events } = recordingOrg();
        const ids = deal(org);
        const { planId } = plan(org, ids, { count: 2 });
        org.update('Mutual_Action_Plan__c', { Id: planId, Name: 'Renamed plan' });
        // Saving milestones also updates their plan's roll-ups (one level down): only the top-level saves here.
        const planEvents = events.filter((event) => event.trigger === 'MutualActionPlanTrigger' && event.depth === 0);
        assert.deepEqual(
            planEvents.map((event) => [event.operation, event.names, event.oldNames]),
            [
                ['before insert', ['Acme go-live plan'], null],
                ['after insert', ['Acme go-live plan'], null],
                ['before update', ['Renamed plan'], ['Acme go-live plan']],
                ['after update', ['Renamed plan'], ['Acme go-live plan']]
            ]
        );
        const milestoneEvents = events.filter((event) => event.trigger === 'PlanMilestoneTrigger');
        assert.deepEqual(milestoneEvents[0], {
            trigger: 'PlanMilestoneTrigger',
            operation: 'before insert',
            names: ['Step 1', 'Step 2'],
            oldNames: null,
            frozen: false,
            depth: 0
        });
    });

    test('before records are the working copies; after records and old records are frozen', () => {
        const { org, events } = recordingOrg({
            onEvent(event) {
                if (event.operation === 'before insert' && event.trigger.object === 'Mutual_Action_Plan__c') {
                    event.records[0].Name = 'Set by the trigger';
                }
                if (event.operation === 'after update') {
                    assert.throws(() => {
                        event.records[0].Name = 'x';
                    }, TypeError);
                    assert.throws(() => {
                        event.oldRecords[0].Name = 'x';
                    }, TypeError);
                }
            }
        });
        const { planId } = plan(org, deal(org), { count: 1 });
        assert.equal(org.get('Mutual_Action_Plan__c', planId).Name, 'Set by the trigger');
        org.update('Mutual_Action_Plan__c', { Id: planId, Name: 'Again' });
        assert.ok(events.some((event) => event.operation === 'after update' && event.frozen === true));
    });

    test('addError(rowIndex, field, message) fails that record of the DML with the message on the field', () => {
        const { org } = recordingOrg({
            onEvent(event) {
                if (event.operation === 'before insert' && event.trigger.object === 'Plan_Milestone__c') {
                    event.addError(1, 'Due_Date__c', 'Pick a working day');
                }
            }
        });
        const ids = deal(org);
        const error = dmlError(() => plan(org, ids, { count: 2 }));
        assert.deepEqual(
            error.errors.map(({ recordIndex, field, message, statusCode }) => ({
                recordIndex,
                field,
                message,
                statusCode
            })),
            [
                {
                    recordIndex: 1,
                    field: 'Due_Date__c',
                    message: 'Pick a working day',
                    statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION'
                }
            ]
        );
        assert.equal(org.query('Plan_Milestone__c').length, 0, 'all or none: the other record is not saved');
    });

    test('a DML made by the runner inside a trigger gets the next depth; other exceptions propagate', () => {
        let nested = 0;
        const { org, events } = recordingOrg({
            onEvent(event) {
                if (event.operation === 'after update' && event.records[0].Name === 'Outer' && !nested++) {
                    const [planId] = event.records.map((row) => row.Id);
                    org.update('Mutual_Action_Plan__c', { Id: planId, Name: 'From the trigger' });
                }
                if (event.operation === 'before update' && event.records[0].Name === 'Boom')
                    throw new RangeError('boom');
            }
        });
        const { planId } = plan(org, deal(org), { count: 1 });
        org.update('Mutual_Action_Plan__c', { Id: planId, Name: 'Outer' });
        const depths = events
            .filter((event) => event.operation === 'before update' && event.trigger === 'MutualActionPlanTrigger')
            .filter((event) => ['Outer', 'From the trigger'].includes(event.names[0]))
            .map((event) => [event.names[0], event.depth]);
        assert.deepEqual(depths, [
            ['Outer', 0],
            ['From the trigger', 1]
        ]);
        assert.throws(() => org.update('Mutual_Action_Plan__c', { Id: planId, Name: 'Boom' }), RangeError);
        assert.equal(org.get('Mutual_Action_Plan__c', planId).Name, 'From the trigger');
    });

    test('triggersFor lists the project triggers of an object with their events', () => {
        const { org } = recordingOrg();
        assert.deepEqual(
            org.triggersFor('plan_milestone__c').map(({ name, events }) => ({ name, events })),
            [
                {
                    name: 'PlanMilestoneTrigger',
                    events: ['before insert', 'after insert', 'before update', 'after update', 'after delete']
                }
            ]
        );
        assert.deepEqual(org.triggersFor('Account'), []);
    });
});

describe('an org without a trigger runner', () => {
    const users = () => [{ FirstName: 'Ada', LastName: 'Seller', Username: 'ada@test.example' }];

    test('fails the first save that reaches a project trigger, naming the trigger and the event', () => {
        const org = createOrg({ root: ROOT, today: TODAY, users: users() });
        assert.throws(
            () => deal(org),
            (error) =>
                error instanceof TriggerRunnerMissingError &&
                error.trigger === 'OpportunityTrigger' &&
                error.event === 'before insert' &&
                /trigger OpportunityTrigger \(before insert on Opportunity\) cannot run/.test(error.message)
        );
        assert.equal(org.query('Opportunity').length, 0, 'nothing was saved');
        assert.equal(org.query('Contact').length, 1, 'saves that reach no trigger go through');
    });

    test("with triggers: 'off' saves without the triggers: the records lack what they would set", () => {
        const org = createOrg({ root: ROOT, today: TODAY, users: users(), triggers: 'off' });
        const { planId, milestoneIds } = plan(org, deal(org), { count: 2 });
        org.update('Mutual_Action_Plan__c', { Id: planId, Status__c: 'Active' });
        assert.equal(org.get('Mutual_Action_Plan__c', planId).Activated_On__c ?? null, null);
        assert.equal(org.get('Plan_Milestone__c', milestoneIds[0]).Baseline_Date__c ?? null, null);
        assert.equal(org.get('Mutual_Action_Plan__c', planId).Milestone_Count__c, 2, 'roll-ups still apply');
    });

    for (const [label, options, message] of [
        ['an unknown triggers value', { triggers: 'on' }, /triggers must be 'off'/],
        ["triggers: 'off' with a runner", { triggers: 'off', triggerRunner: () => {} }, /contradict/]
    ]) {
        test(`refuses ${label}`, () => {
            assert.throws(() => createOrg({ root: ROOT, today: TODAY, ...options }), message);
        });
    }
});

describe('delete triggers', () => {
    let root;
    before(() => {
        // A copy of the project with a trigger that declares the delete events.
        root = mkdtempSync(join(tmpdir(), 'tandem-delete-triggers-'));
        for (const entry of ['sfdx-project.json', 'force-app', 'dev', 'config']) {
            cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
        }
        writeFileSync(
            join(root, 'force-app/main/plan-data/triggers/PlanDeleteProbe.trigger'),
            'trigger PlanDeleteProbe on Mutual_Action_Plan__c(before delete, after delete) {}\n'
        );
    });

    test('run before and after the delete with the deleted rows as old records; cascaded children fire none', () => {
        const { org, events } = recordingOrg({ root });
        const { planId } = plan(org, deal(org), { count: 2 });
        events.length = 0;
        org.remove('Mutual_Action_Plan__c', planId);
        assert.deepEqual(
            events.map((event) => [event.trigger, event.operation, event.names, event.oldNames]),
            [
                ['PlanDeleteProbe', 'before delete', null, ['Acme go-live plan']],
                ['PlanDeleteProbe', 'after delete', null, ['Acme go-live plan']]
            ]
        );
        assert.equal(org.query('Plan_Milestone__c').length, 0, 'the milestones went with their plan');
    });

    test('addError in before delete keeps the record', () => {
        const { org } = recordingOrg({
            root,
            onEvent(event) {
                if (event.operation === 'before delete') event.addError(0, null, 'Plans are kept');
            }
        });
        const { planId } = plan(org, deal(org), { count: 1 });
        const error = dmlError(() => org.remove('Mutual_Action_Plan__c', planId));
        assert.equal(error.errors[0].message, 'Plans are kept');
        assert.ok(org.get('Mutual_Action_Plan__c', planId));
    });
});

describe('savepoints', () => {
    test('rollbackTo undoes inserts, updates and deletes made after the savepoint; ids are not reused', () => {
        const { org } = newOrg();
        const ids = deal(org);
        const token = org.savepoint();
        const [second] = org.insert('Account', { Name: 'After the savepoint' });
        org.update('Opportunity', { Id: ids.opportunityId, Amount: 1 });
        org.remove('Contact', ids.buyerId);
        org.rollbackTo(token);
        assert.equal(org.get('Account', second), null);
        assert.equal(org.get('Opportunity', ids.opportunityId).Amount, 120000);
        assert.ok(org.get('Contact', ids.buyerId));
        const [third] = org.insert('Account', { Name: 'Next' });
        assert.notEqual(third, second, 'Apex Developer Guide, Transaction Control: ids are not handed out again');
    });

    test('rolling back to an earlier savepoint invalidates the later ones; the earlier one stays valid', () => {
        const { org } = newOrg();
        const first = org.savepoint();
        org.insert('Account', { Name: 'One' });
        const second = org.savepoint();
        org.insert('Account', { Name: 'Two' });
        org.rollbackTo(first);
        assert.equal(org.query('Account').length, 0);
        assert.throws(() => org.rollbackTo(second), /Invalid savepoint/);
        org.insert('Account', { Name: 'Three' });
        org.rollbackTo(first);
        assert.equal(org.query('Account').length, 0);
    });

    test('a failed DML inside a savepoint is still undone on its own', () => {
        const { org } = newOrg();
        const token = org.savepoint();
        org.insert('Account', { Name: 'Kept' });
        assert.throws(() => org.insert('Account', [{ Name: 'Fine' }, { Name: null }]), DmlError);
        assert.deepEqual(
            org.query('Account').map((row) => row.Name),
            ['Kept']
        );
        org.rollbackTo(token);
        assert.equal(org.query('Account').length, 0);
    });
});

describe('snapshots', () => {
    test('an org created from a snapshot has the same records and goes on independently', () => {
        const { org, ae } = newOrg();
        const ids = deal(org);
        const snapshot = org.snapshot();
        const first = createOrg({ from: snapshot });
        const second = createOrg({ root: ROOT, from: snapshot });
        assert.equal(first.currentUserId, org.currentUserId);
        assert.equal(first.get('Opportunity', ids.opportunityId).Amount, 120000);
        // Opportunity has a trigger, which an org made without a root cannot run: the change is to an account.
        first.update('Account', { Id: ids.accountId, Name: 'Renamed in the first' }, { as: ae });
        first.remove('Contact', ids.buyerId);
        const [fresh] = first.insert('Account', { Name: 'Only in the first' });
        assert.equal(second.get('Account', ids.accountId).Name, 'Acme Buyer');
        assert.ok(second.get('Contact', ids.buyerId));
        assert.equal(second.get('Account', fresh), null);
        assert.equal(org.get('Account', ids.accountId).Name, 'Acme Buyer');
        const [again] = second.insert('Account', { Name: 'Same counter' });
        assert.equal(again, fresh, 'each copy continues from the snapshot counters');
        assert.throws(() => createOrg({ from: snapshot, users: [{ LastName: 'X' }] }), /users come from the snapshot/);
    });

    test('restore() puts an org back to a snapshot, and plans and roll-ups work on restored records', () => {
        const { org } = newOrg();
        const ids = deal(org);
        const snapshot = org.snapshot();
        const { planId, milestoneIds } = plan(org, ids, { count: 2 });
        org.restore(snapshot);
        assert.equal(org.get('Mutual_Action_Plan__c', planId), null);
        const again = plan(org, ids, { count: 2 });
        org.update('Plan_Milestone__c', { Id: again.milestoneIds[0], Name: 'Edited on a restored org' });
        assert.equal(org.get('Plan_Milestone__c', again.milestoneIds[0]).Name, 'Edited on a restored org');
        assert.ok(milestoneIds.length === 2);
    });
});

describe('objects that take no DML', () => {
    for (const [sobject, operation, act] of [
        ['Profile', 'insert', (org) => org.insert('Profile', { Name: 'Custom' })],
        [
            'OpportunityStage',
            'update',
            (org) => org.update('OpportunityStage', { Id: org.query('OpportunityStage')[0].Id, IsActive: false })
        ],
        ['OpportunityStage', 'delete', (org) => org.remove('OpportunityStage', org.query('OpportunityStage')[0].Id)],
        ['UserRecordAccess', 'insert', (org) => org.insert('UserRecordAccess', {})]
    ]) {
        test(`${operation} on ${sobject} is refused as the platform refuses it`, () => {
            const { org } = newOrg();
            assert.throws(
                act.bind(null, org),
                (error) => error instanceof DmlNotAllowedError && error.sobject === sobject
            );
        });
    }
});

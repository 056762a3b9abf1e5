// The trigger runner over the embedded org (Apex Developer Guide, "Trigger Context Variables", "Triggers and Order of
// Execution", "Trigger Exceptions"): Trigger.* bound from the event's rows, before-trigger changes saved,
// addError as record errors, an exception escaping the trigger as the platform's "execution of" error.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, newRt, staticProperty, callMethod, apexError, deal } from './support.mjs';
import { createTriggerRunner, dml } from '../../platform/index.mjs';
import { ApexSObject } from '../../values/sobject.mjs';
import { ApexThrow } from '../../interpreter/errors.mjs';

const PLAN = 'Mutual_Action_Plan__c';

/**
 * An org whose Apex triggers on plans are the JS function `body(context, rt)`; the project's triggers on other objects
 * (the opportunity's, which deal() reaches) do nothing. Returns { org, rt, calls }.
 */
function orgWithTriggers(body) {
    let rt = null;
    const calls = [];
    const { org } = newOrg({ triggerRunner: (event) => runner(event) });
    const runner = createTriggerRunner(null, () => rt);
    rt = newRt(org);
    const planTriggers = new Set(org.triggersFor(PLAN).map((trigger) => trigger.name));
    rt.runTrigger = (name, context) => {
        if (!planTriggers.has(name)) return;
        calls.push({ name, context, trigger: staticProperty(rt, 'Trigger', 'operationType') });
        body(context, rt);
    };
    return { org, rt, calls };
}

function newPlan(org, opportunityId) {
    const plan = new ApexSObject(PLAN, { schema: org.schema.object(PLAN) });
    plan.put('Name', 'Plan');
    plan.put('Opportunity__c', opportunityId);
    plan.put('Status__c', 'Draft');
    return plan;
}

describe('trigger runner', () => {
    test('before insert: Trigger.new holds the records, no Ids, newMap and old null, operationType BEFORE_INSERT', () => {
        const { org, rt, calls } = orgWithTriggers(() => {});
        const { opportunityId } = deal(org);
        dml(rt, { operation: 'insert', records: newPlan(org, opportunityId) });
        const before = calls.find((call) => call.context.isBefore);
        assert.equal(before.name, org.triggersFor(PLAN)[0].name);
        assert.equal(before.trigger, staticProperty(rt, 'System.TriggerOperation', 'BEFORE_INSERT'));
        assert.equal(before.context.new.items[0].get('Name'), 'Plan');
        assert.equal(before.context.new.items[0].has('Id'), false);
        assert.deepEqual(
            [before.context.newMap, before.context.old, before.context.oldMap, before.context.size],
            [null, null, null, 1]
        );
        assert.equal(
            staticProperty(rt, 'Trigger', 'isExecuting'),
            false,
            'outside the trigger Trigger.isExecuting is false'
        );
    });

    test('a field set in a before trigger is saved with the record', () => {
        const { org, rt } = orgWithTriggers((context) => {
            if (context.isBefore && context.isInsert)
                context.new.items[0].put('Shared_Objective__c', 'Set by the trigger');
        });
        const { opportunityId } = deal(org);
        const plan = newPlan(org, opportunityId);
        dml(rt, { operation: 'insert', records: plan });
        assert.equal(org.get(PLAN, plan.get('Id')).Shared_Objective__c, 'Set by the trigger');
    });

    test('after update: Trigger.new is read-only (FinalException on put) and Trigger.oldMap has the saved versions', () => {
        let seen = null;
        const { org, rt } = orgWithTriggers((context, runtime) => {
            if (context.isAfter && context.isUpdate) {
                seen = { old: context.oldMap.get(context.new.items[0].get('Id'), runtime).get('Shared_Objective__c') };
                seen.error = apexError(() => context.new.items[0].put('Shared_Objective__c', 'x', runtime));
            }
        });
        const { opportunityId } = deal(org);
        const plan = newPlan(org, opportunityId);
        dml(rt, { operation: 'insert', records: plan });
        const change = new ApexSObject(PLAN, { schema: org.schema.object(PLAN) });
        change.put('Id', plan.get('Id'));
        change.put('Shared_Objective__c', 'New objective');
        dml(rt, { operation: 'update', records: change });
        assert.equal(seen.old, null);
        assert.equal(seen.error.apexType, 'System.FinalException');
    });

    test('addError(field, message) in a trigger fails the statement on that field', () => {
        const { org, rt } = orgWithTriggers((context, runtime) => {
            if (context.isBefore) {
                callMethod(runtime, 'SObject', context.new.items[0], 'addError', ['Status__c', 'Only one active plan']);
            }
        });
        const { opportunityId } = deal(org);
        const error = apexError(() => dml(rt, { operation: 'insert', records: newPlan(org, opportunityId) }));
        assert.equal(
            error.apexMessage,
            'Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Only one active plan: [Status__c]'
        );
        assert.equal(org.query(PLAN).length, 0);
    });

    const exceptionCase = () => {
        const thrown = new ApexThrow({
            cls: { typeName: 'System.NullPointerException' },
            exc: {
                message: 'Attempt to de-reference a null object',
                stack: [
                    { className: 'MutualActionPlanTriggerHandler', method: 'beforeInsert', line: 12, column: 1 },
                    { kind: 'trigger', trigger: 'MutualActionPlanTrigger', line: 9, column: 1 }
                ]
            }
        });
        const { org, rt } = orgWithTriggers(() => {
            throw thrown;
        });
        const { opportunityId } = deal(org);
        return apexError(() => dml(rt, { operation: 'insert', records: newPlan(org, opportunityId) }));
    };

    test('an exception escaping the trigger becomes "<Trigger>: execution of BeforeInsert\\n\\ncaused by: ..." on each row', () => {
        const error = exceptionCase();
        assert.equal(
            error.props.dml[0].message,
            'MutualActionPlanTrigger: execution of BeforeInsert\n\ncaused by: System.NullPointerException: Attempt to de-reference a null object\n\n' +
                'Class.MutualActionPlanTriggerHandler.beforeInsert: line 12, column 1\nTrigger.MutualActionPlanTrigger: line 9, column 1'
        );
    });

    test('its status code is CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', () => {
        assert.equal(exceptionCase().props.dml[0].statusCode, 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY');
    });
});

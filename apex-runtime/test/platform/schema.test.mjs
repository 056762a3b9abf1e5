// Schema tokens and describe results (Apex Developer Guide, "Understanding Apex Describe Information"; Apex
// Reference, "DescribeSObjectResult Class", "DescribeFieldResult Class", "PicklistEntry Class", "Schema Class"):
// facts from the package metadata, access for the running user.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, newRt, callStatic, callMethod, staticProperty } from './support.mjs';
import { sobjectStaticProperty, sobjectTypeOfId, dmlFieldTokens } from '../../platform/index.mjs';
import { nativeClass } from '../../interpreter/natives.mjs';

const { org, admin, standard, tandemUser } = newOrg();
const rt = newRt(org, { userId: admin });
const describeOf = (name) => staticProperty(rt, 'Schema.SObjectType', name);
const fieldDescribe = (object, field) =>
    nativeClass('Schema.SObjectTypeFields').property(
        rt,
        nativeClass('Schema.DescribeSObjectResult').property(rt, describeOf(object), 'fields'),
        field
    );

describe('tokens', () => {
    test('Opportunity.SObjectType and Plan_Milestone__c.Status__c are the same token each time (== by identity)', () => {
        assert.equal(
            sobjectStaticProperty(rt, 'Opportunity', 'SObjectType'),
            sobjectStaticProperty(rt, 'opportunity', 'sobjecttype')
        );
        const status = sobjectStaticProperty(rt, 'Plan_Milestone__c', 'status__c');
        assert.equal(status, sobjectStaticProperty(rt, 'Plan_Milestone__c', 'Status__c'));
        assert.equal(callMethod(rt, 'Schema.SObjectField', status, 'toString'), 'Status__c');
    });

    test('Id.getSObjectType answers the token of the key prefix', () => {
        const token = sobjectTypeOfId(rt, admin);
        assert.equal(token, sobjectStaticProperty(rt, 'User', 'SObjectType'));
    });

    test('DmlException.getDmlFields tokens come from field names', () => {
        const tokens = dmlFieldTokens(rt, 'Account', ['Name']);
        assert.deepEqual(tokens.items, [sobjectStaticProperty(rt, 'Account', 'Name')]);
    });

    test('newSObject() makes an empty record of the type', () => {
        const record = callMethod(
            rt,
            'Schema.SObjectType',
            sobjectStaticProperty(rt, 'Account', 'SObjectType'),
            'newSObject'
        );
        assert.equal(record.type, 'Account');
        assert.deepEqual(record.fieldNames(), []);
    });
});

describe('DescribeSObjectResult', () => {
    const cases = [
        ['getName', 'Plan_Milestone__c'],
        ['getLabel', 'Plan Milestone'],
        ['getLabelPlural', 'Plan Milestones'],
        ['getKeyPrefix', org.schema.object('Plan_Milestone__c').keyPrefix],
        ['isCustom', true]
    ];
    for (const [method, expected] of cases) {
        test(`Schema.SObjectType.Plan_Milestone__c.${method}() is ${expected} (from the object's metadata)`, () => {
            assert.equal(
                callMethod(rt, 'Schema.DescribeSObjectResult', describeOf('Plan_Milestone__c'), method),
                expected
            );
        });
    }

    const access = [
        [admin, 'isAccessible', true],
        [admin, 'isDeletable', true],
        [standard, 'isAccessible', false],
        [standard, 'isCreateable', false],
        [tandemUser, 'isCreateable', true]
    ];
    for (const [userId, method, expected] of access) {
        const who =
            userId === admin ? 'an admin' : userId === standard ? 'a standard user without sets' : 'a Tandem_User';
        test(`${method}() answers for the running user: ${who} -> ${expected}`, () => {
            const result = describeOf('Plan_Milestone__c');
            assert.equal(callMethod(newRt(org, { userId }), 'Schema.DescribeSObjectResult', result, method), expected);
        });
    }

    test('getGlobalDescribe() keys are lower case and looked up ignoring case', () => {
        const map = callStatic(rt, 'Schema.getGlobalDescribe');
        assert.ok(map.keys().includes('plan_milestone__c'));
        assert.equal(map.get('Plan_Milestone__C', rt), sobjectStaticProperty(rt, 'Plan_Milestone__c', 'SObjectType'));
    });

    test('fields.getMap() maps lower-case field names to SObjectField tokens', () => {
        const fields = nativeClass('Schema.DescribeSObjectResult').property(
            rt,
            describeOf('Plan_Milestone__c'),
            'fields'
        );
        const map = callMethod(rt, 'Schema.SObjectTypeFields', fields, 'getMap');
        assert.equal(map.get('status__c', rt), sobjectStaticProperty(rt, 'Plan_Milestone__c', 'Status__c'));
    });
});

describe('DescribeFieldResult', () => {
    test('Status__c: name, label, PICKLIST type, picklist entries with labels, values and the default', () => {
        const result = fieldDescribe('Plan_Milestone__c', 'Status__c');
        assert.equal(callMethod(rt, 'Schema.DescribeFieldResult', result, 'getName'), 'Status__c');
        assert.equal(callMethod(rt, 'Schema.DescribeFieldResult', result, 'getLabel'), 'Status');
        assert.equal(
            callMethod(rt, 'Schema.DescribeFieldResult', result, 'getType'),
            staticProperty(rt, 'Schema.DisplayType', 'PICKLIST')
        );
        const entries = callMethod(rt, 'Schema.DescribeFieldResult', result, 'getPicklistValues').items;
        const picklist = org.schema.object('Plan_Milestone__c').field('Status__c').picklist;
        assert.deepEqual(
            entries.map((e) => callMethod(rt, 'Schema.PicklistEntry', e, 'getValue')),
            picklist.values
        );
        assert.deepEqual(
            entries.filter((e) => callMethod(rt, 'Schema.PicklistEntry', e, 'isDefaultValue')).map((e) => e.value),
            [picklist.default]
        );
    });

    const fls = [
        [tandemUser, 'Baseline_Date__c', 'isAccessible', true],
        [tandemUser, 'Baseline_Date__c', 'isUpdateable', false],
        [tandemUser, 'Status__c', 'isUpdateable', true],
        [standard, 'Status__c', 'isAccessible', false]
    ];
    for (const [userId, field, method, expected] of fls) {
        test(`Plan_Milestone__c.${field} ${method}() is the running user's field-level security (${expected})`, () => {
            const result = fieldDescribe('Plan_Milestone__c', field);
            assert.equal(callMethod(newRt(org, { userId }), 'Schema.DescribeFieldResult', result, method), expected);
        });
    }

    test('a lookup answers getReferenceTo() and getRelationshipName()', () => {
        const result = fieldDescribe('Plan_Milestone__c', 'Plan__c');
        const [target] = callMethod(rt, 'Schema.DescribeFieldResult', result, 'getReferenceTo').items;
        assert.equal(target, sobjectStaticProperty(rt, 'Mutual_Action_Plan__c', 'SObjectType'));
        assert.equal(callMethod(rt, 'Schema.DescribeFieldResult', result, 'getRelationshipName'), 'Plan__r');
    });
});

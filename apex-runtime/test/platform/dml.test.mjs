// DML statements and Database DML methods over the embedded org: ids set on inserted sObjects, limits counted, the
// org's errors as System.DmlException with the platform's message and per-row details (Apex Reference,
// "DmlException Class"), SaveResult/DeleteResult/UpsertResult with allOrNone false ("Database Class"), user-mode
// object and field permissions ("Enforce User Mode for Database Operations"), and DML in a cacheable method.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, newRt, callStatic, callMethod, staticProperty, apexError } from './support.mjs';
import { dml } from '../../platform/index.mjs';
import { ApexSObject } from '../../values/sobject.mjs';
import { ApexList } from '../../values/collections.mjs';

const account = (org, name) => {
    const record = new ApexSObject('Account', { schema: org.schema.object('Account') });
    if (name !== undefined) record.put('Name', name);
    return record;
};
const list = (...items) => new ApexList({ name: 'Account' }, items);

describe('insert', () => {
    test('sets the new Id on the inserted sObject and counts one statement and its rows', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        const records = list(account(org, 'Acme'), account(org, 'Globex'));
        dml(rt, { operation: 'insert', records });
        for (const record of records.items) assert.match(record.get('Id'), /^001[0-9A-Za-z]{15}$/);
        assert.equal(org.get('Account', records.items[1].get('Id')).Name, 'Globex');
        assert.deepEqual({ ...rt.limits }, { queries: 0, queryRows: 0, dmlStatements: 1, dmlRows: 2 });
    });

    test('a failing record fails the statement as System.DmlException with the platform message and dml rows', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        const records = list(account(org, 'Acme'), account(org));
        const error = apexError(() => dml(rt, { operation: 'insert', records }));
        assert.equal(error.apexType, 'System.DmlException');
        assert.equal(
            error.apexMessage,
            'Insert failed. First exception on row 1; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Name]: [Name]'
        );
        assert.deepEqual(error.props.dml, [
            {
                index: 1,
                id: null,
                message: 'Required fields are missing: [Name]',
                statusCode: 'REQUIRED_FIELD_MISSING',
                fields: ['Name'],
                object: 'Account'
            }
        ]);
        assert.equal(records.items[0].has('Id'), false, 'all or none: no Id is set');
        assert.equal(org.query('Account').length, 0);
    });

    test('an update failure names the record id in the message ("First exception on row 0 with id ...")', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        const record = account(org, 'Acme');
        dml(rt, { operation: 'insert', records: record });
        const change = account(org, '');
        change.put('Id', record.get('Id'));
        const error = apexError(() => dml(rt, { operation: 'update', records: change }));
        assert.equal(
            error.apexMessage,
            `Update failed. First exception on row 0 with id ${record.get('Id')}; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Name]: [Name]`
        );
    });

    test('DML on a null element throws ListException "DML statement found null SObject at position n"', () => {
        const { org } = newOrg();
        const error = apexError(() => dml(newRt(org), { operation: 'insert', records: list(account(org, 'A'), null) }));
        assert.deepEqual(
            [error.apexType, error.apexMessage],
            ['System.ListException', 'DML statement found null SObject at position 1']
        );
    });

    test('DML in a cacheable @AuraEnabled method throws LimitException "Too many DML statements: 1"', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        rt.services.cacheable = true;
        const error = apexError(() => dml(rt, { operation: 'insert', records: account(org, 'A') }));
        assert.deepEqual([error.apexType, error.apexMessage], ['System.LimitException', 'Too many DML statements: 1']);
        assert.equal(org.query('Account').length, 0);
    });

    test('a record marked with addError is not saved', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        const record = account(org, 'Acme');
        callMethod(rt, 'SObject', record, 'addError', ['Name', 'Not this one']);
        const error = apexError(() => dml(rt, { operation: 'insert', records: record }));
        assert.equal(error.props.dml[0].message, 'Not this one');
        assert.deepEqual(error.props.dml[0].fields, ['Name']);
    });
});

describe('Database methods with allOrNone false', () => {
    test('Database.insert(list, false) saves what it can and returns one SaveResult per record', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        const records = list(account(org, 'Acme'), account(org));
        const results = callStatic(rt, 'Database.insert', [records, false]);
        assert.equal(results.items.length, 2);
        const [ok, bad] = results.items;
        assert.equal(callMethod(rt, 'Database.SaveResult', ok, 'isSuccess'), true);
        assert.equal(callMethod(rt, 'Database.SaveResult', ok, 'getId'), records.items[0].get('Id'));
        assert.equal(callMethod(rt, 'Database.SaveResult', bad, 'isSuccess'), false);
        assert.equal(callMethod(rt, 'Database.SaveResult', bad, 'getId'), null);
        const [first] = callMethod(rt, 'Database.SaveResult', bad, 'getErrors').items;
        assert.equal(callMethod(rt, 'Database.Error', first, 'getMessage'), 'Required fields are missing: [Name]');
        assert.equal(
            callMethod(rt, 'Database.Error', first, 'getStatusCode'),
            staticProperty(rt, 'System.StatusCode', 'REQUIRED_FIELD_MISSING')
        );
        assert.deepEqual(callMethod(rt, 'Database.Error', first, 'getFields').items, ['Name']);
        assert.equal(records.items[1].has('Id'), false);
        assert.equal(org.query('Account').length, 1);
    });

    test('Database.update(record, false) returns a single SaveResult for a single record', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        const record = account(org, 'Acme');
        callStatic(rt, 'Database.insert', [record]);
        record.put('Name', 'Acme Corp');
        const result = callStatic(rt, 'Database.update', [record, false]);
        assert.equal(result.success, true);
        assert.equal(org.get('Account', record.get('Id')).Name, 'Acme Corp');
    });

    test('Database.delete(ids, false) returns DeleteResults; a deleted id fails with ENTITY_IS_DELETED', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        const record = account(org, 'Acme');
        dml(rt, { operation: 'insert', records: record });
        const id = record.get('Id');
        const [first] = callStatic(rt, 'Database.delete', [new ApexList({ name: 'Id' }, [id]), false]).items;
        assert.equal(callMethod(rt, 'Database.DeleteResult', first, 'isSuccess'), true);
        const [again] = callStatic(rt, 'Database.delete', [new ApexList({ name: 'Id' }, [id]), false]).items;
        assert.equal(again.success, false);
        assert.equal(again.errors[0].statusCode, 'ENTITY_IS_DELETED');
    });

    test('Database.upsert creates records without an Id and updates those with one (UpsertResult.isCreated)', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        const existing = account(org, 'Acme');
        dml(rt, { operation: 'insert', records: existing });
        existing.put('Name', 'Acme Corp');
        const fresh = account(org, 'Globex');
        const results = callStatic(rt, 'Database.upsert', [list(existing, fresh)]).items;
        assert.deepEqual(
            results.map((r) => callMethod(rt, 'Database.UpsertResult', r, 'isCreated')),
            [false, true]
        );
        assert.equal(org.get('Account', existing.get('Id')).Name, 'Acme Corp');
        assert.ok(fresh.get('Id'));
    });
});

describe('user mode', () => {
    test('without object create permission the record fails with INSUFFICIENT_ACCESS_OR_READONLY', () => {
        const { org, standard } = newOrg();
        const rt = newRt(org, { userId: standard });
        const plan = new ApexSObject('Mutual_Action_Plan__c', { schema: org.schema.object('Mutual_Action_Plan__c') });
        plan.put('Name', 'P');
        const result = callStatic(rt, 'Database.insert', [plan, false, staticProperty(rt, 'AccessLevel', 'USER_MODE')]);
        assert.equal(result.success, false);
        assert.equal(result.errors[0].statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY');
    });

    test('a field the user cannot edit fails the record, the field named in getFields (getDmlFieldNames)', () => {
        const { org, tandemUser } = newOrg();
        const rt = newRt(org, { userId: tandemUser });
        const milestone = new ApexSObject('Plan_Milestone__c', { schema: org.schema.object('Plan_Milestone__c') });
        milestone.put('Name', 'M');
        milestone.put('Baseline_Date__c', null);
        const error = apexError(() => dml(rt, { operation: 'insert', records: milestone, accessLevel: 'user' }));
        assert.equal(error.apexType, 'System.DmlException');
        assert.deepEqual(error.props.dml[0].fields, ['Baseline_Date__c']);
        assert.equal(error.props.dml[0].statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY');
    });

    test('system mode ignores the same missing permission', () => {
        const { org, standard } = newOrg();
        const rt = newRt(org, { userId: standard });
        const record = account(org, 'Acme');
        dml(rt, {
            operation: 'insert',
            records: record,
            accessLevel: staticProperty(rt, 'AccessLevel', 'SYSTEM_MODE')
        });
        assert.ok(record.get('Id'));
    });
});

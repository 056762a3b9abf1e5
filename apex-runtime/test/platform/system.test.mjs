// System.runAs, Test.startTest/stopTest, Limits, UserInfo, FeatureManagement, Database savepoints and dynamic SOQL
// entry points (Apex Developer Guide, "Using the runAs Method", "Using Limits, startTest, and stopTest",
// "Transaction Control"; Apex Reference, "Limits Class", "UserInfo Class", "FeatureManagement Class").
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, newRt, callStatic, apexError, staticProperty } from './support.mjs';
import { runAs, dml } from '../../platform/index.mjs';
import { ApexSObject } from '../../values/sobject.mjs';
import { UnsupportedError } from '../../interpreter/errors.mjs';

const userValue = (id) => {
    const user = new ApexSObject('User');
    user.put('Id', id);
    return user;
};
const account = (name) => {
    const record = new ApexSObject('Account');
    record.put('Name', name);
    return record;
};

describe('System.runAs', () => {
    test('switches UserInfo to the given user for the block, restores it after, counts one DML statement', () => {
        const { org, admin, standard } = newOrg();
        const rt = newRt(org, { userId: admin });
        const inside = runAs(rt, userValue(standard), () => callStatic(rt, 'UserInfo.getUserName'));
        assert.equal(inside, 'sam@test.example');
        assert.equal(callStatic(rt, 'UserInfo.getUserId'), admin);
        assert.equal(rt.limits.dmlStatements, 1);
    });

    test('restores the user when the block throws', () => {
        const { org, admin, standard } = newOrg();
        const rt = newRt(org, { userId: admin });
        assert.throws(
            () =>
                runAs(rt, userValue(standard), () => {
                    throw new Error('boom');
                }),
            /boom/
        );
        assert.equal(rt.userId, admin);
    });

    test('is refused outside a test', () => {
        const { org, standard } = newOrg();
        assert.throws(() => runAs(newRt(org, { isTest: false }), userValue(standard), () => null), UnsupportedError);
    });
});

describe('Test and Limits', () => {
    test('Test.startTest opens a fresh limit context and Test.stopTest returns to the outer counts', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        dml(rt, { operation: 'insert', records: account('A') });
        callStatic(rt, 'Test.startTest');
        assert.equal(callStatic(rt, 'Limits.getDmlStatements'), 0);
        dml(rt, { operation: 'insert', records: account('B') });
        assert.equal(callStatic(rt, 'Limits.getDmlStatements'), 1);
        callStatic(rt, 'Test.stopTest');
        assert.equal(callStatic(rt, 'Limits.getDmlStatements'), 1);
        assert.equal(callStatic(rt, 'Limits.getDmlRows'), 1);
    });

    test('a second Test.startTest throws "Testing already started"', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        callStatic(rt, 'Test.startTest');
        const error = apexError(() => callStatic(rt, 'Test.startTest'));
        assert.deepEqual([error.apexType, error.apexMessage], ['System.FinalException', 'Testing already started']);
    });

    const limits = [
        ['getLimitQueries', 100],
        ['getLimitQueryRows', 50000],
        ['getLimitDmlStatements', 150],
        ['getLimitDmlRows', 10000]
    ];
    for (const [method, expected] of limits) {
        test(`Limits.${method}() is the synchronous limit ${expected} (Execution Governors and Limits)`, () => {
            assert.equal(callStatic(newRt(newOrg().org), `Limits.${method}`), expected);
        });
    }

    test('Test.isRunningTest follows the transaction', () => {
        const { org } = newOrg();
        assert.equal(callStatic(newRt(org, { isTest: true }), 'Test.isRunningTest'), true);
        assert.equal(callStatic(newRt(org, { isTest: false }), 'Test.isRunningTest'), false);
    });

    test('Test.setMock fails loudly', () => {
        assert.throws(() => callStatic(newRt(newOrg().org), 'Test.setMock', []), UnsupportedError);
    });
});

describe('UserInfo and FeatureManagement', () => {
    const { org, admin, tandemUser } = newOrg();
    const cases = [
        ['getName', 'Uma User'],
        ['getUserName', 'uma@test.example'],
        ['getDefaultCurrency', 'USD'],
        ['getUserRoleId', null],
        ['isMultiCurrencyOrganization', false],
        ['getLocale', 'en_US']
    ];
    for (const [method, expected] of cases) {
        test(`UserInfo.${method}() of the running user is ${expected}`, () => {
            assert.equal(callStatic(newRt(org, { userId: tandemUser }), `UserInfo.${method}`), expected);
        });
    }

    test("UserInfo.getProfileId() is the running user's profile", () => {
        assert.equal(
            callStatic(newRt(org, { userId: admin }), 'UserInfo.getProfileId'),
            org.get('User', admin).ProfileId
        );
    });

    test('FeatureManagement.checkPermission is true only for a user whose permission set grants it', () => {
        const { org: gated, admin: plain } = newOrg();
        const bypass = org.schema.permissionSetsGranting('Bypass_Plan_Gates')[0];
        gated.assignPermissionSets(plain, [bypass]);
        assert.equal(
            callStatic(newRt(gated, { userId: plain }), 'FeatureManagement.checkPermission', ['Bypass_Plan_Gates']),
            true
        );
        assert.equal(
            callStatic(newRt(org, { userId: tandemUser }), 'FeatureManagement.checkPermission', ['Bypass_Plan_Gates']),
            false
        );
    });
});

describe('Database transaction control and dynamic SOQL', () => {
    test('Database.rollback(savepoint) undoes the DML after it; setSavepoint and rollback each count a DML statement', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        dml(rt, { operation: 'insert', records: account('Kept') });
        const savepoint = callStatic(rt, 'Database.setSavepoint');
        const dropped = account('Dropped');
        dml(rt, { operation: 'insert', records: dropped });
        callStatic(rt, 'Database.rollback', [savepoint]);
        assert.deepEqual(
            org.query('Account').map((a) => a.Name),
            ['Kept']
        );
        assert.ok(dropped.get('Id'), 'the Id stays on the sObject after a rollback');
        assert.equal(rt.limits.dmlStatements, 4);
    });

    test('Database.query runs dynamic SOQL and counts the query', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        dml(rt, { operation: 'insert', records: account('Acme') });
        const rows = callStatic(rt, 'Database.query', ['SELECT Name FROM Account']);
        assert.deepEqual(
            rows.items.map((r) => r.get('Name')),
            ['Acme']
        );
        assert.equal(rt.limits.queries, 1);
    });

    test('Database.countQueryWithBinds reads binds from the map', async () => {
        const { org } = newOrg();
        const rt = newRt(org);
        dml(rt, { operation: 'insert', records: account('Acme') });
        const { ApexMap } = await import('../../values/collections.mjs');
        const binds = new ApexMap({ name: 'String' }, { name: 'Object' });
        binds.set('name', 'Acme');
        assert.equal(
            callStatic(rt, 'Database.countQueryWithBinds', [
                'SELECT COUNT() FROM Account WHERE Name = :name',
                binds,
                staticProperty(rt, 'AccessLevel', 'SYSTEM_MODE')
            ]),
            1
        );
    });
});

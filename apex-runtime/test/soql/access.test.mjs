// The SOQL engine's security: user mode, field and object access, and UserRecordAccess answered from the embedded
// org's sharing. Expected answers come from the Apex Developer Guide and the Object Reference pages cited beside
// each table.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SoqlError } from '../../soql/index.mjs';
import { ROOT, TODAY, DATA, tableOrg, run, names, adminAndSellerOrg } from './support.mjs';

describe('security (Apex Developer Guide: Enforce User Mode for Database Operations)', () => {
    const hidden = { Account: ['AnnualRevenue'] };
    const access = () => ({
        object: (name) => ({ read: name !== 'Contact' }),
        field: (object, field) => ({ read: !(hidden[object] ?? []).includes(field) })
    });
    const org = tableOrg(DATA, {
        access,
        canRead: (userId, object, row) => object !== 'Account' || row.OwnerId === userId
    });
    const cases = [
        [
            'a field in SELECT',
            'SELECT Name, AnnualRevenue FROM Account WITH USER_MODE',
            /No such column 'AnnualRevenue' on entity 'Account'/
        ],
        [
            'a field only in WHERE',
            'SELECT Name FROM Account WHERE AnnualRevenue > 1 WITH USER_MODE',
            /No such column 'AnnualRevenue'/
        ],
        [
            'a field through a relationship',
            'SELECT Name FROM Opportunity WHERE Account.AnnualRevenue > 1 WITH USER_MODE',
            /No such column 'AnnualRevenue'/
        ],
        [
            'an object in a subquery',
            'SELECT Name, (SELECT Id FROM Contacts) FROM Account WITH USER_MODE',
            /sObject type 'Contact' is not supported/
        ],
        [
            'WITH SECURITY_ENFORCED in SELECT',
            'SELECT AnnualRevenue FROM Account WITH SECURITY_ENFORCED',
            /Insufficient permissions: secure query included inaccessible field/
        ]
    ];
    for (const [name, text, message] of cases) {
        test(`user mode denies ${name} with a QueryException`, () => {
            assert.throws(
                () => run(org, text, { userId: org.ids.ada }),
                (error) =>
                    error instanceof SoqlError &&
                    error.exceptionType === 'System.QueryException' &&
                    message.test(error.message)
            );
        });
    }
    test('AccessLevel.USER_MODE (options.userMode) checks access as WITH USER_MODE does', () => {
        assert.throws(
            () => run(org, 'SELECT AnnualRevenue FROM Account', { userMode: true, userId: org.ids.ada }),
            /No such column/
        );
    });
    test('user mode returns only the rows the user can read', () => {
        assert.deepEqual(
            names(run(org, 'SELECT Name FROM Account WITH USER_MODE ORDER BY Name', { userId: org.ids.ada })),
            ['Acme', 'Gamma_1%']
        );
    });
    test('system mode ignores access; sharing alone filters rows', () => {
        assert.equal(run(org, 'SELECT AnnualRevenue FROM Account').items.length, 4);
        assert.equal(run(org, 'SELECT Name FROM Account', { sharing: true, userId: org.ids.bob }).items.length, 2);
    });
    test('WITH SYSTEM_MODE overrides AccessLevel.USER_MODE', () => {
        assert.equal(
            run(org, 'SELECT AnnualRevenue FROM Account WITH SYSTEM_MODE', { userMode: true }).items.length,
            4
        );
    });
    test('user mode without org.access fails loudly rather than allowing', () => {
        assert.throws(() => run(tableOrg(DATA), 'SELECT Name FROM Account WITH USER_MODE'), /org\.access/);
    });
    test('a QueryException goes through rt.throw when a runtime is given', () => {
        const rt = {
            throw: (type, message) => {
                throw Object.assign(new Error(message), { apexType: type });
            }
        };
        assert.throws(
            () => run(org, 'SELECT AnnualRevenue FROM Account WITH USER_MODE', { rt }),
            (error) => error.apexType === 'System.QueryException'
        );
    });
});

describe('UserRecordAccess (Object Reference: UserRecordAccess)', () => {
    test('answers HasEditAccess from the sharing model for the user and records the WHERE names', async () => {
        // The question is the sharing model, not what the package does on a save.
        const { org, ada, sam } = await adminAndSellerOrg('ura.example');
        const [account] = org.insert('Account', [{ Name: 'Acme' }]);
        const [deal] = org.insert('Opportunity', [
            { Name: 'Acme deal', AccountId: account, StageName: 'Prospecting', CloseDate: '2026-06-30', OwnerId: ada }
        ]);
        const text =
            'SELECT RecordId, HasReadAccess, HasEditAccess FROM UserRecordAccess WHERE UserId = :u AND RecordId = :r';
        const ask = (user) => run(org, text, { binds: { u: user, r: deal } }).items[0];
        assert.equal(ask(ada).get('HasEditAccess'), true, 'the owner edits the deal');
        const seen = ask(sam);
        // A new org shares opportunities Public Read Only: another seller reads the deal but cannot edit it.
        assert.equal(seen.get('HasReadAccess'), true);
        assert.equal(seen.get('HasEditAccess'), false);
    });

    test('refuses a query that does not name both the user and the records', () => {
        assert.throws(
            () => run(tableOrg({}), 'SELECT RecordId FROM UserRecordAccess WHERE HasEditAccess = true'),
            /must filter on UserId = <one user> and RecordId/
        );
    });
});

// A query whose first condition names records by Id or by a lookup reads only the records those ids reach, through
// the embedded org's index, as an org reads a selective query through its indexes on primary and foreign keys (Apex
// Developer Guide, "Working with Very Large SOQL Queries", More Efficient SOQL Queries). What it returns, in what
// order, and what it raises must be what reading every record gives: each query below is run both ways.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adminAndSellerOrg, run } from './support.mjs';

/** The org, with some of its members replaced; the others are the org's own, bound to it. */
function proxied(org, overrides) {
    return new Proxy(org, {
        get(target, key) {
            if (Object.hasOwn(overrides, key)) return overrides[key];
            const value = Reflect.get(target, key, target);
            return typeof value === 'function' ? value.bind(target) : value;
        }
    });
}

/** The org as the engine sees it, without its indexed read: every query reads every record (the reference). */
const scanningOnly = (org) => proxied(org, { recordsReachedBy: undefined });

/** The org, counting the records whose sharing the engine checks (one per record it reads in user mode). */
function countingReads(org) {
    const counter = { reads: 0 };
    const canRead = (...args) => {
        counter.reads++;
        return org.canRead(...args);
    };
    return { org: proxied(org, { canRead }), counter };
}

/**
 * The keys of a query's selected items: a field's path, or for an aggregate without an alias the name an org gives
 * it, expr0, expr1... in the order of the aggregates (SOQL and SOSL Reference, "Use Aliases with GROUP BY").
 */
function selectedKeys(text) {
    let aggregates = 0;
    return [...text.matchAll(/SELECT (.+?) FROM/g)][0][1]
        .split(',')
        .map((item) => item.trim())
        .map((item) => (item.includes('(') ? `expr${aggregates++}` : item));
}

/** What a query gives: its records' selected values in order, or the error it raises. */
function outcome(org, text, options) {
    try {
        const result = run(org, text, options);
        if (typeof result === 'number') return { count: result };
        const keys = selectedKeys(text);
        return {
            rows: result.items.map((record) =>
                Object.fromEntries(
                    keys
                        .map((key) => [key, record.get(key.split('.')[0]) ?? null])
                        .map(([key, value]) => [key, typeof value?.get === 'function' ? value.get('Id') : value])
                )
            )
        };
    } catch (error) {
        return { error: error.message };
    }
}

async function demoOrg() {
    const { org, ada, sam } = await adminAndSellerOrg('indexed.example');
    const accounts = org.insert(
        'Account',
        Array.from({ length: 40 }, (_, i) => ({ Name: `Account ${i}`, OwnerId: i % 3 ? ada : sam }))
    );
    // Contacts interleaved across accounts, so one account's contacts are not stored next to each other.
    const contacts = org.insert(
        'Contact',
        Array.from({ length: 400 }, (_, i) => ({
            LastName: `Contact ${i}`,
            AccountId: i % 25 === 0 ? null : accounts[i % 40],
            OwnerId: i % 2 ? ada : sam
        }))
    );
    // Moved away and back: the account's index now lists this contact last, though it was stored early.
    org.update('Contact', [{ Id: contacts[1], AccountId: accounts[2] }]);
    org.update('Contact', [{ Id: contacts[1], AccountId: accounts[1] }]);
    org.setSharingModels({ Account: 'Private' });
    return { org, ada, sam, accounts, contacts };
}

describe('indexed reads (Apex Developer Guide: Working with Very Large SOQL Queries)', () => {
    test('give the records, order and errors that reading every record gives', async () => {
        const { org, ada, sam, accounts, contacts } = await demoOrg();
        const binds = {
            one: accounts[1],
            some: [accounts[1], accounts[3], accounts[1]],
            none: [],
            contact: contacts[7],
            contacts15: contacts.slice(0, 5).map((id) => id.slice(0, 15)),
            ada,
            sam,
            names: ['Contact 41', 'Contact 81'],
            nobody: '001000000000000AAA'
        };
        const queries = [
            'SELECT LastName, AccountId FROM Contact WHERE AccountId = :one',
            'SELECT LastName FROM Contact WHERE AccountId IN :some',
            "SELECT LastName FROM Contact WHERE AccountId IN :some AND LastName LIKE 'Contact 1%'",
            'SELECT LastName FROM Contact WHERE AccountId IN :none',
            'SELECT LastName FROM Contact WHERE AccountId = null',
            'SELECT LastName FROM Contact WHERE Id = :contact',
            'SELECT LastName FROM Contact WHERE Id IN :contacts15',
            "SELECT LastName FROM Contact WHERE Id = 'not an id'",
            'SELECT LastName FROM Contact WHERE CreatedById = :ada',
            'SELECT LastName FROM Contact WHERE OwnerId = :sam AND AccountId != null ORDER BY LastName DESC LIMIT 5',
            'SELECT COUNT() FROM Contact WHERE AccountId IN :some',
            'SELECT AccountId, COUNT(Id) FROM Contact WHERE AccountId IN :some GROUP BY AccountId',
            'SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE OwnerId = :sam)',
            'SELECT LastName FROM Contact WHERE Account.OwnerId = :ada',
            "SELECT LastName FROM Contact WHERE AccountId = :one OR LastName = 'Contact 0'",
            // A later condition whose bind cannot be compared: raised once a record passes the first condition...
            'SELECT LastName FROM Contact WHERE AccountId = :one AND LastName = :names',
            // ...and not raised when none does, either way.
            'SELECT LastName FROM Contact WHERE AccountId = :nobody AND LastName = :names'
        ];
        const scanning = scanningOnly(org);
        for (const text of queries) {
            for (const options of [{}, { userMode: true, userId: sam }]) {
                const indexed = outcome(org, text, { binds, ...options });
                assert.deepEqual(
                    indexed,
                    outcome(scanning, text, { binds, ...options }),
                    `${text} (${options.userMode ? 'in user mode, as a seller who sees only some accounts' : 'system mode'})`
                );
            }
        }
        // The table is not all empty answers: the cases that should find records do.
        assert.equal(outcome(org, queries[0], { binds }).rows.length, 10, 'contacts of one account');
        assert.deepEqual(
            outcome(org, queries[0], { binds })
                .rows.map((row) => row.LastName)
                .slice(0, 3),
            ['Contact 1', 'Contact 41', 'Contact 81'],
            'insertion order: the contact moved away and back is listed where it was stored, not last'
        );
        assert.ok(
            outcome(org, queries[8], { binds }).rows.length === 400,
            'CreatedById, which the store does not index'
        );
        assert.deepEqual(
            outcome(org, queries[11], { binds }).rows.map((row) => row.expr0),
            [10, 10],
            "GROUP BY compares each group's COUNT(Id) (expr0), not only its AccountId"
        );
        assert.match(outcome(org, queries[15], { binds }).error, /bind/i);
        assert.deepEqual(outcome(org, queries[16], { binds }), { rows: [] });
    });

    test('check sharing only on the records the first condition reaches', async () => {
        const { org, sam, accounts } = await demoOrg();
        const { org: counted, counter } = countingReads(org);
        const result = run(counted, 'SELECT LastName FROM Contact WHERE AccountId = :one WITH USER_MODE', {
            binds: { one: accounts[3] },
            userId: sam
        });
        assert.ok(result.items.length > 0, 'the seller sees the contacts of an account they own');
        assert.equal(counter.reads, 10, 'one sharing check per contact of the account, not one per contact stored');
        counter.reads = 0;
        run(counted, "SELECT LastName FROM Contact WHERE LastName = 'Contact 3' WITH USER_MODE", { userId: sam });
        assert.equal(counter.reads, 400, 'a filter on a field without an index reads every contact');
    });
});

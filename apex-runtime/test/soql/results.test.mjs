// The SOQL engine's results over a small store with the package's real schema and over the embedded org:
// relationships, subqueries, aggregates, COUNT() and the governor limits. Expected answers come from the SOQL and
// SOSL Reference and the Apex Developer Guide pages cited beside each table.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApexDate, ApexDecimal } from '../../values/values.mjs';
import { ROOT, TODAY, DATA, tableOrg, run } from './support.mjs';

describe('results (Apex Developer Guide: SOQL and SOSL Queries; Apex Reference: SObject Class)', () => {
    const org = tableOrg(DATA);
    test('records carry the selected fields and Id; reading an unselected field throws', () => {
        const [acme] = run(org, "SELECT Name FROM Account WHERE Name = 'Acme'").items;
        assert.equal(acme.type, 'Account');
        assert.equal(acme.get('Id'), org.ids.acme);
        assert.equal(acme.get('name'), 'Acme');
        assert.throws(() => acme.get('AnnualRevenue'), /without querying the requested field/);
    });
    test('a parent path gives a related record; an empty lookup gives null', () => {
        const result = run(
            org,
            "SELECT Name, Account.Name, Owner.Name FROM Opportunity WHERE Name IN ('Deal 1', 'Deal 4') ORDER BY Name"
        );
        const [one, four] = result.items;
        assert.equal(one.get('Account').get('Name'), 'Acme');
        assert.equal(one.get('Owner').get('Name'), 'Ada Seller');
        assert.equal(four.get('Account'), null);
        assert.throws(() => one.get('AccountId'), /without querying/);
    });
    test('number fields are Decimals with the field scale, dates are Dates', () => {
        const [deal] = run(org, "SELECT Amount, CloseDate FROM Opportunity WHERE Name = 'Deal 2'").items;
        assert.ok(deal.get('Amount') instanceof ApexDecimal);
        assert.equal(Number(deal.get('Amount').unscaled) / 10 ** deal.get('Amount').scale, 2500.5);
        assert.ok(deal.get('CloseDate') instanceof ApexDate);
        assert.equal(new Date(deal.get('CloseDate').days * 86400000).toISOString().slice(0, 10), '2026-03-01');
    });
    test('a child subquery gives each parent a list filtered, ordered and limited by the subquery', () => {
        const text =
            "SELECT Name, (SELECT Name FROM Opportunities WHERE StageName != 'Qualification' ORDER BY Amount DESC LIMIT 1) FROM Account ORDER BY Name";
        const result = run(org, text);
        assert.deepEqual(
            result.items.map((account) => [
                account.get('Name'),
                account.get('Opportunities').items.map((o) => o.get('Name'))
            ]),
            [
                ['Acme', ['Deal 2']],
                ['beta', ['Deal 3']],
                ['Gamma_1%', []],
                ['Zulu', []]
            ]
        );
    });
    test('custom metadata records are queryable, with their metadata relationships', () => {
        const text =
            "SELECT DeveloperName, Template__r.DeveloperName FROM Plan_Template_Step__mdt WHERE Template__r.DeveloperName = 'Enterprise' ORDER BY Sort_Order__c LIMIT 1";
        const [step] = run(org, text).items;
        assert.equal(step.get('Template__r').get('DeveloperName'), 'Enterprise');
        assert.equal(step.get('Id').length, 18);
    });
});

describe('aggregates (SOQL and SOSL Reference: Aggregate Functions, GROUP BY, HAVING; COUNT())', () => {
    const org = tableOrg(DATA);
    const value = (v) => (v instanceof ApexDecimal ? Number(v.unscaled) / 10 ** v.scale : v);
    const rows = (result) =>
        result.items.map((row) => Object.fromEntries(row.entries().map(([k, v]) => [k, value(v)])));
    test('COUNT() returns an Integer', () => {
        assert.equal(run(org, "SELECT COUNT() FROM Opportunity WHERE StageName = 'Prospecting'"), 2);
    });
    test('COUNT() with LIMIT counts up to the limit', () =>
        assert.equal(run(org, 'SELECT COUNT() FROM Opportunity LIMIT 3'), 3));
    test('aggregates without GROUP BY give one row named expr0, expr1... unless aliased', () => {
        const result = run(
            org,
            'SELECT COUNT(Id), SUM(Amount) total, MAX(CloseDate), COUNT(Amount), COUNT_DISTINCT(StageName) FROM Opportunity'
        );
        const [row] = rows(result);
        assert.equal(row.expr0, 5);
        assert.equal(row.total, 4500.5);
        assert.equal(row.expr2, 4);
        assert.equal(row.expr3, 3);
        assert.equal(new Date(row.expr1.days * 86400000).toISOString().slice(0, 10), '2026-04-15');
    });
    test('GROUP BY with HAVING and ORDER BY an aggregate', () => {
        const text =
            'SELECT StageName, COUNT(Id) n, AVG(Amount) FROM Opportunity GROUP BY StageName HAVING COUNT(Id) > 1 ORDER BY COUNT(Id) DESC, StageName';
        assert.deepEqual(rows(run(org, text)), [
            { StageName: 'Closed Won', n: 2, expr0: 1600.25 },
            { StageName: 'Prospecting', n: 2, expr0: 1000 }
        ]);
    });
    test('a selected field must be grouped or aggregated', () => {
        assert.throws(
            () => run(org, 'SELECT Name, COUNT(Id) FROM Opportunity GROUP BY StageName'),
            /Field must be grouped or aggregated: Name/
        );
    });
});

describe('limits (Apex Developer Guide: Execution Governors and Limits, Working with SOQL Aggregate Functions)', () => {
    const org = tableOrg(DATA);
    const counter = () => {
        const counts = { queries: 0, queryRows: 0 };
        return { counts, checkLimit: (name, add) => (counts[name] += add) };
    };
    const cases = [
        ['a query counts once and its rows', 'SELECT Id FROM Account', { queries: 1, queryRows: 4 }],
        [
            'child rows count as query rows, the subquery not as a query',
            'SELECT Id, (SELECT Id FROM Contacts) FROM Account',
            { queries: 1, queryRows: 7 }
        ],
        ['COUNT() uses one row', 'SELECT COUNT() FROM Opportunity', { queries: 1, queryRows: 1 }],
        ['SUM uses every aggregated row', 'SELECT SUM(Amount) FROM Opportunity', { queries: 1, queryRows: 5 }],
        [
            'COUNT(field) with GROUP BY uses a row per group',
            'SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName',
            { queries: 1, queryRows: 3 }
        ]
    ];
    for (const [name, text, expected] of cases) {
        test(name, () => {
            const limits = counter();
            run(org, text, { limits });
            assert.deepEqual(limits.counts, expected);
        });
    }
});

describe('over the embedded org (createOrg)', () => {
    test('records saved through the org are queried with their parents, children and custom metadata', async () => {
        const { createOrg } = await import('../../../preview/org/org.mjs');
        const org = createOrg({
            root: ROOT,
            today: TODAY,
            users: [{ FirstName: 'Ada', LastName: 'Seller', Username: 'ada@soql.example' }]
        });
        const [acme] = org.insert('Account', [{ Name: 'Acme' }]);
        org.insert('Contact', [
            { LastName: 'Zed', AccountId: acme },
            { LastName: 'Amy', AccountId: acme }
        ]);
        const text =
            'SELECT Name, Owner.Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE CreatedDate = TODAY';
        const [account] = run(org, text).items;
        assert.equal(account.get('Owner').get('Name'), 'Ada Seller');
        assert.deepEqual(
            account.get('Contacts').items.map((contact) => contact.get('LastName')),
            ['Amy', 'Zed']
        );
        assert.ok(run(org, "SELECT COUNT() FROM Plan_Setting__mdt WHERE DeveloperName = 'Default'") === 1);
    });
});

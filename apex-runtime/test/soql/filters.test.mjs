// The SOQL engine's filters and ordering over a small store with the package's real schema: WHERE with LIKE and IN,
// binds, date literals, multi-select picklists, ORDER BY with nulls, LIMIT and OFFSET. Expected answers come from the
// SOQL and SOSL Reference pages cited beside each table.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadOrgSchema } from '../../../preview/org/schema.mjs';
import { compileSoql } from '../../soql/index.mjs';
import { ApexList, ApexSet } from '../../values/collections.mjs';
import { ApexDate, ApexDecimal } from '../../values/values.mjs';
import { dateLiteralRange } from '../../soql/dates.mjs';
import { ROOT, TODAY, DATA, tableOrg, run, names } from './support.mjs';

describe('WHERE filters (SOQL and SOSL Reference: Comparison Operators, LIKE, IN, logical operators)', () => {
    const org = tableOrg(DATA);
    const cases = [
        ['= on text ignores case', "SELECT Name FROM Account WHERE Name = 'ACME'", ['Acme']],
        [
            '!= keeps records whose value is null',
            'SELECT Name FROM Opportunity WHERE Amount != 1000',
            ['Deal 2', 'Deal 3', 'Deal 4', 'Deal 5']
        ],
        ['= null finds blank values', 'SELECT Name FROM Opportunity WHERE Amount = null', ['Deal 3']],
        ['!= null finds set values', 'SELECT Name FROM Account WHERE AnnualRevenue != null', ['Acme', 'beta']],
        ['< on numbers skips nulls', 'SELECT Name FROM Opportunity WHERE Amount < 1000', ['Deal 4', 'Deal 5']],
        ['>= on numbers', 'SELECT Name FROM Opportunity WHERE Amount >= 1000', ['Deal 1', 'Deal 2']],
        ['LIKE with % ignores case', "SELECT Name FROM Account WHERE Name LIKE 'a%'", ['Acme']],
        ['LIKE with _ matches one character', "SELECT Name FROM Account WHERE Name LIKE 'bet_'", ['beta']],
        ['IN a literal list', "SELECT Name FROM Account WHERE Name IN ('acme', 'Zulu')", ['Acme', 'Zulu']],
        ['NOT IN a literal list', "SELECT Name FROM Account WHERE Name NOT IN ('acme', 'Zulu')", ['beta', 'Gamma_1%']],
        [
            'AND with a parenthesised OR',
            "SELECT Name FROM Opportunity WHERE StageName = 'Prospecting' AND (Amount > 500 OR Amount = null)",
            ['Deal 1', 'Deal 3']
        ],
        [
            'NOT negates a condition',
            "SELECT Name FROM Opportunity WHERE NOT StageName = 'Prospecting'",
            ['Deal 2', 'Deal 4', 'Deal 5']
        ],
        ['a parent field in WHERE', "SELECT Name FROM Opportunity WHERE Account.Name = 'beta'", ['Deal 3', 'Deal 5']],
        [
            'a parent field of an empty lookup is null',
            'SELECT Name FROM Opportunity WHERE Account.Name = null',
            ['Deal 4']
        ],
        [
            'two levels of parents',
            "SELECT LastName FROM Contact WHERE Account.Owner.Name = 'Bob Buyer'",
            ['Three'],
            'LastName'
        ],
        ['date literal value', 'SELECT Name FROM Opportunity WHERE CloseDate > 2026-03-01', ['Deal 1', 'Deal 4']],
        [
            'semi-join Id IN (SELECT ...)',
            'SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact)',
            ['Acme', 'beta']
        ],
        [
            'anti-join Id NOT IN (SELECT ...)',
            "SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Opportunity WHERE StageName = 'Closed Won')",
            ['Gamma_1%', 'Zulu']
        ]
    ];
    for (const [name, text, expected, field] of cases) {
        test(name, () => assert.deepEqual(names(run(org, text), field), expected));
    }
});

describe('binds (Apex Developer Guide: Using Apex Variables in SOQL and SOSL Queries)', () => {
    const org = tableOrg(DATA);
    test('a String bind compares like a literal', () => {
        assert.deepEqual(names(run(org, 'SELECT Name FROM Account WHERE Name = :name', { binds: { name: 'BETA' } })), [
            'beta'
        ]);
    });
    test('IN a bound List of Ids and a bound Set of Strings', () => {
        const ids = new ApexList({ name: 'Id' }, [org.ids.acme, org.ids.none]);
        assert.deepEqual(names(run(org, 'SELECT Name FROM Account WHERE Id IN :ids', { binds: { ids } })), [
            'Acme',
            'Zulu'
        ]);
        const set = new ApexSet({ name: 'String' }, ['Gamma_1%', 'beta']);
        assert.deepEqual(names(run(org, 'SELECT Name FROM Account WHERE Name IN :names', { binds: { names: set } })), [
            'beta',
            'Gamma_1%'
        ]);
    });
    test('a 15-character Id bind matches the 18-character Id', () => {
        const id15 = org.ids.beta.slice(0, 15);
        assert.deepEqual(names(run(org, 'SELECT Name FROM Account WHERE Id = :id', { binds: { id: id15 } })), ['beta']);
    });
    test('Date and Decimal binds', () => {
        const binds = {
            day: new ApexDate(Date.parse('2026-03-01T00:00:00Z') / 86400000),
            amount: new ApexDecimal(7005n, 1)
        };
        const text = 'SELECT Name FROM Opportunity WHERE CloseDate >= :day AND Amount >= :amount';
        assert.deepEqual(names(run(org, text, { binds })), ['Deal 1', 'Deal 2']);
    });
    test('LIKE with escaped \\% and \\_ matches them literally', () => {
        const binds = { pattern: 'Gamma\\_1\\%', loose: 'Gamma\\_%' };
        assert.deepEqual(names(run(org, 'SELECT Name FROM Account WHERE Name LIKE :pattern', { binds })), ['Gamma_1%']);
        assert.deepEqual(names(run(org, "SELECT Name FROM Account WHERE Name LIKE 'Gamma_1_'")), ['Gamma_1%']);
    });
    test('LIMIT and OFFSET binds', () => {
        const text = 'SELECT Name FROM Account ORDER BY Name LIMIT :size OFFSET :skip';
        assert.deepEqual(names(run(org, text, { binds: { size: 2, skip: 1 } })), ['beta', 'Gamma_1%']);
    });
    test('dynamic binds are named; `:v.field` keeps its path for the caller', () => {
        const plan = compileSoql('SELECT Id FROM Account WHERE Name = :acct.Name AND Id IN :ids', {
            schema: org.schema
        });
        assert.deepEqual(
            plan.binds.map(({ name, path }) => ({ name, path })),
            [
                { name: 'acct', path: ['Name'] },
                { name: 'ids', path: undefined }
            ]
        );
    });
    test('a compiled plan is cached by its text', () => {
        const text = 'SELECT Id FROM Account';
        assert.equal(compileSoql(text, { schema: org.schema }), compileSoql(text, { schema: org.schema }));
    });
});

describe('date literals (SOQL and SOSL Reference: Date Formats and Date Literals in WHERE), today 2026-03-02', () => {
    const cases = [
        ['TODAY', undefined, ['2026-03-02', '2026-03-02']],
        ['YESTERDAY', undefined, ['2026-03-01', '2026-03-01']],
        ['THIS_WEEK', undefined, ['2026-03-01', '2026-03-07']],
        ['LAST_WEEK', undefined, ['2026-02-22', '2026-02-28']],
        ['THIS_MONTH', undefined, ['2026-03-01', '2026-03-31']],
        ['LAST_MONTH', undefined, ['2026-02-01', '2026-02-28']],
        ['NEXT_MONTH', undefined, ['2026-04-01', '2026-04-30']],
        ['THIS_QUARTER', undefined, ['2026-01-01', '2026-03-31']],
        ['NEXT_QUARTER', undefined, ['2026-04-01', '2026-06-30']],
        ['LAST_YEAR', undefined, ['2025-01-01', '2025-12-31']],
        ['LAST_90_DAYS', undefined, ['2025-12-02', '2026-03-02']],
        ['NEXT_90_DAYS', undefined, ['2026-03-03', '2026-05-31']],
        ['LAST_N_DAYS', 1, ['2026-03-01', '2026-03-02']],
        ['NEXT_N_DAYS', 3, ['2026-03-03', '2026-03-05']],
        ['N_DAYS_AGO', 2, ['2026-02-28', '2026-02-28']],
        ['LAST_N_MONTHS', 2, ['2026-01-01', '2026-02-28']],
        ['NEXT_N_WEEKS', 1, ['2026-03-08', '2026-03-14']],
        ['N_QUARTERS_AGO', 1, ['2025-10-01', '2025-12-31']],
        ['THIS_FISCAL_YEAR', undefined, ['2026-01-01', '2026-12-31']]
    ];
    for (const [name, n, range] of cases) {
        test(`${name}${n === undefined ? '' : `:${n}`} covers ${range.join(' to ')}`, () => {
            assert.deepEqual(dateLiteralRange({ name, n }, TODAY), range);
        });
    }
    const org = tableOrg(DATA);
    const queries = [
        ['= TODAY', 'CloseDate = TODAY', ['Deal 1']],
        ['< TODAY is before the range', 'CloseDate < TODAY', ['Deal 2', 'Deal 3', 'Deal 5']],
        ['= LAST_N_DAYS:7', 'CloseDate = LAST_N_DAYS:7', ['Deal 1', 'Deal 2', 'Deal 3']],
        ['> THIS_MONTH is after the month', 'CloseDate > THIS_MONTH', ['Deal 4']],
        ['= LAST_YEAR', 'CloseDate = LAST_YEAR', ['Deal 5']]
    ];
    for (const [name, where, expected] of queries) {
        test(`WHERE ${name}`, () =>
            assert.deepEqual(names(run(org, `SELECT Name FROM Opportunity WHERE ${where}`)), expected));
    }
});

describe('ORDER BY, LIMIT, OFFSET (SOQL and SOSL Reference: ORDER BY, LIMIT, OFFSET)', () => {
    const org = tableOrg(DATA);
    const cases = [
        ['ascending text ignores case', 'SELECT Name FROM Account ORDER BY Name', ['Acme', 'beta', 'Gamma_1%', 'Zulu']],
        ['descending', 'SELECT Name FROM Account ORDER BY Name DESC', ['Zulu', 'Gamma_1%', 'beta', 'Acme']],
        [
            'nulls first by default',
            'SELECT Name FROM Opportunity ORDER BY Amount',
            ['Deal 3', 'Deal 4', 'Deal 5', 'Deal 1', 'Deal 2']
        ],
        [
            'nulls first by default, descending too',
            'SELECT Name FROM Opportunity ORDER BY Amount DESC',
            ['Deal 3', 'Deal 2', 'Deal 1', 'Deal 5', 'Deal 4']
        ],
        [
            'NULLS LAST',
            'SELECT Name FROM Opportunity ORDER BY Amount NULLS LAST',
            ['Deal 4', 'Deal 5', 'Deal 1', 'Deal 2', 'Deal 3']
        ],
        [
            'several keys and a parent field',
            'SELECT Name FROM Opportunity ORDER BY Owner.Name DESC, CloseDate',
            ['Deal 5', 'Deal 2', 'Deal 3', 'Deal 1', 'Deal 4']
        ],
        ['LIMIT', 'SELECT Name FROM Account ORDER BY Name LIMIT 2', ['Acme', 'beta']],
        ['OFFSET', 'SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 3', ['Zulu']]
    ];
    for (const [name, text, expected] of cases) test(name, () => assert.deepEqual(names(run(org, text)), expected));
});

describe('multi-select picklists (SOQL and SOSL Reference: Querying Multi-Select Picklists)', () => {
    const base = loadOrgSchema(ROOT);
    const account = base.object('Account');
    const regions = { name: 'Regions__c', type: 'MultiselectPicklist', custom: true };
    const object = {
        ...account,
        fieldList: [...account.fieldList, regions],
        field: (name) => (name.toLowerCase() === 'regions__c' ? regions : account.field(name))
    };
    const schema = { ...base, objects: new Map([...base.objects, ['account', object]]) };
    const org = tableOrg(
        {
            Account: [
                { Name: 'A', Regions__c: 'EMEA;APAC' },
                { Name: 'B', Regions__c: 'AMER' },
                { Name: 'C', Regions__c: null }
            ]
        },
        { schema }
    );
    const cases = [
        ["INCLUDES ('EMEA')", ['A']],
        ["INCLUDES ('emea;amer')", []],
        ["INCLUDES ('EMEA;APAC', 'AMER')", ['A', 'B']],
        ["EXCLUDES ('AMER')", ['A', 'C']]
    ];
    for (const [where, expected] of cases) {
        test(`Regions__c ${where}`, () =>
            assert.deepEqual(names(run(org, `SELECT Name FROM Account WHERE Regions__c ${where}`)), expected));
    }
});

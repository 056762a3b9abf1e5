// The SOQL engine over a small store with the package's real schema: filters, LIKE, IN, date literals, ordering
// with nulls, relationships, subqueries, aggregates, COUNT(), LIMIT/OFFSET, user mode, limits, unsupported
// constructs. Expected answers come from the SOQL and SOSL Reference pages cited beside each table.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrgSchema } from '../../../preview/org/schema.mjs';
import { toId18 } from '../../../preview/org/org.mjs';
import { compileSoql, executeSoql, SoqlError } from '../../soql/index.mjs';
import { UnsupportedError } from '../../interpreter/errors.mjs';
import { ApexList, ApexSet } from '../../values/collections.mjs';
import { ApexDate, ApexDecimal } from '../../values/values.mjs';
import { dateLiteralRange } from '../../soql/dates.mjs';
import { ApexErrorListener, ApexParser, ApexParserFactory } from '@apexdevtools/apex-parser';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TODAY = '2026-03-02'; // a Monday

/**
 * A read-only org over the real schema with the rows given (the engine needs query, get, children,
 * customMetadata, today): the save pipeline is the org's own concern and is tested there. Rows may name others
 * by `key`; '@key' values become their Ids.
 */
function tableOrg(data, extra = {}) {
    const schema = extra.schema ?? loadOrgSchema(ROOT);
    const tables = new Map();
    const ids = {};
    let counter = 0;
    for (const [name, rows] of Object.entries(data)) {
        const object = schema.objects.get(name.toLowerCase());
        const stored = rows.map(({ key, ...fields }) => {
            const id = toId18(`${object.keyPrefix}${String(++counter).padStart(12, '0')}`);
            if (key) ids[key] = id;
            return { Id: id, ...fields };
        });
        tables.set(object.name.toLowerCase(), stored);
    }
    for (const rows of tables.values()) {
        for (const row of rows) {
            for (const [field, value] of Object.entries(row)) {
                if (typeof value === 'string' && value.startsWith('@')) row[field] = ids[value.slice(1)];
            }
        }
    }
    const table = (name) => tables.get(name.toLowerCase()) ?? [];
    return {
        ids,
        schema,
        today: TODAY,
        currentUserId: ids.ada ?? null,
        query: (name) => table(name).map((row) => ({ ...row })),
        get: (name, id) => table(name).find((row) => row.Id === id) ?? null,
        children: (name, field, parents) => table(name).filter((row) => parents.includes(row[field])),
        customMetadata: (type) => schema.customMetadata(type),
        ...extra
    };
}

const DATA = {
    User: [
        { key: 'ada', Name: 'Ada Seller', FirstName: 'Ada', LastName: 'Seller' },
        { key: 'bob', Name: 'Bob Buyer', FirstName: 'Bob', LastName: 'Buyer' }
    ],
    Account: [
        { key: 'acme', Name: 'Acme', OwnerId: '@ada', AnnualRevenue: 100 },
        { key: 'beta', Name: 'beta', OwnerId: '@bob', AnnualRevenue: 50 },
        { key: 'gamma', Name: 'Gamma_1%', OwnerId: '@ada', AnnualRevenue: null },
        { key: 'none', Name: 'Zulu', OwnerId: '@bob' }
    ],
    Contact: [
        { key: 'c1', LastName: 'One', AccountId: '@acme' },
        { key: 'c2', LastName: 'Two', AccountId: '@acme' },
        { key: 'c3', LastName: 'Three', AccountId: '@beta' }
    ],
    Opportunity: [
        {
            key: 'o1',
            Name: 'Deal 1',
            AccountId: '@acme',
            OwnerId: '@ada',
            StageName: 'Prospecting',
            Amount: 1000,
            CloseDate: '2026-03-02'
        },
        {
            key: 'o2',
            Name: 'Deal 2',
            AccountId: '@acme',
            OwnerId: '@bob',
            StageName: 'Closed Won',
            Amount: 2500.5,
            CloseDate: '2026-03-01'
        },
        {
            key: 'o3',
            Name: 'Deal 3',
            AccountId: '@beta',
            OwnerId: '@ada',
            StageName: 'Prospecting',
            Amount: null,
            CloseDate: '2026-02-25'
        },
        {
            key: 'o4',
            Name: 'Deal 4',
            AccountId: null,
            OwnerId: '@ada',
            StageName: 'Qualification',
            Amount: 300,
            CloseDate: '2026-04-15'
        },
        {
            key: 'o5',
            Name: 'Deal 5',
            AccountId: '@beta',
            OwnerId: '@bob',
            StageName: 'Closed Won',
            Amount: 700,
            CloseDate: '2025-12-31'
        }
    ]
};

function run(org, text, { binds = {}, ...options } = {}) {
    const plan = compileSoql(text, { schema: org.schema });
    return executeSoql(plan, { org, bind: (bind) => binds[bind.name], ...options });
}

const names = (result, field = 'Name') => result.items.map((record) => record.get(field));

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

describe('errors: what the platform rejects and what the runtime does not model fail loudly', () => {
    const org = tableOrg(DATA);
    const rejected = [
        ['an unknown object', 'SELECT Id FROM Nope__c', /sObject type 'Nope__c' is not supported/],
        ['an unknown field', 'SELECT Nope__c FROM Account', /No such column 'Nope__c' on entity 'Account'/],
        ['an unknown relationship', 'SELECT Nope__r.Name FROM Account', /Didn't understand relationship 'Nope__r'/],
        ['a syntax error', 'SELECT Id FROM Account WHERE', /unexpected token/],
        [
            'a string compared with a date field',
            "SELECT Id FROM Opportunity WHERE CloseDate = '2026-01-01'",
            /must be of type date/
        ],
        [
            'a date compared with a dateTime field',
            'SELECT Id FROM Account WHERE CreatedDate > 2026-01-01',
            /must be of type dateTime/
        ],
        ['LIMIT on an aggregate without GROUP BY', 'SELECT MAX(Amount) FROM Opportunity LIMIT 1', /LIMIT/]
    ];
    for (const [name, text, message] of rejected) {
        test(`${name} is a QueryException`, () =>
            assert.throws(
                () => run(org, text),
                (error) => error instanceof SoqlError && message.test(error.message)
            ));
    }
    const unsupported = [
        ['TYPEOF', 'SELECT TYPEOF Owner WHEN User THEN Name END FROM Account'],
        ['toLabel()', 'SELECT toLabel(StageName) FROM Opportunity'],
        ['CALENDAR_YEAR()', 'SELECT CALENDAR_YEAR(CloseDate) FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate)'],
        ['ALL ROWS', 'SELECT Id FROM Account ALL ROWS'],
        ['GROUP BY ROLLUP', 'SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY ROLLUP(StageName)'],
        ['USING SCOPE', 'SELECT Id FROM Account USING SCOPE mine']
    ];
    for (const [name, text] of unsupported) {
        test(`${name} throws UnsupportedError naming it`, () =>
            assert.throws(
                () => run(org, text),
                (error) => error instanceof UnsupportedError && /SOQL/.test(error.construct)
            ));
    }
    test('FOR UPDATE, FOR VIEW and FOR REFERENCE are accepted', () => {
        assert.equal(run(org, 'SELECT Id FROM Account FOR UPDATE').items.length, 4);
        assert.equal(run(org, 'SELECT Id FROM Account FOR VIEW').items.length, 4);
    });
});

describe('inline SOQL (the `query` context the interpreter finds inside [ ... ])', () => {
    const org = tableOrg(DATA);
    const inlineQuery = (source) => {
        const { parser } = ApexParserFactory.createLexerAndParser(
            `class C { void m() { Object x = ${source}; } }`,
            new ApexErrorListener()
        );
        const find = (node) => {
            if (node.ruleIndex !== undefined && ApexParser.ruleNames[node.ruleIndex] === 'query') return node;
            for (const child of node.children ?? []) {
                const found = find(child);
                if (found) return found;
            }
            return undefined;
        };
        return find(parser.compilationUnit());
    };
    test('binds keep their expression context and source text; the plan is cached per context', () => {
        const ctx = inlineQuery(
            '[SELECT Name FROM Account WHERE Name = :acct.Name AND Id IN :ids.keySet() LIMIT :n + 1]'
        );
        const plan = compileSoql(ctx, { schema: org.schema });
        assert.deepEqual(
            plan.binds.map((bind) => bind.text),
            ['acct.Name', 'ids.keySet()', 'n + 1']
        );
        assert.ok(plan.binds.every((bind) => bind.ctx && bind.name === bind.text));
        assert.equal(compileSoql(ctx, { schema: org.schema }), plan);
        const values = ['beta', new ApexList({ name: 'Id' }, [org.ids.beta]), 5];
        const result = executeSoql(plan, { org, bind: (bind) => values[bind.index] });
        assert.deepEqual(names(result), ['beta']);
    });
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

describe('UserRecordAccess (Object Reference: UserRecordAccess)', () => {
    test('answers HasEditAccess from the sharing model for the user and records the WHERE names', async () => {
        const { createOrg } = await import('../../../preview/org/org.mjs');
        const org = createOrg({
            root: ROOT,
            today: TODAY,
            users: [
                { FirstName: 'Ada', LastName: 'Admin', Username: 'ada@ura.example' },
                { FirstName: 'Sam', LastName: 'Seller', Username: 'sam@ura.example', profile: 'Standard User' }
            ]
        });
        const [ada, sam] = org.query('User').map((user) => user.Id);
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

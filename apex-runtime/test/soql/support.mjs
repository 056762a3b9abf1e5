// Shared by the SOQL engine's tests: a small read-only store over the package's real schema, its rows, and running
// a query on it.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrgSchema } from '../../../preview/org/schema.mjs';
import { toId18 } from '../../../preview/org/org.mjs';
import { compileSoql, executeSoql } from '../../soql/index.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const TODAY = '2026-03-02'; // a Monday

/**
 * A read-only org over the real schema with the rows given (the engine needs query, get, children,
 * customMetadata, today): the save pipeline is the org's own concern and is tested there. Rows may name others
 * by `key`; '@key' values become their Ids.
 */
export function tableOrg(data, extra = {}) {
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

export const DATA = {
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

export function run(org, text, { binds = {}, ...options } = {}) {
    const plan = compileSoql(text, { schema: org.schema });
    return executeSoql(plan, { org, bind: (bind) => binds[bind.name], ...options });
}

export const names = (result, field = 'Name') => result.items.map((record) => record.get(field));

/**
 * The embedded org without the project's triggers (what is tested is how the engine reads, not what the package does
 * on a save), with an administrator, Ada, and a seller on the Standard User profile, Sam: { org, ada, sam }.
 */
export async function adminAndSellerOrg(domain) {
    const { createOrg } = await import('../../../preview/org/org.mjs');
    const org = createOrg({
        root: ROOT,
        today: TODAY,
        triggers: 'off',
        users: [
            { FirstName: 'Ada', LastName: 'Admin', Username: `ada@${domain}` },
            { FirstName: 'Sam', LastName: 'Seller', Username: `sam@${domain}`, profile: 'Standard User' }
        ]
    });
    const [ada, sam] = org.query('User').map((user) => user.Id);
    return { org, ada, sam };
}

// What the SOQL engine refuses and how it reads queries: errors the platform rejects and constructs the runtime
// does not model fail loudly, and inline SOQL with its binds as the interpreter finds it inside [ ... ].
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSoql, executeSoql, SoqlError } from '../../soql/index.mjs';
import { UnsupportedError } from '../../interpreter/errors.mjs';
import { ApexList } from '../../values/collections.mjs';
import { ApexErrorListener, ApexParser, ApexParserFactory } from '@apexdevtools/apex-parser';
import { DATA, tableOrg, run, names } from './support.mjs';

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

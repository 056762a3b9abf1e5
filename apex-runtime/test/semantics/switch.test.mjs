// Apex Developer Guide, "Switch Statements": values, comma lists, when null, when else, enums, sObject types.
import { table } from './harness.mjs';

const SW = 'Apex Developer Guide, Switch Statements';
const topics = ['switch'];

table('switch on values', topics, [
    { apex: 'SwitchProbe.classify(2)', expected: 'when block 2', doc: `${SW}: example with literal values "when 2"` },
    { apex: 'SwitchProbe.classify(-3)', expected: 'when block -3', doc: `${SW}: "when -3" (negative literal)` },
    {
        apex: 'SwitchProbe.classify(7)',
        expected: 'when block 5 and 7',
        doc: `${SW}: "when value2, value3" (a comma-separated list)`
    },
    { apex: 'SwitchProbe.classify(null)', expected: 'null', doc: `${SW}: Null Value Example "when null"` },
    {
        apex: 'SwitchProbe.classify(4)',
        expected: 'default',
        doc: `${SW}: "when else" runs when no other value matches`
    },
    { apex: "SwitchProbe.word('beta')", expected: 'greek', doc: `${SW}: switch on a String value` },
    { apex: "SwitchProbe.word('gamma')", expected: 'other', doc: `${SW}: when else` },
    {
        apex: 'SwitchProbe.fromMethod()',
        expected: 'one 1',
        doc: `${SW}: Method Example (the switch expression is evaluated once)`
    }
]);

table('switch on an enum', topics, [
    {
        apex: 'SwitchProbe.clothes(SwitchProbe.Season.WINTER)',
        expected: 'boots',
        doc: `${SW}: Enum Example "when WINTER"`
    },
    {
        apex: 'SwitchProbe.clothes(SwitchProbe.Season.SUMMER)',
        expected: 'sandals',
        doc: `${SW}: Enum Example "when SPRING, SUMMER"`
    },
    {
        apex: 'SwitchProbe.clothes(SwitchProbe.Season.FALL)',
        expected: 'none of the above',
        doc: `${SW}: Enum Example "when else"`
    }
]);

table('switch on an sObject type', topics, [
    {
        apex: "SwitchProbe.record(new Account(Name = 'Acme'))",
        expected: 'account Acme',
        doc: `${SW}: sObject Example "when Account a"`,
        note: 'needs the Account sObject type with org: null'
    },
    {
        apex: "SwitchProbe.record(new Contact(LastName = 'Lee'))",
        expected: 'contact Lee',
        doc: `${SW}: sObject Example "when Contact c"`,
        note: 'needs the Contact sObject type with org: null'
    },
    {
        apex: 'SwitchProbe.record(new Opportunity())',
        expected: 'other',
        doc: `${SW}: sObject Example "when else"`,
        note: 'needs the Opportunity sObject type with org: null'
    },
    { apex: 'SwitchProbe.record(null)', expected: 'null', doc: `${SW}: sObject Example "when null"` }
]);

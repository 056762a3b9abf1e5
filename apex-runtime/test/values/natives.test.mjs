import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../values/index.mjs';
import { nativeClass } from '../../interpreter/natives.mjs';
import { ApexList, ApexSet, ApexMap } from '../../values/collections.mjs';
import { ApexDate, ApexDatetime, ApexDouble, ApexEnumValue } from '../../values/values.mjs';
import { decimalFromString } from '../../values/decimal.mjs';
import { toApexString } from '../../values/apex-string.mjs';
import { T } from '../../values/types.mjs';
import { fakeRt, apexError } from './fake-rt.mjs';

const rt = fakeRt();
const dec = (text) => decimalFromString(text);
const s = (v) => toApexString(v, rt);
const call = (cls, method, self, ...args) => nativeClass(cls).instanceMethods[method](rt, self, args);
const stat = (cls, method, ...args) => nativeClass(cls).staticMethods[method](rt, args);
const list = (...items) => new ApexList(T.String, items);

// Apex Reference, "String Class".
test('String methods answer as the Apex Reference documents', () => {
    const table = [
        ['abbreviate', 'Now is the time for all good men', [20], 'Now is the time f...'],
        ['capitalize', 'hello', [], 'Hello'],
        ['contains', 'Salesforce', ['force'], true],
        ['containsignorecase', 'Salesforce', ['FORCE'], true],
        ['countmatches', 'Hello Jane Hello', ['Hello'], 2],
        ['endswith', 'Hello Jason', ['Jason'], true],
        ['equals', 'abc', ['ABC'], false],
        ['equalsignorecase', 'abc', ['ABC'], true],
        ['indexof', 'hello world', ['o'], 4],
        ['isnumeric', '1234', [], true],
        ['isnumeric', '12.3', [], false],
        ['left', 'abcdef', [2], 'ab'],
        ['leftpad', '5', [3, '0'], '005'],
        ['rightpad', 'ab', [4], 'ab  '],
        ['removeend', 'Salesforce.com', ['.com'], 'Salesforce'],
        ['removestart', 'Salesforce', ['Sales'], 'force'],
        ['repeat', 'ab', [3], 'ababab'],
        ['repeat', 'ab', ['-', 3], 'ab-ab-ab'],
        ['replace', 'a.b.c', ['.', '-'], 'a-b-c'],
        ['replaceall', 'a1b22c', ['[0-9]+', '#'], 'a#b#c'],
        ['replaceall', 'John Smith', ['(\\w+) (\\w+)', '$2, $1'], 'Smith, John'],
        ['reverse', 'abc', [], 'cba'],
        ['substring', 'hamburger', [4, 8], 'urge'],
        ['substringafter', 'key=value', ['='], 'value'],
        ['substringbefore', 'key=value', ['='], 'key'],
        ['tolowercase', 'ABC', [], 'abc'],
        ['trim', '  x  ', [], 'x'],
        ['compareto', 'a', ['b'], -1],
        ['charat', 'A', [0], 65],
        ['escapesinglequotes', "it's", [], "it\\'s"],
        ['normalizespace', ' a   b ', [], 'a b'],
        ['length', 'four', [], 4]
    ];
    for (const [method, self, args, expected] of table) {
        assert.deepEqual(call('String', method, self, ...args), expected, `'${self}'.${method}(${args.join(', ')})`);
    }
});

test('String.split uses a regex and drops trailing empty strings', () => {
    assert.deepEqual(call('String', 'split', 'a,b,,c,,', ',').items, ['a', 'b', '', 'c']);
    assert.deepEqual(call('String', 'split', 'a.b', '\\.').items, ['a', 'b']);
    assert.deepEqual(call('String', 'split', 'abc', '').items, ['a', 'b', 'c']);
    assert.deepEqual(call('String', 'split', 'a,b,c', ',', 2).items, ['a', 'b,c']);
});

test('String static methods: isBlank, join, valueOf, format with quotes', () => {
    assert.equal(stat('String', 'isblank', '  '), true);
    assert.equal(stat('String', 'isblank', null), true);
    assert.equal(stat('String', 'isnotblank', 'x'), true);
    assert.equal(stat('String', 'isempty', ' '), false);
    assert.equal(stat('String', 'join', list('a', 'b'), ', '), 'a, b');
    assert.equal(stat('String', 'valueof', dec('2.50')), '2.50');
    assert.equal(stat('String', 'valueof', null), null);
    assert.equal(stat('String', 'format', '{0} of {1}', new ApexList(T.Object, ['x', 'y'])), 'x of y');
    // MessageFormat: a single quote starts a quoted literal, '' is a quote; numbers are grouped.
    assert.equal(stat('String', 'format', "it''s '{0}' {0}", new ApexList(T.Object, ['v'])), "it's {0} v");
    assert.equal(stat('String', 'format', '{0}', new ApexList(T.Object, [1234567])), '1,234,567');
});

// Apex Reference, "Decimal Class".
test('Decimal.setScale rounds half-even by default and by the given RoundingMode', () => {
    const mode = (name) => nativeClass('RoundingMode').staticProperty(rt, name);
    const table = [
        ['2.345', [2], '2.34'],
        ['2.355', [2], '2.36'],
        ['2.345', [2, mode('HALF_UP')], '2.35'],
        ['-2.7', [0, mode('CEILING')], '-2'],
        ['5.5', [0, mode('DOWN')], '5'],
        ['1.1', [0, mode('UP')], '2'],
        ['1.5', [3], '1.500']
    ];
    for (const [value, args, expected] of table)
        assert.equal(s(call('Decimal', 'setscale', dec(value), ...args)), expected);
    assert.throws(
        () => call('Decimal', 'setscale', dec('1.25'), 1, mode('UNNECESSARY')),
        apexError('System.MathException')
    );
});

test('Decimal methods: divide, round, stripTrailingZeros, toPlainString, intValue, precision, scale', () => {
    assert.equal(s(call('Decimal', 'divide', dec('5'), 3, 30)), '1.666666666666666666666666666667');
    assert.equal(s(call('Decimal', 'divide', dec('1'), 3, 2)), '0.33');
    assert.equal(call('Decimal', 'round', dec('2.5')), 2n);
    assert.equal(call('Decimal', 'round', dec('3.5')), 4n);
    assert.equal(s(call('Decimal', 'striptrailingzeros', dec('1.500'))), '1.5');
    assert.equal(call('Decimal', 'toplainstring', dec('1E+3')), '1000');
    assert.equal(call('Decimal', 'intvalue', dec('-7.9')), -7);
    assert.equal(call('Decimal', 'precision', dec('123.45')), 5);
    assert.equal(call('Decimal', 'scale', dec('123.45')), 2);
    assert.equal(s(stat('Decimal', 'valueof', '12.50')), '12.50');
    assert.throws(() => stat('Integer', 'valueof', '1.5'), apexError('System.TypeException'));
    assert.equal(stat('Integer', 'valueof', '-42'), -42);
});

// Apex Reference, "Math Class".
test('Math methods', () => {
    assert.equal(stat('Math', 'mod', -7, 3), -1);
    assert.equal(stat('Math', 'max', 3, 8), 8);
    assert.equal(s(stat('Math', 'min', dec('1.5'), 2)), '1.5');
    assert.equal(stat('Math', 'abs', -4), 4);
    assert.equal(stat('Math', 'round', new ApexDouble(2.5)), 3);
    assert.equal(stat('Math', 'round', new ApexDouble(-2.5)), -2);
    assert.equal(stat('Math', 'roundtolong', dec('7.5')), 8n);
    assert.equal(stat('Math', 'floor', new ApexDouble(1.7)).value, 1);
});

// Apex Reference, "Date Class" and "Datetime Class".
test('Date arithmetic and formatting', () => {
    const d = stat('Date', 'newinstance', 2024, 1, 31);
    assert.equal(s(call('Date', 'addmonths', d, 1)), '2024-02-29');
    assert.equal(s(call('Date', 'addyears', stat('Date', 'newinstance', 2024, 2, 29), 1)), '2025-02-28');
    assert.equal(call('Date', 'daysbetween', d, stat('Date', 'newinstance', 2024, 3, 1)), 30);
    assert.equal(call('Date', 'monthsbetween', d, stat('Date', 'newinstance', 2024, 3, 1)), 2);
    assert.equal(s(call('Date', 'tostartofmonth', d)), '2024-01-01');
    assert.equal(s(call('Date', 'tostartofweek', d)), '2024-01-28'); // a Wednesday -> Sunday (en_US)
    assert.equal(call('Date', 'dayofyear', stat('Date', 'newinstance', 2024, 3, 1)), 61);
    assert.equal(call('Date', 'format', d), '1/31/2024');
    assert.equal(stat('Date', 'isleapyear', 1900), false);
    assert.equal(stat('Date', 'daysinmonth', 2024, 2), 29);
    assert.equal(s(stat('Date', 'valueof', '2024-05-06')), '2024-05-06');
    assert.equal(s(stat('Date', 'today')), '2024-03-01');
});

test('Datetime methods and SimpleDateFormat patterns', () => {
    const dt = stat('Datetime', 'newinstancegmt', 2024, 3, 5, 14, 7, 9);
    assert.equal(call('Datetime', 'formatgmt', dt, 'yyyy-MM-dd HH:mm:ss'), '2024-03-05 14:07:09');
    assert.equal(call('Datetime', 'formatgmt', dt, "EEE, MMM d, ''yy h:mm a"), "Tue, Mar 5, '24 2:07 PM");
    assert.equal(call('Datetime', 'formatgmt', dt, "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"), '2024-03-05T14:07:09.000Z');
    assert.equal(call('Datetime', 'format', dt), '3/5/2024 2:07 PM');
    assert.equal(call('Datetime', 'gettime', dt), BigInt(Date.UTC(2024, 2, 5, 14, 7, 9)));
    assert.equal(s(call('Datetime', 'adddays', dt, 1)), '2024-03-06 14:07:09');
    assert.equal(s(call('Datetime', 'date', dt)), '2024-03-05');
    assert.equal(call('Datetime', 'hourgmt', dt), 14);
    assert.equal(s(stat('Datetime', 'valueof', '2024-01-02 03:04:05')), '2024-01-02 03:04:05');
    assert.equal(s(stat('Time', 'newinstance', 10, 30, 0, 0)), '10:30:00.000Z');
});

// Apex Reference, "List Class", "Set Class", "Map Class"; Apex Developer Guide, "Collections".
test('List methods', () => {
    const l = new ApexList(T.Integer, [3, 1, 2]);
    call('List', 'add', l, 0);
    call('List', 'add', l, 0, 9);
    assert.equal(s(l), '(9, 3, 1, 2, 0)');
    call('List', 'sort', l);
    assert.equal(s(l), '(0, 1, 2, 3, 9)');
    assert.equal(call('List', 'remove', l, 0), 0);
    assert.equal(call('List', 'indexof', l, 3), 2);
    assert.equal(call('List', 'contains', l, 9), true);
    assert.throws(() => call('List', 'get', l, 10), apexError('System.ListException', 'List index out of bounds: 10'));
    const strings = list('b', 'A', 'a');
    call('List', 'sort', strings);
    assert.deepEqual(strings.items, ['A', 'a', 'b']);
    assert.equal(call('List', 'contains', list('Acme'), 'ACME'), true); // elements compare with ==
    const decimals = new ApexList(T.Decimal, []);
    call('List', 'add', decimals, 1);
    assert.equal(s(call('List', 'get', decimals, 0)), '1');
    assert.equal(call('List', 'equals', list('a'), list('A')), true);
});

test('Set keys of type String are case-sensitive', () => {
    const set = nativeClass('Set').construct(rt, [list('a', 'A', 'a')], T.set(T.String));
    assert.equal(call('Set', 'size', set), 2);
    assert.equal(call('Set', 'contains', set, 'a'), true);
    assert.equal(call('Set', 'add', set, 'b'), true);
    assert.equal(call('Set', 'add', set, 'b'), false);
    assert.equal(call('Set', 'remove', set, 'A'), true);
    assert.equal(s(set), '{a, b}');
    assert.equal(call('Set', 'containsall', set, list('a', 'b')), true);
    assert.equal(call('Set', 'retainall', set, list('b')), true);
    assert.equal(s(set), '{b}');
});

test('Map methods and case-sensitive String keys', () => {
    const map = nativeClass('Map').construct(rt, [], T.map(T.String, T.Integer));
    assert.equal(call('Map', 'put', map, 'Key', 1), null);
    assert.equal(call('Map', 'put', map, 'Key', 2), 1);
    call('Map', 'put', map, 'key', 3);
    assert.equal(call('Map', 'size', map), 2);
    assert.equal(call('Map', 'get', map, 'KEY'), null);
    assert.equal(call('Map', 'containskey', map, 'key'), true);
    assert.equal(s(call('Map', 'keyset', map)), '{Key, key}');
    assert.equal(s(call('Map', 'values', map)), '(2, 3)');
    assert.equal(call('Map', 'remove', map, 'Key'), 2);
    assert.equal(s(map), '{key=3}');
});

test('Decimal keys keep their scale; Id keys are extended to 18 characters', () => {
    const set = new ApexSet(T.Decimal, [dec('1.1'), dec('1.10')]);
    assert.equal(set.size(), 2);
    const ids = new ApexMap(T.Id, T.String);
    ids.set('001000000000001', 'x', rt);
    assert.equal(ids.get('001000000000001AAA', rt), 'x');
});

test('EncodingUtil and Blob', () => {
    const blob = stat('Blob', 'valueof', 'hello');
    assert.equal(call('Blob', 'size', blob), 5);
    assert.equal(stat('EncodingUtil', 'base64encode', blob), 'aGVsbG8=');
    assert.equal(call('Blob', 'tostring', stat('EncodingUtil', 'base64decode', 'aGVsbG8=')), 'hello');
    assert.equal(stat('EncodingUtil', 'urlencode', 'a b&c', 'UTF-8'), 'a+b%26c');
});

test('Boolean.valueOf and enum RoundingMode', () => {
    assert.equal(stat('Boolean', 'valueof', 'TRUE'), true);
    assert.equal(stat('Boolean', 'valueof', 'yes'), false);
    assert.ok(nativeClass('RoundingMode').staticProperty(rt, 'HALF_UP') instanceof ApexEnumValue);
});

test('Date and Datetime literals print in their String.valueOf forms', () => {
    assert.equal(s(new ApexDate(0)), '1970-01-01');
    assert.equal(s(new ApexDatetime(0)), '1970-01-01 00:00:00');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binary, unary } from '../../values/operators.mjs';
import { coerce, typeOf, isInstanceOf } from '../../values/runtime-types.mjs';
import { equals, exactEquals } from '../../values/equality.mjs';
import { toApexString } from '../../values/apex-string.mjs';
import { ApexDouble, ApexDate, ApexDatetime } from '../../values/values.mjs';
import { decimalFromString } from '../../values/decimal.mjs';
import { ApexList, ApexSet, ApexMap } from '../../values/collections.mjs';
import { ApexSObject } from '../../values/sobject.mjs';
import { T } from '../../values/types.mjs';
import { fakeRt, apexError } from './fake-rt.mjs';

const rt = fakeRt();
const dec = (text) => decimalFromString(text);
const D = (n) => new ApexDouble(n);
const s = (v) => toApexString(v, rt);

// Apex Developer Guide, "Primitive Data Types" and "Expression Operators".
test('Integer arithmetic wraps on overflow and division truncates toward zero', () => {
    const table = [
        ['+', 2147483647, 1, -2147483648],
        ['-', -2147483648, 1, 2147483647],
        ['*', 65536, 65536, 0],
        ['/', 7, 2, 3],
        ['/', -7, 2, -3],
        ['/', 7, -2, -3]
    ];
    for (const [op, a, b, expected] of table) assert.equal(binary(op, a, b, rt), expected, `${a} ${op} ${b}`);
});

test('Long arithmetic wraps at 64 bits and Integer promotes to Long', () => {
    assert.equal(binary('+', 9223372036854775807n, 1, rt), -9223372036854775808n);
    assert.equal(binary('/', -7n, 2, rt), -3n);
    assert.equal(binary('*', 3, 4n, rt), 12n);
});

test('division by zero throws System.MathException "Divide by 0"', () => {
    for (const [a, b] of [
        [1, 0],
        [1n, 0],
        [dec('1.5'), 0],
        [D(1), 0]
    ]) {
        assert.throws(() => binary('/', a, b, rt), apexError('System.MathException', 'Divide by 0'));
    }
});

test('numeric promotion: Integer < Long < Double < Decimal', () => {
    assert.ok(binary('+', 1, D(0.5), rt) instanceof ApexDouble);
    assert.equal(s(binary('+', 1, dec('0.50'), rt)), '1.50');
    assert.equal(s(binary('+', D(0.5), dec('1'), rt)), '1.5');
});

test('Decimal arithmetic keeps scale', () => {
    const table = [
        ['+', '1.10', '2.205', '3.305'],
        ['-', '5.00', '1', '4.00'],
        ['*', '1.5', '2.25', '3.375'],
        ['/', '10', '4', '2.5'],
        ['/', '1.00', '4', '0.25'],
        ['/', '6.0', '2', '3.0']
    ];
    for (const [op, a, b, expected] of table)
        assert.equal(s(binary(op, dec(a), dec(b), rt)), expected, `${a} ${op} ${b}`);
});

test("String concatenation uses String.valueOf: 'a' + null is 'anull'", () => {
    assert.equal(binary('+', 'a', null, rt), 'anull');
    assert.equal(binary('+', null, 'a', rt), 'nulla');
    assert.equal(binary('+', 'n=', 5, rt), 'n=5');
    assert.equal(binary('+', 'd=', dec('1.50'), rt), 'd=1.50');
    assert.equal(binary('+', 'x=', D(1), rt), 'x=1.0');
    assert.equal(binary('+', 'day ', new ApexDate(19783), rt), 'day 2024-03-01');
});

test('arithmetic on null throws System.NullPointerException', () => {
    assert.throws(() => binary('+', null, 1, rt), apexError('System.NullPointerException'));
    assert.throws(() => unary('-', null, rt), apexError('System.NullPointerException'));
});

test('Date + Integer adds days; Datetime + Decimal adds a fraction of a day', () => {
    assert.equal(s(binary('+', new ApexDate(19783), 30, rt)), '2024-03-31');
    assert.equal(s(binary('-', new ApexDate(19783), 1, rt)), '2024-02-29');
    const noon = new ApexDatetime(Date.UTC(2024, 0, 1, 12));
    assert.equal(s(binary('+', noon, dec('0.5'), rt)), '2024-01-02 00:00:00');
});

test('relational operators: null numbers give false, Strings ignore case, non-null String > null', () => {
    assert.equal(binary('<', null, 5, rt), false);
    assert.equal(binary('>=', null, 5, rt), false);
    assert.equal(binary('<', 'apple', 'Banana', rt), true);
    assert.equal(binary('>', 'a', null, rt), true);
    assert.equal(binary('<', 1, dec('1.5'), rt), true);
});

test('== ignores case for Strings; === on primitives compares exact values', () => {
    assert.equal(equals('Acme', 'ACME', rt), true);
    assert.equal(equals(1, dec('1.0'), rt), true);
    assert.equal(equals(1, 1n, rt), true);
    assert.equal(equals(null, null, rt), true);
    assert.equal(equals(null, '', rt), false);
    assert.equal(exactEquals('a', 'A'), false);
    const list = new ApexList(T.String, ['a']);
    assert.equal(exactEquals(list, new ApexList(T.String, ['a'])), false);
    assert.equal(equals(list, new ApexList(T.String, ['A']), rt), true);
});

test('== compares SObjects field by field', () => {
    const a = new ApexSObject('Account');
    a.put('Name', 'Acme');
    const b = new ApexSObject('Account');
    b.put('name', 'acme');
    assert.equal(equals(a, b, rt), true);
    b.put('Phone', '1');
    assert.equal(equals(a, b, rt), false);
});

test('bitwise and shift operators on Integer and Long', () => {
    const table = [
        ['&', 12, 10, 8],
        ['|', 12, 10, 14],
        ['^', 12, 10, 6],
        ['<<', 1, 31, -2147483648],
        ['>>', -8, 1, -4],
        ['>>>', -1, 28, 15],
        ['<<', 1n, 63, -9223372036854775808n]
    ];
    for (const [op, a, b, expected] of table) assert.equal(binary(op, a, b, rt), expected, `${a} ${op} ${b}`);
    assert.equal(unary('~', 0, rt), -1);
    assert.equal(unary('-', -2147483648, rt), -2147483648);
});

test('String.valueOf of Doubles follows Java formatting', () => {
    const table = [
        [1, '1.0'],
        [0.1, '0.1'],
        [1234567.5, '1234567.5'],
        [1e7, '1.0E7'],
        [0.0001, '1.0E-4'],
        [-2.5, '-2.5'],
        [123456789.123, '1.23456789123E8']
    ];
    for (const [n, expected] of table) assert.equal(s(D(n)), expected);
});

test('String.valueOf of collections and SObjects', () => {
    assert.equal(s(new ApexList(T.Integer, [1, 2])), '(1, 2)');
    assert.equal(s(new ApexSet(T.String, ['a', 'b'])), '{a, b}');
    const map = new ApexMap(T.String, T.Integer);
    map.set('k', 1);
    map.set('j', null);
    assert.equal(s(map), '{k=1, j=null}');
    const acc = new ApexSObject('Account');
    acc.put('Name', 'Acme');
    acc.put('Id', '001000000000001AAA');
    assert.equal(s(acc), 'Account:{Name=Acme, Id=001000000000001AAA}');
    assert.equal(s(new ApexDatetime(Date.UTC(2024, 0, 2, 3, 4, 5))), '2024-01-02 03:04:05');
});

test('coerce widens numbers, validates Ids and fails with TypeException otherwise', () => {
    assert.equal(coerce(5, T.Long, rt), 5n);
    assert.equal(s(coerce(5, T.Decimal, rt)), '5');
    assert.ok(coerce(5, T.Double, rt) instanceof ApexDouble);
    assert.equal(coerce('001000000000001', T.Id, rt), '001000000000001AAA');
    assert.throws(() => coerce('nope', T.Id, rt), apexError('System.StringException', 'Invalid id: nope'));
    assert.throws(
        () => coerce(5, T.String, rt),
        apexError('System.TypeException', 'Invalid conversion from runtime type Integer to String')
    );
    assert.equal(coerce('x', T.Object, rt), 'x');
});

test('typeOf and instanceof', () => {
    assert.deepEqual(typeOf(1), T.Integer);
    assert.deepEqual(typeOf(new ApexList(T.String, [])), T.list(T.String));
    assert.equal(isInstanceOf(new ApexSObject('Account'), T.SObject, rt), true);
    assert.equal(isInstanceOf(new ApexList({ name: 'Account' }, []), T.list(T.SObject), rt), true);
    assert.equal(isInstanceOf(null, T.Object, rt), false);
    assert.equal(isInstanceOf('001000000000001AAA', T.Id, rt), true);
    assert.equal(isInstanceOf('hello', T.Id, rt), false);
});

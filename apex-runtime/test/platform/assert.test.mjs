// System.Assert and System.assert*: which calls fail, and the message each failure carries (Apex Reference,
// "Assert Class"; messages as the platform reports failed tests: "Assertion Failed: Expected: 1, Actual: 0",
// "Assertion Failed: <msg>: Expected: x, Actual: y", "Assertion Failed: <msg>").
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, newRt, callStatic, apexError } from './support.mjs';
import { ApexDecimal, ApexTypeValue } from '../../values/values.mjs';

const { org } = newOrg();
const rt = newRt(org);

describe('Assert and System.assert* failures', () => {
    const failing = [
        ['Assert.areEqual', [1, 0], 'Assertion Failed: Expected: 1, Actual: 0'],
        [
            'Assert.areEqual',
            [120, new ApexDecimal(15000n, 2), 'Recurring charge mismatch.'],
            'Assertion Failed: Recurring charge mismatch.: Expected: 120, Actual: 150.00'
        ],
        ['Assert.areEqual', ['abc', 'ABC'], 'Assertion Failed: Expected: abc, Actual: ABC'],
        ['Assert.areEqual', ['x', null], 'Assertion Failed: Expected: x, Actual: null'],
        ['System.assertEquals', [false, true], 'Assertion Failed: Expected: false, Actual: true'],
        ['Assert.areNotEqual', [1, 1], 'Assertion Failed: Same value: 1'],
        ['System.assertNotEquals', ['a', 'a', 'differ'], 'Assertion Failed: differ: Same value: a'],
        ['Assert.isTrue', [false], 'Assertion Failed'],
        ['Assert.isTrue', [false, 'must hold'], 'Assertion Failed: must hold'],
        ['System.assert', [false, 'must hold'], 'Assertion Failed: must hold'],
        ['Assert.isFalse', [true, 'must not hold'], 'Assertion Failed: must not hold'],
        ['Assert.isNull', ['x'], 'Assertion Failed: Expected: null, Actual: x'],
        ['Assert.isNotNull', [null, 'needs a value'], 'Assertion Failed: needs a value'],
        ['Assert.fail', ['never here'], 'Assertion Failed: never here'],
        ['Assert.fail', [], 'Assertion Failed'],
        [
            'Assert.isInstanceOfType',
            ['x', new ApexTypeValue({ name: 'Integer' })],
            'Assertion Failed: Expected instance of Integer'
        ]
    ];
    for (const [method, args, message] of failing) {
        test(`${method}(${args.map((a) => JSON.stringify(a, (k, v) => (typeof v === 'bigint' ? String(v) : v))).join(', ')}) throws System.AssertException "${message}"`, () => {
            const error = apexError(() => callStatic(rt, method, args));
            assert.equal(error.apexType, 'System.AssertException');
            assert.equal(error.apexMessage, message);
        });
    }

    const passing = [
        ['Assert.areEqual', [1, new ApexDecimal(10n, 1)]],
        ['Assert.areEqual', [null, null]],
        ['Assert.areNotEqual', ['abc', 'ABC']],
        ['Assert.isTrue', [true]],
        ['Assert.isFalse', [false]],
        ['Assert.isNull', [null]],
        ['Assert.isNotNull', [0]],
        ['Assert.isInstanceOfType', [1, new ApexTypeValue({ name: 'Integer' })]],
        ['Assert.isNotInstanceOfType', ['x', new ApexTypeValue({ name: 'Integer' })]]
    ];
    for (const [method, args] of passing) {
        test(`${method} passes for ${args.length} matching arguments (${String(args[0])})`, () => {
            assert.equal(callStatic(rt, method, args), null);
        });
    }
});

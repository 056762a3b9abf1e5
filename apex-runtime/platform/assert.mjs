// System.Assert and the System.assert* methods (Apex Reference, "Assert Class" and "System Class"). A failed
// assertion throws System.AssertException, which Apex cannot catch ("You can't catch an assertion failure using a
// try/catch block even though it's logged as an exception"; the interpreter marks the class uncatchable).
//
// Messages: the documentation gives none; these are the platform's as it reports failed tests, e.g.
// "Assertion Failed: Expected: 1, Actual: 0" and, with a message, "Assertion Failed: <msg>: Expected: 120, Actual:
// 150.00" (areEqual/assertEquals); "Assertion Failed: <msg>" (assert/isTrue with a message).
import { isInstanceOf } from '../values/runtime-types.mjs';
import { ApexTypeValue } from '../values/values.mjs';
import { typeName } from '../values/types.mjs';

const str = (rt, value) => (value === null || value === undefined ? 'null' : rt.toString(value));

export function assertionFailed(rt, detail, message) {
    const parts = ['Assertion Failed'];
    const custom = message === null || message === undefined ? null : str(rt, message);
    if (custom !== null) parts.push(custom);
    if (detail) parts.push(detail);
    rt.throw('System.AssertException', parts.join(': '));
}

/**
 * The equality areEqual/assertEquals test: Apex equality (numbers by value, SObjects by fields, user classes by
 * their equals), except that two Strings must match exactly; == ignores case, assertions do not.
 */
export function sameForAssert(rt, expected, actual) {
    if (typeof expected === 'string' && typeof actual === 'string') return expected === actual;
    if (expected === null || actual === null) return expected === actual;
    return rt.equals(expected, actual);
}

const areEqual = (rt, [expected, actual, message]) => {
    if (!sameForAssert(rt, expected, actual)) {
        assertionFailed(rt, `Expected: ${str(rt, expected)}, Actual: ${str(rt, actual)}`, message);
    }
    return null;
};

const areNotEqual = (rt, [notExpected, actual, message]) => {
    if (sameForAssert(rt, notExpected, actual)) assertionFailed(rt, `Same value: ${str(rt, actual)}`, message);
    return null;
};

const isTrue = (rt, [condition, message]) => {
    if (condition !== true) assertionFailed(rt, null, message);
    return null;
};

const isFalse = (rt, [condition, message]) => {
    if (condition !== false) assertionFailed(rt, null, message);
    return null;
};

function instanceCheck(rt, [value, expectedType, message], wanted) {
    if (!(expectedType instanceof ApexTypeValue)) {
        rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    const is = isInstanceOf(value, expectedType.type, rt);
    if (is !== wanted) {
        const name = typeName(expectedType.type);
        assertionFailed(rt, wanted ? `Expected instance of ${name}` : `Not expected instance of ${name}`, message);
    }
    return null;
}

/** Apex Reference, "Assert Class". */
export const assertMethods = {
    areequal: areEqual,
    arenotequal: areNotEqual,
    istrue: isTrue,
    isfalse: isFalse,
    isnull: (rt, [value, message]) => {
        if (value !== null && value !== undefined)
            assertionFailed(rt, `Expected: null, Actual: ${str(rt, value)}`, message);
        return null;
    },
    isnotnull: (rt, [value, message]) => {
        if (value === null || value === undefined) assertionFailed(rt, null, message);
        return null;
    },
    fail: (rt, [message]) => assertionFailed(rt, null, message),
    isinstanceoftype: (rt, args) => instanceCheck(rt, args, true),
    isnotinstanceoftype: (rt, args) => instanceCheck(rt, args, false)
};

/** Apex Reference, "System Class": assert(condition, msg), assertEquals(expected, actual, msg), assertNotEquals. */
export const systemAssertMethods = {
    assert: isTrue,
    assertequals: areEqual,
    assertnotequals: areNotEqual
};

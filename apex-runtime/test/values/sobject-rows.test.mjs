// The org's row values as Apex reads them (values/sobject-rows.mjs): number fields are Decimals with their scale
// (Apex Developer Guide, "Primitive Data Types"), the platform's int fields Integers (Object Reference, "Primitive
// Data Types": int).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toApexValue } from '../../values/sobject-rows.mjs';
import { isDecimal, isInteger } from '../../values/numbers.mjs';

test('a standard int field (Holiday.RecurrenceInterval) reads as an Integer', () => {
    const value = toApexValue({ name: 'RecurrenceInterval', type: 'Number', scale: 0, displayType: 'INTEGER' }, 3);
    assert.ok(isInteger(value), `an Integer, not ${value?.constructor?.name}`);
    assert.equal(value, 3);
});

test('a number field without the int type reads as a Decimal with its scale', () => {
    const value = toApexValue({ name: 'Duration_Days__c', type: 'Number', scale: 0 }, 3);
    assert.ok(isDecimal(value), 'a Decimal');
    assert.throws(
        () => toApexValue({ name: 'RecurrenceInterval', type: 'Number', displayType: 'INTEGER' }, 'three'),
        /RecurrenceInterval: three is not a number/
    );
});

// Equality of Apex values: == (Apex Developer Guide, "Expression Operators"), === and the hash codes that go with
// ==, as Sets and Map keys use them.
import {
    ApexDouble,
    ApexDecimal,
    ApexDate,
    ApexDatetime,
    ApexTime,
    ApexBlob,
    ApexEnumValue,
    ApexTypeValue
} from './values.mjs';
import { ApexList, ApexSet, ApexMap } from './collections.mjs';
import { ApexSObject } from './sobject.mjs';
import { identityHash } from './keys.mjs';
import { typeName } from './types.mjs';
import { toId18 } from './ids.mjs';
import { wrapInt, isNumber, numericRank } from './numbers.mjs';
import { className } from './runtime-types.mjs';
import { toApexString } from './apex-string.mjs';
import { compareNumbers } from './ordering.mjs';
import { sameStructure } from './structural-equality.mjs';

const eq = (a, b, rt) => (rt?.equals ? rt.equals(a, b) : equals(a, b, rt));

/**
 * Apex `==` (Apex Developer Guide, "Expression Operators", equality operator): Strings compare case-insensitively,
 * numbers by value across types, Dates/Datetimes/Times by value, collections element by element with ==, SObjects
 * field by field; user objects by identity here (the interpreter's rt.equals calls a declared equals first).
 */
export function equals(a, b, rt) {
    if (a === b) return true;
    if (a === null || b === null || a === undefined || b === undefined) return false;
    if (typeof a === 'string' && typeof b === 'string') return stringsEqual(a, b);
    if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) === 0;
    if (typeof a !== 'object' || typeof b !== 'object') return false;
    if (a instanceof ApexDate && b instanceof ApexDate) return a.days === b.days;
    if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms === b.ms;
    if (a instanceof ApexTime && b instanceof ApexTime) return a.ms === b.ms;
    if (a instanceof ApexBlob && b instanceof ApexBlob) return Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
    if (a instanceof ApexEnumValue && b instanceof ApexEnumValue) {
        return className(a.enumType).toLowerCase() === className(b.enumType).toLowerCase() && a.name === b.name;
    }
    if (a instanceof ApexTypeValue && b instanceof ApexTypeValue) {
        return typeName(a.type).toLowerCase() === typeName(b.type).toLowerCase();
    }
    // Apex Reference, Set Class: equals (same elements, any order, each compared by ==).
    if (a instanceof ApexSet && b instanceof ApexSet) {
        if (a.size() !== b.size()) return false;
        const rest = [...b];
        return [...a].every((item) => {
            const index = rest.findIndex((other) => eq(item, other, rt));
            return index >= 0 && rest.splice(index, 1);
        });
    }
    return sameStructure(a, b, rt, eq) ?? false;
}

/** Strings under ==: case-insensitive; a 15-character Id equals its 18-character form. */
function stringsEqual(a, b) {
    if (a.length !== b.length && Math.min(a.length, b.length) === 15 && Math.max(a.length, b.length) === 18) {
        const id18 = toId18(a.length === 15 ? a : b);
        if (id18 && toId18(a.length === 15 ? b : a) === id18) return true;
    }
    return (
        a.length === b.length && (a === b || a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase())
    );
}

/** Apex `===`: the same reference for objects, the same value for primitives ("Expression Operators"). */
export function exactEquals(a, b) {
    if (a === b) return true;
    if (a === null || b === null || a === undefined || b === undefined) return false;
    // Primitives are values in Apex: === on them compares values exactly (case-sensitive strings).
    if (isNumber(a) && isNumber(b)) return numericRank(a) === numericRank(b) && compareNumbers(a, b) === 0;
    if (a instanceof ApexDate && b instanceof ApexDate) return a.days === b.days;
    if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms === b.ms;
    if (a instanceof ApexTime && b instanceof ApexTime) return a.ms === b.ms;
    return false;
}

/** Object.hashCode for values with value semantics (Java's hash codes where Apex inherits them). */
export function hashCode(value, rt) {
    const h = (x) => (rt?.hashCode ? rt.hashCode(x) : hashCode(x, rt));
    if (value === null || value === undefined) return 0;
    switch (typeof value) {
        case 'boolean':
            return value ? 1231 : 1237;
        case 'number':
            return value;
        case 'bigint':
            return Number(BigInt.asIntN(32, value ^ (value >> 32n)));
        case 'string':
            return stringHash(value);
    }
    if (value instanceof ApexDouble || value instanceof ApexDecimal) return stringHash(toApexString(value, rt));
    if (value instanceof ApexDate) return value.days | 0;
    if (value instanceof ApexDatetime || value instanceof ApexTime) return hashCode(BigInt(value.ms));
    if (value instanceof ApexList) return value.items.reduce((acc, item) => wrapInt(Math.imul(31, acc) + h(item)), 1);
    if (value instanceof ApexSet) return [...value].reduce((acc, item) => wrapInt(acc + h(item)), 0);
    if (value instanceof ApexMap) {
        return [...value.entries()].reduce((acc, [k, v]) => wrapInt(acc + (h(k) ^ h(v))), 0);
    }
    if (value instanceof ApexSObject) {
        return value.entries().reduce((acc, [name, v]) => wrapInt(acc + (stringHash(name.toLowerCase()) ^ h(v))), 0);
    }
    if (value instanceof ApexEnumValue) return stringHash(value.name);
    return identityHash(value);
}

/** Java String.hashCode (Apex Reference, String Class: hashCode). */
export function stringHash(text) {
    let hash = 0;
    for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
    return hash;
}

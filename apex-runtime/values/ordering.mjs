// The order of Apex values: numbers by value across their types, Strings with or without case, and the natural
// order List.sort uses (Apex Reference, "List Class": sort; Apex Developer Guide, "Expression Operators" and
// "Sorting Lists of sObjects").
import { ApexDate, ApexDatetime, ApexTime, ApexObject, ApexEnumValue } from './values.mjs';
import { ApexList } from './collections.mjs';
import { ApexSObject } from './sobject.mjs';
import { fail } from './types.mjs';
import { decimalCompare } from './decimal.mjs';
import { isNumber, numericRank, promote, toJsNumber } from './numbers.mjs';

const NPE = 'System.NullPointerException';
const NPE_MESSAGE = 'Attempt to de-reference a null object';

/** Two numbers of any numeric types compared by value, in the wider type of the two: -1, 0 or 1. */
export function compareNumbers(a, b) {
    const rank = Math.max(numericRank(a), numericRank(b));
    const x = promote(a, rank);
    const y = promote(b, rank);
    if (rank === 3) return decimalCompare(x, y);
    if (rank === 2) return x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
    return x < y ? -1 : x > y ? 1 : 0;
}

/** Case-insensitive string order, as the relational operators compare Strings. */
export function compareStringsIgnoreCase(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Natural order for List.sort (Apex Reference, "List Class": sort; Apex Developer Guide, "Sorting Lists of
 * sObjects"): nulls first, numbers by value, Strings by code unit (case-sensitive, as List<String>.sort is),
 * Booleans false first, dates and times by value, enums by ordinal, SObjects by type label then Name then the
 * other fields (standard fields before custom, alphabetically), Comparable user objects by compareTo via rt.
 */
export function compare(a, b, rt) {
    if (a === b) return 0;
    if (a === null || a === undefined) return -1;
    if (b === null || b === undefined) return 1;
    if (isNumber(a) && isNumber(b)) return compareNumbers(a, b);
    if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
    if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
    if (a instanceof ApexDate && b instanceof ApexDate) return Math.sign(a.days - b.days);
    if (a instanceof ApexDatetime && b instanceof ApexDatetime) return Math.sign(a.ms - b.ms);
    if (a instanceof ApexTime && b instanceof ApexTime) return Math.sign(a.ms - b.ms);
    if (a instanceof ApexEnumValue && b instanceof ApexEnumValue) return Math.sign(a.ordinal - b.ordinal);
    if (a instanceof ApexSObject && b instanceof ApexSObject) return compareSObjects(a, b, rt);
    if (a instanceof ApexObject) {
        if (!rt?.call) fail(rt, 'System.ListException', 'One or more of the items in this list is not Comparable');
        const result = rt.call(a, 'compareTo', [b]);
        if (result === null) fail(rt, NPE, NPE_MESSAGE);
        return Math.sign(toJsNumber(result));
    }
    // Apex Reference, List Class: sort of items that have no order throws ListException.
    return fail(rt, 'System.ListException', 'One or more of the items in this list is not Comparable');
}

function compareSObjects(a, b, rt) {
    if (a.type !== b.type) return a.type.toLowerCase() < b.type.toLowerCase() ? -1 : 1;
    const byName = compare(a.has('Name') ? a.get('Name', rt) : null, b.has('Name') ? b.get('Name', rt) : null, rt);
    if (byName) return byName;
    const names = new Set(
        [...a.fieldNames(), ...b.fieldNames()].filter((n) => !['id', 'name'].includes(n.toLowerCase()))
    );
    const ordered = [...names].sort((x, y) => {
        const cx = /__c$/i.test(x);
        const cy = /__c$/i.test(y);
        if (cx !== cy) return cx ? 1 : -1;
        return x.toLowerCase() < y.toLowerCase() ? -1 : 1;
    });
    for (const name of ordered) {
        const x = a.has(name) ? a.get(name, rt) : null;
        const y = b.has(name) ? b.get(name, rt) : null;
        if (x instanceof ApexSObject || y instanceof ApexSObject || x instanceof ApexList || y instanceof ApexList)
            continue;
        const cmp = compare(x, y, rt);
        if (cmp) return cmp;
    }
    return 0;
}

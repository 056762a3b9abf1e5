// Apex operators and the conversions around them: binary/unary arithmetic, ==, ===, String.valueOf, assignment
// conversion, runtime types. Rules from the Apex Developer Guide, "Expression Operators", "Primitive Data Types",
// "Rules of Conversion" and the Apex Reference classes named in each comment.
import {
    ApexDouble,
    ApexDecimal,
    ApexDate,
    ApexDatetime,
    ApexTime,
    ApexBlob,
    ApexObject,
    ApexEnumValue,
    ApexTypeValue
} from './values.mjs';
import { ApexList, ApexSet, ApexMap } from './collections.mjs';
import { ApexSObject } from './sobject.mjs';
import { identityHash } from './keys.mjs';
import { BUILT_IN_TYPES, fail, type, typeName, T } from './types.mjs';
import { nativeClassOf } from '../interpreter/natives.mjs';
import { toId18 } from './ids.mjs';
import {
    decimalAdd,
    decimalSubtract,
    decimalMultiply,
    decimalDivide,
    decimalCompare,
    decimalNegate,
    decimalToNumber
} from './decimal.mjs';
import {
    wrapInt,
    wrapLong,
    isNumber,
    numericRank,
    promote,
    toJsNumber,
    toBigInt,
    toDecimal,
    numberToString
} from './numbers.mjs';
import { DAY_MS, dateToString, datetimeToString, timeToString } from './dates.mjs';

const NPE = 'System.NullPointerException';
const NPE_MESSAGE = 'Attempt to de-reference a null object';

// ---------------------------------------------------------------------------------------------------------------
// Runtime types.

/** The runtime type descriptor of a value (null for null). */
export function typeOf(value) {
    if (value === null || value === undefined) return null;
    switch (typeof value) {
        case 'boolean':
            return T.Boolean;
        case 'number':
            return T.Integer;
        case 'bigint':
            return T.Long;
        case 'string':
            return T.String;
    }
    if (value instanceof ApexDouble) return T.Double;
    if (value instanceof ApexDecimal) return T.Decimal;
    if (value instanceof ApexDate) return T.Date;
    if (value instanceof ApexDatetime) return T.Datetime;
    if (value instanceof ApexTime) return T.Time;
    if (value instanceof ApexBlob) return T.Blob;
    if (value instanceof ApexList) return type('List', [value.type]);
    if (value instanceof ApexSet) return type('Set', [value.type]);
    if (value instanceof ApexMap) return type('Map', [value.keyType, value.valueType]);
    if (value instanceof ApexSObject) return type(value.type);
    if (value instanceof ApexObject) return type(className(value.cls));
    if (value instanceof ApexEnumValue) return type(className(value.enumType));
    if (value instanceof ApexTypeValue) return type('Type');
    const native = nativeClassOf(value);
    if (native) return type(native.namespace === 'System' ? native.name : `${native.namespace}.${native.name}`);
    return T.Object;
}

const className = (cls) => (typeof cls === 'string' ? cls : (cls?.fullName ?? cls?.name ?? String(cls)));

const lowerName = (descriptor) => descriptor.name.toLowerCase();

/**
 * `value instanceof type` (Apex Developer Guide, "Using the instanceof Keyword"; null is never an instance).
 * Collections are covariant in their element type for SObjects and Object, as Apex allows a List<Account> where a
 * List<SObject> is expected. User classes: rt.isSubtype(className, typeName) when the interpreter gives one, else
 * the names of the value's class and its `superclass`/`interfaces` chain.
 */
export function isInstanceOf(value, target, rt) {
    if (value === null || value === undefined) return false;
    const name = lowerName(target);
    if (name === 'object') return true;
    switch (name) {
        case 'integer':
            return typeof value === 'number';
        case 'long':
            return typeof value === 'bigint';
        case 'double':
            return value instanceof ApexDouble;
        case 'decimal':
            return value instanceof ApexDecimal;
        case 'string':
            return typeof value === 'string';
        case 'id':
            return typeof value === 'string' && toId18(value) !== null;
        case 'boolean':
            return typeof value === 'boolean';
        case 'date':
            return value instanceof ApexDate;
        case 'datetime':
            return value instanceof ApexDatetime;
        case 'time':
            return value instanceof ApexTime;
        case 'blob':
            return value instanceof ApexBlob;
        case 'sobject':
            return value instanceof ApexSObject;
        case 'list':
            return value instanceof ApexList && elementFits(value.type, target.args?.[0]);
        case 'set':
            return value instanceof ApexSet && elementFits(value.type, target.args?.[0]);
        case 'map':
            return (
                value instanceof ApexMap &&
                elementFits(value.keyType, target.args?.[0]) &&
                elementFits(value.valueType, target.args?.[1])
            );
        case 'type':
        case 'system.type':
            return value instanceof ApexTypeValue;
    }
    if (value instanceof ApexSObject) return value.type.toLowerCase() === name;
    if (value instanceof ApexObject || value instanceof ApexEnumValue) {
        const cls = value instanceof ApexObject ? value.cls : value.enumType;
        if (rt?.isSubtype) return rt.isSubtype(className(cls), target.name);
        return classChain(cls).some((n) => n.toLowerCase() === name || n.toLowerCase().endsWith(`.${name}`));
    }
    const native = nativeClassOf(value);
    if (!native) return false;
    const full = `${native.namespace}.${native.name}`.toLowerCase();
    return full === name || native.name.toLowerCase() === name || full === `system.${name}`;
}

function classChain(cls) {
    const names = [];
    for (let c = cls; c && typeof c === 'object'; c = c.superclass) {
        names.push(className(c));
        for (const i of c.interfaces ?? []) names.push(className(i));
    }
    if (typeof cls === 'string') names.push(cls);
    return names;
}

function elementFits(actual, wanted) {
    if (!wanted) return true;
    const w = lowerName(wanted);
    if (w === 'object') return true;
    const a = actual ? lowerName(actual) : 'object';
    if (w === 'sobject') return a === 'sobject' || !BUILT_IN_TYPES.has(a);
    if (a !== w) return false;
    const wantedArgs = wanted.args ?? [];
    return wantedArgs.every((arg, i) => elementFits(actual.args?.[i], arg));
}

// ---------------------------------------------------------------------------------------------------------------
// Equality.

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
    // Apex Reference, List Class: equals ("the == operator is used to compare the elements").
    if (a instanceof ApexList && b instanceof ApexList) {
        return a.items.length === b.items.length && a.items.every((item, i) => eq(item, b.items[i], rt));
    }
    // Apex Reference, Set Class: equals (same elements, any order).
    if (a instanceof ApexSet && b instanceof ApexSet) {
        if (a.size() !== b.size()) return false;
        const rest = [...b];
        return [...a].every((item) => {
            const index = rest.findIndex((other) => eq(item, other, rt));
            return index >= 0 && rest.splice(index, 1);
        });
    }
    // Apex Reference, Map Class: equals (same key/value pairs, any order).
    if (a instanceof ApexMap && b instanceof ApexMap) {
        if (a.size() !== b.size()) return false;
        return [...a.entries()].every(([key, value]) => b.has(key, rt) && eq(value, b.get(key, rt), rt));
    }
    // Apex Developer Guide, "Expression Operators": for sObjects == checks all field values.
    if (a instanceof ApexSObject && b instanceof ApexSObject) {
        if (a.type.toLowerCase() !== b.type.toLowerCase()) return false;
        const fields = a.entries();
        if (fields.length !== b.fieldNames().length) return false;
        return fields.every(([name, value]) => b.has(name) && eq(value, b.get(name, rt), rt));
    }
    return false;
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

// ---------------------------------------------------------------------------------------------------------------
// Ordering.

function compareNumbers(a, b) {
    const rank = Math.max(numericRank(a), numericRank(b));
    const x = promote(a, rank);
    const y = promote(b, rank);
    if (rank === 3) return decimalCompare(x, y);
    if (rank === 2) return x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
    return x < y ? -1 : x > y ? 1 : 0;
}

/** Case-insensitive string order, as the relational operators compare Strings. */
function compareStringsIgnoreCase(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Relational operators (Apex Developer Guide, "Expression Operators": <, >, <=, >=): a null Integer, Double, Date
 * or Datetime operand makes the expression false; a non-null String or Id is greater than null; Strings compare
 * without regard to case. Returns the boolean result.
 */
function relational(op, a, b, rt) {
    if (a === null || b === null) {
        const other = a === null ? b : a;
        if (typeof other === 'string') {
            const cmp = a === null && b === null ? 0 : a === null ? -1 : 1;
            return test(op, cmp);
        }
        return false;
    }
    let cmp;
    if (isNumber(a) && isNumber(b)) cmp = compareNumbers(a, b);
    else if (typeof a === 'string' && typeof b === 'string') cmp = compareStringsIgnoreCase(a, b);
    else if (a instanceof ApexDate && b instanceof ApexDate) cmp = Math.sign(a.days - b.days);
    else if (a instanceof ApexDatetime && b instanceof ApexDatetime) cmp = Math.sign(a.ms - b.ms);
    else if (a instanceof ApexTime && b instanceof ApexTime) cmp = Math.sign(a.ms - b.ms);
    else return invalidOperands(op, a, b, rt);
    return test(op, cmp);
}

function test(op, cmp) {
    switch (op) {
        case '<':
            return cmp < 0;
        case '>':
            return cmp > 0;
        case '<=':
            return cmp <= 0;
        default:
            return cmp >= 0;
    }
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

// ---------------------------------------------------------------------------------------------------------------
// String.valueOf.

const str = (value, rt) =>
    rt?.toString && rt.toString !== Object.prototype.toString ? rt.toString(value) : toApexString(value, rt);

/**
 * String.valueOf(value) (Apex Reference, "String Class": valueOf overloads): Decimal keeps its scale, Double prints
 * as Java does, Date 'yyyy-MM-dd', Datetime 'yyyy-MM-dd HH:mm:ss' (GMT here), lists '(a, b)', sets '{a, b}', maps
 * '{k=v}', SObjects 'Account:{Name=Acme, Id=...}', user objects 'ClassName:[field=value, ...]' (the interpreter's
 * rt.toString calls a declared toString first).
 */
export function toApexString(value, rt) {
    if (value === null || value === undefined) return 'null';
    switch (typeof value) {
        case 'string':
            return value;
        case 'boolean':
        case 'number':
        case 'bigint':
            return String(value);
    }
    if (isNumber(value)) return numberToString(value);
    if (value instanceof ApexDate) return dateToString(value);
    if (value instanceof ApexDatetime) return datetimeToString(value);
    if (value instanceof ApexTime) return timeToString(value);
    if (value instanceof ApexBlob) return `Blob[${value.bytes.length}]`;
    if (value instanceof ApexList) return `(${value.items.map((item) => str(item, rt)).join(', ')})`;
    if (value instanceof ApexSet) return `{${[...value].map((item) => str(item, rt)).join(', ')}}`;
    if (value instanceof ApexMap) {
        return `{${[...value.entries()].map(([k, v]) => `${str(k, rt)}=${str(v, rt)}`).join(', ')}}`;
    }
    if (value instanceof ApexSObject) {
        return `${value.type}:{${value
            .entries()
            .map(([k, v]) => `${k}=${str(v, rt)}`)
            .join(', ')}}`;
    }
    if (value instanceof ApexEnumValue) return value.name;
    if (value instanceof ApexTypeValue) return typeName(value.type);
    if (value instanceof ApexObject) return objectToString(value, rt);
    const native = nativeClassOf(value);
    if (native?.toString && native.toString !== Object.prototype.toString) return native.toString(rt, value);
    if (native?.instanceMethods?.tostring) return native.instanceMethods.tostring(rt, value, []);
    if (native) return `${native.name}:[]`;
    return String(value);
}

/** Default Object.toString of a user object: 'ClassName:[a=1, b=x]' with its instance fields in declared order. */
function objectToString(value, rt) {
    const name = className(value.cls);
    const info = rt?.classInfo?.(name);
    const fields = info
        ? info.fields.filter((f) => !f.isStatic).map((f) => [f.name, value.fields.get(f.name.toLowerCase()) ?? null])
        : [...value.fields.entries()];
    return `${name}:[${fields.map(([k, v]) => `${k}=${str(v, rt)}`).join(', ')}]`;
}

// ---------------------------------------------------------------------------------------------------------------
// Assignment conversion.

function typeException(value, target, rt) {
    const from = typeName(typeOf(value));
    return fail(rt, 'System.TypeException', `Invalid conversion from runtime type ${from} to ${typeName(target)}`);
}

/**
 * The value converted for a variable, field, parameter or element of the declared type (Apex Developer Guide,
 * "Rules of Conversion": lower numeric types widen to higher ones; a String assigned to an Id is validated and an
 * 18-character Id kept; anything goes into Object). A value that does not fit throws System.TypeException, as a
 * failing cast does.
 */
export function coerce(value, target, rt) {
    if (value === null || value === undefined || !target) return value ?? null;
    const name = lowerName(target);
    switch (name) {
        case 'object':
            return value;
        case 'integer':
            return typeof value === 'number' ? value : typeException(value, target, rt);
        case 'long':
            if (typeof value === 'bigint') return value;
            return typeof value === 'number' ? BigInt(value) : typeException(value, target, rt);
        case 'double':
            if (value instanceof ApexDouble) return value;
            if (isNumber(value)) return new ApexDouble(toJsNumber(value));
            return typeException(value, target, rt);
        case 'decimal':
            return isNumber(value) ? toDecimal(value) : typeException(value, target, rt);
        case 'string':
            return typeof value === 'string' ? value : typeException(value, target, rt);
        case 'id': {
            if (typeof value !== 'string') return typeException(value, target, rt);
            const id = toId18(value);
            // Apex Reference, "Id Class": valueOf / assignment of an invalid id throws StringException.
            return id ?? fail(rt, 'System.StringException', `Invalid id: ${value}`);
        }
        case 'boolean':
            return typeof value === 'boolean' ? value : typeException(value, target, rt);
        case 'date':
            return value instanceof ApexDate ? value : typeException(value, target, rt);
        case 'datetime':
            return value instanceof ApexDatetime ? value : typeException(value, target, rt);
        case 'time':
            return value instanceof ApexTime ? value : typeException(value, target, rt);
        case 'blob':
            return value instanceof ApexBlob ? value : typeException(value, target, rt);
    }
    return isInstanceOf(value, target, rt) ? value : typeException(value, target, rt);
}

// ---------------------------------------------------------------------------------------------------------------
// Arithmetic.

function invalidOperands(op, a, b, rt) {
    const what = `operator ${op} on ${typeName(typeOf(a))}${b === undefined ? '' : ` and ${typeName(typeOf(b))}`}`;
    if (rt?.unsupported) return rt.unsupported(`${what} (not valid Apex)`);
    return fail(rt, 'System.TypeException', `${what} is not valid Apex`);
}

const divideByZero = (rt) => fail(rt, 'System.MathException', 'Divide by 0');

function arithmetic(op, a, b, rt) {
    const rank = Math.max(numericRank(a), numericRank(b));
    const x = promote(a, rank);
    const y = promote(b, rank);
    switch (rank) {
        case 0: // Integer: 32-bit two's complement, wraps ("Primitive Data Types")
            switch (op) {
                case '+':
                    return wrapInt(x + y);
                case '-':
                    return wrapInt(x - y);
                case '*':
                    return Math.imul(x, y);
                case '/':
                    if (y === 0) return divideByZero(rt);
                    return wrapInt(Math.trunc(x / y));
            }
            break;
        case 1: // Long: 64-bit, wraps; BigInt division truncates toward zero as Apex's does
            switch (op) {
                case '+':
                    return wrapLong(x + y);
                case '-':
                    return wrapLong(x - y);
                case '*':
                    return wrapLong(x * y);
                case '/':
                    if (y === 0n) return divideByZero(rt);
                    return wrapLong(x / y);
            }
            break;
        case 2:
            switch (op) {
                case '+':
                    return new ApexDouble(x.value + y.value);
                case '-':
                    return new ApexDouble(x.value - y.value);
                case '*':
                    return new ApexDouble(x.value * y.value);
                case '/':
                    if (y.value === 0) return divideByZero(rt);
                    return new ApexDouble(x.value / y.value);
            }
            break;
        default:
            switch (op) {
                case '+':
                    return decimalAdd(x, y);
                case '-':
                    return decimalSubtract(x, y);
                case '*':
                    return decimalMultiply(x, y);
                case '/':
                    if (x !== null && y.unscaled === 0n) return divideByZero(rt);
                    return decimalDivide(x, y);
            }
    }
    return invalidOperands(op, a, b, rt);
}

const isWhole = (v) => typeof v === 'number' || typeof v === 'bigint';

/** Date/Datetime +/- a number of days ("Expression Operators": + and -). */
function dateArithmetic(op, a, b, rt) {
    const sign = op === '+' ? 1 : -1;
    if (a instanceof ApexDate && isWhole(b)) return new ApexDate(a.days + sign * Number(b));
    if (a instanceof ApexDatetime && isNumber(b)) {
        // A Datetime plus a Double or Decimal adds the fraction of a day too.
        const days = numericRank(b) === 3 ? decimalToNumber(b) : toJsNumber(b);
        return new ApexDatetime(a.ms + sign * Math.round(days * DAY_MS));
    }
    return invalidOperands(op, a, b, rt);
}

function bitwise(op, a, b, rt) {
    if (typeof a === 'boolean' && typeof b === 'boolean') {
        if (op === '&') return a && b;
        if (op === '|') return a || b;
        if (op === '^') return a !== b;
    }
    if (!isWhole(a) || !isWhole(b)) return invalidOperands(op, a, b, rt);
    const long = typeof a === 'bigint';
    if (op === '<<' || op === '>>' || op === '>>>') {
        // The shift distance is masked to the width of the left operand, as in Java.
        if (!long) {
            const n = Number(b) & 31;
            return op === '<<' ? a << n : op === '>>' ? a >> n : (a >>> n) | 0;
        }
        const n = BigInt(Number(toBigInt(b) & 63n));
        if (op === '<<') return wrapLong(a << n);
        if (op === '>>') return a >> n;
        return BigInt.asIntN(64, BigInt.asUintN(64, a) >> n);
    }
    if (long || typeof b === 'bigint') {
        const x = toBigInt(a);
        const y = toBigInt(b);
        return op === '&' ? x & y : op === '|' ? x | y : x ^ y;
    }
    return op === '&' ? a & b : op === '|' ? a | b : a ^ b;
}

/**
 * A binary operator of Apex on two evaluated operands: + - * / < > <= >= & | ^ << >> >>>. (== != === !== && ||
 * are the interpreter's: equals/exactEquals here; && and || short-circuit.) Apex has no % operator (Math.mod).
 */
export function binary(op, a, b, rt) {
    switch (op) {
        case '+':
            // "Expression Operators", +: a String operand makes it a concatenation; null prints as 'null'.
            if (typeof a === 'string' || typeof b === 'string') return str(a, rt) + str(b, rt);
        // fall through
        case '-':
        case '*':
        case '/':
            if (a === null || b === null || a === undefined || b === undefined) return fail(rt, NPE, NPE_MESSAGE);
            if (isNumber(a) && isNumber(b)) return arithmetic(op, a, b, rt);
            if ((op === '+' || op === '-') && (a instanceof ApexDate || a instanceof ApexDatetime)) {
                return dateArithmetic(op, a, b, rt);
            }
            return invalidOperands(op, a, b, rt);
        case '<':
        case '>':
        case '<=':
        case '>=':
            return relational(op, a, b, rt);
        case '&':
        case '|':
        case '^':
        case '<<':
        case '>>':
        case '>>>':
            if (a === null || b === null || a === undefined || b === undefined) return fail(rt, NPE, NPE_MESSAGE);
            return bitwise(op, a, b, rt);
        case '==':
            return equals(a, b, rt);
        case '!=':
            return !equals(a, b, rt);
        case '===':
            return exactEquals(a, b);
        case '!==':
            return !exactEquals(a, b);
    }
    if (rt?.unsupported) return rt.unsupported(`operator ${op}`);
    throw new Error(`unsupported operator ${op}`);
}

/** A unary operator: - (negation, wraps), ~ (bitwise not), ! (Boolean not); + returns the number. */
export function unary(op, value, rt) {
    if (value === null || value === undefined) return fail(rt, NPE, NPE_MESSAGE);
    switch (op) {
        case '-':
            if (typeof value === 'number') return wrapInt(-value);
            if (typeof value === 'bigint') return wrapLong(-value);
            if (value instanceof ApexDouble) return new ApexDouble(-value.value);
            if (value instanceof ApexDecimal) return decimalNegate(value);
            break;
        case '+':
            if (isNumber(value)) return value;
            break;
        case '~':
            if (typeof value === 'number') return ~value;
            if (typeof value === 'bigint') return ~value;
            break;
        case '!':
            if (typeof value === 'boolean') return !value;
            break;
    }
    return invalidOperands(op, value, undefined, rt);
}

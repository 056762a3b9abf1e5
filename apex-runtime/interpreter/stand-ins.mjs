// MINIMAL STAND-INS, used by deps.mjs only while the real modules of the other parts (values/operators.mjs,
// values/collections.mjs, values/json.mjs, soql/index.mjs, platform/index.mjs) do not exist yet. They cover
// Integer/Long/Decimal/Double/String/Boolean arithmetic and a few List/Set/Map/String methods, enough for the
// interpreter's own language tests; everything else fails loudly. Delete this file once the real modules land.
import { ApexDecimal, ApexDouble, ApexEnumValue } from '../values/values.mjs';
import * as dec from '../values/decimal.mjs';
import { ApexSObject } from '../values/sobject.mjs';
import { toId18 } from '../values/ids.mjs';
import { defineNative as define, nativeClass } from './natives.mjs';
import { UnsupportedError } from './errors.mjs';

const standIn = (what) => {
    throw new UnsupportedError(`${what} (stand-in: the module is not written yet)`);
};

// ---- collections ---------------------------------------------------------------------------------------------

class ApexList {
    constructor(type, items = []) {
        this.type = type;
        this.items = items;
    }
}
class ApexSet {
    constructor(type, items = [], rt) {
        this.type = type;
        this.items = [];
        this.rt = rt;
        for (const item of items) this.add(item);
    }
    has(value) {
        return this.items.some((item) => strictKeyEquals(item, value));
    }
    add(value) {
        if (this.has(value)) return false;
        this.items.push(value);
        return true;
    }
}
class ApexMap {
    constructor(keyType, valueType, rt) {
        this.keyType = keyType;
        this.valueType = valueType;
        this.rt = rt;
        this.pairs = [];
    }
    find(key) {
        return this.pairs.find((pair) => strictKeyEquals(pair[0], key));
    }
    get(key) {
        return this.find(key)?.[1] ?? null;
    }
    put(key, value) {
        const pair = this.find(key);
        const previous = pair ? pair[1] : null;
        if (pair) pair[1] = value;
        else this.pairs.push([key, value]);
        return previous;
    }
}
// Keys: Apex equality except that Strings are case-sensitive (Apex Developer Guide, "Collections").
const strictKeyEquals = (a, b) => (typeof a === 'string' && typeof b === 'string' ? a === b : equals(a, b));

export const collections = { ApexList, ApexSet, ApexMap };
export const sobjects = { ApexSObject };

// ---- operators -----------------------------------------------------------------------------------------------

const toDecimal = (v) =>
    v instanceof ApexDecimal ? v : typeof v === 'bigint' ? dec.decimalFromBigInt(v) : dec.decimalFromNumber(v);
const toNumber = (v) =>
    v instanceof ApexDecimal ? dec.decimalToNumber(v) : v instanceof ApexDouble ? v.value : Number(v);
const rank = (v) =>
    typeof v === 'number'
        ? 0
        : typeof v === 'bigint'
          ? 1
          : v instanceof ApexDouble
            ? 2
            : v instanceof ApexDecimal
              ? 3
              : -1;
const wrap32 = (n) => n | 0;
const wrap64 = (n) => BigInt.asIntN(64, n);

function typeOf(value) {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return { name: 'Integer' };
    if (typeof value === 'bigint') return { name: 'Long' };
    if (typeof value === 'string') return { name: 'String' };
    if (typeof value === 'boolean') return { name: 'Boolean' };
    if (value instanceof ApexDecimal) return { name: 'Decimal' };
    if (value instanceof ApexDouble) return { name: 'Double' };
    if (value instanceof ApexList) return { name: 'List', args: [value.type] };
    if (value instanceof ApexSet) return { name: 'Set', args: [value.type] };
    if (value instanceof ApexMap) return { name: 'Map', args: [value.keyType, value.valueType] };
    if (value instanceof ApexSObject) return { name: value.type };
    if (value instanceof ApexEnumValue) return { name: value.enumType.name ?? String(value.enumType) };
    return { name: 'Object' };
}

function arith(op, l, r, rt) {
    const k = Math.max(rank(l), rank(r));
    if (k === 0) {
        if ((op === '/' || op === '%') && r === 0) rt.throw('System.MathException', 'Divide by 0');
        const result = { '+': l + r, '-': l - r, '*': Math.imul(l, r), '/': Math.trunc(l / r), '%': l % r }[op];
        return op === '*' ? result : wrap32(result);
    }
    if (k === 1) {
        const a = BigInt(l);
        const b = BigInt(r);
        if ((op === '/' || op === '%') && b === 0n) rt.throw('System.MathException', 'Divide by 0');
        return wrap64({ '+': a + b, '-': a - b, '*': a * b, '/': a / b, '%': a % b }[op]);
    }
    if (k === 2) {
        const a = toNumber(l);
        const b = toNumber(r);
        return new ApexDouble({ '+': a + b, '-': a - b, '*': a * b, '/': a / b, '%': a % b }[op]);
    }
    const a = toDecimal(l);
    const b = toDecimal(r);
    if (op === '+') return dec.decimalAdd(a, b);
    if (op === '-') return dec.decimalSubtract(a, b);
    if (op === '*') return dec.decimalMultiply(a, b);
    if (op === '/') {
        if (b.unscaled === 0n) rt.throw('System.MathException', 'Divide by 0');
        return dec.decimalDivide(a, b);
    }
    return standIn('Decimal %');
}

function compare(l, r) {
    if (typeof l === 'string' && typeof r === 'string') return l.toLowerCase().localeCompare(r.toLowerCase());
    if (rank(l) >= 0 && rank(r) >= 0) {
        if (rank(l) === 3 || rank(r) === 3) return dec.decimalCompare(toDecimal(l), toDecimal(r));
        const a = rank(l) === 1 || rank(r) === 1 ? BigInt(l) : toNumber(l);
        const b = rank(l) === 1 || rank(r) === 1 ? BigInt(r) : toNumber(r);
        return a < b ? -1 : a > b ? 1 : 0;
    }
    if (l?.days !== undefined) return l.days - r.days;
    return standIn(`comparison of ${typeOf(l)?.name}`);
}

function binary(op, l, r, rt) {
    if (op === '+' && (typeof l === 'string' || typeof r === 'string')) return toApexString(l) + toApexString(r);
    if (['<', '>', '<=', '>='].includes(op)) {
        if (l === null || r === null) return false;
        const c = compare(l, r);
        return { '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op];
    }
    if (l === null || r === null) rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    if (['+', '-', '*', '/', '%'].includes(op)) return arith(op, l, r, rt);
    if (typeof l === 'boolean' && typeof r === 'boolean') return { '&': l && r, '|': l || r, '^': l !== r }[op];
    if (typeof l === 'number' && typeof r === 'number') {
        return { '&': l & r, '|': l | r, '^': l ^ r, '<<': l << r, '>>': l >> r, '>>>': wrap32(l >>> r) }[op];
    }
    return standIn(`operator ${op} on ${typeOf(l)?.name}`);
}

function unary(op, v, rt) {
    if (v === null) rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    if (op === '!') return !v;
    if (op === '~') return ~v;
    if (op === '+') return v;
    if (typeof v === 'number') return wrap32(-v);
    if (typeof v === 'bigint') return wrap64(-v);
    if (v instanceof ApexDouble) return new ApexDouble(-v.value);
    if (v instanceof ApexDecimal) return dec.decimalNegate(v);
    return standIn(`unary ${op}`);
}

function equals(a, b) {
    if (a === null || b === null) return a === b;
    if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
    if (rank(a) >= 0 && rank(b) >= 0) return compare(a, b) === 0;
    if (a instanceof ApexList && b instanceof ApexList) {
        return a.items.length === b.items.length && a.items.every((x, i) => equals(x, b.items[i]));
    }
    if (a?.days !== undefined && b?.days !== undefined) return a.days === b.days;
    return a === b;
}

const exactEquals = (a, b) => a === b;

function toApexString(v) {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    if (v instanceof ApexDecimal) return dec.decimalToString(v);
    if (v instanceof ApexDouble) return Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
    if (v instanceof ApexList) return `(${v.items.map(toApexString).join(', ')})`;
    if (v instanceof ApexSet) return `{${v.items.map(toApexString).join(', ')}}`;
    if (v instanceof ApexEnumValue) return v.name;
    return standIn(`String.valueOf(${typeOf(v)?.name})`);
}

function coerce(value, type, rt) {
    if (value === null || !type) return value;
    const name = type.name.toLowerCase();
    if (name === 'long' && typeof value === 'number') return BigInt(value);
    if (name === 'decimal' && (typeof value === 'number' || typeof value === 'bigint')) return toDecimal(value);
    if (name === 'double' && rank(value) >= 0 && rank(value) !== 2) return new ApexDouble(toNumber(value));
    if (name === 'id' && typeof value === 'string') {
        const id = toId18(value);
        if (!id) rt.throw('System.StringException', `Invalid id: ${value}`);
        return id;
    }
    if (!isInstanceOf(value, type)) {
        rt.throw('System.TypeException', `Invalid conversion from runtime type ${typeOf(value).name} to ${type.name}`);
    }
    return value;
}

function isInstanceOf(value, type) {
    if (value === null) return false;
    const name = type.name.toLowerCase();
    if (name === 'object') return true;
    if (name === 'sobject') return value instanceof ApexSObject;
    if (name === 'id') return typeof value === 'string' && toId18(value) !== null;
    return typeOf(value).name.toLowerCase() === name;
}

export const operators = { binary, unary, equals, exactEquals, toApexString, coerce, typeOf, isInstanceOf };

// ---- json, soql, platform ----------------------------------------------------------------------------------

export const json = {
    deserializeTyped: (value) => value,
    toAuraValue: (value) => value
};

export const soql = {
    compileSoql: () => standIn('SOQL'),
    executeSoql: () => standIn('SOQL')
};

export const platform = {
    dml: (rt, { operation }) => standIn(`DML ${operation}`),
    runAs: (rt, user, fn) => fn(),
    sobjectStaticProperty: (rt, object, name) => standIn(`${object}.${name}`),
    sobjectStaticMethod: (rt, object, name) => standIn(`${object}.${name}()`),
    dmlFieldTokens: (rt, object, names) => names
};

// ---- natives -------------------------------------------------------------------------------------------------

const npe = (rt) => rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
const index = (rt, list, i) => {
    if (i === null) npe(rt);
    if (i < 0 || i >= list.items.length) rt.throw('System.ListException', `List index out of bounds: ${i}`);
    return i;
};

// Only what the values and platform parts have not registered themselves.
const defineNative = (spec) => nativeClass(spec.name) ?? define(spec);

/** Registers a few natives for the language tests (only those the other parts have not registered). */
export function registerNatives() {
    defineNative({
        name: 'List',
        isInstance: (v) => v instanceof ApexList,
        instanceMethods: {
            add: (rt, self, [a, b]) => {
                if (b === undefined) self.items.push(a);
                else self.items.splice(a, 0, b);
            },
            get: (rt, self, [i]) => self.items[index(rt, self, i)],
            set: (rt, self, [i, v]) => {
                self.items[index(rt, self, i)] = v;
            },
            size: (rt, self) => self.items.length,
            isempty: (rt, self) => self.items.length === 0,
            contains: (rt, self, [v]) => self.items.some((x) => rt.equals(x, v)),
            remove: (rt, self, [i]) => self.items.splice(index(rt, self, i), 1)[0],
            clear: (rt, self) => {
                self.items.length = 0;
            },
            addall: (rt, self, [other]) => {
                self.items.push(...other.items);
            }
        }
    });
    defineNative({
        name: 'Set',
        isInstance: (v) => v instanceof ApexSet,
        instanceMethods: {
            add: (rt, self, [v]) => self.add(v),
            contains: (rt, self, [v]) => self.has(v),
            size: (rt, self) => self.items.length
        }
    });
    defineNative({
        name: 'Map',
        isInstance: (v) => v instanceof ApexMap,
        instanceMethods: {
            put: (rt, self, [k, v]) => self.put(k, v),
            get: (rt, self, [k]) => self.get(k),
            containskey: (rt, self, [k]) => Boolean(self.find(k)),
            size: (rt, self) => self.pairs.length,
            keyset: (rt, self) =>
                new ApexSet(
                    self.keyType,
                    self.pairs.map((p) => p[0]),
                    rt
                ),
            values: (rt, self) =>
                new ApexList(
                    self.valueType,
                    self.pairs.map((p) => p[1])
                )
        }
    });
    defineNative({
        name: 'String',
        isInstance: (v) => typeof v === 'string',
        staticMethods: {
            valueof: (rt, [v]) => (v === null ? null : rt.toString(v)),
            isblank: (rt, [v]) => v === null || v.trim() === ''
        },
        instanceMethods: {
            length: (rt, self) => self.length,
            touppercase: (rt, self) => self.toUpperCase(),
            tolowercase: (rt, self) => self.toLowerCase(),
            equals: (rt, self, [other]) => self === other,
            contains: (rt, self, [other]) => self.includes(other)
        }
    });
    defineNative({
        name: 'Integer',
        isInstance: (v) => typeof v === 'number',
        staticMethods: { valueof: (rt, [v]) => (v === null ? null : Number.parseInt(rt.toString(v), 10)) }
    });
    defineNative({ name: 'System', staticMethods: { debug: () => null } });
}

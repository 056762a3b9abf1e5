// Runtime types and assignment conversion: the type of a value, instanceof, and the conversion a value undergoes
// when assigned to a variable, field, parameter or element of a declared type. Rules from the Apex Developer Guide,
// "Using the instanceof Keyword", "Primitive Data Types" and "Rules of Conversion".
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
import { BUILT_IN_TYPES, fail, type, typeName, T } from './types.mjs';
import { nativeClassOf } from '../interpreter/natives.mjs';
import { toId18 } from './ids.mjs';
import { isNumber, toJsNumber, toDecimal } from './numbers.mjs';

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

/** The name of a user class or enum, whether given as its declaration or as a name. */
export const className = (cls) => (typeof cls === 'string' ? cls : (cls?.fullName ?? cls?.name ?? String(cls)));

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

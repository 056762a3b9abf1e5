// String.valueOf and string concatenation of any Apex value (Apex Reference, "String Class": valueOf overloads).
import { ApexDate, ApexDatetime, ApexTime, ApexBlob, ApexObject, ApexEnumValue, ApexTypeValue } from './values.mjs';
import { ApexList, ApexSet, ApexMap } from './collections.mjs';
import { ApexSObject } from './sobject.mjs';
import { typeName } from './types.mjs';
import { nativeClassOf } from '../interpreter/natives.mjs';
import { isNumber, numberToString } from './numbers.mjs';
import { dateToString, datetimeToString, timeToString } from './dates.mjs';
import { className } from './runtime-types.mjs';

/** A value as text, through the interpreter's rt.toString (which calls a declared toString first) when there is one. */
export const stringOf = (value, rt) =>
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
    if (value instanceof ApexList) return `(${value.items.map((item) => stringOf(item, rt)).join(', ')})`;
    if (value instanceof ApexSet) return `{${[...value].map((item) => stringOf(item, rt)).join(', ')}}`;
    if (value instanceof ApexMap) {
        return `{${[...value.entries()].map(([k, v]) => `${stringOf(k, rt)}=${stringOf(v, rt)}`).join(', ')}}`;
    }
    if (value instanceof ApexSObject) {
        return `${value.type}:{${value
            .entries()
            .map(([k, v]) => `${k}=${stringOf(v, rt)}`)
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
    return `${name}:[${fields.map(([k, v]) => `${k}=${stringOf(v, rt)}`).join(', ')}]`;
}

// Keys of Set and Map (Apex Developer Guide, "Collections" and "Using Custom Types in Map Keys and Sets"): String
// keys are case-sensitive; SObject keys are equal when their field values are; a Decimal key keeps its scale
// (Apex Reference, "Decimal Class": 1.1 and 1.10 generally do not have the same hash code); instances of user
// classes use their equals/hashCode (through rt.equals/rt.hashCode, which the interpreter resolves), else identity.
//
// keyHash gives a string that is equal for equal keys; keyEquals settles collisions.
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
import { typeName } from './types.mjs';
import { sameStructure } from './structural-equality.mjs';

const identities = new WeakMap();
let nextIdentity = 1;

/** A stable number per JS object: the identity hash of values without value semantics. */
export function identityHash(object) {
    let id = identities.get(object);
    if (id === undefined) {
        id = nextIdentity++;
        identities.set(object, id);
    }
    return id;
}

export function keyHash(value, rt) {
    if (value === null || value === undefined) return 'n';
    switch (typeof value) {
        case 'boolean':
            return `b:${value}`;
        case 'number':
            return `i:${value}`;
        case 'bigint':
            return `l:${value}`;
        case 'string':
            return `s:${value}`;
    }
    if (value instanceof ApexDouble) return `d:${value.value}`;
    if (value instanceof ApexDecimal) return `D:${value.unscaled}e${value.scale}`;
    if (value instanceof ApexDate) return `date:${value.days}`;
    if (value instanceof ApexDatetime) return `dt:${value.ms}`;
    if (value instanceof ApexTime) return `t:${value.ms}`;
    if (value instanceof ApexBlob) return `B:${Buffer.from(value.bytes).toString('base64')}`;
    if (value instanceof ApexEnumValue) return `E:${enumName(value)}.${value.name}`;
    if (value instanceof ApexTypeValue) return `T:${typeName(value.type).toLowerCase()}`;
    if (value instanceof ApexList) return `L[${value.items.map((item) => keyHash(item, rt)).join(',')}]`;
    if (value instanceof ApexSet)
        return `S{${[...value]
            .map((item) => keyHash(item, rt))
            .sort()
            .join(',')}}`;
    if (value instanceof ApexMap) {
        const pairs = [...value.entries()].map(([k, v]) => `${keyHash(k, rt)}=${keyHash(v, rt)}`);
        return `M{${pairs.sort().join(',')}}`;
    }
    if (value instanceof ApexSObject) {
        const fields = value.entries().map(([name, v]) => `${name.toLowerCase()}=${keyHash(v, rt)}`);
        return `O:${value.type.toLowerCase()}{${fields.sort().join(',')}}`;
    }
    if (value instanceof ApexObject && rt?.hashCode) return `U:${rt.hashCode(value)}`;
    return `X:${identityHash(value)}`;
}

const enumName = (value) => String(value.enumType?.name ?? value.enumType).toLowerCase();

export function keyEquals(a, b, rt) {
    if (a === b) return true;
    if (a === null || b === null || a === undefined || b === undefined) return false;
    if (a instanceof ApexObject || b instanceof ApexObject) return rt?.equals ? rt.equals(a, b) : false;
    if (a instanceof ApexSet && b instanceof ApexSet) return a.size() === b.size() && [...a].every((x) => b.has(x, rt));
    const structural = sameStructure(a, b, rt, keyEquals);
    if (structural !== undefined) return structural;
    return keyHash(a, rt) === keyHash(b, rt);
}

// List, Set and Map methods (Apex Reference, "List Class", "Set Class", "Map Class").
import { defineNative } from '../interpreter/natives.mjs';
import { ApexList, ApexSet, ApexMap } from './collections.mjs';
import { ApexSObject } from './sobject.mjs';

import { fail, T } from './types.mjs';
import { required, badArity } from './native-util.mjs';
import { equals, hashCode } from './equality.mjs';
import { compare } from './ordering.mjs';
import { toApexString } from './apex-string.mjs';

const eq = (rt, a, b) => (rt?.equals ? rt.equals(a, b) : equals(a, b, rt));
const cmp = (rt, a, b) => (rt?.compare ? rt.compare(a, b) : compare(a, b, rt));

const itemsOf = (rt, value) => {
    required(rt, value);
    if (value instanceof ApexList) return value.items;
    if (value instanceof ApexSet) return [...value];
    return fail(rt, 'System.TypeException', 'Expected a List or Set');
};

/** A deep copy for deepClone: SObjects copied (and their relationship values), collections recursively. */
function deepCopy(value, options = {}) {
    if (value instanceof ApexSObject) {
        const copy = value.copy({ keepId: options.preserveId !== false });
        for (const [key, entry] of copy.values) entry.value = deepCopy(entry.value, options);
        return copy;
    }
    if (value instanceof ApexList)
        return new ApexList(
            value.type,
            value.items.map((item) => deepCopy(item, options))
        );
    if (value instanceof ApexSet)
        return new ApexSet(
            value.type,
            [...value].map((item) => deepCopy(item, options))
        );
    if (value instanceof ApexMap) {
        const copy = new ApexMap(value.keyType, value.valueType);
        for (const [k, v] of value.entries()) copy.set(k, deepCopy(v, options));
        return copy;
    }
    return value;
}

export { deepCopy };

const listMethods = {
    add(rt, list, args) {
        if (args.length === 1) list.add(args[0], rt);
        else if (args.length === 2) list.insert(args[0], args[1], rt);
        else badArity(rt, 'List', 'add', args);
    },
    addall(rt, list, [other]) {
        for (const item of itemsOf(rt, other)) list.add(item, rt);
    },
    clear: (rt, list) => {
        list.items.length = 0;
    },
    clone: (rt, list) => new ApexList(list.type, [...list.items]),
    contains: (rt, list, [value]) => list.items.some((item) => eq(rt, item, value)),
    // Apex Reference, List Class: deepClone(preserveId, preserveReadonlyTimestamps, preserveAutonumber) for SObjects.
    deepclone: (rt, list, [preserveId]) => deepCopy(list, { preserveId: preserveId ?? false }),
    equals: (rt, list, [other]) => other instanceof ApexList && equals(list, other, rt),
    get: (rt, list, [index]) => list.get(index, rt),
    getsobjecttype: (rt, list) => rt.unsupported('List.getSObjectType (a Schema.SObjectType, platform part)'),
    hashcode: (rt, list) => hashCode(list, rt),
    indexof: (rt, list, [value]) => list.items.findIndex((item) => eq(rt, item, value)),
    isempty: (rt, list) => list.items.length === 0,
    iterator: (rt, list) => new ListIterator(list),
    remove: (rt, list, [index]) => list.removeAt(index, rt),
    set: (rt, list, [index, value]) => {
        list.set(index, value, rt);
    },
    size: (rt, list) => list.items.length,
    sort(rt, list, [comparator]) {
        // Apex Reference, List Class: sort() / sort(comparator); the sort is stable.
        const items = list.items;
        const sorted = comparator
            ? [...items].sort((a, b) => Number(rt.call(comparator, 'compare', [a, b])))
            : [...items].sort((a, b) => cmp(rt, a, b));
        items.splice(0, items.length, ...sorted);
    },
    tostring: (rt, list) => toApexString(list, rt)
};

/** The iterator List.iterator() returns (Apex Reference, "Iterator Interface": hasNext, next). */
export class ListIterator {
    constructor(list) {
        this.items = list.items;
        this.index = 0;
    }
}

defineNative({
    name: 'ListIterator',
    isInstance: (value) => value instanceof ListIterator,
    instanceMethods: {
        hasnext: (rt, it) => it.index < it.items.length,
        next: (rt, it) =>
            it.index < it.items.length
                ? it.items[it.index++]
                : fail(rt, 'System.NoSuchElementException', 'Iterator has no more elements.')
    }
});

export const ListNative = defineNative({
    name: 'List',
    isInstance: (value) => value instanceof ApexList,
    construct(rt, args, type) {
        const element = type?.args?.[0] ?? T.Object;
        const list = new ApexList(element, []);
        if (args.length === 0) return list;
        // new List<T>(list or set), or new T[size] handled by the interpreter with an Integer argument.
        if (typeof args[0] === 'number') {
            list.items = Array(args[0]).fill(null);
            return list;
        }
        for (const item of itemsOf(rt, args[0])) list.add(item, rt);
        return list;
    },
    instanceMethods: listMethods
});

const setMethods = {
    add: (rt, set, [value]) => set.add(value, rt),
    addall(rt, set, [other]) {
        let changed = false;
        for (const item of itemsOf(rt, other)) changed = set.add(item, rt) || changed;
        return changed;
    },
    clear: (rt, set) => set.clear(),
    clone: (rt, set) => new ApexSet(set.type, [...set], rt),
    contains: (rt, set, [value]) => set.has(value, rt),
    containsall: (rt, set, [other]) => itemsOf(rt, other).every((item) => set.has(item, rt)),
    equals: (rt, set, [other]) => other instanceof ApexSet && equals(set, other, rt),
    hashcode: (rt, set) => hashCode(set, rt),
    isempty: (rt, set) => set.size() === 0,
    iterator: (rt, set) => new ListIterator({ items: [...set] }),
    remove: (rt, set, [value]) => set.delete(value, rt),
    removeall(rt, set, [other]) {
        let changed = false;
        for (const item of itemsOf(rt, other)) changed = set.delete(item, rt) || changed;
        return changed;
    },
    retainall(rt, set, [other]) {
        const keep = new ApexSet(set.type, itemsOf(rt, other), rt);
        let changed = false;
        for (const item of [...set]) if (!keep.has(item, rt)) changed = set.delete(item, rt) || changed;
        return changed;
    },
    size: (rt, set) => set.size(),
    tostring: (rt, set) => toApexString(set, rt)
};

export const SetNative = defineNative({
    name: 'Set',
    isInstance: (value) => value instanceof ApexSet,
    construct(rt, args, type) {
        const set = new ApexSet(type?.args?.[0] ?? T.Object, [], rt);
        if (args.length) for (const item of itemsOf(rt, args[0])) set.add(item, rt);
        return set;
    },
    instanceMethods: setMethods
});

/** Map<Id, SObject>(List<SObject>): records by Id; a record without an Id fails as the platform's does. */
function putRecords(rt, map, records) {
    for (const record of itemsOf(rt, records)) {
        const id = record?.get('Id', rt) ?? null;
        if (id === null)
            fail(rt, 'System.ListException', 'Row with null Id at index: ' + itemsOf(rt, records).indexOf(record));
        if (map.has(id, rt))
            fail(rt, 'System.ListException', `Row with duplicate Id at index: ${itemsOf(rt, records).indexOf(record)}`);
        map.set(id, record, rt);
    }
}

const mapMethods = {
    clear: (rt, map) => map.clear(),
    clone(rt, map) {
        const copy = new ApexMap(map.keyType, map.valueType, rt);
        for (const [k, v] of map.entries()) copy.set(k, v, rt);
        return copy;
    },
    containskey: (rt, map, [key]) => map.has(key, rt),
    deepclone: (rt, map) => deepCopy(map),
    equals: (rt, map, [other]) => other instanceof ApexMap && equals(map, other, rt),
    get: (rt, map, [key]) => map.get(key, rt),
    hashcode: (rt, map) => hashCode(map, rt),
    isempty: (rt, map) => map.size() === 0,
    // Apex Reference, Map Class: keySet returns a Set of the keys (a copy here; changes do not reach the map).
    keyset: (rt, map) => new ApexSet(map.keyType, map.keys(), rt),
    put: (rt, map, [key, value]) => map.set(key, value, rt),
    putall(rt, map, [other]) {
        if (other instanceof ApexMap) for (const [k, v] of other.entries()) map.set(k, v, rt);
        else putRecords(rt, map, other);
    },
    remove: (rt, map, [key]) => map.delete(key, rt),
    size: (rt, map) => map.size(),
    tostring: (rt, map) => toApexString(map, rt),
    values: (rt, map) => new ApexList(map.valueType, map.values())
};

export const MapNative = defineNative({
    name: 'Map',
    isInstance: (value) => value instanceof ApexMap,
    construct(rt, args, type) {
        const map = new ApexMap(type?.args?.[0] ?? T.Object, type?.args?.[1] ?? T.Object, rt);
        if (args.length === 0) return map;
        if (args[0] instanceof ApexMap) for (const [k, v] of args[0].entries()) map.set(k, v, rt);
        else putRecords(rt, map, args[0]);
        return map;
    },
    instanceMethods: mapMethods
});

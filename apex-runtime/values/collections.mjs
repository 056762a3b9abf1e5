// List, Set and Map values (Apex Developer Guide, "Collections"). Lists are JS arrays of Apex values; sets and maps
// keep insertion order and find keys by the rules of keys.mjs (case-sensitive String keys, SObjects by field
// values, user classes by their equals/hashCode through rt). Values added through the helpers here are converted
// to the declared element type when that type is numeric or Id (an Integer added to a List<Decimal> is a Decimal).
//
// Methods that may throw or need key equality take the runtime as an optional last argument.
import { keyHash, keyEquals } from './keys.mjs';
import { coerce } from './runtime-types.mjs';
import { fail, T } from './types.mjs';

const CONVERTED = new Set(['long', 'double', 'decimal', 'id']);

/** The value as an element of `type`: numbers promoted, Ids extended to 18 characters; other values as they are. */
export function asElement(value, type, rt) {
    if (value === null || !type || !CONVERTED.has(type.name.toLowerCase())) return value;
    return coerce(value, type, rt);
}

export class ApexList {
    constructor(type = T.Object, items = []) {
        this.type = type;
        this.items = items;
    }

    size() {
        return this.items.length;
    }

    /** Apex Reference, List Class: get(index) throws ListException "List index out of bounds: n". */
    get(index, rt) {
        this.checkIndex(index, rt);
        return this.items[index];
    }

    set(index, value, rt) {
        this.checkIndex(index, rt);
        this.items[index] = asElement(value, this.type, rt);
        return value;
    }

    add(value, rt) {
        this.items.push(asElement(value, this.type, rt));
    }

    /** add(index, value): index may equal size (append). */
    insert(index, value, rt) {
        if (!Number.isInteger(index) || index < 0 || index > this.items.length) {
            fail(rt, 'System.ListException', `List index out of bounds: ${index}`);
        }
        this.items.splice(index, 0, asElement(value, this.type, rt));
    }

    removeAt(index, rt) {
        this.checkIndex(index, rt);
        return this.items.splice(index, 1)[0];
    }

    checkIndex(index, rt) {
        if (!Number.isInteger(index) || index < 0 || index >= this.items.length) {
            fail(rt, 'System.ListException', `List index out of bounds: ${index}`);
        }
    }

    [Symbol.iterator]() {
        return this.items[Symbol.iterator]();
    }
}

export class ApexSet {
    constructor(type = T.Object, items = [], rt) {
        this.type = type;
        this.buckets = new Map(); // keyHash -> [values]
        this.count = 0;
        for (const item of items) this.add(item, rt);
    }

    size() {
        return this.count;
    }

    find(value, rt) {
        const bucket = this.buckets.get(keyHash(value, rt));
        if (!bucket) return -1;
        return bucket.findIndex((candidate) => keyEquals(candidate, value, rt));
    }

    has(value, rt) {
        return this.find(asElement(value, this.type, rt), rt) >= 0;
    }

    /** Adds the value; true when it was not there yet (Apex Reference, Set Class: add). */
    add(value, rt) {
        const element = asElement(value, this.type, rt);
        const hash = keyHash(element, rt);
        const bucket = this.buckets.get(hash);
        if (!bucket) this.buckets.set(hash, [element]);
        else if (bucket.some((candidate) => keyEquals(candidate, element, rt))) return false;
        else bucket.push(element);
        this.count++;
        return true;
    }

    /** Removes the value; true when it was there. */
    delete(value, rt) {
        const element = asElement(value, this.type, rt);
        const hash = keyHash(element, rt);
        const bucket = this.buckets.get(hash);
        const index = bucket ? bucket.findIndex((candidate) => keyEquals(candidate, element, rt)) : -1;
        if (index < 0) return false;
        bucket.splice(index, 1);
        if (!bucket.length) this.buckets.delete(hash);
        this.count--;
        return true;
    }

    clear() {
        this.buckets.clear();
        this.count = 0;
    }

    values() {
        return [...this];
    }

    *[Symbol.iterator]() {
        for (const bucket of [...this.buckets.values()]) yield* [...bucket];
    }
}

export class ApexMap {
    constructor(keyType = T.Object, valueType = T.Object, rt) {
        this.keyType = keyType;
        this.valueType = valueType;
        this.buckets = new Map(); // keyHash -> [{ key, value }]
        this.count = 0;
        this.rt = rt;
    }

    size() {
        return this.count;
    }

    entry(key, rt) {
        const bucket = this.buckets.get(keyHash(key, rt));
        return bucket?.find((candidate) => keyEquals(candidate.key, key, rt));
    }

    has(key, rt) {
        return this.entry(asElement(key, this.keyType, rt), rt) !== undefined;
    }

    /** The value of the key, or null (Apex Reference, Map Class: get returns null for a missing key). */
    get(key, rt) {
        return this.entry(asElement(key, this.keyType, rt), rt)?.value ?? null;
    }

    /** Sets the value; returns the previous value or null (Apex Reference, Map Class: put). */
    set(key, value, rt) {
        const k = asElement(key, this.keyType, rt);
        const v = asElement(value, this.valueType, rt);
        const hash = keyHash(k, rt);
        const bucket = this.buckets.get(hash);
        const existing = bucket?.find((candidate) => keyEquals(candidate.key, k, rt));
        if (existing) {
            const previous = existing.value;
            existing.value = v;
            return previous;
        }
        if (bucket) bucket.push({ key: k, value: v });
        else this.buckets.set(hash, [{ key: k, value: v }]);
        this.count++;
        return null;
    }

    /** Removes the key; returns its value or null. */
    delete(key, rt) {
        const k = asElement(key, this.keyType, rt);
        const hash = keyHash(k, rt);
        const bucket = this.buckets.get(hash);
        const index = bucket ? bucket.findIndex((candidate) => keyEquals(candidate.key, k, rt)) : -1;
        if (index < 0) return null;
        const [removed] = bucket.splice(index, 1);
        if (!bucket.length) this.buckets.delete(hash);
        this.count--;
        return removed.value;
    }

    clear() {
        this.buckets.clear();
        this.count = 0;
    }

    keys() {
        return [...this.entries()].map(([key]) => key);
    }

    values() {
        return [...this.entries()].map(([, value]) => value);
    }

    *entries() {
        for (const bucket of [...this.buckets.values()]) for (const { key, value } of [...bucket]) yield [key, value];
    }

    [Symbol.iterator]() {
        return this.entries();
    }
}

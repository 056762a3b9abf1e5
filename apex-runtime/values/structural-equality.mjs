// What == and map-key equality share: two lists are equal element by element in order, two maps pair by pair in any
// order, two sObjects of one type field by field (Apex Reference, "List Class" and "Map Class": equals; Apex Developer
// Guide, "Expression Operators": == on sObjects compares all field values). Each element is compared by `same`, the
// caller's own equality (== or map-key equality). Sets differ between the two, so their callers compare them.
import { ApexList, ApexMap } from './collections.mjs';
import { ApexSObject } from './sobject.mjs';

/** True or false for two lists, two maps or two sObjects; undefined for anything else. */
export function sameStructure(a, b, rt, same) {
    if (a instanceof ApexList && b instanceof ApexList) {
        return a.items.length === b.items.length && a.items.every((item, i) => same(item, b.items[i], rt));
    }
    if (a instanceof ApexMap && b instanceof ApexMap) {
        if (a.size() !== b.size()) return false;
        return [...a.entries()].every(([key, value]) => b.has(key, rt) && same(value, b.get(key, rt), rt));
    }
    if (a instanceof ApexSObject && b instanceof ApexSObject) {
        if (a.type.toLowerCase() !== b.type.toLowerCase()) return false;
        const fields = a.entries();
        if (fields.length !== b.fieldNames().length) return false;
        return fields.every(([name, value]) => b.has(name) && same(value, b.get(name, rt), rt));
    }
    return undefined;
}

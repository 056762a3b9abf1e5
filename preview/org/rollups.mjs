// Roll-up summary fields: after a save or a delete, each parent the records point at (before or after) is
// recalculated from its own children, read through the parent index, with the roll-up's filter criteria. What
// changed is returned for the save (save.mjs) to write: a parent whose roll-up changed is saved through the same
// steps as any record, so its triggers, validation rules and own roll-ups run too.
import { isBlank, sameValue } from './values.mjs';

/** Whether a child record meets one filter criterion of a roll-up. */
export function matchesFilter(object, record, filter) {
    const field = object.field(filter.field);
    const actual = record[field.name];
    const raw = filter.valueField ? record[object.field(filter.valueField).name] : (filter.value ?? '');
    const operation = filter.operation;
    if (field.type === 'Checkbox') {
        const expected = String(raw).toLowerCase() === 'true';
        if (operation === 'equals') return actual === expected;
        if (operation === 'notEqual') return actual !== expected;
        return false;
    }
    const numeric = ['Number', 'Currency', 'Percent'].includes(field.type);
    const ordered = (compare) => {
        if (isBlank(actual) || isBlank(raw)) return false;
        const [a, b] = numeric ? [Number(actual), Number(raw)] : [String(actual), String(raw)];
        return compare(a < b ? -1 : a > b ? 1 : 0);
    };
    // Text and picklist criteria ignore case; a picklist criterion lists values separated by commas (any of).
    const text = (value) => (isBlank(value) ? '' : String(value).toLowerCase());
    const candidates =
        field.type === 'Picklist'
            ? String(raw)
                  .split(',')
                  .map((value) => value.trim().toLowerCase())
            : [text(raw)];
    const equal = numeric
        ? isBlank(raw)
            ? isBlank(actual)
            : !isBlank(actual) && Number(actual) === Number(raw)
        : candidates.includes(text(actual));
    switch (operation) {
        case 'equals':
            return equal;
        case 'notEqual':
            return !equal;
        case 'lessThan':
            return ordered((c) => c < 0);
        case 'greaterThan':
            return ordered((c) => c > 0);
        case 'lessOrEqual':
            return ordered((c) => c <= 0);
        case 'greaterOrEqual':
            return ordered((c) => c >= 0);
        case 'contains':
            return candidates.some((value) => text(actual).includes(value));
        case 'notContain':
            return !candidates.some((value) => text(actual).includes(value));
        case 'startsWith':
            return candidates.some((value) => text(actual).startsWith(value));
        case 'includes':
        case 'excludes': {
            const chosen = text(actual)
                .split(';')
                .map((value) => value.trim());
            const any = candidates.some((value) => chosen.includes(value));
            return operation === 'includes' ? any : !any;
        }
        default:
            throw new Error(`roll-up filter operation ${operation} is not supported by the embedded org`);
    }
}

/** The value of one roll-up on one parent, from the parent's children of `object`. */
export function rollupValue(store, object, rollup, parentId) {
    const table = store.table(object.name);
    let count = 0;
    let result = null;
    for (const id of store.childIds(object.name, rollup.foreignKey, parentId)) {
        const record = table.get(id);
        if (!rollup.filters.every((filter) => matchesFilter(object, record, filter))) continue;
        if (rollup.operation === 'count') {
            count++;
            continue;
        }
        const value = record[object.field(rollup.summarizedField).name];
        if (isBlank(value)) continue;
        if (rollup.operation === 'sum') result = (result ?? 0) + value;
        else if (rollup.operation === 'min') result = result === null || value < result ? value : result;
        else if (rollup.operation === 'max') result = result === null || value > result ? value : result;
    }
    if (rollup.operation === 'count') return count;
    if (rollup.operation === 'sum') {
        const scale = object.field(rollup.summarizedField).scale ?? 2;
        return Math.round((result ?? 0) * 10 ** scale) / 10 ** scale;
    }
    return result;
}

/**
 * The roll-ups that summarize `object`, recalculated on every parent the saved (or deleted) rows point at: one
 * { parent, updates: [{ Id, ...changed values }], causes: [row index per update] } per parent object with a
 * change, each computed when the caller asks for it (after the previous one was saved).
 */
export function* rollupChanges(schema, store, object, rows) {
    if (!object.rollups.length) return;
    const parents = new Map();
    for (const rollup of object.rollups) {
        if (!parents.has(rollup.parentObject)) parents.set(rollup.parentObject, new Map());
        const ids = parents.get(rollup.parentObject);
        for (const row of rows) {
            for (const id of [row.rec?.[rollup.foreignKey], row.prior?.[rollup.foreignKey]]) {
                if (id && !ids.has(id)) ids.set(id, row.index);
            }
        }
    }
    for (const [parentName, ids] of parents) {
        const parent = schema.object(parentName);
        const rollups = object.rollups.filter((rollup) => rollup.parentObject === parentName);
        const updates = [];
        const causes = [];
        for (const [id, index] of ids) {
            const stored = store.table(parentName).get(id);
            if (!stored) continue;
            const values = {};
            for (const rollup of rollups) {
                const value = rollupValue(store, object, rollup, id);
                if (!sameValue(value, stored[rollup.field])) values[rollup.field] = value;
            }
            if (Object.keys(values).length) {
                updates.push({ Id: id, ...values });
                causes.push(index);
            }
        }
        if (updates.length) yield { parent, updates, causes };
    }
}

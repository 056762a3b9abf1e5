// Runs a compiled plan over the embedded org: rows, WHERE, sharing, ORDER BY, OFFSET/LIMIT, parent paths and
// child subqueries, aggregates. Produces plain results (rows and values) that records.mjs turns into Apex values.
import { toId18 } from '../../preview/org/org.mjs';
import { collectionItems, compareValues, fromApex, fromRow, likePattern, sameValue } from './compare.mjs';
import { dateLiteralRange } from './dates.mjs';
import { queryError } from './errors.mjs';
import { aggregateKind } from './compile.mjs';

const lower = (name) => String(name).toLowerCase();

/** A stable 18-character Id for a custom metadata record the org keeps without one (key prefix m00). */
function metadataId(type, index) {
    let hash = 0;
    for (const char of type) hash = (hash * 31 + char.charCodeAt(0)) % 1679616;
    return toId18(`m00${hash.toString(36).padStart(4, '0')}${index.toString(36).padStart(8, '0')}`.slice(0, 15));
}

/** The records of an object: the org's store, or custom metadata records ("Custom Metadata Types and Apex"). */
function rowsOf(ex, object) {
    const key = lower(object.name);
    if (ex.rows.has(key)) return ex.rows.get(key);
    let rows;
    if (key === 'userrecordaccess') {
        rows = userRecordAccessRows(ex);
    } else if (object.isMetadata) {
        rows = ex.org
            .customMetadata(object.name)
            .map((row, index) => ({ Id: row.Id ?? metadataId(object.name, index), ...row }));
    } else {
        rows = ex.org.query(object.name);
    }
    // UserRecordAccess rows are the user's access itself: sharing has nothing to filter there.
    if (ex.sharing && !object.isMetadata && key !== 'userrecordaccess') {
        rows = rows.filter((row) => canRead(ex, object.name, row));
    }
    ex.rows.set(key, rows);
    return rows;
}

/**
 * The rows a plan's WHERE is applied to. When its first condition (the whole WHERE, or the first item of its
 * top-level AND) compares Id or a lookup field with `=` or `IN` to ids, only the records those ids reach, read
 * through the org's index, as an org reads a selective query through the indexes it keeps on Id and on lookup and
 * master-detail fields (Apex Developer Guide, "Working with Very Large SOQL Queries", More Efficient SOQL Queries:
 * fields indexed by default include primary keys and foreign keys); otherwise every row (rowsOf). The WHERE is then
 * applied in full either way. The records left out are those the first condition refuses, which is the first thing
 * the WHERE tests, so the result and any error a later condition raises are the same as over every row: this only
 * spares reading, computing formula fields for and checking sharing on records that cannot match.
 */
export function candidateRows(ex, plan) {
    const object = plan.object;
    const key = lower(object.name);
    const first = plan.where?.op === 'and' ? plan.where.items[0] : plan.where;
    const indexable =
        first &&
        ['=', 'IN'].includes(first.op) &&
        first.left?.kind === 'field' &&
        first.left.ref.kind === 'id' &&
        !first.left.ref.steps.length &&
        !object.isMetadata &&
        key !== 'userrecordaccess' &&
        !ex.rows.has(key) &&
        typeof ex.org.recordsReachedBy === 'function';
    if (!indexable) return rowsOf(ex, object);
    let resolved;
    try {
        resolved = right(ex, first, 'id');
    } catch {
        // A right side that cannot be compared with an id: every row, where the WHERE raises its error as before.
        return rowsOf(ex, object);
    }
    const ids = (resolved.list ?? [resolved]).map((item) => item.value);
    // An empty value (a lookup = null) or text that is no id is answered by reading every row, as before.
    if (resolved.range || !ids.every((id) => typeof id === 'string' && toId18(id) === id)) return rowsOf(ex, object);
    const reached = ex.org.recordsReachedBy(object.name, first.left.ref.field.name, ids);
    if (!reached) return rowsOf(ex, object);
    return ex.sharing ? reached.filter((row) => canRead(ex, object.name, row)) : reached;
}

/**
 * UserRecordAccess stores nothing: the platform answers it for one user and up to 200 records, and only when the
 * WHERE clause names both (Object Reference, "UserRecordAccess": "you must specify the UserId and RecordId").
 * The two conditions are read from the top-level AND of the query; everything else filters the rows as usual.
 */
function userRecordAccessRows(ex) {
    const conditions = ex.plan.where ? (ex.plan.where.op === 'and' ? ex.plan.where.items : [ex.plan.where]) : [];
    const named = (field, ops) =>
        conditions.find(
            (cond) => cond.left?.kind === 'field' && lower(cond.left.ref.key) === field && ops.includes(cond.op)
        );
    const user = named('userid', ['=']);
    const record = named('recordid', ['=', 'IN']);
    if (!user || !record) {
        queryError('UserRecordAccess queries must filter on UserId = <one user> and RecordId = or IN <record ids>');
    }
    const userId = right(ex, user, 'id').value;
    const resolved = right(ex, record, 'id');
    const recordIds = resolved.list ? resolved.list.map((item) => item.value) : [resolved.value];
    return ex.org.userRecordAccess(userId, recordIds.filter(Boolean)).map((row) => ({ UserId: userId, ...row }));
}

function canRead(ex, objectName, row) {
    if (typeof ex.org.canRead !== 'function') {
        throw new Error(
            'SOQL with sharing needs org.canRead(userId, object, row), which the embedded org does not provide yet'
        );
    }
    return ex.org.canRead(ex.userId, objectName, row);
}

/** The parent row a lookup points at (null when empty or, under sharing, not visible to the user). */
function parentRow(ex, field, value) {
    if (value === null || value === undefined || value === '') return null;
    const target = ex.schema.objects?.get(lower(field.referenceTo));
    if (!target) {
        // A metadata relationship holds the target's DeveloperName (or its Id).
        const records = rowsOf(ex, ex.objectNamed(field.referenceTo));
        return (
            records.find((row) => row.Id === value || row.DeveloperName === value || row.QualifiedApiName === value) ??
            null
        );
    }
    const cacheKey = `${target.name}:${value}`;
    if (!ex.parents.has(cacheKey)) {
        let row = ex.org.get(target.name, value);
        if (row && ex.sharing && !canRead(ex, target.name, row)) row = null;
        ex.parents.set(cacheKey, row);
    }
    return ex.parents.get(cacheKey);
}

/** The raw value of a path (Owner.Name) from a row, following lookups; null when a link is empty. */
export function rawPath(ex, row, ref) {
    let current = row;
    for (const step of ref.steps) {
        current = parentRow(ex, step.field, current[step.field.name]);
        if (!current) return null;
    }
    return current[ref.field.name] ?? null;
}

/** Every row of the parent chain of a path: [row, parent, grandparent...] (null where a link is empty). */
export function pathRows(ex, row, ref) {
    const rows = [row];
    let current = row;
    for (const step of ref.steps) {
        current = current ? parentRow(ex, step.field, current[step.field.name]) : null;
        rows.push(current);
    }
    return rows;
}

// -----------------------------------------------------------------------------------------------------------
// Values on the right of a comparison, resolved once per execution.

function bindValue(ex, index) {
    if (!ex.bindValues.has(index)) {
        if (typeof ex.options.bind !== 'function') throw new Error('SOQL bind variables need options.bind');
        const value = ex.options.bind(ex.plan.binds[index]);
        ex.bindValues.set(index, value === undefined ? null : value);
    }
    return ex.bindValues.get(index);
}

function resolveItem(ex, value, kind, op) {
    if (value.kind === 'literal') return { value: value.type === 'null' ? null : fromRow(value.value, kind) };
    if (value.kind === 'dateLiteral') {
        const [from, to] = dateLiteralRange(value, ex.today, ex.dateOptions);
        return { range: [from, to] };
    }
    if (value.kind === 'bind') {
        const bound = bindValue(ex, value.index);
        const items = collectionItems(bound);
        if (items) {
            if (!['IN', 'NOT IN', 'INCLUDES', 'EXCLUDES'].includes(op)) {
                queryError(`Invalid bind expression type of List for column of type ${kind}`);
            }
            return { list: items.map((item) => ({ value: fromApex(item, kind) })) };
        }
        return { value: fromApex(bound, kind) };
    }
    if (value.kind === 'list') return { list: value.items.map((item) => resolveItem(ex, item, kind, '=')) };
    if (value.kind === 'semi') return { list: semiJoinValues(ex, value).map((id) => ({ value: id })) };
    throw new Error(`SOQL: unknown value kind ${value.kind}`);
}

function semiJoinValues(ex, semi) {
    const rows = selectRows(ex, semi.plan, candidateRows(ex, semi.plan));
    return [...new Set(rows.map((row) => fromRow(rawPath(ex, row, semi.ref), 'id')).filter((id) => id !== null))];
}

function right(ex, cond, kind) {
    if (!ex.resolved.has(cond)) ex.resolved.set(cond, resolveItem(ex, cond.right, kind, cond.op));
    return ex.resolved.get(cond);
}

// -----------------------------------------------------------------------------------------------------------
// Conditions.

function matchesOne(value, item, kind, dateOfValue) {
    if (item.range) {
        if (value === null) return false;
        const day = dateOfValue(value);
        return day >= item.range[0] && day <= item.range[1];
    }
    return sameValue(value, item.value, kind);
}

/** One comparison of a value (comparable form) with the resolved right side. */
function compare(op, value, item, kind) {
    // Date literals on a dateTime field cover whole days (the runtime's users are on UTC).
    const dateOfValue = (v) => (kind === 'datetime' ? new Date(v).toISOString().slice(0, 10) : v);
    switch (op) {
        case '=':
            return matchesOne(value, item, kind, dateOfValue);
        case '!=':
            return !matchesOne(value, item, kind, dateOfValue);
        case '<':
        case '>':
        case '<=':
        case '>=': {
            if (value === null) return false;
            if (item.range) {
                const day = dateOfValue(value);
                if (op === '<') return day < item.range[0];
                if (op === '<=') return day <= item.range[1];
                if (op === '>') return day > item.range[1];
                return day >= item.range[0];
            }
            if (item.value === null) return false;
            const order = compareValues(value, item.value, kind);
            return op === '<' ? order < 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order >= 0;
        }
        case 'LIKE':
            if (value === null || item.value === null) return false;
            return likePattern(String(item.value)).test(String(value));
        case 'IN':
            return (item.list ?? [item]).some((one) => matchesOne(value, one, kind, dateOfValue));
        case 'NOT IN':
            return !(item.list ?? [item]).some((one) => matchesOne(value, one, kind, dateOfValue));
        case 'INCLUDES':
        case 'EXCLUDES': {
            // SOQL and SOSL Reference, "Querying Multi-Select Picklists": 'a;b' means a AND b; the list means OR.
            const selected = new Set(
                value === null
                    ? []
                    : String(value)
                          .split(';')
                          .map((v) => v.trim().toLowerCase())
            );
            const hit = (item.list ?? [item]).some((one) => {
                const wanted = String(one.value ?? '')
                    .split(';')
                    .map((v) => v.trim().toLowerCase())
                    .filter(Boolean);
                return wanted.length > 0 && wanted.every((v) => selected.has(v));
            });
            return op === 'INCLUDES' ? hit : !hit;
        }
        default:
            throw new Error(`SOQL: unknown operator ${op}`);
    }
}

/** Evaluates a condition tree; `valueOf(left)` gives the comparable value of a field or aggregate. */
export function evaluate(ex, cond, valueOf) {
    if (cond.op === 'and') return cond.items.every((item) => evaluate(ex, item, valueOf));
    if (cond.op === 'or') return cond.items.some((item) => evaluate(ex, item, valueOf));
    if (cond.op === 'not') return !evaluate(ex, cond.item, valueOf);
    const kind = cond.left.kind === 'aggregate' ? aggregateKind(cond.left) : cond.left.ref.kind;
    return compare(cond.op, valueOf(cond.left), right(ex, cond, kind), kind);
}

// -----------------------------------------------------------------------------------------------------------
// Record queries.

function sortRows(items, orderBy, keyOf) {
    if (!orderBy.length) return items;
    const keyed = items.map((item, index) => ({ item, index, keys: orderBy.map((order) => keyOf(item, order)) }));
    keyed.sort((a, b) => {
        for (let i = 0; i < orderBy.length; i++) {
            const { descending, nullsLast, kind } = orderBy[i];
            const x = a.keys[i];
            const y = b.keys[i];
            if (x === null || y === null) {
                if (x === y) continue;
                // SOQL and SOSL Reference, ORDER BY: null values sort first unless NULLS LAST, whatever the direction.
                return (x === null ? -1 : 1) * (nullsLast ? -1 : 1);
            }
            const order = compareValues(x, y, kind);
            if (order) return descending ? -order : order;
        }
        return a.index - b.index;
    });
    return keyed.map((entry) => entry.item);
}

function countValue(ex, count) {
    if (!count) return null;
    const value = count.kind === 'bind' ? fromApex(bindValue(ex, count.index), 'number') : count.value;
    if (value === null || value < 0 || !Number.isInteger(value)) queryError(`invalid LIMIT or OFFSET value ${value}`);
    return value;
}

/** WHERE, ORDER BY, OFFSET and LIMIT over `rows` for a non-aggregate plan. */
export function selectRows(ex, plan, rows) {
    let out = plan.where
        ? rows.filter((row) => evaluate(ex, plan.where, (left) => fromRow(rawPath(ex, row, left.ref), left.ref.kind)))
        : rows;
    const orderBy = plan.orderBy.map((order) => ({ ...order, kind: order.expr.ref.kind }));
    out = sortRows(out, orderBy, (row, order) => fromRow(rawPath(ex, row, order.expr.ref), order.kind));
    const offset = countValue(ex, plan.offset);
    const limit = countValue(ex, plan.limit);
    // SOQL and SOSL Reference, OFFSET: at most 2,000 rows can be skipped.
    if (offset !== null && offset > 2000) queryError('Maximum SOQL offset allowed is 2000');
    if (offset) out = out.slice(offset);
    if (limit !== null) out = out.slice(0, limit);
    return out;
}

/** A result record: the row, and for each child subquery its rows (each itself a result record). */
export function recordRows(ex, plan, rows) {
    const selected = selectRows(ex, plan, rows);
    let count = selected.length;
    const children = plan.select.filter((entry) => entry.kind === 'child');
    const records = selected.map((row) => {
        const record = { row, children: new Map() };
        for (const child of children) {
            let childRows = ex.org.children(child.relationship.childObject, child.field, [row.Id]);
            if (ex.sharing) childRows = childRows.filter((childRow) => canRead(ex, child.plan.objectName, childRow));
            const childRecords = recordRows(ex, child.plan, childRows);
            count += childRecords.count;
            record.children.set(child, childRecords.records);
        }
        return record;
    });
    return { records, count };
}

// -----------------------------------------------------------------------------------------------------------
// Aggregate queries.

function aggregateOf(ex, aggregate, rows) {
    if (aggregate.fn === 'COUNT' && !aggregate.ref) return rows.length;
    const kind = aggregate.ref.kind;
    const values = rows.map((row) => fromRow(rawPath(ex, row, aggregate.ref), kind)).filter((value) => value !== null);
    switch (aggregate.fn) {
        case 'COUNT':
            return values.length;
        case 'COUNT_DISTINCT':
            return new Set(values.map((value) => (kind === 'string' ? String(value).toLowerCase() : value))).size;
        case 'SUM':
            return values.length ? values.reduce((sum, value) => sum + value, 0) : null;
        case 'AVG':
            return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
        case 'MIN':
        case 'MAX': {
            if (!values.length) return null;
            const sign = aggregate.fn === 'MIN' ? -1 : 1;
            return values.reduce((best, value) => (compareValues(value, best, kind) * sign > 0 ? value : best));
        }
        default:
            throw new Error(`SOQL: unknown aggregate ${aggregate.fn}`);
    }
}

/**
 * Groups rows (GROUP BY) or takes them as one group, computes every aggregate the query names, applies HAVING,
 * ORDER BY, OFFSET and LIMIT. Returns { groups: [{ groupValues: Map(key -> raw), aggregates: Map(key -> value) }],
 * rowsUsed }.
 */
export function aggregateRows(ex, plan, rows) {
    const filtered = plan.where
        ? rows.filter((row) => evaluate(ex, plan.where, (left) => fromRow(rawPath(ex, row, left.ref), left.ref.kind)))
        : rows;
    const groups = new Map();
    if (!plan.groupBy) groups.set('', { rows: filtered, raw: new Map() });
    for (const row of plan.groupBy ? filtered : []) {
        const raw = plan.groupBy.map((ref) => rawPath(ex, row, ref));
        // Text groups ignore case, as the platform's collation does.
        const key = JSON.stringify(
            raw.map((value, i) =>
                plan.groupBy[i].kind === 'string' && value !== null ? String(value).toLowerCase() : value
            )
        );
        if (!groups.has(key))
            groups.set(key, { rows: [], raw: new Map(plan.groupBy.map((ref, i) => [ref.key, raw[i]])) });
        groups.get(key).rows.push(row);
    }
    const valueOf = (group, expr) => {
        if (expr.kind === 'aggregate') {
            if (!group.aggregates.has(expr.key)) group.aggregates.set(expr.key, aggregateOf(ex, expr, group.rows));
            return group.aggregates.get(expr.key);
        }
        if (!group.raw.has(expr.ref.key)) queryError(`Field must be grouped or aggregated: ${expr.ref.field.name}`);
        return fromRow(group.raw.get(expr.ref.key), expr.ref.kind);
    };
    let out = [...groups.values()].map((group) => ({ ...group, aggregates: new Map() }));
    for (const group of out) for (const entry of plan.select) if (entry.kind === 'aggregate') valueOf(group, entry);
    if (plan.having) out = out.filter((group) => evaluate(ex, plan.having, (left) => valueOf(group, left)));
    const orderBy = plan.orderBy.map((order) => ({
        ...order,
        kind: order.expr.kind === 'aggregate' ? aggregateKind(order.expr) : order.expr.ref.kind
    }));
    out = sortRows(out, orderBy, (group, order) => valueOf(group, order.expr));
    const offset = countValue(ex, plan.offset);
    const limit = countValue(ex, plan.limit);
    if (offset) out = out.slice(offset);
    if (limit !== null) out = out.slice(0, limit);
    // Apex Developer Guide, "Working with SOQL Aggregate Functions": COUNT() and COUNT(field) queries use one
    // query row (one per group with GROUP BY); every other aggregate uses each row it aggregates.
    const countsOnly = plan.select.every((entry) => entry.kind !== 'aggregate' || entry.fn === 'COUNT');
    const rowsUsed = countsOnly ? out.length : filtered.length;
    return { groups: out, rowsUsed };
}

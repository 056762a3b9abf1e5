// Plain query results -> Apex values: ApexSObject records (with the paths the query selected, so reading another
// field throws), ApexList results, AggregateResult rows.
import { ApexDatetime } from '../values/values.mjs';
import { ApexSObject } from '../values/sobject.mjs';
import { decimalFromNumber } from '../values/decimal.mjs';
import { kindOf } from './objects.mjs';
import { toApexValue } from '../values/sobject-rows.mjs';
import { ApexList } from '../values/collections.mjs';
import { type } from '../values/types.mjs';
import { pathRows } from './execute.mjs';

const lower = (name) => String(name).toLowerCase();

export { toApexValue };

/**
 * Sets a relationship value on a record made here. The record's schema may not know the SOQL spelling of custom
 * relationships (Opportunity__r, Milestones__r), so the value goes in directly rather than through put's check.
 */
function setRelationship(record, name, value) {
    record.values.set(lower(name), { name, value });
}

/** A tree of what a record query selected: fields by name, parents by relationship name (each a tree). */
function selectionTree(plan) {
    const root = { fields: new Map(), parents: new Map() };
    root.fields.set('id', plan.object.field('Id'));
    for (const entry of plan.select) {
        if (entry.kind !== 'field') continue;
        let node = root;
        entry.ref.steps.forEach((step, i) => {
            const name = entry.ref.path[i];
            if (!node.parents.has(lower(name))) {
                const parentObject = i + 1 < entry.ref.steps.length ? undefined : entry.ref.object;
                node.parents.set(lower(name), {
                    name,
                    step,
                    fields: new Map(),
                    parents: new Map(),
                    object: parentObject
                });
            }
            node = node.parents.get(lower(name));
            // Apex returns a related record with its Id (and the platform always returns Id).
            if (!node.fields.has('id')) node.fields.set('id', { name: 'Id', type: 'Id' });
        });
        node.fields.set(lower(entry.ref.field.name), entry.ref.field);
    }
    return root;
}

/** Lowercase paths of a selection tree, relative to its record: 'name', 'owner', 'owner.name'. */
function queriedPaths(tree, prefix = '') {
    const paths = [];
    for (const field of tree.fields.values()) paths.push(`${prefix}${lower(field.name)}`);
    for (const parent of tree.parents.values()) {
        paths.push(`${prefix}${lower(parent.name)}`);
        paths.push(...queriedPaths(parent, `${prefix}${lower(parent.name)}.`));
    }
    return paths;
}

function buildRecord(ex, objectName, schemaObject, row, tree, extraPaths = []) {
    const record = new ApexSObject(objectName, {
        queried: [...queriedPaths(tree), ...extraPaths],
        schema: schemaObject
    });
    for (const field of tree.fields.values()) {
        const raw = row[field.name] ?? null;
        record.values.set(lower(field.name), {
            name: field.name,
            value: field.type === 'Id' ? raw : toApexValue(field, raw)
        });
    }
    for (const parent of tree.parents.values()) {
        const parentRow = pathRows(ex, row, { steps: [parent.step] })[1];
        const targetName = parent.step.field.referenceTo;
        const target = ex.objectNamed(targetName);
        setRelationship(
            record,
            parent.name,
            parentRow ? buildRecord(ex, target.name, target.isMetadata ? null : target, parentRow, parent) : null
        );
    }
    return record;
}

/** ApexList of records for a record query (children: ApexLists of child records under their relationship). */
export function recordList(ex, plan, records) {
    const tree = selectionTree(plan);
    const children = plan.select.filter((entry) => entry.kind === 'child');
    const childTrees = new Map(children.map((child) => [child, selectionTree(child.plan)]));
    const schemaObject = plan.object.isMetadata ? null : plan.object;
    const items = records.map(({ row, children: childRecords }) => {
        const record = buildRecord(
            ex,
            plan.object.name,
            schemaObject,
            row,
            tree,
            children.map((c) => lower(c.name))
        );
        for (const child of children) {
            const childObject = child.plan.object;
            const list = childRecords
                .get(child)
                .map((childRecord) =>
                    buildRecord(ex, childObject.name, childObject, childRecord.row, childTrees.get(child))
                );
            setRelationship(record, child.name, new ApexList(type(childObject.name), list));
        }
        return record;
    });
    return new ApexList(type(plan.object.name), items);
}

/** Apex value of an aggregate: COUNT/COUNT_DISTINCT Integer, SUM and AVG Decimal, MIN/MAX the field's type. */
function aggregateValue(aggregate, value) {
    if (value === null) return null;
    if (aggregate.fn === 'COUNT' || aggregate.fn === 'COUNT_DISTINCT') return value;
    if (aggregate.fn === 'AVG') return decimalFromNumber(value);
    if (aggregate.fn === 'SUM') return toApexValue({ ...aggregate.ref.field, type: 'Number' }, value);
    const field = aggregate.ref.field;
    if (kindOf(field) === 'datetime') return new ApexDatetime(value);
    return toApexValue(field, value);
}

/** AggregateResult rows: group fields by their field name (or alias), aggregates by alias or exprN. */
export function aggregateList(plan, groups) {
    const items = groups.map((group) => {
        const names = plan.select.map((entry) =>
            lower(entry.kind === 'aggregate' ? entry.name : (entry.alias ?? entry.ref.field.name))
        );
        const record = new ApexSObject('AggregateResult', { queried: names });
        for (const entry of plan.select) {
            if (entry.kind === 'aggregate') {
                record.values.set(lower(entry.name), {
                    name: entry.name,
                    value: aggregateValue(entry, group.aggregates.get(entry.key))
                });
            } else {
                const name = entry.alias ?? entry.ref.field.name;
                record.values.set(lower(name), {
                    name,
                    value: toApexValue(entry.ref.field, group.raw.get(entry.ref.key) ?? null)
                });
            }
        }
        // AggregateResult is read-only (Apex Developer Guide, "Working with SOQL Aggregate Functions").
        record.readOnly = true;
        return record;
    });
    return new ApexList(type('AggregateResult'), items);
}

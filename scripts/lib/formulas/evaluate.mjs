// Scenarios: a formula of the project evaluated against the values a scenario gives (the record, its parents,
// the save context, permissions, custom metadata, the user, the clock), and the descriptions failure messages use.
import { typedValue, typeLabel } from '../formula-types.mjs';
import { EXTRA_FUNCTIONS, errorIn, isError, runtime } from './functions.mjs';
import { resolveReference, setPath } from './references.mjs';
import { analyzeFormula } from './analyze.mjs';
import { findFormula, loadProject } from './project.mjs';

const keyOf = (object, name) => Object.keys(object ?? {}).find((key) => key.toLowerCase() === name.toLowerCase());

/** A scenario value as sformula expects it: dates as YYYY-MM-DD, checkboxes never blank. */
function normalize(type, value) {
    if (value instanceof Date) {
        return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
    }
    if (type === 'boolean') return value === true;
    return value === undefined || value === '' ? null : value;
}

/** The record's value at a canonical path: a dotted key ('Opportunity__r.CloseDate') or nested objects. */
function recordValue(record, parts) {
    const dotted = keyOf(record, parts.join('.'));
    if (dotted !== undefined && record[dotted] !== undefined) return record[dotted];
    let node = record;
    for (const part of parts) {
        const key = keyOf(node, part);
        if (key === undefined) return undefined;
        node = node[key];
    }
    return node;
}

/** Throws on scenario record keys that name no field: a typo would otherwise read as a blank field. */
function assertRecordKeys(schema, objectName, record, prefix = '') {
    for (const [key, value] of Object.entries(record ?? {})) {
        const path = prefix ? `${prefix}.${key}` : key;
        if (value && typeof value === 'object' && !(value instanceof Date)) {
            assertRecordKeys(schema, objectName, value, path);
            continue;
        }
        const resolved = resolveReference(schema, objectName, path);
        if (resolved.error) throw new Error(`scenario record: ${resolved.error}`);
    }
}

/** The value a scenario gives to one reference of the formula. */
function bindingFor(project, reference, scenario, depth) {
    const record = scenario.record ?? {};
    switch (reference.kind) {
        case 'permission':
            return (scenario.permissions ?? []).some((name) => name.toLowerCase() === reference.parts[1].toLowerCase());
        case 'customMetadata': {
            const [, type, recordName, field] = reference.parts;
            const overrides = scenario.customMetadata?.[keyOf(scenario.customMetadata, `${type}.${recordName}`) ?? ''];
            const overridden = keyOf(overrides, field);
            if (overridden !== undefined) return overrides[overridden];
            const raw = reference.record.values[keyOf(reference.record.values, field) ?? ''];
            return typedValue(reference.type, raw);
        }
        case 'label':
            return scenario.labels?.[reference.parts[1]] ?? reference.value;
        case 'global': {
            const [head, ...rest] = reference.parts;
            if (head === '$User' && scenario.user) return recordValue(scenario.user, rest);
            return recordValue(scenario.globals ?? {}, reference.parts);
        }
        case 'save': {
            if (reference.save === 'ISNEW') return scenario.isNew === true;
            if (reference.save === 'ISCLONE') return scenario.isClone === true;
            const current = recordValue(record, [reference.field]);
            if (reference.save === 'ISCHANGED') {
                // On insert ISCHANGED is false: nothing changed from a prior version that does not exist.
                return (
                    !scenario.isNew &&
                    (scenario.changed ?? []).some((name) => name.toLowerCase() === reference.field.toLowerCase())
                );
            }
            if (scenario.isNew) return current;
            const priorKey = keyOf(scenario.prior, reference.field);
            return priorKey === undefined ? current : scenario.prior[priorKey];
        }
        default: {
            const value = recordValue(record, reference.parts);
            if (value !== undefined || reference.field?.formula === undefined) return value;
            return formulaFieldValue(project, reference, scenario, depth);
        }
    }
}

/**
 * A formula field the scenario does not set is computed from the scenario, as the platform would: Health__c
 * then follows from the due dates rather than from a Days_Overdue__c the table would have to work out by hand.
 * A parent's formula field is computed from the parent's values (`Opportunity__r.X` keys or a nested object).
 */
function formulaFieldValue(project, reference, scenario, depth) {
    if (depth > 10) throw new Error(`formula fields refer to each other too deeply at ${reference.parts.join('.')}`);
    const entry = project.formulas.find(
        (candidate) =>
            candidate.kind === 'formulaField' &&
            candidate.object === reference.object &&
            candidate.name === reference.field.name
    );
    if (!entry) return null;
    if (!project.analyses.has(entry)) project.analyses.set(entry, analyzeFormula(project.schema, entry));
    const record = subRecord(scenario.record ?? {}, reference.parts.slice(0, -1));
    // Save context (changed, prior) belongs to the record being saved, not to the field computed here.
    const inner = { ...scenario, record, changed: [], prior: {}, isNew: false, isClone: false };
    return evaluateEntry(project, entry, project.analyses.get(entry), inner, depth + 1);
}

/** The part of a scenario record below a relationship path, from nested objects and dotted keys alike. */
function subRecord(record, path) {
    if (!path.length) return record;
    const nested = recordValue(record, path);
    const result = nested && typeof nested === 'object' ? { ...nested } : {};
    const prefix = `${path.join('.')}.`.toLowerCase();
    for (const [key, value] of Object.entries(record)) {
        if (key.toLowerCase().startsWith(prefix)) result[key.slice(prefix.length)] = value;
    }
    return result;
}

function contextFor(project, analysis, scenario, depth) {
    const context = {};
    for (const reference of analysis.references) {
        const type =
            reference.kind === 'save' && reference.save === 'PRIORVALUE' ? reference.fieldType : reference.type;
        const value = normalize(type, bindingFor(project, reference, scenario, depth));
        if (reference.kind === 'save') context[reference.identifier] = value;
        else setPath(context, reference.parts, value, () => ({}));
    }
    for (const [name, extra] of Object.entries(EXTRA_FUNCTIONS)) context[name] = extra.value;
    return context;
}

/** Checks that a scenario can be evaluated against this formula; throws a readable Error if not. */
function assertScenario(schema, entry, analysis, scenario) {
    if (analysis.problems.length) {
        throw new Error(
            `${entry.label} does not compile: ${analysis.problems.map((problem) => problem.message).join('; ')}`
        );
    }
    if (!analysis.compiled) throw new Error(`${entry.label} uses a function that cannot be evaluated offline`);
    if (analysis.usesClock && !scenario.today && !scenario.now) {
        throw new Error(
            `${entry.label} uses TODAY()/NOW(): the scenario must fix \`today\` (e.g. today: '2026-03-01')`
        );
    }
    for (const key of ['changed', ...Object.keys(scenario.prior ?? {})]) {
        const names = key === 'changed' ? (scenario.changed ?? []) : [key];
        for (const name of names) {
            const resolved = resolveReference(schema, entry.object, name);
            if (resolved.error)
                throw new Error(`scenario ${key === 'changed' ? 'changed' : 'prior'}: ${resolved.error}`);
        }
    }
    assertRecordKeys(schema, entry.object, scenario.record);
}

/**
 * Evaluates a formula of the project against a scenario:
 *   target: { object: 'Opportunity', rule: 'Require_Active_Plan' } or { object, field }
 *   scenario: { record, changed: ['StageName'], isNew, isClone, prior: { Field: value }, permissions: ['Name'],
 *               customMetadata: { 'Type__mdt.Record': { Field__c: value } }, user, globals, today, now }
 * Record values are as the API stores them (dates 'YYYY-MM-DD', percent 50 for 50%); parents either as
 * 'Parent__r.Field' keys or nested objects. Custom metadata not overridden comes from the project's records.
 * Returns the formula's value; throws a FormulaError for a runtime error such as a division by zero.
 */
export function evaluateFormula(root, target, scenario = {}) {
    const { entry, analysis } = findFormula(root, target);
    return evaluateEntry(loadProject(root), entry, analysis, scenario, 0);
}

function evaluateEntry(project, entry, analysis, scenario, depth) {
    assertScenario(project.schema, entry, analysis, scenario);
    const today = normalize('date', scenario.today ?? null);
    const outer = runtime.clock;
    runtime.clock = {
        today: today ?? scenario.now?.slice(0, 10),
        now: normalize('datetime', scenario.now ?? null) ?? (today ? `${today}T00:00:00.000Z` : undefined)
    };
    try {
        // Formula fields this one reads are evaluated here, before the root call below starts.
        const context = contextFor(project, analysis, scenario, depth);
        runtime.last = undefined;
        const value = analysis.compiled.evaluate(context);
        // The root call of the formula is the last builtin to return; an error that got there is the result.
        if (analysis.compiled.compiled.expression.type === 'CallExpression' && isError(runtime.last)) {
            throw errorIn(runtime.last);
        }
        return value;
    } finally {
        runtime.clock = outer;
    }
}

const show = (value) =>
    value === null || value === undefined ? 'blank' : typeof value === 'string' ? `'${value}'` : String(value);

/** "reads StageName (Picklist), ISCHANGED(StageName), $Permission.Bypass_Plan_Gates (Checkbox), ..." */
export function describeFormula(root, target) {
    const { entry, analysis } = findFormula(root, target);
    const reads = analysis.references.map((reference) =>
        reference.kind === 'save' ? reference.text : `${reference.parts.join('.')} (${typeLabel(reference.type)})`
    );
    return `${entry.label} reads ${reads.join(', ') || 'nothing'}`;
}

/** The values a scenario binds to each reference, for failure messages: "StageName='Closed Won', ...". */
export function describeInputs(root, target, scenario = {}) {
    const { analysis } = findFormula(root, target);
    const project = loadProject(root);
    const shown = analysis.references.map((reference) => {
        const type =
            reference.kind === 'save' && reference.save === 'PRIORVALUE' ? reference.fieldType : reference.type;
        const name = reference.kind === 'save' ? reference.text : reference.parts.join('.');
        let value;
        try {
            value = show(normalize(type, bindingFor(project, reference, scenario, 0)));
        } catch (error) {
            value = `(${error.message})`;
        }
        return `${name}=${value}`;
    });
    if (analysis.usesClock) shown.push(`TODAY()=${show(scenario.today ?? scenario.now)}`);
    return shown.join(', ');
}

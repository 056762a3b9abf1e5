// Every formula of the package, over a seeded sample of inputs (blanks, zeros, past and future dates): none may
// fail at run time (a division by zero shows #Error! on a record or blocks every save), checkboxes and rules
// answer true or false, and Health__c only ever shows one of its six values.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadProject, findFormula, evaluateFormula, describeInputs } from '../../scripts/lib/formulas.mjs';
import { localPicklistValues } from '../../scripts/lib/formula-types.mjs';
import { ROOT, addDays } from './support.mjs';

const TODAY = '2026-03-02';
const SAMPLES = 400;
const STAGES = [
    'Prospecting',
    'Qualification',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Lost'
];
const HEALTH = ['On Track', 'At Risk', 'Off Track', 'Draft', 'Completed', 'Cancelled'];

/** A small seeded generator (mulberry32), so a failing sample can be reproduced from the test name alone. */
function random(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const DATES = [
    null,
    TODAY,
    addDays(TODAY, -1),
    addDays(TODAY, 1),
    addDays(TODAY, -7),
    addDays(TODAY, -30),
    addDays(TODAY, 30)
];

function domain(reference) {
    const values = localPicklistValues(reference.field);
    const picklist = values.length ? values : null;
    switch (reference.type) {
        case 'number':
        case 'currency':
        case 'percent':
            return [null, 0, 1, 2, 5, 10, 30, -3];
        case 'date':
            return DATES;
        case 'datetime':
            return DATES.map((date) => (date ? `${date}T09:00:00.000Z` : null));
        case 'boolean':
            return [true, false];
        case 'picklist':
            return [null, ...(picklist ?? (reference.parts.at(-1) === 'StageName' ? STAGES : ['Other']))];
        case 'id':
            return [null, 'a01000000000001AAA', 'a01000000000002AAA'];
        default:
            return reference.kind === 'customMetadata'
                ? [null, '', 'Negotiation/Review', 'Proposal/Price Quote; Negotiation/Review', 'Closed']
                : [null, '', 'text'];
    }
}

/** The references of a formula and, below them, of the formula fields it reads (which are computed). */
function inputsOf(target, prefix = [], seen = new Set()) {
    const { analysis } = findFormula(ROOT, target);
    const inputs = [];
    for (const reference of analysis.references) {
        if (reference.field?.formula !== undefined && reference.kind === 'field') {
            const key = `${reference.object}.${reference.field.name}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const parent = [...prefix, ...reference.parts.slice(0, -1)];
            inputs.push(...inputsOf({ object: reference.object, field: reference.field.name }, parent, seen));
        } else {
            inputs.push({
                ...reference,
                path: reference.kind === 'field' ? [...prefix, ...reference.parts] : reference.parts
            });
        }
    }
    return inputs;
}

function sample(inputs, next) {
    const pick = (values) => values[Math.floor(next() * values.length)];
    const scenario = { today: TODAY, record: {}, changed: [], prior: {}, permissions: [], customMetadata: {} };
    scenario.isNew = next() < 0.3;
    for (const input of inputs) {
        if (input.kind === 'field') scenario.record[input.path.join('.')] = pick(domain(input));
        else if (input.kind === 'permission' && next() < 0.5) scenario.permissions.push(input.parts[1]);
        else if (input.kind === 'customMetadata') {
            const [, type, record, field] = input.parts;
            scenario.customMetadata[`${type}.${record}`] ??= {};
            if (next() < 0.7) scenario.customMetadata[`${type}.${record}`][field] = pick(domain(input));
        } else if (input.kind === 'save' && input.field && next() < 0.5) {
            scenario.changed.push(input.field);
            scenario.prior[input.field] = pick(domain({ ...input, type: input.fieldType }));
        }
    }
    return scenario;
}

const formulas = loadProject(ROOT).formulas.filter((entry) => entry.kind !== 'defaultValue');

describe('every formula in the package evaluates without run-time errors', () => {
    for (const [index, entry] of formulas.entries()) {
        const target =
            entry.kind === 'validationRule'
                ? { object: entry.object, rule: entry.name }
                : { object: entry.object, field: entry.name };
        test(`${entry.label} over ${SAMPLES} sampled inputs`, () => {
            const inputs = inputsOf(target);
            const next = random(1000 + index);
            const failures = [];
            for (let i = 0; i < SAMPLES; i++) {
                const scenario = sample(inputs, next);
                let value;
                try {
                    value = evaluateFormula(ROOT, target, scenario);
                } catch (error) {
                    failures.push(`${error.message} with ${describeInputs(ROOT, target, scenario)}`);
                    continue;
                }
                if (entry.returnType === 'boolean' && typeof value !== 'boolean') {
                    failures.push(`returned ${value} with ${describeInputs(ROOT, target, scenario)}`);
                }
                if (entry.name === 'Health__c' && !HEALTH.includes(value)) {
                    failures.push(`showed ${JSON.stringify(value)} with ${describeInputs(ROOT, target, scenario)}`);
                }
            }
            assert.equal(
                failures.length,
                0,
                `${failures.length} failing samples, e.g.:\n${failures.slice(0, 5).join('\n')}`
            );
        });
    }
});

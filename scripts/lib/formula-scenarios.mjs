// Table-driven scenarios for one formula of the project, evaluated from its XML with formulas.mjs:
//
//   runScenarios(root, {
//       object: 'Opportunity', rule: 'Require_Active_Plan',          // or field: 'Health__c'
//       defaults: { record: { Active_Plan_Count__c: 0 }, today: '2026-03-01' },   // merged into every case
//       cases: [{ name, record, changed, isNew, prior, permissions, customMetadata, user, today, expect }]
//   })
//
// Each case passes when the formula's value equals `expect` (or `expect(value)` is true, or, with
// `expect: { error: /pattern/ }`, evaluation fails with a matching runtime error). A failing case's message names
// the formula, the case, what was expected and what came out, and the inputs that were bound, so a table row
// can be read and fixed from the test output alone.
import { isDeepStrictEqual } from 'node:util';
import { evaluateFormula, describeInputs, FormulaError } from './formulas.mjs';

const formatValue = (value) => {
    if (value === null || value === undefined) return 'blank';
    if (typeof value === 'string') return JSON.stringify(value);
    return String(value);
};

const describeExpectation = (expect) => {
    if (typeof expect === 'function')
        return expect.description ?? `a value satisfying ${expect.name || 'the predicate'}`;
    if (expect && typeof expect === 'object' && 'error' in expect) return `an error matching ${expect.error}`;
    return formatValue(expect);
};

/** Merges a case over the spec's defaults: record, prior and customMetadata merge field by field. */
export function scenarioFor(spec, testCase) {
    const defaults = spec.defaults ?? {};
    const merged = { ...defaults, ...testCase };
    for (const key of ['record', 'prior']) {
        if (defaults[key] || testCase[key]) merged[key] = { ...defaults[key], ...testCase[key] };
    }
    if (defaults.customMetadata || testCase.customMetadata) {
        merged.customMetadata = { ...defaults.customMetadata };
        for (const [record, values] of Object.entries(testCase.customMetadata ?? {})) {
            merged.customMetadata[record] = { ...merged.customMetadata[record], ...values };
        }
    }
    return merged;
}

const targetOf = (spec) =>
    spec.rule
        ? { object: spec.object, rule: spec.rule }
        : spec.field
          ? { object: spec.object, field: spec.field }
          : { object: spec.object, formula: spec.formula, returnType: spec.returnType };

/** Runs one case; returns { name, pass, actual, expected, message }. */
export function runScenario(root, spec, testCase) {
    const target = targetOf(spec);
    const title = `${spec.rule ?? spec.field ?? 'formula'} › ${testCase.name}`;
    const scenario = scenarioFor(spec, testCase);
    const expected = testCase.expect;
    const inputs = () => {
        try {
            return ` [${describeInputs(root, target, scenario)}]`;
        } catch {
            return '';
        }
    };
    let actual;
    try {
        actual = evaluateFormula(root, target, scenario);
    } catch (error) {
        const wantedError = expected && typeof expected === 'object' && 'error' in expected;
        if (error instanceof FormulaError && wantedError && new RegExp(expected.error).test(error.message)) {
            return {
                name: testCase.name,
                pass: true,
                error: error.message,
                expected,
                message: `${title}: failed as expected (${error.message})`
            };
        }
        const what = error instanceof FormulaError ? `the formula fails at run time: ${error.message}` : error.message;
        return {
            name: testCase.name,
            pass: false,
            error: error.message,
            expected,
            message: `${title}: expected ${describeExpectation(expected)}, but ${what}${inputs()}`
        };
    }
    const pass =
        typeof expected === 'function'
            ? expected(actual) === true
            : expected && typeof expected === 'object' && 'error' in expected
              ? false
              : isDeepStrictEqual(actual, expected);
    const message = pass
        ? `${title}: ${formatValue(actual)}`
        : `${title}: expected ${describeExpectation(expected)}, got ${formatValue(actual)}${inputs()}`;
    return { name: testCase.name, pass, actual, expected, message };
}

/** Runs every case of a spec; returns { passed, failed, results } with one result per case, in order. */
export function runScenarios(root, spec) {
    if (!spec.cases?.length) throw new Error(`scenario spec for ${spec.rule ?? spec.field} has no cases`);
    const names = new Set();
    for (const testCase of spec.cases) {
        if (!testCase.name) throw new Error('every scenario case needs a name that states the behaviour');
        if (names.has(testCase.name)) throw new Error(`duplicate scenario name: ${testCase.name}`);
        if (!('expect' in testCase)) throw new Error(`scenario "${testCase.name}" has no expect`);
        names.add(testCase.name);
    }
    const results = spec.cases.map((testCase) => runScenario(root, spec, testCase));
    return { passed: results.filter((r) => r.pass).length, failed: results.filter((r) => !r.pass).length, results };
}

/**
 * Registers one node:test per case, so that each table row shows up (and fails) on its own:
 *   scenarioTests(test, root, spec)
 */
export function scenarioTests(test, root, spec) {
    for (const testCase of spec.cases) {
        test(testCase.name, () => {
            const result = runScenario(root, spec, testCase);
            if (!result.pass) throw new Error(result.message);
        });
    }
}

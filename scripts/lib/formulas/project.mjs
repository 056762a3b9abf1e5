// The project's formulas: every validation rule, formula field and field default value, read from the schema
// model once per root per process, each analysed on first use.
import { loadSchema } from '../schema/index.mjs';
import { elementLine, formulaType } from '../formula-types.mjs';
import { analyzeFormula } from './analyze.mjs';

/**
 * Every formula in the project: validation rules, formula fields and field default values. Each entry has
 * { kind, kindLabel, object, name, label, file, line, formula, returnType, scale, blankAsZero } and, for
 * validation rules, { active, errorMessage, errorDisplayField }.
 */
export function loadFormulas(root, schema = loadSchema(root)) {
    const entries = [];
    for (const rule of schema.validationRules) {
        entries.push({
            kind: 'validationRule',
            kindLabel: 'validation rule',
            object: rule.object,
            name: rule.name,
            label: `validation rule ${rule.object}.${rule.name}`,
            file: rule.file,
            line: elementLine(rule.file, 'errorConditionFormula') ?? 1,
            formula: rule.formula,
            returnType: 'boolean',
            // Blank handling is a setting of formula fields only; a rule sees blank numbers as blank.
            blankAsZero: false,
            active: rule.active,
            errorMessage: rule.errorMessage,
            errorDisplayField: rule.errorDisplayField
        });
    }
    for (const object of schema.objects.values()) {
        for (const field of object.fields.values()) {
            if (field.standard) continue;
            const common = {
                object: object.name,
                name: field.name,
                field: field.name,
                file: field.file,
                returnType: formulaType(field.type),
                fieldType: field.type,
                scale: field.scale
            };
            if (field.formula !== undefined) {
                entries.push({
                    ...common,
                    kind: 'formulaField',
                    kindLabel: 'formula field',
                    label: `formula field ${object.name}.${field.name}`,
                    line: elementLine(field.file, 'formula') ?? 1,
                    formula: field.formula,
                    blankAsZero: field.blankAsZero
                });
            } else if (field.defaultValue !== undefined && field.type !== 'Picklist') {
                entries.push({
                    ...common,
                    kind: 'defaultValue',
                    kindLabel: 'default value',
                    label: `default value of ${object.name}.${field.name}`,
                    line: elementLine(field.file, 'defaultValue') ?? 1,
                    formula: field.defaultValue,
                    blankAsZero: false
                });
            }
        }
    }
    return entries;
}

const projects = new Map();

/** The project's schema and formulas, read once per root per process (scenario tests evaluate many cases). */
export function loadProject(root, { fresh = false } = {}) {
    if (fresh || !projects.has(root)) {
        const schema = loadSchema(root, { fresh });
        projects.set(root, { schema, formulas: loadFormulas(root, schema), analyses: new Map() });
    }
    return projects.get(root);
}

/** Finds a formula by { object, rule } (validation rule) or { object, field } (formula field). */
export function findFormula(root, target) {
    const project = loadProject(root);
    if (target.formula !== undefined) return adHoc(project, target);
    const kind = target.rule ? 'validationRule' : 'formulaField';
    const name = target.rule ?? target.field;
    const entry = project.formulas.find(
        (candidate) =>
            candidate.kind === kind &&
            candidate.object.toLowerCase() === target.object.toLowerCase() &&
            candidate.name.toLowerCase() === name.toLowerCase()
    );
    if (!entry) {
        const known = project.formulas
            .filter(
                (candidate) => candidate.kind === kind && candidate.object.toLowerCase() === target.object.toLowerCase()
            )
            .map((candidate) => candidate.name);
        const what = kind === 'validationRule' ? 'validation rule' : 'formula field';
        throw new Error(`no ${what} ${target.object}.${name} in ${root} (found: ${known.join(', ') || 'none'})`);
    }
    if (!project.analyses.has(entry)) project.analyses.set(entry, analyzeFormula(project.schema, entry));
    return { entry, analysis: project.analyses.get(entry), schema: project.schema };
}

/**
 * A formula given as text rather than read from the project ({ object, formula, returnType }), checked against
 * the project's schema like a validation rule: handy to pin down the evaluator's own semantics in tests.
 */
function adHoc(project, target) {
    const key = `${target.object}\u0000${target.formula}\u0000${target.returnType ?? ''}`;
    if (!project.analyses.has(key)) {
        const entry = {
            kind: 'validationRule',
            kindLabel: 'formula',
            object: target.object,
            name: 'formula',
            label: `formula on ${target.object}`,
            formula: target.formula,
            returnType: target.returnType,
            blankAsZero: target.blankAsZero ?? false
        };
        project.analyses.set(key, { entry, analysis: analyzeFormula(project.schema, entry) });
    }
    return { ...project.analyses.get(key), schema: project.schema };
}

// The org's formulas, evaluated from their XML by scripts/lib/formulas.mjs: formula fields computed on read (and
// cached until anything changes), the scenario a validation rule sees (ISNEW, ISCHANGED and PRIORVALUE bound from
// the stored record, $Permission from the running user's permission sets, $CustomMetadata from the package's
// records with the org's overrides, TODAY() from the org's clock, parents through __r), and default values.
import { evaluateFormula, FormulaError } from '../../scripts/lib/formulas.mjs';
import { formulaType } from '../../scripts/lib/formula-types.mjs';
import { coerce, sameValue } from './values.mjs';

const needsCache = new WeakMap();

/** What a compiled formula reads, sorted once: fields to bind, save functions, and whether it needs the user. */
function needsOf(analysis) {
    let needs = needsCache.get(analysis);
    if (!needs) {
        const references = analysis.references;
        needs = {
            fields: references
                .filter((reference) => reference.kind === 'field')
                .map((reference) => ({ parts: reference.parts, key: reference.parts.join('.') })),
            saves: references.filter((reference) => reference.kind === 'save' && reference.field),
            permissions: references.some((reference) => reference.kind === 'permission'),
            user: references.some((reference) => reference.kind === 'global' && reference.parts[0] === '$User'),
            clock: analysis.usesClock
        };
        needsCache.set(analysis, needs);
    }
    return needs;
}

/**
 * The formulas of one org. `org` reads it: { root, schema, store, today(), now(), currentUserId(),
 * metadataOverrides(), permissionsOf(userId) }.
 */
export class FormulaFields {
    #org;
    #cache = new Map();

    constructor(org) {
        this.#org = org;
    }

    /** Drops the computed values: a record, the clock, the user or custom metadata changed. */
    clear() {
        this.#cache.clear();
    }

    /** The stored record with formula fields computed (cached until anything changes). */
    withFormulas(object, stored) {
        if (!object.formulaFields.length) return { ...stored };
        let values = this.#cache.get(stored.Id);
        if (!values) {
            const record = this.#compute(object, { ...stored });
            values = {};
            for (const { field } of object.formulaFields) values[field.name] = record[field.name];
            this.#cache.set(stored.Id, values);
        }
        return { ...stored, ...values };
    }

    /**
     * Evaluates a formula of `object` (target as evaluateFormula takes it: { object, rule } or { object, field })
     * on a record being saved: `isNew`, `prior` (the stored record) and `userId` (whose permissions it reads).
     */
    evaluate(object, target, analysis, record, options) {
        return evaluateFormula(this.#org.root, target, this.#scenario(object, analysis, record, options));
    }

    /** A field's default value: a checkbox's true/false, or its formula evaluated for the user. */
    defaultValue(object, field, userId) {
        if (field.defaultValue === 'true' || field.defaultValue === 'false') return field.defaultValue === 'true';
        const org = this.#org;
        const formula = { object: object.name, formula: field.defaultValue, returnType: formulaType(field.type) };
        const scenario = {
            record: {},
            permissions: org.permissionsOf(userId),
            customMetadata: org.metadataOverrides(),
            today: org.today(),
            now: org.now()
        };
        return coerce(field, evaluateFormula(org.root, formula, scenario));
    }

    /** Fills the formula fields of a working copy, each after those it reads. */
    #compute(object, record) {
        for (const { field, analysis } of object.formulaFields) {
            if (!analysis.compiled) {
                record[field.name] = null;
                continue;
            }
            try {
                record[field.name] = this.evaluate(
                    object,
                    { object: object.name, field: field.name },
                    analysis,
                    record,
                    {
                        userId: this.#org.currentUserId()
                    }
                );
            } catch (error) {
                // A formula that fails at run time shows #Error! on the platform: here it reads as blank.
                if (!(error instanceof FormulaError)) throw error;
                record[field.name] = null;
            }
        }
        return record;
    }

    /** The value a formula on `object` sees at `parts` ('Opportunity__r', 'CloseDate'), following lookups. */
    #valueAt(object, record, parts) {
        const { schema, store } = this.#org;
        let current = record;
        let currentObject = object;
        for (const relationship of parts.slice(0, -1)) {
            const fieldName = /__r$/i.test(relationship) ? relationship.replace(/__r$/i, '__c') : `${relationship}Id`;
            const field = currentObject.field(fieldName);
            const id = field && current[field.name];
            if (!id) return null;
            currentObject = schema.object(field.referenceTo);
            current = store.table(currentObject.name).get(id);
            if (!current) return null;
        }
        const leaf = currentObject.field(parts[parts.length - 1]);
        if (!leaf) return null;
        if (leaf.formula !== undefined && current[leaf.name] === undefined) {
            current =
                current === record ? this.#compute(currentObject, record) : this.withFormulas(currentObject, current);
        }
        return current[leaf.name] ?? null;
    }

    /** The scenario formulas.mjs evaluates: only the values the formula reads, bound from the org. */
    #scenario(object, analysis, record, { isNew = false, prior, userId }) {
        const org = this.#org;
        const bound = {};
        const changed = [];
        const priorValues = {};
        const needs = needsOf(analysis);
        for (const reference of needs.fields) {
            bound[reference.key] = this.#valueAt(object, record, reference.parts);
        }
        for (const reference of needs.saves) {
            bound[reference.field] = record[reference.field] ?? null;
            const before = prior?.[reference.field] ?? null;
            if (reference.save === 'ISCHANGED' && prior && !sameValue(before, bound[reference.field])) {
                changed.push(reference.field);
            }
            if (reference.save === 'PRIORVALUE' && prior) priorValues[reference.field] = before;
        }
        return {
            record: bound,
            changed,
            isNew,
            prior: priorValues,
            permissions: needs.permissions ? org.permissionsOf(userId) : [],
            customMetadata: org.metadataOverrides(),
            user: needs.user && userId ? org.store.table('User').get(userId) : undefined,
            today: org.today(),
            now: needs.clock ? org.now() : undefined
        };
    }
}

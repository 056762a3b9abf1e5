// What a save checks before it writes (steps 4 and 5 of "What a save applies", README.md): system validation
// (required fields, lengths, restricted picklists, number ranges, lookup targets), then the object's active
// validation rules, each evaluated from its XML (formula-fields.mjs binds what it reads).
import { FormulaError } from '../../scripts/lib/formulas.mjs';
import { isCalculated } from './schema.mjs';
import { isBlank } from './values.mjs';

/** Required fields, lengths, restricted picklists, number ranges, lookup targets. True when all hold. */
export function checkRecord(schema, store, object, { index, rec }, problems) {
    const before = problems.list.length;
    const missing = [];
    for (const field of object.fieldList) {
        if (isCalculated(field) || field.readOnly) continue;
        const value = rec[field.name];
        if (isBlank(value)) {
            if (field.required && field.type !== 'Checkbox') missing.push(field.name);
            continue;
        }
        if (field.length && typeof value === 'string' && value.length > field.length) {
            const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
            problems.add(
                index,
                field.name,
                `${field.label}: data value too large: ${shown} (max length=${field.length})`,
                'STRING_TOO_LONG'
            );
        }
        if (field.picklist?.restricted) {
            const chosen = field.type === 'MultiselectPicklist' ? value.split(';') : [value];
            const bad = chosen.find((choice) => !field.picklist.values.includes(choice));
            if (bad !== undefined) {
                problems.add(
                    index,
                    field.name,
                    `${field.label}: bad value for restricted picklist field: ${bad}`,
                    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
                );
            }
        }
        if (field.precision !== undefined && typeof value === 'number') {
            const integerDigits = Math.trunc(Math.abs(value)).toString().length;
            if (Math.trunc(Math.abs(value)) !== 0 && integerDigits > field.precision - (field.scale ?? 0)) {
                problems.add(
                    index,
                    field.name,
                    `${field.label}: value outside of valid range on numeric field: ${value}`,
                    'NUMBER_OUTSIDE_VALID_RANGE'
                );
            }
        }
        if (field.referenceTo) {
            const target = schema.object(field.referenceTo);
            if (value.slice(0, 3) !== target.keyPrefix) {
                problems.add(
                    index,
                    field.name,
                    `${field.label}: id value of incorrect type: ${value}`,
                    'FIELD_INTEGRITY_EXCEPTION'
                );
            } else if (!store.table(target.name).has(value)) {
                problems.add(index, field.name, 'invalid cross reference id', 'INVALID_CROSS_REFERENCE_KEY');
            }
        }
    }
    if (missing.length) {
        problems.add(
            index,
            missing[0],
            `Required fields are missing: [${missing.join(', ')}]`,
            'REQUIRED_FIELD_MISSING',
            {
                fields: missing
            }
        );
    }
    return problems.list.length === before;
}

// Each object's unique fields, found once: every save of the object asks.
const UNIQUE_FIELDS = new WeakMap();
const uniqueFields = (object) => {
    if (!UNIQUE_FIELDS.has(object)) {
        UNIQUE_FIELDS.set(
            object,
            object.fieldList.filter((field) => field.unique && !isCalculated(field))
        );
    }
    return UNIQUE_FIELDS.get(object);
};

/**
 * Unique fields (Metadata API, CustomField: `unique`, and `caseSensitive` for text): a value another record of the
 * object holds, or an earlier record of the same statement, fails the record with DUPLICATE_VALUE (SOAP API
 * Developer Guide, "StatusCode": "You can't supply a duplicate value for a field that must be unique"). Blank values
 * never clash. The message follows the platform's output ("duplicate value found: <field> duplicates value on record
 * with id: <id>"), reconstructed: the guides do not quote it.
 */
export function checkUnique(store, object, rows, problems) {
    const fields = uniqueFields(object);
    if (!fields.length) return;
    const keyOf = (field, value) =>
        typeof value === 'string' && !field.caseSensitive ? value.toLowerCase() : String(value);
    const updating = new Set(rows.map((row) => row.rec.Id).filter(Boolean));
    for (const field of fields) {
        const taken = new Map();
        for (const rec of store.table(object.name).values()) {
            if (isBlank(rec[field.name]) || updating.has(rec.Id)) continue;
            taken.set(keyOf(field, rec[field.name]), rec.Id);
        }
        for (const row of rows) {
            const value = row.rec[field.name];
            if (isBlank(value)) continue;
            const key = keyOf(field, value);
            if (taken.has(key)) {
                problems.add(
                    row.index,
                    field.name,
                    `duplicate value found: ${field.name} duplicates value on record with id: ${taken.get(key) ?? ''}`,
                    'DUPLICATE_VALUE'
                );
            } else {
                taken.set(key, row.rec.Id ?? null);
            }
        }
    }
}

/** The object's active validation rules; each true formula is an error. */
export function applyRules(formulas, object, row, problems, userId) {
    if (!object.validationRules.length) return;
    const record = { ...row.rec, Id: row.rec.Id ?? null };
    for (const rule of object.validationRules) {
        let failed;
        try {
            failed = formulas.evaluate(object, { object: object.name, rule: rule.name }, rule.analysis, record, {
                isNew: row.isNew,
                prior: row.prior,
                userId
            });
        } catch (error) {
            if (!(error instanceof FormulaError)) throw error;
            problems.add(
                row.index,
                null,
                `Validation rule ${rule.name} could not be evaluated: ${error.message}`,
                'FIELD_CUSTOM_VALIDATION_EXCEPTION'
            );
            continue;
        }
        if (failed === true) {
            problems.add(
                row.index,
                rule.errorDisplayField ?? null,
                rule.errorMessage,
                'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                {
                    rule: rule.name
                }
            );
        }
    }
}

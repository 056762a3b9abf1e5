// Conversion between the embedded org's rows (plain objects: dates 'YYYY-MM-DD', date/times ISO UTC strings,
// numbers as JS numbers, checkboxes as booleans, ids as 18-character strings) and Apex values, from the field's
// type in the org schema (../README.md). Number, Currency and Percent values (and numeric roll-ups) are Decimals
// with the field's scale, as Apex reads them (Apex Developer Guide, "Primitive Data Types": currency and number
// fields are Decimal), except the platform's int fields, which are Integer; Date -> Date, DateTime -> Datetime, Checkbox -> Boolean, everything else String.
import { ApexDate, ApexDatetime, ApexDecimal, ApexTime } from './values.mjs';
import { ApexSObject, relationshipNamed, parentRelationshipName } from './sobject.mjs';
import { ApexList } from './collections.mjs';
import { decimalFromNumber, decimalFromString, decimalSetScale, decimalToNumber } from './decimal.mjs';
import { toJsNumber, isNumber, wrapInt } from './numbers.mjs';
import { DAY_MS, dateToString, datetimeToIso } from './dates.mjs';
import { type } from './types.mjs';

const NUMERIC = new Set(['Number', 'Currency', 'Percent']);
const valueTypeOf = (field) => field.valueType ?? field.type;

/** An org row value of `field` as an Apex value. */
export function toApexValue(field, raw) {
    if (raw === null || raw === undefined) return valueTypeOf(field) === 'Checkbox' ? false : null;
    const kind = valueTypeOf(field);
    if (NUMERIC.has(kind) && field.displayType === 'INTEGER') {
        // A standard field of the API's int type (Account.NumberOfEmployees, AsyncApexJob.JobItemsProcessed,
        // Holiday.RecurrenceInterval) is an Integer in Apex, not a Decimal (Object Reference, "Primitive Data
        // Types": int, "Fields of this type contain numbers with no fractional portion").
        const number = Number(raw);
        if (!Number.isFinite(number)) throw new Error(`${field.name}: ${raw} is not a number`);
        return wrapInt(Math.trunc(number));
    }
    if (NUMERIC.has(kind) || kind === 'Summary') {
        const decimal = typeof raw === 'number' ? decimalFromNumber(raw) : decimalFromString(String(raw));
        if (!decimal) throw new Error(`${field.name}: ${raw} is not a number`);
        return field.scale === undefined ? decimal : decimalSetScale(decimal, field.scale, 'HALF_UP');
    }
    switch (kind) {
        case 'Date':
            return new ApexDate(Math.round(Date.parse(`${String(raw).slice(0, 10)}T00:00:00Z`) / DAY_MS));
        case 'DateTime': {
            const ms = Date.parse(String(raw));
            if (Number.isNaN(ms)) throw new Error(`${field.name}: ${raw} is not a date/time`);
            return new ApexDatetime(ms);
        }
        case 'Time': {
            const [h, m, s] = String(raw).split(':').map(Number);
            return new ApexTime(((h * 60 + m) * 60 + (s || 0)) * 1000);
        }
        case 'Checkbox':
            return raw === true || raw === 'true';
        default:
            return String(raw);
    }
}

/** An Apex value as the org stores it in a row of `field`. */
export function toRowValue(field, value) {
    if (value === null || value === undefined) return null;
    if (value instanceof ApexDecimal) return decimalToNumber(value);
    if (isNumber(value)) return toJsNumber(value);
    if (value instanceof ApexDate) return dateToString(value);
    if (value instanceof ApexDatetime) {
        // A Datetime written to a Date field keeps its (GMT) day.
        return valueTypeOf(field) === 'Date' ? datetimeToIso(value).slice(0, 10) : datetimeToIso(value);
    }
    if (value instanceof ApexTime) return new Date(value.ms).toISOString().slice(11, 23) + 'Z';
    if (typeof value === 'boolean' || typeof value === 'string') return value;
    throw new Error(`${field.name}: cannot store a ${value?.constructor?.name ?? typeof value} in a record field`);
}

/**
 * An ApexSObject from an org row. Keys of the row that name fields become field values; a key that names a
 * relationship (the field's relationshipName) holding a row becomes a parent record, and a child relationship
 * holding an array becomes a list of child records (both need `schema`, the org schema, to find their object).
 */
export function sobjectFromRow(schemaObject, row, { queried = null, schema = null } = {}) {
    const sobject = new ApexSObject(schemaObject.name, { queried, schema: schemaObject });
    for (const [key, raw] of Object.entries(row)) {
        if (raw === undefined) continue;
        const field = schemaObject.field(key);
        if (field) {
            sobject.values.set(key.toLowerCase(), { name: field.name, value: toApexValue(field, raw) });
            continue;
        }
        const spelled = relationshipNamed(schemaObject, key);
        const parentField = spelled && schemaObject.fieldList?.find((f) => parentRelationshipName(f) === spelled);
        if (parentField && (raw === null || (typeof raw === 'object' && !Array.isArray(raw)))) {
            const parentSchema = schema?.object(parentField.referenceTo);
            if (!parentSchema) throw new Error(`sobjectFromRow: no schema for ${parentField.referenceTo}`);
            const value =
                raw === null ? null : sobjectFromRow(parentSchema, raw, { queried: subPaths(queried, key), schema });
            sobject.values.set(key.toLowerCase(), { name: spelled, value });
            continue;
        }
        const child =
            spelled &&
            schemaObject.childRelationships?.find((c) => relationshipNamed({ childRelationships: [c] }, key));
        if (child && (raw === null || Array.isArray(raw))) {
            const childSchema = schema?.object(child.childObject);
            if (!childSchema) throw new Error(`sobjectFromRow: no schema for ${child.childObject}`);
            const value =
                raw === null
                    ? null
                    : new ApexList(
                          type(childSchema.name),
                          raw.map((r) => sobjectFromRow(childSchema, r, { queried: subPaths(queried, key), schema }))
                      );
            sobject.values.set(key.toLowerCase(), { name: spelled, value });
            continue;
        }
        throw new Error(`sobjectFromRow: ${schemaObject.name} has no field or relationship ${key}`);
    }
    return sobject;
}

function subPaths(queried, prefix) {
    if (!queried) return null;
    const start = `${prefix.toLowerCase()}.`;
    return queried.filter((p) => p.toLowerCase().startsWith(start)).map((p) => p.slice(start.length));
}

/** The org row of an ApexSObject: its populated fields (not relationships), as the org stores them. */
export function rowFromSObject(schemaObject, sobject) {
    const row = {};
    for (const [name, value] of sobject.entries()) {
        const field = schemaObject.field(name);
        if (!field) continue; // relationship values are not columns
        row[field.name] = toRowValue(field, value);
    }
    return row;
}

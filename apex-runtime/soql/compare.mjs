// Comparing field values in WHERE, HAVING and ORDER BY. Row values (as the org stores them) and Apex bind values
// are both brought to a comparable form per field kind: number -> JS number, date -> 'YYYY-MM-DD',
// datetime -> epoch ms, boolean, id -> 18-character string, string -> string (compared case-insensitively).
import { ApexDate, ApexDatetime, ApexDecimal, ApexDouble } from '../values/values.mjs';
import { toId18 } from '../../preview/org/org.mjs';
import { fromDays } from './dates.mjs';
import { queryError } from './errors.mjs';

const isSObject = (value) => value && typeof value.get === 'function' && typeof value.fieldNames === 'function';

/** Items of an Apex collection bound to IN (ApexList, ApexSet, or a JS array/iterable), or undefined. */
export function collectionItems(value) {
    if (Array.isArray(value)) return value;
    if (!value || typeof value !== 'object' || isSObject(value)) return undefined;
    if (Array.isArray(value.items)) return value.items;
    if (typeof value.values === 'function') return [...value.values()];
    if (typeof value[Symbol.iterator] === 'function') return [...value];
    return undefined;
}

function decimalNumber(value) {
    return Number(value.unscaled) / 10 ** value.scale;
}

/** A row value (from the org) in comparable form. Blank text is null: the platform stores '' as null. */
export function fromRow(raw, kind) {
    if (raw === null || raw === undefined || raw === '') return null;
    if (kind === 'datetime') return typeof raw === 'number' ? raw : Date.parse(raw);
    if (kind === 'date') return String(raw).slice(0, 10);
    if (kind === 'number') return Number(raw);
    if (kind === 'id') return toId18(raw) ?? String(raw);
    return raw;
}

/** An Apex value bound into the query, in the comparable form of `kind`; throws for a value of the wrong type. */
export function fromApex(value, kind, what = 'bind variable') {
    if (value === null || value === undefined) return null;
    if (isSObject(value)) {
        // Apex Developer Guide, "Using Apex Variables in SOQL": an sObject bound where an Id is expected is its Id.
        if (kind === 'id') return fromApex(value.get('Id'), kind, what);
        queryError(`Invalid bind expression type of ${value.type ?? 'SObject'} for column of type ${kind}`);
    }
    switch (kind) {
        case 'number':
            if (typeof value === 'number') return value;
            if (typeof value === 'bigint') return Number(value);
            if (value instanceof ApexDecimal) return decimalNumber(value);
            if (value instanceof ApexDouble) return value.value;
            break;
        case 'date':
            if (value instanceof ApexDate) return fromDays(value.days);
            if (value instanceof ApexDatetime) return new Date(value.ms).toISOString().slice(0, 10);
            break;
        case 'datetime':
            if (value instanceof ApexDatetime) return value.ms;
            if (value instanceof ApexDate) return value.days * 86400000;
            break;
        case 'boolean':
            if (typeof value === 'boolean') return value;
            break;
        case 'id':
            if (typeof value === 'string') return value === '' ? null : (toId18(value) ?? value);
            break;
        default:
            if (typeof value === 'string') return value === '' ? null : value;
    }
    queryError(
        `Invalid bind expression type of ${typeName(value)} for column of type ${kind === 'multi' ? 'String' : kind}`
    );
}

function typeName(value) {
    if (typeof value === 'string') return 'String';
    if (typeof value === 'number') return 'Integer';
    if (typeof value === 'bigint') return 'Long';
    if (typeof value === 'boolean') return 'Boolean';
    return value?.constructor?.name?.replace(/^Apex/, '') ?? 'Object';
}

/** Ordering of two non-null comparable values of one kind: text ignores case (SOQL and SOSL Reference, ORDER BY). */
export function compareValues(a, b, kind) {
    if (kind === 'string' || kind === 'multi') {
        const x = String(a).toUpperCase();
        const y = String(b).toUpperCase();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (kind === 'boolean') return (a ? 1 : 0) - (b ? 1 : 0);
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Equality in WHERE: text is case-insensitive (SOQL and SOSL Reference, "Comparison Operators"); Ids exact. */
export function sameValue(a, b, kind) {
    if (a === null || b === null) return a === b;
    return compareValues(a, b, kind) === 0;
}

/** LIKE: % any run, _ one character, \% and \_ literal; case-insensitive (SOQL and SOSL Reference, LIKE). */
export function likePattern(pattern) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '\\' && (pattern[i + 1] === '%' || pattern[i + 1] === '_')) {
            source += pattern[++i];
        } else if (char === '%') source += '[\\s\\S]*';
        else if (char === '_') source += '[\\s\\S]';
        else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`, 'i');
}

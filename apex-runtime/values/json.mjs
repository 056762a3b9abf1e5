// JSON in and out of Apex values (Apex Reference, "JSON Class"), and Apex values as an @AuraEnabled method's
// return reaches a Lightning component (toAuraValue).
import {
    ApexDouble,
    ApexDecimal,
    ApexDate,
    ApexDatetime,
    ApexTime,
    ApexBlob,
    ApexObject,
    ApexEnumValue,
    ApexTypeValue
} from './values.mjs';
import { ApexList, ApexSet, ApexMap } from './collections.mjs';
import { ApexSObject } from './sobject.mjs';
import { fail, type, typeName, T } from './types.mjs';
import { decimalFromString, decimalToPlainString, decimalToNumber } from './decimal.mjs';
import { toId18 } from './ids.mjs';
import { toApexString } from './apex-string.mjs';
import { doubleToString } from './numbers.mjs';
import { DAY_MS, dateToString, datetimeToIso, timeToString } from './dates.mjs';

const JSON_EXCEPTION = 'System.JSONException';

/** A JSON number as written ('1.50'), so that Decimals keep their scale and Longs their digits. */
export class JsonNumber {
    constructor(text) {
        this.text = text;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing.

/** Parses JSON text into JS values with numbers as JsonNumber; bad input throws System.JSONException. */
export function parseJson(text, rt) {
    if (text === null || text === undefined) fail(rt, 'System.NullPointerException', 'Argument cannot be null.');
    let i = 0;
    const error = (what) =>
        fail(
            rt,
            JSON_EXCEPTION,
            `Unexpected character ('${text[i] ?? 'EOF'}' (code ${text.charCodeAt(i) || -1})): ${what} at [line:1, column:${i + 1}]`
        );
    const ws = () => {
        while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
    };
    /** The entries after an opening '{' or '[' up to `close`, separated by commas, each read by readEntry(). */
    const entries = (close, what, readEntry) => {
        i++;
        ws();
        if (text[i] === close) {
            i++;
            return;
        }
        for (;;) {
            readEntry();
            ws();
            if (text[i] === ',') {
                i++;
                continue;
            }
            if (text[i] === close) {
                i++;
                return;
            }
            error(`was expecting comma to separate ${what} entries`);
        }
    };
    const value = () => {
        ws();
        const c = text[i];
        if (c === '{') {
            const out = {};
            entries('}', 'Object', () => {
                ws();
                if (text[i] !== '"') error('was expecting double-quote to start field name');
                const key = string();
                ws();
                if (text[i] !== ':') error('was expecting a colon to separate field name and value');
                i++;
                out[key] = value();
            });
            return out;
        }
        if (c === '[') {
            const out = [];
            entries(']', 'Array', () => out.push(value()));
            return out;
        }
        if (c === '"') return string();
        const literal = /^(true|false|null)/.exec(text.slice(i, i + 5));
        if (literal) {
            i += literal[0].length;
            return literal[0] === 'null' ? null : literal[0] === 'true';
        }
        const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
        if (number) {
            i += number[0].length;
            return new JsonNumber(number[0]);
        }
        return error('expected a valid value');
    };
    const string = () => {
        const start = i;
        i++;
        let out = '';
        while (i < text.length && text[i] !== '"') {
            if (text[i] === '\\') {
                const next = text[i + 1];
                if (next === 'u') {
                    out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
                    i += 6;
                    continue;
                }
                out += { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' }[next] ?? next;
                i += 2;
                continue;
            }
            out += text[i++];
        }
        if (text[i] !== '"') {
            i = start;
            error('unterminated string');
        }
        i++;
        return out;
    };
    const result = value();
    ws();
    if (i < text.length) error('expected end of input');
    return result;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON -> Apex.

const numberText = (raw) => (raw instanceof JsonNumber ? raw.text : typeof raw === 'number' ? String(raw) : null);

/** JSON.deserializeUntyped: objects -> Map<String,Object>, arrays -> List<Object>, numbers Integer/Long/Decimal. */
export function untyped(raw) {
    if (raw === null || raw === undefined) return null;
    if (Array.isArray(raw)) return new ApexList(T.Object, raw.map(untyped));
    const text = numberText(raw);
    if (text !== null) {
        if (/^-?\d+$/.test(text)) {
            const n = BigInt(text);
            return n === BigInt.asIntN(32, n) ? Number(n) : BigInt.asIntN(64, n);
        }
        return decimalFromString(text);
    }
    if (typeof raw === 'object') {
        const map = new ApexMap(T.String, T.Object);
        for (const [key, value] of Object.entries(raw)) map.set(key, untyped(value));
        return map;
    }
    return raw;
}

const mismatch = (rt, raw, target) =>
    fail(rt, JSON_EXCEPTION, `Cannot deserialize ${describe(raw)} into type ${typeName(target)}`);
const describe = (raw) =>
    Array.isArray(raw)
        ? 'a JSON array'
        : raw instanceof JsonNumber
          ? 'a number'
          : raw && typeof raw === 'object'
            ? 'a JSON object'
            : JSON.stringify(raw);

/**
 * A JSON-like JS value (parsed JSON, JsonNumber or JS numbers) as an Apex value of the declared type
 * (Apex Reference, JSON Class: deserialize(jsonString, apexType)). `strict` makes unknown fields an error
 * (deserializeStrict).
 */
export function deserializeTyped(raw, target, rt, { strict = false } = {}) {
    if (raw === null || raw === undefined) return null;
    const name = target.name.toLowerCase();
    const text = numberText(raw);
    switch (name) {
        case 'object':
            return untyped(raw);
        case 'string':
            if (typeof raw === 'string') return raw;
            if (text !== null || typeof raw === 'boolean') return text ?? String(raw);
            return mismatch(rt, raw, target);
        case 'id': {
            const id = typeof raw === 'string' ? toId18(raw) : null;
            return id ?? fail(rt, JSON_EXCEPTION, `Invalid id: ${raw}`);
        }
        case 'boolean':
            if (typeof raw === 'boolean') return raw;
            if (raw === 'true' || raw === 'false') return raw === 'true';
            return mismatch(rt, raw, target);
        case 'integer':
        case 'long':
        case 'double':
        case 'decimal': {
            const source = text ?? (typeof raw === 'string' ? raw : null);
            const decimal = source === null ? null : decimalFromString(source);
            if (!decimal) return mismatch(rt, raw, target);
            if (name === 'decimal') return decimal;
            if (name === 'double') return new ApexDouble(Number(source));
            const whole = decimalToPlainString(decimal).split('.')[0];
            return name === 'integer' ? Number(BigInt.asIntN(32, BigInt(whole))) : BigInt.asIntN(64, BigInt(whole));
        }
        case 'date':
            if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(raw)) return mismatch(rt, raw, target);
            return new ApexDate(Math.round(Date.parse(`${raw.slice(0, 10)}T00:00:00Z`) / DAY_MS));
        case 'datetime': {
            const ms = typeof raw === 'string' ? Date.parse(raw) : NaN;
            return Number.isNaN(ms) ? mismatch(rt, raw, target) : new ApexDatetime(ms);
        }
        case 'time': {
            const match = typeof raw === 'string' && /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/.exec(raw);
            if (!match) return mismatch(rt, raw, target);
            const [h, m, s = 0, ms = '0'] = match.slice(1);
            return new ApexTime(((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms.padEnd(3, '0')));
        }
        case 'blob':
            if (typeof raw !== 'string') return mismatch(rt, raw, target);
            return new ApexBlob(new Uint8Array(Buffer.from(raw, 'base64')));
        case 'list':
        case 'set': {
            if (!Array.isArray(raw)) return mismatch(rt, raw, target);
            const element = target.args?.[0] ?? T.Object;
            const items = raw.map((item) => deserializeTyped(item, element, rt, { strict }));
            return name === 'list' ? new ApexList(element, items) : new ApexSet(element, items, rt);
        }
        case 'map': {
            if (typeof raw !== 'object' || Array.isArray(raw) || raw instanceof JsonNumber)
                return mismatch(rt, raw, target);
            const [keyType = T.String, valueType = T.Object] = target.args ?? [];
            const map = new ApexMap(keyType, valueType, rt);
            for (const [key, value] of Object.entries(raw)) {
                map.set(
                    deserializeTyped(key, keyType, rt, { strict }),
                    deserializeTyped(value, valueType, rt, { strict }),
                    rt
                );
            }
            return map;
        }
    }
    const schemaObject = sobjectSchema(rt, target.name);
    if (schemaObject || name === 'sobject') return deserializeSObject(raw, target, schemaObject, rt, { strict });
    return deserializeClass(raw, target, rt, { strict });
}

function sobjectSchema(rt, name) {
    const schema = rt?.schema ?? rt?.org?.schema;
    if (!schema || !name) return null;
    // The org schema's object(name) throws for names it does not model; a user class is not an error here.
    if (schema.objects instanceof Map) return schema.objects.get(String(name).toLowerCase()) ?? null;
    try {
        return schema.object(name) ?? null;
    } catch {
        return null;
    }
}

function deserializeSObject(raw, target, schemaObject, rt, { strict }) {
    if (typeof raw !== 'object' || Array.isArray(raw)) return mismatch(rt, raw, target);
    let objectSchema = schemaObject;
    let typeNameOf = schemaObject?.name;
    if (!objectSchema) {
        // SObject: the concrete type comes from the attributes (Apex Reference, JSON Class: SObject serialization).
        typeNameOf = raw.attributes?.type;
        objectSchema = typeNameOf ? sobjectSchema(rt, typeNameOf) : null;
        if (!objectSchema) fail(rt, JSON_EXCEPTION, 'Cannot deserialize an SObject without its attributes.type');
        typeNameOf = objectSchema.name;
    }
    const record = new ApexSObject(typeNameOf, { schema: objectSchema });
    for (const [key, value] of Object.entries(raw)) {
        if (key === 'attributes') continue;
        const field = objectSchema.field(key);
        if (field) {
            record.values.set(key.toLowerCase(), { name: field.name, value: fieldValue(field, value, rt) });
            continue;
        }
        const relationship = record.canonicalName(key);
        if (relationship !== key || objectSchema.childRelationships?.length || objectSchema.fieldList?.length) {
            const child = objectSchema.childRelationships?.find((c) =>
                [c.relationshipName, `${c.relationshipName}__r`].some((n) => n?.toLowerCase() === key.toLowerCase())
            );
            if (child && value && Array.isArray(value.records ?? value)) {
                const records = (value.records ?? value).map((r) =>
                    deserializeTyped(r, type(child.childObject), rt, { strict })
                );
                record.values.set(key.toLowerCase(), {
                    name: relationship,
                    value: new ApexList(type(child.childObject), records)
                });
                continue;
            }
            const parent = objectSchema.fieldList?.find((f) => f.referenceTo && relationshipMatches(f, key));
            if (parent) {
                record.values.set(key.toLowerCase(), {
                    name: relationship,
                    value: deserializeTyped(value, type(parent.referenceTo), rt, { strict })
                });
                continue;
            }
        }
        // Apex Reference, JSON Class: an unknown field fails even in deserialize for SObjects.
        fail(rt, JSON_EXCEPTION, `No such column '${key}' on sobject of type ${typeNameOf}`);
    }
    return record;
}

const relationshipMatches = (field, key) => {
    const name = /__c$/i.test(field.name) ? field.name.replace(/__c$/i, '__r') : (field.relationshipName ?? '');
    return name.toLowerCase() === key.toLowerCase();
};

function fieldValue(field, value, rt) {
    const kind = field.valueType ?? field.type;
    if (['Number', 'Currency', 'Percent', 'Summary'].includes(kind)) return deserializeTyped(value, T.Decimal, rt);
    if (kind === 'Date') return deserializeTyped(value, T.Date, rt);
    if (kind === 'DateTime') return deserializeTyped(value, T.Datetime, rt);
    if (kind === 'Checkbox') return deserializeTyped(value, T.Boolean, rt);
    if (['Lookup', 'MasterDetail', 'Id'].includes(kind)) return deserializeTyped(value, T.Id, rt);
    return deserializeTyped(value, T.String, rt);
}

function deserializeClass(raw, target, rt, { strict }) {
    const info = rt?.classInfo?.(target.name);
    if (!info) {
        const what = `JSON.deserialize into ${typeName(target)}`;
        return rt?.unsupported ? rt.unsupported(what) : fail(rt, JSON_EXCEPTION, `Unknown type ${typeName(target)}`);
    }
    if (info.isEnum) {
        const value = (info.values ?? []).find((v) => (v?.name ?? v) === raw);
        if (value === undefined) return fail(rt, JSON_EXCEPTION, `Invalid value for enum ${info.name}: ${raw}`);
        return value instanceof ApexEnumValue ? value : new ApexEnumValue(info.name, raw, info.values.indexOf(value));
    }
    if (typeof raw !== 'object' || Array.isArray(raw) || raw instanceof JsonNumber) return mismatch(rt, raw, target);
    const object = rt.newInstance(type(info.name));
    const fields = new Map(info.fields.filter((f) => !f.isStatic).map((f) => [f.name.toLowerCase(), f]));
    for (const [key, value] of Object.entries(raw)) {
        const field = fields.get(key.toLowerCase());
        if (!field) {
            // Apex Reference, JSON Class: deserializeStrict fails on unknown attributes; deserialize ignores them.
            if (strict) fail(rt, JSON_EXCEPTION, `No such column '${key}' on type ${info.name}`);
            continue;
        }
        object.fields.set(field.name.toLowerCase(), deserializeTyped(value, field.type, rt, { strict }));
    }
    return object;
}

// ---------------------------------------------------------------------------------------------------------------
// Apex -> JSON.

const SOBJECT_URL_VERSION = 'v60.0';

/**
 * The form JSON.serialize and an @AuraEnabled return both give a value: Dates 'yyyy-MM-dd', Datetimes ISO with
 * milliseconds, Times 'HH:mm:ss.SSSZ', Blobs base64, enums by name, lists and sets as arrays, maps as objects keyed
 * by String.valueOf of the key, each element through `recurse`. Undefined for any other value.
 */
function commonForm(value, recurse, rt) {
    if (value instanceof ApexDate) return dateToString(value);
    if (value instanceof ApexDatetime) return datetimeToIso(value);
    if (value instanceof ApexTime) return timeToString(value);
    if (value instanceof ApexBlob) return Buffer.from(value.bytes).toString('base64');
    if (value instanceof ApexEnumValue) return value.name;
    if (value instanceof ApexList) return value.items.map(recurse);
    if (value instanceof ApexSet) return [...value].map(recurse);
    if (value instanceof ApexMap) {
        const out = {};
        for (const [k, v] of value.entries()) out[toApexString(k, rt)] = recurse(v);
        return out;
    }
    return undefined;
}

/**
 * The JSON-ready tree of an Apex value (JSON.serialize): Decimals keep their digits (emitted as written), Dates
 * 'yyyy-MM-dd', Datetimes ISO with milliseconds, SObjects with their attributes, user objects by their instance
 * fields (transient ones left out), enums by name. `suppressNulls` drops null fields of objects.
 */
function toJsonTree(value, rt, suppressNulls) {
    const recurse = (v) => toJsonTree(v, rt, suppressNulls);
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
    if (typeof value === 'bigint') return new JsonNumber(String(value));
    if (value instanceof ApexDecimal) return new JsonNumber(decimalToPlainString(value));
    if (value instanceof ApexDouble)
        return new JsonNumber(Number.isInteger(value.value) ? `${value.value}.0` : String(value.value));
    const common = commonForm(value, recurse, rt);
    if (common !== undefined) return common;
    if (value instanceof ApexTypeValue) return typeName(value.type);
    if (value instanceof ApexSObject) {
        const id = value.has('Id') ? value.get('Id', rt) : null;
        const attributes = { type: value.type };
        if (id) attributes.url = `/services/data/${SOBJECT_URL_VERSION}/sobjects/${value.type}/${id}`;
        const out = { attributes };
        for (const [name, v] of value.entries()) {
            // Apex Reference, JSON Class: child relationship lists serialize as a query result.
            out[name] =
                v instanceof ApexList
                    ? { totalSize: v.items.length, done: true, records: v.items.map(recurse) }
                    : recurse(v);
        }
        return out;
    }
    if (value instanceof ApexObject) {
        const info = rt?.classInfo?.(value.cls?.fullName ?? value.cls?.name ?? value.cls);
        const fields = info
            ? info.fields
                  .filter((f) => !f.isStatic && !f.isTransient)
                  .map((f) => [f.name, value.fields.get(f.name.toLowerCase()) ?? null])
            : [...value.fields.entries()];
        const out = {};
        for (const [name, v] of fields) {
            if (suppressNulls && (v === null || v === undefined)) continue;
            out[name] = recurse(v);
        }
        return out;
    }
    const what = `JSON.serialize of ${value?.constructor?.name ?? typeof value}`;
    return rt?.unsupported ? rt.unsupported(what) : fail(rt, JSON_EXCEPTION, what);
}

function write(tree, pretty, indent = '') {
    if (tree === null) return 'null';
    if (tree instanceof JsonNumber) return tree.text;
    if (typeof tree !== 'object') return JSON.stringify(tree);
    const inner = `${indent}  `;
    if (Array.isArray(tree)) {
        if (!tree.length) return pretty ? '[ ]' : '[]';
        const items = tree.map((item) => write(item, pretty, inner));
        // Jackson's default pretty printer (Apex's serializePretty): arrays on one line, objects indented.
        return pretty ? `[ ${items.join(', ')} ]` : `[${items.join(',')}]`;
    }
    const entries = Object.entries(tree);
    if (!entries.length) return pretty ? '{ }' : '{}';
    if (!pretty) return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, false)}`).join(',')}}`;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)} : ${write(v, true, inner)}`).join(',\n')}\n${indent}}`;
}

export function serialize(value, rt, { pretty = false, suppressNulls = false } = {}) {
    return write(toJsonTree(value, rt, suppressNulls), pretty);
}

// ---------------------------------------------------------------------------------------------------------------
// Apex -> Lightning.

/**
 * An Apex value as a Lightning component receives an @AuraEnabled method's return: plain JS. Decimals and Doubles
 * become numbers, Dates 'YYYY-MM-DD', Datetimes ISO strings, SObjects objects of their populated fields (parents
 * nested, children as arrays), user objects their instance fields, enums their names. When the class model says
 * which fields are @AuraEnabled (the interpreter's does), only those are returned: "Only the values of public
 * instance properties and methods annotated with @AuraEnabled are serialized and returned" (Lightning Aura
 * Components Developer Guide, "Returning Data from an Apex Server-Side Controller" and "Custom Apex Class Types").
 */
export function toAuraValue(value, rt) {
    const recurse = (v) => toAuraValue(v, rt);
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
    if (typeof value === 'bigint') return Number(value);
    if (value instanceof ApexDecimal) return decimalToNumber(value);
    if (value instanceof ApexDouble) return value.value;
    const common = commonForm(value, recurse, rt);
    if (common !== undefined) return common;
    if (value instanceof ApexSObject) {
        const out = {};
        for (const [name, v] of value.entries()) out[name] = recurse(v);
        return out;
    }
    if (value instanceof ApexObject) {
        const info = rt?.classInfo?.(value.cls?.fullName ?? value.cls?.name ?? value.cls);
        const out = {};
        if (!info) {
            for (const [name, v] of value.fields) out[name] = recurse(v);
            return out;
        }
        const marked = info.fields.some((f) => f.isAuraEnabled !== undefined);
        for (const field of info.fields) {
            if (field.isStatic || (marked && !field.isAuraEnabled)) continue;
            out[field.name] = recurse(value.fields.get(field.name.toLowerCase()) ?? null);
        }
        return out;
    }
    const what = `an @AuraEnabled return of ${value?.constructor?.name ?? typeof value}`;
    return rt?.unsupported ? rt.unsupported(what) : fail(rt, 'System.TypeException', what);
}

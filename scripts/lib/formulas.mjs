// Every formula in the project, read from its XML, checked and evaluated offline with sformula.
//
// sformula has the static type system Salesforce formulas have (picklists only through ISPICKVAL/TEXT/CASE, a
// validation rule must return a checkbox) and their blank handling, but it knows nothing of the record's save:
// ISCHANGED, PRIORVALUE, ISNEW and ISCLONE are rewritten here into plain identifiers (`__ISCHANGED__StageName`)
// that each scenario binds, and TODAY()/NOW() read a clock the scenario fixes. Field types come from the
// schema model (schema/index.mjs), so a formula is checked against the fields it really names.
import { builtins, parseSync } from 'sformula';
import { loadSchema, findObject, findField, withoutNamespace } from './schema/index.mjs';
import {
    fieldFormulaType,
    formulaFieldCannotReference,
    formulaType,
    localPicklistValues,
    typeLabel,
    typedValue,
    elementLine,
    GLOBAL_OBJECTS
} from './formula-types.mjs';

export { loadSchema } from './schema/index.mjs';

// ---------------------------------------------------------------------------------------------------------------
// Runtime: Salesforce stops a save on an error such as a division by zero, where sformula quietly answers blank.
// sformula evaluates every argument eagerly, so an error in a branch IF does not take must not count: errors are
// carried as values and only count if they reach the result, which is what Salesforce's lazy IF amounts to.

/** A formula runtime error (e.g. division by zero), carried as a value until it reaches the result or is dropped. */
export class FormulaError extends Error {}

const RUNTIME = Symbol.for('tandem.formulas.runtime');
const runtime = { clock: null, last: undefined };

const isError = (value) => value instanceof FormulaError || (Array.isArray(value) && value.some(isError));
const errorIn = (value) => (Array.isArray(value) ? value.find(isError) : value);
const firstError = (args) => errorIn(args.find(isError));

function runBuiltin(name, fn, args) {
    switch (name) {
        case 'IF':
            if (isError(args[0])) return errorIn(args[0]);
            return args[0] ? args[1] : args[2];
        case 'AND':
        case 'OR': {
            // Left to right, stopping at the value that decides, as Salesforce does.
            const decisive = name === 'OR';
            for (const arg of args) {
                if (isError(arg)) return errorIn(arg);
                if (arg === decisive) return decisive;
            }
            return fn(...args);
        }
        case 'NULLVALUE':
        case 'BLANKVALUE': {
            if (isError(args[0])) return errorIn(args[0]);
            const blank = args[0] === null || args[0] === undefined || (name === 'BLANKVALUE' && args[0] === '');
            return blank ? args[1] : args[0];
        }
        case 'CASE': {
            if (isError(args[0])) return errorIn(args[0]);
            const matches = args.filter((_, i) => i % 2 === 1 && i < args.length - 1);
            if (matches.some(isError)) return firstError(matches);
            // The library picks one of its arguments; stand-ins let a dropped error stay dropped.
            const stand = args.map((arg, i) => (isError(arg) && i % 2 === 0 && i > 0 ? { standIn: i } : arg));
            const picked = fn(...stand);
            return picked && typeof picked === 'object' && 'standIn' in picked ? errorIn(args[picked.standIn]) : picked;
        }
        case '$$DIVIDE_NUMBER$$':
            if (args.some(isError)) return firstError(args);
            if (args[0] !== null && args[0] !== undefined && args[1] !== null && Number(args[1]) === 0) {
                return new FormulaError('division by zero');
            }
            return fn(...args);
        case 'TODAY':
            return runtime.clock?.today ?? fn();
        case 'NOW':
            return runtime.clock?.now ?? fn();
        default:
            if (args.some(isError)) return firstError(args);
            return fn(...args);
    }
}

// sformula hands its builtins object to every evaluation and lets nothing else override it, so the runtime
// behaviour above is installed there, once per process.
if (!builtins[RUNTIME]) {
    for (const name of Object.keys(builtins)) {
        const fn = builtins[name];
        if (typeof fn !== 'function') continue;
        builtins[name] = (...args) => {
            const result = runBuiltin(name, fn, args);
            runtime.last = result;
            return result;
        };
    }
    builtins[RUNTIME] = true;
}

// ---------------------------------------------------------------------------------------------------------------
// Functions. sformula implements most; a few more are declared here (types and values); the rest are real
// Salesforce functions that cannot be evaluated offline, so formulas using them are checked for references only.

const fnType = (args, returns) => ({
    type: 'function',
    arguments: args.map((type) => ({ argument: { type }, optional: false })),
    returns: { type: returns }
});

const EXTRA_FUNCTIONS = {
    BR: { type: fnType([], 'string'), value: () => '\n' },
    REGEX: {
        type: fnType(['string', 'string'], 'boolean'),
        value: (text, re) => new RegExp(`^(?:${re})$`).test(text ?? '')
    },
    DAYOFYEAR: {
        type: fnType(['date'], 'number'),
        value: (date) =>
            date ? Math.round((Date.parse(date) - Date.parse(`${date.slice(0, 4)}-01-01`)) / 864e5) + 1 : null
    }
};

const NOT_EVALUABLE = new Set(
    `ASCII CHR CURRENCYRATE DISTANCE FORMATDURATION FROMUNIXTIME GEOLOCATION GETRECORDIDS GETSESSIONID HTMLENCODE
    IMAGEPROXYURL INCLUDE INITCAP ISOWEEK ISOYEAR JSENCODE JSINHTMLENCODE JUNCTIONIDLIST LINKTO PARENTGROUPVAL PREDICT
    PREVGROUPVAL REQUIRESCRIPT REVERSE UNIXTIMESTAMP URLENCODE URLFOR VLOOKUP`.split(/\s+/)
);

// Functions that only make sense while a record is being saved: bound per scenario, allowed in validation rules.
const SAVE_FUNCTIONS = { ISCHANGED: 1, PRIORVALUE: 1, ISNEW: 0, ISCLONE: 0 };

const isBuiltin = (name) => typeof builtins[name] === 'function' && !name.startsWith('$$');

// ---------------------------------------------------------------------------------------------------------------
// Tokens. Salesforce formulas are case-insensitive and sformula is not, so the formula is re-emitted with
// function names upper-cased and field names spelled as in the metadata. Newlines are kept so that sformula's
// error positions still point at the right line of the XML.

const TOKEN =
    /(\s+)|(\/\*[\s\S]*?\*\/)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\d+(?:\.\d+)?|\.\d+)|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)|(<>|<=|>=|==|!=|&&|\|\||[-+*/^&=<>!(),])/y;
const KINDS = ['space', 'comment', 'string', 'number', 'name', 'operator'];

/** Splits a formula into tokens with their line and column; throws a FormulaSyntaxError at the first bad char. */
export function tokenize(text) {
    const tokens = [];
    let line = 1;
    let column = 1;
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < text.length) {
        const at = TOKEN.lastIndex;
        const match = TOKEN.exec(text);
        if (!match) {
            const rest = text.slice(at);
            const what = rest.startsWith('/*')
                ? 'unterminated comment'
                : /^["']/.test(rest)
                  ? 'unterminated text literal'
                  : `unexpected character ${JSON.stringify(rest[0])}`;
            throw new FormulaSyntaxError(what, line, column);
        }
        const kind = KINDS[match.slice(1).findIndex((group) => group !== undefined)];
        tokens.push({ kind, text: match[0], line, column });
        const newlines = match[0].split('\n').length - 1;
        if (newlines) {
            line += newlines;
            column = match[0].length - match[0].lastIndexOf('\n');
        } else {
            column += match[0].length;
        }
    }
    return tokens;
}

export class FormulaSyntaxError extends Error {
    constructor(message, line, column) {
        super(message);
        this.line = line;
        this.column = column;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// References.

const setPath = (target, parts, leaf, branch) => {
    let node = target;
    for (const part of parts.slice(0, -1)) {
        node[part] ??= branch();
        node = branch === objectType ? node[part].properties : node[part];
    }
    node[parts[parts.length - 1]] = leaf;
};
const objectType = () => ({ type: 'object', properties: {} });

/**
 * Resolves a dotted name used in a formula on `objectName` to { parts, type, kind } or { error }. `parts` are the
 * canonical spelling; `kind` says where a scenario's value comes from.
 */
export function resolveReference(schema, objectName, text) {
    const parts = text.split('.');
    if (parts[0].startsWith('$')) return resolveGlobal(schema, parts);
    let object = findObject(schema, objectName);
    const canonical = [];
    for (const relationship of parts.slice(0, -1)) {
        if (!object) return { parts: [...canonical, ...parts.slice(canonical.length)], type: 'any', kind: 'field' };
        const bare = withoutNamespace(schema, relationship);
        const key = /__r$/i.test(bare) ? bare.replace(/__r$/i, '__c') : `${bare}Id`;
        const field = findField(object, key);
        if (!field || !field.referenceTo) {
            return { error: `relationship ${relationship} does not exist on ${object.name}` };
        }
        canonical.push(/__r$/i.test(bare) ? field.name.replace(/__c$/, '__r') : field.name.replace(/Id$/, ''));
        object = findObject(schema, field.referenceTo);
    }
    const last = parts[parts.length - 1];
    if (!object) return { parts: [...canonical, last], type: 'any', kind: 'field' };
    const field = findField(object, withoutNamespace(schema, last));
    if (!field) {
        const where = canonical.length ? `${object.name} (via ${canonical.join('.')})` : object.name;
        return { error: `field ${last} does not exist on ${where}` };
    }
    const type = fieldFormulaType(schema, field);
    if (!type) return { error: `field ${object.name}.${field.name} (${field.type}) cannot be used in a formula` };
    return { parts: [...canonical, field.name], type, kind: 'field', field, object: object.name };
}

function resolveGlobal(schema, parts) {
    const [head, ...rest] = parts;
    const name = Object.keys({
        ...GLOBAL_OBJECTS,
        $Permission: 1,
        $CustomMetadata: 1,
        $Setup: 1,
        $Label: 1,
        $System: 1,
        $Api: 1
    }).find((known) => known.toLowerCase() === head.toLowerCase());
    if (!name) return { error: `unknown global variable ${head}` };
    const expect = (count, shape) =>
        rest.length === count ? undefined : { error: `${parts.join('.')} should have the form ${name}.${shape}` };
    if (name === '$Permission') {
        const bad = expect(1, 'PermissionName');
        if (bad) return bad;
        const permission = schema.permissions.get(rest[0].toLowerCase());
        if (!permission) {
            return {
                error: `custom permission ${rest[0]} does not exist (no customPermissions/${rest[0]}.customPermission-meta.xml)`
            };
        }
        return { parts: [name, permission.name], type: 'boolean', kind: 'permission' };
    }
    if (name === '$CustomMetadata') {
        const bad = expect(3, 'Type__mdt.Record.Field__c');
        if (bad) return bad;
        const [typeName, recordName, fieldName] = rest;
        const type = findObject(schema, typeName);
        if (!type || !type.isCustomMetadata) return { error: `custom metadata type ${typeName} does not exist` };
        const record = schema.customMetadataRecords.get(`${type.name}.${recordName}`.toLowerCase());
        if (!record) {
            return {
                error: `custom metadata record ${type.name}.${recordName} does not exist (no customMetadata/${type.name.replace(/__mdt$/, '')}.${recordName}.md-meta.xml)`
            };
        }
        const field = findField(type, withoutNamespace(schema, fieldName));
        if (!field) return { error: `field ${fieldName} does not exist on custom metadata type ${type.name}` };
        return {
            parts: [name, type.name, record.record, field.name],
            type: fieldFormulaType(schema, field),
            kind: 'customMetadata',
            record
        };
    }
    if (name === '$Setup') {
        const bad = expect(2, 'Setting__c.Field__c');
        if (bad) return bad;
        const setting = findObject(schema, rest[0]);
        if (!setting || !setting.customSettingsType) return { error: `custom setting ${rest[0]} does not exist` };
        const field = findField(setting, withoutNamespace(schema, rest[1]));
        if (!field) return { error: `field ${rest[1]} does not exist on custom setting ${setting.name}` };
        return { parts: [name, setting.name, field.name], type: fieldFormulaType(schema, field), kind: 'global' };
    }
    if (name === '$Label') {
        const bad = expect(1, 'LabelName');
        if (bad) return bad;
        const label = schema.labels.get(rest[0].toLowerCase());
        if (!label) return { error: `custom label ${rest[0]} does not exist` };
        return { parts: [name, label.name], type: 'string', kind: 'label', value: label.value };
    }
    if (name === '$System' || name === '$Api') {
        return { parts: [name, ...rest], type: name === '$System' ? 'datetime' : 'string', kind: 'global' };
    }
    const bad = expect(1, 'Field');
    if (bad) return bad;
    const object = findObject(schema, GLOBAL_OBJECTS[name]);
    const field = findField(object, withoutNamespace(schema, rest[0]));
    if (!field) return { error: `field ${rest[0]} does not exist on ${name} (${object.name})` };
    return { parts: [name, field.name], type: fieldFormulaType(schema, field) ?? 'any', kind: 'global' };
}

// ---------------------------------------------------------------------------------------------------------------
// Analysis: one formula, from text to a compiled sformula formula or a list of problems.

const significant = (tokens, from) => {
    for (let i = from; i < tokens.length; i++) if (tokens[i].kind !== 'space' && tokens[i].kind !== 'comment') return i;
    return -1;
};

/** Human wording for sformula's messages: its type names are JavaScript's, not Setup's. */
function readableTypeMessage(error, text) {
    const snippet = error.location ? snippetAt(text, error.location) : '';
    const where = snippet ? ` at \`${snippet}\`` : '';
    if (error.name === 'InvalidTypeError') {
        if (error.type === 'picklist') {
            return `type error${where}: a picklist can only be read through ISPICKVAL, TEXT or CASE (compare with ISPICKVAL(${snippet || 'field'}, "value"))`;
        }
        const expected = error.expected.map((type) => typeLabel(type.replace(/<.*$/, ''))).join(' or ');
        return `type error${where}: expected ${expected}, found ${typeLabel(error.type)}`;
    }
    if (error.name === 'InvalidArgLengthError') {
        const [min, max] = error.argRange;
        const expected = min === max ? `${min}` : max > 40 ? `at least ${min}` : `${min} to ${max}`;
        return `wrong number of arguments${where}: expected ${expected}, found ${error.argLen}`;
    }
    if (error.name === 'SyntaxError') {
        return `syntax error${where || ' at the end of the formula'}: unexpected ${error.found === null ? 'end of formula' : JSON.stringify(error.found)}`;
    }
    return `${error.name ?? 'error'}${where}: ${error.message}`;
}

function snippetAt(text, location) {
    const lines = text.split('\n');
    const { start, end } = location;
    if (start.line === end.line) return lines[start.line - 1]?.slice(start.column - 1, end.column - 1).trim() ?? '';
    return lines[start.line - 1]?.slice(start.column - 1).trim() ?? '';
}

function castable(from, to) {
    const numeric = (type) => type === 'number' || type === 'currency' || type === 'percent';
    return from === to || from === 'any' || (numeric(from) && numeric(to)) || (from === 'datetime' && to === 'date');
}

/**
 * Checks one formula entry against the schema. Returns { problems: [{ line, message }], references, compiled,
 * usesClock } where `line` is relative to the formula (1 = its first line) and `compiled` is the sformula formula
 * ready to evaluate (absent when there are problems or the formula uses a function that cannot run offline).
 */
export function analyzeFormula(schema, entry) {
    const problems = [];
    const references = new Map();
    const result = { problems, references: [], compiled: undefined, usesClock: false, evaluable: true };
    const text = entry.formula ?? '';
    if (!text.trim()) {
        problems.push({ line: 1, message: 'the formula is empty' });
        return result;
    }
    let tokens;
    try {
        tokens = tokenize(text);
    } catch (error) {
        problems.push({
            line: error.line,
            message: `syntax error at line ${error.line}, column ${error.column}: ${error.message}`
        });
        return result;
    }
    let depth = 0;
    for (const token of tokens) {
        if (token.text === '(') depth++;
        if (token.text === ')' && --depth < 0) {
            problems.push({
                line: token.line,
                message: `syntax error: unmatched ")" at line ${token.line}, column ${token.column}`
            });
            return result;
        }
    }
    if (depth > 0) {
        problems.push({
            line: tokens[tokens.length - 1].line,
            message: `syntax error: ${depth} unclosed "(" at the end of the formula`
        });
        return result;
    }

    const out = [];
    const addReference = (text, resolved, line, extra = {}) => {
        const key = extra.identifier ?? resolved.parts.join('.');
        if (!references.has(key)) references.set(key, { text, ...resolved, line, identifier: key, ...extra });
        return key;
    };
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (token.kind === 'comment') {
            // sformula does not read comments; blank them out line for line.
            out.push(token.text.replace(/[^\n]/g, ' '));
            continue;
        }
        if (token.kind !== 'name') {
            out.push(token.text);
            continue;
        }
        const next = significant(tokens, i + 1);
        const upper = token.text.toUpperCase();
        if (next !== -1 && tokens[next].text === '(') {
            if (upper in SAVE_FUNCTIONS) {
                const span = saveFunction(schema, entry, tokens, i, next, upper, problems, addReference);
                if (!span) return result;
                out.push(span.identifier + '\n'.repeat(span.newlines));
                i = span.end;
                continue;
            }
            if (upper === 'TODAY' || upper === 'NOW' || upper === 'TIMENOW') result.usesClock = true;
            if (upper === 'ISPICKVAL') {
                const problem = pickvalProblem(schema, entry, tokens, next);
                if (problem) problems.push(problem);
            }
            if (!isBuiltin(upper) && !(upper in EXTRA_FUNCTIONS)) {
                if (NOT_EVALUABLE.has(upper)) {
                    result.evaluable = false;
                } else {
                    problems.push({ line: token.line, message: `unknown function ${token.text}()` });
                }
            }
            out.push(upper);
            continue;
        }
        if (upper === 'TRUE' || upper === 'FALSE' || upper === 'NULL') {
            out.push(upper);
            continue;
        }
        const resolved = resolveReference(schema, entry.object, token.text);
        if (resolved.error) {
            problems.push({ line: token.line, message: resolved.error });
            continue;
        }
        const restricted = entry.kind === 'formulaField' && formulaFieldCannotReference(resolved.field);
        if (restricted) {
            problems.push({
                line: token.line,
                message: `field ${resolved.object}.${resolved.field.name} is ${restricted}: a formula field cannot reference it (a validation rule can)`
            });
            continue;
        }
        out.push(addReference(token.text, resolved, token.line));
    }
    result.references = [...references.values()];
    if (problems.length || !result.evaluable) return result;

    const rewritten = out.join('');
    result.rewritten = rewritten;
    const inputTypes = {};
    for (const reference of result.references) {
        const type = reference.type === 'id' ? { type: 'id' } : { type: reference.type };
        if (reference.kind === 'save') inputTypes[reference.identifier] = type;
        else setPath(inputTypes, reference.parts, type, objectType);
    }
    for (const [name, extra] of Object.entries(EXTRA_FUNCTIONS)) inputTypes[name] = extra.type;
    const options = { inputTypes, blankAsZero: entry.blankAsZero };
    let calculated;
    try {
        calculated = parseSync(rewritten, options).compiled.calculatedType;
    } catch (error) {
        problems.push({ line: error.location?.start.line ?? 1, message: readableTypeMessage(error, rewritten) });
        return result;
    }
    if (entry.returnType && !castable(calculated, entry.returnType)) {
        const what =
            entry.kind === 'validationRule'
                ? 'a validation rule must return a Checkbox (true/false)'
                : `the field is ${typeLabel(entry.returnType)}`;
        problems.push({ line: 1, message: `returns ${typeLabel(calculated)}, but ${what}` });
        return result;
    }
    result.compiled = parseSync(rewritten, { ...options, returnType: entry.returnType, scale: entry.scale });
    return result;
}

/**
 * ISPICKVAL(field, "value") with a value the field's own value set lacks: always false, so almost certainly a
 * typo ("Actve"). Only literal values of local value sets are checked; standard picklists are org-defined.
 */
function pickvalProblem(schema, entry, tokens, open) {
    const at = [significant(tokens, open + 1)];
    at.push(at[0] === -1 ? -1 : significant(tokens, at[0] + 1));
    at.push(at[1] === -1 ? -1 : significant(tokens, at[1] + 1));
    const [name, comma, literal] = at.map((index) => tokens[index]);
    if (name?.kind !== 'name' || comma?.text !== ',' || literal?.kind !== 'string') return undefined;
    const resolved = resolveReference(schema, entry.object, name.text);
    const values = localPicklistValues(resolved.field);
    const value = literal.text.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!values.length || values.includes(value)) return undefined;
    return {
        line: literal.line,
        message: `${JSON.stringify(value)} is not a value of picklist ${resolved.object}.${resolved.field.name} (values: ${values.join(', ')})`
    };
}

/** ISCHANGED(field), PRIORVALUE(field), ISNEW(), ISCLONE(): replaced by one identifier the scenario binds. */
function saveFunction(schema, entry, tokens, at, open, name, problems, addReference) {
    const token = tokens[at];
    if (entry.kind !== 'validationRule') {
        problems.push({
            line: token.line,
            message: `${name}() can only be used in validation rules, not in a ${entry.kindLabel}`
        });
        return undefined;
    }
    const argCount = SAVE_FUNCTIONS[name];
    let cursor = significant(tokens, open + 1);
    let argument;
    if (argCount === 1) {
        argument = tokens[cursor];
        if (!argument || argument.kind !== 'name') {
            problems.push({ line: token.line, message: `${name}() takes a field name at line ${token.line}` });
            return undefined;
        }
        cursor = significant(tokens, cursor + 1);
    }
    const close = tokens[cursor];
    if (!close || close.text !== ')') {
        problems.push({
            line: token.line,
            message: `${name}() takes ${argCount ? 'one field' : 'no arguments'} at line ${token.line}`
        });
        return undefined;
    }
    const newlines = tokens.slice(at, cursor + 1).reduce((sum, t) => sum + t.text.split('\n').length - 1, 0);
    if (!argument) {
        const identifier = `__${name}`;
        addReference(`${name}()`, { parts: [identifier], type: 'boolean', kind: 'save' }, token.line, {
            identifier,
            save: name
        });
        return { identifier, end: cursor, newlines };
    }
    const resolved = resolveReference(schema, entry.object, argument.text);
    if (resolved.error) {
        problems.push({ line: argument.line, message: resolved.error });
        return undefined;
    }
    if (resolved.parts.length !== 1) {
        problems.push({
            line: argument.line,
            message: `${name}() needs a field of ${entry.object} itself, not ${argument.text}`
        });
        return undefined;
    }
    const identifier = `__${name}__${resolved.parts[0]}`;
    const type = name === 'ISCHANGED' ? 'boolean' : resolved.type;
    addReference(`${name}(${resolved.parts[0]})`, { parts: resolved.parts, type, kind: 'save' }, token.line, {
        identifier,
        save: name,
        field: resolved.parts[0],
        fieldType: resolved.type
    });
    return { identifier, end: cursor, newlines };
}

// ---------------------------------------------------------------------------------------------------------------
// The project's formulas.

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

// ---------------------------------------------------------------------------------------------------------------
// Scenarios.

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

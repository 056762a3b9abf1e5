// Analysis: one formula, from text to a compiled sformula formula or a list of problems: syntax, references
// against the schema, the save functions validation rules alone may use, ISPICKVAL values, and sformula's static
// type check (a validation rule must return a checkbox, a formula field its field's type).
import { parseSync } from 'sformula';
import { formulaFieldCannotReference, localPicklistValues, typeLabel } from '../formula-types.mjs';
import { EXTRA_FUNCTIONS, NOT_EVALUABLE, SAVE_FUNCTIONS, isBuiltin } from './functions.mjs';
import { tokenize, significant } from './tokens.mjs';
import { objectType, resolveReference, setPath } from './references.mjs';

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

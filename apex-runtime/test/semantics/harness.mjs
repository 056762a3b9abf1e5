// The table runner of the Apex semantics suite. Each row is one Apex expression (or a few statements and the
// expression to read after them) with the answer the Salesforce documentation gives, and the page that gives it.
// The runtime is judged against the platform: a row never takes its expected value from our own code.
//
// Row shapes:
//   { apex: '1 + 2', expected: '3', doc }                         rt.toString(rt.evaluate(apex))
//   { code: 'Integer i = 1; i++;', value: 'i', expected, doc }    runs `code`, then reads `value` (see Probe.cls)
//   { apex | code, throws: 'System.MathException', message?, doc }  the uncaught Apex exception's type and message
//   note: set when the docs do not state the answer outright (platform behaviour, named as such)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';

const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(HERE, 'fixtures');
const INTERPRETER = resolve(HERE, '..', '..', 'interpreter', 'index.mjs');
const ERRORS = resolve(HERE, '..', '..', 'interpreter', 'errors.mjs');

// The interpreter is written in parallel with this suite: without it every test must fail and say why, never pass
// silently and never vanish from the count.
let interpreter = null;
let errors = null;
let unavailable = null;
if (!existsSync(INTERPRETER)) {
    unavailable = new Error(
        `the Apex interpreter is missing: ${INTERPRETER} does not exist yet, so no Apex semantics can be checked`
    );
} else {
    try {
        interpreter = await import(pathToFileURL(INTERPRETER).href);
        errors = await import(pathToFileURL(ERRORS).href);
        if (typeof interpreter.loadProgram !== 'function') throw new Error('it does not export loadProgram');
    } catch (error) {
        unavailable = new Error(`the Apex interpreter failed to load (${INTERPRETER}): ${error?.stack ?? error}`);
    }
}

const programs = new Map();

/** The program of the fixture folders `common` plus `topics` (each a folder with a classes/ directory). */
export function program(topics = []) {
    if (unavailable) throw unavailable;
    const folders = ['common', ...topics];
    const key = folders.join('+');
    if (!programs.has(key)) {
        programs.set(
            key,
            interpreter.loadProgram({ root: FIXTURES, directories: folders.map((folder) => join(FIXTURES, folder)) })
        );
    }
    return programs.get(key);
}

// Apex always runs in an org: rows that build standard records (new Account(...)) need its schema. One empty
// embedded org of the project serves every row; no row saves anything.
const { createOrg } = await import(pathToFileURL(resolve(HERE, '..', '..', '..', 'preview', 'org', 'org.mjs')).href);
let org = null;

/** A fresh Apex transaction (its own static variables) over the fixture classes of `topics`. */
export function transaction(topics = []) {
    org ??= createOrg({ root: resolve(HERE, '..', '..', '..') });
    return program(topics).transaction({ org, userId: org.currentUserId, isTest: true });
}

/** Exception.getTypeName() and getMessage() of an uncaught Apex exception. */
function describeThrow(rt, error) {
    const typeName = error.typeName ?? safeCall(rt, error.exception, 'getTypeName');
    const message = error.apexMessage !== undefined ? error.apexMessage : safeCall(rt, error.exception, 'getMessage');
    return { thrown: typeName, message };
}

function safeCall(rt, value, method) {
    try {
        return rt.call(value, method, []);
    } catch {
        return undefined;
    }
}

/** Runs one row in `rt`: `{ value }` (String.valueOf of the result) or `{ thrown, message }`. */
export function outcome(rt, row) {
    try {
        let value;
        if (row.code !== undefined) {
            // Locals of anonymous Apex die with it: the value to check is parked in a static of Probe.
            rt.runAnonymous(`${row.code}\nProbe.result = ${row.value ?? 'null'};`);
            value = rt.evaluate('Probe.result');
        } else {
            value = rt.evaluate(row.apex);
        }
        return { value: rt.toString(value) };
    } catch (error) {
        if (errors && error instanceof errors.ApexThrow) return describeThrow(rt, error);
        throw error;
    }
}

class Collect extends ApexErrorListener {
    errors = [];
    apexSyntaxError(line, column, message) {
        this.errors.push(`${line}:${column} ${message}`);
    }
}

/** Syntax errors of `source` parsed with the apex-parser rule `rule` (a row that does not parse is a test bug). */
export function syntaxErrors(source, rule) {
    const listener = new Collect();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    parser[rule]();
    return listener.errors;
}

/** The anonymous Apex a row amounts to, for the syntax check. */
const rowSource = (row) =>
    row.code !== undefined ? `${row.code}\nProbe.result = ${row.value ?? 'null'};` : `Object x = ${row.apex};`;

const rowName = (row) => {
    const apex = row.code !== undefined ? `${row.code} => ${row.value ?? ''}` : row.apex;
    const want = 'throws' in row ? `throws ${row.throws}${row.message ? `: ${row.message}` : ''}` : row.expected;
    return `${apex}  ==  ${want}`;
};

/**
 * A describe() block with one test per row. `topics`: the fixture folders the rows need. Every row must cite the
 * documentation it comes from (`doc`), so a failure reads as "the runtime disagrees with <page>".
 */
export function table(title, topics, rows) {
    describe(title, () => {
        for (const row of rows) {
            if (!row.doc) throw new Error(`semantics row without a documentation source: ${rowName(row)}`);
            if (!('expected' in row) && !('throws' in row)) throw new Error(`row expects nothing: ${rowName(row)}`);
            it(row.name ?? rowName(row), () => {
                const syntax = syntaxErrors(rowSource(row), 'anonymousUnit');
                assert.deepEqual(syntax, [], `test bug: the row is not valid Apex\n${rowSource(row)}`);
                const rt = transaction(topics);
                const got = outcome(rt, row);
                const source = `\n  documented in: ${row.doc}${row.note ? `\n  note: ${row.note}` : ''}`;
                if ('throws' in row) {
                    assert.ok(got.thrown, `expected ${row.throws} to be thrown, got the value ${got.value}${source}`);
                    assert.equal(got.thrown, row.throws, `exception type${source}`);
                    if (row.message !== undefined) assert.equal(got.message, row.message, `exception message${source}`);
                } else {
                    assert.equal(got.thrown, undefined, `unexpected ${got.thrown}: ${got.message}${source}`);
                    assert.equal(got.value, row.expected, source);
                }
            });
        }
    });
}

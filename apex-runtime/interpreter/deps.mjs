// The interpreter's view of the other parts of the runtime (../CONTRACT.md): values (operators, collections,
// SObjects, JSON), SOQL and the platform. They are written at the same time as the interpreter; while a module
// does not exist yet, the minimal stand-in in ./stand-ins.mjs takes its place so that the language itself can be
// tested. A module that exists but fails to load is an error, never replaced.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as standIns from './stand-ins.mjs';

const missing = new Set();

async function load(relative) {
    const url = new URL(relative, import.meta.url);
    try {
        return await import(url);
    } catch (error) {
        if (error?.code === 'ERR_MODULE_NOT_FOUND' && error.message.includes(fileURLToPath(url))) {
            missing.add(relative);
            return null;
        }
        throw error;
    }
}

const operators = (await load('../values/operators.mjs')) ?? standIns.operators;
const collections = (await load('../values/collections.mjs')) ?? standIns.collections;
const sobjects = (await load('../values/sobject.mjs')) ?? standIns.sobjects;
const json = (await load('../values/json.mjs')) ?? standIns.json;
const soql = (await load('../soql/index.mjs')) ?? standIns.soql;
// The native classes register themselves when their modules load. Until a part has an index.mjs that loads them
// all, load each of its modules that calls defineNative.
async function loadNatives(folder) {
    if (await load(`../${folder}/index.mjs`)) return;
    const dir = fileURLToPath(new URL(`../${folder}/`, import.meta.url));
    let names = [];
    try {
        names = readdirSync(dir).filter((name) => name.endsWith('.mjs'));
    } catch {
        return;
    }
    for (const name of names.sort()) {
        if (readFileSync(dir + name, 'utf8').includes('defineNative(')) await load(`../${folder}/${name}`);
    }
}
await loadNatives('values');
await loadNatives('platform');
const platform = (await load('../platform/index.mjs')) ?? standIns.platform;
standIns.registerNatives();

/** Which modules were replaced by stand-ins (for the report and for tests that need the real thing). */
export const standInModules = [...missing];

export const { binary, unary, equals, exactEquals, toApexString, coerce, typeOf, isInstanceOf } = operators;
export const hashCode = operators.hashCode ?? null;
export const compare = operators.compare ?? null;
export const { ApexList, ApexSet, ApexMap } = collections;
export const { ApexSObject } = sobjects;
export const { deserializeTyped, toAuraValue } = json;
export const { compileSoql, executeSoql } = soql;
export const dml = platform.dml ?? standIns.platform.dml;
export const runAs = platform.runAs ?? standIns.platform.runAs;
export const sobjectStaticProperty = platform.sobjectStaticProperty ?? standIns.platform.sobjectStaticProperty;
export const sobjectStaticMethod = platform.sobjectStaticMethod ?? standIns.platform.sobjectStaticMethod;
export const dmlFieldTokens = platform.dmlFieldTokens ?? standIns.platform.dmlFieldTokens;

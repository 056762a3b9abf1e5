// The runtime of one Apex transaction, `rt` (../README.md, "Natives receive rt"): static state, the call stack,
// governor limit counters, exceptions, and the entry points (callStatic, runTrigger, runAnonymous, evaluate,
// callAura).
import { ApexDate, ApexDatetime, ApexEnumValue, ApexObject } from '../values/values.mjs';
import { DAY_MS } from '../values/dates.mjs';
import { typeName } from '../values/types.mjs';
import { ApexCompileError, ApexThrow, UnsupportedError } from './errors.mjs';
import { Frame } from './frame.mjs';
import { ClassModel } from './model.mjs';
import { execBody } from './statements.mjs';
import { callValueMethod, ensureStatics, instantiate, invoke, methodsOf, selectOverload } from './calls.mjs';
import { findClass, resolveType } from './names.mjs';
import { newException, throwable } from './exceptions.mjs';
import { nativeClass } from './natives.mjs';
import { Converter } from './ast-code.mjs';
import { parseApex } from './parse.mjs';
import {
    binary,
    coerce,
    compare as valueCompare,
    hashCode as valueHashCode,
    deserializeTyped,
    equals as apexEquals,
    isInstanceOf as valueIsInstanceOf,
    toApexString,
    toAuraValue,
    typeOf as valueTypeOf
} from './deps.mjs';

// Apex Developer Guide, "Execution Governors and Limits": the LimitException message of each counted limit; the
// maxima are the transaction's (rt.limitMax): SYNC_LIMITS, or ASYNC_LIMITS in asynchronous Apex.
const LIMIT_MESSAGES = {
    queries: 'Too many SOQL queries',
    queryRows: 'Too many query rows',
    dmlStatements: 'Too many DML statements',
    dmlRows: 'Too many DML rows',
    // EventBus.publish of Publish Immediately events (Winter '21 release notes, "Make Apex Callouts After Publishing
    // Platform Event Messages": "a new, separate publishing limit of 150 EventBus.publish() calls"; wording of the
    // exception reconstructed).
    publishImmediateDml: 'Too many publish immediate DML'
};
// "Execution Governors and Limits", Per-Transaction Apex Limits: synchronous 100 SOQL queries, 50,000 query rows,
// 150 DML statements, 10,000 DML rows, 10,000 ms of CPU; the asynchronous column: "Total number of SOQL queries
// issued" 200, CPU time 60,000 ms; query rows, DML statements and DML rows are the same as synchronous.
export const SYNC_LIMITS = {
    queries: 100,
    queryRows: 50000,
    dmlStatements: 150,
    dmlRows: 10000,
    cpuTime: 10000,
    publishImmediateDml: 150
};
export const ASYNC_LIMITS = { ...SYNC_LIMITS, queries: 200, cpuTime: 60000 };
const CONVERTED = new Set(['Long', 'Decimal', 'Double', 'Id']);
const WIDENING = {
    Integer: ['Long', 'Decimal', 'Double'],
    Long: ['Decimal', 'Double'],
    Double: ['Decimal'],
    Decimal: ['Double']
};

let nextHash = 1;
const hashes = new WeakMap();

export class Runtime {
    constructor(program, { org = null, userId = null, isTest = false, async = false } = {}) {
        this.program = program;
        this.org = org;
        this.userId = userId ?? org?.currentUserId ?? null;
        this.isTest = isTest;
        // The maxima of this limit context: an asynchronous transaction (batch, scheduled job) has its own.
        this.limitMax = async ? ASYNC_LIMITS : SYNC_LIMITS;
        this.services = { startedAt: performance.now() };
        this.statics = new Map();
        this.stack = [];
        this.limits = { queries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0, publishImmediateDml: 0 };
    }

    // ---- call stack --------------------------------------------------------------------------------------

    push(frame) {
        this.stack.push(frame);
    }

    pop() {
        this.stack.pop();
    }

    currentSharing() {
        return this.stack.length ? this.stack[this.stack.length - 1].sharing : null;
    }

    /** True when the executing code enforces sharing. */
    get sharing() {
        return this.currentSharing() ?? false;
    }

    /** The Apex stack, innermost first: [{ className, method, line, file }]. */
    stackFrames() {
        const frames = [];
        for (let i = this.stack.length - 1; i >= 0; i--) {
            const frame = this.stack[i];
            frames.push({
                className: frame.cls?.name ?? 'AnonymousBlock',
                method: frame.method,
                line: frame.line,
                file: frame.file
            });
        }
        return frames;
    }

    get line() {
        return this.stack[this.stack.length - 1]?.line ?? null;
    }

    get file() {
        return this.stack[this.stack.length - 1]?.file ?? null;
    }

    // ---- errors ------------------------------------------------------------------------------------------

    /** Throws the Apex exception `typeName` ('System.DmlException' or 'DmlException'); never returns. */
    throw(typeName, message, props = null) {
        const cls = this.exceptionClass(typeName);
        throw throwable(newException(cls, this, { message, props }), this);
    }

    exceptionClass(typeName) {
        const cls = findClass(this.program, typeName, null);
        if (cls?.isException) return cls;
        // An exception class a native module defines (defineNative with extends: 'Exception').
        const native = nativeClass(typeName);
        if (native?.extends) return this.program.nativeException(native);
        throw new Error(`rt.throw: unknown exception type ${typeName}`);
    }

    unsupported(what) {
        throw new UnsupportedError(what, this.file, this.line);
    }

    /** Code the platform would not have compiled (unknown variable, no such method...). */
    compileError(message, line = this.line) {
        throw new ApexCompileError(message, this.file, line);
    }

    // ---- limits ------------------------------------------------------------------------------------------

    checkLimit(name, add = 1) {
        const message = LIMIT_MESSAGES[name];
        if (!message) throw new Error(`rt.checkLimit: unknown limit ${name}`);
        this.limits[name] += add;
        if (this.limits[name] > this.limitMax[name])
            this.throw('System.LimitException', `${message}: ${this.limits[name]}`);
    }

    /** Test.startTest: a fresh set of limits ("Understanding Testing in Apex"). */
    resetLimits() {
        this.limits = { queries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0, publishImmediateDml: 0 };
    }

    // ---- values ------------------------------------------------------------------------------------------

    call(value, method, args = []) {
        if (value === null) this.throw('System.NullPointerException', 'Attempt to de-reference a null object');
        return callValueMethod(this, value, method.toLowerCase(), args, this.line);
    }

    userMethod(object, lname, arity) {
        if (!(object instanceof ApexObject) || object.cls.builtin) return undefined;
        return methodsOf(object.cls, lname).find((m) => !m.isStatic && m.params.length === arity);
    }

    /** Apex equality: a user class's own equals(Object) when it declares one ("Using Custom Types in Map Keys"). */
    equals(a, b) {
        if (a instanceof ApexObject) {
            const method = this.userMethod(a, 'equals', 1);
            if (method) return invoke(this, method, a, [b], this.line) === true;
            return a === b;
        }
        if (b instanceof ApexObject) return false;
        return apexEquals(a, b, this);
    }

    hashCode(value) {
        if (value instanceof ApexObject) {
            const method = this.userMethod(value, 'hashcode', 0);
            return method ? invoke(this, method, value, [], this.line) : this.identityHash(value);
        }
        if (valueHashCode) return valueHashCode(value, this);
        if (value instanceof ApexEnumValue) return value.ordinal;
        const text = value === null ? '' : this.toString(value).toLowerCase();
        let hash = 0;
        for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
        return hash;
    }

    identityHash(object) {
        if (!hashes.has(object)) hashes.set(object, nextHash++);
        return hashes.get(object);
    }

    /** Ordering for List.sort: Comparable.compareTo for user objects, else the values' natural order. */
    compare(a, b) {
        if (valueCompare) return valueCompare(a, b, this);
        if (a instanceof ApexObject) return this.call(a, 'compareTo', [b]);
        if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
        if (this.equals(a, b)) return 0;
        return binary('<', a, b, this) ? -1 : 1;
    }

    /** String.valueOf. */
    toString(value) {
        if (value instanceof ApexObject) {
            if (value.exc) return `${value.cls.typeName}: ${value.exc.message}`;
            const method = this.userMethod(value, 'tostring', 0);
            if (method) return invoke(this, method, value, [], this.line);
            // What String.valueOf / System.debug print for an object: Name:[field=value, ...].
            const fields = [...value.fields.entries()].map(
                ([key, v]) => `${value.cls.findField(key)?.name ?? key}=${this.toString(v)}`
            );
            return `${value.cls.name}:[${fields.join(', ')}]`;
        }
        if (value instanceof ApexEnumValue && value.enumType instanceof ClassModel) return value.name;
        return toApexString(value, this);
    }

    typeOf(value) {
        if (value instanceof ApexObject) return { name: value.cls.name };
        if (value instanceof ApexEnumValue && value.enumType instanceof ClassModel)
            return { name: value.enumType.name };
        return valueTypeOf(value);
    }

    isInstanceOf(value, type) {
        if (value === null || value === undefined) return false;
        const lname = type.name.toLowerCase().replace(/^system\./, '');
        if (value instanceof ApexObject) {
            if (lname === 'object') return true;
            const cls = findClass(this.program, type.name, null);
            if (cls) return value.cls.isSubclassOf(cls);
            return value.cls.implementsNative(lname);
        }
        if (value instanceof ApexEnumValue && value.enumType instanceof ClassModel) {
            return lname === 'object' || value.enumType.lname === lname;
        }
        return valueIsInstanceOf(value, type, this);
    }

    /** Is user class `className` `typeName` or a subtype of it (for the values part's isInstanceOf). */
    isSubtype(className, typeName) {
        const cls = findClass(this.program, className, null);
        const target = findClass(this.program, typeName, null);
        if (!cls) return false;
        return target
            ? cls.isSubclassOf(target)
            : cls.implementsNative(typeName.toLowerCase().replace(/^system\./, ''));
    }

    /** The assignment conversion to a declared type (numeric widening, Id validation). */
    convert(value, type) {
        if (value === null || value === undefined) return null;
        if (!type || !CONVERTED.has(type.name)) return value;
        return coerce(value, type, this);
    }

    coerce(value, type) {
        return value === null || value === undefined ? null : coerce(value, type, this);
    }

    /** A cast `(T) value`: checked at run time (Apex Developer Guide, "Classes and Casting"). */
    cast(value, type) {
        if (value === null) return null;
        if (this.isInstanceOf(value, type)) return this.convert(value, type);
        const actual = this.typeOf(value);
        if (WIDENING[actual?.name]?.includes(type.name) || (type.name === 'Id' && typeof value === 'string')) {
            return coerce(value, type, this);
        }
        return this.throw(
            'System.TypeException',
            `Invalid conversion from runtime type ${typeName(actual)} to ${typeName(type)}`
        );
    }

    /** 'List<Plan_Milestone__c>' -> descriptor (Type.forName, JSON.deserialize). */
    resolveType(text) {
        const converter = new Converter('<type>', { executable: new Set(), covered: new Set() });
        return resolveType(this, converter.type(parseApex(text, 'typeRef', '<type>')), null);
    }

    /** The model of a user class for JSON and Type: fields (inherited first) and enum values. */
    classInfo(name) {
        const cls = findClass(this.program, name, null);
        if (!cls) return undefined;
        const chain = [...cls.chain()].reverse().filter((c) => !c.builtin);
        return {
            name: cls.name,
            isEnum: cls.isEnum,
            isInterface: cls.isInterface,
            isAbstract: cls.isAbstract,
            values: cls.isEnum ? [...cls.enumValues] : undefined,
            fields: chain.flatMap((c) =>
                [...c.fields.values()].map((field) => ({
                    name: field.name,
                    type: resolveType(this, field.type, c),
                    isStatic: field.isStatic,
                    isTransient: field.isTransient,
                    isProperty: Boolean(field.prop),
                    // What an @AuraEnabled method's return shows of the object (toAuraValue).
                    isAuraEnabled: field.annotations?.has('auraenabled') === true
                }))
            )
        };
    }

    newInstance(type) {
        const cls = findClass(this.program, type.name ?? type, null);
        if (!cls) this.throw('System.TypeException', `Type cannot be constructed: ${type.name ?? type}`);
        return instantiate(this, cls, [], this.line);
    }

    today() {
        const iso = this.org?.today ?? new Date().toISOString().slice(0, 10);
        return new ApexDate(Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS));
    }

    now() {
        const iso = this.org?.now?.() ?? new Date().toISOString();
        return new ApexDatetime(Date.parse(iso));
    }

    // ---- entry points ------------------------------------------------------------------------------------

    /** Calls a static method (any visibility: the test runner calls private test methods this way). */
    callStatic(className, methodName, args = []) {
        const cls = findClass(this.program, className, null);
        if (!cls) throw new ApexCompileError(`Class not found: ${className}`);
        const method = selectOverload(this, methodsOf(cls, methodName.toLowerCase(), { staticOnly: true }), args);
        if (!method)
            throw new ApexCompileError(`No static method ${className}.${methodName}(${args.length} arguments)`);
        ensureStatics(this, method.cls);
        return invoke(this, method, null, args, null);
    }

    /**
     * Runs a trigger's body. `context` (optional) is kept in rt.services.triggerContext while it runs; the platform
     * binds Trigger.* from rt.services. Triggers run in system context without sharing ("Use the with sharing...":
     * triggers have no sharing keyword).
     */
    runTrigger(triggerName, context) {
        const trigger = this.program.triggers.get(triggerName.toLowerCase());
        if (!trigger) throw new ApexCompileError(`Trigger not found: ${triggerName}`);
        const previous = this.services.triggerContext;
        if (context !== undefined) this.services.triggerContext = context;
        const frame = new Frame(this, trigger.cls, null, 'trigger', false, trigger.file);
        this.push(frame);
        try {
            execBody(trigger.body, frame);
        } finally {
            this.pop();
            this.services.triggerContext = previous;
        }
    }

    /**
     * Anonymous Apex ("Anonymous Blocks": runs as the current user with their sharing rules). Returns the value of
     * a top-level `return` (used by evaluate), else null.
     */
    runAnonymous(code) {
        const unit = this.program.anonymous(code);
        const frame = new Frame(this, unit.cls, null, 'execute_anonymous_apex', true, unit.cls.file);
        frame.returnType = null;
        this.push(frame);
        try {
            execBody(unit.body, frame);
        } finally {
            this.pop();
        }
        return frame.ret;
    }

    /** The value of one expression, evaluated as anonymous Apex. */
    evaluate(expressionText) {
        return this.runAnonymous(`return ${expressionText};`);
    }

    /**
     * Calls an @AuraEnabled static method the way a Lightning component does: params by parameter name, JSON-like,
     * converted to the declared types; `cacheable=true` methods run with rt.services.cacheable set.
     */
    callAura(className, methodName, params = {}) {
        const cls = findClass(this.program, className, null);
        if (!cls) throw new ApexCompileError(`Class not found: ${className}`);
        const method = methodsOf(cls, methodName.toLowerCase(), { staticOnly: true }).find((m) =>
            m.hasAnnotation('AuraEnabled')
        );
        if (!method) throw new ApexCompileError(`No @AuraEnabled static method ${className}.${methodName}`);
        const byName = new Map(Object.entries(params ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const args = method.params.map((p) => {
            const json = byName.has(p.lname) ? byName.get(p.lname) : null;
            return json === null || json === undefined
                ? null
                : deserializeTyped(json, resolveType(this, p.type, cls), this);
        });
        const cacheable = method.annotations.get('auraenabled')?.params?.cacheable === true;
        const previous = this.services.cacheable;
        if (cacheable) this.services.cacheable = true;
        try {
            ensureStatics(this, method.cls);
            return toAuraValue(invoke(this, method, null, args, null), this);
        } finally {
            this.services.cacheable = previous;
        }
    }
}

export { ApexThrow };

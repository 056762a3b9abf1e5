// Running Apex code units: static initialisation per transaction, object construction, method and property
// invocation, overload resolution and virtual dispatch.
import { ApexEnumValue, ApexObject } from '../values/values.mjs';
import { Frame } from './frame.mjs';
import { execBody } from './statements.mjs';
import { evalExpr, evalForType } from './expressions.mjs';
import { resolveType } from './names.mjs';
import { EXCEPTION_METHODS, applyStandardConstructor, newException } from './exceptions.mjs';
import { nativeClass, nativeClassOf } from './natives.mjs';
import { isValidId as isIdText } from '../values/ids.mjs';

// Apex Developer Guide, "Execution Governors and Limits": maximum stack depth is 1,000.
const MAX_DEPTH = 1000;

/**
 * The sharing mode of code in `cls` called from code running with `callerSharing` (Apex Developer Guide, "Use
 * the with sharing, without sharing, and inherited sharing Keywords": the mode of the class where a method is
 * defined applies; `inherited sharing` takes the caller's; a class without a keyword runs in the caller's mode, and
 * with sharing when nothing calls it; inner classes do not inherit their container's keyword).
 */
export function sharingFor(cls, callerSharing) {
    for (let c = cls; c; c = c.superclass) {
        // A subclass without a keyword takes its superclass's.
        if (c.sharing === 'with') return true;
        if (c.sharing === 'without') return false;
        if (c.sharing === 'inherited') break;
    }
    return callerSharing ?? true;
}

/** Runs a class's static initialisation once per transaction ("Static and Instance Methods, Variables, and
 * Initialization Code": static variables are static only within the scope of the transaction). */
export function ensureStatics(rt, cls) {
    if (rt.statics.has(cls)) return rt.statics.get(cls);
    if (cls.superclass) ensureStatics(rt, cls.superclass);
    const values = new Map();
    rt.statics.set(cls, values);
    for (const field of cls.fields.values()) if (field.isStatic) values.set(field.lname, null);
    if (!cls.staticInits.length) return values;
    runInits(rt, cls, cls.staticInits, new Frame(rt, cls, null, '<clinit>', sharingFor(cls, null), cls.file), values);
    return values;
}

function runInstanceInits(rt, cls, object) {
    if (!cls.instanceInits.length) return;
    const frame = new Frame(rt, cls, object, '<init>', sharingFor(cls, rt.currentSharing()), cls.file);
    runInits(rt, cls, cls.instanceInits, frame, object.fields);
}

/** Initialiser blocks and field initialisers, in source order, storing field values into `store`. */
function runInits(rt, cls, inits, frame, store) {
    rt.push(frame);
    try {
        for (const init of inits) {
            if (init.block) execBody(init.block, frame);
            else if (init.field.init) {
                frame.line = init.field.line;
                init.field.cov.covered.add(init.field.line);
                const type = resolveType(rt, init.field.type, cls);
                store.set(init.field.lname, evalForType(init.field.init, type, frame));
            }
        }
    } finally {
        rt.pop();
    }
}

// ---- fields and properties ---------------------------------------------------------------------------------

export function readStatic(rt, field, frame) {
    const values = ensureStatics(rt, field.owner);
    if (field.prop?.getter?.body && !(frame?.accessor === field && frame.self === null)) {
        return runAccessor(rt, field, null, field.prop.getter.body, 'get', undefined);
    }
    return values.get(field.lname);
}

export function writeStatic(rt, field, value, frame) {
    const values = ensureStatics(rt, field.owner);
    const converted = rt.convert(value, resolveType(rt, field.type, field.owner));
    if (field.prop?.setter?.body && !(frame?.accessor === field && frame.self === null)) {
        runAccessor(rt, field, null, field.prop.setter.body, 'set', converted);
        return converted;
    }
    values.set(field.lname, converted);
    return converted;
}

export function readField(rt, object, field, frame) {
    if (field.isStatic) return readStatic(rt, field, frame);
    if (field.prop?.getter?.body && !(frame?.accessor === field && frame.self === object)) {
        return runAccessor(rt, field, object, field.prop.getter.body, 'get', undefined);
    }
    return object.fields.get(field.lname) ?? null;
}

export function writeField(rt, object, field, value, frame) {
    if (field.isStatic) return writeStatic(rt, field, value, frame);
    const converted = rt.convert(value, resolveType(rt, field.type, field.owner));
    if (field.prop?.setter?.body && !(frame?.accessor === field && frame.self === object)) {
        runAccessor(rt, field, object, field.prop.setter.body, 'set', converted);
        return converted;
    }
    object.fields.set(field.lname, converted);
    return converted;
}

/** Apex Developer Guide, "Using Properties": the set accessor receives the assigned value as `value`. */
function runAccessor(rt, field, self, body, which, value) {
    const frame = new Frame(
        rt,
        field.owner,
        self,
        `${field.name}.${which}`,
        sharingFor(field.owner, rt.currentSharing()),
        field.owner.file
    );
    frame.accessor = field;
    if (which === 'get') frame.returnType = resolveType(rt, field.type, field.owner);
    if (which === 'set') frame.declare('value', resolveType(rt, field.type, field.owner), value);
    rt.push(frame);
    try {
        execBody(body, frame);
        return frame.ret;
    } finally {
        rt.pop();
    }
}

// ---- overloads ---------------------------------------------------------------------------------------------

// Apex Developer Guide, "Rules of Conversion": numbers widen Integer → Long → Double → Decimal without a cast, an Id
// is always assignable to a String and a String to an Id (checked at run time); nothing else converts implicitly.
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_rules_of_conversion.htm
const WIDENING = {
    integer: ['long', 'decimal', 'double'],
    long: ['decimal', 'double'],
    double: ['decimal'],
    id: ['string'],
    string: ['id']
};

/** How well a runtime value fits a parameter type: exact 4, widening 3, subtype 2, null or Object 1, no -1. */
function fit(rt, value, type) {
    if (value === null) return 1;
    const name = type.name.toLowerCase();
    if (name === 'object') return 1;
    const actual = rt.typeOf(value)?.name?.toLowerCase();
    if (actual === name) return 4;
    if (WIDENING[actual]?.includes(name)) return 3;
    return rt.isInstanceOf(value, type) ? 2 : -1;
}

/**
 * The best candidate for these arguments (Apex resolves by count, then by type), or undefined when no method of that
 * count takes them: even the only one, as the compiler refuses a call whose argument fits no parameter.
 */
export function selectOverload(rt, candidates, args) {
    let best;
    let bestScore = -1;
    let count = 0;
    for (const method of candidates) if (method.params.length === args.length) count++;
    for (const method of candidates) {
        if (method.params.length !== args.length) continue;
        let score = 0;
        for (let i = 0; i < args.length && score >= 0; i++) {
            const s = fit(rt, args[i], resolveType(rt, method.params[i].type, method.cls));
            score = s < 0 ? -1 : score + s;
        }
        if (score > bestScore) {
            best = method;
            bestScore = score;
        }
    }
    return best;
}

/** Methods named `lname` along the class chain from `cls` (nearest first; overriding methods come first). */
export function methodsOf(cls, lname, { staticOnly = false } = {}) {
    const found = [];
    for (const c of cls.chain()) {
        for (const method of c.methods.get(lname) ?? []) if (!staticOnly || method.isStatic) found.push(method);
        // Interfaces' abstract methods need no entry: dispatch always finds the implementation.
    }
    return found;
}

// ---- invocation --------------------------------------------------------------------------------------------

/** Calls a user method with evaluated arguments. */
export function invoke(rt, method, self, args, line) {
    if (method.isAbstract || !method.body) {
        rt.compileError(`Abstract method ${method.cls.name}.${method.name} called`, line);
    }
    const frame = new Frame(
        rt,
        method.cls,
        self,
        method.name,
        sharingFor(method.cls, rt.currentSharing()),
        method.cls.file
    );
    frame.line = method.line;
    frame.returnType = method.returnType ? resolveType(rt, method.returnType, method.cls) : null;
    const params = method.params;
    for (let i = 0; i < params.length; i++) {
        const type = resolveType(rt, params[i].type, method.cls);
        frame.declare(params[i].lname, type, rt.convert(args[i], type));
    }
    if (rt.stack.length >= MAX_DEPTH)
        rt.throw('System.LimitException', `Maximum stack depth reached: ${MAX_DEPTH + 1}`);
    rt.push(frame);
    try {
        execBody(method.body, frame);
    } finally {
        rt.pop();
    }
    return method.returnType ? frame.ret : null;
}

/** Calls instance method `lname` on a user object: virtual dispatch from its runtime class. */
export function callObjectMethod(rt, object, lname, args, line, startClass = object.cls) {
    const method = selectOverload(rt, methodsOf(startClass, lname), args);
    if (method) return method.isStatic ? invoke(rt, method, null, args, line) : invoke(rt, method, object, args, line);
    if (object.exc && EXCEPTION_METHODS[lname]) return EXCEPTION_METHODS[lname](rt, object, args);
    // Object's own methods (Apex Developer Guide, "Using Custom Types in Map Keys and Sets").
    if (lname === 'equals' && args.length === 1) return object === args[0];
    if (lname === 'hashcode' && args.length === 0) return rt.identityHash(object);
    if (lname === 'tostring' && args.length === 0) return rt.toString(object);
    return rt.compileError(
        `Method does not exist or incorrect signature: ${object.cls.name}.${lname}(${args.length} arguments)`,
        line
    );
}

/** Calls a method on any value: user objects, enum values, native values (String, List, SObject...). */
export function callValueMethod(rt, value, lname, args, line) {
    if (value instanceof ApexObject) return callObjectMethod(rt, value, lname, args, line);
    if (value instanceof ApexEnumValue && !value.enumType?.native) {
        // Apex Developer Guide, "Enums": name(), ordinal(), and equals/hashCode.
        if (lname === 'name') return value.name;
        if (lname === 'ordinal') return value.ordinal;
        if (lname === 'equals') return value === args[0];
        if (lname === 'hashcode') return rt.identityHash(value);
        if (lname === 'tostring') return value.name;
    }
    const native = nativeClassOf(value);
    const method = native?.instanceMethods?.[lname];
    if (method) return method(rt, value, args);
    // Ids are strings at run time: a method String lacks (getSObjectType, to15) is the Id class's when the value
    // is a valid Id (Apex Reference, "Id Class").
    if (typeof value === 'string' && isIdText(value)) {
        const idMethod = nativeClass('Id')?.instanceMethods?.[lname];
        if (idMethod) return idMethod(rt, value, args);
    }
    return rt.unsupported(`method ${lname}() on ${rt.typeOf(value)?.name ?? 'this value'}`);
}

/** A new instance of a user class with constructor arguments. */
export function instantiate(rt, cls, args, line) {
    if (cls.isInterface || cls.isAbstract)
        rt.compileError(`Abstract classes cannot be instantiated: ${cls.name}`, line);
    if (cls.isEnum) rt.compileError(`Enums cannot be instantiated: ${cls.name}`, line);
    ensureStatics(rt, cls);
    const object = cls.isException ? newException(cls, rt) : new ApexObject(cls);
    for (const c of cls.chain())
        for (const field of c.fields.values()) if (!field.isStatic) object.fields.set(field.lname, null);
    construct(rt, cls, object, args, line);
    return object;
}

/** Runs the constructor of `cls` chosen by `args` on `object`, chaining to this(...) / super(...). */
function construct(rt, cls, object, args, line) {
    if (cls.builtin) {
        // Exception and its built-in subclasses: the standard constructors.
        applyStandardConstructor(object, args, rt);
        return;
    }
    if (!cls.ctors.length) {
        if (args.length && cls.isException) {
            construct(rt, cls.superclass, object, args, line);
            runInstanceInits(rt, cls, object);
            return;
        }
        if (args.length) rt.compileError(`Constructor not defined: ${cls.name}(${args.length} arguments)`, line);
        if (cls.superclass) construct(rt, cls.superclass, object, [], line);
        runInstanceInits(rt, cls, object);
        return;
    }
    const ctor = selectOverload(rt, cls.ctors, args);
    if (!ctor) {
        if (cls.isException && args.length <= 2) {
            construct(rt, cls.superclass, object, args, line);
            runInstanceInits(rt, cls, object);
            return;
        }
        rt.compileError(`Constructor not defined: ${cls.name}(${args.length} arguments)`, line);
    }
    const frame = new Frame(rt, cls, object, cls.simpleName, sharingFor(cls, rt.currentSharing()), cls.file);
    frame.line = ctor.line;
    for (let i = 0; i < ctor.params.length; i++) {
        const type = resolveType(rt, ctor.params[i].type, cls);
        frame.declare(ctor.params[i].lname, type, rt.convert(args[i], type));
    }
    const body = ctor.body.body;
    const first = body[0]?.kind === 'expr' && body[0].expr.kind === 'ctorCall' ? body[0] : null;
    rt.push(frame);
    try {
        if (first) {
            frame.line = first.line;
            first.cov.covered.add(first.line);
            const chainedArgs = first.expr.args.map((a) => evalExpr(a, frame));
            if (first.expr.which === 'this') {
                construct(rt, cls, object, chainedArgs, first.line);
            } else {
                if (!cls.superclass) rt.compileError(`${cls.name} has no superclass`, first.line);
                construct(rt, cls.superclass, object, chainedArgs, first.line);
                runInstanceInits(rt, cls, object);
            }
        } else {
            if (cls.superclass) construct(rt, cls.superclass, object, [], line);
            runInstanceInits(rt, cls, object);
        }
        execBody(ctor.body, frame, first ? 1 : 0);
    } finally {
        rt.pop();
    }
}

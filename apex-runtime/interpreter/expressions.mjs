// Evaluating expressions (Apex Developer Guide, "Expressions and Operators"). Arithmetic, comparison, equality and
// conversions come from the values part (deps.mjs); this module does names, member access, calls, creation,
// assignment, safe navigation, short-circuit logic and inline SOQL.
import { ApexEnumValue, ApexObject, ApexTypeValue } from '../values/values.mjs';
import {
    ApexList,
    ApexMap,
    ApexSet,
    ApexSObject,
    binary,
    compileSoql,
    exactEquals,
    executeSoql,
    sobjectStaticMethod,
    sobjectStaticProperty,
    unary
} from './deps.mjs';
import {
    callObjectMethod,
    callValueMethod,
    ensureStatics,
    instantiate,
    invoke,
    methodsOf,
    readField,
    readStatic,
    selectOverload,
    writeField,
    writeStatic
} from './calls.mjs';
import { Converter } from './ast-code.mjs';
import { EXCEPTION_METHODS } from './exceptions.mjs';
import { TypeRef, namespaceMember, resolveType, resolveTypeRef } from './names.mjs';
import { nativeClass, nativeClassOf } from './natives.mjs';
import { objectNamed } from '../soql/objects.mjs';

/** The value a `?.` link short-circuits to: the rest of the chain is skipped and the chain's value is null. */
const SHORT = Symbol('short-circuit');

const npe = (rt) => rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');

/** A Boolean condition; null in a condition throws (Apex has no implicit null-to-false). */
export function truthy(value, f) {
    if (value === null) npe(f.rt);
    return value === true;
}

/** The elements of a List or Set (for-each, copies). */
export function iterate(value, rt) {
    if (Array.isArray(value?.items)) return value.items;
    if (typeof value?.[Symbol.iterator] === 'function') return [...value];
    if (typeof value?.values === 'function') return [...value.values()];
    return rt.unsupported(`iterating over ${rt.typeOf(value)?.name ?? 'this value'}`);
}

/** Evaluates `node` for a sink of declared `type`: a query assigned to one SObject takes its single row. */
export function evalForType(node, type, f) {
    const rt = f.rt;
    let value = evalExpr(node, f);
    if (
        node.kind === 'soql' &&
        type &&
        value instanceof ApexList &&
        !['List', 'Object', 'Integer'].includes(type.name)
    ) {
        // Apex Developer Guide, "Working with SOQL and SOSL Query Results": assigning to a single sObject.
        value = singleRow(rt, value);
    }
    return type ? rt.convert(value, type) : value;
}

function singleRow(rt, list) {
    if (list.items.length === 0) rt.throw('System.QueryException', 'List has no rows for assignment to SObject');
    if (list.items.length > 1) rt.throw('System.QueryException', 'List has more than 1 row for assignment to SObject');
    return list.items[0];
}

export function evalExpr(node, f) {
    switch (node.kind) {
        case 'lit':
            return node.value;
        case 'name':
            return evalName(node, f, false);
        case 'dot':
        case 'call':
        case 'index': {
            const value = evalChain(node, f);
            return value === SHORT ? null : value;
        }
        case 'this':
            if (!f.self) f.rt.compileError('this cannot be used in a static context', node.line);
            return f.self;
        case 'binary':
            return evalBinary(node, f);
        case 'and':
            return truthy(evalExpr(node.left, f), f) ? truthy(evalExpr(node.right, f), f) : false;
        case 'or':
            return truthy(evalExpr(node.left, f), f) ? true : truthy(evalExpr(node.right, f), f);
        case 'unary': {
            const value = evalExpr(node.expr, f);
            if (node.op === '!') return !truthy(value, f);
            return unary(node.op, value, f.rt);
        }
        case 'cond':
            return truthy(evalExpr(node.test, f), f) ? evalExpr(node.then, f) : evalExpr(node.else, f);
        case 'coalesce': {
            // Apex Developer Guide, "Null Coalescing Operator": the right side only when the left is null.
            const left = evalExpr(node.left, f);
            return left !== null ? left : evalExpr(node.right, f);
        }
        case 'assign':
            return evalAssign(node, f);
        case 'incdec':
            return evalIncDec(node, f);
        case 'new':
            return evalNew(node, f);
        case 'cast':
            return f.rt.cast(evalExpr(node.expr, f), resolveType(f.rt, node.type, f.cls));
        case 'instanceof': {
            const value = evalExpr(node.expr, f);
            return value !== null && f.rt.isInstanceOf(value, resolveType(f.rt, node.type, f.cls));
        }
        case 'classLit':
            return new ApexTypeValue(resolveType(f.rt, node.type, f.cls));
        case 'soql':
            return evalSoql(node, f);
        case 'sosl':
            return f.rt.unsupported('SOSL');
        case 'super':
            return f.rt.compileError('super must be followed by a method call', node.line);
        case 'ctorCall':
            return f.rt.compileError(`${node.which}(...) must be the first statement of a constructor`, node.line);
        default:
            return f.rt.unsupported(`expression ${node.kind}`);
    }
}

function evalBinary(node, f) {
    const rt = f.rt;
    const left = evalExpr(node.left, f);
    const right = evalExpr(node.right, f);
    switch (node.op) {
        case '==':
            return rt.equals(left, right);
        case '!=':
            return !rt.equals(left, right);
        case '===':
            return exactEquals(left, right);
        case '!==':
            return !exactEquals(left, right);
        default:
            return binary(node.op, left, right, rt);
    }
}

// ---- names -------------------------------------------------------------------------------------------------

/** Resolves what a bare name denotes in class `cls` once: a field (own, inherited, outer static) or a type. */
function resolveName(rt, node, cls) {
    for (let c = cls; c; c = c.outer) {
        const field = c.findField(node.lname);
        if (field && (c === cls || field.isStatic)) return { field };
    }
    const ref = resolveTypeRef(rt, node.name, cls);
    if (ref) return { ref };
    return null;
}

function evalName(node, f, allowType) {
    const slot = f.vars.get(node.lname);
    if (slot) return slot.value;
    const rt = f.rt;
    if (f.accessor && f.accessor.lname === node.lname) {
        // Inside a property accessor the property's own name is its storage.
        return f.self ? (f.self.fields.get(node.lname) ?? null) : ensureStatics(rt, f.accessor.owner).get(node.lname);
    }
    let res = node.res;
    if (!res || node.resCls !== f.cls) {
        res = resolveName(rt, node, f.cls);
        if (!res) rt.compileError(`Variable does not exist: ${node.name}`, node.line);
        node.res = res;
        node.resCls = f.cls;
    }
    if (res.field) {
        if (res.field.isStatic) return readStatic(rt, res.field, f);
        if (!f.self)
            rt.compileError(`Non static variable ${node.name} cannot be referenced from a static context`, node.line);
        return readField(rt, f.self, res.field, f);
    }
    if (!allowType) rt.compileError(`Variable does not exist: ${node.name}`, node.line);
    return res.ref;
}

/** A value, or a TypeRef when the expression names a class, native class, SObject type or namespace. */
function evalTarget(node, f) {
    if (node.kind === 'name') return evalName(node, f, true);
    if (node.kind === 'dot' || node.kind === 'call' || node.kind === 'index') return evalChain(node, f);
    return evalExpr(node, f);
}

// ---- member access, calls, indexing ------------------------------------------------------------------------

function evalChain(node, f) {
    const rt = f.rt;
    if (node.kind === 'call') return evalCall(node, f);
    if (node.kind === 'index') {
        const list = evalTarget(node.target, f);
        if (list === SHORT) return SHORT;
        const index = evalExpr(node.index, f);
        return listElement(rt, list, index);
    }
    // dot
    let target = evalTarget(node.target, f);
    if (target === SHORT) return SHORT;
    // `[SELECT Name FROM Account LIMIT 1].Name`: a field of a query reads its single row.
    if (node.target.kind === 'soql' && target instanceof ApexList) target = singleRow(rt, target);
    if (target instanceof TypeRef) return staticMember(rt, target, node, f);
    if (target === null) return node.safe ? SHORT : npe(rt);
    return memberOf(rt, target, node, f);
}

function checkIndex(rt, list, index) {
    if (list === null || index === null) npe(rt);
    if (!(list instanceof ApexList)) rt.compileError('Expression must be a list type', 0);
    if (index < 0 || index >= list.items.length) rt.throw('System.ListException', `List index out of bounds: ${index}`);
}

function listElement(rt, list, index) {
    checkIndex(rt, list, index);
    return list.items[index];
}

function memberOf(rt, target, node, f) {
    if (target instanceof ApexSObject) return target.get(node.name, rt);
    if (target instanceof ApexObject) {
        const field = target.cls.findField(node.lname);
        if (!field) rt.compileError(`Variable does not exist: ${node.name}`, node.line);
        return readField(rt, target, field, f);
    }
    const native = nativeClassOf(target);
    if (native?.property) {
        const value = native.property(rt, target, node.name);
        if (value !== undefined) return value;
    }
    return rt.unsupported(`property ${node.name} of ${rt.typeOf(target)?.name ?? 'this value'}`);
}

function staticMember(rt, ref, node, f) {
    switch (ref.ref) {
        case 'class': {
            const cls = ref.cls;
            if (cls.isEnum) {
                const value = cls.enumByName.get(node.lname);
                if (value) return value;
            }
            const field = cls.findField(node.lname);
            if (field) {
                if (!field.isStatic)
                    rt.compileError(
                        `Non static field cannot be referenced from a static context: ${node.name}`,
                        node.line
                    );
                return readStatic(rt, field, f);
            }
            for (const c of cls.chain()) {
                const inner = c.inner.get(node.lname);
                if (inner) return new TypeRef('class', { cls: inner });
            }
            return rt.compileError(`Variable does not exist: ${cls.name}.${node.name}`, node.line);
        }
        case 'native': {
            const native = ref.native;
            const nested =
                nativeClass(`${native.name}.${node.name}`) ??
                nativeClass(`${native.namespace}.${native.name}.${node.name}`);
            if (nested) return new TypeRef('native', { native: nested });
            const property = native.staticProperties?.[node.lname];
            if (property) return property(rt);
            if (native.staticProperty) {
                const value = native.staticProperty(rt, node.name);
                if (value !== undefined) return value;
            }
            return rt.unsupported(`${native.name}.${node.name}`);
        }
        case 'sobject':
            return sobjectStaticProperty(rt, ref.name, node.name);
        case 'namespace': {
            const member = namespaceMember(rt, ref, node.name, f.cls);
            if (member) return member;
            return rt.unsupported(`${ref.name}.${node.name}`);
        }
        default:
            return rt.unsupported(`member ${node.name}`);
    }
}

function evalArgs(node, f) {
    const args = new Array(node.args.length);
    for (let i = 0; i < args.length; i++) args[i] = evalExpr(node.args[i], f);
    return args;
}

function evalCall(node, f) {
    const rt = f.rt;
    if (!node.target) return callUnqualified(node, f);
    if (node.target.kind === 'super') {
        const superclass = f.cls.superclass;
        if (!f.self || !superclass) rt.compileError('super is not available here', node.line);
        const args = evalArgs(node, f);
        if (superclass.builtin && EXCEPTION_METHODS[node.lname]) return EXCEPTION_METHODS[node.lname](rt, f.self, args);
        return callObjectMethod(rt, f.self, node.lname, args, node.line, superclass);
    }
    const target = evalTarget(node.target, f);
    if (target === SHORT) return SHORT;
    if (target instanceof TypeRef) return callStatic(rt, target, node, evalArgs(node, f), f);
    if (target === null) return node.safe ? SHORT : npe(rt);
    return callValueMethod(rt, target, node.lname, evalArgs(node, f), node.line);
}

/** `m(args)`: an instance or static method of this class (virtual on `this`), else a static one of an outer class. */
function callUnqualified(node, f) {
    const rt = f.rt;
    const args = evalArgs(node, f);
    for (let c = f.cls; c; c = c.outer) {
        const candidates = methodsOf(c, node.lname, { staticOnly: c !== f.cls || !f.self });
        const method = selectOverload(rt, candidates, args);
        if (!method) continue;
        if (method.isStatic) {
            ensureStatics(rt, method.cls);
            return invoke(rt, method, null, args, node.line);
        }
        return callObjectMethod(rt, f.self, node.lname, args, node.line);
    }
    return rt.compileError(
        `Method does not exist or incorrect signature: ${node.name}(${args.length} arguments)`,
        node.line
    );
}

export function callStatic(rt, ref, node, args, f) {
    switch (ref.ref) {
        case 'class': {
            const cls = ref.cls;
            if (cls.isEnum) {
                // Apex Developer Guide, "Enums": values() and valueOf(String).
                if (node.lname === 'values' && !args.length)
                    return new ApexList({ name: cls.name }, [...cls.enumValues]);
                if (node.lname === 'valueof' && args.length === 1) {
                    if (args[0] === null) return null;
                    const value = cls.enumValues.find((v) => v.name === args[0]);
                    if (!value) rt.throw('System.NoSuchElementException', `No enum constant ${cls.name}.${args[0]}`);
                    return value;
                }
            }
            const method = selectOverload(rt, methodsOf(cls, node.lname, { staticOnly: true }), args);
            if (!method) {
                rt.compileError(
                    `Method does not exist or incorrect signature: ${cls.name}.${node.name}(${args.length} arguments)`,
                    node.line
                );
            }
            ensureStatics(rt, method.cls);
            return invoke(rt, method, null, args, node.line);
        }
        case 'native': {
            const method = ref.native.staticMethods?.[node.lname];
            if (method) return method(rt, args);
            return rt.unsupported(`${ref.native.name}.${node.name}()`);
        }
        case 'sobject':
            return sobjectStaticMethod(rt, ref.name, node.name, args);
        default:
            return rt.unsupported(`${ref.name}.${node.name}()`);
    }
}

// ---- assignment --------------------------------------------------------------------------------------------

/** An assignable place: { get(), set(value), type }. The target's object and index are evaluated once. */
function place(node, f) {
    const rt = f.rt;
    if (node.kind === 'name') {
        const slot = f.vars.get(node.lname);
        if (slot) {
            return {
                type: slot.type,
                get: () => slot.value,
                set: (v) => (slot.value = rt.convert(v, slot.type))
            };
        }
        if (f.accessor && f.accessor.lname === node.lname) {
            const field = f.accessor;
            const store = f.self ? f.self.fields : ensureStatics(rt, field.owner);
            const type = resolveType(rt, field.type, field.owner);
            return {
                type,
                get: () => store.get(node.lname) ?? null,
                set: (v) => {
                    const converted = rt.convert(v, type);
                    store.set(node.lname, converted);
                    return converted;
                }
            };
        }
        evalName(node, f, false); // resolves (and fails for unknown names)
        const field = node.res.field;
        const self = field.isStatic ? null : f.self;
        return fieldPlace(rt, field, self, f);
    }
    if (node.kind === 'dot') {
        const target = evalTarget(node.target, f);
        if (target === SHORT || target === null) npe(rt);
        if (target instanceof TypeRef) {
            if (target.ref !== 'class') rt.unsupported(`assignment to ${node.name}`);
            const field = target.cls.findField(node.lname);
            if (!field?.isStatic) rt.compileError(`Variable does not exist: ${node.name}`, node.line);
            return fieldPlace(rt, field, null, f);
        }
        if (target instanceof ApexSObject) {
            const set = (v) => {
                if (!target.isWriteable(node.name)) notWriteable(rt, target, node.name, node.line);
                return target.put(node.name, v, rt);
            };
            return { type: null, get: () => target.get(node.name, rt), set };
        }
        if (target instanceof ApexObject) {
            const field = target.cls.findField(node.lname);
            if (!field) rt.compileError(`Variable does not exist: ${node.name}`, node.line);
            return fieldPlace(rt, field, target, f);
        }
        return rt.unsupported(`assignment to ${node.name} of ${rt.typeOf(target)?.name}`);
    }
    // index
    const list = evalTarget(node.target, f);
    if (list === SHORT) npe(rt);
    const index = evalExpr(node.index, f);
    checkIndex(rt, list, index);
    return {
        type: list.type,
        get: () => listElement(rt, list, index),
        set: (v) => {
            checkIndex(rt, list, index);
            return (list.items[index] = rt.convert(v, list.type));
        }
    };
}

function fieldPlace(rt, field, self, f) {
    return {
        type: resolveType(rt, field.type, field.owner),
        get: () => (self ? readField(rt, self, field, f) : readStatic(rt, field, f)),
        set: (v) => (self ? writeField(rt, self, field, v, f) : writeStatic(rt, field, v, f))
    };
}

function evalAssign(node, f) {
    const target = place(node.target, f);
    if (node.op === '=') return target.set(evalForType(node.value, target.type, f));
    const current = target.get();
    const value = evalExpr(node.value, f);
    return target.set(binary(node.op, current, value, f.rt));
}

function evalIncDec(node, f) {
    const target = place(node.target, f);
    const before = target.get();
    const after = target.set(binary(node.op, before, 1, f.rt));
    return node.prefix ? after : before;
}

// ---- creation ----------------------------------------------------------------------------------------------

function evalNew(node, f) {
    const rt = f.rt;
    const type = resolveType(rt, node.type, f.cls);
    switch (type.name) {
        case 'List':
            return newList(node, type, f);
        case 'Set': {
            const element = type.args?.[0] ?? { name: 'Object' };
            if (node.init)
                return new ApexSet(
                    element,
                    node.init.map((e) => rt.convert(evalExpr(e, f), element)),
                    rt
                );
            const args = evalArgs(node, f);
            if (!args.length) return new ApexSet(element, [], rt);
            if (args[0] === null) npe(rt);
            return new ApexSet(
                element,
                iterate(args[0], rt).map((v) => rt.convert(v, element)),
                rt
            );
        }
        case 'Map': {
            const [keyType = { name: 'Object' }, valueType = { name: 'Object' }] = type.args ?? [];
            const map = new ApexMap(keyType, valueType, rt);
            if (node.mapInit) {
                for (const [k, v] of node.mapInit) {
                    rt.call(map, 'put', [rt.convert(evalExpr(k, f), keyType), rt.convert(evalExpr(v, f), valueType)]);
                }
                return map;
            }
            if (node.init?.length) rt.compileError('Map initializers need key => value pairs', node.line);
            const args = node.args ? evalArgs(node, f) : [];
            if (args.length) {
                if (args[0] === null) npe(rt);
                // Apex Reference, Map Class: Map<K,V>(Map) copies; Map<Id, SObject>(List<SObject>) keys by Id.
                rt.call(map, 'putall', [args[0]]);
            }
            return map;
        }
        default:
            break;
    }
    const ref = resolveTypeRef(rt, node.type.name, f.cls);
    if (ref?.ref === 'class') return instantiate(rt, ref.cls, node.args ? evalArgs(node, f) : [], node.line);
    if (ref?.ref === 'sobject' || (!ref && !nativeClass(type.name) && node.fields)) {
        const objectName = ref?.name ?? type.name;
        const record = new ApexSObject(objectName, { schema: sobjectSchema(rt, objectName) });
        for (const { name, value } of node.fields ?? []) {
            if (!record.isWriteable(name)) notWriteable(rt, record, name, node.line);
            record.put(name, evalExpr(value, f), rt);
        }
        if (node.args?.length)
            rt.compileError(`SObject constructor takes name = value pairs: ${objectName}`, node.line);
        return record;
    }
    if (ref?.ref === 'native') {
        if (!ref.native.construct) rt.compileError(`Type cannot be constructed: ${ref.native.name}`, node.line);
        return ref.native.construct(rt, node.args ? evalArgs(node, f) : [], type);
    }
    return rt.compileError(`Invalid type: ${node.type.name}`, node.line);
}

/** The compiler refuses an assignment to a field Apex cannot write (formula, roll-up, system). */
function notWriteable(rt, record, name, line) {
    rt.compileError(`Field is not writeable: ${record.type}.${record.canonicalName(name)}`, line);
}

/** The org's model of an SObject type, custom metadata types included, or null when the org has none. */
function sobjectSchema(rt, objectName) {
    const schema = rt.org?.schema;
    if (!schema) return null;
    try {
        return objectNamed(schema, objectName);
    } catch {
        return null;
    }
}

function newList(node, type, f) {
    const rt = f.rt;
    const element = type.args?.[0] ?? { name: 'Object' };
    if (node.arraySize) {
        // Apex Developer Guide, "Lists": new T[n] has n null elements.
        const size = evalExpr(node.arraySize, f);
        if (size === null) npe(rt);
        return new ApexList(element, new Array(size).fill(null));
    }
    if (node.init)
        return new ApexList(
            element,
            node.init.map((e) => rt.convert(evalExpr(e, f), element))
        );
    const args = node.args ? evalArgs(node, f) : [];
    if (!args.length) return new ApexList(element, []);
    if (args[0] === null) npe(rt);
    return new ApexList(
        element,
        iterate(args[0], rt).map((v) => rt.convert(v, element))
    );
}

// ---- SOQL --------------------------------------------------------------------------------------------------

const bindAsts = new WeakMap();

function evalSoql(node, f) {
    const rt = f.rt;
    const schema = rt.org?.schema ?? null;
    if (!node.plan) node.plan = compileSoql(node.query, { schema });
    return executeSoql(node.plan, {
        org: rt.org,
        schema,
        userId: rt.userId,
        sharing: f.sharing,
        limits: rt,
        bind: (b) => {
            if (!b.ctx) return rt.unsupported(`SOQL bind ${b.name ?? ''} without an expression`);
            let ast = bindAsts.get(b.ctx);
            if (!ast) {
                ast = new Converter(node.file, { executable: new Set(), covered: new Set() }).expr(b.ctx);
                bindAsts.set(b.ctx, ast);
            }
            return evalExpr(ast, f);
        }
    });
}

export { SHORT, ApexEnumValue };

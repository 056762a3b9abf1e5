// Names, member access, calls and indexing in expressions (Apex Developer Guide, "Expressions and Operators",
// "Safe Navigation Operator"): what a bare name denotes, a field or property of a value or a type, a method call
// (instance, static, unqualified, super) and a list element, with `?.` short-circuiting the rest of a chain.
import { ApexObject } from '../values/values.mjs';
import { ApexList, ApexSObject, sobjectStaticMethod, sobjectStaticProperty } from './deps.mjs';
import {
    callObjectMethod,
    callValueMethod,
    ensureStatics,
    invoke,
    methodsOf,
    readField,
    readStatic,
    selectOverload
} from './calls.mjs';
import { EXCEPTION_METHODS } from './exceptions.mjs';
import { TypeRef, namespaceMember, resolveTypeRef } from './names.mjs';
import { nativeClass, nativeClassOf } from './natives.mjs';
import { evalExpr, singleRow } from './expressions.mjs';

/** The value a `?.` link short-circuits to: the rest of the chain is skipped and the chain's value is null. */
export const SHORT = Symbol('short-circuit');

export const npe = (rt) => rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');

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

export function evalName(node, f, allowType) {
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
export function evalTarget(node, f) {
    if (node.kind === 'name') return evalName(node, f, true);
    if (node.kind === 'dot' || node.kind === 'call' || node.kind === 'index') return evalChain(node, f);
    return evalExpr(node, f);
}

// ---- member access, calls, indexing ------------------------------------------------------------------------

export function evalChain(node, f) {
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

export function checkIndex(rt, list, index) {
    if (list === null || index === null) npe(rt);
    if (!(list instanceof ApexList)) rt.compileError('Expression must be a list type', 0);
    if (index < 0 || index >= list.items.length) rt.throw('System.ListException', `List index out of bounds: ${index}`);
}

export function listElement(rt, list, index) {
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

export function evalArgs(node, f) {
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

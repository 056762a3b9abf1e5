// Assignment in expressions (Apex Developer Guide, "Assignment Statements"): =, the compound operators and ++/--,
// on a variable, a field of an object or a type, an SObject field or a list element, each converted to the
// declared type of what it is assigned to.
import { ApexObject } from '../values/values.mjs';
import { ApexSObject, binary } from './deps.mjs';
import { ensureStatics, readField, readStatic, writeField, writeStatic } from './calls.mjs';
import { TypeRef, resolveType } from './names.mjs';
import { evalExpr, evalForType } from './expressions.mjs';
import { SHORT, checkIndex, evalName, evalTarget, listElement, npe } from './member-access.mjs';

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

export function evalAssign(node, f) {
    const target = place(node.target, f);
    if (node.op === '=') return target.set(evalForType(node.value, target.type, f));
    const current = target.get();
    const value = evalExpr(node.value, f);
    return target.set(binary(node.op, current, value, f.rt));
}

export function evalIncDec(node, f) {
    const target = place(node.target, f);
    const before = target.get();
    const after = target.set(binary(node.op, before, 1, f.rt));
    return node.prefix ? after : before;
}

/** The compiler refuses an assignment to a field Apex cannot write (formula, roll-up, system). */
export function notWriteable(rt, record, name, line) {
    rt.compileError(`Field is not writeable: ${record.type}.${record.canonicalName(name)}`, line);
}

// Creation in expressions (Apex Developer Guide, "Lists", "Sets", "Maps", "Classes, Objects, and Interfaces",
// "Creating sObjects"): `new` of a collection with its initializer, of a user class, of an SObject with its
// name = value pairs and of a constructible native class.
import { ApexList, ApexMap, ApexSet, ApexSObject } from './deps.mjs';
import { instantiate } from './calls.mjs';
import { resolveType, resolveTypeRef } from './names.mjs';
import { nativeClass } from './natives.mjs';
import { objectNamed } from '../soql/objects.mjs';
import { evalExpr, iterate } from './expressions.mjs';
import { evalArgs, npe } from './member-access.mjs';
import { notWriteable } from './assignment.mjs';

export function evalNew(node, f) {
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

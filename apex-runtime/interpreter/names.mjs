// Resolving names: type names to descriptors, and the first segment of a dotted expression to a class, a native
// class, an SObject type or a namespace. Identifiers are case-insensitive (Apex Developer Guide, "Apex is case
// insensitive" under "Understanding Apex Core Concepts"); inner classes are found from the class they are used in,
// its superclasses and outer classes, then among top-level classes.
import { BUILT_IN_TYPES, type as descriptor } from '../values/types.mjs';
import { nativeClass } from './natives.mjs';

/** What a non-value name refers to. */
export class TypeRef {
    constructor(ref, props) {
        this.ref = ref; // 'class' | 'native' | 'sobject' | 'namespace'
        Object.assign(this, props);
    }
}

// Namespaces that prefix type names: the platform's, and the package's own (sfdx-project.json "namespace").
const NAMESPACES = new Set(['system', 'schema', 'database', 'auth', 'connectapi', 'messaging', 'dom', 'apexpages']);

/** A user class visible from `from` (a ClassModel or null) by a possibly dotted name. */
export function findClass(program, name, from) {
    const parts = name.toLowerCase().split('.');
    if (parts.length > 1 && (parts[0] === 'system' || (program.namespace && parts[0] === program.namespace))) {
        parts.shift();
    }
    let cls = findSimpleClass(program, parts[0], from);
    for (let i = 1; cls && i < parts.length; i++) cls = innerOf(cls, parts[i]);
    return cls;
}

function innerOf(cls, lname) {
    for (const c of cls.chain()) {
        const inner = c.inner.get(lname);
        if (inner) return inner;
    }
    return undefined;
}

function findSimpleClass(program, lname, from) {
    for (let scope = from; scope; scope = scope.outer) {
        if (scope.lname === lname || scope.simpleName.toLowerCase() === lname) {
            if (!scope.outer) return scope;
        }
        const inner = innerOf(scope, lname);
        if (inner) return inner;
    }
    return program.classes.get(lname);
}

/** The canonical descriptor of a type AST node ({ kind: 'type', name, args }) used in class `from`. */
export function resolveType(rt, node, from) {
    if (node.resolved && node.resolvedFrom === from) return node.resolved;
    const resolved = resolveTypeName(
        rt,
        node.name,
        node.args.map((arg) => resolveType(rt, arg, from)),
        from
    );
    if (resolved.final) {
        node.resolved = resolved.type;
        node.resolvedFrom = from;
    }
    return resolved.type;
}

function resolveTypeName(rt, name, args, from) {
    let lname = name.toLowerCase();
    if (lname.startsWith('system.') && BUILT_IN_TYPES.has(lname.slice(7))) lname = lname.slice(7);
    if (BUILT_IN_TYPES.has(lname)) return { type: descriptor(lname, args), final: true };
    const cls = findClass(rt.program, name, from);
    if (cls) return { type: { name: cls.name }, final: true };
    const native = nativeClass(name);
    if (native) return { type: descriptor(native.name, args), final: true };
    const objectName = sobjectName(rt, name);
    if (objectName) return { type: { name: objectName }, final: true };
    // Unknown to this org: keep the name as written (an SObject the embedded org does not model, say).
    return { type: descriptor(name, args), final: false };
}

/** The schema's spelling of an SObject type name, or undefined. */
export function sobjectName(rt, name) {
    const schema = rt.org?.schema;
    if (!schema) return undefined;
    const lname = name.toLowerCase();
    const bare = lname.startsWith('schema.') ? name.slice(7) : name;
    // schema.object() throws for a name it does not model; the map answers without throwing.
    const object = schema.objects?.get(bare.toLowerCase());
    if (object) return object.name;
    const metadata = schema.customMetadataTypes?.get?.(bare.toLowerCase());
    return metadata ? (metadata.name ?? bare) : undefined;
}

/** A name that is not a variable: a class, native class, SObject type or namespace; undefined when none. */
export function resolveTypeRef(rt, name, from) {
    const lname = name.toLowerCase();
    const cls = findClass(rt.program, name, from);
    if (cls) return new TypeRef('class', { cls });
    const native = nativeClass(name);
    if (native) return new TypeRef('native', { native });
    const objectName = sobjectName(rt, name);
    if (objectName) return new TypeRef('sobject', { name: objectName });
    if (NAMESPACES.has(lname) || lname === rt.program.namespace) return new TypeRef('namespace', { name: lname });
    return undefined;
}

/** `ref.name` where ref is a namespace: the class, native or SObject type inside it. */
export function namespaceMember(rt, ref, name, from) {
    if (ref.name === rt.program.namespace) {
        const cls = findClass(rt.program, name, null);
        if (cls) return new TypeRef('class', { cls });
    }
    const native = nativeClass(`${ref.name}.${name}`);
    if (native) return new TypeRef('native', { native });
    if (ref.name === 'system') return resolveTypeRef(rt, name, from);
    if (ref.name === 'schema') {
        const objectName = sobjectName(rt, name);
        if (objectName) return new TypeRef('sobject', { name: objectName });
    }
    return undefined;
}

// The registry of native (built-in) classes: the System namespace's String, List, Database, Test... Each part of
// the runtime defines its natives with defineNative(spec) (spec shape: ../README.md); the interpreter looks
// them up by full name, case-insensitively, with or without their namespace (System.String is String).

const byName = new Map();
const all = [];

const lower = (name) => name.toLowerCase();

/** Registers a native class; a second definition of the same full name is a programming error. */
export function defineNative(spec) {
    if (!spec?.name) throw new Error('defineNative: a native class needs a name');
    const namespace = spec.namespace ?? 'System';
    const native = { staticMethods: {}, instanceMethods: {}, staticProperties: {}, ...spec, namespace };
    const keys = [lower(native.name), lower(`${namespace}.${native.name}`)];
    if (byName.has(keys[1])) throw new Error(`native class ${namespace}.${native.name} is defined twice`);
    for (const key of keys) if (!byName.has(key)) byName.set(key, native);
    all.push(native);
    return native;
}

/** The native class with this name ('String', 'System.String', 'Database.SaveResult'), or undefined. */
export function nativeClass(name) {
    return byName.get(lower(name));
}

/** The native class a JS value belongs to (first registered whose isInstance accepts it), or undefined. */
export function nativeClassOf(value) {
    for (const native of all) if (native.isInstance?.(value)) return native;
    return undefined;
}

/** Every registered native class. */
export function nativeClasses() {
    return [...all];
}

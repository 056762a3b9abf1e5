// Type descriptors `{ name, args? }` (../README.md) and the small facts about them every value module needs.

const PRIMITIVES = [
    'Integer',
    'Long',
    'Double',
    'Decimal',
    'String',
    'Id',
    'Boolean',
    'Date',
    'Datetime',
    'Time',
    'Blob',
    'Object',
    'SObject',
    'List',
    'Set',
    'Map'
];
const CANONICAL = new Map(PRIMITIVES.map((name) => [name.toLowerCase(), name]));

/** The built-in type names, lower case: the primitives, Object, SObject and the collections. */
export const BUILT_IN_TYPES = new Set(CANONICAL.keys());
// Apex Developer Guide, "Primitive Data Types": the System namespace names the same types.
for (const name of PRIMITIVES) CANONICAL.set(`system.${name.toLowerCase()}`, name);

/** A type descriptor; `name` is made canonical for the built-in types (`integer` -> `Integer`). */
export function type(name, args) {
    const canonical = CANONICAL.get(String(name).toLowerCase()) ?? name;
    return args && args.length ? { name: canonical, args } : { name: canonical };
}

export const T = {
    Integer: type('Integer'),
    Long: type('Long'),
    Double: type('Double'),
    Decimal: type('Decimal'),
    String: type('String'),
    Id: type('Id'),
    Boolean: type('Boolean'),
    Date: type('Date'),
    Datetime: type('Datetime'),
    Time: type('Time'),
    Blob: type('Blob'),
    Object: type('Object'),
    SObject: type('SObject'),
    list: (element) => type('List', [element ?? type('Object')]),
    set: (element) => type('Set', [element ?? type('Object')]),
    map: (key, value) => type('Map', [key ?? type('Object'), value ?? type('Object')])
};

export const isNamed = (descriptor, name) => descriptor?.name?.toLowerCase() === name.toLowerCase();

/** Apex Developer Guide, "Rules of Conversion": Integer < Long < Double < Decimal. */
export const NUMERIC_RANK = { integer: 0, long: 1, double: 2, decimal: 3 };
export const isNumericType = (descriptor) => descriptor?.name?.toLowerCase() in NUMERIC_RANK;

/** `List<Map<String,Integer>>`: the descriptor written the way Apex writes it (error messages, Type.getName). */
export function typeName(descriptor) {
    if (!descriptor) return 'Object';
    if (!descriptor.args?.length) return descriptor.name;
    return `${descriptor.name}<${descriptor.args.map(typeName).join(',')}>`;
}

/** Same type (names case-insensitive, arguments recursively). */
export function sameType(a, b) {
    if (!a || !b) return a === b;
    if (a.name.toLowerCase() !== b.name.toLowerCase()) return false;
    const left = a.args ?? [];
    const right = b.args ?? [];
    return left.length === right.length && left.every((arg, i) => sameType(arg, right[i]));
}

/** Error hook for value code that may run without a runtime (tests, tools): rt.throw when given, else a JS error. */
export function fail(rt, typeName, message) {
    if (rt?.throw) rt.throw(typeName, message);
    const error = new Error(`${typeName}: ${message}`);
    error.apexType = typeName;
    throw error;
}

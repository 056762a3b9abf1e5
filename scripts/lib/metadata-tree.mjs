// Uniform access to the trees that readMetadataXml (scripts/lib/sfdx.mjs) returns. The parser makes elements
// arrays only from the second level down and can return an element as a plain string, as an object with
// '#text', or as an object with attributes ('@_name'); these helpers hide those differences.

/** Every occurrence of child element `name`, as an array (empty when absent). */
export function all(node, name) {
    const value = node && typeof node === 'object' ? node[name] : undefined;
    if (value === undefined) return [];
    return Array.isArray(value) ? value : [value];
}

/** Text content of an element occurrence (a string, or an object with '#text'); '' for empty elements. */
export function textOf(item) {
    if (item === undefined || item === null) return '';
    if (typeof item === 'object') return String(item['#text'] ?? '').trim();
    return String(item).trim();
}

/** Text of the first `name` child, or undefined when the element is absent. */
export function text(node, name) {
    const items = all(node, name);
    return items.length ? textOf(items[0]) : undefined;
}

/** A boolean element: `fallback` when absent, else true only for 'true'. */
export function flag(node, name, fallback = false) {
    const value = text(node, name);
    return value === undefined ? fallback : value === 'true';
}

/** Texts of all `name` children. */
export function texts(node, name) {
    return all(node, name).map(textOf);
}

/** Child elements of a node as [name, occurrences[]] pairs, skipping attributes and text. */
export function elements(node) {
    if (!node || typeof node !== 'object') return [];
    return Object.keys(node)
        .filter((key) => !key.startsWith('@_') && key !== '#text')
        .map((key) => [key, all(node, key)]);
}

/** Attributes of an element occurrence as { name: value } (the parser may wrap values in arrays). */
export function attributes(item) {
    if (!item || typeof item !== 'object') return {};
    const found = {};
    for (const [key, value] of Object.entries(item)) {
        if (key.startsWith('@_')) found[key.slice(2)] = String(Array.isArray(value) ? value[0] : value);
    }
    return found;
}

/** True when an element occurrence has child elements (not just text and attributes). */
export function hasChildren(item) {
    return elements(item).length > 0;
}

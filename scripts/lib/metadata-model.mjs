// The Metadata API's type model, read from the TypeScript declarations that @salesforce/types generates from the
// Metadata WSDL. Every metadata type and nested type is declared there as `type X = Base & { prop?: T }` and every
// enumeration as a union of string literals, so walking the declarations with the TypeScript compiler API gives
// the element names, value kinds, enum literals and (WSDL) optionality that an XML check needs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillModelGaps } from './metadata-model-gaps.mjs';

const require = createRequire(import.meta.url);

// The compiler is loaded only when the model has to be built: the cached JSON makes it unnecessary in checks.
let ts;
async function loadTypeScript() {
    ts ??= (await import('typescript')).default;
}

/** Path of the declarations: next to the package's exported `./metadata` entry (the .d.ts itself is not exported). */
export function declarationsPath() {
    return require.resolve('@salesforce/types/metadata').replace(/\.js$/, '.d.ts');
}

/** Scalar name for a keyword type node, the referenced name for a type reference, 'any' otherwise. */
function typeName(node) {
    const { SyntaxKind } = ts;
    if (node.kind === SyntaxKind.StringKeyword) return 'string';
    if (node.kind === SyntaxKind.BooleanKeyword) return 'boolean';
    if (node.kind === SyntaxKind.NumberKeyword) return 'number';
    if (ts.isTypeReferenceNode(node)) return node.typeName.getText();
    return 'any';
}

function readProperty(member) {
    let node = member.type;
    const array = ts.isArrayTypeNode(node);
    if (array) node = node.elementType;
    return { type: typeName(node), array, optional: Boolean(member.questionToken) };
}

/**
 * Parses the declarations into { enums, types, aliases }:
 * - enums: name -> allowed literals
 * - types: name -> { bases: [names], props: { element -> { type, array, optional } } } (bases not yet merged)
 * - aliases: name -> the scalar or type name it stands for (`type DashboardFolder = Folder`, `type X = string`)
 */
function parseDeclarations(source) {
    const file = ts.createSourceFile('metadata.d.ts', source, ts.ScriptTarget.Latest, true);
    const enums = {};
    const types = {};
    const aliases = {};
    for (const statement of file.statements) {
        if (!ts.isTypeAliasDeclaration(statement)) continue;
        const name = statement.name.text;
        const node = statement.type;
        if (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t))) {
            enums[name] = node.types.map((t) => t.literal.text);
        } else if (ts.isTypeLiteralNode(node) || ts.isIntersectionTypeNode(node)) {
            const parts = ts.isIntersectionTypeNode(node) ? node.types : [node];
            const entry = { bases: [], props: {} };
            for (const part of parts) {
                if (ts.isTypeReferenceNode(part)) entry.bases.push(part.typeName.getText());
                if (!ts.isTypeLiteralNode(part)) continue;
                for (const member of part.members) {
                    if (ts.isPropertySignature(member) && member.type) {
                        entry.props[member.name.getText()] = readProperty(member);
                    }
                }
            }
            types[name] = entry;
        } else if (ts.isLiteralTypeNode(node)) {
            enums[name] = [node.literal.text];
        } else {
            aliases[name] = typeName(node);
        }
    }
    return { enums, types, aliases };
}

/** Follows `type A = B` chains to a scalar, an enum or a complex type name. */
function resolveAlias(name, aliases) {
    const seen = new Set();
    while (aliases[name] && !seen.has(name)) {
        seen.add(name);
        name = aliases[name];
    }
    return name;
}

/**
 * Builds the flattened model: each complex type with its inherited properties merged in, and every property's
 * type classified as one of 'string' | 'boolean' | 'number' | 'any' | { enum } | { complex }.
 */
export async function buildModel(source = readFileSync(declarationsPath(), 'utf8')) {
    await loadTypeScript();
    const { enums, types, aliases } = parseDeclarations(source);
    const classify = (name) => {
        const target = resolveAlias(name, aliases);
        if (['string', 'boolean', 'number', 'any'].includes(target)) return { kind: target };
        if (enums[target]) return { kind: 'enum', name: target };
        if (types[target]) return { kind: 'complex', name: target };
        return { kind: 'any' };
    };
    const flattened = {};
    const flatten = (name, seen = new Set()) => {
        if (flattened[name]) return flattened[name];
        const entry = types[name];
        if (!entry || seen.has(name)) return {};
        seen.add(name);
        const props = {};
        for (const base of entry.bases) Object.assign(props, flatten(resolveAlias(base, aliases), seen));
        for (const [prop, spec] of Object.entries(entry.props)) {
            props[prop] = { ...classify(spec.type), array: spec.array, optional: spec.optional };
        }
        flattened[name] = props;
        return props;
    };
    for (const name of Object.keys(types)) flatten(name);
    // Aliases of complex types (`type ReportFolder = Folder`) are metadata types of their own.
    for (const alias of Object.keys(aliases)) {
        const target = classify(alias);
        if (target.kind === 'complex') flattened[alias] = flattened[target.name];
    }
    return { enums, types: flattened };
}

// A property spec packs to a short string in the cache: optional marker '?', array marker '[]', then the kind
// ('string', 'boolean', 'number', 'any') or 'enum:Name' / 'complex:Name'. That keeps the JSON near 600 KB.
function pack(spec) {
    return `${spec.optional ? '?' : ''}${spec.array ? '[]' : ''}${spec.name ? `${spec.kind}:${spec.name}` : spec.kind}`;
}

function unpack(text) {
    const optional = text.startsWith('?');
    if (optional) text = text.slice(1);
    const array = text.startsWith('[]');
    if (array) text = text.slice(2);
    const [kind, name] = text.split(':');
    return name ? { kind, name, array, optional } : { kind, array, optional };
}

const CACHE = fileURLToPath(new URL('./metadata-model.json', import.meta.url));

function typesVersion() {
    const manifest = join(dirname(declarationsPath()), '..', 'package.json');
    return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

/** Writes the packed model to scripts/lib/metadata-model.json, stamped with the @salesforce/types version. */
export async function writeModelCache(model) {
    model ??= await buildModel();
    const types = {};
    for (const [name, props] of Object.entries(model.types)) {
        types[name] = Object.fromEntries(Object.entries(props).map(([prop, spec]) => [prop, pack(spec)]));
    }
    writeFileSync(CACHE, `${JSON.stringify({ typesVersion: typesVersion(), enums: model.enums, types })}\n`);
    return CACHE;
}

function readModelCache() {
    if (!existsSync(CACHE)) return undefined;
    const cache = JSON.parse(readFileSync(CACHE, 'utf8'));
    // A cache from another @salesforce/types release would silently check against a stale API model.
    if (cache.typesVersion !== typesVersion()) return undefined;
    const types = {};
    for (const [name, props] of Object.entries(cache.types)) {
        types[name] = Object.fromEntries(Object.entries(props).map(([prop, text]) => [prop, unpack(text)]));
    }
    return { enums: cache.enums, types };
}

let cached;

/**
 * The model, once per process: from the JSON cache when it matches the installed @salesforce/types, otherwise
 * built from the declarations (about 1.5 s, most of it loading the TypeScript compiler); known gaps filled.
 */
export async function metadataModel() {
    if (cached) return cached;
    cached = fillModelGaps(readModelCache() ?? (await buildModel()));
    return cached;
}

// `node scripts/lib/metadata-model.mjs` regenerates the cache after @salesforce/types is upgraded.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    console.log(`wrote ${await writeModelCache()}`);
}

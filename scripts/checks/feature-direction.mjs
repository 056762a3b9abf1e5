// Feature direction: the package's feature folders (force-app/main/<feature>) use each other one way only, as
// FEATURE_USES declares and docs/architecture.md ("The package's folders") draws. A feature may use what its arrows
// reach, directly or through another feature; a use against the arrows ties two features together so that neither
// can be understood, tested or moved alone.
//
// A use is
// - in a non-test Apex class or trigger, a reference to a top-level class, interface or enum another feature's
//   classes/ declares: a type (declarations, casts, generics, instanceof, X.class, extends and implements), a `new`,
//   a catch, a `when` type, or a name an expression starts with (`PlanSettings.current()`). References are read
//   from the parse tree (scripts/lib/apex-parse.mjs), so comments and strings are not counted, nor a member after a
//   dot, nor a name the class declares as a variable, parameter or field;
// - in a component's TypeScript or JavaScript, an import of `c/<bundle>` whose bundle is another feature's, read
//   with TypeScript's import scanner (static, re-exports and dynamic import() of a string).
// Test classes (@IsTest) and components' __tests__ are exempt: tests may reach further. The features, their classes
// and their bundles are read from the tree as it is when the check runs; a feature folder FEATURE_USES does not
// name is a finding until the table (and the picture) say where it stands.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import ts from 'typescript';
import { parseApexSource, ruleName, childRule, childRules } from '../lib/apex-parse.mjs';
import { rel, walk } from '../lib/sfdx.mjs';

/** Where the feature folders are, relative to the project root. */
export const FEATURES_DIR = 'force-app/main';

/** What each feature uses directly (an arrow of the picture reads "uses"); every feature uses app. */
export const FEATURE_USES = {
    automation: ['plan-workspace', 'plan-templates', 'plan-data', 'app'],
    'plan-workspace': ['plan-templates', 'buyer-page', 'plan-data', 'app'],
    'pipeline-review': ['plan-data', 'app'],
    'tandem-setup': ['plan-templates', 'follow-up', 'stage-gates', 'buyer-page', 'app'],
    'follow-up': ['buyer-page', 'plan-data', 'stage-gates', 'app'],
    'plan-templates': ['plan-data', 'app'],
    'buyer-page': ['plan-data', 'app'],
    'plan-data': ['stage-gates', 'app'],
    'stage-gates': ['app'],
    app: []
};

/** The features `feature` may use: what its arrows reach, directly or through other features. */
export function allowedUses(feature, table = FEATURE_USES) {
    const reached = new Set();
    const visit = (current) => {
        for (const next of table[current] ?? []) {
            if (reached.has(next)) continue;
            reached.add(next);
            visit(next);
        }
    };
    visit(feature);
    return reached;
}

const arrows = (feature) => (FEATURE_USES[feature].length ? FEATURE_USES[feature].join(', ') : 'nothing');

/** The feature folders of the project, by name. */
function featureFolders(root) {
    const dir = join(root, FEATURES_DIR);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
        .filter((name) => statSync(join(dir, name)).isDirectory())
        .sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Apex

/** `@IsTest` or `@IsTest(...)`: the annotation's name is an id, or a qualified name in older grammars. */
const isIsTest = (annotation) =>
    (childRule(annotation, 'id') ?? childRule(annotation, 'qualifiedName'))?.getText().toLowerCase() === 'istest';

/**
 * Whether a parsed class is a test class: its top-level type carries @IsTest (Apex Developer Guide, "IsTest
 * Annotation": classes defined as @IsTest must be top-level classes, and the annotation may take modifiers).
 */
export function isTestClass(tree) {
    return childRules(tree, 'typeDeclaration').some((declaration) =>
        childRules(declaration, 'modifier').some((modifier) => {
            const annotation = childRule(modifier, 'annotation');
            return annotation !== undefined && isIsTest(annotation);
        })
    );
}

/** Every rule node below `node`, in source order. */
function* descendants(node) {
    for (const child of node.children ?? []) {
        if (ruleName(child) === undefined) continue;
        yield child;
        yield* descendants(child);
    }
}

const lineOf = (node) => node.start?.line ?? 0;
const parentOf = (node) => node.parentCtx ?? node.parent;

/**
 * The names a class or trigger uses as types or as the start of an expression, with their lines:
 * [{ name, line }]. Names it declares as variables, parameters, fields or properties are left out where they start
 * an expression, since there the variable hides a class of the same name; names compare without regard to case
 * (Apex Developer Guide, "Variables": variable names are case-insensitive, and a variable may share its name with a
 * class).
 */
export function apexTypeReferences(tree) {
    const declared = new Set();
    const candidates = [];
    const id = (node) => childRule(node, 'id') ?? childRule(node, 'anyId');
    const first = (node) => childRules(parentOf(node), ruleName(node))[0] === node;
    for (const node of descendants(tree)) {
        switch (ruleName(node)) {
            case 'variableDeclarator':
            case 'formalParameter':
            case 'enhancedForControl':
            case 'catchClause':
            case 'propertyDeclaration':
            case 'whenValue': // `when Type name`
                if (id(node)) declared.add(id(node).getText().toLowerCase());
                break;
            case 'typeName':
            case 'idCreatedNamePair':
            case 'qualifiedName':
                // The first part of a qualified name is the class (`Outer.Inner`); annotations are not classes.
                if (!first(node) || ruleName(parentOf(node)) === 'annotation' || !id(node)) break;
                candidates.push({ node: id(node), type: true });
                break;
            case 'primary':
                // `id` alone is a name an expression starts with (a variable, or a class before a dot).
                if (node.children?.length === 1 && ruleName(node.children[0]) === 'id') {
                    candidates.push({ node: node.children[0], type: false });
                }
                break;
        }
    }
    return candidates
        .filter(({ node, type }) => type || !declared.has(node.getText().toLowerCase()))
        .map(({ node }) => ({ name: node.getText(), line: lineOf(node) }));
}

/** Whether `text` spells one of `classes` as a word, in any case (Apex names are case-insensitive). */
function mentions(text, classes) {
    const lower = text.toLowerCase();
    return classes.some(({ name }) => new RegExp(`\\b${name.toLowerCase()}\\b`).test(lower));
}

/** The top-level Apex types of each feature: Map(lower-case name -> { name, feature }). */
function apexOwners(root, features) {
    const owners = new Map();
    for (const feature of features) {
        const dir = join(root, FEATURES_DIR, feature, 'classes');
        if (!existsSync(dir)) continue;
        for (const file of readdirSync(dir).filter((name) => name.endsWith('.cls'))) {
            const name = basename(file, '.cls');
            owners.set(name.toLowerCase(), { name, feature });
        }
    }
    return owners;
}

// ---------------------------------------------------------------------------------------------------------------
// Lightning web components

/** The `c/<bundle>` specifiers a component source imports, with the 1-based line of each. */
export function componentImports(text) {
    const { importedFiles } = ts.preProcessFile(text, true, true);
    return importedFiles
        .filter(({ fileName }) => /^c\/[^/]+$/.test(fileName))
        .map(({ fileName, pos }) => ({ bundle: fileName.slice(2), line: text.slice(0, pos).split('\n').length }));
}

/** The component bundles of each feature: Map(bundle name -> feature). */
function bundleOwners(root, features) {
    const owners = new Map();
    for (const feature of features) {
        const dir = join(root, FEATURES_DIR, feature, 'lwc');
        if (!existsSync(dir)) continue;
        for (const bundle of readdirSync(dir)) {
            if (statSync(join(dir, bundle)).isDirectory()) owners.set(bundle, feature);
        }
    }
    return owners;
}

const isComponentSource = (file) =>
    /\.(ts|js)$/.test(file) &&
    !file.endsWith('.d.ts') &&
    !file.split(sep).includes('__tests__') &&
    // A .js beside a .ts is the compiled output of that .ts: the .ts is read instead.
    !(file.endsWith('.js') && existsSync(file.replace(/\.js$/, '.ts')));

// ---------------------------------------------------------------------------------------------------------------

function against(from, to, what) {
    return (
        `${from} uses ${what} of ${to}, which it may not use (${from} uses ${arrows(from)}; ` +
        `scripts/checks/feature-direction.mjs FEATURE_USES): move what both need down to a feature both may use`
    );
}

export async function check(root) {
    const features = featureFolders(root);
    const findings = [];
    const known = features.filter((feature) => {
        if (Object.hasOwn(FEATURE_USES, feature)) return true;
        findings.push({
            file: `${FEATURES_DIR}/${feature}`,
            message:
                `feature folder ${feature} is not in FEATURE_USES (scripts/checks/feature-direction.mjs): declare ` +
                'what it uses there and draw it in docs/architecture.md ("The package\'s folders")'
        });
        return false;
    });
    const classes = apexOwners(root, features);
    const bundles = bundleOwners(root, features);
    for (const feature of known) {
        const allowed = allowedUses(feature);
        const forbidden = (other) => other !== undefined && other !== feature && !allowed.has(other);
        const base = join(root, FEATURES_DIR, feature);
        const forbiddenClasses = [...classes.values()].filter(({ feature: other }) => forbidden(other));
        for (const file of walk(join(base, 'classes'), (path) => path.endsWith('.cls')).concat(
            walk(join(base, 'triggers'), (path) => path.endsWith('.trigger'))
        )) {
            const text = readFileSync(file, 'utf8');
            // Parsing is slow: a file that does not even spell a class it may not use cannot refer to one.
            if (!mentions(text, forbiddenClasses)) continue;
            const kind = file.endsWith('.trigger') ? 'trigger' : 'class';
            const { tree, errors } = parseApexSource(text, kind);
            // A file that does not parse is the apex-syntax check's finding; its tree cannot be trusted here.
            if (errors.length > 0 || (kind === 'class' && isTestClass(tree))) continue;
            const seen = new Set();
            for (const { name, line } of apexTypeReferences(tree)) {
                const owner = classes.get(name.toLowerCase());
                if (!owner || !forbidden(owner.feature) || seen.has(`${line}:${owner.name}`)) continue;
                seen.add(`${line}:${owner.name}`);
                findings.push({
                    file: rel(root, file),
                    line,
                    message: against(feature, owner.feature, `the Apex class ${owner.name}`)
                });
            }
        }
        for (const file of walk(join(base, 'lwc'), isComponentSource)) {
            for (const { bundle, line } of componentImports(readFileSync(file, 'utf8'))) {
                const owner = bundles.get(bundle);
                if (!forbidden(owner)) continue;
                findings.push({ file: rel(root, file), line, message: against(feature, owner, `c/${bundle}`) });
            }
        }
    }
    return findings;
}

// Reading an SFDX project from disk: package directories, source files by suffix, and metadata XML.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Package directories declared in sfdx-project.json, as absolute paths. */
export function packageDirs(root) {
    const projectFile = join(root, 'sfdx-project.json');
    if (!existsSync(projectFile)) {
        throw new Error(`${projectFile} not found: not an SFDX project`);
    }
    const project = JSON.parse(readFileSync(projectFile, 'utf8'));
    return (project.packageDirectories ?? []).map((dir) => join(root, dir.path));
}

/** Package directories that belong to a package (have a `package` name): what a package version contains. */
export function packagedDirs(root) {
    const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
    const dirs = project.packageDirectories ?? [];
    const packaged = dirs.filter((dir) => dir.package);
    // A project without package entries (the checks' fixtures) ships its default directory.
    return (packaged.length ? packaged : dirs.filter((dir) => dir.default ?? true)).map((dir) => join(root, dir.path));
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx']);

/** Every file below `dir` whose path satisfies `accept`, sorted for stable output. */
export function walk(dir, accept = () => true) {
    const found = [];
    const visit = (current) => {
        for (const entry of readdirSync(current)) {
            if (SKIPPED_DIRS.has(entry)) continue;
            const full = join(current, entry);
            if (statSync(full).isDirectory()) {
                visit(full);
            } else if (accept(full)) {
                found.push(full);
            }
        }
    };
    if (existsSync(dir)) visit(dir);
    return found.sort();
}

/**
 * The node:test files (`*.test.mjs`) under each of `dirs`, relative to `root`. Throws when there are none, so a test
 * step that finds nothing fails instead of letting `node --test` search the whole project or pass on zero files.
 */
export function nodeTestFiles(root, ...dirs) {
    const files = dirs.flatMap((dir) => walk(join(root, dir), (file) => file.endsWith('.test.mjs')));
    if (files.length === 0) throw new Error(`no test files under ${dirs.join(', ')}`);
    return files;
}

/** Source files in every package directory whose name ends with one of `suffixes`. */
export function sourceFiles(root, ...suffixes) {
    return packageDirs(root).flatMap((dir) => walk(dir, (file) => suffixes.some((suffix) => file.endsWith(suffix))));
}

/** Path relative to the project root, with forward slashes, for messages. */
export function rel(root, file) {
    return relative(root, file).split(sep).join('/');
}

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    trimValues: true,
    isArray: (name, jpath) => jpath.split('.').length > 2
});

/**
 * Parses a metadata XML file. Every element below the root is an array (so `fields` with one entry and with
 * ten look the same) and every value stays a string: the Metadata API, not the parser, decides types.
 * Returns { rootName, root } where root is the root element's content.
 */
export function readMetadataXml(file) {
    const doc = parser.parse(readFileSync(file, 'utf8'));
    const rootName = Object.keys(doc).find((key) => key !== '?xml');
    return { rootName, root: doc[rootName] ?? {} };
}

/** First value of a child element, or undefined: metadata elements are arrays after readMetadataXml. */
export function first(node, name) {
    const value = node?.[name];
    return Array.isArray(value) ? value[0] : value;
}

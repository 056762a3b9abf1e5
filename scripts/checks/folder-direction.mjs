// Folder direction: the tooling folders depend on each other one way only, bottom to top
//
//   scripts/lib  <-  preview/org  <-  apex-runtime  <-  preview  <-  bench  <-  scripts  <-  test
//   (metadata,       (embedded       (Apex            (server,      (bench     (checks,      (tests)
//    schema,          org)            runtime)         app, build)   helpers)   commands)
//    formulas)
//
// A module may import from its own folder or one to its left, never from one to its right: otherwise two folders
// depend on each other and neither can be understood, tested or moved alone. A folder's own tests
// (apex-runtime/test, scripts/checks/__tests__) belong to it. Reads the relative imports of every .mjs and .js file
// (static, re-exports and dynamic import() of a string) with TypeScript's import scanner, so comments and strings
// that merely look like imports are not counted.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import ts from 'typescript';
import { rel, walk } from '../lib/sfdx.mjs';

/** Bottom to top; a file belongs to the longest folder that contains it. */
export const LAYERS = ['scripts/lib', 'preview/org', 'apex-runtime', 'preview', 'bench', 'scripts', 'test'];
// Project fixtures are sample projects for the checks, not tooling.
const SKIPPED = ['test/fixtures'];

/** The layer index of a project-relative path (forward slashes), or -1 outside the tooling folders. */
export function layerOf(path) {
    let found = -1;
    LAYERS.forEach((layer, index) => {
        if ((path === layer || path.startsWith(`${layer}/`)) && (found < 0 || layer.length > LAYERS[found].length)) {
            found = index;
        }
    });
    return found;
}

/** The relative specifiers a module imports, with the 1-based line of each. */
export function relativeImports(text) {
    const { importedFiles } = ts.preProcessFile(text, true, true);
    return importedFiles
        .filter(({ fileName }) => fileName.startsWith('.'))
        .map(({ fileName, pos }) => ({ specifier: fileName, line: text.slice(0, pos).split('\n').length }));
}

/**
 * Findings for `files`, a Map of project-relative path -> source text: one per import of a module in a folder above
 * the importer's.
 */
export function againstDirection(files) {
    const findings = [];
    for (const [file, text] of files) {
        const from = layerOf(file);
        if (from < 0) continue;
        for (const { specifier, line } of relativeImports(text)) {
            const target = join(dirname(file), specifier).split(sep).join('/');
            const to = layerOf(target);
            if (to <= from) continue;
            findings.push({
                file,
                line,
                message:
                    `${LAYERS[from]} imports ${target} from ${LAYERS[to]}, a folder above it ` +
                    `(${LAYERS.join(' <- ')}): move what both need down to ${LAYERS[from]} or below`
            });
        }
    }
    return findings;
}

export async function check(root) {
    const files = new Map();
    for (const folder of new Set(LAYERS.map((layer) => layer.split('/')[0]))) {
        const accept = (path) =>
            /\.(mjs|js)$/.test(path) && !SKIPPED.some((skipped) => rel(root, path).startsWith(`${skipped}/`));
        for (const path of walk(resolve(root, folder), accept)) files.set(rel(root, path), readFileSync(path, 'utf8'));
    }
    return againstDirection(files);
}

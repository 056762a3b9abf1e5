// Keeps the preview's Apex twins in step with the Apex the components call. A twin is an exported function
// in preview/twins/<Class>.mjs named like the @AuraEnabled method, taking one object whose destructured
// properties are the Apex parameters, in the same order: `export function getWorkspace({ opportunityId }, context)`.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { childRule, childRules, findRules, parseApexFile, ruleName } from './apex-parse.mjs';
import { rel, sourceFiles } from './sfdx.mjs';

/** `@salesforce/apex/Class.method` imports in the components' TypeScript (and JavaScript) sources. */
export function apexImports(root) {
    const found = [];
    const files = sourceFiles(root, '.ts', '.js').filter((f) => /\/lwc\//.test(f) && !/__tests__/.test(f));
    for (const file of files) {
        for (const match of readFileSync(file, 'utf8').matchAll(/from\s+['"]@salesforce\/apex\/(\w+)\.(\w+)['"]/g)) {
            found.push({ file: rel(root, file), className: match[1], methodName: match[2] });
        }
    }
    return found;
}

/** The @AuraEnabled methods of every Apex class in the package: Map class → Map method → [param names]. */
export function auraEnabledMethods(root) {
    const classes = new Map();
    for (const file of sourceFiles(root, '.cls')) {
        const { tree, errors } = parseApexFile(file);
        if (errors.length) continue;
        const methods = new Map();
        for (const declaration of findRules(tree, 'classBodyDeclaration', ['block'])) {
            const annotated = childRules(declaration, 'modifier').some((modifier) =>
                /^@AuraEnabled\b/i.test(modifier.getText())
            );
            const method = childRule(childRule(declaration, 'memberDeclaration'), 'methodDeclaration');
            if (!annotated || !method) continue;
            const parameters = findRules(childRule(method, 'formalParameters'), 'formalParameter').map((p) =>
                childRule(p, 'id').getText()
            );
            methods.set(childRule(method, 'id').getText(), parameters);
        }
        if (methods.size) classes.set(basename(file, '.cls'), { file: rel(root, file), methods });
    }
    return classes;
}

/** Parameter names a twin destructures from its first argument, in order. */
export function twinParameters(fn) {
    const source = fn.toString();
    const match = /^[^(]*\(\s*\{([^}]*)\}/.exec(source);
    if (!match) return /^[^(]*\(\s*\)/.test(source) ? [] : null;
    return match[1]
        .split(',')
        .map((part) => part.trim().split(/[\s:=]/)[0])
        .filter(Boolean);
}

export async function loadTwins(root) {
    const twins = new Map();
    const dir = join(root, 'preview', 'twins');
    for (const className of new Set(apexImports(root).map((i) => i.className))) {
        const file = join(dir, `${className}.mjs`);
        if (existsSync(file)) twins.set(className, await import(pathToFileURL(file).href));
    }
    return twins;
}

export { ruleName };

// Offline check: every '@salesforce/schema', '@salesforce/label' and '@salesforce/apex' import of a Lightning web
// component (its TypeScript source, or its .js when the bundle has no .ts) names an object, field, relationship,
// custom label or Apex class the project has. Rules and sources are in scripts/lib/metadata-lwc-imports.mjs.
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { MetadataProject } from '../lib/metadata-project.mjs';
import { checkImports } from '../lib/metadata-lwc-imports.mjs';
import { sourceFiles, rel } from '../lib/sfdx.mjs';

const isComponentSource = (file) =>
    file.split(sep).includes('lwc') &&
    !file.split(sep).includes('__tests__') &&
    !file.endsWith('.d.ts') &&
    // A .js beside a .ts is the compiled output of that .ts: the .ts is read instead.
    !(file.endsWith('.js') && existsSync(file.replace(/\.js$/, '.ts')));

export async function check(root) {
    const project = new MetadataProject(root);
    const findings = [];
    for (const file of sourceFiles(root, '.ts', '.js').filter(isComponentSource)) {
        for (const { line, message } of checkImports(project, file))
            findings.push({ file: rel(root, file), line, message });
    }
    return findings;
}

// Apex writes to read-only fields: formula, roll-up summary, auto-number and audit fields, and standard fields the
// platform sets (Opportunity.IsWon, Contact.Name...), assigned in `new X(Field = ...)`, `record.Field = ...` or
// `record.put('Field', ...)` on a variable whose SObject type is declared in the same class. The compiler refuses
// these on deploy; the offline Apex runtime refuses them too, but only in code a test runs. See apex-writes.mjs.
import { basename } from 'node:path';
import { sourceFiles, rel } from '../lib/sfdx.mjs';
import { parseApexFile } from '../lib/apex-parse.mjs';
import { loadSchema } from '../lib/apex-schema.mjs';
import { checkWrites, declaredClassNames } from '../lib/apex-writes.mjs';

export async function check(root) {
    const schema = loadSchema(root);
    const files = sourceFiles(root, '.cls', '.trigger');
    const parsed = files.map((file) => ({ file, ...parseApexFile(file) }));
    // A type named like an SObject but declared as an Apex class (top-level or inner) is not an SObject.
    const classNames = new Set(files.filter((file) => file.endsWith('.cls')).map((file) => basename(file, '.cls')));
    for (const { tree } of parsed) declaredClassNames(tree).forEach((name) => classNames.add(name));
    const lowerNames = new Set([...classNames].map((name) => name.toLowerCase()));
    const findings = [];
    for (const { file, tree, errors } of parsed) {
        // A tree recovered from syntax errors is not trustworthy; apex-syntax reports the file instead.
        if (errors.length > 0) continue;
        for (const problem of checkWrites(tree, schema, lowerNames)) {
            findings.push({ file: rel(root, file), line: problem.line, message: problem.message });
        }
    }
    return findings;
}

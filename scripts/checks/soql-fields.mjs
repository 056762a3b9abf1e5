// SOQL names: every static query in Apex ([SELECT ...]) must name an existing object in FROM, existing fields and
// relationship paths, and existing child relationships in subqueries, resolved against the schema model
// (scripts/lib/schema/): the project's metadata and the catalogue of standard objects. Dynamic SOQL (Database.query
// on a string) is not checked: its text is only known at run time.
import { sourceFiles, rel } from '../lib/sfdx.mjs';
import { parseApexFile } from '../lib/apex-parse.mjs';
import { loadSchema } from '../lib/apex-schema.mjs';
import { checkSoql } from '../lib/apex-soql.mjs';

export async function check(root) {
    const schema = loadSchema(root);
    const findings = [];
    for (const file of sourceFiles(root, '.cls', '.trigger')) {
        const { tree, errors } = parseApexFile(file);
        // A tree recovered from syntax errors can hold half-parsed queries; apex-syntax reports the file instead.
        if (errors.length > 0) continue;
        for (const problem of checkSoql(tree, schema)) {
            findings.push({ file: rel(root, file), line: problem.line, message: problem.message });
        }
    }
    return findings;
}

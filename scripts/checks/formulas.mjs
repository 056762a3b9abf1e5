// Formulas: every validation rule, formula field and field default value in the project, parsed and type-checked
// against the project's own metadata as a deploy would. Reports syntax errors, unknown functions, references to
// fields, relationships, custom permissions and custom metadata that do not exist, type errors (a picklist
// compared with =, a rule that does not return a checkbox) and save-only functions used outside validation rules.
import { rel } from '../lib/sfdx.mjs';
import { loadSchema, loadFormulas, analyzeFormula, resolveReference } from '../lib/formulas.mjs';
import { elementLine } from '../lib/formula-types.mjs';

export async function check(root) {
    const schema = loadSchema(root);
    const findings = [];
    for (const entry of loadFormulas(root, schema)) {
        const file = rel(root, entry.file);
        if (entry.kind === 'formulaField' && !entry.returnType) {
            findings.push({
                file,
                line: entry.line,
                message: `${entry.label}: a formula field cannot be of type ${entry.fieldType}`
            });
            continue;
        }
        const analysis = analyzeFormula(schema, entry);
        for (const problem of analysis.problems) {
            findings.push({ file, line: entry.line + problem.line - 1, message: `${entry.label}: ${problem.message}` });
        }
        if (entry.kind === 'validationRule' && entry.errorDisplayField) {
            // The rule's error is shown on this field; a field that does not exist fails the deploy.
            const resolved = resolveReference(schema, entry.object, entry.errorDisplayField);
            if (resolved.error || resolved.parts.length !== 1) {
                findings.push({
                    file,
                    line: elementLine(entry.file, 'errorDisplayField'),
                    message: `${entry.label}: error display field ${entry.errorDisplayField} does not exist on ${entry.object}`
                });
            }
        }
    }
    return findings;
}

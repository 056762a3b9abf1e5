// Apex syntax: parses every class and trigger with the open-source Apex grammar and reports each syntax error.
// The parser's own `check` command always exits 0, so errors are collected through a listener and counted here.
import { sourceFiles, rel } from '../lib/sfdx.mjs';
import { parseApexFile, readableParserMessage } from '../lib/apex-parse.mjs';

export async function check(root) {
    const findings = [];
    for (const file of sourceFiles(root, '.cls', '.trigger')) {
        const { errors } = parseApexFile(file);
        for (const error of errors) {
            findings.push({
                file: rel(root, file),
                line: error.line,
                message: `Apex syntax error at column ${error.column + 1}: ${readableParserMessage(error.message)}`
            });
        }
    }
    return findings;
}

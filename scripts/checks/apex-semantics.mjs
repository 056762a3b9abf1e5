// Apex semantics: runs the Apex language server's CheckForIssues (apex-dev-tools apex-ls, bundled with the PMD engine)
// on the project. It loads classes, triggers and object metadata the way the compiler would and reports unknown
// fields, types and methods, wrong argument types, bad assignments and missing -meta.xml files.
// It does not look at field names inside SOQL text: soql-fields.mjs does that.
import { resolve } from 'node:path';
import { rel } from '../lib/sfdx.mjs';
import { CLASSPATH, run } from '../lib/apex-java.mjs';
import { readableParserMessage } from '../lib/apex-parse.mjs';

// Exit codes of CheckForIssues: 0 nothing found, 4 issues found; anything else means the tool itself failed.
const OK_CODES = new Set([0, 4]);

export async function check(root) {
    const workspace = resolve(root);
    // -n: no cache, so a stale cache in the home directory can never hide or invent an issue;
    // -w: the project to analyse (it reads that project's sfdx-project.json and package directories);
    // -f json: unambiguous to parse. The default detail level reports errors only, not style warnings.
    const { code, stdout, stderr } = await run('java', [
        '-cp',
        CLASSPATH,
        'io.github.apexdevtools.apexls.CheckForIssues',
        '-n',
        '-f',
        'json',
        '-w',
        workspace
    ]);
    if (!OK_CODES.has(code)) {
        throw new Error(`apex-ls CheckForIssues failed with exit code ${code}:\n${stderr || stdout}`);
    }
    let report;
    try {
        report = JSON.parse(stdout);
    } catch {
        throw new Error(`apex-ls CheckForIssues printed output that is not JSON:\n${stdout.slice(0, 2000)}`);
    }
    const findings = [];
    for (const file of report.files ?? []) {
        for (const issue of file.messages ?? []) {
            findings.push({
                // Project-level problems (no sfdx-project.json, for instance) are reported against the root itself.
                file: rel(workspace, file.path) || '.',
                line: issue.start?.line,
                message: `${issue.category}: ${readableParserMessage(issue.message)}`
            });
        }
    }
    return findings;
}

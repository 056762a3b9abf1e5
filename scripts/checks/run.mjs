#!/usr/bin/env node
// Runs named offline checks on a project: node scripts/checks/run.mjs [--root DIR] <check> [<check> ...]
// Each check is scripts/checks/<check>.mjs exporting `check(root)` that resolves to findings
// ({ file, line?, message }). Prints one line per finding and exits 1 if any check found anything.
// A check that throws (a project file it cannot read) is reported as one finding of that check, and the run
// goes on: one broken input must not hide every other check's findings.
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let root = resolve(here, '..', '..');
const names = [];
for (let i = 0; i < args.length; i++) {
    if (args[i] === '--root') root = resolve(args[++i]);
    else names.push(args[i]);
}
if (names.length === 0) {
    console.error('usage: node scripts/checks/run.mjs [--root DIR] <check> [<check> ...]');
    process.exit(2);
}

let failed = false;
for (const name of names) {
    const started = Date.now();
    const { check } = await import(pathToFileURL(join(here, `${name}.mjs`)).href);
    let findings;
    try {
        findings = await check(root);
    } catch (error) {
        findings = [{ file: name, message: `could not run: ${error.message.split('\n')[0]}` }];
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (findings.length === 0) {
        console.log(`${name}: no findings (${seconds}s)`);
        continue;
    }
    failed = true;
    console.log(`${name}: ${findings.length} finding${findings.length === 1 ? '' : 's'} (${seconds}s)`);
    for (const f of findings) {
        console.log(`  ${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`);
    }
}
process.exit(failed ? 1 : 0);

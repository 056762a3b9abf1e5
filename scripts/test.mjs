#!/usr/bin/env node
// npm test: every offline check, in order, each reported on its own; exits non-zero if any fails.
// Runs them all even after a failure so one run shows every problem.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeTestFiles } from './lib/sfdx.mjs';
import { requireSupportedNode } from './lib/node-version.mjs';

requireSupportedNode('npm test');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (...path) => join(root, 'node_modules', ...path);
const node = (...args) => [process.execPath, ...args];
const testFiles = (...dirs) => nodeTestFiles(root, ...dirs);
const checks = (...names) => node(join(root, 'scripts', 'checks', 'run.mjs'), ...names);

const STEPS = [
    ['type-check (tsc)', () => node(bin('typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json')],
    ['lint (ESLint, LWC rules)', () => node(bin('eslint', 'bin', 'eslint.js'), '--max-warnings', '0', '.')],
    ['format (Prettier, Apex included)', () => node(bin('prettier', 'bin', 'prettier.cjs'), '--check', '.')],
    ['unit tests (Jest, coverage)', () => node(bin('jest', 'bin', 'jest.js'), '--coverage', '--ci')],
    ['build: compile, package, contents', () => node(join(root, 'scripts', 'build.mjs'))],
    ['Apex syntax', () => checks('apex-syntax')],
    ['Apex semantics', () => checks('apex-semantics')],
    ['SOQL field names', () => checks('soql-fields')],
    ['Apex writes to read-only fields', () => checks('apex-writeable')],
    ['PMD security and performance', () => checks('pmd')],
    ['metadata XML against the Metadata API model', () => checks('metadata-xml')],
    ['cross-references', () => checks('cross-references')],
    ['Lightning component imports', () => checks('component-imports')],
    ['name and label length limits', () => checks('name-limits')],
    ['sfdx-project.json', () => checks('project-config')],
    ['formula syntax and references', () => checks('formulas')],
    ['org scripts against the sf CLI manifests', () => checks('org-scripts')],
    ['tooling folders import down their layers only', () => checks('folder-direction')],
    ['package feature folders use each other one way only', () => checks('feature-direction')],
    ['formula scenarios', () => node('--test', ...testFiles('test/formulas'))],
    [
        'automation: agent actions and template flows against the Apex actions',
        () => node('--test', ...testFiles('test/automation'))
    ],
    [
        'Apex runtime: its own tests (semantics from the Apex guides)',
        () => node('--test', ...testFiles('apex-runtime/test'))
    ],
    ['Apex tests on the offline runtime (npm run test:apex)', () => node(join(root, 'scripts', 'test-apex.mjs'))],
    [
        'Apex tests in an org with the stage gates on (npm run test:apex -- --gates-on)',
        () => node(join(root, 'scripts', 'test-apex.mjs'), '--gates-on')
    ],
    ['preview: embedded org and the demo from the Apex loader', () => node('--test', ...testFiles('test/preview'))],
    ['end-to-end in Chromium, through the preview', () => node(join(root, 'scripts', 'test-e2e.mjs'))],
    ['the checks catch their broken fixtures', () => node('--test', ...testFiles('scripts/checks/__tests__'))]
];

const only = process.argv.slice(2);
const results = [];
console.log(`Node ${process.versions.node} (${process.execPath})`);
for (const [name, commandLine] of STEPS) {
    if (only.length > 0 && !only.some((word) => name.toLowerCase().includes(word.toLowerCase()))) continue;
    console.log(`\n━━ ${name}`);
    const started = Date.now();
    let command;
    let args;
    try {
        [command, ...args] = commandLine();
    } catch (problem) {
        console.error(problem.message);
        results.push({ name, ok: false, seconds: 0 });
        continue;
    }
    const { status, error } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    const seconds = (Date.now() - started) / 1000;
    if (error) console.error(error.message);
    results.push({ name, ok: status === 0 && !error, seconds });
}

console.log('\n━━ summary');
for (const { name, ok, seconds } of results) {
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${name} (${seconds.toFixed(1)}s)`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

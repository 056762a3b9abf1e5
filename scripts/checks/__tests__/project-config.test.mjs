// project-config against the metadata fixtures, and the runner's promise that a broken sfdx-project.json is one
// finding of its own while the other checks still run and report (here: that they could not read the project).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { check } from '../project-config.mjs';
import { findingsFor, describeFindings, makeProject, removeProject, FIXTURES } from './harness.mjs';

const BASE = 'metadata/clean';

test('the clean fixture has a usable sfdx-project.json', async () => {
    const findings = await findingsFor(check, BASE);
    assert.deepEqual(findings, [], describeFindings(findings));
});

test('reports invalid JSON as one finding with its line', async () => {
    const findings = await findingsFor(check, BASE, 'metadata/broken/project-invalid-json');
    assert.equal(findings.length, 1, describeFindings(findings));
    assert.match(findings[0].message, /^sfdx-project\.json is not valid JSON/);
    assert.equal(findings[0].file, 'sfdx-project.json');
    assert.ok(findings[0].line >= 6, describeFindings(findings));
});

test('reports a project file without packageDirectories', async () => {
    const findings = await findingsFor(check, BASE, 'metadata/broken/project-no-package-directories');
    assert.deepEqual(
        findings.map((f) => f.message),
        ['sfdx-project.json has no packageDirectories (a list of { "path": ... } entries)']
    );
});

test('the runner reports the broken file once and still runs every other check named', () => {
    const dir = makeProject(BASE, 'metadata/broken/project-invalid-json');
    try {
        const run = join(FIXTURES, '..', '..', 'scripts', 'checks', 'run.mjs');
        const result = spawnSync(
            process.execPath,
            [run, '--root', dir, 'project-config', 'name-limits', 'cross-references'],
            {
                encoding: 'utf8'
            }
        );
        assert.equal(result.status, 1, result.stderr);
        assert.match(result.stdout, /project-config: 1 finding/);
        assert.match(result.stdout, /sfdx-project\.json:\d+: sfdx-project\.json is not valid JSON/);
        assert.match(result.stdout, /name-limits: 1 finding[\s\S]*could not run: /);
        assert.match(result.stdout, /cross-references: 1 finding[\s\S]*could not run: /);
    } finally {
        removeProject(dir);
    }
});

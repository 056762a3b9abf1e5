// The toolchain steps of `npm test` (type-check, lint, format, package contents) each catch their own
// deliberately broken fixture with a readable message, and pass the clean one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { utimesSync } from 'node:fs';
import { check as packageContents, staleComponents } from '../package-contents.mjs';
import { FIXTURES, findingsFor, describeFindings, makeProject, removeProject } from './harness.mjs';

const REPO = join(FIXTURES, '..', '..');
const TOOLCHAIN = join(FIXTURES, 'toolchain');

function run(bin, args) {
    const result = spawnSync(process.execPath, [join(REPO, 'node_modules', ...bin), ...args], {
        cwd: REPO,
        encoding: 'utf8'
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('type-check', () => {
    it('fails on a type error and names the file and the TypeScript error', () => {
        const { status, output } = run(['typescript', 'bin', 'tsc'], ['-p', join(TOOLCHAIN, 'type-error')]);
        assert.notEqual(status, 0, output);
        assert.match(output, /typed\.ts\(8,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
    });
});

describe('lint', () => {
    it('fails on an LWC rule violation in a TypeScript component and names the rule', () => {
        const file = join(TOOLCHAIN, 'lint-error', 'lwc', 'linted', 'linted.ts');
        const { status, output } = run(['eslint', 'bin', 'eslint.js'], ['--no-ignore', file]);
        assert.notEqual(status, 0, output);
        assert.match(output, /@lwc\/lwc\/no-inner-html/);
    });

    it('passes a clean TypeScript component', () => {
        const file = join(TOOLCHAIN, 'clean', 'force-app', 'main', 'default', 'lwc', 'greeting', 'greeting.ts');
        const { status, output } = run(['eslint', 'bin', 'eslint.js'], ['--no-ignore', file]);
        assert.equal(status, 0, output);
    });
});

describe('format', () => {
    it('fails on badly formatted Apex and names the file', () => {
        const file = join(TOOLCHAIN, 'format-error', 'classes', 'Badly.cls');
        const { status, output } = run(['prettier', 'bin', 'prettier.cjs'], ['--check', '--ignore-path', '', file]);
        assert.notEqual(status, 0, output);
        assert.match(output, /Badly\.cls/);
    });
});

describe('package contents', () => {
    it('passes a clean project: sources and tests stay out, compiled components go in', async () => {
        const findings = await findingsFor(packageContents, 'toolchain/clean');
        assert.deepEqual(findings, [], describeFindings(findings));
    });

    it('catches a .ts source, a test and a Markdown note that would be deployed', async () => {
        const findings = await findingsFor(packageContents, 'toolchain/clean', 'toolchain/broken/ts-deployed');
        const text = describeFindings(findings);
        assert.match(text, /documentation would be deployed: lwc\/greeting\/NOTES\.md/);
        assert.match(
            text,
            /TypeScript source \(only the compiled \.js is deployed\) would be deployed: .*greeting\.ts/
        );
        assert.match(text, /Jest test would be deployed: .*__tests__\/greeting\.test\.ts/);
    });

    it('catches a TypeScript component that was never compiled', async () => {
        const findings = await findingsFor(packageContents, 'toolchain/clean', 'toolchain/broken/uncompiled');
        assert.match(describeFindings(findings), /farewell\.ts has no compiled \.js beside it: run npm run build/);
    });

    it('catches a compiled .js older than its .ts source', () => {
        const dir = makeProject('toolchain/clean');
        try {
            const lwc = join(dir, 'force-app', 'main', 'default', 'lwc', 'greeting');
            const anHourAgo = new Date(Date.now() - 3600_000);
            utimesSync(join(lwc, 'greeting.js'), anHourAgo, anHourAgo);
            assert.deepEqual(describeFindings(staleComponents(dir)).split('\n'), [
                'force-app/main/default/lwc/greeting/greeting.js: compiled force-app/main/default/lwc/greeting/greeting.js is older than its source force-app/main/default/lwc/greeting/greeting.ts: run npm run build'
            ]);
        } finally {
            removeProject(dir);
        }
    });

    it('catches a template the LWC compiler rejects', async () => {
        const findings = await findingsFor(packageContents, 'toolchain/clean', 'toolchain/broken/template-error');
        assert.match(describeFindings(findings), /lwc\/greeting\/greeting\.html: LWC compiler: /);
    });
});

// folder-direction on small in-memory trees: an import down the layers passes, one up is reported with its line,
// and a comment or string that only looks like an import is not read as one. Then the project itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { againstDirection, check, layerOf } from '../folder-direction.mjs';
import { describeFindings } from './harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

test('a file belongs to the longest tooling folder holding it', () => {
    assert.deepEqual(
        [
            'scripts/lib/sfdx.mjs',
            'scripts/checks/run.mjs',
            'preview/org/org.mjs',
            'preview/apex.mjs',
            'force-app/x.js'
        ].map(layerOf),
        [0, 5, 1, 3, -1]
    );
});

test('imports down the layers and within a folder pass', () => {
    const files = new Map([
        ['preview/org/org.mjs', "import { loadSchema } from '../../scripts/lib/schema/index.mjs';\n"],
        ['apex-runtime/session.mjs', "import { createOrg } from '../preview/org/org.mjs';\n"],
        ['test/preview/support.mjs', "export { createOrg } from '../../preview/org/org.mjs';\n"],
        ['scripts/checks/x.mjs', "const { check } = await import('./y.mjs');\n"]
    ]);
    assert.deepEqual(againstDirection(files), []);
});

test('an import up the layers is reported where it is, static, re-export or dynamic', () => {
    const files = new Map([
        [
            'apex-runtime/test/platform/support.mjs',
            [
                '// import { x } from "../../../test/preview/support.mjs" is only a comment',
                'const text = "import y from \'../../../bench/org.mjs\'";',
                "import { ROOT } from '../../../test/preview/support.mjs';"
            ].join('\n')
        ],
        ['scripts/lib/formulas.mjs', "\nexport { createOrg } from '../../preview/org/org.mjs';\n"],
        ['bench/org.mjs', "const support = await import('../test/e2e/support.mjs');\n"]
    ]);
    assert.deepEqual(describeFindings(againstDirection(files)).split('\n'), [
        'apex-runtime/test/platform/support.mjs:3: apex-runtime imports test/preview/support.mjs from test, a folder ' +
            'above it (scripts/lib <- preview/org <- apex-runtime <- preview <- bench <- scripts <- test): move what ' +
            'both need down to apex-runtime or below',
        'scripts/lib/formulas.mjs:2: scripts/lib imports preview/org/org.mjs from preview/org, a folder above it ' +
            '(scripts/lib <- preview/org <- apex-runtime <- preview <- bench <- scripts <- test): move what both need ' +
            'down to scripts/lib or below',
        'bench/org.mjs:1: bench imports test/e2e/support.mjs from test, a folder above it (scripts/lib <- ' +
            'preview/org <- apex-runtime <- preview <- bench <- scripts <- test): move what both need down to bench or below'
    ]);
});

test('the project imports down the layers only', async () => {
    const findings = await check(ROOT);
    assert.deepEqual(findings, [], describeFindings(findings));
});

#!/usr/bin/env node
// npm run test:e2e: the end-to-end tests in Chromium, through the preview. Builds the preview's bundle once
// (dist/preview/e2e/app.js), then runs every file of test/e2e against it (E2E_BUNDLE, test/e2e/support.mjs): every
// file serves the same components, so building them again for each file only cost time (18 builds of about 25 s on
// a 2-core machine). Arguments go to node --test (for example --test-name-pattern "pipeline").
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeTestFiles } from './lib/sfdx.mjs';
import { requireSupportedNode } from './lib/node-version.mjs';
import { buildBundle } from './preview.mjs';

requireSupportedNode('npm run test:e2e');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = nodeTestFiles(root, join('test', 'e2e'));

const bundleFile = join(root, 'dist', 'preview', 'e2e', 'app.js');
const built = await buildBundle({ output: bundleFile });
console.log(`bundle built once in ${built.seconds.toFixed(1)} s (${built.warnings} compiler warnings hidden)`);

const { status, error } = spawnSync(process.execPath, ['--test', ...process.argv.slice(2), ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, E2E_BUNDLE: bundleFile }
});
if (error) console.error(error.message);
process.exit(status ?? 1);

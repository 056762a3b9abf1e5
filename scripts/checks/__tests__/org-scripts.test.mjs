// The org-scripts check reads the scratch-org, deploy, test and packaging scripts as the CLI would: it passes
// correct scripts and names each kind of mistake.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check } from '../org-scripts.mjs';
import { loadSfCommands } from '../../lib/sf-commands.mjs';
import { findingsFor, describeFindings } from './harness.mjs';

describe('org-scripts check', () => {
    it('reads the commands of the CLI package.json pins, its core plugins and its just-in-time plugins', () => {
        const { version, pinned, plugins, commands } = loadSfCommands();
        const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
        assert.equal(pinned, pkg.devDependencies['@salesforce/cli']);
        assert.equal(version, pinned, 'node_modules holds the pinned CLI');
        assert.ok(plugins.some((p) => p.startsWith('@salesforce/plugin-apex@')));
        assert.ok(commands['apex run test'].flags['test-level'].options.includes('RunLocalTests'));
        assert.ok(commands['cmdt generate object'], 'a just-in-time plugin command, listed in the CLI manifest');
    });

    it('passes correct scripts', async () => {
        const findings = await findingsFor(check, 'org-scripts/clean');
        assert.deepEqual(findings, [], describeFindings(findings));
    });

    const broken = [
        ['misspelled-flag', /sf apex run test: unknown flag --test-levle/],
        ['unknown-command', /unknown sf command: sf org launch scratch/],
        ['bad-option', /sf apex run test: --test-level RunEverything is not one of .*RunLocalTests/],
        ['missing-permission-set', /permission set Tandem_Reviewer is not in the package/],
        ['bash-syntax', /bash syntax: .*syntax error/],
        ['exclusive-flags', /sf project deploy start: --source-dir cannot be used with --manifest/],
        ['dependent-flag', /sf apex run test: --detailed-coverage needs --code-coverage/],
        ['global-sf', /open\.sh:3: calls sf without sourcing common\.sh/],
        ['common-without-project-bin', /common\.sh: does not put the project's node_modules\/\.bin .* first on PATH/]
    ];
    for (const [kind, expected] of broken) {
        it(`catches a ${kind.replace(/-/g, ' ')}`, async () => {
            const findings = await findingsFor(check, 'org-scripts/clean', `org-scripts/broken/${kind}`);
            assert.match(describeFindings(findings), expected);
        });
    }
});

// The org-scripts check reads the scratch-org, deploy, test and packaging scripts as the CLI would: it passes
// correct scripts and names each kind of mistake.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../org-scripts.mjs';
import { findingsFor, describeFindings } from './harness.mjs';

describe('org-scripts check', () => {
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
        ['dependent-flag', /sf apex run test: --detailed-coverage needs --code-coverage/]
    ];
    for (const [kind, expected] of broken) {
        it(`catches a ${kind.replace(/-/g, ' ')}`, async () => {
            const findings = await findingsFor(check, 'org-scripts/clean', `org-scripts/broken/${kind}`);
            assert.match(describeFindings(findings), expected);
        });
    }
});

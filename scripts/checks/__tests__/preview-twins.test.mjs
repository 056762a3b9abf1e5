// The preview-twins check keeps each Apex method the components call and its preview twin in step.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../preview-twins.mjs';
import { findingsFor, describeFindings } from './harness.mjs';

describe('preview-twins check', () => {
    it('passes twins that match their Apex methods', async () => {
        const findings = await findingsFor(check, 'preview-twins/clean');
        assert.deepEqual(findings, [], describeFindings(findings));
    });

    const broken = [
        [
            'drifted-parameters',
            /DemoController\.getThing: the twin takes \{ recordId \} but the Apex method takes \(recordId, mode\)/
        ],
        ['missing-twin', /DemoController\.saveThing has no preview twin: export function saveThing\(\{ recordId \}/],
        ['not-aura-enabled', /DemoController\.saveThing is imported but is not an @AuraEnabled method/],
        ['orphan-twin', /twin DemoController\.deleteThing has no @AuraEnabled Apex method/]
    ];
    for (const [kind, expected] of broken) {
        it(`catches ${kind.replace(/-/g, ' ')}`, async () => {
            const findings = await findingsFor(check, 'preview-twins/clean', `preview-twins/broken/${kind}`);
            assert.match(describeFindings(findings), expected);
        });
    }
});

// component-imports against the metadata fixtures: the clean component imports an object, a field, a field
// through a lookup, a custom label and an Apex method; each overlay breaks one of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../component-imports.mjs';
import { findingsFor, describeFindings } from './harness.mjs';

const BASE = 'metadata/clean';
const FILE = 'force-app/main/default/lwc/planSummary/planSummary.js';

test('the clean component imports only what the metadata has', async () => {
    const findings = await findingsFor(check, BASE);
    assert.deepEqual(findings, [], describeFindings(findings));
});

const BROKEN = [
    [
        'component-import-missing-field',
        `${FILE}:2: import '@salesforce/schema/Plan__c.Stauts__c': field Plan__c.Stauts__c does not exist (did you mean Status__c?)`
    ],
    [
        'component-import-missing-label',
        `${FILE}:5: import '@salesforce/label/c.Plan_Summary_Titel': custom label Plan_Summary_Titel does not exist (did you mean Plan_Summary_Title?)`
    ],
    [
        'component-import-missing-relationship',
        `${FILE}:3: import '@salesforce/schema/Plan__c.Opportunty__r.Name': Opportunty__r is not a relationship of Plan__c`
    ]
];

for (const [overlay, expected] of BROKEN) {
    test(`flags ${overlay}`, async () => {
        const findings = await findingsFor(check, BASE, `metadata/broken/${overlay}`);
        assert.deepEqual(describeFindings(findings).split('\n'), [expected]);
    });
}

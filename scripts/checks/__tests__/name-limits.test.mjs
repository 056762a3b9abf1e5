// name-limits against the metadata fixtures: the clean project is within every limit; each overlay goes over one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../name-limits.mjs';
import { findingsFor, describeFindings } from './harness.mjs';

const BASE = 'metadata/clean';
const SOURCE = 'force-app/main/default/';

test('the clean fixture is within every name and label limit', async () => {
    const findings = await findingsFor(check, BASE);
    assert.deepEqual(findings, [], describeFindings(findings));
});

const BROKEN = [
    {
        overlay: 'limits-long-field-name',
        file: 'objects/Plan__c/fields/Plan_Objective_Owner_Approval_Escalation_Tier__c.field-meta.xml',
        messages: [
            'CustomField Plan__c.Plan_Objective_Owner_Approval_Escalation_Tier__c: API name is 45 characters; the limit is 40',
            'label is 45 characters; the limit is 40'
        ]
    },
    {
        overlay: 'limits-long-error-message',
        file: 'objects/Plan__c/validationRules/Target_Date_Required.validationRule-meta.xml',
        messages: ['ValidationRule Plan__c.Target_Date_Required: errorMessage is 296 characters; the limit is 255']
    },
    {
        overlay: 'limits-long-permission-set-label',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        messages: ['PermissionSet Planner_User: label is 86 characters; the limit is 80']
    },
    {
        overlay: 'limits-long-cmdt-record-name',
        file: 'customMetadata/Plan_Setting.Default_For_Every_Enterprise_Sales_Team_Region.md-meta.xml',
        messages: [
            'CustomMetadata Plan_Setting.Default_For_Every_Enterprise_Sales_Team_Region: API name is 46 characters; the limit is 40'
        ]
    }
];

for (const { overlay, file, messages } of BROKEN) {
    test(`flags ${overlay}`, async () => {
        const findings = await findingsFor(check, BASE, `metadata/broken/${overlay}`);
        for (const message of messages) {
            const hit = findings.find((f) => f.file === `${SOURCE}${file}` && f.message.includes(message));
            assert.ok(hit, `expected "${message}" on ${file}; got:\n${describeFindings(findings)}`);
        }
    });
}

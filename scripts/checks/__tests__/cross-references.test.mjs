// The cross-references check against a clean fixture project and overlays that each break one reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../cross-references.mjs';
import { findingsFor, describeFindings } from './harness.mjs';

const BASE = 'metadata/clean';
const SOURCE = 'force-app/main/default/';

test('the clean fixture has no findings', async () => {
    const findings = await findingsFor(check, BASE);
    assert.deepEqual(findings, [], describeFindings(findings));
});

// Each overlay, the file that carries the dangling reference, and the text its finding must contain.
const BROKEN = [
    {
        overlay: 'rollup-filter-bad-picklist-value',
        file: 'objects/Plan__c/fields/Done_Step_Count__c.field-meta.xml',
        message: 'summaryFilterItems: "Completed" is not a value of picklist Step__c.Status__c'
    },
    {
        overlay: 'rollup-dangling-summarized-field',
        file: 'objects/Plan__c/fields/Latest_Due_Date__c.field-meta.xml',
        message: 'summarizedField Step__c.Due_Dat__c does not exist on Step__c (did you mean Due_Date__c?)'
    },
    {
        overlay: 'rollup-dangling-foreign-key',
        file: 'objects/Plan__c/fields/Step_Count__c.field-meta.xml',
        message: 'summaryForeignKey Step__c.Plan_Id__c: field Plan_Id__c does not exist on Step__c'
    },
    {
        overlay: 'cmdt-bad-picklist-value',
        file: 'customMetadata/Plan_Setting.Default.md-meta.xml',
        message: 'Mode__c value "Loose" is not a value of the picklist (Strict, Lenient)'
    },
    {
        overlay: 'cmdt-missing-field',
        file: 'customMetadata/Plan_Setting.Default.md-meta.xml',
        message: 'field Max_Days__c does not exist on Plan_Setting__mdt'
    },
    {
        overlay: 'permset-missing-field',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        message: 'fieldPermissions: field Plan__c.Budget__c does not exist'
    },
    {
        overlay: 'permset-required-field',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        message: 'Step__c.Due_Date__c is a required field; field access cannot be granted on it'
    },
    {
        overlay: 'layout-missing-field',
        file: 'layouts/Plan__c-Plan Layout.layout-meta.xml',
        message: 'layoutItems: field Plan__c.Budget__c does not exist'
    },
    {
        overlay: 'flexipage-missing-component',
        file: 'flexipages/Plan_Record_Page.flexipage-meta.xml',
        message:
            'component c:planSumary does not exist (no LWC bundle planSumary in the project) (did you mean c:planSummary?)'
    },
    {
        overlay: 'flexipage-component-without-target',
        file: 'flexipages/Plan_Record_Page.flexipage-meta.xml',
        message: 'component c:planSummary does not list target lightning__RecordPage'
    },
    {
        overlay: 'flexipage-missing-field',
        file: 'flexipages/Plan_Record_Page.flexipage-meta.xml',
        message: 'fieldInstance: field Plan__c.Budget__c does not exist'
    },
    {
        overlay: 'detail-sharing-model',
        file: 'objects/Step__c/Step__c.object-meta.xml',
        message:
            'sharingModel is ReadWrite, but an object with a master-detail field (Plan__c) must use ControlledByParent'
    },
    {
        overlay: 'lookup-missing-object',
        file: 'objects/Plan__c/fields/Opportunity__c.field-meta.xml',
        message:
            'referenceTo Opportunty is not an object in the project or a known standard object (did you mean Opportunity?)'
    },
    {
        overlay: 'validation-rule-missing-field',
        file: 'objects/Plan__c/validationRules/Target_Date_Required.validationRule-meta.xml',
        message: 'errorDisplayField: field Plan__c.Target_Dat__c does not exist'
    },
    {
        overlay: 'report-missing-report-type',
        file: 'reports/Plan_Reports/Open_Steps.report-meta.xml',
        message: 'reportType Plans_with_Step__c is not a report type in the project'
    },
    {
        overlay: 'app-missing-tab',
        file: 'applications/Planner.app-meta.xml',
        message: 'CustomApplication Planner: tab Milestone__c does not exist'
    }
];

for (const { overlay, file, message } of BROKEN) {
    test(`flags ${overlay}`, async () => {
        const findings = await findingsFor(check, BASE, `metadata/broken/${overlay}`);
        const hit = findings.find((f) => f.file === `${SOURCE}${file}` && f.message.includes(message));
        assert.ok(hit, `expected "${message}" on ${file}; got:\n${describeFindings(findings)}`);
        assert.ok(hit.line > 0, `expected a line number: ${describeFindings([hit])}`);
    });
}

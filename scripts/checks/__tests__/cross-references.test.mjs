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
        overlay: 'permset-edit-without-read',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        message: 'objectPermissions on Plan__c: allowEdit requires allowRead'
    },
    {
        overlay: 'permset-delete-without-edit',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        message: 'objectPermissions on Step__c: allowDelete requires allowEdit'
    },
    {
        overlay: 'permset-field-edit-without-read',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        message: 'fieldPermissions: Plan__c.Target_Date__c is editable but not readable'
    },
    {
        overlay: 'permset-view-all-detail',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        message:
            'objectPermissions on Step__c: viewAllRecords on a detail whose sharing is controlled by its parent requires viewAllRecords on its master Plan__c'
    },
    {
        overlay: 'permset-detail-beyond-master',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        message:
            'objectPermissions on Step__c: allowRead, allowCreate, allowEdit, allowDelete on a detail requires allowRead on its master Plan__c'
    },
    {
        overlay: 'permset-standard-object',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        message: 'objectPermissions on Opportunity: object permissions for standard objects cannot be packaged'
    },
    {
        overlay: 'permset-editable-formula',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        message: 'fieldPermissions: Plan__c.Percent_Done__c is a formula field and cannot be editable'
    },
    {
        overlay: 'permset-editable-rollup',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        message: 'fieldPermissions: Plan__c.Step_Count__c is a roll-up summary field and cannot be editable'
    },
    {
        overlay: 'permset-master-detail-field',
        file: 'permissionsets/Planner_User.permissionset-meta.xml',
        message: 'Step__c.Plan__c is a master-detail field; field access cannot be granted on it'
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
        overlay: 'flexipage-namespaced-own-component',
        file: 'flexipages/Plan_Record_Page.flexipage-meta.xml',
        message: "component tandem:planSummary names the package's own component by its namespace; write c:planSummary"
    },
    {
        overlay: 'flexipage-unknown-standard-component',
        file: 'flexipages/Plan_Record_Page.flexipage-meta.xml',
        message: 'component force:highlightPanel is not a known standard component of force'
    },
    {
        overlay: 'flexipage-unknown-namespace',
        file: 'flexipages/Plan_Record_Page.flexipage-meta.xml',
        message: 'component flexipages:column: namespace flexipages is neither c'
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
        overlay: 'listview-detail-owner-column',
        file: 'objects/Step__c/listViews/All_Steps.listView-meta.xml',
        message:
            'ListView Step__c.All_Steps: column OWNER.ALIAS: Step__c is the detail of a master-detail relationship and has no owner'
    },
    {
        overlay: 'listview-bad-standard-column',
        file: 'objects/Plan__c/listViews/Active_Plans.listView-meta.xml',
        message: 'column CREATED_DAT is not a standard column of a custom object (NAME, CREATED_DATE'
    },
    {
        overlay: 'lwc-target-object-missing',
        file: 'lwc/planSummary/planSummary.js-meta.xml',
        message:
            'LightningComponentBundle planSummary: targetConfig lightning__RecordPage names object Plann__c, which is not an object in the project'
    },
    {
        overlay: 'cmdt-relationship-missing-record',
        file: 'customMetadata/Plan_Setting_Rule.Strict_Rule.md-meta.xml',
        message: 'Setting__c value "Defualt" is not a Plan_Setting__mdt record in the project (did you mean Default?)'
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

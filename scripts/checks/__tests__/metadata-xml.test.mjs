// The metadata-xml check against a clean fixture project and overlays that each break one file in one way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check } from '../metadata-xml.mjs';
import { buildModel } from '../../lib/metadata-model.mjs';
import { findingsFor, describeFindings } from './harness.mjs';

const BASE = 'metadata/clean';
const SOURCE = 'force-app/main/default/';

test('the clean fixture has no findings', async () => {
    const findings = await findingsFor(check, BASE);
    assert.deepEqual(findings, [], describeFindings(findings));
});

// Each overlay, the file it breaks, the text its finding must contain and (where it is exact) the line.
const BROKEN = [
    {
        overlay: 'misspelled-element',
        file: 'objects/Plan__c/fields/Objective__c.field-meta.xml',
        message: 'CustomField: unknown element <lenght> (did you mean <length>?)',
        line: 6
    },
    {
        overlay: 'misspelled-nested-element',
        file: 'objects/Step__c/fields/Status__c.field-meta.xml',
        message: 'CustomField.valueSet.valueSetDefinition.value: unknown element <defualt> (did you mean <default>?)',
        line: 18
    },
    {
        overlay: 'bad-field-type',
        file: 'objects/Plan__c/fields/Status__c.field-meta.xml',
        message: 'CustomField.type: "Picklist2" is not one of AutoNumber, Lookup, MasterDetail',
        line: 6
    },
    {
        overlay: 'bad-delete-constraint',
        file: 'objects/Plan__c/fields/Opportunity__c.field-meta.xml',
        message: 'CustomField.deleteConstraint: "Whatever" is not one of Cascade, Restrict, SetNull',
        line: 4
    },
    {
        overlay: 'bad-boolean',
        file: 'objects/Step__c/fields/Plan__c.field-meta.xml',
        message: 'CustomField.reparentableMasterDetail: "yes" is not a boolean (true or false)',
        line: 9
    },
    {
        overlay: 'bad-number',
        file: 'objects/Step__c/fields/Effort_Days__c.field-meta.xml',
        message: 'CustomField.precision: "four" is not a number',
        line: 5
    },
    {
        overlay: 'missing-required-element',
        file: 'objects/Plan__c/validationRules/Target_Date_Required.validationRule-meta.xml',
        message: 'ValidationRule: missing required element <errorMessage>'
    },
    {
        overlay: 'bad-cmdt-value-type',
        file: 'customMetadata/Plan_Setting.Default.md-meta.xml',
        message: 'CustomMetadata.values.value: "yes" is not a valid xsd:boolean',
        line: 11
    },
    {
        overlay: 'lwc-target-not-declared',
        file: 'lwc/planSummary/planSummary.js-meta.xml',
        message: 'target lightning__AppPage is configured but not listed in <targets>'
    },
    {
        overlay: 'wrong-root-element',
        file: 'tabs/Plan__c.tab-meta.xml',
        message: "root element <CustomTabs> does not match the file's type (expected <CustomTab>)"
    },
    {
        overlay: 'malformed-xml',
        file: 'objects/Plan__c/listViews/Active_Plans.listView-meta.xml',
        message: "malformed XML: Expected closing tag 'label'",
        line: 19
    },
    {
        // Only the conversion to the deploy format reads a decomposed child into its parent and chokes on it.
        overlay: 'unparseable-child',
        file: 'objects/Plan__c/Plan__c.object-meta.xml',
        message: 'SDR conversion of CustomObject Plan__c: error parsing'
    },
    {
        overlay: 'wrong-suffix',
        file: 'objects/Plan__c/fields/Budget__c.feild-meta.xml',
        message: 'SDR: Could not infer a metadata type'
    }
];

for (const { overlay, file, message, line } of BROKEN) {
    test(`flags ${overlay}`, async () => {
        const findings = await findingsFor(check, BASE, `metadata/broken/${overlay}`);
        const hit = findings.find((f) => f.file === `${SOURCE}${file}` && f.message.includes(message));
        assert.ok(hit, `expected "${message}" on ${file}; got:\n${describeFindings(findings)}`);
        if (line) assert.equal(hit.line, line, describeFindings([hit]));
    });
}

test('the cached model matches the installed @salesforce/types declarations', async () => {
    const cached = JSON.parse(readFileSync(new URL('../../lib/metadata-model.json', import.meta.url), 'utf8'));
    const built = await buildModel();
    assert.deepEqual(Object.keys(cached.types).sort(), Object.keys(built.types).sort());
    assert.deepEqual(cached.enums, built.enums);
    assert.deepEqual(Object.keys(cached.types.CustomField).sort(), Object.keys(built.types.CustomField).sort());
});

// soql-fields against its fixtures. The clean project's queries use parent paths, child subqueries, namespaced
// names, aggregates with aliases, toLabel, TYPEOF, HAVING and standard objects: none may be reported. Each broken
// overlay adds one class whose SOQL names something the schema does not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsFor, describeFindings } from './harness.mjs';
import { check } from '../soql-fields.mjs';

const CLASSES = 'force-app/main/default/classes';
const broken = (kind) => findingsFor(check, 'apex/clean', `apex/broken/${kind}`);
const lines = (findings) => findings.map((f) => `${f.file}:${f.line}: ${f.message}`);

test('the clean project has no unknown names in SOQL', async () => {
    const findings = await findingsFor(check, 'apex/clean');
    assert.deepEqual(findings, [], describeFindings(findings));
});

test('reports unknown fields in SELECT and WHERE and bad relationship paths', async () => {
    const file = `${CLASSES}/PlanReport.cls`;
    assert.deepEqual(lines(await broken('soql-unknown-field')), [
        `${file}:5: unknown field Stage__c on Mutual_Action_Plan__c in SOQL`,
        `${file}:5: unknown field Emial on User in SOQL (Opportunity__r.Owner.Emial)`,
        `${file}:7: unknown field Target_Dat__c on Mutual_Action_Plan__c in SOQL`,
        `${file}:13: unknown relationship Plann__r on Plan_Milestone__c in SOQL (Plann__r.Name)`
    ]);
});

test('reports a subquery on a child relationship that does not exist', async () => {
    assert.deepEqual(lines(await broken('soql-unknown-child')), [
        `${CLASSES}/PlanOverview.cls:5: unknown child relationship Milestone__r on Mutual_Action_Plan__c in SOQL subquery`
    ]);
});

test('reports an unknown object in FROM', async () => {
    assert.deepEqual(lines(await broken('soql-unknown-object')), [
        `${CLASSES}/PlanCounter.cls:4: unknown object Mutual_Plan__c in SOQL FROM`
    ]);
});

// SOQL and SOSL Reference, "fieldExpression Syntax" and "ORDER BY": long text and rich text areas can be selected but
// not filtered or sorted on. The overlay adds such fields and selects them (fine), then filters and sorts on them,
// directly, through a parent path to a standard long text area, and in a semi-join subquery.
test('reports long text and rich text areas filtered in WHERE or sorted in ORDER BY, not selected ones', async () => {
    const file = `${CLASSES}/PlanNotes.cls`;
    assert.deepEqual(lines(await broken('soql-restricted-type')), [
        `${file}:13: Notes__c on Mutual_Action_Plan__c is a long text area and cannot be filtered in a SOQL WHERE clause`,
        `${file}:13: Description on Opportunity is a long text area and cannot be filtered in a SOQL WHERE clause (Opportunity__r.Description)`,
        `${file}:15: Summary__c on Mutual_Action_Plan__c is a rich text area and cannot be sorted in SOQL ORDER BY`,
        `${file}:23: Summary__c on Mutual_Action_Plan__c is a rich text area and cannot be filtered in a SOQL WHERE clause`
    ]);
});

test('skips files with syntax errors (apex-syntax reports them) instead of guessing', async () => {
    const findings = await broken('syntax');
    assert.deepEqual(findings, [], describeFindings(findings));
});

// Profile.Name is a label that orgs translate: a query that finds "Standard User" by name finds nothing in an org
// whose language is not English. Filtering on it is reported, directly and through User.Profile; selecting and
// sorting by it is fine.
test('reports a profile looked up by its name, which depends on the org language', async () => {
    const file = `${CLASSES}/SalesUserFactory.cls`;
    const message =
        'a profile filtered by Name depends on the org language (standard profile names are translated): find it by its permissions (ObjectPermissions, PermissionSet.IsOwnedByProfile)';
    assert.deepEqual(lines(await broken('soql-profile-name')), [
        `${file}:4: ${message}`,
        `${file}:8: ${message} (Profile.Name)`
    ]);
});

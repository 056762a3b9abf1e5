// The org reads the project's metadata and keeps in step with it: every object, field, rule, formula, roll-up and
// trigger of the package is applied, and nothing the org needs is missing or silently skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { loadProgram } from '../../apex-runtime/interpreter/index.mjs';
import { loadProject } from '../../scripts/lib/formulas.mjs';
import { readMetadataXml, sourceFiles } from '../../scripts/lib/sfdx.mjs';
import { loadOrgSchema } from '../../preview/org/schema.mjs';
import { STANDARD_OBJECTS } from '../../scripts/lib/schema/index.mjs';
import { ROOT } from './support.mjs';

const schema = loadOrgSchema(ROOT);
const project = loadProject(ROOT).schema;

test('the org applies all of the metadata and reports nothing it could not', () => {
    assert.deepEqual(schema.problems, []);
});

test('every custom object and field of the project is modelled, with its type', () => {
    for (const entry of project.objects.values()) {
        if (entry.isCustomMetadata || entry.customSettingsType) continue;
        if (!entry.custom && ![...entry.fields.values()].some((field) => !field.standard)) continue;
        const object = schema.object(entry.name);
        for (const field of entry.fields.values()) {
            if (field.standard) continue;
            assert.equal(object.field(field.name)?.type, field.type, `${entry.name}.${field.name}`);
        }
    }
});

test('every active validation rule of the project is applied, with its message and display field', () => {
    const active = project.validationRules.filter((rule) => rule.active);
    const applied = [...schema.objects.values()].flatMap((object) =>
        object.validationRules.map((rule) => `${object.name}.${rule.name}`)
    );
    assert.deepEqual(applied.sort(), active.map((rule) => `${rule.object}.${rule.name}`).sort());
    for (const rule of active) {
        const applied = schema.object(rule.object).validationRules.find((candidate) => candidate.name === rule.name);
        assert.equal(applied.errorMessage, rule.errorMessage);
        assert.equal(applied.errorDisplayField ?? undefined, rule.errorDisplayField ?? undefined);
    }
});

test('roll-ups are registered on the child object with every filter item of their XML', () => {
    let count = 0;
    for (const entry of project.objects.values()) {
        for (const field of entry.fields.values()) {
            if (field.type !== 'Summary') continue;
            const [child] = field.summaryForeignKey.split('.');
            const rollup = schema.object(child).rollups.find((candidate) => candidate.field === field.name);
            assert.ok(rollup, `${entry.name}.${field.name}`);
            assert.equal(rollup.operation, field.summaryOperation);
            const xml = readMetadataXml(field.file).root;
            const items = [xml.summaryFilterItems ?? []].flat();
            assert.equal(rollup.filters.length, items.length, `${entry.name}.${field.name} filters`);
            count++;
        }
    }
    assert.ok(count >= 10, `${count} roll-ups`);
});

test('picklists from a global value set get its values, restricted', () => {
    for (const object of schema.objects.values()) {
        for (const field of object.fieldList) {
            if (!field.picklist?.valueSetName) continue;
            const set = schema.globalValueSets.get(field.picklist.valueSetName.toLowerCase());
            assert.ok(set, `${object.name}.${field.name}: global value set ${field.picklist.valueSetName}`);
            assert.deepEqual(field.picklist.values, set.values);
            assert.equal(field.picklist.restricted, true);
        }
    }
});

test('the org runs every trigger of the project on its object for the events the Apex parser reads in it', () => {
    // Only the package folders holding triggers are parsed: the org's reading is checked against the Apex grammar's.
    const folders = [...new Set(sourceFiles(ROOT, '.trigger').map((file) => dirname(file)))];
    const parsed = [...loadProgram({ root: ROOT, directories: folders }).triggers.values()];
    const view = (list) =>
        list
            .map(({ name, object, events }) => ({ name, object, events: [...events].sort() }))
            .sort((a, b) => a.name.localeCompare(b.name));
    assert.ok(schema.triggers.length > 0);
    assert.deepEqual(view(schema.triggers), view(parsed));
});

test("the standard objects' field types agree with those the formula library gives formulas", () => {
    const sameType = (ours, theirs) =>
        ours === theirs || (theirs === 'Lookup' && ours === 'Lookup') || (theirs === 'Text' && ours === 'Url');
    for (const name of Object.keys(STANDARD_OBJECTS)) {
        if (STANDARD_OBJECTS[name].stored === false) continue;
        const known = project.objects.get(name.toLowerCase());
        if (!known) continue;
        for (const field of schema.object(name).fieldList) {
            const theirs = known.fields.get(field.name.toLowerCase());
            if (!theirs || !theirs.standard) continue;
            assert.ok(sameType(field.type, theirs.type), `${name}.${field.name}: ${field.type} vs ${theirs.type}`);
        }
    }
});

test('key prefixes are unique per object and stable', () => {
    const prefixes = [...schema.objects.values()].map((object) => object.keyPrefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    assert.equal(
        loadOrgSchema(ROOT, { fresh: true }).object('Mutual_Action_Plan__c').keyPrefix,
        schema.object('Mutual_Action_Plan__c').keyPrefix
    );
});

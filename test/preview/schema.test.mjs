// The org reads the project's metadata and keeps in step with it: every object, field, rule, formula, roll-up and
// trigger of the package is applied, and nothing the org needs is missing or silently skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadProject } from '../../scripts/lib/formulas.mjs';
import { readMetadataXml } from '../../scripts/lib/sfdx.mjs';
import { loadOrgSchema } from '../../preview/org/schema.mjs';
import { loadHandlers, apexStringConstant, EVENT_METHODS } from '../../preview/org/handlers.mjs';
import { STANDARD_OBJECTS } from '../../preview/org/standard-objects.mjs';
import { ROOT } from './support.mjs';

const schema = loadOrgSchema(ROOT);
const project = loadProject(ROOT).schema;

test('the org applies all of the metadata and reports nothing it could not', () => {
    assert.deepEqual(schema.problems, []);
    assert.deepEqual(loadHandlers(ROOT).problems, []);
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

test('every event of every trigger in the project has a JavaScript twin, and no twin handles an undeclared event', () => {
    const { handlers } = loadHandlers(ROOT);
    assert.ok(schema.triggers.length > 0);
    for (const trigger of schema.triggers) {
        const handler = handlers[trigger.object];
        assert.ok(handler, `no twin for ${trigger.name} on ${trigger.object}`);
        const declared = trigger.events.map((event) => EVENT_METHODS[event]);
        const implemented = Object.keys(handler).filter((key) => Object.values(EVENT_METHODS).includes(key));
        assert.deepEqual(implemented.sort(), declared.sort(), trigger.name);
    }
    for (const object of Object.keys(handlers)) {
        assert.ok(
            schema.triggers.some((trigger) => trigger.object === object),
            `a twin for ${object}, which has no trigger`
        );
    }
});

test("the twins' messages are the Apex handler's own constants", () => {
    for (const name of ['SECOND_ACTIVE_PLAN', 'MILESTONE_BLOCKS_ACTIVATION']) {
        assert.ok(apexStringConstant(ROOT, 'MutualActionPlanTriggerHandler', name), name);
    }
});

test("the standard objects' field types agree with those the formula library gives formulas", () => {
    const sameType = (ours, theirs) =>
        ours === theirs || (theirs === 'Lookup' && ours === 'Lookup') || (theirs === 'Text' && ours === 'Url');
    for (const name of Object.keys(STANDARD_OBJECTS)) {
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

// The Agentforce topic, its agent actions and the template flows against the invocable Apex actions they call
// (artifacts/tmp/actions-contract.md). What a deploy or a run would reject, or an agent would get silently
// wrong, is checked here from the files: every agent action calls an existing invocable class, its input and
// output schemas name exactly that class's Request and Result variables (with the required ones required and a
// Lightning type that fits the Apex type), the topic offers every action, each flow's Apex action exists and is
// given only variables its Request has, and the slip flow posts only for Slipped plan events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMetadataXml } from '../../scripts/lib/sfdx.mjs';
import { all, text } from '../../scripts/lib/metadata-tree.mjs';

const ROOT = process.env.TANDEM_ROOT
    ? resolve(process.env.TANDEM_ROOT)
    : resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AUTOMATION = join(ROOT, 'force-app', 'main', 'automation');
const CLASSES = join(AUTOMATION, 'classes');
const FUNCTIONS = join(AUTOMATION, 'genAiFunctions');
const PLUGINS = join(AUTOMATION, 'genAiPlugins');
const FLOWS = join(AUTOMATION, 'flows');
const PLAN_EVENT = join(ROOT, 'force-app', 'main', 'plan-data', 'objects', 'Plan_Event__e');

/** The six actions of the contract (artifacts/tmp/actions-contract.md). */
const CONTRACT = [
    'CreatePlanAction',
    'AddMilestoneAction',
    'MoveMilestoneDateAction',
    'CompleteMilestoneAction',
    'RecordAcceptanceAction',
    'PlanSummaryAction'
];

/** The Lightning type an agent action's schema must give a variable of each Apex type. */
const LIGHTNING_TYPE = {
    string: 'lightning__textType',
    id: 'lightning__textType',
    date: 'lightning__dateType',
    integer: 'lightning__integerType',
    boolean: 'lightning__booleanType'
};

// ---- Apex, read from the .cls text -------------------------------------------------------------------------

/** The source with comments blanked out, string literals kept (a quote inside a comment is no string). */
function withoutComments(source) {
    let out = '';
    for (let i = 0; i < source.length;) {
        const two = source.slice(i, i + 2);
        if (source[i] === "'") {
            let j = i + 1;
            while (j < source.length && source[j] !== "'") j += source[j] === '\\' ? 2 : 1;
            out += source.slice(i, j + 1);
            i = j + 1;
        } else if (two === '//') {
            while (i < source.length && source[i] !== '\n') i++;
        } else if (two === '/*') {
            const end = source.indexOf('*/', i + 2);
            i = end === -1 ? source.length : end + 2;
            out += ' ';
        } else {
            out += source[i++];
        }
    }
    return out;
}

/** Index just past the bracket that closes the one at `open` ('(' or '{'), skipping string literals. */
function closing(source, open) {
    const [opening, closingChar] = source[open] === '(' ? ['(', ')'] : ['{', '}'];
    let depth = 0;
    for (let i = open; i < source.length; i++) {
        const c = source[i];
        if (c === "'") {
            i++;
            while (i < source.length && source[i] !== "'") i += source[i] === '\\' ? 2 : 1;
        } else if (c === opening) depth++;
        else if (c === closingChar && --depth === 0) return i + 1;
    }
    throw new Error(`unbalanced ${opening} at ${open}`);
}

/** The body (between its braces) of the inner class `name`, or undefined. */
function innerClassBody(source, name) {
    const match = new RegExp(`\\bclass\\s+${name}\\b[^{]*\\{`, 'i').exec(source);
    if (!match) return undefined;
    const open = match.index + match[0].length - 1;
    return source.slice(open + 1, closing(source, open) - 1);
}

/** The @InvocableVariable fields of a class body: { name, type (lower case), required }. */
function invocableVariables(body) {
    const found = [];
    const annotation = /@InvocableVariable\b\s*/gi;
    let match;
    while ((match = annotation.exec(body))) {
        let at = match.index + match[0].length;
        let args = '';
        if (body[at] === '(') {
            const end = closing(body, at);
            args = body.slice(at + 1, end - 1);
            at = end;
        }
        const declaration =
            /^\s*((?:global|public|private|static|transient)\s+)*([\w.<>, ]+?)\s+(\w+)\s*(?:=[^;]*)?;/i.exec(
                body.slice(at)
            );
        assert.ok(
            declaration,
            `an @InvocableVariable is not followed by a field declaration: ${body.slice(at, at + 80)}`
        );
        const unquoted = args.replace(/'(?:\\.|[^'\\])*'/g, "''");
        found.push({
            name: declaration[3],
            type: declaration[2].trim().toLowerCase(),
            required: /\brequired\s*=\s*true\b/i.test(unquoted)
        });
    }
    return found;
}

const apexCache = new Map();

/** What the test needs of an invocable action class, read from force-app/main/automation/classes/<name>.cls. */
function invocableClass(name) {
    if (apexCache.has(name)) return apexCache.get(name);
    const file = join(CLASSES, `${name}.cls`);
    assert.ok(existsSync(file), `force-app/main/automation/classes/${name}.cls does not exist`);
    const source = withoutComments(readFileSync(file, 'utf8'));
    assert.match(source, /@InvocableMethod\b/i, `${name} has no @InvocableMethod`);
    const request = innerClassBody(source, 'Request');
    const result = innerClassBody(source, 'Result');
    assert.ok(request !== undefined, `${name} has no inner class Request`);
    assert.ok(result !== undefined, `${name} has no inner class Result`);
    const described = { source, request: invocableVariables(request), result: invocableVariables(result) };
    apexCache.set(name, described);
    return described;
}

test('the Apex reader finds invocable variables, their types and whether they are required', () => {
    const source = withoutComments(`global with sharing class X {
        global class Request {
            @InvocableVariable(label='Side' description='Buyer, Seller (or Joint); required=true is no flag' required=false)
            global String side;
            // @InvocableVariable(required=true) global String commented;
            @InvocableVariable(required=true) global Date dueDate;
            @InvocableVariable global List<Id> ids;
            public String notInvocable;
        }
    }`);
    assert.deepEqual(invocableVariables(innerClassBody(source, 'Request')), [
        { name: 'side', type: 'string', required: false },
        { name: 'dueDate', type: 'date', required: true },
        { name: 'ids', type: 'list<id>', required: false }
    ]);
});

// ---- Metadata ----------------------------------------------------------------------------------------------

function functionNames() {
    return readdirSync(FUNCTIONS, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
}

function agentAction(name) {
    const dir = join(FUNCTIONS, name);
    const { rootName, root } = readMetadataXml(join(dir, `${name}.genAiFunction-meta.xml`));
    assert.equal(rootName, 'GenAiFunction');
    const schema = (kind) => JSON.parse(readFileSync(join(dir, kind, 'schema.json'), 'utf8'));
    return { root, input: schema('input'), output: schema('output') };
}

function flow(name) {
    const { rootName, root } = readMetadataXml(join(FLOWS, `${name}.flow-meta.xml`));
    assert.equal(rootName, 'Flow');
    return root;
}

const byName = (variables) => new Map(variables.map((variable) => [variable.name, variable]));
const sorted = (values) => [...values].sort();

// ---- Agent actions -----------------------------------------------------------------------------------------

test('there is one agent action per invocable action of the contract', () => {
    const targets = functionNames().map((name) => text(agentAction(name).root, 'invocationTarget'));
    assert.deepEqual(sorted(targets), sorted(CONTRACT));
});

for (const name of functionNames()) {
    test(`agent action ${name} calls its Apex class with exactly its variables`, () => {
        const { root, input, output } = agentAction(name);
        assert.equal(text(root, 'invocationTargetType'), 'apex');
        assert.ok(text(root, 'masterLabel'), 'masterLabel is required');
        assert.ok((text(root, 'description') ?? '').length >= 40, 'the planner needs a real description');
        const target = text(root, 'invocationTarget');
        const apex = invocableClass(target);

        const requests = byName(apex.request);
        assert.deepEqual(sorted(Object.keys(input.properties)), sorted(requests.keys()), 'input properties');
        assert.deepEqual(
            sorted(input.required ?? []),
            sorted(apex.request.filter((v) => v.required).map((v) => v.name)),
            'required inputs'
        );
        const results = byName(apex.result);
        assert.deepEqual(sorted(Object.keys(output.properties)), sorted(results.keys()), 'output properties');

        for (const [schema, variables, kind] of [
            [input, requests, 'input'],
            [output, results, 'output']
        ]) {
            assert.equal(schema['lightning:type'], 'lightning__objectType', `${kind} schema type`);
            assert.equal(schema.unevaluatedProperties, false, `${kind} schema is closed`);
            for (const [property, spec] of Object.entries(schema.properties)) {
                const { type } = variables.get(property);
                assert.equal(spec.title, property, `${kind} ${property}: title`);
                assert.ok(spec.description, `${kind} ${property}: the planner needs a description`);
                assert.equal(
                    spec['lightning:type'],
                    LIGHTNING_TYPE[type],
                    `${kind} ${property}: Apex ${type} needs ${LIGHTNING_TYPE[type]}`
                );
                if (spec.$ref) assert.equal(spec.$ref, `sfdc:propertyType/${spec['lightning:type']}`);
                const flags = kind === 'input' ? ['copilotAction:isUserInput'] : ['copilotAction:isDisplayable'];
                for (const flagName of flags) {
                    assert.equal(typeof spec[flagName], 'boolean', `${kind} ${property}: ${flagName}`);
                }
            }
        }
    });
}

// ---- The topic ---------------------------------------------------------------------------------------------

test('the Mutual Action Plans topic offers every agent action, and nothing else', () => {
    const files = readdirSync(PLUGINS).filter((file) => file.endsWith('.genAiPlugin-meta.xml'));
    assert.equal(files.length, 1, 'one topic');
    const { rootName, root } = readMetadataXml(join(PLUGINS, files[0]));
    assert.equal(rootName, 'GenAiPlugin');
    assert.equal(text(root, 'masterLabel'), 'Mutual Action Plans');
    assert.equal(text(root, 'pluginType'), 'Topic');
    assert.ok(text(root, 'scope'), 'a topic needs a scope');
    const offered = all(root, 'genAiFunctions').map((entry) => text(entry, 'functionName'));
    assert.deepEqual(sorted(offered), functionNames());
    const instructions = all(root, 'genAiPluginInstructions');
    assert.ok(instructions.length > 0, 'a topic needs instructions');
    const developerNames = instructions.map((entry) => text(entry, 'developerName'));
    assert.equal(new Set(developerNames).size, developerNames.length, 'instruction names are unique');
});

// ---- The template flows ------------------------------------------------------------------------------------

const FLOW_NAMES = ['Tandem_Create_Plan_At_Stage', 'Tandem_Post_Plan_Slip'];
const SOURCE_API_VERSION = JSON.parse(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8')).sourceApiVersion;

for (const name of FLOW_NAMES) {
    test(`flow ${name} ships as an inactive template`, () => {
        const root = flow(name);
        assert.equal(text(root, 'isTemplate'), 'true');
        assert.equal(text(root, 'status'), 'Draft', 'nothing runs until the admin activates a copy');
        assert.equal(text(root, 'processType'), 'AutoLaunchedFlow');
        assert.equal(text(root, 'apiVersion'), SOURCE_API_VERSION);
    });

    test(`flow ${name}: each Apex action exists and gets only its Request variables`, () => {
        const root = flow(name);
        for (const call of all(root, 'actionCalls').filter((c) => text(c, 'actionType') === 'apex')) {
            const apex = invocableClass(text(call, 'actionName'));
            const requests = byName(apex.request);
            const given = all(call, 'inputParameters').map((p) => text(p, 'name'));
            for (const parameter of given) {
                assert.ok(requests.has(parameter), `${text(call, 'actionName')} has no Request variable ${parameter}`);
            }
            for (const variable of apex.request.filter((v) => v.required)) {
                assert.ok(given.includes(variable.name), `required ${variable.name} is not given`);
            }
            assert.ok(all(call, 'faultConnector').length === 1, `${text(call, 'name')} needs a fault path`);
        }
    });
}

test('the stage flow runs after save on Opportunity, creating a plan from the opportunity and its close date', () => {
    const root = flow('Tandem_Create_Plan_At_Stage');
    const [start] = all(root, 'start');
    assert.equal(text(start, 'triggerType'), 'RecordAfterSave');
    assert.equal(text(start, 'object'), 'Opportunity');
    assert.equal(text(start, 'doesRequireRecordChangedToMeetCriteria'), 'true', 'only when the stage changes to it');
    const [filter] = all(start, 'filters');
    assert.equal(text(filter, 'field'), 'StageName');
    assert.equal(text(filter, 'operator'), 'EqualTo');
    const [call] = all(root, 'actionCalls');
    assert.equal(text(call, 'actionName'), 'CreatePlanAction');
    const values = Object.fromEntries(
        all(call, 'inputParameters').map((p) => [text(p, 'name'), text(all(p, 'value')[0], 'elementReference')])
    );
    assert.deepEqual(values, { opportunityId: '$Record.Id', targetDate: '$Record.CloseDate' });
});

test('the slip flow posts to the opportunity feed only for Slipped plan events', () => {
    const root = flow('Tandem_Post_Plan_Slip');
    const [start] = all(root, 'start');
    assert.equal(text(start, 'triggerType'), 'PlatformEvent');
    assert.equal(text(start, 'object'), 'Plan_Event__e');

    const post = all(root, 'actionCalls').find((c) => text(c, 'actionType') === 'chatterPost');
    assert.ok(post, 'a Post to Chatter action');
    assert.equal(text(post, 'actionName'), 'chatterPost');
    const parameters = Object.fromEntries(
        all(post, 'inputParameters').map((p) => [text(p, 'name'), all(p, 'value')[0]])
    );
    assert.deepEqual(sorted(Object.keys(parameters)), ['subjectNameOrId', 'text']);
    assert.equal(text(parameters.subjectNameOrId, 'elementReference'), '$Record.Opportunity__c');

    // The only way to the post is a decision rule that requires Kind__c = 'Slipped'.
    assert.equal(text(all(start, 'connector')[0], 'targetReference'), text(all(root, 'decisions')[0], 'name'));
    const routes = all(root, 'decisions').flatMap((decision) =>
        all(decision, 'rules').filter(
            (rule) => text(all(rule, 'connector')[0], 'targetReference') === text(post, 'name')
        )
    );
    assert.equal(routes.length, 1, 'one rule leads to the post');
    assert.equal(text(routes[0], 'conditionLogic'), 'and');
    const conditions = all(routes[0], 'conditions').map((c) => ({
        left: text(c, 'leftValueReference'),
        operator: text(c, 'operator'),
        right: text(all(c, 'rightValue')[0], 'stringValue')
    }));
    assert.deepEqual(conditions, [{ left: '$Record.Kind__c', operator: 'EqualTo', right: 'Slipped' }]);
    for (const decision of all(root, 'decisions')) {
        const fallback = all(decision, 'defaultConnector')[0];
        assert.notEqual(fallback && text(fallback, 'targetReference'), text(post, 'name'), 'other kinds do not post');
    }

    // Every event field the flow reads exists on Plan_Event__e.
    const xml = readFileSync(join(FLOWS, 'Tandem_Post_Plan_Slip.flow-meta.xml'), 'utf8');
    for (const [, field] of xml.matchAll(/\$Record\.(\w+__c)/g)) {
        assert.ok(existsSync(join(PLAN_EVENT, 'fields', `${field}.field-meta.xml`)), `Plan_Event__e has no ${field}`);
    }
});

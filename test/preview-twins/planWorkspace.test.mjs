// The preview twin of PlanWorkspaceController, against the demo org on a fixed day. Each expectation is computed
// here from the org's own records and the package's metadata (the rule messages, the templates, the settings),
// independently of the twin's code: the twin must answer what the Apex would, in the JSON shape the component's
// fixtures have, and every save must go through the org so the package's rules and triggers decide it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, createDemoOrg } from '../../preview/org/seed.mjs';
import { apexDispatcher, loadTwinRegistry } from '../../preview/twins.mjs';
import { startServer } from '../../preview/server.mjs';
import * as twin from '../../preview/twins/PlanWorkspaceController.mjs';
import { MESSAGES } from '../../preview/twins/lib/workspaceService.mjs';
import { MILESTONE_FIELD_KEYS, PLAN_FIELD_KEYS } from '../../preview/twins/lib/workspaceErrors.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TODAY = '2026-03-02';
const FIXTURES = join(ROOT, 'force-app/main/plan-workspace/lwc/planWorkspaceModel/__tests__/data');
const APEX = join(ROOT, 'force-app/main/plan-workspace/classes');
const fixture = (name) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const PLAN = 'Mutual_Action_Plan__c';
const MILESTONE = 'Plan_Milestone__c';
const DATE_CHANGE = 'Milestone_Date_Change__c';

const started = Date.now();
const { org, demo } = createDemoOrg({ root: ROOT, today: TODAY });
const seeded = Date.now() - started;
const USER = demo.users.jonah;
const loader = { as: demo.users.integration };

// ---------------------------------------------------------------------------------------------------------------
// Calling the twin as the preview server does, and reading its answers as the component does.

const context = (userId = USER) => ({ org, userId });

/** Calls a twin method and parses the workspace JSON it returns. */
function call(method, params, userId) {
    const result = twin[method](params, context(userId));
    assert.equal(typeof result, 'string', `${method} returns the workspace as a JSON string, as the Apex does`);
    return JSON.parse(result);
}

/** Calls a twin method that must fail; returns the error report the component parses from error.body.message. */
function failure(method, params, userId) {
    let thrown;
    try {
        twin[method](params, context(userId));
    } catch (error) {
        thrown = error;
    }
    assert.ok(thrown, `${method} should have failed`);
    assert.equal(typeof thrown.body?.message, 'string', 'the error has an Aura body with a message');
    return JSON.parse(thrown.body.message);
}

const recordError = (report, key) => report.recordErrors.find((record) => record.key === key);
const ruleMessage = (object, name) =>
    org.schema.object(object).validationRules.find((rule) => rule.name === name).errorMessage;
const count = (sobject, where) => org.query(sobject, where).length;
const timings = [];

/** Runs fn, records how long it took under `label`. */
function timed(label, fn) {
    const start = process.hrtime.bigint();
    const result = fn();
    timings.push([label, Number(process.hrtime.bigint() - start) / 1e6]);
    return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Fresh deals, so that each test that saves starts from what it needs and no test depends on another's saves.

let deals = 0;

/** A new opportunity of the first demo account, owned by the user, with two contact roles (the primary second). */
function freshDeal() {
    const accountId = demo.accounts[0];
    const contacts = org
        .query('Contact', { AccountId: accountId })
        .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
    const [opportunityId] = org.insert(
        'Opportunity',
        {
            Name: `Test deal ${++deals}`,
            AccountId: accountId,
            OwnerId: USER,
            StageName: 'Qualification',
            CloseDate: addDays(TODAY, 60),
            Amount: 50000
        },
        loader
    );
    org.insert(
        'OpportunityContactRole',
        [
            { OpportunityId: opportunityId, ContactId: contacts[3].Id, Role: 'Evaluator', IsPrimary: false },
            { OpportunityId: opportunityId, ContactId: contacts[4].Id, Role: 'Economic Buyer', IsPrimary: true }
        ],
        loader
    );
    return { opportunityId, accountId, contacts, buyerId: contacts[4].Id };
}

/** A CreatePlanRequest as the component sends it: `count` joint milestones a week apart, chained by key. */
function createRequest(deal, count = 3, change = () => {}) {
    const request = {
        plan: {
            name: 'Test go-live plan',
            sharedObjective: 'Close the books in 4 days',
            targetDate: addDays(TODAY, 7 * count + 7),
            anchorEvent: 'Board meeting',
            buyerLeadId: deal.buyerId
        },
        milestones: Array.from({ length: count }, (_, i) => ({
            key: `new-${i + 1}`,
            id: null,
            name: `Step ${i + 1}`,
            description: null,
            phase: 'Validation',
            side: 'Joint',
            buyerOwnerId: deal.buyerId,
            sellerOwnerId: USER,
            dueDate: addDays(TODAY, 7 * (i + 1)),
            status: 'Not Started',
            durationDays: 1,
            marksClose: i === count - 1,
            sortOrder: i + 1,
            dependsOnKey: i === 0 ? null : `new-${i}`
        }))
    };
    change(request);
    return { opportunityId: deal.opportunityId, requestJson: JSON.stringify(request) };
}

/** A fresh deal with a plan created through the twin, activated when asked. Returns the deal and the workspace. */
function dealWithPlan({ active = false, count = 3 } = {}) {
    const deal = freshDeal();
    let workspace = call('createPlan', createRequest(deal, count));
    if (active) workspace = call('setPlanStatus', { planId: workspace.plan.id, status: 'Active' });
    return { deal, workspace };
}

const saveRequest = (planId, milestones, deletedIds = []) => ({
    planId,
    requestJson: JSON.stringify({ milestones, deletedIds })
});

// ---------------------------------------------------------------------------------------------------------------

describe('PlanWorkspaceController twin: loading', () => {
    test('a deal with an active plan shows that plan, its milestones in plan order and its slip history newest first', () => {
        const planId = demo.plans.slipped[0];
        const plan = org.get(PLAN, planId);
        const opportunity = org.get('Opportunity', plan.Opportunity__c);
        const workspace = timed('getWorkspace (active plan, 12 milestones)', () =>
            call('getWorkspace', { opportunityId: opportunity.Id })
        );

        assert.equal(workspace.opportunity.id, opportunity.Id);
        assert.equal(workspace.opportunity.closeDate, opportunity.CloseDate);
        assert.equal(workspace.opportunity.accountName, org.get('Account', opportunity.AccountId).Name);
        assert.equal(workspace.plan.id, planId, 'the Active plan is shown');
        assert.equal(workspace.plan.status, 'Active');
        assert.equal(workspace.plan.health, plan.Health__c, 'with the org formula values');
        assert.equal(workspace.plan.totalSlipDays, plan.Total_Slip_Days__c);
        assert.equal(workspace.plan.projectedCloseDate, plan.Projected_Close_Date__c);
        assert.equal(workspace.plan.milestoneCount, plan.Milestone_Count__c);
        assert.equal(workspace.plan.buyerLeadName, org.get('Contact', plan.Buyer_Lead__c).Name);
        assert.equal(workspace.plan.buyerAcceptedByName, org.get('Contact', plan.Buyer_Accepted_By__c).Name);
        assert.equal(workspace.plan.opportunityCloseDate, opportunity.CloseDate);

        const milestones = org.query(MILESTONE, { Plan__c: planId }).sort((a, b) => a.Sort_Order__c - b.Sort_Order__c);
        assert.deepEqual(
            workspace.milestones.map((milestone) => milestone.id),
            milestones.map((milestone) => milestone.Id),
            'milestones by Order'
        );
        const slipped = workspace.milestones.find((milestone) => milestone.slipDays > 0);
        const stored = org.get(MILESTONE, slipped.id);
        assert.equal(slipped.slipReason, stored.Slip_Reason__c, 'a slipped milestone carries its reason');
        assert.equal(slipped.baselineDate, stored.Baseline_Date__c);
        assert.equal(slipped.sellerOwnerName, org.get('User', stored.Seller_Owner__c).Name);

        const changes = org
            .query(DATE_CHANGE, { Plan__c: planId })
            .sort((a, b) => (a.Changed_On__c < b.Changed_On__c ? 1 : -1));
        assert.ok(changes.length >= 2, 'the demo plan has slip history');
        assert.deepEqual(
            workspace.dateChanges.map((change) => change.id),
            changes.map((change) => change.Id),
            'newest first'
        );
        assert.equal(workspace.dateChanges.at(-1).reason, changes.at(-1).Reason__c);
        assert.equal(workspace.dateChanges[0].changedByName, org.get('User', changes[0].Changed_By__c).Name);

        assert.deepEqual(workspace.sellerUsers.slice(0, 2), [
            { id: opportunity.OwnerId, name: org.get('User', opportunity.OwnerId).Name, detail: 'Opportunity owner' },
            { id: USER, name: org.get('User', USER).Name, detail: 'You' }
        ]);
        assert.equal(workspace.today, TODAY);
        assert.equal(workspace.currentUserId, USER);
    });

    test('a deal with no plan offers the templates with their steps, the picklists, the thresholds and the buyers, contact roles first', () => {
        const deal = freshDeal();
        const workspace = timed('getWorkspace (no plan)', () =>
            call('getWorkspace', { opportunityId: deal.opportunityId })
        );

        assert.equal(workspace.plan, null, 'no plan yet');
        assert.deepEqual(workspace.milestones, []);
        assert.deepEqual(workspace.dateChanges, []);
        assert.equal(workspace.otherPlanCount, 0);

        // Contact roles, primary first, each with its role; then the account's other contacts, by name.
        const primary = deal.contacts[4];
        const evaluator = deal.contacts[3];
        const others = deal.contacts.filter((contact) => contact !== primary && contact !== evaluator);
        assert.deepEqual(workspace.buyerContacts, [
            { id: primary.Id, name: primary.Name, detail: 'Economic Buyer' },
            { id: evaluator.Id, name: evaluator.Name, detail: 'Evaluator' },
            ...others.map((contact) => ({ id: contact.Id, name: contact.Name, detail: 'Account contact' }))
        ]);
        assert.deepEqual(workspace.sellerUsers, [
            { id: USER, name: org.get('User', USER).Name, detail: 'Opportunity owner' }
        ]);

        const templates = org
            .customMetadata('Plan_Template__mdt')
            .filter((template) => template.Is_Active__c)
            .sort((a, b) => a.Sort_Order__c - b.Sort_Order__c);
        assert.ok(templates.length >= 2, 'the package ships templates');
        assert.deepEqual(
            workspace.templates.map((template) => [template.developerName, template.label]),
            templates.map((template) => [template.DeveloperName, template.MasterLabel])
        );
        const steps = org.customMetadata('Plan_Template_Step__mdt');
        for (const template of workspace.templates) {
            const own = steps
                .filter((step) => step.Template__c === template.developerName)
                .sort((a, b) => a.Sort_Order__c - b.Sort_Order__c);
            assert.deepEqual(
                template.steps.map((step) => [step.key, step.title, step.predecessorKey, step.marksClose]),
                own.map((step) => [
                    `step-${step.Sort_Order__c}`,
                    step.Title__c,
                    step.Predecessor_Order__c == null ? null : `step-${step.Predecessor_Order__c}`,
                    step.Marks_Close__c
                ]),
                `the steps of ${template.developerName}, keyed by their order`
            );
            assert.equal(template.steps.filter((step) => step.marksClose).length, 1, 'one step marks the close');
        }

        const values = (field) => org.schema.object(MILESTONE).field(field).picklist.values;
        assert.deepEqual(
            workspace.picklists.slipReasons.map((option) => option.value),
            values('Slip_Reason__c')
        );
        assert.deepEqual(
            workspace.picklists.milestoneStatuses.map((option) => option.value),
            values('Status__c')
        );
        assert.deepEqual(
            workspace.picklists.phases.map((option) => option.value),
            values('Phase__c')
        );
        assert.deepEqual(
            workspace.picklists.sides.map((option) => option.value),
            values('Side__c')
        );
        const setting = org.customMetadata('Plan_Setting__mdt').find((record) => record.DeveloperName === 'Default');
        assert.deepEqual(workspace.thresholds, {
            atRiskOverdueDays: setting.At_Risk_Overdue_Days__c,
            offTrackOverdueDays: setting.Off_Track_Overdue_Days__c,
            stalePlanDays: setting.Stale_Plan_Days__c,
            atRiskSlipDays: setting.At_Risk_Slip_Days__c
        });
        assert.ok(Object.values(workspace.permissions).every(Boolean), 'an account executive may do everything');
    });

    test('the plan shown is the Active one, else the newest Draft, else the newest plan', () => {
        const deal = freshDeal();
        const insertPlan = (status) => {
            const [id] = org.insert(
                PLAN,
                { Name: `${status} plan`, Opportunity__c: deal.opportunityId, Status__c: 'Draft' },
                loader
            );
            if (status !== 'Draft') org.update(PLAN, { Id: id, Status__c: status }, loader);
            return id;
        };
        const shown = () => call('getWorkspace', { opportunityId: deal.opportunityId }).plan.id;
        const cancelled = insertPlan('Cancelled');
        assert.equal(shown(), cancelled, 'a cancelled plan is shown when it is the only one');
        const draft = insertPlan('Draft');
        const completed = insertPlan('Completed');
        assert.equal(shown(), draft, 'a draft before a newer completed plan');
        org.update(PLAN, { Id: draft, Status__c: 'Active' }, loader);
        const newerDraft = insertPlan('Draft');
        const workspace = call('getWorkspace', { opportunityId: deal.opportunityId });
        assert.equal(workspace.plan.id, draft, 'the Active plan before a newer draft');
        assert.equal(workspace.otherPlanCount, 3, 'the others are counted');
        assert.ok([cancelled, completed, newerDraft].every(Boolean));
    });

    test('a manager without delete permission on milestones is told so; an unknown opportunity is a page error', () => {
        const deal = freshDeal();
        const manager = call('getWorkspace', { opportunityId: deal.opportunityId }, demo.users.owen);
        assert.equal(manager.permissions.canEditMilestones, true, 'Tandem_Manager edits milestones');
        assert.equal(manager.permissions.canDeleteMilestones, false, 'but does not delete them');
        assert.equal(manager.currentUserId, demo.users.owen);
        assert.equal(manager.sellerUsers[1].detail, 'You');

        const missing = `${org.schema.object('Opportunity').keyPrefix}5g0zzzzzzzzz`;
        const report = failure('getWorkspace', { opportunityId: missing });
        assert.equal(report.message, 'We could not load the plan.');
        assert.deepEqual(report.pageErrors, ['This opportunity does not exist, or you do not have access to it.']);
    });
});

describe('PlanWorkspaceController twin: creating a plan', () => {
    test('creates a Draft plan and all its milestones in one transaction, linking predecessors named by key', () => {
        const deal = freshDeal();
        const plansBefore = count(PLAN, { Opportunity__c: deal.opportunityId });
        const workspace = timed('createPlan (3 milestones)', () => call('createPlan', createRequest(deal, 3)));

        assert.equal(plansBefore, 0);
        const plans = org.query(PLAN, { Opportunity__c: deal.opportunityId });
        assert.equal(plans.length, 1, 'one plan saved');
        assert.equal(workspace.plan.id, plans[0].Id);
        assert.equal(workspace.plan.status, 'Draft');
        assert.equal(workspace.plan.health, 'Draft');
        assert.equal(workspace.plan.buyerLeadId, deal.buyerId);
        assert.equal(workspace.plan.sharedObjective, 'Close the books in 4 days');
        assert.equal(workspace.plan.milestoneCount, 3, 'the roll-up counts them');

        const milestones = org
            .query(MILESTONE, { Plan__c: plans[0].Id })
            .sort((a, b) => a.Sort_Order__c - b.Sort_Order__c);
        assert.deepEqual(
            milestones.map((milestone) => [milestone.Name, milestone.Depends_On__c ?? null]),
            [
                ['Step 1', null],
                ['Step 2', milestones[0].Id],
                ['Step 3', milestones[1].Id]
            ],
            'each milestone depends on the one its dependsOnKey names'
        );
        assert.equal(workspace.milestones[2].dependsOnId, milestones[1].Id);
        assert.equal(workspace.plan.projectedCloseDate, milestones[2].Due_Date__c, 'the close milestone projects');
        assert.ok(
            milestones.every((milestone) => milestone.Baseline_Date__c == null),
            'a draft is not baselined'
        );
    });

    test('a failing create leaves nothing behind and names the milestone and field that failed', () => {
        const deal = freshDeal();
        const before = { plans: count(PLAN), milestones: count(MILESTONE) };
        const report = failure(
            'createPlan',
            createRequest(deal, 3, (request) => {
                request.milestones[1].dueDate = null;
            })
        );

        assert.equal(report.message, 'We could not create the plan. Nothing was saved.');
        const record = recordError(report, 'new-2');
        assert.ok(record, `the error names the milestone: ${JSON.stringify(report)}`);
        assert.ok(record.fieldErrors.dueDate?.length, 'on its due date');
        assert.equal(report.recordErrors.length, 1, 'the other milestones were fine');
        assert.deepEqual(
            { plans: count(PLAN), milestones: count(MILESTONE) },
            before,
            'the plan was rolled back with the milestones that had been saved'
        );

        const tooLong = failure(
            'createPlan',
            createRequest(deal, 1, (request) => {
                request.plan.name =
                    'A plan name far longer than the eighty characters that the Plan Name field can hold';
            })
        );
        assert.ok(recordError(tooLong, 'plan')?.fieldErrors.name?.length, 'a plan error sits on the plan field');
        assert.equal(count(PLAN), before.plans);
    });

    test('creates a plan of sixty milestones in one call, each linked to the one before, and moves all sixty in one save', () => {
        const deal = freshDeal();
        const created = timed('createPlan (60 milestones)', () => call('createPlan', createRequest(deal, 60)));
        assert.equal(created.milestones.length, 60);
        assert.equal(created.milestones[59].dependsOnId, created.milestones[58].id, 'and linked');
        const moved = timed('saveMilestones (60 dates moved in a draft)', () =>
            call(
                'saveMilestones',
                saveRequest(
                    created.plan.id,
                    created.milestones.map((milestone) => ({
                        key: milestone.id,
                        id: milestone.id,
                        changedFields: ['dueDate'],
                        dueDate: addDays(milestone.dueDate, 2)
                    }))
                )
            )
        );
        assert.equal(moved.milestones[59].dueDate, addDays(created.milestones[59].dueDate, 2), 'every date moved');
        assert.deepEqual(moved.dateChanges, [], 'moves in a draft are planning, not slips');
    });
});

describe('PlanWorkspaceController twin: saving milestones', () => {
    test("a date moved later without a reason returns Slip_Reason_When_Moved_Later's message on that milestone's slipReason, and saves nothing", () => {
        const { workspace } = dealWithPlan({ active: true, count: 2 });
        const [first, second] = workspace.milestones;
        const report = failure(
            'saveMilestones',
            saveRequest(workspace.plan.id, [
                { key: first.id, id: first.id, changedFields: ['status'], status: 'In Progress' },
                { key: second.id, id: second.id, changedFields: ['dueDate'], dueDate: addDays(second.dueDate, 5) }
            ])
        );

        assert.equal(report.message, 'We could not save your changes. Nothing was saved.');
        assert.deepEqual(report.recordErrors, [
            {
                key: second.id,
                messages: [],
                fieldErrors: { slipReason: [ruleMessage(MILESTONE, 'Slip_Reason_When_Moved_Later')] }
            }
        ]);
        assert.equal(org.get(MILESTONE, first.id).Status__c, 'Not Started', 'the valid change was rolled back');
        assert.equal(org.get(MILESTONE, second.id).Due_Date__c, second.dueDate);
        assert.equal(count(DATE_CHANGE, { Plan__c: workspace.plan.id }), 0);
    });

    test('a date moved later with a reason writes one Milestone_Date_Change__c row with the reason and note', () => {
        const { workspace } = dealWithPlan({ active: true, count: 2 });
        const [moved] = workspace.milestones;
        const saved = timed('saveMilestones (slip with reason)', () =>
            call(
                'saveMilestones',
                saveRequest(workspace.plan.id, [
                    {
                        key: moved.id,
                        id: moved.id,
                        changedFields: ['dueDate', 'slipReason', 'slipNote'],
                        dueDate: addDays(moved.dueDate, 7),
                        slipReason: 'Procurement',
                        slipNote: 'New vendor form'
                    }
                ])
            )
        );

        const rows = org.query(DATE_CHANGE, { Plan__c: workspace.plan.id });
        assert.equal(rows.length, 1, 'one row for one move');
        assert.equal(rows[0].Milestone__c, moved.id);
        assert.equal(rows[0].Previous_Date__c, moved.dueDate);
        assert.equal(rows[0].New_Date__c, addDays(moved.dueDate, 7));
        assert.equal(rows[0].Days_Moved__c, 7);
        assert.equal(rows[0].Reason__c, 'Procurement');
        assert.equal(rows[0].Note__c, 'New vendor form');
        assert.equal(rows[0].Changed_By__c, USER, 'by the user who saved');

        assert.equal(saved.dateChanges.length, 1, 'the fresh workspace has the slip history');
        assert.equal(saved.dateChanges[0].id, rows[0].Id);
        assert.equal(saved.dateChanges[0].changedByName, org.get('User', USER).Name);
        assert.equal(saved.milestones[0].slipDays, 7, 'the trigger recomputed the slip');
        assert.equal(saved.plan.totalSlipDays, 7, 'the plan rolls it up');
    });

    test('an update writes only the fields named as changed; a new milestone gets every field given and its predecessor', () => {
        const { workspace } = dealWithPlan({ count: 2 });
        const [first, second] = workspace.milestones;
        const saved = call(
            'saveMilestones',
            saveRequest(workspace.plan.id, [
                // The name differs but is not named as changed: it must not be written.
                { key: first.id, id: first.id, changedFields: ['status', 'x'], status: 'In Progress', name: 'Renamed' },
                { key: second.id, id: second.id, changedFields: ['buyerOwnerId'], buyerOwnerId: null },
                {
                    key: 'new-1',
                    id: null,
                    name: 'Buyer IT confirms SSO setup',
                    side: 'Buyer',
                    dueDate: addDays(TODAY, 40),
                    status: 'Not Started',
                    sortOrder: 3,
                    dependsOnKey: second.id
                }
            ])
        );
        const stored = org.get(MILESTONE, first.id);
        assert.equal(stored.Status__c, 'In Progress');
        assert.equal(stored.Name, 'Step 1', 'a field not named as changed is left as it was');
        assert.equal(
            org.get(MILESTONE, second.id).Buyer_Owner__c,
            null,
            'a field named as changed and blank is cleared'
        );
        assert.equal(saved.milestones.length, 3);
        assert.equal(saved.milestones[2].name, 'Buyer IT confirms SSO setup');
        assert.equal(saved.milestones[2].dependsOnId, second.id, 'linked to its predecessor by key');
        assert.equal(saved.milestones[2].side, 'Buyer');
    });

    test('deleting a milestone removes it and its count; a milestone of another plan is refused and nothing is deleted', () => {
        const { workspace } = dealWithPlan({ count: 3 });
        const [, middle, last] = workspace.milestones;
        const saved = timed('saveMilestones (delete)', () =>
            call('saveMilestones', saveRequest(workspace.plan.id, [], [middle.id]))
        );
        assert.equal(org.get(MILESTONE, middle.id), null, 'the milestone is gone');
        assert.deepEqual(
            saved.milestones.map((milestone) => milestone.id),
            workspace.milestones.filter((milestone) => milestone.id !== middle.id).map((milestone) => milestone.id)
        );
        assert.equal(saved.plan.milestoneCount, 2, 'the roll-up follows');
        assert.equal(org.get(MILESTONE, last.id).Depends_On__c ?? null, null, 'its dependant no longer depends on it');

        const other = dealWithPlan({ count: 1 }).workspace;
        const foreign = other.milestones[0];
        const report = failure(
            'saveMilestones',
            saveRequest(
                workspace.plan.id,
                [{ key: foreign.id, id: foreign.id, changedFields: ['name'], name: 'Hijacked' }],
                [last.id]
            )
        );
        assert.deepEqual(recordError(report, foreign.id).messages, [
            'This milestone is no longer part of the plan. Reload the page to see the latest plan.'
        ]);
        assert.ok(org.get(MILESTONE, last.id), 'the delete in the same request was rolled back');
        assert.equal(org.get(MILESTONE, foreign.id).Name, 'Step 1', 'the other plan is untouched');
    });
});

describe('PlanWorkspaceController twin: plan status and buyer acceptance', () => {
    test("activating a plan whose buyer milestones lack owners returns the owner rule's error and leaves a draft", () => {
        const deal = freshDeal();
        const created = call(
            'createPlan',
            createRequest(deal, 2, (request) => {
                request.milestones[1].side = 'Buyer';
                request.milestones[1].buyerOwnerId = null;
                request.milestones[1].sellerOwnerId = null;
                request.milestones[1].name = 'Buyer signs';
            })
        );
        const report = failure('setPlanStatus', { planId: created.plan.id, status: 'Active' });

        assert.equal(report.message, 'We could not change the status of the plan.');
        const plan = recordError(report, 'plan');
        assert.equal(plan.messages.length, 1, JSON.stringify(report));
        assert.ok(plan.messages[0].includes('Buyer signs'), 'the message names the milestone to fix');
        assert.ok(
            plan.messages[0].includes(ruleMessage(MILESTONE, 'Buyer_Owner_In_Active_Plan')),
            "and gives the owner rule's message"
        );
        assert.equal(org.get(PLAN, created.plan.id).Status__c, 'Draft', 'the plan is still a draft');
        assert.equal(org.get('Opportunity', deal.opportunityId).Active_Plan_Count__c, 0);
    });

    test('activation stamps the plan and baselines every milestone at its due date', () => {
        const { deal, workspace } = dealWithPlan({ count: 3 });
        const active = timed('setPlanStatus (activate, 3 milestones)', () =>
            call('setPlanStatus', { planId: workspace.plan.id, status: 'Active' })
        );

        assert.equal(active.plan.status, 'Active');
        assert.ok(active.plan.activatedOn?.startsWith(TODAY), 'activation is stamped today');
        for (const milestone of active.milestones) {
            assert.equal(milestone.baselineDate, milestone.dueDate, `${milestone.name} is baselined`);
            assert.equal(org.get(MILESTONE, milestone.id).Baseline_Date__c, milestone.dueDate);
        }
        assert.equal(org.get('Opportunity', deal.opportunityId).Active_Plan_Count__c, 1, 'the deal has its plan');

        const completed = call('setPlanStatus', { planId: workspace.plan.id, status: 'Completed' });
        assert.equal(completed.plan.status, 'Completed');
        const refused = failure('setPlanStatus', { planId: workspace.plan.id, status: 'active' });
        assert.deepEqual(recordError(refused, 'plan').fieldErrors, {
            status: ['Choose Draft, Active, Completed or Cancelled.']
        });
    });

    test('buyer acceptance records who and when; withdrawing clears when; accepting without a contact asks who', () => {
        const { deal, workspace } = dealWithPlan({ active: true, count: 1 });
        const accepted = timed('recordBuyerAcceptance', () =>
            call('recordBuyerAcceptance', { planId: workspace.plan.id, contactId: deal.buyerId, accepted: true })
        );
        assert.equal(accepted.plan.buyerAccepted, true);
        assert.equal(accepted.plan.buyerAcceptedById, deal.buyerId);
        assert.equal(accepted.plan.buyerAcceptedByName, org.get('Contact', deal.buyerId).Name);
        assert.ok(accepted.plan.buyerAcceptedOn?.startsWith(TODAY), 'stamped now');
        assert.equal(org.get('Opportunity', deal.opportunityId).Accepted_Plan_Count__c, 1, 'the gate can see it');
        assert.ok(
            accepted.buyerContacts.some((person) => person.id === deal.buyerId),
            'who accepted is among the buyers offered'
        );

        const withdrawn = call('recordBuyerAcceptance', {
            planId: workspace.plan.id,
            contactId: null,
            accepted: false
        });
        assert.equal(withdrawn.plan.buyerAccepted, false);
        assert.equal(withdrawn.plan.buyerAcceptedOn, null, 'when is cleared');
        assert.equal(withdrawn.plan.buyerAcceptedById, deal.buyerId, 'who is kept');

        const report = failure('recordBuyerAcceptance', { planId: workspace.plan.id, contactId: null, accepted: true });
        assert.equal(report.message, 'We could not record the buyer acceptance.');
        assert.deepEqual(recordError(report, 'plan').fieldErrors, {
            buyerAcceptedById: [ruleMessage(PLAN, 'Buyer_Acceptance_Needs_Contact')]
        });
        assert.equal(org.get(PLAN, workspace.plan.id).Buyer_Accepted__c, false, 'nothing was saved');
    });

    test('a second active plan on the same opportunity is refused on its status', () => {
        const { deal } = dealWithPlan({ active: true, count: 1 });
        const second = call('createPlan', createRequest(deal, 1));
        assert.equal(second.plan.status, 'Active', 'the workspace keeps showing the Active plan');
        assert.equal(second.otherPlanCount, 1);
        const draft = org
            .query(PLAN, { Opportunity__c: deal.opportunityId })
            .find((plan) => plan.Status__c === 'Draft');
        const report = failure('setPlanStatus', { planId: draft.Id, status: 'Active' });
        assert.deepEqual(recordError(report, 'plan').fieldErrors, {
            status: [ruleMessage(PLAN, 'One_Active_Plan_Per_Opportunity')]
        });
        assert.equal(org.get(PLAN, draft.Id).Status__c, 'Draft');
        assert.equal(org.get('Opportunity', deal.opportunityId).Active_Plan_Count__c, 1);
    });

    test('a plan that does not exist is a page error', () => {
        const missing = `${org.schema.object(PLAN).keyPrefix}5g0zzzzzzzzz`;
        const report = failure('setPlanStatus', { planId: missing, status: 'Active' });
        assert.deepEqual(report.pageErrors, [
            'This plan no longer exists, or you do not have access to it. Reload the page.'
        ]);
        assert.deepEqual(report.recordErrors, []);
    });
});

// ---------------------------------------------------------------------------------------------------------------

/** The keys of a JSON value, recursively, in order: objects by their keys, lists by their first element. */
function shape(value) {
    if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shape(entry)]));
    }
    return 'value';
}

const keyPaths = (value, path = '') =>
    Array.isArray(value)
        ? value.flatMap((entry) => keyPaths(entry, `${path}[]`))
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([key, entry]) => [`${path}.${key}`, ...keyPaths(entry, `${path}.${key}`)])
          : [];

describe('PlanWorkspaceController twin: the contract with the component and the Apex', () => {
    test("the output's keys, in order, are the keys of the component's Jest fixtures", () => {
        const withPlan = call('getWorkspace', { opportunityId: org.get(PLAN, demo.plans.slipped[0]).Opportunity__c });
        assert.deepEqual(keyPaths(shape(withPlan)), keyPaths(shape(fixture('workspace.json'))));
        assert.deepEqual(
            JSON.stringify(shape(withPlan)),
            JSON.stringify(shape(fixture('workspace.json'))),
            'in the same order'
        );
        const noPlan = call('getWorkspace', { opportunityId: freshDeal().opportunityId });
        const expected = fixture('noPlan.json');
        assert.deepEqual(Object.keys(noPlan), Object.keys(expected));
        assert.deepEqual(shape({ ...noPlan, templates: [] }), shape({ ...expected, templates: [] }));
    });

    test('an error is an AuraHandledException whose message is the JSON of PlanWorkspaceErrors', () => {
        let thrown;
        try {
            twin.setPlanStatus({ planId: demo.plans.draft[0], status: 'Closed' }, context());
        } catch (error) {
            thrown = error;
        }
        assert.equal(thrown.body.exceptionType, 'System.AuraHandledException');
        const report = JSON.parse(thrown.body.message);
        assert.deepEqual(Object.keys(report), ['message', 'pageErrors', 'recordErrors']);
        assert.deepEqual(Object.keys(report.recordErrors[0]), ['key', 'messages', 'fieldErrors']);

        const malformed = failure('saveMilestones', { planId: demo.plans.draft[0], requestJson: '{"milestones": [' });
        assert.equal(malformed.message, 'We could not save your changes. Nothing was saved.');
        assert.equal(malformed.pageErrors.length, 1, 'a request that does not parse is a page error');
    });

    test("the twin's texts and field names are the Apex's", () => {
        const apex = ['PlanWorkspaceController', 'PlanWorkspaceService']
            .map((name) => readFileSync(join(APEX, `${name}.cls`), 'utf8'))
            .join('\n');
        for (const [name, text] of Object.entries(MESSAGES)) {
            assert.ok(apex.includes(`'${text}'`), `MESSAGES.${name} is a string of the Apex: ${text}`);
        }
        const errors = readFileSync(join(APEX, 'PlanWorkspaceErrors.cls'), 'utf8');
        const mapOf = (constant, object) => {
            const body = new RegExp(`${constant}\\s*=\\s*new Map<[^{]*\\{([^}]*)\\}`).exec(errors)[1];
            return [...body.matchAll(new RegExp(`${object}\\.(\\w+)\\s*=>\\s*'(\\w+)'`, 'g'))].map((m) => [m[1], m[2]]);
        };
        assert.deepEqual(MILESTONE_FIELD_KEYS, mapOf('MILESTONE_FIELD_KEYS', MILESTONE));
        assert.deepEqual(PLAN_FIELD_KEYS, mapOf('PLAN_FIELD_KEYS', PLAN));
    });

    test('through the preview server: a failed save answers with { message: <the JSON> } and rolls back', async () => {
        const callApex = apexDispatcher(await loadTwinRegistry(ROOT), org);
        const server = await startServer({
            bundleFile: join(ROOT, 'package.json'),
            callApex,
            callOrg: async () => ({}),
            port: 0
        });
        try {
            const { workspace } = dealWithPlan({ active: true, count: 1 });
            const [milestone] = workspace.milestones;
            const post = (method, params) =>
                fetch(`http://127.0.0.1:${server.address().port}/api/apex/PlanWorkspaceController/${method}`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify({ params })
                });
            const response = await post(
                'saveMilestones',
                saveRequest(workspace.plan.id, [
                    { key: milestone.id, id: milestone.id, changedFields: ['dueDate'], dueDate: addDays(TODAY, 60) }
                ])
            );
            assert.equal(response.ok, false);
            const body = await response.json();
            const report = JSON.parse(body.message);
            assert.ok(recordError(report, milestone.id).fieldErrors.slipReason, 'the component finds it on the row');
            assert.equal(org.get(MILESTONE, milestone.id).Due_Date__c, milestone.dueDate, 'nothing was saved');

            const ok = await post('getWorkspace', { opportunityId: workspace.opportunity.id });
            const { result } = await ok.json();
            assert.equal(JSON.parse(result).plan.id, workspace.plan.id, 'a success answers { result: <the JSON> }');
        } finally {
            await new Promise((done) => server.close(done));
        }
    });
});

test('each call answers within 250 ms on the demo org', (t) => {
    t.diagnostic(`demo org seeded in ${seeded} ms`);
    for (const [label, ms] of timings) {
        t.diagnostic(`${label}: ${ms.toFixed(1)} ms`);
        assert.ok(ms < 250, `${label} took ${ms.toFixed(1)} ms`);
    }
    assert.ok(timings.length >= 7, 'every timed call ran');
});

// The scheduling rules exist twice: in the plan workspace's TypeScript (planScheduler's scheduleBackward, which
// drafts a plan backward from the buyer's target date, and reproject, which moves what waits on a moved milestone)
// and in the Apex of the Flow and agent actions (PlanDraftSchedule, used by CreatePlanAction; the dependents rule of
// MoveMilestoneDateAction). Each Apex class says it follows the TypeScript; this test holds them to it, on the
// embedded org, and fails the moment the two disagree on a date.
//
// The TypeScript side is the real workspace code, called as the workspace calls it: the modules are compiled as the
// bench and the preview compile them (TypeScript stripped, `c/<bundle>` imports resolved, bundled with rollup), the
// workspace is what PlanWorkspaceController.getWorkspace returns for the opportunity (normalizeWorkspace), a draft
// is previewed with planCreationModel.previewPlan (the create form: no holidays) and a move with
// planWorkspaceModel.previewMove (the row's date move: reproject, no holidays).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importComponentModules } from '../../scripts/lib/component-modules.mjs';
import { ROOT, deal, newApexOrg } from '../preview/support.mjs';

/** The workspace's model modules, compiled and bundled once: { creation, model }. */
const loadWorkspaceModules = () =>
    importComponentModules(
        ROOT,
        ["export * as creation from 'c/planCreationModel';", "export * as model from 'c/planWorkspaceModel';"].join(
            '\n'
        )
    );

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const named = (iso) => `${WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]} ${iso}`;

/**
 * Target dates (all after the org's today, 2026-03-02, and within the three years a target date may be): every day
 * of one week, month ends on weekdays and weekends, year ends, dates whose schedule crosses a year end or a leap
 * day, and one so close that the schedule starts in the past.
 */
const TARGET_DATES = [
    '2026-03-03',
    '2026-04-06',
    '2026-04-07',
    '2026-04-08',
    '2026-04-09',
    '2026-04-10',
    '2026-04-11',
    '2026-04-12',
    '2026-05-30',
    '2026-05-31',
    '2026-06-30',
    '2026-07-31',
    '2026-10-31',
    '2026-11-30',
    '2026-12-31',
    '2027-01-01',
    '2027-01-03',
    '2027-01-04',
    '2027-02-28',
    '2027-03-01',
    '2027-12-31',
    '2028-02-28',
    '2028-02-29',
    '2028-03-01',
    '2028-03-13',
    '2028-12-30',
    '2028-12-31'
];
/** The target dates a plan is also drafted for through CreatePlanAction.run, end to end. */
const ACTION_DATES = ['2026-04-11', '2027-01-04', '2028-02-29'];

const apexDate = (iso) => `Date.newInstance(${iso.slice(0, 4)}, ${Number(iso.slice(5, 7))}, ${Number(iso.slice(8))})`;
const apexString = (text) => `'${String(text).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

const { creation, model } = await loadWorkspaceModules();
const shipped = newApexOrg();
const { org, session, ae } = shipped;

/** The workspace as the component holds it, for an opportunity (and one of its plans), in `on` (an org). */
function workspaceOf(opportunityId, planId = null, on = shipped) {
    const raw = on.session.transaction(on.ae, (rt) =>
        rt.callAura('PlanWorkspaceController', 'getWorkspace', { opportunityId, planId })
    );
    return model.normalizeWorkspace(raw);
}

// ---------------------------------------------------------------------------------------------------------------
// Drafting: PlanDraftSchedule.backward against the create form's preview (scheduleBackward).

/** The Close templates (a blank Plan Type is Close) of an org's custom metadata: by default, the shipped ones. */
function closeTemplates(on = shipped) {
    return on.org
        .customMetadata('Plan_Template__mdt')
        .filter((template) => !template.Plan_Type__c || template.Plan_Type__c === 'Close')
        .map((template) => template.DeveloperName);
}

/** Every step's due date, by date: [[key, due], ...] in the order the preview lists them (by order). */
function workspaceDrafts(workspace, templateName) {
    const drafts = new Map();
    for (const targetDate of TARGET_DATES) {
        let form = creation.emptyCreateForm(workspace);
        form = creation.setCreateField(form, 'templateName', templateName);
        form = creation.setCreateField(form, 'targetDate', targetDate);
        const preview = creation.previewPlan(workspace, form);
        assert.equal(preview.blocker, null, `${templateName}, target ${named(targetDate)}: the workspace's preview`);
        const steps = workspace.templates.find((template) => template.developerName === templateName).steps;
        assert.ok(steps.length > 0, `${templateName} has steps`);
        assert.equal(preview.rows.length, steps.length, `${templateName}, target ${named(targetDate)}: every step`);
        drafts.set(
            targetDate,
            preview.rows.map((row) => [row.key, row.dueDate])
        );
    }
    return drafts;
}

/** The same, from PlanDraftSchedule.backward on the steps as CreatePlanAction reads them: one transaction. */
function apexDrafts(templateName, on = shipped) {
    const dates = TARGET_DATES.map(apexDate).join(', ');
    const json = on.session.transaction(on.ae, (rt) =>
        rt.runAnonymous(`
            List<Plan_Template_Step__mdt> steps = new PlanWorkspaceSelector().stepsOfTemplates(
                new Set<String>{ ${apexString(templateName)} }
            );
            Map<String, List<List<String>>> drafts = new Map<String, List<List<String>>>();
            for (Date targetDate : new List<Date>{ ${dates} }) {
                List<List<String>> dues = new List<List<String>>();
                for (PlanDraftSchedule.Step step : PlanDraftSchedule.backward(steps, targetDate)) {
                    dues.add(new List<String>{ step.key, String.valueOf(step.dueDate) });
                }
                drafts.put(String.valueOf(targetDate), dues);
            }
            return JSON.serialize(drafts);
        `)
    );
    return new Map(Object.entries(JSON.parse(json)));
}

/** Asserts two drafts equal step by step, naming the template, the target date and the step at fault. */
function assertSameDraft(templateName, targetDate, actual, expected, what) {
    const steps = new Map(expected);
    assert.deepEqual(
        actual.map(([key]) => key).sort(),
        expected.map(([key]) => key).sort(),
        `${templateName}, target ${named(targetDate)}: ${what} dates the workspace's steps`
    );
    for (const [key, due] of actual) {
        assert.equal(
            due,
            steps.get(key),
            `${templateName}, target ${named(targetDate)}, step ${key}: ${what} has it due ${named(due)}, ` +
                `the workspace ${named(steps.get(key))}`
        );
    }
    assert.deepEqual(
        actual.map(([key]) => key),
        expected.map(([key]) => key),
        `${templateName}, target ${named(targetDate)}: ${what} orders the steps as the workspace does`
    );
}

describe('drafting a plan backward from the target date: PlanDraftSchedule as scheduleBackward', () => {
    let workspace;
    let opportunityId;
    before(() => {
        ({ opportunityId } = deal(org));
        workspace = workspaceOf(opportunityId);
    });

    test('the shipped Close templates are the ones the workspace offers', () => {
        const templates = closeTemplates();
        assert.ok(templates.length >= 2, `Close templates shipped: ${templates.join(', ')}`);
        assert.deepEqual(workspace.templates.map((template) => template.developerName).sort(), [...templates].sort());
        const days = new Set(TARGET_DATES.map((date) => new Date(`${date}T00:00:00Z`).getUTCDay()));
        assert.equal(days.size, 7, 'the target dates fall on every day of the week');
    });

    for (const templateName of closeTemplates()) {
        test(`${templateName}: every step due on the same day, for ${TARGET_DATES.length} target dates`, () => {
            const expected = workspaceDrafts(workspace, templateName);
            const actual = apexDrafts(templateName);
            for (const targetDate of TARGET_DATES) {
                assert.ok(actual.has(targetDate), `${templateName}, target ${named(targetDate)}: Apex dated it`);
                assertSameDraft(templateName, targetDate, actual.get(targetDate), expected.get(targetDate), 'Apex');
            }
        });
    }

    test('CreatePlanAction.run saves the milestones on those dates', () => {
        for (const templateName of closeTemplates()) {
            const template = workspace.templates.find((candidate) => candidate.developerName === templateName);
            const keyOf = new Map(template.steps.map((step) => [step.developerName, step.key]));
            const expected = workspaceDrafts(workspace, templateName);
            for (const targetDate of ACTION_DATES) {
                const fresh = deal(org);
                const json = session.transaction(ae, (rt) =>
                    rt.runAnonymous(`
                        CreatePlanAction.Request request = new CreatePlanAction.Request();
                        request.opportunityId = ${apexString(fresh.opportunityId)};
                        request.templateName = ${apexString(templateName)};
                        request.targetDate = ${apexDate(targetDate)};
                        return JSON.serialize(CreatePlanAction.run(new List<CreatePlanAction.Request>{ request }));
                    `)
                );
                const [result] = JSON.parse(json);
                assert.equal(result.success, true, `${templateName}, target ${named(targetDate)}: ${result.message}`);
                const saved = org
                    .query('Plan_Milestone__c', { Plan__c: result.planId })
                    .sort((a, b) => a.Sort_Order__c - b.Sort_Order__c)
                    .map((milestone) => [keyOf.get(milestone.Template_Step__c), milestone.Due_Date__c]);
                assertSameDraft(templateName, targetDate, saved, expected.get(targetDate), 'CreatePlanAction');
            }
        }
    });
});

/**
 * Shapes no shipped template has, as an admin could add them in Setup: a checkpoint first, a checkpoint and a blank
 * duration on parallel tracks that rejoin at the close, two steps marking the close, a decimal order, a step given
 * its own predecessor where the order would name another, steps listed out of order, and a template without a close.
 * Each step: [order, working days (null: blank), predecessor's order, marks the close].
 */
const SHAPES = {
    Parity_Checkpoints: [
        [1, 0],
        [2, 3],
        [3, 0, 1],
        [4, null, 2],
        [5, 5, 1],
        [6, 1, 4, true],
        [7, 2, 6, true],
        [8, 4, 6]
    ],
    Parity_Orders: [
        [30, 0, 20.5, true],
        [10, 2],
        [20.5, 1, 10],
        [20, 3],
        [40, 1, 10],
        [50, 6]
    ],
    Parity_No_Close: [
        [1, 5],
        [2, 0, 1],
        [3, 2, 1],
        [4, 10, 2]
    ]
};

/** A second org whose admin added the SHAPES templates (the program is parsed once, so it costs little). */
function shapesOrg() {
    const on = newApexOrg();
    for (const [templateName, steps] of Object.entries(SHAPES)) {
        on.org.setCustomMetadata(
            `Plan_Template__mdt.${templateName}`,
            { Is_Active__c: true, Sort_Order__c: 90 },
            { create: { label: templateName.replaceAll('_', ' ') } }
        );
        steps.forEach(([order, durationDays, predecessorOrder, marksClose], i) => {
            const developerName = `${templateName}_${i + 1}`;
            on.org.setCustomMetadata(
                `Plan_Template_Step__mdt.${developerName}`,
                {
                    Template__c: templateName,
                    Title__c: `Step ${order}`,
                    Phase__c: 'Evaluation',
                    Side__c: 'Joint',
                    Sort_Order__c: order,
                    Duration_Days__c: durationDays,
                    Predecessor_Order__c: predecessorOrder ?? null,
                    Marks_Close__c: marksClose === true
                },
                { create: { label: developerName } }
            );
        });
    }
    return on;
}

describe('drafting from templates of shapes the shipped ones lack', () => {
    const on = shapesOrg();
    let workspace;
    before(() => {
        workspace = workspaceOf(deal(on.org).opportunityId, null, on);
    });
    for (const templateName of Object.keys(SHAPES)) {
        test(`${templateName}: every step due on the same day, for ${TARGET_DATES.length} target dates`, () => {
            assert.ok(closeTemplates(on).includes(templateName), `${templateName} is a Close template`);
            const template = workspace.templates.find((candidate) => candidate.developerName === templateName);
            assert.equal(template?.steps.length, SHAPES[templateName].length, `${templateName}: the workspace has it`);
            const expected = workspaceDrafts(workspace, templateName);
            const actual = apexDrafts(templateName, on);
            for (const targetDate of TARGET_DATES) {
                assert.ok(actual.has(targetDate), `${templateName}, target ${named(targetDate)}: Apex dated it`);
                assertSameDraft(templateName, targetDate, actual.get(targetDate), expected.get(targetDate), 'Apex');
            }
        });
    }
});

// ---------------------------------------------------------------------------------------------------------------
// Moving a milestone later: MoveMilestoneDateAction (moveDependents) against the workspace's previewMove (reproject).

/**
 * A Draft plan on a deal of its own, saved as the workspace's user would: `milestones` are
 * [name, due date, working days (null: blank), waits on (a name), status]. Returns { opportunityId, planId }.
 */
function draftPlan(milestones) {
    const { opportunityId } = deal(org);
    const [planId] = org.insert('Mutual_Action_Plan__c', {
        Name: 'Parity plan',
        Opportunity__c: opportunityId,
        Status__c: 'Draft',
        Target_Date__c: '2027-06-30'
    });
    const ids = org.insert(
        'Plan_Milestone__c',
        milestones.map(([name, dueDate, durationDays, , status = 'Not Started'], i) => ({
            Name: name,
            Plan__c: planId,
            Side__c: 'Joint',
            Sort_Order__c: i + 1,
            Due_Date__c: dueDate,
            Duration_Days__c: durationDays,
            Status__c: status,
            ...(status === 'Complete' ? { Completed_On__c: '2026-03-02' } : {})
        }))
    );
    const idOf = new Map(milestones.map(([name], i) => [name, ids[i]]));
    const links = milestones
        .filter(([, , , predecessor]) => predecessor)
        .map(([name, , , predecessor]) => ({ Id: idOf.get(name), Depends_On__c: idOf.get(predecessor) }));
    if (links.length > 0) org.update('Plan_Milestone__c', links);
    return { opportunityId, planId };
}

/** The plan's milestones as the workspace holds them before any edit (its draft empty). */
function workspaceMilestones(opportunityId, planId) {
    const workspace = workspaceOf(opportunityId, planId);
    return { workspace, milestones: model.effectiveMilestones(workspace, model.EMPTY_DRAFT) };
}

/** Every milestone's due date once the workspace moves `name` to `to` (its preview), by name, and how many move. */
function workspaceMove({ workspace, milestones }, name, to) {
    const nameOf = new Map(milestones.map((milestone) => [milestone.key, milestone.name]));
    const moved = milestones.find((milestone) => milestone.name === name);
    const preview = model.previewMove(milestones, moved.key, to, {
        planStatus: workspace.plan?.status,
        opportunityCloseDate: workspace.opportunity.closeDate
    });
    const dates = new Map(milestones.map((milestone) => [milestone.name, milestone.dueDate]));
    dates.set(name, preview.to);
    for (const dependent of preview.dependents) dates.set(nameOf.get(dependent.key), dependent.to);
    return { dates, count: (preview.to === preview.from ? 0 : 1) + preview.dependents.length };
}

/**
 * The same move through the Flow action, moveDependents true: its result and every milestone's saved due date. The
 * move is rolled back afterwards, so that every move of a case starts from the plan as built.
 */
function actionMove(planId, name, to) {
    const [milestone] = org.query('Plan_Milestone__c', { Plan__c: planId, Name: name });
    const savepoint = org.savepoint();
    try {
        const json = session.transaction(ae, (rt) =>
            rt.runAnonymous(`
            MoveMilestoneDateAction.Request request = new MoveMilestoneDateAction.Request();
            request.milestoneId = ${apexString(milestone.Id)};
            request.newDueDate = ${apexDate(to)};
            request.moveDependents = true;
            return JSON.serialize(MoveMilestoneDateAction.run(new List<MoveMilestoneDateAction.Request>{ request }));
        `)
        );
        const [result] = JSON.parse(json);
        const dates = new Map(
            org.query('Plan_Milestone__c', { Plan__c: planId }).map((saved) => [saved.Name, saved.Due_Date__c])
        );
        return { result, dates };
    } finally {
        org.rollbackTo(savepoint);
    }
}

/** Plans, each with the moves made on a fresh copy of it. */
const MOVE_CASES = [
    {
        name: 'a tight chain',
        plan: [
            ['A', '2026-03-09', 1],
            ['B', '2026-03-12', 3, 'A'],
            ['C', '2026-03-16', 2, 'B'],
            ['D', '2026-03-23', 5, 'C']
        ],
        moves: [
            ['A', '2026-03-11'],
            ['B', '2026-03-17'],
            ['D', '2026-03-25'],
            ['A', '2026-03-04'],
            ['A', '2026-03-09']
        ]
    },
    {
        name: 'a chain with slack',
        plan: [
            ['A', '2026-03-10', 2],
            ['B', '2026-03-13', 1, 'A'],
            ['C', '2026-03-25', 3, 'B'],
            ['D', '2026-03-26', 1, 'C']
        ],
        moves: [
            ['A', '2026-03-12'],
            ['A', '2026-03-16'],
            ['A', '2026-03-24']
        ]
    },
    {
        name: 'a fan-out',
        plan: [
            ['A', '2026-03-09', 1],
            ['B', '2026-03-11', 2, 'A'],
            ['C', '2026-03-09', 0, 'A'],
            ['D', '2026-03-16', 5, 'A'],
            ['E', '2026-03-12', 1, 'B'],
            ['F', '2026-03-11', 0, 'C']
        ],
        moves: [
            ['A', '2026-03-10'],
            ['A', '2026-03-13'],
            ['B', '2026-03-20']
        ]
    },
    {
        name: 'checkpoints of 0 working days (and a blank duration)',
        plan: [
            ['A', '2026-03-05', 1],
            ['K1', '2026-03-05', 0, 'A'],
            ['K2', '2026-03-05', 0, 'K1'],
            ['M', '2026-03-06', 1, 'K2'],
            ['N', '2026-03-06', null, 'M']
        ],
        moves: [
            ['A', '2026-03-06'],
            ['A', '2026-03-07'],
            ['A', '2026-03-08'],
            ['K1', '2026-03-12']
        ]
    },
    {
        name: 'Skipped and Complete milestones in a chain',
        plan: [
            ['A', '2026-03-09', 1],
            ['S1', '2026-03-10', 2, 'A', 'Skipped'],
            ['S2', '2026-03-11', 1, 'S1', 'Skipped'],
            ['B', '2026-03-12', 1, 'S2'],
            ['C', '2026-03-17', 3, 'B'],
            ['X', '2026-03-10', 1, 'A', 'Complete'],
            ['Y', '2026-03-11', 1, 'X'],
            ['S3', '2026-03-10', 0, 'A', 'Skipped'],
            ['K', '2026-03-10', 0, 'S3']
        ],
        moves: [
            ['A', '2026-03-16'],
            ['A', '2026-03-14'],
            ['S1', '2026-03-20'],
            ['X', '2026-03-20']
        ]
    },
    {
        name: 'moves across a weekend',
        plan: [
            ['A', '2026-03-06', 1],
            ['B', '2026-03-09', 1, 'A'],
            ['C', '2026-03-09', 0, 'B'],
            ['D', '2026-03-11', 2, 'C']
        ],
        moves: [
            ['A', '2026-03-07'],
            ['A', '2026-03-08'],
            ['A', '2026-03-09'],
            ['A', '2026-03-13'],
            ['B', '2026-03-14']
        ]
    },
    {
        name: 'a plan with a duration below 0 (it cannot be scheduled: the date moves alone)',
        plan: [
            ['A', '2026-03-09', 1],
            ['B', '2026-03-10', 1, 'A'],
            ['C', '2026-03-20', -1, 'B']
        ],
        moves: [['A', '2026-03-16']]
    },
    {
        name: 'moves across a year end',
        plan: [
            ['A', '2026-12-30', 1],
            ['B', '2027-01-05', 3, 'A'],
            ['C', '2027-01-05', 0, 'B']
        ],
        moves: [
            ['A', '2026-12-31'],
            ['A', '2027-01-01'],
            ['A', '2027-01-02']
        ]
    }
];

describe('moving a milestone later: MoveMilestoneDateAction as the workspace (reproject)', () => {
    for (const { name, plan, moves } of MOVE_CASES) {
        describe(name, () => {
            let planId;
            let saved;
            before(() => {
                const built = draftPlan(plan);
                planId = built.planId;
                saved = workspaceMilestones(built.opportunityId, planId);
            });
            for (const [milestone, to] of moves) {
                test(`${milestone} to ${named(to)}`, () => {
                    const where = `${name}, moving ${milestone} to ${named(to)}`;
                    const expected = workspaceMove(saved, milestone, to);
                    const actual = actionMove(planId, milestone, to);
                    assert.equal(actual.result.success, true, `${where}: ${actual.result.message}`);
                    for (const [other] of plan) {
                        assert.equal(
                            actual.dates.get(other),
                            expected.dates.get(other),
                            `${where}: the action has ${other} due ${named(actual.dates.get(other))}, ` +
                                `the workspace ${named(expected.dates.get(other))}`
                        );
                    }
                    assert.equal(actual.result.movedMilestoneCount, expected.count, `${where}: milestones moved`);
                });
            }
        });
    }
});

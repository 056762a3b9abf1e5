// JavaScript twins of the package's trigger handlers (force-app/main/plan-data/classes/*TriggerHandler.cls). The
// org calls them only for the events the project's triggers declare (read from the .trigger files), in the
// platform's order: before handlers change the records about to be saved; after handlers see them saved, read
// only, and may save other records. Each function names the Apex method it mirrors: keep the two in step.
//
// A handler receives (ctx, records, oldMap) where ctx gives what Apex has at hand there:
//   ctx.today, ctx.now()          Date.today() and System.now() by the org's clock
//   ctx.userId                     UserInfo.getUserId()
//   ctx.addError(record, field, message)   record.addError(field, message) (field null: the whole record)
//   ctx.selectByIds(sobject, ids), ctx.selectChildren(sobject, field, parentIds)   what the selectors query
//   ctx.insert(sobject, records), ctx.update(sobject, records, { allOrNone })      DML as the running user
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sourceFiles } from '../../scripts/lib/sfdx.mjs';

const ACTIVE = 'Active';
const COMPLETE = 'Complete';

// Apex compares strings case-insensitively with == and !=; picklist values keep their case, but the twins
// compare as Apex does so that they never disagree with it.
const apexEquals = (a, b) =>
    typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : (a ?? null) === (b ?? null);

const DAY = 86400000;

/** Date.daysBetween: whole days from one ISO date to another; null when either is blank. */
export function daysBetween(from, to) {
    if (!from || !to) return null;
    return Math.round(
        (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY
    );
}

// ---------------------------------------------------------------------------------------------------------------
// User-facing messages are the Apex class's own constants, read from its source so the preview shows the same
// words; the text after each is only used if the constant cannot be found (reported in `problems`).

const MESSAGE_FALLBACKS = {
    MutualActionPlanTriggerHandler: {
        SECOND_ACTIVE_PLAN:
            'Another plan of this opportunity is being activated in the same save. Only one plan per opportunity can be active.',
        MILESTONE_BLOCKS_ACTIVATION: 'Before this plan can be active, fix milestone "{0}": {1}'
    }
};

/** A `static final String NAME = '...';` of an Apex class in the project, or undefined. */
export function apexStringConstant(root, className, constant) {
    const file = sourceFiles(root, '.cls').find((candidate) => basename(candidate, '.cls') === className);
    if (!file) return undefined;
    const source = readFileSync(file, 'utf8');
    const match = new RegExp(`\\bString\\s+${constant}\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'\\s*;`).exec(source);
    return match ? match[1].replace(/\\(.)/g, '$1') : undefined;
}

/** String.format with {0}, {1}... as Apex does it. */
const format = (pattern, args) => pattern.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));

// ---------------------------------------------------------------------------------------------------------------
// MutualActionPlanTriggerHandler

function planHandler(messages) {
    // MutualActionPlanTriggerHandler.becomesActive
    const becomesActive = (plan, oldPlan) =>
        apexEquals(plan.Status__c, ACTIVE) && (!oldPlan || !apexEquals(oldPlan.Status__c, ACTIVE));

    // MutualActionPlanTriggerHandler.isFirstActivation
    const isFirstActivation = (plan, oldPlan) =>
        Boolean(oldPlan) && oldPlan.Activated_On__c == null && plan.Activated_On__c != null;

    // MutualActionPlanTriggerHandler.stampActivation
    const stampActivation = (ctx, plan) => {
        if (apexEquals(plan.Status__c, ACTIVE) && plan.Activated_On__c == null) plan.Activated_On__c = ctx.now();
    };

    // MutualActionPlanTriggerHandler.stampAcceptance: unaccepting clears the time; a time loaded with an
    // accepted record (a data migration) is kept.
    const stampAcceptance = (ctx, plan) => {
        if (!plan.Buyer_Accepted__c) plan.Buyer_Accepted_On__c = null;
        else if (plan.Buyer_Accepted_On__c == null) plan.Buyer_Accepted_On__c = ctx.now();
    };

    // MutualActionPlanTriggerHandler.rejectSecondActivePlan: the validation rule only sees plans already saved.
    const rejectSecondActivePlan = (ctx, plans, oldMap) => {
        const activating = new Set();
        for (const plan of plans) {
            if (!becomesActive(plan, oldMap?.get(plan.Id))) continue;
            if (activating.has(plan.Opportunity__c)) ctx.addError(plan, 'Status__c', messages.SECOND_ACTIVE_PLAN);
            else activating.add(plan.Opportunity__c);
        }
    };

    // MutualActionPlanTriggerHandler.resaveMilestones: an Id-only update of every milestone of the newly
    // activated plans, partial success; a milestone that fails blocks its plan with the milestone's first error.
    const resaveMilestones = (ctx, activated) => {
        // PlanSelector.milestonesOfPlans: ORDER BY Plan__c, Sort_Order__c NULLS LAST, Due_Date__c
        const milestones = ctx
            .selectChildren('Plan_Milestone__c', 'Plan__c', [...activated.keys()])
            .sort(
                (a, b) =>
                    a.Plan__c.localeCompare(b.Plan__c) ||
                    (a.Sort_Order__c ?? Infinity) - (b.Sort_Order__c ?? Infinity) ||
                    String(a.Due_Date__c).localeCompare(String(b.Due_Date__c))
            );
        const results = ctx.update(
            'Plan_Milestone__c',
            milestones.map((milestone) => ({ Id: milestone.Id })),
            { allOrNone: false }
        );
        results.forEach((result, i) => {
            if (result.success) return;
            const milestone = milestones[i];
            ctx.addError(
                activated.get(milestone.Plan__c),
                null,
                format(messages.MILESTONE_BLOCKS_ACTIVATION, [milestone.Name, result.errors[0].message])
            );
        });
    };

    return {
        apexClass: 'MutualActionPlanTriggerHandler',
        // MutualActionPlanTriggerHandler.beforeInsert
        beforeInsert(ctx, plans) {
            rejectSecondActivePlan(ctx, plans, null);
            for (const plan of plans) {
                stampActivation(ctx, plan);
                stampAcceptance(ctx, plan);
            }
        },
        // MutualActionPlanTriggerHandler.beforeUpdate
        beforeUpdate(ctx, plans, oldMap) {
            rejectSecondActivePlan(ctx, plans, oldMap);
            for (const plan of plans) {
                stampActivation(ctx, plan);
                stampAcceptance(ctx, plan);
            }
        },
        // MutualActionPlanTriggerHandler.afterUpdate
        afterUpdate(ctx, plans, oldMap) {
            const activated = new Map();
            for (const plan of plans) {
                if (isFirstActivation(plan, oldMap.get(plan.Id))) activated.set(plan.Id, plan);
            }
            if (activated.size) resaveMilestones(ctx, activated);
        }
    };
}

// ---------------------------------------------------------------------------------------------------------------
// PlanMilestoneTriggerHandler

function milestoneHandler() {
    // PlanMilestoneTriggerHandler.slipDays: due date minus baseline, blank until both exist.
    const slipDays = (milestone) => daysBetween(milestone.Baseline_Date__c, milestone.Due_Date__c);

    // PlanMilestoneTriggerHandler.stampCompletion: today when it becomes Complete without a date; cleared when
    // reopened.
    const stampCompletion = (milestone, today) => {
        if (!apexEquals(milestone.Status__c, COMPLETE)) milestone.Completed_On__c = null;
        else if (milestone.Completed_On__c == null) milestone.Completed_On__c = today;
    };

    // PlanMilestoneTriggerHandler.stampBaseline
    const stampBaseline = (milestone, activePlanIds) => {
        if (milestone.Baseline_Date__c == null && activePlanIds.has(milestone.Plan__c)) {
            milestone.Baseline_Date__c = milestone.Due_Date__c;
        }
    };

    // PlanMilestoneTriggerHandler.activePlansNeedingBaselines: no query when every milestone has its baseline.
    const activePlansNeedingBaselines = (ctx, milestones) => {
        const planIds = new Set();
        for (const milestone of milestones) {
            if (milestone.Baseline_Date__c == null && milestone.Plan__c != null) planIds.add(milestone.Plan__c);
        }
        const active = new Set();
        if (!planIds.size) return active;
        for (const plan of ctx.selectByIds('Mutual_Action_Plan__c', [...planIds])) {
            if (apexEquals(plan.Status__c, ACTIVE)) active.add(plan.Id);
        }
        return active;
    };

    // PlanMilestoneTriggerHandler.dateChanges: one row per due-date move of a baselined milestone. The reason
    // and note go with a move later, or with a move whose reason was given in this save; a reason left over
    // from an earlier slip does not explain a date pulled in.
    const dateChanges = (milestones, oldMap, changedBy, changedOn) => {
        const changes = [];
        for (const milestone of milestones) {
            const old = oldMap.get(milestone.Id);
            if (milestone.Due_Date__c === old.Due_Date__c || old.Baseline_Date__c == null) continue;
            const daysMoved = daysBetween(old.Due_Date__c, milestone.Due_Date__c);
            const later = daysMoved != null && daysMoved > 0;
            const explainedNow =
                !apexEquals(milestone.Slip_Reason__c, old.Slip_Reason__c) ||
                !apexEquals(milestone.Slip_Note__c, old.Slip_Note__c);
            const explains = later || explainedNow;
            changes.push({
                Plan__c: milestone.Plan__c,
                Milestone__c: milestone.Id,
                Previous_Date__c: old.Due_Date__c,
                New_Date__c: milestone.Due_Date__c,
                Days_Moved__c: daysMoved,
                Reason__c: explains ? (milestone.Slip_Reason__c ?? null) : null,
                Note__c: explains ? (milestone.Slip_Note__c ?? null) : null,
                Changed_By__c: changedBy,
                Changed_On__c: changedOn
            });
        }
        return changes;
    };

    return {
        apexClass: 'PlanMilestoneTriggerHandler',
        // PlanMilestoneTriggerHandler.beforeInsert
        beforeInsert(ctx, milestones) {
            const activePlanIds = activePlansNeedingBaselines(ctx, milestones);
            for (const milestone of milestones) {
                // A date loaded with the record (data migration) is kept.
                if (milestone.Status_Changed_On__c == null) milestone.Status_Changed_On__c = ctx.today;
                stampCompletion(milestone, ctx.today);
                stampBaseline(milestone, activePlanIds);
                milestone.Slip_Days__c = slipDays(milestone);
            }
        },
        // PlanMilestoneTriggerHandler.beforeUpdate
        beforeUpdate(ctx, milestones, oldMap) {
            const activePlanIds = activePlansNeedingBaselines(ctx, milestones);
            for (const milestone of milestones) {
                if (!apexEquals(milestone.Status__c, oldMap.get(milestone.Id).Status__c)) {
                    milestone.Status_Changed_On__c = ctx.today;
                }
                stampCompletion(milestone, ctx.today);
                stampBaseline(milestone, activePlanIds);
                milestone.Slip_Days__c = slipDays(milestone);
            }
        },
        // PlanMilestoneTriggerHandler.afterUpdate: `insert as user changes`
        afterUpdate(ctx, milestones, oldMap) {
            const changes = dateChanges(milestones, oldMap, ctx.userId, ctx.now());
            if (changes.length) ctx.insert('Milestone_Date_Change__c', changes);
        }
    };
}

// ---------------------------------------------------------------------------------------------------------------

/** Trigger event as declared in Apex ('before insert') to the handler method that runs it ('beforeInsert'). */
export const EVENT_METHODS = {
    'before insert': 'beforeInsert',
    'before update': 'beforeUpdate',
    'before delete': 'beforeDelete',
    'after insert': 'afterInsert',
    'after update': 'afterUpdate',
    'after delete': 'afterDelete',
    'after undelete': 'afterUndelete'
};

/**
 * The twins by object, with the Apex messages read from the project at `root`. Returns { handlers, problems }:
 * `problems` names an Apex constant that could not be read (its fallback text is then used).
 */
export function loadHandlers(root) {
    const problems = [];
    const messagesOf = (className) => {
        const messages = {};
        for (const [name, fallback] of Object.entries(MESSAGE_FALLBACKS[className])) {
            const value = apexStringConstant(root, className, name);
            if (value === undefined) problems.push(`${className}.${name} not found in the Apex source`);
            messages[name] = value ?? fallback;
        }
        return messages;
    };
    return {
        handlers: {
            Mutual_Action_Plan__c: planHandler(messagesOf('MutualActionPlanTriggerHandler')),
            Plan_Milestone__c: milestoneHandler()
        },
        problems
    };
}

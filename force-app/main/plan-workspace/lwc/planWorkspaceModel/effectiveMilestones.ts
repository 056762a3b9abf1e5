/**
 * Effective milestones: the saved values with the draft applied, in the order the user chose, as they will be once
 * the draft is saved; and which milestones wait on which.
 */
import { workingDaysBetween } from 'c/planScheduler';
import { rememberLast } from './memo';
import { savedValues, setField } from './milestoneDraft';
import type { Draft, EditableField, MilestoneValues } from './milestoneDraft';
import type { MilestoneInfo, Workspace } from './workspaceTypes';

export interface EffectiveMilestone extends MilestoneValues {
    key: string;
    id: string | null;
    saved: MilestoneInfo | null;
    isNew: boolean;
    isDeleted: boolean;
    changedFields: EditableField[];
    baselineDate: string | null;
    /** Working days from the baseline to the due date (as Slip_Days__c), recomputed for an edited date. */
    slipDays: number | null;
}

/**
 * The milestones as they will be once the draft is saved, in the order the user sees (see `groupByPhase`). An edit
 * asks for them several times (its own rule, the list, the header's facts) with the same workspace and draft: the
 * last result is remembered, and is read-only for that reason.
 */
export const effectiveMilestones: (workspace: Workspace, draft: Draft) => readonly EffectiveMilestone[] =
    rememberLast(milestonesAfterDraft);

function milestonesAfterDraft(workspace: Workspace, draft: Draft): readonly EffectiveMilestone[] {
    const deleted = new Set(draft.deleted);
    const all: EffectiveMilestone[] = [];
    for (const saved of workspace.milestones) {
        const changes = draft.changes[saved.id] ?? {};
        const values = { ...savedValues(saved), ...changes };
        const baselineDate = saved.baselineDate ?? null;
        all.push({
            ...values,
            key: saved.id,
            id: saved.id,
            saved,
            isNew: false,
            isDeleted: deleted.has(saved.id),
            changedFields: Object.keys(changes) as EditableField[],
            baselineDate,
            slipDays:
                'dueDate' in changes && baselineDate && values.dueDate
                    ? workingDaysBetween(baselineDate, values.dueDate)
                    : (saved.slipDays ?? null)
        });
    }
    for (const added of draft.added) {
        all.push({
            ...added.values,
            key: added.key,
            id: null,
            saved: null,
            isNew: true,
            isDeleted: false,
            changedFields: [],
            baselineDate: null,
            slipDays: null
        });
    }
    if (!draft.order) {
        return all;
    }
    const position = new Map(draft.order.map((key, i) => [key, i]));
    const unplaced = draft.order.length;
    const rank = (key: string, i: number) => position.get(key) ?? unplaced + i;
    return all
        .map((milestone, i) => ({ milestone, rank: rank(milestone.key, i) }))
        .sort((a, b) => a.rank - b.rank)
        .map(({ milestone }) => milestone);
}

/** The milestones (not removed) that wait on `key`: what removing it would leave without a predecessor. */
export function dependentsOf(workspace: Workspace, draft: Draft, key: string): EffectiveMilestone[] {
    return effectiveMilestones(workspace, draft).filter(
        (milestone) => !milestone.isDeleted && milestone.key !== key && milestone.dependsOnId === key
    );
}

/**
 * Has the milestones that wait on a removed one wait on what it waited on instead (or on nothing), so removing a
 * step in the middle of a chain keeps the chain.
 */
export function repointDependents(draft: Draft, workspace: Workspace, key: string): Draft {
    const removed = effectiveMilestones(workspace, draft).find((milestone) => milestone.key === key);
    let next = draft;
    for (const dependent of dependentsOf(workspace, draft, key)) {
        next = setField(next, workspace, dependent.key, 'dependsOnId', removed?.dependsOnId ?? null);
    }
    return next;
}

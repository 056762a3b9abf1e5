/**
 * What a save sends (SaveMilestonesRequest; MilestoneInput also serves CreatePlanRequest): only the
 * changed fields of saved milestones, every field of new ones, the new order, the deletions, and the revisions the
 * screen was built from.
 */
import { effectiveMilestones } from './effectiveMilestones';
import { EDITABLE_FIELDS } from './milestoneDraft';
import type { Draft, MilestoneValues } from './milestoneDraft';
import { groupByPhase } from './phaseGroups';
import type { Workspace } from './workspaceTypes';

export interface MilestoneInput extends Partial<MilestoneValues> {
    key: string;
    id: string | null;
    changedFields?: string[];
    sortOrder?: number | null;
    dependsOnKey?: string | null;
    /** A new plan's milestone: the template step it was made from (CreatePlanRequest only). */
    templateStep?: string | null;
}

/** The revisions the screen was built from (PlanRevisions): the server refuses a save if any moved on. */
export interface Loaded {
    plan: number | null;
    milestones: Record<string, number | null>;
}

export interface SaveMilestonesRequest {
    milestones: MilestoneInput[];
    deletedIds: string[];
    loaded: Loaded;
}

/** The plan's and each milestone's revision as loaded, sent back with every save of the plan. */
export function loadedRevisions(workspace: Workspace): Loaded {
    const milestones: Record<string, number | null> = {};
    for (const milestone of workspace.milestones) {
        milestones[milestone.id] = milestone.revision ?? null;
    }
    return { plan: workspace.plan?.revision ?? null, milestones };
}

function inputValues(values: Partial<MilestoneValues>): Partial<MilestoneValues> {
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) {
        out[field] = typeof value === 'string' ? (value.trim() === '' ? null : value) : (value ?? null);
    }
    return out as Partial<MilestoneValues>;
}

/**
 * What saveMilestones sends: for a saved milestone only the fields that changed (user-mode DML checks field-level
 * security on every field it is given); for a new one every field; the new order once the user reordered or added
 * milestones; the milestones to delete; the revisions the screen was built from.
 */
export function savePayload(workspace: Workspace, draft: Draft): SaveMilestonesRequest {
    const effective = effectiveMilestones(workspace, draft);
    const live = effective.filter((milestone) => !milestone.isDeleted);
    const sortOrders = new Map<string, number>();
    if (draft.order) {
        const order = groupByPhase(live, workspace.picklists.phases).flatMap((group) => group.milestones);
        order.forEach((milestone, i) => sortOrders.set(milestone.key, i + 1));
    } else {
        let next = workspace.milestones.reduce((max, milestone) => Math.max(max, milestone.sortOrder ?? 0), 0);
        for (const milestone of live) {
            if (milestone.isNew) {
                sortOrders.set(milestone.key, ++next);
            }
        }
    }
    const savedIds = new Set(workspace.milestones.map((milestone) => milestone.id));
    // A milestone that waits on a new one names it by key: the server links them once the new one has an Id.
    const linked = (input: MilestoneInput): MilestoneInput => {
        if (!input.dependsOnId || savedIds.has(input.dependsOnId)) {
            return input;
        }
        return { ...input, dependsOnId: null, dependsOnKey: input.dependsOnId };
    };
    const milestones: MilestoneInput[] = [];
    for (const milestone of live) {
        const sortOrder = sortOrders.get(milestone.key);
        if (milestone.isNew) {
            const values: Partial<MilestoneValues> = {};
            for (const field of EDITABLE_FIELDS) {
                (values as Record<string, unknown>)[field] = milestone[field];
            }
            milestones.push(
                linked({ key: milestone.key, id: null, ...inputValues(values), sortOrder: sortOrder ?? null })
            );
            continue;
        }
        const values: Partial<MilestoneValues> = {};
        for (const field of milestone.changedFields) {
            (values as Record<string, unknown>)[field] = milestone[field];
        }
        const input: MilestoneInput = { key: milestone.key, id: milestone.id, ...inputValues(values) };
        const changedFields: string[] = [...milestone.changedFields];
        if (sortOrder !== undefined && sortOrder !== (milestone.saved?.sortOrder ?? null)) {
            changedFields.push('sortOrder');
            input.sortOrder = sortOrder;
        }
        if (changedFields.length > 0) {
            milestones.push(linked({ ...input, changedFields }));
        }
    }
    return {
        milestones,
        deletedIds: draft.deleted.filter((id) => savedIds.has(id)),
        loaded: loadedRevisions(workspace)
    };
}

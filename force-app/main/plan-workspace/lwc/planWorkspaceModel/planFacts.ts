/**
 * What the plan's header says about the milestones, from the workspace (and the draft): the saved milestones still
 * open or already overdue, for the questions before completing or activating the plan, and whether the plan, unsaved
 * edits included, still lands by the buyer's target date.
 */
import { lateLanding, lateLandingText } from 'c/planDetailsModel';
import { effectiveMilestones } from './effectiveMilestones';
import { formatDate } from './formatting';
import type { Draft } from './milestoneDraft';
import { isOpen, isOverdue } from './milestoneStatus';
import type { Workspace } from './workspaceTypes';

/** The saved milestones already overdue, by name. */
export function overdueMilestoneNames(workspace: Workspace | null): string[] {
    return (workspace?.milestones ?? [])
        .filter((milestone) => isOverdue(milestone.dueDate, milestone.status, workspace?.today ?? ''))
        .map((milestone) => milestone.name);
}

/** The saved milestones still open, by name. */
export function openMilestoneNames(workspace: Workspace | null): string[] {
    return (workspace?.milestones ?? []).filter((milestone) => isOpen(milestone.status)).map((m) => m.name);
}

/** Said when the plan, unsaved edits included, no longer lands by the buyer's target date; null while it does. */
export function lateLandingMessage(workspace: Workspace | null, draft: Draft, locale?: string): string | null {
    if (!workspace?.plan) {
        return null;
    }
    const milestones = effectiveMilestones(workspace, draft).filter((milestone) => !milestone.isDeleted);
    const late = lateLanding(workspace.plan.targetDate, milestones);
    return late ? lateLandingText(late, (iso) => formatDate(iso, locale), locale) : null;
}

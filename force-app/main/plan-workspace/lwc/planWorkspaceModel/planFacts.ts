/**
 * What the plan's header says about the milestones, from the workspace (and the draft): the saved milestones still
 * open or already overdue, for the questions before completing or activating the plan, and whether the plan, unsaved
 * edits included, still lands by the buyer's target date.
 */
import { lateLanding, lateLandingText } from 'c/planDetailsModel';
import { effectiveMilestones } from './effectiveMilestones';
import { formatDate, plural } from './formatting';
import type { Draft } from './milestoneDraft';
import { isHistoryStatus, isOpen, isOverdue } from './milestoneStatus';
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

/** What the plan says about its close, in plain words; `isLate` when it cannot land by the close date. */
export interface ImpliedCloseMessage {
    text: string;
    isLate: boolean;
}

/**
 * What the plan says about its close at the pace agreed (the plan-implied close the server computed from today):
 * when the close milestone can be done, against the opportunity's close date and the date typed on the close
 * milestone. Null for no plan, a plan kept as history, a plan without milestones, and once the close milestone is
 * done.
 */
export function impliedCloseMessage(workspace: Workspace | null, locale?: string): ImpliedCloseMessage | null {
    const plan = workspace?.plan;
    if (!plan || isHistoryStatus(plan.status) || !workspace.milestones.length) {
        return null;
    }
    if (plan.forecastProblem) {
        return { text: `The plan cannot say when the deal can be signed: ${plan.forecastProblem}`, isLate: false };
    }
    const close = workspace.milestones.find((milestone) => milestone.id === plan.closeMilestoneId);
    if (!close || !plan.impliedClose) {
        return {
            text: 'No milestone marks the close, so the plan cannot say when the deal can be signed.',
            isLate: false
        };
    }
    if (close.status === 'Complete') {
        return null;
    }
    const days = (count: number) => plural(Math.abs(count), 'working day', 'working days', locale);
    const gap = plan.impliedCloseGapDays;
    let against = '';
    if (plan.opportunityCloseDate && typeof gap === 'number') {
        if (gap > 0) against = `, ${days(gap)} after the close date`;
        else if (gap < 0) against = `, ${days(gap)} before the close date`;
        else against = ', on the close date';
    }
    let text = `At the pace agreed, “${close.name}” lands ${formatDate(plan.impliedClose, locale)}${against}.`;
    const dueGap = plan.impliedCloseDueGapDays;
    if (typeof dueGap === 'number' && dueGap > 0) {
        text +=
            ` Its due date, ${formatDate(close.dueDate, locale)}, leaves ${days(dueGap)} too few for the steps ` +
            'before it.';
    }
    if ((plan.criticalPathIds?.length ?? 0) > 1) {
        text += ' The steps that set this date are marked “Critical path”.';
    }
    return { text, isLate: typeof gap === 'number' && gap > 0 };
}

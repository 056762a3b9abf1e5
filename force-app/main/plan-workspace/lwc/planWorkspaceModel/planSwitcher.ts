/**
 * The opportunity's plans as the workspace offers them: which one is current, when a plan is history (Completed or
 * Cancelled: read-only), when the way back to the current plan shows, and when a new plan may follow a finished one.
 */
import { isHistoryStatus } from './milestoneStatus';
import type { PlanInfo, PlanSummary } from './workspaceTypes';

function currentPlan(plans: readonly PlanSummary[]): PlanSummary | undefined {
    return plans.find((plan) => plan.isCurrent);
}

/** What the banner over a plan that is history says; blank for a plan still in use (or none). */
export function historyNotice(plan: PlanInfo | null | undefined): string {
    if (!plan) {
        return '';
    }
    const what = plan.status === 'Completed' ? 'was completed' : 'was cancelled';
    return `This plan ${what}. It is kept as history: you can read it, not change it.`;
}

/** Back to the current plan: offered while history is shown and the opportunity has a plan still in use. */
export function canOpenCurrentPlan(plans: readonly PlanSummary[]): boolean {
    const current = currentPlan(plans);
    return Boolean(current && !current.isShown && !isHistoryStatus(current.status));
}

/** Once the opportunity's current plan is finished (Completed or Cancelled), a new one can follow it. */
export function canFollowWithNewPlan(plans: readonly PlanSummary[], shown: PlanInfo | null | undefined): boolean {
    return isHistoryStatus(currentPlan(plans)?.status ?? shown?.status);
}

/**
 * The choices the workspace's pickers offer: the plan switcher's plans, the owners on either side, the milestones
 * one may wait on (never one that already waits on it), and the milestone list's picklists.
 */
import { formatNumber } from 'c/planHealth';
import type { EffectiveMilestone } from './effectiveMilestones';
import { formatDate } from './formatting';
import type { Option, Person, PlanSummary, Workspace } from './workspaceTypes';

/**
 * The plan switcher's choices, newest first: each plan by name, status, dates and type, in the user's locale
 * ("Go-live plan: Cancelled, started Mar 3, 2026, Close plan, 4 of 12 milestones done"); the current plan says so.
 */
export function planChoices(plans: PlanSummary[], locale?: string): { label: string; value: string }[] {
    return plans.map((plan) => {
        const parts = [plan.isCurrent ? `${plan.status} (current plan)` : plan.status];
        if (plan.startedOn) {
            parts.push(`started ${formatDate(plan.startedOn, locale)}`);
        }
        parts.push(plan.planType === 'Success' ? 'Success plan' : 'Close plan');
        if (plan.milestoneCount) {
            parts.push(
                `${formatNumber(plan.completedMilestoneCount ?? 0, locale)} of ${formatNumber(plan.milestoneCount, locale)} milestones done`
            );
        }
        return { label: `${plan.name}: ${parts.join(', ')}`, value: plan.id };
    });
}

/** Combobox options for owners: the people offered, plus "None". */
export function ownerOptions(people: readonly Person[], noneLabel: string): Option[] {
    return [
        { label: noneLabel, value: '' },
        ...people.map((person) => ({
            label: person.detail ? `${person.name} (${person.detail})` : person.name,
            value: person.id
        }))
    ];
}

/**
 * Keys of the milestones that wait on `key`, directly or through others (removed ones included: their links are
 * still in the draft until the save).
 */
function waitingOn(milestones: readonly EffectiveMilestone[], key: string): Set<string> {
    const found = new Set<string>();
    let frontier = [key];
    while (frontier.length > 0) {
        const next: string[] = [];
        for (const milestone of milestones) {
            if (milestone.dependsOnId && frontier.includes(milestone.dependsOnId) && !found.has(milestone.key)) {
                found.add(milestone.key);
                next.push(milestone.key);
            }
        }
        frontier = next;
    }
    return found;
}

/** What a milestone may wait on: any other milestone still in the plan that does not itself wait on it. */
export function predecessorOptions(milestones: readonly EffectiveMilestone[], key: string): Option[] {
    const after = waitingOn(milestones, key);
    return milestones
        .filter((m) => m.key !== key && !m.isDeleted && !after.has(m.key))
        .map((m) => ({ label: m.name || 'New milestone', value: m.key }));
}

/** The choices the milestone list offers in its inputs, computed once per workspace load. */
export interface ListOptions {
    statuses: Option[];
    phases: Option[];
    sides: Option[];
    slipReasons: Option[];
    buyerOwners: Option[];
    sellerOwners: Option[];
}

/** The list's choices before a workspace is loaded: none. */
export const NO_LIST_OPTIONS: ListOptions = Object.freeze({
    statuses: [],
    phases: [],
    sides: [],
    slipReasons: [],
    buyerOwners: [],
    sellerOwners: []
});

export function listOptions(workspace: Workspace): ListOptions {
    return {
        statuses: workspace.picklists.milestoneStatuses,
        phases: workspace.picklists.phases,
        sides: workspace.picklists.sides,
        slipReasons: workspace.picklists.slipReasons,
        buyerOwners: ownerOptions(workspace.buyerContacts, 'No buyer owner'),
        sellerOwners: ownerOptions(workspace.sellerUsers, 'No seller owner')
    };
}

/**
 * Grouping by phase and reordering: the milestones in the order the user sees them (phase groups in picklist order),
 * and moving one up or down within its phase.
 */
import { effectiveMilestones } from './effectiveMilestones';
import type { Draft } from './milestoneDraft';
import type { Option, Workspace } from './workspaceTypes';

export interface PhaseGroup<T> {
    phase: string | null;
    label: string;
    milestones: T[];
}

export const NO_PHASE_LABEL = 'No phase';

/**
 * Milestones grouped by phase: phases in picklist order, then phases the picklist does not know (in order of first
 * appearance), then milestones without a phase. Within a group the milestones keep their order.
 */
export function groupByPhase<T extends { phase: string | null }>(
    milestones: readonly T[],
    phases: readonly Option[]
): PhaseGroup<T>[] {
    const groups = new Map<string | null, PhaseGroup<T>>();
    for (const option of phases) {
        groups.set(option.value, { phase: option.value, label: option.label, milestones: [] });
    }
    const unknown: PhaseGroup<T>[] = [];
    let none: PhaseGroup<T> | null = null;
    for (const milestone of milestones) {
        const phase = milestone.phase || null;
        let group = groups.get(phase);
        if (!group) {
            group = { phase, label: phase ?? NO_PHASE_LABEL, milestones: [] };
            groups.set(phase, group);
            if (phase === null) {
                none = group;
            } else {
                unknown.push(group);
            }
        }
        group.milestones.push(milestone);
    }
    const known = phases.map((option) => groups.get(option.value) as PhaseGroup<T>);
    return [...known, ...unknown, ...(none ? [none] : [])].filter((group) => group.milestones.length > 0);
}

/** The keys in the order the user sees them: by phase group, then within each group. */
export function displayOrder(workspace: Workspace, draft: Draft): string[] {
    return groupByPhase(effectiveMilestones(workspace, draft), workspace.picklists.phases).flatMap((group) =>
        group.milestones.map((milestone) => milestone.key)
    );
}

/** Moves a milestone one place up or down within its phase group. */
export function moveMilestone(draft: Draft, workspace: Workspace, key: string, direction: 'up' | 'down'): Draft {
    const groups = groupByPhase(effectiveMilestones(workspace, draft), workspace.picklists.phases);
    const order = groups.flatMap((group) => group.milestones.map((milestone) => milestone.key));
    const group = groups.find((g) => g.milestones.some((milestone) => milestone.key === key));
    if (!group) {
        return draft;
    }
    const inGroup = group.milestones.findIndex((milestone) => milestone.key === key);
    const neighbour = group.milestones[direction === 'up' ? inGroup - 1 : inGroup + 1];
    if (!neighbour) {
        return draft;
    }
    const a = order.indexOf(key);
    const b = order.indexOf(neighbour.key);
    [order[a], order[b]] = [order[b], order[a]];
    return { ...draft, order };
}

/** Re-projection: what moving one milestone's due date does to the rest of a live plan. */
import { daysBetween, epochDay } from 'c/planHealth';
import { indexKeys, MILESTONE, rejectCycles, resolvePredecessor } from './dependencies';
import { projectedCloseDate } from './projectedClose';
import { ScheduleError } from './scheduleTypes';
import type { MilestoneMove, PlannedMilestone, ReprojectOptions, Reprojection, ScheduleWarning } from './scheduleTypes';
import { worded } from './wording';
import { isoDate, WorkingCalendar } from './workingDays';

function isClosed(milestone: PlannedMilestone): boolean {
    return milestone.status === 'Complete' || milestone.status === 'Skipped';
}

function durationOf(milestone: PlannedMilestone): number {
    const duration = milestone.durationDays ?? 0;
    if (!Number.isInteger(duration) || duration < 0) {
        throw new ScheduleError(
            'invalid-step',
            `The milestone "${milestone.key}" has a duration of ${duration}; durations are whole working days, 0 or more.`,
            [milestone.key]
        );
    }
    return duration;
}

/**
 * What moving one milestone's due date does to the plan (see the conventions in planScheduler.ts). Nothing is
 * changed in place: the caller saves `moved`, one date-change history row each. Linear in the number of milestones.
 */
export function reproject(
    milestones: readonly PlannedMilestone[],
    changedKey: string,
    newDueDate: string,
    options: ReprojectOptions = {}
): Reprojection {
    const calendar = new WorkingCalendar(options.holidays);
    const say = worded(options.wording);
    const keys = milestones.map((milestone) => milestone.key);
    const index = indexKeys(keys, MILESTONE);
    const changed = index.get(changedKey);
    if (changed === undefined) {
        throw new ScheduleError('unknown-milestone', `There is no milestone "${changedKey}" in this plan.`, [
            changedKey
        ]);
    }
    const durations = milestones.map(durationOf);
    const predecessor = milestones.map((milestone) => {
        const named = milestone.predecessorKey;
        return named ? resolvePredecessor(milestone.key, named, index, MILESTONE) : -1;
    });
    rejectCycles(keys, predecessor, new Array<boolean>(keys.length).fill(false), MILESTONE, say.name);
    const successors = milestones.map((): number[] => []);
    predecessor.forEach((p, i) => p >= 0 && successors[p].push(i));

    const before = milestones.map((milestone) => epochDay(milestone.dueDate));
    const after = [...before];
    after[changed] = epochDay(newDueDate);
    const isLater = after[changed] > before[changed];

    if (isLater && !isClosed(milestones[changed])) {
        // Push successors down the tree; each milestone has one predecessor, so each is reached at most once.
        const stack = successors[changed].map((node) => ({ node, bound: after[changed] }));
        while (stack.length > 0) {
            const { node, bound } = stack.pop() as { node: number; bound: number };
            const status = milestones[node].status;
            if (status === 'Skipped') {
                successors[node].forEach((next) => stack.push({ node: next, bound }));
            } else if (status !== 'Complete') {
                const needed = calendar.earliestDue(bound, durations[node]);
                if (after[node] < needed) {
                    after[node] = needed;
                    successors[node].forEach((next) => stack.push({ node: next, bound: needed }));
                }
            }
        }
    }

    const move = (i: number): MilestoneMove => ({
        key: keys[i],
        from: milestones[i].dueDate,
        to: isoDate(after[i]),
        days: daysBetween(milestones[i].dueDate, isoDate(after[i])),
        workingDays: calendar.between(before[i], after[i])
    });
    const moved: MilestoneMove[] = [];
    if (after[changed] !== before[changed]) {
        moved.push(move(changed));
    }
    after.forEach((day, i) => i !== changed && day !== before[i] && moved.push(move(i)));

    const warnings: ScheduleWarning[] = [];
    if (!calendar.isWorkingDay(after[changed])) {
        warnings.push({
            code: 'due-not-working-day',
            message: `The new due date of "${say.name(changedKey)}", ${say.date(newDueDate)}, is not a working day.`,
            keys: [changedKey]
        });
    }
    let upstream = predecessor[changed];
    while (upstream >= 0 && milestones[upstream].status === 'Skipped') {
        upstream = predecessor[upstream];
    }
    if (
        !isClosed(milestones[changed]) &&
        upstream >= 0 &&
        !isClosed(milestones[upstream]) &&
        after[changed] < calendar.earliestDue(after[upstream], durations[changed])
    ) {
        warnings.push({
            code: 'starts-before-predecessor',
            message:
                `"${say.name(changedKey)}" would start on ` +
                `${say.date(isoDate(calendar.startOf(after[changed], durations[changed])))}, but ` +
                `"${say.name(keys[upstream])}", which comes before it, is not due until ` +
                `${say.date(isoDate(after[upstream]))}. Move "${say.name(keys[upstream])}" earlier too, or choose a later date.`,
            keys: [changedKey, keys[upstream]]
        });
    }

    const projected = milestones.map((milestone, i) => ({ ...milestone, dueDate: isoDate(after[i]) }));
    return { moved, projectedCloseDate: projectedCloseDate(projected), isLater, warnings };
}

/** The plan's projected close: the due date of the milestone that marks it. */
import { epochDay } from 'c/planHealth';
import type { PlannedMilestone } from './scheduleTypes';

/** The due date of the milestone that marks the close (the latest, should several); null when none does. */
export function projectedCloseDate(milestones: readonly PlannedMilestone[]): string | null {
    let close: string | null = null;
    for (const milestone of milestones) {
        if (milestone.marksClose && (close === null || epochDay(milestone.dueDate) > epochDay(close))) {
            close = milestone.dueDate;
        }
    }
    return close;
}

/**
 * The workspace's own checks before a save, reported like the platform's (a `SaveErrors`), so they show in the same
 * places: names, lengths, durations, what a milestone waits on, and plausible due dates.
 */
import { daysBetween, formatNumber } from 'c/planHealth';
import { tooLongMessage } from 'c/planDetailsModel';
import type { EffectiveMilestone } from './effectiveMilestones';
import { plural } from './formatting';
import type { RecordErrors, SaveErrors } from './saveErrors';

/**
 * The rule Due_Date_Plausible, as the workspace checks it before saving: a due date being set on an open milestone
 * between a year ago and three years out.
 */
export const DUE_DATE_PAST_DAYS = 365;
export const DUE_DATE_FUTURE_DAYS = 1095;
export const IMPLAUSIBLE_DUE_DATE =
    'Check the year: a due date more than a year ago or more than three years out is almost always a typo.';

export function dueDateProblem(
    dueDate: string | null,
    status: string | null | undefined,
    today: string
): string | null {
    if (!dueDate || !today || status === 'Complete' || status === 'Skipped') {
        return null;
    }
    const days = daysBetween(today, dueDate);
    return days < -DUE_DATE_PAST_DAYS || days > DUE_DATE_FUTURE_DAYS ? IMPLAUSIBLE_DUE_DATE : null;
}

/** Plan_Milestone__c.Description__c: Long Text Area(2000). */
export const DESCRIPTION_MAX = 2000;
/** Plan_Milestone__c.Duration_Days__c: Number(4, 0), a whole number of working days. */
const DURATION_MAX = 9999;

/** The milestone that, following "waits on" links from `milestone`, leads back to it; null when none does. */
function cycleThrough(
    byKey: Map<string, EffectiveMilestone>,
    milestone: EffectiveMilestone
): EffectiveMilestone | null {
    const seen = new Set<string>();
    let current = milestone.dependsOnId ? byKey.get(milestone.dependsOnId) : undefined;
    while (current && !seen.has(current.key)) {
        if (current.dependsOnId === milestone.key) {
            return current;
        }
        seen.add(current.key);
        current = current.dependsOnId ? byKey.get(current.dependsOnId) : undefined;
    }
    return null;
}

/**
 * The checks before a save, placed like the platform's errors: a name, a due date, and (given `today`) a plausible
 * due date wherever one is being set (new milestones, changed dates).
 */
export function validateMilestones(
    milestones: readonly EffectiveMilestone[],
    today?: string,
    locale?: string
): SaveErrors | null {
    const records: Record<string, RecordErrors> = {};
    const byKey = new Map(milestones.filter((m) => !m.isDeleted).map((m) => [m.key, m]));
    for (const milestone of milestones) {
        if (milestone.isDeleted) {
            continue;
        }
        const fields: Record<string, string[]> = {};
        if (!milestone.name || !milestone.name.trim()) {
            fields.name = ["Enter a name, in the buyer's words."];
        } else if (milestone.name.length > 80) {
            fields.name = [tooLongMessage(80, locale)];
        }
        if ((milestone.description?.length ?? 0) > DESCRIPTION_MAX) {
            fields.description = [tooLongMessage(DESCRIPTION_MAX, locale)];
        }
        const duration = milestone.durationDays;
        if (
            duration !== null &&
            duration !== undefined &&
            (!Number.isInteger(duration) || duration < 0 || duration > DURATION_MAX)
        ) {
            fields.durationDays = [
                `Enter a whole number of working days from 0 to ${formatNumber(DURATION_MAX, locale)}.`
            ];
        }
        if (milestone.dependsOnId === milestone.key) {
            fields.dependsOnId = ['A milestone cannot wait on itself. Choose one that comes before it.'];
        } else if (milestone.dependsOnId) {
            const loop = cycleThrough(byKey, milestone);
            if (loop) {
                fields.dependsOnId = [
                    `“${loop.name || 'New milestone'}” already waits on this milestone, so this one cannot wait on it. Choose one that comes before it.`
                ];
            }
        }
        if (!milestone.dueDate) {
            fields.dueDate = ['Enter a due date.'];
        } else if (today && (milestone.isNew || milestone.changedFields.includes('dueDate'))) {
            const problem = dueDateProblem(milestone.dueDate, milestone.status, today);
            if (problem) {
                fields.dueDate = [problem];
            }
        }
        if (Object.keys(fields).length > 0) {
            records[milestone.key] = { messages: [], fieldErrors: fields };
        }
    }
    if (Object.keys(records).length === 0) {
        return null;
    }
    const count = Object.keys(records).length;
    return {
        message: `Fix ${plural(count, 'milestone', undefined, locale)} before saving.`,
        pageErrors: [],
        records
    };
}

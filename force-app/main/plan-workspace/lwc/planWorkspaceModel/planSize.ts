/**
 * The plan size guard: past the most milestones a plan should have (Plan_Setting__mdt.Plan_Size_Limit__c, which the
 * workspace carries as `planSizeLimit`), the create form and the milestone list warn the account executive that a
 * longer plan is harder for the buyer to follow and to keep current. A warning, never a block: the plan is still
 * created and saved.
 */
import { formatNumber } from 'c/planHealth';
import { plural } from './formatting';

/** Why a long plan is worth shortening, said with every warning. */
export const PLAN_SIZE_REASON =
    'A buyer follows a shorter plan more easily, and it is easier to keep current: consider merging or dropping steps.';

export interface PlanSizeWarning {
    /** The warning in full: the count, the limit and the reason. */
    message: string;
    /** The same, short, for the unsaved-changes bar: "21 milestones, more than the limit of 20". */
    note: string;
}

/**
 * The limit in force: a whole number of at least 1, or null when there is none (blank, 0, negative or not a
 * number, as PlanSettings.planSizeLimit() reads the setting).
 */
export function planSizeLimit(limit: number | null | undefined): number | null {
    return typeof limit === 'number' && Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : null;
}

/**
 * The warning for a plan of `count` milestones, or null at or under the limit and when there is no limit. Numbers
 * in the user's locale.
 */
export function planSizeWarning(
    count: number,
    limit: number | null | undefined,
    locale?: string
): PlanSizeWarning | null {
    const max = planSizeLimit(limit);
    if (max === null || count <= max) {
        return null;
    }
    const milestones = plural(count, 'milestone', undefined, locale);
    const most = formatNumber(max, locale);
    return {
        message: `This plan has ${milestones}, more than the ${most} your admin set as the limit. ${PLAN_SIZE_REASON}`,
        note: `${milestones}, more than the limit of ${most}`
    };
}

// The plan's own details as the account executive edits them after creation (and as the create form checks them):
// the form's values, what changed, the checks that mirror the platform's rules so the message shows next to the
// field before the save, and the updatePlan request. DOM-free.
import { daysBetween, formatNumber } from 'c/planHealth';
import { workingDaysBetween } from 'c/planScheduler';
import type { PlanInfo } from 'c/planWorkspaceModel';

export type DetailField = 'name' | 'sharedObjective' | 'targetDate' | 'anchorEvent' | 'buyerLeadId';

export const DETAIL_FIELDS: readonly DetailField[] = [
    'name',
    'sharedObjective',
    'targetDate',
    'anchorEvent',
    'buyerLeadId'
];

export interface PlanDetails {
    name: string;
    sharedObjective: string;
    targetDate: string | null;
    anchorEvent: string;
    buyerLeadId: string | null;
}

/** Field lengths of Mutual_Action_Plan__c (Name 80, Shared_Objective__c 5,000, Anchor_Event__c 255). */
export const MAX_LENGTH: Readonly<Record<'name' | 'sharedObjective' | 'anchorEvent', number>> = {
    name: 80,
    sharedObjective: 5000,
    anchorEvent: 255
};

/**
 * How far out a target date may be: the rule Target_Date_Within_Three_Years (1,095 days). Its twin,
 * Target_Date_After_Today, wants a date after today. Both only judge a date being set on a Draft or Active plan.
 */
export const MAX_TARGET_DAYS = 1095;
export const TARGET_NOT_AFTER_TODAY = 'Choose a target date after today: the plan works back from it.';
export const TARGET_TOO_FAR = 'Choose a target date within three years of today: is the year right?';

/** What is wrong with a target date being set, as the platform's rules say it, or null. */
export function targetDateProblem(targetDate: string | null, today: string): string | null {
    if (!targetDate) {
        return null;
    }
    const days = daysBetween(today, targetDate);
    if (days <= 0) {
        return TARGET_NOT_AFTER_TODAY;
    }
    return days > MAX_TARGET_DAYS ? TARGET_TOO_FAR : null;
}

/** The form's values for a plan as loaded. */
export function detailsOf(plan: PlanInfo): PlanDetails {
    return {
        name: plan.name ?? '',
        sharedObjective: plan.sharedObjective ?? '',
        targetDate: plan.targetDate ?? null,
        anchorEvent: plan.anchorEvent ?? '',
        buyerLeadId: plan.buyerLeadId ?? null
    };
}

const normalized = (value: string | null) => (typeof value === 'string' ? value.trim() || null : value);

/** The fields whose value differs from the plan as loaded (spaces around text do not count). */
export function changedDetails(plan: PlanInfo, form: PlanDetails): DetailField[] {
    const saved = detailsOf(plan);
    return DETAIL_FIELDS.filter((field) => normalized(form[field]) !== normalized(saved[field]));
}

/** "1,234 of 5,000 characters": what a long text field shows while the user types, so nothing is cut silently. */
/** What a field too long for its column says: "Use 5,000 characters or fewer." */
export function tooLongMessage(max: number, locale?: string): string {
    return `Use ${formatNumber(max, locale)} characters or fewer.`;
}

export function lengthHint(value: string | null | undefined, max: number, locale?: string): string {
    return `${formatNumber((value ?? '').length, locale)} of ${formatNumber(max, locale)} characters`;
}

/**
 * The messages to show next to each field before saving. `changed` limits the date check to a date being set, as
 * the platform's rules do: a plan whose target date has passed can still be renamed. `locale`: the user's.
 */
export function validateDetails(
    form: PlanDetails,
    today: string,
    changed: readonly DetailField[] = DETAIL_FIELDS,
    locale?: string
): Partial<Record<DetailField, string>> {
    const errors: Partial<Record<DetailField, string>> = {};
    if (!form.name.trim()) {
        errors.name = 'Name the plan.';
    }
    for (const field of ['name', 'sharedObjective', 'anchorEvent'] as const) {
        const max = MAX_LENGTH[field];
        if (!errors[field] && form[field].trim().length > max) {
            errors[field] = tooLongMessage(max, locale);
        }
    }
    if (changed.includes('targetDate')) {
        if (!form.targetDate) {
            errors.targetDate = "Enter the buyer's target date.";
        } else {
            const problem = targetDateProblem(form.targetDate, today);
            if (problem) {
                errors.targetDate = problem;
            }
        }
    }
    return errors;
}

export interface UpdatePlanRequest {
    plan: { [K in DetailField]: string | null };
    changedFields: DetailField[];
}

/** What updatePlan receives (the workspace adds the revisions it was built from). */
export function updateRequest(plan: PlanInfo, form: PlanDetails): UpdatePlanRequest {
    return {
        plan: {
            name: normalized(form.name),
            sharedObjective: normalized(form.sharedObjective),
            targetDate: form.targetDate,
            anchorEvent: normalized(form.anchorEvent),
            buyerLeadId: form.buyerLeadId
        },
        changedFields: changedDetails(plan, form)
    };
}

/** A milestone as far as landing by the target date goes. */
export interface DatedMilestone {
    name: string;
    dueDate: string | null;
    status?: string | null;
}

/** The plan's last milestone lands after the buyer's target date, by `workingDays`. */
export interface LateLanding {
    targetDate: string;
    lastName: string;
    lastDueDate: string;
    workingDays: number;
}

/**
 * Whether the plan still lands by the buyer's target date: its last milestone (Skipped ones aside) due on or before
 * it. Returns how late it lands, in working days (Monday to Friday, as the schedule counts them), or null when it
 * lands in time or there is nothing to compare.
 */
export function lateLanding(
    targetDate: string | null | undefined,
    milestones: readonly DatedMilestone[]
): LateLanding | null {
    if (!targetDate) {
        return null;
    }
    let last: DatedMilestone | null = null;
    for (const milestone of milestones) {
        if (milestone.status === 'Skipped' || !milestone.dueDate) {
            continue;
        }
        if (!last || daysBetween(last.dueDate as string, milestone.dueDate) > 0) {
            last = milestone;
        }
    }
    if (!last || daysBetween(targetDate, last.dueDate as string) <= 0) {
        return null;
    }
    return {
        targetDate,
        lastName: last.name,
        lastDueDate: last.dueDate as string,
        workingDays: Math.max(1, workingDaysBetween(targetDate, last.dueDate as string))
    };
}

/**
 * The plain words for a late landing: by how much, and what would fix it. `formatDate` turns an ISO date into the
 * user's format; `locale` (the user's) formats the number of days.
 */
export function lateLandingText(landing: LateLanding, formatDate: (iso: string) => string, locale?: string): string {
    const days =
        landing.workingDays === 1 ? '1 working day' : `${formatNumber(landing.workingDays, locale)} working days`;
    const name = landing.lastName ? `“${landing.lastName}”` : 'Its last milestone';
    return (
        `The plan no longer lands by the buyer's target date (${formatDate(landing.targetDate)}): ${name} is due ` +
        `${formatDate(landing.lastDueDate)}, ${days} later. To land on time, pull in the milestones before it, or ` +
        'agree a new target date with the buyer.'
    );
}

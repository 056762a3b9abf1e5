/** What the scheduler takes and returns: template steps, scheduled and planned milestones, moves, warnings, errors. */
import type { Wording } from './wording';

export type StepSide = 'Buyer' | 'Seller' | 'Joint';

/** One step of a plan template (Plan_Template_Step__mdt). */
export interface TemplateStep {
    key: string;
    title: string;
    phase: string;
    side: StepSide;
    /** Working days of effort: a whole number, 0 or more. */
    durationDays: number;
    order: number;
    /** The step that must be done before this one starts. Without it, the step follows the previous step in order. */
    predecessorKey?: string | null;
    /** This step is the signature: its due date is the plan's projected close date. */
    marksClose?: boolean | null;
}

/** A template step with its dates, ready to become a Plan_Milestone__c. */
export interface ScheduledMilestone {
    key: string;
    title: string;
    phase: string;
    side: StepSide;
    durationDays: number;
    order: number;
    /** The effective predecessor: the step's own, or the previous step by order; null for a first step. */
    predecessorKey: string | null;
    /** True when the predecessor comes from the template's order rather than from the step itself. */
    predecessorFromOrder: boolean;
    marksClose: boolean;
    /** First working day of effort (equal to dueDate for steps of 0 or 1 day). */
    startDate: string;
    dueDate: string;
}

export type ScheduleWarningCode =
    | 'target-not-working-day'
    | 'target-in-past'
    | 'starts-before-today'
    | 'starts-before-predecessor'
    | 'due-not-working-day';

/** Something the user should know about a schedule that is still usable. */
export interface ScheduleWarning {
    code: ScheduleWarningCode;
    message: string;
    /** The milestones the warning is about. */
    keys: string[];
}

export interface ScheduleResult {
    /** One per step, sorted by order. */
    milestones: ScheduledMilestone[];
    warnings: ScheduleWarning[];
    /** Due date of the milestone that marks the close, or null when no step marks it. */
    projectedCloseDate: string | null;
}

export interface WorkingDayOptions {
    /** Non-working days besides Saturdays and Sundays, as ISO dates. Holidays on a weekend change nothing. */
    holidays?: readonly string[];
}

export interface ReprojectOptions extends WorkingDayOptions {
    wording?: Wording;
}

export interface ScheduleOptions extends ReprojectOptions {
    /** Today's date in the user's time zone; defaults to the browser's local date. */
    today?: string;
}

/** Plan_Milestone__c.Status__c values. */
export type MilestoneStatus = 'Not Started' | 'In Progress' | 'Blocked' | 'Complete' | 'Skipped';

/** A milestone of a live plan, as far as re-projection needs it. A ScheduledMilestone is one. */
export interface PlannedMilestone {
    key: string;
    dueDate: string;
    /** Working days of effort; blank counts as 0 (a checkpoint). */
    durationDays?: number | null;
    /** Depends_On__c: only explicit links count here (the schedule already saved the links it inferred). */
    predecessorKey?: string | null;
    status?: MilestoneStatus | string | null;
    marksClose?: boolean | null;
}

export interface MilestoneMove {
    key: string;
    from: string;
    to: string;
    /** Calendar days moved (positive: later), like Slip_Days__c and the date-change history. */
    days: number;
    /** Working days moved (positive: later). */
    workingDays: number;
}

export interface Reprojection {
    /** The changed milestone first (unless its date did not change), then every milestone pushed, in input order. */
    moved: MilestoneMove[];
    /** Due date of the milestone that marks the close after the move, or null when none marks it. */
    projectedCloseDate: string | null;
    /** The changed milestone moved later, so the change needs a slip reason. */
    isLater: boolean;
    warnings: ScheduleWarning[];
}

export type ScheduleErrorCode =
    'duplicate-key' | 'unknown-predecessor' | 'cycle' | 'invalid-step' | 'unknown-milestone';

/** A template or plan that cannot be scheduled; `keys` names the steps or milestones at fault. */
export class ScheduleError extends Error {
    readonly code: ScheduleErrorCode;
    readonly keys: string[];

    constructor(code: ScheduleErrorCode, message: string, keys: string[]) {
        super(message);
        this.name = 'ScheduleError';
        this.code = code;
        this.keys = keys;
    }
}

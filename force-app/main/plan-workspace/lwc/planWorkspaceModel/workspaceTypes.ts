/**
 * The workspace as the server sends it: the typed PlanWorkspace (PlanWorkspace.cls) that every call of
 * PlanWorkspaceController returns, its @AuraEnabled fields with Ids and dates (yyyy-mm-dd) as strings; and
 * `normalizeWorkspace`, which fills what an older or partial response leaves out. Imports nothing: every other file
 * of the model builds on these shapes.
 */

export interface Option {
    label: string;
    value: string;
}

export interface Person {
    id: string;
    name: string;
    detail?: string | null;
}

export interface OpportunityInfo {
    id: string;
    name: string;
    closeDate?: string | null;
    stageName?: string | null;
    accountId?: string | null;
    accountName?: string | null;
}

/** Close (a sales plan, also one saved before plans had a type) or Success (the hand-off after the deal is won). */
export type PlanType = 'Close' | 'Success';

export interface PlanInfo {
    id: string;
    name: string;
    status: string;
    planType?: PlanType | null;
    /** A Success plan's customer success owner. */
    successOwnerName?: string | null;
    health?: string | null;
    sharedObjective?: string | null;
    targetDate?: string | null;
    anchorEvent?: string | null;
    buyerLeadId?: string | null;
    buyerLeadName?: string | null;
    buyerAccepted?: boolean | null;
    buyerAcceptedById?: string | null;
    buyerAcceptedByName?: string | null;
    buyerAcceptedOn?: string | null;
    /** Accepted (the current version), Lapsed (an earlier version) or Not Accepted. */
    acceptanceStatus?: 'Accepted' | 'Lapsed' | 'Not Accepted' | null;
    /** Buyer Page or Recorded by Seller. */
    acceptanceSource?: string | null;
    /** The version the buyer accepted, kept when the acceptance lapsed. */
    acceptedVersion?: number | null;
    /** The plan's current version. */
    version?: number | null;
    activatedOn?: string | null;
    milestoneCount?: number | null;
    completedMilestoneCount?: number | null;
    buyerMilestoneCount?: number | null;
    buyerCompletedMilestoneCount?: number | null;
    projectedCloseDate?: string | null;
    opportunityCloseDate?: string | null;
    /** The plan-implied close, from today: the earliest the close milestone can be done at the pace agreed. */
    impliedClose?: string | null;
    /** Working days from the opportunity's close date to the implied close: positive when it lands after. */
    impliedCloseGapDays?: number | null;
    /** Working days from the close milestone's due date to the implied close: positive when that date is too early. */
    impliedCloseDueGapDays?: number | null;
    /** The milestone that marks the close, when one does. */
    closeMilestoneId?: string | null;
    /** The open milestones that set the implied close, first to last. */
    criticalPathIds?: string[] | null;
    /** Why the plan-implied close cannot be computed (the org's holidays cannot be counted). */
    forecastProblem?: string | null;
    daysOverdue?: number | null;
    daysSinceProgress?: number | null;
    isStale?: boolean | null;
    /** Every milestone's slip added up, in working days (Total_Slip_Days__c): not the plan's own slip. */
    totalSlipDays?: number | null;
    /** The plan's slip: working days its close moved past the close first committed (Close_Slip_Days__c). */
    closeSlipDays?: number | null;
    baselineCloseDate?: string | null;
    /** How many times the plan was saved: sent back with every save so a stale screen is refused. */
    revision?: number | null;
    /** Nobody is reminded about this plan (Reminders_Muted__c). */
    remindersMuted?: boolean | null;
    /** Buyer owners get reminder emails before their milestones are due (Buyer_Reminders__c). */
    buyerReminders?: boolean | null;
    /** The last reminder about the plan itself (gone stale). */
    lastReminder?: ReminderInfo | null;
}

/** A reminder the daily follow-up sent (PlanWorkspace.ReminderInfo). */
export interface ReminderInfo {
    /** Due Soon, Overdue, Stalled, Stale Plan or Buyer Reminder. */
    kind: string;
    /** Notification or Email. */
    channel: string;
    /** When, as an ISO date-time. */
    sentOn: string;
    recipientName?: string | null;
}

export interface MilestoneInfo {
    id: string;
    name: string;
    description?: string | null;
    phase?: string | null;
    side?: string | null;
    buyerOwnerId?: string | null;
    buyerOwnerName?: string | null;
    sellerOwnerId?: string | null;
    sellerOwnerName?: string | null;
    dueDate: string;
    baselineDate?: string | null;
    completedOn?: string | null;
    status?: string | null;
    buyerConfirmed?: boolean | null;
    sortOrder?: number | null;
    durationDays?: number | null;
    dependsOnId?: string | null;
    marksClose?: boolean | null;
    slipDays?: number | null;
    slipReason?: string | null;
    slipNote?: string | null;
    /** How many times the milestone was saved. */
    revision?: number | null;
    /** The last reminder the daily follow-up sent about this milestone. */
    lastReminder?: ReminderInfo | null;
}

export interface DateChangeInfo {
    id: string;
    name?: string | null;
    milestoneId?: string | null;
    previousDate?: string | null;
    newDate?: string | null;
    daysMoved?: number | null;
    reason?: string | null;
    note?: string | null;
    changedByName?: string | null;
    changedOn?: string | null;
    /** The history row of the move that pushed this one (Caused_By__c), and the name of the milestone it moved. */
    causedById?: string | null;
    causedByMilestoneName?: string | null;
}

export interface TemplateStepInfo {
    key: string;
    /** The step's Plan_Template_Step__mdt DeveloperName, which a new plan's milestone records. */
    developerName?: string | null;
    title: string;
    phase?: string | null;
    side?: string | null;
    durationDays?: number | null;
    order: number;
    predecessorKey?: string | null;
    marksClose?: boolean | null;
    description?: string | null;
}

export interface TemplateInfo {
    developerName: string;
    label: string;
    description?: string | null;
    steps: TemplateStepInfo[];
}

export interface Picklists {
    milestoneStatuses: Option[];
    phases: Option[];
    sides: Option[];
    slipReasons: Option[];
}

export interface Permissions {
    canReadPlans?: boolean;
    canCreatePlan?: boolean;
    canEditPlan?: boolean;
    canRecordAcceptance?: boolean;
    canEditMilestones?: boolean;
    canAddMilestones?: boolean;
    canDeleteMilestones?: boolean;
    canViewHistory?: boolean;
}

export interface Thresholds {
    atRiskOverdueDays?: number | null;
    offTrackOverdueDays?: number | null;
    stalePlanDays?: number | null;
    atRiskSlipDays?: number | null;
}

/** One plan of the opportunity, as the plan switcher lists it. */
export interface PlanSummary {
    id: string;
    name: string;
    status: string;
    planType?: PlanType | null;
    targetDate?: string | null;
    startedOn?: string | null;
    milestoneCount?: number | null;
    completedMilestoneCount?: number | null;
    /** The plan the workspace opens with: the Active one, else the newest Draft, else the newest. */
    isCurrent: boolean;
    /** The plan shown now. */
    isShown: boolean;
}

/**
 * The hand-off to a success plan (PlanWorkspace.SuccessStart): offered on a won deal with no success plan yet, when the
 * admin's Success Plan Start is Offer and the user may create plans.
 */
export interface SuccessStart {
    /** The Success templates (value: the DeveloperName). */
    templates: Option[];
    defaultTemplate?: string | null;
    /** Who may own the plan (detail: Account owner, You, Tandem user). */
    owners: Person[];
    defaultOwnerId?: string | null;
}

export interface Workspace {
    opportunity: OpportunityInfo;
    plan: PlanInfo | null;
    otherPlanCount?: number | null;
    /** Every plan of the opportunity, newest first. */
    plans: PlanSummary[];
    milestones: MilestoneInfo[];
    dateChanges: DateChangeInfo[];
    buyerContacts: Person[];
    sellerUsers: Person[];
    templates: TemplateInfo[];
    picklists: Picklists;
    permissions: Permissions;
    thresholds?: Thresholds | null;
    /**
     * The most milestones a plan should have (Plan_Setting__mdt.Plan_Size_Limit__c): past it, the create form and the
     * milestone list warn (planSize). Null: no limit, no warning.
     */
    planSizeLimit?: number | null;
    /** The stages the gates guard (Plan_Setting__mdt), so the workspace can say what a change means for the deal. */
    gates: Gates;
    /** The hand-off to a success plan, when the workspace offers it; else null. */
    successStart: SuccessStart | null;
    today: string;
    /** The server's clock at load (ISO instant): when a reminder was sent is said from it. */
    now: string;
    currentUserId: string;
}

export interface Gates {
    activePlanStages: string[];
    acceptedPlanStages: string[];
}

/** Fills what an older or partial server response leaves out, so the rest of the model never checks for it. */
export function normalizeWorkspace(raw: Partial<Workspace> & { opportunity: OpportunityInfo }): Workspace {
    return {
        opportunity: raw.opportunity,
        plan: raw.plan ? { ...raw.plan, planType: raw.plan.planType ?? 'Close' } : null,
        otherPlanCount: raw.otherPlanCount ?? 0,
        plans: (raw.plans ?? []).map((plan) => ({ ...plan, planType: plan.planType ?? 'Close' })),
        milestones: raw.milestones ?? [],
        dateChanges: raw.dateChanges ?? [],
        buyerContacts: raw.buyerContacts ?? [],
        sellerUsers: raw.sellerUsers ?? [],
        templates: (raw.templates ?? []).map((template) => ({ ...template, steps: template.steps ?? [] })),
        picklists: {
            milestoneStatuses: raw.picklists?.milestoneStatuses ?? [],
            phases: raw.picklists?.phases ?? [],
            sides: raw.picklists?.sides ?? [],
            slipReasons: raw.picklists?.slipReasons ?? []
        },
        permissions: raw.permissions ?? {},
        thresholds: raw.thresholds ?? {},
        planSizeLimit: raw.planSizeLimit ?? null,
        gates: {
            activePlanStages: raw.gates?.activePlanStages ?? [],
            acceptedPlanStages: raw.gates?.acceptedPlanStages ?? []
        },
        successStart: raw.successStart
            ? {
                  templates: raw.successStart.templates ?? [],
                  defaultTemplate: raw.successStart.defaultTemplate ?? null,
                  owners: raw.successStart.owners ?? [],
                  defaultOwnerId: raw.successStart.defaultOwnerId ?? null
              }
            : null,
        today: raw.today ?? localToday(),
        now: raw.now ?? new Date().toISOString(),
        currentUserId: raw.currentUserId ?? ''
    };
}

function localToday(): string {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

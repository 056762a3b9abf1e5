/**
 * The server's contract (PipelineReviewController.loadPage): the request for one page, as built from the review's
 * state, and the page that comes back (rows or reps, the next page's cursor, the summary, the filter choices).
 */
import type { ColumnKey, SortDirection } from './columns';
import type { ClosePeriod, Option, PlanFilter, Scope } from './filters';
import type { GroupBy, ReviewState } from './reviewState';

export interface Cursor {
    segment: number;
    lastValue: string | null;
    lastId: string | null;
}

export interface ReviewRequest {
    scope: Scope;
    ownerId: string | null;
    stageName: string | null;
    closePeriod: ClosePeriod;
    health: string | null;
    plan: PlanFilter | null;
    gatedWithoutPlan: boolean;
    sortBy: ColumnKey;
    sortDirection: SortDirection;
    pageSize: number;
    cursor: Cursor | null;
    includeSummary: boolean;
    includeOptions: boolean;
    /** 'owner': one row per rep instead of the deals. */
    groupBy: GroupBy | null;
}

export interface ReviewRow {
    opportunityId: string;
    name: string;
    accountName?: string | null;
    ownerId?: string | null;
    ownerName?: string | null;
    stageName?: string | null;
    amount?: number | null;
    closeDate?: string | null;
    stageNeedsActivePlan?: boolean;
    stageNeedsAcceptedPlan?: boolean;
    hasActivePlan?: boolean;
    hasAcceptedPlan?: boolean;
    planId?: string | null;
    planName?: string | null;
    planStatus?: string | null;
    health?: string | null;
    milestoneCount?: number | null;
    completedMilestoneCount?: number | null;
    buyerMilestoneCount?: number | null;
    buyerCompletedMilestoneCount?: number | null;
    completionPercent?: number | null;
    buyerCompletionPercent?: number | null;
    overdueMilestoneCount?: number | null;
    buyerOverdueMilestoneCount?: number | null;
    daysOverdue?: number | null;
    totalSlipDays?: number | null;
    buyerAccepted?: boolean | null;
    buyerAcceptedOn?: string | null;
    /** Accepted (the current version), Lapsed (an earlier version) or Not Accepted. */
    acceptanceStatus?: 'Accepted' | 'Lapsed' | 'Not Accepted' | null;
    projectedCloseDate?: string | null;
    closeDateVarianceDays?: number | null;
    /** The earliest day the close milestone can be done from today at the pace the plan agreed. */
    impliedCloseDate?: string | null;
    /** Plan-implied close minus the close date, in days; positive when the plan cannot land by the close date. */
    impliedCloseGapDays?: number | null;
}

export interface ReviewSummary {
    deals: number;
    amount?: number | null;
    activePlanDeals: number;
    activePlanAmount?: number | null;
    acceptedPlanDeals: number;
    acceptedPlanAmount?: number | null;
    offTrackDeals: number;
    landsAfterCloseDeals: number;
    /** Deals whose Active plan, at the pace it agreed, cannot land by the close date. */
    cannotLandDeals: number;
    gatedWithoutPlanDeals: number;
    amountsAvailable: boolean;
    currencyCode?: string | null;
}

export interface ReviewOptions {
    owners: Option[];
    ownersTruncated?: boolean;
    stages: Option[];
    activePlanStages: string[];
    acceptedPlanStages: string[];
    hasTeam?: boolean;
}

export interface ReviewPage {
    rows: ReviewRow[];
    reps?: ReviewRep[] | null;
    nextCursor?: Cursor | null;
    summary?: ReviewSummary | null;
    options?: ReviewOptions | null;
    pageSize?: number;
    sortBy?: string;
    sortDirection?: string;
}

/** The request for one page: blank filters are sent as null, never as empty text. */
export function buildRequest(
    state: ReviewState,
    cursor: Cursor | null,
    include: { summary: boolean; options: boolean }
): ReviewRequest {
    const { filters, sort } = state;
    return {
        scope: filters.scope,
        ownerId: filters.ownerId || null,
        stageName: filters.stageName || null,
        closePeriod: filters.closePeriod,
        health: filters.health || null,
        plan: filters.plan || null,
        gatedWithoutPlan: filters.gatedWithoutPlan,
        sortBy: sort.by,
        sortDirection: sort.direction,
        pageSize: state.pageSize,
        cursor,
        includeSummary: include.summary,
        includeOptions: include.options,
        groupBy: state.groupBy || null
    };
}

/** One rep's figures, as PipelineReviewPage.Rep carries them. */
export interface ReviewRep {
    ownerId: string;
    ownerName?: string | null;
    deals: number;
    activePlanDeals: number;
    acceptedPlanDeals: number;
    offTrackDeals: number;
    slippedDeals: number;
    staleDeals: number;
}

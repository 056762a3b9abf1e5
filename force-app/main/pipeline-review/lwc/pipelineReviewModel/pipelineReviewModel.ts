/**
 * The pipeline review's presentation logic, DOM-free so every rule is tested on its own: filter and sort state
 * (validated, persisted per user), the request sent to PipelineReviewController.loadPage, the sort headers, the
 * row and summary view models and the paging label. Filtering, sorting and paging themselves run on the server,
 * over every deal in scope; this module decides what to ask for and how to show what comes back.
 */
import { compareCloseDates, completionPercent, formatNumber, formatPercent, healthBadge } from 'c/planHealth';
import type { HealthBadge } from 'c/planHealth';

// ---------------------------------------------------------------------------------------------------------------
// State: filters, sort, page size.

export type Scope = 'mine' | 'team' | 'all';
export type ClosePeriod = 'any' | 'overdue' | 'thisMonth' | 'nextMonth' | 'thisQuarter' | 'nextQuarter' | 'thisYear';
export type HealthFilter = '' | 'On Track' | 'At Risk' | 'Off Track' | 'No Active Plan';
/** The deals a summary tile counts, where no other filter selects them (PipelineQuery.PLAN_*). */
export type PlanFilter = '' | 'active' | 'accepted' | 'landsLate';
export type SortDirection = 'asc' | 'desc';
export type ColumnKey =
    | 'name'
    | 'owner'
    | 'stage'
    | 'amount'
    | 'closeDate'
    | 'planStatus'
    | 'health'
    | 'completion'
    | 'buyerCompletion'
    | 'overdue'
    | 'slipDays'
    | 'acceptance'
    | 'projectedClose'
    | 'closeVariance';

export interface Filters {
    scope: Scope;
    /** A User Id, or '' for every owner in scope. */
    ownerId: string;
    /** An Opportunity stage API name, or '' for every open stage. */
    stageName: string;
    closePeriod: ClosePeriod;
    health: HealthFilter;
    plan: PlanFilter;
    gatedWithoutPlan: boolean;
}

export interface Sort {
    by: ColumnKey;
    direction: SortDirection;
}

/** How the review is laid out: one row per deal, or one row per rep with that rep's figures. */
export type GroupBy = '' | 'owner';

export interface ReviewState {
    filters: Filters;
    sort: Sort;
    pageSize: number;
    /** The optional columns shown, in table order (the column chooser). */
    columns: ColumnKey[];
    groupBy: GroupBy;
}

export interface Option {
    value: string;
    label: string;
}

export const PAGE_SIZES: readonly number[] = [25, 50, 100, 200];

export const DEFAULT_FILTERS: Readonly<Filters> = Object.freeze({
    scope: 'team',
    ownerId: '',
    stageName: '',
    closePeriod: 'any',
    health: '',
    plan: '',
    gatedWithoutPlan: false
});

/**
 * The optional columns shown until a user chooses: what fits a 1280 px screen beside the fixed columns. The others
 * (buyer completion, slip days, buyer acceptance) are one click away in the column chooser.
 */
export const DEFAULT_COLUMNS: readonly ColumnKey[] = Object.freeze([
    'projectedClose',
    'closeVariance',
    'planStatus',
    'completion',
    'overdue'
] as ColumnKey[]);

export const DEFAULT_STATE: Readonly<ReviewState> = Object.freeze({
    filters: DEFAULT_FILTERS,
    sort: Object.freeze({ by: 'closeDate', direction: 'asc' }),
    pageSize: 50,
    columns: DEFAULT_COLUMNS as ColumnKey[],
    groupBy: '' as GroupBy
});

export const SCOPE_OPTIONS: readonly Option[] = [
    { value: 'mine', label: 'My opportunities' },
    { value: 'team', label: 'My team' },
    { value: 'all', label: 'All I can see' }
];

export const CLOSE_PERIOD_OPTIONS: readonly Option[] = [
    { value: 'any', label: 'Any close date' },
    { value: 'overdue', label: 'Past close date' },
    { value: 'thisMonth', label: 'This month' },
    { value: 'nextMonth', label: 'Next month' },
    { value: 'thisQuarter', label: 'This fiscal quarter' },
    { value: 'nextQuarter', label: 'Next fiscal quarter' },
    { value: 'thisYear', label: 'This fiscal year' }
];

export const HEALTH_OPTIONS: readonly Option[] = [
    { value: '', label: 'Any health' },
    { value: 'Off Track', label: 'Off Track' },
    { value: 'At Risk', label: 'At Risk' },
    { value: 'On Track', label: 'On Track' },
    { value: 'No Active Plan', label: 'No active plan' }
];

export const PLAN_OPTIONS: readonly Option[] = [
    { value: '', label: 'Any plan' },
    { value: 'active', label: 'Has an active plan' },
    { value: 'accepted', label: 'Buyer accepted the plan' },
    { value: 'landsLate', label: 'Plan lands after close date' }
];

export interface ColumnDef {
    key: ColumnKey;
    label: string;
    /** Numbers and dates align right. */
    numeric: boolean;
    /** The direction of the first click: worst or largest first where that is what a manager looks for. */
    firstDirection: SortDirection;
    /** The user can hide it (column chooser); the others are always shown. */
    optional: boolean;
}

/**
 * Every column sorts by what it shows: Projected close by the projected date, Early or late by the days between
 * it and the close date. Plan columns list deals without a plan last in both directions (the server's order).
 */
export const COLUMNS: readonly ColumnDef[] = [
    { key: 'name', label: 'Opportunity', numeric: false, firstDirection: 'asc', optional: false },
    { key: 'owner', label: 'Owner', numeric: false, firstDirection: 'asc', optional: false },
    { key: 'stage', label: 'Stage', numeric: false, firstDirection: 'asc', optional: false },
    { key: 'amount', label: 'Amount', numeric: true, firstDirection: 'desc', optional: false },
    { key: 'closeDate', label: 'Close date', numeric: true, firstDirection: 'asc', optional: false },
    { key: 'projectedClose', label: 'Projected close', numeric: true, firstDirection: 'asc', optional: true },
    { key: 'closeVariance', label: 'Early or late', numeric: true, firstDirection: 'desc', optional: true },
    { key: 'planStatus', label: 'Plan', numeric: false, firstDirection: 'asc', optional: true },
    { key: 'health', label: 'Health', numeric: false, firstDirection: 'desc', optional: false },
    { key: 'completion', label: 'Completion', numeric: true, firstDirection: 'asc', optional: true },
    { key: 'buyerCompletion', label: 'Buyer completion', numeric: true, firstDirection: 'asc', optional: true },
    { key: 'overdue', label: 'Overdue', numeric: true, firstDirection: 'desc', optional: true },
    { key: 'slipDays', label: 'Slip days', numeric: true, firstDirection: 'desc', optional: true },
    { key: 'acceptance', label: 'Buyer acceptance', numeric: false, firstDirection: 'asc', optional: true }
];

const COLUMN_KEYS = new Set<string>(COLUMNS.map((column) => column.key));
const OPTIONAL_KEYS = new Set<string>(COLUMNS.filter((column) => column.optional).map((column) => column.key));
const PLANS = new Set<string>(PLAN_OPTIONS.map((option) => option.value));
const SCOPES = new Set<string>(SCOPE_OPTIONS.map((option) => option.value));
const CLOSE_PERIODS = new Set<string>(CLOSE_PERIOD_OPTIONS.map((option) => option.value));
const HEALTHS = new Set<string>(HEALTH_OPTIONS.map((option) => option.value));
const USER_ID = /^005[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;

/** Where a user's review state is kept in the browser: one key per user, so a shared machine keeps them apart. */
export function storageKey(userId: string): string {
    return `tandem.pipelineReview.v1.${userId}`;
}

export function serializeState(state: ReviewState): string {
    return JSON.stringify(state);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick<T extends string>(value: unknown, allowed: Set<string>, fallback: T): T {
    return typeof value === 'string' && allowed.has(value) ? (value as T) : fallback;
}

/**
 * The state saved by serializeState, field by field: anything missing, stale or tampered with falls back to its
 * default, so a saved state can never produce a request the server would refuse.
 */
export function restoreState(saved: string | null | undefined): ReviewState {
    let parsed: unknown;
    try {
        parsed = saved ? JSON.parse(saved) : undefined;
    } catch {
        parsed = undefined;
    }
    const root = isRecord(parsed) ? parsed : {};
    const filters = isRecord(root.filters) ? root.filters : {};
    const sort = isRecord(root.sort) ? root.sort : {};
    const ownerId = typeof filters.ownerId === 'string' && USER_ID.test(filters.ownerId) ? filters.ownerId : '';
    const stageName = typeof filters.stageName === 'string' && filters.stageName.length <= 255 ? filters.stageName : '';
    const pageSize = PAGE_SIZES.includes(root.pageSize as number) ? (root.pageSize as number) : DEFAULT_STATE.pageSize;
    const columns = Array.isArray(root.columns) ? withColumns(root.columns) : [...DEFAULT_COLUMNS];
    return {
        filters: {
            scope: pick<Scope>(filters.scope, SCOPES, DEFAULT_FILTERS.scope),
            ownerId,
            stageName,
            closePeriod: pick<ClosePeriod>(filters.closePeriod, CLOSE_PERIODS, DEFAULT_FILTERS.closePeriod),
            health: pick<HealthFilter>(filters.health, HEALTHS, DEFAULT_FILTERS.health),
            plan: pick<PlanFilter>(filters.plan, PLANS, DEFAULT_FILTERS.plan),
            gatedWithoutPlan: filters.gatedWithoutPlan === true
        },
        sort: {
            by: pick<ColumnKey>(sort.by, COLUMN_KEYS, DEFAULT_STATE.sort.by),
            direction:
                sort.direction === 'desc' ? 'desc' : sort.direction === 'asc' ? 'asc' : DEFAULT_STATE.sort.direction
        },
        pageSize,
        columns,
        groupBy: root.groupBy === 'owner' ? 'owner' : ''
    };
}

/** The optional columns chosen, in table order; unknown or fixed keys are dropped. */
export function withColumns(chosen: readonly unknown[]): ColumnKey[] {
    const wanted = new Set(chosen.filter((key) => typeof key === 'string' && OPTIONAL_KEYS.has(key)));
    return COLUMNS.filter((column) => wanted.has(column.key)).map((column) => column.key);
}

/** The column chooser's choices: every optional column, in table order. */
export function columnChoices(): Option[] {
    return COLUMNS.filter((column) => column.optional).map((column) => ({ value: column.key, label: column.label }));
}

/** Which columns the table shows, by key, for the template's lwc:if on each cell. */
export function visibleColumns(columns: readonly ColumnKey[]): Record<ColumnKey, boolean> {
    const shown = new Set<string>(columns);
    const visible = {} as Record<ColumnKey, boolean>;
    for (const column of COLUMNS) {
        visible[column.key] = !column.optional || shown.has(column.key);
    }
    return visible;
}

/**
 * The filters after one of them changed. Changing the scope clears the owner, whose list depends on the scope.
 */
export function withFilter(filters: Filters, name: string, value: unknown): Filters {
    switch (name) {
        case 'scope': {
            const scope = pick<Scope>(value, SCOPES, filters.scope);
            return scope === filters.scope ? filters : { ...filters, scope, ownerId: '' };
        }
        case 'ownerId':
            return { ...filters, ownerId: typeof value === 'string' && USER_ID.test(value) ? value : '' };
        case 'stageName':
            return { ...filters, stageName: typeof value === 'string' ? value : '' };
        case 'closePeriod':
            return { ...filters, closePeriod: pick<ClosePeriod>(value, CLOSE_PERIODS, filters.closePeriod) };
        case 'health':
            return { ...filters, health: pick<HealthFilter>(value, HEALTHS, filters.health) };
        case 'plan':
            return { ...filters, plan: pick<PlanFilter>(value, PLANS, filters.plan) };
        case 'gatedWithoutPlan':
            return { ...filters, gatedWithoutPlan: value === true };
        default:
            return filters;
    }
}

/** How many filters narrow the review beyond its scope, for the "Clear filters" button. */
export function activeFilterCount(filters: Filters): number {
    return [
        filters.ownerId !== '',
        filters.stageName !== '',
        filters.closePeriod !== 'any',
        filters.health !== '',
        filters.plan !== '',
        filters.gatedWithoutPlan
    ].filter(Boolean).length;
}

/** Clicking the sorted column flips its direction; another column starts in its own first direction. */
export function nextSort(current: Sort, key: ColumnKey): Sort {
    if (current.by === key) {
        return { by: key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
    }
    const column = COLUMNS.find((candidate) => candidate.key === key);
    return { by: key, direction: column ? column.firstDirection : 'asc' };
}

// ---------------------------------------------------------------------------------------------------------------
// The server's contract (PipelineReviewController.loadPage).

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
    projectedCloseDate?: string | null;
    closeDateVarianceDays?: number | null;
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

export interface RepView {
    key: string;
    ownerId: string;
    name: string;
    deals: string;
    activeCoverage: string;
    acceptedCoverage: string;
    offTrack: string;
    slipped: string;
    stale: string;
    /** The accessible name of the drill-in button: which rep's deals it shows. */
    drillLabel: string;
    offTrackClass: string;
}

/** The review grouped by rep: "2 of 4 (50%)" coverage, counts, and the way into each rep's deals. */
export function repViews(reps: readonly ReviewRep[] | null | undefined, locale?: string): RepView[] {
    const number = (n: number) => formatNumber(n, locale);
    return (reps ?? []).map((rep) => {
        const name = rep.ownerName || 'Unknown user';
        const coverage = (part: number) =>
            `${number(part)} of ${number(rep.deals)} (${share(part, rep.deals, locale)})`;
        return {
            key: rep.ownerId,
            ownerId: rep.ownerId,
            name,
            deals: number(rep.deals),
            activeCoverage: coverage(rep.activePlanDeals),
            acceptedCoverage: coverage(rep.acceptedPlanDeals),
            offTrack: number(rep.offTrackDeals),
            slipped: number(rep.slippedDeals),
            stale: number(rep.staleDeals),
            drillLabel: `Show the deals of ${name}`,
            offTrackClass: rep.offTrackDeals > 0 ? 'slds-text-color_error' : ''
        };
    });
}

/** Drilling into one rep: back to the deals, filtered to that rep's. */
export function drillIntoRep(state: ReviewState, ownerId: string): ReviewState {
    return { ...state, groupBy: '', filters: { ...state.filters, ownerId } };
}

// ---------------------------------------------------------------------------------------------------------------
// Views: sort headers, rows, summary, paging, options.

export interface HeaderView {
    key: ColumnKey;
    label: string;
    /** aria-sort of the header cell: only the sorted column carries one. */
    ariaSort: 'ascending' | 'descending' | null;
    isSorted: boolean;
    iconName: string;
    /** Read by screen readers on the sort button. */
    sortHint: string;
    thClass: string;
}

/** The headers of the columns shown (every fixed column, and the optional ones chosen). */
export function headerViews(sort: Sort, columns: readonly ColumnKey[] = DEFAULT_COLUMNS): HeaderView[] {
    const visible = visibleColumns(columns);
    return COLUMNS.filter((column) => visible[column.key]).map((column) => {
        const isSorted = sort.by === column.key;
        const ascending = isSorted && sort.direction === 'asc';
        const next = isSorted
            ? ascending
                ? 'descending'
                : 'ascending'
            : column.firstDirection === 'asc'
              ? 'ascending'
              : 'descending';
        return {
            key: column.key,
            label: column.label,
            ariaSort: isSorted ? (ascending ? 'ascending' : 'descending') : null,
            isSorted,
            iconName: ascending ? 'utility:arrowup' : 'utility:arrowdown',
            sortHint: `Sort ${next}`,
            thClass: [
                'slds-is-sortable',
                isSorted ? 'slds-is-sorted' : '',
                isSorted ? (ascending ? 'slds-is-sorted_asc' : 'slds-is-sorted_desc') : '',
                column.numeric ? 'review-numeric' : ''
            ]
                .filter(Boolean)
                .join(' ')
        };
    });
}

export interface RowView {
    key: string;
    opportunityId: string;
    name: string;
    accountName: string;
    recordUrl: string;
    openLabel: string;
    ownerName: string;
    stageName: string;
    /** The stage requires a plan the deal does not have: a gate gap. */
    hasGateGap: boolean;
    gateText: string;
    amount: number | null;
    hasAmount: boolean;
    closeDate: string | null;
    planLabel: string;
    planTitle: string;
    planClass: string;
    badge: HealthBadge;
    hasPlan: boolean;
    completion: number;
    completionText: string;
    completionDetail: string;
    buyerCompletion: number;
    buyerCompletionText: string;
    buyerCompletionDetail: string;
    overdueText: string;
    overdueDetail: string;
    overdueClass: string;
    slipText: string;
    slipClass: string;
    acceptanceText: string;
    acceptanceIcon: string;
    acceptanceClass: string;
    projectedClose: string | null;
    /** Under Projected close when there is no date: no plan, or no milestone marks the close. */
    projectedNote: string;
    varianceText: string;
    varianceTitle: string;
    varianceClass: string;
}

const NO_PLAN_BADGE: HealthBadge = {
    label: 'No plan',
    themeClass: 'slds-badge slds-badge_lightest',
    iconName: 'utility:ban',
    description: 'No mutual action plan yet'
};

function plural(count: number, unit: string, locale: string | undefined): string {
    return `${formatNumber(count, locale)} ${unit}${count === 1 ? '' : 's'}`;
}

function asCount(value: number | null | undefined): number {
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Opens the opportunity record page (its plan workspace) in Lightning. */
export function recordUrl(opportunityId: string): string {
    return `/lightning/r/Opportunity/${encodeURIComponent(opportunityId)}/view`;
}

function gateOf(row: ReviewRow): { hasGateGap: boolean; gateText: string } {
    if (row.stageNeedsActivePlan && !row.hasActivePlan) {
        return {
            hasGateGap: true,
            gateText: row.stageNeedsAcceptedPlan
                ? 'This stage requires a buyer-accepted active plan; there is no active plan.'
                : 'This stage requires an active plan; there is none.'
        };
    }
    if (row.stageNeedsAcceptedPlan && !row.hasAcceptedPlan) {
        return { hasGateGap: true, gateText: 'This stage requires the buyer to accept the active plan.' };
    }
    return { hasGateGap: false, gateText: '' };
}

function planColumn(row: ReviewRow): { planLabel: string; planTitle: string; planClass: string } {
    if (!row.planId) {
        return { planLabel: 'No plan', planTitle: 'No mutual action plan', planClass: 'slds-text-color_weak' };
    }
    const status = row.planStatus || 'Draft';
    return {
        planLabel: status,
        planTitle: row.planName ? `${row.planName} (${status})` : status,
        planClass: status === 'Active' ? '' : 'slds-text-color_weak'
    };
}

function overdueColumn(
    row: ReviewRow,
    locale: string | undefined
): { overdueText: string; overdueDetail: string; overdueClass: string } {
    const overdue = asCount(row.overdueMilestoneCount);
    if (!row.planId) {
        return { overdueText: '—', overdueDetail: '', overdueClass: 'slds-text-color_weak' };
    }
    if (overdue === 0) {
        return { overdueText: 'None', overdueDetail: '', overdueClass: 'slds-text-color_weak' };
    }
    const buyer = asCount(row.buyerOverdueMilestoneCount);
    const days = asCount(row.daysOverdue);
    const details = [
        buyer > 0 ? `${formatNumber(buyer, locale)} on the buyer side` : '',
        days > 0 ? `oldest ${plural(days, 'day', locale)} late` : ''
    ]
        .filter(Boolean)
        .join(', ');
    return {
        overdueText: plural(overdue, 'milestone', locale),
        overdueDetail: details,
        overdueClass: 'slds-text-color_error'
    };
}

function slipColumn(row: ReviewRow, locale: string | undefined): { slipText: string; slipClass: string } {
    if (!row.planId) {
        return { slipText: '—', slipClass: 'slds-text-color_weak' };
    }
    const slip = asCount(row.totalSlipDays);
    return slip > 0
        ? { slipText: plural(slip, 'day', locale), slipClass: '' }
        : { slipText: 'None', slipClass: 'slds-text-color_weak' };
}

function acceptanceColumn(row: ReviewRow): { acceptanceText: string; acceptanceIcon: string; acceptanceClass: string } {
    if (!row.planId) {
        return { acceptanceText: '—', acceptanceIcon: '', acceptanceClass: 'slds-text-color_weak' };
    }
    if (row.buyerAccepted) {
        return {
            acceptanceText: 'Accepted',
            acceptanceIcon: 'utility:check',
            acceptanceClass: 'slds-text-color_success'
        };
    }
    return { acceptanceText: 'Not yet', acceptanceIcon: '', acceptanceClass: 'slds-text-color_weak' };
}

interface CloseColumns {
    projectedNote: string;
    varianceText: string;
    varianceTitle: string;
    varianceClass: string;
}

function closeColumn(row: ReviewRow, locale: string | undefined): CloseColumns {
    if (!row.planId) {
        return {
            projectedNote: '—',
            varianceText: '—',
            varianceTitle: 'No mutual action plan',
            varianceClass: 'slds-text-color_weak'
        };
    }
    const comparison = compareCloseDates(row.projectedCloseDate, row.closeDate, locale);
    const variance = comparison.varianceDays ?? (row.projectedCloseDate ? (row.closeDateVarianceDays ?? null) : null);
    const projectedNote = row.projectedCloseDate ? '' : 'No close milestone';
    if (variance === null || variance === undefined) {
        return {
            projectedNote,
            varianceText: '—',
            varianceTitle: comparison.message,
            varianceClass: 'slds-text-color_weak'
        };
    }
    if (variance > 0) {
        return {
            projectedNote,
            varianceText: `${plural(variance, 'day', locale)} late`,
            varianceTitle: comparison.message,
            varianceClass: 'slds-text-color_error'
        };
    }
    if (variance < 0) {
        return {
            projectedNote,
            varianceText: `${plural(-variance, 'day', locale)} early`,
            varianceTitle: comparison.message,
            varianceClass: 'slds-text-color_weak'
        };
    }
    return {
        projectedNote,
        varianceText: 'On the close date',
        varianceTitle: comparison.message,
        varianceClass: 'slds-text-color_weak'
    };
}

/** Every view field of a row, computed once when a page arrives; numbers in the user's `locale`. */
export function rowView(row: ReviewRow, locale?: string): RowView {
    const hasPlan = Boolean(row.planId);
    const done = asCount(row.completedMilestoneCount);
    const total = asCount(row.milestoneCount);
    const buyerDone = asCount(row.buyerCompletedMilestoneCount);
    const buyerTotal = asCount(row.buyerMilestoneCount);
    const completion = completionPercent(done, total);
    const buyerCompletion = completionPercent(buyerDone, buyerTotal);
    return {
        key: row.opportunityId,
        opportunityId: row.opportunityId,
        name: row.name,
        accountName: row.accountName ?? '',
        recordUrl: recordUrl(row.opportunityId),
        openLabel: `Open ${row.name} and its plan`,
        ownerName: row.ownerName ?? '',
        stageName: row.stageName ?? '',
        ...gateOf(row),
        amount: typeof row.amount === 'number' ? row.amount : null,
        hasAmount: typeof row.amount === 'number',
        closeDate: row.closeDate ?? null,
        ...planColumn(row),
        badge: hasPlan ? healthBadge(row.health ?? row.planStatus) : NO_PLAN_BADGE,
        hasPlan,
        completion,
        completionText: hasPlan ? formatPercent(completion, locale) : '—',
        completionDetail: hasPlan ? `${formatNumber(done, locale)} of ${formatNumber(total, locale)}` : '',
        buyerCompletion,
        buyerCompletionText: hasPlan ? (buyerTotal > 0 ? formatPercent(buyerCompletion, locale) : 'None owned') : '—',
        buyerCompletionDetail:
            hasPlan && buyerTotal > 0
                ? `${formatNumber(buyerDone, locale)} of ${formatNumber(buyerTotal, locale)}`
                : '',
        ...overdueColumn(row, locale),
        ...slipColumn(row, locale),
        ...acceptanceColumn(row),
        projectedClose: row.projectedCloseDate ?? null,
        ...closeColumn(row, locale)
    };
}

export function rowViews(rows: readonly ReviewRow[] | null | undefined, locale?: string): RowView[] {
    return (rows ?? []).map((row) => rowView(row, locale));
}

/** Whole-number share of part in whole, as text in the user's `locale`; a dash when there is nothing to share. */
export function share(part: number | null | undefined, whole: number | null | undefined, locale?: string): string {
    const total = Number(whole) || 0;
    if (total <= 0) {
        return '—';
    }
    return formatPercent(Math.round(((Number(part) || 0) / total) * 100), locale);
}

/** A tile's "Show them": the filter that lists exactly the deals the tile counts. */
export type TileAction = 'active' | 'accepted' | 'offTrack' | 'late' | 'gated' | '';

export interface SummaryTile {
    key: string;
    title: string;
    value: string;
    caption: string;
    /** What the tile counts, in a short sentence shown under the figure. */
    explanation: string;
    detail: string;
    valueClass: string;
    /** Amounts to show under the value (covered of total), when the server summed them. */
    hasAmounts: boolean;
    amount: number | null;
    totalAmount: number | null;
    action: TileAction;
    actionLabel: string;
    /** Read by screen readers on the action: which deals it lists. */
    actionHint: string;
}

export interface SummaryView {
    tiles: SummaryTile[];
    currencyCode: string;
    totalDeals: number;
    amountsNote: string;
}

/**
 * The filters after a tile's "Show them": the current filters narrowed to the tile's deals. The tiles count over
 * the current filters, so the narrowed list holds exactly the tile's count.
 */
export function filtersForTile(filters: Filters, action: TileAction): Filters {
    switch (action) {
        case 'active':
        case 'accepted':
            return withFilter(filters, 'plan', action);
        case 'late':
            return withFilter(filters, 'plan', 'landsLate');
        case 'offTrack':
            return withFilter(filters, 'health', 'Off Track');
        case 'gated':
            return withFilter(filters, 'gatedWithoutPlan', true);
        default:
            return filters;
    }
}

/**
 * Whether a tile offers "Show them": it has deals, its filter is not already on, and applying it would not replace
 * another plan filter (which would list a different set than the tile counts).
 */
function offers(action: TileAction, count: number, filters: Filters): boolean {
    if (count <= 0 || action === '') {
        return false;
    }
    switch (action) {
        case 'active':
        case 'accepted':
        case 'late':
            return filters.plan === '';
        case 'offTrack':
            return filters.health !== 'Off Track';
        case 'gated':
            return !filters.gatedWithoutPlan;
        default:
            return false;
    }
}

function tileAction(action: TileAction, title: string, count: number, filters: Filters, locale: string | undefined) {
    const offered = offers(action, count, filters);
    return {
        action: offered ? action : ('' as TileAction),
        actionLabel: offered ? 'Show them' : '',
        // The accessible name starts with the visible label ("Label in Name", WCAG 2.5.3) and says which tile.
        actionHint: offered ? `Show them, the ${plural(count, 'deal', locale)} counted by ${title}` : ''
    };
}

function coverageTile(
    key: TileAction,
    title: string,
    coverage: string,
    deals: number,
    covered: number,
    summary: ReviewSummary,
    coveredAmount: number | null | undefined,
    filters: Filters,
    locale: string | undefined
): SummaryTile {
    const amounts = summary.amountsAvailable && typeof summary.amount === 'number';
    const dealShare = share(covered, deals, locale);
    return {
        key,
        title,
        value: amounts ? share(coveredAmount, summary.amount, locale) : dealShare,
        caption: amounts ? 'of pipeline amount' : 'of deals',
        explanation: amounts ? `Pipeline amount on deals ${coverage}` : `Deals ${coverage}`,
        detail: `${formatNumber(covered, locale)} of ${plural(deals, 'deal', locale)}${amounts ? ` (${dealShare})` : ''}`,
        valueClass: '',
        hasAmounts: amounts,
        amount: amounts ? Number(coveredAmount) || 0 : null,
        totalAmount: amounts ? (summary.amount ?? 0) : null,
        ...tileAction(key, title, covered, filters, locale)
    };
}

function countTile(
    key: TileAction,
    title: string,
    value: number,
    deals: number,
    explanation: string,
    filters: Filters,
    locale: string | undefined
): SummaryTile {
    return {
        key,
        title,
        value: formatNumber(value, locale),
        caption: value === 1 ? 'deal' : 'deals',
        explanation,
        detail: `${share(value, deals, locale)} of deals`,
        valueClass: value > 0 ? 'slds-text-color_error' : '',
        hasAmounts: false,
        amount: null,
        totalAmount: null,
        ...tileAction(key, title, value, filters, locale)
    };
}

/**
 * The figures above the table, over every deal the filters select. Each tile says what it counts and offers
 * "Show them", the filter that lists exactly those deals (unless that filter is already on). `user`: the user's
 * locale (numbers) and currency (amounts, when the server names none).
 */
export function summaryView(
    summary: ReviewSummary | null | undefined,
    filters: Filters = DEFAULT_FILTERS,
    user: { locale?: string; currency?: string } = {}
): SummaryView | null {
    if (!summary) {
        return null;
    }
    const deals = asCount(summary.deals);
    return {
        tiles: [
            coverageTile(
                'active',
                'Covered by an active plan',
                'with an active plan',
                deals,
                asCount(summary.activePlanDeals),
                summary,
                summary.activePlanAmount,
                filters,
                user.locale
            ),
            coverageTile(
                'accepted',
                'Covered by a buyer-accepted plan',
                'whose buyer accepted the active plan',
                deals,
                asCount(summary.acceptedPlanDeals),
                summary,
                summary.acceptedPlanAmount,
                filters,
                user.locale
            ),
            countTile(
                'offTrack',
                'Off track',
                asCount(summary.offTrackDeals),
                deals,
                'Deals whose active plan is Off Track',
                filters,
                user.locale
            ),
            countTile(
                'late',
                'Plan lands after close date',
                asCount(summary.landsAfterCloseDeals),
                deals,
                'Active plans projecting their close after the close date',
                filters,
                user.locale
            ),
            countTile(
                'gated',
                'Gated stage, no active plan',
                asCount(summary.gatedWithoutPlanDeals),
                deals,
                'Deals in a stage that requires an active plan, without one',
                filters,
                user.locale
            )
        ],
        currencyCode: summary.currencyCode || user.currency || 'USD',
        totalDeals: deals,
        amountsNote:
            deals > 0 && !summary.amountsAvailable
                ? 'Too many deals to add up their amounts within platform limits: shares are of deals. Narrow the filters to see amounts.'
                : ''
    };
}

export interface PagingView {
    rangeLabel: string;
    hasPrevious: boolean;
    hasNext: boolean;
    pageLabel: string;
}

/**
 * Paging by keyset: the server says where the next page starts; the summary's total says whether there is one.
 * pageIndex counts from 0.
 */
export function pagingView(
    pageIndex: number,
    pageSize: number,
    rowsOnPage: number,
    total: number | null,
    hasNextCursor: boolean,
    locale?: string
): PagingView {
    const number = (n: number) => formatNumber(n, locale);
    const first = pageIndex * pageSize + 1;
    const last = pageIndex * pageSize + rowsOnPage;
    const knownTotal = typeof total === 'number' ? total : null;
    const hasNext = hasNextCursor && (knownTotal === null || last < knownTotal);
    const pages = knownTotal === null ? null : Math.max(1, Math.ceil(knownTotal / pageSize));
    return {
        rangeLabel:
            rowsOnPage === 0
                ? 'No opportunities'
                : `${number(first)}–${number(last)}${knownTotal === null ? '' : ` of ${number(knownTotal)}`}`,
        hasPrevious: pageIndex > 0,
        hasNext,
        pageLabel:
            pages === null ? `Page ${number(pageIndex + 1)}` : `Page ${number(pageIndex + 1)} of ${number(pages)}`
    };
}

/** The owner choices: every owner in scope, after "All owners"; a saved owner no longer listed is kept visible. */
export function ownerOptions(options: ReviewOptions | null | undefined, selected: string): Option[] {
    const owners = options?.owners ?? [];
    const list: Option[] = [{ value: '', label: 'All owners' }, ...owners];
    if (selected && !owners.some((owner) => owner.value === selected)) {
        list.push({ value: selected, label: 'Selected owner' });
    }
    return list;
}

export function stageOptions(options: ReviewOptions | null | undefined, selected: string): Option[] {
    const stages = options?.stages ?? [];
    const list: Option[] = [{ value: '', label: 'All open stages' }, ...stages];
    if (selected && !stages.some((stage) => stage.value === selected)) {
        list.push({ value: selected, label: selected });
    }
    return list;
}

/** Flattens the error shapes an Apex call can reject with into messages a user can read. */
export function reduceErrors(error: unknown): string[] {
    const errors = Array.isArray(error) ? error : [error];
    const messages: string[] = [];
    for (const item of errors) {
        if (!item) {
            continue;
        }
        if (typeof item === 'string') {
            messages.push(item);
            continue;
        }
        if (!isRecord(item)) {
            continue;
        }
        const body = item.body;
        if (Array.isArray(body)) {
            for (const entry of body) {
                if (isRecord(entry) && typeof entry.message === 'string') {
                    messages.push(entry.message);
                }
            }
        } else if (isRecord(body) && typeof body.message === 'string') {
            messages.push(body.message);
        } else if (typeof item.message === 'string') {
            messages.push(item.message);
        }
    }
    return messages.length ? messages : ['Something went wrong while loading the pipeline review.'];
}

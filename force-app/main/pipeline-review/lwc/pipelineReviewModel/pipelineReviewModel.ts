/**
 * The pipeline review's presentation logic, DOM-free so every rule is tested on its own: filter and sort state
 * (validated, persisted per user), the request sent to PipelineReviewController.loadPage, the sort headers, the
 * row and summary view models and the paging label. Filtering, sorting and paging themselves run on the server,
 * over every deal in scope; this module decides what to ask for and how to show what comes back.
 *
 * This file is the bundle's public entry (`c/pipelineReviewModel`): it holds no logic of its own and re-exports
 * what the other bundles use from the modules beside it, one job each (their tests in __tests__/, one file per
 * module):
 *
 * - filters: the filters, their choices, one filter changing, how many are on
 * - filterOptions: the owner and stage choices from the server's options
 * - columns: the columns, the column chooser, sorting and the sort headers
 * - reviewState: the whole state and how it is saved and restored per user
 * - reviewRequest: the server's contract, and the request for one page
 * - rowView: one row per deal
 * - repView: the review grouped by rep, and drilling into one rep
 * - summaryView: the figures above the table and their "Show them"
 * - pagingView: the paging bar
 * - reviewErrors: what an Apex call rejects with, as messages
 * - formatting, values: counts and shares as text; reading values of unknown shape
 */
export {
    activeFilterCount,
    CLOSE_PERIOD_OPTIONS,
    DEFAULT_FILTERS,
    HEALTH_OPTIONS,
    PLAN_OPTIONS,
    SCOPE_OPTIONS,
    withFilter
} from './filters';
export type { ClosePeriod, Filters, HealthFilter, Option, PlanFilter, Scope } from './filters';
export { ownerOptions, stageOptions } from './filterOptions';
export { columnChoices, COLUMNS, DEFAULT_COLUMNS, headerViews, nextSort, visibleColumns, withColumns } from './columns';
export type { ColumnDef, ColumnKey, HeaderView, Sort, SortDirection } from './columns';
export { DEFAULT_STATE, PAGE_SIZES, restoreState, serializeState, storageKey } from './reviewState';
export type { GroupBy, ReviewState } from './reviewState';
export { buildRequest } from './reviewRequest';
export type {
    Cursor,
    ReviewOptions,
    ReviewPage,
    ReviewRep,
    ReviewRequest,
    ReviewRow,
    ReviewSummary
} from './reviewRequest';
export { recordUrl, rowView, rowViews } from './rowView';
export type { RowView } from './rowView';
export { drillIntoRep, repViews } from './repView';
export type { RepView } from './repView';
export { filtersForTile, summaryView } from './summaryView';
export type { SummaryTile, SummaryView, TileAction } from './summaryView';
export { pagingView } from './pagingView';
export type { PagingView } from './pagingView';
export { share } from './formatting';
export { reduceErrors } from './reviewErrors';

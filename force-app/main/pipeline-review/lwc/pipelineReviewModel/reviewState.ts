/**
 * The review's whole state (filters, sort, page size, columns, grouping) and how it is kept per user in the
 * browser: saved as JSON, restored field by field so a saved state can never produce a request the server would
 * refuse.
 */
import { DEFAULT_COLUMNS, restoreSort, withColumns } from './columns';
import type { ColumnKey, Sort } from './columns';
import { DEFAULT_FILTERS, restoreFilters } from './filters';
import type { Filters } from './filters';
import { isRecord } from './values';

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

export const PAGE_SIZES: readonly number[] = [25, 50, 100, 200];

export const DEFAULT_STATE: Readonly<ReviewState> = Object.freeze({
    filters: DEFAULT_FILTERS,
    sort: Object.freeze({ by: 'closeDate', direction: 'asc' }),
    pageSize: 50,
    columns: DEFAULT_COLUMNS as ColumnKey[],
    groupBy: '' as GroupBy
});

/** Where a user's review state is kept in the browser: one key per user, so a shared machine keeps them apart. */
export function storageKey(userId: string): string {
    return `tandem.pipelineReview.v1.${userId}`;
}

export function serializeState(state: ReviewState): string {
    return JSON.stringify(state);
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
    const pageSize = PAGE_SIZES.includes(root.pageSize as number) ? (root.pageSize as number) : DEFAULT_STATE.pageSize;
    const columns = Array.isArray(root.columns) ? withColumns(root.columns) : [...DEFAULT_COLUMNS];
    return {
        filters: restoreFilters(filters),
        sort: restoreSort(sort, DEFAULT_STATE.sort),
        pageSize,
        columns,
        groupBy: root.groupBy === 'owner' ? 'owner' : ''
    };
}

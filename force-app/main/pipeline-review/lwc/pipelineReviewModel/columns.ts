/**
 * The review's columns: which exist, which the user shows (the column chooser), how each sorts, and the sort
 * headers.
 */
import type { Option } from './filters';
import { pick } from './values';

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
    | 'closeVariance'
    | 'impliedClose'
    | 'impliedGap';

export interface Sort {
    by: ColumnKey;
    direction: SortDirection;
}

/**
 * The optional columns shown until a user chooses: what fits a 1280 px screen beside the fixed columns. The others
 * (plan-implied close and implied vs close date, buyer completion, slip days, buyer acceptance) are one click away in
 * the column chooser: with the two plan-implied columns as well, the table no longer fits and scrolls sideways.
 */
export const DEFAULT_COLUMNS: readonly ColumnKey[] = Object.freeze([
    'projectedClose',
    'closeVariance',
    'planStatus',
    'completion',
    'overdue'
] as ColumnKey[]);

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
 * it and the close date, Plan-implied close by the earliest day the plan can land at the pace agreed, Implied vs
 * close date by the days between that and the close date. Plan columns list deals without a plan last in both
 * directions (the server's order).
 */
export const COLUMNS: readonly ColumnDef[] = [
    { key: 'name', label: 'Opportunity', numeric: false, firstDirection: 'asc', optional: false },
    { key: 'owner', label: 'Owner', numeric: false, firstDirection: 'asc', optional: false },
    { key: 'stage', label: 'Stage', numeric: false, firstDirection: 'asc', optional: false },
    { key: 'amount', label: 'Amount', numeric: true, firstDirection: 'desc', optional: false },
    { key: 'closeDate', label: 'Close date', numeric: true, firstDirection: 'asc', optional: false },
    { key: 'projectedClose', label: 'Projected close', numeric: true, firstDirection: 'asc', optional: true },
    { key: 'closeVariance', label: 'Early or late', numeric: true, firstDirection: 'desc', optional: true },
    { key: 'impliedClose', label: 'Plan-implied close', numeric: true, firstDirection: 'asc', optional: true },
    { key: 'impliedGap', label: 'Implied vs close date', numeric: true, firstDirection: 'desc', optional: true },
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

/** A saved sort, field by field: an unknown column or direction falls back to `fallback`'s. */
export function restoreSort(sort: Record<string, unknown>, fallback: Sort): Sort {
    return {
        by: pick<ColumnKey>(sort.by, COLUMN_KEYS, fallback.by),
        direction: sort.direction === 'desc' ? 'desc' : sort.direction === 'asc' ? 'asc' : fallback.direction
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

/** Clicking the sorted column flips its direction; another column starts in its own first direction. */
export function nextSort(current: Sort, key: ColumnKey): Sort {
    if (current.by === key) {
        return { by: key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
    }
    const column = COLUMNS.find((candidate) => candidate.key === key);
    return { by: key, direction: column ? column.firstDirection : 'asc' };
}

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

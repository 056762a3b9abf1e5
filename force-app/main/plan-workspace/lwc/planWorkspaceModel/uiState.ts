/**
 * The list's own state, apart from the draft: rows in edit mode, the open date history, the filter, a date move
 * waiting for confirmation, an early completion's offer to pull dates in.
 */
import type { PendingMove } from './dateMove';

export type Filter = 'all' | 'overdue' | 'buyer' | 'open';

export interface UiState {
    /** Keys of rows in edit mode. */
    editing: readonly string[];
    /** Key of the row whose date-change history is open. */
    historyKey: string | null;
    filter: Filter;
    pendingMove: PendingMove | null;
    /** The row whose early completion offers to pull in what waits on it (dateMove's pullInOffer). */
    pullIn?: { key: string } | null;
}

export const EMPTY_UI: UiState = Object.freeze({ editing: [], historyKey: null, filter: 'all', pendingMove: null });

/** Opens or closes a row's edit mode. */
export function toggleEditing(ui: UiState, key: string, on: boolean): UiState {
    const editing = ui.editing.filter((k) => k !== key);
    return { ...ui, editing: on ? [...editing, key] : editing };
}

/**
 * Rows that did not change keep their identity from one list view to the next. The list hands each row component
 * its `RowView` object in a public property, and a component rerenders when the value of a public property used in
 * its template changes ("Public Properties", LWC Developer Guide); handed the very object it had, a row is not
 * rendered again, so an edit re-renders the rows it changed, not the whole plan. A row that changed keeps the parts
 * that did not (its lists and objects): a child component handed the value it had is not rendered again either, so
 * a row's status change does not render again the 59 milestones its "Waits on" picker offers.
 */
import type { GroupView, ListView } from './listView';
import type { RowView } from './milestoneRow';

/** Deep equality of plain data (what a view is made of: primitives, arrays and plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
    if (a === b) {
        return true;
    }
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
        return false;
    }
    if (Array.isArray(a)) {
        if (!Array.isArray(b) || a.length !== b.length) {
            return false;
        }
        for (let i = 0; i < a.length; i++) {
            if (!sameValue(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }
    if (Array.isArray(b)) {
        return false;
    }
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    let count = 0;
    for (const key in left) {
        if (!Object.prototype.hasOwnProperty.call(left, key)) continue;
        if (!Object.prototype.hasOwnProperty.call(right, key) || !sameValue(left[key], right[key])) {
            return false;
        }
        count++;
    }
    for (const key in right) {
        if (Object.prototype.hasOwnProperty.call(right, key)) count--;
    }
    return count === 0;
}

/**
 * `row` with each of its lists and objects that equals the same property of `old` replaced by that previous value;
 * `row` itself when there is none. Neither row is changed.
 */
function keepUnchangedParts(old: RowView, row: RowView): RowView {
    const before = old as unknown as Record<string, unknown>;
    let kept: Record<string, unknown> | null = null;
    for (const [key, value] of Object.entries(row)) {
        if (typeof value === 'object' && value !== null && value !== before[key] && sameValue(before[key], value)) {
            kept ??= { ...row };
            kept[key] = before[key];
        }
    }
    return kept ? (kept as unknown as RowView) : row;
}

/**
 * `next` with each row that equals the row of the same key in `previous` replaced by that previous object, each row
 * that changed keeping its unchanged parts (keepUnchangedParts), and a group whose rows all stayed, by its previous
 * group when it is otherwise equal too. Neither view is changed.
 */
export function keepUnchangedRows(previous: ListView | null | undefined, next: ListView): ListView {
    if (!previous) {
        return next;
    }
    const before = new Map<string, RowView>();
    for (const group of previous.groups) {
        for (const row of group.rows) {
            before.set(row.key, row);
        }
    }
    const previousGroups = new Map(previous.groups.map((group) => [group.key, group]));
    const groups = next.groups.map((group): GroupView => {
        let kept = true;
        const rows = group.rows.map((row) => {
            const old = before.get(row.key);
            if (old && sameValue(old, row)) {
                return old;
            }
            kept = false;
            return old ? keepUnchangedParts(old, row) : row;
        });
        const oldGroup = previousGroups.get(group.key);
        if (
            kept &&
            oldGroup &&
            oldGroup.rows.length === rows.length &&
            oldGroup.rows.every((row, i) => row === rows[i]) &&
            oldGroup.label === group.label &&
            oldGroup.headingId === group.headingId &&
            oldGroup.summary === group.summary
        ) {
            return oldGroup;
        }
        return { ...group, rows };
    });
    return { ...next, groups };
}

import { buildListView } from '../listView';
import { EMPTY_DRAFT, setField } from '../milestoneDraft';
import type { Draft } from '../milestoneDraft';
import { keepUnchangedRows, sameValue } from '../rowReuse';
import { EMPTY_UI } from '../uiState';
import type { UiState } from '../uiState';
import { M, workspace } from './workspaceFixture';

describe('sameValue', () => {
    it.each<[string, unknown, unknown, boolean]>([
        ['equal primitives', 'a', 'a', true],
        ['different primitives', 1, 2, false],
        ['null and an object', null, {}, false],
        ['equal nested objects', { a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null }, true],
        ['a nested difference', { a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }, false],
        ['arrays of different lengths', [1, 2], [1, 2, 3], false],
        ['an array and an object', [], {}, false],
        ['an object and an array', {}, [], false],
        ['a key missing on the right', { a: 1, b: 2 }, { a: 1 }, false],
        ['a key missing on the left', { a: 1 }, { a: 1, b: 2 }, false],
        ['a key undefined on one side only', { a: 1, b: undefined }, { a: 1, c: undefined }, false]
    ])('%s', (_, a, b, expected) => {
        expect(sameValue(a, b)).toBe(expected);
        expect(sameValue(b, a)).toBe(expected);
    });
});

describe('keepUnchangedRows', () => {
    const w = workspace();
    const view = (draft: Draft = EMPTY_DRAFT, ui: Partial<UiState> = {}) =>
        buildListView(w, draft, { ...EMPTY_UI, ...ui }, null, 'en-US');
    const rows = (v: ReturnType<typeof view>) => v.groups.flatMap((group) => group.rows);

    it('keeps the previous object of every row an edit did not change, and takes the changed one as a copy', () => {
        const before = view(EMPTY_DRAFT, { editing: [M(3)] });
        const next = view(setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked'), { editing: [M(3)] });
        const kept = keepUnchangedRows(before, next);
        const origin = (row: ReturnType<typeof rows>[number], i: number) => {
            if (row === rows(before)[i]) return 'previous';
            if (row === rows(next)[i]) return 'new';
            return sameValue(row, rows(next)[i]) ? 'copy of the new' : 'other';
        };
        const keptAs = rows(kept).map(origin);
        // The changed row is a copy of the new one that keeps its unchanged parts (next test), equal to it.
        expect(keptAs).toEqual(rows(next).map((row) => (row.key === M(3) ? 'copy of the new' : 'previous')));
        expect(rows(kept).find((row) => row.key === M(3))?.status).toBe('Blocked');
        expect(kept).toEqual(next);
    });

    it('keeps the unchanged lists of a changed row: its status changes, its "Waits on" choices stay the same array', () => {
        const before = view(EMPTY_DRAFT, { editing: [M(3)] });
        const blocked = setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked');
        const next = view(blocked, { editing: [M(3)] });
        const row = (v: ReturnType<typeof view>) => rows(v).find((r) => r.key === M(3));
        const kept = row(keepUnchangedRows(before, next));
        expect(kept).not.toBe(row(before));
        expect(kept).toEqual(row(next));
        expect(kept?.status).toBe('Blocked');
        expect(row(next)?.predecessorOptions).not.toBe(row(before)?.predecessorOptions);
        expect(kept?.predecessorOptions).toBe(row(before)?.predecessorOptions);
        // Another milestone renamed: a new list, with the new name.
        const renamed = view(setField(blocked, w, M(1), 'name', 'Security questionnaire, signed'), { editing: [M(3)] });
        const afterRename = row(keepUnchangedRows(next, renamed))?.predecessorOptions;
        expect(afterRename).toBe(row(renamed)?.predecessorOptions);
        expect(afterRename?.find((option) => option.value === M(1))?.label).toBe('Security questionnaire, signed');
        // Neither view is changed by it.
        expect(row(next)?.predecessorOptions).not.toBe(row(before)?.predecessorOptions);
    });

    it('keeps a whole group whose rows and heading did not change, and renews one whose summary did', () => {
        const before = view();
        const kept = keepUnchangedRows(before, view(setField(EMPTY_DRAFT, w, M(3), 'status', 'Complete')));
        const changed = kept.groups.findIndex((group) => group.rows.some((row) => row.key === M(3)));
        expect(kept.groups.map((group, i) => group === before.groups[i])).toEqual(
            before.groups.map((_, i) => i !== changed)
        );
        expect(kept.groups[changed].summary).toBe('1 of 1 complete');
    });

    it('changes neither view, and takes the new view as it is without a previous one', () => {
        const before = view();
        const next = view(setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked'));
        const copies = [JSON.stringify(before), JSON.stringify(next)];
        keepUnchangedRows(before, next);
        expect([JSON.stringify(before), JSON.stringify(next)]).toEqual(copies);
        expect(keepUnchangedRows(null, next)).toBe(next);
        expect(keepUnchangedRows(undefined, next)).toBe(next);
    });

    it('takes new rows and new groups as they come', () => {
        const before = view(EMPTY_DRAFT, { filter: 'overdue' });
        const next = view();
        const kept = keepUnchangedRows(before, next);
        expect(rows(kept).map((row) => row.key)).toEqual(rows(next).map((row) => row.key));
        expect(rows(kept).find((row) => row.key === M(2))).toBe(rows(before).find((row) => row.key === M(2)));
    });
});

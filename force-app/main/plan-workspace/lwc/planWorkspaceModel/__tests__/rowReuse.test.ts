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

    it('keeps the previous object of every row an edit did not change, and takes the changed one', () => {
        const before = view(EMPTY_DRAFT, { editing: [M(3)] });
        const next = view(setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked'), { editing: [M(3)] });
        const kept = keepUnchangedRows(before, next);
        const origin = (row: ReturnType<typeof rows>[number], i: number) => {
            if (row === rows(before)[i]) return 'previous';
            return row === rows(next)[i] ? 'new' : 'other';
        };
        const keptAs = rows(kept).map(origin);
        expect(keptAs).toEqual(rows(next).map((row) => (row.key === M(3) ? 'new' : 'previous')));
        expect(rows(kept).find((row) => row.key === M(3))?.status).toBe('Blocked');
        expect(kept).toEqual(next);
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

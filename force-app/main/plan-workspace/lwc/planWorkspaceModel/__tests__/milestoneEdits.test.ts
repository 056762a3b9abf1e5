import { effectiveMilestones } from '../effectiveMilestones';
import {
    confirmMove,
    dateChange,
    fieldChange,
    listEdit,
    moveInput,
    openRowsInError,
    rowAction
} from '../milestoneEdits';
import type { EditState, ListEvent, MilestoneAction } from '../milestoneEdits';
import { addMilestone, EMPTY_DRAFT, removeMilestone, setField } from '../milestoneDraft';
import type { SaveErrors } from '../saveErrors';
import { EMPTY_UI } from '../uiState';
import type { UiState } from '../uiState';
import { M, workspace } from './workspaceFixture';

const w = workspace();
const state = (ui: Partial<UiState> = {}, draft = EMPTY_DRAFT): EditState => ({ draft, ui: { ...EMPTY_UI, ...ui } });
const dueOf = (next: EditState | null, key: string) =>
    effectiveMilestones(w, (next as EditState).draft).find((m) => m.key === key)?.dueDate;
const moveOf = (key: string, to: string) => ({ key, to, reason: null, note: null });

describe('rowAction', () => {
    it('opens and closes edit mode and the date history', () => {
        expect(rowAction(w, state(), M(3), 'edit')?.ui.editing).toEqual([M(3)]);
        expect(rowAction(w, state({ editing: [M(3)] }), M(3), 'done')?.ui.editing).toEqual([]);
        expect(rowAction(w, state(), M(3), 'history')?.ui.historyKey).toBe(M(3));
        expect(rowAction(w, state({ historyKey: M(3) }), M(3), 'history')?.ui.historyKey).toBeNull();
    });

    it("cancels a row's edits and its pending move, and removes a row closing both; others' moves stay", () => {
        const edited = setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked');
        const cancelled = rowAction(
            w,
            state({ editing: [M(3)], pendingMove: moveOf(M(3), '2026-03-09') }, edited),
            M(3),
            'cancel'
        );
        expect(cancelled).toEqual({ draft: EMPTY_DRAFT, ui: { ...EMPTY_UI, editing: [] } });
        const other = moveOf(M(4), '2026-03-20');
        const removed = rowAction(w, state({ editing: [M(3)], pendingMove: other }), M(3), 'remove');
        expect(removed?.draft.deleted).toEqual([M(3)]);
        expect(removed?.ui).toEqual({ ...EMPTY_UI, editing: [], pendingMove: other });
        expect(rowAction(w, state({}, removed?.draft), M(3), 'restore')?.draft.deleted).toEqual([]);
    });

    it('reorders within the phase, re-points what waited on a removed milestone, and ignores what it does not know', () => {
        const moved = rowAction(w, state(), M(8), 'up');
        expect(
            effectiveMilestones(w, (moved as EditState).draft)
                .map((m) => m.key)
                .slice(-2)
        ).toEqual([M(8), M(7)]);
        const removed = removeMilestone(EMPTY_DRAFT, M(3));
        const repointed = rowAction(w, state({}, removed), M(3), 'repoint');
        expect(effectiveMilestones(w, (repointed as EditState).draft).find((m) => m.key === M(4))?.dependsOnId).toBe(
            M(2)
        );
        expect(rowAction(w, state(), M(3), 'unknown' as MilestoneAction)).toBeNull();
    });
});

describe('fieldChange', () => {
    it('puts the edit in the draft', () => {
        const next = fieldChange(w, state(), M(3), 'status', 'Blocked' as never);
        expect(next.draft.changes[M(3)]).toEqual({ status: 'Blocked' });
        expect(next.ui.pendingMove).toBeNull();
    });

    it('offers to move a saved milestone whose longer duration no longer fits, and moves a new one outright', () => {
        const longer = fieldChange(w, state(), M(3), 'durationDays', 10 as never);
        expect(longer.draft.changes[M(3)]).toEqual({ durationDays: 10 });
        expect(longer.ui.pendingMove?.key).toBe(M(3));
        expect((longer.ui.pendingMove?.to ?? '') > '2026-03-06').toBe(true);
        const { draft, key } = addMilestone(EMPTY_DRAFT, w);
        const waiting = fieldChange(w, state({}, draft), key, 'dependsOnId', M(8) as never);
        const chained = fieldChange(w, waiting, key, 'durationDays', 3 as never);
        expect(chained.ui.pendingMove).toBeNull();
        expect((dueOf(chained, key) ?? '') > '2026-03-31').toBe(true);
    });
});

describe('dateChange', () => {
    it('previews a move of a committed date, and closes the preview when the date comes back', () => {
        expect(dateChange(w, state(), M(4), '2026-03-20')?.ui.pendingMove).toEqual(moveOf(M(4), '2026-03-20'));
        const back = dateChange(w, state({ pendingMove: moveOf(M(4), '2026-03-20') }), M(4), '2026-03-13');
        expect(back?.ui.pendingMove).toBeNull();
        expect(dateChange(w, state(), 'nope', '2026-03-20')).toBeNull();
    });

    it('clears a date without a preview, and previews a date typed again as a move from the saved one', () => {
        const cleared = dateChange(w, state(), M(4), null);
        expect(dueOf(cleared, M(4))).toBeNull();
        const typed = dateChange(w, cleared as EditState, M(4), '2026-03-20');
        expect(dueOf(typed, M(4))).toBe('2026-03-13');
        expect(typed?.ui.pendingMove).toEqual(moveOf(M(4), '2026-03-20'));
        expect(dateChange(w, cleared as EditState, M(4), '2026-03-13')?.ui.pendingMove).toBeNull();
    });
});

describe('moveInput and confirmMove', () => {
    it('takes the reason and note, clearing the error; nothing without a pending move', () => {
        const ui = { ...EMPTY_UI, pendingMove: { ...moveOf(M(4), '2026-03-20'), reasonError: 'Choose why.' } };
        expect(moveInput(ui, 'reason', 'Legal review')?.pendingMove).toEqual({
            ...moveOf(M(4), '2026-03-20'),
            reason: 'Legal review',
            reasonError: null
        });
        expect(moveInput(EMPTY_UI, 'note', 'x')).toBeNull();
        expect(confirmMove(w, state(), 'en-US')).toBeNull();
    });

    it('asks why a committed date moves later, then applies the move with what waits on it', () => {
        const asked = confirmMove(w, state({ pendingMove: moveOf(M(4), '2026-03-20') }), 'en-US');
        expect(asked?.ui.pendingMove?.reasonError).toBeTruthy();
        expect(asked?.draft).toBe(EMPTY_DRAFT);
        const applied = confirmMove(
            w,
            state({ pendingMove: { ...moveOf(M(4), '2026-03-20'), reason: 'Legal review' } }),
            'en-US'
        );
        expect(applied?.ui.pendingMove).toBeNull();
        expect(dueOf(applied, M(4))).toBe('2026-03-20');
        expect((dueOf(applied, M(5)) ?? '') > '2026-03-17').toBe(true);
    });
});

describe('listEdit', () => {
    it("passes each of the list's events to what it does", () => {
        expect(listEdit(w, state(), { type: 'rowaction', detail: { key: M(3), action: 'edit' } })?.ui.editing).toEqual([
            M(3)
        ]);
        const edited = listEdit(w, state(), {
            type: 'fieldchange',
            detail: { key: M(3), field: 'status', value: 'Blocked' as never }
        });
        expect(edited?.draft.changes[M(3)]).toEqual({ status: 'Blocked' });
        const moving = listEdit(w, state(), { type: 'datechange', detail: { key: M(4), value: '2026-03-20' } });
        expect(moving?.ui.pendingMove).toEqual(moveOf(M(4), '2026-03-20'));
        const reasoned = listEdit(w, moving as EditState, {
            type: 'moveinput',
            detail: { field: 'reason', value: 'Legal review' }
        });
        expect(reasoned?.ui.pendingMove?.reason).toBe('Legal review');
        expect(dueOf(listEdit(w, reasoned as EditState, { type: 'moveconfirm' }, 'en-US'), M(4))).toBe('2026-03-20');
        expect(listEdit(w, moving as EditState, { type: 'movecancel' })?.ui.pendingMove).toBeNull();
        expect(listEdit(w, state(), { type: 'filterchange', detail: { filter: 'overdue' } })?.ui.filter).toBe(
            'overdue'
        );
    });

    it('changes nothing for a move input or confirmation without a pending move, or an event it does not know', () => {
        expect(listEdit(w, state(), { type: 'moveinput', detail: { field: 'note', value: 'x' } })).toBeNull();
        expect(listEdit(w, state(), { type: 'moveconfirm' })).toBeNull();
        expect(listEdit(w, state(), { type: 'other' } as unknown as ListEvent)).toBeNull();
    });
});

describe('openRowsInError', () => {
    it('opens the rows with errors in edit mode, keeping those open, each once', () => {
        const errors: SaveErrors = {
            message: 'x',
            pageErrors: [],
            records: {
                [M(3)]: { messages: ['Row'], fieldErrors: {} },
                [M(5)]: { messages: [], fieldErrors: { name: ['Enter a name.'] } }
            }
        };
        expect(openRowsInError({ ...EMPTY_UI, editing: [M(2), M(3)] }, errors).editing).toEqual([M(2), M(3), M(5)]);
    });
});

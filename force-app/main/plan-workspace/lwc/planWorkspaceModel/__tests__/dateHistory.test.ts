import { buildListView } from '../listView';
import { EMPTY_DRAFT } from '../milestoneDraft';
import type { Draft } from '../milestoneDraft';
import { EMPTY_UI } from '../uiState';
import type { UiState } from '../uiState';
import { M, workspace } from './workspaceFixture';

describe('the list view', () => {
    function view(draft: Draft = EMPTY_DRAFT, ui: Partial<UiState> = {}, w = workspace()) {
        return buildListView(w, draft, { ...EMPTY_UI, ...ui }, null, 'en-US');
    }

    function row(listView: ReturnType<typeof view>, key: string) {
        return listView.groups.flatMap((g) => g.rows).find((r) => r.key === key);
    }

    it('opens the date history of one row, newest first, with reason, note and who', () => {
        const v = view(EMPTY_DRAFT, { historyKey: M(2) });
        expect(row(v, M(2))).toMatchObject({
            showHistory: true,
            historyExpanded: 'true',
            historyId: `history-${M(2)}`
        });
        expect(row(v, M(2))?.history).toEqual([
            {
                id: 'a03000000000001AAA',
                summary: 'Feb 25, 2026 → Feb 27, 2026 (2 working days later)',
                cause: '',
                reason: 'Buyer availability',
                note: 'IT lead on holiday',
                byline: 'by Ada Executive on Feb 24, 2026'
            }
        ]);
        expect(row(v, M(3))).toMatchObject({ showHistory: false, history: [], historyLabel: 'Date history' });
    });

    it.each([
        [{ daysMoved: -2, previousDate: '2026-03-10', newDate: '2026-03-07' }, '(2 working days earlier)'],
        [{ daysMoved: null, previousDate: '2026-03-10', newDate: '2026-03-11' }, '(1 working day later)'],
        [{ daysMoved: 0, previousDate: '2026-03-10', newDate: '2026-03-10' }, '(no change)'],
        [{ daysMoved: null, previousDate: null, newDate: '2026-03-10' }, '(no change)'],
        [{ daysMoved: 0, previousDate: '2026-03-07', newDate: '2026-03-08' }, '(later, over a weekend)'],
        [{ daysMoved: 4, previousDate: null, newDate: '2026-03-10' }, '(4 working days later)'],
        // A row written when Days_Moved__c counted calendar days: the dates tell the working days.
        [{ daysMoved: 7, previousDate: '2026-03-09', newDate: '2026-03-16' }, '(5 working days later)']
    ])('describes a history row %#', (change, text) => {
        const w = workspace((x) => {
            x.dateChanges = [
                { id: 'dc', milestoneId: M(3), reason: null, changedByName: null, changedOn: null, ...change }
            ];
        });
        const history = row(view(EMPTY_DRAFT, { historyKey: M(3) }, w), M(3))?.history[0];
        expect(history?.summary).toContain(text);
        expect(history?.reason).toBe('No reason given');
        expect(history?.byline).toBe('');
    });

    it('names the move that pushed a milestone, and no cause for a move of its own', () => {
        const w = workspace((x) => {
            x.dateChanges = [
                {
                    id: 'pushed',
                    milestoneId: M(3),
                    previousDate: '2026-03-06',
                    newDate: '2026-03-13',
                    reason: 'Predecessor slipped',
                    causedById: 'cause',
                    causedByMilestoneName: 'Security review completed'
                },
                { id: 'orphaned', milestoneId: M(3), causedById: 'gone', causedByMilestoneName: null },
                { id: 'own', milestoneId: M(3), causedById: null }
            ];
        });
        const history = row(view(EMPTY_DRAFT, { historyKey: M(3) }, w), M(3))?.history ?? [];
        expect(history.map((h) => h.cause)).toEqual([
            'Moved with “Security review completed”',
            'Moved with “a milestone since removed”',
            ''
        ]);
        expect(history[0].reason).toBe('Predecessor slipped');
    });

    it('ignores history rows of no milestone', () => {
        const w = workspace((x) => x.dateChanges.push({ id: 'orphan', milestoneId: null }));
        expect(row(view(EMPTY_DRAFT, {}, w), M(2))?.historyCount).toBe(1);
    });
});

describe("dates and numbers in the user's locale", () => {
    it('shows the list and a date history row in the locale', () => {
        const v = buildListView(workspace(), EMPTY_DRAFT, { ...EMPTY_UI, historyKey: M(2) }, null, 'de-DE');
        const row = v.groups.flatMap((group) => group.rows).find((r) => r.key === M(2));
        expect(row?.dueLabel).toBe('27. Feb. 2026');
        expect(row?.history).toEqual([
            expect.objectContaining({
                summary: '25. Feb. 2026 → 27. Feb. 2026 (2 working days later)',
                byline: 'by Ada Executive on 24. Feb. 2026'
            })
        ]);
    });
});

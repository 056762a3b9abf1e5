import { buildListView } from '../listView';
import { addMilestone, EMPTY_DRAFT, removeMilestone, setField } from '../milestoneDraft';
import type { Draft } from '../milestoneDraft';
import { moveMilestone } from '../phaseGroups';
import type { SaveErrors } from '../saveErrors';
import { EMPTY_UI } from '../uiState';
import type { UiState } from '../uiState';
import type { MilestoneInfo } from '../workspaceTypes';
import { M, workspace } from './workspaceFixture';

describe('the list view', () => {
    function view(draft: Draft = EMPTY_DRAFT, ui: Partial<UiState> = {}, w = workspace()) {
        return buildListView(w, draft, { ...EMPTY_UI, ...ui }, null, 'en-US');
    }

    function row(listView: ReturnType<typeof view>, key: string) {
        return listView.groups.flatMap((g) => g.rows).find((r) => r.key === key);
    }

    it('groups rows by phase with a completion summary per group', () => {
        const v = view();
        expect(v.groups.map((g) => [g.label, g.rows.length, g.summary])).toEqual([
            ['Evaluation', 1, '1 of 1 complete'],
            ['Validation', 1, '0 of 1 complete'],
            ['Business Case', 1, '0 of 1 complete'],
            ['Security Review', 1, '0 of 1 complete'],
            ['Legal', 1, '0 of 1 complete'],
            ['Signature', 1, '0 of 1 complete'],
            ['Implementation', 2, '0 of 2 complete']
        ]);
        expect(v.groups[0].headingId).toBe('phase-heading-0');
        expect(v.totalCount).toBe(8);
        expect(v.visibleCount).toBe(8);
    });

    it('counts what stands out: overdue, open buyer items, unconfirmed buyer items', () => {
        const v = view();
        expect(v.overdueCount).toBe(1);
        expect(v.buyerOpenCount).toBe(6);
        expect(v.unconfirmedCount).toBe(6);
        expect(v.filters.map((f) => f.label)).toEqual(['All (8)', 'Open (7)', 'Overdue (1)', 'Buyer & joint (6)']);
        expect(v.filters[0]).toMatchObject({ variant: 'brand', pressed: 'true' });
        expect(v.filters[1]).toMatchObject({ variant: 'neutral', pressed: 'false' });
    });

    it.each([
        ['overdue', [M(2)]],
        ['buyer', [M(2), M(4), M(5), M(6), M(7), M(8)]],
        ['open', [M(2), M(3), M(4), M(5), M(6), M(7), M(8)]],
        ['all', [M(1), M(2), M(3), M(4), M(5), M(6), M(7), M(8)]]
    ])('filters %s', (filter, keys) => {
        const v = view(EMPTY_DRAFT, { filter: filter as UiState['filter'] });
        expect(v.groups.flatMap((g) => g.rows.map((r) => r.key))).toEqual(keys);
    });

    it('keeps a row being edited visible whatever the filter', () => {
        const v = view(EMPTY_DRAFT, { filter: 'overdue', editing: [M(3)] });
        expect(v.groups.flatMap((g) => g.rows.map((r) => r.key))).toEqual([M(2), M(3)]);
    });

    it.each([
        ['overdue', 'Nothing is overdue.'],
        ['buyer', 'No open buyer items.'],
        ['open', 'No open milestones.']
    ])('says why a %s filter shows nothing', (filter, message) => {
        const w = workspace((x) => x.milestones.forEach((m) => (m.status = 'Complete')));
        const v = view(EMPTY_DRAFT, { filter: filter as UiState['filter'] }, w);
        expect(v.groups).toEqual([]);
        expect(v.emptyMessage).toBe(message);
    });

    it('invites the first milestone of an empty plan', () => {
        const v = view(
            EMPTY_DRAFT,
            {},
            workspace((x) => (x.milestones = []))
        );
        expect(v.emptyMessage).toBe('This plan has no milestones yet. Add the first one.');
    });

    it('shows unsaved, new and deleted rows as such', () => {
        const w = workspace();
        let draft = setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked');
        draft = removeMilestone(draft, M(7));
        draft = addMilestone(draft, w, { phase: 'Legal', name: 'Buyer legal approves' }).draft;
        const v = view(draft, {}, w);
        expect(row(v, M(3))).toMatchObject({ isDirty: true, statusClass: 'slds-badge slds-theme_error' });
        expect(row(v, M(3))?.rowClass).toContain('milestone_dirty');
        expect(row(v, M(7))).toMatchObject({ isDeleted: true, isEditing: false, canEdit: false });
        expect(row(v, 'new-1')).toMatchObject({ isNew: true, isEditing: true, isDirty: true });
        expect(v.groups.find((g) => g.label === 'Implementation')?.summary).toBe('0 of 1 complete');
        expect(v.isDirty).toBe(true);
        expect(v.changeLabel).toBe('3 unsaved changes');
    });

    it('says a new order is unsaved', () => {
        expect(view(moveMilestone(EMPTY_DRAFT, workspace(), M(8), 'up')).changeLabel).toBe('Reordered, not saved yet');
    });

    it('attaches a pending move to its row, with the reason typed so far', () => {
        const pendingMove = { key: M(4), to: '2026-03-20', reason: 'Other', note: 'n', reasonError: 'Choose a reason' };
        const v = view(EMPTY_DRAFT, { pendingMove });
        const r = row(v, M(4));
        expect(r?.move?.dependents.map((d) => d.key)).toEqual([M(5), M(6), M(7), M(8)]);
        expect(r?.move?.closeComparison.isLate).toBe(true);
        expect(r).toMatchObject({ moveReason: 'Other', moveNote: 'n', moveReasonError: 'Choose a reason' });
        expect(row(v, M(3))?.move).toBeNull();
    });

    it('ignores a pending move of a milestone that is gone', () => {
        const v = view(EMPTY_DRAFT, { pendingMove: { key: 'gone', to: '2026-03-20', reason: null, note: null } });
        expect(v.groups.flatMap((g) => g.rows).every((r) => r.move === null)).toBe(true);
    });

    it('shows the projected close of the draft and whether it changed', () => {
        const w = workspace();
        expect(view(EMPTY_DRAFT, {}, w)).toMatchObject({ projectedCloseDate: '2026-03-19', projectionChanged: false });
        const moved = setField(EMPTY_DRAFT, w, M(6), 'dueDate', '2026-03-24');
        expect(view(moved, {}, w)).toMatchObject({ projectedCloseDate: '2026-03-24', projectionChanged: true });
    });

    it('lists errors of rows not shown at the top, and keeps rows with errors shown whatever the filter', () => {
        const errors: SaveErrors = {
            message: 'x',
            pageErrors: [],
            records: {
                [M(7)]: { messages: ['Cannot delete'], fieldErrors: {} },
                unknown: { messages: [], fieldErrors: { name: ['Bad'] } },
                plan: { messages: ['Plan error'], fieldErrors: {} }
            }
        };
        const w = workspace((x) => (x.permissions = { canReadPlans: true }));
        const v = buildListView(w, removeMilestone(EMPTY_DRAFT, M(7)), EMPTY_UI, errors, 'en-US');
        expect(row(v, M(7))?.hasErrors).toBe(true);
        const hidden = buildListView(
            w,
            EMPTY_DRAFT,
            { ...EMPTY_UI, filter: 'overdue' },
            { ...errors, records: { unknown: errors.records.unknown, plan: errors.records.plan } },
            'en-US'
        );
        expect(hidden.orphanErrors).toEqual(['Bad']);
        const keptVisible = buildListView(
            w,
            EMPTY_DRAFT,
            { ...EMPTY_UI, filter: 'overdue' },
            { ...errors, records: { [M(8)]: { messages: ['Locked'], fieldErrors: {} } } },
            'en-US'
        );
        expect(keptVisible.orphanErrors).toEqual([]);
        expect(row(keptVisible, M(8))?.hasErrors).toBe(true);
    });

    it('builds sixty rows in one linear pass', () => {
        const w = workspace((x) => {
            x.milestones = Array.from({ length: 60 }, (_, i) => ({
                ...(x.milestones[i % 8] as MilestoneInfo),
                id: M(100 + i),
                dependsOnId: i ? M(99 + i) : null,
                sortOrder: i + 1
            }));
        });
        const started = Date.now();
        const v = buildListView(w, setField(EMPTY_DRAFT, w, M(110), 'status', 'Blocked'), EMPTY_UI, null, 'en-US');
        expect(v.visibleCount).toBe(60);
        expect(Date.now() - started).toBeLessThan(500);
    });

    it('says on each row when its milestone was last reminded, from the saved reminder', () => {
        const w = workspace((ws) => {
            ws.milestones[1].lastReminder = {
                kind: 'Due Soon',
                channel: 'Notification',
                sentOn: '2026-03-02T06:00:00.000Z',
                recipientName: 'Jonah Clarke'
            };
        });
        const now = new Date('2026-03-02T15:00:00.000Z');
        const v = buildListView(w, EMPTY_DRAFT, EMPTY_UI, null, 'en-US', now);
        const reminded = row(v, w.milestones[1].id);
        expect(reminded?.remindedText).toBe('Reminded today');
        expect(reminded?.remindedTitle).toMatch(/^Notified Jonah Clarke \(due soon\): Monday, March 2, 2026 at /);
        expect(row(v, w.milestones[0].id)?.remindedText).toBe('');
    });

    it("says the reminder's day from the server's clock at load when no clock is given, not the browser's", () => {
        const w = workspace((ws) => {
            ws.now = '2026-03-03T09:00:00.000Z';
            ws.milestones[1].lastReminder = {
                kind: 'Overdue',
                channel: 'Notification',
                sentOn: '2026-03-02T06:00:00.000Z',
                recipientName: 'Jonah Clarke'
            };
        });
        expect(row(buildListView(w, EMPTY_DRAFT, EMPTY_UI, null, 'en-US'), w.milestones[1].id)?.remindedText).toBe(
            'Reminded yesterday'
        );
    });
});

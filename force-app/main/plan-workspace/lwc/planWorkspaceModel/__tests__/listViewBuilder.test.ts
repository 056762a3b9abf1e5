import { buildListView, listViewBuilder } from '../listView';
import type { ListView } from '../listView';
import { addMilestone, EMPTY_DRAFT, removeMilestone, restoreMilestone, setField } from '../milestoneDraft';
import type { Draft, EditableField } from '../milestoneDraft';
import { moveMilestone } from '../phaseGroups';
import type { SaveErrors } from '../saveErrors';
import { EMPTY_UI, toggleEditing } from '../uiState';
import type { Filter, UiState } from '../uiState';
import type { Workspace } from '../workspaceTypes';
import { C, M, U, workspace } from './workspaceFixture';

const rows = (view: ListView) => view.groups.flatMap((group) => group.rows);
const rowOf = (view: ListView, key: string) => rows(view).find((row) => row.key === key);

describe('listViewBuilder', () => {
    const w = workspace();

    it('computes again only the rows an edit touched, and hands back the others as they were', () => {
        const build = listViewBuilder();
        const before = build(w, EMPTY_DRAFT, EMPTY_UI, null, 'en-US');
        // A new description shows on that row alone.
        const described = setField(EMPTY_DRAFT, w, M(5), 'description', 'Redlines are in');
        const after = build(w, described, EMPTY_UI, null, 'en-US');
        expect(
            rows(after)
                .filter((row) => row !== rowOf(before, row.key))
                .map((row) => row.key)
        ).toEqual([M(5)]);
        // A new name shows on its row, on the row that waits on it ("After …") and on the one it waits on (whose
        // removal warning names what waits on it).
        const renamed = build(w, setField(described, w, M(4), 'name', 'Security review'), EMPTY_UI, null, 'en-US');
        expect(
            rows(renamed)
                .filter((row) => row !== rowOf(after, row.key))
                .map((row) => row.key)
        ).toEqual([M(3), M(4), M(5)]);
        expect(rowOf(renamed, M(5))?.predecessorText).toBe('After "Security review"');
    });

    it('computes every row again for another workspace or locale', () => {
        const build = listViewBuilder();
        const before = build(w, EMPTY_DRAFT, EMPTY_UI, null, 'en-US');
        const german = build(w, EMPTY_DRAFT, EMPTY_UI, null, 'de-DE');
        expect(rows(german).some((row) => row === rowOf(before, row.key))).toBe(false);
        expect(rowOf(german, M(3))?.dueLabel).toBe(
            rowOf(buildListView(w, EMPTY_DRAFT, EMPTY_UI, null, 'de-DE'), M(3))?.dueLabel
        );
        const reloaded = build(workspace(), EMPTY_DRAFT, EMPTY_UI, null, 'de-DE');
        expect(rows(reloaded).some((row) => row === rowOf(german, row.key))).toBe(false);
    });

    /**
     * Random sequences of what a user does (edits of every field, adding, removing, restoring, reordering, edit mode,
     * the date history, filters, a date move, a pull-in offer, save errors, another locale, a reload), from a fixed
     * seed: after each step, the builder's view is exactly the view computed from scratch.
     */
    it('always gives the view buildListView computes from scratch', () => {
        let seed = 20261207;
        const random = () => {
            // mulberry32
            seed = (seed + 0x6d2b79f5) | 0;
            let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
            t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
            return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
        const values: Partial<Record<EditableField, unknown[]>> = {
            name: ['Kickoff', 'Security review', ''],
            description: ['Both sides signed', null],
            status: ['Not Started', 'In Progress', 'Blocked', 'Complete', 'Skipped'],
            dueDate: ['2026-02-25', '2026-03-04', '2026-03-20', '2026-04-30', null],
            side: ['Buyer', 'Seller', 'Joint'],
            dependsOnId: [null, M(1), M(2), M(3), M(4), M(6)],
            durationDays: [0, 1, 5, null],
            buyerOwnerId: [C(1), C(2), null],
            sellerOwnerId: [U(1), null],
            phase: [null, ...w.picklists.phases.map((option) => option.value)],
            buyerConfirmed: [true, false],
            marksClose: [true, false]
        };
        const fields = Object.keys(values) as EditableField[];
        const filters: Filter[] = ['all', 'open', 'overdue', 'buyer'];

        const build = listViewBuilder();
        let current: Workspace = w;
        let draft: Draft = EMPTY_DRAFT;
        let ui: UiState = EMPTY_UI;
        let errors: SaveErrors | null = null;
        let locale = 'en-US';
        let reused = 0;
        let offers = 0;
        let previous: ListView | null = null;
        for (let step = 0; step < 600; step++) {
            const keys = [...current.milestones.map((m) => m.id), ...draft.added.map((a) => a.key)];
            const key = pick(keys);
            const roll = random();
            if (roll < 0.45) {
                const field = pick(fields);
                draft = setField(draft, current, key, field, pick(values[field] ?? []) as never);
            } else if (roll < 0.5) {
                draft = addMilestone(draft, current, { dependsOnId: pick([null, key]) }).draft;
            } else if (roll < 0.55) {
                draft = removeMilestone(draft, key);
            } else if (roll < 0.58) {
                draft = restoreMilestone(draft, key);
            } else if (roll < 0.63) {
                draft = moveMilestone(draft, current, key, pick(['up', 'down'] as const));
            } else if (roll < 0.7) {
                ui = toggleEditing(ui, key, !ui.editing.includes(key));
            } else if (roll < 0.74) {
                ui = { ...ui, historyKey: pick([null, key]) };
            } else if (roll < 0.78) {
                ui = { ...ui, filter: pick(filters) };
            } else if (roll < 0.83) {
                ui = {
                    ...ui,
                    pendingMove: pick([
                        null,
                        { key, to: '2026-03-27', reason: pick([null, 'Legal review']), note: null }
                    ])
                };
            } else if (roll < 0.87) {
                // A step with others waiting on it done before its saved date: the offer opens on its row.
                const done = pick([M(3), M(4), M(5)]);
                const saved = current.milestones.find((m) => m.id === done)?.dueDate ?? null;
                draft = setField(setField(draft, current, done, 'status', 'Complete'), current, done, 'dueDate', saved);
                ui = { ...ui, pullIn: { key: done } };
            } else if (roll < 0.92) {
                errors = pick([
                    null,
                    {
                        message: 'Fix the errors.',
                        pageErrors: [],
                        records: { [key]: { messages: ['Not saved'], fieldErrors: { name: ['Enter a name.'] } } }
                    }
                ]);
            } else if (roll < 0.96) {
                locale = pick(['en-US', 'de-DE']);
            } else {
                // A reload: the same records in a new workspace, sometimes days later or with another critical path.
                current = workspace((x) => {
                    x.today = pick(['2026-03-02', '2026-03-10']);
                    if (x.plan) x.plan.criticalPathIds = pick([[], [M(3), M(4), M(6)]]);
                });
            }
            const view = build(current, draft, ui, errors, locale);
            expect(view).toEqual(buildListView(current, draft, ui, errors, locale));
            offers += rows(view).filter((row) => row.pullIn).length;
            const before = new Set(previous ? rows(previous) : []);
            reused += rows(view).filter((row) => before.has(row)).length;
            previous = view;
        }
        // And it did keep rows: most steps touch a row or two of the plan.
        expect(reused).toBeGreaterThan(600 * 3);
        // Including rows with an offer to pull dates in, open while other rows were edited.
        expect(offers).toBeGreaterThan(25);
    });
});

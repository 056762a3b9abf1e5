import { applyPullIn, offersPullIn, pullInOffer } from '../dateMove';
import { effectiveMilestones } from '../effectiveMilestones';
import { confirmPullIn, fieldChange, listEdit, rowAction } from '../milestoneEdits';
import type { EditState } from '../milestoneEdits';
import { addMilestone, EMPTY_DRAFT, setField } from '../milestoneDraft';
import type { Draft } from '../milestoneDraft';
import { sameValue } from '../rowReuse';
import { EMPTY_UI } from '../uiState';
import type { Workspace } from '../workspaceTypes';
import { M, workspace } from './workspaceFixture';

// The fixture's plan, today Monday Mar 2, 2026: M(3) "Seller delivers the business case" (3 days, due Fri Mar 6),
// then M(4) review (5 days, Mar 13), M(5) redlines (2 days, Mar 17), M(6) signature (the close, 0 days, Mar 19),
// M(7) kickoff (1 day, Mar 24), M(8) first value (5 days, Mar 31), each waiting on the one before.
const w = workspace();
const completed = (key: string, draft: Draft = EMPTY_DRAFT, on: Workspace = w) =>
    setField(draft, on, key, 'status', 'Complete');
const offerFor = (draft: Draft, key: string, on: Workspace = w) =>
    pullInOffer(effectiveMilestones(on, draft), key, on.today, 'en-US');

describe('pulling in what waits on a milestone done early', () => {
    it('offers each dependent as many working days sooner as allowed, and says where the close lands', () => {
        const offer = offerFor(completed(M(3)), M(3));
        expect(offer?.earlyDays).toBe(4);
        expect(offer?.title).toBe('Done 4 working days early: pull in what waits on it?');
        expect(offer?.dependents.map((d) => [d.key, d.from, d.to, d.daysLabel])).toEqual([
            // The review takes 5 working days from today: due Mar 9 at the earliest, as 4 days sooner would be.
            [M(4), '2026-03-13', '2026-03-09', '4 working days earlier'],
            [M(5), '2026-03-17', '2026-03-11', '4 working days earlier'],
            [M(6), '2026-03-19', '2026-03-13', '4 working days earlier'],
            [M(7), '2026-03-24', '2026-03-18', '4 working days earlier'],
            [M(8), '2026-03-31', '2026-03-25', '4 working days earlier']
        ]);
        expect(offer?.closeChange).toBe('Mar 19, 2026 → Mar 13, 2026');
        expect(offer?.dependents.every((d) => !d.needsReason)).toBe(true);
    });

    it('offers a toggle to list them all only when more than five would move, counting them all', () => {
        expect(offerFor(completed(M(3)), M(3))?.showAllLabel).toBeNull();
        // A sixth step after first value, added in the draft.
        const sixth = addMilestone(completed(M(3)), w, { dependsOnId: M(8), dueDate: '2026-04-07', durationDays: 3 });
        const longer = offerFor(sixth.draft, M(3));
        expect(longer?.dependents.map((d) => d.key)).toEqual([M(4), M(5), M(6), M(7), M(8), sixth.key]);
        expect(longer?.showAllLabel).toBe('Show all 6 milestones');
    });

    it('words each dependent when it is read, one past the first five as well, and reads as plain data', () => {
        // The panel reads the first five until asked for all: a dependent's dates are worded when read.
        const sixth = addMilestone(completed(M(3)), w, { dependsOnId: M(8), dueDate: '2026-04-07', durationDays: 3 });
        const dependents = offerFor(sixth.draft, M(3))?.dependents ?? [];
        expect(dependents[5]).toMatchObject({
            key: sixth.key,
            fromLabel: 'Apr 7, 2026',
            toLabel: 'Apr 1, 2026',
            daysLabel: '4 working days earlier'
        });
        expect(dependents[0]).toMatchObject({ fromLabel: 'Mar 13, 2026', toLabel: 'Mar 9, 2026' });
        // What the list compares to keep an unchanged row (sameValue) sees the words, as a copy of plain data has them.
        const copy = JSON.parse(JSON.stringify(dependents)) as unknown;
        expect(sameValue(dependents, copy)).toBe(true);
        expect(
            sameValue(dependents, [{ ...(copy as object[])[0], daysLabel: 'same day' }, ...(copy as object[]).slice(1)])
        ).toBe(false);
    });

    it('never pulls a step in sooner than the one it waits on allows', () => {
        // The review needs 8 working days from today: Mar 12, one day sooner than its date, not four.
        const longReview = setField(completed(M(3)), w, M(4), 'durationDays', 8 as never);
        const offer = offerFor(longReview, M(3));
        expect(offer?.dependents[0]).toMatchObject({ key: M(4), to: '2026-03-12', daysLabel: '1 working day earlier' });
        expect(offer?.dependents[1]).toMatchObject({ key: M(5), to: '2026-03-16' });
    });

    it('passes through a skipped step and stops at a completed one', () => {
        const skipped = setField(completed(M(3)), w, M(4), 'status', 'Skipped');
        expect(offerFor(skipped, M(3))?.dependents.map((d) => d.key)).toEqual([M(5), M(6), M(7), M(8)]);
        const reviewDone = setField(completed(M(3)), w, M(4), 'status', 'Complete');
        expect(offerFor(reviewDone, M(3))).toBeNull();
    });

    it('offers nothing when the milestone was not done early, was already complete, or nothing waits on it', () => {
        const onTime = workspace((x) => (x.today = '2026-03-06'));
        expect(offerFor(completed(M(3), EMPTY_DRAFT, onTime), M(3), onTime)).toBeNull();
        const late = workspace((x) => (x.today = '2026-03-10'));
        expect(offerFor(completed(M(3), EMPTY_DRAFT, late), M(3), late)).toBeNull();
        expect(offerFor(EMPTY_DRAFT, M(1))).toBeNull();
        expect(offerFor(setField(EMPTY_DRAFT, w, M(3), 'status', 'In Progress'), M(3))).toBeNull();
        expect(offerFor(completed(M(8)), M(8))).toBeNull();
    });

    it('tells whether an offer is made without wording it, for the same cases', () => {
        const late = workspace((x) => (x.today = '2026-03-10'));
        const cases: [Draft, string, Workspace][] = [
            [completed(M(3)), M(3), w],
            [completed(M(8)), M(8), w],
            [EMPTY_DRAFT, M(1), w],
            [completed(M(3), EMPTY_DRAFT, late), M(3), late]
        ];
        expect(cases.map(([draft, key, on]) => offersPullIn(effectiveMilestones(on, draft), key, on.today))).toEqual([
            true,
            false,
            false,
            false
        ]);
        for (const [draft, key, on] of cases) {
            expect(offersPullIn(effectiveMilestones(on, draft), key, on.today)).toBe(offerFor(draft, key, on) !== null);
        }
    });

    it('applies the earlier dates to the draft, with no slip reason', () => {
        const draft = completed(M(3));
        const next = applyPullIn(draft, w, offerFor(draft, M(3)) as never);
        const dates = effectiveMilestones(w, next).map((m) => [m.key, m.dueDate, m.slipReason ?? null]);
        expect(dates.slice(3, 6)).toEqual([
            [M(4), '2026-03-09', null],
            [M(5), '2026-03-11', null],
            [M(6), '2026-03-13', null]
        ]);
    });
});

describe('the offer in the list', () => {
    const state = (draft: Draft = EMPTY_DRAFT, ui = EMPTY_UI): EditState => ({ draft, ui });

    it('is made when a milestone is marked complete early, and withdrawn when its status changes again', () => {
        const made = fieldChange(w, state(), M(3), 'status', 'Complete' as never);
        expect(made.ui.pullIn).toEqual({ key: M(3) });
        const withdrawn = fieldChange(w, made, M(3), 'status', 'In Progress' as never);
        expect(withdrawn.ui.pullIn).toBeNull();
        expect(fieldChange(w, state(), M(8), 'status', 'Complete' as never).ui.pullIn).toBeUndefined();
    });

    it('pulls the dates in when confirmed, keeps them when declined or when the row is cancelled', () => {
        const made = fieldChange(w, state(), M(3), 'status', 'Complete' as never);
        const pulled = listEdit(w, made, { type: 'pullinconfirm' }) as EditState;
        expect(pulled.ui.pullIn).toBeNull();
        expect(effectiveMilestones(w, pulled.draft).find((m) => m.key === M(6))?.dueDate).toBe('2026-03-13');
        const kept = listEdit(w, made, { type: 'pullincancel' }) as EditState;
        expect(kept).toEqual({ draft: made.draft, ui: { ...made.ui, pullIn: null } });
        const cancelled = rowAction(w, made, M(3), 'cancel') as EditState;
        expect(cancelled.ui.pullIn).toBeNull();
        expect(cancelled.draft).toEqual(EMPTY_DRAFT);
        expect(confirmPullIn(w, state())).toBeNull();
    });
});

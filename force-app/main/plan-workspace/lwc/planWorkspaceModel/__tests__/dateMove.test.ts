import {
    applyMove,
    dependentReason,
    dueDateForSchedule,
    movedByLabel,
    moveReasonProblem,
    previewMove,
    projectedClose,
    showAllMovedLabel
} from '../dateMove';
import { effectiveMilestones } from '../effectiveMilestones';
import type { EffectiveMilestone } from '../effectiveMilestones';
import { addMilestone, EMPTY_DRAFT, removeMilestone, setField } from '../milestoneDraft';
import { M, milestone, workspace } from './workspaceFixture';

describe('small helpers', () => {
    it.each([
        ['2026-03-06', '2026-03-13', '5 working days later'],
        ['2026-03-06', '2026-03-09', '1 working day later'],
        ['2026-03-09', '2026-03-06', '1 working day earlier'],
        ['2026-03-07', '2026-03-08', '0 working days later'],
        ['2026-03-06', '2026-03-06', 'same day']
    ])('describes a move from %s to %s as %p', (from, to, label) => {
        expect(movedByLabel(from, to)).toBe(label);
    });

    it.each<[number, string | undefined, string | null]>([
        [0, 'en-US', null],
        [5, 'en-US', null],
        [6, 'en-US', 'Show all 6 milestones'],
        [1234, 'de-DE', 'Show all 1.234 milestones']
    ])('offers to show all of %p moved milestones (%s) as %p', (count, locale, label) => {
        expect(showAllMovedLabel(count, locale)).toBe(label);
    });
});

describe('projected close', () => {
    it.each<[string, Partial<EffectiveMilestone>[], string | null]>([
        ['none marks the close', [{ dueDate: '2026-03-10' }], null],
        ['the close milestone', [{ dueDate: '2026-03-10', marksClose: true }], '2026-03-10'],
        [
            'the earliest of several, as the roll-up',
            [
                { dueDate: '2026-03-12', marksClose: true },
                { dueDate: '2026-03-10', marksClose: true }
            ],
            '2026-03-10'
        ],
        ['skipped ones do not count', [{ dueDate: '2026-03-10', marksClose: true, status: 'Skipped' }], null],
        ['deleted ones do not count', [{ dueDate: '2026-03-10', marksClose: true, isDeleted: true }], null],
        ['undated ones do not count', [{ dueDate: null, marksClose: true }], null]
    ])('%s', (_, values, close) => {
        expect(projectedClose(values.map((v, i) => milestone({ key: `k${i}`, ...v })))).toBe(close);
    });
});

describe('previewing a date move', () => {
    const context = { planStatus: 'Active', opportunityCloseDate: '2026-03-20', locale: 'en-US' };

    it('shows the dependents that move with a slip and where the close lands', () => {
        const w = workspace();
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(4), '2026-03-18', context);
        expect(preview).toMatchObject({
            key: M(4),
            name: 'Buyer security team completes the review',
            from: '2026-03-13',
            to: '2026-03-18',
            fromLabel: 'Mar 13, 2026',
            toLabel: 'Mar 18, 2026',
            days: 5,
            daysLabel: '3 working days later',
            isLater: true,
            needsReason: true,
            previousProjectedCloseDate: '2026-03-19',
            projectedCloseDate: '2026-03-20'
        });
        // Legal (2 working days) must start after security is done: due Fri 20th; the signature (0 days) that day.
        expect(preview.dependents.map((d) => [d.name, d.from, d.to, d.needsReason])).toEqual([
            ['Buyer legal returns first redlines', '2026-03-17', '2026-03-20', true],
            ['Both sides sign the order form', '2026-03-19', '2026-03-20', true]
        ]);
        expect(preview.showAllLabel).toBeNull();
        expect(preview.closeComparison.isLate).toBe(false);
    });

    it('warns when the close lands after the opportunity close date', () => {
        const w = workspace();
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(4), '2026-03-20', context);
        expect(preview.projectedCloseDate).toBe('2026-03-24');
        expect(preview.closeComparison).toMatchObject({ isLate: true, varianceDays: 4 });
    });

    it('moves nothing else when a date moves earlier, and asks no reason', () => {
        const w = workspace();
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(5), '2026-03-16', context);
        expect(preview.isLater).toBe(false);
        expect(preview.needsReason).toBe(false);
        expect(preview.dependents).toEqual([]);
        expect(preview.days).toBe(-1);
        expect(preview.daysLabel).toBe('1 working day earlier');
    });

    it('asks no reason while the plan is a draft and nothing is baselined', () => {
        const w = workspace((x) => x.milestones.forEach((m) => (m.baselineDate = null)));
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(4), '2026-03-18', {
            ...context,
            planStatus: 'Draft'
        });
        expect(preview.needsReason).toBe(false);
        expect(preview.dependents.every((d) => !d.needsReason)).toBe(true);
    });

    it('asks no reason for a new milestone, which has no committed date yet', () => {
        const w = workspace();
        const { draft, key } = addMilestone(EMPTY_DRAFT, w, { dueDate: '2026-03-10' });
        const preview = previewMove(effectiveMilestones(w, draft), key, '2026-03-12', context);
        expect(preview.needsReason).toBe(false);
    });

    it('asks a reason for a date still later than saved after moving it back part of the way', () => {
        const w = workspace();
        const draft = setField(EMPTY_DRAFT, w, M(4), 'dueDate', '2026-03-20');
        const preview = previewMove(effectiveMilestones(w, draft), M(4), '2026-03-16', context);
        expect(preview.isLater).toBe(false);
        expect(preview.needsReason).toBe(true);
    });

    it('warns when the new date is not a working day, naming the milestone', () => {
        const w = workspace();
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(8), '2026-04-04', context);
        expect(preview.warnings.join(' ')).toContain('"Buyer reaches first value"');
        expect(preview.warnings.join(' ')).toContain('not a working day');
    });

    it('ignores a predecessor deleted in the draft', () => {
        const w = workspace();
        const draft = removeMilestone(EMPTY_DRAFT, M(4));
        const preview = previewMove(effectiveMilestones(w, draft), M(3), '2026-03-20', context);
        expect(preview.dependents).toEqual([]);
    });

    it('still previews a plan whose saved links form a cycle, without pushing anything', () => {
        const w = workspace((x) => (x.milestones[0].dependsOnId = M(2)));
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(4), '2026-03-18', context);
        expect(preview.dependents).toEqual([]);
        expect(preview.projectedCloseDate).toBe('2026-03-19');
        expect(preview.warnings[0]).toMatch(/^Dependent milestones were not moved/);
    });

    it('refuses to move a milestone that does not exist', () => {
        expect(() => previewMove([], 'nope', '2026-03-18', context)).toThrow(RangeError);
    });

    it('rethrows what is not a scheduling problem', () => {
        const broken = [milestone({ key: 'a', durationDays: 1.5 as number })];
        expect(() => previewMove(broken, 'a', 'not-a-date', context)).toThrow(RangeError);
    });
});

describe('the reason a slip needs', () => {
    const w = workspace();
    const slip = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(2), '2026-03-03', { planStatus: 'Active' });
    const earlier = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(2), '2026-02-26', { planStatus: 'Active' });

    it('remembers the reason and note of the previous slip', () => {
        expect(slip).toMatchObject({ savedReason: 'Buyer availability', savedNote: 'IT lead on holiday' });
    });

    it.each<[string, string | null, string | null, string | null]>([
        ['no reason', null, null, 'Choose why the date moves later: the slip history keeps it.'],
        ['a new reason', 'Scope change', null, null],
        [
            'the same reason and note',
            'Buyer availability',
            ' IT lead on holiday ',
            'The last slip had the same reason: add a note about this one.'
        ],
        [
            'the same reason without a note',
            'Buyer availability',
            null,
            'The last slip had the same reason: add a note about this one.'
        ],
        ['the same reason with a new note', 'Buyer availability', 'Now their architect is out', null]
    ])('%s', (_, reason, note, problem) => {
        expect(moveReasonProblem(slip, reason, note)).toBe(problem);
    });

    it('asks nothing of a move that needs no reason', () => {
        expect(moveReasonProblem(earlier, null, null)).toBeNull();
    });
});

describe('applying a move', () => {
    it('sets the dates and the reason, and gives pushed milestones "Predecessor slipped"', () => {
        const w = workspace();
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(4), '2026-03-18', {
            planStatus: 'Active',
            locale: 'en-US'
        });
        const draft = applyMove(EMPTY_DRAFT, w, preview, 'Security review', 'Pen test findings');
        expect(draft.changes[M(4)]).toEqual({
            dueDate: '2026-03-18',
            slipReason: 'Security review',
            slipNote: 'Pen test findings'
        });
        expect(draft.changes[M(5)]).toEqual({
            dueDate: '2026-03-20',
            slipReason: 'Predecessor slipped',
            slipNote: 'Moved with "Buyer security team completes the review" (Mar 13, 2026 → Mar 18, 2026)'
        });
        expect(draft.changes[M(6)]).toMatchObject({ dueDate: '2026-03-20', slipReason: 'Predecessor slipped' });
    });

    it('drops the reason again when the date comes back to where it was saved', () => {
        const w = workspace();
        const later = applyMove(
            EMPTY_DRAFT,
            w,
            previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(8), '2026-04-03', { planStatus: 'Active' }),
            'Other',
            null
        );
        expect(later.changes[M(8)]).toEqual({ dueDate: '2026-04-03', slipReason: 'Other' });
        const back = applyMove(
            later,
            w,
            previewMove(effectiveMilestones(w, later), M(8), '2026-03-31', { planStatus: 'Active' }),
            null,
            null
        );
        expect(back.changes).toEqual({});
    });

    it('moves a new milestone without asking why', () => {
        const w = workspace();
        const { draft, key } = addMilestone(EMPTY_DRAFT, w, { dueDate: '2026-03-10' });
        const moved = applyMove(
            draft,
            w,
            previewMove(effectiveMilestones(w, draft), key, '2026-03-12', { planStatus: 'Active' }),
            null,
            null
        );
        expect(moved.added[0].values.dueDate).toBe('2026-03-12');
    });

    it.each([
        [[{ label: 'Predecessor slipped', value: 'Predecessor slipped' }], 'Other', 'Predecessor slipped'],
        [[{ label: 'Other', value: 'Other' }], 'Other', 'Other'],
        [[], null, null]
    ])('a pushed milestone gets the reason %#', (options, chosen, reason) => {
        expect(dependentReason(options, chosen)).toBe(reason);
    });
});

describe('editing what a milestone waits on, its duration and what done means', () => {
    it('finds the date a longer duration or a later predecessor needs, and nothing when the date still fits', () => {
        const w = workspace();
        // M(3) waits on M(2), due Fri Feb 27; 3 working days end Wed Mar 4, before its due date Fri Mar 6.
        expect(dueDateForSchedule(effectiveMilestones(w, EMPTY_DRAFT), M(3))).toBeNull();
        const longer = setField(EMPTY_DRAFT, w, M(3), 'durationDays', 8);
        expect(dueDateForSchedule(effectiveMilestones(w, longer), M(3))).toBe('2026-03-11');
        // Waiting on the security review (due Fri Mar 13) instead: 3 working days after it is Wed Mar 18.
        const later = setField(EMPTY_DRAFT, w, M(3), 'dependsOnId', M(4));
        expect(dueDateForSchedule(effectiveMilestones(w, later), M(3))).toBe('2026-03-18');
        // A predecessor already done holds nothing up; a duration being typed is not a number yet.
        const done = setField(EMPTY_DRAFT, w, M(3), 'dependsOnId', M(1));
        expect(
            dueDateForSchedule(effectiveMilestones(w, setField(done, w, M(3), 'durationDays', 40)), M(3))
        ).toBeNull();
        expect(
            dueDateForSchedule(effectiveMilestones(w, setField(EMPTY_DRAFT, w, M(3), 'durationDays', 2.5)), M(3))
        ).toBeNull();
    });
});

describe("dates and numbers in the user's locale", () => {
    it("names milestones and dates in a move's warnings by what the user reads, never a record Id or ISO date", () => {
        const milestones = effectiveMilestones(workspace(), EMPTY_DRAFT);
        // Saturday 14 March 2026.
        const weekend = previewMove(milestones, M(4), '2026-03-14', { planStatus: 'Active', locale: 'de-DE' });
        expect(weekend).toMatchObject({ fromLabel: '13. März 2026', toLabel: '14. März 2026' });
        expect(weekend.warnings).toContain(
            'The new due date of "Buyer security team completes the review", 14. März 2026, is not a working day.'
        );
        // Before its predecessor is due: the warning names that predecessor.
        const early = previewMove(milestones, M(5), '2026-03-12', { planStatus: 'Active', locale: 'de-DE' });
        expect(early.warnings.join(' ')).toContain('"Buyer security team completes the review", which comes before it');
        for (const text of [...weekend.warnings, ...early.warnings]) {
            expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b|a02000000000\d{3}AAA/);
        }
    });
});

import { effectiveMilestones } from '../effectiveMilestones';
import type { EffectiveMilestone } from '../effectiveMilestones';
import { addMilestone, EMPTY_DRAFT, setField } from '../milestoneDraft';
import { dueDateProblem, IMPLAUSIBLE_DUE_DATE, validateMilestones } from '../milestoneValidation';
import { M, milestone, workspace } from './workspaceFixture';

describe('checks before saving', () => {
    it.each<[string, Partial<EffectiveMilestone>, Record<string, string[]> | null]>([
        ['a complete milestone passes', { name: 'Buyer signs' }, null],
        ['a blank name', { name: '  ' }, { name: ["Enter a name, in the buyer's words."] }],
        ['a name too long', { name: 'x'.repeat(81) }, { name: ['Use 80 characters or fewer.'] }],
        ['no due date', { name: 'Buyer signs', dueDate: null }, { dueDate: ['Enter a due date.'] }],
        ['a deleted milestone is not checked', { name: '', isDeleted: true }, null]
    ])('%s', (_, values, fieldErrors) => {
        const errors = validateMilestones([milestone({ key: 'k', ...values })]);
        expect(errors?.records.k.fieldErrors ?? null).toEqual(fieldErrors);
        expect(errors?.message ?? null).toBe(fieldErrors ? 'Fix 1 milestone before saving.' : null);
    });
});

describe('editing what a milestone waits on, its duration and what done means', () => {
    it('refuses, on the spot, a milestone waiting on one that already waits on it', () => {
        const errors = validateMilestones([
            milestone({ key: 'a', name: 'Security review', dependsOnId: 'c' }),
            milestone({ key: 'b', name: 'Legal review', dependsOnId: 'a' }),
            milestone({ key: 'c', name: 'Signature', dependsOnId: 'b' })
        ]);
        expect(errors?.records.a.fieldErrors.dependsOnId).toEqual([
            '“Legal review” already waits on this milestone, so this one cannot wait on it. Choose one that comes before it.'
        ]);
        expect(
            validateMilestones([milestone({ key: 'a', dependsOnId: 'a' })])?.records.a.fieldErrors.dependsOnId
        ).toEqual(['A milestone cannot wait on itself. Choose one that comes before it.']);
        expect(
            validateMilestones([
                milestone({ key: 'a', dependsOnId: null }),
                milestone({ key: 'b', dependsOnId: 'a' }),
                milestone({ key: 'c', dependsOnId: 'a' })
            ])
        ).toBeNull();
    });

    it.each<[string, number | null, string[] | undefined]>([
        ['a checkpoint (0 days)', 0, undefined],
        ['no duration', null, undefined],
        ['a fraction', 2.5, ['Enter a whole number of working days from 0 to 9,999.']],
        ['a negative number', -1, ['Enter a whole number of working days from 0 to 9,999.']],
        ['text typed into the number box', Number.NaN, ['Enter a whole number of working days from 0 to 9,999.']]
    ])('checks the duration: %s', (_, durationDays, expected) => {
        const errors = validateMilestones([milestone({ key: 'k', durationDays })]);
        expect(errors?.records.k?.fieldErrors.durationDays).toEqual(expected);
    });

    it('checks the length of what done means against the field (2,000 characters)', () => {
        expect(
            validateMilestones([milestone({ key: 'k', description: 'x'.repeat(2001) })])?.records.k.fieldErrors
        ).toEqual({ description: ['Use 2,000 characters or fewer.'] });
        expect(validateMilestones([milestone({ key: 'k', description: 'x'.repeat(2000) })])).toBeNull();
    });
});

describe('plausible due dates (the rule Due_Date_Plausible)', () => {
    const TODAY = '2026-03-02';
    it.each<[string, string, string, string | null]>([
        ['today', TODAY, 'Not Started', null],
        ['a year ago', '2025-03-02', 'In Progress', null],
        ['a year and a day ago', '2025-03-01', 'Blocked', 'Check the year'],
        ['three years out', '2029-03-01', 'Not Started', null],
        ['three years and a day out', '2029-03-02', 'Not Started', 'Check the year'],
        ['an old date on a Complete milestone (history)', '2020-01-01', 'Complete', null],
        ['a typo on a Skipped milestone', '2062-01-01', 'Skipped', null]
    ])('%s', (_, date, status, problem) => {
        expect(dueDateProblem(date, status, TODAY)?.slice(0, 'Check the year'.length) ?? null).toBe(problem);
    });

    it('checks a due date being set before saving, and leaves an unchanged overdue one alone', () => {
        const w = workspace();
        const typo = setField(EMPTY_DRAFT, w, M(4), 'dueDate', '2062-03-13');
        expect(validateMilestones(effectiveMilestones(w, typo), w.today)?.records[M(4)].fieldErrors.dueDate).toEqual([
            IMPLAUSIBLE_DUE_DATE
        ]);
        const added = addMilestone(EMPTY_DRAFT, w, { name: 'Typo', dueDate: '2206-01-01' });
        expect(validateMilestones(effectiveMilestones(w, added.draft), w.today)?.records[added.key]).toBeDefined();
        const old = {
            ...w,
            milestones: w.milestones.map((m) => (m.id === M(3) ? { ...m, dueDate: '2024-01-05' } : m))
        };
        const renamed = setField(EMPTY_DRAFT, old, M(3), 'name', 'Renamed');
        expect(validateMilestones(effectiveMilestones(old, renamed), old.today)).toBeNull();
    });
});

import {
    lateLanding,
    lateLandingText,
    MAX_TARGET_DAYS,
    TARGET_NOT_AFTER_TODAY,
    TARGET_TOO_FAR,
    changedDetails,
    detailsOf,
    lengthHint,
    targetDateProblem,
    updateRequest,
    validateDetails
} from 'c/planDetailsModel';
import type { DetailField, PlanDetails } from 'c/planDetailsModel';
import type { PlanInfo } from 'c/planWorkspaceModel';

const TODAY = '2026-03-02';
const PLAN: PlanInfo = {
    id: 'a01000000000001AAA',
    name: 'Acme go-live',
    status: 'Active',
    sharedObjective: 'Close the books in 4 days',
    targetDate: '2026-05-29',
    anchorEvent: 'Board meeting',
    buyerLeadId: '003000000000001AAA'
};

describe('target date, as the rules Target_Date_After_Today and Target_Date_Within_Three_Years judge it', () => {
    it.each<[string, string | null, string | null]>([
        ['today is not after today', TODAY, TARGET_NOT_AFTER_TODAY],
        ['a past date', '2026-02-27', TARGET_NOT_AFTER_TODAY],
        ['tomorrow is fine', '2026-03-03', null],
        [`${MAX_TARGET_DAYS} days out is fine`, '2029-03-01', null],
        [`${MAX_TARGET_DAYS + 1} days out is too far`, '2029-03-02', TARGET_TOO_FAR],
        ['a typo in the year', '2062-03-02', TARGET_TOO_FAR],
        ['no date is left to the required check', null, null]
    ])('%s', (_, date, problem) => {
        expect(targetDateProblem(date, TODAY)).toBe(problem);
    });
});

describe('the plan details form', () => {
    const form = (change: Partial<PlanDetails> = {}): PlanDetails => ({ ...detailsOf(PLAN), ...change });

    it('starts from the plan as loaded, blanks as empty text', () => {
        expect(detailsOf({ ...PLAN, sharedObjective: null, anchorEvent: undefined })).toEqual({
            name: 'Acme go-live',
            sharedObjective: '',
            targetDate: '2026-05-29',
            anchorEvent: '',
            buyerLeadId: '003000000000001AAA'
        });
    });

    it.each<[string, Partial<PlanDetails>, string[]]>([
        ['nothing changed', {}, []],
        ['spaces around text are not a change', { name: '  Acme go-live ' }, []],
        ['a new name', { name: 'Acme go-live, phase one' }, ['name']],
        ['a cleared anchor event', { anchorEvent: ' ' }, ['anchorEvent']],
        ['a new date and buyer lead', { targetDate: '2026-06-30', buyerLeadId: null }, ['targetDate', 'buyerLeadId']]
    ])('knows what changed: %s', (_, change, changed) => {
        expect(changedDetails(PLAN, form(change))).toEqual(changed);
    });

    it.each<[string, Partial<PlanDetails>, DetailField[], Record<string, string>]>([
        ['a valid edit', { name: 'New name' }, ['name'], {}],
        ['a blank name', { name: '  ' }, ['name'], { name: 'Name the plan.' }],
        ['a name over 80 characters', { name: 'x'.repeat(81) }, ['name'], { name: 'Use 80 characters or fewer.' }],
        [
            'an objective over 5,000 characters',
            { sharedObjective: 'x'.repeat(5001) },
            ['sharedObjective'],
            { sharedObjective: 'Use 5,000 characters or fewer.' }
        ],
        [
            'a target date set in the past',
            { targetDate: '2026-03-01' },
            ['targetDate'],
            { targetDate: TARGET_NOT_AFTER_TODAY }
        ],
        [
            'a target date cleared',
            { targetDate: null },
            ['targetDate'],
            { targetDate: "Enter the buyer's target date." }
        ],
        [
            'a passed target date left as it was (a plan that slipped past it can still be renamed)',
            { targetDate: '2026-01-15', name: 'Renamed' },
            ['name'],
            {}
        ]
    ])('checks %s', (_, change, changed, errors) => {
        expect(validateDetails(form(change), TODAY, changed)).toEqual(errors);
    });

    it('says how much of a long field is used, with the locale grouping thousands', () => {
        expect(lengthHint('x'.repeat(1234), 5000, 'en-US')).toBe('1,234 of 5,000 characters');
        expect(lengthHint(null, 255, 'en-US')).toBe('0 of 255 characters');
        expect(lengthHint('x'.repeat(1234), 5000, 'de-DE')).toBe('1.234 of 5.000 characters');
        expect(
            validateDetails(form({ sharedObjective: 'x'.repeat(5001) }), TODAY, ['sharedObjective'], 'de-DE')
        ).toEqual({ sharedObjective: 'Use 5.000 characters or fewer.' });
    });

    it('sends the trimmed values, blanks as null, and the fields that changed', () => {
        expect(
            updateRequest(PLAN, form({ name: ' Acme go-live 2 ', anchorEvent: '', targetDate: '2026-06-30' }))
        ).toEqual({
            plan: {
                name: 'Acme go-live 2',
                sharedObjective: 'Close the books in 4 days',
                targetDate: '2026-06-30',
                anchorEvent: null,
                buyerLeadId: '003000000000001AAA'
            },
            changedFields: ['name', 'targetDate', 'anchorEvent']
        });
    });
});

describe("landing by the buyer's target date", () => {
    const TARGET = '2026-05-29'; // a Friday
    const milestones = (...dates: [string, string | null, string?][]) =>
        dates.map(([name, dueDate, status]) => ({ name, dueDate, status: status ?? 'Not Started' }));

    it.each<[string, ReturnType<typeof milestones>, number | null]>([
        [
            'the last milestone on the target date lands',
            milestones(['Kickoff', '2026-05-15'], ['Go-live', TARGET]),
            null
        ],
        ['a plan that ends early lands', milestones(['Go-live', '2026-05-20']), null],
        [
            'one working day late (Friday to Monday)',
            milestones(['Kickoff', '2026-05-15'], ['Go-live', '2026-06-01']),
            1
        ],
        ['ten working days late', milestones(['Go-live', '2026-06-12']), 10],
        [
            'a skipped late milestone does not count',
            milestones(['Go-live', TARGET], ['Extra', '2026-07-01', 'Skipped']),
            null
        ],
        ['an undated milestone does not count', milestones(['Go-live', TARGET], ['Undated', null]), null],
        ['a weekend after the target is still a day late', milestones(['Go-live', '2026-05-30']), 1]
    ])('%s', (_, list, days) => {
        expect(lateLanding(TARGET, list)?.workingDays ?? null).toBe(days);
    });

    it('names the last milestone and says by how much, and what would fix it', () => {
        const late = lateLanding(
            TARGET,
            milestones(['Kickoff', '2026-05-15'], ['Buyer team reaches first value', '2026-06-12'])
        );
        expect(late).toEqual({
            targetDate: TARGET,
            lastName: 'Buyer team reaches first value',
            lastDueDate: '2026-06-12',
            workingDays: 10
        });
        expect(lateLandingText(late as NonNullable<typeof late>, (iso) => `<${iso}>`)).toBe(
            "The plan no longer lands by the buyer's target date (<2026-05-29>): “Buyer team reaches first value” is due <2026-06-12>, 10 working days later. To land on time, pull in the milestones before it, or agree a new target date with the buyer."
        );
    });

    it('has nothing to say without a target date', () => {
        expect(lateLanding(null, milestones(['Go-live', '2026-06-12']))).toBeNull();
    });

    it("says the days in the user's locale (de-DE: 1.234 working days)", () => {
        const late = { targetDate: TARGET, lastName: 'Go-live', lastDueDate: '2031-03-14', workingDays: 1234 };
        expect(lateLandingText(late, (iso) => `<${iso}>`, 'de-DE')).toContain(
            'is due <2031-03-14>, 1.234 working days later'
        );
    });
});

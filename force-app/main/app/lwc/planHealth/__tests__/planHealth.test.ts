import {
    compareCloseDates,
    completionPercent,
    daysBetween,
    epochDay,
    formatNumber,
    formatPercent,
    healthBadge,
    planSlip
} from 'c/planHealth';

describe('healthBadge', () => {
    it.each([
        ['On Track', 'slds-theme_success', 'utility:success', '\u2713'],
        ['At Risk', 'slds-theme_warning', 'utility:warning', '!'],
        ['Off Track', 'slds-theme_error', 'utility:error', '\u2715'],
        ['Draft', 'slds-badge', 'utility:edit', '\u270E\uFE0E'],
        ['Completed', 'slds-badge_inverse', 'utility:check', '\u2713'],
        ['Cancelled', 'slds-badge_lightest', 'utility:close', '\u2715']
    ])('shows %s with theme %s, icon %s and the glyph %s', (health, theme, icon, glyph) => {
        const badge = healthBadge(health);
        expect(badge.label).toBe(health);
        expect(badge.themeClass).toContain(theme);
        expect(badge.iconName).toBe(icon);
        expect(badge.glyph).toBe(glyph);
        expect(badge.description).not.toBe('');
    });

    it.each([[undefined], [null], [''], ['Sideways'], ['toString'], ['__proto__']])(
        'shows Unknown rather than failing for %p',
        (health) => {
            expect(healthBadge(health as string | null | undefined).label).toBe('Unknown');
        }
    );
});

describe('completionPercent', () => {
    it.each<[number | null, number | null, number, string]>([
        [0, 0, 0, 'an empty plan is 0%, never a division by zero'],
        [3, 0, 0, 'done without a total is 0%'],
        [null, null, 0, 'blank counts are 0%'],
        [0, 8, 0, 'nothing done'],
        [1, 3, 33, 'rounds down below .5'],
        [2, 3, 67, 'rounds up from .5'],
        [8, 8, 100, 'all done'],
        [9, 8, 100, 'never above 100'],
        [-1, 8, 0, 'negative counts are 0%']
    ])('%p of %p is %p%% (%s)', (done, total, expected) => {
        expect(completionPercent(done, total)).toBe(expected);
    });
});

describe('epochDay and daysBetween', () => {
    it.each([
        ['2026-01-30', '2026-02-02', 3, 'across a month end'],
        ['2026-12-31', '2027-01-01', 1, 'across a year end'],
        ['2028-02-28', '2028-03-01', 2, 'across a leap day'],
        ['2026-03-08', '2026-03-09', 1, 'across a daylight-saving change'],
        ['2026-05-10', '2026-05-01', -9, 'backwards is negative'],
        ['2026-05-10', '2026-05-10', 0, 'same day']
    ])('from %s to %s is %p days (%s)', (from, to, expected) => {
        expect(daysBetween(from, to)).toBe(expected);
    });

    it.each([['2026-02-30'], ['2026-13-01'], ['26-01-01'], ['2026-01-01T00:00:00Z'], ['']])(
        'rejects %p with a clear message',
        (value) => {
            expect(() => epochDay(value)).toThrow(/date/);
        }
    );

    it('reads every day of a year, as the calendar has it, and nothing that is not a date', () => {
        let day = epochDay('2028-01-01');
        for (let utc = Date.UTC(2028, 0, 1); utc < Date.UTC(2029, 0, 1); utc += 86_400_000) {
            expect(epochDay(new Date(utc).toISOString().slice(0, 10))).toBe(day++);
        }
        expect(epochDay('1970-01-01')).toBe(0);
        for (const value of ['2026-0a-01', '2026/01/01', '+026-01-01', '2026-01-1 ', '0099-01-01', '2026-00-10']) {
            expect(() => epochDay(value)).toThrow(/date/);
        }
        expect(() => epochDay(undefined as unknown as string)).toThrow(/date/);
    });
});

describe('compareCloseDates', () => {
    it.each([
        ['2026-03-20', '2026-03-15', 5, true, "The plan closes 5 days after the opportunity's close date."],
        ['2026-03-16', '2026-03-15', 1, true, "The plan closes 1 day after the opportunity's close date."],
        ['2026-03-15', '2026-03-15', 0, false, "The plan closes on the opportunity's close date."],
        ['2026-03-14', '2026-03-15', -1, false, "The plan closes 1 day before the opportunity's close date."],
        ['2026-12-30', '2027-01-04', -5, false, "The plan closes 5 days before the opportunity's close date."]
    ])('projected %s against close %s: %p days, late=%p', (projected, close, days, late, message) => {
        expect(compareCloseDates(projected, close)).toEqual({ varianceDays: days, isLate: late, message });
    });

    it('explains that a plan with no close milestone has no projected close date', () => {
        expect(compareCloseDates(null, '2026-03-15')).toEqual({
            varianceDays: null,
            isLate: false,
            message: 'No milestone marks the close yet, so the plan has no projected close date.'
        });
    });

    it('does not warn when the opportunity has no close date', () => {
        const result = compareCloseDates('2026-03-15', undefined);
        expect(result.isLate).toBe(false);
        expect(result.varianceDays).toBeNull();
        expect(result.message).toBe('The opportunity has no close date to compare with.');
    });
});

describe("numbers in the user's locale", () => {
    it.each([
        ['en-US', 1234567, '1,234,567', 63, '63%'],
        ['de-DE', 1234567, '1.234.567', 63, '63\u00a0%'],
        ['fr-FR', 1234, '1\u202f234', 5, '5\u00a0%']
    ])('%s groups thousands (%p is %p) and writes a percentage (%p is %p)', (locale, n, text, percent, percentText) => {
        expect(formatNumber(n, locale)).toBe(text);
        expect(formatPercent(percent, locale)).toBe(percentText);
    });

    it("counts the days between the close dates in the user's locale", () => {
        expect(compareCloseDates('2029-07-19', '2026-03-02', 'de-DE').message).toBe(
            "The plan closes 1.235 days after the opportunity's close date."
        );
        expect(compareCloseDates('2026-03-02', '2029-07-19', 'en-US').message).toBe(
            "The plan closes 1,235 days before the opportunity's close date."
        );
    });
});

describe('planSlip: how far the close moved, in working days', () => {
    it.each([
        [3, true, 'The close has moved 3 working days since both sides committed to it.'],
        [1, true, 'The close has moved 1 working day since both sides committed to it.'],
        [0, false, 'The close is where both sides committed to it.'],
        [-2, false, 'The close is 2 working days earlier than both sides committed to.']
    ])('%p working days: slipped %p, "%s"', (days, isSlipped, message) => {
        expect(planSlip(days)).toEqual({ workingDays: days, isSlipped, message });
    });

    it('says nothing before the close milestone has a baseline', () => {
        expect(planSlip(null)).toEqual({ workingDays: null, isSlipped: false, message: '' });
        expect(planSlip(undefined).message).toBe('');
    });

    it("counts in the user's locale", () => {
        expect(planSlip(1234, 'de-DE').message).toBe(
            'The close has moved 1.234 working days since both sides committed to it.'
        );
    });
});

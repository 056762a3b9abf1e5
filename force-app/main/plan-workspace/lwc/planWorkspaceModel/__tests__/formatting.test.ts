import { movedByLabel } from '../dateMove';
import { formatDate, plural, truncate } from '../formatting';

describe('small helpers', () => {
    it.each([
        ['2026-03-31', 'Mar 31, 2026'],
        ['2026-01-01', 'Jan 1, 2026'],
        [null, ''],
        [undefined, ''],
        ['', '']
    ])('formats %p as %p', (iso, label) => {
        expect(formatDate(iso, 'en-US')).toBe(label);
    });

    it('formats in the given locale, never shifting the day by time zone', () => {
        expect(formatDate('2026-03-31', 'de-DE')).toBe('31. März 2026');
        expect(formatDate('2026-03-31')).toContain('2026');
    });

    it('gives a date formatted before as it was, per locale, however many dates it has formatted', () => {
        expect(formatDate('2026-03-31', 'en-US')).toBe('Mar 31, 2026');
        expect(formatDate('2026-03-31', 'de-DE')).toBe('31. März 2026');
        for (let day = 0; day < 2100; day++) {
            const iso = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
            expect(formatDate(iso, 'en-US')).toMatch(/^[A-Z][a-z]{2} \d{1,2}, 20\d{2}$/);
        }
        expect(formatDate('2026-03-31', 'en-US')).toBe('Mar 31, 2026');
        expect(() => formatDate('2026-02-30', 'en-US')).toThrow(/date/);
    });

    it.each([
        [1, 'day', undefined, '1 day'],
        [0, 'day', undefined, '0 days'],
        [2, 'milestone', undefined, '2 milestones'],
        [3, 'entry', 'entries', '3 entries']
    ])('plural(%p, %p, %p) is %p', (count, one, many, text) => {
        expect(plural(count as number, one as string, many as string | undefined)).toBe(text);
    });

    it.each([
        ['short', 5, 'short'],
        ['exactly', 7, 'exactly'],
        ['too long here', 8, 'too lon…']
    ])('truncates %p to %p characters', (text, length, out) => {
        expect(truncate(text as string, length as number)).toBe(out);
    });
});

describe("dates and numbers in the user's locale", () => {
    it('writes dates and counts as the user does (de-DE: "31. März 2026", "1.234")', () => {
        expect(formatDate('2026-03-31', 'de-DE')).toBe('31. März 2026');
        expect(formatDate('2026-03-31', 'en-US')).toBe('Mar 31, 2026');
        expect(plural(1234, 'day', undefined, 'de-DE')).toBe('1.234 days');
        expect(plural(1234, 'day', undefined, 'en-US')).toBe('1,234 days');
        // Jan 5, 2026 to Sep 25, 2030: more than a thousand working days, with the German thousands separator.
        expect(movedByLabel('2030-09-25', '2026-01-05', 'de-DE')).toMatch(/^1\.\d{3} working days earlier$/);
    });
});

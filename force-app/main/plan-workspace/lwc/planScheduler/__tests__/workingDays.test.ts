import {
    addWorkingDays,
    earliestDueAfter,
    isoDate,
    isWorkingDay,
    lastWorkingDayOnOrBefore,
    nextWorkingDayOnOrAfter,
    stepStart,
    subtractWorkingDays,
    workingDaysBetween
} from '../workingDays';

// ---------------------------------------------------------------------------------------------------------------
// A day-by-day reference implementation, deliberately naive, that the fast arithmetic is checked against.
// ---------------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function shift(date: string, days: number): string {
    return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function naiveIsWorking(date: string, holidays: ReadonlySet<string>): boolean {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

function naiveAdd(date: string, n: number, holidays: ReadonlySet<string>): string {
    let day = date;
    let left = Math.abs(n);
    while (left > 0) {
        day = shift(day, Math.sign(n));
        if (naiveIsWorking(day, holidays)) {
            left--;
        }
    }
    return day;
}

function naiveBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
    if (to < from) {
        return 0 - naiveBetween(to, from, holidays) || 0; // never -0
    }
    let count = 0;
    for (let day = shift(from, 1); day <= to; day = shift(day, 1)) {
        if (naiveIsWorking(day, holidays)) {
            count++;
        }
    }
    return count;
}

function datesFrom(first: string, last: string): string[] {
    const dates: string[] = [];
    for (let day = first; day <= last; day = shift(day, 1)) {
        dates.push(day);
    }
    return dates;
}

// ---------------------------------------------------------------------------------------------------------------
// Working days
// ---------------------------------------------------------------------------------------------------------------

describe('isWorkingDay', () => {
    it.each([
        ['2026-03-23', true, 'Monday'],
        ['2026-03-24', true, 'Tuesday'],
        ['2026-03-25', true, 'Wednesday'],
        ['2026-03-26', true, 'Thursday'],
        ['2026-03-27', true, 'Friday'],
        ['2026-03-28', false, 'Saturday'],
        ['2026-03-29', false, 'Sunday'],
        ['2028-02-29', true, 'a leap day (Tuesday)'],
        ['1969-12-31', true, 'a Wednesday before the Unix epoch']
    ])('%s is a working day: %p (%s)', (date, expected) => {
        expect(isWorkingDay(date)).toBe(expected);
    });

    it('treats a listed holiday on a weekday as a non-working day', () => {
        expect(isWorkingDay('2026-12-25', { holidays: ['2026-12-25'] })).toBe(false);
        expect(isWorkingDay('2026-12-24', { holidays: ['2026-12-25'] })).toBe(true);
    });

    it('rejects a malformed date with a clear message', () => {
        expect(() => isWorkingDay('2026-02-30')).toThrow(/Not a calendar date: 2026-02-30/);
    });

    it('rejects a malformed holiday with a clear message', () => {
        expect(() => isWorkingDay('2026-03-02', { holidays: ['25/12/2026'] })).toThrow(/Not an ISO date/);
    });
});

describe('addWorkingDays', () => {
    it.each([
        ['2026-03-27', 1, '2026-03-30', 'Friday + 1 is the next Monday'],
        ['2026-03-28', 1, '2026-03-30', 'Saturday + 1 is the Monday: only days after the start count'],
        ['2026-03-29', 1, '2026-03-30', 'Sunday + 1 is the Monday'],
        ['2026-03-23', 5, '2026-03-30', 'Monday + 5 is the next Monday'],
        ['2026-03-26', 2, '2026-03-30', 'Thursday + 2 skips the weekend'],
        ['2026-03-23', 10, '2026-04-06', 'two weeks of working days are 14 calendar days'],
        ['2026-03-28', 0, '2026-03-28', '0 returns the date itself, even a Saturday'],
        ['2026-03-24', 0, '2026-03-24', '0 returns a working day unchanged'],
        ['2026-01-30', 1, '2026-02-02', 'across a month end and a weekend'],
        ['2026-12-31', 2, '2027-01-04', 'across a year end'],
        ['2028-02-28', 1, '2028-02-29', 'onto a leap day'],
        ['2028-02-29', 1, '2028-03-01', 'off a leap day'],
        ['2026-03-06', 1, '2026-03-09', 'across the US daylight-saving change (8 March 2026)'],
        ['2026-03-27', 1, '2026-03-30', 'across the EU daylight-saving change (29 March 2026)'],
        ['2026-03-30', -1, '2026-03-27', 'a negative count goes back'],
        ['1969-12-26', 3, '1969-12-31', 'before the Unix epoch'],
        ['1969-12-31', 2, '1970-01-02', 'across the Unix epoch']
    ])('%s + %p working days is %s (%s)', (date, n, expected) => {
        expect(addWorkingDays(date, n)).toBe(expected);
    });

    it.each([
        ['2026-12-24', 1, ['2026-12-25'], '2026-12-28', 'a holiday Friday is skipped with the weekend'],
        ['2026-12-24', 2, ['2026-12-25', '2026-12-28'], '2026-12-30', 'consecutive holidays around a weekend'],
        ['2026-12-24', 1, ['2026-12-26'], '2026-12-25', 'a holiday on a Saturday changes nothing'],
        ['2026-12-24', 1, ['2026-12-25', '2026-12-25'], '2026-12-28', 'a holiday listed twice counts once'],
        ['2026-12-31', 1, ['2027-01-01'], '2027-01-04', "New Year's Day across a year end"]
    ])('%s + %p working days with holidays %j is %s (%s)', (date, n, holidays, expected) => {
        expect(addWorkingDays(date, n, { holidays })).toBe(expected);
    });

    it.each([[1.5], [NaN], [Infinity]])('rejects %p working days as not a whole number', (n) => {
        expect(() => addWorkingDays('2026-03-02', n)).toThrow(/whole number/);
    });
});

describe('subtractWorkingDays', () => {
    it.each([
        ['2026-03-30', 1, '2026-03-27', 'Monday - 1 is the Friday before'],
        ['2026-03-29', 1, '2026-03-27', 'Sunday - 1 is the Friday'],
        ['2026-03-28', 1, '2026-03-27', 'Saturday - 1 is the Friday'],
        ['2026-03-27', 4, '2026-03-23', 'Friday - 4 is the Monday of the same week'],
        ['2026-03-27', 5, '2026-03-20', 'Friday - 5 is the Friday before'],
        ['2026-03-28', 0, '2026-03-28', '0 returns the date itself'],
        ['2026-03-02', 1, '2026-02-27', 'across a month start'],
        ['2027-01-04', 2, '2026-12-31', 'across a year start'],
        ['2028-03-01', 1, '2028-02-29', 'back onto a leap day'],
        ['2026-03-09', 1, '2026-03-06', 'across a daylight-saving change'],
        ['2026-03-27', -1, '2026-03-30', 'a negative count goes forward']
    ])('%s - %p working days is %s (%s)', (date, n, expected) => {
        expect(subtractWorkingDays(date, n)).toBe(expected);
    });

    it('skips holidays going back', () => {
        expect(subtractWorkingDays('2027-01-04', 1, { holidays: ['2027-01-01'] })).toBe('2026-12-31');
    });

    it('rejects a fractional count', () => {
        expect(() => subtractWorkingDays('2026-03-02', 0.5)).toThrow(/whole number/);
    });
});

describe('workingDaysBetween', () => {
    it.each([
        ['2026-03-27', '2026-03-30', 1, 'Friday to Monday is 1'],
        ['2026-03-28', '2026-03-29', 0, 'Saturday to Sunday is 0'],
        ['2026-03-24', '2026-03-24', 0, 'the same day is 0'],
        ['2026-03-23', '2026-03-27', 4, 'Monday to Friday of one week is 4'],
        ['2026-03-23', '2026-03-30', 5, 'Monday to the next Monday is 5'],
        ['2026-03-30', '2026-03-23', -5, 'backwards is negative'],
        ['2026-12-30', '2027-01-05', 4, 'across a year end'],
        ['2028-02-28', '2028-03-01', 2, 'across a leap day'],
        ['2026-03-06', '2026-03-09', 1, 'across a daylight-saving change']
    ])('%s to %s is %p working days (%s)', (from, to, expected) => {
        expect(workingDaysBetween(from, to)).toBe(expected);
    });

    it('does not count holidays', () => {
        expect(workingDaysBetween('2026-12-30', '2027-01-05', { holidays: ['2027-01-01'] })).toBe(3);
    });
});

describe('lastWorkingDayOnOrBefore and nextWorkingDayOnOrAfter', () => {
    it.each([
        ['2026-03-27', '2026-03-27', '2026-03-27', 'a working day is its own answer both ways'],
        ['2026-03-28', '2026-03-27', '2026-03-30', 'Saturday: Friday before, Monday after'],
        ['2026-03-29', '2026-03-27', '2026-03-30', 'Sunday: Friday before, Monday after']
    ])('%s: on or before is %s, on or after is %s (%s)', (date, before, after) => {
        expect(lastWorkingDayOnOrBefore(date)).toBe(before);
        expect(nextWorkingDayOnOrAfter(date)).toBe(after);
    });

    it('steps over holidays next to a weekend', () => {
        const holidays = ['2026-12-25', '2026-12-28'];
        expect(lastWorkingDayOnOrBefore('2026-12-28', { holidays })).toBe('2026-12-24');
        expect(nextWorkingDayOnOrAfter('2026-12-25', { holidays })).toBe('2026-12-29');
    });
});

describe("a step's start and its earliest due date after its predecessor (the scheduler's conventions)", () => {
    it.each([
        ['2026-03-13', 5, '2026-03-09', 'five days due Friday start Monday'],
        ['2026-03-16', 3, '2026-03-12', 'over a weekend'],
        ['2026-03-13', 1, '2026-03-13', 'one day starts on its due date'],
        ['2026-03-13', 0, '2026-03-13', 'a checkpoint too']
    ])('a step due %s of %i days starts %s (%s)', (due, days, start) => {
        expect(stepStart(due, days)).toBe(start);
    });

    it.each([
        ['2026-03-06', 2, '2026-03-10', 'two days after a Friday: Tuesday'],
        ['2026-03-06', 0, '2026-03-06', 'a checkpoint the same day'],
        ['2026-03-07', 0, '2026-03-09', 'a checkpoint after a Saturday: the Monday'],
        ['2026-03-07', 1, '2026-03-09', 'one day after a Saturday: the Monday']
    ])('after a predecessor due %s, a step of %i days is due %s at the earliest (%s)', (before, days, due) => {
        expect(earliestDueAfter(before, days)).toBe(due);
    });

    it('counts holidays off, refuses a part of a day, and names a day by its ISO date', () => {
        expect(stepStart('2026-12-29', 3, { holidays: ['2026-12-25', '2026-12-28'] })).toBe('2026-12-23');
        expect(() => earliestDueAfter('2026-03-06', 1.5)).toThrow(RangeError);
        expect(isoDate(0)).toBe('1970-01-01');
    });
});

describe('working-day arithmetic agrees with a day-by-day count', () => {
    const holidaySets: [string, string[]][] = [
        ['no holidays', []],
        ['a leap-day holiday', ['2028-02-29']],
        ['a year-end block of holidays', ['2027-12-24', '2027-12-27', '2027-12-28', '2027-12-31', '2028-01-03']],
        ['holidays on a weekend, and one listed twice', ['2028-07-01', '2028-07-02', '2028-07-04', '2028-07-04']],
        [
            'a whole week off, and holidays far outside the range',
            ['1999-01-01', ...datesFrom('2028-08-07', '2028-08-11')]
        ]
    ];
    const dates = datesFrom('2027-12-01', '2029-01-31');

    it.each(holidaySets)('for every date from Dec 2027 to Jan 2029 and -12..12 working days, with %s', (_, list) => {
        const holidays = new Set(list);
        for (const date of dates) {
            expect(isWorkingDay(date, { holidays: list })).toBe(naiveIsWorking(date, holidays));
            for (let n = -12; n <= 12; n++) {
                expect([date, n, addWorkingDays(date, n, { holidays: list })]).toEqual([
                    date,
                    n,
                    naiveAdd(date, n, holidays)
                ]);
            }
        }
    });

    it.each(holidaySets)('workingDaysBetween counts every pair up to 20 days apart, with %s', (_, list) => {
        const holidays = new Set(list);
        for (const from of dates) {
            for (let offset = -20; offset <= 20; offset++) {
                const to = shift(from, offset);
                expect([from, to, workingDaysBetween(from, to, { holidays: list })]).toEqual([
                    from,
                    to,
                    naiveBetween(from, to, holidays)
                ]);
            }
        }
    });

    it('round-trips: n working days after a working day are n working days apart, and back again', () => {
        const holidays = ['2027-12-24', '2027-12-27', '2028-02-29'];
        for (const date of dates.filter((d) => isWorkingDay(d, { holidays }))) {
            for (let n = 0; n <= 30; n++) {
                const later = addWorkingDays(date, n, { holidays });
                expect(workingDaysBetween(date, later, { holidays })).toBe(n);
                expect(subtractWorkingDays(later, n, { holidays })).toBe(date);
            }
        }
    });

    it('holds around the Unix epoch, where days are negative numbers', () => {
        const list = ['1969-12-31', '1970-01-01'];
        const holidays = new Set(list);
        for (const date of datesFrom('1969-11-01', '1970-02-28')) {
            for (let n = -8; n <= 8; n++) {
                expect(addWorkingDays(date, n, { holidays: list })).toBe(naiveAdd(date, n, holidays));
            }
        }
    });

    it('jumps 2,610 working days (about ten years) at once, agreeing with the day-by-day count', () => {
        expect(addWorkingDays('2026-01-01', 2610)).toBe(naiveAdd('2026-01-01', 2610, new Set()));
        expect(workingDaysBetween('2026-01-01', '2036-01-01')).toBe(
            naiveBetween('2026-01-01', '2036-01-01', new Set())
        );
    });
});

import {
    addWorkingDays,
    isWorkingDay,
    lastWorkingDayOnOrBefore,
    nextWorkingDayOnOrAfter,
    PlannedMilestone,
    projectedCloseDate,
    reproject,
    scheduleBackward,
    ScheduleError,
    subtractWorkingDays,
    TemplateStep,
    workingDaysBetween
} from 'c/planScheduler';

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
// Fixtures. March 2026: Monday the 2nd, 9th, 16th, 23rd and 30th; Friday the 6th, 13th, 20th and 27th.
// ---------------------------------------------------------------------------------------------------------------

function step(key: string, order: number, durationDays: number, extra: Partial<TemplateStep> = {}): TemplateStep {
    return { key, title: `Title of ${key}`, phase: 'Evaluate', side: 'Joint', durationDays, order, ...extra };
}

const MID_MARKET: TemplateStep[] = [
    {
        key: 'discovery',
        title: 'Buyer confirms the discovery recap',
        phase: 'Evaluate',
        side: 'Buyer',
        durationDays: 1,
        order: 10
    },
    {
        key: 'validation',
        title: 'Technical validation signed off',
        phase: 'Evaluate',
        side: 'Joint',
        durationDays: 5,
        order: 20
    },
    { key: 'security', title: 'Security review completed', phase: 'Review', side: 'Buyer', durationDays: 3, order: 30 },
    { key: 'legal', title: 'Buyer legal returns redlines', phase: 'Review', side: 'Buyer', durationDays: 4, order: 40 },
    {
        key: 'signature',
        title: 'Order form signed',
        phase: 'Close',
        side: 'Buyer',
        durationDays: 0,
        order: 50,
        marksClose: true
    },
    { key: 'kickoff', title: 'Implementation kickoff', phase: 'Implement', side: 'Seller', durationDays: 1, order: 60 }
];

/** MID_MARKET scheduled back from Friday 2026-03-27: [startDate, dueDate] by key. */
const MID_MARKET_DATES = {
    discovery: ['2026-03-10', '2026-03-10'],
    validation: ['2026-03-11', '2026-03-17'],
    security: ['2026-03-18', '2026-03-20'],
    legal: ['2026-03-23', '2026-03-26'],
    signature: ['2026-03-26', '2026-03-26'],
    kickoff: ['2026-03-27', '2026-03-27']
};

const EARLY_TODAY = '2026-02-02';

function datesOf(result: { milestones: { key: string; startDate: string; dueDate: string }[] }) {
    return Object.fromEntries(result.milestones.map((m) => [m.key, [m.startDate, m.dueDate]]));
}

function dueOf(result: { milestones: { key: string; dueDate: string }[] }) {
    return Object.fromEntries(result.milestones.map((m) => [m.key, m.dueDate]));
}

/** The MID_MARKET plan as saved: the same dates as MID_MARKET_DATES. */
const PLAN: PlannedMilestone[] = [
    { key: 'discovery', dueDate: '2026-03-10', durationDays: 1, predecessorKey: null, status: 'In Progress' },
    { key: 'validation', dueDate: '2026-03-17', durationDays: 5, predecessorKey: 'discovery', status: 'Not Started' },
    { key: 'security', dueDate: '2026-03-20', durationDays: 3, predecessorKey: 'validation', status: 'Not Started' },
    { key: 'legal', dueDate: '2026-03-26', durationDays: 4, predecessorKey: 'security', status: 'Blocked' },
    { key: 'signature', dueDate: '2026-03-26', durationDays: 0, predecessorKey: 'legal', marksClose: true },
    { key: 'kickoff', dueDate: '2026-03-27', durationDays: 1, predecessorKey: 'signature', status: 'Not Started' }
];

/** The same plan with slack: legal is due Monday 2026-03-30 (it starts Wednesday 03-25), so the close is later. */
const SLACK_PLAN: PlannedMilestone[] = PLAN.map((m) => {
    const later: Record<string, string> = { legal: '2026-03-30', signature: '2026-03-30', kickoff: '2026-03-31' };
    return later[m.key] ? { ...m, dueDate: later[m.key] } : m;
});

function withStatus(plan: PlannedMilestone[], statuses: Record<string, string>): PlannedMilestone[] {
    return plan.map((m) => (statuses[m.key] ? { ...m, status: statuses[m.key] } : m));
}

function thrown(action: () => unknown): ScheduleError {
    try {
        action();
    } catch (error) {
        return error as ScheduleError;
    }
    throw new Error('expected an error');
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

// ---------------------------------------------------------------------------------------------------------------
// Backward scheduling
// ---------------------------------------------------------------------------------------------------------------

describe('scheduleBackward: dates', () => {
    it('returns an empty schedule, without error or warning, for an empty template', () => {
        expect(scheduleBackward([], '2026-03-27', { today: EARLY_TODAY })).toEqual({
            milestones: [],
            warnings: [],
            projectedCloseDate: null
        });
    });

    it('chains a template that only has an order, each step due the working day before the next starts', () => {
        const result = scheduleBackward(MID_MARKET, '2026-03-27', { today: EARLY_TODAY });
        expect(datesOf(result)).toEqual(MID_MARKET_DATES);
        expect(result.warnings).toEqual([]);
        expect(result.projectedCloseDate).toBe('2026-03-26');
    });

    it('records the inferred predecessors, so saved milestones depend on what was scheduled', () => {
        const result = scheduleBackward(MID_MARKET, '2026-03-27', { today: EARLY_TODAY });
        expect(result.milestones.map((m) => [m.key, m.predecessorKey, m.predecessorFromOrder])).toEqual([
            ['discovery', null, false],
            ['validation', 'discovery', true],
            ['security', 'validation', true],
            ['legal', 'security', true],
            ['signature', 'legal', true],
            ['kickoff', 'signature', true]
        ]);
    });

    it('carries every template field onto the milestone and reads a blank marksClose as false', () => {
        const [first, , , , signature] = scheduleBackward(MID_MARKET, '2026-03-27', { today: EARLY_TODAY }).milestones;
        expect(first).toEqual({
            key: 'discovery',
            title: 'Buyer confirms the discovery recap',
            phase: 'Evaluate',
            side: 'Buyer',
            durationDays: 1,
            order: 10,
            predecessorKey: null,
            predecessorFromOrder: false,
            marksClose: false,
            startDate: '2026-03-10',
            dueDate: '2026-03-10'
        });
        expect(signature.marksClose).toBe(true);
    });

    it.each([
        [0, '2026-03-27', '2026-03-27', 'a checkpoint of 0 days starts and is due the same day'],
        [1, '2026-03-27', '2026-03-27', 'a 1-day step starts on its due date'],
        [2, '2026-03-26', '2026-03-27', 'a 2-day step starts the working day before'],
        [5, '2026-03-23', '2026-03-27', 'a 5-day step due Friday starts Monday'],
        [6, '2026-03-20', '2026-03-27', 'a 6-day step due Friday starts the Friday before']
    ])('a single step of %p days due on the target starts %s (%s)', (days, start, due) => {
        expect(datesOf(scheduleBackward([step('only', 1, days)], '2026-03-27', { today: EARLY_TODAY }))).toEqual({
            only: [start, due]
        });
    });

    it.each([
        [1, '2026-03-26', 'the working day before a 1-day successor'],
        [3, '2026-03-24', 'the working day before a 3-day successor starts'],
        [0, '2026-03-27', 'the same day as a 0-day successor (a checkpoint such as the signature)']
    ])('a predecessor of a %p-day successor due on the target is due %s: %s', (days, expected) => {
        const result = scheduleBackward([step('a', 1, 2), step('b', 2, days)], '2026-03-27', { today: EARLY_TODAY });
        expect(dueOf(result)).toEqual({ a: expected, b: '2026-03-27' });
    });

    it('dates a chain of checkpoints (all 0 days) all on the target date', () => {
        const steps = [step('a', 1, 0), step('b', 2, 0), step('c', 3, 0)];
        expect(dueOf(scheduleBackward(steps, '2026-03-27', { today: EARLY_TODAY }))).toEqual({
            a: '2026-03-27',
            b: '2026-03-27',
            c: '2026-03-27'
        });
    });

    it.each([
        ['2026-03-28', 'Saturday'],
        ['2026-03-29', 'Sunday']
    ])('a target on a %s (%s) dates the last step on the Friday before and warns', (target) => {
        const result = scheduleBackward(MID_MARKET, target, { today: EARLY_TODAY });
        expect(datesOf(result)).toEqual(MID_MARKET_DATES);
        expect(result.warnings).toEqual([
            {
                code: 'target-not-working-day',
                message: `The target date ${target} is not a working day, so the last milestones are due on the working day before it, 2026-03-27.`,
                keys: ['kickoff']
            }
        ]);
    });

    it('a target on a holiday dates the last step on the working day before and shifts the whole chain', () => {
        const result = scheduleBackward(MID_MARKET, '2026-03-27', { today: EARLY_TODAY, holidays: ['2026-03-27'] });
        expect(datesOf(result)).toEqual({
            discovery: ['2026-03-09', '2026-03-09'],
            validation: ['2026-03-10', '2026-03-16'],
            security: ['2026-03-17', '2026-03-19'],
            legal: ['2026-03-20', '2026-03-25'],
            signature: ['2026-03-25', '2026-03-25'],
            kickoff: ['2026-03-26', '2026-03-26']
        });
        expect(result.warnings.map((w) => w.code)).toEqual(['target-not-working-day']);
    });

    it.each([
        ['2026-03-02', [], ['2026-02-26', '2026-02-27', '2026-03-02'], 'across a month end and a weekend'],
        ['2027-01-05', [], ['2026-12-31', '2027-01-01', '2027-01-04', '2027-01-05'], 'across a year end'],
        [
            '2027-01-05',
            ['2027-01-01'],
            ['2026-12-30', '2026-12-31', '2027-01-04', '2027-01-05'],
            "across a year end with New Year's Day off"
        ],
        ['2028-03-01', [], ['2028-02-25', '2028-02-28', '2028-02-29', '2028-03-01'], 'across a leap day'],
        ['2026-03-09', [], ['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09'], 'across a daylight-saving change']
    ])('a chain of 1-day steps back from %s with holidays %j is due %j (%s)', (target, holidays, expected) => {
        const steps = expected.map((_, i) => step(`s${i}`, i, 1));
        const result = scheduleBackward(steps, target, { today: EARLY_TODAY, holidays });
        expect(result.milestones.map((m) => m.dueDate)).toEqual(expected);
    });
});

describe('scheduleBackward: order and predecessors', () => {
    it('sorts steps by order whatever sequence they arrive in', () => {
        const result = scheduleBackward([...MID_MARKET].reverse(), '2026-03-27', { today: EARLY_TODAY });
        expect(result.milestones.map((m) => m.key)).toEqual(MID_MARKET.map((s) => s.key));
        expect(datesOf(result)).toEqual(MID_MARKET_DATES);
    });

    it('keeps steps with the same order in the sequence they were given, chained', () => {
        const steps = [step('b', 1, 1), step('a', 1, 1), step('c', 0, 1)];
        const result = scheduleBackward(steps, '2026-03-27', { today: EARLY_TODAY });
        expect(result.milestones.map((m) => [m.key, m.predecessorKey, m.dueDate])).toEqual([
            ['c', null, '2026-03-25'],
            ['b', 'c', '2026-03-26'],
            ['a', 'b', '2026-03-27']
        ]);
    });

    it('an explicit predecessor replaces the link by order; steps without one still follow the step before', () => {
        // security and legal both follow validation; signature follows legal by order.
        const steps = [
            step('validation', 1, 2),
            step('security', 2, 3, { predecessorKey: 'validation' }),
            step('legal', 3, 5, { predecessorKey: 'validation' }),
            step('signature', 4, 0)
        ];
        const result = scheduleBackward(steps, '2026-03-27', { today: EARLY_TODAY });
        expect(result.milestones.map((m) => [m.key, m.predecessorKey, m.predecessorFromOrder])).toEqual([
            ['validation', null, false],
            ['security', 'validation', false],
            ['legal', 'validation', false],
            ['signature', 'legal', true]
        ]);
        expect(datesOf(result)).toEqual({
            validation: ['2026-03-19', '2026-03-20'],
            security: ['2026-03-25', '2026-03-27'],
            legal: ['2026-03-23', '2026-03-27'],
            signature: ['2026-03-27', '2026-03-27']
        });
    });

    it('a parallel track before the close must be done before the close milestone starts', () => {
        // security runs beside the business case; nothing names it, yet nobody signs with it open.
        const steps = [
            step('validation', 1, 2),
            step('security', 2, 10, { predecessorKey: 'validation' }),
            step('businessCase', 3, 3, { predecessorKey: 'validation' }),
            step('contract', 4, 2),
            step('signature', 5, 0, { marksClose: true }),
            step('kickoff', 6, 3)
        ];
        const result = scheduleBackward(steps, '2026-03-27', { today: EARLY_TODAY });
        expect(datesOf(result)).toEqual({
            validation: ['2026-03-09', '2026-03-10'],
            security: ['2026-03-11', '2026-03-24'],
            businessCase: ['2026-03-18', '2026-03-20'],
            contract: ['2026-03-23', '2026-03-24'],
            signature: ['2026-03-24', '2026-03-24'],
            kickoff: ['2026-03-25', '2026-03-27']
        });
        expect(result.milestones.find((m) => m.key === 'security')?.predecessorKey).toBe('validation');
    });

    it('a parallel track after the close (implementation) stays due on the target date', () => {
        const steps = [
            step('validation', 1, 2),
            step('signature', 2, 0, { marksClose: true }),
            step('kickoff', 3, 2, { predecessorKey: 'signature' }),
            step('training', 4, 5, { predecessorKey: 'signature' })
        ];
        const result = scheduleBackward(steps, '2026-03-27', { today: EARLY_TODAY });
        expect(datesOf(result).training).toEqual(['2026-03-23', '2026-03-27']);
        expect(datesOf(result).kickoff).toEqual(['2026-03-26', '2026-03-27']);
        expect(datesOf(result).signature).toEqual(['2026-03-20', '2026-03-20']);
    });

    it('a step followed by two branches is due before the earlier of them starts', () => {
        // security (3 days) would allow 03-24; legal (5 days, then 2 more for the order form) needs 03-18.
        const steps = [
            step('validation', 1, 1),
            step('security', 2, 3, { predecessorKey: 'validation' }),
            step('legal', 3, 5, { predecessorKey: 'validation' }),
            step('orderForm', 4, 2)
        ];
        expect(dueOf(scheduleBackward(steps, '2026-03-27', { today: EARLY_TODAY }))).toEqual({
            validation: '2026-03-18',
            security: '2026-03-27',
            legal: '2026-03-25',
            orderForm: '2026-03-27'
        });
    });

    it('every step that nothing follows is due on the target date', () => {
        const steps = [
            step('a', 1, 2),
            step('b', 2, 1, { predecessorKey: 'a' }),
            step('c', 3, 4, { predecessorKey: 'a' })
        ];
        const result = scheduleBackward(steps, '2026-03-28', { today: EARLY_TODAY });
        expect(dueOf(result)).toEqual({ a: '2026-03-23', b: '2026-03-27', c: '2026-03-27' });
        expect(result.warnings[0].keys.sort()).toEqual(['b', 'c']);
    });

    it('an explicit predecessor may point to a later step in order when nothing by order closes a cycle', () => {
        // b waits for c; c names a as its own predecessor, so no link by order reaches back to b.
        const steps = [
            step('a', 1, 1),
            step('b', 2, 1, { predecessorKey: 'c' }),
            step('c', 3, 1, { predecessorKey: 'a' })
        ];
        const result = scheduleBackward(steps, '2026-03-27', { today: EARLY_TODAY });
        expect(dueOf(result)).toEqual({ a: '2026-03-25', b: '2026-03-27', c: '2026-03-26' });
    });

    it('treats a blank predecessor key as no predecessor, so the step follows by order', () => {
        const result = scheduleBackward([step('a', 1, 1), step('b', 2, 1, { predecessorKey: '' })], '2026-03-27', {
            today: EARLY_TODAY
        });
        expect(result.milestones[1].predecessorKey).toBe('a');
        expect(result.milestones[1].predecessorFromOrder).toBe(true);
    });

    it('a first step that names a predecessor always closes a cycle, since every later step follows another', () => {
        const error = thrown(() =>
            scheduleBackward([step('a', 1, 1, { predecessorKey: 'b' }), step('b', 2, 1)], '2026-03-27')
        );
        expect(error.code).toBe('cycle');
        expect(error.message).toContain('a → b → a (by template order: "b" follows "a")');
    });
});

describe('scheduleBackward: rejected templates', () => {
    it('rejects duplicate keys, naming each duplicated key once', () => {
        const error = thrown(() =>
            scheduleBackward(
                [step('a', 1, 1), step('b', 2, 1), step('a', 3, 1), step('b', 4, 1), step('a', 5, 1)],
                '2026-03-27'
            )
        );
        expect(error).toBeInstanceOf(ScheduleError);
        expect(error.code).toBe('duplicate-key');
        expect(error.keys).toEqual(['a', 'b']);
        expect(error.message).toBe('Template steps must have unique keys; more than one step uses "a", "b".');
    });

    it('rejects a step without a key', () => {
        const error = thrown(() => scheduleBackward([step('a', 1, 1), step('', 2, 1)], '2026-03-27'));
        expect(error.code).toBe('invalid-step');
        expect(error.message).toBe('Every step needs a key (position 2 has none).');
    });

    it('rejects an unknown predecessor, naming the step and the missing key', () => {
        const error = thrown(() =>
            scheduleBackward(
                [step('security', 1, 1), step('legal', 2, 1, { predecessorKey: 'secruity' })],
                '2026-03-27'
            )
        );
        expect(error.code).toBe('unknown-predecessor');
        expect(error.keys).toEqual(['legal', 'secruity']);
        expect(error.message).toBe('The step "legal" depends on "secruity", which is not a step of this template.');
    });

    it('rejects a cycle of explicit predecessors, naming the steps in the order the work would run', () => {
        const steps = [
            step('start', 1, 1),
            step('security', 2, 1, { predecessorKey: 'legal' }),
            step('legal', 3, 1, { predecessorKey: 'procurement' }),
            step('procurement', 4, 1, { predecessorKey: 'security' })
        ];
        const error = thrown(() => scheduleBackward(steps, '2026-03-27'));
        expect(error).toBeInstanceOf(ScheduleError);
        expect(error.code).toBe('cycle');
        expect(error.keys).toEqual(['security', 'procurement', 'legal']);
        expect(error.message).toBe(
            'Template steps depend on each other in a cycle, so none of them can be scheduled: ' +
                'security → procurement → legal → security. Change the predecessor of one of "security", "procurement", "legal".'
        );
    });

    it('rejects a cycle closed by links by order, and says which links come from the order', () => {
        // b names d; c follows b and d follows c by order.
        const steps = [step('a', 1, 1), step('b', 2, 1, { predecessorKey: 'd' }), step('c', 3, 1), step('d', 4, 1)];
        const error = thrown(() => scheduleBackward(steps, '2026-03-27'));
        expect(error.code).toBe('cycle');
        expect(error.keys).toEqual(['b', 'c', 'd']);
        expect(error.message).toBe(
            'Template steps depend on each other in a cycle, so none of them can be scheduled: b → c → d → b ' +
                '(by template order: "c" follows "b", "d" follows "c"). Change the predecessor of one of "b", "c", "d".'
        );
    });

    it('rejects a step that is its own predecessor', () => {
        const error = thrown(() => scheduleBackward([step('a', 1, 1, { predecessorKey: 'a' })], '2026-03-27'));
        expect(error.code).toBe('cycle');
        expect(error.keys).toEqual(['a']);
        expect(error.message).toContain(': a → a.');
    });

    it.each([[-1], [1.5], [NaN]])('rejects a duration of %p working days', (days) => {
        const error = thrown(() => scheduleBackward([step('a', 1, days)], '2026-03-27'));
        expect(error.code).toBe('invalid-step');
        expect(error.keys).toEqual(['a']);
        expect(error.message).toBe(
            `The step "a" has a duration of ${days}; durations are whole working days, 0 or more.`
        );
    });

    it('rejects a step without an order', () => {
        const error = thrown(() => scheduleBackward([step('a', NaN, 1)], '2026-03-27'));
        expect(error.code).toBe('invalid-step');
        expect(error.message).toBe('The step "a" has no order.');
    });

    it.each([
        ['2026-02-30', undefined],
        ['27/03/2026', undefined],
        ['2026-03-27', '2026-13-01']
    ])('rejects target %p or today %p that is not a calendar date', (target, today) => {
        expect(() => scheduleBackward(MID_MARKET, target, { today })).toThrow(RangeError);
    });
});

describe('scheduleBackward: warnings about today', () => {
    it('warns that a target date in the past makes every milestone overdue', () => {
        const result = scheduleBackward(MID_MARKET, '2026-01-30', { today: '2026-02-02' });
        expect(result.warnings).toEqual([
            {
                code: 'target-in-past',
                message:
                    'The target date 2026-01-30 is in the past (today is 2026-02-02): every milestone would already be overdue. Choose a target date after today.',
                keys: MID_MARKET.map((s) => s.key)
            }
        ]);
    });

    it('does not warn when the first milestone starts today', () => {
        expect(scheduleBackward(MID_MARKET, '2026-03-27', { today: '2026-03-10' }).warnings).toEqual([]);
    });

    it('warns when the schedule would start before today and counts one milestone already overdue', () => {
        expect(scheduleBackward(MID_MARKET, '2026-03-27', { today: '2026-03-11' }).warnings).toEqual([
            {
                code: 'starts-before-today',
                message:
                    'The first milestone, "Buyer confirms the discovery recap", would have to start on 2026-03-10, before today (2026-03-11): the target date is too close for this template. 1 milestone would already be overdue.',
                keys: ['discovery']
            }
        ]);
    });

    it('names every milestone that would start before today and counts those already overdue', () => {
        const [warning] = scheduleBackward(MID_MARKET, '2026-03-27', { today: '2026-03-18' }).warnings;
        expect(warning.keys).toEqual(['discovery', 'validation']);
        expect(warning.message).toMatch(/2 milestones would already be overdue\.$/);
    });

    it('leaves out the overdue sentence when nothing would be due before today', () => {
        const [warning] = scheduleBackward([step('a', 1, 5, { title: 'Pilot' })], '2026-03-13', {
            today: '2026-03-10'
        }).warnings;
        expect(warning.message).toBe(
            'The first milestone, "Pilot", would have to start on 2026-03-09, before today (2026-03-10): the target date is too close for this template.'
        );
    });

    it("takes today from the browser's local date when none is given", () => {
        jest.useFakeTimers();
        try {
            jest.setSystemTime(new Date(2026, 2, 18, 12, 0, 0));
            const [warning] = scheduleBackward(MID_MARKET, '2026-03-27').warnings;
            expect(warning.message).toContain('before today (2026-03-18)');
        } finally {
            jest.useRealTimers();
        }
    });
});

// Jest sandboxes process.env, so the zone cannot be switched inside a test: run this file with TZ set (for example
// TZ=Pacific/Auckland or TZ=America/Los_Angeles) to exercise it in other zones. Every expectation holds in any zone.
describe('time zones and daylight saving never shift a date', () => {
    it.each([
        ['2026-03-09', ['2026-03-05', '2026-03-06', '2026-03-09'], 'US spring forward, Sunday 8 March'],
        ['2026-03-30', ['2026-03-26', '2026-03-27', '2026-03-30'], 'EU spring forward, Sunday 29 March'],
        ['2026-10-26', ['2026-10-22', '2026-10-23', '2026-10-26'], 'EU fall back, Sunday 25 October'],
        ['2026-11-02', ['2026-10-29', '2026-10-30', '2026-11-02'], 'US fall back, Sunday 1 November']
    ])('a chain of 1-day steps back from %s is due %j (%s)', (target, expected) => {
        const steps = expected.map((_, i) => step(`s${i}`, i, 1));
        expect(scheduleBackward(steps, target, { today: EARLY_TODAY }).milestones.map((m) => m.dueDate)).toEqual(
            expected
        );
    });

    it.each([
        [0, 30, 'just after local midnight'],
        [23, 30, 'just before local midnight']
    ])("today defaults to the user's local date, not the UTC date, at %p:%p local time (%s)", (hour, minute) => {
        jest.useFakeTimers();
        try {
            jest.setSystemTime(new Date(2026, 2, 18, hour, minute));
            const [warning] = scheduleBackward(MID_MARKET, '2026-03-27').warnings;
            expect(warning.message).toContain('before today (2026-03-18)');
        } finally {
            jest.useRealTimers();
        }
    });
});

describe('scheduleBackward: size', () => {
    it('dates a 60-step chain so the first step is due the sum of the later durations before the target', () => {
        const steps = Array.from({ length: 60 }, (_, i) => step(`s${i}`, i, i % 4));
        const result = scheduleBackward(steps, '2026-12-18', { today: '2025-01-01' });
        const later = steps.slice(1).reduce((sum, s) => sum + s.durationDays, 0);
        expect(workingDaysBetween(result.milestones[0].dueDate, '2026-12-18')).toBe(later);
        expect(result.warnings).toEqual([]);
    });

    it('dates a 60-step fan-out (one step before 59 parallel ones) by its longest branch', () => {
        const steps = [
            step('root', 0, 1),
            ...Array.from({ length: 59 }, (_, i) => step(`b${i}`, i + 1, i % 10, { predecessorKey: 'root' }))
        ];
        const result = scheduleBackward(steps, '2026-03-27', { today: EARLY_TODAY });
        expect(result.milestones[0].dueDate).toBe(subtractWorkingDays('2026-03-27', 9));
        expect(result.milestones.slice(1).every((m) => m.dueDate === '2026-03-27')).toBe(true);
    });

    it('schedules 10,000 chained steps in well under a second, without deep recursion', () => {
        const steps = Array.from({ length: 10_000 }, (_, i) => step(`s${i}`, i, 1));
        const started = Date.now();
        const result = scheduleBackward(steps, '2060-12-31', { today: '2020-01-01' });
        expect(Date.now() - started).toBeLessThan(1000);
        expect(result.milestones[0].dueDate).toBe(subtractWorkingDays('2060-12-31', 9_999));
    });

    it('finds a cycle through 10,000 steps in well under a second', () => {
        const steps = Array.from({ length: 10_000 }, (_, i) => step(`s${i}`, i, 1));
        steps[0] = step('s0', 0, 1, { predecessorKey: 's9999' });
        const started = Date.now();
        expect(() => scheduleBackward(steps, '2060-12-31')).toThrow(ScheduleError);
        expect(Date.now() - started).toBeLessThan(1000);
    });
});

describe('projectedCloseDate', () => {
    it.each<[string, PlannedMilestone[], string | null]>([
        ['no milestone marks the close', [{ key: 'a', dueDate: '2026-03-27' }], null],
        ['an empty plan', [], null],
        [
            'one milestone marks the close',
            [
                { key: 'a', dueDate: '2026-03-27' },
                { key: 'b', dueDate: '2026-03-20', marksClose: true }
            ],
            '2026-03-20'
        ],
        [
            'several mark the close: the latest counts',
            [
                { key: 'a', dueDate: '2026-03-27', marksClose: true },
                { key: 'b', dueDate: '2026-04-02', marksClose: true },
                { key: 'c', dueDate: '2026-03-30', marksClose: true }
            ],
            '2026-04-02'
        ]
    ])('when %s, the projected close is %p', (_, milestones, expected) => {
        expect(projectedCloseDate(milestones)).toBe(expected);
    });
});

// ---------------------------------------------------------------------------------------------------------------
// Re-projection
// ---------------------------------------------------------------------------------------------------------------

describe('reproject: moving later', () => {
    it('takes a schedule as it was produced, with the same dates as the saved plan', () => {
        const scheduled = scheduleBackward(MID_MARKET, '2026-03-27', { today: EARLY_TODAY }).milestones;
        expect(scheduled.map((m) => m.dueDate)).toEqual(PLAN.map((m) => m.dueDate));
        expect(reproject(scheduled, 'kickoff', '2026-03-27')).toEqual({
            moved: [],
            projectedCloseDate: '2026-03-26',
            isLater: false,
            warnings: []
        });
    });

    it('pushes every successor of a chain without slack by the same working days, down to the close', () => {
        expect(reproject(PLAN, 'validation', '2026-03-19')).toEqual({
            moved: [
                { key: 'validation', from: '2026-03-17', to: '2026-03-19', days: 2, workingDays: 2 },
                { key: 'security', from: '2026-03-20', to: '2026-03-24', days: 4, workingDays: 2 },
                { key: 'legal', from: '2026-03-26', to: '2026-03-30', days: 4, workingDays: 2 },
                { key: 'signature', from: '2026-03-26', to: '2026-03-30', days: 4, workingDays: 2 },
                { key: 'kickoff', from: '2026-03-27', to: '2026-03-31', days: 4, workingDays: 2 }
            ],
            projectedCloseDate: '2026-03-30',
            isLater: true,
            warnings: []
        });
    });

    it('moves nothing else when the slip fits in the slack before the next milestone starts', () => {
        const result = reproject(SLACK_PLAN, 'security', '2026-03-24');
        expect(result.moved).toEqual([
            { key: 'security', from: '2026-03-20', to: '2026-03-24', days: 4, workingDays: 2 }
        ]);
        expect(result.projectedCloseDate).toBe('2026-03-30');
        expect(result.isLater).toBe(true);
    });

    it('pushes a successor only by the overlap that is left once its slack is used up', () => {
        const result = reproject(SLACK_PLAN, 'security', '2026-03-26');
        expect(result.moved).toEqual([
            { key: 'security', from: '2026-03-20', to: '2026-03-26', days: 6, workingDays: 4 },
            { key: 'legal', from: '2026-03-30', to: '2026-04-01', days: 2, workingDays: 2 },
            { key: 'signature', from: '2026-03-30', to: '2026-04-01', days: 2, workingDays: 2 },
            { key: 'kickoff', from: '2026-03-31', to: '2026-04-02', days: 2, workingDays: 2 }
        ]);
        expect(result.projectedCloseDate).toBe('2026-04-01');
    });

    it('puts a 0-day successor on its predecessor’s new due date, and the next one the working day after', () => {
        const result = reproject(PLAN, 'legal', '2026-03-27');
        expect(result.moved).toEqual([
            { key: 'legal', from: '2026-03-26', to: '2026-03-27', days: 1, workingDays: 1 },
            { key: 'signature', from: '2026-03-26', to: '2026-03-27', days: 1, workingDays: 1 },
            { key: 'kickoff', from: '2026-03-27', to: '2026-03-30', days: 3, workingDays: 1 }
        ]);
        expect(result.projectedCloseDate).toBe('2026-03-27');
    });

    it('lets the user pick a weekend for the changed milestone, warns, and lands pushed milestones on working days', () => {
        const result = reproject(PLAN, 'legal', '2026-03-28');
        expect(result.moved).toEqual([
            { key: 'legal', from: '2026-03-26', to: '2026-03-28', days: 2, workingDays: 1 },
            { key: 'signature', from: '2026-03-26', to: '2026-03-30', days: 4, workingDays: 2 },
            { key: 'kickoff', from: '2026-03-27', to: '2026-03-31', days: 4, workingDays: 2 }
        ]);
        expect(result.warnings).toEqual([
            {
                code: 'due-not-working-day',
                message: 'The new due date of "legal", 2026-03-28, is not a working day.',
                keys: ['legal']
            }
        ]);
    });

    it('skips holidays when pushing', () => {
        const result = reproject(PLAN, 'legal', '2026-03-27', { holidays: ['2026-03-30'] });
        expect(result.moved.map((m) => [m.key, m.to, m.workingDays])).toEqual([
            ['legal', '2026-03-27', 1],
            ['signature', '2026-03-27', 1],
            ['kickoff', '2026-03-31', 1]
        ]);
    });

    it('pushes each branch after a shared predecessor only as far as that branch needs', () => {
        const plan: PlannedMilestone[] = [
            { key: 'validation', dueDate: '2026-03-17', durationDays: 2 },
            { key: 'security', dueDate: '2026-03-20', durationDays: 3, predecessorKey: 'validation' },
            { key: 'legal', dueDate: '2026-03-27', durationDays: 5, predecessorKey: 'validation' }
        ];
        expect(reproject(plan, 'validation', '2026-03-19').moved.map((m) => [m.key, m.to])).toEqual([
            ['validation', '2026-03-19'],
            ['security', '2026-03-24']
        ]);
        expect(reproject(plan, 'validation', '2026-03-24').moved.map((m) => [m.key, m.to])).toEqual([
            ['validation', '2026-03-24'],
            ['security', '2026-03-27'],
            ['legal', '2026-03-31']
        ]);
    });

    it('lists the changed milestone first, then the pushed ones in the order they were given', () => {
        const result = reproject([...PLAN].reverse(), 'validation', '2026-03-19');
        expect(result.moved.map((m) => m.key)).toEqual(['validation', 'kickoff', 'signature', 'legal', 'security']);
    });

    it('counts a blank duration as 0 days, like a checkpoint', () => {
        const plan: PlannedMilestone[] = [
            { key: 'a', dueDate: '2026-03-10', durationDays: 1 },
            { key: 'b', dueDate: '2026-03-10', durationDays: null, predecessorKey: 'a' }
        ];
        expect(reproject(plan, 'a', '2026-03-11').moved.map((m) => [m.key, m.to])).toEqual([
            ['a', '2026-03-11'],
            ['b', '2026-03-11']
        ]);
    });
});

describe('reproject: moving earlier or not at all', () => {
    it('never pulls any other milestone earlier', () => {
        const result = reproject(SLACK_PLAN, 'legal', '2026-03-27');
        expect(result).toEqual({
            moved: [{ key: 'legal', from: '2026-03-30', to: '2026-03-27', days: -3, workingDays: -1 }],
            projectedCloseDate: '2026-03-30',
            isLater: false,
            warnings: []
        });
    });

    it('warns, without moving the predecessor, when the milestone would start before its predecessor is due', () => {
        const result = reproject(PLAN, 'kickoff', '2026-03-26');
        expect(result.moved).toEqual([
            { key: 'kickoff', from: '2026-03-27', to: '2026-03-26', days: -1, workingDays: -1 }
        ]);
        expect(result.warnings).toEqual([
            {
                code: 'starts-before-predecessor',
                message:
                    '"kickoff" would start on 2026-03-26, but "signature", which comes before it, is not due until 2026-03-26. Move "signature" earlier too, or choose a later date.',
                keys: ['kickoff', 'signature']
            }
        ]);
    });

    it('names the start date of a multi-day milestone in that warning', () => {
        const [warning] = reproject(PLAN, 'validation', '2026-03-13').warnings;
        expect(warning.message).toMatch(/^"validation" would start on 2026-03-09, but "discovery"/);
    });

    it('does not warn when the predecessor is already Complete', () => {
        expect(reproject(withStatus(PLAN, { signature: 'Complete' }), 'kickoff', '2026-03-26').warnings).toEqual([]);
    });

    it('looks past a Skipped predecessor to the open one before it', () => {
        const [warning] = reproject(withStatus(PLAN, { signature: 'Skipped' }), 'kickoff', '2026-03-25').warnings;
        expect(warning.keys).toEqual(['kickoff', 'legal']);
    });

    it('does not warn about a first milestone, which has no predecessor', () => {
        expect(reproject(PLAN, 'discovery', '2026-03-02').warnings).toEqual([]);
    });

    it('reports nothing moved, and no slip, when the date does not change', () => {
        expect(reproject(PLAN, 'legal', '2026-03-26')).toEqual({
            moved: [],
            projectedCloseDate: '2026-03-26',
            isLater: false,
            warnings: []
        });
    });
});

describe('reproject: Complete and Skipped milestones', () => {
    it('never moves a Complete successor, and nothing after it moves either', () => {
        const result = reproject(withStatus(PLAN, { security: 'Complete' }), 'validation', '2026-03-19');
        expect(result.moved.map((m) => m.key)).toEqual(['validation']);
        expect(result.projectedCloseDate).toBe('2026-03-26');
    });

    it('never moves a Skipped successor, but pushes what comes after it as if it were not there', () => {
        const result = reproject(withStatus(PLAN, { security: 'Skipped' }), 'validation', '2026-03-24');
        expect(result.moved).toEqual([
            { key: 'validation', from: '2026-03-17', to: '2026-03-24', days: 7, workingDays: 5 },
            { key: 'legal', from: '2026-03-26', to: '2026-03-30', days: 4, workingDays: 2 },
            { key: 'signature', from: '2026-03-26', to: '2026-03-30', days: 4, workingDays: 2 },
            { key: 'kickoff', from: '2026-03-27', to: '2026-03-31', days: 4, workingDays: 2 }
        ]);
    });

    it('does not push past a Skipped milestone when its successor still starts after the new date', () => {
        expect(
            reproject(withStatus(PLAN, { security: 'Skipped' }), 'validation', '2026-03-19').moved.map((m) => m.key)
        ).toEqual(['validation']);
    });

    it.each([['Complete'], ['Skipped']])(
        'a %s milestone whose own date is changed moves, counts as a slip, but pushes nothing',
        (status) => {
            const result = reproject(withStatus(PLAN, { validation: status }), 'validation', '2026-03-24');
            expect(result.moved).toEqual([
                { key: 'validation', from: '2026-03-17', to: '2026-03-24', days: 7, workingDays: 5 }
            ]);
            expect(result.isLater).toBe(true);
            expect(result.warnings).toEqual([]);
        }
    );

    it.each([['Not Started'], ['In Progress'], ['Blocked'], [null], [undefined]])(
        'a successor with status %p is pushed like any open milestone',
        (status) => {
            const plan = withStatus(PLAN, {}).map((m) => (m.key === 'security' ? { ...m, status } : m));
            expect(reproject(plan, 'validation', '2026-03-19').moved.map((m) => m.key)).toContain('security');
        }
    );
});

describe('reproject: projected close', () => {
    it('is null when no milestone marks the close', () => {
        const plan = PLAN.map((m) => ({ ...m, marksClose: false }));
        expect(reproject(plan, 'validation', '2026-03-19').projectedCloseDate).toBeNull();
    });

    it('is the close milestone’s own new date when that is the one that moved', () => {
        expect(reproject(PLAN, 'signature', '2026-03-27').projectedCloseDate).toBe('2026-03-27');
    });

    it('stays put when the move does not reach the close milestone', () => {
        expect(reproject(PLAN, 'kickoff', '2026-04-03').projectedCloseDate).toBe('2026-03-26');
    });
});

describe('reproject: rejected plans', () => {
    it('rejects a key that is not in the plan', () => {
        const error = thrown(() => reproject(PLAN, 'ghost', '2026-03-27'));
        expect(error).toBeInstanceOf(ScheduleError);
        expect(error.code).toBe('unknown-milestone');
        expect(error.message).toBe('There is no milestone "ghost" in this plan.');
    });

    it('rejects a milestone that depends on one that is not in the plan', () => {
        const plan = [...PLAN, { key: 'extra', dueDate: '2026-03-27', predecessorKey: 'ghost' }];
        const error = thrown(() => reproject(plan, 'legal', '2026-03-27'));
        expect(error.code).toBe('unknown-predecessor');
        expect(error.message).toBe('The milestone "extra" depends on "ghost", which is not a milestone of this plan.');
    });

    it('rejects milestones that depend on each other in a cycle', () => {
        const plan: PlannedMilestone[] = [
            { key: 'a', dueDate: '2026-03-27', predecessorKey: 'b' },
            { key: 'b', dueDate: '2026-03-27', predecessorKey: 'a' }
        ];
        const error = thrown(() => reproject(plan, 'a', '2026-03-30'));
        expect(error.code).toBe('cycle');
        expect(error.message).toBe(
            'Milestones depend on each other in a cycle, so none of them can be scheduled: a → b → a. Change the predecessor of one of "a", "b".'
        );
    });

    it('rejects duplicate keys', () => {
        const error = thrown(() => reproject([...PLAN, PLAN[0]], 'legal', '2026-03-27'));
        expect(error.code).toBe('duplicate-key');
        expect(error.message).toBe('Milestones must have unique keys; more than one milestone uses "discovery".');
    });

    it('rejects a negative duration', () => {
        const error = thrown(() =>
            reproject([{ key: 'a', dueDate: '2026-03-27', durationDays: -2 }], 'a', '2026-03-30')
        );
        expect(error.code).toBe('invalid-step');
        expect(error.message).toBe(
            'The milestone "a" has a duration of -2; durations are whole working days, 0 or more.'
        );
    });

    it('rejects a new date that is not a calendar date', () => {
        expect(() => reproject(PLAN, 'legal', '2026-02-29')).toThrow(RangeError);
    });
});

describe('wording: dates and names as the user reads them', () => {
    const german = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' });
    const wording = {
        date: (iso: string) => german.format(new Date(`${iso}T00:00:00Z`)),
        name: (key: string) => key.toUpperCase()
    };

    it('writes the warnings of a move with the given dates and names, never the ISO date or the key', () => {
        const [weekend] = reproject(PLAN, 'legal', '2026-03-28', { wording }).warnings;
        expect(weekend.message).toBe('The new due date of "LEGAL", 28. März 2026, is not a working day.');
        const [early] = reproject(PLAN, 'kickoff', '2026-03-26', { wording }).warnings;
        expect(early.message).toBe(
            '"KICKOFF" would start on 26. März 2026, but "SIGNATURE", which comes before it, is not due until ' +
                '26. März 2026. Move "SIGNATURE" earlier too, or choose a later date.'
        );
        expect(early.keys).toEqual(['kickoff', 'signature']);
    });

    it('writes the warnings of a schedule and a cycle with them too', () => {
        const [weekend] = scheduleBackward(MID_MARKET, '2026-03-28', { today: EARLY_TODAY, wording }).warnings;
        expect(weekend.message).toBe(
            'The target date 28. März 2026 is not a working day, so the last milestones are due on the working day ' +
                'before it, 27. März 2026.'
        );
        const error = thrown(() =>
            scheduleBackward([step('a', 1, 1, { predecessorKey: 'b' }), step('b', 2, 1)], '2026-03-27', { wording })
        );
        expect(error.message).toContain('A → B → A (by template order: "B" follows "A")');
        expect(error.keys).toEqual(['a', 'b']);
    });
});

describe('reproject: size', () => {
    function chain(length: number): PlannedMilestone[] {
        return Array.from({ length }, (_, i) => ({
            key: `m${i}`,
            dueDate: addWorkingDays('2026-01-05', i),
            durationDays: 1,
            predecessorKey: i > 0 ? `m${i - 1}` : null
        }));
    }

    it('pushes all 59 successors of the first of 60 chained milestones', () => {
        const result = reproject(chain(60), 'm0', '2026-01-07');
        expect(result.moved).toHaveLength(60);
        expect(result.moved.every((m) => m.workingDays === 2)).toBe(true);
    });

    it('pushes 10,000 chained milestones in well under a second, without deep recursion', () => {
        const plan = chain(10_000);
        const started = Date.now();
        const result = reproject(plan, 'm0', '2026-01-06');
        expect(Date.now() - started).toBeLessThan(1000);
        expect(result.moved).toHaveLength(10_000);
    });
});

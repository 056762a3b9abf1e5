import { scheduleBackward } from '../scheduleBackward';
import { ScheduleError } from '../scheduleTypes';
import { subtractWorkingDays, workingDaysBetween } from '../workingDays';
import { datesOf, dueOf, EARLY_TODAY, MID_MARKET, MID_MARKET_DATES, step, thrown } from './scheduleFixture';

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

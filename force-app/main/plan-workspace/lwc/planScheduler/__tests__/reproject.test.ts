import { reproject } from '../reproject';
import { scheduleBackward } from '../scheduleBackward';
import { ScheduleError } from '../scheduleTypes';
import type { PlannedMilestone } from '../scheduleTypes';
import { addWorkingDays } from '../workingDays';
import { EARLY_TODAY, MID_MARKET, PLAN, SLACK_PLAN, thrown, withStatus } from './scheduleFixture';

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

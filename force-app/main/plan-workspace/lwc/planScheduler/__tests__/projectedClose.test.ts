import { projectedCloseDate } from '../projectedClose';
import type { PlannedMilestone } from '../scheduleTypes';

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

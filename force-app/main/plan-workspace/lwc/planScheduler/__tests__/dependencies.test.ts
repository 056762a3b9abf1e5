import { indexKeys, MILESTONE, rejectCycles, resolvePredecessor, STEP } from '../dependencies';
import { ScheduleError } from '../scheduleTypes';
import { thrown } from './scheduleFixture';

describe('indexKeys', () => {
    it('gives each key its position', () => {
        expect(indexKeys(['a', 'b', 'c'], STEP)).toEqual(
            new Map([
                ['a', 0],
                ['b', 1],
                ['c', 2]
            ])
        );
    });

    it('rejects a blank key and duplicate keys, in the words of the list checked', () => {
        expect(thrown(() => indexKeys(['a', ''], MILESTONE)).message).toBe(
            'Every milestone needs a key (position 2 has none).'
        );
        const error = thrown(() => indexKeys(['a', 'b', 'a'], MILESTONE));
        expect(error).toBeInstanceOf(ScheduleError);
        expect(error.code).toBe('duplicate-key');
        expect(error.keys).toEqual(['a']);
    });
});

describe('resolvePredecessor', () => {
    const index = new Map([
        ['a', 0],
        ['b', 1]
    ]);

    it('finds the position of a named predecessor', () => {
        expect(resolvePredecessor('b', 'a', index, STEP)).toBe(0);
    });

    it('rejects a predecessor that is not in the list', () => {
        const error = thrown(() => resolvePredecessor('b', 'ghost', index, STEP));
        expect(error.code).toBe('unknown-predecessor');
        expect(error.keys).toEqual(['b', 'ghost']);
        expect(error.message).toBe('The step "b" depends on "ghost", which is not a step of this template.');
    });
});

describe('rejectCycles', () => {
    it('accepts chains and trees', () => {
        expect(() =>
            rejectCycles(['a', 'b', 'c', 'd'], [-1, 0, 1, 0], [false, false, false, false], STEP)
        ).not.toThrow();
    });

    it('names a cycle from its first member in list order, in the order the work would happen', () => {
        const error = thrown(() =>
            rejectCycles(['x', 'a', 'b', 'c'], [-1, 3, 1, 2], [false, false, false, true], STEP)
        );
        expect(error.code).toBe('cycle');
        expect(error.keys).toEqual(['a', 'b', 'c']);
        expect(error.message).toBe(
            'Template steps depend on each other in a cycle, so none of them can be scheduled: a → b → c → a ' +
                '(by template order: "c" follows "b"). Change the predecessor of one of "a", "b", "c".'
        );
    });
});

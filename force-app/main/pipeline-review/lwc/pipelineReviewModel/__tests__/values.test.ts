import { asCount, isRecord, pick } from '../values';

describe('values of unknown shape', () => {
    it.each<[unknown, boolean]>([
        [{}, true],
        [{ a: 1 }, true],
        [[], false],
        [null, false],
        [undefined, false],
        ['text', false],
        [42, false]
    ])('%p is a record: %p', (value, expected) => {
        expect(isRecord(value)).toBe(expected);
    });

    it.each<[number | null | undefined, number]>([
        [7, 7],
        [0, 0],
        [null, 0],
        [undefined, 0],
        [Number.NaN, 0],
        [Number.POSITIVE_INFINITY, 0]
    ])('counts %p as %p', (value, expected) => {
        expect(asCount(value)).toBe(expected);
    });

    it('picks an allowed text, else the fallback', () => {
        const allowed = new Set(['a', 'b']);
        expect(pick('b', allowed, 'a')).toBe('b');
        expect(pick('c', allowed, 'a')).toBe('a');
        expect(pick(1, allowed, 'a')).toBe('a');
    });
});

import { rememberLast } from '../memo';

describe('rememberLast', () => {
    it('computes again only when an input is a different object', () => {
        const compute = jest.fn((items: number[], factor: number) => items.map((n) => n * factor));
        const remembered = rememberLast(compute);
        const items = [1, 2];
        const first = remembered(items, 2);
        expect(first).toEqual([2, 4]);
        expect(remembered(items, 2)).toBe(first);
        expect(compute).toHaveBeenCalledTimes(1);
        expect(remembered([1, 2], 2)).not.toBe(first);
        expect(remembered(items, 3)).toEqual([3, 6]);
        expect(compute).toHaveBeenCalledTimes(3);
    });

    it('remembers a result of null as any other', () => {
        const compute = jest.fn((value: string | null) => value);
        const remembered = rememberLast(compute);
        expect(remembered(null)).toBeNull();
        expect(remembered(null)).toBeNull();
        expect(compute).toHaveBeenCalledTimes(1);
    });
});

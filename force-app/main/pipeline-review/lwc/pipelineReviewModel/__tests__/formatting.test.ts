import { plural, share } from '../formatting';

describe('share', () => {
    it.each([
        [31, 57, '54%'],
        [0, 57, '0%'],
        [57, 57, '100%'],
        [1, 3, '33%'],
        [5, 0, '—'],
        [null, null, '—']
    ])('%p of %p is %s', (part, whole, expected) => {
        expect(share(part, whole)).toBe(expected);
    });
});

describe('plural', () => {
    it.each<[number, string, string | undefined, string]>([
        [1, 'day', undefined, '1 day'],
        [0, 'day', undefined, '0 days'],
        [1234, 'deal', 'en-US', '1,234 deals'],
        [1234, 'day', 'de-DE', '1.234 days']
    ])('%i %s in %p is %s', (count, unit, locale, expected) => {
        expect(plural(count, unit, undefined, locale)).toBe(expected);
    });
});

import { pagingView } from '../pagingView';

describe('paging', () => {
    it.each([
        [
            0,
            50,
            50,
            57,
            true,
            { rangeLabel: '1–50 of 57', hasPrevious: false, hasNext: true, pageLabel: 'Page 1 of 2' }
        ],
        [
            1,
            50,
            7,
            57,
            true,
            { rangeLabel: '51–57 of 57', hasPrevious: true, hasNext: false, pageLabel: 'Page 2 of 2' }
        ],
        [0, 50, 3, 3, false, { rangeLabel: '1–3 of 3', hasPrevious: false, hasNext: false, pageLabel: 'Page 1 of 1' }],
        [2, 25, 25, null, true, { rangeLabel: '51–75', hasPrevious: true, hasNext: true, pageLabel: 'Page 3' }],
        [
            0,
            50,
            0,
            0,
            false,
            { rangeLabel: 'No opportunities', hasPrevious: false, hasNext: false, pageLabel: 'Page 1 of 1' }
        ],
        [
            0,
            200,
            200,
            4500,
            true,
            { rangeLabel: '1–200 of 4,500', hasPrevious: false, hasNext: true, pageLabel: 'Page 1 of 23' }
        ]
    ])('page %i of size %i with %i rows and total %p (cursor %p)', (index, size, rows, total, cursor, expected) => {
        expect(pagingView(index, size, rows, total, cursor)).toEqual(expected);
    });
});

describe("in the user's locale", () => {
    it('groups thousands and writes shares as the user does (de-DE: "1.234", "63 %")', () => {
        expect(pagingView(0, 200, 200, 4500, true, 'de-DE').rangeLabel).toBe('1–200 of 4.500');
    });
});

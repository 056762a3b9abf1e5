import { columnChoices, COLUMNS, headerViews, nextSort, restoreSort, visibleColumns, withColumns } from '../columns';
import type { ColumnKey, Sort } from '../columns';
import { DEFAULT_STATE } from '../reviewState';

describe('sorting', () => {
    it('offers every column of the review, each sortable', () => {
        expect(COLUMNS.map((column) => column.key)).toEqual([
            'name',
            'owner',
            'stage',
            'amount',
            'closeDate',
            'projectedClose',
            'closeVariance',
            'impliedClose',
            'impliedGap',
            'planStatus',
            'health',
            'completion',
            'buyerCompletion',
            'overdue',
            'slipDays',
            'acceptance'
        ]);
    });

    it('sorts projected close by its date (soonest first) and early or late by the days (latest first)', () => {
        expect(nextSort(DEFAULT_STATE.sort, 'projectedClose')).toEqual({ by: 'projectedClose', direction: 'asc' });
        expect(nextSort(DEFAULT_STATE.sort, 'closeVariance')).toEqual({ by: 'closeVariance', direction: 'desc' });
        expect(COLUMNS.find((column) => column.key === 'closeVariance')?.label).toBe('Early or late');
    });

    it('sorts the plan-implied close by its date (soonest first) and its gap to the close date by the days (latest first)', () => {
        expect(nextSort(DEFAULT_STATE.sort, 'impliedClose')).toEqual({ by: 'impliedClose', direction: 'asc' });
        expect(nextSort(DEFAULT_STATE.sort, 'impliedGap')).toEqual({ by: 'impliedGap', direction: 'desc' });
        expect(nextSort({ by: 'impliedGap', direction: 'desc' }, 'impliedGap')).toEqual({
            by: 'impliedGap',
            direction: 'asc'
        });
        const headers = headerViews({ by: 'impliedGap', direction: 'desc' }, ['impliedClose', 'impliedGap']);
        expect(headers.filter((header) => header.key.startsWith('implied'))).toMatchObject([
            { key: 'impliedClose', label: 'Plan-implied close', ariaSort: null, sortHint: 'Sort ascending' },
            { key: 'impliedGap', label: 'Implied vs close date', ariaSort: 'descending', sortHint: 'Sort ascending' }
        ]);
        expect(headers.find((header) => header.key === 'impliedClose')?.thClass).toContain('review-numeric');
    });

    it('leaves the plan-implied columns to the column chooser, so the default table fits a laptop screen', () => {
        const keys = headerViews(DEFAULT_STATE.sort).map((header) => header.key);
        expect(keys).not.toContain('impliedClose');
        expect(keys).not.toContain('impliedGap');
        expect(visibleColumns(['impliedGap'])).toMatchObject({ impliedGap: true, impliedClose: false });
    });

    it.each<[Sort, ColumnKey, Sort]>([
        [{ by: 'closeDate', direction: 'asc' }, 'closeDate', { by: 'closeDate', direction: 'desc' }],
        [{ by: 'closeDate', direction: 'desc' }, 'closeDate', { by: 'closeDate', direction: 'asc' }],
        [{ by: 'closeDate', direction: 'asc' }, 'name', { by: 'name', direction: 'asc' }],
        [{ by: 'closeDate', direction: 'asc' }, 'amount', { by: 'amount', direction: 'desc' }],
        [{ by: 'closeDate', direction: 'asc' }, 'health', { by: 'health', direction: 'desc' }],
        [{ by: 'closeDate', direction: 'asc' }, 'overdue', { by: 'overdue', direction: 'desc' }],
        [{ by: 'closeDate', direction: 'asc' }, 'slipDays', { by: 'slipDays', direction: 'desc' }],
        [{ by: 'closeDate', direction: 'asc' }, 'projectedClose', { by: 'projectedClose', direction: 'asc' }],
        [{ by: 'projectedClose', direction: 'asc' }, 'projectedClose', { by: 'projectedClose', direction: 'desc' }],
        [{ by: 'closeDate', direction: 'asc' }, 'closeVariance', { by: 'closeVariance', direction: 'desc' }],
        [{ by: 'closeVariance', direction: 'desc' }, 'closeVariance', { by: 'closeVariance', direction: 'asc' }],
        [{ by: 'closeDate', direction: 'asc' }, 'completion', { by: 'completion', direction: 'asc' }]
    ])('from %p, clicking %s sorts %p', (current, key, expected) => {
        expect(nextSort(current, key)).toEqual(expected);
    });

    it('marks only the sorted header with aria-sort and an arrow', () => {
        const headers = headerViews({ by: 'amount', direction: 'desc' });
        const amount = headers.find((header) => header.key === 'amount');
        expect(amount).toMatchObject({
            ariaSort: 'descending',
            isSorted: true,
            iconName: 'utility:arrowdown',
            sortHint: 'Sort ascending'
        });
        expect(amount?.thClass).toContain('slds-is-sorted_desc');
        expect(amount?.thClass).toContain('review-numeric');
        expect(headers.filter((header) => header.ariaSort !== null)).toHaveLength(1);
        expect(headers.find((header) => header.key === 'health')?.sortHint).toBe('Sort descending');
        expect(headers.find((header) => header.key === 'name')?.sortHint).toBe('Sort ascending');
    });

    it('shows the fixed columns and the chosen optional ones, in table order', () => {
        const keys = (columns: ColumnKey[]) =>
            headerViews({ by: 'closeDate', direction: 'asc' }, columns).map((header) => header.key);
        expect(keys([])).toEqual(['name', 'owner', 'stage', 'amount', 'closeDate', 'health']);
        expect(keys(['acceptance', 'projectedClose'])).toEqual([
            'name',
            'owner',
            'stage',
            'amount',
            'closeDate',
            'projectedClose',
            'health',
            'acceptance'
        ]);
        expect(keys(['impliedGap', 'planStatus', 'impliedClose'])).toEqual([
            'name',
            'owner',
            'stage',
            'amount',
            'closeDate',
            'impliedClose',
            'impliedGap',
            'planStatus',
            'health'
        ]);
        expect(headerViews(DEFAULT_STATE.sort)).toHaveLength(11);
    });

    it('lets the user choose every optional column, and no fixed one', () => {
        expect(columnChoices().map((choice) => choice.value)).toEqual([
            'projectedClose',
            'closeVariance',
            'impliedClose',
            'impliedGap',
            'planStatus',
            'completion',
            'buyerCompletion',
            'overdue',
            'slipDays',
            'acceptance'
        ]);
        expect(withColumns(['acceptance', 'name', 7, 'slipDays'])).toEqual(['slipDays', 'acceptance']);
        expect(visibleColumns(['slipDays'])).toMatchObject({
            name: true,
            health: true,
            slipDays: true,
            overdue: false
        });
    });

    it('shows an up arrow for an ascending sort', () => {
        const name = headerViews({ by: 'name', direction: 'asc' })[0];
        expect(name).toMatchObject({ ariaSort: 'ascending', iconName: 'utility:arrowup', sortHint: 'Sort descending' });
        expect(name.thClass).toContain('slds-is-sorted_asc');
    });

    it('reads a saved sort back, an unknown column or direction as the fallback', () => {
        const fallback: Sort = { by: 'closeDate', direction: 'asc' };
        expect(restoreSort({ by: 'slipDays', direction: 'desc' }, fallback)).toEqual({
            by: 'slipDays',
            direction: 'desc'
        });
        expect(restoreSort({ by: 'Name; DELETE', direction: 'up' }, fallback)).toEqual(fallback);
    });
});

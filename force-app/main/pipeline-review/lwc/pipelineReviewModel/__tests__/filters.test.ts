import { activeFilterCount, DEFAULT_FILTERS, PLAN_OPTIONS, restoreFilters, withFilter } from '../filters';
import { OWNER } from './reviewFixture';

describe('filters', () => {
    it.each([
        ['scope', 'mine', { scope: 'mine', ownerId: '' }],
        ['ownerId', OWNER, { ownerId: OWNER }],
        ['ownerId', '', { ownerId: '' }],
        ['ownerId', 'not-a-user', { ownerId: '' }],
        ['stageName', 'Prospecting', { stageName: 'Prospecting' }],
        ['stageName', undefined, { stageName: '' }],
        ['closePeriod', 'nextMonth', { closePeriod: 'nextMonth' }],
        ['closePeriod', 'someday', { closePeriod: 'any' }],
        ['health', 'No Active Plan', { health: 'No Active Plan' }],
        ['health', 'Sick', { health: '' }],
        ['plan', 'landsLate', { plan: 'landsLate' }],
        ['plan', 'cannotLand', { plan: 'cannotLand' }],
        ['plan', 'lapsed', { plan: 'lapsed' }],
        ['plan', 'soon', { plan: '' }],
        ['gatedWithoutPlan', true, { gatedWithoutPlan: true }],
        ['gatedWithoutPlan', 'true', { gatedWithoutPlan: false }]
    ])('sets the %s filter to %p', (name, value, expected) => {
        expect(withFilter(DEFAULT_FILTERS, name, value)).toEqual({ ...DEFAULT_FILTERS, ...expected });
    });

    it('clears the owner when the scope changes, since the owner list depends on it', () => {
        const filters = { ...DEFAULT_FILTERS, ownerId: OWNER };
        expect(withFilter(filters, 'scope', 'all')).toEqual({ ...filters, scope: 'all', ownerId: '' });
    });

    it('returns the same filters for an unchanged scope or an unknown filter', () => {
        expect(withFilter(DEFAULT_FILTERS, 'scope', 'team')).toBe(DEFAULT_FILTERS);
        expect(withFilter(DEFAULT_FILTERS, 'amount', 5)).toBe(DEFAULT_FILTERS);
    });

    it.each([
        [{}, 0],
        [{ ownerId: OWNER }, 1],
        [{ scope: 'all' as const }, 0],
        [{ stageName: 'Prospecting', closePeriod: 'overdue' as const }, 2],
        [
            {
                ownerId: OWNER,
                stageName: 'x',
                closePeriod: 'thisYear' as const,
                health: 'At Risk' as const,
                plan: 'active' as const,
                gatedWithoutPlan: true
            },
            6
        ]
    ])('counts %p as %i active filters (scope is not a filter)', (filters, expected) => {
        expect(activeFilterCount({ ...DEFAULT_FILTERS, ...filters })).toBe(expected);
    });

    it('reads saved filters back, each unknown value as its default', () => {
        const saved = { scope: 'mine', ownerId: OWNER, stageName: 'Prospecting', plan: 'soon', gatedWithoutPlan: true };
        expect(restoreFilters(saved)).toEqual({
            ...DEFAULT_FILTERS,
            scope: 'mine',
            ownerId: OWNER,
            stageName: 'Prospecting',
            gatedWithoutPlan: true
        });
        expect(restoreFilters({})).toEqual(DEFAULT_FILTERS);
        expect(restoreFilters({ plan: 'cannotLand' }).plan).toBe('cannotLand');
    });

    it('offers the deals whose plan cannot land by the close date at the pace agreed, after those that land late', () => {
        expect(PLAN_OPTIONS.slice(-2)).toEqual([
            { value: 'landsLate', label: 'Plan lands after close date' },
            { value: 'cannotLand', label: 'Plan cannot land by close date' }
        ]);
    });
});

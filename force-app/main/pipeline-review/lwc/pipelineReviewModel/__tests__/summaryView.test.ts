import { DEFAULT_FILTERS } from '../filters';
import type { Filters } from '../filters';
import type { ReviewSummary } from '../reviewRequest';
import { filtersForTile, summaryView } from '../summaryView';
import type { TileAction } from '../summaryView';
import { LARGE_SUMMARY, NBSP, PAGE } from './reviewFixture';

describe('summary', () => {
    it('shows coverage by amount and by deals when the amounts were summed', () => {
        const view = summaryView(PAGE.summary);
        expect(view?.currencyCode).toBe('EUR');
        expect(view?.amountsNote).toBe('');
        expect(view?.tiles.map((tile) => [tile.key, tile.value, tile.caption, tile.detail])).toEqual([
            ['active', '70%', 'of pipeline amount', '31 of 57 deals (54%)'],
            ['accepted', '25%', 'of pipeline amount', '12 of 57 deals (21%)'],
            ['offTrack', '7', 'deals', '12% of deals'],
            ['late', '5', 'deals', '9% of deals'],
            ['cannotLand', '6', 'deals', '11% of deals'],
            ['gated', '4', 'deals', '7% of deals']
        ]);
        expect(view?.tiles[0]).toMatchObject({
            hasAmounts: true,
            amount: 1715000,
            totalAmount: 2450000,
            explanation: 'Pipeline amount on deals with an active plan'
        });
        expect(view?.tiles.map((tile) => tile.explanation)).toEqual([
            'Pipeline amount on deals with an active plan',
            'Pipeline amount on deals whose buyer accepted the active plan',
            'Deals whose active plan is Off Track',
            'Active plans projecting their close after the close date',
            'Active plans that, at the pace agreed, cannot finish by the close date',
            'Deals in a stage that requires an active plan, without one'
        ]);
    });

    it('offers "Show them" on every tile with deals to show', () => {
        const tiles = summaryView(PAGE.summary)?.tiles ?? [];
        expect(tiles.map((tile) => tile.action)).toEqual([
            'active',
            'accepted',
            'offTrack',
            'late',
            'cannotLand',
            'gated'
        ]);
        expect(tiles.every((tile) => tile.actionLabel === 'Show them')).toBe(true);
        expect(tiles[2]).toMatchObject({
            valueClass: 'slds-text-color_error',
            actionHint: 'Show them, the 7 deals counted by Off track'
        });
        expect(tiles.find((tile) => tile.key === 'cannotLand')).toMatchObject({
            title: 'Plan cannot land by close date',
            value: '6',
            valueClass: 'slds-text-color_error',
            actionHint: 'Show them, the 6 deals counted by Plan cannot land by close date'
        });
    });

    it.each<[TileAction, Partial<Filters>]>([
        ['active', { plan: 'active' }],
        ['accepted', { plan: 'accepted' }],
        ['offTrack', { health: 'Off Track' }],
        ['late', { plan: 'landsLate' }],
        ['cannotLand', { plan: 'cannotLand' }],
        ['gated', { gatedWithoutPlan: true }]
    ])('"Show them" on the %s tile narrows the current filters to its deals', (action, expected) => {
        const current: Filters = { ...DEFAULT_FILTERS, scope: 'all', stageName: 'Prospecting' };
        expect(filtersForTile(current, action)).toEqual({ ...current, ...expected });
        expect(filtersForTile(current, '')).toBe(current);
    });

    it.each<[Partial<Filters>, string[]]>([
        [{ health: 'Off Track' }, ['active', 'accepted', '', 'late', 'cannotLand', 'gated']],
        [{ gatedWithoutPlan: true }, ['active', 'accepted', 'offTrack', 'late', 'cannotLand', '']],
        [{ health: 'At Risk' }, ['active', 'accepted', 'offTrack', 'late', 'cannotLand', 'gated']],
        // Another plan filter is on: switching it would list other deals than the tile counts.
        [{ plan: 'accepted' }, ['', '', 'offTrack', '', '', 'gated']],
        [{ plan: 'cannotLand' }, ['', '', 'offTrack', '', '', 'gated']]
    ])('does not offer a filter that is already on, or that would replace another (%p)', (filters, expected) => {
        const tiles = summaryView(PAGE.summary, { ...DEFAULT_FILTERS, ...filters })?.tiles ?? [];
        expect(tiles.map((tile) => tile.action)).toEqual(expected);
        expect(tiles.map((tile) => (tile.actionLabel ? tile.action : ''))).toEqual(expected);
    });

    it('falls back to shares of deals, and says why, when the pipeline is too large to sum', () => {
        const view = summaryView(LARGE_SUMMARY);
        expect(view?.tiles[0]).toMatchObject({
            value: '49%',
            caption: 'of deals',
            detail: '30,100 of 61,250 deals',
            hasAmounts: false
        });
        expect(view?.amountsNote).toContain('Narrow the filters');
        expect(view?.tiles[1].explanation).toBe('Deals whose buyer accepted the active plan');
    });

    it('shows nothing to act on for an empty pipeline', () => {
        const view = summaryView({
            deals: 0,
            activePlanDeals: 0,
            acceptedPlanDeals: 0,
            offTrackDeals: 0,
            landsAfterCloseDeals: 0,
            cannotLandDeals: 0,
            gatedWithoutPlanDeals: 0,
            amountsAvailable: false
        });
        expect(view?.tiles.every((tile) => tile.action === '')).toBe(true);
        expect(view?.tiles[0].value).toBe('—');
        expect(view?.currencyCode).toBe('USD');
        expect(view?.amountsNote).toBe('');
    });

    it('is absent until the server sends it', () => {
        expect(summaryView(null)).toBeNull();
    });
});

describe("in the user's locale", () => {
    it('groups thousands and writes shares as the user does (de-DE: "1.234", "63 %")', () => {
        const view = summaryView(LARGE_SUMMARY, DEFAULT_FILTERS, { locale: 'de-DE' });
        expect(view?.tiles[0]).toMatchObject({ value: `49${NBSP}%`, detail: '30.100 of 61.250 deals' });
        expect(view?.tiles[2]).toMatchObject({ value: '2.400', detail: `4${NBSP}% of deals` });
    });

    it("names amounts in the server's currency, else the user's", () => {
        expect(summaryView(LARGE_SUMMARY, DEFAULT_FILTERS, { currency: 'EUR' })?.currencyCode).toBe('USD');
        const noCurrency = { ...LARGE_SUMMARY, currencyCode: null } as unknown as ReviewSummary;
        expect(summaryView(noCurrency, DEFAULT_FILTERS, { currency: 'EUR' })?.currencyCode).toBe('EUR');
    });
});

import {
    COLUMNS,
    DEFAULT_COLUMNS,
    DEFAULT_FILTERS,
    DEFAULT_STATE,
    activeFilterCount,
    buildRequest,
    columnChoices,
    filtersForTile,
    headerViews,
    nextSort,
    ownerOptions,
    pagingView,
    recordUrl,
    reduceErrors,
    restoreState,
    repViews,
    drillIntoRep,
    rowView,
    rowViews,
    serializeState,
    share,
    stageOptions,
    storageKey,
    summaryView,
    visibleColumns,
    withColumns,
    withFilter
} from 'c/pipelineReviewModel';
import type {
    ColumnKey,
    Filters,
    ReviewPage,
    ReviewRow,
    ReviewState,
    ReviewSummary,
    Sort,
    TileAction
} from 'c/pipelineReviewModel';
const PAGE = jest.requireActual<ReviewPage>('./data/firstPage.json');
const LARGE_SUMMARY = jest.requireActual<ReviewSummary>('./data/largeSummary.json');
const [ACME, GLOBEX, INITECH, UMBRELLA, HOOLI] = PAGE.rows;
const OWNER = '005Hs00000DanaAAAA';

function state(overrides: Partial<ReviewState> = {}, filters: Partial<Filters> = {}): ReviewState {
    return { ...DEFAULT_STATE, ...overrides, filters: { ...DEFAULT_FILTERS, ...filters } };
}

describe('review state', () => {
    it('starts on my team, soonest close date first, 50 rows a page, no filter', () => {
        expect(DEFAULT_STATE).toEqual({
            filters: {
                scope: 'team',
                ownerId: '',
                stageName: '',
                closePeriod: 'any',
                health: '',
                plan: '',
                gatedWithoutPlan: false
            },
            sort: { by: 'closeDate', direction: 'asc' },
            pageSize: 50,
            columns: ['projectedClose', 'closeVariance', 'planStatus', 'completion', 'overdue'],
            groupBy: ''
        });
    });

    it('keeps one saved state per user', () => {
        expect(storageKey('005A')).toBe('tandem.pipelineReview.v1.005A');
        expect(storageKey('005A')).not.toBe(storageKey('005B'));
    });

    it('restores what it saved', () => {
        const saved = state(
            { sort: { by: 'health', direction: 'desc' }, pageSize: 100, columns: ['slipDays', 'acceptance'] },
            {
                scope: 'all',
                ownerId: OWNER,
                stageName: 'Negotiation/Review',
                closePeriod: 'thisQuarter',
                health: 'Off Track',
                plan: 'accepted',
                gatedWithoutPlan: true
            }
        );
        expect(restoreState(serializeState(saved))).toEqual(saved);
    });

    it.each([
        ['nothing saved', null],
        ['an empty string', ''],
        ['text that is not JSON', '{not json'],
        ['a JSON array', '[1,2]'],
        ['a JSON number', '42']
    ])('falls back to the defaults for %s', (_label, saved) => {
        expect(restoreState(saved)).toEqual(DEFAULT_STATE);
    });

    it.each([
        ['an unknown scope', { filters: { scope: 'everyone' } }, (s: ReviewState) => s.filters.scope, 'team'],
        [
            'an owner that is not a user Id',
            { filters: { ownerId: '001xx' } },
            (s: ReviewState) => s.filters.ownerId,
            ''
        ],
        [
            'a stage that is too long',
            { filters: { stageName: 'x'.repeat(256) } },
            (s: ReviewState) => s.filters.stageName,
            ''
        ],
        [
            'an unknown close period',
            { filters: { closePeriod: 'LAST_N_DAYS:9' } },
            (s: ReviewState) => s.filters.closePeriod,
            'any'
        ],
        ['an unknown health', { filters: { health: 'Fine' } }, (s: ReviewState) => s.filters.health, ''],
        ['an unknown plan filter', { filters: { plan: 'all of them' } }, (s: ReviewState) => s.filters.plan, ''],
        [
            'columns that are fixed or unknown',
            { columns: ['name', 'acceptance', 'nope', 'projectedClose'] },
            (s: ReviewState) => s.columns,
            ['projectedClose', 'acceptance']
        ],
        ['columns that are not a list', { columns: 'all' }, (s: ReviewState) => s.columns, [...DEFAULT_COLUMNS]],
        [
            'a gate flag that is not true',
            { filters: { gatedWithoutPlan: 'yes' } },
            (s: ReviewState) => s.filters.gatedWithoutPlan,
            false
        ],
        ['an unknown sort column', { sort: { by: 'Name; DELETE' } }, (s: ReviewState) => s.sort.by, 'closeDate'],
        ['an unknown direction', { sort: { direction: 'sideways' } }, (s: ReviewState) => s.sort.direction, 'asc'],
        ['a page size not offered', { pageSize: 7 }, (s: ReviewState) => s.pageSize, 50]
    ])('replaces %s with its default', (_label, saved, read, expected) => {
        expect(read(restoreState(JSON.stringify(saved)))).toEqual(expected);
    });

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
});

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
        expect(headerViews(DEFAULT_STATE.sort)).toHaveLength(11);
    });

    it('lets the user choose every optional column, and no fixed one', () => {
        expect(columnChoices().map((choice) => choice.value)).toEqual([
            'projectedClose',
            'closeVariance',
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
});

describe('the page request', () => {
    it('sends blank filters as null and everything else as chosen', () => {
        expect(buildRequest(DEFAULT_STATE, null, { summary: true, options: true })).toEqual({
            scope: 'team',
            ownerId: null,
            stageName: null,
            closePeriod: 'any',
            health: null,
            plan: null,
            gatedWithoutPlan: false,
            sortBy: 'closeDate',
            sortDirection: 'asc',
            pageSize: 50,
            cursor: null,
            includeSummary: true,
            includeOptions: true,
            groupBy: null
        });
    });

    it('carries the filters, the sort, the page size and the cursor of the next page', () => {
        const cursor = { segment: 1, lastValue: '12', lastId: '006Hs00001AcmeAAAA' };
        const request = buildRequest(
            state(
                { sort: { by: 'slipDays', direction: 'desc' }, pageSize: 25 },
                {
                    ownerId: OWNER,
                    stageName: 'Prospecting',
                    health: 'At Risk',
                    plan: 'landsLate',
                    gatedWithoutPlan: true
                }
            ),
            cursor,
            { summary: false, options: false }
        );
        expect(request).toMatchObject({
            ownerId: OWNER,
            stageName: 'Prospecting',
            health: 'At Risk',
            plan: 'landsLate',
            gatedWithoutPlan: true,
            sortBy: 'slipDays',
            sortDirection: 'desc',
            pageSize: 25,
            cursor,
            includeSummary: false,
            includeOptions: false
        });
    });
});

describe('rows', () => {
    it('links each opportunity to its record page', () => {
        expect(recordUrl('006Hs00001AcmeAAAA')).toBe('/lightning/r/Opportunity/006Hs00001AcmeAAAA/view');
        expect(rowView(ACME)).toMatchObject({
            key: ACME.opportunityId,
            name: 'Acme platform expansion',
            accountName: 'Acme Corporation',
            openLabel: 'Open Acme platform expansion and its plan',
            ownerName: 'Dana Rep',
            stageName: 'Negotiation/Review',
            amount: 120000,
            hasAmount: true,
            closeDate: '2026-03-31'
        });
    });

    it('shows an on-track, accepted plan that lands before the close date', () => {
        expect(rowView(ACME)).toMatchObject({
            hasGateGap: false,
            planLabel: 'Active',
            planTitle: 'Acme go-live plan (Active)',
            hasPlan: true,
            completion: 63,
            completionText: '63%',
            completionDetail: '5 of 8',
            buyerCompletion: 67,
            buyerCompletionText: '67%',
            buyerCompletionDetail: '2 of 3',
            overdueText: 'None',
            slipText: 'None',
            acceptanceText: 'Accepted',
            acceptanceClass: 'slds-text-color_success',
            projectedClose: '2026-03-25',
            projectedNote: '',
            varianceText: '6 days early',
            varianceTitle: "The plan closes 6 days before the opportunity's close date."
        });
        expect(rowView(ACME).badge.label).toBe('On Track');
    });

    it('flags an off-track plan: overdue buyer milestones, slip, and a projected close after the close date', () => {
        expect(rowView(GLOBEX)).toMatchObject({
            overdueText: '2 milestones',
            overdueDetail: '1 on the buyer side, oldest 9 days late',
            overdueClass: 'slds-text-color_error',
            slipText: '14 days',
            acceptanceText: 'Not yet',
            varianceText: '12 days late',
            varianceClass: 'slds-text-color_error'
        });
        expect(rowView(GLOBEX).badge.themeClass).toContain('slds-theme_error');
    });

    it('shows a draft plan as a draft, on the close date', () => {
        expect(rowView(INITECH)).toMatchObject({
            planLabel: 'Draft',
            planClass: 'slds-text-color_weak',
            completionText: '0%',
            varianceText: 'On the close date'
        });
        expect(rowView(INITECH).badge.label).toBe('Draft');
    });

    it('warns about a deal in a gated stage without an active plan', () => {
        expect(rowView(UMBRELLA)).toMatchObject({
            hasGateGap: true,
            gateText: 'This stage requires an active plan; there is none.',
            hasPlan: false,
            planLabel: 'No plan',
            hasAmount: false,
            amount: null,
            completionText: '—',
            buyerCompletionText: '—',
            overdueText: '—',
            slipText: '—',
            acceptanceText: '—',
            projectedNote: '—',
            varianceText: '—'
        });
        expect(rowView(UMBRELLA).badge.label).toBe('No plan');
    });

    it.each<[string, Partial<ReviewRow>, string]>([
        [
            'an accepted-plan stage without any active plan',
            { stageNeedsActivePlan: true, stageNeedsAcceptedPlan: true, hasActivePlan: false },
            'This stage requires a buyer-accepted active plan; there is no active plan.'
        ],
        [
            'an accepted-plan stage whose active plan the buyer has not accepted',
            { stageNeedsActivePlan: true, stageNeedsAcceptedPlan: true, hasActivePlan: true, hasAcceptedPlan: false },
            'This stage requires the buyer to accept the active plan.'
        ],
        ['an ungated stage', { stageNeedsActivePlan: false, stageNeedsAcceptedPlan: false }, '']
    ])('explains the gate for %s', (_label, flags, expected) => {
        expect(rowView({ ...ACME, ...flags }).gateText).toBe(expected);
    });

    it('says when the plan has no close milestone or the buyer owns no milestone', () => {
        expect(rowView(HOOLI)).toMatchObject({
            projectedClose: null,
            projectedNote: 'No close milestone',
            varianceText: '—',
            buyerCompletionText: 'None owned',
            buyerCompletionDetail: '',
            overdueText: '1 milestone',
            overdueDetail: 'oldest 2 days late',
            slipText: '6 days'
        });
    });

    it('uses the server variance when the opportunity has no close date to compare', () => {
        expect(rowView({ ...GLOBEX, closeDate: null }).varianceText).toBe('12 days late');
        expect(rowView({ ...GLOBEX, closeDate: null, closeDateVarianceDays: null }).varianceText).toBe('—');
    });

    it('tolerates a row with nothing but its name', () => {
        const row = rowView({ opportunityId: '006Hs00001EmptyAAAA', name: 'Bare deal' });
        expect(row).toMatchObject({ accountName: '', ownerName: '', stageName: '', closeDate: null, hasPlan: false });
    });

    it('shows an active plan without a status as a draft, and a completed one as completed', () => {
        expect(rowView({ ...ACME, planStatus: null, planName: null }).planTitle).toBe('Draft');
        expect(rowView({ ...ACME, planStatus: 'Completed', health: 'Completed' }).badge.label).toBe('Completed');
    });

    it('maps a whole page, and nothing to nothing', () => {
        expect(rowViews(PAGE.rows)).toHaveLength(5);
        expect(rowViews(null)).toEqual([]);
    });
});

describe('summary', () => {
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

    it('shows coverage by amount and by deals when the amounts were summed', () => {
        const view = summaryView(PAGE.summary);
        expect(view?.currencyCode).toBe('EUR');
        expect(view?.amountsNote).toBe('');
        expect(view?.tiles.map((tile) => [tile.key, tile.value, tile.caption, tile.detail])).toEqual([
            ['active', '70%', 'of pipeline amount', '31 of 57 deals (54%)'],
            ['accepted', '25%', 'of pipeline amount', '12 of 57 deals (21%)'],
            ['offTrack', '7', 'deals', '12% of deals'],
            ['late', '5', 'deals', '9% of deals'],
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
            'Deals in a stage that requires an active plan, without one'
        ]);
    });

    it('offers "Show them" on every tile with deals to show', () => {
        const tiles = summaryView(PAGE.summary)?.tiles ?? [];
        expect(tiles.map((tile) => tile.action)).toEqual(['active', 'accepted', 'offTrack', 'late', 'gated']);
        expect(tiles.every((tile) => tile.actionLabel === 'Show them')).toBe(true);
        expect(tiles[2]).toMatchObject({
            valueClass: 'slds-text-color_error',
            actionHint: 'Show them, the 7 deals counted by Off track'
        });
    });

    it.each<[TileAction, Partial<Filters>]>([
        ['active', { plan: 'active' }],
        ['accepted', { plan: 'accepted' }],
        ['offTrack', { health: 'Off Track' }],
        ['late', { plan: 'landsLate' }],
        ['gated', { gatedWithoutPlan: true }]
    ])('"Show them" on the %s tile narrows the current filters to its deals', (action, expected) => {
        const current: Filters = { ...DEFAULT_FILTERS, scope: 'all', stageName: 'Prospecting' };
        expect(filtersForTile(current, action)).toEqual({ ...current, ...expected });
        expect(filtersForTile(current, '')).toBe(current);
    });

    it.each<[Partial<Filters>, string[]]>([
        [{ health: 'Off Track' }, ['active', 'accepted', '', 'late', 'gated']],
        [{ gatedWithoutPlan: true }, ['active', 'accepted', 'offTrack', 'late', '']],
        [{ health: 'At Risk' }, ['active', 'accepted', 'offTrack', 'late', 'gated']],
        // Another plan filter is on: switching it would list other deals than the tile counts.
        [{ plan: 'accepted' }, ['', '', 'offTrack', '', 'gated']]
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

describe('filter options', () => {
    it('lists every owner after "All owners", keeping a saved owner no longer listed', () => {
        expect(ownerOptions(PAGE.options, '').map((option) => option.label)).toEqual([
            'All owners',
            'Ada Manager',
            'Dana Rep',
            'Sam Seller'
        ]);
        expect(ownerOptions(null, OWNER)).toEqual([
            { value: '', label: 'All owners' },
            { value: OWNER, label: 'Selected owner' }
        ]);
        expect(ownerOptions(PAGE.options, OWNER)).toHaveLength(4);
    });

    it('lists open stages after "All open stages", keeping a saved stage no longer offered', () => {
        expect(stageOptions(PAGE.options, '')[0]).toEqual({ value: '', label: 'All open stages' });
        expect(stageOptions(PAGE.options, 'Prospecting')).toHaveLength(6);
        expect(stageOptions(null, 'Legacy Stage')).toEqual([
            { value: '', label: 'All open stages' },
            { value: 'Legacy Stage', label: 'Legacy Stage' }
        ]);
    });
});

describe('errors', () => {
    it.each([
        ['an Apex error', { body: { message: 'You do not have access.' } }, ['You do not have access.']],
        [
            'a list of page errors',
            { body: [{ message: 'First' }, { message: 'Second' }, { other: 1 }] },
            ['First', 'Second']
        ],
        ['a JavaScript error', new Error('Network down'), ['Network down']],
        ['a string', 'Plain text', ['Plain text']],
        ['several errors', [{ body: { message: 'A' } }, 'B', null], ['A', 'B']],
        ['something unreadable', { status: 500 }, ['Something went wrong while loading the pipeline review.']],
        ['nothing', undefined, ['Something went wrong while loading the pipeline review.']],
        ['a number', 42, ['Something went wrong while loading the pipeline review.']]
    ])('reads %s', (_label, error, expected) => {
        expect(reduceErrors(error)).toEqual(expected);
    });
});

describe('the review by rep', () => {
    const REPS = [
        {
            ownerId: OWNER,
            ownerName: 'Dana Rep',
            deals: 1200,
            activePlanDeals: 600,
            acceptedPlanDeals: 300,
            offTrackDeals: 12,
            slippedDeals: 40,
            staleDeals: 3
        },
        {
            ownerId: '005Hs00000SamRepAAA',
            ownerName: null,
            deals: 2,
            activePlanDeals: 0,
            acceptedPlanDeals: 0,
            offTrackDeals: 0,
            slippedDeals: 0,
            staleDeals: 0
        }
    ];

    it('asks for the figures per rep with the same filters, and remembers the choice', () => {
        const grouped = state({ groupBy: 'owner' }, { stageName: 'Negotiation/Review' });
        expect(buildRequest(grouped, null, { summary: true, options: false })).toMatchObject({
            groupBy: 'owner',
            stageName: 'Negotiation/Review'
        });
        expect(restoreState(serializeState(grouped)).groupBy).toBe('owner');
        expect(restoreState(JSON.stringify({ groupBy: 'region' })).groupBy).toBe('');
    });

    it('shows each rep with coverage as counts and shares, grouped thousands, and flags off-track plans', () => {
        expect(repViews(REPS, 'en-US')).toEqual([
            {
                key: OWNER,
                ownerId: OWNER,
                name: 'Dana Rep',
                deals: '1,200',
                activeCoverage: '600 of 1,200 (50%)',
                acceptedCoverage: '300 of 1,200 (25%)',
                offTrack: '12',
                slipped: '40',
                stale: '3',
                drillLabel: 'Show the deals of Dana Rep',
                offTrackClass: 'slds-text-color_error'
            },
            expect.objectContaining({
                name: 'Unknown user',
                activeCoverage: '0 of 2 (0%)',
                offTrackClass: ''
            })
        ]);
        expect(repViews(null)).toEqual([]);
    });

    it('drills into one rep: the deals view, filtered to that rep', () => {
        const grouped = state({ groupBy: 'owner' }, { ownerId: '', health: 'Off Track' });
        expect(drillIntoRep(grouped, OWNER)).toEqual(state({ groupBy: '' }, { ownerId: OWNER, health: 'Off Track' }));
    });
});

describe("in the user's locale", () => {
    const NBSP = '\u00a0';

    it('groups thousands and writes shares as the user does (de-DE: "1.234", "63 %")', () => {
        expect(rowView(ACME, 'de-DE')).toMatchObject({
            completionText: `63${NBSP}%`,
            completionDetail: '5 of 8',
            varianceTitle: "The plan closes 6 days before the opportunity's close date."
        });
        expect(rowView({ ...GLOBEX, totalSlipDays: 1234 }, 'de-DE').slipText).toBe('1.234 days');
        const view = summaryView(LARGE_SUMMARY, DEFAULT_FILTERS, { locale: 'de-DE' });
        expect(view?.tiles[0]).toMatchObject({ value: `49${NBSP}%`, detail: '30.100 of 61.250 deals' });
        expect(view?.tiles[2]).toMatchObject({ value: '2.400', detail: `4${NBSP}% of deals` });
        expect(pagingView(0, 200, 200, 4500, true, 'de-DE').rangeLabel).toBe('1–200 of 4.500');
        const rep = { ownerId: OWNER, ownerName: 'Dana Rep', deals: 1200, activePlanDeals: 600 };
        const reps = [{ ...rep, acceptedPlanDeals: 0, offTrackDeals: 0, slippedDeals: 0, staleDeals: 0 }];
        expect(repViews(reps, 'de-DE')[0]).toMatchObject({
            deals: '1.200',
            activeCoverage: `600 of 1.200 (50${NBSP}%)`
        });
    });

    it("names amounts in the server's currency, else the user's", () => {
        expect(summaryView(LARGE_SUMMARY, DEFAULT_FILTERS, { currency: 'EUR' })?.currencyCode).toBe('USD');
        const noCurrency = { ...LARGE_SUMMARY, currencyCode: null } as unknown as ReviewSummary;
        expect(summaryView(noCurrency, DEFAULT_FILTERS, { currency: 'EUR' })?.currencyCode).toBe('EUR');
    });
});

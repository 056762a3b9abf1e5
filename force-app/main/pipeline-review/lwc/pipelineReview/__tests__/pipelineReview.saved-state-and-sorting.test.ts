import {
    setUpReview,
    $,
    $$,
    ACME,
    DANA,
    NEXT_PAGE,
    USER_ID,
    cell,
    changeCombobox,
    click,
    lastRequest,
    mockLoadPage,
    render,
    settle,
    storageKey,
    text
} from './reviewHarness';

describe('c-pipeline-review', () => {
    setUpReview();

    describe('state that survives a reload', () => {
        it('saves the filters, the sort and the page size for this user', async () => {
            const element = await render();
            await changeCombobox(element, 'health', 'At Risk');
            await click($(element, 'button[data-key="amount"]'));

            const saved = JSON.parse(window.localStorage.getItem(storageKey(USER_ID)) ?? '{}');
            expect(saved.filters.health).toBe('At Risk');
            expect(saved.sort).toEqual({ by: 'amount', direction: 'desc' });
            expect(saved.pageSize).toBe(50);
        });

        it('shows the columns this user chose, and remembers the choice for them alone', async () => {
            const element = await render();
            const headers = () => $$(element, 'thead button').map((button) => button.dataset.key);
            expect(headers()).not.toContain('acceptance');
            expect($(element, 'lightning-checkbox-group')).toBeNull();

            await click($(element, 'button[data-id="columns"]'));
            expect($(element, 'button[data-id="columns"]')?.getAttribute('aria-expanded')).toBe('true');
            const chooser = $(element, 'lightning-checkbox-group') as unknown as HTMLElement & { value: string[] };
            expect(chooser.value).toEqual(['projectedClose', 'closeVariance', 'planStatus', 'completion', 'overdue']);
            chooser.dispatchEvent(
                new CustomEvent('change', { detail: { value: ['acceptance', 'projectedClose', 'name'] } })
            );
            await settle();

            expect(headers()).toEqual([
                'name',
                'owner',
                'stage',
                'amount',
                'closeDate',
                'projectedClose',
                'health',
                'acceptance'
            ]);
            expect($(element, `tr[data-row="${ACME}"] [data-col="completion"]`)).toBeNull();
            expect(cell(element, ACME, 'acceptance')).toBe('Accepted');
            const saved = JSON.parse(window.localStorage.getItem(storageKey(USER_ID)) ?? '{}');
            expect(saved.columns).toEqual(['projectedClose', 'acceptance']);
            expect(window.localStorage.getItem(storageKey('005000000000000001'))).toBeNull();
            expect(mockLoadPage).toHaveBeenCalledTimes(1);
        });

        it('starts from the saved view after a reload', async () => {
            window.localStorage.setItem(
                storageKey(USER_ID),
                JSON.stringify({
                    filters: {
                        scope: 'all',
                        ownerId: DANA,
                        stageName: '',
                        closePeriod: 'nextQuarter',
                        health: '',
                        gatedWithoutPlan: true
                    },
                    sort: { by: 'slipDays', direction: 'desc' },
                    pageSize: 100,
                    columns: ['slipDays']
                })
            );

            const element = await render();

            expect(lastRequest()).toMatchObject({
                scope: 'all',
                ownerId: DANA,
                closePeriod: 'nextQuarter',
                gatedWithoutPlan: true,
                sortBy: 'slipDays',
                sortDirection: 'desc',
                pageSize: 100,
                includeSummary: true,
                includeOptions: true
            });
            expect(($(element, 'lightning-combobox[data-filter="scope"]') as unknown as { value: string }).value).toBe(
                'all'
            );
            expect($(element, 'th[aria-sort="descending"] button')?.dataset.key).toBe('slipDays');
            expect($$(element, 'thead button').map((button) => button.dataset.key)).toEqual([
                'name',
                'owner',
                'stage',
                'amount',
                'closeDate',
                'health',
                'slipDays'
            ]);
        });

        it('ignores a saved view it cannot read', async () => {
            window.localStorage.setItem(storageKey(USER_ID), '{"filters": "broken"');

            await render();

            expect(lastRequest()).toMatchObject({ scope: 'team', sortBy: 'closeDate', pageSize: 50 });
        });

        it('still works when the browser refuses storage', async () => {
            const getItem = jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
                throw new Error('blocked');
            });
            const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
                throw new Error('blocked');
            });
            try {
                const element = await render();
                await changeCombobox(element, 'health', 'On Track');
                expect(lastRequest()).toMatchObject({ health: 'On Track' });
            } finally {
                getItem.mockRestore();
                setItem.mockRestore();
            }
        });
    });

    describe('sorting', () => {
        it('sorts every column from its header, on the server, from the first page', async () => {
            const element = await render();
            const keys = $$(element, 'thead button').map((button) => button.dataset.key);
            expect(keys).toEqual([
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
                'overdue'
            ]);

            await click($(element, 'button[data-key="health"]'));

            expect(lastRequest()).toMatchObject({
                sortBy: 'health',
                sortDirection: 'desc',
                cursor: null,
                includeSummary: false,
                includeOptions: false
            });
            expect($(element, 'th[aria-sort="descending"] button')?.dataset.key).toBe('health');
            expect($$(element, 'th[aria-sort]')).toHaveLength(1);
        });

        it.each([
            ['projectedClose', 'asc'],
            ['closeVariance', 'desc']
        ])('sorts %s from its own header, first %s', async (key, direction) => {
            const element = await render();

            await click($(element, `button[data-key="${key}"]`));

            expect(lastRequest()).toMatchObject({ sortBy: key, sortDirection: direction, cursor: null });
        });

        it.each([
            ['impliedClose', 'asc'],
            ['impliedGap', 'desc']
        ])('sorts %s, once chosen, from its own header, first %s', async (key, direction) => {
            window.localStorage.setItem(
                storageKey(USER_ID),
                JSON.stringify({ columns: ['impliedClose', 'impliedGap'] })
            );
            const element = await render();

            await click($(element, `button[data-key="${key}"]`));

            expect(lastRequest()).toMatchObject({ sortBy: key, sortDirection: direction, cursor: null });
            expect($(element, `th[aria-sort] button`)?.dataset.key).toBe(key);
        });

        it('flips the direction when the sorted column is clicked again', async () => {
            const element = await render();
            expect($(element, 'th[aria-sort="ascending"] button')?.dataset.key).toBe('closeDate');

            await click($(element, 'button[data-key="closeDate"]'));

            expect(lastRequest()).toMatchObject({ sortBy: 'closeDate', sortDirection: 'desc' });
            expect($(element, 'th[aria-sort="descending"] button')?.dataset.key).toBe('closeDate');
        });

        it('keeps the summary of the filters when only the order changes', async () => {
            const element = await render();
            mockLoadPage.mockResolvedValue(NEXT_PAGE);

            await click($(element, 'button[data-key="name"]'));

            expect(text($(element, 'li[data-tile="offTrack"] [data-id="value"]'))).toBe('7');
        });
    });
});

import {
    setUpReview,
    $,
    $$,
    DANA,
    FIRST_PAGE,
    LARGE_SUMMARY,
    changeCombobox,
    click,
    lastRequest,
    mockLoadPage,
    render,
    settle,
    text
} from './reviewHarness';

describe('c-pipeline-review', () => {
    setUpReview();

    describe('summary', () => {
        it('shows coverage by an active and by a buyer-accepted plan, off-track deals and late landings', async () => {
            const element = await render();

            const tile = (key: string) => $(element, `li[data-tile="${key}"]`);
            expect(text(tile('active')?.querySelector('[data-id="value"]') ?? null)).toBe('70%');
            expect(text(tile('active')?.querySelector('[data-id="detail"]') ?? null)).toBe('31 of 57 deals (54%)');
            expect(tile('active')?.querySelectorAll('lightning-formatted-number')).toHaveLength(2);
            expect(text(tile('accepted')?.querySelector('[data-id="value"]') ?? null)).toBe('25%');
            expect(text(tile('offTrack')?.querySelector('[data-id="value"]') ?? null)).toBe('7');
            expect(text(tile('late')?.querySelector('[data-id="value"]') ?? null)).toBe('5');
            expect(text(tile('cannotLand')?.querySelector('[data-id="value"]') ?? null)).toBe('6');
            expect(text(tile('gated')?.querySelector('[data-id="value"]') ?? null)).toBe('4');
            expect($(element, '[data-id="amounts-note"]')).toBeNull();
        });

        it('says under every figure what the tile counts, and offers "Show them" on each', async () => {
            const element = await render();

            const tiles = $$(element, 'li[data-tile]');
            expect(tiles.map((tile) => tile.dataset.tile)).toEqual([
                'active',
                'accepted',
                'offTrack',
                'late',
                'cannotLand',
                'gated'
            ]);
            for (const tile of tiles) {
                expect(text(tile.querySelector('[data-id="explanation"]'))).not.toBe('');
                const button = tile.querySelector('button') as HTMLElement;
                expect(text(button)).toBe('Show them');
                // The accessible name: the visible label first, then which tile, with no stray symbols.
                expect(button.getAttribute('aria-label')).toMatch(
                    /^Show them, the \d+ deals? counted by [A-Za-z ,-]+$/
                );
            }
            expect(text($(element, 'li[data-tile="late"] [data-id="explanation"]'))).toBe(
                'Active plans projecting their close after the close date'
            );
            expect(text($(element, 'li[data-tile="cannotLand"] .slds-text-title'))).toBe(
                'Plan cannot land by close date'
            );
            expect(text($(element, 'li[data-tile="cannotLand"] [data-id="explanation"]'))).toBe(
                'Active plans that, at the pace agreed, cannot finish by the close date'
            );
        });

        it.each([
            ['active', { plan: 'active' }],
            ['accepted', { plan: 'accepted' }],
            ['late', { plan: 'landsLate' }],
            ['cannotLand', { plan: 'cannotLand' }]
        ])('lists the deals of the %s tile with the plan filter', async (tile, expected) => {
            const element = await render();

            await click($(element, `li[data-tile="${tile}"] button`));

            expect(lastRequest()).toMatchObject({ ...expected, includeSummary: true, cursor: null });
            expect(($(element, 'lightning-combobox[data-filter="plan"]') as unknown as { value: string }).value).toBe(
                expected.plan
            );
        });

        it('explains when the amounts were too many to add up', async () => {
            const element = await render({ ...FIRST_PAGE, summary: LARGE_SUMMARY });

            expect(text($(element, '[data-id="amounts-note"]'))).toContain('Narrow the filters to see amounts.');
            expect($(element, 'li[data-tile="active"] [data-id="amounts"]')).toBeNull();
        });

        it('filters to the off-track deals from their tile', async () => {
            const element = await render();

            await click($(element, 'li[data-tile="offTrack"] button'));

            expect(lastRequest()).toMatchObject({ health: 'Off Track', includeSummary: true, cursor: null });
            expect($(element, 'li[data-tile="offTrack"] button')).toBeNull();
        });

        it('filters to the gated deals without a plan from their tile', async () => {
            const element = await render();

            await click($(element, 'li[data-tile="gated"] button'));

            expect(lastRequest()).toMatchObject({ gatedWithoutPlan: true, includeSummary: true });
            expect(($(element, 'lightning-input[data-filter="gatedWithoutPlan"]') as HTMLInputElement).checked).toBe(
                true
            );
        });
    });

    describe('filters', () => {
        it('offers the owners and the open stages the server sent', async () => {
            const element = await render();

            const owners = (
                $(element, 'lightning-combobox[data-filter="ownerId"]') as unknown as { options: unknown[] }
            ).options;
            const stages = (
                $(element, 'lightning-combobox[data-filter="stageName"]') as unknown as { options: unknown[] }
            ).options;
            expect(owners).toHaveLength(4);
            expect(stages).toHaveLength(6);
        });

        it.each([
            ['ownerId', DANA, { ownerId: DANA }],
            ['stageName', 'Negotiation/Review', { stageName: 'Negotiation/Review' }],
            ['closePeriod', 'thisQuarter', { closePeriod: 'thisQuarter' }],
            ['health', 'At Risk', { health: 'At Risk' }]
        ])('reloads the first page and the summary for the %s filter', async (filter, value, expected) => {
            const element = await render();

            await changeCombobox(element, filter, value);

            expect(mockLoadPage).toHaveBeenCalledTimes(2);
            expect(lastRequest()).toMatchObject({
                ...expected,
                cursor: null,
                includeSummary: true,
                includeOptions: false
            });
        });

        it('reloads the owners too when the scope changes, and forgets the owner chosen in the old scope', async () => {
            const element = await render();
            await changeCombobox(element, 'ownerId', DANA);

            await changeCombobox(element, 'scope', 'all');

            expect(lastRequest()).toMatchObject({ scope: 'all', ownerId: null, includeOptions: true });
        });

        it('ignores a change to the value already chosen', async () => {
            const element = await render();

            await changeCombobox(element, 'scope', 'team');

            expect(mockLoadPage).toHaveBeenCalledTimes(1);
        });

        it('finds deals in a gated stage without an active plan', async () => {
            const element = await render();
            const checkbox = $(element, 'lightning-input[data-filter="gatedWithoutPlan"]') as HTMLInputElement;

            checkbox.checked = true;
            checkbox.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
            await settle();

            expect(lastRequest()).toMatchObject({ gatedWithoutPlan: true, includeSummary: true });
        });

        it('clears every filter but the scope', async () => {
            const element = await render();
            await changeCombobox(element, 'scope', 'mine');
            await changeCombobox(element, 'health', 'Off Track');
            await changeCombobox(element, 'closePeriod', 'overdue');
            const clear = $(element, 'lightning-button[data-id="clear"]') as unknown as {
                label: string;
                disabled: boolean;
            };
            expect(clear.label).toBe('Clear filters (2)');
            expect(clear.disabled).toBe(false);

            await click(clear as unknown as HTMLElement);

            expect(lastRequest()).toMatchObject({ scope: 'mine', health: null, closePeriod: 'any' });
            expect(clear.label).toBe('Clear filters');
            expect(clear.disabled).toBe(true);
        });
    });
});

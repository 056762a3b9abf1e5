import {
    setUpReview,
    $,
    $$,
    DANA,
    EMPTY_PAGE,
    FIRST_PAGE,
    LAST_PAGE,
    NEXT_PAGE,
    PipelineReview,
    changeCombobox,
    click,
    createElement,
    lastRequest,
    mockLoadPage,
    render,
    settle,
    text
} from './reviewHarness';
import type { ReviewPage } from './reviewHarness';

describe('c-pipeline-review', () => {
    setUpReview();

    describe('paging', () => {
        it('asks for the next page from where the server said it starts, without recounting', async () => {
            const element = await render();
            mockLoadPage.mockResolvedValue(NEXT_PAGE);

            await click($(element, 'lightning-button[data-id="next"]'));

            expect(lastRequest()).toMatchObject({
                cursor: FIRST_PAGE.nextCursor,
                includeSummary: false,
                includeOptions: false
            });
            expect($$(element, 'tbody tr')).toHaveLength(1);
            expect(text($(element, '[data-id="range"]'))).toBe('51–51 of 57 Page 2 of 2');
        });

        it('goes back to a page by the cursor it started from', async () => {
            const element = await render();
            mockLoadPage.mockResolvedValue(NEXT_PAGE);
            await click($(element, 'lightning-button[data-id="next"]'));
            mockLoadPage.mockResolvedValue(FIRST_PAGE);

            await click($(element, 'lightning-button[data-id="previous"]'));

            expect(lastRequest()).toMatchObject({ cursor: null, includeSummary: false });
            expect($$(element, 'tbody tr')).toHaveLength(5);
        });

        it('disables Previous on the first page and Next once every deal was shown', async () => {
            const element = await render();
            const previous = $(element, 'lightning-button[data-id="previous"]') as unknown as { disabled: boolean };
            const next = $(element, 'lightning-button[data-id="next"]') as unknown as { disabled: boolean };
            expect(previous.disabled).toBe(true);
            expect(next.disabled).toBe(false);

            mockLoadPage.mockResolvedValue(LAST_PAGE);
            await click(next as unknown as HTMLElement);

            expect(previous.disabled).toBe(false);
            expect(next.disabled).toBe(true);
            await click(next as unknown as HTMLElement);
            expect(mockLoadPage).toHaveBeenCalledTimes(2);
        });

        it('does nothing for Previous on the first page', async () => {
            const element = await render();

            await click($(element, 'lightning-button[data-id="previous"]'));

            expect(mockLoadPage).toHaveBeenCalledTimes(1);
        });

        it('changes the page size from the first page', async () => {
            const element = await render();
            const pageSize = $(element, 'lightning-combobox[data-id="page-size"]');

            pageSize?.dispatchEvent(new CustomEvent('change', { detail: { value: '200' } }));
            await settle();
            pageSize?.dispatchEvent(new CustomEvent('change', { detail: { value: '7' } }));
            await settle();

            expect(mockLoadPage).toHaveBeenCalledTimes(2);
            expect(lastRequest()).toMatchObject({ pageSize: 200, cursor: null, includeSummary: false });
        });

        it('shows only the latest answer when requests overlap', async () => {
            const element = await render();
            let resolveSlow: (page: ReviewPage) => void = () => undefined;
            mockLoadPage.mockReturnValueOnce(new Promise<ReviewPage>((done) => (resolveSlow = done)));
            mockLoadPage.mockResolvedValueOnce(EMPTY_PAGE);

            await changeCombobox(element, 'health', 'At Risk');
            await changeCombobox(element, 'health', 'On Track');
            resolveSlow(FIRST_PAGE);
            await settle();

            expect($$(element, 'tbody tr')).toHaveLength(0);
            expect($(element, '[data-id="empty"]')).not.toBeNull();
        });

        it('ignores a late failure of a request that was replaced', async () => {
            const element = await render();
            let rejectSlow: (error: unknown) => void = () => undefined;
            mockLoadPage.mockReturnValueOnce(new Promise<ReviewPage>((_done, fail) => (rejectSlow = fail)));
            mockLoadPage.mockResolvedValueOnce(FIRST_PAGE);

            await changeCombobox(element, 'health', 'At Risk');
            await changeCombobox(element, 'health', 'On Track');
            rejectSlow({ body: { message: 'Too late' } });
            await settle();

            expect($(element, '[data-id="errors"]')).toBeNull();
            expect($$(element, 'tbody tr')).toHaveLength(5);
        });
    });

    describe('by rep', () => {
        const REP_PAGE: ReviewPage = {
            ...EMPTY_PAGE,
            rows: [],
            reps: [
                {
                    ownerId: DANA,
                    ownerName: 'Dana Rep',
                    deals: 4,
                    activePlanDeals: 2,
                    acceptedPlanDeals: 1,
                    offTrackDeals: 1,
                    slippedDeals: 1,
                    staleDeals: 0
                }
            ]
        };

        it('groups the review by rep with the same filters, and drills into one rep', async () => {
            const element = await render();
            mockLoadPage.mockResolvedValue(REP_PAGE);
            $(element, '[data-id="view-reps"]')?.click();
            await settle();
            expect(lastRequest()).toMatchObject({ groupBy: 'owner', includeSummary: true });
            expect($(element, '[data-id="view-reps"]')?.getAttribute('aria-pressed')).toBe('true');
            expect($(element, 'table[aria-label="Open opportunities by rep"]')).not.toBeNull();
            expect(text($(element, `tr[data-rep="${DANA}"]`))).toBe(
                'Dana Rep 4 2 of 4 (50%) 1 of 4 (25%) 1 1 0 Show deals'
            );

            mockLoadPage.mockResolvedValue(FIRST_PAGE);
            const drill = $(element, `tr[data-rep="${DANA}"] button`) as HTMLElement;
            expect(drill.getAttribute('aria-label')).toBe('Show the deals of Dana Rep');
            drill.click();
            await settle();
            expect(lastRequest()).toMatchObject({ groupBy: null, ownerId: DANA });
            expect($(element, 'table[aria-label="Open opportunities and their plans"]')).not.toBeNull();
        });

        it('says so when no rep has a deal under the filters, and is accessible', async () => {
            const element = await render();
            mockLoadPage.mockResolvedValue({ ...EMPTY_PAGE, rows: [], reps: [] });
            $(element, '[data-id="view-reps"]')?.click();
            await settle();
            expect(text($(element, '[data-id="no-reps"]'))).toBe('No open opportunities match these filters.');
            await expect(element).toBeAccessible();
        });
    });

    describe('accessibility', () => {
        it('is accessible with rows and a summary', async () => {
            const element = await render();
            await expect(element).toBeAccessible();
        });

        it('is accessible when empty', async () => {
            const element = await render(EMPTY_PAGE);
            await expect(element).toBeAccessible();
        });

        it('is accessible with an error', async () => {
            mockLoadPage.mockRejectedValue(new Error('Network down'));
            const element = createElement('c-pipeline-review', { is: PipelineReview });
            document.body.appendChild(element);
            await settle();
            await expect(element).toBeAccessible();
        });
    });
});

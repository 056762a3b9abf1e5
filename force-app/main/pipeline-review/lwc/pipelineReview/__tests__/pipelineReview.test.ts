import { createElement } from 'lwc';
import PipelineReview from 'c/pipelineReview';
import loadPage from '@salesforce/apex/PipelineReviewController.loadPage';
import { storageKey } from 'c/pipelineReviewModel';
import type { ReviewPage, ReviewRequest, ReviewSummary } from 'c/pipelineReviewModel';

const mockNavigate = jest.fn();

jest.mock('@salesforce/apex/PipelineReviewController.loadPage', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});

jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const NavigationMixin = (Base: new (...args: any[]) => object) =>
        class extends Base {
            [Navigate](pageReference: unknown, replace?: boolean): void {
                mockNavigate(pageReference, replace);
            }
            [GenerateUrl](): Promise<string> {
                return Promise.resolve('');
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { NavigationMixin, CurrentPageReference: jest.fn() };
});

const FIRST_PAGE = jest.requireActual<ReviewPage>('./data/firstPage.json');
const NEXT_PAGE = jest.requireActual<ReviewPage>('./data/nextPage.json');
const EMPTY_PAGE = jest.requireActual<ReviewPage>('./data/emptyPage.json');
const LARGE_SUMMARY = jest.requireActual<ReviewSummary>('./data/largeSummary.json');
const LAST_PAGE: ReviewPage = { ...NEXT_PAGE, nextCursor: null };

// The user Id the LWC Jest transformer gives @salesforce/user/Id.
const USER_ID = '005000000000000000';
const DANA = '005Hs00000DanaAAAA';

const mockLoadPage = loadPage as unknown as jest.Mock<Promise<ReviewPage>, [{ request: ReviewRequest }]>;

/** Lets the pending Apex promise and the re-render that follows it settle (a few microtask turns). */
function settle(): Promise<void> {
    return Promise.resolve()
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined);
}

function lastRequest(): ReviewRequest {
    const calls = mockLoadPage.mock.calls;
    return calls[calls.length - 1][0].request;
}

async function render(page: ReviewPage = FIRST_PAGE): Promise<HTMLElement> {
    mockLoadPage.mockResolvedValue(page);
    const element = createElement('c-pipeline-review', { is: PipelineReview });
    document.body.appendChild(element);
    await settle();
    return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector(selector) ?? null;
}

function $$(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll(selector) ?? []) as HTMLElement[];
}

/** The text a reader meets in an element: its text nodes in order, separated by single spaces. */
function text(element: HTMLElement | null): string {
    if (!element) {
        return '';
    }
    const parts: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        parts.push(node.textContent ?? '');
    }
    return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function cell(element: HTMLElement, opportunityId: string, column: string): string {
    return text($(element, `tr[data-row="${opportunityId}"] [data-col="${column}"]`));
}

async function changeCombobox(element: HTMLElement, filter: string, value: string): Promise<void> {
    const combobox = $(element, `lightning-combobox[data-filter="${filter}"]`);
    combobox?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await settle();
}

async function click(target: HTMLElement | null): Promise<void> {
    target?.click();
    await settle();
}

const [ACME, GLOBEX, INITECH, UMBRELLA, HOOLI] = FIRST_PAGE.rows.map((row) => row.opportunityId);

describe('c-pipeline-review', () => {
    beforeEach(() => {
        window.localStorage.clear();
        mockLoadPage.mockReset();
        mockNavigate.mockReset();
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    describe('loading', () => {
        it('asks for the first page, the summary and the filter options in one call', async () => {
            await render();

            expect(mockLoadPage).toHaveBeenCalledTimes(1);
            expect(lastRequest()).toEqual({
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

        it('renders only the rows of the page it received', async () => {
            const element = await render();

            expect($$(element, 'tbody tr')).toHaveLength(5);
            expect(text($(element, '[data-id="range"]'))).toBe('1–5 of 57 Page 1 of 2');
        });

        it('shows a spinner while a page is loading', async () => {
            let resolve: (page: ReviewPage) => void = () => undefined;
            mockLoadPage.mockReturnValue(new Promise<ReviewPage>((done) => (resolve = done)));
            const element = createElement('c-pipeline-review', { is: PipelineReview });
            document.body.appendChild(element);
            await settle();
            expect($(element, 'lightning-spinner')).not.toBeNull();

            resolve(FIRST_PAGE);
            await settle();
            expect($(element, 'lightning-spinner')).toBeNull();
        });

        it('says so when nothing matches, without a table body', async () => {
            const element = await render(EMPTY_PAGE);

            expect(text($(element, '[data-id="empty"]'))).toBe('No open opportunities match these filters.');
            expect($$(element, 'tbody tr')).toHaveLength(0);
            expect(text($(element, '[data-id="range"]'))).toBe('No opportunities Page 1 of 1');
            expect($(element, 'li[data-tile]')).toBeNull();
        });

        it('shows the reason when the server refuses, and no stale rows', async () => {
            mockLoadPage.mockRejectedValue({
                body: { message: 'Ask your admin for the Tandem Manager permission set.' }
            });
            const element = createElement('c-pipeline-review', { is: PipelineReview });
            document.body.appendChild(element);
            await settle();

            expect(text($(element, '[data-id="errors"]'))).toBe(
                'The pipeline review could not load. Ask your admin for the Tandem Manager permission set.'
            );
            expect($(element, '[data-id="errors"]')?.getAttribute('role')).toBe('alert');
            expect($$(element, 'tbody tr')).toHaveLength(0);
            expect($(element, '[data-id="empty"]')).toBeNull();
        });

        it('reloads the first page, the summary and the options on refresh', async () => {
            const element = await render();
            mockLoadPage.mockResolvedValue(FIRST_PAGE);

            await click($(element, '[data-id="refresh"]'));

            expect(mockLoadPage).toHaveBeenCalledTimes(2);
            expect(lastRequest()).toMatchObject({ cursor: null, includeSummary: true, includeOptions: true });
        });
    });

    describe('rows', () => {
        it('shows owner, stage, amount, close date, plan, health, completion, overdue, slip, acceptance and projected close', async () => {
            window.localStorage.setItem(
                storageKey(USER_ID),
                JSON.stringify({
                    columns: [
                        'projectedClose',
                        'closeVariance',
                        'planStatus',
                        'completion',
                        'buyerCompletion',
                        'overdue',
                        'slipDays',
                        'acceptance'
                    ]
                })
            );
            const element = await render();

            expect(cell(element, GLOBEX, 'owner')).toBe('Sam Seller');
            expect(cell(element, GLOBEX, 'stage')).toBe('Proposal/Price Quote');
            expect($(element, `tr[data-row="${GLOBEX}"] [data-col="amount"] lightning-formatted-number`)).toMatchObject(
                {
                    value: 80000,
                    currencyCode: 'EUR'
                }
            );
            expect(
                $(element, `tr[data-row="${GLOBEX}"] [data-col="closeDate"] lightning-formatted-date-time`)
            ).toMatchObject({
                value: '2026-02-28',
                timeZone: 'UTC'
            });
            expect(cell(element, GLOBEX, 'plan')).toBe('Active');
            expect(cell(element, GLOBEX, 'health')).toBe('Off Track Plan health: off track');
            expect(cell(element, GLOBEX, 'completion')).toBe('30% 3 of 10');
            expect(cell(element, GLOBEX, 'buyerCompletion')).toBe('25% 1 of 4');
            expect(cell(element, GLOBEX, 'overdue')).toBe('2 milestones 1 on the buyer side, oldest 9 days late');
            expect(cell(element, GLOBEX, 'slipDays')).toBe('14 days');
            expect(cell(element, GLOBEX, 'acceptance')).toBe('Not yet');
            expect(cell(element, GLOBEX, 'closeVariance')).toBe(
                "12 days late The plan closes 12 days after the opportunity's close date."
            );
            expect(
                $(element, `tr[data-row="${GLOBEX}"] [data-col="projectedClose"] lightning-formatted-date-time`)
            ).toMatchObject({ value: '2026-03-12' });
            expect(cell(element, HOOLI, 'projectedClose')).toBe('No close milestone');
            expect(cell(element, UMBRELLA, 'projectedClose')).toBe('—');
        });

        it('marks a plan that lands after the close date in red, and one that lands before it quietly', async () => {
            const element = await render();

            expect(
                $(element, `tr[data-row="${GLOBEX}"] [data-col="closeVariance"] .slds-text-color_error`)
            ).not.toBeNull();
            expect(cell(element, ACME, 'closeVariance')).toContain('6 days early');
            expect($(element, `tr[data-row="${ACME}"] [data-col="closeVariance"] .slds-text-color_error`)).toBeNull();
        });

        it('shows the health badge with the theme of planHealth', async () => {
            const element = await render();

            const badge = (id: string) => $(element, `tr[data-row="${id}"] [data-col="health"] .slds-badge`);
            expect(badge(ACME)?.className).toContain('slds-theme_success');
            expect(badge(GLOBEX)?.className).toContain('slds-theme_error');
            expect(badge(HOOLI)?.className).toContain('slds-theme_warning');
            expect(text(badge(INITECH))).toContain('Draft');
            expect(text(badge(UMBRELLA))).toContain('No plan');
        });

        it('warns on a deal in a gated stage without an active plan', async () => {
            const element = await render();

            const warning = $(element, `tr[data-row="${UMBRELLA}"] [data-col="stage"] .review-gate`);
            expect(warning?.title).toBe('This stage requires an active plan; there is none.');
            expect($(element, `tr[data-row="${ACME}"] [data-col="stage"] .review-gate`)).toBeNull();
            expect($(element, `tr[data-row="${UMBRELLA}"] [data-col="amount"] lightning-formatted-number`)).toBeNull();
        });

        it('opens the opportunity record page, where its plan lives, when its name is clicked', async () => {
            const element = await render();
            const link = $(element, `a[data-id="${ACME}"]`) as HTMLAnchorElement;

            expect(link.getAttribute('href')).toBe(`/lightning/r/Opportunity/${ACME}/view`);
            const event = new MouseEvent('click', { bubbles: true, cancelable: true });
            link.dispatchEvent(event);

            expect(event.defaultPrevented).toBe(true);
            expect(mockNavigate).toHaveBeenCalledWith(
                {
                    type: 'standard__recordPage',
                    attributes: { recordId: ACME, objectApiName: 'Opportunity', actionName: 'view' }
                },
                undefined
            );
        });
    });

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
            expect(text(tile('gated')?.querySelector('[data-id="value"]') ?? null)).toBe('4');
            expect($(element, '[data-id="amounts-note"]')).toBeNull();
        });

        it('says under every figure what the tile counts, and offers "Show them" on each', async () => {
            const element = await render();

            const tiles = $$(element, 'li[data-tile]');
            expect(tiles).toHaveLength(5);
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
        });

        it.each([
            ['active', { plan: 'active' }],
            ['accepted', { plan: 'accepted' }],
            ['late', { plan: 'landsLate' }]
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

import {
    setUpReview,
    $,
    $$,
    ACME,
    EMPTY_PAGE,
    FIRST_PAGE,
    GLOBEX,
    HOOLI,
    INITECH,
    PipelineReview,
    UMBRELLA,
    USER_ID,
    cell,
    click,
    createElement,
    lastRequest,
    mockLoadPage,
    mockNavigate,
    render,
    settle,
    storageKey,
    text
} from './reviewHarness';
import type { ReviewPage } from './reviewHarness';

describe('c-pipeline-review', () => {
    setUpReview();

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

        it('shows, once chosen, when each plan can land at the pace agreed and how that compares with the close date', async () => {
            const defaults = await render();
            expect($(defaults, '[data-col="impliedClose"]')).toBeNull();
            expect($(defaults, '[data-col="impliedGap"]')).toBeNull();
            document.body.removeChild(defaults);
            window.localStorage.setItem(
                storageKey(USER_ID),
                JSON.stringify({ columns: ['closeVariance', 'impliedClose', 'impliedGap'] })
            );

            const element = await render();

            // Each value sits under its own header.
            const headers = $$(element, 'thead th').map((th) => th.querySelector('button')?.dataset.key);
            const cells = Array.from($(element, `tr[data-row="${ACME}"]`)?.children ?? []).map(
                (td) => (td as HTMLElement).dataset.col ?? 'name'
            );
            expect(cells.indexOf('impliedClose')).toBe(headers.indexOf('impliedClose'));
            expect(cells.indexOf('impliedGap')).toBe(headers.indexOf('impliedGap'));
            expect(
                $(element, `tr[data-row="${ACME}"] [data-col="impliedClose"] lightning-formatted-date-time`)
            ).toMatchObject({ value: '2026-04-08', timeZone: 'UTC' });
            // Projected 6 days early, yet at its pace the plan cannot land until 8 days after the close date.
            expect(cell(element, ACME, 'closeVariance')).toContain('6 days early');
            expect(cell(element, ACME, 'impliedGap')).toBe(
                '8 days late At the pace agreed, the plan cannot land by the close date: 8 days after it at the earliest.'
            );
            expect($(element, `tr[data-row="${ACME}"] [data-col="impliedGap"] .slds-text-color_error`)).not.toBeNull();
            expect(cell(element, INITECH, 'impliedGap')).toContain('5 days early');
            expect($(element, `tr[data-row="${INITECH}"] [data-col="impliedGap"] .slds-text-color_error`)).toBeNull();
            expect(cell(element, HOOLI, 'impliedClose')).toBe('No close milestone');
            expect(cell(element, UMBRELLA, 'impliedClose')).toBe('—');
            expect(cell(element, UMBRELLA, 'impliedGap')).toBe('— No mutual action plan');
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
});

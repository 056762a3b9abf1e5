// The hand-off to a success plan on a won deal: the panel above the (now completed) close plan, starting the plan,
// the server's refusals in the panel, and a Success plan read as one.
import {
    setUpWorkspace,
    $,
    emit,
    flush,
    getWorkspace,
    header,
    mocked,
    notifyRecordUpdateAvailable,
    OPPORTUNITY_ID,
    pageErrors,
    PLAN_ID,
    render,
    served,
    serverError,
    startSuccessPlan
} from './workspaceHarness';
import type { Workspace } from './workspaceHarness';

const SUCCESS_ID = 'a01000000000009AAA';

/** The deal won: its close plan Completed, the hand-off offered. */
const won = () =>
    served((w) => {
        w.opportunity.stageName = 'Closed Won';
        Object.assign(w.plan as object, { status: 'Completed', health: null });
        w.plans = [
            {
                id: PLAN_ID,
                name: 'Acme go-live plan',
                status: 'Completed',
                planType: 'Close',
                isCurrent: true,
                isShown: true
            }
        ];
        w.successStart = {
            templates: [{ label: 'Customer Success', value: 'Customer_Success' }],
            defaultTemplate: 'Customer_Success',
            owners: [
                { id: '005A', name: 'Priya Shah', detail: 'Account owner' },
                { id: '005B', name: 'Alex Seller', detail: 'You' }
            ],
            defaultOwnerId: '005A'
        };
    });

/** What the server returns once the success plan is started: it shown, the close plan in the switcher. */
const started = (): Workspace =>
    served((w) => {
        w.opportunity.stageName = 'Closed Won';
        Object.assign(w.plan as object, {
            id: SUCCESS_ID,
            name: 'Acme platform deal success plan',
            status: 'Draft',
            planType: 'Success',
            successOwnerName: 'Alex Seller'
        });
        w.plans = [
            {
                id: SUCCESS_ID,
                name: 'Acme platform deal success plan',
                status: 'Draft',
                planType: 'Success',
                isCurrent: true,
                isShown: true
            },
            {
                id: PLAN_ID,
                name: 'Acme go-live plan',
                status: 'Completed',
                planType: 'Close',
                isCurrent: false,
                isShown: false
            }
        ];
        w.successStart = null;
    });

const panel = (element: HTMLElement) => $(element.shadowRoot, 'c-plan-success-start');
const request = { templateName: 'Customer_Success', successOwnerId: '005B', targetDate: null };

describe('c-plan-workspace', () => {
    setUpWorkspace();

    describe('the hand-off to a success plan', () => {
        it('is offered above the close plan, which is shown read-only as history', async () => {
            mocked(getWorkspace).mockResolvedValue(won());
            const element = await render();
            const shown = panel(element) as HTMLElement & { successStart: unknown; today: string };
            expect(shown).not.toBeNull();
            expect(shown.successStart).toEqual(won().successStart);
            expect(shown.today).toBe('2026-03-02');
            const order = [...(element.shadowRoot?.querySelectorAll('c-plan-success-start, c-plan-header') ?? [])];
            expect(order.map((node) => node.tagName.toLowerCase())).toEqual(['c-plan-success-start', 'c-plan-header']);
            expect($(element.shadowRoot, '[data-id="history-banner"]')?.textContent).toContain(
                'This plan was completed.'
            );
            // The next plan of a won deal is the success plan: no other "new plan" is offered beside it.
            expect($(element.shadowRoot, '[data-id="new-plan"]')).toBeNull();
        });

        it('is not offered when the server does not offer it', async () => {
            const element = await render();
            expect(panel(element)).toBeNull();
        });

        it('starts the success plan, then shows it with a toast', async () => {
            mocked(getWorkspace).mockResolvedValue(won());
            mocked(startSuccessPlan).mockResolvedValue(started());
            const element = await render();
            const toast = jest.fn();
            element.addEventListener('lightning__showtoast', (event) => toast((event as CustomEvent).detail));
            emit(panel(element) as HTMLElement, 'start', { request });
            await flush();
            expect(startSuccessPlan).toHaveBeenCalledWith({ opportunityId: OPPORTUNITY_ID, request });
            expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: 'Success plan started' }));
            expect(panel(element)).toBeNull();
            expect((header(element) as HTMLElement & { plan: { id: string } }).plan.id).toBe(SUCCESS_ID);
            expect($(header(element).shadowRoot, '[data-id="plan-type"]')?.textContent?.trim()).toBe('Success plan');
            expect($(header(element).shadowRoot, '[data-id="success-owner"]')?.textContent?.trim()).toBe(
                'Owned by Alex Seller'
            );
            expect($(element.shadowRoot, '[data-id="history-banner"]')).toBeNull();
            const switcher = $(element.shadowRoot, '[data-id="plan-switcher"] c-plan-select') as HTMLElement & {
                options: { label: string }[];
            };
            expect(switcher.options.map((option) => option.label)).toEqual([
                'Acme platform deal success plan: Draft (current plan), Success plan',
                'Acme go-live plan: Completed, Close plan'
            ]);
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: OPPORTUNITY_ID }]);
        });

        it("shows the server's refusal in the panel, and keeps it open", async () => {
            mocked(getWorkspace).mockResolvedValue(won());
            mocked(startSuccessPlan).mockRejectedValue(
                serverError({
                    message: 'The success plan was not started.',
                    pageErrors: [],
                    recordErrors: [
                        {
                            key: 'successStart',
                            messages: [],
                            fieldErrors: { successOwnerId: ['Choose an active user to own the success plan.'] }
                        }
                    ]
                })
            );
            const element = await render();
            emit(panel(element) as HTMLElement, 'start', { request });
            await flush();
            const shown = panel(element) as HTMLElement & { errors: { records: Record<string, unknown> } };
            expect(shown).not.toBeNull();
            expect(shown.errors.records.successStart).toEqual({
                messages: [],
                fieldErrors: { successOwnerId: ['Choose an active user to own the success plan.'] }
            });
            // Said in the panel, not at the top of the workspace.
            expect(pageErrors(element)).toBeUndefined();
            expect(
                $(
                    $(shown.shadowRoot, '[data-field="successOwnerId"]')?.shadowRoot,
                    '[data-error="select"]'
                )?.textContent?.trim()
            ).toBe('Choose an active user to own the success plan.');
        });
    });
});

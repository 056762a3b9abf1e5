// The plan itself: its status and the buyer's acceptance, its details and re-planning when the target date moves,
// and switching between the opportunity's plans.
import {
    setUpWorkspace,
    $,
    creator,
    emit,
    flush,
    getWorkspace,
    header,
    list,
    M,
    mocked,
    OPPORTUNITY_ID,
    pageErrors,
    PLAN_ID,
    recordBuyerAcceptance,
    render,
    saveMilestones,
    served,
    serverError,
    setPlanStatus,
    updatePlan
} from './workspaceHarness';
import type { ListView, Workspace } from './workspaceHarness';

describe('c-plan-workspace', () => {
    setUpWorkspace();

    describe('plan status and acceptance', () => {
        it('activates, completes or cancels the plan and shows the result', async () => {
            mocked(setPlanStatus).mockResolvedValue(
                served((w) => ((w.plan as { status: string }).status = 'Completed'))
            );
            const element = await render();
            const changed = jest.fn();
            element.addEventListener('planchange', changed);
            emit(header(element), 'statuschange', { status: 'Completed' });
            await flush();
            expect(setPlanStatus).toHaveBeenCalledWith({
                planId: PLAN_ID,
                status: 'Completed',
                loaded: expect.any(Object)
            });
            const loaded = mocked(setPlanStatus).mock.calls[0][0].loaded;
            expect(loaded.plan).toBe(7);
            expect(loaded.milestones[M(3)]).toBe(2);
            expect((header(element) as unknown as { plan: { status: string } }).plan.status).toBe('Completed');
            expect(changed).toHaveBeenCalledTimes(1);
        });

        it('offers a new plan once the plan is finished, and shows the finished plan as history', async () => {
            mocked(getWorkspace).mockResolvedValue(
                served((w) => {
                    (w.plan as { status: string }).status = 'Cancelled';
                })
            );
            const element = await render();
            expect($(element.shadowRoot, '[data-id="history-banner"]')?.textContent).toContain(
                'This plan was cancelled. It is kept as history: you can read it, not change it.'
            );
            expect($(element.shadowRoot, '[data-id="plan-switcher"]')).toBeNull();
            expect($(element.shadowRoot, '[data-id="new-plan"]')).not.toBeNull();
            $(element.shadowRoot, '[data-id="new-plan"]')?.click();
            await flush();
            expect(creator(element)).not.toBeNull();
        });

        it('puts an activation error next to the plan actions, and its summary at the top', async () => {
            mocked(setPlanStatus).mockRejectedValue(
                serverError({
                    message: 'We could not change the status of the plan.',
                    pageErrors: [],
                    recordErrors: [
                        {
                            key: 'plan',
                            messages: ['Before this plan can be active, fix milestone "Legal": name the buyer.'],
                            fieldErrors: {}
                        }
                    ]
                })
            );
            const element = await render();
            emit(header(element), 'statuschange', { status: 'Active' });
            await flush();
            expect((header(element) as unknown as { errors: unknown }).errors).toEqual({
                messages: ['Before this plan can be active, fix milestone "Legal": name the buyer.'],
                fieldErrors: {}
            });
            expect(pageErrors(element)).toContain('We could not change the status of the plan.');
            expect(pageErrors(element)).toContain('Fix what the plan summary below says, then try again.');
            expect(pageErrors(element)).not.toContain('Your changes are still here');
        });

        it("saves the plan's details with the revisions it was built from, and keeps the form on a refusal", async () => {
            const element = await render();
            const request = {
                plan: {
                    name: 'Renamed',
                    sharedObjective: null,
                    targetDate: '2026-06-30',
                    anchorEvent: null,
                    buyerLeadId: null
                },
                changedFields: ['name', 'targetDate']
            };
            mocked(updatePlan).mockRejectedValueOnce(
                serverError({
                    message: 'We could not save the plan details. Nothing was saved.',
                    pageErrors: [],
                    recordErrors: [
                        {
                            key: 'plan',
                            messages: [],
                            fieldErrors: { targetDate: ['Choose a target date within three years of today.'] }
                        }
                    ]
                })
            );
            emit(header(element), 'planupdate', { request });
            await flush();
            const sent = mocked(updatePlan).mock.calls[0][0].request;
            expect(sent).toMatchObject({ ...request, loaded: { plan: 7 } });
            expect((header(element) as unknown as { errors: unknown }).errors).toEqual({
                messages: [],
                fieldErrors: { targetDate: ['Choose a target date within three years of today.'] }
            });
            expect(pageErrors(element)).toContain('Fix what is marked in the plan details');

            mocked(updatePlan).mockResolvedValueOnce(served((w) => ((w.plan as { name: string }).name = 'Renamed')));
            emit(header(element), 'planupdate', { request });
            await flush();
            expect((header(element) as unknown as { plan: { name: string } }).plan.name).toBe('Renamed');
            expect(pageErrors(element)).toBeUndefined();
        });

        it('records and withdraws the buyer acceptance', async () => {
            mocked(recordBuyerAcceptance).mockResolvedValue(served());
            const element = await render();
            emit(header(element), 'acceptance', { accepted: true, contactId: '003000000000001AAA' });
            await flush();
            emit(header(element), 'acceptance', { accepted: false, contactId: null });
            await flush();
            const loaded = expect.objectContaining({ plan: 7 });
            expect(mocked(recordBuyerAcceptance).mock.calls).toEqual([
                [{ planId: PLAN_ID, contactId: '003000000000001AAA', accepted: true, loaded }],
                [{ planId: PLAN_ID, contactId: null, accepted: false, loaded }]
            ]);
        });

        it('sends one save at a time', async () => {
            let resolve: (value: Workspace) => void = () => undefined;
            mocked(setPlanStatus).mockReturnValue(new Promise((r) => (resolve = r)));
            const element = await render();
            emit(header(element), 'statuschange', { status: 'Completed' });
            emit(header(element), 'statuschange', { status: 'Cancelled' });
            await flush();
            expect((header(element) as unknown as { busy: boolean }).busy).toBe(true);
            resolve(served());
            await flush();
            expect(setPlanStatus).toHaveBeenCalledTimes(1);
            expect((header(element) as unknown as { busy: boolean }).busy).toBe(false);
        });
    });

    describe('re-planning when the target date moves', () => {
        const later = () =>
            served((w) => {
                (w.plan as { targetDate: string }).targetDate = '2026-04-14';
            });
        const request = { plan: { targetDate: '2026-04-14' }, changedFields: ['targetDate'] };

        it('offers to move the open milestones with it, before and after, and asks why they slip', async () => {
            const element = await render();
            mocked(updatePlan).mockResolvedValueOnce(later());
            emit(header(element), 'planupdate', { request });
            await flush();
            const offer = $(element.shadowRoot, '[data-id="replan"]');
            expect(offer?.textContent).toContain(
                "The buyer's target date moved from Mar 31, 2026 to Apr 14, 2026, 10 working days later."
            );
            const moves = [...(offer?.querySelectorAll('[data-id="replan-moves"] li') ?? [])].map((li) =>
                li.textContent?.trim()
            );
            expect(moves).toHaveLength(7);
            expect(moves).toContain('Seller delivers the business case: Mar 6, 2026 → Mar 20, 2026');

            // Committed dates move later: a reason first.
            ($(offer, '[data-id="replan-apply"]') as HTMLElement).click();
            await flush();
            const reason = $(offer, 'c-plan-select') as HTMLElement & { error: string };
            expect(reason.error).toBe('Choose why the dates move later: the slip history keeps it.');
            emit(reason, 'change', { value: 'Buyer availability' });
            ($(offer, '[data-id="replan-apply"]') as HTMLElement).click();
            await flush();
            expect($(element.shadowRoot, '[data-id="replan"]')).toBeNull();
            const view = (list(element) as unknown as { view: ListView }).view;
            expect(view.changeCount).toBe(7);
            expect(view.groups.flatMap((g) => g.rows).find((r) => r.key === M(3))?.dueDate).toBe('2026-03-20');
            expect(saveMilestones).not.toHaveBeenCalled();
        });

        it('keeps the dates when asked, and offers nothing when the target did not move', async () => {
            const element = await render();
            mocked(updatePlan).mockResolvedValueOnce(later());
            emit(header(element), 'planupdate', { request });
            await flush();
            ($(element.shadowRoot, '[data-id="replan-keep"]') as HTMLElement).click();
            await flush();
            expect($(element.shadowRoot, '[data-id="replan"]')).toBeNull();
            expect((list(element) as unknown as { view: ListView }).view.changeCount).toBe(0);

            mocked(updatePlan).mockResolvedValueOnce(later());
            emit(header(element), 'planupdate', { request: { plan: { name: 'Renamed' }, changedFields: ['name'] } });
            await flush();
            expect($(element.shadowRoot, '[data-id="replan"]')).toBeNull();
        });

        it('passes accessibility checks with the offer open', async () => {
            const element = await render();
            mocked(updatePlan).mockResolvedValueOnce(later());
            emit(header(element), 'planupdate', { request });
            await flush();
            await expect(element).toBeAccessible();
        });
    });

    describe('the plan switcher', () => {
        const HISTORY_ID = 'a01000000000009AAA';
        const withHistory = (shown: 'current' | 'history') =>
            served((w) => {
                w.plans = [
                    {
                        id: PLAN_ID,
                        name: 'Acme go-live plan',
                        status: 'Active',
                        startedOn: '2026-02-02',
                        milestoneCount: 1500,
                        completedMilestoneCount: 1234,
                        isCurrent: true,
                        isShown: shown === 'current'
                    },
                    {
                        id: HISTORY_ID,
                        name: 'First attempt',
                        status: 'Completed',
                        startedOn: '2025-11-03',
                        milestoneCount: 0,
                        isCurrent: false,
                        isShown: shown === 'history'
                    }
                ];
                if (shown === 'history') {
                    Object.assign(w.plan as object, { id: HISTORY_ID, name: 'First attempt', status: 'Completed' });
                }
            });
        const switcher = (element: HTMLElement) =>
            $(element.shadowRoot, '[data-id="plan-switcher"] c-plan-select') as HTMLElement & {
                options: { label: string; value: string }[];
                value: string;
                disabled: boolean;
            };

        it('lists every plan of the opportunity by name, status, dates and type, the current one marked', async () => {
            mocked(getWorkspace).mockResolvedValue(withHistory('current'));
            const element = await render();
            expect(switcher(element).value).toBe(PLAN_ID);
            expect(switcher(element).options.map((option) => option.label)).toEqual([
                'Acme go-live plan: Active (current plan), started Feb 2, 2026, Close plan, 1,234 of 1,500 milestones done',
                'First attempt: Completed, started Nov 3, 2025, Close plan'
            ]);
            expect($(element.shadowRoot, '[data-id="history-banner"]')).toBeNull();
        });

        it('opens a plan from history read-only, and goes back to the current plan', async () => {
            mocked(getWorkspace).mockResolvedValueOnce(withHistory('current'));
            const element = await render();
            mocked(getWorkspace).mockResolvedValueOnce(withHistory('history'));
            emit(switcher(element), 'change', { value: HISTORY_ID });
            await flush();
            expect(getWorkspace).toHaveBeenLastCalledWith({ opportunityId: OPPORTUNITY_ID, planId: HISTORY_ID });
            expect($(element.shadowRoot, '[data-id="history-banner"]')?.textContent).toContain(
                'This plan was completed. It is kept as history'
            );
            expect($(element.shadowRoot, '[data-id="new-plan"]')).toBeNull();

            // A reload (another tab changed something) keeps the plan shown.
            mocked(getWorkspace).mockResolvedValueOnce(withHistory('history'));
            await (element as unknown as { refresh(): Promise<void> }).refresh();
            expect(getWorkspace).toHaveBeenLastCalledWith({ opportunityId: OPPORTUNITY_ID, planId: HISTORY_ID });

            mocked(getWorkspace).mockResolvedValueOnce(withHistory('current'));
            $(element.shadowRoot, '[data-id="current-plan"]')?.click();
            await flush();
            expect(getWorkspace).toHaveBeenLastCalledWith({ opportunityId: OPPORTUNITY_ID, planId: null });
            expect($(element.shadowRoot, '[data-id="history-banner"]')).toBeNull();
        });

        it('keeps unsaved edits: another plan opens only after they are saved or discarded', async () => {
            mocked(getWorkspace).mockResolvedValue(withHistory('current'));
            const element = await render();
            emit(list(element), 'fieldchange', { key: M(1), field: 'name', value: 'Renamed' });
            await flush();
            expect(switcher(element).disabled).toBe(true);
            expect($(element.shadowRoot, '[data-id="plan-switch-hint"]')?.textContent).toContain(
                'Save or discard your changes to open another plan.'
            );
            emit(switcher(element), 'change', { value: HISTORY_ID });
            await flush();
            expect(getWorkspace).toHaveBeenCalledTimes(1);
        });

        it('passes accessibility checks with the switcher and the history banner', async () => {
            mocked(getWorkspace).mockResolvedValue(withHistory('history'));
            const element = await render();
            await expect(element).toBeAccessible();
        });
    });
});

import { createElement } from 'lwc';
import PlanWorkspace from 'c/planWorkspace';
import getWorkspace from '@salesforce/apex/PlanWorkspaceController.getWorkspace';
import createPlan from '@salesforce/apex/PlanWorkspaceController.createPlan';
import saveMilestones from '@salesforce/apex/PlanWorkspaceController.saveMilestones';
import setPlanStatus from '@salesforce/apex/PlanWorkspaceController.setPlanStatus';
import recordBuyerAcceptance from '@salesforce/apex/PlanWorkspaceController.recordBuyerAcceptance';
import updatePlan from '@salesforce/apex/PlanWorkspaceController.updatePlan';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { ListView, Workspace } from 'c/planWorkspaceModel';

jest.mock('@salesforce/apex/PlanWorkspaceController.getWorkspace', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PlanWorkspaceController.createPlan', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PlanWorkspaceController.saveMilestones', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PlanWorkspaceController.setPlanStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PlanWorkspaceController.recordBuyerAcceptance', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PlanWorkspaceController.updatePlan', () => ({ default: jest.fn() }), { virtual: true });

const WORKSPACE = jest.requireActual<Workspace>('../../planWorkspaceModel/__tests__/data/workspace.json');
const NO_PLAN = jest.requireActual<Workspace>('../../planWorkspaceModel/__tests__/data/noPlan.json');
const OPPORTUNITY_ID = '006000000000001AAA';
const PLAN_ID = 'a01000000000001AAA';
const M = (n: number) => `a02000000000${String(n).padStart(3, '0')}AAA`;

const mocked = (fn: unknown) => fn as jest.Mock;

/** The workspace as PlanWorkspaceController returns it (a typed PlanWorkspace), changed for one test. */
function served(change: (w: Workspace) => void = () => undefined, base: Workspace = WORKSPACE): Workspace {
    const copy = JSON.parse(JSON.stringify(base)) as Workspace;
    change(copy);
    return copy;
}

function serverError(report: object) {
    return { body: { message: JSON.stringify(report) }, status: 400 };
}

/** Lets every pending promise (Apex mocks, re-renders) settle. */
function flush(): Promise<void> {
    return new Promise((resolve) => {
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        setTimeout(resolve, 0);
    });
}

async function render(): Promise<HTMLElement> {
    const element = createElement('c-plan-workspace', { is: PlanWorkspace }) as HTMLElement & { recordId: string };
    element.recordId = OPPORTUNITY_ID;
    document.body.appendChild(element);
    await flush();
    return element;
}

const $ = (root: Element | ShadowRoot | null | undefined, selector: string) =>
    root?.querySelector(selector) as HTMLElement | null;
const list = (element: HTMLElement) => $(element.shadowRoot, 'c-plan-milestone-list') as HTMLElement;
const header = (element: HTMLElement) => $(element.shadowRoot, 'c-plan-header') as HTMLElement;
const creator = (element: HTMLElement) => $(element.shadowRoot, 'c-plan-creator') as HTMLElement;
const row = (element: HTMLElement, key: string) => $(list(element).shadowRoot, `[data-row="${key}"]`);
const pageErrors = (element: HTMLElement) => {
    const box = $(element.shadowRoot, '[data-id="page-errors"]');
    return box
        ? [...box.querySelectorAll('p, li')].map((node) => node.textContent?.replace(/\s+/g, ' ').trim()).join(' ')
        : undefined;
};

function emit(target: HTMLElement, type: string, detail?: unknown): void {
    target.dispatchEvent(new CustomEvent(type, { detail }));
}

function lastRequest(fn: unknown): {
    milestones: Record<string, unknown>[];
    deletedIds: string[];
    loaded: { plan: number | null; milestones: Record<string, number | null> };
} {
    const calls = mocked(fn).mock.calls;
    return calls[calls.length - 1][0].request;
}

describe('c-plan-workspace', () => {
    beforeEach(() => {
        jest.clearAllMocks();
        mocked(getWorkspace).mockResolvedValue(served());
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    describe('loading', () => {
        it('loads the whole workspace in one call and shows the plan', async () => {
            const element = await render();
            expect(getWorkspace).toHaveBeenCalledTimes(1);
            expect(getWorkspace).toHaveBeenCalledWith({ opportunityId: OPPORTUNITY_ID, planId: null });
            const plan = (header(element) as unknown as { plan: { name: string; status: string } }).plan;
            expect(plan).toMatchObject({ name: 'Acme go-live plan', status: 'Active' });
            expect((header(element) as unknown as { canEditPlan: boolean }).canEditPlan).toBe(true);
            expect(row(element, M(2))).not.toBeNull();
            expect($(element.shadowRoot, 'lightning-spinner')).toBeNull();
        });

        it('shows a spinner while loading', () => {
            mocked(getWorkspace).mockReturnValue(new Promise(() => undefined));
            const element = createElement('c-plan-workspace', { is: PlanWorkspace });
            document.body.appendChild(element);
            expect($(element.shadowRoot, 'lightning-spinner')).not.toBeNull();
        });

        it('takes the workspace as the object the controller returns', async () => {
            mocked(getWorkspace).mockResolvedValue(served());
            const element = await render();
            expect(row(element, M(1))).not.toBeNull();
        });

        it('shows why it could not load, and tries again', async () => {
            mocked(getWorkspace).mockRejectedValueOnce(
                serverError({
                    message: 'We could not load the plan.',
                    pageErrors: ['This opportunity does not exist, or you do not have access to it.'],
                    recordErrors: []
                })
            );
            const element = await render();
            expect(pageErrors(element)).toBe(
                'We could not load the plan. This opportunity does not exist, or you do not have access to it.'
            );
            $(element.shadowRoot, '[data-id="retry"]')?.click();
            await flush();
            expect(getWorkspace).toHaveBeenCalledTimes(2);
            expect($(element.shadowRoot, '[data-id="page-errors"]')).toBeNull();
            expect(row(element, M(1))).not.toBeNull();
        });

        it('reloads on request and keeps unsaved edits', async () => {
            const element = await render();
            emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
            await (element as unknown as { refresh(): Promise<void> }).refresh();
            await flush();
            expect(getWorkspace).toHaveBeenCalledTimes(2);
            expect($(row(element, M(3)), '[data-id="dirty-flag"]')).not.toBeNull();
        });

        it('tells a user without access to plans what to ask for', async () => {
            mocked(getWorkspace).mockResolvedValue(served((w) => (w.permissions = { canReadPlans: false }), NO_PLAN));
            const element = await render();
            expect($(element.shadowRoot, '[data-id="no-access"]')?.textContent).toContain('Tandem User permission set');
        });
    });

    describe('without a plan', () => {
        beforeEach(() => {
            mocked(getWorkspace).mockResolvedValue(served(undefined, NO_PLAN));
        });

        it('shows a clear empty state with "Create plan"', async () => {
            const element = await render();
            const empty = $(element.shadowRoot, '[data-id="empty-state"]');
            expect(empty?.textContent).toContain('No mutual action plan yet');
            expect(($(empty, '[data-id="create-plan"]') as unknown as { label: string }).label).toBe('Create plan');
            expect(header(element)).toBeNull();
        });

        it('says who can create one when the user cannot', async () => {
            mocked(getWorkspace).mockResolvedValue(
                served((w) => (w.permissions = { canReadPlans: true, canCreatePlan: false }), NO_PLAN)
            );
            const element = await render();
            expect($(element.shadowRoot, '[data-id="create-plan"]')).toBeNull();
            expect($(element.shadowRoot, '[data-id="cannot-create"]')?.textContent).toContain("can't create a plan");
        });

        it('creates the plan and all its milestones in one call, then shows it', async () => {
            mocked(createPlan).mockResolvedValue(served());
            const element = await render();
            $(element.shadowRoot, '[data-id="create-plan"]')?.click();
            await flush();
            expect(creator(element)).not.toBeNull();
            const request = { plan: { name: 'Acme plan' }, milestones: [{ key: 'step-1' }] };
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            emit(creator(element), 'create', { request });
            await flush();
            expect(createPlan).toHaveBeenCalledWith({
                opportunityId: OPPORTUNITY_ID,
                request
            });
            expect(creator(element)).toBeNull();
            expect(header(element)).not.toBeNull();
            expect(focus.mock.contexts).toContain($(header(element).shadowRoot, '[data-id="plan-title"]'));
            focus.mockRestore();
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: OPPORTUNITY_ID }]);
        });

        it('keeps the form and shows the errors when the create fails', async () => {
            mocked(createPlan).mockRejectedValue(
                serverError({
                    message: 'We could not create the plan. Nothing was saved.',
                    pageErrors: [],
                    recordErrors: [{ key: 'plan', messages: [], fieldErrors: { name: ['Too long'] } }]
                })
            );
            const element = await render();
            $(element.shadowRoot, '[data-id="create-plan"]')?.click();
            await flush();
            emit(creator(element), 'create', { request: { plan: {}, milestones: [] } });
            await flush();
            expect(creator(element)).not.toBeNull();
            expect(pageErrors(element)).toContain('We could not create the plan. Nothing was saved.');
            const errors = (creator(element) as unknown as { errors: { records: Record<string, unknown> } }).errors;
            expect(errors.records.plan).toEqual({ messages: [], fieldErrors: { name: ['Too long'] } });
        });

        it('goes back to the empty state on cancel', async () => {
            const element = await render();
            $(element.shadowRoot, '[data-id="create-plan"]')?.click();
            await flush();
            emit(creator(element), 'cancel');
            await flush();
            expect(creator(element)).toBeNull();
            expect($(element.shadowRoot, '[data-id="empty-state"]')).not.toBeNull();
        });
    });

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

    describe('cancelling and moving dates however they are typed', () => {
        it('Escape in an inline edit drops that row’s unsaved edits and closes it', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(3), action: 'edit' });
            emit(list(element), 'fieldchange', { key: M(3), field: 'name', value: 'Renamed' });
            emit(list(element), 'fieldchange', { key: M(4), field: 'status', value: 'Blocked' });
            await flush();
            emit(list(element), 'rowaction', { key: M(3), action: 'cancel' });
            await flush();
            const view = (list(element) as unknown as { view: ListView }).view;
            const rows = view.groups.flatMap((g) => g.rows);
            expect(rows.find((r) => r.key === M(3))).toMatchObject({
                name: 'Seller delivers the business case',
                isEditing: false
            });
            expect(view.changeCount).toBe(1);
        });

        it('a date cleared and typed again later is previewed and asks why, as any move', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(4), action: 'edit' });
            emit(list(element), 'datechange', { key: M(4), value: null });
            await flush();
            emit(list(element), 'datechange', { key: M(4), value: '2026-03-20' });
            await flush();
            const moved = (list(element) as unknown as { view: ListView }).view.groups
                .flatMap((g) => g.rows)
                .find((r) => r.key === M(4));
            expect(moved?.move).toMatchObject({ from: '2026-03-13', to: '2026-03-20', needsReason: true });
        });
    });

    describe('re-planning when a duration or a dependency changes', () => {
        it('offers to move the date, with what waits on it, when a longer duration no longer fits', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(3), action: 'edit' });
            await flush();
            emit(list(element), 'fieldchange', { key: M(3), field: 'durationDays', value: 8 });
            await flush();
            const view = (list(element) as unknown as { view: ListView }).view;
            const moving = view.groups.flatMap((g) => g.rows).find((r) => r.key === M(3));
            expect(moving?.move).toMatchObject({ from: '2026-03-06', to: '2026-03-11' });
            expect(moving?.move?.dependents.map((d) => d.key)).toContain(M(4));
            expect(moving?.durationValue).toBe('8');
            // A change that still fits offers nothing.
            emit(list(element), 'movecancel');
            emit(list(element), 'fieldchange', { key: M(3), field: 'durationDays', value: 2 });
            await flush();
            const after = (list(element) as unknown as { view: ListView }).view;
            expect(after.groups.flatMap((g) => g.rows).find((r) => r.key === M(3))?.move).toBeNull();
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

        it('lists every plan of the opportunity by name, status and dates, the current one marked', async () => {
            mocked(getWorkspace).mockResolvedValue(withHistory('current'));
            const element = await render();
            expect(switcher(element).value).toBe(PLAN_ID);
            expect(switcher(element).options.map((option) => option.label)).toEqual([
                'Acme go-live plan: Active (current plan), started Feb 2, 2026, 1,234 of 1,500 milestones done',
                'First attempt: Completed, started Nov 3, 2025'
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

    describe('editing milestones', () => {
        it('saves only the changed fields, then clears the draft', async () => {
            mocked(saveMilestones).mockResolvedValue(served((w) => (w.milestones[2].status = 'Blocked')));
            const element = await render();
            emit(list(element), 'rowaction', { key: M(3), action: 'edit' });
            emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
            emit(list(element), 'fieldchange', { key: M(3), field: 'sellerOwnerId', value: '005000000000002AAA' });
            await flush();
            expect($(list(element).shadowRoot, '[data-id="save-bar"]')).not.toBeNull();
            emit(list(element), 'save');
            await flush();
            expect(mocked(saveMilestones).mock.calls[0][0].planId).toBe(PLAN_ID);
            expect(lastRequest(saveMilestones)).toEqual({
                milestones: [
                    {
                        key: M(3),
                        id: M(3),
                        status: 'Blocked',
                        sellerOwnerId: '005000000000002AAA',
                        changedFields: ['status', 'sellerOwnerId']
                    }
                ],
                deletedIds: [],
                loaded: expect.objectContaining({ plan: 7 })
            });
            expect($(list(element).shadowRoot, '[data-id="save-bar"]')).toBeNull();
            expect($(row(element, M(3)), '[data-action="edit"]')).not.toBeNull();
        });

        it('keeps the edits and puts each error on its row and field when the save fails', async () => {
            mocked(saveMilestones).mockRejectedValue(
                serverError({
                    message: 'We could not save your changes. Nothing was saved.',
                    pageErrors: [],
                    recordErrors: [
                        {
                            key: M(3),
                            messages: [],
                            fieldErrors: { sellerOwnerId: ['Name the person on your side who owns this milestone.'] }
                        }
                    ]
                })
            );
            const element = await render();
            emit(list(element), 'fieldchange', { key: M(3), field: 'sellerOwnerId', value: null });
            emit(list(element), 'fieldchange', { key: M(4), field: 'status', value: 'In Progress' });
            await flush();
            emit(list(element), 'save');
            await flush();
            expect(pageErrors(element)).toBe(
                'We could not save your changes. Nothing was saved. Fix what is marked below, then save again. Your changes are still here.'
            );
            const seller = $(row(element, M(3)), '[data-field="sellerOwnerId"]') as unknown as {
                error: string;
                value: string;
            };
            expect(seller.error).toBe('Name the person on your side who owns this milestone.');
            expect(seller.value).toBeNull();
            expect($(row(element, M(4)), '[data-id="dirty-flag"]')).not.toBeNull();
            expect($(list(element).shadowRoot, '[data-id="save-bar"]')?.textContent).toContain('2 unsaved changes');
        });

        it('when someone else changed the plan, says so, keeps the edits and reloads the plan under them', async () => {
            const conflict =
                'Since you opened this plan, Priya Raman changed “Legal redlines”. Your edits are still here: reload the plan to see those changes, then save again.';
            mocked(saveMilestones).mockRejectedValue(
                serverError({
                    message: 'We could not save your changes. Nothing was saved.',
                    pageErrors: [conflict],
                    recordErrors: [],
                    conflict: true
                })
            );
            const element = await render();
            emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
            await flush();
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            emit(list(element), 'save');
            await flush();
            expect(lastRequest(saveMilestones)).toMatchObject({ loaded: { plan: 7, milestones: { [M(3)]: 2 } } });
            expect(pageErrors(element)).toContain(conflict);
            const reload = $(element.shadowRoot, '[data-id="reload-keeping-edits"]') as HTMLElement;
            expect(reload).not.toBeNull();
            expect(focus.mock.contexts).toContain(reload);
            focus.mockRestore();

            mocked(getWorkspace).mockResolvedValue(
                served((w) => {
                    (w.plan as { revision: number }).revision = 8;
                    w.milestones[0].name = 'Renamed by Priya';
                })
            );
            reload.click();
            await flush();
            expect(getWorkspace).toHaveBeenCalledTimes(2);
            expect(pageErrors(element)).toBeUndefined();
            expect($(row(element, M(3)), '[data-id="dirty-flag"]')).not.toBeNull();
            expect(list(element).shadowRoot?.textContent).toContain('Renamed by Priya');
            emit(list(element), 'save');
            await flush();
            expect(lastRequest(saveMilestones)).toMatchObject({
                milestones: [{ id: M(3), status: 'Blocked', changedFields: ['status'] }],
                loaded: { plan: 8 }
            });
        });

        it('says in the header, as the user edits, when the plan no longer lands by the target date', async () => {
            const element = await render();
            const lateLanding = () => (header(element) as unknown as { lateLanding: string | null }).lateLanding;
            expect(lateLanding()).toBeNull();
            emit(list(element), 'fieldchange', { key: M(8), field: 'dueDate', value: '2026-04-14' });
            await flush();
            expect(lateLanding()).toBe(
                "The plan no longer lands by the buyer's target date (Mar 31, 2026): “Buyer reaches first value” is due Apr 14, 2026, 10 working days later. To land on time, pull in the milestones before it, or agree a new target date with the buyer."
            );
            expect((header(element) as unknown as { overdueMilestones: string[] }).overdueMilestones).toEqual([
                'Buyer IT completes technical validation'
            ]);
        });

        it('warns when a removed milestone has others waiting on it, and re-points them on request', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(4), action: 'remove' });
            await flush();
            const warning = $(row(element, M(4)), '[data-id="removal-warning"]');
            expect(warning?.textContent).toContain('“Buyer legal returns first redlines” waits on this milestone.');
            emit(list(element), 'rowaction', { key: M(4), action: 'repoint' });
            await flush();
            expect($(row(element, M(4)), '[data-id="removal-warning"]')).toBeNull();
            emit(list(element), 'save');
            await flush();
            expect(lastRequest(saveMilestones)).toMatchObject({
                milestones: [{ id: M(5), dependsOnId: M(3) }],
                deletedIds: [M(4)]
            });
        });

        it('moves the focus to what needs fixing: the first refused row, else the errors at the top', async () => {
            const element = await render();
            const rowFocus = jest.fn();
            (list(element) as unknown as { focusRow: jest.Mock }).focusRow = rowFocus;
            emit(list(element), 'add', { phase: 'Legal' });
            await flush();
            rowFocus.mockClear();
            emit(list(element), 'fieldchange', { key: 'new-1', field: 'dueDate', value: null });
            emit(list(element), 'save');
            await flush();
            expect(rowFocus).toHaveBeenCalledWith('new-1', true);

            emit(list(element), 'rowaction', { key: 'new-1', action: 'remove' });
            emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
            mocked(saveMilestones).mockRejectedValue({ body: { message: 'Insufficient access rights on object id' } });
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            emit(list(element), 'save');
            await flush();
            await flush();
            expect(focus.mock.contexts).toContain($(element.shadowRoot, '[data-id="page-errors"]'));
            focus.mockRestore();
        });

        it('shows page errors from the platform at the top', async () => {
            mocked(saveMilestones).mockRejectedValue({ body: { message: 'Insufficient access rights on object id' } });
            const element = await render();
            emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
            emit(list(element), 'save');
            await flush();
            expect(pageErrors(element)).toBe(
                'We could not save your changes. Nothing was saved. Insufficient access rights on object id'
            );
        });

        it('checks names and dates before calling the server', async () => {
            const element = await render();
            emit(list(element), 'add', { phase: 'Legal' });
            await flush();
            emit(list(element), 'fieldchange', { key: 'new-1', field: 'dueDate', value: null });
            emit(list(element), 'save');
            await flush();
            expect(saveMilestones).not.toHaveBeenCalled();
            expect(pageErrors(element)).toContain('Fix 1 milestone before saving.');
            expect($(row(element, 'new-1'), '[data-error="name"]')?.textContent).toBe(
                "Enter a name, in the buyer's words."
            );
            expect($(row(element, 'new-1'), '[data-error="dueDate"]')?.textContent).toBe('Enter a due date.');
        });

        it('adds, removes and reorders milestones in one save', async () => {
            mocked(saveMilestones).mockResolvedValue(served());
            const element = await render();
            emit(list(element), 'rowaction', { key: M(8), action: 'up' });
            emit(list(element), 'rowaction', { key: M(5), action: 'remove' });
            emit(list(element), 'add', { phase: 'Procurement' });
            await flush();
            emit(list(element), 'fieldchange', {
                key: 'new-1',
                field: 'name',
                value: 'Buyer procurement issues the PO'
            });
            emit(list(element), 'save');
            await flush();
            const request = lastRequest(saveMilestones);
            expect(request.deletedIds).toEqual([M(5)]);
            expect(request.milestones.find((m) => m.key === 'new-1')).toMatchObject({
                id: null,
                name: 'Buyer procurement issues the PO',
                phase: 'Procurement',
                sortOrder: 5
            });
            expect(request.milestones.find((m) => m.key === M(8))).toMatchObject({
                sortOrder: 7,
                changedFields: ['sortOrder']
            });
        });

        it('restores a removed milestone and discards every edit', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(5), action: 'remove' });
            await flush();
            expect($(row(element, M(5)), '[data-id="deleted-flag"]')).not.toBeNull();
            emit(list(element), 'rowaction', { key: M(5), action: 'restore' });
            emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
            await flush();
            expect($(row(element, M(5)), '[data-id="deleted-flag"]')).toBeNull();
            emit(list(element), 'discard');
            await flush();
            expect($(list(element).shadowRoot, '[data-id="save-bar"]')).toBeNull();
        });

        it('opens and closes edit mode, filters and the date history', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(3), action: 'edit' });
            await flush();
            expect($(row(element, M(3)), '[data-action="done"]')).not.toBeNull();
            emit(list(element), 'rowaction', { key: M(3), action: 'done' });
            emit(list(element), 'rowaction', { key: M(2), action: 'history' });
            await flush();
            expect($(row(element, M(3)), '[data-action="done"]')).toBeNull();
            expect($(row(element, M(2)), '[data-id="history"]')).not.toBeNull();
            emit(list(element), 'rowaction', { key: M(2), action: 'history' });
            emit(list(element), 'filterchange', { filter: 'overdue' });
            await flush();
            expect($(row(element, M(2)), '[data-id="history"]')).toBeNull();
            expect(row(element, M(3))).toBeNull();
            emit(list(element), 'rowaction', { key: M(2), action: 'nonsense' });
            expect(row(element, M(2))).not.toBeNull();
        });
    });

    describe('moving a date', () => {
        async function moveLater(element: HTMLElement) {
            emit(list(element), 'rowaction', { key: M(4), action: 'edit' });
            emit(list(element), 'datechange', { key: M(4), value: '2026-03-20' });
            await flush();
        }

        it('previews what moves and where the close lands, then needs a reason before applying', async () => {
            const element = await render();
            await moveLater(element);
            expect($(row(element, M(4)), '[data-id="move-panel"]')?.textContent).toContain(
                'These milestones move with it'
            );
            expect(
                (header(element) as unknown as { unsavedProjectedCloseDate: string | null }).unsavedProjectedCloseDate
            ).toBeNull();
            emit(list(element), 'moveconfirm');
            await flush();
            const reason = $(row(element, M(4)), '[data-id="move-reason"]') as unknown as { error: string };
            expect(reason.error).toBe('Choose why the date moves later: the slip history keeps it.');
            emit(list(element), 'moveinput', { field: 'reason', value: 'Security review' });
            emit(list(element), 'moveinput', { field: 'note', value: 'Pen test findings' });
            await flush();
            expect(($(row(element, M(4)), '[data-id="move-reason"]') as unknown as { error: string }).error).toBeNull();
            emit(list(element), 'moveconfirm');
            await flush();
            expect($(row(element, M(4)), '[data-id="move-panel"]')).toBeNull();
            expect(
                (header(element) as unknown as { unsavedProjectedCloseDate: string | null }).unsavedProjectedCloseDate
            ).toBe('2026-03-24');
        });

        it('saves the new dates with the reason, and the pushed milestones with theirs', async () => {
            mocked(saveMilestones).mockResolvedValue(served());
            const element = await render();
            await moveLater(element);
            emit(list(element), 'moveinput', { field: 'reason', value: 'Security review' });
            emit(list(element), 'moveconfirm');
            emit(list(element), 'save');
            await flush();
            const request = lastRequest(saveMilestones);
            expect(request.milestones[0]).toEqual({
                key: M(4),
                id: M(4),
                dueDate: '2026-03-20',
                slipReason: 'Security review',
                changedFields: ['dueDate', 'slipReason']
            });
            expect(request.milestones[1]).toMatchObject({
                key: M(5),
                dueDate: '2026-03-24',
                slipReason: 'Predecessor slipped'
            });
            expect(request.milestones).toHaveLength(5);
        });

        it('asks for a note when the reason is the same as the last slip', async () => {
            const element = await render();
            emit(list(element), 'datechange', { key: M(2), value: '2026-03-04' });
            await flush();
            emit(list(element), 'moveinput', { field: 'reason', value: 'Buyer availability' });
            emit(list(element), 'moveconfirm');
            await flush();
            const reason = $(row(element, M(2)), '[data-id="move-reason"]') as unknown as { error: string };
            expect(reason.error).toBe('The last slip had the same reason: add a note about this one.');
        });

        it('cancels a move, and drops one back to the same date', async () => {
            const element = await render();
            await moveLater(element);
            emit(list(element), 'movecancel');
            await flush();
            expect($(row(element, M(4)), '[data-id="move-panel"]')).toBeNull();
            emit(list(element), 'datechange', { key: M(4), value: '2026-03-20' });
            emit(list(element), 'datechange', { key: M(4), value: '2026-03-13' });
            await flush();
            expect($(row(element, M(4)), '[data-id="move-panel"]')).toBeNull();
            expect($(list(element).shadowRoot, '[data-id="save-bar"]')).toBeNull();
        });

        it('moves a new milestone, and clears a date, without a preview', async () => {
            const element = await render();
            emit(list(element), 'add', {});
            await flush();
            emit(list(element), 'datechange', { key: 'new-1', value: '2026-03-10' });
            emit(list(element), 'datechange', { key: M(3), value: null });
            await flush();
            expect($(list(element).shadowRoot, '[data-id="move-panel"]')).toBeNull();
            emit(list(element), 'datechange', { key: 'unknown', value: '2026-03-10' });
            emit(list(element), 'moveinput', { field: 'reason', value: 'Other' });
            emit(list(element), 'moveconfirm');
            await flush();
            expect($(list(element).shadowRoot, '[data-id="move-panel"]')).toBeNull();
        });

        it('forgets a pending move when its milestone is removed', async () => {
            const element = await render();
            await moveLater(element);
            emit(list(element), 'rowaction', { key: M(4), action: 'remove' });
            await flush();
            expect($(row(element, M(4)), '[data-id="move-panel"]')).toBeNull();
        });
    });

    it('tells the record page and the user when a save worked', async () => {
        mocked(saveMilestones).mockResolvedValue(served());
        const element = await render();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
        emit(list(element), 'save');
        await flush();
        expect(toast).toHaveBeenCalledTimes(1);
        expect(toast.mock.calls[0][0].detail).toMatchObject({ title: 'Plan saved', variant: 'success' });
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: OPPORTUNITY_ID }]);
    });

    it('is accessible with a plan, without one, and with errors', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
        mocked(saveMilestones).mockRejectedValue({ body: { message: 'Insufficient access' } });
        emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
        emit(list(element), 'save');
        await flush();
        await expect(element).toBeAccessible();
        document.body.removeChild(element);
        mocked(getWorkspace).mockResolvedValue(served(undefined, NO_PLAN));
        const empty = await render();
        await expect(empty).toBeAccessible();
        $(empty.shadowRoot, '[data-id="create-plan"]')?.click();
        await flush();
        await expect(empty).toBeAccessible();
    });
});

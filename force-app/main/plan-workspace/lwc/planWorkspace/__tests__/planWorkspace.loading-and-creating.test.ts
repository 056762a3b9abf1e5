// The plan workspace loading the plan (or saying why it cannot), and creating one where there is none.
import {
    setUpWorkspace,
    $,
    createElement,
    createPlan,
    creator,
    emit,
    flush,
    getWorkspace,
    header,
    list,
    M,
    mocked,
    NO_PLAN,
    notifyRecordUpdateAvailable,
    OPPORTUNITY_ID,
    pageErrors,
    PlanWorkspace,
    render,
    row,
    saveMilestones,
    served,
    serverError
} from './workspaceHarness';

describe('c-plan-workspace', () => {
    setUpWorkspace();

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

        it('is a card titled "Mutual action plan" with its icon, while loading and once loaded', async () => {
            mocked(getWorkspace).mockReturnValueOnce(new Promise(() => undefined));
            const loading = createElement('c-plan-workspace', { is: PlanWorkspace });
            document.body.appendChild(loading);
            const element = await render();
            for (const shown of [loading, element]) {
                const card = $(shown.shadowRoot, 'article.slds-card');
                expect($(card, 'h2.slds-card__header-title')?.textContent?.trim()).toBe('Mutual action plan');
                const icon = $(card, '.slds-card__header lightning-icon') as unknown as { iconName: string } | null;
                expect(icon?.iconName).toBe('standard:task');
                expect($(card, '.slds-card__body')?.contains($(shown.shadowRoot, '.workspace'))).toBe(true);
            }
            expect($($(element.shadowRoot, '.slds-card__body'), 'c-plan-milestone-list')).not.toBeNull();
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

import { ACTIVE_PLAN, click, flush, listen, render, renderWith, text } from './headerFixture';

describe('c-plan-header', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('renders nothing until a plan is given', () => {
        const element = render(undefined);
        expect(element.shadowRoot?.querySelector('section')).toBeNull();
    });

    it('shows the plan name, objective, anchor event and buyer lead', () => {
        const element = render(ACTIVE_PLAN);
        expect(element.shadowRoot?.querySelector('.plan-name')?.textContent).toBe('Acme rollout plan');
        expect(element.shadowRoot?.querySelector('.plan-objective')?.textContent).toBe(ACTIVE_PLAN.sharedObjective);
        expect(text(element, 'anchor-event')).toBe('Board meeting on April 2');
        expect(text(element, 'buyer-lead')).toBe('Dana Buyer');
    });

    it('reads a Success plan as one: a badge next to the status, and who owns it', () => {
        const element = render({
            ...ACTIVE_PLAN,
            status: 'Draft',
            planType: 'Success',
            successOwnerName: 'Priya Shah'
        });
        expect(text(element, 'plan-type')).toBe('Success plan');
        expect(text(element, 'success-owner')).toBe('Owned by Priya Shah');
        // When the deal closes is a close plan's question: the deal is won.
        expect(element.shadowRoot?.querySelector('[data-id="projected-close"]')).toBeNull();
    });

    it('says nothing of the type of a close plan', () => {
        const element = render({ ...ACTIVE_PLAN, planType: 'Close', successOwnerName: 'Priya Shah' });
        expect(element.shadowRoot?.querySelector('[data-id="plan-type"]')).toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="success-owner"]')).toBeNull();
    });

    it('shows the health badge with its theme and its sign, the sign hidden from screen readers', () => {
        const element = render(ACTIVE_PLAN);
        const badge = element.shadowRoot?.querySelector('[data-id="health"]');
        expect(badge?.className).toContain('slds-theme_warning');
        expect(badge?.textContent).toContain('At Risk');
        expect(badge?.querySelector('[aria-hidden="true"]')?.textContent).toBe('!');
    });

    it('falls back to the status badge when health is blank', () => {
        const element = render({ ...ACTIVE_PLAN, status: 'Draft', health: null });
        expect(text(element, 'health')).toContain('Draft');
    });

    it('warns when the projected close lands after the opportunity close date', () => {
        const element = render(ACTIVE_PLAN);
        expect(text(element, 'close-message')).toBe("The plan closes 5 days after the opportunity's close date.");
        expect(element.shadowRoot?.querySelector('[data-id="projected-close"] .slds-text-color_error')).not.toBeNull();
        const sign = element.shadowRoot?.querySelector('[data-id="projected-close"] [data-id="close-warning"]');
        expect(sign?.textContent).toBe('⚠︎');
        expect(sign?.getAttribute('aria-hidden')).toBe('true');
        expect(element.shadowRoot?.querySelector('lightning-icon')).toBeNull();
    });

    it('shows no warning when the plan closes before the close date', () => {
        const element = render({ ...ACTIVE_PLAN, projectedCloseDate: '2026-03-10' });
        expect(text(element, 'close-message')).toBe("The plan closes 5 days before the opportunity's close date.");
        expect(element.shadowRoot?.querySelector('[data-id="close-warning"]')).toBeNull();
    });

    it('says how far the close moved since both sides committed to it, in working days, and nothing when it did not', () => {
        expect(text(render({ ...ACTIVE_PLAN, closeSlipDays: 4 }), 'close-slip')).toBe(
            'The close has moved 4 working days since both sides committed to it.'
        );
        expect(text(render({ ...ACTIVE_PLAN, closeSlipDays: -2 }), 'close-slip')).toBe(
            'The close is 2 working days earlier than both sides committed to.'
        );
        expect(
            render({ ...ACTIVE_PLAN, closeSlipDays: 0 }).shadowRoot?.querySelector('[data-id="close-slip"]')
        ).toBeNull();
        expect(render(ACTIVE_PLAN).shadowRoot?.querySelector('[data-id="close-slip"]')).toBeNull();
    });

    it('reports completion for all milestones and for buyer milestones separately', () => {
        const element = render(ACTIVE_PLAN);
        const fill = (id: string) =>
            element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"] .slds-progress-bar__value`)?.style.width;
        expect(fill('all-progress')).toBe('25%');
        expect(fill('buyer-progress')).toBe('25%');
        const halfBuyer = render({ ...ACTIVE_PLAN, buyerCompletedMilestoneCount: 2 });
        expect(
            halfBuyer.shadowRoot?.querySelector<HTMLElement>('[data-id="buyer-progress"] .slds-progress-bar__value')
                ?.style.width
        ).toBe('50%');
        expect(element.shadowRoot?.querySelector('[data-id="all-progress"]')?.getAttribute('aria-hidden')).toBe('true');
        expect(element.shadowRoot?.textContent).toContain('2 of 8 milestones complete');
        expect(element.shadowRoot?.textContent).toContain('1 of 4 buyer milestones complete');
    });

    it('says when the buyer has not accepted the plan', () => {
        const element = render({ ...ACTIVE_PLAN, buyerAccepted: false, buyerAcceptedOn: null });
        expect(text(element, 'acceptance')).toBe('Not yet accepted by the buyer');
    });

    it('invites the user to agree an objective when none is set', () => {
        const element = render({ ...ACTIVE_PLAN, sharedObjective: '' });
        expect(element.shadowRoot?.querySelector('.plan-objective')?.textContent).toContain('No shared objective yet');
    });

    it('is accessible', async () => {
        const element = render(ACTIVE_PLAN);
        await expect(element).toBeAccessible();
    });

    describe('what needs attention', () => {
        it('says how overdue the plan is and that it is stale', () => {
            const element = render({ ...ACTIVE_PLAN, daysOverdue: 3, isStale: true, daysSinceProgress: 16 });
            expect(text(element, 'overdue')).toBe('The earliest open milestone is 3 days overdue');
            expect(text(element, 'stale')).toBe('Stale: No milestone has moved for 16 days');
        });

        it.each([
            [{ daysOverdue: 1 }, 'overdue', 'The earliest open milestone is 1 day overdue'],
            [{ isStale: true, daysSinceProgress: null }, 'stale', 'Stale: No recent progress']
        ])('words %p', (change, id, message) => {
            expect(text(render({ ...ACTIVE_PLAN, ...change }), id)).toBe(message);
        });

        it('says nothing when nothing is late', () => {
            const element = render({ ...ACTIVE_PLAN, daysOverdue: 0, isStale: false });
            expect(element.shadowRoot?.querySelector('[data-id="attention"]')).toBeNull();
        });
    });

    it('shows where the close lands with unsaved changes', () => {
        const element = renderWith({ unsavedProjectedCloseDate: '2026-03-10' });
        expect(text(element, 'unsaved-projection')).toBe('(with your unsaved changes)');
        expect(text(element, 'close-message')).toBe("The plan closes 5 days before the opportunity's close date.");
    });

    describe('status', () => {
        it.each([
            ['Draft', ['Activate plan', 'Cancel plan']],
            ['Active', ['Mark complete', 'Cancel plan']],
            ['Completed', []],
            ['Cancelled', []]
        ])('offers a %s plan %p', (status, labels) => {
            const element = renderWith({ plan: { ...ACTIVE_PLAN, status }, canEditPlan: true });
            const buttons = [...(element.shadowRoot?.querySelectorAll('[data-status]') ?? [])];
            expect(buttons.map((b) => (b as unknown as { label: string }).label)).toEqual(labels);
        });

        it('offers no status change without permission', () => {
            const element = renderWith({ canEditPlan: false });
            expect(element.shadowRoot?.querySelector('[data-id="status-actions"]')).toBeNull();
        });

        it.each([
            ['Draft', 'Active', 'Activate the plan? Both sides commit', 'brand'],
            ['Active', 'Completed', 'Mark the plan complete?', 'brand'],
            ['Active', 'Cancelled', 'Cancel the plan?', 'destructive']
        ])('asks before moving a %s plan to %s, then reports it', async (status, next, question, variant) => {
            const element = renderWith({ plan: { ...ACTIVE_PLAN, status }, canEditPlan: true });
            const events = listen(element, 'statuschange');
            click(element, `[data-status="${next}"]`);
            await flush();
            expect(text(element, 'confirm-text')).toContain(question);
            expect(element.shadowRoot?.querySelector('[data-id="status-actions"]')).toBeNull();
            const confirm = element.shadowRoot?.querySelector('[data-id="confirm-status"]') as unknown as {
                variant: string;
            };
            expect(confirm.variant).toBe(variant);
            click(element, '[data-id="confirm-status"]');
            expect(events).toEqual([{ type: 'statuschange', detail: { status: next } }]);
        });

        it('lets the user step back from a status change', async () => {
            const element = renderWith({ canEditPlan: true });
            const events = listen(element, 'statuschange');
            click(element, '[data-status="Cancelled"]');
            await flush();
            click(element, '[data-id="confirm-keep"]');
            await flush();
            expect(element.shadowRoot?.querySelector('[data-id="confirm-text"]')).toBeNull();
            expect(events).toEqual([]);
        });

        it('keeps the question open with the error after a failed change, and closes it for a new plan', async () => {
            const element = renderWith({ canEditPlan: true, plan: { ...ACTIVE_PLAN, status: 'Draft' } });
            click(element, '[data-status="Active"]');
            await flush();
            element.errors = {
                messages: ['Before this plan can be active, fix milestone "Legal": name the buyer contact.'],
                fieldErrors: { status: ['This opportunity already has an active plan.'] }
            };
            await flush();
            expect(text(element, 'confirm-text')).toContain('Activate the plan?');
            expect(element.shadowRoot?.querySelector('[data-error="status"]')?.textContent).toBe(
                'This opportunity already has an active plan.'
            );
            expect(element.shadowRoot?.querySelector('[data-error="plan"]')?.textContent).toBe(
                'Before this plan can be active, fix milestone "Legal": name the buyer contact.'
            );
            element.plan = { ...ACTIVE_PLAN };
            await flush();
            expect(element.shadowRoot?.querySelector('[data-id="confirm-text"]')).toBeNull();
        });

        it('disables the actions while saving', () => {
            const element = renderWith({ canEditPlan: true, canRecordAcceptance: true, busy: true });
            const buttons = [...(element.shadowRoot?.querySelectorAll('lightning-button') ?? [])];
            expect(buttons.length).toBeGreaterThan(0);
            expect(buttons.every((b) => (b as unknown as { disabled: boolean }).disabled)).toBe(true);
        });
    });

    it('lists the open milestones before the plan is marked complete', async () => {
        const element = renderWith({ canEditPlan: true, openMilestones: ['Legal redlines', 'Signature'] });
        const button = [...(element.shadowRoot?.querySelectorAll('[data-status]') ?? [])].find(
            (node) => (node as HTMLElement).dataset.status === 'Completed'
        ) as HTMLElement;
        button.click();
        await flush();
        expect(text(element, 'open-milestones-text')).toBe(
            '2 milestones are still open; completing the plan leaves them as they are:'
        );
        expect(text(element, 'open-milestones')).toMatch(/Legal redlines\s*Signature/);
    });

    it('lists the overdue milestones before a draft is activated', async () => {
        const element = renderWith({
            canEditPlan: true,
            plan: { ...ACTIVE_PLAN, status: 'Draft' },
            overdueMilestones: ['Technical validation']
        });
        const button = [...(element.shadowRoot?.querySelectorAll('[data-status]') ?? [])].find(
            (node) => (node as HTMLElement).dataset.status === 'Active'
        ) as HTMLElement;
        button.click();
        await flush();
        expect(text(element, 'open-milestones-text')).toBe(
            '1 milestone is already overdue. Activating makes their dates the baseline, so move them first if the buyer agreed new dates:'
        );
        expect(text(element, 'open-milestones')).toBe('Technical validation');
    });

    it('marks what is overdue, late or closes late with a sign screen readers skip, and no icon component', async () => {
        const element = renderWith({
            plan: { ...ACTIVE_PLAN, daysOverdue: 3 },
            lateLanding: "The plan no longer lands by the buyer's target date."
        });
        const signs = [...(element.shadowRoot?.querySelectorAll('.attention__glyph') ?? [])];
        expect(signs.map((sign) => [sign.nextElementSibling?.getAttribute('data-id'), sign.textContent])).toEqual([
            ['overdue', '◷'],
            ['late-landing', '⚠︎'],
            ['close-message', '⚠︎']
        ]);
        expect(signs.every((sign) => sign.getAttribute('aria-hidden') === 'true')).toBe(true);
        expect(element.shadowRoot?.querySelector('lightning-icon')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says plainly when the plan no longer lands by the target date', () => {
        const element = renderWith({ lateLanding: "The plan no longer lands by the buyer's target date." });
        expect(text(element, 'late-landing')).toBe("The plan no longer lands by the buyer's target date.");
        expect(renderWith({}).shadowRoot?.querySelector('[data-id="late-landing"]')).toBeNull();
    });

    it('says when the plan can land at the pace agreed, in red when that is after the close date', () => {
        const late = renderWith({
            impliedClose: { text: 'At the pace agreed, “Signature” lands Mar 24.', isLate: true }
        });
        const fact = late.shadowRoot?.querySelector('[data-id="implied-close"]');
        expect(fact?.textContent).toBe('At the pace agreed, “Signature” lands Mar 24.');
        expect(fact?.className).toBe('slds-text-color_error');
        const early = renderWith({
            impliedClose: { text: 'At the pace agreed, “Signature” lands Mar 2.', isLate: false }
        });
        expect(early.shadowRoot?.querySelector('[data-id="implied-close"]')?.className).toBe('');
        expect(renderWith({}).shadowRoot?.querySelector('[data-id="implied-close"]')).toBeNull();
    });

    it('asks nothing more when every milestone is done', async () => {
        const element = renderWith({ canEditPlan: true, openMilestones: [] });
        const button = [...(element.shadowRoot?.querySelectorAll('[data-status]') ?? [])].find(
            (node) => (node as HTMLElement).dataset.status === 'Completed'
        ) as HTMLElement;
        button.click();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="open-milestones"]')).toBeNull();
    });

    describe('editing the plan details', () => {
        const field = (element: HTMLElement, name: string) =>
            element.shadowRoot?.querySelector(`[data-detail="${name}"]`) as HTMLElement & { value: unknown };
        const change = (element: HTMLElement, name: string, value: string | null) =>
            field(element, name).dispatchEvent(new CustomEvent('change', { detail: { value } }));
        const error = (element: HTMLElement, name: string) =>
            element.shadowRoot?.querySelector(`[data-error="${name}"]`)?.textContent?.trim() ?? null;

        it('opens a form with the plan as it is, focused on the name, and sends only what changed', async () => {
            const element = renderWith({ canEditPlan: true, today: '2026-03-02' });
            const events = listen(element, 'planupdate');
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            click(element, '[data-id="edit-details"]');
            await flush();
            expect(field(element, 'name').value).toBe('Acme rollout plan');
            expect(field(element, 'targetDate').value).toBe('2026-03-31');
            expect(focus.mock.contexts).toContain(field(element, 'name'));
            focus.mockRestore();
            change(element, 'name', 'Acme rollout, phase one');
            change(element, 'anchorEvent', '');
            await flush();
            click(element, '[data-id="save-details"]');
            expect(events).toEqual([
                {
                    type: 'planupdate',
                    detail: {
                        request: {
                            plan: {
                                name: 'Acme rollout, phase one',
                                sharedObjective: ACTIVE_PLAN.sharedObjective,
                                targetDate: '2026-03-31',
                                anchorEvent: null,
                                buyerLeadId: '003A'
                            },
                            changedFields: ['name', 'anchorEvent']
                        }
                    }
                }
            ]);
        });

        it('puts a target date that is not after today next to the field, and sends nothing until it is fixed', async () => {
            const element = renderWith({ canEditPlan: true, today: '2026-03-02' });
            const events = listen(element, 'planupdate');
            click(element, '[data-id="edit-details"]');
            await flush();
            change(element, 'targetDate', '2026-02-20');
            await flush();
            click(element, '[data-id="save-details"]');
            await flush();
            expect(error(element, 'targetDate')).toBe('Choose a target date after today: the plan works back from it.');
            expect(events).toEqual([]);
            change(element, 'targetDate', '2026-04-30');
            await flush();
            expect(error(element, 'targetDate')).toBeNull();
            click(element, '[data-id="save-details"]');
            expect(events).toHaveLength(1);
        });

        it('shows how much of the objective and anchor event is used while typing', async () => {
            const element = renderWith({ canEditPlan: true, today: '2026-03-02' });
            click(element, '[data-id="edit-details"]');
            await flush();
            change(element, 'sharedObjective', 'x'.repeat(1200));
            await flush();
            expect(text(element, 'objective-length')).toBe('1,200 of 5,000 characters');
            expect(text(element, 'anchor-length')).toBe(`${ACTIVE_PLAN.anchorEvent?.length} of 255 characters`);
        });

        it('turns "No shared objective yet" into the way to add one', async () => {
            const element = renderWith({ canEditPlan: true, plan: { ...ACTIVE_PLAN, sharedObjective: null } });
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            click(element, '[data-id="add-objective"]');
            await flush();
            expect(focus.mock.contexts).toContain(field(element, 'sharedObjective'));
            focus.mockRestore();
        });

        it('shows the platform errors of a failed save next to their fields, and closes once the plan is saved', async () => {
            const element = renderWith({ canEditPlan: true, today: '2026-03-02' });
            click(element, '[data-id="edit-details"]');
            await flush();
            element.errors = { messages: [], fieldErrors: { name: ['Name is too long for the platform.'] } };
            await flush();
            expect(error(element, 'name')).toBe('Name is too long for the platform.');
            expect(element.shadowRoot?.querySelector('[data-error="plan"]')).toBeNull();
            element.plan = { ...ACTIVE_PLAN, name: 'Saved name' };
            element.errors = null;
            await flush();
            expect(field(element, 'name')).toBeFalsy();
        });

        it('closes without a save when nothing changed, and on cancel', async () => {
            const element = renderWith({ canEditPlan: true, today: '2026-03-02' });
            const events = listen(element, 'planupdate');
            click(element, '[data-id="edit-details"]');
            await flush();
            click(element, '[data-id="save-details"]');
            await flush();
            expect(field(element, 'name')).toBeFalsy();
            click(element, '[data-id="edit-details"]');
            await flush();
            click(element, '[data-id="cancel-details"]');
            await flush();
            expect(field(element, 'name')).toBeFalsy();
            expect(events).toEqual([]);
        });

        it.each(['Completed', 'Cancelled'])('offers no edit of a %s plan (history) or without permission', (status) => {
            expect(
                renderWith({ canEditPlan: true, plan: { ...ACTIVE_PLAN, status } }).shadowRoot?.querySelector(
                    '[data-id="edit-details"]'
                )
            ).toBeNull();
            expect(renderWith({ canEditPlan: false }).shadowRoot?.querySelector('[data-id="edit-details"]')).toBeNull();
        });

        it('is accessible with the form open and an error shown', async () => {
            const element = renderWith({ canEditPlan: true, today: '2026-03-02' });
            click(element, '[data-id="edit-details"]');
            await flush();
            change(element, 'name', '');
            click(element, '[data-id="save-details"]');
            await flush();
            await expect(element).toBeAccessible();
        });
    });
});

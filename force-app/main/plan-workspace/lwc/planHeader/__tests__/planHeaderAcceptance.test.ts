import type { PlanSummary } from 'c/planHeader';
import { ACTIVE_PLAN, click, flush, listen, render, renderWith, text } from './headerFixture';

// The buyer's acceptance in the header: recording it, withdrawing it, and an acceptance that lapsed.
describe('c-plan-header', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    describe('buyer acceptance', () => {
        const notAccepted = { ...ACTIVE_PLAN, buyerAccepted: false, buyerAcceptedOn: null, buyerAcceptedByName: null };

        it('records who accepted, defaulting to the buyer lead', async () => {
            const element = renderWith({ plan: notAccepted, canRecordAcceptance: true });
            const events = listen(element, 'acceptance');
            click(element, '[data-id="start-acceptance"]');
            await flush();
            const select = element.shadowRoot?.querySelector('[data-id="accepted-by"]') as unknown as {
                value: string;
                options: { label: string; value: string }[];
            };
            expect(select.value).toBe('003A');
            expect(select.options).toEqual([
                { label: 'Dana Buyer (Economic Buyer)', value: '003A' },
                { label: 'Sam Security', value: '003B' }
            ]);
            (select as unknown as HTMLElement).dispatchEvent(new CustomEvent('change', { detail: { value: '003B' } }));
            await flush();
            click(element, '[data-id="record-acceptance"]');
            expect(events).toEqual([{ type: 'acceptance', detail: { accepted: true, contactId: '003B' } }]);
        });

        it('defaults to the first contact when the lead is not offered, and needs someone', async () => {
            const element = renderWith({ plan: { ...notAccepted, buyerLeadId: null }, canRecordAcceptance: true });
            click(element, '[data-id="start-acceptance"]');
            await flush();
            const select = element.shadowRoot?.querySelector('[data-id="accepted-by"]') as HTMLElement & {
                value: string;
            };
            expect(select.value).toBe('003A');
            select.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
            await flush();
            const record = element.shadowRoot?.querySelector('[data-id="record-acceptance"]') as unknown as {
                disabled: boolean;
            };
            expect(record.disabled).toBe(true);
        });

        it('can be cancelled', async () => {
            const element = renderWith({ plan: notAccepted, canRecordAcceptance: true });
            click(element, '[data-id="start-acceptance"]');
            await flush();
            click(element, '[data-id="cancel-acceptance"]');
            await flush();
            expect(element.shadowRoot?.querySelector('[data-id="accepted-by"]')).toBeNull();
            expect(element.shadowRoot?.querySelector('[data-id="start-acceptance"]')).not.toBeNull();
        });

        it('shows the platform error on who accepted', async () => {
            const element = renderWith({ plan: notAccepted, canRecordAcceptance: true });
            click(element, '[data-id="start-acceptance"]');
            element.errors = { messages: [], fieldErrors: { buyerAcceptedById: ['Choose the buyer contact.'] } };
            await flush();
            const select = element.shadowRoot?.querySelector('[data-id="accepted-by"]') as unknown as { error: string };
            expect(select.error).toBe('Choose the buyer contact.');
        });

        it('explains what to do when the opportunity has no buyer contacts', async () => {
            const element = renderWith({ plan: notAccepted, canRecordAcceptance: true, buyerContacts: [] });
            click(element, '[data-id="start-acceptance"]');
            element.errors = { messages: [], fieldErrors: { buyerAcceptedById: ['Choose the buyer contact.'] } };
            await flush();
            expect(text(element, 'no-contacts')).toContain('contact roles');
            expect(element.shadowRoot?.querySelector('[data-error="acceptance"]')?.textContent).toBe(
                'Choose the buyer contact.'
            );
        });

        it('withdraws an acceptance once the user confirms, saying which gate the deal then no longer meets', async () => {
            const element = renderWith({
                canRecordAcceptance: true,
                opportunityStage: 'Negotiation/Review',
                acceptedPlanStages: ['Negotiation/Review']
            });
            const events = listen(element, 'acceptance');
            expect(element.shadowRoot?.querySelector('[data-id="start-acceptance"]')).toBeNull();
            click(element, '[data-id="withdraw-acceptance"]');
            await flush();
            expect(events).toEqual([]);
            expect(text(element, 'withdraw-text')).toContain(
                'This deal is in Negotiation/Review, which needs a buyer-accepted plan. Without the acceptance it no longer meets that gate'
            );
            click(element, '[data-id="keep-acceptance"]');
            await flush();
            expect(element.shadowRoot?.querySelector('[data-id="withdraw-text"]')).toBeNull();
            click(element, '[data-id="withdraw-acceptance"]');
            await flush();
            click(element, '[data-id="confirm-withdraw"]');
            expect(events).toEqual([{ type: 'acceptance', detail: { accepted: false, contactId: null } }]);
        });

        it.each<[string, string, string[], string]>([
            [
                'a deal before the gated stage',
                'Proposal/Price Quote',
                ['Negotiation/Review'],
                "The deal will need the buyer's acceptance again before it moves into Negotiation/Review."
            ],
            [
                'an org without an acceptance gate',
                'Negotiation/Review',
                [],
                'No stage gate of this org needs an accepted plan'
            ]
        ])('says what a withdrawal means for %s', async (_, stage, gated, message) => {
            const element = renderWith({
                canRecordAcceptance: true,
                opportunityStage: stage,
                acceptedPlanStages: gated
            });
            click(element, '[data-id="withdraw-acceptance"]');
            await flush();
            expect(text(element, 'withdraw-text')).toContain(message);
        });

        it.each([
            ['without permission', { canRecordAcceptance: false }],
            ['on a cancelled plan', { canRecordAcceptance: true, plan: { ...notAccepted, status: 'Cancelled' } }]
        ])('is not offered %s', (_, props) => {
            const element = renderWith({ plan: notAccepted, ...props });
            expect(element.shadowRoot?.querySelector('[data-id="start-acceptance"]')).toBeNull();
        });

        const lapsed: PlanSummary = {
            ...ACTIVE_PLAN,
            buyerAccepted: false,
            acceptanceStatus: 'Lapsed',
            acceptanceSource: 'Buyer Page',
            acceptedVersion: 2,
            version: 3
        };

        it('says an acceptance of an earlier version lapsed, who gave it, and what to do', () => {
            const element = render(lapsed);
            expect(text(element, 'acceptance')).toContain('Lapsed: accepted by Dana Buyer');
            expect(text(element, 'acceptance-detail')).toBe('Version 2, on the buyer page');
            expect(text(element, 'acceptance-lapsed')).toBe(
                'Acceptance lapsed: The plan changed after Dana Buyer accepted version 2 (now version 3): milestones ' +
                    'were added or removed, or the close or a buyer milestone moved. Ask Dana Buyer to accept the ' +
                    'current plan: send it with Send to buyers, or record the acceptance again.'
            );
        });

        it('offers to record the acceptance again once it lapsed, and no withdrawal', () => {
            const element = renderWith({ plan: lapsed, canRecordAcceptance: true });
            expect(element.shadowRoot?.querySelector('[data-id="start-acceptance"]')).not.toBeNull();
            expect(element.shadowRoot?.querySelector('[data-id="withdraw-acceptance"]')).toBeNull();
        });

        it('shows which version an acceptance is of and how it was recorded', () => {
            const element = render({
                ...ACTIVE_PLAN,
                acceptanceStatus: 'Accepted',
                acceptedVersion: 4,
                version: 4,
                acceptanceSource: 'Recorded by Seller'
            });
            expect(text(element, 'acceptance-detail')).toBe('Version 4, recorded by the seller');
            expect(element.shadowRoot?.querySelector('[data-id="acceptance-lapsed"]')).toBeNull();
        });

        it('shows no version for a plan nobody accepted', () => {
            const element = render({ ...notAccepted, acceptanceStatus: 'Not Accepted', version: 2 });
            expect(text(element, 'acceptance')).toBe('Not yet accepted by the buyer');
            expect(element.shadowRoot?.querySelector('[data-id="acceptance-detail"]')).toBeNull();
        });

        it('offers to send an open plan to the buyers, to a user who may edit it', async () => {
            const element = renderWith({ plan: ACTIVE_PLAN, canEditPlan: true });
            const events = listen(element, 'sendplan');
            click(element, '[data-id="send-plan"]');
            await flush();
            expect(events.map((event) => event.type)).toEqual(['sendplan']);
            expect(
                renderWith({
                    plan: { ...ACTIVE_PLAN, status: 'Completed' },
                    canEditPlan: true
                }).shadowRoot?.querySelector('[data-id="send-plan"]')
            ).toBeNull();
            expect(
                renderWith({ plan: ACTIVE_PLAN, canEditPlan: false }).shadowRoot?.querySelector('[data-id="send-plan"]')
            ).toBeNull();
        });

        it('names the buyer when the acceptance has no contact name', () => {
            expect(text(render({ ...ACTIVE_PLAN, buyerAcceptedByName: null }), 'acceptance')).toContain(
                'Accepted by the buyer'
            );
        });
    });

    it('is accessible with its forms open and errors shown', async () => {
        const element = renderWith({
            plan: { ...ACTIVE_PLAN, status: 'Draft', buyerAccepted: false, daysOverdue: 2, isStale: true },
            canEditPlan: true,
            canRecordAcceptance: true
        });
        click(element, '[data-status="Active"]');
        click(element, '[data-id="start-acceptance"]');
        element.errors = { messages: ['Plan error'], fieldErrors: { status: ['Status error'] } };
        await flush();
        await expect(element).toBeAccessible();
    });
});

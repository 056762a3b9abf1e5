// Sending the plan to the buyers from the workspace: the header's "Send to buyers" opens the send form under the
// header, with the plan as loaded; a send closes it and says to whom it went and who was skipped.
import getRecipients from '@salesforce/apex/PlanWorkspaceController.getRecipients';
import { setUpWorkspace, $, emit, flush, header, mocked, PLAN_ID, render } from './workspaceHarness';

jest.mock('@salesforce/apex/PlanWorkspaceController.getRecipients', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PlanWorkspaceController.sendPlan', () => ({ default: jest.fn() }), { virtual: true });

const sendForm = (element: HTMLElement) =>
    $(element.shadowRoot, 'c-plan-send') as (HTMLElement & { planId: string; loaded: unknown }) | null;

describe('c-plan-workspace', () => {
    setUpWorkspace();

    describe('sending the plan', () => {
        beforeEach(() => mocked(getRecipients).mockResolvedValue([]));

        it('opens the send form for the plan as loaded, and says to whom the plan went and who was skipped', async () => {
            const element = await render();
            expect(sendForm(element)).toBeNull();
            emit(header(element), 'sendplan');
            await flush();
            const form = sendForm(element);
            expect(form?.planId).toBe(PLAN_ID);
            expect(form?.loaded).toBeTruthy();

            const toast = jest.fn();
            element.addEventListener('lightning__showtoast', (event) => toast((event as CustomEvent).detail));
            emit(form as HTMLElement, 'sent', {
                sentTo: ['Cleo Champion', 'Bea Buyer'],
                skipped: ['Otto Optout: opted out of email'],
                note: null
            });
            await flush();
            expect(sendForm(element)).toBeNull();
            expect(toast).toHaveBeenCalledWith(
                expect.objectContaining({
                    title: 'Plan sent to Cleo Champion, Bea Buyer',
                    message: 'Not sent to Otto Optout: opted out of email.',
                    variant: 'warning'
                })
            );
        });

        it('closes the form when the user cancels', async () => {
            const element = await render();
            emit(header(element), 'sendplan');
            await flush();
            emit(sendForm(element) as HTMLElement, 'cancel');
            await flush();
            expect(sendForm(element)).toBeNull();
        });
    });
});

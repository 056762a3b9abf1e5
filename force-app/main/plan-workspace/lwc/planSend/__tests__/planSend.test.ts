import { createElement } from 'lwc';
import PlanSend from 'c/planSend';
import getRecipients from '@salesforce/apex/PlanWorkspaceController.getRecipients';
import sendPlan from '@salesforce/apex/PlanWorkspaceController.sendPlan';

jest.mock('@salesforce/apex/PlanWorkspaceController.getRecipients', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PlanWorkspaceController.sendPlan', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});

const mocked = (fn: unknown) => fn as jest.Mock;

const RECIPIENTS = [
    { id: '003A', name: 'Cleo Champion', email: 'cleo@acme.example', detail: 'Economic Buyer' },
    {
        id: '003B',
        name: 'Otto Optout',
        email: 'otto@acme.example',
        detail: 'Technical Buyer',
        unavailable: 'Opted out of email'
    },
    { id: '003C', name: 'Bea Buyer', email: 'bea@acme.example', detail: 'Buyer lead' },
    { id: '003D', name: 'Nia Noemail', detail: 'Owns milestones', unavailable: 'No email address' },
    { id: '003E', name: 'Ivo Integration', email: 'ivo@acme.example', detail: 'Owns milestones' }
];
const LOADED = { plan: 4, milestones: {} };

// The Apex promise settles, then the component re-renders.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function render(): Promise<HTMLElement> {
    mocked(getRecipients).mockResolvedValue(RECIPIENTS);
    const element = createElement('c-plan-send', { is: PlanSend });
    Object.assign(element, { planId: 'a01PLAN', loaded: LOADED });
    document.body.appendChild(element);
    await flush();
    return element;
}

const checkbox = (element: HTMLElement, name: string) =>
    element.shadowRoot?.querySelector(`[data-recipient="${name}"] lightning-input`) as HTMLElement & {
        checked: boolean;
        disabled: boolean;
    };
const button = (element: HTMLElement, id: string) =>
    element.shadowRoot?.querySelector(`[data-id="${id}"]`) as HTMLElement & { label: string; disabled: boolean };

describe('c-plan-send', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it("offers the deal's buyers, the contact roles and buyer lead chosen, those who cannot be emailed shown and locked", async () => {
        const element = await render();
        expect(getRecipients).toHaveBeenCalledWith({ planId: 'a01PLAN' });
        expect(checkbox(element, 'Cleo Champion').checked).toBe(true);
        expect(checkbox(element, 'Bea Buyer').checked).toBe(true);
        expect(checkbox(element, 'Ivo Integration').checked).toBe(false);
        expect(checkbox(element, 'Otto Optout').disabled).toBe(true);
        expect(checkbox(element, 'Nia Noemail').disabled).toBe(true);
        expect(element.shadowRoot?.querySelector('[data-recipient="Otto Optout"]')?.textContent).toContain(
            'Technical Buyer · Opted out of email'
        );
        expect(button(element, 'send').label).toBe('Send to 2 buyers');
    });

    it('sends to the chosen buyers with the message and the plan as loaded, and says who got it', async () => {
        const element = await render();
        const sent = jest.fn();
        element.addEventListener('sent', (event) => sent((event as CustomEvent).detail));
        checkbox(element, 'Bea Buyer').dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
        checkbox(element, 'Ivo Integration').dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        (element.shadowRoot?.querySelector('[data-id="message"]') as HTMLElement).dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Where we landed on Tuesday.' } })
        );
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="message-count"]')?.textContent?.trim()).toBe(
            '27 of 1000 characters'
        );
        const outcome = { sentTo: ['Cleo Champion', 'Ivo Integration'], skipped: [] };
        mocked(sendPlan).mockResolvedValue(outcome);
        button(element, 'send').click();
        await flush();
        expect(sendPlan).toHaveBeenCalledWith({
            planId: 'a01PLAN',
            request: { contactIds: ['003A', '003E'], message: 'Where we landed on Tuesday.', loaded: LOADED }
        });
        expect(sent).toHaveBeenCalledWith(outcome);
    });

    it('shows why a send was refused and keeps the form', async () => {
        const element = await render();
        mocked(sendPlan).mockRejectedValue({
            body: {
                message: JSON.stringify({
                    message: 'We could not send the plan.',
                    pageErrors: ['Choose at least one buyer to send the plan to.'],
                    recordErrors: []
                })
            }
        });
        button(element, 'send').click();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-error="send"]')?.textContent).toContain(
            'Choose at least one buyer to send the plan to.'
        );
        expect(button(element, 'send')).not.toBeNull();
    });

    it('cannot send to nobody, and cancels', async () => {
        const element = await render();
        checkbox(element, 'Cleo Champion').dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
        checkbox(element, 'Bea Buyer').dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
        await flush();
        expect(button(element, 'send').disabled).toBe(true);
        const cancel = jest.fn();
        element.addEventListener('cancel', cancel);
        button(element, 'cancel-send').click();
        expect(cancel).toHaveBeenCalled();
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});

import { createElement } from 'lwc';
import PlanSuccessStart from '../planSuccessStart';
import type { SaveErrors, SuccessStart } from 'c/planWorkspaceModel';

const OFFER: SuccessStart = {
    templates: [{ label: 'Customer Success', value: 'Customer_Success' }],
    defaultTemplate: 'Customer_Success',
    owners: [
        { id: '005A', name: 'Priya Shah', detail: 'Account owner' },
        { id: '005B', name: 'Alex Seller', detail: 'You' }
    ],
    defaultOwnerId: '005A'
};

type PanelElement = HTMLElement & {
    successStart: SuccessStart | null;
    today: string | null;
    busy: boolean;
    errors: SaveErrors | null;
    focusFirstError(): void;
};
type SelectElement = HTMLElement & { label: string; value: string | null; options: unknown[]; error: string | null };

function render(offer: SuccessStart = OFFER) {
    const element = createElement('c-plan-success-start', { is: PlanSuccessStart }) as PanelElement;
    Object.assign(element, { successStart: offer, today: '2026-03-02' });
    document.body.appendChild(element);
    const started: unknown[] = [];
    element.addEventListener('start', (event) => started.push((event as CustomEvent).detail));
    return { element, started };
}

const flush = () => Promise.resolve();
const $ = (element: HTMLElement, selector: string) => element.shadowRoot?.querySelector(selector) as HTMLElement | null;
const text = (element: HTMLElement, selector: string) => $(element, selector)?.textContent?.replace(/\s+/g, ' ').trim();
const field = (element: HTMLElement, name: string) => $(element, `[data-field="${name}"]`) as SelectElement;

async function change(element: HTMLElement, name: string, value: string): Promise<void> {
    field(element, name).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flush();
}

async function start(element: HTMLElement): Promise<void> {
    $(element, '[data-id="start-success-plan"]')?.click();
    await flush();
}

describe('c-plan-success-start', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('says what it does in plain words, under a clear title', async () => {
        const { element } = render();
        await flush();
        expect(text(element, 'h2')).toBe('Hand off to customer success');
        expect(text(element, '[data-id="success-start-summary"]')).toBe(
            'Starts a success plan from the template, owned by the customer success manager you choose, with the ' +
                'buyer lead and shared objective of this plan; its milestones are dated from today.'
        );
        expect(($(element, '[data-id="start-success-plan"]') as HTMLElement & { label: string }).label).toBe(
            'Start the success plan'
        );
    });

    it('offers the templates and owners, the defaults chosen', async () => {
        const { element } = render();
        await flush();
        expect(field(element, 'templateName').label).toBe('Template');
        expect(field(element, 'templateName').value).toBe('Customer_Success');
        expect(field(element, 'successOwnerId').label).toBe('Success owner');
        expect(field(element, 'successOwnerId').value).toBe('005A');
        expect(field(element, 'successOwnerId').options).toEqual([
            { label: 'Priya Shah (Account owner)', value: '005A' },
            { label: 'Alex Seller (You)', value: '005B' }
        ]);
        expect((field(element, 'targetDate') as unknown as { value: string | null }).value).toBeNull();
    });

    it('asks the workspace to start the plan with what the user chose', async () => {
        const { element, started } = render();
        await change(element, 'successOwnerId', '005B');
        await change(element, 'targetDate', '2026-06-30');
        await start(element);
        expect(started).toEqual([
            { request: { templateName: 'Customer_Success', successOwnerId: '005B', targetDate: '2026-06-30' } }
        ]);
    });

    it('checks the target date first: after today, said next to the field', async () => {
        const { element, started } = render();
        await change(element, 'targetDate', '2026-03-02');
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        await start(element);
        expect(started).toEqual([]);
        expect(text(element, '[data-error="targetDate"]')).toBe('Choose a target date after today.');
        expect(focus.mock.contexts).toContain(field(element, 'targetDate'));
        focus.mockRestore();
        // Fixing the field clears its message.
        await change(element, 'targetDate', '2026-03-03');
        expect($(element, '[data-error="targetDate"]')).toBeNull();
    });

    it('asks for an owner when none is offered first', async () => {
        const { element, started } = render({ ...OFFER, defaultOwnerId: null });
        await flush();
        expect(field(element, 'successOwnerId').value).toBeNull();
        await start(element);
        expect(started).toEqual([]);
        expect(field(element, 'successOwnerId').error).toBe('Choose who owns the success plan.');
    });

    it("shows the server's refusal: field errors next to their fields, page errors at the top; nothing typed lost", async () => {
        const { element } = render();
        await change(element, 'targetDate', '2026-06-30');
        element.errors = {
            message: 'The success plan was not started.',
            pageErrors: ['This deal already has a success plan.'],
            records: {
                successStart: {
                    messages: [],
                    fieldErrors: { successOwnerId: ['Choose an active user to own the success plan.'] }
                }
            }
        };
        await flush();
        expect(text(element, '[data-id="success-start-errors"] p')).toBe('The success plan was not started.');
        expect(text(element, '[data-id="success-start-errors"] li')).toBe('This deal already has a success plan.');
        expect(field(element, 'successOwnerId').error).toBe('Choose an active user to own the success plan.');
        expect((field(element, 'targetDate') as unknown as { value: string }).value).toBe('2026-06-30');
        expect(field(element, 'successOwnerId').value).toBe('005A');
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        element.focusFirstError();
        expect(focus.mock.contexts).toContain(field(element, 'successOwnerId').shadowRoot?.querySelector('select'));
        focus.mockRestore();
    });

    it('disables the button while a save is in flight', async () => {
        const { element } = render();
        element.busy = true;
        await flush();
        expect(($(element, '[data-id="start-success-plan"]') as HTMLElement & { disabled: boolean }).disabled).toBe(
            true
        );
    });

    it('is accessible, with and without errors', async () => {
        const { element } = render();
        await flush();
        await expect(element).toBeAccessible();
        await change(element, 'targetDate', '2026-01-01');
        await start(element);
        element.errors = {
            message: 'The success plan was not started.',
            pageErrors: ['Try again.'],
            records: {}
        };
        await flush();
        await expect(element).toBeAccessible();
    });
});

import { createElement } from 'lwc';
import TandemSetup from 'c/tandemSetup';
import getSetup from '@salesforce/apex/TandemSetupController.getSetup';
import saveSetup from '@salesforce/apex/TandemSetupController.saveSetup';
import type { SetupRequest, SetupView } from 'c/tandemSetupModel';

jest.mock('@salesforce/apex/TandemSetupController.getSetup', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/TandemSetupController.saveSetup', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});

const VIEW = jest.requireActual<SetupView>('./data/setupView.json');
const CUSTOMER_SUCCESS = 'Customer_Success';
const ONBOARDING = 'Enterprise_Onboarding';

const mockGetSetup = getSetup as unknown as jest.Mock<Promise<SetupView>, []>;
const mockSaveSetup = saveSetup as unknown as jest.Mock<Promise<SetupView>, [{ request: SetupRequest }]>;

function settle(): Promise<void> {
    return Promise.resolve()
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined);
}

type Control = HTMLElement & {
    value: string;
    label: string;
    disabled: boolean;
    placeholder: string;
    fieldLevelHelp: string;
    options: { label: string; value: string }[];
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
};

/** What the component last asked each control to show under it (setCustomValidity, then reportValidity). */
const reported = new Map<HTMLElement, string>();

function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector(selector) ?? null;
}

function text(element: Element | null): string {
    return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Records the messages the component gives the section's controls (the base component stubs' do nothing). */
function recordValidity(element: HTMLElement): void {
    for (const control of Array.from(element.shadowRoot?.querySelectorAll('[data-success-plans]') ?? []) as Control[]) {
        let pending = '';
        control.setCustomValidity = (message: string) => {
            pending = message;
        };
        control.reportValidity = () => {
            reported.set(control, pending);
            return pending === '';
        };
    }
}

async function render(view: SetupView = VIEW): Promise<HTMLElement> {
    mockGetSetup.mockResolvedValue(view);
    const element = createElement('c-tandem-setup', { is: TandemSetup });
    document.body.appendChild(element);
    await settle();
    recordValidity(element);
    return element;
}

function start(element: HTMLElement): Control {
    return $(element, 'lightning-radio-group[data-success-plans="start"]') as Control;
}

function template(element: HTMLElement): Control {
    return $(element, 'lightning-combobox[data-success-plans="template"]') as Control;
}

async function choose(control: Control, value: string): Promise<void> {
    control.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await settle();
}

async function save(element: HTMLElement): Promise<void> {
    ($(element, 'lightning-button[data-id="save"]') as HTMLElement).click();
    await settle();
}

function lastRequest(): SetupRequest {
    const calls = mockSaveSetup.mock.calls;
    return calls[calls.length - 1][0].request;
}

function serverError(report: object): { body: { message: string } } {
    return { body: { message: JSON.stringify(report) } };
}

describe('c-tandem-setup: success plans', () => {
    beforeEach(() => {
        mockGetSetup.mockReset();
        mockSaveSetup.mockReset();
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        reported.clear();
    });

    it('shows how a success plan starts and its template as saved, with a line of help', async () => {
        const element = await render();

        const section = $(element, '[data-id="success-plans"]');
        expect(text(section?.querySelector('h2') ?? null)).toBe('Success plans');
        expect(text(section)).toContain('When a deal is won, its close plan is completed.');
        expect(start(element).label).toBe('How a success plan starts when a deal is won');
        expect(start(element).options.map((option) => option.label)).toEqual([
            'Offer it to the account executive',
            'Start it automatically (owned by the account owner)',
            'Off'
        ]);
        expect(start(element).value).toBe('Offer');
        expect(text($(element, '[data-id="success-start-help"]'))).toMatch(
            /^The plan workspace of a won deal offers the account executive/
        );
        expect(template(element).label).toBe('Success template');
        expect(template(element).value).toBe(CUSTOMER_SUCCESS);
        expect(template(element).options.map((option) => option.value)).toEqual(['', CUSTOMER_SUCCESS, ONBOARDING]);
        expect(template(element).disabled).toBe(false);
    });

    it('disables the template when success plans are off, and says what Off does', async () => {
        const element = await render();

        await choose(start(element), 'Off');

        expect(template(element).disabled).toBe(true);
        expect(template(element).value).toBe(CUSTOMER_SUCCESS);
        expect(text($(element, '[data-id="success-start-help"]'))).toMatch(/^No success plan starts/);
        expect(
            ($(element, 'lightning-button[data-id="discard"]') as HTMLElement & { disabled: boolean }).disabled
        ).toBe(false);
    });

    it('saves the mode and the template chosen with the rest', async () => {
        const element = await render();
        mockSaveSetup.mockResolvedValue({ ...VIEW, lastChange: { ...VIEW.lastChange!, status: 'Queued' } });

        await choose(start(element), 'Automatic');
        await choose(template(element), ONBOARDING);
        await save(element);

        expect(lastRequest().successPlans).toEqual({ start: 'Automatic', template: ONBOARDING });
    });

    it("puts the server's refusal of the template under the field, not in the alert", async () => {
        const element = await render();
        mockSaveSetup.mockRejectedValue(
            serverError({
                message: 'The Tandem settings were not saved.',
                pageErrors: [],
                recordErrors: [
                    {
                        key: 'successPlans',
                        messages: [],
                        fieldErrors: { template: ['"Enterprise_Onboarding" is not an active success template.'] }
                    }
                ]
            })
        );

        await choose(template(element), ONBOARDING);
        await save(element);

        expect(reported.get(template(element))).toBe('"Enterprise_Onboarding" is not an active success template.');
        expect(text($(element, '[data-id="errors"]'))).toBe('The Tandem settings were not saved.');

        await choose(template(element), CUSTOMER_SUCCESS);
        expect(reported.get(template(element))).toBe('');
    });

    it('warns when the saved template is no longer an active success template', async () => {
        const element = await render({ ...VIEW, successTemplate: 'Retired_Onboarding' });

        expect(text($(element, '[data-id="warnings"]'))).toContain(
            'The success template "Retired_Onboarding" is no longer an active success template'
        );
        expect(template(element).value).toBe('');
    });

    it('is read-only without the Tandem Admin permission set', async () => {
        const element = await render({ ...VIEW, canConfigure: false });

        expect(start(element).disabled).toBe(true);
        expect(template(element).disabled).toBe(true);
    });

    it('is not shown by a view without the settings, and the save leaves them alone', async () => {
        const element = await render({ ...VIEW, successPlanStart: undefined });
        mockSaveSetup.mockResolvedValue({ ...VIEW, lastChange: { ...VIEW.lastChange!, status: 'Queued' } });

        expect($(element, '[data-id="success-plans"]')).toBeNull();
        await save(element);
        expect(lastRequest().successPlans).toBeNull();
    });

    it('is accessible, with success plans on and off', async () => {
        const element = await render();
        await expect(element).toBeAccessible();

        await choose(start(element), 'Off');
        await expect(element).toBeAccessible();
    });
});

import {
    $,
    VIEW,
    lastRequest,
    mockSaveSetup,
    render as renderSetup,
    reported,
    resetSetupTests,
    serverError,
    settle,
    text
} from './setupHarness';
import type { Control } from './setupHarness';
import type { SetupView } from 'c/tandemSetupModel';

const CUSTOMER_SUCCESS = 'Customer_Success';
const ONBOARDING = 'Enterprise_Onboarding';

const render = (view: SetupView = VIEW) => renderSetup(view, '[data-success-plans]');

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

describe('c-tandem-setup: success plans', () => {
    afterEach(resetSetupTests);

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

import {
    START_MESSAGE,
    SUCCESS_PLANS_KEY,
    SUCCESS_START_OPTIONS,
    TEMPLATE_MESSAGE,
    alertMessages,
    buildRequest,
    draftFromView,
    isDirty,
    setSuccessPlanStart,
    setSuccessPlanTemplate,
    startOf,
    successPlansSection,
    successPlansWarnings,
    successTemplateChoices,
    validateDraft
} from 'c/tandemSetupModel';
import type { SetupView } from 'c/tandemSetupModel';
import type { ErrorReport } from 'c/serverErrors';
import { VIEW } from './setupFixture';

const CUSTOMER_SUCCESS = 'Customer_Success';
const ONBOARDING = 'Enterprise_Onboarding';

describe('the success plan settings in the draft', () => {
    it('start as the view saved them, unchanged', () => {
        const draft = draftFromView(VIEW);
        expect(draft.successPlans).toEqual({ start: 'Offer', template: CUSTOMER_SUCCESS });
        expect(isDirty(VIEW, draft)).toBe(false);
    });

    it.each([
        [null, 'Offer'],
        ['', 'Offer'],
        ['Something else', 'Offer'],
        ['Automatic', 'Automatic'],
        ['Off', 'Off']
    ])('read the mode %p as %s, as the platform does', (saved, start) => {
        expect(startOf(saved)).toBe(start);
        expect(draftFromView({ ...VIEW, successPlanStart: saved }).successPlans?.start).toBe(start);
    });

    it('read a blank template as the first active one', () => {
        expect(draftFromView({ ...VIEW, successTemplate: null }).successPlans?.template).toBe('');
    });

    it('drop a saved template that is no longer an active success template, and say so', () => {
        const view: SetupView = { ...VIEW, successTemplate: 'Retired_Onboarding' };
        const draft = draftFromView(view);

        expect(draft.successPlans?.template).toBe('');
        expect(isDirty(view, draft)).toBe(false);
        expect(successPlansWarnings(view)).toEqual([
            'The success template "Retired_Onboarding" is no longer an active success template; saving clears it, so success plans start from the first active one (Customer Success).'
        ]);
        expect(buildRequest(view, draft).successPlans).toEqual({ start: 'Offer', template: null });
    });

    it('warn when no success template is active, unless success plans are off', () => {
        const none: SetupView = { ...VIEW, successTemplates: [], successTemplate: null };
        expect(successPlansWarnings(none)).toEqual([
            'No success template is active, so no success plan can start. Activate a Plan Template whose Plan Type is Success.'
        ]);
        expect(successPlansWarnings({ ...none, successPlanStart: 'Off' })).toEqual([]);
        expect(successPlansWarnings(VIEW)).toEqual([]);
    });

    it('are absent from a view without them, which sends none (the settings stay as they are)', () => {
        const view: SetupView = { ...VIEW, successPlanStart: undefined };
        const draft = draftFromView(view);

        expect(draft.successPlans).toBeNull();
        expect(setSuccessPlanStart(draft, 'Automatic')).toBe(draft);
        expect(buildRequest(view, draft).successPlans).toBeNull();
        expect(successPlansWarnings(view)).toEqual([]);
    });

    it.each([
        ['another mode', (view: SetupView) => setSuccessPlanStart(draftFromView(view), 'Automatic'), true],
        ['the same mode', (view: SetupView) => setSuccessPlanStart(draftFromView(view), 'Offer'), false],
        ['another template', (view: SetupView) => setSuccessPlanTemplate(draftFromView(view), ONBOARDING), true],
        ['the first active one', (view: SetupView) => setSuccessPlanTemplate(draftFromView(view), ''), true]
    ])('are changed by %s: %p', (_what, edit, dirty) => {
        expect(isDirty(VIEW, edit(VIEW))).toBe(dirty);
    });
});

describe('the success plan settings checked and sent', () => {
    it('send the mode and the template chosen; the first active one as null', () => {
        let draft = setSuccessPlanStart(draftFromView(VIEW), 'Automatic');
        draft = setSuccessPlanTemplate(draft, ONBOARDING);
        expect(validateDraft(VIEW, draft)).toBeNull();
        expect(buildRequest(VIEW, draft).successPlans).toEqual({ start: 'Automatic', template: ONBOARDING });

        draft = setSuccessPlanTemplate(draft, '');
        expect(buildRequest(VIEW, draft).successPlans).toEqual({ start: 'Automatic', template: null });
    });

    it('keep the template when success plans are turned off, for when they are turned on again', () => {
        const draft = setSuccessPlanStart(draftFromView(VIEW), 'Off');
        expect(buildRequest(VIEW, draft).successPlans).toEqual({ start: 'Off', template: CUSTOMER_SUCCESS });
    });

    it('mark an unknown mode and a template that is not offered next to their fields', () => {
        let draft = setSuccessPlanStart(draftFromView(VIEW), 'Sometimes');
        draft = setSuccessPlanTemplate(draft, 'Enterprise');

        expect(validateDraft(VIEW, draft)?.records[SUCCESS_PLANS_KEY]).toEqual({
            messages: [],
            fieldErrors: { start: [START_MESSAGE], template: [TEMPLATE_MESSAGE] }
        });
    });

    it("put the server's field errors next to the fields, not in the alert", () => {
        const errors: ErrorReport = {
            message: 'The Tandem settings were not saved.',
            pageErrors: [],
            records: {
                [SUCCESS_PLANS_KEY]: {
                    messages: [],
                    fieldErrors: { template: ['"Enterprise" is not an active success template.'] }
                }
            }
        };
        expect(alertMessages(errors, VIEW, draftFromView(VIEW))).toEqual([]);
        expect(alertMessages(errors, null)).toEqual(['"Enterprise" is not an active success template.']);
    });
});

describe('the Success plans section', () => {
    it('offers the three ways, in plain words', () => {
        expect(SUCCESS_START_OPTIONS.map((option) => option.label)).toEqual([
            'Offer it to the account executive',
            'Start it automatically (owned by the account owner)',
            'Off'
        ]);
    });

    it('offers the first active template, then each active success template', () => {
        expect(successTemplateChoices(VIEW)).toEqual([
            { label: 'The first active one (now Customer Success)', value: '' },
            { label: 'Customer Success', value: CUSTOMER_SUCCESS },
            { label: 'Enterprise Onboarding', value: ONBOARDING }
        ]);
        expect(successTemplateChoices({ ...VIEW, successTemplates: null })).toEqual([]);
    });

    it('says what the chosen way does, and disables the template when success plans are off', () => {
        const draft = draftFromView(VIEW).successPlans!;
        const offer = successPlansSection(VIEW, draft, false);
        expect(offer.startHelp).toMatch(/^The plan workspace of a won deal offers the account executive/);
        expect(offer.templateDisabled).toBe(false);

        const automatic = successPlansSection(VIEW, { ...draft, start: 'Automatic' }, false);
        expect(automatic.startHelp).toMatch(/owned by the account owner/);

        const off = successPlansSection(VIEW, { ...draft, start: 'Off' }, false);
        expect(off.startHelp).toMatch(/^No success plan starts and none is offered/);
        expect(off.templateDisabled).toBe(true);
        expect(off.template).toBe(CUSTOMER_SUCCESS);
    });

    it('disables the template read-only and when there is none to choose', () => {
        const draft = draftFromView(VIEW).successPlans!;
        expect(successPlansSection(VIEW, draft, true).templateDisabled).toBe(true);
        const none = successPlansSection({ ...VIEW, successTemplates: [] }, { ...draft, template: '' }, false);
        expect(none.templateDisabled).toBe(true);
        expect(none.templatePlaceholder).toBe('No active success template');
    });
});

/**
 * The Tandem Setup page's "Success plans" section, DOM-free: how a mutual success plan starts when a deal is won
 * (Plan_Setting__mdt.Success_Plan_Start__c: Offer, Automatic or Off) and the Success template it starts from
 * (Success_Template__c; blank for the first active one), as the draft holds them, checked and sent. The server
 * (TandemSetupService) checks the same, and reports its errors under SUCCESS_PLANS_KEY.
 */
import type { RecordErrors } from 'c/serverErrors';
import type { Option } from './milestoneGates';

export type SuccessPlanStart = 'Offer' | 'Automatic' | 'Off';

/** An active plan template whose Plan Type is Success. */
export interface SuccessTemplate {
    /** DeveloperName. */
    name: string;
    label: string;
}

/** The part of the server's view this section reads. */
export interface SuccessPlansView {
    /** 'Offer' (also for blank), 'Automatic' or 'Off'; absent from a view that does not know it. */
    successPlanStart?: string | null;
    /** The Success template's DeveloperName; null for the first active one. */
    successTemplate?: string | null;
    /** The active Success templates, in order. */
    successTemplates?: SuccessTemplate[] | null;
}

/** What the admin has chosen. */
export interface SuccessPlansDraft {
    start: SuccessPlanStart;
    /** A template's DeveloperName; '' for the first active one. */
    template: string;
}

/** What saveSetup() receives as `successPlans`. */
export interface SuccessPlansRequest {
    start: SuccessPlanStart;
    /** null for the first active Success template. */
    template: string | null;
}

/** The record key and the fields of this section's errors, as the server reports them. */
export const SUCCESS_PLANS_KEY = 'successPlans';
export const SUCCESS_START_FIELD = 'start';
export const SUCCESS_TEMPLATE_FIELD = 'template';
export const SUCCESS_PLANS_FIELDS: readonly string[] = [SUCCESS_START_FIELD, SUCCESS_TEMPLATE_FIELD];

export const SUCCESS_START_LABEL = 'How a success plan starts when a deal is won';
export const SUCCESS_TEMPLATE_LABEL = 'Success template';
export const SUCCESS_PLANS_HELP =
    'When a deal is won, its close plan is completed. A mutual success plan then takes the customer from signature to first value: onboarding, first value and the adoption review, agreed with the buyer.';

/** The three ways, in the page's order, each as the admin reads it. */
export const SUCCESS_START_OPTIONS: readonly Option[] = [
    { label: 'Offer it to the account executive', value: 'Offer' },
    { label: 'Start it automatically (owned by the account owner)', value: 'Automatic' },
    { label: 'Off', value: 'Off' }
];

/** What each way does, in a sentence, shown under the choice. */
const START_HELP: Readonly<Record<SuccessPlanStart, string>> = {
    Offer: 'The plan workspace of a won deal offers the account executive to start a success plan, and to choose who in customer success owns it.',
    Automatic:
        'A success plan starts as the deal is won, from the success template, owned by the account owner. It starts as a draft for customer success to agree with the buyer.',
    Off: 'No success plan starts and none is offered. The close plan is still completed when the deal is won.'
};

export const START_MESSAGE = 'Choose how a success plan starts.';
export const TEMPLATE_MESSAGE = 'Choose an active success template, or leave it blank for the first active one.';

const STARTS: readonly SuccessPlanStart[] = ['Offer', 'Automatic', 'Off'];

/** A mode as Success_Plan_Start__c reads it: Automatic or Off, else Offer (blank counts as Offer). */
export function startOf(value: string | null | undefined): SuccessPlanStart {
    return value === 'Automatic' || value === 'Off' ? value : 'Offer';
}

/** The active Success templates to choose from, in order. */
export function successTemplateOptions(view: SuccessPlansView): Option[] {
    return (view.successTemplates ?? []).map((template) => ({ label: template.label, value: template.name }));
}

/**
 * The template combobox's options: the first active one (saved as blank), then each active Success template; none
 * when no Success template is active.
 */
export function successTemplateChoices(view: SuccessPlansView): Option[] {
    const options = successTemplateOptions(view);
    return options.length === 0
        ? []
        : [{ label: `The first active one (now ${options[0].label})`, value: '' }, ...options];
}

/**
 * The draft as the view saved it; null when the view does not carry the settings (nothing to show or send). A saved
 * template that is no longer an active Success template is not kept: the draft starts blank (the first active one),
 * and successPlansWarnings() says so.
 */
export function successPlansFromView(view: SuccessPlansView): SuccessPlansDraft | null {
    if (view.successPlanStart === undefined) {
        return null;
    }
    const saved = view.successTemplate ?? '';
    const known = successTemplateOptions(view).some((option) => option.value === saved);
    return { start: startOf(view.successPlanStart), template: known ? saved : '' };
}

/** The mode chosen; an unknown one is kept, to be marked by the check. */
export function setSuccessStart(draft: SuccessPlansDraft, value: string | null | undefined): SuccessPlansDraft {
    const start = (value ?? '') as SuccessPlanStart;
    return draft.start === start ? draft : { ...draft, start };
}

export function setSuccessTemplate(draft: SuccessPlansDraft, value: string | null | undefined): SuccessPlansDraft {
    const template = (value ?? '').trim();
    return draft.template === template ? draft : { ...draft, template };
}

export function successPlansDirty(saved: SuccessPlansDraft, draft: SuccessPlansDraft): boolean {
    return saved.start !== draft.start || saved.template !== draft.template;
}

/** The field errors of the draft (under SUCCESS_PLANS_KEY), or null when it can be saved. */
export function successPlansErrors(view: SuccessPlansView, draft: SuccessPlansDraft): RecordErrors | null {
    const fieldErrors: Record<string, string[]> = {};
    if (!STARTS.includes(draft.start)) {
        fieldErrors[SUCCESS_START_FIELD] = [START_MESSAGE];
    }
    if (draft.template && !successTemplateOptions(view).some((option) => option.value === draft.template)) {
        fieldErrors[SUCCESS_TEMPLATE_FIELD] = [TEMPLATE_MESSAGE];
    }
    return Object.keys(fieldErrors).length > 0 ? { messages: [], fieldErrors } : null;
}

export function successPlansRequest(draft: SuccessPlansDraft): SuccessPlansRequest {
    return { start: draft.start, template: draft.template || null };
}

/** The saved template when it is no longer an active Success template, or no Success template is active. */
export function successPlansWarnings(view: SuccessPlansView): string[] {
    if (view.successPlanStart === undefined) {
        return [];
    }
    const options = successTemplateOptions(view);
    const saved = view.successTemplate ?? '';
    if (options.length === 0) {
        return startOf(view.successPlanStart) === 'Off'
            ? []
            : [
                  'No success template is active, so no success plan can start. Activate a Plan Template whose Plan Type is Success.'
              ];
    }
    if (saved && !options.some((option) => option.value === saved)) {
        return [
            `The success template "${saved}" is no longer an active success template; saving clears it, so success plans start from the first active one (${options[0].label}).`
        ];
    }
    return [];
}

/** What the section's controls show (their errors are put under them as the page's other fields' are). */
export interface SuccessPlansSection {
    start: string;
    startHelp: string;
    template: string;
    /** The first active one (''), then the active Success templates. */
    templateOptions: Option[];
    templateDisabled: boolean;
    templatePlaceholder: string;
    templateHelp: string;
}

export function successPlansSection(
    view: SuccessPlansView,
    draft: SuccessPlansDraft,
    readOnly: boolean
): SuccessPlansSection {
    const options = successTemplateOptions(view);
    const off = draft.start === 'Off';
    return {
        start: draft.start,
        startHelp: START_HELP[draft.start] ?? '',
        template: draft.template,
        templateOptions: successTemplateChoices(view),
        templateDisabled: readOnly || off || options.length === 0,
        templatePlaceholder: options.length === 0 ? 'No active success template' : 'Choose a template',
        templateHelp: off
            ? 'Used again if success plans are turned back on.'
            : 'The template a success plan starts from, and the one offered first to the account executive.'
    };
}

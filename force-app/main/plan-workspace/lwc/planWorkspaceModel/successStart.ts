/**
 * The hand-off to a mutual success plan, DOM-free: the form the workspace offers on a won deal (workspace.successStart:
 * a Success template, the customer success user who owns the plan, an optional target date), its checks before the
 * server is asked, the startSuccessPlan request, where the server's refusals go (field errors under the record key
 * "successStart", page errors), and how a plan's type reads ("Close plan", "Success plan").
 */
import { ownerOptions } from './pickerOptions';
import type { SaveErrors } from './saveErrors';
import type { Option, PlanInfo, PlanSummary, SuccessStart } from './workspaceTypes';

/** The record key of the success plan form's field errors (PlanWorkspaceController.SUCCESS_START_KEY). */
export const SUCCESS_START_KEY = 'successStart';

export type SuccessStartField = 'templateName' | 'successOwnerId' | 'targetDate';

export const SUCCESS_START_FIELDS: readonly SuccessStartField[] = ['templateName', 'successOwnerId', 'targetDate'];

export interface SuccessStartForm {
    templateName: string | null;
    successOwnerId: string | null;
    /** yyyy-mm-dd, or null for the last milestone's due date. */
    targetDate: string | null;
}

/** What PlanWorkspaceController.startSuccessPlan receives (StartSuccessPlanRequest.cls). */
export interface StartSuccessPlanRequest {
    templateName: string | null;
    successOwnerId: string | null;
    targetDate: string | null;
}

export type SuccessStartErrors = Partial<Record<SuccessStartField, string>>;

/** What the form says it does, in plain words. */
export const SUCCESS_START_SUMMARY =
    'Starts a success plan from the template, owned by the customer success manager you choose, with the buyer lead ' +
    'and shared objective of this plan; its milestones are dated from today.';

export const TARGET_NOT_AFTER_TODAY = 'Choose a target date after today.';

/** The form as offered: the default template and owner (when they are among the choices), no target date. */
export function emptySuccessStartForm(start: SuccessStart | null | undefined): SuccessStartForm {
    const templates = start?.templates ?? [];
    const owners = start?.owners ?? [];
    const template = templates.find((option) => option.value === start?.defaultTemplate) ?? templates[0];
    const owner = owners.find((person) => person.id === start?.defaultOwnerId);
    return {
        templateName: template?.value ?? null,
        successOwnerId: owner?.id ?? null,
        targetDate: null
    };
}

/** Sets one field; a blank value is null. */
export function setSuccessStartField(
    form: SuccessStartForm,
    field: SuccessStartField,
    value: string | null | undefined
): SuccessStartForm {
    return { ...form, [field]: value ? value : null };
}

/** The owners offered, each as "Name (detail)", with a blank choice first when no owner is chosen yet. */
export function successOwnerOptions(start: SuccessStart | null | undefined): Option[] {
    return ownerOptions(start?.owners ?? [], 'Choose the success owner').filter((option) => option.value !== '');
}

/** The checks before the server is asked: a template, an owner, and a target date (if any) after today. */
export function validateSuccessStart(form: SuccessStartForm, today: string): SuccessStartErrors {
    const errors: SuccessStartErrors = {};
    if (!form.templateName) {
        errors.templateName = 'Choose a success template.';
    }
    if (!form.successOwnerId) {
        errors.successOwnerId = 'Choose who owns the success plan.';
    }
    if (form.targetDate) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(form.targetDate)) {
            errors.targetDate = 'Enter the target date as a date.';
        } else if (form.targetDate <= today) {
            errors.targetDate = TARGET_NOT_AFTER_TODAY;
        }
    }
    return errors;
}

/** The first field in error, in the form's order (where the focus goes), or null. */
export function firstFieldInError(errors: SuccessStartErrors): SuccessStartField | null {
    return SUCCESS_START_FIELDS.find((field) => errors[field]) ?? null;
}

export function successStartRequest(form: SuccessStartForm): StartSuccessPlanRequest {
    return {
        templateName: form.templateName,
        successOwnerId: form.successOwnerId,
        targetDate: form.targetDate
    };
}

/** The form's errors as the panel shows them: per field (its own checks, then the server's), and the rest on top. */
export interface SuccessStartErrorView {
    fields: SuccessStartErrors;
    /** Page errors, and messages of the form that name no field it shows. */
    messages: string[];
    /** The summary over the messages ("The success plan was not started."), or null when there are none. */
    summary: string | null;
}

export function successStartErrorView(
    own: SuccessStartErrors,
    server: SaveErrors | null | undefined
): SuccessStartErrorView {
    const record = server?.records[SUCCESS_START_KEY];
    const fields: SuccessStartErrors = {};
    for (const field of SUCCESS_START_FIELDS) {
        const messages = [own[field], ...(record?.fieldErrors[field] ?? [])].filter(Boolean);
        if (messages.length) {
            fields[field] = [...new Set(messages)].join(' ');
        }
    }
    const unplaced = Object.entries(record?.fieldErrors ?? {})
        .filter(([field]) => !SUCCESS_START_FIELDS.includes(field as SuccessStartField))
        .flatMap(([, messages]) => messages);
    const others = Object.entries(server?.records ?? {})
        .filter(([key]) => key !== SUCCESS_START_KEY)
        .flatMap(([, errors]) => [...errors.messages, ...Object.values(errors.fieldErrors).flat()]);
    const messages = [...new Set([...(server?.pageErrors ?? []), ...(record?.messages ?? []), ...unplaced, ...others])];
    const anyError = messages.length > 0 || Object.keys(fields).length > 0;
    return {
        fields,
        messages,
        summary: server && anyError ? (server.message ?? 'The success plan was not started.') : null
    };
}

/** A plan's type in words: "Success plan" for a Success plan, "Close plan" for any other (older plans included). */
export function planTypeLabel(plan: Pick<PlanInfo | PlanSummary, 'planType'> | null | undefined): string {
    return isSuccessPlan(plan) ? 'Success plan' : 'Close plan';
}

export function isSuccessPlan(plan: Pick<PlanInfo | PlanSummary, 'planType'> | null | undefined): boolean {
    return plan?.planType === 'Success';
}

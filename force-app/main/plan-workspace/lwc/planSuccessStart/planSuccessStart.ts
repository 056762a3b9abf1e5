import { LightningElement, api } from 'lwc';
import {
    emptySuccessStartForm,
    firstFieldInError,
    setSuccessStartField,
    SUCCESS_START_SUMMARY,
    successOwnerOptions,
    successStartErrorView,
    successStartRequest,
    validateSuccessStart
} from 'c/planWorkspaceModel';
import type {
    Option,
    SaveErrors,
    SuccessStart,
    SuccessStartErrors,
    SuccessStartErrorView,
    SuccessStartField,
    SuccessStartForm
} from 'c/planWorkspaceModel';

/**
 * "Hand off to customer success", on a won deal: the Success template, the customer success user who owns the plan
 * and an optional target date (checked here first: after today), then a `start` event with the request
 * (planWorkspaceModel's successStart). The workspace asks the server; its refusals come back through `errors` and
 * show next to their fields, or at the top of the panel. What the user chose stays until the panel goes away.
 */
export default class PlanSuccessStart extends LightningElement {
    /** Today in the user's time zone (the workspace's): the target date must be after it. */
    @api today: string | null = null;
    /** A save is in flight: the button is disabled. */
    @api busy = false;
    /** The errors of the last start the server refused. */
    @api errors: SaveErrors | null = null;

    private offer: SuccessStart | null = null;
    form: SuccessStartForm = emptySuccessStartForm(null);
    /** The form's own checks, shown once the user tried to start. */
    ownErrors: SuccessStartErrors = {};

    /** The templates and owners offered (workspace.successStart); the form starts from their defaults. */
    @api
    get successStart(): SuccessStart | null {
        return this.offer;
    }

    set successStart(value: SuccessStart | null) {
        const first = !this.offer;
        this.offer = value ?? null;
        if (first) {
            this.form = emptySuccessStartForm(this.offer);
        }
    }

    /** Puts the focus on the panel's heading, so a screen reader hears what the panel offers. */
    @api
    focusHeading(): void {
        this.template?.querySelector<HTMLElement>('[data-id="success-start-heading"]')?.focus();
    }

    /** After a refusal: the focus on the first field in error, else on the errors at the top of the panel. */
    @api
    focusFirstError(): void {
        const field = firstFieldInError(this.view.fields);
        const target = field
            ? this.template?.querySelector<HTMLElement>(`[data-field="${field}"]`)
            : this.template?.querySelector<HTMLElement>('[data-id="success-start-errors"]');
        target?.focus();
    }

    get summary(): string {
        return SUCCESS_START_SUMMARY;
    }

    get templateOptions(): Option[] {
        return this.offer?.templates ?? [];
    }

    get ownerOptions(): Option[] {
        return successOwnerOptions(this.offer);
    }

    /** A blank choice only while no owner is chosen. */
    get ownerPlaceholder(): string | null {
        return this.form.successOwnerId ? null : 'Choose the success owner';
    }

    private get view(): SuccessStartErrorView {
        return successStartErrorView(this.ownErrors, this.errors);
    }

    get templateError(): string | null {
        return this.view.fields.templateName ?? null;
    }

    get ownerError(): string | null {
        return this.view.fields.successOwnerId ?? null;
    }

    get targetDateError(): string | null {
        return this.view.fields.targetDate ?? null;
    }

    get hasMessages(): boolean {
        return this.view.messages.length > 0;
    }

    get messages(): string[] {
        return this.view.messages;
    }

    get errorSummary(): string | null {
        return this.view.summary;
    }

    handleFieldChange(event: CustomEvent<{ value?: string }>): void {
        const field = (event.currentTarget as HTMLElement).dataset.field as SuccessStartField;
        if (!field) {
            return;
        }
        this.form = setSuccessStartField(this.form, field, event.detail?.value ?? null);
        if (this.ownErrors[field]) {
            this.ownErrors = { ...this.ownErrors, [field]: undefined };
        }
    }

    handleStart(): void {
        this.ownErrors = validateSuccessStart(this.form, this.today ?? '');
        const invalid = firstFieldInError(this.ownErrors);
        if (invalid) {
            this.template?.querySelector<HTMLElement>(`[data-field="${invalid}"]`)?.focus();
            return;
        }
        this.dispatchEvent(new CustomEvent('start', { detail: { request: successStartRequest(this.form) } }));
    }
}

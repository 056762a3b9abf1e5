import { LightningElement, api } from 'lwc';
// The user's locale, a BCP 47 tag ("en-US"): the preview's dates and numbers follow it ("Access
// Internationalization Properties", LWC Developer Guide).
import LOCALE from '@salesforce/i18n/locale';
import { formatNumber } from 'c/planHealth';
import { MAX_LENGTH, lengthHint } from 'c/planDetailsModel';
import {
    adjustPreviewDate,
    createRequest,
    emptyCreateForm,
    previewPlan,
    setCreateField,
    validateCreateForm
} from 'c/planCreationModel';
import type { CreateField, CreateForm, PlanPreview, PreviewRow } from 'c/planCreationModel';
import { ownerOptions, PLAN_KEY } from 'c/planWorkspaceModel';
import type { Option, SaveErrors, Workspace } from 'c/planWorkspaceModel';

interface PreviewRowView extends PreviewRow {
    error: string | null;
}

const FIELDS: readonly CreateField[] = [
    'templateName',
    'targetDate',
    'anchorEvent',
    'name',
    'sharedObjective',
    'buyerLeadId'
];

/**
 * "Create plan": pick a template, enter the buyer's target date and anchor event, preview every milestone dated
 * backward from the target in working days (planCreationModel; a warning, not a block, when the template makes more
 * milestones than the admin's plan size limit), adjust dates (successors follow), then ask the workspace to create
 * the plan and all its milestones in one transaction (a `create` event with the request).
 * Errors of a failed create come back through `errors` and show on the field or preview row they belong to.
 */
export default class PlanCreator extends LightningElement {
    @api busy = false;
    @api errors: SaveErrors | null = null;

    private current?: Workspace;
    form?: CreateForm;
    preview?: PlanPreview;
    /** Field errors of the form, shown once the user tried to create the plan. */
    formErrors: Partial<Record<CreateField, string>> = {};

    @api
    get workspace(): Workspace | undefined {
        return this.current;
    }

    set workspace(value: Workspace | undefined) {
        this.current = value;
        if (value && !this.form) {
            this.form = emptyCreateForm(value);
        }
        this.refresh();
    }

    private refresh(): void {
        this.preview = this.current && this.form ? previewPlan(this.current, this.form, LOCALE) : undefined;
    }

    /** "120 of 5,000 characters": the limit shows while the user types, so nothing is cut silently. */
    get objectiveLengthHint(): string {
        return lengthHint(this.form?.sharedObjective, MAX_LENGTH.sharedObjective, LOCALE);
    }

    get anchorLengthHint(): string {
        return lengthHint(this.form?.anchorEvent, MAX_LENGTH.anchorEvent, LOCALE);
    }

    get templateOptions(): Option[] {
        return (this.current?.templates ?? []).map((template) => ({
            label: template.label,
            value: template.developerName
        }));
    }

    get templateDescription(): string {
        const template = this.current?.templates.find((t) => t.developerName === this.form?.templateName);
        return template?.description ?? '';
    }

    get buyerLeadOptions(): Option[] {
        return ownerOptions(this.current?.buyerContacts ?? [], 'Choose later');
    }

    get hasTemplates(): boolean {
        return this.templateOptions.length > 0;
    }

    private fieldError(field: CreateField): string | null {
        const server = this.errors?.records[PLAN_KEY]?.fieldErrors[field] ?? [];
        const messages = [this.formErrors[field], ...server].filter(Boolean);
        return messages.length ? messages.join(' ') : null;
    }

    get templateError(): string | null {
        return this.fieldError('templateName');
    }

    get targetDateError(): string | null {
        return this.fieldError('targetDate');
    }

    get anchorEventError(): string | null {
        return this.fieldError('anchorEvent');
    }

    get nameError(): string | null {
        return this.fieldError('name');
    }

    get objectiveError(): string | null {
        return this.fieldError('sharedObjective');
    }

    get buyerLeadError(): string | null {
        return this.fieldError('buyerLeadId');
    }

    get planMessages(): string | null {
        const record = this.errors?.records[PLAN_KEY];
        const others = Object.entries(record?.fieldErrors ?? {})
            .filter(([field]) => !FIELDS.includes(field as CreateField))
            .flatMap(([, messages]) => messages);
        const all = [...(record?.messages ?? []), ...others];
        return all.length ? all.join(' ') : null;
    }

    /** Preview rows with the errors of the milestone each becomes; computed once per render, not per row. */
    get rows(): PreviewRowView[] {
        const records = this.errors?.records ?? {};
        return (this.preview?.rows ?? []).map((row) => {
            const record = records[row.key];
            const messages = record ? [...record.messages, ...Object.values(record.fieldErrors).flat()] : [];
            return { ...row, error: messages.length ? messages.join(' ') : null };
        });
    }

    get hasRows(): boolean {
        return (this.preview?.rows.length ?? 0) > 0;
    }

    get hasWarnings(): boolean {
        return (this.preview?.warnings.length ?? 0) > 0;
    }

    get hasAdjustments(): boolean {
        return Boolean(this.form?.dates && Object.keys(this.form.dates).length > 0);
    }

    get closeClass(): string {
        return this.preview?.closeComparison.isLate ? 'slds-text-color_error' : '';
    }

    get milestoneCountLabel(): string {
        const count = this.preview?.rows.length ?? 0;
        return `${formatNumber(count, LOCALE)} ${count === 1 ? 'milestone' : 'milestones'}`;
    }

    handleFieldChange(event: CustomEvent<{ value?: string }>): void {
        const field = (event.currentTarget as HTMLElement).dataset.field as CreateField;
        if (!this.form || !field) {
            return;
        }
        this.form = setCreateField(this.form, field, event.detail?.value ?? null);
        if (this.formErrors[field]) {
            this.formErrors = { ...this.formErrors, [field]: undefined };
        }
        this.refresh();
    }

    handleDateChange(event: CustomEvent<{ value?: string }>): void {
        const key = (event.currentTarget as HTMLElement).dataset.key;
        const value = event.detail?.value;
        if (!this.current || !this.form || !key || !value) {
            return;
        }
        this.form = { ...this.form, dates: adjustPreviewDate(this.current, this.form, key, value) };
        this.refresh();
    }

    handleResetDates(): void {
        if (this.form) {
            this.form = { ...this.form, dates: null };
            this.refresh();
        }
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    handleCreate(): void {
        if (!this.current || !this.form || !this.preview) {
            return;
        }
        this.formErrors = validateCreateForm(this.form, this.current.today);
        const invalid = FIELDS.find((field) => this.formErrors[field]);
        if (invalid) {
            this.template?.querySelector<HTMLElement>(`[data-field="${invalid}"]`)?.focus();
            return;
        }
        this.dispatchEvent(
            new CustomEvent('create', { detail: { request: createRequest(this.current, this.form, this.preview) } })
        );
    }
}

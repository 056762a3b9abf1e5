import { LightningElement } from 'lwc';
import getSetup from '@salesforce/apex/TandemSetupController.getSetup';
import saveSetup from '@salesforce/apex/TandemSetupController.saveSetup';
import rotateLinkSecret from '@salesforce/apex/TandemSetupController.rotateLinkSecret';
// The user's locale, a BCP 47 tag ("en-US"), for the deal counts ("Access Internationalization Properties", LWC
// Developer Guide); the last change's dates are lightning-formatted-date-time, which follows it by itself.
import LOCALE from '@salesforce/i18n/locale';
import { parseServerError } from 'c/serverErrors';
import type { ErrorReport, RecordErrors } from 'c/serverErrors';
import {
    NEW_GATE_FIELDS,
    NEW_GATE_KEY,
    OUTCOME_CLASSES,
    PLAN_SIZE_FIELD,
    PLAN_SIZE_HELP,
    PLAN_SIZE_KEY,
    PLAN_SIZE_LABEL,
    PLAN_SIZE_MESSAGE,
    SUCCESS_PLANS_HELP,
    SUCCESS_PLANS_KEY,
    SUCCESS_START_LABEL,
    SUCCESS_START_OPTIONS,
    SUCCESS_TEMPLATE_LABEL,
    THRESHOLDS_KEY,
    THRESHOLD_FIELDS,
    addMilestoneGate,
    alertMessages,
    buildRequest,
    describeChange,
    draftFromView,
    fieldError,
    gateWarnings,
    isDirty,
    isNewGateEmpty,
    isQueued,
    milestoneGateRows,
    newGateErrors,
    nextPollDelay,
    removeMilestoneGate,
    saveOutcome,
    setDueSoonDays,
    setNewGateField,
    setPlanSizeLimit,
    setReminderSwitch,
    setSuccessPlanStart,
    setSuccessPlanTemplate,
    setThreshold,
    stageOptions,
    stageRows,
    stepOptions,
    successPlansSection,
    successPlansWarnings,
    templateOptions,
    toggleGate,
    unknownStageWarnings,
    validateDraft
} from 'c/tandemSetupModel';
import type {
    ChangeView,
    GateKind,
    MilestoneGateRow,
    NewGateDraft,
    NewGateField,
    Option,
    Outcome,
    SetupDraft,
    SetupView,
    StageRow,
    SuccessPlansSection,
    ThresholdKey
} from 'c/tandemSetupModel';
import { REMINDERS_KEY } from 'c/tandemSetupFollowUpModel';
import type { FollowUpState, ReminderSwitch, RemindersDraft, SharedThresholds } from 'c/tandemSetupFollowUpModel';
import type { ReminderChange } from 'c/tandemSetupFollowUp';

const LOAD_FAILED = 'Tandem Setup could not load.';
const SAVE_FAILED = 'The setup was not saved.';

interface ThresholdInput {
    key: ThresholdKey;
    label: string;
    help: string;
    value: string;
    message: string;
}

interface PlanSizeInput {
    label: string;
    help: string;
    value: string;
    badInput: string;
}

/** The part of lightning-input and lightning-combobox this page uses to put a message under a field. */
type ValidatedInput = HTMLElement & {
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
};

const NO_THRESHOLDS: SharedThresholds = { atRiskOverdueDays: '', offTrackOverdueDays: '', stalePlanDays: '' };

/** The inputs that show a message under themselves, each with the record key and field of its errors. */
const VALIDATED_INPUTS: readonly { selector: string; key: (input: HTMLElement) => [string, string] }[] = [
    {
        selector: 'lightning-input[data-threshold]',
        key: (input) => [THRESHOLDS_KEY, input.dataset.threshold ?? '']
    },
    { selector: 'lightning-input[data-plan-size]', key: () => [PLAN_SIZE_KEY, PLAN_SIZE_FIELD] },
    { selector: '[data-new-gate]', key: (input) => [NEW_GATE_KEY, input.dataset.newGate ?? ''] },
    { selector: '[data-success-plans]', key: (input) => [SUCCESS_PLANS_KEY, input.dataset.successPlans ?? ''] }
];

/**
 * Tandem Setup: the admin picks which opportunity stages require an active (or buyer-accepted) plan and which need a
 * milestone of that plan Complete first (milestone gates), sets the plan health thresholds and the plan size limit,
 * chooses how a mutual success plan starts when a deal is won and from which template, and runs the daily follow-up (c-tandem-setup-follow-up: its schedule, changed at once, and
 * its switches, saved with the rest). TandemSetupController.getSetup() loads the view; saveSetup() queues a metadata
 * deployment, after which the page polls getSetup() until the change succeeded or failed. The rules live in
 * c/tandemSetupModel; this component holds the state and wires the events.
 */
export default class TandemSetup extends LightningElement {
    view: SetupView | null = null;
    draft: SetupDraft | null = null;
    /** Problems found before a save, or reported by the server. */
    errors: ErrorReport | null = null;
    loadErrors: string[] = [];
    outcome: Outcome | null = null;
    loading = true;
    saving = false;
    polling = false;

    private pollTimer: ReturnType<typeof setTimeout> | null = null;
    private pollAttempt = 0;
    private waitedMs = 0;
    private connected = false;
    /** What the page last said about a milestone gate added or removed (read out by screen readers). */
    gateStatus = '';

    /** The custom validity last given to each input ("key|field"), so it is only reported when it changes. */
    private applied: Record<string, string> = {};

    override connectedCallback(): void {
        this.connected = true;
        this.load();
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.stopPolling();
    }

    /**
     * Puts each message under its field (the thresholds, the plan size limit, the "Add a milestone gate" row):
     * lightning-input and lightning-combobox show a custom validity message once reportValidity() is called
     * (Component Reference, "lightning-input" and "lightning-combobox": Custom Validity Error Messages).
     */
    override renderedCallback(): void {
        for (const { selector, key } of VALIDATED_INPUTS) {
            const inputs = this.template?.querySelectorAll<ValidatedInput>(selector) ?? [];
            for (const input of Array.from(inputs)) {
                const [record, field] = key(input);
                const message = fieldError(this.errors, record, field);
                const applied = `${record}|${field}`;
                if ((this.applied[applied] ?? '') !== message) {
                    this.applied[applied] = message;
                    input.setCustomValidity(message);
                    input.reportValidity();
                }
            }
        }
    }

    // ----- template values -------------------------------------------------------------------------------------

    get hasView(): boolean {
        return Boolean(this.view && this.draft);
    }

    get readOnly(): boolean {
        return !this.view?.canConfigure;
    }

    get canEdit(): boolean {
        return Boolean(this.view?.canConfigure);
    }

    get rows(): StageRow[] {
        return this.view && this.draft ? stageRows(this.view, this.draft, this.errors, this.readOnly, LOCALE) : [];
    }

    get thresholdInputs(): ThresholdInput[] {
        return THRESHOLD_FIELDS.map((field) => ({
            ...field,
            value: this.draft?.thresholds[field.key] ?? '',
            message: this.thresholdMessage(field.key)
        }));
    }

    get planSize(): PlanSizeInput {
        return {
            label: PLAN_SIZE_LABEL,
            help: PLAN_SIZE_HELP,
            value: this.draft?.planSizeLimit ?? '',
            badInput: PLAN_SIZE_MESSAGE
        };
    }

    get milestoneGateRows(): MilestoneGateRow[] {
        return this.view && this.draft ? milestoneGateRows(this.view, this.draft.milestoneGates, this.errors) : [];
    }

    get hasMilestoneGates(): boolean {
        return Boolean(this.draft && this.draft.milestoneGates.length > 0);
    }

    get newGate(): NewGateDraft {
        return this.draft?.newGate ?? { stage: '', templateName: '', stepName: '', message: '' };
    }

    get stageOptions(): Option[] {
        return this.view ? stageOptions(this.view) : [];
    }

    get templateOptions(): Option[] {
        return this.view ? templateOptions(this.view) : [];
    }

    /** The chosen template's steps: the list follows the template. */
    get stepOptions(): Option[] {
        return this.view ? stepOptions(this.view, this.newGate.templateName) : [];
    }

    get stepDisabled(): boolean {
        return !this.newGate.templateName;
    }

    get stepPlaceholder(): string {
        return this.newGate.templateName ? 'Choose a milestone' : 'Choose a template first';
    }

    /** The Success plans section; null (not shown) when the view does not carry its settings. */
    get successPlans(): SuccessPlansSection | null {
        return this.view && this.draft?.successPlans
            ? successPlansSection(this.view, this.draft.successPlans, this.readOnly)
            : null;
    }

    get successPlansHelp(): string {
        return SUCCESS_PLANS_HELP;
    }

    get successStartLabel(): string {
        return SUCCESS_START_LABEL;
    }

    get successStartOptions(): Option[] {
        return [...SUCCESS_START_OPTIONS];
    }

    get successTemplateLabel(): string {
        return SUCCESS_TEMPLATE_LABEL;
    }

    get followUp(): FollowUpState | null {
        return this.view?.followUp ?? null;
    }

    get reminders(): RemindersDraft | null {
        return this.draft?.reminders ?? null;
    }

    /** The thresholds the follow-up's reminders follow, as typed (one copy: the thresholds' own inputs). */
    /** The draft's own thresholds object, so the section renders again only when one of them is edited. */
    get sharedThresholds(): SharedThresholds {
        return this.draft?.thresholds ?? NO_THRESHOLDS;
    }

    get warnings(): string[] {
        return this.view
            ? [...unknownStageWarnings(this.view), ...gateWarnings(this.view), ...successPlansWarnings(this.view)]
            : [];
    }

    get hasWarnings(): boolean {
        return this.warnings.length > 0;
    }

    get errorMessages(): string[] {
        return alertMessages(this.errors, this.view, this.draft);
    }

    /** The alert shows what has no field to sit next to, and the heading of a refused save. */
    get hasErrors(): boolean {
        return Boolean(this.errors) && (this.errorMessages.length > 0 || Boolean(this.errors?.message));
    }

    get errorHeading(): string {
        return this.errors?.message ?? SAVE_FAILED;
    }

    get hasLoadErrors(): boolean {
        return this.loadErrors.length > 0;
    }

    get change(): ChangeView | null {
        return describeChange(this.view?.lastChange ?? null);
    }

    get outcomeClass(): string {
        return this.outcome ? OUTCOME_CLASSES[this.outcome.tone] : '';
    }

    get dirty(): boolean {
        return Boolean(this.view && this.draft && isDirty(this.view, this.draft));
    }

    get saveDisabled(): boolean {
        return this.saving || this.polling || this.loading;
    }

    get discardDisabled(): boolean {
        return this.saving || !this.dirty;
    }

    get saveLabel(): string {
        return this.saving ? 'Saving...' : 'Save';
    }

    // ----- events ----------------------------------------------------------------------------------------------

    handleGateChange(event: Event): void {
        const input = event.target as HTMLInputElement;
        const { stage, gate } = input.dataset;
        if (!this.draft || !stage || this.readOnly) {
            return;
        }
        this.draft = toggleGate(this.draft, stage, gate as GateKind, input.checked);
        // The coupled checkbox may not move if the draft did not change: keep the box the user clicked in step.
        input.checked = Boolean(this.draft.gates[stage]?.[gate as GateKind]);
        this.clearFieldErrors(stage);
    }

    handleThresholdChange(event: CustomEvent<{ value?: string }>): void {
        const key = (event.target as HTMLElement).dataset.threshold as ThresholdKey;
        if (!this.draft || this.readOnly) {
            return;
        }
        this.draft = setThreshold(this.draft, key, event.detail?.value ?? '');
        this.clearFieldErrors(THRESHOLDS_KEY);
    }

    handlePlanSizeChange(event: CustomEvent<{ value?: string }>): void {
        if (!this.draft || this.readOnly) {
            return;
        }
        this.draft = setPlanSizeLimit(this.draft, event.detail?.value ?? '');
        this.clearFieldErrors(PLAN_SIZE_KEY);
    }

    /** How a success plan starts, or its template, chosen; saved with the page. */
    handleSuccessPlansChange(event: CustomEvent<{ value?: string }>): void {
        const field = (event.target as HTMLElement).dataset.successPlans;
        if (!this.draft || this.readOnly) {
            return;
        }
        const value = event.detail?.value ?? '';
        this.draft =
            field === 'template' ? setSuccessPlanTemplate(this.draft, value) : setSuccessPlanStart(this.draft, value);
        this.clearFieldErrors(SUCCESS_PLANS_KEY);
    }

    /** A field of the "Add a milestone gate" row changed: a message shown under the row is checked again. */
    handleNewGateChange(event: CustomEvent<{ value?: string }>): void {
        const field = (event.target as HTMLElement).dataset.newGate as NewGateField;
        if (!this.view || !this.draft || this.readOnly || !NEW_GATE_FIELDS.includes(field)) {
            return;
        }
        this.draft = setNewGateField(this.view, this.draft, field, event.detail?.value ?? '');
        if (this.errors?.records[NEW_GATE_KEY]) {
            const row = isNewGateEmpty(this.draft.newGate)
                ? null
                : newGateErrors(this.view, this.draft.milestoneGates, this.draft.newGate);
            this.replaceRecordErrors(NEW_GATE_KEY, row);
        }
    }

    /** Adds the row's gate to the list (saved with the page), or marks what the row still needs. */
    handleAddGate(): void {
        if (!this.view || !this.draft || this.readOnly) {
            return;
        }
        const added = addMilestoneGate(this.view, this.draft);
        this.replaceRecordErrors(NEW_GATE_KEY, added.errors);
        if (added.errors) {
            this.gateStatus = '';
            return;
        }
        const rows = milestoneGateRows(this.view, added.draft.milestoneGates, null);
        const row = rows[rows.length - 1];
        this.draft = added.draft;
        this.gateStatus = row
            ? `Added the milestone gate "${row.stepText}" before ${row.stageLabel}. Save to put it in force.`
            : '';
    }

    /** Removes a gate from the list (saving deactivates it); focus goes back to the section's heading. */
    handleRemoveGate(event: Event): void {
        const key = (event.currentTarget as HTMLElement | null)?.dataset.key;
        if (!this.view || !this.draft || this.readOnly || !key) {
            return;
        }
        const row = milestoneGateRows(this.view, this.draft.milestoneGates, null).find((r) => r.key === key);
        this.draft = removeMilestoneGate(this.draft, key);
        this.replaceRecordErrors(key, null);
        this.gateStatus = row ? `Removed the milestone gate "${row.stepText}" before ${row.stageLabel}.` : '';
        this.template?.querySelector<HTMLElement>('[data-id="milestone-gates-heading"]')?.focus();
    }

    /** A follow-up switch or Due Soon Days changed (c-tandem-setup-follow-up); saved with the page. */
    handleReminderChange(event: CustomEvent<ReminderChange>): void {
        const { key, value } = event.detail ?? {};
        if (!this.draft || this.readOnly || !key) {
            return;
        }
        this.draft =
            key === 'dueSoonDays'
                ? setDueSoonDays(this.draft, String(value ?? ''))
                : setReminderSwitch(this.draft, key as ReminderSwitch, Boolean(value));
        this.clearFieldErrors(REMINDERS_KEY);
    }

    /** The follow-up's schedule changed: the server sent the whole page; unsaved edits stay. */
    handleFollowUpViewChange(event: CustomEvent<SetupView>): void {
        if (event.detail) {
            this.setView(event.detail, false);
        }
    }

    handleDiscard(): void {
        if (this.view) {
            this.draft = draftFromView(this.view);
            this.errors = null;
            this.gateStatus = '';
        }
    }

    handleRetry(): void {
        this.load();
    }

    async handleSave(): Promise<void> {
        const view = this.view;
        const draft = this.draft;
        if (!view || !draft || this.readOnly || this.saveDisabled) {
            return;
        }
        this.outcome = null;
        const problems = validateDraft(view, draft);
        if (problems) {
            this.errors = problems;
            return;
        }
        this.errors = null;
        this.gateStatus = '';
        this.saving = true;
        try {
            const saved = (await saveSetup({ request: buildRequest(view, draft) })) as SetupView;
            this.setView(saved, true);
            this.outcome = saveOutcome(saved, false);
            if (isQueued(saved)) {
                this.startPolling();
            }
        } catch (error) {
            this.errors = parseServerError(error, SAVE_FAILED);
        } finally {
            this.saving = false;
        }
    }

    // ----- the buyer links' secret -------------------------------------------------------------------------------

    /** The admin asked to rotate the secret and is asked to confirm. */
    confirmingRotation = false;
    rotating = false;
    rotationMessage = '';
    rotationError = '';

    get linkSecretRotatedOn(): string | null {
        return this.view?.linkSecretRotatedOn ?? null;
    }

    handleStartRotation(): void {
        this.confirmingRotation = true;
        this.rotationMessage = '';
        this.rotationError = '';
    }

    handleKeepSecret(): void {
        this.confirmingRotation = false;
    }

    async handleRotate(): Promise<void> {
        this.rotating = true;
        try {
            const view = (await rotateLinkSecret()) as SetupView;
            this.view = { ...(this.view as SetupView), linkSecretRotatedOn: view.linkSecretRotatedOn ?? null };
            this.rotationMessage = 'New secret made: the links sent to buyers before now no longer open.';
        } catch (error) {
            this.rotationError = parseServerError(error, 'The link secret was not changed.').pageErrors[0] ?? '';
        } finally {
            this.rotating = false;
            this.confirmingRotation = false;
        }
    }

    // ----- loading and polling ---------------------------------------------------------------------------------

    private async load(): Promise<void> {
        this.loading = true;
        this.stopPolling();
        try {
            const view = (await getSetup()) as SetupView;
            this.loadErrors = [];
            this.setView(view, true);
            if (isQueued(view)) {
                // A change is still deploying (saved from another tab, or just before a reload): follow it.
                this.outcome = saveOutcome(view, false);
                this.startPolling();
            }
        } catch (error) {
            const parsed = parseServerError(error, LOAD_FAILED);
            this.loadErrors = alertMessages(parsed, null);
        } finally {
            this.loading = false;
        }
    }

    /** Shows a new view; the draft follows it unless the admin has unsaved edits (and `reset` is false). */
    private setView(view: SetupView, reset: boolean): void {
        const keepDraft = !reset && this.view && this.draft && isDirty(this.view, this.draft);
        this.view = view;
        if (!keepDraft) {
            this.draft = draftFromView(view);
        }
    }

    private startPolling(): void {
        this.stopPolling();
        this.pollAttempt = 0;
        this.waitedMs = 0;
        this.polling = true;
        this.schedulePoll();
    }

    private schedulePoll(): void {
        const delay = nextPollDelay(this.pollAttempt, this.waitedMs);
        if (delay === null) {
            this.polling = false;
            if (this.view) {
                this.outcome = saveOutcome(this.view, true);
            }
            return;
        }
        // The deployment finishes on the server's time: there is no event to wait for, so the page asks again.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollTimer = setTimeout(() => this.poll(delay), delay);
    }

    private async poll(delay: number): Promise<void> {
        this.pollTimer = null;
        this.waitedMs += delay;
        this.pollAttempt += 1;
        try {
            const view = (await getSetup()) as SetupView;
            if (!this.connected || !this.polling) {
                return;
            }
            this.setView(view, false);
            if (!isQueued(view)) {
                this.polling = false;
                this.outcome = saveOutcome(view, false);
                return;
            }
        } catch {
            // A failed check says nothing about the deployment: ask again at the next interval.
            if (!this.connected || !this.polling) {
                return;
            }
        }
        this.schedulePoll();
    }

    private stopPolling(): void {
        if (this.pollTimer !== null) {
            clearTimeout(this.pollTimer);
            this.pollTimer = null;
        }
        this.polling = false;
    }

    // ----- errors ----------------------------------------------------------------------------------------------

    private thresholdMessage(key: ThresholdKey): string {
        return fieldError(this.errors, THRESHOLDS_KEY, key);
    }

    /** Sets (or, with null, drops) the errors of one record key, keeping every other error shown. */
    private replaceRecordErrors(key: string, record: RecordErrors | null): void {
        const records = { ...(this.errors?.records ?? {}) };
        delete records[key];
        if (record) {
            records[key] = record;
        }
        const pageErrors = this.errors?.pageErrors ?? [];
        this.errors =
            pageErrors.length > 0 || Object.keys(records).length > 0
                ? { message: this.errors?.message ?? null, pageErrors, records }
                : null;
    }

    /**
     * After an edit, the errors of what was edited are checked again: a fixed field loses its message at once,
     * a field still wrong keeps it (thresholds are checked as typed, so "0" is marked before the save).
     */
    private clearFieldErrors(key: string): void {
        if (!this.view || !this.draft) {
            return;
        }
        this.replaceRecordErrors(key, validateDraft(this.view, this.draft)?.records[key] ?? null);
    }
}

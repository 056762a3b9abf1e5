import { LightningElement } from 'lwc';
import getSetup from '@salesforce/apex/TandemSetupController.getSetup';
import saveSetup from '@salesforce/apex/TandemSetupController.saveSetup';
import rotateLinkSecret from '@salesforce/apex/TandemSetupController.rotateLinkSecret';
// The user's locale, a BCP 47 tag ("en-US"), for the deal counts ("Access Internationalization Properties", LWC
// Developer Guide); the last change's dates are lightning-formatted-date-time, which follows it by itself.
import LOCALE from '@salesforce/i18n/locale';
import { parseServerError } from 'c/serverErrors';
import type { ErrorReport } from 'c/serverErrors';
import {
    OUTCOME_CLASSES,
    THRESHOLDS_KEY,
    THRESHOLD_FIELDS,
    alertMessages,
    buildRequest,
    describeChange,
    draftFromView,
    fieldError,
    isDirty,
    isQueued,
    nextPollDelay,
    saveOutcome,
    setDueSoonDays,
    setReminderSwitch,
    setThreshold,
    stageRows,
    toggleGate,
    unknownStageWarnings,
    validateDraft
} from 'c/tandemSetupModel';
import type { ChangeView, GateKind, Outcome, SetupDraft, SetupView, StageRow, ThresholdKey } from 'c/tandemSetupModel';
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

/** The part of lightning-input this page uses to put a message under a field. */
type ValidatedInput = HTMLElement & {
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
};

const NO_THRESHOLDS: SharedThresholds = { atRiskOverdueDays: '', offTrackOverdueDays: '', stalePlanDays: '' };

/**
 * Tandem Setup: the admin picks which opportunity stages require an active (or buyer-accepted) plan, sets the
 * plan health thresholds, and runs the daily follow-up (c-tandem-setup-follow-up: its schedule, changed at once, and
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
    /** The custom validity last given to each threshold input, so it is only reported when it changes. */
    private applied: Partial<Record<ThresholdKey, string>> = {};

    override connectedCallback(): void {
        this.connected = true;
        this.load();
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.stopPolling();
    }

    /**
     * Puts each threshold's message under its field: lightning-input shows a custom validity message once
     * reportValidity() is called (Component Reference, "lightning-input": Custom Validity Error Messages).
     */
    override renderedCallback(): void {
        const inputs = this.template?.querySelectorAll<ValidatedInput>('lightning-input[data-threshold]') ?? [];
        for (const input of Array.from(inputs)) {
            const key = input.dataset.threshold as ThresholdKey;
            const message = this.thresholdMessage(key);
            if ((this.applied[key] ?? '') !== message) {
                this.applied[key] = message;
                input.setCustomValidity(message);
                input.reportValidity();
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
        return this.view ? unknownStageWarnings(this.view) : [];
    }

    get hasWarnings(): boolean {
        return this.warnings.length > 0;
    }

    get errorMessages(): string[] {
        return alertMessages(this.errors, this.view);
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

    /**
     * After an edit, the errors of what was edited are checked again: a fixed field loses its message at once,
     * a field still wrong keeps it (thresholds are checked as typed, so "0" is marked before the save).
     */
    private clearFieldErrors(key: string): void {
        if (!this.view || !this.draft) {
            return;
        }
        const local = validateDraft(this.view, this.draft);
        const records = { ...(this.errors?.records ?? {}) };
        delete records[key];
        if (local?.records[key]) {
            records[key] = local.records[key];
        }
        const pageErrors = this.errors?.pageErrors ?? [];
        this.errors =
            pageErrors.length > 0 || Object.keys(records).length > 0
                ? { message: this.errors?.message ?? null, pageErrors, records }
                : null;
    }
}

import { LightningElement, api } from 'lwc';
import scheduleFollowUp from '@salesforce/apex/TandemSetupController.scheduleFollowUp';
import stopFollowUp from '@salesforce/apex/TandemSetupController.stopFollowUp';
import runFollowUpNow from '@salesforce/apex/TandemSetupController.runFollowUpNow';
// The user's locale (BCP 47), for the hours and the runs' dates ("Access Internationalization Properties", LWC
// Developer Guide).
import LOCALE from '@salesforce/i18n/locale';
import { errorMessages, parseServerError } from 'c/serverErrors';
import type { ErrorReport } from 'c/serverErrors';
import {
    FOLLOW_UP_KEY,
    HOUR_FIELD,
    RUN_NOW_TEXT,
    STOPPED_TEXT,
    describeSchedule,
    dueSoonError,
    dueSoonHelp,
    hourError,
    hourOptions,
    scheduledText,
    switchRows
} from 'c/tandemSetupFollowUpModel';
import type {
    FollowUpState,
    HourOption,
    ReminderSwitch,
    RemindersDraft,
    ScheduleView,
    SharedThresholds,
    SwitchRow
} from 'c/tandemSetupFollowUpModel';

/** What `reminderchange` carries: a switch turned on or off, or Due Soon Days as typed. */
export interface ReminderChange {
    key: ReminderSwitch | 'dueSoonDays';
    value: boolean | string;
}

type Busy = '' | 'schedule' | 'stop' | 'run';

/** The part of lightning-input and lightning-combobox this section uses to put a message under a field. */
type ValidatedInput = HTMLElement & {
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
};

/**
 * The time zone the runs' dates are written in, named on the page: the browser's (an IANA identifier). The platform
 * also gives components the Salesforce user's own time zone as @salesforce/i18n/timeZone ("Access
 * Internationalization Properties", LWC Developer Guide: https://developer.salesforce.com/docs/platform/lwc/guide/
 * create-i18n.html), which the local preview does not serve; the two agree wherever the user's device keeps the time
 * zone of their Salesforce settings.
 */
function browserTimeZone(): string | undefined {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The 24 hours in the user's locale, made once: the combobox reads them on every render. */
const HOURS = hourOptions(LOCALE);

/**
 * The schedule as the page says it, built once per schedule the server sent: the template reads it a dozen times a
 * render, and each build makes several date formatters.
 */
const SCHEDULES = new WeakMap<FollowUpState, ScheduleView>();
function scheduleOf(followUp: FollowUpState | null): ScheduleView {
    if (!followUp) {
        return describeSchedule(followUp, LOCALE, browserTimeZone());
    }
    let view = SCHEDULES.get(followUp);
    if (!view) {
        view = describeSchedule(followUp, LOCALE, browserTimeZone());
        SCHEDULES.set(followUp, view);
    }
    return view;
}

const NO_THRESHOLDS: SharedThresholds = { atRiskOverdueDays: '', offTrackOverdueDays: '', stalePlanDays: '' };

/**
 * The Follow-up section of Tandem Setup. The schedule is changed at once: Schedule, Stop and Run now call
 * TandemSetupController, whose answer (the whole page) goes up in `viewchange`; their errors stay here, next to the
 * controls. The switches and Due Soon Days are part of the page's draft, saved with the page's Save: each edit goes
 * up in `reminderchange`, and the page's errors come back down for Due Soon Days.
 */
export default class TandemSetupFollowUp extends LightningElement {
    /** The schedule as the server last sent it (TandemSetup.followUp). */
    @api followUp: FollowUpState | null = null;
    /** The switches as the admin has them (the page's draft). */
    @api reminders: RemindersDraft | null = null;
    /** The page's thresholds as typed: the overdue and stale days the reminders follow. */
    @api thresholds: SharedThresholds = NO_THRESHOLDS;
    @api readOnly = false;

    /**
     * The page's save errors (Due Soon Days' among them). The template does not read them, so a new report renders
     * nothing again by itself: its message goes under the field here, and again after each render.
     */
    @api
    get errors(): ErrorReport | null {
        return this.saveErrors;
    }
    set errors(value: ErrorReport | null) {
        this.saveErrors = value;
        this.applyValidity('[data-id="due-soon"]', this.dueSoonError);
    }

    private saveErrors: ErrorReport | null = null;

    busy: Busy = '';
    /** The hour picked in the combobox, until the schedule changes. */
    pickedHour: string | null = null;
    message = '';
    scheduleErrors: ErrorReport | null = null;

    /** The message last given to each validated field, so it is reported only when it changes. */
    private applied: Record<string, string> = {};

    /**
     * Puts the messages under Due Soon Days and the hour: lightning-input and lightning-combobox show a custom
     * validity message once reportValidity() is called (Component Reference, "lightning-input" and
     * "lightning-combobox": Custom Validity Error Messages).
     */
    override renderedCallback(): void {
        this.applyValidity('[data-id="due-soon"]', this.dueSoonError);
        this.applyValidity('[data-id="hour"]', this.hourError);
    }

    // ----- template values -------------------------------------------------------------------------------------

    get schedule(): ScheduleView {
        return scheduleOf(this.followUp);
    }

    get hours(): HourOption[] {
        return HOURS;
    }

    get hourValue(): string {
        return this.pickedHour ?? this.schedule.hour;
    }

    get canEdit(): boolean {
        return !this.readOnly && this.schedule.known;
    }

    get isBusy(): boolean {
        return this.busy !== '';
    }

    get scheduleDisabled(): boolean {
        return this.isBusy || (this.schedule.scheduled && this.hourValue === this.schedule.hour);
    }

    get stopDisabled(): boolean {
        return this.isBusy || !this.schedule.scheduled;
    }

    get scheduleButtonLabel(): string {
        return this.busy === 'schedule' ? 'Scheduling...' : this.schedule.scheduleLabel;
    }

    get runNowLabel(): string {
        return this.busy === 'run' ? 'Starting...' : 'Run now';
    }

    get hasNextRun(): boolean {
        return Boolean(this.schedule.nextRun);
    }

    get lastRunText(): string {
        return this.schedule.lastRun || 'Not run on schedule yet';
    }

    get hourError(): string {
        return hourError(this.scheduleErrors);
    }

    /** The schedule's errors that have no field here (the hour's is under the combobox). */
    get scheduleMessages(): string[] {
        return errorMessages(this.scheduleErrors, (key, field) => key === FOLLOW_UP_KEY && field === HOUR_FIELD);
    }

    get hasScheduleErrors(): boolean {
        return this.scheduleMessages.length > 0;
    }

    get scheduleErrorHeading(): string {
        return this.scheduleErrors?.message ?? '';
    }

    get hasReminders(): boolean {
        return Boolean(this.reminders);
    }

    get switches(): SwitchRow[] {
        return this.reminders ? switchRows(this.reminders, this.thresholds ?? NO_THRESHOLDS) : [];
    }

    get dueSoonDays(): string {
        return this.reminders?.dueSoonDays ?? '';
    }

    get dueSoonError(): string {
        return dueSoonError(this.saveErrors);
    }

    get dueSoonHelp(): string {
        return dueSoonHelp(this.dueSoonDays);
    }

    // ----- the schedule: changed at once ---------------------------------------------------------------------

    handleHourChange(event: CustomEvent<{ value: string }>): void {
        this.pickedHour = event.detail?.value ?? null;
        this.scheduleErrors = null;
        this.message = '';
    }

    async handleSchedule(): Promise<void> {
        const hour = Number(this.hourValue);
        await this.call(
            'schedule',
            () => scheduleFollowUp({ hour }),
            scheduledText(hour, LOCALE),
            'The follow-up was not scheduled.'
        );
    }

    async handleStop(): Promise<void> {
        await this.call('stop', () => stopFollowUp(), STOPPED_TEXT, 'The follow-up was not stopped.');
    }

    async handleRunNow(): Promise<void> {
        await this.call('run', () => runFollowUpNow(), RUN_NOW_TEXT, 'The follow-up did not start.');
    }

    // ----- the switches: part of the page's draft ------------------------------------------------------------

    handleSwitch(event: CustomEvent<{ checked: boolean }>): void {
        const key = (event.target as HTMLElement).dataset.switch as ReminderSwitch;
        this.changed({ key, value: Boolean(event.detail?.checked) });
    }

    handleDueSoonChange(event: CustomEvent<{ value?: string }>): void {
        this.changed({ key: 'dueSoonDays', value: event.detail?.value ?? '' });
    }

    // ----- helpers -------------------------------------------------------------------------------------------

    private changed(change: ReminderChange): void {
        if (this.readOnly) {
            return;
        }
        this.dispatchEvent(new CustomEvent<ReminderChange>('reminderchange', { detail: change }));
    }

    private async call(busy: Busy, apex: () => Promise<unknown>, done: string, failed: string): Promise<void> {
        if (this.isBusy || !this.canEdit) {
            return;
        }
        this.busy = busy;
        this.message = '';
        this.scheduleErrors = null;
        try {
            const view = await apex();
            this.pickedHour = null;
            this.message = done;
            this.dispatchEvent(new CustomEvent('viewchange', { detail: view }));
        } catch (error) {
            this.scheduleErrors = parseServerError(error, failed);
        } finally {
            this.busy = '';
        }
    }

    private applyValidity(selector: string, message: string): void {
        const input = this.template?.querySelector<ValidatedInput>(selector);
        if (!input) {
            delete this.applied[selector];
            return;
        }
        if ((this.applied[selector] ?? '') !== message) {
            this.applied[selector] = message;
            input.setCustomValidity(message);
            input.reportValidity();
        }
    }
}

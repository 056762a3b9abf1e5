/**
 * The Follow-up section of the Tandem Setup page, DOM-free: the daily follow-up's schedule as the admin reads it (in
 * their locale and time zone, through Intl), the hours to choose from, the four switches and Due Soon Days as a
 * draft (checked, compared with what is saved, and turned into the save request's `reminders`), and what each switch
 * sends to whom. The server (TandemSetupService) enforces the same rules; checking them here puts the message next
 * to the field before a round trip.
 */
import { fieldError } from 'c/serverErrors';
import type { ErrorReport } from 'c/serverErrors';

// ---------------------------------------------------------------------------------------------------------------
// The server contract: FollowUpSchedule.State and TandemSetup.Reminders.

export interface FollowUpState {
    scheduled: boolean;
    /** 0 to 23: the hour of the day it runs at (or would, once scheduled). */
    hour: number;
    /** Date-times as Apex sends them (ISO 8601, UTC); null when there is none. */
    nextRun?: string | null;
    lastRun?: string | null;
}

export interface Reminders {
    /** Working days ahead that count as due soon; null or 0: no due-soon reminders. */
    dueSoonDays: number | null;
    sellerRemindersOn: boolean;
    staleAlertsOn: boolean;
    buyerRemindersOn: boolean;
    managerDigestOn: boolean;
}

export type ReminderSwitch = 'sellerRemindersOn' | 'staleAlertsOn' | 'buyerRemindersOn' | 'managerDigestOn';

/** The switches as the admin has them on screen: Due Soon Days as typed ('' is off). */
export interface RemindersDraft {
    dueSoonDays: string;
    sellerRemindersOn: boolean;
    staleAlertsOn: boolean;
    buyerRemindersOn: boolean;
    managerDigestOn: boolean;
}

/** The record key of the switches' errors, and of the schedule's, as TandemSetupService reports them. */
export const REMINDERS_KEY = 'reminders';
export const FOLLOW_UP_KEY = 'followUp';
export const DUE_SOON_FIELD = 'dueSoonDays';
export const HOUR_FIELD = 'hour';
export const MAX_DUE_SOON_DAYS = 20;
export const DUE_SOON_MESSAGE = `Enter a whole number of working days from 0 to ${MAX_DUE_SOON_DAYS}, or leave it blank to turn due-soon reminders off.`;

export const SWITCH_KEYS: readonly ReminderSwitch[] = [
    'sellerRemindersOn',
    'staleAlertsOn',
    'buyerRemindersOn',
    'managerDigestOn'
];

// ---------------------------------------------------------------------------------------------------------------
// The draft.

export function remindersDraft(reminders: Reminders): RemindersDraft {
    const days = reminders.dueSoonDays;
    return {
        dueSoonDays: days === null || days === undefined ? '' : String(days),
        sellerRemindersOn: reminders.sellerRemindersOn === true,
        staleAlertsOn: reminders.staleAlertsOn === true,
        buyerRemindersOn: reminders.buyerRemindersOn === true,
        managerDigestOn: reminders.managerDigestOn === true
    };
}

export function setSwitch(draft: RemindersDraft, key: ReminderSwitch, on: boolean): RemindersDraft {
    if (!SWITCH_KEYS.includes(key) || draft[key] === on) {
        return draft;
    }
    return { ...draft, [key]: on };
}

export function setDueSoonDays(draft: RemindersDraft, value: string | null | undefined): RemindersDraft {
    const text = (value ?? '').trim();
    return draft.dueSoonDays === text ? draft : { ...draft, dueSoonDays: text };
}

/**
 * A number of days as typed into a setting: null when blank (off), the number, or NaN when it is not a whole number
 * from `min` to `max`. Due Soon Days here, and the health thresholds (c/tandemSetupModel's parseDays).
 */
export function parseWholeDays(text: string, min: number, max: number): number | null {
    const trimmed = (text ?? '').trim();
    if (trimmed === '') {
        return null;
    }
    if (!/^\d+$/.test(trimmed)) {
        return Number.NaN;
    }
    const days = Number(trimmed);
    return days >= min && days <= max ? days : Number.NaN;
}

/** Due Soon Days as typed: null when blank, the number of working days, or NaN when it is not 0 to 20. */
export function parseDueSoonDays(text: string): number | null {
    return parseWholeDays(text, 0, MAX_DUE_SOON_DAYS);
}

/** The message under Due Soon Days ('' when it is fine). */
export function dueSoonMessage(text: string): string {
    return Number.isNaN(parseDueSoonDays(text)) ? DUE_SOON_MESSAGE : '';
}

/** True when the draft differs from what is saved ("02" and "2" are the same number of days). */
export function remindersDirty(saved: RemindersDraft, draft: RemindersDraft): boolean {
    if (SWITCH_KEYS.some((key) => saved[key] !== draft[key])) {
        return true;
    }
    const before = parseDueSoonDays(saved.dueSoonDays);
    const after = parseDueSoonDays(draft.dueSoonDays);
    return Number.isNaN(after) || before !== after;
}

/** The save request's `reminders`; throws for Due Soon Days it cannot read (validate first). */
export function remindersRequest(draft: RemindersDraft): Reminders {
    const days = parseDueSoonDays(draft.dueSoonDays);
    if (Number.isNaN(days)) {
        throw new Error(
            `dueSoonDays is not a whole number of working days from 0 to ${MAX_DUE_SOON_DAYS}: validate first`
        );
    }
    return {
        dueSoonDays: days,
        sellerRemindersOn: draft.sellerRemindersOn,
        staleAlertsOn: draft.staleAlertsOn,
        buyerRemindersOn: draft.buyerRemindersOn,
        managerDigestOn: draft.managerDigestOn
    };
}

// ---------------------------------------------------------------------------------------------------------------
// Hours and dates, in the user's locale and time zone.

/** "6:00 AM" in en-US, "06:00" in de-DE: the hour of a day, as a clock shows it. */
export function hourLabel(hour: number, locale?: string): string {
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
        Date.UTC(2000, 0, 1, hour)
    );
}

export interface HourOption {
    label: string;
    value: string;
}

/** The 24 hours of a day for the combobox, midnight first. */
export function hourOptions(locale?: string): HourOption[] {
    return Array.from({ length: 24 }, (_, hour) => ({ label: hourLabel(hour, locale), value: String(hour) }));
}

/** "Mon, Dec 7, 2026, 6:00 AM" in the user's locale and time zone; '' for no date or one that cannot be read. */
export function formatRun(value: string | null | undefined, locale?: string, timeZone?: string): string {
    const ms = value ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) {
        return '';
    }
    const options: Intl.DateTimeFormatOptions = {
        weekday: 'short',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit'
    };
    try {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(ms);
    } catch {
        // A time zone this browser does not know: the browser's own, rather than nothing.
        return new Intl.DateTimeFormat(locale, options).format(ms);
    }
}

function zoneName(timeZone: string, locale: string | undefined, style: 'longGeneric' | 'long'): string {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(0);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/**
 * The time zone's name as the user reads it: its generic name ("Pacific Time"), else its long one where the generic
 * is only an offset ("Coordinated Universal Time" rather than "GMT+00:00"), else its identifier.
 */
export function timeZoneLabel(timeZone: string | undefined, locale?: string): string {
    if (!timeZone) {
        return '';
    }
    try {
        const generic = zoneName(timeZone, locale, 'longGeneric');
        return (/^GMT[+-]/.test(generic) ? zoneName(timeZone, locale, 'long') : generic) || timeZone;
    } catch {
        return timeZone;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The schedule as the page says it.

export interface ScheduleView {
    scheduled: boolean;
    /** Whether the schedule can be seen at all (a user who cannot read scheduled jobs cannot). */
    known: boolean;
    statusText: string;
    badgeLabel: string;
    badgeClass: string;
    nextRun: string;
    lastRun: string;
    /** The hour the combobox starts on. */
    hour: string;
    scheduleLabel: string;
}

export const NOT_SCHEDULED_TEXT = 'Not scheduled: nothing is sent on its own until the daily run is scheduled.';
export const UNKNOWN_SCHEDULE_TEXT = 'The schedule is visible to Salesforce admins only.';
export const RUN_NOW_TEXT = 'The follow-up is running; reminders go out in a few minutes.';
export const STOPPED_TEXT = 'Stopped: the follow-up no longer runs on its own.';

export function describeSchedule(
    state: FollowUpState | null | undefined,
    locale?: string,
    timeZone?: string
): ScheduleView {
    if (!state) {
        return {
            scheduled: false,
            known: false,
            statusText: UNKNOWN_SCHEDULE_TEXT,
            badgeLabel: 'Unknown',
            badgeClass: 'slds-badge',
            nextRun: '',
            lastRun: '',
            hour: '6',
            scheduleLabel: 'Schedule'
        };
    }
    const hour = Number.isInteger(state.hour) && state.hour >= 0 && state.hour <= 23 ? state.hour : 6;
    const zone = timeZoneLabel(timeZone, locale);
    return {
        scheduled: state.scheduled,
        known: true,
        statusText: state.scheduled
            ? `Runs every day at ${hourLabel(hour, locale)}${zone ? ` (${zone})` : ''}.`
            : NOT_SCHEDULED_TEXT,
        badgeLabel: state.scheduled ? 'Scheduled' : 'Off',
        badgeClass: state.scheduled ? 'slds-badge slds-theme_success' : 'slds-badge',
        nextRun: state.scheduled ? formatRun(state.nextRun, locale, timeZone) : '',
        lastRun: formatRun(state.lastRun, locale, timeZone),
        hour: String(hour),
        scheduleLabel: state.scheduled ? 'Change the hour' : 'Schedule'
    };
}

/** What the page says once the daily run is scheduled at an hour. */
export function scheduledText(hour: number, locale?: string): string {
    return `Scheduled: the follow-up runs every day at ${hourLabel(hour, locale)}.`;
}

// ---------------------------------------------------------------------------------------------------------------
// The switches: what each sends, to whom.

export interface SwitchRow {
    key: ReminderSwitch;
    label: string;
    /** Who gets what, with the thresholds of the draft. */
    help: string;
    checked: boolean;
    stateLabel: string;
    hasDueSoon: boolean;
}

/** The thresholds the follow-up shares with plan health, as typed on the page ('' is off). */
export interface SharedThresholds {
    atRiskOverdueDays: string;
    offTrackOverdueDays: string;
    stalePlanDays: string;
}

function countOf(text: string, unit: string): string {
    const n = Number(text);
    return n === 1 ? `1 ${unit}` : `${text} ${unit}s`;
}

/** The stale-plan sentence beside Stale alerts: the one Stale plan days threshold of the page, as typed. */
export function staleText(stalePlanDays: string): string {
    const text = (stalePlanDays ?? '').trim();
    return /^\d+$/.test(text) && Number(text) > 0
        ? `A plan counts as stale after ${countOf(text, 'day')} without progress (Stale plan days, under Plan health thresholds).`
        : 'Stale plan days is blank under Plan health thresholds, so no plan counts as stale and no stale alert goes out.';
}

function overdueText(thresholds: SharedThresholds): string {
    const parts: string[] = [];
    if (/^\d+$/.test(thresholds.atRiskOverdueDays.trim())) {
        parts.push(`overdue (${countOf(thresholds.atRiskOverdueDays.trim(), 'day')} late)`);
    }
    if (/^\d+$/.test(thresholds.offTrackOverdueDays.trim())) {
        parts.push(`stalled (${countOf(thresholds.offTrackOverdueDays.trim(), 'day')} late)`);
    }
    return parts.length > 0 ? parts.join(' or ') : 'overdue';
}

export function switchRows(draft: RemindersDraft, thresholds: SharedThresholds): SwitchRow[] {
    const rows: Record<ReminderSwitch, { label: string; help: string }> = {
        sellerRemindersOn: {
            label: 'Seller reminders',
            help: `A Salesforce notification (bell and mobile) to a milestone's seller owner and the opportunity owner when the milestone is due soon, ${overdueText(thresholds)}: one per plan, grouped.`
        },
        staleAlertsOn: {
            label: 'Stale alerts',
            help: `A notification to the opportunity owner when an active plan has gone quiet. ${staleText(thresholds.stalePlanDays)}`
        },
        buyerRemindersOn: {
            label: 'Buyer reminder emails',
            help: 'An email to a buyer contact about their own milestones due soon, at most one a day, with their link to the plan. Only on plans where the account executive turned buyer reminders on; off here, no buyer is emailed.'
        },
        managerDigestOn: {
            label: 'Manager digest',
            help: "A Monday email to each manager about their team's plans: newly off track, slipped (with reasons), stale, accepted by the buyer, and deals that entered a gated stage."
        }
    };
    return SWITCH_KEYS.map((key) => ({
        key,
        label: rows[key].label,
        help: rows[key].help,
        checked: draft[key],
        stateLabel: draft[key] ? 'On' : 'Off',
        hasDueSoon: key === 'sellerRemindersOn'
    }));
}

/** The sentence under Due Soon Days, as typed. */
export function dueSoonHelp(text: string): string {
    const days = parseDueSoonDays(text);
    if (days === null || days === 0) {
        return 'Due-soon reminders are off; sellers still hear about overdue milestones.';
    }
    if (Number.isNaN(days)) {
        return '';
    }
    return days === 1
        ? 'Milestones due today or the next working day count as due soon (weekends off).'
        : `Milestones due from today to ${days} working days ahead count as due soon (weekends off).`;
}

/** The message under Due Soon Days from the page's errors, or the field's own check. */
export function dueSoonError(errors: ErrorReport | null | undefined): string {
    return fieldError(errors, REMINDERS_KEY, DUE_SOON_FIELD);
}

/** The message next to the hour from the schedule's errors. */
export function hourError(errors: ErrorReport | null | undefined): string {
    return fieldError(errors, FOLLOW_UP_KEY, HOUR_FIELD);
}

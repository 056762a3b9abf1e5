/**
 * What the workspace says of the daily follow-up's reminders (Plan_Reminder__c, see docs/follow-up.md): when someone
 * was last reminded of a milestone or of the plan, in the user's words, locale and time zone. "Reminded today",
 * "Reminded yesterday", "Reminded Tuesday" within the week, "Reminded Mar 3" before; the full sentence (what, to
 * whom, how, when) for the hover text and screen readers.
 */
import { dateFormat } from './formatting';
import type { ReminderInfo } from './workspaceTypes';

const KIND_WORDS: Readonly<Record<string, string>> = {
    'Due Soon': 'due soon',
    Overdue: 'overdue',
    Stalled: 'stalled',
    'Stale Plan': 'no progress',
    'Buyer Reminder': 'due soon'
};

export interface ReminderText {
    /** "Reminded Tuesday". */
    short: string;
    /** "Notified Jonah Clarke (overdue) on Tuesday, March 3 at 6:02 AM." */
    full: string;
}

/** Relative-time formatters by locale: made once, as the date formatters (formatting.ts, dateFormat) are. */
const RELATIVE_FORMATS = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
    let format = RELATIVE_FORMATS.get(locale ?? '');
    if (!format) {
        format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
        RELATIVE_FORMATS.set(locale ?? '', format);
    }
    return format;
}

/** The calendar day of an instant in a time zone, as days since 1970-01-01. */
function dayIn(instant: Date, timeZone?: string): number {
    const parts = dateFormat('calendar day', 'en-US', timeZone, {
        year: 'numeric',
        month: 'numeric',
        day: 'numeric'
    }).formatToParts(instant);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000;
}

/**
 * The words for a reminder, or null for none.
 * @param now the current instant (the caller's clock, so tests pin it)
 */
export function reminderText(
    reminder: ReminderInfo | null | undefined,
    now: Date,
    locale?: string,
    timeZone?: string
): ReminderText | null {
    if (!reminder?.sentOn) {
        return null;
    }
    const sent = new Date(reminder.sentOn);
    if (Number.isNaN(sent.getTime())) {
        return null;
    }
    const daysAgo = dayIn(now, timeZone) - dayIn(sent, timeZone);
    let when: string;
    if (daysAgo <= 1 && daysAgo >= 0) {
        when = relativeFormat(locale).format(-daysAgo, 'day');
    } else if (daysAgo > 1 && daysAgo < 7) {
        when = dateFormat('weekday', locale, timeZone, { weekday: 'long' }).format(sent);
    } else {
        when = dateFormat('month and day', locale, timeZone, { month: 'short', day: 'numeric' }).format(sent);
    }
    const at = dateFormat('at', locale, timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(sent);
    const verb = reminder.channel === 'Email' ? 'Emailed' : 'Notified';
    const who = reminder.recipientName ? ` ${reminder.recipientName}` : '';
    const why = KIND_WORDS[reminder.kind] ? ` (${KIND_WORDS[reminder.kind]})` : '';
    return { short: `Reminded ${when}`, full: `${verb}${who}${why}: ${at}.` };
}

// Times as the preview's tools show them, in the user's locale: "2 hours ago" from the org's clock (the embedded org
// may run on another day than the browser), and the full date and time for a title or a screen reader.

const UNITS = [
    ['year', 365 * 24 * 3600],
    ['month', 30 * 24 * 3600],
    ['week', 7 * 24 * 3600],
    ['day', 24 * 3600],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1]
];

/**
 * How long before `now` the `sentAt` instant was (both ISO date-times), as Intl.RelativeTimeFormat words it in
 * `locale`: "2 hours ago", "yesterday", "now". An unreadable time answers ''.
 */
export function relativeTime(sentAt, now, locale) {
    const then = Date.parse(sentAt);
    const reference = Date.parse(now);
    if (Number.isNaN(then) || Number.isNaN(reference)) return '';
    const seconds = Math.round((then - reference) / 1000);
    const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    if (Math.abs(seconds) < 45) return format.format(0, 'second');
    const [unit, size] = UNITS.find(([, length]) => Math.abs(seconds) >= length);
    return format.format(Math.round(seconds / size), unit);
}

/** The instant with its date and time, in `locale`, in UTC as the preview shows every time: "Mar 2, 2026, 9:41 AM". */
export function fullTime(sentAt, locale) {
    const then = Date.parse(sentAt);
    if (Number.isNaN(then)) return '';
    return new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC'
    }).format(new Date(then));
}

// ISO dates (YYYY-MM-DD) as the embedded org stores Date fields, counted in UTC so no time zone moves a day: the one
// copy of the calendar and working-day arithmetic the tests, the bench and the tooling use.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export const toDays = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** The ISO date `days` days after 1970-01-01. */
export const fromDays = (days) => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** `days` calendar days after `iso` (before it when negative): 2026-03-02 + 7 → 2026-03-09. */
export function addDays(iso, days) {
    return fromDays(toDays(iso) + days);
}

/** `count` working days (Monday to Friday) after `iso`, or before it when negative; 0 is the day itself. */
export function addWorkingDays(iso, count) {
    let days = toDays(iso);
    const step = Math.sign(count);
    for (let left = Math.abs(count); left > 0;) {
        days += step;
        // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays, 5 and 6 on weekends.
        if ((((days + 3) % 7) + 7) % 7 < 5) left--;
    }
    return fromDays(days);
}

/**
 * The working days (Monday to Friday) after `from` up to and including `to`, as the package's
 * WorkingDays.between (force-app/main/plan-data/classes/WorkingDays.cls) counts them for Slip_Days__c.
 */
export function workingDaysBetween(from, to) {
    // Days since Monday 1970-01-05 of the day after `iso`; five working days a week, at most five in the last one.
    const index = (iso) => {
        const days = toDays(iso) + 1 - 4;
        const dayOfWeek = ((days % 7) + 7) % 7;
        return ((days - dayOfWeek) / 7) * 5 + Math.min(dayOfWeek, 5);
    };
    return index(to) - index(from);
}

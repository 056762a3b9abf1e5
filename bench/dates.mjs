// ISO dates (YYYY-MM-DD) as the embedded org stores Date fields, counted in UTC so no time zone moves a day.

const DAY_MS = 86_400_000;
const toDays = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDays = (days) => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** `days` calendar days after `iso` (before it when negative). */
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

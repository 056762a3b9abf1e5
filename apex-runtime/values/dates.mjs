// Calendar arithmetic and formatting for ApexDate { days }, ApexDatetime { ms } and ApexTime { ms }. The running
// user's time zone and locale are assumed to be GMT and en_US (Apex Reference, "Datetime Class": format() uses the
// context user's time zone and locale; the embedded org has no user time zones).
import { ApexDate, ApexDatetime, ApexTime } from './values.mjs';

export const DAY_MS = 86400000;

/** { year, month (1-12), day } of an ApexDate. */
export function dateParts(date) {
    const d = new Date(date.days * DAY_MS);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysOf(year, month, day) {
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    d.setUTCHours(0, 0, 0, 0);
    return Math.round(d.getTime() / DAY_MS);
}

export const newDate = (year, month, day) => new ApexDate(daysOf(year, month, day));

export const isLeapYear = (year) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year, month) {
    return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Apex Reference, Date Class: addMonths clamps the day to the last day of the resulting month. */
export function addMonths(date, months) {
    const { year, month, day } = dateParts(date);
    const index = year * 12 + (month - 1) + months;
    const newYear = Math.floor(index / 12);
    const newMonth = index - newYear * 12 + 1;
    return newDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** { year, month, day, hour, minute, second, ms } of epoch milliseconds, in GMT. */
export function datetimeParts(ms) {
    const d = new Date(ms);
    return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        ms: d.getUTCMilliseconds(),
        weekday: d.getUTCDay() // 0 = Sunday
    };
}

export function datetimeOf(year, month, day, hour = 0, minute = 0, second = 0, ms = 0) {
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    d.setUTCHours(hour, minute, second, ms);
    return new ApexDatetime(d.getTime());
}

export const dateOfDatetime = (datetime) => new ApexDate(Math.floor(datetime.ms / DAY_MS));
export const timeOfDatetime = (datetime) => new ApexTime(((datetime.ms % DAY_MS) + DAY_MS) % DAY_MS);
export const newTime = (hour, minute, second, ms) =>
    new ApexTime(((((hour * 3600 + minute * 60 + second) * 1000 + ms) % DAY_MS) + DAY_MS) % DAY_MS);

const pad = (n, width) => String(n).padStart(width, '0');

/** String.valueOf(Date): 'yyyy-MM-dd' (Apex Reference, String Class: valueOf(dateToConvert)). */
export function dateToString(date) {
    const { year, month, day } = dateParts(date);
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** String.valueOf(Datetime): 'yyyy-MM-dd HH:mm:ss' in the user's time zone (GMT here). */
export function datetimeToString(datetime) {
    return formatDatetime(datetime.ms, 'yyyy-MM-dd HH:mm:ss');
}

/** String.valueOf(Time): 'HH:mm:ss.SSSZ' as Apex prints times (e.g. 10:30:00.000Z). */
export function timeToString(time) {
    return formatDatetime(time.ms, 'HH:mm:ss.SSS') + 'Z';
}

/** ISO 8601 as JSON and Lightning receive a Datetime: '2024-01-02T03:04:05.000Z'. */
export const datetimeToIso = (datetime) => new Date(datetime.ms).toISOString();

const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Formats epoch milliseconds in GMT with a Java SimpleDateFormat pattern (Apex Reference, Datetime Class:
 * format(dateFormatString) "uses the Java simple date format"). Unknown pattern letters fail loudly.
 */
export function formatDatetime(ms, pattern, zone = 'GMT') {
    const p = datetimeParts(ms);
    const dayOfYear = Math.floor(ms / DAY_MS) - daysOf(p.year, 1, 1) + 1;
    let out = '';
    for (let i = 0; i < pattern.length;) {
        const char = pattern[i];
        if (char === "'") {
            const end = pattern.indexOf("'", i + 1);
            if (end === i + 1) {
                out += "'";
                i += 2;
                continue;
            }
            const stop = end < 0 ? pattern.length : end;
            out += pattern.slice(i + 1, stop).replace(/''/g, "'");
            i = stop + 1;
            continue;
        }
        if (!/[A-Za-z]/.test(char)) {
            out += char;
            i++;
            continue;
        }
        let count = 1;
        while (pattern[i + count] === char) count++;
        i += count;
        out += field(char, count, p, dayOfYear, zone);
    }
    return out;
}

function field(char, count, p, dayOfYear, zone) {
    const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
    switch (char) {
        case 'G':
            return 'AD';
        case 'y':
        case 'Y':
            return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
        case 'M':
            if (count >= 4) return MONTHS[p.month - 1];
            if (count === 3) return MONTHS[p.month - 1].slice(0, 3);
            return pad(p.month, count);
        case 'd':
            return pad(p.day, count);
        case 'D':
            return pad(dayOfYear, count);
        case 'E':
            return count >= 4 ? WEEKDAYS[p.weekday] : WEEKDAYS[p.weekday].slice(0, 3);
        case 'u':
            return pad(p.weekday === 0 ? 7 : p.weekday, count);
        case 'a':
            return p.hour < 12 ? 'AM' : 'PM';
        case 'H':
            return pad(p.hour, count);
        case 'k':
            return pad(p.hour === 0 ? 24 : p.hour, count);
        case 'K':
            return pad(p.hour % 12, count);
        case 'h':
            return pad(hour12, count);
        case 'm':
            return pad(p.minute, count);
        case 's':
            return pad(p.second, count);
        case 'S':
            return pad(p.ms, count); // SimpleDateFormat: S is the millisecond number
        case 'z':
            return count >= 4 ? 'Greenwich Mean Time' : zone;
        case 'Z':
            return '+0000';
        case 'X':
            return 'Z';
        default:
            throw new Error(`date format pattern letter '${char}' is not supported`);
    }
}

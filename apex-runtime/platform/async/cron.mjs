// The cron expressions of System.schedule: parsing, the platform's checks, and the next fire time.
//
// The platform's rules, and where they are written (Apex Developer Guide, "Apex Scheduler",
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_scheduler.htm, "Using the
// System.schedule Method"): the expression is `Seconds Minutes Hours Day_of_month Month Day_of_week optional_year`;
//   Seconds 0–59 and Minutes 0–59 take no special characters; Hours 0–23 take , - * /; Day_of_month 1–31 takes
//   , - * ? / L W; Month 1–12 or JAN–DEC takes , - * /; Day_of_week 1–7 or SUN–SAT takes , - * ? / L #;
//   optional_year null or 1970–2099 takes , - * /.
//   `,` delimits values; `-` a range; `*` all values; `?` no specific value (Day_of_month and Day_of_week only,
//   "generally used when specifying a value for one and not the other"); `/` increments ("The number before the
//   slash specifies when the intervals will begin, and the number after the slash is the interval amount"); `L` the
//   end of a range: the last day of the month, with Day_of_week alone 7 (SAT), after a weekday value the last such
//   day of the month (2L, the last Monday); `W` the nearest weekday (Monday–Friday) of the given day, never across
//   a month, a single day only, LW the last weekday of the month; `#` the nth weekday of the month (2#1, the first
//   Monday).
// - Exactly one of Day_of_month and Day_of_week is `?`: the scheduler does not combine both (and needs one).
// - "Salesforce schedules the class for execution at the specified time", in the org's time zone; the runtime's
//   org is in GMT (apex-runtime/README.md), so fire times are computed in UTC.
//
// The failures' wording is the platform's, reconstructed from its output (the guide quotes none): a
// System.StringException "Seconds and minutes must be specified as integers: <expression>", "Support for specifying
// both a day-of-week AND a day-of-month parameter is not implemented.", "'?' can only be specfied for Day-of-Month
// -OR- Day-of-Week." (sic), "Unexpected end of expression.", "Illegal characters for this position: '<text>'" and the
// range messages below.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export class CronError extends Error {}

const FIELDS = [
    { name: 'seconds', min: 0, max: 59, range: 'Minute and Second values must be between 0 and 59' },
    { name: 'minutes', min: 0, max: 59, range: 'Minute and Second values must be between 0 and 59' },
    { name: 'hours', min: 0, max: 23, range: 'Hour values must be between 0 and 23', chars: ',-*/' },
    { name: 'dayOfMonth', min: 1, max: 31, range: 'Day of month values must be between 1 and 31', chars: ',-*?/LW' },
    { name: 'month', min: 1, max: 12, range: 'Month values must be between 1 and 12', chars: ',-*/', names: MONTHS },
    { name: 'dayOfWeek', min: 1, max: 7, range: 'Day-of-Week values must be between 1 and 7', chars: ',-*?/L#' },
    { name: 'year', min: 1970, max: 2099, range: 'Year values must be between 1970 and 2099', chars: ',-*/' }
];
FIELDS[5].names = DAYS;

function number(field, text) {
    const upper = text.toUpperCase();
    const named = field.names?.indexOf(upper);
    if (named !== undefined && named >= 0) return named + 1;
    if (!/^\d+$/.test(text)) throw new CronError(`Illegal characters for this position: '${text}'`);
    const value = Number(text);
    if (value < field.min || value > field.max) throw new CronError(field.range);
    return value;
}

/** The values of one plain field (no ?, L, W or #): a sorted array. */
function values(field, text) {
    const out = new Set();
    for (const part of text.split(',')) {
        if (part === '') throw new CronError(`Illegal characters for this position: '${text}'`);
        const [rangeText, stepText] = part.split('/');
        const step = stepText === undefined ? 1 : Number(stepText);
        if (stepText !== undefined && (!/^\d+$/.test(stepText) || step < 1)) {
            throw new CronError(`Illegal characters for this position: '${part}'`);
        }
        let from;
        let to;
        if (rangeText === '*') [from, to] = [field.min, field.max];
        else if (rangeText.includes('-')) [from, to] = rangeText.split('-').map((piece) => number(field, piece));
        else {
            from = number(field, rangeText);
            // "5/15": from 5 by 15 to the end of the field's range.
            to = stepText === undefined ? from : field.max;
        }
        if (to < from) {
            // A range that wraps (FRI-MON, 22-2) runs to the end of the field and on from its start.
            for (let v = from; v <= field.max; v += step) out.add(v);
            for (let v = field.min; v <= to; v += step) out.add(v);
        } else for (let v = from; v <= to; v += step) out.add(v);
    }
    return [...out].sort((a, b) => a - b);
}

function checkChars(field, text) {
    const allowed = new RegExp(`^[0-9A-Za-z${(field.chars ?? '').replace(/[-/\\^$*?.()|[\]{}]/g, '\\$&')}]+$`);
    if (!allowed.test(text)) throw new CronError(`Illegal characters for this position: '${text}'`);
}

/** Day_of_month: { any } | { values } | { last, offset } | { weekdayNear } | { lastWeekday }. */
function dayOfMonth(text) {
    const field = FIELDS[3];
    checkChars(field, text);
    if (text === '?') return { none: true };
    if (text === '*') return { any: true };
    if (text === 'L') return { last: true };
    if (text === 'LW') return { lastWeekday: true };
    const near = /^(\d+)W$/.exec(text);
    if (near) return { weekdayNear: number(field, near[1]) };
    if (/[LW]/.test(text)) throw new CronError(`Illegal characters for this position: '${text}'`);
    return { values: values(field, text) };
}

/** Day_of_week: { any } | { values } | { lastOf } | { nth, weekday }. */
function dayOfWeek(text) {
    const field = FIELDS[5];
    checkChars(field, text);
    if (text === '?') return { none: true };
    if (text === '*') return { any: true };
    if (text.toUpperCase() === 'L') return { values: [7] };
    const last = /^(\w+)L$/i.exec(text);
    if (last) return { lastOf: number(field, last[1]) };
    const nth = /^(\w+)#(\d)$/.exec(text);
    if (nth) {
        const which = Number(nth[2]);
        if (which < 1 || which > 5) throw new CronError("A numeric value between 1 and 5 must follow the '#' option");
        return { nth: which, weekday: number(field, nth[1]) };
    }
    if (/[L#]/i.test(text)) throw new CronError(`Illegal characters for this position: '${text}'`);
    return { values: values(field, text) };
}

/** Parses and checks an expression; returns its fields or throws CronError with the platform's message. */
export function parseCron(expression) {
    const parts = String(expression ?? '')
        .trim()
        .split(/\s+/)
        .filter(Boolean);
    if (parts.length < 6) throw new CronError('Unexpected end of expression.');
    if (parts.length > 7) throw new CronError(`Illegal characters for this position: '${parts[7]}'`);
    // "Seconds 0–59 / Minutes 0–59: Special Characters None".
    if (!/^\d+$/.test(parts[0]) || !/^\d+$/.test(parts[1])) {
        throw new CronError(`Seconds and minutes must be specified as integers: ${expression}`);
    }
    const [seconds, minutes] = [number(FIELDS[0], parts[0]), number(FIELDS[1], parts[1])];
    checkChars(FIELDS[2], parts[2]);
    checkChars(FIELDS[4], parts[4]);
    const hours = values(FIELDS[2], parts[2]);
    const months = values(FIELDS[4], parts[4]);
    const dom = dayOfMonth(parts[3]);
    const dow = dayOfWeek(parts[5]);
    if (dom.none && dow.none) throw new CronError("'?' can only be specfied for Day-of-Month -OR- Day-of-Week.");
    if (!dom.none && !dow.none) {
        throw new CronError(
            'Support for specifying both a day-of-week AND a day-of-month parameter is not implemented.'
        );
    }
    let years = null;
    if (parts[6] !== undefined) {
        checkChars(FIELDS[6], parts[6]);
        years = values(FIELDS[6], parts[6]);
    }
    return { seconds, minutes, hours, months, dom, dow, years };
}

const DAY_MS = 86400000;
const daysInMonth = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function dayMatches(cron, year, month, day) {
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1; // 1 = SUN
    const last = daysInMonth(year, month);
    const { dom, dow } = cron;
    if (!dom.none) {
        if (dom.any) return true;
        if (dom.values) return dom.values.includes(day);
        if (dom.last) return day === last;
        const nearestWeekday = (target) => {
            const t = Math.min(target, last);
            const wd = new Date(Date.UTC(year, month - 1, t)).getUTCDay();
            if (wd === 6) return t === 1 ? 3 : t - 1; // Saturday: the Friday before, or Monday the 3rd
            if (wd === 0) return t === last ? t - 2 : t + 1; // Sunday: the Monday after, or Friday before
            return t;
        };
        if (dom.weekdayNear) return day === nearestWeekday(dom.weekdayNear);
        if (dom.lastWeekday) return day === nearestWeekday(last);
        return false;
    }
    if (dow.any) return true;
    if (dow.values) return dow.values.includes(weekday);
    if (dow.lastOf) return weekday === dow.lastOf && day + 7 > last;
    if (dow.nth) return weekday === dow.weekday && Math.ceil(day / 7) === dow.nth;
    return false;
}

/** The first fire time strictly after `afterMs` (epoch ms, UTC), or null when the schedule never fires again. */
export function nextFireTime(cron, afterMs) {
    const start = new Date(afterMs);
    let dayStart = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
    const lastYear = cron.years ? cron.years[cron.years.length - 1] : 2099;
    for (; new Date(dayStart).getUTCFullYear() <= lastYear; dayStart += DAY_MS) {
        const date = new Date(dayStart);
        const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        if (cron.years && !cron.years.includes(year)) {
            if (year < cron.years[0]) dayStart = Date.UTC(cron.years[0], 0, 1) - DAY_MS;
            continue;
        }
        if (!cron.months.includes(month) || !dayMatches(cron, year, month, day)) continue;
        for (const hour of cron.hours) {
            const at = dayStart + ((hour * 60 + cron.minutes) * 60 + cron.seconds) * 1000;
            if (at > afterMs) return at;
        }
    }
    return null;
}

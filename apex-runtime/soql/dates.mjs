// Date literals as ranges of days, from the SOQL and SOSL Reference, "Date Formats and Date Literals in WHERE".
// Days are 'YYYY-MM-DD' strings (they sort as dates). The running user's locale sets the first day of the week:
// the runtime models en_US (Sunday). The fiscal year follows the org's fiscal settings: the standard fiscal year
// starting in January unless the org says otherwise (org.fiscalYearStartMonth).
import { unsupported } from './errors.mjs';
import { toDays, fromDays } from '../../scripts/lib/iso-dates.mjs';
const ymd = (iso) => iso.split('-').map(Number);
const dateOf = (year, month, day) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
/** First day of the month `offset` months from (year, month); months beyond 12 roll into the next year. */
const monthStart = (year, month, offset = 0) => dateOf(year, month + offset, 1);
const dayBefore = (iso) => fromDays(toDays(iso) - 1);

export { toDays, fromDays };

/** [first, last] day of a run of `count` periods starting `offset` periods from the one holding today. */
function periods(today, unit, offset, count, fiscalStart) {
    const [year, month] = ymd(today);
    if (unit === 'DAY') {
        const start = toDays(today) + offset;
        return [fromDays(start), fromDays(start + count - 1)];
    }
    if (unit === 'WEEK') {
        const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
        const start = toDays(today) - weekday + offset * 7;
        return [fromDays(start), fromDays(start + count * 7 - 1)];
    }
    let length;
    let first;
    if (unit === 'MONTH') {
        length = 1;
        first = [year, month];
    } else if (unit === 'QUARTER' || unit === 'FISCAL_QUARTER') {
        const base = unit === 'QUARTER' ? 1 : fiscalStart;
        const into = (month - base + 12) % 12;
        length = 3;
        first = [year, month - (into % 3)];
    } else {
        const base = unit === 'YEAR' ? 1 : fiscalStart;
        length = 12;
        first = [month >= base ? year : year - 1, base];
    }
    const start = monthStart(first[0], first[1], offset * length);
    const [sy, sm] = ymd(start);
    return [start, dayBefore(monthStart(sy, sm, count * length))];
}

const FIXED = {
    YESTERDAY: ['DAY', -1, 1],
    TODAY: ['DAY', 0, 1],
    TOMORROW: ['DAY', 1, 1],
    LAST_WEEK: ['WEEK', -1, 1],
    THIS_WEEK: ['WEEK', 0, 1],
    NEXT_WEEK: ['WEEK', 1, 1],
    LAST_MONTH: ['MONTH', -1, 1],
    THIS_MONTH: ['MONTH', 0, 1],
    NEXT_MONTH: ['MONTH', 1, 1],
    LAST_QUARTER: ['QUARTER', -1, 1],
    THIS_QUARTER: ['QUARTER', 0, 1],
    NEXT_QUARTER: ['QUARTER', 1, 1],
    LAST_YEAR: ['YEAR', -1, 1],
    THIS_YEAR: ['YEAR', 0, 1],
    NEXT_YEAR: ['YEAR', 1, 1],
    LAST_FISCAL_QUARTER: ['FISCAL_QUARTER', -1, 1],
    THIS_FISCAL_QUARTER: ['FISCAL_QUARTER', 0, 1],
    NEXT_FISCAL_QUARTER: ['FISCAL_QUARTER', 1, 1],
    LAST_FISCAL_YEAR: ['FISCAL_YEAR', -1, 1],
    THIS_FISCAL_YEAR: ['FISCAL_YEAR', 0, 1],
    NEXT_FISCAL_YEAR: ['FISCAL_YEAR', 1, 1]
};

/**
 * The [first, last] days of a date literal on `today`. LAST_N_DAYS:n and LAST_90_DAYS include today (n + 1 days);
 * NEXT_N_DAYS:n starts tomorrow; LAST_N_<unit>S:n are the n whole periods before the current one, NEXT_N_... the n
 * after it; N_<unit>S_AGO:n is the one period n periods back.
 */
export function dateLiteralRange(literal, today, { fiscalYearStartMonth = 1 } = {}) {
    const { name, n } = literal;
    if (FIXED[name]) {
        const [unit, offset, count] = FIXED[name];
        return periods(today, unit, offset, count, fiscalYearStartMonth);
    }
    if (name === 'LAST_90_DAYS') return periods(today, 'DAY', -90, 91, fiscalYearStartMonth);
    if (name === 'NEXT_90_DAYS') return periods(today, 'DAY', 1, 90, fiscalYearStartMonth);
    const match =
        /^(LAST|NEXT|N)_(N_)?(DAYS|WEEKS|MONTHS|QUARTERS|YEARS|FISCAL_QUARTERS|FISCAL_YEARS)(_AGO)?(_N)?$/.exec(name);
    if (!match || n === undefined) unsupported(`date literal ${name}`);
    const unit = match[3].slice(0, -1);
    if (n < 0) unsupported(`negative date literal count ${literal.text}`);
    if (match[1] === 'N') return periods(today, unit, -n, 1, fiscalYearStartMonth);
    if (unit === 'DAY') {
        return match[1] === 'LAST' ? periods(today, 'DAY', -n, n + 1) : periods(today, 'DAY', 1, n);
    }
    return match[1] === 'LAST'
        ? periods(today, unit, -n, n, fiscalYearStartMonth)
        : periods(today, unit, 1, n, fiscalYearStartMonth);
}

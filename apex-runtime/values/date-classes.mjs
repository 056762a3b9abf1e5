// Date, Datetime and Time (Apex Reference, "Date Class", "Datetime Class", "Time Class"). The running user's
// locale is taken as en_US (weeks start on Sunday; Date.format() is M/d/yyyy) and their time zone as GMT, so local
// and GMT methods agree; both assumptions are the embedded org's, not the platform's.
import { defineNative } from '../interpreter/natives.mjs';
import { ApexDate, ApexDatetime, ApexTime } from './values.mjs';
import { fail } from './types.mjs';
import { required } from './native-util.mjs';

import {
    DAY_MS,
    dateParts,
    daysOf,
    newDate,
    isLeapYear,
    daysInMonth,
    addMonths,
    datetimeParts,
    datetimeOf,
    dateOfDatetime,
    timeOfDatetime,
    newTime,
    dateToString,
    datetimeToString,
    timeToString,
    formatDatetime
} from './dates.mjs';
import { hashCode, equals } from './equality.mjs';

const whole = (rt, v) => Number(required(rt, v));
const invalidDate = (rt, text) => fail(rt, 'System.TypeException', `Invalid date: ${text}`);
const invalidDatetime = (rt, text) => fail(rt, 'System.TypeException', `Invalid date/time: ${text}`);

/** Date.valueOf(String): 'yyyy-MM-dd' (optionally followed by a time, ignored). */
function parseDate(rt, text) {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(String(text).trim());
    if (!match) return invalidDate(rt, text);
    const [year, month, day] = match.slice(1).map(Number);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return invalidDate(rt, text);
    return newDate(year, month, day);
}

/** Datetime.valueOf(String): 'yyyy-MM-dd HH:mm:ss' in the user's time zone (GMT here). */
function parseDatetime(rt, text, iso = false) {
    const t = String(text).trim();
    const match = iso
        ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t)
        : /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
    if (!match) return invalidDatetime(rt, text);
    const [year, month, day, hour = 0, minute = 0, second = 0] = match
        .slice(1, 7)
        .map((v) => (v === undefined ? 0 : Number(v)));
    const ms = match[7] ? Number(match[7].padEnd(3, '0')) : 0;
    let value = datetimeOf(year, month, day, hour, minute, second, ms).ms;
    const zone = match[8];
    if (zone && zone !== 'Z') {
        const sign = zone[0] === '-' ? -1 : 1;
        const digits = zone.slice(1).replace(':', '');
        value -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
    }
    return new ApexDatetime(value);
}

const sameKind = (a, b) => equals(a, b);

const dateInstance = {
    adddays: (rt, d, [n]) => new ApexDate(d.days + whole(rt, n)),
    addmonths: (rt, d, [n]) => addMonths(d, whole(rt, n)),
    addyears: (rt, d, [n]) => addMonths(d, whole(rt, n) * 12),
    day: (rt, d) => dateParts(d).day,
    dayofyear: (rt, d) => d.days - daysOf(dateParts(d).year, 1, 1) + 1,
    // Apex Reference, Date Class: daysBetween(secondDate) is secondDate minus this date, in days.
    daysbetween: (rt, d, [other]) => required(rt, other).days - d.days,
    // Apex Reference, Date Class: format() in the user's locale (en_US: M/d/yyyy).
    format: (rt, d) => {
        const { year, month, day } = dateParts(d);
        return `${month}/${day}/${year}`;
    },
    issameday: (rt, d, [other]) => required(rt, other).days === d.days,
    month: (rt, d) => dateParts(d).month,
    // Apex Reference, Date Class: monthsBetween ignores the days of the month.
    monthsbetween: (rt, d, [other]) => {
        const a = dateParts(d);
        const b = dateParts(required(rt, other));
        return (b.year - a.year) * 12 + (b.month - a.month);
    },
    tostartofmonth: (rt, d) => {
        const { year, month } = dateParts(d);
        return newDate(year, month, 1);
    },
    // Apex Reference, Date Class: toStartOfWeek depends on the locale: Sunday for en_US (assumed here).
    tostartofweek: (rt, d) => new ApexDate(d.days - new Date(d.days * DAY_MS).getUTCDay()),
    year: (rt, d) => dateParts(d).year,
    equals: (rt, d, [other]) => sameKind(d, other),
    hashcode: (rt, d) => hashCode(d),
    tostring: (rt, d) => dateToString(d)
};

export const DateNative = defineNative({
    name: 'Date',
    isInstance: (value) => value instanceof ApexDate,
    staticMethods: {
        today: (rt) => rt.today(),
        newinstance(rt, [year, month, day]) {
            return newDate(whole(rt, year), whole(rt, month), whole(rt, day));
        },
        valueof(rt, [value]) {
            if (value === null) return null;
            if (value instanceof ApexDatetime) return dateOfDatetime(value);
            if (value instanceof ApexDate) return value;
            return parseDate(rt, value);
        },
        parse: (rt, [text]) => {
            // Apex Reference, Date Class: parse(String) reads the locale format (en_US: M/d/yyyy).
            const match = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(String(required(rt, text)).trim());
            if (!match) return invalidDate(rt, text);
            const year = Number(match[3]) < 100 ? 2000 + Number(match[3]) : Number(match[3]);
            return newDate(year, Number(match[1]), Number(match[2]));
        },
        isleapyear: (rt, [year]) => isLeapYear(whole(rt, year)),
        daysinmonth: (rt, [year, month]) => daysInMonth(whole(rt, year), whole(rt, month))
    },
    instanceMethods: dateInstance
});

const addMs = (dt, ms) => new ApexDatetime(dt.ms + ms);
const p = (dt) => datetimeParts(dt.ms);

const datetimeInstance = {
    adddays: (rt, dt, [n]) => addMs(dt, whole(rt, n) * DAY_MS),
    addhours: (rt, dt, [n]) => addMs(dt, whole(rt, n) * 3600000),
    addminutes: (rt, dt, [n]) => addMs(dt, whole(rt, n) * 60000),
    addseconds: (rt, dt, [n]) => addMs(dt, whole(rt, n) * 1000),
    addmonths: (rt, dt, [n]) =>
        new ApexDatetime(addMonths(dateOfDatetime(dt), whole(rt, n)).days * DAY_MS + timeOfDatetime(dt).ms),
    addyears: (rt, dt, [n]) =>
        new ApexDatetime(addMonths(dateOfDatetime(dt), whole(rt, n) * 12).days * DAY_MS + timeOfDatetime(dt).ms),
    date: (rt, dt) => dateOfDatetime(dt),
    dategmt: (rt, dt) => dateOfDatetime(dt),
    day: (rt, dt) => p(dt).day,
    daygmt: (rt, dt) => p(dt).day,
    dayofyear: (rt, dt) => dateInstance.dayofyear(rt, dateOfDatetime(dt)),
    dayofyeargmt: (rt, dt) => dateInstance.dayofyear(rt, dateOfDatetime(dt)),
    // Apex Reference, Datetime Class: format() with no argument uses the user's locale (en_US: M/d/yyyy h:mm a).
    format: (rt, dt, [pattern, zone]) => {
        if (zone !== undefined && zone !== null && !/^(GMT|UTC|Etc\/GMT)$/i.test(zone)) {
            const what = `Datetime.format with time zone ${zone}`;
            return rt?.unsupported ? rt.unsupported(what) : fail(rt, 'System.TypeException', what);
        }
        return formatDatetime(dt.ms, pattern ?? 'M/d/yyyy h:mm a');
    },
    formatgmt: (rt, dt, [pattern]) => formatDatetime(dt.ms, required(rt, pattern)),
    formatlong: (rt, dt) => formatDatetime(dt.ms, 'M/d/yyyy h:mm:ss a z'),
    gettime: (rt, dt) => BigInt(dt.ms),
    hour: (rt, dt) => p(dt).hour,
    hourgmt: (rt, dt) => p(dt).hour,
    issameday: (rt, dt, [other]) => dateOfDatetime(dt).days === dateOfDatetime(required(rt, other)).days,
    millisecond: (rt, dt) => p(dt).ms,
    millisecondgmt: (rt, dt) => p(dt).ms,
    minute: (rt, dt) => p(dt).minute,
    minutegmt: (rt, dt) => p(dt).minute,
    month: (rt, dt) => p(dt).month,
    monthgmt: (rt, dt) => p(dt).month,
    second: (rt, dt) => p(dt).second,
    secondgmt: (rt, dt) => p(dt).second,
    time: (rt, dt) => timeOfDatetime(dt),
    timegmt: (rt, dt) => timeOfDatetime(dt),
    year: (rt, dt) => p(dt).year,
    yeargmt: (rt, dt) => p(dt).year,
    equals: (rt, dt, [other]) => sameKind(dt, other),
    hashcode: (rt, dt) => hashCode(dt),
    tostring: (rt, dt) => datetimeToString(dt)
};

function newDatetime(rt, args) {
    // newInstance(Long ms) | (Date, Time) | (year, month, day) | (year, month, day, hour, minute, second)
    if (args.length === 1) return new ApexDatetime(Number(required(rt, args[0])));
    if (args.length === 2) return new ApexDatetime(required(rt, args[0]).days * DAY_MS + required(rt, args[1]).ms);
    const [y, mo, d, h = 0, mi = 0, s = 0] = args.map((a) => whole(rt, a));
    return datetimeOf(y, mo, d, h, mi, s);
}

export const DatetimeNative = defineNative({
    name: 'Datetime',
    isInstance: (value) => value instanceof ApexDatetime,
    staticMethods: {
        now: (rt) => rt.now(),
        newinstance: (rt, args) => newDatetime(rt, args),
        newinstancegmt: (rt, args) => newDatetime(rt, args),
        valueof(rt, [value]) {
            if (value === null) return null;
            if (typeof value === 'bigint' || typeof value === 'number') return new ApexDatetime(Number(value));
            return parseDatetime(rt, value);
        },
        valueofgmt: (rt, [value]) => (value === null ? null : parseDatetime(rt, value)),
        parse: (rt, [text]) => {
            const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2}) (AM|PM)$/i.exec(
                String(required(rt, text)).trim()
            );
            if (!match) return invalidDatetime(rt, text);
            const hour = (Number(match[4]) % 12) + (match[6].toUpperCase() === 'PM' ? 12 : 0);
            return datetimeOf(Number(match[3]), Number(match[1]), Number(match[2]), hour, Number(match[5]));
        }
    },
    instanceMethods: datetimeInstance
});

export { parseDatetime };

const tp = (t) => datetimeParts(t.ms);

export const TimeNative = defineNative({
    name: 'Time',
    isInstance: (value) => value instanceof ApexTime,
    staticMethods: {
        newinstance: (rt, [h, m, s, ms]) => newTime(whole(rt, h), whole(rt, m), whole(rt, s), whole(rt, ms))
    },
    instanceMethods: {
        addhours: (rt, t, [n]) => newTime(0, 0, 0, t.ms + whole(rt, n) * 3600000),
        addminutes: (rt, t, [n]) => newTime(0, 0, 0, t.ms + whole(rt, n) * 60000),
        addseconds: (rt, t, [n]) => newTime(0, 0, 0, t.ms + whole(rt, n) * 1000),
        addmilliseconds: (rt, t, [n]) => newTime(0, 0, 0, t.ms + whole(rt, n)),
        hour: (rt, t) => tp(t).hour,
        minute: (rt, t) => tp(t).minute,
        second: (rt, t) => tp(t).second,
        millisecond: (rt, t) => tp(t).ms,
        equals: (rt, t, [other]) => sameKind(t, other),
        hashcode: (rt, t) => hashCode(t),
        tostring: (rt, t) => timeToString(t)
    }
});

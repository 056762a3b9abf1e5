/**
 * Working-day arithmetic, in constant time for weekends and O(log h) per holiday crossed. Dates are ISO strings
 * (yyyy-mm-dd); internally they are whole days since the Unix epoch (UTC), so time zones and daylight saving never
 * shift them. Working days are Monday to Friday, minus an optional list of holidays.
 */
import { epochDay } from 'c/planHealth';
import type { WorkingDayOptions } from './scheduleTypes';

const MS_PER_DAY = 86_400_000;
/** Epoch day of Monday 1969-12-29: weekday counts are taken relative to it. */
const MONDAY = -3;

export function isoDate(day: number): string {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 for Monday to 6 for Sunday. */
function dayOfWeek(day: number): number {
    const offset = (day - MONDAY) % 7;
    return offset < 0 ? offset + 7 : offset;
}

/** Number of weekdays (Monday to Friday) before `day`, counted from the reference Monday. */
function weekdayIndex(day: number): number {
    const week = Math.floor((day - MONDAY) / 7);
    return week * 5 + Math.min(dayOfWeek(day), 5);
}

/** The weekday whose weekdayIndex is `index`. */
function weekdayAt(index: number): number {
    const week = Math.floor(index / 5);
    return MONDAY + week * 7 + (index - week * 5);
}

/** Number of values in a sorted array that are below `limit` (or at most `limit` when `inclusive`). */
function countSorted(sorted: readonly number[], limit: number, inclusive: boolean): number {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const mid = (low + high) >>> 1;
        if (sorted[mid] < limit || (inclusive && sorted[mid] === limit)) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return low;
}

/** Working days for one set of holidays. Every working day has an index; consecutive working days differ by 1. */
export class WorkingCalendar {
    private readonly holidays = new Set<number>();
    /** weekdayIndex of each holiday that falls on a weekday, sorted. */
    private readonly holidayIndexes: number[];

    constructor(holidays: readonly string[] = []) {
        for (const holiday of holidays) {
            this.holidays.add(epochDay(holiday));
        }
        this.holidayIndexes = [...this.holidays]
            .filter((day) => dayOfWeek(day) < 5)
            .map(weekdayIndex)
            .sort((a, b) => a - b);
    }

    isWorkingDay(day: number): boolean {
        return dayOfWeek(day) < 5 && !this.holidays.has(day);
    }

    /** Number of working days before `day` (relative: only differences mean anything). */
    private workIndex(day: number): number {
        const index = weekdayIndex(day);
        return index - countSorted(this.holidayIndexes, index, false);
    }

    /** The working day whose workIndex is `target`: the least fixed point of j = target + holidays up to j. */
    private workingDayAt(target: number): number {
        let index = target;
        for (;;) {
            const next = target + countSorted(this.holidayIndexes, index, true);
            if (next === index) {
                return weekdayAt(index);
            }
            index = next;
        }
    }

    /** n working days after `day` (before it when n < 0); `day` itself when n is 0, even if it is not working. */
    add(day: number, n: number): number {
        if (n > 0) {
            return this.workingDayAt(this.workIndex(day + 1) + n - 1);
        }
        if (n < 0) {
            return this.workingDayAt(this.workIndex(day) + n);
        }
        return day;
    }

    /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
    between(from: number, to: number): number {
        return this.workIndex(to + 1) - this.workIndex(from + 1);
    }

    /** First working day of a step of `duration` days due on `due` (the due date itself for 0 or 1 day). */
    startOf(due: number, duration: number): number {
        return duration > 1 ? this.add(due, 1 - duration) : due;
    }

    /**
     * Earliest due date of a step of `duration` days whose predecessor is due on `predecessorDue`: it starts the
     * working day after. A checkpoint (0 days) may fall on its predecessor's due date, if that is a working day.
     */
    earliestDue(predecessorDue: number, duration: number): number {
        return duration === 0 ? this.onOrAfter(predecessorDue) : this.add(predecessorDue, duration);
    }

    onOrBefore(day: number): number {
        return this.isWorkingDay(day) ? day : this.add(day, -1);
    }

    onOrAfter(day: number): number {
        return this.isWorkingDay(day) ? day : this.add(day, 1);
    }
}

/**
 * The calendar of weekdays alone, made once: most plans have no holidays, and a calendar is made per call. Exported
 * for a caller that walks a chain in days since the epoch (the workspace's pull-in offer).
 */
export const WEEKDAYS = new WorkingCalendar();

function calendar(options: WorkingDayOptions): WorkingCalendar {
    return options.holidays?.length ? new WorkingCalendar(options.holidays) : WEEKDAYS;
}

function wholeNumber(n: number, what: string): number {
    if (!Number.isInteger(n)) {
        throw new RangeError(`${what} must be a whole number of working days: ${n}`);
    }
    return n;
}

/** True for Monday to Friday, unless the date is one of the holidays. */
export function isWorkingDay(date: string, options: WorkingDayOptions = {}): boolean {
    return calendar(options).isWorkingDay(epochDay(date));
}

/**
 * The date `n` working days after `date` (before it when n is negative), like a spreadsheet's WORKDAY: the days
 * counted are the working days strictly after `date`, so 1 working day after a Friday or a Saturday is the Monday.
 * With n = 0 the date itself comes back unchanged, working day or not.
 */
export function addWorkingDays(date: string, n: number, options: WorkingDayOptions = {}): string {
    return isoDate(calendar(options).add(epochDay(date), wholeNumber(n, 'n')));
}

/** The date `n` working days before `date`: 1 working day before a Monday or a Sunday is the Friday. */
export function subtractWorkingDays(date: string, n: number, options: WorkingDayOptions = {}): string {
    return isoDate(calendar(options).add(epochDay(date), -wholeNumber(n, 'n')));
}

/**
 * Working days after `from` up to and including `to` (negative when `to` is earlier), so that
 * workingDaysBetween(d, addWorkingDays(d, n)) is n for any working day d. Friday to Monday is 1; Saturday to Sunday 0.
 */
export function workingDaysBetween(from: string, to: string, options: WorkingDayOptions = {}): number {
    return calendar(options).between(epochDay(from), epochDay(to));
}

/** The first working day of a step of `duration` working days due on `due` (the scheduler's "Effort" convention). */
export function stepStart(due: string, duration: number, options: WorkingDayOptions = {}): string {
    return isoDate(calendar(options).startOf(epochDay(due), wholeNumber(duration, 'duration')));
}

/**
 * The earliest due date of a step of `duration` working days that waits on one done on `predecessorDue` (the
 * scheduler's "Predecessors" convention: a checkpoint may fall on that day, if it is a working day).
 */
export function earliestDueAfter(predecessorDue: string, duration: number, options: WorkingDayOptions = {}): string {
    return isoDate(calendar(options).earliestDue(epochDay(predecessorDue), wholeNumber(duration, 'duration')));
}

/** `date` if it is a working day, otherwise the last working day before it. */
export function lastWorkingDayOnOrBefore(date: string, options: WorkingDayOptions = {}): string {
    return isoDate(calendar(options).onOrBefore(epochDay(date)));
}

/** `date` if it is a working day, otherwise the first working day after it. */
export function nextWorkingDayOnOrAfter(date: string, options: WorkingDayOptions = {}): string {
    return isoDate(calendar(options).onOrAfter(epochDay(date)));
}

/**
 * Scheduling for a mutual action plan: DOM-free, so every rule is tested in isolation.
 *
 * Dates are ISO strings (yyyy-mm-dd). Internally they are whole days since the Unix epoch (UTC), so time zones and
 * daylight saving never shift them. Working days are Monday to Friday, minus an optional list of holidays.
 *
 * Conventions (each one is pinned by a test):
 *
 * - Effort. A step of `durationDays` working days (d) that is due on D occupies the d working days ending on D:
 *   it starts on D when d is 0 or 1, and d - 1 working days before D otherwise. A step with d = 0 is a checkpoint
 *   (for example the signature) that takes no working time: it starts and is due on the same day.
 * - Predecessors. A predecessor is due no later than the working day before its successor starts. In one formula:
 *   predecessor due = successor due minus d working days, where d is the successor's duration. A checkpoint
 *   (d = 0) may therefore be due on the same day as its predecessor: signing happens the day procurement is done.
 * - Order. A template that only gives `order` is a sequential chain. Each step follows the step before it in order,
 *   unless it names its own `predecessorKey`, which then replaces the implicit link. Steps with equal `order` keep
 *   the sequence in which they were given. This is what a sales user reads from a numbered list ("1 then 2 then
 *   3"), and an admin who adds one predecessor to express a parallel track does not silently unchain the rest of
 *   the template. A consequence: the first step by order is the plan's one starting point, and every other step
 *   descends from it (naming a predecessor for the first step always closes a cycle, which is rejected). The
 *   milestones returned carry the effective predecessor (explicit or by order), so what is saved as Depends_On__c
 *   is what was scheduled, and `reproject` on a saved plan follows only those saved links.
 * - Parallel tracks rejoin at the close. A step that no other step follows and that comes before the close in
 *   order (the end of a parallel track, such as a security review running beside the business case) must be done
 *   before the close milestone starts: nobody signs with the security review still open. Tracks after the close
 *   (implementation) and plans without a close milestone keep the rule below.
 * - End. The remaining steps that nothing follows are due on the target date, or on the last working day before
 *   it when the target is a weekend or holiday. A step followed by several steps is due before the earliest of
 *   them starts.
 * - Re-projection (`reproject`). Only a move later pushes other milestones, and only successors (directly or
 *   through other successors) that would otherwise start before their predecessor is due. Each is pushed by the
 *   least number of working days that removes the overlap: slack already between two milestones absorbs a slip,
 *   as in any critical-path plan. A move earlier never moves any other milestone, earlier or later: the other
 *   dates are commitments made to the buyer, and pulling them in is the account executive's call, not the
 *   system's. If the moved milestone would then start before its own predecessor is due, a warning says so.
 * - Closed milestones. Complete and Skipped milestones never move. A Complete milestone stops the push: its work
 *   is done, so its successors do not wait on anything that slipped. A Skipped milestone is not going to happen,
 *   so the push passes through it: its successors wait on what came before it.
 */
import { daysBetween, epochDay } from 'c/planHealth';

export type StepSide = 'Buyer' | 'Seller' | 'Joint';

/** One step of a plan template (Plan_Template_Step__mdt). */
export interface TemplateStep {
    key: string;
    title: string;
    phase: string;
    side: StepSide;
    /** Working days of effort: a whole number, 0 or more. */
    durationDays: number;
    order: number;
    /** The step that must be done before this one starts. Without it, the step follows the previous step in order. */
    predecessorKey?: string | null;
    /** This step is the signature: its due date is the plan's projected close date. */
    marksClose?: boolean | null;
}

/** A template step with its dates, ready to become a Plan_Milestone__c. */
export interface ScheduledMilestone {
    key: string;
    title: string;
    phase: string;
    side: StepSide;
    durationDays: number;
    order: number;
    /** The effective predecessor: the step's own, or the previous step by order; null for a first step. */
    predecessorKey: string | null;
    /** True when the predecessor comes from the template's order rather than from the step itself. */
    predecessorFromOrder: boolean;
    marksClose: boolean;
    /** First working day of effort (equal to dueDate for steps of 0 or 1 day). */
    startDate: string;
    dueDate: string;
}

export type ScheduleWarningCode =
    | 'target-not-working-day'
    | 'target-in-past'
    | 'starts-before-today'
    | 'starts-before-predecessor'
    | 'due-not-working-day';

/** Something the user should know about a schedule that is still usable. */
export interface ScheduleWarning {
    code: ScheduleWarningCode;
    message: string;
    /** The milestones the warning is about. */
    keys: string[];
}

export interface ScheduleResult {
    /** One per step, sorted by order. */
    milestones: ScheduledMilestone[];
    warnings: ScheduleWarning[];
    /** Due date of the milestone that marks the close, or null when no step marks it. */
    projectedCloseDate: string | null;
}

export interface WorkingDayOptions {
    /** Non-working days besides Saturdays and Sundays, as ISO dates. Holidays on a weekend change nothing. */
    holidays?: readonly string[];
}

/**
 * How messages name a date and a milestone for the user: dates in the user's locale, milestones by their title. By
 * default a message shows the ISO date and the key, which is what the tests read; a key can be a record Id.
 */
export interface Wording {
    date?: (iso: string) => string;
    name?: (key: string) => string;
}

export interface ReprojectOptions extends WorkingDayOptions {
    wording?: Wording;
}

export interface ScheduleOptions extends ReprojectOptions {
    /** Today's date in the user's time zone; defaults to the browser's local date. */
    today?: string;
}

function worded(wording: Wording | undefined): Required<Wording> {
    return { date: wording?.date ?? ((iso) => iso), name: wording?.name ?? ((key) => key) };
}

/** Plan_Milestone__c.Status__c values. */
export type MilestoneStatus = 'Not Started' | 'In Progress' | 'Blocked' | 'Complete' | 'Skipped';

/** A milestone of a live plan, as far as re-projection needs it. A ScheduledMilestone is one. */
export interface PlannedMilestone {
    key: string;
    dueDate: string;
    /** Working days of effort; blank counts as 0 (a checkpoint). */
    durationDays?: number | null;
    /** Depends_On__c: only explicit links count here (the schedule already saved the links it inferred). */
    predecessorKey?: string | null;
    status?: MilestoneStatus | string | null;
    marksClose?: boolean | null;
}

export interface MilestoneMove {
    key: string;
    from: string;
    to: string;
    /** Calendar days moved (positive: later), like Slip_Days__c and the date-change history. */
    days: number;
    /** Working days moved (positive: later). */
    workingDays: number;
}

export interface Reprojection {
    /** The changed milestone first (unless its date did not change), then every milestone pushed, in input order. */
    moved: MilestoneMove[];
    /** Due date of the milestone that marks the close after the move, or null when none marks it. */
    projectedCloseDate: string | null;
    /** The changed milestone moved later, so the change needs a slip reason. */
    isLater: boolean;
    warnings: ScheduleWarning[];
}

export type ScheduleErrorCode =
    'duplicate-key' | 'unknown-predecessor' | 'cycle' | 'invalid-step' | 'unknown-milestone';

/** A template or plan that cannot be scheduled; `keys` names the steps or milestones at fault. */
export class ScheduleError extends Error {
    readonly code: ScheduleErrorCode;
    readonly keys: string[];

    constructor(code: ScheduleErrorCode, message: string, keys: string[]) {
        super(message);
        this.name = 'ScheduleError';
        this.code = code;
        this.keys = keys;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Working-day arithmetic, in constant time for weekends and O(log h) per holiday crossed.
// ---------------------------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
/** Epoch day of Monday 1969-12-29: weekday counts are taken relative to it. */
const MONDAY = -3;

function isoDate(day: number): string {
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
class WorkingCalendar {
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

function wholeNumber(n: number, what: string): number {
    if (!Number.isInteger(n)) {
        throw new RangeError(`${what} must be a whole number of working days: ${n}`);
    }
    return n;
}

/** True for Monday to Friday, unless the date is one of the holidays. */
export function isWorkingDay(date: string, options: WorkingDayOptions = {}): boolean {
    return new WorkingCalendar(options.holidays).isWorkingDay(epochDay(date));
}

/**
 * The date `n` working days after `date` (before it when n is negative), like a spreadsheet's WORKDAY: the days
 * counted are the working days strictly after `date`, so 1 working day after a Friday or a Saturday is the Monday.
 * With n = 0 the date itself comes back unchanged, working day or not.
 */
export function addWorkingDays(date: string, n: number, options: WorkingDayOptions = {}): string {
    return isoDate(new WorkingCalendar(options.holidays).add(epochDay(date), wholeNumber(n, 'n')));
}

/** The date `n` working days before `date`: 1 working day before a Monday or a Sunday is the Friday. */
export function subtractWorkingDays(date: string, n: number, options: WorkingDayOptions = {}): string {
    return isoDate(new WorkingCalendar(options.holidays).add(epochDay(date), -wholeNumber(n, 'n')));
}

/**
 * Working days after `from` up to and including `to` (negative when `to` is earlier), so that
 * workingDaysBetween(d, addWorkingDays(d, n)) is n for any working day d. Friday to Monday is 1; Saturday to Sunday 0.
 */
export function workingDaysBetween(from: string, to: string, options: WorkingDayOptions = {}): number {
    return new WorkingCalendar(options.holidays).between(epochDay(from), epochDay(to));
}

/** `date` if it is a working day, otherwise the last working day before it. */
export function lastWorkingDayOnOrBefore(date: string, options: WorkingDayOptions = {}): string {
    return isoDate(new WorkingCalendar(options.holidays).onOrBefore(epochDay(date)));
}

/** `date` if it is a working day, otherwise the first working day after it. */
export function nextWorkingDayOnOrAfter(date: string, options: WorkingDayOptions = {}): string {
    return isoDate(new WorkingCalendar(options.holidays).onOrAfter(epochDay(date)));
}

// ---------------------------------------------------------------------------------------------------------------
// Dependency graph checks shared by scheduling and re-projection.
// ---------------------------------------------------------------------------------------------------------------

interface Noun {
    one: string;
    many: string;
    within: string;
}

const STEP: Noun = { one: 'step', many: 'Template steps', within: 'this template' };
const MILESTONE: Noun = { one: 'milestone', many: 'Milestones', within: 'this plan' };

function quoteAll(keys: readonly string[]): string {
    return keys.map((key) => `"${key}"`).join(', ');
}

/** Index of each key; rejects blank and duplicate keys. */
function indexKeys(keys: readonly string[], noun: Noun): Map<string, number> {
    const index = new Map<string, number>();
    const duplicates = new Set<string>();
    keys.forEach((key, i) => {
        if (typeof key !== 'string' || key === '') {
            throw new ScheduleError('invalid-step', `Every ${noun.one} needs a key (position ${i + 1} has none).`, []);
        }
        if (index.has(key)) {
            duplicates.add(key);
        } else {
            index.set(key, i);
        }
    });
    if (duplicates.size > 0) {
        const list = [...duplicates];
        throw new ScheduleError(
            'duplicate-key',
            `${noun.many} must have unique keys; more than one ${noun.one} uses ${quoteAll(list)}.`,
            list
        );
    }
    return index;
}

/** Position of a named predecessor; rejects names that are not in the list. */
function resolvePredecessor(key: string, predecessorKey: string, index: Map<string, number>, noun: Noun): number {
    const position = index.get(predecessorKey);
    if (position === undefined) {
        throw new ScheduleError(
            'unknown-predecessor',
            `The ${noun.one} "${key}" depends on "${predecessorKey}", which is not a ${noun.one} of ${noun.within}.`,
            [key, predecessorKey]
        );
    }
    return position;
}

/**
 * Rejects predecessor cycles. Each node has at most one predecessor, so following predecessors from every node once
 * (marking nodes done) finds every cycle in linear time.
 */
function rejectCycles(
    keys: readonly string[],
    predecessor: readonly number[],
    fromOrder: readonly boolean[],
    noun: Noun,
    name: (key: string) => string = (key) => key
): void {
    const state = new Array<number>(keys.length).fill(0); // 0 unseen, 1 on the current walk, 2 done
    for (let first = 0; first < keys.length; first++) {
        const walk: number[] = [];
        let node = first;
        while (node >= 0 && state[node] === 0) {
            state[node] = 1;
            walk.push(node);
            node = predecessor[node];
        }
        if (node >= 0 && state[node] === 1) {
            // The walk went successor → predecessor; reverse it into the order the work would happen in, and start
            // from the member that comes first in the list.
            const members = walk.slice(walk.indexOf(node)).reverse();
            const start = members.indexOf(Math.min(...members));
            const cycle = [...members.slice(start), ...members.slice(0, start)];
            const path = [...cycle, cycle[0]].map((i) => name(keys[i])).join(' → ');
            const byOrder = cycle
                .filter((i) => fromOrder[i])
                .map((i) => `"${name(keys[i])}" follows "${name(keys[predecessor[i]])}"`);
            const note = byOrder.length > 0 ? ` (by template order: ${byOrder.join(', ')})` : '';
            const names = cycle.map((i) => keys[i]);
            throw new ScheduleError(
                'cycle',
                `${noun.many} depend on each other in a cycle, so none of them can be scheduled: ${path}${note}. ` +
                    `Change the predecessor of one of ${quoteAll(names.map(name))}.`,
                names
            );
        }
        walk.forEach((i) => (state[i] = 2));
    }
}

function pluralize(count: number, one: string, many: string): string {
    return `${count} ${count === 1 ? one : many}`;
}

function localToday(): string {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Backward scheduling from the buyer's target date.
// ---------------------------------------------------------------------------------------------------------------

function validateStep(step: TemplateStep): void {
    if (!Number.isInteger(step.durationDays) || step.durationDays < 0) {
        throw new ScheduleError(
            'invalid-step',
            `The step "${step.key}" has a duration of ${step.durationDays}; durations are whole working days, 0 or more.`,
            [step.key]
        );
    }
    if (!Number.isFinite(step.order)) {
        throw new ScheduleError('invalid-step', `The step "${step.key}" has no order.`, [step.key]);
    }
}

/**
 * Where parallel tracks rejoin: every step that nothing follows and that comes before the close milestone in
 * order must be done before the close starts. Returns Map<close step, tracks>. A track that the close itself
 * leads to (the close is its ancestor) is left alone, so the extra link never closes a cycle.
 */
function rejoinTracks(
    steps: readonly TemplateStep[],
    predecessor: readonly number[],
    successorCount: readonly number[]
): Map<number, number[]> {
    const close = steps.findIndex((step) => step.marksClose === true);
    const tracks: number[] = [];
    for (let track = 0; track < close; track++) {
        if (successorCount[track] > 0) continue;
        let leadsFromClose = false;
        for (let p = predecessor[track]; p >= 0 && !leadsFromClose; p = predecessor[p]) leadsFromClose = p === close;
        if (!leadsFromClose) tracks.push(track);
    }
    return tracks.length ? new Map([[close, tracks]]) : new Map();
}

/**
 * Dates every step of a template so the plan lands on the target date (see the conventions at the top of this
 * file). Linear in the number of steps, apart from sorting them by order.
 */
export function scheduleBackward(
    steps: readonly TemplateStep[],
    targetDate: string,
    options: ScheduleOptions = {}
): ScheduleResult {
    const calendar = new WorkingCalendar(options.holidays);
    const say = worded(options.wording);
    const date = (day: number) => say.date(isoDate(day));
    const target = epochDay(targetDate);
    const today = epochDay(options.today ?? localToday());
    steps.forEach(validateStep);
    const ordered = steps
        .map((step, position) => ({ step, position }))
        .sort((a, b) => a.step.order - b.step.order || a.position - b.position)
        .map(({ step }) => step);
    const keys = ordered.map((step) => step.key);
    const index = indexKeys(keys, STEP);
    if (ordered.length === 0) {
        return { milestones: [], warnings: [], projectedCloseDate: null };
    }

    const predecessor = ordered.map((step, i) => {
        return step.predecessorKey ? resolvePredecessor(step.key, step.predecessorKey, index, STEP) : i - 1;
    });
    const fromOrder = ordered.map((step, i) => !step.predecessorKey && i > 0);
    rejectCycles(keys, predecessor, fromOrder, STEP, say.name);

    // Schedule from the end: a step is dated once every step that follows it is dated.
    const pendingSuccessors = new Array<number>(ordered.length).fill(0);
    predecessor.forEach((p) => p >= 0 && pendingSuccessors[p]++);
    const rejoins = rejoinTracks(ordered, predecessor, pendingSuccessors);
    rejoins.forEach((tracks) => tracks.forEach((track) => pendingSuccessors[track]++));
    const latestDue = new Array<number>(ordered.length).fill(Infinity);
    const due = new Array<number>(ordered.length);
    const start = new Array<number>(ordered.length);
    const lastDay = calendar.onOrBefore(target);
    const ready = ordered.map((_, i) => i).filter((i) => pendingSuccessors[i] === 0);
    const ends = [...ready];
    while (ready.length > 0) {
        const i = ready.pop() as number;
        const duration = ordered[i].durationDays;
        due[i] = latestDue[i] === Infinity ? lastDay : latestDue[i];
        start[i] = calendar.startOf(due[i], duration);
        for (const p of [predecessor[i], ...(rejoins.get(i) ?? [])]) {
            if (p < 0) continue;
            latestDue[p] = Math.min(latestDue[p], calendar.add(due[i], -duration));
            if (--pendingSuccessors[p] === 0) {
                ready.push(p);
            }
        }
    }

    const milestones: ScheduledMilestone[] = ordered.map((step, i) => ({
        key: step.key,
        title: step.title,
        phase: step.phase,
        side: step.side,
        durationDays: step.durationDays,
        order: step.order,
        predecessorKey: predecessor[i] >= 0 ? keys[predecessor[i]] : null,
        predecessorFromOrder: fromOrder[i],
        marksClose: step.marksClose === true,
        startDate: isoDate(start[i]),
        dueDate: isoDate(due[i])
    }));

    const warnings: ScheduleWarning[] = [];
    if (lastDay !== target) {
        warnings.push({
            code: 'target-not-working-day',
            message:
                `The target date ${date(target)} is not a working day, so the last milestones are due on the ` +
                `working day before it, ${date(lastDay)}.`,
            keys: ends.map((i) => keys[i])
        });
    }
    if (target < today) {
        warnings.push({
            code: 'target-in-past',
            message:
                `The target date ${date(target)} is in the past (today is ${date(today)}): every milestone would ` +
                `already be overdue. Choose a target date after today.`,
            keys: [...keys]
        });
    } else {
        const early = ordered.map((_, i) => i).filter((i) => start[i] < today);
        if (early.length > 0) {
            // Every step descends from the first by order (the only step without a predecessor: a template in
            // which every step had one would contain a cycle), so that step starts first.
            const first = early[0];
            const overdue = early.filter((i) => due[i] < today).length;
            const overdueNote =
                overdue > 0 ? ` ${pluralize(overdue, 'milestone would', 'milestones would')} already be overdue.` : '';
            warnings.push({
                code: 'starts-before-today',
                message:
                    `The first milestone, "${ordered[first].title}", would have to start on ${date(start[first])}, ` +
                    `before today (${date(today)}): the target date is too close for this template.${overdueNote}`,
                keys: early.map((i) => keys[i])
            });
        }
    }
    return { milestones, warnings, projectedCloseDate: projectedCloseDate(milestones) };
}

/** The due date of the milestone that marks the close (the latest, should several); null when none does. */
export function projectedCloseDate(milestones: readonly PlannedMilestone[]): string | null {
    let close: string | null = null;
    for (const milestone of milestones) {
        if (milestone.marksClose && (close === null || epochDay(milestone.dueDate) > epochDay(close))) {
            close = milestone.dueDate;
        }
    }
    return close;
}

// ---------------------------------------------------------------------------------------------------------------
// Re-projection when one due date moves.
// ---------------------------------------------------------------------------------------------------------------

function isClosed(milestone: PlannedMilestone): boolean {
    return milestone.status === 'Complete' || milestone.status === 'Skipped';
}

function durationOf(milestone: PlannedMilestone): number {
    const duration = milestone.durationDays ?? 0;
    if (!Number.isInteger(duration) || duration < 0) {
        throw new ScheduleError(
            'invalid-step',
            `The milestone "${milestone.key}" has a duration of ${duration}; durations are whole working days, 0 or more.`,
            [milestone.key]
        );
    }
    return duration;
}

/**
 * What moving one milestone's due date does to the plan (see the conventions at the top of this file). Nothing is
 * changed in place: the caller saves `moved`, one date-change history row each. Linear in the number of milestones.
 */
export function reproject(
    milestones: readonly PlannedMilestone[],
    changedKey: string,
    newDueDate: string,
    options: ReprojectOptions = {}
): Reprojection {
    const calendar = new WorkingCalendar(options.holidays);
    const say = worded(options.wording);
    const keys = milestones.map((milestone) => milestone.key);
    const index = indexKeys(keys, MILESTONE);
    const changed = index.get(changedKey);
    if (changed === undefined) {
        throw new ScheduleError('unknown-milestone', `There is no milestone "${changedKey}" in this plan.`, [
            changedKey
        ]);
    }
    const durations = milestones.map(durationOf);
    const predecessor = milestones.map((milestone) => {
        const named = milestone.predecessorKey;
        return named ? resolvePredecessor(milestone.key, named, index, MILESTONE) : -1;
    });
    rejectCycles(keys, predecessor, new Array<boolean>(keys.length).fill(false), MILESTONE, say.name);
    const successors = milestones.map((): number[] => []);
    predecessor.forEach((p, i) => p >= 0 && successors[p].push(i));

    const before = milestones.map((milestone) => epochDay(milestone.dueDate));
    const after = [...before];
    after[changed] = epochDay(newDueDate);
    const isLater = after[changed] > before[changed];

    if (isLater && !isClosed(milestones[changed])) {
        // Push successors down the tree; each milestone has one predecessor, so each is reached at most once.
        const stack = successors[changed].map((node) => ({ node, bound: after[changed] }));
        while (stack.length > 0) {
            const { node, bound } = stack.pop() as { node: number; bound: number };
            const status = milestones[node].status;
            if (status === 'Skipped') {
                successors[node].forEach((next) => stack.push({ node: next, bound }));
            } else if (status !== 'Complete') {
                const needed = calendar.earliestDue(bound, durations[node]);
                if (after[node] < needed) {
                    after[node] = needed;
                    successors[node].forEach((next) => stack.push({ node: next, bound: needed }));
                }
            }
        }
    }

    const move = (i: number): MilestoneMove => ({
        key: keys[i],
        from: milestones[i].dueDate,
        to: isoDate(after[i]),
        days: daysBetween(milestones[i].dueDate, isoDate(after[i])),
        workingDays: calendar.between(before[i], after[i])
    });
    const moved: MilestoneMove[] = [];
    if (after[changed] !== before[changed]) {
        moved.push(move(changed));
    }
    after.forEach((day, i) => i !== changed && day !== before[i] && moved.push(move(i)));

    const warnings: ScheduleWarning[] = [];
    if (!calendar.isWorkingDay(after[changed])) {
        warnings.push({
            code: 'due-not-working-day',
            message: `The new due date of "${say.name(changedKey)}", ${say.date(newDueDate)}, is not a working day.`,
            keys: [changedKey]
        });
    }
    let upstream = predecessor[changed];
    while (upstream >= 0 && milestones[upstream].status === 'Skipped') {
        upstream = predecessor[upstream];
    }
    if (
        !isClosed(milestones[changed]) &&
        upstream >= 0 &&
        !isClosed(milestones[upstream]) &&
        after[changed] < calendar.earliestDue(after[upstream], durations[changed])
    ) {
        warnings.push({
            code: 'starts-before-predecessor',
            message:
                `"${say.name(changedKey)}" would start on ` +
                `${say.date(isoDate(calendar.startOf(after[changed], durations[changed])))}, but ` +
                `"${say.name(keys[upstream])}", which comes before it, is not due until ` +
                `${say.date(isoDate(after[upstream]))}. Move "${say.name(keys[upstream])}" earlier too, or choose a later date.`,
            keys: [changedKey, keys[upstream]]
        });
    }

    const projected = milestones.map((milestone, i) => ({ ...milestone, dueDate: isoDate(after[i]) }));
    return { moved, projectedCloseDate: projectedCloseDate(projected), isLater, warnings };
}

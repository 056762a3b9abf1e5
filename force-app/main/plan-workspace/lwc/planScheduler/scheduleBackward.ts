/** Backward scheduling: every step of a template dated so the plan lands on the buyer's target date. */
import { epochDay } from 'c/planHealth';
import { indexKeys, rejectCycles, resolvePredecessor, STEP } from './dependencies';
import { projectedCloseDate } from './projectedClose';
import { ScheduleError } from './scheduleTypes';
import type {
    ScheduledMilestone,
    ScheduleOptions,
    ScheduleResult,
    ScheduleWarning,
    TemplateStep
} from './scheduleTypes';
import { plural } from 'c/planHealth';
import { worded } from './wording';
import { isoDate, WorkingCalendar } from './workingDays';

function localToday(): string {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

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
 * Dates every step of a template so the plan lands on the target date (see the conventions in
 * planScheduler.ts). Linear in the number of steps, apart from sorting them by order.
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
                overdue > 0 ? ` ${plural(overdue, 'milestone would', 'milestones would')} already be overdue.` : '';
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

/**
 * The plan as a timeline: where each milestone's bar, its baseline's ghost bar, the dependency arrows, the day lines
 * (today, the target date, the opportunity's close date, the plan-implied close) and the date ticks fall in an SVG
 * drawn `width` pixels wide. Pure: c-plan-timeline renders what this returns. One row per milestone, grouped by
 * phase; the milestone's name on the row's first line, its bar under it, so the timeline reads the same in the
 * record page's narrow column as in the main one.
 *
 * A bar covers the working days of effort ending on the due date (the scheduler's convention: `durationDays` d, due
 * on D, occupies the d working days ending on D); a checkpoint (d = 0, a signature) is a diamond on its day.
 */
import { epochDay } from 'c/planHealth';
import { isoDate, stepStart } from 'c/planScheduler';
import type { EffectiveMilestone } from './effectiveMilestones';
import { dateFormat, formatDate, plural } from './formatting';
import { isOpen, isOverdue } from './milestoneStatus';
import { groupByPhase } from './phaseGroups';
import type { Option } from './workspaceTypes';

/** The rows' geometry, in pixels. */
export const ROW_HEIGHT = 40;
const PHASE_HEIGHT = 24;
/** Rows of day-line labels above the ticks' row; each label takes the first row where it overlaps no other. */
const LABEL_ROW_HEIGHT = 14;
/** An estimate of the width of one character of the 11 to 12 px labels, to keep them apart and within the width. */
const CHAR_WIDTH = 6.5;
const MIN_TICK_GAP = 60;
const BAR_TOP = 20;
const BAR_HEIGHT = 12;
const SIDE_PADDING = 12;
const MIN_WIDTH = 280;

export interface TimelineInput {
    milestones: readonly EffectiveMilestone[];
    phases: readonly Option[];
    today: string;
    targetDate?: string | null;
    closeDate?: string | null;
    impliedClose?: string | null;
    criticalPathIds?: readonly string[] | null;
    locale?: string;
}

export interface TimelineBar {
    key: string;
    /** The row's name line. */
    label: string;
    labelY: number;
    y: number;
    x: number;
    width: number;
    /** A checkpoint's diamond, as an SVG path; blank for a bar. */
    diamond: string;
    isCheckpoint: boolean;
    className: string;
    /** The baseline's ghost bar when the date moved; null otherwise. */
    ghost: { x: number; width: number; y: number } | null;
    /** Everything the bar shows, for screen readers and the hover text. */
    description: string;
    /** 0 for the bar the keyboard reaches first, -1 for the others (roving focus). */
    tabIndex: number;
}

export interface TimelineView {
    width: number;
    height: number;
    bars: TimelineBar[];
    phases: { key: string; label: string; y: number }[];
    /** Each arrow's line and its head (a small triangle at the successor's start, pointing at it). */
    arrows: { key: string; d: string; head: string; className: string }[];
    markers: { key: string; x: number; label: string; labelX: number; labelY: number; className: string }[];
    ticks: { key: string; x: number; label: string }[];
    /** Where the ticks' labels and the top of the day lines are. */
    tickLabelY: number;
    gridTop: number;
}

const DAY_MS = 86_400_000;

/** A milestone's working days of effort; one not yet a whole number (an edit the save will refuse) draws as 0. */
function effortOf(milestone: EffectiveMilestone): number {
    const days = milestone.durationDays ?? 0;
    return Number.isInteger(days) && days > 0 ? days : 0;
}

function sideClass(side: string | null | undefined): string {
    if (side === 'Buyer') return 'bar_buyer';
    if (side === 'Joint') return 'bar_joint';
    return 'bar_seller';
}

/**
 * Ticks far enough apart for their labels: every Monday, every other or every fourth Monday when the column is
 * narrow, else the first of every month or of every few months.
 */
function tickDays(first: number, last: number, dayWidth: number): number[] {
    const days: number[] = [];
    const weeks = [1, 2, 4].find((n) => n * 7 * dayWidth >= MIN_TICK_GAP);
    if (weeks) {
        // 1970-01-05 (epoch day 4) was a Monday.
        for (let day = first + ((((4 - first) % 7) + 7) % 7); day <= last; day += 7 * weeks) days.push(day);
        return days;
    }
    const months = [1, 2, 3, 6, 12].find((n) => n * 30 * dayWidth >= MIN_TICK_GAP) ?? 12;
    const start = new Date(first * DAY_MS);
    let month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    while (month.getTime() / DAY_MS <= last) {
        days.push(month.getTime() / DAY_MS);
        month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + months, 1));
    }
    return days;
}

/** A label cut to what fits `width` pixels, with an ellipsis (the full text is the bar's accessible name). */
function fitted(text: string, width: number): string {
    const chars = Math.max(8, Math.floor(width / CHAR_WIDTH));
    return text.length <= chars ? text : `${text.slice(0, chars - 1).trimEnd()}…`;
}

function shortDate(iso: string, locale?: string): string {
    return dateFormat('month and day', locale, 'UTC', { month: 'short', day: 'numeric' }).format(
        new Date(`${iso}T00:00:00Z`)
    );
}

/** The timeline of the plan's milestones (those not removed and with a due date), `width` pixels wide. */
export function timelineView(input: TimelineInput, requestedWidth: number): TimelineView {
    const width = Math.max(MIN_WIDTH, Math.floor(requestedWidth) || MIN_WIDTH);
    const shown = input.milestones.filter((milestone) => !milestone.isDeleted && milestone.dueDate);
    const critical = new Set(input.criticalPathIds ?? []);
    const spans = shown.map((milestone) => {
        const due = milestone.dueDate as string;
        const baseline = milestone.baselineDate && milestone.baselineDate !== due ? milestone.baselineDate : null;
        return {
            milestone,
            due,
            start: stepStart(due, effortOf(milestone)),
            baseline,
            baselineStart: baseline ? stepStart(baseline, effortOf(milestone)) : null
        };
    });
    const lines: { key: string; date: string | null | undefined; label: string; className: string }[] = [
        { key: 'today', date: input.today, label: 'Today', className: 'marker marker_today' },
        { key: 'target', date: input.targetDate, label: 'Target date', className: 'marker marker_target' },
        { key: 'close', date: input.closeDate, label: 'Close date', className: 'marker marker_close' },
        { key: 'implied', date: input.impliedClose, label: 'Plan-implied close', className: 'marker marker_implied' }
    ];
    const days = [
        ...spans.flatMap((span) => [span.start, span.due, span.baselineStart, span.baseline]),
        ...lines.map((line) => line.date)
    ]
        .filter((day): day is string => Boolean(day))
        .map((day) => epochDay(day));
    const first = Math.min(...days) - 1;
    const last = Math.max(...days) + 2;
    const dayWidth = (width - 2 * SIDE_PADDING) / (last - first);
    const x = (iso: string) => SIDE_PADDING + (epochDay(iso) - first) * dayWidth;
    const round = (n: number) => Math.round(n * 10) / 10;

    // The day lines' labels, each in the first row where it overlaps none already placed, anchored within the width.
    const placed: { left: number; right: number }[][] = [];
    const markers = lines
        .filter((line) => line.date)
        .map((line) => {
            const at = round(x(line.date as string) + dayWidth / 2);
            const label = `${line.label} ${shortDate(line.date as string, input.locale)}`;
            const half = (label.length * CHAR_WIDTH) / 2;
            const left = Math.min(Math.max(SIDE_PADDING, at - half), width - SIDE_PADDING - 2 * half);
            const right = left + 2 * half;
            let row = placed.findIndex((taken) =>
                taken.every((other) => right + 6 < other.left || left > other.right + 6)
            );
            if (row < 0) {
                row = placed.length;
                placed.push([]);
            }
            placed[row].push({ left, right });
            return {
                key: line.key,
                x: at,
                label,
                labelX: round(left + half),
                labelY: 12 + row * LABEL_ROW_HEIGHT,
                className: line.className
            };
        });
    const tickLabelY = 12 + placed.length * LABEL_ROW_HEIGHT;
    const gridTop = tickLabelY + 4;

    const bars: TimelineBar[] = [];
    const phases: TimelineView['phases'] = [];
    const rowOf = new Map<string, { x1: number; x2: number; mid: number }>();
    let y = gridTop + 8;
    const byKey = new Map(spans.map((span) => [span.milestone.key, span]));
    for (const group of groupByPhase(
        spans.map((span) => span.milestone),
        input.phases
    )) {
        if (!group.milestones.length) continue;
        phases.push({ key: `phase-${group.phase ?? 'none'}`, label: group.label, y: y + 16 });
        y += PHASE_HEIGHT;
        for (const milestone of group.milestones) {
            const span = byKey.get(milestone.key) as (typeof spans)[number];
            const isCheckpoint = effortOf(milestone) === 0;
            const x1 = round(x(span.start));
            const x2 = round(x(span.due) + dayWidth);
            const barY = y + BAR_TOP;
            const mid = barY + BAR_HEIGHT / 2;
            const centre = round((x1 + x2) / 2);
            const half = BAR_HEIGHT / 2 + 1;
            const classes = ['bar', sideClass(milestone.side)];
            if (milestone.status === 'Complete') classes.push('bar_complete');
            else if (isOverdue(milestone.dueDate, milestone.status, input.today)) classes.push('bar_overdue');
            if (critical.has(milestone.key) && isOpen(milestone.status)) classes.push('bar_critical');
            if (milestone.marksClose) classes.push('bar_close');
            const parts = [
                milestone.name || 'Untitled milestone',
                `${milestone.side ?? 'No'} side`,
                isCheckpoint
                    ? `due ${formatDate(span.due, input.locale)}`
                    : `${formatDate(span.start, input.locale)} to ${formatDate(span.due, input.locale)}, ${plural(effortOf(milestone), 'working day', undefined, input.locale)}`,
                milestone.status ?? 'Not Started'
            ];
            if (span.baseline) parts.push(`first committed for ${formatDate(span.baseline, input.locale)}`);
            if (milestone.marksClose) parts.push('marks the close');
            if (classes.includes('bar_critical')) parts.push('on the critical path');
            bars.push({
                key: milestone.key,
                label: fitted(milestone.name || 'Untitled milestone', width - 2 * SIDE_PADDING),
                labelY: y + 14,
                y: barY,
                x: x1,
                width: round(Math.max(2, x2 - x1)),
                diamond: isCheckpoint
                    ? `M${centre} ${mid - half}L${centre + half} ${mid}L${centre} ${mid + half}L${centre - half} ${mid}Z`
                    : '',
                isCheckpoint,
                className: classes.join(' '),
                ghost:
                    span.baseline && span.baselineStart
                        ? {
                              x: round(x(span.baselineStart)),
                              width: round(Math.max(2, x(span.baseline) + dayWidth - x(span.baselineStart))),
                              y: barY
                          }
                        : null,
                description: parts.join(', '),
                tabIndex: bars.length === 0 ? 0 : -1
            });
            rowOf.set(milestone.key, { x1, x2: isCheckpoint ? centre : x2, mid });
            y += ROW_HEIGHT;
        }
    }

    const arrows: TimelineView['arrows'] = [];
    for (const span of spans) {
        const to = rowOf.get(span.milestone.key);
        const from = span.milestone.dependsOnId ? rowOf.get(span.milestone.dependsOnId) : undefined;
        if (!to || !from) continue;
        const start = from.x2;
        const end = to.x1 - 2;
        const d =
            end - start >= 8
                ? `M${start} ${from.mid}H${round((start + end) / 2)}V${to.mid}H${end}`
                : `M${start} ${from.mid}h4V${to.mid - 10}H${round(end - 6)}V${to.mid}H${end}`;
        const onPath = critical.has(span.milestone.key) && critical.has(span.milestone.dependsOnId as string);
        const head = `M${end} ${to.mid}L${round(end - 5)} ${to.mid - 3}L${round(end - 5)} ${to.mid + 3}Z`;
        arrows.push({
            key: `arrow-${span.milestone.key}`,
            d,
            head,
            className: onPath ? 'arrow arrow_critical' : 'arrow'
        });
    }

    // Centred on their day; one whose label would cross the edge is left out.
    const ticks = tickDays(first + 1, last - 1, dayWidth)
        .map((day) => ({
            key: `tick-${day}`,
            x: round(SIDE_PADDING + (day - first) * dayWidth),
            label: shortDate(isoDate(day), input.locale)
        }))
        .filter((tick) => {
            const half = (tick.label.length * CHAR_WIDTH) / 2;
            return tick.x - half >= 0 && tick.x + half <= width;
        });
    return { width, height: y + 8, bars, phases, arrows, markers, ticks, tickLabelY, gridTop };
}

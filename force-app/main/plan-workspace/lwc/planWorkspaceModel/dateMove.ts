/**
 * Moving a date: what moves with it (planScheduler's `reproject`), where the projected close lands, whether a slip
 * reason is needed, and applying the move to the draft.
 */
import { compareCloseDates, daysBetween, epochDay } from 'c/planHealth';
import type { CloseDateComparison } from 'c/planHealth';
import { earliestDueAfter, isoDate, reproject, ScheduleError, WEEKDAYS, workingDaysBetween } from 'c/planScheduler';
import type { PlannedMilestone } from 'c/planScheduler';
import type { EffectiveMilestone } from './effectiveMilestones';
import { formatDate, plural, truncate } from './formatting';
import { rememberLast } from './memo';
import { setField, setFields } from './milestoneDraft';
import type { Draft } from './milestoneDraft';
import { isOpen } from './milestoneStatus';
import type { Option, Workspace } from './workspaceTypes';

export interface PendingMove {
    key: string;
    to: string;
    reason: string | null;
    note: string | null;
    /** Shown on the reason field when the user confirms without one. */
    reasonError?: string | null;
}

/** One milestone's date moving from `from` to `to`, with the labels the preview shows. */
interface DateMove {
    key: string;
    name: string;
    from: string;
    to: string;
    fromLabel: string;
    toLabel: string;
    days: number;
    daysLabel: string;
}

export interface MovedMilestone extends DateMove {
    /** Later than its saved date and baselined: it needs a slip reason too. */
    needsReason: boolean;
}

/**
 * A milestone a change moves, its labels worded when first read: a preview lists the first MOVED_SHOWN_FIRST of a
 * long chain until the user asks for all of them, so the rest are never worded unless shown.
 */
function movedMilestone(
    facts: Omit<MovedMilestone, 'fromLabel' | 'toLabel' | 'daysLabel'>,
    locale: string | undefined
): MovedMilestone {
    let labels: Pick<MovedMilestone, 'fromLabel' | 'toLabel' | 'daysLabel'> | undefined;
    const worded = () =>
        (labels ??= {
            fromLabel: formatDate(facts.from, locale),
            toLabel: formatDate(facts.to, locale),
            daysLabel: movedByLabel(facts.from, facts.to, locale)
        });
    return {
        ...facts,
        get fromLabel() {
            return worded().fromLabel;
        },
        get toLabel() {
            return worded().toLabel;
        },
        get daysLabel() {
            return worded().daysLabel;
        }
    };
}

/**
 * How many of the milestones a change moves its preview lists until the user asks for all of them: a long chain is
 * read as its first steps and a count, and the panel stays short enough to keep the row's own fields in view.
 */
export const MOVED_SHOWN_FIRST = 5;

/** "Show all 35 milestones", for a list of moved milestones longer than MOVED_SHOWN_FIRST; null for a shorter one. */
export function showAllMovedLabel(count: number, locale?: string): string | null {
    return count > MOVED_SHOWN_FIRST ? `Show all ${plural(count, 'milestone', undefined, locale)}` : null;
}

export interface MovePreview extends DateMove {
    /** Later than the date shown before this move. */
    isLater: boolean;
    /** Later than the saved date of a baselined milestone: the platform asks why. */
    needsReason: boolean;
    /** The reason and note of the previous slip: the same reason again needs a new note. */
    savedReason: string | null;
    savedNote: string | null;
    /** The milestones that move with it (not the moved one itself). */
    dependents: MovedMilestone[];
    /** The toggle under a list of more than MOVED_SHOWN_FIRST dependents ("Show all 12 milestones"), else null. */
    showAllLabel: string | null;
    projectedCloseDate: string | null;
    projectedCloseLabel: string;
    previousProjectedCloseDate: string | null;
    closeComparison: CloseDateComparison;
    warnings: string[];
}

/**
 * How far a date moved, in working days as slips are counted: "5 working days later", "1 working day earlier",
 * "same day" (and "0 working days later" for a move over a weekend).
 */
export function movedByLabel(from: string, to: string, locale?: string): string {
    if (from === to) {
        return 'same day';
    }
    const days = workingDaysBetween(from, to);
    return to > from
        ? `${plural(days, 'working day', undefined, locale)} later`
        : `${plural(-days, 'working day', undefined, locale)} earlier`;
}

/** Moving this milestone to `to` needs a slip reason: its date is committed and the move is later than saved. */
export function moveNeedsReason(
    milestone: EffectiveMilestone,
    to: string,
    planStatus: string | null | undefined
): boolean {
    return baselined(milestone, planStatus) && movesLaterThanSaved(milestone, to);
}

function baselined(milestone: EffectiveMilestone, planStatus: string | null | undefined): boolean {
    return Boolean(milestone.baselineDate) || (planStatus === 'Active' && !milestone.isNew);
}

function movesLaterThanSaved(milestone: EffectiveMilestone, to: string): boolean {
    const saved = milestone.saved?.dueDate;
    return Boolean(saved) && epochDay(to) > epochDay(saved as string);
}

/** The projected close: the earliest due date among non-skipped milestones marking the close (as the roll-up). */
export function projectedClose(milestones: readonly EffectiveMilestone[]): string | null {
    let close: string | null = null;
    for (const milestone of milestones) {
        if (milestone.isDeleted || !milestone.marksClose || milestone.status === 'Skipped' || !milestone.dueDate) {
            continue;
        }
        if (close === null || epochDay(milestone.dueDate) < epochDay(close)) {
            close = milestone.dueDate;
        }
    }
    return close;
}

function planned(milestones: readonly EffectiveMilestone[]): PlannedMilestone[] {
    const live = milestones.filter((milestone) => !milestone.isDeleted && milestone.dueDate);
    const keys = new Set(live.map((milestone) => milestone.key));
    return live.map((milestone) => ({
        key: milestone.key,
        dueDate: milestone.dueDate as string,
        durationDays: milestone.durationDays ?? 0,
        // A predecessor deleted in this draft (or outside this plan) no longer constrains anything.
        predecessorKey: milestone.dependsOnId && keys.has(milestone.dependsOnId) ? milestone.dependsOnId : null,
        status: milestone.status,
        marksClose: milestone.marksClose
    }));
}

/**
 * The preview of moving a milestone's date to `to`, carrying a slip reason already chosen in this draft (a reason
 * still equal to the saved one is the last slip's, not this one's).
 */
export function pendingMove(milestone: EffectiveMilestone, to: string): PendingMove {
    const reason = milestone.saved?.slipReason === milestone.slipReason ? null : milestone.slipReason;
    return { key: milestone.key, to, reason, note: null };
}

/**
 * The due date a milestone needs once its duration or what it waits on changed, when its own no longer leaves room:
 * a milestone of d working days starts d - 1 working days before its due date and, by planScheduler's rule, after
 * its predecessor is due (predecessor due = its due minus d working days). Null when the date still works, when it
 * waits on nothing or on a milestone already done, or when either has no date. The workspace offers the move, with
 * everything that moves with it, before and after.
 */
export function dueDateForSchedule(milestones: readonly EffectiveMilestone[], key: string): string | null {
    const milestone = milestones.find((m) => m.key === key);
    const predecessor = milestone?.dependsOnId ? milestones.find((m) => m.key === milestone.dependsOnId) : null;
    const duration = milestone?.durationDays ?? 0;
    if (
        !milestone?.dueDate ||
        !isOpen(milestone.status) ||
        !predecessor?.dueDate ||
        !isOpen(predecessor.status) ||
        !Number.isInteger(duration) ||
        duration < 0
    ) {
        return null;
    }
    const earliest = earliestDueAfter(predecessor.dueDate, duration);
    return earliest > milestone.dueDate ? earliest : null;
}

/**
 * What moving one milestone's date does before anything is saved: which dependents move with it (planScheduler's
 * `reproject`), where the projected close lands against the opportunity's close date, and which moves need a slip
 * reason.
 */
export function previewMove(
    milestones: readonly EffectiveMilestone[],
    key: string,
    to: string,
    context: { planStatus?: string | null; opportunityCloseDate?: string | null; locale?: string }
): MovePreview {
    const byKey = new Map(milestones.map((milestone) => [milestone.key, milestone]));
    const moved = byKey.get(key);
    if (!moved || !moved.dueDate) {
        throw new RangeError(`No milestone "${key}" with a due date to move.`);
    }
    const from = moved.dueDate;
    const warnings: string[] = [];
    let dependents: MovedMilestone[] = [];
    let after = milestones;
    try {
        // Warnings name milestones and dates as the user reads them, never by record Id or ISO date.
        const projection = reproject(planned(milestones), key, to, {
            wording: {
                date: (iso) => formatDate(iso, context.locale),
                name: (other) => byKey.get(other)?.name || 'Untitled milestone'
            }
        });
        const newDates = new Map(projection.moved.map((move) => [move.key, move.to]));
        dependents = projection.moved
            .filter((move) => move.key !== key)
            .map((move) => {
                const dependent = byKey.get(move.key) as EffectiveMilestone;
                return movedMilestone(
                    {
                        key: move.key,
                        name: dependent.name,
                        from: move.from,
                        to: move.to,
                        days: move.days,
                        needsReason: baselined(dependent, context.planStatus) && movesLaterThanSaved(dependent, move.to)
                    },
                    context.locale
                );
            });
        after = milestones.map((milestone) => {
            const dueDate = newDates.get(milestone.key);
            return dueDate ? { ...milestone, dueDate } : milestone;
        });
        warnings.push(...projection.warnings.map((warning) => warning.message));
    } catch (error) {
        if (!(error instanceof ScheduleError)) {
            throw error;
        }
        // A plan whose saved links are broken still lets the user move a date; only the push is skipped.
        warnings.push(`Dependent milestones were not moved: ${error.message}`);
        after = milestones.map((milestone) => (milestone.key === key ? { ...milestone, dueDate: to } : milestone));
    }
    const projectedCloseDate = projectedClose(after);
    return {
        key,
        name: moved.name,
        from,
        to,
        fromLabel: formatDate(from, context.locale),
        toLabel: formatDate(to, context.locale),
        days: daysBetween(from, to),
        daysLabel: movedByLabel(from, to, context.locale),
        isLater: epochDay(to) > epochDay(from),
        needsReason: baselined(moved, context.planStatus) && movesLaterThanSaved(moved, to),
        savedReason: moved.saved?.slipReason ?? null,
        savedNote: moved.saved?.slipNote ?? null,
        dependents,
        showAllLabel: showAllMovedLabel(dependents.length, context.locale),
        projectedCloseDate,
        projectedCloseLabel: projectedCloseDate ? formatDate(projectedCloseDate, context.locale) : 'none',
        previousProjectedCloseDate: projectedClose(milestones),
        closeComparison: compareCloseDates(projectedCloseDate, context.opportunityCloseDate, context.locale),
        warnings
    };
}

/**
 * Why a move cannot be applied yet: a slip needs a reason, and the platform only accepts the reason of the previous
 * slip again with a new note (Slip_Reason_When_Moved_Later), so each slip is explained on its own.
 */
export function moveReasonProblem(preview: MovePreview, reason: string | null, note: string | null): string | null {
    if (!preview.needsReason) {
        return null;
    }
    if (!reason) {
        return 'Choose why the date moves later: the slip history keeps it.';
    }
    const newNote = (note ?? '').trim();
    if (reason === preview.savedReason && (!newNote || newNote === (preview.savedNote ?? '').trim())) {
        return 'The last slip had the same reason: add a note about this one.';
    }
    return null;
}

/** The reason given to dependents pushed by a slip: "Predecessor slipped" when the picklist has it. */
export function dependentReason(slipReasons: readonly Option[], chosen: string | null): string | null {
    return slipReasons.some((option) => option.value === 'Predecessor slipped') ? 'Predecessor slipped' : chosen;
}

/**
 * Applies a previewed move to the draft: the new dates, and for each move later than its saved date of a baselined
 * milestone, the slip reason and note (a move back to or before the saved date drops them again).
 */
export function applyMove(
    draft: Draft,
    workspace: Workspace,
    preview: MovePreview,
    reason: string | null,
    note: string | null
): Draft {
    const pushedReason = dependentReason(workspace.picklists.slipReasons, reason);
    let next = setField(draft, workspace, preview.key, 'dueDate', preview.to);
    next = preview.needsReason
        ? setFields(next, workspace, preview.key, { slipReason: reason, slipNote: note })
        : clearSlip(next, workspace, preview.key);
    for (const dependent of preview.dependents) {
        next = setField(next, workspace, dependent.key, 'dueDate', dependent.to);
        next = dependent.needsReason
            ? setFields(next, workspace, dependent.key, {
                  slipReason: pushedReason,
                  slipNote: truncate(`Moved with "${preview.name}" (${preview.fromLabel} → ${preview.toLabel})`, 255)
              })
            : clearSlip(next, workspace, dependent.key);
    }
    return next;
}

function clearSlip(draft: Draft, workspace: Workspace, key: string): Draft {
    const saved = workspace.milestones.find((milestone) => milestone.id === key);
    if (!saved) {
        return draft;
    }
    return setFields(draft, workspace, key, { slipReason: saved.slipReason ?? null, slipNote: saved.slipNote ?? null });
}

/** Completing a milestone before its due date: what waits on it can come that much sooner, if the user agrees. */
export interface PullInOffer {
    key: string;
    name: string;
    /** Working days between today, when it was done, and its due date. */
    earlyDays: number;
    /** "Done 4 working days early: pull in what waits on it?" */
    title: string;
    /** The open milestones that wait on it, directly or through others, each pulled in as far as allowed. */
    dependents: MovedMilestone[];
    /** The toggle under a list of more than MOVED_SHOWN_FIRST dependents ("Show all 35 milestones"), else null. */
    showAllLabel: string | null;
    /** Where the projected close lands if they are pulled in, when it moves: "Mar 19, 2026 → Mar 13, 2026". */
    closeChange: string | null;
}

interface PullInDates {
    done: EffectiveMilestone;
    earlyDays: number;
    moves: { milestone: EffectiveMilestone; to: string }[];
    closeBefore: string | null;
    closeAfter: string | null;
}

/**
 * The dates of a pull-in offer, before any wording. Remembered for the last milestones, key and day: completing a
 * milestone asks once whether there is an offer and once more to show it, with the same (remembered) milestones.
 */
const pullInDates = rememberLast(
    (milestones: readonly EffectiveMilestone[], key: string, today: string): PullInDates | null => {
        const done = milestones.find((milestone) => milestone.key === key);
        if (
            !done ||
            done.isDeleted ||
            done.status !== 'Complete' ||
            done.saved?.status === 'Complete' ||
            !done.dueDate
        ) {
            return null;
        }
        const earlyDays = done.dueDate > today ? workingDaysBetween(today, done.dueDate) : 0;
        if (earlyDays <= 0) {
            return null;
        }
        const waiting = new Map<string, EffectiveMilestone[]>();
        for (const milestone of milestones) {
            if (milestone.isDeleted || !milestone.dependsOnId) continue;
            waiting.set(milestone.dependsOnId, [...(waiting.get(milestone.dependsOnId) ?? []), milestone]);
        }
        // The day each milestone of the chain is done, as far as its successors are concerned: today for the one
        // just completed, the new due date of one pulled in, the date of a Skipped one's own predecessor. In days
        // since the epoch, on the calendar of weekdays.
        const todayDay = epochDay(today);
        const readyOn = new Map<string, number>([[key, todayDay]]);
        const moves: { milestone: EffectiveMilestone; to: string }[] = [];
        const queue = [key];
        const seen = new Set(queue);
        while (queue.length) {
            const before = queue.shift() as string;
            for (const next of waiting.get(before) ?? []) {
                if (seen.has(next.key) || next.status === 'Complete') continue;
                seen.add(next.key);
                const ready = readyOn.get(before) as number;
                if (next.status === 'Skipped' || !next.dueDate) {
                    readyOn.set(next.key, next.dueDate && next.status !== 'Skipped' ? epochDay(next.dueDate) : ready);
                    queue.push(next.key);
                    continue;
                }
                const due = epochDay(next.dueDate);
                const days = next.durationDays ?? 0;
                const allowed = WEEKDAYS.earliestDue(ready, Number.isInteger(days) && days > 0 ? days : 0);
                const sooner = WEEKDAYS.add(due, -earlyDays);
                // As early as both allow, never before today, never later than it was.
                const to = Math.min(due, Math.max(sooner, allowed, todayDay));
                readyOn.set(next.key, to);
                queue.push(next.key);
                if (to !== due) {
                    moves.push({ milestone: next, to: isoDate(to) });
                }
            }
        }
        if (!moves.length) {
            return null;
        }
        const newDates = new Map(moves.map(({ milestone, to }) => [milestone.key, to]));
        const closeBefore = projectedClose(milestones);
        const closeAfter = projectedClose(
            milestones.map((m) => (newDates.has(m.key) ? { ...m, dueDate: newDates.get(m.key) as string } : m))
        );
        return { done, earlyDays, moves, closeBefore, closeAfter };
    }
);

/**
 * Completing a milestone before its due date frees the working days it was given: each open milestone that waits on
 * it, directly or through others (through Skipped ones, not past Complete ones), can be due that many working days
 * sooner, but never sooner than the milestone it waits on, done or pulled in, allows (its own duration after it, as
 * the scheduler plans: planScheduler's "Predecessors") nor before today. Dates only move earlier. Null when the
 * milestone was not completed in this draft, was not early, or nothing would move: pulling dates in is the account
 * executive's call (reproject never does it), so it is offered, never done.
 */
export function pullInOffer(
    milestones: readonly EffectiveMilestone[],
    key: string,
    today: string,
    locale?: string
): PullInOffer | null {
    const pull = pullInDates(milestones, key, today);
    if (!pull) {
        return null;
    }
    const { done, earlyDays, moves, closeBefore, closeAfter } = pull;
    return {
        key,
        name: done.name,
        earlyDays,
        title: `Done ${plural(earlyDays, 'working day', undefined, locale)} early: pull in what waits on it?`,
        dependents: moves.map(({ milestone, to }) =>
            movedMilestone(
                {
                    key: milestone.key,
                    name: milestone.name,
                    from: milestone.dueDate as string,
                    to,
                    days: daysBetween(milestone.dueDate as string, to),
                    needsReason: false
                },
                locale
            )
        ),
        showAllLabel: showAllMovedLabel(moves.length, locale),
        closeChange:
            closeBefore && closeAfter && closeBefore !== closeAfter
                ? `${formatDate(closeBefore, locale)} → ${formatDate(closeAfter, locale)}`
                : null
    };
}

/** Whether completing `key` in this draft makes an offer to pull dates in (as pullInOffer, without its wording). */
export function offersPullIn(milestones: readonly EffectiveMilestone[], key: string, today: string): boolean {
    return pullInDates(milestones, key, today) !== null;
}

/** Applies a pull-in offer to the draft: each dependent's earlier date (an earlier date needs no slip reason). */
export function applyPullIn(draft: Draft, workspace: Workspace, offer: PullInOffer): Draft {
    let next = draft;
    for (const dependent of offer.dependents) {
        next = clearSlip(setField(next, workspace, dependent.key, 'dueDate', dependent.to), workspace, dependent.key);
    }
    return next;
}

/**
 * Re-planning after the buyer's target date moved. The plan was worked backward from the target date, so when the
 * buyer moves it the open milestones move with it, by the same number of working days, keeping the spacing the
 * two sides agreed. Done and skipped milestones stay where they are. Nothing is saved here: the offer shows each
 * milestone before and after, and applying it puts the new dates in the workspace's draft, where they are saved
 * (or discarded) like any other edit. A committed date that moves later carries the slip reason the user gives,
 * with a note naming the target-date change, so the slip history says why.
 */
import { addWorkingDays, workingDaysBetween } from 'c/planScheduler';
import { effectiveMilestones, formatDate, isOpen, moveNeedsReason, plural, setFields } from 'c/planWorkspaceModel';
import type { Draft, Workspace } from 'c/planWorkspaceModel';

export interface ReplanMove {
    key: string;
    name: string;
    from: string;
    to: string;
    fromLabel: string;
    toLabel: string;
    /** The new date is before today: the milestone would be overdue at once. */
    inPast: boolean;
    needsReason: boolean;
}

export interface ReplanOffer {
    fromTarget: string;
    toTarget: string;
    /** Working days the target moved: positive when later. */
    days: number;
    /** "The buyer's target date moved from Jun 30, 2026 to Jul 14, 2026, 10 working days later." */
    summary: string;
    moves: ReplanMove[];
    /** Some move makes a committed date later: the user says why (one reason for all). */
    needsReason: boolean;
    /** "2 of them would then be overdue: ..." or null. */
    pastWarning: string | null;
}

/**
 * What re-planning to a new target date would do: the open milestones with a date, each moved by the working days
 * the target moved (their draft dates, unsaved edits included). Null when the target did not move by a working day
 * or no open milestone has a date.
 */
export function replanOffer(
    workspace: Workspace,
    draft: Draft,
    fromTarget: string | null | undefined,
    toTarget: string | null | undefined,
    locale?: string
): ReplanOffer | null {
    if (!fromTarget || !toTarget) {
        return null;
    }
    const days = workingDaysBetween(fromTarget, toTarget);
    if (days === 0) {
        return null;
    }
    const planStatus = workspace.plan?.status;
    const today = workspace.today;
    const moves: ReplanMove[] = effectiveMilestones(workspace, draft)
        .filter((milestone) => !milestone.isDeleted && milestone.dueDate && isOpen(milestone.status))
        .map((milestone) => {
            const from = milestone.dueDate as string;
            const to = addWorkingDays(from, days);
            return {
                key: milestone.key,
                name: milestone.name || 'New milestone',
                from,
                to,
                fromLabel: formatDate(from, locale),
                toLabel: formatDate(to, locale),
                inPast: to < today,
                needsReason: moveNeedsReason(milestone, to, planStatus)
            };
        });
    if (moves.length === 0) {
        return null;
    }
    const past = moves.filter((move) => move.inPast);
    const direction = days > 0 ? 'later' : 'earlier';
    return {
        fromTarget,
        toTarget,
        days,
        summary: `The buyer's target date moved from ${formatDate(fromTarget, locale)} to ${formatDate(toTarget, locale)}, ${plural(Math.abs(days), 'working day', undefined, locale)} ${direction}.`,
        moves,
        needsReason: moves.some((move) => move.needsReason),
        pastWarning: past.length
            ? `${plural(past.length, 'milestone', undefined, locale)} would then be due before today and overdue at once: ${past.map((move) => `“${move.name}”`).join(', ')}.`
            : null
    };
}

/** Why the offer cannot be applied yet (a later committed date needs its reason), or null. */
export function replanReasonProblem(offer: ReplanOffer, reason: string | null): string | null {
    return offer.needsReason && !reason ? 'Choose why the dates move later: the slip history keeps it.' : null;
}

/**
 * The draft with every milestone of the offer moved. A move that needs a reason gets `reason` and a note naming the
 * target-date change (the user's note first, when given), so each slip row says why.
 */
export function applyReplan(
    draft: Draft,
    workspace: Workspace,
    offer: ReplanOffer,
    reason: string | null,
    note: string | null,
    locale?: string
): Draft {
    const because = `Re-planned to the buyer's new target date (${formatDate(offer.fromTarget, locale)} → ${formatDate(offer.toTarget, locale)})`;
    const slipNote = (note?.trim() ? `${note.trim()}. ${because}` : because).slice(0, 255);
    let next = draft;
    for (const move of offer.moves) {
        next = setFields(
            next,
            workspace,
            move.key,
            move.needsReason ? { dueDate: move.to, slipReason: reason, slipNote } : { dueDate: move.to }
        );
    }
    return next;
}

/**
 * Scheduling for a mutual action plan: DOM-free, so every rule is tested in isolation (see __tests__/, one test
 * file per module). This file is the bundle's public entry (`c/planScheduler`): it holds no logic of its own and
 * re-exports what the other bundles use from the modules beside it, one job each:
 *
 * - scheduleTypes: template steps, scheduled and planned milestones, moves, warnings, and ScheduleError
 * - wording: how messages name dates and milestones
 * - workingDays: working-day arithmetic (weekends and holidays)
 * - dependencies: unique keys, known predecessors, no cycles
 * - scheduleBackward: dating a template back from the buyer's target date
 * - reproject: what moving one due date does to a live plan
 * - projectedClose: the due date of the milestone that marks the close
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
export { ScheduleError } from './scheduleTypes';
export type {
    MilestoneMove,
    MilestoneStatus,
    PlannedMilestone,
    ReprojectOptions,
    Reprojection,
    ScheduledMilestone,
    ScheduleErrorCode,
    ScheduleOptions,
    ScheduleResult,
    ScheduleWarning,
    ScheduleWarningCode,
    StepSide,
    TemplateStep,
    WorkingDayOptions
} from './scheduleTypes';
export type { Wording } from './wording';
export {
    addWorkingDays,
    earliestDueAfter,
    isoDate,
    isWorkingDay,
    lastWorkingDayOnOrBefore,
    nextWorkingDayOnOrAfter,
    stepStart,
    subtractWorkingDays,
    WEEKDAYS,
    workingDaysBetween
} from './workingDays';
export { scheduleBackward } from './scheduleBackward';
export { reproject } from './reproject';
export { projectedCloseDate } from './projectedClose';

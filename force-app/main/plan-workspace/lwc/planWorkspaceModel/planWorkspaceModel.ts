/**
 * The plan workspace's model: DOM-free, so every rule is tested in isolation (see planWorkspaceModel.test.ts).
 *
 * The workspace is what PlanWorkspaceController returns (one JSON document per round-trip). The user's unsaved work
 * is a `Draft`: changed fields per milestone, new milestones, deleted ones, and an explicit order once the user
 * reorders. Every function here is pure: it returns a new draft or a new view and never changes its arguments, so
 * a failed save leaves the draft exactly as it was and the user's edits survive.
 *
 * Views are computed once per change (`buildListView`), never per row: a plan of 60 milestones is a handful of
 * linear passes with lookup maps.
 *
 * Conventions:
 * - Dates are ISO strings (yyyy-mm-dd); "today" comes from the server, in the user's time zone, so flags agree with
 *   the platform's formulas.
 * - A milestone's key is its Id, or `new-<n>` for one added in this draft.
 * - Overdue: open (neither Complete nor Skipped) and due before today, like Is_Overdue__c.
 * - Buyer & joint: milestones on the Buyer side, and Joint ones (the buyer is on the hook for both).
 * - A date moved later than its saved date needs a slip reason once the milestone is baselined (its plan is no
 *   longer a draft), as the Slip_Reason_When_Moved_Later rule demands; the reason and note are sent with each such
 *   move, so the slip history records this move's reason rather than an earlier one.
 */
import { compareCloseDates, daysBetween, epochDay, formatNumber } from 'c/planHealth';
import type { CloseDateComparison } from 'c/planHealth';
import { addWorkingDays, reproject, ScheduleError, workingDaysBetween } from 'c/planScheduler';
import type { PlannedMilestone } from 'c/planScheduler';
import { lengthHint, tooLongMessage } from 'c/planDetailsModel';

// ---------------------------------------------------------------------------------------------------------------
// The workspace as the server sends it (PlanWorkspace.cls)
// ---------------------------------------------------------------------------------------------------------------

export interface Option {
    label: string;
    value: string;
}

export interface Person {
    id: string;
    name: string;
    detail?: string | null;
}

export interface OpportunityInfo {
    id: string;
    name: string;
    closeDate?: string | null;
    stageName?: string | null;
    accountId?: string | null;
    accountName?: string | null;
}

export interface PlanInfo {
    id: string;
    name: string;
    status: string;
    health?: string | null;
    sharedObjective?: string | null;
    targetDate?: string | null;
    anchorEvent?: string | null;
    buyerLeadId?: string | null;
    buyerLeadName?: string | null;
    buyerAccepted?: boolean | null;
    buyerAcceptedById?: string | null;
    buyerAcceptedByName?: string | null;
    buyerAcceptedOn?: string | null;
    activatedOn?: string | null;
    milestoneCount?: number | null;
    completedMilestoneCount?: number | null;
    buyerMilestoneCount?: number | null;
    buyerCompletedMilestoneCount?: number | null;
    projectedCloseDate?: string | null;
    opportunityCloseDate?: string | null;
    daysOverdue?: number | null;
    daysSinceProgress?: number | null;
    isStale?: boolean | null;
    /** Every milestone's slip added up, in working days (Total_Slip_Days__c): not the plan's own slip. */
    totalSlipDays?: number | null;
    /** The plan's slip: working days its close moved past the close first committed (Close_Slip_Days__c). */
    closeSlipDays?: number | null;
    baselineCloseDate?: string | null;
    /** How many times the plan was saved: sent back with every save so a stale screen is refused. */
    revision?: number | null;
}

export interface MilestoneInfo {
    id: string;
    name: string;
    description?: string | null;
    phase?: string | null;
    side?: string | null;
    buyerOwnerId?: string | null;
    buyerOwnerName?: string | null;
    sellerOwnerId?: string | null;
    sellerOwnerName?: string | null;
    dueDate: string;
    baselineDate?: string | null;
    completedOn?: string | null;
    status?: string | null;
    buyerConfirmed?: boolean | null;
    sortOrder?: number | null;
    durationDays?: number | null;
    dependsOnId?: string | null;
    marksClose?: boolean | null;
    slipDays?: number | null;
    slipReason?: string | null;
    slipNote?: string | null;
    /** How many times the milestone was saved. */
    revision?: number | null;
}

export interface DateChangeInfo {
    id: string;
    name?: string | null;
    milestoneId?: string | null;
    previousDate?: string | null;
    newDate?: string | null;
    daysMoved?: number | null;
    reason?: string | null;
    note?: string | null;
    changedByName?: string | null;
    changedOn?: string | null;
    /** The history row of the move that pushed this one (Caused_By__c), and the name of the milestone it moved. */
    causedById?: string | null;
    causedByMilestoneName?: string | null;
}

export interface TemplateStepInfo {
    key: string;
    title: string;
    phase?: string | null;
    side?: string | null;
    durationDays?: number | null;
    order: number;
    predecessorKey?: string | null;
    marksClose?: boolean | null;
    description?: string | null;
}

export interface TemplateInfo {
    developerName: string;
    label: string;
    description?: string | null;
    steps: TemplateStepInfo[];
}

export interface Picklists {
    milestoneStatuses: Option[];
    phases: Option[];
    sides: Option[];
    slipReasons: Option[];
}

export interface Permissions {
    canReadPlans?: boolean;
    canCreatePlan?: boolean;
    canEditPlan?: boolean;
    canRecordAcceptance?: boolean;
    canEditMilestones?: boolean;
    canAddMilestones?: boolean;
    canDeleteMilestones?: boolean;
    canViewHistory?: boolean;
}

export interface Thresholds {
    atRiskOverdueDays?: number | null;
    offTrackOverdueDays?: number | null;
    stalePlanDays?: number | null;
    atRiskSlipDays?: number | null;
}

/** One plan of the opportunity, as the plan switcher lists it. */
export interface PlanSummary {
    id: string;
    name: string;
    status: string;
    targetDate?: string | null;
    startedOn?: string | null;
    milestoneCount?: number | null;
    completedMilestoneCount?: number | null;
    /** The plan the workspace opens with: the Active one, else the newest Draft, else the newest. */
    isCurrent: boolean;
    /** The plan shown now. */
    isShown: boolean;
}

export interface Workspace {
    opportunity: OpportunityInfo;
    plan: PlanInfo | null;
    otherPlanCount?: number | null;
    /** Every plan of the opportunity, newest first. */
    plans: PlanSummary[];
    milestones: MilestoneInfo[];
    dateChanges: DateChangeInfo[];
    buyerContacts: Person[];
    sellerUsers: Person[];
    templates: TemplateInfo[];
    picklists: Picklists;
    permissions: Permissions;
    thresholds?: Thresholds | null;
    /** The stages the gates guard (Plan_Setting__mdt), so the workspace can say what a change means for the deal. */
    gates: Gates;
    today: string;
    currentUserId: string;
}

export interface Gates {
    activePlanStages: string[];
    acceptedPlanStages: string[];
}

/** Fills what an older or partial server response leaves out, so the rest of the model never checks for it. */
export function normalizeWorkspace(raw: Partial<Workspace> & { opportunity: OpportunityInfo }): Workspace {
    return {
        opportunity: raw.opportunity,
        plan: raw.plan ?? null,
        otherPlanCount: raw.otherPlanCount ?? 0,
        plans: raw.plans ?? [],
        milestones: raw.milestones ?? [],
        dateChanges: raw.dateChanges ?? [],
        buyerContacts: raw.buyerContacts ?? [],
        sellerUsers: raw.sellerUsers ?? [],
        templates: (raw.templates ?? []).map((template) => ({ ...template, steps: template.steps ?? [] })),
        picklists: {
            milestoneStatuses: raw.picklists?.milestoneStatuses ?? [],
            phases: raw.picklists?.phases ?? [],
            sides: raw.picklists?.sides ?? [],
            slipReasons: raw.picklists?.slipReasons ?? []
        },
        permissions: raw.permissions ?? {},
        thresholds: raw.thresholds ?? {},
        gates: {
            activePlanStages: raw.gates?.activePlanStages ?? [],
            acceptedPlanStages: raw.gates?.acceptedPlanStages ?? []
        },
        today: raw.today ?? localToday(),
        currentUserId: raw.currentUserId ?? ''
    };
}

/** Completed and Cancelled plans are history: shown read-only. */
export function isHistoryStatus(status: string | null | undefined): boolean {
    return status === 'Completed' || status === 'Cancelled';
}

/**
 * The plan switcher's choices, newest first: each plan by name, status and dates, in the user's locale ("Go-live
 * plan: Cancelled, started Mar 3, 2026, 4 of 12 milestones done"); the current plan says so.
 */
export function planChoices(plans: PlanSummary[], locale?: string): { label: string; value: string }[] {
    return plans.map((plan) => {
        const parts = [plan.isCurrent ? `${plan.status} (current plan)` : plan.status];
        if (plan.startedOn) {
            parts.push(`started ${formatDate(plan.startedOn, locale)}`);
        }
        if (plan.milestoneCount) {
            parts.push(
                `${formatNumber(plan.completedMilestoneCount ?? 0, locale)} of ${formatNumber(plan.milestoneCount, locale)} milestones done`
            );
        }
        return { label: `${plan.name}: ${parts.join(', ')}`, value: plan.id };
    });
}

function localToday(): string {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------------

export const OPEN = 'Not Started';
const CLOSED_STATUSES = new Set(['Complete', 'Skipped']);
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** A date as the user reads it ("Mar 31, 2026"); blank for none. Formatters are cached per locale. */
export function formatDate(iso: string | null | undefined, locale?: string): string {
    if (!iso) {
        return '';
    }
    const cacheKey = locale ?? '';
    let format = DATE_FORMATS.get(cacheKey);
    if (!format) {
        format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
        DATE_FORMATS.set(cacheKey, format);
    }
    return format.format(new Date(epochDay(iso) * 86_400_000));
}

/** "1 day", "1,234 days": the count in the user's `locale`. */
export function plural(count: number, one: string, many = `${one}s`, locale?: string): string {
    return `${formatNumber(count, locale)} ${count === 1 ? one : many}`;
}

export function isOpen(status: string | null | undefined): boolean {
    return !CLOSED_STATUSES.has(status ?? '');
}

export function isOverdue(
    dueDate: string | null | undefined,
    status: string | null | undefined,
    today: string
): boolean {
    return Boolean(dueDate) && isOpen(status) && epochDay(dueDate as string) < epochDay(today);
}

/** Buyer and Joint milestones: the buyer owns the work or shares it. */
export function involvesBuyer(side: string | null | undefined): boolean {
    return side === 'Buyer' || side === 'Joint';
}

function blankToNull(value: unknown): unknown {
    return value === '' || value === undefined ? null : value;
}

function sameValue(a: unknown, b: unknown): boolean {
    return blankToNull(a) === blankToNull(b);
}

// ---------------------------------------------------------------------------------------------------------------
// The draft: the user's unsaved work
// ---------------------------------------------------------------------------------------------------------------

/** The fields of a milestone the workspace edits. */
export interface MilestoneValues {
    name: string;
    description: string | null;
    phase: string | null;
    side: string | null;
    buyerOwnerId: string | null;
    sellerOwnerId: string | null;
    dueDate: string | null;
    status: string;
    buyerConfirmed: boolean;
    durationDays: number | null;
    dependsOnId: string | null;
    marksClose: boolean;
    slipReason: string | null;
    slipNote: string | null;
}

export type EditableField = keyof MilestoneValues;

export const EDITABLE_FIELDS: readonly EditableField[] = [
    'name',
    'description',
    'phase',
    'side',
    'buyerOwnerId',
    'sellerOwnerId',
    'dueDate',
    'status',
    'buyerConfirmed',
    'durationDays',
    'dependsOnId',
    'marksClose',
    'slipReason',
    'slipNote'
];

export interface AddedMilestone {
    key: string;
    values: MilestoneValues;
}

export interface Draft {
    /** Changed fields of saved milestones, by Id; only fields that differ from the saved value. */
    readonly changes: Readonly<Record<string, Readonly<Partial<MilestoneValues>>>>;
    readonly added: readonly AddedMilestone[];
    readonly deleted: readonly string[];
    /** Keys in the order the user chose; null until the user reorders. */
    readonly order: readonly string[] | null;
    readonly nextKey: number;
}

export const EMPTY_DRAFT: Draft = Object.freeze({ changes: {}, added: [], deleted: [], order: null, nextKey: 1 });

export function savedValues(milestone: MilestoneInfo): MilestoneValues {
    return {
        name: milestone.name ?? '',
        description: milestone.description ?? null,
        phase: milestone.phase ?? null,
        side: milestone.side ?? null,
        buyerOwnerId: milestone.buyerOwnerId ?? null,
        sellerOwnerId: milestone.sellerOwnerId ?? null,
        dueDate: milestone.dueDate ?? null,
        status: milestone.status ?? OPEN,
        buyerConfirmed: milestone.buyerConfirmed === true,
        durationDays: milestone.durationDays ?? null,
        dependsOnId: milestone.dependsOnId ?? null,
        marksClose: milestone.marksClose === true,
        slipReason: milestone.slipReason ?? null,
        slipNote: milestone.slipNote ?? null
    };
}

/** Whether the draft holds anything to save. */
export function isDirty(draft: Draft): boolean {
    return (
        Object.keys(draft.changes).length > 0 ||
        draft.added.length > 0 ||
        draft.deleted.length > 0 ||
        hasNewOrder(draft)
    );
}

function hasNewOrder(draft: Draft): boolean {
    return draft.order !== null;
}

/** How many milestones the draft touches (changed, added or deleted), for "3 unsaved changes". */
export function changeCount(draft: Draft): number {
    const touched = new Set<string>([...Object.keys(draft.changes), ...draft.deleted]);
    return touched.size + draft.added.length;
}

/**
 * Sets one field of one milestone. A value equal to the saved one removes the change, so undoing an edit by hand
 * leaves nothing to save.
 */
export function setField<F extends EditableField>(
    draft: Draft,
    workspace: Workspace,
    key: string,
    field: F,
    value: MilestoneValues[F]
): Draft {
    const normalized = blankToNull(value) as MilestoneValues[F];
    const addedIndex = draft.added.findIndex((added) => added.key === key);
    if (addedIndex >= 0) {
        const added = draft.added.map((item, i) => {
            if (i !== addedIndex) {
                return item;
            }
            const values = { ...item.values, [field]: normalized };
            // A new milestone turned to the buyer's side is owned by the buyer lead until the user names someone.
            if (field === 'side' && involvesBuyer(normalized as string) && !values.buyerOwnerId) {
                values.buyerOwnerId = workspace.plan?.buyerLeadId ?? null;
            }
            return { key: item.key, values };
        });
        return { ...draft, added };
    }
    const saved = workspace.milestones.find((milestone) => milestone.id === key);
    if (!saved) {
        return draft;
    }
    const current = { ...(draft.changes[key] ?? {}) } as Partial<MilestoneValues>;
    if (sameValue(savedValues(saved)[field], normalized)) {
        delete current[field];
    } else {
        current[field] = normalized;
    }
    const changes = { ...draft.changes };
    if (Object.keys(current).length === 0) {
        delete changes[key];
    } else {
        changes[key] = current;
    }
    return { ...draft, changes };
}

/** Sets several fields of one milestone at once. */
export function setFields(draft: Draft, workspace: Workspace, key: string, values: Partial<MilestoneValues>): Draft {
    let next = draft;
    for (const field of Object.keys(values) as EditableField[]) {
        next = setField(next, workspace, key, field, values[field] as never);
    }
    return next;
}

/**
 * Adds a blank milestone and returns its key: owned by the current user when the seller takes part, by the plan's
 * buyer lead when the buyer does.
 */
export function addMilestone(
    draft: Draft,
    workspace: Workspace,
    defaults: Partial<MilestoneValues> = {}
): { draft: Draft; key: string } {
    const key = `new-${draft.nextKey}`;
    const side = defaults.side ?? 'Seller';
    const values: MilestoneValues = {
        name: '',
        description: null,
        phase: null,
        side,
        buyerOwnerId: involvesBuyer(side) ? (workspace.plan?.buyerLeadId ?? null) : null,
        sellerOwnerId: side === 'Buyer' ? null : workspace.currentUserId || null,
        dueDate: workspace.plan?.targetDate ?? null,
        status: OPEN,
        buyerConfirmed: false,
        durationDays: 1,
        dependsOnId: null,
        marksClose: false,
        slipReason: null,
        slipNote: null,
        ...defaults
    };
    const order = draft.order ? [...draft.order, key] : null;
    return { draft: { ...draft, added: [...draft.added, { key, values }], order, nextKey: draft.nextKey + 1 }, key };
}

/** Removes a milestone: a new one disappears, a saved one is marked for deletion (and can be restored). */
export function removeMilestone(draft: Draft, key: string): Draft {
    if (draft.added.some((added) => added.key === key)) {
        return {
            ...draft,
            added: draft.added.filter((added) => added.key !== key),
            order: draft.order ? draft.order.filter((k) => k !== key) : null
        };
    }
    if (draft.deleted.includes(key)) {
        return draft;
    }
    return { ...draft, deleted: [...draft.deleted, key] };
}

/** Drops the unsaved edits of one saved milestone (Escape in its inline edit); a new milestone stays as it is. */
export function revertMilestone(draft: Draft, key: string): Draft {
    if (!(key in draft.changes)) {
        return draft;
    }
    const changes = { ...draft.changes };
    delete changes[key];
    return { ...draft, changes };
}

export function restoreMilestone(draft: Draft, key: string): Draft {
    return draft.deleted.includes(key) ? { ...draft, deleted: draft.deleted.filter((k) => k !== key) } : draft;
}

// ---------------------------------------------------------------------------------------------------------------
// Effective milestones: saved values with the draft applied, in display order
// ---------------------------------------------------------------------------------------------------------------

/** The milestones (not removed) that wait on `key`: what removing it would leave without a predecessor. */
export function dependentsOf(workspace: Workspace, draft: Draft, key: string): EffectiveMilestone[] {
    return effectiveMilestones(workspace, draft).filter(
        (milestone) => !milestone.isDeleted && milestone.key !== key && milestone.dependsOnId === key
    );
}

/**
 * Has the milestones that wait on a removed one wait on what it waited on instead (or on nothing), so removing a
 * step in the middle of a chain keeps the chain.
 */
export function repointDependents(draft: Draft, workspace: Workspace, key: string): Draft {
    const removed = effectiveMilestones(workspace, draft).find((milestone) => milestone.key === key);
    let next = draft;
    for (const dependent of dependentsOf(workspace, draft, key)) {
        next = setField(next, workspace, dependent.key, 'dependsOnId', removed?.dependsOnId ?? null);
    }
    return next;
}

export interface EffectiveMilestone extends MilestoneValues {
    key: string;
    id: string | null;
    saved: MilestoneInfo | null;
    isNew: boolean;
    isDeleted: boolean;
    changedFields: EditableField[];
    baselineDate: string | null;
    /** Working days from the baseline to the due date (as Slip_Days__c), recomputed for an edited date. */
    slipDays: number | null;
}

/** The milestones as they will be once the draft is saved, in the order the user sees (see `groupByPhase`). */
export function effectiveMilestones(workspace: Workspace, draft: Draft): EffectiveMilestone[] {
    const deleted = new Set(draft.deleted);
    const all: EffectiveMilestone[] = [];
    for (const saved of workspace.milestones) {
        const changes = draft.changes[saved.id] ?? {};
        const values = { ...savedValues(saved), ...changes };
        const baselineDate = saved.baselineDate ?? null;
        all.push({
            ...values,
            key: saved.id,
            id: saved.id,
            saved,
            isNew: false,
            isDeleted: deleted.has(saved.id),
            changedFields: Object.keys(changes) as EditableField[],
            baselineDate,
            slipDays:
                'dueDate' in changes && baselineDate && values.dueDate
                    ? workingDaysBetween(baselineDate, values.dueDate)
                    : (saved.slipDays ?? null)
        });
    }
    for (const added of draft.added) {
        all.push({
            ...added.values,
            key: added.key,
            id: null,
            saved: null,
            isNew: true,
            isDeleted: false,
            changedFields: [],
            baselineDate: null,
            slipDays: null
        });
    }
    if (!draft.order) {
        return all;
    }
    const position = new Map(draft.order.map((key, i) => [key, i]));
    const unplaced = draft.order.length;
    const rank = (key: string, i: number) => position.get(key) ?? unplaced + i;
    return all
        .map((milestone, i) => ({ milestone, rank: rank(milestone.key, i) }))
        .sort((a, b) => a.rank - b.rank)
        .map(({ milestone }) => milestone);
}

export interface PhaseGroup<T> {
    phase: string | null;
    label: string;
    milestones: T[];
}

export const NO_PHASE_LABEL = 'No phase';

/**
 * Milestones grouped by phase: phases in picklist order, then phases the picklist does not know (in order of first
 * appearance), then milestones without a phase. Within a group the milestones keep their order.
 */
export function groupByPhase<T extends { phase: string | null }>(
    milestones: readonly T[],
    phases: readonly Option[]
): PhaseGroup<T>[] {
    const groups = new Map<string | null, PhaseGroup<T>>();
    for (const option of phases) {
        groups.set(option.value, { phase: option.value, label: option.label, milestones: [] });
    }
    const unknown: PhaseGroup<T>[] = [];
    let none: PhaseGroup<T> | null = null;
    for (const milestone of milestones) {
        const phase = milestone.phase || null;
        let group = groups.get(phase);
        if (!group) {
            group = { phase, label: phase ?? NO_PHASE_LABEL, milestones: [] };
            groups.set(phase, group);
            if (phase === null) {
                none = group;
            } else {
                unknown.push(group);
            }
        }
        group.milestones.push(milestone);
    }
    const known = phases.map((option) => groups.get(option.value) as PhaseGroup<T>);
    return [...known, ...unknown, ...(none ? [none] : [])].filter((group) => group.milestones.length > 0);
}

/** The keys in the order the user sees them: by phase group, then within each group. */
export function displayOrder(workspace: Workspace, draft: Draft): string[] {
    return groupByPhase(effectiveMilestones(workspace, draft), workspace.picklists.phases).flatMap((group) =>
        group.milestones.map((milestone) => milestone.key)
    );
}

/** Moves a milestone one place up or down within its phase group. */
export function moveMilestone(draft: Draft, workspace: Workspace, key: string, direction: 'up' | 'down'): Draft {
    const groups = groupByPhase(effectiveMilestones(workspace, draft), workspace.picklists.phases);
    const order = groups.flatMap((group) => group.milestones.map((milestone) => milestone.key));
    const group = groups.find((g) => g.milestones.some((milestone) => milestone.key === key));
    if (!group) {
        return draft;
    }
    const inGroup = group.milestones.findIndex((milestone) => milestone.key === key);
    const neighbour = group.milestones[direction === 'up' ? inGroup - 1 : inGroup + 1];
    if (!neighbour) {
        return draft;
    }
    const a = order.indexOf(key);
    const b = order.indexOf(neighbour.key);
    [order[a], order[b]] = [order[b], order[a]];
    return { ...draft, order };
}

// ---------------------------------------------------------------------------------------------------------------
// Moving a date: what moves with it, where the close lands, whether a slip reason is needed
// ---------------------------------------------------------------------------------------------------------------

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
    const earliest = addWorkingDays(predecessor.dueDate, duration);
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
                return {
                    key: move.key,
                    name: dependent.name,
                    from: move.from,
                    to: move.to,
                    fromLabel: formatDate(move.from, context.locale),
                    toLabel: formatDate(move.to, context.locale),
                    days: move.days,
                    daysLabel: movedByLabel(move.from, move.to, context.locale),
                    needsReason: baselined(dependent, context.planStatus) && movesLaterThanSaved(dependent, move.to)
                };
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

export function truncate(text: string, length: number): string {
    return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Errors: the server's, and the workspace's own checks, in one shape
// ---------------------------------------------------------------------------------------------------------------

export interface RecordErrors {
    messages: string[];
    fieldErrors: Record<string, string[]>;
}

export interface SaveErrors {
    message: string | null;
    pageErrors: string[];
    /** By record key: a milestone's key, or "plan". */
    records: Record<string, RecordErrors>;
    /** Someone else changed the plan since it was loaded: reloading it (keeping the user's edits) is the way on. */
    conflict?: boolean;
}

export const PLAN_KEY = 'plan';

export function hasErrors(errors: SaveErrors | null | undefined): boolean {
    return (
        Boolean(errors) &&
        ((errors as SaveErrors).pageErrors.length > 0 || Object.keys((errors as SaveErrors).records).length > 0)
    );
}

function asStrings(value: unknown): string[] {
    if (Array.isArray(value)) {
        return value.flatMap(asStrings);
    }
    if (typeof value === 'string') {
        return value ? [value] : [];
    }
    if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') {
        return [(value as { message: string }).message];
    }
    return [];
}

function mergeRecord(
    records: Record<string, RecordErrors>,
    key: string,
    messages: string[],
    fields: Record<string, string[]>
) {
    const record = records[key] ?? { messages: [], fieldErrors: {} };
    record.messages.push(...messages);
    for (const [field, list] of Object.entries(fields)) {
        record.fieldErrors[field] = [...(record.fieldErrors[field] ?? []), ...list];
    }
    records[key] = record;
}

/** Reads the JSON that PlanWorkspaceController puts in an AuraHandledException (PlanWorkspaceErrors.cls). */
function fromWorkspaceJson(json: Record<string, unknown>, fallback: string): SaveErrors {
    const records: Record<string, RecordErrors> = {};
    for (const entry of Array.isArray(json.recordErrors) ? json.recordErrors : []) {
        const record = entry as { key?: unknown; messages?: unknown; fieldErrors?: unknown };
        const fields: Record<string, string[]> = {};
        if (record.fieldErrors && typeof record.fieldErrors === 'object') {
            for (const [field, messages] of Object.entries(record.fieldErrors as Record<string, unknown>)) {
                fields[field] = asStrings(messages);
            }
        }
        mergeRecord(records, String(record.key ?? PLAN_KEY), asStrings(record.messages), fields);
    }
    return {
        message: typeof json.message === 'string' ? json.message : fallback,
        pageErrors: asStrings(json.pageErrors),
        records,
        conflict: json.conflict === true
    };
}

/**
 * Any error an Apex call can reject with, as page and record errors: the workspace's own JSON report, a plain
 * AuraHandledException message, the UI API's `{ output: { errors, fieldErrors } }`, a list of errors, a network
 * failure. Never throws.
 */
export function parseServerError(error: unknown, fallback: string): SaveErrors {
    const body = (error as { body?: unknown } | null)?.body;
    const bodies = Array.isArray(body) ? body : [body];
    const pageErrors: string[] = [];
    const records: Record<string, RecordErrors> = {};
    let message: string | null = null;
    let conflict = false;
    for (const item of bodies) {
        if (!item || typeof item !== 'object') {
            continue;
        }
        const { message: text, output } = item as { message?: unknown; output?: unknown };
        if (typeof text === 'string') {
            const parsed = parseJsonObject(text);
            if (parsed && ('recordErrors' in parsed || 'pageErrors' in parsed)) {
                const report = fromWorkspaceJson(parsed, fallback);
                message = report.message;
                conflict = conflict || report.conflict === true;
                pageErrors.push(...report.pageErrors);
                for (const [key, record] of Object.entries(report.records)) {
                    mergeRecord(records, key, record.messages, record.fieldErrors);
                }
                continue;
            }
            pageErrors.push(text);
        }
        if (output && typeof output === 'object') {
            const { errors, fieldErrors } = output as { errors?: unknown; fieldErrors?: unknown };
            pageErrors.push(...asStrings(errors));
            if (fieldErrors && typeof fieldErrors === 'object') {
                for (const list of Object.values(fieldErrors as Record<string, unknown>)) {
                    pageErrors.push(...asStrings(list));
                }
            }
        }
    }
    if (pageErrors.length === 0 && Object.keys(records).length === 0) {
        const plain = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
        pageErrors.push(plain || 'Something went wrong. Try again, or reload the page.');
    }
    return { message: message ?? fallback, pageErrors, records, ...(conflict ? { conflict } : {}) };
}

function parseJsonObject(text: string): Record<string, unknown> | null {
    if (!text.trimStart().startsWith('{')) {
        return null;
    }
    try {
        const parsed = JSON.parse(text) as unknown;
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
            ? (parsed as Record<string, unknown>)
            : null;
    } catch {
        return null;
    }
}

/** The workspace's own checks before a save, reported like the platform's, so they show in the same places. */
/**
 * The rule Due_Date_Plausible, as the workspace checks it before saving: a due date being set on an open milestone
 * between a year ago and three years out.
 */
export const DUE_DATE_PAST_DAYS = 365;
export const DUE_DATE_FUTURE_DAYS = 1095;
export const IMPLAUSIBLE_DUE_DATE =
    'Check the year: a due date more than a year ago or more than three years out is almost always a typo.';

export function dueDateProblem(
    dueDate: string | null,
    status: string | null | undefined,
    today: string
): string | null {
    if (!dueDate || !today || status === 'Complete' || status === 'Skipped') {
        return null;
    }
    const days = daysBetween(today, dueDate);
    return days < -DUE_DATE_PAST_DAYS || days > DUE_DATE_FUTURE_DAYS ? IMPLAUSIBLE_DUE_DATE : null;
}

/**
 * The checks before a save, placed like the platform's errors: a name, a due date, and (given `today`) a plausible
 * due date wherever one is being set (new milestones, changed dates).
 */
/** Plan_Milestone__c.Description__c: Long Text Area(2000). */
export const DESCRIPTION_MAX = 2000;
/** Plan_Milestone__c.Duration_Days__c: Number(4, 0), a whole number of working days. */
const DURATION_MAX = 9999;

/**
 * Keys of the milestones that wait on `key`, directly or through others (removed ones included: their links are
 * still in the draft until the save).
 */
function waitingOn(milestones: readonly EffectiveMilestone[], key: string): Set<string> {
    const found = new Set<string>();
    let frontier = [key];
    while (frontier.length > 0) {
        const next: string[] = [];
        for (const milestone of milestones) {
            if (milestone.dependsOnId && frontier.includes(milestone.dependsOnId) && !found.has(milestone.key)) {
                found.add(milestone.key);
                next.push(milestone.key);
            }
        }
        frontier = next;
    }
    return found;
}

/** What a milestone may wait on: any other milestone still in the plan that does not itself wait on it. */
function predecessorOptions(milestones: readonly EffectiveMilestone[], key: string): Option[] {
    const after = waitingOn(milestones, key);
    return milestones
        .filter((m) => m.key !== key && !m.isDeleted && !after.has(m.key))
        .map((m) => ({ label: m.name || 'New milestone', value: m.key }));
}

/** The milestone that, following "waits on" links from `milestone`, leads back to it; null when none does. */
function cycleThrough(
    byKey: Map<string, EffectiveMilestone>,
    milestone: EffectiveMilestone
): EffectiveMilestone | null {
    const seen = new Set<string>();
    let current = milestone.dependsOnId ? byKey.get(milestone.dependsOnId) : undefined;
    while (current && !seen.has(current.key)) {
        if (current.dependsOnId === milestone.key) {
            return current;
        }
        seen.add(current.key);
        current = current.dependsOnId ? byKey.get(current.dependsOnId) : undefined;
    }
    return null;
}

export function validateMilestones(
    milestones: readonly EffectiveMilestone[],
    today?: string,
    locale?: string
): SaveErrors | null {
    const records: Record<string, RecordErrors> = {};
    const byKey = new Map(milestones.filter((m) => !m.isDeleted).map((m) => [m.key, m]));
    for (const milestone of milestones) {
        if (milestone.isDeleted) {
            continue;
        }
        const fields: Record<string, string[]> = {};
        if (!milestone.name || !milestone.name.trim()) {
            fields.name = ["Enter a name, in the buyer's words."];
        } else if (milestone.name.length > 80) {
            fields.name = [tooLongMessage(80, locale)];
        }
        if ((milestone.description?.length ?? 0) > DESCRIPTION_MAX) {
            fields.description = [tooLongMessage(DESCRIPTION_MAX, locale)];
        }
        const duration = milestone.durationDays;
        if (
            duration !== null &&
            duration !== undefined &&
            (!Number.isInteger(duration) || duration < 0 || duration > DURATION_MAX)
        ) {
            fields.durationDays = [
                `Enter a whole number of working days from 0 to ${formatNumber(DURATION_MAX, locale)}.`
            ];
        }
        if (milestone.dependsOnId === milestone.key) {
            fields.dependsOnId = ['A milestone cannot wait on itself. Choose one that comes before it.'];
        } else if (milestone.dependsOnId) {
            const loop = cycleThrough(byKey, milestone);
            if (loop) {
                fields.dependsOnId = [
                    `“${loop.name || 'New milestone'}” already waits on this milestone, so this one cannot wait on it. Choose one that comes before it.`
                ];
            }
        }
        if (!milestone.dueDate) {
            fields.dueDate = ['Enter a due date.'];
        } else if (today && (milestone.isNew || milestone.changedFields.includes('dueDate'))) {
            const problem = dueDateProblem(milestone.dueDate, milestone.status, today);
            if (problem) {
                fields.dueDate = [problem];
            }
        }
        if (Object.keys(fields).length > 0) {
            records[milestone.key] = { messages: [], fieldErrors: fields };
        }
    }
    if (Object.keys(records).length === 0) {
        return null;
    }
    const count = Object.keys(records).length;
    return {
        message: `Fix ${plural(count, 'milestone', undefined, locale)} before saving.`,
        pageErrors: [],
        records
    };
}

// ---------------------------------------------------------------------------------------------------------------
// Save payloads (PlanWorkspace.SaveMilestonesRequest and CreatePlanRequest)
// ---------------------------------------------------------------------------------------------------------------

export interface MilestoneInput extends Partial<MilestoneValues> {
    key: string;
    id: string | null;
    changedFields?: string[];
    sortOrder?: number | null;
    dependsOnKey?: string | null;
}

/** The revisions the screen was built from (PlanWorkspace.Loaded): the server refuses a save if any moved on. */
export interface Loaded {
    plan: number | null;
    milestones: Record<string, number | null>;
}

export interface SaveMilestonesRequest {
    milestones: MilestoneInput[];
    deletedIds: string[];
    loaded: Loaded;
}

/** The plan's and each milestone's revision as loaded, sent back with every save of the plan. */
export function loadedRevisions(workspace: Workspace): Loaded {
    const milestones: Record<string, number | null> = {};
    for (const milestone of workspace.milestones) {
        milestones[milestone.id] = milestone.revision ?? null;
    }
    return { plan: workspace.plan?.revision ?? null, milestones };
}

function inputValues(values: Partial<MilestoneValues>): Partial<MilestoneValues> {
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) {
        out[field] = typeof value === 'string' ? (value.trim() === '' ? null : value) : (value ?? null);
    }
    return out as Partial<MilestoneValues>;
}

/**
 * What saveMilestones sends: for a saved milestone only the fields that changed (user-mode DML checks field-level
 * security on every field it is given); for a new one every field; the new order once the user reordered or added
 * milestones; the milestones to delete; the revisions the screen was built from.
 */
export function savePayload(workspace: Workspace, draft: Draft): SaveMilestonesRequest {
    const effective = effectiveMilestones(workspace, draft);
    const live = effective.filter((milestone) => !milestone.isDeleted);
    const sortOrders = new Map<string, number>();
    if (draft.order) {
        const order = groupByPhase(live, workspace.picklists.phases).flatMap((group) => group.milestones);
        order.forEach((milestone, i) => sortOrders.set(milestone.key, i + 1));
    } else {
        let next = workspace.milestones.reduce((max, milestone) => Math.max(max, milestone.sortOrder ?? 0), 0);
        for (const milestone of live) {
            if (milestone.isNew) {
                sortOrders.set(milestone.key, ++next);
            }
        }
    }
    const savedIds = new Set(workspace.milestones.map((milestone) => milestone.id));
    // A milestone that waits on a new one names it by key: the server links them once the new one has an Id.
    const linked = (input: MilestoneInput): MilestoneInput => {
        if (!input.dependsOnId || savedIds.has(input.dependsOnId)) {
            return input;
        }
        return { ...input, dependsOnId: null, dependsOnKey: input.dependsOnId };
    };
    const milestones: MilestoneInput[] = [];
    for (const milestone of live) {
        const sortOrder = sortOrders.get(milestone.key);
        if (milestone.isNew) {
            const values: Partial<MilestoneValues> = {};
            for (const field of EDITABLE_FIELDS) {
                (values as Record<string, unknown>)[field] = milestone[field];
            }
            milestones.push(
                linked({ key: milestone.key, id: null, ...inputValues(values), sortOrder: sortOrder ?? null })
            );
            continue;
        }
        const values: Partial<MilestoneValues> = {};
        for (const field of milestone.changedFields) {
            (values as Record<string, unknown>)[field] = milestone[field];
        }
        const input: MilestoneInput = { key: milestone.key, id: milestone.id, ...inputValues(values) };
        const changedFields: string[] = [...milestone.changedFields];
        if (sortOrder !== undefined && sortOrder !== (milestone.saved?.sortOrder ?? null)) {
            changedFields.push('sortOrder');
            input.sortOrder = sortOrder;
        }
        if (changedFields.length > 0) {
            milestones.push(linked({ ...input, changedFields }));
        }
    }
    return {
        milestones,
        deletedIds: draft.deleted.filter((id) => savedIds.has(id)),
        loaded: loadedRevisions(workspace)
    };
}

// ---------------------------------------------------------------------------------------------------------------
// The milestone list view, computed once per change
// ---------------------------------------------------------------------------------------------------------------

export type Filter = 'all' | 'overdue' | 'buyer' | 'open';

export interface UiState {
    /** Keys of rows in edit mode. */
    editing: readonly string[];
    /** Key of the row whose date-change history is open. */
    historyKey: string | null;
    filter: Filter;
    pendingMove: PendingMove | null;
}

export const EMPTY_UI: UiState = Object.freeze({ editing: [], historyKey: null, filter: 'all', pendingMove: null });

export interface HistoryRow {
    id: string;
    summary: string;
    /** For a move pushed by another: 'Moved with “Legal redlines”'; blank for a move of its own. */
    cause: string;
    reason: string;
    note: string;
    byline: string;
}

export interface FieldErrorView {
    name: string | null;
    description: string | null;
    dependsOnId: string | null;
    durationDays: string | null;
    phase: string | null;
    side: string | null;
    buyerOwnerId: string | null;
    sellerOwnerId: string | null;
    dueDate: string | null;
    slip: string | null;
    status: string | null;
    buyerConfirmed: string | null;
    row: string | null;
}

export interface RowView {
    key: string;
    name: string;
    /** The name as typed (blank for a new milestone not yet named). */
    rawName: string;
    description: string | null;
    /**
     * The save was refused for want of a slip reason (the date moved later some way the move preview did not see):
     * the row asks for it right there.
     */
    asksSlipReason: boolean;
    slipReason: string | null;
    slipNote: string | null;
    /** A new milestone's name field takes the focus when the row opens; a saved one's owner field does. */
    nameFocus: string | null;
    /** What "done" means is shown under the name, except in edit mode (where it is typed). */
    showDescription: boolean;
    /** How much of the length the field allows is used, as the user types. */
    descriptionHint: string;
    /** "Takes 3 working days"; blank when no duration is set. */
    durationText: string;
    /** The duration as the number input shows it. */
    durationValue: string;
    dependsOnId: string | null;
    /** The milestones this one may wait on (in edit mode): the others, less those that wait on it. */
    predecessorOptions: Option[];
    phase: string | null;
    side: string | null;
    sideLabel: string;
    sideBadgeClass: string;
    involvesBuyer: boolean;
    showBuyerOwner: boolean;
    showSellerOwner: boolean;
    buyerOwnerId: string | null;
    sellerOwnerId: string | null;
    ownerText: string;
    ownerMissing: boolean;
    ownerClass: string;
    dueDate: string | null;
    /** What the date input shows: the date being previewed while a move is pending. */
    dateValue: string | null;
    dueLabel: string;
    status: string;
    statusLabel: string;
    statusClass: string;
    buyerConfirmed: boolean;
    confirmationText: string;
    confirmationClass: string;
    slipText: string;
    slipClass: string;
    isOverdue: boolean;
    overdueText: string;
    marksClose: boolean;
    predecessorText: string;
    isNew: boolean;
    isDeleted: boolean;
    isDirty: boolean;
    isEditing: boolean;
    showEdit: boolean;
    showDone: boolean;
    canEdit: boolean;
    canDelete: boolean;
    cannotMoveUp: boolean;
    cannotMoveDown: boolean;
    rowClass: string;
    errors: FieldErrorView;
    hasErrors: boolean;
    historyCount: number;
    canViewHistory: boolean;
    historyLabel: string;
    historyIcon: string;
    showHistory: boolean;
    historyExpanded: string;
    history: HistoryRow[];
    historyId: string;
    move: MovePreview | null;
    moveReason: string | null;
    moveNote: string | null;
    moveReasonError: string | null;
    editLabel: string;
    deleteLabel: string;
    restoreLabel: string;
    /** On a removed milestone others wait on: who, and what happens to them. */
    removalWarning: string | null;
    /** The button that has them wait on the removed milestone's own predecessor; null when it has none. */
    repointLabel: string | null;
    upLabel: string;
    downLabel: string;
    doneLabel: string;
}

export interface GroupView {
    key: string;
    label: string;
    headingId: string;
    summary: string;
    rows: RowView[];
}

export interface FilterView {
    value: Filter;
    label: string;
    variant: 'brand' | 'neutral';
    pressed: string;
}

export interface ListView {
    groups: GroupView[];
    totalCount: number;
    visibleCount: number;
    overdueCount: number;
    buyerOpenCount: number;
    unconfirmedCount: number;
    filters: FilterView[];
    isDirty: boolean;
    changeCount: number;
    changeLabel: string;
    /** Errors of records not shown (deleted or filtered out), to show at the top. */
    orphanErrors: string[];
    projectedCloseDate: string | null;
    projectionChanged: boolean;
    emptyMessage: string;
}

function joinErrors(...lists: (string[] | undefined)[]): string | null {
    const all = lists.flatMap((list) => list ?? []);
    return all.length ? all.join(' ') : null;
}

function fieldErrorView(record: RecordErrors | undefined): FieldErrorView {
    const fields = record?.fieldErrors ?? {};
    const placed = new Set([
        'name',
        'description',
        'dependsOnId',
        'durationDays',
        'phase',
        'side',
        'buyerOwnerId',
        'sellerOwnerId',
        'dueDate',
        'slipReason',
        'slipNote',
        'status',
        'completedOn',
        'buyerConfirmed'
    ]);
    const others = Object.entries(fields)
        .filter(([field]) => !placed.has(field))
        .flatMap(([, messages]) => messages);
    return {
        name: joinErrors(fields.name),
        description: joinErrors(fields.description),
        dependsOnId: joinErrors(fields.dependsOnId),
        durationDays: joinErrors(fields.durationDays),
        phase: joinErrors(fields.phase),
        side: joinErrors(fields.side),
        buyerOwnerId: joinErrors(fields.buyerOwnerId),
        sellerOwnerId: joinErrors(fields.sellerOwnerId),
        dueDate: joinErrors(fields.dueDate),
        slip: joinErrors(fields.slipReason, fields.slipNote),
        status: joinErrors(fields.status, fields.completedOn),
        buyerConfirmed: joinErrors(fields.buyerConfirmed),
        row: joinErrors(record?.messages, others)
    };
}

function slipText(slipDays: number | null, locale?: string): { text: string; cls: string } {
    if (!slipDays) {
        return { text: '', cls: '' };
    }
    return slipDays > 0
        ? { text: `Slipped ${plural(slipDays, 'working day', undefined, locale)}`, cls: 'slds-text-color_error' }
        : {
              text: `${plural(-slipDays, 'working day', undefined, locale)} ahead of plan`,
              cls: 'slds-text-color_success'
          };
}

const STATUS_CLASSES: Record<string, string> = {
    'Not Started': 'slds-badge slds-badge_lightest',
    'In Progress': 'slds-badge',
    Blocked: 'slds-badge slds-theme_error',
    Complete: 'slds-badge slds-theme_success',
    Skipped: 'slds-badge slds-badge_lightest'
};

/**
 * How far a recorded move went, in working days like Days_Moved__c and Slip_Days__c: counted from the dates when the
 * row has both (rows written before Days_Moved__c counted working days hold calendar days), else Days_Moved__c.
 */
function historyDirection(change: DateChangeInfo, locale?: string): string {
    const { previousDate, newDate } = change;
    let working = change.daysMoved ?? 0;
    if (previousDate && newDate) {
        working = workingDaysBetween(previousDate, newDate);
        const calendar = daysBetween(previousDate, newDate);
        if (working === 0 && calendar !== 0) {
            return `${calendar > 0 ? 'later' : 'earlier'}, over a weekend`;
        }
    }
    if (working === 0) {
        return 'no change';
    }
    return `${plural(Math.abs(working), 'working day', undefined, locale)} ${working > 0 ? 'later' : 'earlier'}`;
}

function historyRows(changes: readonly DateChangeInfo[], locale?: string): HistoryRow[] {
    return changes.map((change) => {
        const direction = historyDirection(change, locale);
        const on = change.changedOn ? formatDate(change.changedOn.slice(0, 10), locale) : '';
        return {
            id: change.id,
            summary: `${formatDate(change.previousDate, locale)} → ${formatDate(change.newDate, locale)} (${direction})`,
            cause: change.causedById
                ? `Moved with “${change.causedByMilestoneName || 'a milestone since removed'}”`
                : '',
            reason: change.reason ?? 'No reason given',
            note: change.note ?? '',
            byline: [change.changedByName ? `by ${change.changedByName}` : '', on ? `on ${on}` : '']
                .filter(Boolean)
                .join(' ')
        };
    });
}

function matchesFilter(filter: Filter, milestone: EffectiveMilestone, overdue: boolean): boolean {
    switch (filter) {
        case 'overdue':
            return overdue;
        case 'buyer':
            return involvesBuyer(milestone.side) && isOpen(milestone.status);
        case 'open':
            return isOpen(milestone.status);
        default:
            return true;
    }
}

/**
 * Everything the milestone list renders, in one pass: groups by phase with their rows, each row's flags (overdue,
 * buyer item, slipped, unsaved, in error), labels, classes and open panels; counts for the filters; errors that
 * belong to no visible row.
 */
export function buildListView(
    workspace: Workspace,
    draft: Draft,
    ui: UiState,
    errors: SaveErrors | null,
    locale?: string
): ListView {
    const effective = effectiveMilestones(workspace, draft);
    const today = workspace.today;
    const permissions = workspace.permissions;
    const names = new Map(effective.map((m) => [m.key, m.name]));
    const dependentNames = new Map<string, string[]>();
    for (const milestone of effective) {
        if (!milestone.isDeleted && milestone.dependsOnId) {
            dependentNames.set(milestone.dependsOnId, [
                ...(dependentNames.get(milestone.dependsOnId) ?? []),
                milestone.name || 'Untitled milestone'
            ]);
        }
    }
    const people = new Map<string, string>();
    for (const person of [...workspace.buyerContacts, ...workspace.sellerUsers]) {
        people.set(person.id, person.name);
    }
    for (const milestone of workspace.milestones) {
        if (milestone.buyerOwnerId && milestone.buyerOwnerName)
            people.set(milestone.buyerOwnerId, milestone.buyerOwnerName);
        if (milestone.sellerOwnerId && milestone.sellerOwnerName)
            people.set(milestone.sellerOwnerId, milestone.sellerOwnerName);
    }
    const historyByMilestone = new Map<string, DateChangeInfo[]>();
    for (const change of workspace.dateChanges) {
        if (!change.milestoneId) continue;
        const list = historyByMilestone.get(change.milestoneId) ?? [];
        list.push(change);
        historyByMilestone.set(change.milestoneId, list);
    }
    const statusLabels = new Map(workspace.picklists.milestoneStatuses.map((o) => [o.value, o.label]));
    const sideLabels = new Map(workspace.picklists.sides.map((o) => [o.value, o.label]));
    const editing = new Set(ui.editing);
    const records = errors?.records ?? {};
    const planStatus = workspace.plan?.status;

    let move: MovePreview | null = null;
    if (ui.pendingMove && effective.some((m) => m.key === ui.pendingMove?.key && m.dueDate)) {
        move = previewMove(effective, ui.pendingMove.key, ui.pendingMove.to, {
            planStatus,
            opportunityCloseDate: workspace.opportunity.closeDate,
            locale
        });
    }

    let overdueCount = 0;
    let buyerOpenCount = 0;
    let unconfirmedCount = 0;
    const visibleKeys = new Set<string>();
    const groups = groupByPhase(effective, workspace.picklists.phases);
    const groupViews: GroupView[] = [];
    groups.forEach((group, groupIndex) => {
        const rows: RowView[] = [];
        let complete = 0;
        group.milestones.forEach((milestone, index) => {
            const overdue = !milestone.isDeleted && isOverdue(milestone.dueDate, milestone.status, today);
            const open = isOpen(milestone.status);
            if (!milestone.isDeleted) {
                if (overdue) overdueCount++;
                if (open && involvesBuyer(milestone.side)) buyerOpenCount++;
                if (open && involvesBuyer(milestone.side) && !milestone.buyerConfirmed) unconfirmedCount++;
                if (milestone.status === 'Complete') complete++;
            }
            const record = records[milestone.key];
            const isMoving = move?.key === milestone.key;
            if (!matchesFilter(ui.filter, milestone, overdue) && !record && !isMoving && !editing.has(milestone.key)) {
                return;
            }
            visibleKeys.add(milestone.key);
            rows.push(
                rowView(milestone, {
                    index,
                    count: group.milestones.length,
                    overdue,
                    today,
                    people,
                    names,
                    statusLabels,
                    sideLabels,
                    history: historyByMilestone.get(milestone.key) ?? [],
                    ui,
                    editing,
                    record,
                    move: isMoving ? move : null,
                    permissions,
                    dependents: dependentNames.get(milestone.key) ?? [],
                    effective,
                    locale
                })
            );
        });
        if (rows.length === 0) {
            return;
        }
        const live = group.milestones.filter((m) => !m.isDeleted).length;
        groupViews.push({
            key: `group-${group.phase ?? 'none'}`,
            label: group.label,
            headingId: `phase-heading-${groupIndex}`,
            summary: `${formatNumber(complete, locale)} of ${formatNumber(live, locale)} complete`,
            rows
        });
    });

    const orphanErrors: string[] = [];
    for (const [key, record] of Object.entries(records)) {
        if (key === PLAN_KEY || visibleKeys.has(key)) continue;
        const all = [...record.messages, ...Object.values(record.fieldErrors).flat()];
        const name = names.get(key);
        orphanErrors.push(...all.map((message) => (name ? `${name}: ${message}` : message)));
    }

    const live = effective.filter((m) => !m.isDeleted);
    const projected = projectedClose(live);
    const savedProjection = workspace.plan?.projectedCloseDate ?? null;
    const count = changeCount(draft);
    const visibleCount = groupViews.reduce((sum, g) => sum + g.rows.length, 0);
    const filters: FilterView[] = (
        [
            ['all', `All (${formatNumber(live.length, locale)})`],
            ['open', `Open (${formatNumber(live.filter((m) => isOpen(m.status)).length, locale)})`],
            ['overdue', `Overdue (${formatNumber(overdueCount, locale)})`],
            ['buyer', `Buyer & joint (${formatNumber(buyerOpenCount, locale)})`]
        ] as [Filter, string][]
    ).map(([value, label]) => ({
        value,
        label,
        variant: ui.filter === value ? 'brand' : 'neutral',
        pressed: String(ui.filter === value)
    }));
    return {
        groups: groupViews,
        totalCount: live.length,
        visibleCount,
        overdueCount,
        buyerOpenCount,
        unconfirmedCount,
        filters,
        isDirty: isDirty(draft),
        changeCount: count,
        changeLabel: count ? plural(count, 'unsaved change', undefined, locale) : 'Reordered, not saved yet',
        orphanErrors,
        projectedCloseDate: projected,
        projectionChanged: (projected ?? null) !== (savedProjection ?? null) && isDirty(draft),
        emptyMessage:
            live.length === 0
                ? 'This plan has no milestones yet. Add the first one.'
                : ui.filter === 'overdue'
                  ? 'Nothing is overdue.'
                  : ui.filter === 'buyer'
                    ? 'No open buyer items.'
                    : 'No open milestones.'
    };
}

interface RowContext {
    index: number;
    count: number;
    overdue: boolean;
    today: string;
    people: Map<string, string>;
    names: Map<string, string>;
    statusLabels: Map<string, string>;
    sideLabels: Map<string, string>;
    history: DateChangeInfo[];
    ui: UiState;
    editing: Set<string>;
    record: RecordErrors | undefined;
    move: MovePreview | null;
    permissions: Permissions;
    /** Names of the milestones (not removed) that wait on this one. */
    dependents: string[];
    /** Every milestone of the plan as it stands (for the "Waits on" choices of a row in edit mode). */
    effective: readonly EffectiveMilestone[];
    locale?: string;
}

function quotedList(names: string[]): string {
    const quoted = names.map((name) => `“${name}”`);
    return quoted.length <= 1
        ? (quoted[0] ?? '')
        : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

function removalWarning(
    milestone: EffectiveMilestone,
    dependents: string[],
    names: Map<string, string>
): string | null {
    if (!milestone.isDeleted || dependents.length === 0) {
        return null;
    }
    const who = quotedList(dependents);
    const wait = dependents.length === 1 ? 'waits' : 'wait';
    const predecessor = milestone.dependsOnId ? names.get(milestone.dependsOnId) : null;
    return predecessor
        ? `${who} ${wait} on this milestone. Once it is removed, ${dependents.length === 1 ? 'it waits' : 'they wait'} on nothing, unless you have ${dependents.length === 1 ? 'it' : 'them'} wait on “${predecessor}” instead.`
        : `${who} ${wait} on this milestone. Once it is removed, ${dependents.length === 1 ? 'it waits' : 'they wait'} on nothing.`;
}

function rowView(milestone: EffectiveMilestone, context: RowContext): RowView {
    const { permissions, record, move } = context;
    const side = milestone.side;
    const showBuyerOwner = side === 'Buyer' || side === 'Joint';
    const showSellerOwner = side !== 'Buyer';
    const buyerName = milestone.buyerOwnerId ? (context.people.get(milestone.buyerOwnerId) ?? 'Unknown contact') : '';
    const sellerName = milestone.sellerOwnerId ? (context.people.get(milestone.sellerOwnerId) ?? 'Unknown user') : '';
    const owners = [
        showBuyerOwner ? buyerName || 'No buyer owner' : '',
        showSellerOwner ? sellerName || 'No seller owner' : ''
    ]
        .filter(Boolean)
        .join(' · ');
    const ownerMissing = (showBuyerOwner && !buyerName) || (showSellerOwner && !sellerName);
    const errors = fieldErrorView(record);
    const rowHasErrors = Boolean(record);
    const slip = slipText(milestone.slipDays, context.locale);
    const rowIsDirty = milestone.isNew || milestone.changedFields.length > 0;
    const canEdit =
        Boolean(permissions.canEditMilestones) || (milestone.isNew && Boolean(permissions.canAddMilestones));
    const isEditing =
        !milestone.isDeleted && canEdit && (context.editing.has(milestone.key) || milestone.isNew || rowHasErrors);
    const daysLate = context.overdue && milestone.dueDate ? daysBetween(milestone.dueDate, context.today) : 0;
    const showHistory = context.ui.historyKey === milestone.key;
    const classes = ['milestone'];
    if (side === 'Buyer') classes.push('milestone_buyer');
    if (side === 'Joint') classes.push('milestone_joint');
    if (context.overdue) classes.push('milestone_overdue');
    if (rowIsDirty) classes.push('milestone_dirty');
    if (rowHasErrors) classes.push('milestone_error');
    if (milestone.isDeleted) classes.push('milestone_deleted');
    if (!isOpen(milestone.status)) classes.push('milestone_closed');
    const name = milestone.name || 'New milestone';
    const predecessor = milestone.dependsOnId ? context.names.get(milestone.dependsOnId) : undefined;
    return {
        key: milestone.key,
        name,
        rawName: milestone.name ?? '',
        description: milestone.description,
        nameFocus: milestone.isNew ? 'first-input' : null,
        asksSlipReason: isEditing && Boolean(errors.slip),
        slipReason: milestone.slipReason,
        slipNote: milestone.slipNote,
        showDescription: Boolean(milestone.description) && !isEditing,
        descriptionHint: isEditing ? lengthHint(milestone.description, DESCRIPTION_MAX, context.locale) : '',
        durationText:
            milestone.durationDays === null || milestone.durationDays === undefined
                ? ''
                : milestone.durationDays === 0
                  ? 'A checkpoint: takes no working time'
                  : `Takes ${plural(milestone.durationDays, 'working day', undefined, context.locale)}`,
        durationValue:
            milestone.durationDays === null || milestone.durationDays === undefined
                ? ''
                : String(milestone.durationDays),
        dependsOnId: milestone.dependsOnId,
        predecessorOptions: isEditing ? predecessorOptions(context.effective, milestone.key) : [],
        phase: milestone.phase,
        side,
        sideLabel: side ? (context.sideLabels.get(side) ?? side) : 'No side',
        sideBadgeClass:
            side === 'Buyer'
                ? 'slds-badge side-badge side-badge_buyer'
                : side === 'Joint'
                  ? 'slds-badge side-badge side-badge_joint'
                  : 'slds-badge slds-badge_lightest side-badge',
        involvesBuyer: involvesBuyer(side),
        showBuyerOwner,
        showSellerOwner,
        buyerOwnerId: milestone.buyerOwnerId,
        sellerOwnerId: milestone.sellerOwnerId,
        ownerText: owners || 'No owner',
        ownerMissing,
        ownerClass: ownerMissing ? 'slds-text-color_error' : '',
        dueDate: milestone.dueDate,
        dateValue: move ? move.to : milestone.dueDate,
        dueLabel: milestone.dueDate ? formatDate(milestone.dueDate, context.locale) : 'No date',
        status: milestone.status,
        statusLabel: context.statusLabels.get(milestone.status) ?? milestone.status,
        statusClass: STATUS_CLASSES[milestone.status] ?? 'slds-badge',
        buyerConfirmed: milestone.buyerConfirmed,
        confirmationText: involvesBuyer(side)
            ? milestone.buyerConfirmed
                ? 'Confirmed by buyer'
                : 'Not confirmed by buyer'
            : '',
        confirmationClass: milestone.buyerConfirmed ? 'slds-text-color_success' : 'slds-text-color_weak',
        slipText: slip.text,
        slipClass: slip.cls,
        isOverdue: context.overdue,
        overdueText: context.overdue ? `Overdue by ${plural(daysLate, 'day', undefined, context.locale)}` : '',
        marksClose: milestone.marksClose,
        predecessorText: predecessor ? `After "${predecessor}"` : '',
        isNew: milestone.isNew,
        isDeleted: milestone.isDeleted,
        isDirty: rowIsDirty,
        isEditing,
        showEdit: !isEditing,
        showDone: isEditing && !milestone.isNew,
        canEdit: canEdit && !milestone.isDeleted,
        canDelete: milestone.isNew || Boolean(permissions.canDeleteMilestones),
        cannotMoveUp: context.index === 0 || !canEdit,
        cannotMoveDown: context.index === context.count - 1 || !canEdit,
        rowClass: classes.join(' '),
        errors,
        hasErrors: rowHasErrors,
        historyCount: context.history.length,
        canViewHistory: Boolean(permissions.canViewHistory) && !milestone.isNew,
        historyIcon: showHistory ? 'utility:chevrondown' : 'utility:chevronright',
        historyLabel: context.history.length
            ? `Date history (${formatNumber(context.history.length, context.locale)})`
            : 'Date history',
        showHistory,
        historyExpanded: String(showHistory),
        history: showHistory ? historyRows(context.history, context.locale) : [],
        historyId: `history-${milestone.key}`,
        move,
        moveReason: move ? (context.ui.pendingMove?.reason ?? null) : null,
        moveNote: move ? (context.ui.pendingMove?.note ?? null) : null,
        moveReasonError: move ? (context.ui.pendingMove?.reasonError ?? null) : null,
        editLabel: `Edit ${name}`,
        deleteLabel: `Remove ${name}`,
        restoreLabel: `Restore ${name}`,
        removalWarning: removalWarning(milestone, context.dependents, context.names),
        repointLabel:
            milestone.isDeleted && context.dependents.length > 0 && milestone.dependsOnId
                ? `Have them wait on “${context.names.get(milestone.dependsOnId) ?? ''}”`
                : null,
        upLabel: `Move ${name} up`,
        downLabel: `Move ${name} down`,
        doneLabel: `Done editing ${name}`
    };
}

/** Opens or closes a row's edit mode. */
export function toggleEditing(ui: UiState, key: string, on: boolean): UiState {
    const editing = ui.editing.filter((k) => k !== key);
    return { ...ui, editing: on ? [...editing, key] : editing };
}

/** Keys of rows with errors, kept in edit mode after a failed save so the user can fix them. */
export function keysInError(errors: SaveErrors | null): string[] {
    return errors ? Object.keys(errors.records).filter((key) => key !== PLAN_KEY) : [];
}

/** Combobox options for owners: the people offered, plus "None". */
export function ownerOptions(people: readonly Person[], noneLabel: string): Option[] {
    return [
        { label: noneLabel, value: '' },
        ...people.map((person) => ({
            label: person.detail ? `${person.name} (${person.detail})` : person.name,
            value: person.id
        }))
    ];
}

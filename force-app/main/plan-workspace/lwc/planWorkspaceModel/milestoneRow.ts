/**
 * One row of the milestone list: its flags (overdue, buyer item, slipped, unsaved, in error), labels, classes, the
 * errors placed on its fields, and its open panels (edit mode, date history, a pending move).
 */
import type { ReminderText } from './reminders';
import { daysBetween, formatNumber } from 'c/planHealth';
import { lengthHint } from 'c/planDetailsModel';
import { historyRows } from './dateHistory';
import type { HistoryRow } from './dateHistory';
import type { MovePreview, PullInOffer } from './dateMove';
import type { EffectiveMilestone } from './effectiveMilestones';
import { formatDate, plural } from './formatting';
import { involvesBuyer, isOpen } from './milestoneStatus';
import { DESCRIPTION_MAX } from './milestoneValidation';
import { predecessorOptions } from './pickerOptions';
import type { RecordErrors } from './saveErrors';
import type { UiState } from './uiState';
import type { DateChangeInfo, Option, Permissions } from './workspaceTypes';

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
    /** "Reminded Tuesday", or blank; remindedTitle says what, to whom and when. */
    remindedText: string;
    remindedTitle: string;
    marksClose: boolean;
    /** On the chain of open milestones that sets the plan-implied close (as last loaded): a slip here moves it. */
    onCriticalPath: boolean;
    /** Done early in this draft: the offer to pull in what waits on it, or null. */
    pullIn: PullInOffer | null;
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

function joinErrors(...lists: (string[] | undefined)[]): string | null {
    const all = lists.flatMap((list) => list ?? []);
    return all.length ? all.join(' ') : null;
}

/** The fields whose errors show next to their own control; any other field's error shows on the row. */
const PLACED_FIELDS = new Set([
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

/** The errors of a row without any: one object every such row shares (views are never changed once built). */
const NO_ERRORS: FieldErrorView = Object.freeze({
    name: null,
    description: null,
    dependsOnId: null,
    durationDays: null,
    phase: null,
    side: null,
    buyerOwnerId: null,
    sellerOwnerId: null,
    dueDate: null,
    slip: null,
    status: null,
    buyerConfirmed: null,
    row: null
});

function fieldErrorView(record: RecordErrors | undefined): FieldErrorView {
    if (!record) {
        return NO_ERRORS;
    }
    const fields = record.fieldErrors ?? {};
    const others = Object.entries(fields)
        .filter(([field]) => !PLACED_FIELDS.has(field))
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
        row: joinErrors(record.messages, others)
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

export interface RowContext {
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
    /** When someone was last reminded of this milestone (the daily follow-up), or null. */
    reminder?: ReminderText | null;
    /** On the chain that sets the plan-implied close, as the server last computed it. */
    onCriticalPath?: boolean;
    /** The offer to pull in what waits on this milestone, done early; null or absent for none. */
    pullIn?: PullInOffer | null;
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

export function rowView(milestone: EffectiveMilestone, context: RowContext): RowView {
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
        remindedText: context.reminder?.short ?? '',
        remindedTitle: context.reminder?.full ?? '',
        marksClose: milestone.marksClose,
        onCriticalPath: Boolean(context.onCriticalPath) && !milestone.isDeleted,
        pullIn: context.pullIn ?? null,
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

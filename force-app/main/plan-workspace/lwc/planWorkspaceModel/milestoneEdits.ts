/**
 * What each thing the user does in the milestone list makes of the draft and the list's state: a row action, a
 * field edited, a date typed, a date move's reason, applied or cancelled, a filter chosen. Pure: each returns the
 * next draft and state (or null when the action changes nothing), and the workspace shows the view built from them.
 */
import {
    applyMove,
    applyPullIn,
    dueDateForSchedule,
    moveReasonProblem,
    offersPullIn,
    pendingMove,
    previewMove,
    pullInOffer
} from './dateMove';
import { effectiveMilestones, repointDependents } from './effectiveMilestones';
import { removeMilestone, restoreMilestone, revertMilestone, setField } from './milestoneDraft';
import type { Draft, EditableField } from './milestoneDraft';
import { moveMilestone } from './phaseGroups';
import { keysInError } from './saveErrors';
import type { SaveErrors } from './saveErrors';
import { toggleEditing } from './uiState';
import type { Filter, UiState } from './uiState';
import type { Workspace } from './workspaceTypes';

/** What a row's buttons (and Escape) ask for. */
export type MilestoneAction = 'edit' | 'done' | 'cancel' | 'remove' | 'restore' | 'up' | 'down' | 'history' | 'repoint';

export interface EditState {
    draft: Draft;
    ui: UiState;
}

/** The pending move, unless it is the move of `key` (which the action closes). */
function withoutMoveOf(ui: UiState, key: string): UiState['pendingMove'] {
    return ui.pendingMove?.key === key ? null : ui.pendingMove;
}

/** A row action: edit mode on or off, cancel (the row's edits dropped), remove, restore, reorder, date history. */
export function rowAction(
    workspace: Workspace,
    { draft, ui }: EditState,
    key: string,
    action: MilestoneAction
): EditState | null {
    switch (action) {
        case 'edit':
            return { draft, ui: toggleEditing(ui, key, true) };
        case 'done':
            return { draft, ui: toggleEditing(ui, key, false) };
        case 'cancel':
            return {
                draft: revertMilestone(draft, key),
                ui: {
                    ...toggleEditing(ui, key, false),
                    pendingMove: withoutMoveOf(ui, key),
                    ...(ui.pullIn?.key === key ? { pullIn: null } : {})
                }
            };
        case 'remove':
            return {
                draft: removeMilestone(draft, key),
                ui: { ...toggleEditing(ui, key, false), pendingMove: withoutMoveOf(ui, key) }
            };
        case 'restore':
            return { draft: restoreMilestone(draft, key), ui };
        case 'repoint':
            return { draft: repointDependents(draft, workspace, key), ui };
        case 'up':
        case 'down':
            return { draft: moveMilestone(draft, workspace, key, action), ui };
        case 'history':
            return { draft, ui: { ...ui, historyKey: ui.historyKey === key ? null : key } };
        default:
            return null;
    }
}

/**
 * A field edit goes into the draft. A longer duration, or a new predecessor due later, that leaves the milestone no
 * room before its due date offers to move the date (and what waits on it), as a date change does; a new milestone,
 * with no committed date yet, simply takes the date that fits.
 */
export function fieldChange(
    workspace: Workspace,
    { draft: before, ui }: EditState,
    key: string,
    field: EditableField,
    value: never
): EditState {
    const draft = setField(before, workspace, key, field, value);
    if (field === 'status') {
        // Done before its due date: offer to pull in what waits on it (never done unasked); any other status
        // withdraws the offer.
        if (offersPullIn(effectiveMilestones(workspace, draft), key, workspace.today)) {
            return { draft, ui: { ...ui, pullIn: { key } } };
        }
        return { draft, ui: ui.pullIn?.key === key ? { ...ui, pullIn: null } : ui };
    }
    if (field !== 'durationDays' && field !== 'dependsOnId') {
        return { draft, ui };
    }
    const milestones = effectiveMilestones(workspace, draft);
    const rescheduled = dueDateForSchedule(milestones, key);
    const milestone = milestones.find((m) => m.key === key);
    if (!rescheduled || !milestone) {
        return { draft, ui };
    }
    if (milestone.isNew) {
        return { draft: setField(draft, workspace, key, 'dueDate', rescheduled), ui };
    }
    return { draft, ui: { ...ui, pendingMove: pendingMove(milestone, rescheduled) } };
}

/**
 * A new date is previewed first (what moves with it, where the close lands, why it slips) unless nothing moves: a
 * new milestone's date, a date cleared, a date set back to what it was.
 */
export function dateChange(
    workspace: Workspace,
    { draft, ui }: EditState,
    key: string,
    value: string | null
): EditState | null {
    const milestone = effectiveMilestones(workspace, draft).find((m) => m.key === key);
    if (!milestone) {
        return null;
    }
    const saved = milestone.saved?.dueDate ?? null;
    if (value && !milestone.dueDate && saved && !milestone.isNew) {
        // Cleared, then a date typed again: a move from the saved date, previewed (and asked why) as any move.
        const restored = setField(draft, workspace, key, 'dueDate', saved);
        if (value === saved) {
            return { draft: restored, ui: { ...ui, pendingMove: null } };
        }
        return { draft: restored, ui: { ...ui, pendingMove: { key, to: value, reason: null, note: null } } };
    }
    if (!value || !milestone.dueDate || milestone.isNew) {
        return { draft: setField(draft, workspace, key, 'dueDate', value), ui };
    }
    if (value === milestone.dueDate) {
        return { draft, ui: { ...ui, pendingMove: null } };
    }
    return { draft, ui: { ...ui, pendingMove: pendingMove(milestone, value) } };
}

/** The slip reason or note typed for the pending move (its error cleared); null without one. */
export function moveInput(ui: UiState, field: 'reason' | 'note', value: string | null): UiState | null {
    const pending = ui.pendingMove;
    if (!pending) {
        return null;
    }
    return { ...ui, pendingMove: { ...pending, [field]: value, reasonError: null } };
}

/**
 * Applies the pending move (the milestone and what waits on it) once its reason is given; without a reason it asks
 * for one, the move kept open. Null without a pending move.
 */
export function confirmMove(workspace: Workspace, { draft, ui }: EditState, locale?: string): EditState | null {
    const pending = ui.pendingMove;
    if (!pending) {
        return null;
    }
    const preview = previewMove(effectiveMilestones(workspace, draft), pending.key, pending.to, {
        planStatus: workspace.plan?.status,
        opportunityCloseDate: workspace.opportunity.closeDate,
        locale
    });
    const problem = moveReasonProblem(preview, pending.reason, pending.note);
    if (problem) {
        return { draft, ui: { ...ui, pendingMove: { ...pending, reasonError: problem } } };
    }
    return {
        draft: applyMove(draft, workspace, preview, pending.reason, pending.note),
        ui: { ...ui, pendingMove: null }
    };
}

/** Pulls in what waits on the milestone completed early, as offered; null without an offer. */
export function confirmPullIn(workspace: Workspace, { draft, ui }: EditState): EditState | null {
    const key = ui.pullIn?.key;
    const offer = key ? pullInOffer(effectiveMilestones(workspace, draft), key, workspace.today) : null;
    if (!offer) {
        return key ? { draft, ui: { ...ui, pullIn: null } } : null;
    }
    return { draft: applyPullIn(draft, workspace, offer), ui: { ...ui, pullIn: null } };
}

/** What the milestone list reports (c-plan-milestone-list's events), by event name. */
export type ListEvent =
    | { type: 'rowaction'; detail: { key: string; action: MilestoneAction } }
    | { type: 'fieldchange'; detail: { key: string; field: EditableField; value: never } }
    | { type: 'datechange'; detail: { key: string; value: string | null } }
    | { type: 'moveinput'; detail: { field: 'reason' | 'note'; value: string | null } }
    | { type: 'moveconfirm' | 'movecancel'; detail?: unknown }
    | { type: 'pullinconfirm' | 'pullincancel'; detail?: unknown }
    | { type: 'filterchange'; detail: { filter: Filter } };

/** The next draft and list state after one of the list's events; null when it changes nothing. */
export function listEdit(workspace: Workspace, state: EditState, event: ListEvent, locale?: string): EditState | null {
    switch (event.type) {
        case 'rowaction':
            return rowAction(workspace, state, event.detail.key, event.detail.action);
        case 'fieldchange':
            return fieldChange(workspace, state, event.detail.key, event.detail.field, event.detail.value);
        case 'datechange':
            return dateChange(workspace, state, event.detail.key, event.detail.value);
        case 'moveinput': {
            const ui = moveInput(state.ui, event.detail.field, event.detail.value);
            return ui ? { draft: state.draft, ui } : null;
        }
        case 'moveconfirm':
            return confirmMove(workspace, state, locale);
        case 'movecancel':
            return { draft: state.draft, ui: { ...state.ui, pendingMove: null } };
        case 'pullinconfirm':
            return confirmPullIn(workspace, state);
        case 'pullincancel':
            return { draft: state.draft, ui: { ...state.ui, pullIn: null } };
        case 'filterchange':
            return { draft: state.draft, ui: { ...state.ui, filter: event.detail.filter } };
        default:
            return null;
    }
}

/** Rows with errors open in edit mode, so each error shows next to its field (those already open stay open). */
export function openRowsInError(ui: UiState, errors: SaveErrors): UiState {
    return { ...ui, editing: [...new Set([...ui.editing, ...keysInError(errors)])] };
}

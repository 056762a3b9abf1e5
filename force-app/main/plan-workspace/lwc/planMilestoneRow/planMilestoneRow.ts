import { LightningElement, api } from 'lwc';
import { MOVED_SHOWN_FIRST, NO_LIST_OPTIONS, rowActions } from 'c/planWorkspaceModel';
import type { ListOptions, MovedMilestone, RowActionView, RowView } from 'c/planWorkspaceModel';

/** The first MOVED_SHOWN_FIRST of a list of moved milestones, or all of them once the user asked. */
function firstOrAll(moved: MovedMilestone[] | undefined, all: boolean): MovedMilestone[] {
    if (!moved) {
        return [];
    }
    return all || moved.length <= MOVED_SHOWN_FIRST ? moved : moved.slice(0, MOVED_SHOWN_FIRST);
}

/**
 * One milestone of the list: its side, owners, due date, status, buyer confirmation and slip; its actions; inline
 * edit of everything it holds; the preview of a date move with its slip reason; its date history. Presentational: it
 * renders the `RowView` planWorkspaceModel computed and reports what the user does, and c-plan-milestone-list passes
 * each report on. The list hands a row the same `row` object while the milestone is unchanged, so an edit re-renders
 * only the rows it changed.
 *
 * Events (detail, none bubbling): rowaction ({ key, action }), fieldchange ({ key, field, value }), datechange
 * ({ key, value }), moveinput ({ field: 'reason' | 'note', value }), moveconfirm, movecancel (with { key } when
 * Escape cancels it), pullinconfirm, pullincancel (with { key } when Escape cancels it).
 */
export default class PlanMilestoneRow extends LightningElement {
    @api options: ListOptions = NO_LIST_OPTIONS;

    private shown?: RowView;
    /**
     * Whether the user asked to see every milestone the date move, or the pull-in, moves (see MOVED_SHOWN_FIRST).
     * A panel that closes forgets it: the next one opens short again.
     */
    allMoved = false;
    allPulledIn = false;

    @api
    get row(): RowView | undefined {
        return this.shown;
    }
    set row(row: RowView | undefined) {
        if (!row?.move) this.allMoved = false;
        if (!row?.pullIn) this.allPulledIn = false;
        this.shown = row;
    }

    get moveDependents(): MovedMilestone[] {
        return firstOrAll(this.shown?.move?.dependents, this.allMoved);
    }

    get pullInDependents(): MovedMilestone[] {
        return firstOrAll(this.shown?.pullIn?.dependents, this.allPulledIn);
    }

    get moveToggleLabel(): string {
        return this.allMoved ? 'Show fewer' : (this.shown?.move?.showAllLabel ?? '');
    }

    get pullInToggleLabel(): string {
        return this.allPulledIn ? 'Show fewer' : (this.shown?.pullIn?.showAllLabel ?? '');
    }

    /** aria-expanded is a string attribute: "true" or "false". */
    get movedExpanded(): string {
        return String(this.allMoved);
    }

    get pulledInExpanded(): string {
        return String(this.allPulledIn);
    }

    toggleAllMoved(): void {
        this.allMoved = !this.allMoved;
    }

    toggleAllPulledIn(): void {
        this.allPulledIn = !this.allPulledIn;
    }

    get actions(): RowActionView[] {
        return this.row ? rowActions(this.row) : [];
    }

    private get key(): string {
        return this.row?.key ?? '';
    }

    private emit(name: string, detail?: unknown): void {
        this.dispatchEvent(new CustomEvent(name, { detail }));
    }

    handleAction(event: Event): void {
        const { action } = (event.currentTarget as HTMLElement).dataset;
        if (this.key && action) {
            this.emit('rowaction', { key: this.key, action });
        }
    }

    handleFieldChange(event: CustomEvent<{ value?: unknown; checked?: boolean }>): void {
        const { field } = (event.currentTarget as HTMLElement).dataset;
        const target = event.target as HTMLInputElement;
        let value =
            target.type === 'checkbox' || target.type === 'toggle' ? Boolean(target.checked) : event.detail?.value;
        if (target.type === 'number') {
            // A number input reports text: blank is no value; anything else is checked as a whole number later.
            value = value === '' || value === null || value === undefined ? null : Number(value);
        }
        this.emit('fieldchange', { key: this.key, field, value: value ?? null });
    }

    /**
     * Escape cancels what the row has open: the date-move preview first, then the offer to pull dates in, else the
     * inline edit of a saved milestone (its unsaved edits dropped).
     */
    handleKeydown(event: KeyboardEvent): void {
        const row = this.row;
        if (event.key !== 'Escape' || !row) {
            return;
        }
        if (row.move) {
            event.stopPropagation();
            this.emit('movecancel', { key: row.key });
        } else if (row.pullIn) {
            event.stopPropagation();
            this.emit('pullincancel', { key: row.key });
        } else if (row.isEditing && !row.isNew) {
            event.stopPropagation();
            this.emit('rowaction', { key: row.key, action: 'cancel' });
        }
    }

    handleDateChange(event: CustomEvent<{ value?: string }>): void {
        this.emit('datechange', { key: this.key, value: event.detail?.value || null });
    }

    handleMoveReason(event: CustomEvent<{ value?: string }>): void {
        this.emit('moveinput', { field: 'reason', value: event.detail?.value || null });
    }

    handleMoveNote(event: CustomEvent<{ value?: string }>): void {
        this.emit('moveinput', { field: 'note', value: event.detail?.value || null });
    }

    handleMoveConfirm(): void {
        this.emit('moveconfirm');
    }

    handleMoveCancel(): void {
        this.emit('movecancel');
    }

    handlePullInConfirm(): void {
        this.emit('pullinconfirm');
    }

    handlePullInCancel(): void {
        this.emit('pullincancel');
    }

    /**
     * Puts the focus on the row's control marked `data-focus="<target>"` (its first one enabled), else on its first
     * focusable control. False when the row has none.
     */
    @api
    focusControl(target: string): boolean {
        const enabled = (selector: string) =>
            [...(this.template?.querySelectorAll<HTMLElement & { disabled?: boolean }>(selector) ?? [])].find(
                (element) => !element.disabled
            );
        const control = enabled(`[data-focus="${target}"]`) ?? enabled('[data-focus]');
        control?.focus();
        return Boolean(control);
    }
}

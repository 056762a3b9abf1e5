import { LightningElement, api } from 'lwc';
import { NO_LIST_OPTIONS, rowActions } from 'c/planWorkspaceModel';
import type { ListOptions, RowActionView, RowView } from 'c/planWorkspaceModel';

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
    @api row?: RowView;
    @api options: ListOptions = NO_LIST_OPTIONS;

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

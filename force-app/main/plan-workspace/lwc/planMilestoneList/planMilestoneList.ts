import { LightningElement, api } from 'lwc';
// The user's locale, a BCP 47 tag ("en-US"), for the counts in the summary ("Access Internationalization
// Properties", LWC Developer Guide); the rows come formatted from planWorkspaceModel.
import LOCALE from '@salesforce/i18n/locale';
import { formatNumber } from 'c/planHealth';
import type { ListView, Option, Permissions } from 'c/planWorkspaceModel';

/** The choices the list offers in its inputs, computed once per workspace load. */
export interface ListOptions {
    statuses: Option[];
    phases: Option[];
    sides: Option[];
    slipReasons: Option[];
    buyerOwners: Option[];
    sellerOwners: Option[];
}

/** Row actions the list reports in a `rowaction` event. */
export type RowAction = 'edit' | 'done' | 'cancel' | 'remove' | 'restore' | 'up' | 'down' | 'history' | 'repoint';

const EMPTY_OPTIONS: ListOptions = {
    statuses: [],
    phases: [],
    sides: [],
    slipReasons: [],
    buyerOwners: [],
    sellerOwners: []
};

/** Which control takes the focus after an action re-renders the row, so keyboard users keep their place. */
const FOCUS_AFTER: Record<RowAction, string> = {
    edit: 'first-input',
    done: 'edit',
    cancel: 'edit',
    remove: 'restore',
    restore: 'remove',
    up: 'up',
    down: 'down',
    history: 'history',
    repoint: 'restore'
};

/**
 * The milestones of a plan, grouped by phase: each row with its side, owners, due date, status, buyer confirmation
 * and slip; inline edit of everything a milestone holds; add, remove and reorder; the preview of a date move with its slip
 * reason; and each milestone's date history. Presentational: it renders the view computed by planWorkspaceModel and
 * reports what the user does in events, and the workspace decides.
 *
 * Events (detail): rowaction ({ key, action }), fieldchange ({ key, field, value }), datechange ({ key, value }),
 * moveinput ({ field: 'reason' | 'note', value }), moveconfirm, movecancel, filterchange ({ filter }),
 * add ({ phase }), save, discard.
 */
export default class PlanMilestoneList extends LightningElement {
    @api view?: ListView;
    @api options: ListOptions = EMPTY_OPTIONS;
    @api permissions: Permissions = {};
    @api busy = false;

    private pendingFocus: { key: string; target: string; scroll?: boolean } | null = null;

    get groups() {
        return this.view?.groups ?? [];
    }

    get hasGroups(): boolean {
        return this.groups.length > 0;
    }

    get filters() {
        return (this.view?.filters ?? []).map((filter) => ({
            ...filter,
            className: `slds-button ${filter.variant === 'brand' ? 'slds-button_brand' : 'slds-button_neutral'} filter__button`
        }));
    }

    get canAdd(): boolean {
        return Boolean(this.permissions.canAddMilestones);
    }

    get isDirty(): boolean {
        return Boolean(this.view?.isDirty);
    }

    get hasOrphanErrors(): boolean {
        return (this.view?.orphanErrors.length ?? 0) > 0;
    }

    get summary(): string {
        if (!this.view) {
            return '';
        }
        const count = (n: number) => formatNumber(n, LOCALE);
        const parts = [
            `${count(this.view.overdueCount)} overdue`,
            `${count(this.view.buyerOpenCount)} open buyer items`
        ];
        if (this.view.unconfirmedCount > 0) {
            parts.push(`${count(this.view.unconfirmedCount)} not confirmed by the buyer`);
        }
        return parts.join(' · ');
    }

    get emptyMessage(): string {
        return this.view?.emptyMessage ?? '';
    }

    get hasOverdue(): boolean {
        return (this.view?.overdueCount ?? 0) > 0;
    }

    override renderedCallback(): void {
        if (!this.pendingFocus) {
            return;
        }
        const { key, target, scroll } = this.pendingFocus;
        this.pendingFocus = null;
        const root = this.template?.querySelector(`[data-row="${key}"]`);
        if (scroll) {
            // Centred, so the row is not hidden under the sticky save bar at the bottom.
            root?.scrollIntoView?.({ block: 'center' });
        }
        const enabled = (selector: string) =>
            [...(root?.querySelectorAll<HTMLElement & { disabled?: boolean }>(selector) ?? [])].find(
                (element) => !element.disabled
            );
        (enabled(`[data-focus="${target}"]`) ?? enabled('[data-focus]'))?.focus();
    }

    private emit(name: string, detail?: unknown): void {
        this.dispatchEvent(new CustomEvent(name, { detail }));
    }

    private static data(event: Event): DOMStringMap {
        return (event.currentTarget as HTMLElement).dataset;
    }

    handleFilter(event: Event): void {
        this.emit('filterchange', { filter: PlanMilestoneList.data(event).filter });
    }

    handleRowAction(event: Event): void {
        const { key, action } = PlanMilestoneList.data(event);
        if (!key || !action) {
            return;
        }
        this.pendingFocus = { key, target: FOCUS_AFTER[action as RowAction] ?? action };
        this.emit('rowaction', { key, action });
    }

    handleFieldChange(event: CustomEvent<{ value?: unknown; checked?: boolean }>): void {
        const { key, field } = PlanMilestoneList.data(event);
        const target = event.target as HTMLInputElement;
        let value =
            target.type === 'checkbox' || target.type === 'toggle' ? Boolean(target.checked) : event.detail?.value;
        if (target.type === 'number') {
            // A number input reports text: blank is no value; anything else is checked as a whole number later.
            value = value === '' || value === null || value === undefined ? null : Number(value);
        }
        this.emit('fieldchange', { key, field, value: value ?? null });
    }

    /**
     * Escape cancels what the row has open: the date-move preview first, else the inline edit of a saved milestone
     * (its unsaved edits dropped). The focus goes back to the row's Edit button.
     */
    handleRowKeydown(event: KeyboardEvent): void {
        if (event.key !== 'Escape') {
            return;
        }
        const key = (event.currentTarget as HTMLElement).dataset.row ?? '';
        const row = this.groups.flatMap((group) => group.rows).find((r) => r.key === key);
        if (!row) {
            return;
        }
        if (row.move) {
            event.stopPropagation();
            this.pendingFocus = { key, target: 'date' };
            this.emit('movecancel', { key });
        } else if (row.isEditing && !row.isNew) {
            event.stopPropagation();
            this.pendingFocus = { key, target: FOCUS_AFTER.cancel };
            this.emit('rowaction', { key, action: 'cancel' });
        }
    }

    handleDateChange(event: CustomEvent<{ value?: string }>): void {
        const { key } = PlanMilestoneList.data(event);
        if (key) {
            this.pendingFocus = { key, target: 'move' };
        }
        this.emit('datechange', { key, value: event.detail?.value || null });
    }

    handleMoveReason(event: CustomEvent<{ value?: string }>): void {
        this.emit('moveinput', { field: 'reason', value: event.detail?.value || null });
    }

    handleMoveNote(event: CustomEvent<{ value?: string }>): void {
        this.emit('moveinput', { field: 'note', value: event.detail?.value || null });
    }

    handleMoveConfirm(event: Event): void {
        const { key } = PlanMilestoneList.data(event);
        this.pendingFocus = key ? { key, target: 'date' } : null;
        this.emit('moveconfirm');
    }

    handleMoveCancel(event: Event): void {
        const { key } = PlanMilestoneList.data(event);
        this.pendingFocus = key ? { key, target: 'date' } : null;
        this.emit('movecancel');
    }

    handleAdd(event: Event): void {
        const { phase } = PlanMilestoneList.data(event);
        this.emit('add', { phase: phase || null });
    }

    handleSave(): void {
        this.emit('save');
    }

    handleDiscard(): void {
        this.emit('discard');
    }

    /**
     * Puts the focus on a row's first input: a milestone just added, or (scrolled into view) the first row a save
     * refused.
     */
    @api
    focusRow(key: string, scroll = false): void {
        this.pendingFocus = { key, target: 'first-input', scroll };
    }
}

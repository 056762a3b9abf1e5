import { LightningElement, api } from 'lwc';
// The user's locale, a BCP 47 tag ("en-US"), for the counts in the summary ("Access Internationalization
// Properties", LWC Developer Guide); the rows come formatted from planWorkspaceModel.
import LOCALE from '@salesforce/i18n/locale';
import { formatNumber } from 'c/planHealth';
import { NO_LIST_OPTIONS } from 'c/planWorkspaceModel';
import type { ListOptions, ListView, MilestoneAction, Permissions } from 'c/planWorkspaceModel';
import type { RowEventDetail } from 'c/planMilestoneGroup';

/** The choices the list offers in its inputs, computed once per workspace load. */
export type { ListOptions };

/** Row actions the list reports in a `rowaction` event. */
export type RowAction = MilestoneAction;

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

/** The control of the row that takes the focus after a row's event; null: the focus stays where it is. */
function focusAfter(type: string, detail: { action?: RowAction } | null): string | null {
    switch (type) {
        case 'rowaction':
            return detail?.action ? (FOCUS_AFTER[detail.action] ?? detail.action) : null;
        case 'datechange':
            return 'move';
        case 'moveconfirm':
        case 'movecancel':
        case 'pullinconfirm':
        case 'pullincancel':
            return 'date';
        default:
            return null;
    }
}

/**
 * The milestones of a plan, grouped by phase: the filters, the counts, add, the warning when the plan has more
 * milestones than the admin's limit, the errors of milestones not shown, and the unsaved-changes bar docked at the
 * bottom; each phase is a c-plan-milestone-group and each milestone a c-plan-milestone-row (its facts, inline edit,
 * reordering, the preview of a date move with its slip reason, its date history). Presentational: it renders the view computed by planWorkspaceModel and
 * reports what the user does in events, and the workspace decides. A phase is handed the same `GroupView` object while
 * none of its rows changed, and a row the same `RowView` object while its milestone is unchanged, so an edit
 * re-renders only the phase and the rows it changed.
 *
 * Events (detail): rowaction ({ key, action }), fieldchange ({ key, field, value }), datechange ({ key, value }),
 * moveinput ({ field: 'reason' | 'note', value }), moveconfirm, movecancel, pullinconfirm, pullincancel,
 * filterchange ({ filter }), add ({ phase }), save, discard.
 */
export default class PlanMilestoneList extends LightningElement {
    @api view?: ListView;
    @api options: ListOptions = NO_LIST_OPTIONS;
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

    /** What the status region announces: the save bar's count of unsaved changes, nothing once none is left. */
    get changeStatus(): string {
        return this.isDirty ? (this.view?.changeLabel ?? '') : '';
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

    /** The plan has more milestones than the admin's limit: why that matters, below the add button. */
    get sizeWarning(): string | null {
        return this.view?.sizeWarning?.message ?? null;
    }

    /** The same, short, in the unsaved-changes bar, which stays in view while the user adds milestones. */
    get sizeNote(): string | null {
        return this.isDirty ? (this.view?.sizeWarning?.note ?? null) : null;
    }

    get hasOverdue(): boolean {
        return (this.view?.overdueCount ?? 0) > 0;
    }

    override renderedCallback(): void {
        this.applyPendingFocus();
    }

    /** Gives the pending focus to its row, in whichever phase shows it; false when no phase shows that row yet. */
    private applyPendingFocus(): boolean {
        if (!this.pendingFocus) {
            return false;
        }
        const { key, target, scroll } = this.pendingFocus;
        this.pendingFocus = null;
        const phases = this.template?.querySelectorAll<
            HTMLElement & { focusRow(key: string, target: string, scroll?: boolean): boolean }
        >('c-plan-milestone-group');
        return [...(phases ?? [])].some((phase) => phase.focusRow(key, target, scroll));
    }

    private emit(name: string, detail?: unknown): void {
        this.dispatchEvent(new CustomEvent(name, { detail }));
    }

    handleFilter(event: Event): void {
        this.emit('filterchange', { filter: (event.currentTarget as HTMLElement).dataset.filter });
    }

    /**
     * What a row reports (c-plan-milestone-row, through its phase's c-plan-milestone-group), passed on as the list's
     * own event with the same type and detail; an action that re-renders the row first notes which of its controls
     * takes the focus once it has.
     */
    handleRowEvent(event: CustomEvent<RowEventDetail>): void {
        const { key, type, detail } = event.detail;
        const target = focusAfter(type, detail as { action?: RowAction } | null);
        if (key && target) {
            this.pendingFocus = { key, target };
        }
        this.emit(type, detail);
    }

    handleAdd(event: Event): void {
        const { phase } = (event.currentTarget as HTMLElement).dataset;
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
     * refused, or a milestone chosen on the timeline. A row already shown takes it at once; a new one once rendered.
     */
    @api
    focusRow(key: string, scroll = false): void {
        const pending = { key, target: 'first-input', scroll };
        this.pendingFocus = pending;
        if (!this.applyPendingFocus()) {
            this.pendingFocus = pending;
        }
    }
}

import { LightningElement, api } from 'lwc';
import { NO_LIST_OPTIONS } from 'c/planWorkspaceModel';
import type { GroupView, ListOptions, RowView } from 'c/planWorkspaceModel';

/** What a row reports, with the key of the row that reported it (see handleRowEvent). */
export interface RowEventDetail {
    key: string;
    type: string;
    detail: unknown;
}

/**
 * The milestones of one phase: its heading with what it has done ("2 of 5 complete"), then a c-plan-milestone-row
 * for each. Its own component so that an edit re-renders the phase it touched: the list hands each phase the same
 * `GroupView` object while none of its rows changed (keepUnchangedRows), and a phase handed the object it had is not
 * rendered again ("Public Properties", LWC Developer Guide), so the rows of the other phases are not even compared.
 *
 * Events: rowevent ({ key, type, detail }), for each event of a row (see c-plan-milestone-row): its type and detail,
 * and the key of the row, which events such as moveconfirm do not carry; not bubbling.
 */
export default class PlanMilestoneGroup extends LightningElement {
    @api group?: GroupView;
    @api options: ListOptions = NO_LIST_OPTIONS;

    /** How many rows the phase holds, for the height it is given until first rendered (see the stylesheet). */
    get sizeStyle(): string {
        return `--phase-rows: ${this.group?.rows.length ?? 0}`;
    }

    /** A phase with a row open for editing is not contained (see the stylesheet), nor is that row. */
    get phaseClass(): string {
        return this.group?.rows.some((row) => row.isEditing) ? 'phase phase_editing' : 'phase';
    }

    get items(): { row: RowView; className: string }[] {
        return (this.group?.rows ?? []).map((row) => ({
            row,
            className: row.isEditing ? 'phase__item phase__item_editing' : 'phase__item'
        }));
    }

    handleRowEvent(event: CustomEvent): void {
        const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
        const detail: RowEventDetail = { key, type: event.type, detail: event.detail };
        this.dispatchEvent(new CustomEvent('rowevent', { detail }));
    }

    /**
     * Puts the focus on control `target` of the row `key` (see c-plan-milestone-row's focusControl), scrolled to the
     * middle of the view first when `scroll`. False when the phase does not show that row.
     */
    @api
    focusRow(key: string, target: string, scroll = false): boolean {
        const item = this.template?.querySelector(`[data-row="${key}"]`);
        if (!item) {
            return false;
        }
        if (scroll) {
            // Centred, so the row is not hidden under the save bar docked at the bottom.
            item.scrollIntoView?.({ block: 'center' });
        }
        item.querySelector<HTMLElement & { focusControl(target: string): boolean }>(
            'c-plan-milestone-row'
        )?.focusControl(target);
        return true;
    }
}

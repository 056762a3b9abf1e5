/**
 * The action buttons of a milestone row, in the order they show: Done or Edit, Move up, Move down (for a user who
 * may edit it), then Remove or Restore (for one who may delete it). Each is an SLDS icon button whose glyph the
 * row's stylesheet draws from its `data-action`: no icon element, so 60 rows of four buttons stay light.
 */
import type { RowView } from './milestoneRow';

/** The row actions a button reports (the list also reports `cancel`, `history` and `repoint`). */
export type ButtonAction = 'done' | 'edit' | 'up' | 'down' | 'restore' | 'remove';

export interface RowActionView {
    action: ButtonAction;
    /** Read by screen readers: the action and the milestone's name. */
    label: string;
    /** Shown on hover. */
    title: string;
    disabled: boolean;
}

function button(action: ButtonAction, label: string, title: string, disabled = false): RowActionView {
    return { action, label, title, disabled };
}

export function rowActions(row: RowView): RowActionView[] {
    const actions: RowActionView[] = [];
    if (row.canEdit) {
        if (row.showDone) actions.push(button('done', row.doneLabel, 'Done editing'));
        if (row.showEdit) actions.push(button('edit', row.editLabel, 'Edit this milestone'));
        actions.push(button('up', row.upLabel, 'Move up', row.cannotMoveUp));
        actions.push(button('down', row.downLabel, 'Move down', row.cannotMoveDown));
    }
    if (row.canDelete) {
        actions.push(
            row.isDeleted
                ? button('restore', row.restoreLabel, 'Keep this milestone')
                : button('remove', row.deleteLabel, 'Remove')
        );
    }
    return actions;
}

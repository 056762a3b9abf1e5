/**
 * The action buttons of a milestone row, in the order they show: Done or Edit, Move up, Move down (for a user who
 * may edit it), then Remove or Restore (for one who may delete it). Each button is an SLDS icon button drawing its
 * own line glyph, so the row renders them with one block of markup.
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
    /** The glyph: an SVG path drawn in a 24 × 24 box with round strokes. */
    path: string;
}

const GLYPHS: Record<ButtonAction, string> = {
    done: 'M5 13l4 4L19 7',
    edit: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
    up: 'M12 19V5M5 12l7-7 7 7',
    down: 'M12 5v14M5 12l7 7 7-7',
    restore: 'M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-4',
    remove: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6'
};

function button(action: ButtonAction, label: string, title: string, disabled = false): RowActionView {
    return { action, label, title, disabled, path: GLYPHS[action] };
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

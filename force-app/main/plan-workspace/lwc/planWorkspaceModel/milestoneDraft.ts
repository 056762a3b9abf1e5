/**
 * The draft: the user's unsaved work. Changed fields per saved milestone (only those that differ from the saved
 * value), new milestones, deleted ones, and an explicit order once the user reorders. Every function returns a new
 * draft and never changes the one it is given, so a failed save leaves the user's edits as they were.
 */
import { involvesBuyer, OPEN } from './milestoneStatus';
import type { MilestoneInfo, Workspace } from './workspaceTypes';

function blankToNull(value: unknown): unknown {
    return value === '' || value === undefined ? null : value;
}

/** Whether two values of one field are the same value to save: a blank text and no value are the same. */
function sameFieldValue(a: unknown, b: unknown): boolean {
    return blankToNull(a) === blankToNull(b);
}

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

/**
 * Every field the workspace edits, once, with its value on a blank milestone: a saved milestone's missing value
 * reads as this, and a new milestone starts from it.
 */
export const BLANK_MILESTONE: Readonly<MilestoneValues> = Object.freeze({
    name: '',
    description: null,
    phase: null,
    side: null,
    buyerOwnerId: null,
    sellerOwnerId: null,
    dueDate: null,
    status: OPEN,
    buyerConfirmed: false,
    durationDays: null,
    dependsOnId: null,
    marksClose: false,
    slipReason: null,
    slipNote: null
});

export const EDITABLE_FIELDS = Object.freeze(Object.keys(BLANK_MILESTONE) as EditableField[]);

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
    const values: Record<string, unknown> = {};
    for (const field of EDITABLE_FIELDS) {
        values[field] = milestone[field] ?? BLANK_MILESTONE[field];
    }
    return values as unknown as MilestoneValues;
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
    if (sameFieldValue(savedValues(saved)[field], normalized)) {
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
        ...BLANK_MILESTONE,
        side,
        buyerOwnerId: involvesBuyer(side) ? (workspace.plan?.buyerLeadId ?? null) : null,
        sellerOwnerId: side === 'Buyer' ? null : workspace.currentUserId || null,
        dueDate: workspace.plan?.targetDate ?? null,
        durationDays: 1,
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

/**
 * The fixtures the model's tests share: the workspace of __tests__/data/workspace.json, the Ids of its milestones
 * (M), buyer contacts (C) and users (U), and a milestone as the model sees it once the draft is applied.
 */
import type { EffectiveMilestone } from '../effectiveMilestones';
import { normalizeWorkspace } from '../workspaceTypes';
import type { Workspace } from '../workspaceTypes';

const FIXTURE = jest.requireActual<Workspace>('./data/workspace.json');

/** A fresh copy of the fixture: an Active plan of 8 milestones, today 2026-03-02 (a Monday). */
export function workspace(change: (w: Workspace) => void = () => undefined): Workspace {
    const copy = normalizeWorkspace(JSON.parse(JSON.stringify(FIXTURE)) as Workspace);
    change(copy);
    return copy;
}

export const M = (n: number) => `a02000000000${String(n).padStart(3, '0')}AAA`;
export const C = (n: number) => `003000000000${String(n).padStart(3, '0')}AAA`;
export const U = (n: number) => `005000000000${String(n).padStart(3, '0')}AAA`;

export function milestone(values: Partial<EffectiveMilestone> & { key: string }): EffectiveMilestone {
    return {
        name: values.key,
        description: null,
        phase: null,
        side: 'Seller',
        buyerOwnerId: null,
        sellerOwnerId: null,
        dueDate: '2026-03-10',
        status: 'Not Started',
        buyerConfirmed: false,
        durationDays: 1,
        dependsOnId: null,
        marksClose: false,
        slipReason: null,
        slipNote: null,
        id: values.key,
        saved: null,
        isNew: false,
        isDeleted: false,
        changedFields: [],
        baselineDate: null,
        slipDays: null,
        ...values
    };
}

import {
    addMilestone,
    changeCount,
    EMPTY_DRAFT,
    isDirty,
    removeMilestone,
    restoreMilestone,
    setField,
    setFields
} from '../milestoneDraft';
import type { Draft } from '../milestoneDraft';
import { moveMilestone } from '../phaseGroups';
import type { Workspace } from '../workspaceTypes';
import { C, M, U, workspace } from './workspaceFixture';

describe('the draft', () => {
    it('records a changed field and forgets it when set back to the saved value', () => {
        const w = workspace();
        const changed = setField(EMPTY_DRAFT, w, M(3), 'status', 'In Progress');
        expect(changed.changes).toEqual({ [M(3)]: { status: 'In Progress' } });
        expect(isDirty(changed)).toBe(true);
        const reverted = setField(changed, w, M(3), 'status', 'Not Started');
        expect(reverted.changes).toEqual({});
        expect(isDirty(reverted)).toBe(false);
    });

    it('treats blank as no value', () => {
        const w = workspace();
        const cleared = setField(EMPTY_DRAFT, w, M(3), 'sellerOwnerId', '');
        expect(cleared.changes[M(3)]).toEqual({ sellerOwnerId: null });
        const unchanged = setField(EMPTY_DRAFT, w, M(5), 'buyerOwnerId', '');
        expect(unchanged.changes).toEqual({});
    });

    it('never changes the draft it is given', () => {
        const w = workspace();
        const before = JSON.stringify(EMPTY_DRAFT);
        setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked');
        addMilestone(EMPTY_DRAFT, w);
        expect(JSON.stringify(EMPTY_DRAFT)).toBe(before);
    });

    it('ignores a key that is neither saved nor added', () => {
        expect(setField(EMPTY_DRAFT, workspace(), 'nope', 'status', 'Blocked')).toBe(EMPTY_DRAFT);
    });

    it('sets several fields at once', () => {
        const draft = setFields(EMPTY_DRAFT, workspace(), M(4), { dueDate: '2026-03-16', slipReason: 'Other' });
        expect(draft.changes[M(4)]).toEqual({ dueDate: '2026-03-16', slipReason: 'Other' });
    });

    it('adds blank milestones owned on the seller side by the current user, with keys of their own', () => {
        const w = workspace();
        const first = addMilestone(EMPTY_DRAFT, w);
        const second = addMilestone(first.draft, w, { side: 'Buyer', phase: 'Legal' });
        expect(first.key).toBe('new-1');
        expect(second.key).toBe('new-2');
        expect(second.draft.added[0].values).toMatchObject({
            name: '',
            side: 'Seller',
            sellerOwnerId: U(1),
            status: 'Not Started',
            dueDate: '2026-03-31'
        });
        expect(second.draft.added[1].values).toMatchObject({ side: 'Buyer', sellerOwnerId: null, phase: 'Legal' });
    });

    it("gives a new buyer-side milestone the plan's buyer lead as owner until the user names someone", () => {
        const w = workspace();
        const lead = w.plan?.buyerLeadId;
        expect(addMilestone(EMPTY_DRAFT, w, { side: 'Buyer' }).draft.added[0].values.buyerOwnerId).toBe(lead);
        expect(addMilestone(EMPTY_DRAFT, w, { side: 'Joint' }).draft.added[0].values.buyerOwnerId).toBe(lead);
        expect(addMilestone(EMPTY_DRAFT, w).draft.added[0].values.buyerOwnerId).toBeNull();
        const { draft, key } = addMilestone(EMPTY_DRAFT, w);
        expect(setField(draft, w, key, 'side', 'Joint').added[0].values.buyerOwnerId).toBe(lead);
        const chosen = setField(setField(draft, w, key, 'buyerOwnerId', C(3)), w, key, 'side', 'Buyer');
        expect(chosen.added[0].values.buyerOwnerId).toBe(C(3));
        const noLead = { ...w, plan: { ...(w.plan as NonNullable<typeof w.plan>), buyerLeadId: null } };
        expect(addMilestone(EMPTY_DRAFT, noLead, { side: 'Buyer' }).draft.added[0].values.buyerOwnerId).toBeNull();
    });

    it('edits an added milestone in place', () => {
        const w = workspace();
        const { draft, key } = addMilestone(EMPTY_DRAFT, w);
        const named = setField(draft, w, key, 'name', 'Buyer procurement issues the PO');
        expect(named.added[0].values.name).toBe('Buyer procurement issues the PO');
        expect(named.changes).toEqual({});
    });

    it('removes an added milestone outright and marks a saved one for deletion', () => {
        const w = workspace();
        const { draft, key } = addMilestone(EMPTY_DRAFT, w);
        expect(removeMilestone(draft, key).added).toEqual([]);
        const deleted = removeMilestone(EMPTY_DRAFT, M(7));
        expect(deleted.deleted).toEqual([M(7)]);
        expect(removeMilestone(deleted, M(7))).toBe(deleted);
        expect(restoreMilestone(deleted, M(7)).deleted).toEqual([]);
        expect(restoreMilestone(EMPTY_DRAFT, M(7))).toBe(EMPTY_DRAFT);
    });

    it('drops a removed new milestone from an explicit order too', () => {
        const w = workspace();
        const reordered = moveMilestone(EMPTY_DRAFT, w, M(8), 'up');
        const { draft, key } = addMilestone(reordered, w);
        expect(draft.order).toContain(key);
        expect(removeMilestone(draft, key).order).not.toContain(key);
    });

    it.each<[string, (w: Workspace) => Draft, number, boolean]>([
        ['nothing', () => EMPTY_DRAFT, 0, false],
        ['one change', (w) => setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked'), 1, true],
        [
            'two fields of one milestone',
            (w) => setFields(EMPTY_DRAFT, w, M(3), { status: 'Blocked', buyerConfirmed: true }),
            1,
            true
        ],
        [
            'a change and a delete',
            (w) => removeMilestone(setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked'), M(4)),
            2,
            true
        ],
        [
            'a delete of a changed milestone',
            (w) => removeMilestone(setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked'), M(3)),
            1,
            true
        ],
        ['an added milestone', (w) => addMilestone(EMPTY_DRAFT, w).draft, 1, true],
        ['a new order only', (w) => moveMilestone(EMPTY_DRAFT, w, M(8), 'up'), 0, true]
    ])('counts %s as changed milestones, and knows whether anything is unsaved', (_, make, count, dirty) => {
        const draft = make(workspace());
        expect(changeCount(draft)).toBe(count);
        expect(isDirty(draft)).toBe(dirty);
    });
});

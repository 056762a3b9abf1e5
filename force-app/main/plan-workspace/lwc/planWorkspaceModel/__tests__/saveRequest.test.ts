import { addMilestone, EMPTY_DRAFT, removeMilestone, setField, setFields } from '../milestoneDraft';
import { moveMilestone } from '../phaseGroups';
import { loadedRevisions, savePayload } from '../saveRequest';
import { C, M, workspace } from './workspaceFixture';

describe('editing what a milestone waits on, its duration and what done means', () => {
    it('sends a saved milestone that now waits on a new one with the new one named by key', () => {
        const w = workspace();
        const added = addMilestone(EMPTY_DRAFT, w, { phase: 'Validation' });
        let draft = setField(added.draft, w, added.key, 'name', 'Buyer IT confirms single sign-on');
        draft = setField(draft, w, added.key, 'dueDate', '2026-03-20');
        draft = setField(draft, w, M(3), 'dependsOnId', added.key);
        const sent = savePayload(w, draft).milestones.find((m) => m.key === M(3));
        expect(sent).toMatchObject({ id: M(3), dependsOnId: null, dependsOnKey: added.key });
        expect(sent?.changedFields).toEqual(['dependsOnId']);
    });
});

describe('save payloads', () => {
    it('sends only the changed fields of saved milestones', () => {
        const w = workspace();
        const draft = setFields(EMPTY_DRAFT, w, M(4), {
            dueDate: '2026-03-18',
            slipReason: 'Legal review',
            slipNote: ''
        });
        expect(savePayload(w, draft)).toEqual({
            milestones: [
                {
                    key: M(4),
                    id: M(4),
                    dueDate: '2026-03-18',
                    slipReason: 'Legal review',
                    changedFields: ['dueDate', 'slipReason']
                }
            ],
            deletedIds: [],
            loaded: loadedRevisions(w)
        });
    });

    it('sends a cleared field as null', () => {
        const w = workspace();
        const draft = setField(EMPTY_DRAFT, w, M(3), 'sellerOwnerId', null);
        expect(savePayload(w, draft).milestones[0]).toEqual({
            key: M(3),
            id: M(3),
            sellerOwnerId: null,
            changedFields: ['sellerOwnerId']
        });
    });

    it('sends every field of a new milestone, ordered after the saved ones', () => {
        const w = workspace();
        const added = addMilestone(EMPTY_DRAFT, w, { phase: 'Legal', side: 'Buyer', dueDate: '2026-03-16' });
        const draft = setFields(added.draft, w, added.key, { name: ' Buyer legal approves ', buyerOwnerId: C(3) });
        const [input] = savePayload(w, draft).milestones;
        expect(input).toEqual({
            key: 'new-1',
            id: null,
            name: ' Buyer legal approves ',
            description: null,
            phase: 'Legal',
            side: 'Buyer',
            buyerOwnerId: C(3),
            sellerOwnerId: null,
            dueDate: '2026-03-16',
            status: 'Not Started',
            buyerConfirmed: false,
            durationDays: 1,
            dependsOnId: null,
            marksClose: false,
            slipReason: null,
            slipNote: null,
            sortOrder: 9
        });
    });

    it('renumbers the order as shown once the user reordered, sending only what changed', () => {
        const w = workspace();
        const draft = moveMilestone(EMPTY_DRAFT, w, M(8), 'up');
        expect(savePayload(w, draft).milestones).toEqual([
            { key: M(8), id: M(8), sortOrder: 7, changedFields: ['sortOrder'] },
            { key: M(7), id: M(7), sortOrder: 8, changedFields: ['sortOrder'] }
        ]);
    });

    it('places a new milestone within its phase once the order is explicit', () => {
        const w = workspace();
        const reordered = moveMilestone(EMPTY_DRAFT, w, M(8), 'up');
        const { draft } = addMilestone(reordered, w, { name: 'Buyer legal approves', phase: 'Legal' });
        const payload = savePayload(w, draft).milestones;
        expect(payload.find((m) => m.key === 'new-1')?.sortOrder).toBe(6);
        expect(payload.find((m) => m.key === M(6))).toEqual({
            key: M(6),
            id: M(6),
            sortOrder: 7,
            changedFields: ['sortOrder']
        });
    });

    it('sends deletions of saved milestones and nothing else for them', () => {
        const w = workspace();
        const draft = removeMilestone(setField(EMPTY_DRAFT, w, M(7), 'status', 'Blocked'), M(7));
        expect(savePayload(w, draft)).toEqual({ milestones: [], deletedIds: [M(7)], loaded: loadedRevisions(w) });
        expect(savePayload(w, { ...EMPTY_DRAFT, deleted: ['gone'] }).deletedIds).toEqual([]);
    });

    it('sends nothing for an empty draft', () => {
        const w = workspace();
        expect(savePayload(w, EMPTY_DRAFT)).toEqual({ milestones: [], deletedIds: [], loaded: loadedRevisions(w) });
    });

    it('sends the revisions the screen was built from, so the server can refuse a save from a stale screen', () => {
        const w = workspace();
        w.plan = { ...(w.plan as NonNullable<typeof w.plan>), revision: 12 };
        w.milestones = w.milestones.map((m, i) => ({ ...m, revision: i + 1 }));
        const { loaded } = savePayload(w, EMPTY_DRAFT);
        expect(loaded.plan).toBe(12);
        expect(Object.keys(loaded.milestones)).toEqual(w.milestones.map((m) => m.id));
        expect(loaded.milestones[M(3)]).toBe(3);
        expect(loadedRevisions({ ...w, milestones: [{ ...w.milestones[0], revision: undefined }] }).milestones).toEqual(
            {
                [M(1)]: null
            }
        );
    });
});

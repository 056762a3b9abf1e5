import { effectiveMilestones, repointDependents } from '../effectiveMilestones';
import type { EffectiveMilestone } from '../effectiveMilestones';
import { buildListView } from '../listView';
import { addMilestone, EMPTY_DRAFT, removeMilestone, setField } from '../milestoneDraft';
import type { Draft } from '../milestoneDraft';
import { savePayload } from '../saveRequest';
import { EMPTY_UI } from '../uiState';
import { M, workspace } from './workspaceFixture';

describe('effective milestones', () => {
    it('applies changes over the saved values and recomputes the slip of a moved date', () => {
        const w = workspace();
        const draft = setField(EMPTY_DRAFT, w, M(4), 'dueDate', '2026-03-18');
        const m4 = effectiveMilestones(w, draft).find((m) => m.key === M(4)) as EffectiveMilestone;
        expect(m4.dueDate).toBe('2026-03-18');
        expect(m4.changedFields).toEqual(['dueDate']);
        expect(m4.slipDays).toBe(3); // Friday to the Wednesday after: three working days, as Slip_Days__c counts
        expect(m4.saved?.dueDate).toBe('2026-03-13');
    });

    it('keeps the saved slip of an untouched milestone', () => {
        const m2 = effectiveMilestones(workspace(), EMPTY_DRAFT)[1];
        expect(m2.slipDays).toBe(2);
    });

    it('keeps a moved milestone without baseline unslipped', () => {
        const w = workspace((x) => (x.milestones[2].baselineDate = null));
        const m3 = effectiveMilestones(w, setField(EMPTY_DRAFT, w, M(3), 'dueDate', '2026-03-09'))[2];
        expect(m3.slipDays).toBe(0);
    });

    it('marks deleted milestones and appends added ones', () => {
        const w = workspace();
        const { draft } = addMilestone(removeMilestone(EMPTY_DRAFT, M(2)), w);
        const all = effectiveMilestones(w, draft);
        expect(all).toHaveLength(9);
        expect(all[1].isDeleted).toBe(true);
        expect(all[8]).toMatchObject({ key: 'new-1', isNew: true, id: null });
    });

    it('follows the explicit order, with unknown keys last', () => {
        const w = workspace();
        const draft: Draft = { ...EMPTY_DRAFT, order: [M(2), M(1)] };
        expect(effectiveMilestones(w, draft).map((m) => m.key)).toEqual([
            M(2),
            M(1),
            M(3),
            M(4),
            M(5),
            M(6),
            M(7),
            M(8)
        ]);
    });
});

describe('removing a milestone that others wait on', () => {
    function rowOf(draft: Draft, key: string) {
        const w = workspace();
        const listView = buildListView(w, draft, EMPTY_UI, null, 'en-US');
        return listView.groups.flatMap((group) => group.rows).find((row) => row.key === key);
    }

    it("re-points them to the removed milestone's predecessor, which then saves with the removal", () => {
        const w = workspace();
        const draft = repointDependents(removeMilestone(EMPTY_DRAFT, M(4)), w, M(4));
        expect(draft.changes[M(5)]).toEqual({ dependsOnId: M(3) });
        expect(rowOf(draft, M(4))?.removalWarning).toBeNull();
        expect(savePayload(w, draft)).toMatchObject({
            milestones: [{ id: M(5), dependsOnId: M(3), changedFields: ['dependsOnId'] }],
            deletedIds: [M(4)]
        });
    });
});

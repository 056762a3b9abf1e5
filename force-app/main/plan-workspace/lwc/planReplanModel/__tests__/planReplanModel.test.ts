import { applyReplan, replanOffer, replanReasonProblem } from 'c/planReplanModel';
import { EMPTY_DRAFT, effectiveMilestones, normalizeWorkspace, savePayload, setField } from 'c/planWorkspaceModel';
import type { Workspace } from 'c/planWorkspaceModel';

const FIXTURE = jest.requireActual<Workspace>('../../planWorkspaceModel/__tests__/data/workspace.json');
const M = (n: number) => `a02000000000${String(n).padStart(3, '0')}AAA`;

/** The fixture: an Active plan due Tue Mar 31, 2026; today Mon Mar 2; M(1) complete, M(2)-M(8) open. */
function workspace(change: (w: Workspace) => void = () => undefined): Workspace {
    const copy = normalizeWorkspace(JSON.parse(JSON.stringify(FIXTURE)) as Workspace);
    change(copy);
    return copy;
}

describe('re-planning to a new target date', () => {
    it('moves every open milestone by the working days the target moved, and leaves done ones', () => {
        const w = workspace();
        // Tue Mar 31 to Tue Apr 14: 10 working days later.
        const offer = replanOffer(w, EMPTY_DRAFT, '2026-03-31', '2026-04-14', 'en-US');
        expect(offer?.days).toBe(10);
        expect(offer?.summary).toBe(
            "The buyer's target date moved from Mar 31, 2026 to Apr 14, 2026, 10 working days later."
        );
        expect(offer?.moves.map((move) => move.key)).toEqual([M(2), M(3), M(4), M(5), M(6), M(7), M(8)]);
        // Fri Mar 6 plus 10 working days is Fri Mar 20; Thu Mar 19 (the signature) is Thu Apr 2.
        expect(offer?.moves.find((move) => move.key === M(3))).toMatchObject({
            from: '2026-03-06',
            to: '2026-03-20',
            fromLabel: 'Mar 6, 2026',
            toLabel: 'Mar 20, 2026',
            needsReason: true,
            inPast: false
        });
        expect(offer?.moves.find((move) => move.key === M(6))?.to).toBe('2026-04-02');
        expect(offer?.needsReason).toBe(true);
        expect(offer?.pastWarning).toBeNull();
    });

    it('pulls them in when the target comes earlier, warns about dates that would fall before today, asks no reason', () => {
        const w = workspace();
        const offer = replanOffer(w, EMPTY_DRAFT, '2026-03-31', '2026-03-17', 'en-US');
        expect(offer?.days).toBe(-10);
        expect(offer?.summary).toContain('10 working days earlier');
        expect(offer?.needsReason).toBe(false);
        // Due Fri Feb 27, Fri Mar 6 and Fri Mar 13: ten working days earlier, all three fall before Mon Mar 2.
        expect(offer?.pastWarning).toBe(
            '3 milestones would then be due before today and overdue at once: “Buyer IT completes technical validation”, “Seller delivers the business case”, “Buyer security team completes the review”.'
        );
    });

    it('offers nothing when the target did not move by a working day, or nothing open has a date', () => {
        const w = workspace();
        // Sat Apr 4 to Sun Apr 5: no working day between them.
        expect(replanOffer(w, EMPTY_DRAFT, '2026-04-04', '2026-04-05')).toBeNull();
        expect(replanOffer(w, EMPTY_DRAFT, null, '2026-04-14')).toBeNull();
        const allDone = workspace((x) => x.milestones.forEach((m) => (m.status = 'Complete')));
        expect(replanOffer(allDone, EMPTY_DRAFT, '2026-03-31', '2026-04-14')).toBeNull();
    });

    it('starts from the unsaved dates, and puts the new ones in the draft with the reason and a note', () => {
        const w = workspace();
        const edited = setField(EMPTY_DRAFT, w, M(8), 'dueDate', '2026-04-01');
        const offer = replanOffer(w, edited, '2026-03-31', '2026-04-14', 'en-US');
        expect(offer?.moves.find((move) => move.key === M(8))?.to).toBe('2026-04-15');
        expect(replanReasonProblem(offer!, null)).toBe('Choose why the dates move later: the slip history keeps it.');
        expect(replanReasonProblem(offer!, 'Buyer availability')).toBeNull();

        const draft = applyReplan(edited, w, offer!, 'Buyer availability', 'Board meeting moved', 'en-US');
        const after = new Map(effectiveMilestones(w, draft).map((m) => [m.key, m]));
        expect(after.get(M(8))?.dueDate).toBe('2026-04-15');
        expect(after.get(M(1))?.dueDate).toBe('2026-02-20');
        expect(after.get(M(3))).toMatchObject({
            dueDate: '2026-03-20',
            slipReason: 'Buyer availability',
            slipNote: "Board meeting moved. Re-planned to the buyer's new target date (Mar 31, 2026 → Apr 14, 2026)"
        });
        // Saved as ordinary edits: only what changed.
        const sent = savePayload(w, draft).milestones.find((m) => m.key === M(3));
        expect(sent?.changedFields).toEqual(['dueDate', 'slipReason', 'slipNote']);
    });
});

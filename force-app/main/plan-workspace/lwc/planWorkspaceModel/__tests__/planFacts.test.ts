import { setField, EMPTY_DRAFT } from '../milestoneDraft';
import { lateLandingMessage, openMilestoneNames, overdueMilestoneNames } from '../planFacts';
import { M, workspace } from './workspaceFixture';

describe('what the header says of the milestones', () => {
    it('names the saved milestones still open, and those overdue', () => {
        const w = workspace();
        expect(openMilestoneNames(w)).toHaveLength(7);
        expect(openMilestoneNames(w)).not.toContain('Buyer confirms success criteria');
        expect(overdueMilestoneNames(w)).toEqual(['Buyer IT completes technical validation']);
        expect(openMilestoneNames(null)).toEqual([]);
        expect(overdueMilestoneNames(null)).toEqual([]);
    });

    it('says when the plan, unsaved edits included, no longer lands by the target date', () => {
        const w = workspace();
        expect(lateLandingMessage(w, EMPTY_DRAFT, 'en-US')).toBeNull();
        const late = setField(EMPTY_DRAFT, w, M(8), 'dueDate', '2026-04-03');
        expect(lateLandingMessage(w, late, 'en-US')).toBe(
            "The plan no longer lands by the buyer's target date (Mar 31, 2026): “Buyer reaches first value” is due " +
                'Apr 3, 2026, 3 working days later. To land on time, pull in the milestones before it, or agree a new ' +
                'target date with the buyer.'
        );
        expect(
            lateLandingMessage(
                workspace((x) => (x.plan = null)),
                late,
                'en-US'
            )
        ).toBeNull();
        expect(lateLandingMessage(null, late, 'en-US')).toBeNull();
    });
});

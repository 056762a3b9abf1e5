import { buildListView } from '../listView';
import { addMilestone, EMPTY_DRAFT, removeMilestone } from '../milestoneDraft';
import type { Draft } from '../milestoneDraft';
import { PLAN_SIZE_REASON, planSizeLimit, planSizeWarning } from '../planSize';
import { EMPTY_UI } from '../uiState';
import type { Workspace } from '../workspaceTypes';
import { M, workspace } from './workspaceFixture';

const REASON =
    'A buyer follows a shorter plan more easily, and it is easier to keep current: consider merging or dropping steps.';

describe('the plan size limit', () => {
    it.each([
        [20, 20],
        [1, 1],
        [20.7, 20],
        [null, null],
        [undefined, null],
        [0, null],
        [0.5, null],
        [-3, null],
        [Number.NaN, null],
        [Number.POSITIVE_INFINITY, null]
    ])('of a setting of %p is %p', (setting, limit) => {
        expect(planSizeLimit(setting)).toBe(limit);
    });
});

describe('the plan size warning', () => {
    it('says nothing under the limit or at it', () => {
        expect(planSizeWarning(0, 20, 'en-US')).toBeNull();
        expect(planSizeWarning(19, 20, 'en-US')).toBeNull();
        expect(planSizeWarning(20, 20, 'en-US')).toBeNull();
    });

    it('says how many milestones, the limit and why, once the plan has more', () => {
        expect(planSizeWarning(21, 20, 'en-US')).toEqual({
            message: `This plan has 21 milestones, more than the 20 your admin set as the limit. ${REASON}`,
            note: '21 milestones, more than the limit of 20'
        });
        expect(planSizeWarning(24, 20, 'en-US')?.message).toBe(
            'This plan has 24 milestones, more than the 20 your admin set as the limit. A buyer follows a shorter ' +
                'plan more easily, and it is easier to keep current: consider merging or dropping steps.'
        );
        expect(PLAN_SIZE_REASON).toBe(REASON);
    });

    it('says nothing without a limit, however long the plan', () => {
        for (const blank of [null, undefined, 0, -1]) {
            expect(planSizeWarning(500, blank, 'en-US')).toBeNull();
        }
    });

    it('reads well with a limit of one', () => {
        expect(planSizeWarning(1, 1, 'en-US')).toBeNull();
        expect(planSizeWarning(2, 1, 'en-US')).toEqual({
            message: `This plan has 2 milestones, more than the 1 your admin set as the limit. ${REASON}`,
            note: '2 milestones, more than the limit of 1'
        });
    });

    it('writes the numbers in the user’s locale', () => {
        expect(planSizeWarning(1234, 999, 'en-US')?.note).toBe('1,234 milestones, more than the limit of 999');
        expect(planSizeWarning(1234, 999, 'de-DE')?.note).toBe('1.234 milestones, more than the limit of 999');
        expect(planSizeWarning(1234, 999, 'de-DE')?.message).toMatch(
            /^This plan has 1\.234 milestones, more than the 999 /
        );
    });

    it('has no stray symbols: words, digits and punctuation only', () => {
        const warning = planSizeWarning(21, 20, 'en-US');
        expect(`${warning?.message} ${warning?.note}`).toMatch(/^[\w\s.,:]+$/);
    });
});

describe('the plan size warning in the milestone list', () => {
    /** The fixture's plan (8 milestones) with the admin's limit set to `limit`. */
    function limited(limit: number | null, change: (w: Workspace) => void = () => undefined): Workspace {
        return workspace((w) => {
            w.planSizeLimit = limit;
            change(w);
        });
    }

    const warningOf = (w: Workspace, draft: Draft = EMPTY_DRAFT) =>
        buildListView(w, draft, EMPTY_UI, null, 'en-US').sizeWarning?.message ?? null;

    const added = (w: Workspace, count: number, draft: Draft = EMPTY_DRAFT) => {
        let next = draft;
        for (let i = 0; i < count; i++) next = addMilestone(next, w).draft;
        return next;
    };

    it('says nothing while the plan is under the limit or at it', () => {
        expect(warningOf(limited(20))).toBeNull();
        expect(warningOf(limited(8))).toBeNull();
    });

    it('warns as soon as an unsaved new milestone takes the plan over the limit', () => {
        const w = limited(9);
        expect(warningOf(w, added(w, 1))).toBeNull();
        expect(warningOf(w, added(w, 2))).toBe(
            `This plan has 10 milestones, more than the 9 your admin set as the limit. ${REASON}`
        );
    });

    it('does not count milestones marked for removal', () => {
        const w = limited(8);
        const over = added(w, 1);
        expect(warningOf(w, over)).toMatch(/^This plan has 9 milestones/);
        expect(warningOf(w, removeMilestone(over, M(3)))).toBeNull();
        expect(warningOf(w, removeMilestone(removeMilestone(over, M(3)), M(4)))).toBeNull();
    });

    it('warns of a saved plan already over the limit', () => {
        expect(warningOf(limited(7))).toMatch(/^This plan has 8 milestones, more than the 7 /);
    });

    it('says nothing when the limit is blank', () => {
        const w = limited(null);
        expect(warningOf(w, added(w, 30))).toBeNull();
    });

    it('warns only a user who can add or remove milestones', () => {
        const readOnly = limited(7, (w) => (w.permissions = { canReadPlans: true, canEditMilestones: true }));
        expect(warningOf(readOnly)).toBeNull();
        const canRemove = limited(7, (w) => (w.permissions = { canReadPlans: true, canDeleteMilestones: true }));
        expect(warningOf(canRemove)).toMatch(/^This plan has 8 milestones/);
    });

    it('carries a short note for the unsaved-changes bar', () => {
        const w = limited(8);
        expect(buildListView(w, added(w, 1), EMPTY_UI, null, 'en-US').sizeWarning?.note).toBe(
            '9 milestones, more than the limit of 8'
        );
    });
});

import { canFollowWithNewPlan, canOpenCurrentPlan, historyNotice } from '../planSwitcher';
import type { PlanInfo, PlanSummary } from '../workspaceTypes';

const summary = (status: string, isCurrent: boolean, isShown: boolean): PlanSummary => ({
    id: `${status}-${String(isCurrent)}`,
    name: status,
    status,
    isCurrent,
    isShown
});
const plan = (status: string) => ({ id: 'p', name: 'Plan', status }) as PlanInfo;

describe("the opportunity's plans", () => {
    it('says a finished plan is kept as history', () => {
        expect(historyNotice(plan('Completed'))).toBe(
            'This plan was completed. It is kept as history: you can read it, not change it.'
        );
        expect(historyNotice(plan('Cancelled'))).toBe(
            'This plan was cancelled. It is kept as history: you can read it, not change it.'
        );
        expect(historyNotice(null)).toBe('');
    });

    it('offers the way back to the current plan only while history is shown and the current plan is in use', () => {
        expect(canOpenCurrentPlan([summary('Active', true, false), summary('Cancelled', false, true)])).toBe(true);
        expect(canOpenCurrentPlan([summary('Active', true, true)])).toBe(false);
        expect(canOpenCurrentPlan([summary('Completed', true, false), summary('Cancelled', false, true)])).toBe(false);
        expect(canOpenCurrentPlan([])).toBe(false);
    });

    it('lets a new plan follow once the current one is finished', () => {
        expect(canFollowWithNewPlan([summary('Completed', true, true)], plan('Completed'))).toBe(true);
        expect(canFollowWithNewPlan([summary('Active', true, false)], plan('Cancelled'))).toBe(false);
        expect(canFollowWithNewPlan([], plan('Cancelled'))).toBe(true);
        expect(canFollowWithNewPlan([], null)).toBe(false);
    });
});

import { setField, EMPTY_DRAFT } from '../milestoneDraft';
import { impliedCloseMessage, lateLandingMessage, openMilestoneNames, overdueMilestoneNames } from '../planFacts';
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

    describe('what the plan says about the close at the pace agreed', () => {
        const forecast = (
            plan: Record<string, unknown>,
            change: (w: ReturnType<typeof workspace>) => void = () => {}
        ) =>
            workspace((x) => {
                Object.assign(
                    x.plan ?? {},
                    { closeMilestoneId: M(6), criticalPathIds: [M(2), M(3), M(4), M(5), M(6)] },
                    plan
                );
                change(x);
            });

        it('says when the close milestone lands and how far past the close date, with the steps that set it', () => {
            const w = forecast({ impliedClose: '2026-03-24', impliedCloseGapDays: 2, impliedCloseDueGapDays: 3 });
            expect(impliedCloseMessage(w, 'en-US')).toEqual({
                text:
                    'At the pace agreed, “Both sides sign the order form” lands Mar 24, 2026, 2 working days after the ' +
                    'close date. Its due date, Mar 19, 2026, leaves 3 working days too few for the steps before it. ' +
                    'The steps that set this date are marked “Critical path”.',
                isLate: true
            });
        });

        it('says so quietly when the plan lands on or before the close date', () => {
            const early = forecast({ impliedClose: '2026-03-16', impliedCloseGapDays: -4, impliedCloseDueGapDays: -3 });
            expect(impliedCloseMessage(early, 'en-US')).toEqual({
                text:
                    'At the pace agreed, “Both sides sign the order form” lands Mar 16, 2026, 4 working days before ' +
                    'the close date. The steps that set this date are marked “Critical path”.',
                isLate: false
            });
            const onTime = forecast({ impliedClose: '2026-03-20', impliedCloseGapDays: 0, criticalPathIds: [M(6)] });
            expect(impliedCloseMessage(onTime, 'en-US')?.text).toBe(
                'At the pace agreed, “Both sides sign the order form” lands Mar 20, 2026, on the close date.'
            );
            const oneDay = forecast({ impliedClose: '2026-03-23', impliedCloseGapDays: 1, criticalPathIds: [] });
            expect(impliedCloseMessage(oneDay, 'de-DE')?.text).toContain('1 working day after the close date');
        });

        it('says when no milestone marks the close, and nothing once it is done or the plan is history', () => {
            const none = forecast({ impliedClose: null, closeMilestoneId: null, criticalPathIds: [] });
            expect(impliedCloseMessage(none, 'en-US')).toEqual({
                text: 'No milestone marks the close, so the plan cannot say when the deal can be signed.',
                isLate: false
            });
            const signed = forecast({ impliedClose: '2026-03-01' }, (x) => (x.milestones[5].status = 'Complete'));
            expect(impliedCloseMessage(signed, 'en-US')).toBeNull();
            expect(impliedCloseMessage(forecast({ status: 'Cancelled' }), 'en-US')).toBeNull();
            expect(
                impliedCloseMessage(
                    forecast({}, (x) => (x.milestones = [])),
                    'en-US'
                )
            ).toBeNull();
            expect(impliedCloseMessage(null, 'en-US')).toBeNull();
            const uncountable = forecast({
                impliedClose: null,
                forecastProblem: 'The holiday "Lunar new year" recurs as RecursLunar.'
            });
            expect(impliedCloseMessage(uncountable, 'en-US')).toEqual({
                text: 'The plan cannot say when the deal can be signed: The holiday "Lunar new year" recurs as RecursLunar.',
                isLate: false
            });
        });
    });
});

import { effectiveMilestones } from '../effectiveMilestones';
import { EMPTY_DRAFT, removeMilestone, setField } from '../milestoneDraft';
import { timelineView } from '../timeline';
import type { TimelineInput } from '../timeline';
import type { Workspace } from '../workspaceTypes';
import { M, workspace } from './workspaceFixture';

// The fixture's plan (today Mon Mar 2, 2026; target Mar 31; close date Mar 20): eight milestones in a chain, M(6)
// the signature (the close, a checkpoint), M(2) due Feb 27 with a baseline of Feb 25.
function input(w: Workspace = workspace(), draft = EMPTY_DRAFT, extra: Partial<TimelineInput> = {}): TimelineInput {
    return {
        milestones: effectiveMilestones(w, draft),
        phases: w.picklists.phases,
        today: w.today,
        targetDate: w.plan?.targetDate,
        closeDate: w.opportunity.closeDate,
        impliedClose: '2026-03-24',
        criticalPathIds: [M(3), M(4), M(5), M(6)],
        locale: 'en-US',
        ...extra
    };
}

describe('the timeline', () => {
    const view = timelineView(input(), 1000);
    const bar = (key: string) => view.bars.find((b) => b.key === key);

    it('draws a bar per milestone, ending on its due date and as long as its working days', () => {
        expect(view.bars.map((b) => b.key)).toEqual([M(1), M(2), M(3), M(4), M(5), M(6), M(7), M(8)]);
        const review = bar(M(4)); // 5 working days ending Fri Mar 13: Mon Mar 9 to Fri Mar 13
        const firstValue = bar(M(8)); // 5 working days ending Tue Mar 31: Wed Mar 25 to Tue Mar 31
        const dayWidth = (review?.width ?? 0) / 5;
        expect(firstValue?.width).toBeCloseTo(7 * dayWidth, 0);
        expect(review?.x).toBeLessThan(firstValue?.x ?? 0);
        expect(view.bars.every((b) => b.x >= 0 && b.x + b.width <= view.width)).toBe(true);
    });

    it('shows a checkpoint as a diamond, a slipped milestone with its baseline as a ghost, and the classes', () => {
        expect(bar(M(6))?.isCheckpoint).toBe(true);
        expect(bar(M(6))?.diamond).toMatch(/^M[\d.]+ [\d.]+L.*Z$/);
        expect(bar(M(6))?.className).toBe('bar bar_joint bar_critical bar_close');
        expect(bar(M(2))?.ghost).not.toBeNull();
        expect(bar(M(2))?.ghost?.x).toBeLessThan(bar(M(2))?.x ?? 0);
        expect(bar(M(3))?.ghost).toBeNull();
        expect(bar(M(1))?.className).toContain('bar_complete');
        expect(bar(M(2))?.className).toContain('bar_overdue');
    });

    it('says in words what each bar shows, and makes the first bar the one tab stop', () => {
        expect(bar(M(4))?.description).toBe(
            'Buyer security team completes the review, Buyer side, Mar 9, 2026 to Mar 13, 2026, 5 working days, ' +
                'Not Started, on the critical path'
        );
        expect(bar(M(6))?.description).toContain('due Mar 19, 2026');
        expect(bar(M(6))?.description).toContain('marks the close');
        expect(bar(M(2))?.description).toContain('first committed for Feb 25, 2026');
        expect(view.bars.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1, -1]);
    });

    it('draws an arrow from each milestone to what waits on it, the critical ones apart', () => {
        expect(view.arrows.map((a) => a.key)).toEqual([2, 3, 4, 5, 6, 7, 8].map((n) => `arrow-${M(n)}`));
        expect(view.arrows.find((a) => a.key === `arrow-${M(5)}`)?.className).toBe('arrow arrow_critical');
        expect(view.arrows.find((a) => a.key === `arrow-${M(8)}`)?.className).toBe('arrow');
        expect(view.arrows.every((a) => /^M[\d.]+ [\d.]+/.test(a.d) && a.head.endsWith('Z'))).toBe(true);
    });

    it('draws the day lines with labels that neither overlap nor cross the edges, and ticks that fit', () => {
        expect(view.markers.map((m) => [m.key, m.label])).toEqual([
            ['today', 'Today Mar 2'],
            ['target', 'Target date Mar 31'],
            ['close', 'Close date Mar 20'],
            ['implied', 'Plan-implied close Mar 24']
        ]);
        const narrow = timelineView(input(), 320);
        for (const v of [view, narrow]) {
            const boxes = v.markers.map((m) => ({
                y: m.labelY,
                left: m.labelX - m.label.length * 3.25,
                right: m.labelX + m.label.length * 3.25
            }));
            expect(boxes.every((b) => b.left >= 0 && b.right <= v.width)).toBe(true);
            const overlapping = boxes.filter((a) =>
                boxes.some((b) => a !== b && a.y === b.y && !(a.right < b.left || b.right < a.left))
            );
            expect(overlapping).toEqual([]);
            const gaps = v.ticks.slice(1).map((t, i) => t.x - v.ticks[i].x);
            expect(gaps.every((gap) => gap >= 59)).toBe(true);
        }
        expect(view.ticks[0].label).toMatch(/^[A-Z][a-z]{2} \d+$/);
    });

    it('cuts long names to the width, groups by phase, and leaves out removed milestones', () => {
        const narrow = timelineView(input(), 320);
        expect(narrow.width).toBe(320);
        expect(narrow.bars.every((b) => b.label.length * 6.5 <= 320)).toBe(true);
        expect(view.phases.map((p) => p.label)).toEqual(
            workspace()
                .picklists.phases.map((p) => p.label)
                .filter((label) => view.phases.some((p) => p.label === label))
        );
        const w = workspace();
        const without = timelineView(input(w, removeMilestone(EMPTY_DRAFT, M(3))), 1000);
        expect(without.bars.map((b) => b.key)).not.toContain(M(3));
        const moved = timelineView(input(w, setField(EMPTY_DRAFT, w, M(8), 'dueDate', '2026-04-10')), 1000);
        expect(moved.bars.find((b) => b.key === M(8))?.x).toBeGreaterThan(bar(M(8))?.x ?? 0);
        expect(timelineView(input(w, EMPTY_DRAFT, { milestones: [] }), 1000).bars).toEqual([]);
    });
});

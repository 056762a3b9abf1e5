/**
 * The fixtures the scheduler's tests share. March 2026: Monday the 2nd, 9th, 16th, 23rd and 30th; Friday the 6th,
 * 13th, 20th and 27th.
 */
import type { PlannedMilestone, TemplateStep } from '../scheduleTypes';
import type { ScheduleError } from '../scheduleTypes';

export function step(
    key: string,
    order: number,
    durationDays: number,
    extra: Partial<TemplateStep> = {}
): TemplateStep {
    return { key, title: `Title of ${key}`, phase: 'Evaluate', side: 'Joint', durationDays, order, ...extra };
}

export const MID_MARKET: TemplateStep[] = [
    {
        key: 'discovery',
        title: 'Buyer confirms the discovery recap',
        phase: 'Evaluate',
        side: 'Buyer',
        durationDays: 1,
        order: 10
    },
    {
        key: 'validation',
        title: 'Technical validation signed off',
        phase: 'Evaluate',
        side: 'Joint',
        durationDays: 5,
        order: 20
    },
    { key: 'security', title: 'Security review completed', phase: 'Review', side: 'Buyer', durationDays: 3, order: 30 },
    { key: 'legal', title: 'Buyer legal returns redlines', phase: 'Review', side: 'Buyer', durationDays: 4, order: 40 },
    {
        key: 'signature',
        title: 'Order form signed',
        phase: 'Close',
        side: 'Buyer',
        durationDays: 0,
        order: 50,
        marksClose: true
    },
    { key: 'kickoff', title: 'Implementation kickoff', phase: 'Implement', side: 'Seller', durationDays: 1, order: 60 }
];

/** MID_MARKET scheduled back from Friday 2026-03-27: [startDate, dueDate] by key. */
export const MID_MARKET_DATES = {
    discovery: ['2026-03-10', '2026-03-10'],
    validation: ['2026-03-11', '2026-03-17'],
    security: ['2026-03-18', '2026-03-20'],
    legal: ['2026-03-23', '2026-03-26'],
    signature: ['2026-03-26', '2026-03-26'],
    kickoff: ['2026-03-27', '2026-03-27']
};

export const EARLY_TODAY = '2026-02-02';

export function datesOf(result: { milestones: { key: string; startDate: string; dueDate: string }[] }) {
    return Object.fromEntries(result.milestones.map((m) => [m.key, [m.startDate, m.dueDate]]));
}

export function dueOf(result: { milestones: { key: string; dueDate: string }[] }) {
    return Object.fromEntries(result.milestones.map((m) => [m.key, m.dueDate]));
}

/** The MID_MARKET plan as saved: the same dates as MID_MARKET_DATES. */
export const PLAN: PlannedMilestone[] = [
    { key: 'discovery', dueDate: '2026-03-10', durationDays: 1, predecessorKey: null, status: 'In Progress' },
    { key: 'validation', dueDate: '2026-03-17', durationDays: 5, predecessorKey: 'discovery', status: 'Not Started' },
    { key: 'security', dueDate: '2026-03-20', durationDays: 3, predecessorKey: 'validation', status: 'Not Started' },
    { key: 'legal', dueDate: '2026-03-26', durationDays: 4, predecessorKey: 'security', status: 'Blocked' },
    { key: 'signature', dueDate: '2026-03-26', durationDays: 0, predecessorKey: 'legal', marksClose: true },
    { key: 'kickoff', dueDate: '2026-03-27', durationDays: 1, predecessorKey: 'signature', status: 'Not Started' }
];

/** The same plan with slack: legal is due Monday 2026-03-30 (it starts Wednesday 03-25), so the close is later. */
export const SLACK_PLAN: PlannedMilestone[] = PLAN.map((m) => {
    const later: Record<string, string> = { legal: '2026-03-30', signature: '2026-03-30', kickoff: '2026-03-31' };
    return later[m.key] ? { ...m, dueDate: later[m.key] } : m;
});

export function withStatus(plan: PlannedMilestone[], statuses: Record<string, string>): PlannedMilestone[] {
    return plan.map((m) => (statuses[m.key] ? { ...m, status: statuses[m.key] } : m));
}

export function thrown(action: () => unknown): ScheduleError {
    try {
        action();
    } catch (error) {
        return error as ScheduleError;
    }
    throw new Error('expected an error');
}

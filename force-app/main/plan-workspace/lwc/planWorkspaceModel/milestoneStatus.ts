/**
 * What a status or side means: open or closed, overdue (like Is_Overdue__c), involving the buyer, a plan that is
 * history.
 */
import { epochDay } from 'c/planHealth';

export const OPEN = 'Not Started';
const CLOSED_STATUSES = new Set(['Complete', 'Skipped']);

export function isOpen(status: string | null | undefined): boolean {
    return !CLOSED_STATUSES.has(status ?? '');
}

export function isOverdue(
    dueDate: string | null | undefined,
    status: string | null | undefined,
    today: string
): boolean {
    return Boolean(dueDate) && isOpen(status) && epochDay(dueDate as string) < epochDay(today);
}

/** Buyer and Joint milestones: the buyer owns the work or shares it. */
export function involvesBuyer(side: string | null | undefined): boolean {
    return side === 'Buyer' || side === 'Joint';
}

/** Completed and Cancelled plans are history: shown read-only. */
export function isHistoryStatus(status: string | null | undefined): boolean {
    return status === 'Completed' || status === 'Cancelled';
}

/** Draft and Active plans are open: still worked on. */
export function isOpenPlanStatus(status: string | null | undefined): boolean {
    return status === 'Draft' || status === 'Active';
}

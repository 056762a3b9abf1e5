import { involvesBuyer, isOpen, isOverdue } from '../milestoneStatus';

describe('small helpers', () => {
    it.each([
        ['Not Started', true],
        ['In Progress', true],
        ['Blocked', true],
        ['Complete', false],
        ['Skipped', false],
        [null, true]
    ])('status %p is open: %p', (status, open) => {
        expect(isOpen(status)).toBe(open);
    });

    it.each([
        // due, status, today, overdue
        ['2026-03-01', 'Not Started', '2026-03-02', true],
        ['2026-03-01', 'Blocked', '2026-03-02', true],
        ['2026-03-02', 'In Progress', '2026-03-02', false],
        ['2026-03-03', 'Not Started', '2026-03-02', false],
        ['2026-03-01', 'Complete', '2026-03-02', false],
        ['2026-03-01', 'Skipped', '2026-03-02', false],
        [null, 'Not Started', '2026-03-02', false]
    ])('a milestone due %p, %p, on %p is overdue: %p', (due, status, today, overdue) => {
        expect(isOverdue(due, status, today as string)).toBe(overdue);
    });

    it.each([
        ['Buyer', true],
        ['Joint', true],
        ['Seller', false],
        [null, false]
    ])('side %p involves the buyer: %p', (side, buyer) => {
        expect(involvesBuyer(side)).toBe(buyer);
    });
});

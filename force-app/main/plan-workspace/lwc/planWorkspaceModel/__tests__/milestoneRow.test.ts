import { dependentsOf } from '../effectiveMilestones';
import { buildListView } from '../listView';
import { EMPTY_DRAFT, removeMilestone } from '../milestoneDraft';
import type { Draft } from '../milestoneDraft';
import { parseServerError } from '../saveErrors';
import { EMPTY_UI } from '../uiState';
import type { UiState } from '../uiState';
import { M, U, workspace } from './workspaceFixture';

describe('editing what a milestone waits on, its duration and what done means', () => {
    it('shows what done means and the duration when reading, and the length used when editing', () => {
        const w = workspace((x) => {
            x.milestones[1].description = 'The test report is signed by the buyer IT lead.';
        });
        const read = buildListView(w, EMPTY_DRAFT, EMPTY_UI, null, 'en-US');
        const row = read.groups.flatMap((g) => g.rows).find((r) => r.key === M(2));
        expect(row).toMatchObject({ showDescription: true, durationText: 'Takes 5 working days' });
        const editing = buildListView(w, EMPTY_DRAFT, { ...EMPTY_UI, editing: [M(2)] }, null, 'en-US');
        const edited = editing.groups.flatMap((g) => g.rows).find((r) => r.key === M(2));
        expect(edited).toMatchObject({ showDescription: false, descriptionHint: '47 of 2,000 characters' });
    });
});

describe('the list view', () => {
    function view(draft: Draft = EMPTY_DRAFT, ui: Partial<UiState> = {}, w = workspace()) {
        return buildListView(w, draft, { ...EMPTY_UI, ...ui }, null, 'en-US');
    }

    function row(listView: ReturnType<typeof view>, key: string) {
        return listView.groups.flatMap((g) => g.rows).find((r) => r.key === key);
    }

    it.each<[string, Partial<RowViewExpectation>]>([
        [
            M(2),
            {
                isOverdue: true,
                overdueText: 'Overdue by 3 days',
                involvesBuyer: true,
                ownerText: 'Sam Security · Ada Executive',
                slipText: 'Slipped 2 working days',
                slipClass: 'slds-text-color_error',
                statusLabel: 'In Progress',
                confirmationText: 'Not confirmed by buyer',
                predecessorText: 'After "Buyer confirms success criteria"',
                historyLabel: 'Date history (1)',
                historyCount: 1,
                rowClass: 'milestone milestone_joint milestone_overdue'
            }
        ],
        [
            M(1),
            {
                isOverdue: false,
                confirmationText: 'Confirmed by buyer',
                statusClass: 'slds-badge slds-theme_success',
                rowClass: 'milestone milestone_buyer milestone_closed',
                slipText: ''
            }
        ],
        [M(3), { involvesBuyer: false, ownerText: 'Ada Executive', confirmationText: '', sideLabel: 'Seller' }],
        [M(5), { ownerText: 'No buyer owner', ownerMissing: true, showBuyerOwner: true, showSellerOwner: false }],
        [M(6), { marksClose: true, ownerText: 'Dana Buyer · Sol Engineer', dueLabel: 'Mar 19, 2026' }]
    ])('row %s shows its flags and labels', (key, expected) => {
        expect(row(view(), key)).toMatchObject(expected);
    });

    it('names owners the page does not list', () => {
        const w = workspace((x) => {
            x.milestones[2].sellerOwnerId = U(7);
            x.milestones[2].sellerOwnerName = null;
        });
        expect(row(view(EMPTY_DRAFT, {}, w), M(3))?.ownerText).toBe('Unknown user');
    });

    it('disables moving the first of a phase up and the last down', () => {
        const v = view();
        expect(row(v, M(7))).toMatchObject({ cannotMoveUp: true, cannotMoveDown: false });
        expect(row(v, M(8))).toMatchObject({ cannotMoveUp: false, cannotMoveDown: true });
    });

    it('opens edit mode only for rows the user asked for, and labels every control with the milestone', () => {
        const v = view(EMPTY_DRAFT, { editing: [M(3)] });
        expect(row(v, M(3))).toMatchObject({
            isEditing: true,
            editLabel: 'Edit Seller delivers the business case',
            doneLabel: 'Done editing Seller delivers the business case',
            deleteLabel: 'Remove Seller delivers the business case',
            restoreLabel: 'Restore Seller delivers the business case',
            upLabel: 'Move Seller delivers the business case up',
            downLabel: 'Move Seller delivers the business case down'
        });
        expect(row(v, M(4))?.isEditing).toBe(false);
    });

    it('offers no edits without permission', () => {
        const w = workspace((x) => (x.permissions = { canReadPlans: true }));
        const r = row(view(EMPTY_DRAFT, { editing: [M(3)] }, w), M(3));
        expect(r).toMatchObject({ canEdit: false, isEditing: false, canDelete: false, cannotMoveUp: true });
    });

    it('places errors on their row and field, keeping the row open and visible', () => {
        const errors = parseServerError(
            {
                body: {
                    message: JSON.stringify({
                        message: 'Nothing was saved.',
                        pageErrors: [],
                        recordErrors: [
                            {
                                key: M(3),
                                messages: ['Trigger said no'],
                                fieldErrors: {
                                    sellerOwnerId: ['Name the person on your side.'],
                                    dueDate: ['Bad date'],
                                    slipReason: ['Choose a reason.'],
                                    completedOn: ['Enter the date.'],
                                    marksClose: ['Only one close.']
                                }
                            }
                        ]
                    })
                }
            },
            'x'
        );
        const v = buildListView(workspace(), EMPTY_DRAFT, { ...EMPTY_UI, filter: 'overdue' }, errors, 'en-US');
        const r = row(v, M(3));
        expect(r).toMatchObject({ hasErrors: true, isEditing: true });
        expect(r?.rowClass).toContain('milestone_error');
        expect(r?.errors).toEqual({
            name: null,
            description: null,
            dependsOnId: null,
            durationDays: null,
            phase: null,
            side: null,
            buyerOwnerId: null,
            sellerOwnerId: 'Name the person on your side.',
            dueDate: 'Bad date',
            slip: 'Choose a reason.',
            status: 'Enter the date.',
            buyerConfirmed: null,
            row: 'Trigger said no Only one close.'
        });
    });
});

type RowViewExpectation = ReturnType<typeof buildListView>['groups'][number]['rows'][number];

describe('removing a milestone that others wait on', () => {
    function rowOf(draft: Draft, key: string) {
        const w = workspace();
        const listView = buildListView(w, draft, EMPTY_UI, null, 'en-US');
        return listView.groups.flatMap((group) => group.rows).find((row) => row.key === key);
    }

    it('warns on the removed row who waits on it, and offers its own predecessor instead', () => {
        const w = workspace();
        const removed = removeMilestone(EMPTY_DRAFT, M(4));
        expect(dependentsOf(w, removed, M(4)).map((m) => m.key)).toEqual([M(5)]);
        const row = rowOf(removed, M(4));
        expect(row?.removalWarning).toBe(
            '“Buyer legal returns first redlines” waits on this milestone. Once it is removed, it waits on nothing, unless you have it wait on “Seller delivers the business case” instead.'
        );
        expect(row?.repointLabel).toBe('Have them wait on “Seller delivers the business case”');
        expect(rowOf(EMPTY_DRAFT, M(4))?.removalWarning).toBeNull();
        expect(rowOf(removeMilestone(EMPTY_DRAFT, M(8)), M(8))?.removalWarning).toBeNull();
    });

    it('says a first milestone leaves its dependents waiting on nothing, with no other choice offered', () => {
        const row = rowOf(removeMilestone(EMPTY_DRAFT, M(1)), M(1));
        expect(row?.removalWarning).toBe(
            '“Buyer IT completes technical validation” waits on this milestone. Once it is removed, it waits on nothing.'
        );
        expect(row?.repointLabel).toBeNull();
    });
});

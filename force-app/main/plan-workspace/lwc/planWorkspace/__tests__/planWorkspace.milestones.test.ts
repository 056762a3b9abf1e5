// Editing the milestones: inline edits, adding, removing and reordering, saving and its errors, moving a date.
import {
    setUpWorkspace,
    $,
    emit,
    flush,
    getWorkspace,
    header,
    lastRequest,
    list,
    listText,
    M,
    mocked,
    notifyRecordUpdateAvailable,
    OPPORTUNITY_ID,
    pageErrors,
    PLAN_ID,
    render,
    row,
    saveMilestones,
    served,
    serverError
} from './workspaceHarness';
import type { ListView } from './workspaceHarness';

describe('c-plan-workspace', () => {
    setUpWorkspace();

    describe('cancelling and moving dates however they are typed', () => {
        it('Escape in an inline edit drops that row’s unsaved edits and closes it', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(3), action: 'edit' });
            emit(list(element), 'fieldchange', { key: M(3), field: 'name', value: 'Renamed' });
            emit(list(element), 'fieldchange', { key: M(4), field: 'status', value: 'Blocked' });
            await flush();
            emit(list(element), 'rowaction', { key: M(3), action: 'cancel' });
            await flush();
            const view = (list(element) as unknown as { view: ListView }).view;
            const rows = view.groups.flatMap((g) => g.rows);
            expect(rows.find((r) => r.key === M(3))).toMatchObject({
                name: 'Seller delivers the business case',
                isEditing: false
            });
            expect(view.changeCount).toBe(1);
        });

        it('a date cleared and typed again later is previewed and asks why, as any move', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(4), action: 'edit' });
            emit(list(element), 'datechange', { key: M(4), value: null });
            await flush();
            emit(list(element), 'datechange', { key: M(4), value: '2026-03-20' });
            await flush();
            const moved = (list(element) as unknown as { view: ListView }).view.groups
                .flatMap((g) => g.rows)
                .find((r) => r.key === M(4));
            expect(moved?.move).toMatchObject({ from: '2026-03-13', to: '2026-03-20', needsReason: true });
        });
    });

    describe('re-planning when a duration or a dependency changes', () => {
        it('offers to move the date, with what waits on it, when a longer duration no longer fits', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(3), action: 'edit' });
            await flush();
            emit(list(element), 'fieldchange', { key: M(3), field: 'durationDays', value: 8 });
            await flush();
            const view = (list(element) as unknown as { view: ListView }).view;
            const moving = view.groups.flatMap((g) => g.rows).find((r) => r.key === M(3));
            expect(moving?.move).toMatchObject({ from: '2026-03-06', to: '2026-03-11' });
            expect(moving?.move?.dependents.map((d) => d.key)).toContain(M(4));
            expect(moving?.durationValue).toBe('8');
            // A change that still fits offers nothing.
            emit(list(element), 'movecancel');
            emit(list(element), 'fieldchange', { key: M(3), field: 'durationDays', value: 2 });
            await flush();
            const after = (list(element) as unknown as { view: ListView }).view;
            expect(after.groups.flatMap((g) => g.rows).find((r) => r.key === M(3))?.move).toBeNull();
        });
    });

    describe('editing milestones', () => {
        it('saves only the changed fields, then clears the draft', async () => {
            mocked(saveMilestones).mockResolvedValue(served((w) => (w.milestones[2].status = 'Blocked')));
            const element = await render();
            emit(list(element), 'rowaction', { key: M(3), action: 'edit' });
            emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
            emit(list(element), 'fieldchange', { key: M(3), field: 'sellerOwnerId', value: '005000000000002AAA' });
            await flush();
            expect($(list(element).shadowRoot, '[data-id="save-bar"]')).not.toBeNull();
            emit(list(element), 'save');
            await flush();
            expect(mocked(saveMilestones).mock.calls[0][0].planId).toBe(PLAN_ID);
            expect(lastRequest(saveMilestones)).toEqual({
                milestones: [
                    {
                        key: M(3),
                        id: M(3),
                        status: 'Blocked',
                        sellerOwnerId: '005000000000002AAA',
                        changedFields: ['status', 'sellerOwnerId']
                    }
                ],
                deletedIds: [],
                loaded: expect.objectContaining({ plan: 7 })
            });
            expect($(list(element).shadowRoot, '[data-id="save-bar"]')).toBeNull();
            expect($(row(element, M(3)), '[data-action="edit"]')).not.toBeNull();
        });

        it('keeps the edits and puts each error on its row and field when the save fails', async () => {
            mocked(saveMilestones).mockRejectedValue(
                serverError({
                    message: 'We could not save your changes. Nothing was saved.',
                    pageErrors: [],
                    recordErrors: [
                        {
                            key: M(3),
                            messages: [],
                            fieldErrors: { sellerOwnerId: ['Name the person on your side who owns this milestone.'] }
                        }
                    ]
                })
            );
            const element = await render();
            emit(list(element), 'fieldchange', { key: M(3), field: 'sellerOwnerId', value: null });
            emit(list(element), 'fieldchange', { key: M(4), field: 'status', value: 'In Progress' });
            await flush();
            emit(list(element), 'save');
            await flush();
            expect(pageErrors(element)).toBe(
                'We could not save your changes. Nothing was saved. Fix what is marked below, then save again. Your changes are still here.'
            );
            const seller = $(row(element, M(3)), '[data-field="sellerOwnerId"]') as unknown as {
                error: string;
                value: string;
            };
            expect(seller.error).toBe('Name the person on your side who owns this milestone.');
            expect(seller.value).toBeNull();
            expect($(row(element, M(4)), '[data-id="dirty-flag"]')).not.toBeNull();
            expect($(list(element).shadowRoot, '[data-id="save-bar"]')?.textContent).toContain('2 unsaved changes');
        });

        it('when someone else changed the plan, says so, keeps the edits and reloads the plan under them', async () => {
            const conflict =
                'Since you opened this plan, Priya Raman changed “Legal redlines”. Your edits are still here: reload the plan to see those changes, then save again.';
            mocked(saveMilestones).mockRejectedValue(
                serverError({
                    message: 'We could not save your changes. Nothing was saved.',
                    pageErrors: [conflict],
                    recordErrors: [],
                    conflict: true
                })
            );
            const element = await render();
            emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
            await flush();
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            emit(list(element), 'save');
            await flush();
            expect(lastRequest(saveMilestones)).toMatchObject({ loaded: { plan: 7, milestones: { [M(3)]: 2 } } });
            expect(pageErrors(element)).toContain(conflict);
            const reload = $(element.shadowRoot, '[data-id="reload-keeping-edits"]') as HTMLElement;
            expect(reload).not.toBeNull();
            expect(focus.mock.contexts).toContain(reload);
            focus.mockRestore();

            mocked(getWorkspace).mockResolvedValue(
                served((w) => {
                    (w.plan as { revision: number }).revision = 8;
                    w.milestones[0].name = 'Renamed by Priya';
                })
            );
            reload.click();
            await flush();
            expect(getWorkspace).toHaveBeenCalledTimes(2);
            expect(pageErrors(element)).toBeUndefined();
            expect($(row(element, M(3)), '[data-id="dirty-flag"]')).not.toBeNull();
            expect(listText(element)).toContain('Renamed by Priya');
            emit(list(element), 'save');
            await flush();
            expect(lastRequest(saveMilestones)).toMatchObject({
                milestones: [{ id: M(3), status: 'Blocked', changedFields: ['status'] }],
                loaded: { plan: 8 }
            });
        });

        it('says in the header, as the user edits, when the plan no longer lands by the target date', async () => {
            const element = await render();
            const lateLanding = () => (header(element) as unknown as { lateLanding: string | null }).lateLanding;
            expect(lateLanding()).toBeNull();
            emit(list(element), 'fieldchange', { key: M(8), field: 'dueDate', value: '2026-04-14' });
            await flush();
            expect(lateLanding()).toBe(
                "The plan no longer lands by the buyer's target date (Mar 31, 2026): “Buyer reaches first value” is due Apr 14, 2026, 10 working days later. To land on time, pull in the milestones before it, or agree a new target date with the buyer."
            );
            expect((header(element) as unknown as { overdueMilestones: string[] }).overdueMilestones).toEqual([
                'Buyer IT completes technical validation'
            ]);
        });

        it('warns when a removed milestone has others waiting on it, and re-points them on request', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(4), action: 'remove' });
            await flush();
            const warning = $(row(element, M(4)), '[data-id="removal-warning"]');
            expect(warning?.textContent).toContain('“Buyer legal returns first redlines” waits on this milestone.');
            emit(list(element), 'rowaction', { key: M(4), action: 'repoint' });
            await flush();
            expect($(row(element, M(4)), '[data-id="removal-warning"]')).toBeNull();
            emit(list(element), 'save');
            await flush();
            expect(lastRequest(saveMilestones)).toMatchObject({
                milestones: [{ id: M(5), dependsOnId: M(3) }],
                deletedIds: [M(4)]
            });
        });

        it('moves the focus to what needs fixing: the first refused row, else the errors at the top', async () => {
            const element = await render();
            const rowFocus = jest.fn();
            (list(element) as unknown as { focusRow: jest.Mock }).focusRow = rowFocus;
            emit(list(element), 'add', { phase: 'Legal' });
            await flush();
            rowFocus.mockClear();
            emit(list(element), 'fieldchange', { key: 'new-1', field: 'dueDate', value: null });
            emit(list(element), 'save');
            await flush();
            expect(rowFocus).toHaveBeenCalledWith('new-1', true);

            emit(list(element), 'rowaction', { key: 'new-1', action: 'remove' });
            emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
            mocked(saveMilestones).mockRejectedValue({ body: { message: 'Insufficient access rights on object id' } });
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            emit(list(element), 'save');
            await flush();
            await flush();
            expect(focus.mock.contexts).toContain($(element.shadowRoot, '[data-id="page-errors"]'));
            focus.mockRestore();
        });

        it('shows page errors from the platform at the top', async () => {
            mocked(saveMilestones).mockRejectedValue({ body: { message: 'Insufficient access rights on object id' } });
            const element = await render();
            emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
            emit(list(element), 'save');
            await flush();
            expect(pageErrors(element)).toBe(
                'We could not save your changes. Nothing was saved. Insufficient access rights on object id'
            );
        });

        it('checks names and dates before calling the server', async () => {
            const element = await render();
            emit(list(element), 'add', { phase: 'Legal' });
            await flush();
            emit(list(element), 'fieldchange', { key: 'new-1', field: 'dueDate', value: null });
            emit(list(element), 'save');
            await flush();
            expect(saveMilestones).not.toHaveBeenCalled();
            expect(pageErrors(element)).toContain('Fix 1 milestone before saving.');
            expect($(row(element, 'new-1'), '[data-error="name"]')?.textContent).toBe(
                "Enter a name, in the buyer's words."
            );
            expect($(row(element, 'new-1'), '[data-error="dueDate"]')?.textContent).toBe('Enter a due date.');
        });

        it('adds, removes and reorders milestones in one save', async () => {
            mocked(saveMilestones).mockResolvedValue(served());
            const element = await render();
            emit(list(element), 'rowaction', { key: M(8), action: 'up' });
            emit(list(element), 'rowaction', { key: M(5), action: 'remove' });
            emit(list(element), 'add', { phase: 'Procurement' });
            await flush();
            emit(list(element), 'fieldchange', {
                key: 'new-1',
                field: 'name',
                value: 'Buyer procurement issues the PO'
            });
            emit(list(element), 'save');
            await flush();
            const request = lastRequest(saveMilestones);
            expect(request.deletedIds).toEqual([M(5)]);
            expect(request.milestones.find((m) => m.key === 'new-1')).toMatchObject({
                id: null,
                name: 'Buyer procurement issues the PO',
                phase: 'Procurement',
                sortOrder: 5
            });
            expect(request.milestones.find((m) => m.key === M(8))).toMatchObject({
                sortOrder: 7,
                changedFields: ['sortOrder']
            });
        });

        it('restores a removed milestone and discards every edit', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(5), action: 'remove' });
            await flush();
            expect($(row(element, M(5)), '[data-id="deleted-flag"]')).not.toBeNull();
            emit(list(element), 'rowaction', { key: M(5), action: 'restore' });
            emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
            await flush();
            expect($(row(element, M(5)), '[data-id="deleted-flag"]')).toBeNull();
            emit(list(element), 'discard');
            await flush();
            expect($(list(element).shadowRoot, '[data-id="save-bar"]')).toBeNull();
        });

        it('opens and closes edit mode, filters and the date history', async () => {
            const element = await render();
            emit(list(element), 'rowaction', { key: M(3), action: 'edit' });
            await flush();
            expect($(row(element, M(3)), '[data-action="done"]')).not.toBeNull();
            emit(list(element), 'rowaction', { key: M(3), action: 'done' });
            emit(list(element), 'rowaction', { key: M(2), action: 'history' });
            await flush();
            expect($(row(element, M(3)), '[data-action="done"]')).toBeNull();
            expect($(row(element, M(2)), '[data-id="history"]')).not.toBeNull();
            emit(list(element), 'rowaction', { key: M(2), action: 'history' });
            emit(list(element), 'filterchange', { filter: 'overdue' });
            await flush();
            expect($(row(element, M(2)), '[data-id="history"]')).toBeNull();
            expect(row(element, M(3))).toBeNull();
            emit(list(element), 'rowaction', { key: M(2), action: 'nonsense' });
            expect(row(element, M(2))).not.toBeNull();
        });
    });

    describe('moving a date', () => {
        async function moveLater(element: HTMLElement) {
            emit(list(element), 'rowaction', { key: M(4), action: 'edit' });
            emit(list(element), 'datechange', { key: M(4), value: '2026-03-20' });
            await flush();
        }

        it('previews what moves and where the close lands, then needs a reason before applying', async () => {
            const element = await render();
            await moveLater(element);
            expect($(row(element, M(4)), '[data-id="move-panel"]')?.textContent).toContain(
                'These milestones move with it'
            );
            expect(
                (header(element) as unknown as { unsavedProjectedCloseDate: string | null }).unsavedProjectedCloseDate
            ).toBeNull();
            emit(list(element), 'moveconfirm');
            await flush();
            const reason = $(row(element, M(4)), '[data-id="move-reason"]') as unknown as { error: string };
            expect(reason.error).toBe('Choose why the date moves later: the slip history keeps it.');
            emit(list(element), 'moveinput', { field: 'reason', value: 'Security review' });
            emit(list(element), 'moveinput', { field: 'note', value: 'Pen test findings' });
            await flush();
            expect(($(row(element, M(4)), '[data-id="move-reason"]') as unknown as { error: string }).error).toBeNull();
            emit(list(element), 'moveconfirm');
            await flush();
            expect($(row(element, M(4)), '[data-id="move-panel"]')).toBeNull();
            expect(
                (header(element) as unknown as { unsavedProjectedCloseDate: string | null }).unsavedProjectedCloseDate
            ).toBe('2026-03-24');
        });

        it('saves the new dates with the reason, and the pushed milestones with theirs', async () => {
            mocked(saveMilestones).mockResolvedValue(served());
            const element = await render();
            await moveLater(element);
            emit(list(element), 'moveinput', { field: 'reason', value: 'Security review' });
            emit(list(element), 'moveconfirm');
            emit(list(element), 'save');
            await flush();
            const request = lastRequest(saveMilestones);
            expect(request.milestones[0]).toEqual({
                key: M(4),
                id: M(4),
                dueDate: '2026-03-20',
                slipReason: 'Security review',
                changedFields: ['dueDate', 'slipReason']
            });
            expect(request.milestones[1]).toMatchObject({
                key: M(5),
                dueDate: '2026-03-24',
                slipReason: 'Predecessor slipped'
            });
            expect(request.milestones).toHaveLength(5);
        });

        it('asks for a note when the reason is the same as the last slip', async () => {
            const element = await render();
            emit(list(element), 'datechange', { key: M(2), value: '2026-03-04' });
            await flush();
            emit(list(element), 'moveinput', { field: 'reason', value: 'Buyer availability' });
            emit(list(element), 'moveconfirm');
            await flush();
            const reason = $(row(element, M(2)), '[data-id="move-reason"]') as unknown as { error: string };
            expect(reason.error).toBe('The last slip had the same reason: add a note about this one.');
        });

        it('cancels a move, and drops one back to the same date', async () => {
            const element = await render();
            await moveLater(element);
            emit(list(element), 'movecancel');
            await flush();
            expect($(row(element, M(4)), '[data-id="move-panel"]')).toBeNull();
            emit(list(element), 'datechange', { key: M(4), value: '2026-03-20' });
            emit(list(element), 'datechange', { key: M(4), value: '2026-03-13' });
            await flush();
            expect($(row(element, M(4)), '[data-id="move-panel"]')).toBeNull();
            expect($(list(element).shadowRoot, '[data-id="save-bar"]')).toBeNull();
        });

        it('moves a new milestone, and clears a date, without a preview', async () => {
            const element = await render();
            emit(list(element), 'add', {});
            await flush();
            emit(list(element), 'datechange', { key: 'new-1', value: '2026-03-10' });
            emit(list(element), 'datechange', { key: M(3), value: null });
            await flush();
            expect($(list(element).shadowRoot, '[data-id="move-panel"]')).toBeNull();
            emit(list(element), 'datechange', { key: 'unknown', value: '2026-03-10' });
            emit(list(element), 'moveinput', { field: 'reason', value: 'Other' });
            emit(list(element), 'moveconfirm');
            await flush();
            expect($(list(element).shadowRoot, '[data-id="move-panel"]')).toBeNull();
        });

        it('forgets a pending move when its milestone is removed', async () => {
            const element = await render();
            await moveLater(element);
            emit(list(element), 'rowaction', { key: M(4), action: 'remove' });
            await flush();
            expect($(row(element, M(4)), '[data-id="move-panel"]')).toBeNull();
        });
    });

    it("warns as the milestone that takes the plan over the admin's limit is added, until it is removed", async () => {
        // The fixture's plan has 8 milestones; the admin's limit is 9.
        mocked(getWorkspace).mockResolvedValue(served((w) => (w.planSizeLimit = 9)));
        const element = await render();
        const warning = () => $(list(element).shadowRoot, '[data-id="size-warning"] p')?.textContent?.trim() ?? null;
        emit(list(element), 'add', {});
        await flush();
        expect(warning()).toBeNull();
        emit(list(element), 'add', {});
        await flush();
        expect(warning()).toMatch(/^This plan has 10 milestones, more than the 9 your admin set as the limit\./);

        emit(list(element), 'rowaction', { key: 'new-2', action: 'remove' });
        await flush();
        expect(warning()).toBeNull();
    });

    it('tells the record page and the user when a save worked', async () => {
        mocked(saveMilestones).mockResolvedValue(served());
        const element = await render();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        emit(list(element), 'fieldchange', { key: M(3), field: 'status', value: 'Blocked' });
        emit(list(element), 'save');
        await flush();
        expect(toast).toHaveBeenCalledTimes(1);
        expect(toast.mock.calls[0][0].detail).toMatchObject({ title: 'Plan saved', variant: 'success' });
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: OPPORTUNITY_ID }]);
    });
});

import { buildListView } from '../listView';
import { addMilestone, EMPTY_DRAFT, removeMilestone } from '../milestoneDraft';
import type { Draft } from '../milestoneDraft';
import { rowActions } from '../rowActions';
import { EMPTY_UI } from '../uiState';
import type { UiState } from '../uiState';
import type { Workspace } from '../workspaceTypes';
import { M, workspace } from './workspaceFixture';

function row(key: string, { w = workspace(), draft = EMPTY_DRAFT, ui = {} as Partial<UiState> } = {}) {
    const view = buildListView(w, draft as Draft, { ...EMPTY_UI, ...ui }, null, 'en-US');
    const found = view.groups.flatMap((group) => group.rows).find((r) => r.key === key);
    if (!found) throw new Error(`no row ${key}`);
    return found;
}

const summary = (key: string, options?: Parameters<typeof row>[1]) =>
    rowActions(row(key, options)).map(({ action, label, title, disabled }) => [action, label, title, disabled]);

describe('rowActions', () => {
    it('offers Edit, Move up, Move down and Remove on a saved row, each named after its milestone', () => {
        expect(summary(M(7))).toEqual([
            ['edit', 'Edit Kickoff with the implementation team', 'Edit this milestone', false],
            ['up', 'Move Kickoff with the implementation team up', 'Move up', true],
            ['down', 'Move Kickoff with the implementation team down', 'Move down', false],
            ['remove', 'Remove Kickoff with the implementation team', 'Remove', false]
        ]);
    });

    it('offers Done instead of Edit in edit mode, neither on a new row, and Restore on a removed one', () => {
        expect(summary(M(3), { ui: { editing: [M(3)] } }).map(([action]) => action)).toEqual([
            'done',
            'up',
            'down',
            'remove'
        ]);
        const w = workspace();
        expect(summary('new-1', { w, draft: addMilestone(EMPTY_DRAFT, w).draft }).map(([a]) => a)).toEqual([
            'up',
            'down',
            'remove'
        ]);
        expect(summary(M(3), { draft: removeMilestone(EMPTY_DRAFT, M(3)) })).toEqual([
            ['restore', 'Restore Seller delivers the business case', 'Keep this milestone', false]
        ]);
    });

    it('offers nothing without the permissions', () => {
        const w = workspace((x: Workspace) => (x.permissions = { canReadPlans: true }));
        expect(rowActions(row(M(3), { w }))).toEqual([]);
    });
});

import { buildListView } from '../listView';
import { EMPTY_DRAFT } from '../milestoneDraft';
import { listOptions, ownerOptions } from '../pickerOptions';
import { EMPTY_UI } from '../uiState';
import { C, M, U, workspace } from './workspaceFixture';

describe('small helpers', () => {
    it('offers owners with why they are offered, and a way to clear', () => {
        expect(ownerOptions(workspace().buyerContacts.slice(0, 1), 'No buyer owner')).toEqual([
            { label: 'No buyer owner', value: '' },
            { label: 'Dana Buyer (Economic Buyer)', value: C(1) }
        ]);
        expect(ownerOptions([{ id: U(9), name: 'Plain' }], 'None')[1]).toEqual({ label: 'Plain', value: U(9) });
    });

    it('gives the list its picklists and owners, a way to clear each owner first', () => {
        const w = workspace();
        const options = listOptions(w);
        expect(options.statuses).toBe(w.picklists.milestoneStatuses);
        expect(options.slipReasons).toBe(w.picklists.slipReasons);
        expect([options.phases, options.sides]).toEqual([w.picklists.phases, w.picklists.sides]);
        expect(options.buyerOwners[0]).toEqual({ label: 'No buyer owner', value: '' });
        expect(options.sellerOwners[0]).toEqual({ label: 'No seller owner', value: '' });
        expect(options.buyerOwners).toHaveLength(w.buyerContacts.length + 1);
    });
});

describe('editing what a milestone waits on, its duration and what done means', () => {
    it('offers as predecessors every other milestone except those that wait on it', () => {
        const w = workspace();
        const editing = buildListView(w, EMPTY_DRAFT, { ...EMPTY_UI, editing: [M(2)] }, null, 'en-US');
        const row = editing.groups.flatMap((g) => g.rows).find((r) => r.key === M(2));
        const offered = row?.predecessorOptions.map((option) => option.value) ?? [];
        expect(offered).toContain(M(1));
        expect(offered).not.toContain(M(2));
        // M(3) waits on M(2), and M(4) on M(3): neither can come before it.
        expect(offered).not.toContain(M(3));
        expect(offered).not.toContain(M(4));
        expect(row?.dependsOnId).toBe(M(1));
        expect(row?.durationValue).toBe('5');
    });
});

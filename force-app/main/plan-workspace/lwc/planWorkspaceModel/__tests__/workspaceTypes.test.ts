import { normalizeWorkspace } from '../workspaceTypes';
import { workspace } from './workspaceFixture';

describe('normalizeWorkspace', () => {
    it('fills every list and flag a partial response leaves out', () => {
        const normalized = normalizeWorkspace({ opportunity: { id: '006', name: 'Deal' } });
        expect(normalized.plan).toBeNull();
        expect(normalized.milestones).toEqual([]);
        expect(normalized.dateChanges).toEqual([]);
        expect(normalized.buyerContacts).toEqual([]);
        expect(normalized.sellerUsers).toEqual([]);
        expect(normalized.templates).toEqual([]);
        expect(normalized.picklists).toEqual({ milestoneStatuses: [], phases: [], sides: [], slipReasons: [] });
        expect(normalized.permissions).toEqual({});
        expect(normalized.planSizeLimit).toBeNull();
        expect(normalized.successStart).toBeNull();
        expect(normalized.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(normalized.currentUserId).toBe('');
    });

    it('gives a template without steps an empty list', () => {
        const normalized = normalizeWorkspace({
            opportunity: { id: '006', name: 'Deal' },
            templates: [{ developerName: 'T', label: 'T' } as never]
        });
        expect(normalized.templates[0].steps).toEqual([]);
    });

    it('fills what a partial hand-off offer leaves out', () => {
        const normalized = normalizeWorkspace({
            opportunity: { id: '006', name: 'Deal' },
            successStart: { templates: [{ label: 'Customer Success', value: 'Customer_Success' }] } as never
        });
        expect(normalized.successStart).toEqual({
            templates: [{ label: 'Customer Success', value: 'Customer_Success' }],
            defaultTemplate: null,
            owners: [],
            defaultOwnerId: null
        });
    });

    it('keeps what the server sent', () => {
        expect(workspace().milestones).toHaveLength(8);
        expect(workspace().today).toBe('2026-03-02');
        expect(workspace().planSizeLimit).toBe(20);
    });
});

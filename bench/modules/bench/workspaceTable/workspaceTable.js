import { LightningElement } from 'lwc';
import { benchMilestones } from '../benchWorkspace/benchWorkspace';

// The bench's baseline for the plan workspace: the same milestones, from the same single Apex call, in a plain
// lightning-datatable with inline-editable status. No decorators: the bench drives it through its host element
// (a data attribute in, a `benchedit` event for the edit), which keeps this file plain JavaScript.
const COLUMNS = [
    { label: 'Milestone', fieldName: 'name', wrapText: true },
    { label: 'Phase', fieldName: 'phase' },
    { label: 'Side', fieldName: 'side' },
    { label: 'Owner', fieldName: 'owner', wrapText: true },
    {
        label: 'Due',
        fieldName: 'dueDate',
        type: 'date-local',
        typeAttributes: { year: 'numeric', month: 'short', day: 'numeric' }
    },
    { label: 'Status', fieldName: 'status', editable: true },
    { label: 'Buyer confirmed', fieldName: 'buyerConfirmed', type: 'boolean', editable: true },
    { label: 'Slip days', fieldName: 'slipDays', type: 'number' }
];

export default class WorkspaceTable extends LightningElement {
    columns = COLUMNS;
    rows = [];
    draftValues = [];

    connectedCallback() {
        // An inline edit, as the datatable records one: a draft value on the row, shown until saved.
        this.addEventListener('benchedit', (event) => {
            this.draftValues = [{ id: event.detail.id, status: event.detail.status }];
        });
        this.load();
    }

    async load() {
        const milestones = await benchMilestones(this);
        this.rows = milestones.map((milestone) => ({
            id: milestone.id,
            name: milestone.name,
            phase: milestone.phase,
            side: milestone.side,
            owner: [milestone.buyerOwnerName, milestone.sellerOwnerName].filter(Boolean).join(' · '),
            dueDate: milestone.dueDate,
            status: milestone.status,
            buyerConfirmed: milestone.buyerConfirmed,
            slipDays: milestone.slipDays
        }));
    }
}

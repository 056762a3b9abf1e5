import { LightningElement } from 'lwc';
import { benchMilestones } from '../benchWorkspace/benchWorkspace';

// The bench's floor for the plan workspace: the same milestones, from the same single Apex call, as a bare list
// (for:each of <li> and <div>, no lightning-* base components, no SLDS), carrying the text the workspace shows for
// each one: its name, its owners' names, its due date and its status. What no list of 60 milestones can beat in
// this engine. Driven like the datatable baseline: a data attribute in, a `benchedit` event for the edit.
const DUE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

export default class WorkspaceFloor extends LightningElement {
    rows = [];

    connectedCallback() {
        // The edit as the workspace shows it before saving: the new status and an "Unsaved" mark on the row.
        this.addEventListener('benchedit', (event) => {
            const { id, status } = event.detail;
            this.rows = this.rows.map((row) => (row.id === id ? { ...row, status, dirty: true } : row));
        });
        this.load();
    }

    async load() {
        const milestones = await benchMilestones(this);
        this.rows = milestones.map((milestone) => ({
            id: milestone.id,
            name: milestone.name,
            owner: [milestone.buyerOwnerName, milestone.sellerOwnerName].filter(Boolean).join(' · ') || 'No owner',
            due: milestone.dueDate ? DUE.format(new Date(`${milestone.dueDate}T00:00:00Z`)) : 'No date',
            status: milestone.status,
            dirty: false
        }));
    }
}

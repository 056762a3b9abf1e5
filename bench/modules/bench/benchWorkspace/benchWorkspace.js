import getWorkspace from '@salesforce/apex/PlanWorkspaceController.getWorkspace';

// What the bench's baselines for the plan workspace load: the milestones of the opportunity their host element names
// (data-opportunity-id), from the same single Apex call the workspace makes.

/** The workspace's milestones, as the Apex call returns them (an object, or its JSON). */
export async function benchMilestones(host) {
    const json = await getWorkspace({ opportunityId: host.getAttribute('data-opportunity-id') });
    const workspace = typeof json === 'string' ? JSON.parse(json) : json;
    return workspace.milestones;
}

// Preview twin of PlanWorkspaceController (force-app/main/plan-workspace/classes): the plan workspace's five calls.
// The work is in lib/workspaceService.mjs (the service and its selectors); this keeps the controller's contract:
// the Aura framework's parameter types, the requests read as JSON.deserialize reads them, the fresh workspace
// returned as a JSON string, and any failure thrown as an AuraHandledException whose message is the JSON of the
// errors (PlanWorkspaceErrors), which the component reads from error.body.message.
import { WorkspaceService, MESSAGES } from './lib/workspaceService.mjs';
import { workspaceAuraError } from './lib/workspaceErrors.mjs';
import {
    booleanParameter,
    CREATE_PLAN_REQUEST,
    deserializeRequest,
    idParameter,
    SAVE_MILESTONES_REQUEST,
    stringParameter
} from './lib/workspaceRequest.mjs';

/** The controller's try/catch: a failure becomes auraError(failure, summary). */
function action(summary, body) {
    try {
        return body();
    } catch (failure) {
        throw workspaceAuraError(failure, summary);
    }
}

const serviceOf = (context) => new WorkspaceService(context.org, context.userId);

/** PlanWorkspaceController.getWorkspace(Id opportunityId): everything the workspace shows, as JSON. */
export function getWorkspace({ opportunityId }, context) {
    const id = idParameter('opportunityId', opportunityId);
    return action(MESSAGES.loadFailed, () => JSON.stringify(serviceOf(context).load(id)));
}

/** PlanWorkspaceController.createPlan(Id opportunityId, String requestJson): a Draft plan and its milestones. */
export function createPlan({ opportunityId, requestJson }, context) {
    const id = idParameter('opportunityId', opportunityId);
    return action(MESSAGES.createFailed, () => {
        const request = deserializeRequest(stringParameter(requestJson), CREATE_PLAN_REQUEST);
        const service = serviceOf(context);
        service.createPlan(id, request);
        return JSON.stringify(service.load(id));
    });
}

/** PlanWorkspaceController.saveMilestones(Id planId, String requestJson): inserts, updates, deletes, new order. */
export function saveMilestones({ planId, requestJson }, context) {
    const id = idParameter('planId', planId);
    return action(MESSAGES.saveFailed, () => {
        const request = deserializeRequest(stringParameter(requestJson), SAVE_MILESTONES_REQUEST);
        const service = serviceOf(context);
        return JSON.stringify(service.load(service.saveMilestones(id, request)));
    });
}

/** PlanWorkspaceController.setPlanStatus(Id planId, String status) */
export function setPlanStatus({ planId, status }, context) {
    const id = idParameter('planId', planId);
    return action(MESSAGES.statusFailed, () => {
        const service = serviceOf(context);
        return JSON.stringify(service.load(service.setPlanStatus(id, stringParameter(status))));
    });
}

/** PlanWorkspaceController.recordBuyerAcceptance(Id planId, Id contactId, Boolean accepted) */
export function recordBuyerAcceptance({ planId, contactId, accepted }, context) {
    const id = idParameter('planId', planId);
    const contact = idParameter('contactId', contactId);
    return action(MESSAGES.acceptanceFailed, () => {
        const service = serviceOf(context);
        return JSON.stringify(service.load(service.recordBuyerAcceptance(id, contact, booleanParameter(accepted))));
    });
}

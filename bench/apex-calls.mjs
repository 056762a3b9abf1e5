// One component call, as the preview serves it: one Apex transaction of the user through the @AuraEnabled method,
// with what that transaction used of the governor limits (Apex Developer Guide, "Execution Governors and Limits":
// SOQL queries, query rows, DML statements, DML rows, counted per transaction, triggers included) and its time.

/** The counters a transaction keeps (apex-runtime/interpreter/runtime.mjs, rt.limits). */
export const LIMIT_NAMES = ['queries', 'queryRows', 'dmlStatements', 'dmlRows'];

/** Calls className.methodName(params) as userId; returns { value, limits, ms }. */
export function auraCall(session, userId, className, methodName, params) {
    return session.transaction(userId, (rt) => {
        const started = performance.now();
        const value = rt.callAura(className, methodName, params);
        const ms = performance.now() - started;
        return { value, ms, limits: Object.fromEntries(LIMIT_NAMES.map((name) => [name, rt.limits[name]])) };
    });
}

/** The workspace PlanWorkspaceController returns, as the component receives it: the typed PlanWorkspace, an object. */
export function workspaceOf(value) {
    if (!value || typeof value !== 'object') {
        throw new Error(`PlanWorkspaceController returned ${typeof value}, not the workspace`);
    }
    return value;
}

/**
 * A saveMilestones request (SaveMilestonesRequest) as the component builds it
 * (planWorkspaceModel.savePayload): for a saved milestone its id as the key, only the changed fields, named in
 * changedFields; no deletions.
 */
export function statusEdits(milestoneIds, status) {
    return {
        milestones: milestoneIds.map((id) => ({ key: id, id, changedFields: ['status'], status })),
        deletedIds: []
    };
}

/**
 * A pipeline review request (PipelineReviewRequest) as the review sends its first load: everything the user can
 * see, soonest close first, with the summary and the filter options.
 */
export function reviewRequest(overrides = {}) {
    return {
        scope: 'all',
        ownerId: null,
        stageName: null,
        closePeriod: 'any',
        health: null,
        gatedWithoutPlan: false,
        sortBy: 'closeDate',
        sortDirection: 'asc',
        pageSize: 200,
        cursor: null,
        includeSummary: true,
        includeOptions: true,
        ...overrides
    };
}

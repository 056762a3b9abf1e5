// One component call, as the preview serves it: one Apex transaction of the user through the @AuraEnabled method,
// with what that transaction used of the governor limits (Apex Developer Guide, "Execution Governors and Limits":
// SOQL queries, query rows, DML statements, DML rows, counted per transaction, triggers included) and its time.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importComponentModules } from '../scripts/lib/component-modules.mjs';
import { benchReviewRequest } from './review-request.mjs';

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

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The pipeline review's model bundle, where the review's default state and its request are defined. */
const REVIEW_MODEL = join(ROOT, 'force-app', 'main', 'pipeline-review', 'lwc', 'pipelineReviewModel');

/**
 * The model's default state (reviewState.ts, DEFAULT_STATE) and the request it builds from a state
 * (reviewRequest.ts, buildRequest), compiled as the preview compiles the components and loaded once.
 */
const loadReviewModel = () =>
    importComponentModules(
        ROOT,
        [
            `export { DEFAULT_STATE } from ${JSON.stringify(join(REVIEW_MODEL, 'reviewState.ts'))};`,
            `export { buildRequest } from ${JSON.stringify(join(REVIEW_MODEL, 'reviewRequest.ts'))};`
        ].join('\n')
    );

const reviewModel = await loadReviewModel();

/** A pipeline review request (PipelineReviewRequest) as the bench asks it (review-request.mjs). */
export function reviewRequest(overrides = {}) {
    return benchReviewRequest(reviewModel, overrides);
}

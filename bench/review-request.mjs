// The bench's pipeline review request: the review's first load (its model's buildRequest of DEFAULT_STATE, with the
// summary and the filter options) for everything the user can see, 200 a page. The model is handed in: the browser
// bundle imports it as c/pipelineReviewModel (bench/modules/bench/reviewTable), Node loads it from its TypeScript
// (bench/apex-calls.mjs); both ask the same request of the same Apex.

/** `model`: { buildRequest, DEFAULT_STATE } of c/pipelineReviewModel. */
export function benchReviewRequest(model, overrides = {}) {
    return {
        ...model.buildRequest(model.DEFAULT_STATE, null, { summary: true, options: true }),
        scope: 'all',
        pageSize: 200,
        ...overrides
    };
}

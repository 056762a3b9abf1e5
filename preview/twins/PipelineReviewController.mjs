// Preview twin of PipelineReviewController (force-app/main/pipeline-review/classes): the pipeline review's one
// call. The work is in lib/pipelineReview.mjs (the service and selector) and lib/pipelineQuery.mjs (the query
// plan); this keeps the controller's contract: a request value outside its whitelist comes back as an
// AuraHandledException carrying PipelineQuery's message.
import { InvalidRequestError, loadPipelinePage } from './lib/pipelineReview.mjs';
import { auraHandledException, auraResponse } from './lib/pipelineAura.mjs';

/** PipelineReviewController.loadPage(PipelineReviewRequest request): one page, and the summary and options. */
export function loadPage({ request }, context) {
    try {
        return auraResponse(loadPipelinePage(context.org, context.userId, request));
    } catch (error) {
        if (error instanceof InvalidRequestError) throw auraHandledException(error.message);
        throw error;
    }
}

/**
 * The errors an Apex call of the pipeline review can reject with, as messages a user can read: read by the one
 * decoder every screen uses (c/serverErrors), which knows the report PipelineReviewController sends (a summary and
 * the reason as a page error) and every other shape a call can reject with.
 */
import { errorMessages, parseServerError } from 'c/serverErrors';

/** What the review says when a failure carries no message at all. */
const LOAD_FAILED = 'Something went wrong while loading the pipeline review.';

/** Every message of the errors an Apex call rejected with, each once (the review's alert has its own heading). */
export function reduceErrors(error: unknown): string[] {
    return errorMessages(parseServerError(error, LOAD_FAILED, LOAD_FAILED));
}

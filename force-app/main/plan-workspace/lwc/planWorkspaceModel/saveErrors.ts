/**
 * The workspace's errors, the server's and its own checks' alike, in the one shape every screen uses (c/serverErrors):
 * a message, page errors, and errors per record (a milestone's key, or "plan") and field. `parseServerError` reads
 * whatever an Apex call rejects with.
 */
import { MAIN_RECORD_KEY } from 'c/serverErrors';
import type { ErrorReport } from 'c/serverErrors';

export { hasErrors, parseServerError } from 'c/serverErrors';
export type { RecordErrors } from 'c/serverErrors';

/** The workspace's errors: the shared report, by record key a milestone's key or "plan". */
export type SaveErrors = ErrorReport;

/** The record key of the plan's own errors (the server's record errors without a key land there too). */
export const PLAN_KEY = MAIN_RECORD_KEY;

/** Keys of rows with errors, kept in edit mode after a failed save so the user can fix them. */
export function keysInError(errors: SaveErrors | null): string[] {
    return errors ? Object.keys(errors.records).filter((key) => key !== PLAN_KEY) : [];
}

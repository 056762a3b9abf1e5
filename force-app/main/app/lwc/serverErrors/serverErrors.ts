/**
 * What an Apex call rejects with, in one shape for every screen (the plan workspace, the pipeline review, Tandem
 * Setup): a summary, page errors, and errors per record and field, so each screen can put a message next to what
 * caused it. A screen's own checks before a save build the same shape, so one view shows both.
 *
 * The server side is ScreenErrors.cls: every controller throws an AuraHandledException whose message is the
 * JSON of the report `{ message, pageErrors, recordErrors: [{ key, messages, fieldErrors }], conflict }`, and the
 * component receives that message as it was set (LWC Developer Guide, "Handle Errors from Apex":
 * https://developer.salesforce.com/docs/platform/lwc/guide/apex-error-handling.html). Anything else an Apex call
 * can reject with is read too: a plain message, a list of errors, the UI API's `{ output: { errors, fieldErrors } }`,
 * a JavaScript error (a network failure), a string.
 */

export interface RecordErrors {
    /** Errors of the record that name no field the screen shows. */
    messages: string[];
    /** By the screen's name for the field. */
    fieldErrors: Record<string, string[]>;
}

export interface ErrorReport {
    /** A summary sentence shown above the errors. */
    message: string | null;
    /** Errors that belong to no record. */
    pageErrors: string[];
    /** By record key (the screen's key: a milestone's key, "plan", a stage's API name, "thresholds"). */
    records: Record<string, RecordErrors>;
    /** Someone else changed the record since it was loaded: reloading it is the way on. */
    conflict?: boolean;
}

/** The page error when a failure carries no message at all. */
export const UNREADABLE_ERROR = 'Something went wrong. Try again, or reload the page.';

/** The key of the screen's own record (the workspace's plan): where a record error without a key goes. */
export const MAIN_RECORD_KEY = 'plan';

export function hasErrors(errors: ErrorReport | null | undefined): boolean {
    return (
        Boolean(errors) &&
        ((errors as ErrorReport).pageErrors.length > 0 || Object.keys((errors as ErrorReport).records).length > 0)
    );
}

/** The first message for one field of one record, or '' (for a field's help text or custom validity). */
export function fieldError(errors: ErrorReport | null | undefined, key: string, field: string): string {
    return errors?.records[key]?.fieldErrors[field]?.[0] ?? '';
}

/**
 * Every message of a report as one list, each once: page errors, then per record its messages and the field errors
 * the screen does not place next to a control (`placed(key, field)`), so nothing the server said is lost.
 */
export function errorMessages(
    errors: ErrorReport | null | undefined,
    placed: (key: string, field: string) => boolean = () => false
): string[] {
    if (!errors) {
        return [];
    }
    const out = [...errors.pageErrors];
    for (const [key, record] of Object.entries(errors.records)) {
        out.push(...record.messages);
        for (const [field, messages] of Object.entries(record.fieldErrors)) {
            if (!placed(key, field)) {
                out.push(...messages);
            }
        }
    }
    return [...new Set(out)];
}

/**
 * Any error an Apex call can reject with, or a list of them, as a report. `summary` is the report's message unless
 * the server sent its own; `unreadable` is the page error when nothing readable came back. Never throws.
 */
export function parseServerError(error: unknown, summary: string, unreadable: string = UNREADABLE_ERROR): ErrorReport {
    const report: ErrorReport = { message: summary, pageErrors: [], records: {} };
    let conflict = false;
    for (const item of Array.isArray(error) ? error : [error]) {
        conflict = readError(item, report) || conflict;
    }
    if (!hasErrors(report)) {
        report.pageErrors.push(unreadable);
    }
    return conflict ? { ...report, conflict } : report;
}

/** Adds one rejection to the report; true when the server reported a conflict. */
function readError(item: unknown, report: ErrorReport): boolean {
    if (typeof item === 'string') {
        report.pageErrors.push(...asStrings(item));
        return false;
    }
    if (!isRecord(item)) {
        return false;
    }
    const before = report.pageErrors.length + Object.keys(report.records).length;
    let conflict = false;
    for (const body of Array.isArray(item.body) ? item.body : [item.body]) {
        if (isRecord(body)) {
            conflict = readBody(body, report) || conflict;
        }
    }
    const readNothing = report.pageErrors.length + Object.keys(report.records).length === before;
    if (readNothing && typeof item.message === 'string') {
        // A JavaScript error (a network failure) or an error object without a body.
        report.pageErrors.push(...asStrings(item.message));
    }
    return conflict;
}

/** One error body: the JSON report in its message, a plain message, or the UI API's output. */
function readBody(body: Record<string, unknown>, report: ErrorReport): boolean {
    let conflict = false;
    if (typeof body.message === 'string') {
        const json = parseJsonObject(body.message);
        if (json && ('recordErrors' in json || 'pageErrors' in json)) {
            conflict = readReport(json, report);
        } else {
            report.pageErrors.push(...asStrings(body.message));
        }
    }
    if (isRecord(body.output)) {
        report.pageErrors.push(...asStrings(body.output.errors));
        if (isRecord(body.output.fieldErrors)) {
            for (const list of Object.values(body.output.fieldErrors)) {
                report.pageErrors.push(...asStrings(list));
            }
        }
    }
    return conflict;
}

/** The JSON of a ScreenErrors, merged into the report; records reported twice share one entry. */
function readReport(json: Record<string, unknown>, report: ErrorReport): boolean {
    if (typeof json.message === 'string') {
        report.message = json.message;
    }
    report.pageErrors.push(...asStrings(json.pageErrors));
    for (const entry of Array.isArray(json.recordErrors) ? json.recordErrors : []) {
        const record = isRecord(entry) ? entry : {};
        const fields: Record<string, string[]> = {};
        if (isRecord(record.fieldErrors)) {
            for (const [field, messages] of Object.entries(record.fieldErrors)) {
                fields[field] = asStrings(messages);
            }
        }
        mergeRecord(report.records, String(record.key ?? MAIN_RECORD_KEY), asStrings(record.messages), fields);
    }
    return json.conflict === true;
}

function mergeRecord(
    records: Record<string, RecordErrors>,
    key: string,
    messages: string[],
    fields: Record<string, string[]>
): void {
    const record = records[key] ?? { messages: [], fieldErrors: {} };
    record.messages.push(...messages);
    for (const [field, list] of Object.entries(fields)) {
        record.fieldErrors[field] = [...(record.fieldErrors[field] ?? []), ...list];
    }
    records[key] = record;
}

function asStrings(value: unknown): string[] {
    if (Array.isArray(value)) {
        return value.flatMap(asStrings);
    }
    if (typeof value === 'string') {
        return value ? [value] : [];
    }
    if (isRecord(value) && typeof value.message === 'string') {
        return asStrings(value.message);
    }
    return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJsonObject(text: string): Record<string, unknown> | null {
    if (!text.trimStart().startsWith('{')) {
        return null;
    }
    try {
        const parsed = JSON.parse(text) as unknown;
        return isRecord(parsed) ? parsed : null;
    } catch {
        return null;
    }
}

/**
 * Errors in one shape, the server's and the workspace's own checks alike: a message, page errors, and errors per
 * record (a milestone's key, or "plan") and field. `parseServerError` reads whatever an Apex call rejects with.
 */

export interface RecordErrors {
    messages: string[];
    fieldErrors: Record<string, string[]>;
}

export interface SaveErrors {
    message: string | null;
    pageErrors: string[];
    /** By record key: a milestone's key, or "plan". */
    records: Record<string, RecordErrors>;
    /** Someone else changed the plan since it was loaded: reloading it (keeping the user's edits) is the way on. */
    conflict?: boolean;
}

export const PLAN_KEY = 'plan';

export function hasErrors(errors: SaveErrors | null | undefined): boolean {
    return (
        Boolean(errors) &&
        ((errors as SaveErrors).pageErrors.length > 0 || Object.keys((errors as SaveErrors).records).length > 0)
    );
}

function asStrings(value: unknown): string[] {
    if (Array.isArray(value)) {
        return value.flatMap(asStrings);
    }
    if (typeof value === 'string') {
        return value ? [value] : [];
    }
    if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') {
        return [(value as { message: string }).message];
    }
    return [];
}

function mergeRecord(
    records: Record<string, RecordErrors>,
    key: string,
    messages: string[],
    fields: Record<string, string[]>
) {
    const record = records[key] ?? { messages: [], fieldErrors: {} };
    record.messages.push(...messages);
    for (const [field, list] of Object.entries(fields)) {
        record.fieldErrors[field] = [...(record.fieldErrors[field] ?? []), ...list];
    }
    records[key] = record;
}

/** Reads the JSON that PlanWorkspaceController puts in an AuraHandledException (PlanWorkspaceErrors.cls). */
function fromWorkspaceJson(json: Record<string, unknown>, fallback: string): SaveErrors {
    const records: Record<string, RecordErrors> = {};
    for (const entry of Array.isArray(json.recordErrors) ? json.recordErrors : []) {
        const record = entry as { key?: unknown; messages?: unknown; fieldErrors?: unknown };
        const fields: Record<string, string[]> = {};
        if (record.fieldErrors && typeof record.fieldErrors === 'object') {
            for (const [field, messages] of Object.entries(record.fieldErrors as Record<string, unknown>)) {
                fields[field] = asStrings(messages);
            }
        }
        mergeRecord(records, String(record.key ?? PLAN_KEY), asStrings(record.messages), fields);
    }
    return {
        message: typeof json.message === 'string' ? json.message : fallback,
        pageErrors: asStrings(json.pageErrors),
        records,
        conflict: json.conflict === true
    };
}

/**
 * Any error an Apex call can reject with, as page and record errors: the workspace's own JSON report, a plain
 * AuraHandledException message, the UI API's `{ output: { errors, fieldErrors } }`, a list of errors, a network
 * failure. Never throws.
 */
export function parseServerError(error: unknown, fallback: string): SaveErrors {
    const body = (error as { body?: unknown } | null)?.body;
    const bodies = Array.isArray(body) ? body : [body];
    const pageErrors: string[] = [];
    const records: Record<string, RecordErrors> = {};
    let message: string | null = null;
    let conflict = false;
    for (const item of bodies) {
        if (!item || typeof item !== 'object') {
            continue;
        }
        const { message: text, output } = item as { message?: unknown; output?: unknown };
        if (typeof text === 'string') {
            const parsed = parseJsonObject(text);
            if (parsed && ('recordErrors' in parsed || 'pageErrors' in parsed)) {
                const report = fromWorkspaceJson(parsed, fallback);
                message = report.message;
                conflict = conflict || report.conflict === true;
                pageErrors.push(...report.pageErrors);
                for (const [key, record] of Object.entries(report.records)) {
                    mergeRecord(records, key, record.messages, record.fieldErrors);
                }
                continue;
            }
            pageErrors.push(text);
        }
        if (output && typeof output === 'object') {
            const { errors, fieldErrors } = output as { errors?: unknown; fieldErrors?: unknown };
            pageErrors.push(...asStrings(errors));
            if (fieldErrors && typeof fieldErrors === 'object') {
                for (const list of Object.values(fieldErrors as Record<string, unknown>)) {
                    pageErrors.push(...asStrings(list));
                }
            }
        }
    }
    if (pageErrors.length === 0 && Object.keys(records).length === 0) {
        const plain = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
        pageErrors.push(plain || 'Something went wrong. Try again, or reload the page.');
    }
    return { message: message ?? fallback, pageErrors, records, ...(conflict ? { conflict } : {}) };
}

function parseJsonObject(text: string): Record<string, unknown> | null {
    if (!text.trimStart().startsWith('{')) {
        return null;
    }
    try {
        const parsed = JSON.parse(text) as unknown;
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
            ? (parsed as Record<string, unknown>)
            : null;
    } catch {
        return null;
    }
}

/** Keys of rows with errors, kept in edit mode after a failed save so the user can fix them. */
export function keysInError(errors: SaveErrors | null): string[] {
    return errors ? Object.keys(errors.records).filter((key) => key !== PLAN_KEY) : [];
}

// Apex calls in the preview go to the server, where each method's twin reads and writes the embedded org.
// Errors come back shaped as the platform shapes them for an LWC: { body: { message, ... }, status }.
export function callApex(className, methodName, params) {
    return post(`/api/apex/${className}/${methodName}`, { params: params ?? {} }, 'Apex call failed');
}

export function callOrg(action, body) {
    return post(`/api/org/${action}`, body ?? {}, 'Save failed');
}

/** The window event the preview's tools dispatch when the org may have delivered custom notifications (the bell reads them again). */
export const NOTIFICATIONS_CHANGED = 'previewnotificationschanged';

/** The preview-only tools (preview/follow-up-tools.mjs): the notification bell, the outbox, the daily job. */
export function callPreview(tool, body) {
    return post(`/api/preview/${tool}`, body ?? {}, 'The preview tool failed');
}

/** POSTs `body` as JSON; resolves to the payload's result, or rejects with the error as an LWC receives it. */
async function post(url, body, fallbackMessage) {
    const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body)
    });
    const payload = await response.json();
    if (!response.ok) {
        const error = new Error(payload.message ?? fallbackMessage);
        error.body = payload;
        error.status = response.status;
        throw error;
    }
    return payload.result;
}

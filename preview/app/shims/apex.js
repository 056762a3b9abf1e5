// Apex calls in the preview go to the server, where each method's twin reads and writes the embedded org.
// Errors come back shaped as the platform shapes them for an LWC: { body: { message, ... }, status }.
export async function callApex(className, methodName, params) {
    const response = await fetch(`/api/apex/${className}/${methodName}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ params: params ?? {} })
    });
    const payload = await response.json();
    if (!response.ok) {
        const error = new Error(payload.message ?? 'Apex call failed');
        error.body = payload;
        error.status = response.status;
        throw error;
    }
    return payload.result;
}

export async function callOrg(action, body) {
    const response = await fetch(`/api/org/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {})
    });
    const payload = await response.json();
    if (!response.ok) {
        const error = new Error(payload.message ?? 'Save failed');
        error.body = payload;
        error.status = response.status;
        throw error;
    }
    return payload.result;
}

// What the platform does between the pipeline review's Apex and the component: the returned object serialized
// as Aura serializes an @AuraEnabled Apex object, and an AuraHandledException shaped as the component receives it.

/**
 * The JSON the component receives for an Apex object: properties whose value is null are left out (the Aura
 * serializer drops them), so a row without a plan has no planId at all, as in an org.
 */
export function auraResponse(value) {
    if (Array.isArray(value)) return value.map(auraResponse);
    if (value === null || typeof value !== 'object') return value;
    const out = {};
    for (const [key, entry] of Object.entries(value)) {
        if (entry !== null && entry !== undefined) out[key] = auraResponse(entry);
    }
    return out;
}

/**
 * An AuraHandledException whose message was set (the controller calls setMessage, so the component reads this
 * message rather than "Script-thrown exception"). The preview server answers with `body`.
 */
export function auraHandledException(message) {
    return Object.assign(new Error(message), {
        name: 'AuraHandledException',
        body: { message, exceptionType: 'System.AuraHandledException', isUserDefinedException: false, stackTrace: '' }
    });
}

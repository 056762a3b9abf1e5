// Dispatches the components' Apex calls to their twins in preview/twins/<Class>.mjs. Each twin is called as
// `method(params, { org, userId })` inside one org transaction, as an Apex call is one transaction.
import { readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function loadTwinRegistry(root) {
    const dir = join(root, 'preview', 'twins');
    const registry = new Map();
    if (!existsSync(dir)) return registry;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mjs'))) {
        registry.set(basename(file, '.mjs'), await import(pathToFileURL(join(dir, file)).href));
    }
    return registry;
}

export function apexDispatcher(registry, org) {
    return async (className, methodName, params) => {
        const method = registry.get(className)?.[methodName];
        if (typeof method !== 'function') {
            throw Object.assign(new Error(`No preview twin for ${className}.${methodName}`), { status: 501 });
        }
        return org.transaction(() => method(params, { org, userId: org.currentUserId }));
    };
}

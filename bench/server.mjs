// Serves the bench bundle against the bench's org, wired as scripts/preview.mjs wires the preview: the components'
// Apex calls answered by the preview twins, inside one org transaction each.
import { startServer } from '../preview/server.mjs';
import { createOrgApi } from '../preview/org-api.mjs';
import { apexDispatcher, loadTwinRegistry } from '../preview/twins.mjs';

/** Resolves to { server, url } on a free port of 127.0.0.1. */
export async function startBenchServer({ root, org, bundleFile }) {
    const orgApi = createOrgApi(org);
    const server = await startServer({
        bundleFile,
        callApex: apexDispatcher(await loadTwinRegistry(root), org),
        callOrg: async (action, body) => {
            if (typeof orgApi[action] !== 'function') {
                throw Object.assign(new Error(`unknown action ${action}`), { status: 404 });
            }
            return org.transaction(() => orgApi[action](body));
        },
        boot: { userId: org.currentUserId },
        port: 0
    });
    return { server, url: `http://127.0.0.1:${server.address().port}/bench` };
}

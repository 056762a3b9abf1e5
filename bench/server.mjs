// Serves the bench bundle against the bench's org, wired as scripts/preview.mjs wires the preview: the components'
// Apex calls answered by the package's own Apex on the offline runtime (one transaction of the current user each).
import { startServer } from '../preview/server.mjs';
import { createOrgApi } from '../preview/org-api.mjs';
import { apexCaller } from '../preview/apex.mjs';

/** Resolves to { server, url } on a free port of 127.0.0.1. */
export async function startBenchServer({ session, bundleFile }) {
    const { org } = session;
    const orgApi = createOrgApi(org);
    const server = await startServer({
        bundleFile,
        callApex: apexCaller(session),
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

/**
 * A fresh page of the bench (its own browser context, so no cache or storage carries over), once the harness has
 * loaded: { page, errors (the page's uncaught errors, as they come), close }.
 */
export async function openBenchPage(browser, url) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => globalThis.tandemBench?.ready === true, null, { timeout: 60_000 });
    return { page, errors, close: () => context.close() };
}

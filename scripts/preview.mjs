#!/usr/bin/env node
// npm start: builds the real components with the open-source LWC compiler, starts an embedded in-memory org (it
// reads and applies the package's own metadata) with the package's Apex running on it through the offline Apex
// runtime, loads the demo data with the dev directory's Apex loader, and serves both on 127.0.0.1.
//   PORT=4173 npm start     choose the port (default 4173; 0 picks a free one)
//   npm start -- --no-build  reuse dist/preview/app.js
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPreview } from '../preview/build.mjs';
import { startServer } from '../preview/server.mjs';
import { createOrgApi, viewerChoices } from '../preview/org-api.mjs';
import { apexCaller, createDemoSession } from '../preview/apex.mjs';
import { attachPageRenderer, pageResponder } from '../preview/visualforce/index.mjs';
import { createFollowUpTools } from '../preview/follow-up-tools.mjs';
import { requireSupportedNode } from './lib/node-version.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles the real components (by default the preview's app into dist/preview/app.js; the bench passes its own
 * entry), for the end-to-end tests and the bench. Rollup's warnings about lightning-base-components' templates are
 * known and harmless; they are counted instead of printed so a failing test stays readable.
 */
export async function buildBundle({ output = join(root, 'dist', 'preview', 'app.js'), input, mode } = {}) {
    const warnings = [];
    const warn = console.warn;
    console.warn = (...args) => warnings.push(args.join(' '));
    const started = performance.now();
    try {
        await buildPreview(output, { ...(input ? { input } : {}), ...(mode ? { mode } : {}) });
    } finally {
        console.warn = warn;
    }
    return { seconds: (performance.now() - started) / 1000, warnings: warnings.length };
}

/**
 * Builds (unless told not to), loads the demo and serves; resolves to { server, url, org, demo, session }.
 * `bundleFile`: the built app to serve (default dist/preview/app.js).
 */
export async function startPreview({
    port = 4173,
    build = true,
    today,
    bundleFile = join(root, 'dist', 'preview', 'app.js')
} = {}) {
    if (build) await buildPreview(bundleFile);
    const { session, org, demo } = createDemoSession({ root, today });
    const orgApi = createOrgApi(org, demo, session);
    // PageReference.getContentAsPDF() and the /apex/<Page> route render the project's Visualforce pages offline.
    attachPageRenderer(session);
    const server = await startServer({
        bundleFile,
        callApex: apexCaller(session, { siteGuest: demo.siteGuest }),
        renderPage: pageResponder(session),
        // Preview only: the notification bell, the Outbox tab and "Run the daily job" (run as the demo's admin).
        previewTools: createFollowUpTools({ session, adminId: demo.admin }),
        callOrg: async (action, body) => {
            if (typeof orgApi[action] !== 'function')
                throw Object.assign(new Error(`unknown action ${action}`), { status: 404 });
            return org.transaction(() => orgApi[action](body));
        },
        // Read on every page load: after the shell's "Viewing as" switch, the page reloads as the new user.
        boot: {
            get userId() {
                return org.currentUserId;
            },
            viewers: viewerChoices(org, demo)
        },
        port
    });
    const url = `http://127.0.0.1:${server.address().port}/`;
    // The preview's site is its own /buyer route: the address an admin sets in Plan Setting "Default" once the buyer
    // page is published (docs/buyer-page.md), so the links in sent plans open here.
    org.setCustomMetadata('Plan_Setting__mdt.Default', { Buyer_Page_URL__c: `${url}buyer` });
    return { server, url, org, demo, session };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    requireSupportedNode('npm start');
    const started = Date.now();
    const { url, org } = await startPreview({
        port: Number(process.env.PORT ?? 4173),
        build: !process.argv.includes('--no-build')
    });
    const counts = org.counts();
    console.log(
        `Tandem preview on ${url} (${((Date.now() - started) / 1000).toFixed(1)}s): ` +
            `${counts.Opportunity} opportunities, ${counts.Mutual_Action_Plan__c} plans. Ctrl+C to stop.`
    );
}

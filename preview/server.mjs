// The preview's HTTP server on 127.0.0.1 only: the component bundle, SLDS, and the components' Apex calls, which the
// package's own Apex answers on the offline runtime (preview/apex.mjs).
import http from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';

const require = createRequire(import.meta.url);
const SLDS = dirname(require.resolve('@salesforce-ux/design-system/package.json'));

const TYPES = {
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.html': 'text/html; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.json': 'application/json'
};

const page = (boot) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tandem preview</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>html, body { background: #f3f3f3; min-height: 100%; } .preview-shell { max-width: 1280px; margin: 0 auto; padding: 0.75rem; }</style>
</head>
<body class="slds-scope">
<div id="root" class="preview-shell"></div>
<script>window.__TANDEM_PREVIEW__ = ${JSON.stringify(boot).replace(/</g, '\\u003c')};</script>
<script type="module" src="/app.js"></script>
</body>
</html>`;

function sendFile(res, file) {
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
}

function sendJson(res, status, body) {
    res.writeHead(status, { 'content-type': TYPES['.json'] });
    res.end(JSON.stringify(body));
}

async function readJson(req) {
    let body = '';
    for await (const chunk of req) body += chunk;
    return body ? JSON.parse(body) : {};
}

/** A file below `base` named by `urlPath`, or null if it escapes `base` or does not exist. */
function fileBelow(base, urlPath) {
    const file = normalize(join(base, decodeURIComponent(urlPath)));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) return null;
    return file;
}

/**
 * The page's boot data, with the previewed user's locale and language keys (User.LocaleSidKey, LanguageLocaleKey):
 * read on every page load, so the app's @salesforce/i18n modules (app/shims/i18n.js) follow the "Viewing as" switch.
 */
async function bootOf(boot, callOrg) {
    const userId = boot.userId;
    if (!userId) return boot;
    const fields = ['User.LocaleSidKey', 'User.LanguageLocaleKey'];
    const user = (await callOrg('getRecord', { recordId: userId, fields })).fields;
    return { ...boot, userId, localeSidKey: user.LocaleSidKey.value, languageLocaleKey: user.LanguageLocaleKey.value };
}

const PREVIEW_TOOLS = {
    notifications: (tools) => tools.notifications(),
    'notifications/read': (tools, body) => tools.markRead(body),
    outbox: (tools) => tools.outbox(),
    'daily-job': (tools, body) => tools.runDailyJob(body)
};

/** A download's header: an ASCII name for any browser, the real one (RFC 6266 filename*) for those that read it. */
function contentDisposition(fileName) {
    const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The preview-only tools' routes (preview/follow-up-tools.mjs): POST /api/preview/<tool> answers { result } or an
 * error { message } with the tool's status; GET /api/preview/outbox/<email>/attachments/<n> downloads an attachment.
 */
async function answerTool(req, res, url, tools) {
    if (!tools) return sendJson(res, 404, { message: 'This preview server has no preview tools.' });
    const attachment = /^\/api\/preview\/outbox\/(\d+)\/attachments\/(\d+)$/.exec(url.pathname);
    try {
        if (req.method === 'GET' && attachment) {
            const file = tools.attachment(attachment[1], attachment[2]);
            res.writeHead(200, {
                'content-type': file.contentType,
                'content-length': file.body.length,
                'content-disposition': contentDisposition(file.fileName),
                'x-content-type-options': 'nosniff'
            });
            return void res.end(file.body);
        }
        const tool = PREVIEW_TOOLS[url.pathname.slice('/api/preview/'.length)];
        if (req.method !== 'POST' || !tool) return sendJson(res, 404, { message: `No preview tool ${url.pathname}` });
        sendJson(res, 200, { result: await tool(tools, await readJson(req)) });
    } catch (error) {
        sendJson(res, error.status ?? 500, error.body ?? { message: error.message });
    }
}

/**
 * Starts the server. `bundleFile` is the built app; `callApex(className, methodName, params)` answers the
 * components' Apex calls (through preview/apex.mjs) and `callOrg(action, body)` the preview pages' record reads and saves,
 * each resolving to a value or throwing an error whose `body` is shaped like the platform's. `renderPage(name,
 * parameters)` (optional, preview/visualforce/) answers GET /apex/<Page>?id=... with the page as the current user
 * sees it, { contentType, body } (a PDF for a page rendered as PDF), or null for no such page. `previewTools`
 * (optional, createFollowUpTools in preview/follow-up-tools.mjs) answers the shell's notification bell, its Outbox
 * tab and its "Run the daily job" control under /api/preview/.
 */
export function startServer({
    bundleFile,
    callApex,
    callOrg,
    renderPage,
    previewTools = null,
    boot = {},
    port = 0,
    host = '127.0.0.1'
}) {
    const server = http.createServer(async (req, res) => {
        const url = new URL(req.url, `http://${host}`);
        try {
            if (req.method === 'POST' && url.pathname.startsWith('/api/apex/')) {
                const [, , , className, methodName] = url.pathname.split('/');
                const { params } = await readJson(req);
                try {
                    sendJson(res, 200, { result: await callApex(className, methodName, params ?? {}) });
                } catch (error) {
                    sendJson(res, error.status ?? 400, error.body ?? { message: error.message });
                }
                return;
            }
            if (req.method === 'POST' && url.pathname.startsWith('/api/org/')) {
                const action = url.pathname.split('/')[3];
                try {
                    sendJson(res, 200, { result: await callOrg(action, await readJson(req)) });
                } catch (error) {
                    sendJson(res, error.status ?? 400, error.body ?? { message: error.message });
                }
                return;
            }
            if (url.pathname.startsWith('/api/preview/')) return await answerTool(req, res, url, previewTools);
            if (req.method === 'GET' && renderPage && /^\/apex\/[A-Za-z0-9_]+$/.test(url.pathname)) {
                const page = await renderPage(
                    url.pathname.slice('/apex/'.length),
                    Object.fromEntries(url.searchParams)
                );
                if (!page) return void res.writeHead(404).end();
                res.writeHead(200, { 'content-type': page.contentType });
                res.end(page.body);
                return;
            }
            if (url.pathname === '/app.js') return sendFile(res, bundleFile);
            if (url.pathname.startsWith('/assets/')) {
                const file = fileBelow(SLDS, url.pathname);
                if (file) return sendFile(res, file);
                res.writeHead(404).end();
                return;
            }
            const booted = await bootOf(boot, callOrg);
            res.writeHead(200, { 'content-type': TYPES['.html'] });
            res.end(page(booted));
        } catch (error) {
            sendJson(res, 500, { message: error.message });
        }
    });
    return new Promise((resolve) => {
        server.listen(port, host, () => resolve(server));
    });
}

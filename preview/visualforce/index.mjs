// The offline Visualforce pages of the preview: the runtime's page renderer (PageReference.getContent and
// getContentAsPDF, apex-runtime/platform/pages.mjs) and the preview's /apex/<Page> route.
import { projectPages, setPageRenderer } from '../../apex-runtime/platform/pages.mjs';
import { renderPage } from './render.mjs';
import { htmlToPdf, htmlToPdfSync } from './pdf.mjs';

export { renderPage } from './render.mjs';
export { htmlToPdf, htmlToPng, pdfToPngs, pdfPageCount } from './pdf.mjs';

/**
 * The page rendered for `userId` in a transaction of its own, as the platform serves a page request: { html,
 * renderAs }.
 */
export function renderPageAs(session, userId, pageName, parameters) {
    return session.transaction(userId, (rt) => {
        const { html, renderAs } = renderPage(rt, { pageName, parameters });
        return { html, renderAs };
    });
}

/**
 * Gives the session's org a page renderer: getContent() returns the page as the platform serves it (PDF when the
 * page renders as PDF, else HTML), getContentAsPDF() the PDF "regardless of the <apex:page> component's renderAs
 * attribute" (PageReference Class). The page runs as the user of the calling transaction, in its own transaction
 * (getContent "is treated as a callout").
 */
export function attachPageRenderer(session) {
    setPageRenderer(session.org, ({ rt, pageName, parameters, asPdf }) => {
        const { html, renderAs } = renderPageAs(session, rt.userId, pageName, parameters);
        return asPdf || renderAs === 'pdf' ? htmlToPdfSync(html) : new TextEncoder().encode(html);
    });
}

/**
 * The preview's answer to GET /apex/<Page>?<parameters>, as the current user: { contentType, body }, or null when
 * the project has no such page.
 */
export function pageResponder(session) {
    return async (pageName, parameters) => {
        if (!projectPages(session.program).has(String(pageName).toLowerCase())) return null;
        const { html, renderAs } = renderPageAs(session, session.org.currentUserId, pageName, parameters);
        if (renderAs === 'pdf') return { contentType: 'application/pdf', body: await htmlToPdf(html) };
        return { contentType: 'text/html; charset=utf-8', body: html };
    };
}

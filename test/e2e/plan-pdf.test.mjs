// End to end: the plan as a PDF for the buyer (force-app/main/plan-workspace/pages/PlanPdf.page), rendered offline
// from the demo org the way the platform serves it: the preview's /apex/PlanPdf?id=<plan> route, and
// PageReference.getContentAsPDF() from Apex in the preview. The page runs through the offline Visualforce renderer
// (preview/visualforce/) as the previewed account executive, and Chromium prints it with the page's @page rules.
// No PDF text extractor is installed, so the text is checked in the HTML the renderer produced, and the PDF by its
// header and page count; its pages are drawn to PNG by Chromium's PDF viewer to be looked at:
//   artifacts/screenshots/plan-pdf-page-<n>.png   each page of the plan with the most milestones (an "&" in its name)
//   artifacts/screenshots/plan-pdf-unavailable-page-1.png   an id that is no plan
//   node --test test/e2e/plan-pdf.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, requireChromium } from '../../scripts/lib/chromium.mjs';
import { renderPageAs, pdfPageCount, pdfToPngs } from '../../preview/visualforce/index.mjs';
import { escapeHtml } from '../../preview/visualforce/render.mjs';
import { ROOT, SCREENSHOTS, startE2ePreview, stopServer } from './support.mjs';

let preview;
let browser;
let plan;
let milestones;

before(
    async () => {
        requireChromium();
        mkdirSync(SCREENSHOTS, { recursive: true });
        // Pages of an earlier run that had more of them would be left over.
        for (const file of readdirSync(SCREENSHOTS))
            if (/^plan-pdf(-unavailable)?-page-\d+\.png$/.test(file)) rmSync(join(SCREENSHOTS, file));
        preview = await startE2ePreview();
        browser = await launchBrowser();
        const { org } = preview;
        const all = org.query('Plan_Milestone__c');
        const countOf = (id) => all.filter((milestone) => milestone.Plan__c === id).length;
        // The plan with the most milestones; among those, one whose name needs escaping.
        plan = org
            .query('Mutual_Action_Plan__c')
            .sort(
                (a, b) => countOf(b.Id) - countOf(a.Id) || Number(b.Name.includes('&')) - Number(a.Name.includes('&'))
            )[0];
        milestones = all.filter((milestone) => milestone.Plan__c === plan.Id);
    },
    { timeout: 240_000 }
);

after(async () => {
    await browser?.close();
    await stopServer(preview?.server);
});

async function fetchPdf(id) {
    const response = await fetch(new URL(`/apex/PlanPdf?id=${encodeURIComponent(id)}`, preview.url));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    return Buffer.from(await response.arrayBuffer());
}

describe('the plan as a PDF', { timeout: 240_000 }, () => {
    test('the preview serves the plan as a PDF of several A4 pages, drawn to PNG', async () => {
        assert.ok(milestones.length >= 10, `a plan with many milestones (${milestones.length})`);
        const pdf = await fetchPdf(plan.Id);
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        const pages = pdfPageCount(pdf);
        assert.ok(pages >= 2, `${pages} pages`);
        const [width, height] = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/
            .exec(pdf.toString('latin1'))
            .slice(1)
            .map(Number);
        assert.ok(Math.abs(width - 595.3) < 1 && Math.abs(height - 841.9) < 1, `A4 pages (${width} x ${height} pt)`);
        const file = join(ROOT, 'artifacts', 'plan-pdf.pdf');
        writeFileSync(file, pdf);
        const pngs = await pdfToPngs(file, join(SCREENSHOTS, 'plan-pdf'), pages, { browser });
        assert.equal(pngs.length, pages);
    });

    test('shows the plan, every milestone by phase, in words and dates, without ids or API names', () => {
        const { org } = preview;
        const { html, renderAs } = renderPageAs(preview.session, org.currentUserId, 'PlanPdf', { id: plan.Id });
        assert.equal(renderAs, 'pdf');
        writeFileSync(join(ROOT, 'artifacts', 'plan-pdf.html'), html);
        assert.ok(html.includes(`<h1>${escapeHtml(plan.Name)}</h1>`), 'the plan name, escaped');
        for (const milestone of milestones) {
            assert.ok(html.includes(escapeHtml(milestone.Name)), `the milestone ${milestone.Name}`);
            if (milestone.Description__c)
                assert.ok(html.includes(escapeHtml(milestone.Description__c)), 'what done means');
        }
        const phases = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((match) => match[1]);
        assert.deepEqual(phases, [...new Set(phases)], 'each phase once');
        assert.ok(phases.length >= 3, `milestones grouped by phase: ${phases.join(', ')}`);
        assert.match(html, /Version \d+/);
        assert.match(
            html,
            /Prepared by [^'"]+ on \d{1,2}\/\d{1,2}\/\d{4} \\b7 {2}page ' counter\(page\) ' of ' counter\(pages\)/,
            'the footer, with the page numbers'
        );
        for (const record of [plan, ...milestones]) assert.ok(!html.includes(record.Id.slice(0, 15)), 'no record ids');
        assert.doesNotMatch(html, /__c|__r/, 'no API names');
    });

    test('Apex in the preview gets the same PDF from PageReference.getContentAsPDF()', () => {
        const { session, org } = preview;
        const size = session.transaction(org.currentUserId, (rt) =>
            rt.runAnonymous(`
                PageReference pdf = Page.PlanPdf;
                pdf.getParameters().put('id', '${plan.Id}');
                Blob content = pdf.getContentAsPDF();
                // A PDF is binary: its first bytes, "%PDF-1", are JVBERi0x in base 64.
                Assert.areEqual('JVBERi0x', EncodingUtil.base64Encode(content).left(8));
                return content.size();`)
        );
        assert.ok(size > 10_000, `${size} bytes`);
    });

    test('an id that is no plan gives a one-page PDF with a plain sentence', async () => {
        const pdf = await fetchPdf('not-a-plan');
        assert.equal(pdfPageCount(pdf), 1);
        const { html } = renderPageAs(preview.session, preview.org.currentUserId, 'PlanPdf', { id: 'not-a-plan' });
        assert.match(html, /This plan is not available\. It may have been deleted, or you may not have access to it\./);
        const file = join(ROOT, 'artifacts', 'plan-pdf-unavailable.pdf');
        writeFileSync(file, pdf);
        await pdfToPngs(file, join(SCREENSHOTS, 'plan-pdf-unavailable'), 1, { browser });
    });
});

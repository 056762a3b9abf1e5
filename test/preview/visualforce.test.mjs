// The offline Visualforce renderer (preview/visualforce/render.mjs) on fixture pages (test/fixtures/visualforce/):
// merge expressions through the Apex runtime, HTML escaping of merged values ("Cross Site Scripting (XSS)",
// "apex:outputText" escape), apex:repeat and the rendered attribute, and a loud error for anything it does not
// understand. And the PDF CSS lint (preview/visualforce/pdf-css.mjs) on the product's own PDF page and a broken one
// ("Visualforce PDF Rendering Considerations and Limitations": CSS up to 2.1).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApexSession } from '../../apex-runtime/session.mjs';
import { loadProgram } from '../../apex-runtime/interpreter/index.mjs';
import { renderPage } from '../../preview/visualforce/render.mjs';
import { checkPageCss, checkPdfCss } from '../../preview/visualforce/pdf-css.mjs';
import { ROOT, TODAY } from './support.mjs';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'visualforce');
const program = loadProgram({ root: FIXTURE, directories: ['main'] });
const session = createApexSession(program, {
    root: ROOT,
    today: TODAY,
    users: [{ FirstName: 'Ada', LastName: 'Admin' }]
});
const render = (pageName, parameters = {}) =>
    session.transaction(null, (rt) => renderPage(rt, { pageName, parameters }));

describe('the offline Visualforce renderer', () => {
    test('merges controller properties, getters, repeat variables and expressions, HTML-escaped', () => {
        const { html, renderAs } = render('Escapes', { title: 'Tom & "Jerry" <i>' });
        assert.equal(renderAs, null);
        assert.match(
            html,
            /<h1 title="Tom &amp; &quot;Jerry&quot; &lt;i&gt;">Tom &amp; &quot;Jerry&quot; &lt;i&gt;<\/h1>/
        );
        assert.match(html, /<p id="raw">Tom & "Jerry" <i><\/p>/, 'escape="false" writes the value as it is');
        assert.match(html, /<p id="styled"><span class="big">Tom &amp; &quot;Jerry&quot; &lt;i&gt;<\/span><\/p>/);
        assert.match(html, /<li>Ann<\/li>\s*<li>Bo &lt;b&gt;<\/li>/);
        assert.match(html, /<div class="both">both<\/div>/);
        assert.doesNotMatch(html, /never/);
        assert.match(html, /<p id="if">many &amp; more<\/p>/);
        assert.match(html, /<p id="encoded">Tom &amp; &quot;Jerry&quot; &lt;i&gt;<\/p>/, 'HTMLENCODE, encoded once');
    });

    test('names the tag it does not support, rather than leaving it out', () => {
        assert.throws(() => render('UnknownTag'), /UnknownTag\.page: <apex:form> is not supported/);
    });

    test('refuses what Visualforce cannot read: a private field, a global variable', () => {
        assert.throws(() => render('PrivateField'), /Unknown property 'VisualforceFixtureController\.secret'/);
        assert.throws(() => render('GlobalVariable'), /global variable \$User\.FirstName is not supported/);
    });
});

describe('CSS of pages rendered as PDF', () => {
    test('the plan PDF uses only what the platform renderer supports', () => {
        const page = join(ROOT, 'force-app', 'main', 'plan-workspace', 'pages', 'PlanPdf.page');
        assert.deepEqual(checkPageCss(page), []);
    });

    test('flexbox, grid, sticky positioning, CSS3 functions and units, media queries are findings', () => {
        const findings = checkPageCss(join(FIXTURE, 'main', 'pages', 'FlexLayout.page'));
        assert.deepEqual(
            findings.map(({ line, message }) => `${line}: ${message}`),
            [
                '6: display: flex: flexbox and grid layout are not CSS 2.1',
                '7: gap is not a CSS 2.1 property',
                '12: position: sticky: position: sticky is not CSS 2.1'
            ]
        );
        assert.deepEqual(
            checkPdfCss(
                'a { display: inline-grid; width: calc(1px + 1rem); --x: 1 }\n@media (min-width: 10px) { }'
            ).map((finding) => finding.message),
            [
                'display: inline-grid: flexbox and grid layout are not CSS 2.1',
                'width: calc(1px + 1rem): a CSS3 function',
                'width: calc(1px + 1rem): a CSS3 unit',
                'custom property --x is not CSS 2.1',
                '@media (min-width: 10px) is not CSS 2.1'
            ]
        );
        assert.deepEqual(checkPdfCss('@page { size: A4; margin: 1cm; @bottom-left { content: counter(page); } }'), []);
    });
});

// What CSS a page rendered as PDF may use. "The PDF rendering service renders PDF version 1.4 and CSS versions up
// to 2.1" (Visualforce Developer Guide, "Visualforce PDF Rendering Considerations and Limitations"): the offline
// renderer (Chromium) would lay out flexbox, grid or CSS variables the platform's renderer ignores, so a page that
// looks right offline could come out wrong from the org. This lint keeps the page's style sheets to CSS 2.1
// properties and values, plus the paged-media rules Salesforce documents for PDF pages (Salesforce Help, knowledge
// article 000385121): @page with `size`, margins and margin boxes (@top-*, @bottom-*) whose `content` may hold
// counter(page) and counter(pages).
import { readFileSync } from 'node:fs';

// CSS 2.1, Appendix F "Full property table".
const CSS21_PROPERTIES = new Set(
    `azimuth background background-attachment background-color background-image background-position background-repeat
    border border-bottom border-bottom-color border-bottom-style border-bottom-width border-collapse border-color
    border-left border-left-color border-left-style border-left-width border-right border-right-color
    border-right-style border-right-width border-spacing border-style border-top border-top-color border-top-style
    border-top-width border-width bottom caption-side clear clip color content counter-increment counter-reset cue
    cue-after cue-before cursor direction display elevation empty-cells float font font-family font-size font-style
    font-variant font-weight height left letter-spacing line-height list-style list-style-image list-style-position
    list-style-type margin margin-bottom margin-left margin-right margin-top max-height max-width min-height min-width
    orphans outline outline-color outline-style outline-width overflow padding padding-bottom padding-left
    padding-right padding-top page-break-after page-break-before page-break-inside pause pause-after pause-before
    pitch pitch-range play-during position quotes richness right speak speak-header speak-numeral speak-punctuation
    speech-rate stress table-layout text-align text-decoration text-indent text-transform top unicode-bidi
    vertical-align visibility voice-family volume white-space widows width word-spacing z-index`.split(/\s+/)
);
// Paged media inside @page: the page box's size (CSS2 "Paged media", kept by CSS Paged Media 3).
const PAGE_PROPERTIES = new Set(['size', 'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left']);
const MARGIN_BOXES = /^@(top|bottom)-(left-corner|left|center|right|right-corner)$|^@(left|right)-(top|middle|bottom)$/;

// Values CSS 2.1 does not have.
const BAD_VALUES = [
    [/^display$/, /\b(inline-)?(flex|grid)\b|\bcontents\b/, 'flexbox and grid layout are not CSS 2.1'],
    [/^position$/, /\bsticky\b/, 'position: sticky is not CSS 2.1'],
    [/.*/, /\b(calc|var|rgba|hsla?|linear-gradient|radial-gradient|env|min|max|clamp)\(/, 'a CSS3 function'],
    [/.*/, /\d(rem|vw|vh|vmin|vmax|ch)\b/, 'a CSS3 unit']
];

/** The CSS of a page's <style> elements and style="..." attributes, with the line each starts on. */
export function pageStyles(file) {
    const text = readFileSync(file, 'utf8');
    const lineAt = (index) => text.slice(0, index).split('\n').length;
    const styles = [];
    for (const match of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
        styles.push({ css: match[1], line: lineAt(match.index + match[0].indexOf(match[1])) });
    for (const match of text.matchAll(/\sstyle="([^"]*)"/g))
        styles.push({ css: `x { ${match[1]} }`, line: lineAt(match.index), inline: true });
    return styles;
}

/** Findings ({ line, message }) for CSS the Visualforce PDF renderer does not support. */
export function checkPdfCss(css, firstLine = 1) {
    const findings = [];
    const stack = [];
    let i = 0;
    let line = firstLine;
    let buffer = '';
    const report = (message) => findings.push({ line, message });
    const declaration = (text) => {
        const colon = text.indexOf(':');
        if (colon < 0) return;
        const property = text.slice(0, colon).trim().toLowerCase();
        const value = text
            .slice(colon + 1)
            .replace(/!important/i, '')
            .trim()
            .toLowerCase();
        if (!property) return;
        const context = stack.at(-1) ?? '';
        if (context === '@page') {
            if (!PAGE_PROPERTIES.has(property))
                report(`@page { ${property} } is not a page property the renderer reads`);
            return;
        }
        if (MARGIN_BOXES.test(context)) {
            if (!CSS21_PROPERTIES.has(property)) report(`${context} { ${property} } is not CSS 2.1`);
            return;
        }
        if (property.startsWith('--')) return report(`custom property ${property} is not CSS 2.1`);
        if (!CSS21_PROPERTIES.has(property)) return report(`${property} is not a CSS 2.1 property`);
        for (const [which, bad, why] of BAD_VALUES)
            if (which.test(property) && bad.test(value)) report(`${property}: ${value}: ${why}`);
    };
    const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
    while (i < text.length) {
        const c = text[i];
        if (c === '\n') line++;
        if (c === '"' || c === "'") {
            const end = text.indexOf(c, i + 1);
            buffer += text.slice(i, end + 1);
            i = end + 1;
            continue;
        }
        if (c === '{') {
            const selector = buffer.trim().toLowerCase();
            // CSS 2.1 has @media with media types only ("7.2.1 The @media rule"), not media queries.
            const mediaTypes = /^@media\s+[a-z,\s]+$/.test(selector);
            if (selector.startsWith('@') && !/^@page\b/.test(selector) && !MARGIN_BOXES.test(selector) && !mediaTypes)
                report(`${selector} is not CSS 2.1`);
            stack.push(selector.startsWith('@page') ? '@page' : selector);
            buffer = '';
        } else if (c === '}') {
            declaration(buffer);
            buffer = '';
            stack.pop();
        } else if (c === ';') {
            declaration(buffer);
            buffer = '';
        } else buffer += c;
        i++;
    }
    return findings;
}

/** The findings of a .page file: { file, line, message }. */
export function checkPageCss(file) {
    return pageStyles(file).flatMap(({ css, line }) => checkPdfCss(css, line).map((finding) => ({ file, ...finding })));
}

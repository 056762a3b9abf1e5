// HTML to PDF and to PNG with the project's headless Chromium (scripts/lib/chromium.mjs): the offline stand-in for
// the platform's PDF rendering service, for pages written to its rules (CSS up to 2.1: Visualforce Developer Guide,
// "Visualforce PDF Rendering Considerations and Limitations"; @page size and margins, page counters in @page margin
// boxes: Salesforce Help, knowledge article 000385121). Chromium lays out more CSS than the platform's
// renderer does; pdf-css.mjs keeps a page to what the platform supports.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from '../../scripts/lib/chromium.mjs';

/** A4 at 96 CSS pixels per inch: 210 mm wide. */
export const A4_WIDTH_PX = Math.round((210 / 25.4) * 96);

/** The PDF of `html`, its pages sized and numbered by its @page rules. `browser`: an open one to reuse. */
export async function htmlToPdf(html, { browser } = {}) {
    const own = browser ?? (await launchBrowser());
    try {
        const page = await own.newPage();
        try {
            await page.setContent(html, { waitUntil: 'load' });
            return await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
        } finally {
            await page.close();
        }
    } finally {
        if (!browser) await own.close();
    }
}

/** A PNG of `html` laid out for print at the width of an A4 page (the whole length, not cut into pages). */
export async function htmlToPng(html, file, { browser } = {}) {
    const own = browser ?? (await launchBrowser());
    try {
        const page = await own.newPage({ viewport: { width: A4_WIDTH_PX, height: 1123 } });
        try {
            await page.emulateMedia({ media: 'print' });
            await page.setContent(html, { waitUntil: 'load' });
            await page.screenshot({ path: file, fullPage: true });
        } finally {
            await page.close();
        }
    } finally {
        if (!browser) await own.close();
    }
}

const WORKER = fileURLToPath(new URL('./pdf-worker.mjs', import.meta.url));

/**
 * The PDF of `html`, synchronously: for PageReference.getContentAsPDF, which an Apex transaction waits for. A
 * child process runs the browser; a failure there is thrown here with its message.
 */
export function htmlToPdfSync(html) {
    const result = spawnSync(process.execPath, [WORKER], {
        input: html,
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000
    });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`the PDF renderer failed: ${result.stderr.toString().trim()}`);
    return new Uint8Array(result.stdout);
}

/** The number of pages of a PDF Chromium wrote (its page objects: "/Type /Page", not "/Type /Pages"). */
export function pdfPageCount(bytes) {
    const text = Buffer.from(bytes).toString('latin1');
    return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/**
 * PNGs of a PDF's pages, as Chromium's own PDF viewer draws them (no other rasteriser is installed): page `n` of
 * `pdfFile` to `${prefix}-page-${n}.png`. Each page opens in a tab of its own (the viewer reads #page=n when it
 * loads) and draws asynchronously: the page is taken once the view has changed from what it showed first and two
 * screenshots in a row agree. Returns the files written.
 */
export async function pdfToPngs(pdfFile, prefix, pageCount, { browser } = {}) {
    const own = browser ?? (await launchBrowser());
    const files = [];
    try {
        for (let n = 1; n <= pageCount; n++) {
            const page = await own.newPage({ viewport: { width: 820, height: 1160 } });
            try {
                await page.goto(`${pathToFileURL(pdfFile).href}#toolbar=0&navpanes=0&view=FitH&page=${n}`);
                const first = await page.screenshot();
                let previous = null;
                let shot = first;
                for (let attempt = 0; attempt < 40; attempt++) {
                    await page.waitForTimeout(300);
                    shot = await page.screenshot();
                    if (!shot.equals(first) && previous && shot.equals(previous)) break;
                    previous = shot;
                }
                const file = `${prefix}-page-${n}.png`;
                writeFileSync(file, shot);
                files.push(file);
            } finally {
                await page.close();
            }
        }
    } finally {
        if (!browser) await own.close();
    }
    return files;
}

// Shared by the end-to-end tests: one preview per run (the real components bundled once, an embedded demo org on a
// fixed date), one headless Chromium, and a fresh browser context per test, so each test starts with empty storage
// as a user on a new machine would. Locators are the ones a user has: roles, labels and visible text.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildBundle, startPreview } from '../../scripts/preview.mjs';
import { launchBrowser, requireChromium } from '../../scripts/lib/chromium.mjs';
export { addDays } from '../../scripts/lib/iso-dates.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The org's today (a Monday): every date the demo holds is relative to it, so screenshots and texts are stable. */
export const TODAY = '2026-03-02';

export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');
export const README_IMAGES = join(ROOT, 'docs', 'images');

/** How long one user-visible step may take before the test fails (a save, a page load, a re-render). */
export const STEP_TIMEOUT = 15_000;

/**
 * The buyer's contact with this title on the account: the demo loader (dev/main/classes/TandemDemoData.cls) gives
 * each demo account one buying committee, one contact per title (CFO, CISO, General Counsel, Procurement Lead,
 * VP Operations, IT Director).
 */
export function contactTitled(org, accountId, title) {
    const found = org.query('Contact', (contact) => contact.AccountId === accountId && contact.Title === title);
    if (found.length !== 1) throw new Error(`expected one ${title} on account ${accountId}, found ${found.length}`);
    return found[0];
}

/**
 * The preview on a free port, on TODAY, with the bundle built by buildBundle(): { server, url, org, demo, session }.
 * The demo is what the Apex loader made on that day, previewed as the account executive who loaded it.
 * `bundleFile`: a bundle built elsewhere than dist/preview/app.js (a test file that runs beside another builds its own).
 */
export async function startE2ePreview({ bundleFile } = {}) {
    return startPreview({ port: 0, build: false, today: TODAY, ...(bundleFile ? { bundleFile } : {}) });
}

export function stopServer(server) {
    if (!server) return Promise.resolve();
    server.closeAllConnections?.();
    return new Promise((done) => server.close(() => done()));
}

/**
 * A new page in its own browser context (its own storage), 1280 wide, English (US) and UTC as the preview's
 * formatters assume. Uncaught page errors and server failures are collected; `await problems()` returns them, so a
 * test can assert there were none. An Apex AuraHandledException is not a failure: it is the Apex refusing a request
 * on purpose, with a message for the user ("Handle Errors in Lightning Web Components"), which the component shows
 * (the preview answers it with status 500, so the body tells it apart from an unhandled exception).
 * Returns { page, problems, close }.
 */
export async function newPage(browser, { width = 1280, height = 900 } = {}) {
    const context = await browser.newContext({
        viewport: { width, height },
        locale: 'en-US',
        timezoneId: 'UTC',
        reducedMotion: 'reduce'
    });
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT);
    const page = await context.newPage();
    const found = [];
    const reads = [];
    page.on('pageerror', (error) => found.push(`page error: ${error.message}`));
    page.on('response', (response) => {
        if (!response.url().includes('/api/') || response.status() < 500) return;
        const failure = `${response.status()} from ${new URL(response.url()).pathname}`;
        reads.push(
            response
                .json()
                .catch(() => null)
                .then((body) => {
                    if (/AuraHandledException$/.test(body?.exceptionType ?? '')) return;
                    found.push(body?.message ? `${failure}: ${body.message}` : failure);
                })
        );
    });
    const problems = async () => {
        await Promise.all(reads);
        return found;
    };
    return { page, problems, close: () => context.close() };
}

/**
 * Removes the failure screenshots of an earlier run, so the ones left after this run are this run's; `prefix` keeps
 * it to one test file's.
 */
export function clearFailureScreenshots(prefix = 'failed-') {
    if (!existsSync(SCREENSHOTS)) return;
    for (const file of readdirSync(SCREENSHOTS).filter((name) => name.startsWith(prefix))) {
        rmSync(join(SCREENSHOTS, file));
    }
}

/** A rule that renders every phase and milestone row, on screen or not (they are `content-visibility: auto`). */
const ROWS_RENDERED =
    'c-plan-milestone-group .phase, c-plan-milestone-group .phase__item { content-visibility: visible !important; }';

/**
 * Saves a full-page screenshot under artifacts/screenshots/ (gitignored) and returns its path. Milestone rows off
 * screen are rendered for it (as for shownText): a full page shows what a user sees scrolling through, where the
 * browser would otherwise leave the skipped rows blank.
 */
export async function screenshot(page, name) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    const shown = await page.addStyleTag({ content: ROWS_RENDERED });
    try {
        await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    } finally {
        await shown.evaluate((style) => style.remove());
    }
    return path;
}

/**
 * Picks `option` in the lightning-combobox labelled `label`, as a user does: open the list, click the option.
 * The combobox is found by its role and accessible name; `within` narrows the search (a region, a row).
 */
export async function chooseOption(within, label, option) {
    const combobox = within.getByRole('combobox', { name: label, exact: true });
    await combobox.click();
    await within.getByRole('option', { name: option, exact: true }).click();
}

/** An opportunity's name, as the pages show it. */
export function opportunityName(org, id) {
    return org.get('Opportunity', id).Name;
}

/**
 * Reads `read()` until `accept(value)` holds and returns the value; on timeout fails with the last value read, so a
 * failure says what the page showed instead. Polling a condition is how the tests wait: never a fixed sleep.
 */
export async function eventually(read, accept, description, timeout = STEP_TIMEOUT) {
    const deadline = Date.now() + timeout;
    let last;
    let failure;
    for (;;) {
        try {
            last = await read();
            failure = undefined;
            if (accept(last)) return last;
        } catch (error) {
            failure = error;
        }
        if (Date.now() > deadline) {
            const seen = failure ? `error: ${failure.message}` : `last seen: ${JSON.stringify(last)}`;
            throw new Error(`Timed out after ${timeout} ms waiting for ${description} (${seen})`);
        }
        await new Promise((next) => setTimeout(next, 50));
    }
}

const MEDIUM_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** An ISO date as the date inputs and the pages show it in English (US): 2026-03-27 → "Mar 27, 2026". */
export function mediumDate(iso) {
    return MEDIUM_DATE.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * The README's images (docs/images, committed), taken from the scenarios that show those pages, 1280 wide and cut
 * at `height`. Only with UPDATE_README_IMAGES=1: a routine run must not rewrite committed files, and fonts differ
 * slightly from machine to machine.
 */
export async function readmeImage(page, name, height) {
    if (!process.env.UPDATE_README_IMAGES) return null;
    mkdirSync(README_IMAGES, { recursive: true });
    const path = join(README_IMAGES, `${name}.png`);
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 1280, height }, animations: 'disabled' });
    return path;
}

/**
 * One e2e file's preview, browser and scenarios. Before its tests: the bundle npm run test:e2e built once for every
 * file (E2E_BUNDLE), or dist/preview/app.js as it is with E2E_REUSE_BUNDLE=1, or else its own build
 * (dist/preview/e2e-<name>/app.js, so that files node --test runs side by side never serve a bundle another is still
 * writing; dist/preview/app.js with `shared: true`); then the preview on TODAY and Chromium, handed to
 * `onReady({ preview, browser })`; after them, both closed. Returns scenario(title, body, { width }): a test with
 * its own page and storage (1280 wide unless told), given { page, problems, visit }; if it fails, the page is saved
 * as artifacts/screenshots/failed-<name>-<test>.png first, since what the user would have seen is the quickest clue.
 * A scenario takes 3 to 10 s here; its limit turns a hang into a failure without failing a slow CI machine.
 */
export function e2eFile(name, onReady, { shared = false } = {}) {
    // Built already: by scripts/test-e2e.mjs for every file (E2E_BUNDLE), or by the developer (E2E_REUSE_BUNDLE).
    const prebuilt =
        process.env.E2E_BUNDLE || (process.env.E2E_REUSE_BUNDLE ? join(ROOT, 'dist', 'preview', 'app.js') : '');
    const bundleFile =
        prebuilt ||
        (shared ? join(ROOT, 'dist', 'preview', 'app.js') : join(ROOT, 'dist', 'preview', `e2e-${name}`, 'app.js'));
    const prefix = `failed-${name}-`;
    let ready = null;
    before(
        async () => {
            requireChromium();
            clearFailureScreenshots(prefix);
            if (!prebuilt) {
                const built = await buildBundle({ output: bundleFile });
                console.log(
                    `bundle built in ${built.seconds.toFixed(1)} s (${built.warnings} compiler warnings hidden)`
                );
            }
            ready = { preview: await startE2ePreview({ bundleFile }), browser: await launchBrowser() };
            onReady?.(ready);
        },
        { timeout: 240_000 }
    );
    after(async () => {
        await ready?.browser?.close();
        await stopServer(ready?.preview?.server);
    });
    return function scenario(title, body, { width = 1280 } = {}) {
        test(title, { timeout: 120_000 }, async () => {
            const { page, problems, close } = await newPage(ready.browser, { width });
            const visit = (path) => page.goto(new URL(path, ready.preview.url).href);
            try {
                await body({ page, problems, visit });
            } catch (error) {
                const slug = title
                    .toLowerCase()
                    .replace(/[^a-z0-9]+/g, '-')
                    .slice(0, 60);
                await screenshot(page, `${prefix}${slug}`).catch(() => undefined);
                throw error;
            } finally {
                await close();
            }
        });
    };
}

/** Runs the preview as `who` through the shell's "Viewing as" switch, which reloads the page as that user. */
export async function viewAs(page, who) {
    const viewer = page.getByLabel('Viewing as');
    const current = await viewer.evaluate((select) => select.selectedOptions[0]?.textContent.trim());
    if (current !== who) {
        await Promise.all([page.waitForEvent('load'), viewer.selectOption({ label: who })]);
    }
    assert.equal(await viewer.evaluate((select) => select.selectedOptions[0]?.textContent.trim()), who);
}

/** The review's table: its rows by header, its sort controls and the range it says it shows. */
export function reviewTable(page) {
    const table = page.getByRole('table', { name: 'Open opportunities and their plans' });
    const dataRows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
    const headers = async () =>
        (await table.getByRole('columnheader').allInnerTexts()).map((text) =>
            text.split('\n')[0].replace(/\s+/g, ' ').trim()
        );
    return {
        table,
        headers,
        async rows() {
            const columns = await headers();
            const rows = [];
            for (const row of await dataRows.all()) {
                const cells = await row.getByRole('cell').allInnerTexts();
                const values = { Opportunity: await row.getByRole('rowheader').getByRole('link').innerText() };
                cells.forEach((text, index) => {
                    values[columns[index + 1]] = text.split('\n')[0].trim();
                });
                rows.push(values);
            }
            return rows;
        },
        sortState(label) {
            return table.getByRole('columnheader', { name: label }).getAttribute('aria-sort');
        },
        async sortBy(label) {
            await table.getByRole('button', { name: new RegExp(`^${label}\\b`) }).click();
        },
        range() {
            return page.getByText(/^\d+–\d+ of \d+/).innerText();
        }
    };
}

/**
 * A milestone's row in the plan workspace: the list item that shows `name` (not one whose "Waits on" choice names
 * it while that row is in edit mode).
 */
export function milestoneRow(page, name) {
    const shown = page.getByText(name, { exact: true }).and(page.locator(':not(option)'));
    return page.getByRole('listitem').filter({ has: shown });
}

/**
 * The text a user reads in `locator` (its innerText), milestone rows included wherever they are on the page. A phase
 * and a row are `content-visibility: auto`: while one is off screen the browser skips rendering its content, and
 * innerText then reads nothing of it, though a user who scrolls to it reads it all. So phases and rows are rendered
 * for the read: the text is what the user reads scrolling through, not only what fits in the viewport.
 */
export function shownText(locator) {
    return locator.evaluate((element, rule) => {
        const style = element.ownerDocument.createElement('style');
        style.textContent = rule;
        element.ownerDocument.head.append(style);
        try {
            return element.innerText;
        } finally {
            style.remove();
        }
    }, ROWS_RENDERED);
}

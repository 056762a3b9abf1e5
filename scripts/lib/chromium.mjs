// Headless Chromium for the end-to-end tests and the bench: Debian's browser (never a download), the same flags
// for both, so a bench figure and a test run see the same browser.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic'
];

/**
 * Fails at once, with what to do, when the browser is missing: without this, playwright-core's own error is a
 * stack trace about an executable path, and a CI job without Chromium would only show a failed hook.
 */
export function requireChromium(path = CHROMIUM) {
    if (!existsSync(path)) {
        throw new Error(
            `Chromium is not installed at ${path}. Install it (Debian: apt-get install -y chromium) or point ` +
                'CHROMIUM_PATH at a Chromium binary. The end-to-end tests never download a browser.'
        );
    }
    return path;
}

/**
 * Headless Chromium. playwright-core's launch() gives the browser a fresh temporary profile (--user-data-dir) and
 * deletes it on close; a launch that does not come up within 30 s fails instead of hanging the run.
 */
export function launchBrowser() {
    return chromium.launch({
        executablePath: requireChromium(),
        headless: true,
        args: CHROMIUM_ARGS,
        timeout: 30_000
    });
}

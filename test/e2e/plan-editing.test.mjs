// End to end, in headless Chromium: a plan's life on the opportunity record page as an account executive lives it.
// He cancels a plan, starts a new one, and the plan switcher then lists both: the cancelled one opens read-only as
// history (no edits offered, and the server refuses them), and "Open the current plan" brings him back.
//   node --test test/e2e/plan-history.test.mjs                        build this file's own bundle, then run
//   E2E_REUSE_BUNDLE=1 node --test test/e2e/plan-history.test.mjs     reuse dist/preview/app.js
// Screenshots go to artifacts/screenshots/ (failed-history-<test>.png when one fails).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
    ROOT,
    TODAY,
    addDays,
    buildBundle,
    clearFailureScreenshots,
    launchBrowser,
    mediumDate,
    newPage,
    requireChromium,
    screenshot,
    startE2ePreview,
    stopServer
} from './support.mjs';

// Its own bundle, so that this file and the others, which node --test runs side by side, never serve a bundle
// another is still writing.
const BUNDLE = process.env.E2E_REUSE_BUNDLE
    ? join(ROOT, 'dist', 'preview', 'app.js')
    : join(ROOT, 'dist', 'preview', 'e2e-history', 'app.js');

let preview;
let browser;

before(
    async () => {
        requireChromium();
        clearFailureScreenshots('failed-history-');
        if (!process.env.E2E_REUSE_BUNDLE) {
            const built = await buildBundle({ output: BUNDLE });
            console.log(`bundle built in ${built.seconds.toFixed(1)} s (${built.warnings} compiler warnings hidden)`);
        }
        preview = await startE2ePreview({ bundleFile: BUNDLE });
        browser = await launchBrowser();
    },
    { timeout: 240_000 }
);

after(async () => {
    await browser?.close();
    await stopServer(preview?.server);
});

/** A test with its own page, closed afterwards; on failure the page is saved as failed-history-<test>.png. */
function scenario(name, body) {
    test(name, { timeout: 120_000 }, async () => {
        const { page, problems, close } = await newPage(browser);
        const visit = (path) => page.goto(new URL(path, preview.url).href);
        try {
            await body({ page, problems, visit });
        } catch (error) {
            const slug = name
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, '-')
                .slice(0, 50);
            await screenshot(page, `failed-history-${slug}`).catch(() => undefined);
            throw error;
        } finally {
            await close();
        }
    });
}

const plansOf = (opportunityId) => preview.org.query('Mutual_Action_Plan__c', { Opportunity__c: opportunityId });
const milestonesOf = (planId) => preview.org.query('Plan_Milestone__c', { Plan__c: planId });

/** A demo deal whose only plan is a Draft with milestones (the loader makes several; this file has the run alone). */
function dealWithOnlyADraftPlan() {
    const deal = preview.org
        .query('Opportunity', (o) => !o.IsClosed)
        .find((o) => {
            const plans = plansOf(o.Id);
            return plans.length === 1 && plans[0].Status__c === 'Draft' && milestonesOf(plans[0].Id).length > 0;
        });
    assert.ok(deal, 'the demo has an open deal whose only plan is a draft');
    return { deal, plan: plansOf(deal.Id)[0] };
}

describe('plan history and the plan switcher', () => {
    scenario(
        'cancel a plan, start a new one, read the cancelled one as history, and go back',
        async ({ page, problems, visit }) => {
            const { deal, plan: first } = dealWithOnlyADraftPlan();
            const firstMilestone = milestonesOf(first.Id)[0].Name;
            await visit(`opportunity/${deal.Id}`);
            const summary = page.getByRole('region', { name: 'Plan summary' });
            const banner = page.getByRole('status').filter({ hasText: 'It is kept as history' });

            // Cancel the draft: it asks first, then the plan is history.
            await summary.getByRole('button', { name: 'Cancel plan' }).click();
            await summary.getByRole('group', { name: 'Cancel plan' }).getByRole('button', { name: 'Cancel plan' }).click();
            await banner.getByText('This plan was cancelled.').waitFor();
            assert.equal(preview.org.get('Mutual_Action_Plan__c', first.Id).Status__c, 'Cancelled');
            assert.equal(await page.getByRole('button', { name: `Edit ${firstMilestone}`, exact: true }).count(), 0);
            assert.equal(await page.getByRole('button', { name: 'Add milestone' }).count(), 0);

            // A new plan follows it.
            await page.getByRole('button', { name: 'Create a new plan' }).click();
            await page.getByLabel('Template').selectOption({ label: 'Mid-Market' });
            const target = page.getByLabel("Buyer's target date");
            await target.fill(mediumDate(addDays(TODAY, 90)));
            await target.press('Tab');
            await page.getByLabel('Anchor event').fill('The new budget year starts');
            await page.getByLabel('Plan name').fill('Second attempt');
            await page.getByRole('button', { name: 'Create plan' }).click();
            await summary.getByText('Status: Draft').waitFor();
            await banner.waitFor({ state: 'detached' });
            assert.equal(plansOf(deal.Id).length, 2);

            // The switcher lists both, the new one as current; the cancelled one opens read-only.
            const switcher = page.getByLabel('Plan on this opportunity');
            const options = (await switcher.locator('option').allInnerTexts()).map((text) => text.trim());
            assert.equal(options.length, 2, options.join(' | '));
            assert.match(options[0], /^Second attempt: Draft \(current plan\), started /);
            assert.match(options[1], new RegExp(`^${first.Name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Cancelled, `));
            await switcher.selectOption({ index: 1 });
            await banner.getByText('This plan was cancelled.').waitFor();
            await page.getByText(firstMilestone, { exact: true }).waitFor();
            assert.equal(await page.getByRole('button', { name: `Edit ${firstMilestone}`, exact: true }).count(), 0);
            assert.equal(await summary.getByRole('button', { name: 'Edit details' }).count(), 0);
            assert.equal(await page.getByRole('button', { name: 'Create a new plan' }).count(), 0);
            await screenshot(page, 'plan-history');

            await page.getByRole('button', { name: 'Open the current plan' }).click();
            await summary.getByText('Status: Draft').waitFor();
            await banner.waitFor({ state: 'detached' });
            assert.match(await switcher.locator('option:checked').innerText(), /^Second attempt/);
            assert.deepEqual(await problems(), []);
        }
    );
});

// End to end, in headless Chromium: the pipeline review in the preview, filtered by health and by gated stage without
// an active plan, sorted, and kept across a reload, against the embedded demo org, where the package's own Apex
// answers every call (through the offline Apex runtime) and the demo data is what the dev directory's Apex loader
// (TandemDemoData.load()) made on TODAY. The scenario finds its deals by asking the org, never by ids.
//   node --test test/e2e/review-filters.test.mjs                        build this file's own bundle, then run
//   E2E_REUSE_BUNDLE=1 node --test test/e2e/review-filters.test.mjs     reuse dist/preview/app.js
//   UPDATE_README_IMAGES=1 node --test test/e2e/review-filters.test.mjs also retake docs/images/pipeline-review.png
// Screenshots go to artifacts/screenshots/ (and failed-review-filters-<test>.png when one fails).
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, eventually, readmeImage, screenshot, e2eFile, reviewTable } from './support.mjs';
import { demoRecords } from './record-page.mjs';

let preview;
const scenario = e2eFile('review-filters', (ready) => ({ preview } = ready));
const { opportunityNamed, planOf } = demoRecords(() => preview.org);

const amountOf = (text) => Number(String(text).replace(/[^0-9.]/g, ''));

/**
 * The loader's legacy deals: already in a gated stage (Proposal/Price Quote, Negotiation/Review) the day the org
 * installed Tandem, and never given a plan (dev/main/classes/TandemDemoData.cls, demoDeals()).
 */
const LEGACY_DEALS = [
    'Northwind Logistics - Customs automation add-on',
    'Cedar & Pine Health - Patient intake pilot',
    'Umber Financial - Payments reconciliation'
];
const names = (rows) => rows.map((row) => row.Opportunity);

describe('pipeline review', () => {
    scenario(
        'filter by health, then by gated stage without an active plan; sort; a reload keeps the view',
        async ({ page, problems, visit }) => {
            await visit('pipeline');
            const { org } = preview;
            const review = reviewTable(page);
            const openDeals = org.query('Opportunity', (o) => !o.IsClosed);
            const activePlans = org.query('Mutual_Action_Plan__c', (p) => p.Status__c === 'Active');
            const offTrack = new Set(
                activePlans.filter((p) => p.Health__c === 'Off Track').map((p) => p.Opportunity__c)
            );
            const expectedOffTrack = openDeals.filter((o) => offTrack.has(o.Id)).map((o) => o.Name);
            const legacy = LEGACY_DEALS.map(opportunityNamed);
            assert.ok(expectedOffTrack.length > 0, 'the demo has off-track deals');
            for (const deal of legacy) assert.equal(planOf(deal.Id).length, 0, `${deal.Name} has no plan`);

            // Everything the user can see: every open deal, soonest close first.
            await chooseOption(page, 'Show', 'All I can see');
            await eventually(
                review.range,
                (text) => text.startsWith(`1–${openDeals.length} of ${openDeals.length}`),
                `all ${openDeals.length} open deals`
            );
            const all = await eventually(
                review.rows,
                (rows) => rows.length === openDeals.length,
                'every open deal listed'
            );
            assert.equal(await review.sortState(/^Close date/), 'ascending');
            const closeDates = all.map((row) => Date.parse(`${row['Close date']} UTC`));
            assert.deepEqual(
                closeDates,
                [...closeDates].sort((a, b) => a - b),
                'soonest close date first'
            );
            // Focus off the combobox just used, so the picture shows the page at rest.
            await page.getByRole('heading', { name: 'Pipeline review' }).click();
            await screenshot(page, 'pipeline-all');
            await readmeImage(page, 'pipeline-review', 1138);

            // Off Track only: exactly the deals whose active plan is off track.
            await chooseOption(page, 'Health', 'Off Track');
            const offTrackRows = await eventually(
                review.rows,
                (rows) => rows.length === expectedOffTrack.length && rows.every((row) => row.Health === 'Off Track'),
                `the ${expectedOffTrack.length} off-track deals`
            );
            assert.deepEqual(names(offTrackRows).sort(), [...expectedOffTrack].sort());
            await screenshot(page, 'pipeline-off-track');

            // The other filter managers ask for: deals already in a gated stage without an active plan (the legacy deals).
            await page.getByRole('button', { name: 'Clear filters (1)' }).click();
            await eventually(review.rows, (rows) => rows.length === openDeals.length, 'the health filter cleared');
            // SLDS hides the native checkbox behind its styled box: a user clicks the label.
            await page.getByText('In a gated stage without an active plan', { exact: true }).click();
            const gated = await eventually(
                review.rows,
                (rows) => rows.length === legacy.length,
                'the deals in a gated stage without an active plan'
            );
            assert.deepEqual(names(gated).sort(), legacy.map((o) => o.Name).sort());
            assert.ok(gated.every((row) => row.Plan === 'No plan'));

            // Sorting by amount: the first click puts the largest first, the second the smallest.
            const byAmount = [...legacy].sort((a, b) => b.Amount - a.Amount).map((o) => o.Name);
            await review.sortBy('Amount');
            await eventually(
                () => review.sortState(/^Amount/),
                (state) => state === 'descending',
                'amount sorted down'
            );
            const descending = await eventually(
                review.rows,
                (rows) => names(rows).join() === byAmount.join(),
                'largest amount first'
            );
            assert.ok(amountOf(descending[0].Amount) > amountOf(descending[1].Amount));
            await review.sortBy('Amount');
            await eventually(
                review.rows,
                (rows) => names(rows).join() === [...byAmount].reverse().join(),
                'smallest amount first'
            );
            assert.equal(await review.sortState(/^Amount/), 'ascending');
            assert.equal(await review.sortState(/^Close date/), null);
            await screenshot(page, 'pipeline-gated-by-amount');

            // A reload shows the same view: scope, filter, sort.
            await page.reload();
            await eventually(
                review.rows,
                (rows) => names(rows).join() === [...byAmount].reverse().join(),
                'the same rows in the same order after a reload'
            );
            assert.ok(
                await page.getByRole('checkbox', { name: 'In a gated stage without an active plan' }).isChecked()
            );
            assert.equal(await page.getByRole('combobox', { name: 'Show' }).innerText(), 'All I can see');
            assert.equal(await review.sortState(/^Amount/), 'ascending');
            assert.deepEqual(await problems(), []);
        }
    );
});

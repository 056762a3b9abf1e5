// End to end, in headless Chromium: the buyer page as a buyer meets it, through their personal link, on the site
// (/buyer?t=<link>) without Salesforce around it, its server calls running as the site's guest user who holds only
// Tandem_Buyer_Page. The links are made as the demo makes them (dev/main/classes/TandemDemoBuyerLinks.cls): from
// the record page's preview-only "Open the buyer page", or by the plan's seller in Apex. The demo's Ridgeback and
// Tidewater outage plans are not accepted yet, and their buyer leads own the joint "agree the success criteria"
// milestone, not done yet (TandemDemoDataTest).
//   node --test test/e2e/buyer-page.test.mjs
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { e2eFile, eventually, screenshot } from './support.mjs';
import { demoRecords } from './record-page.mjs';

let preview;
const scenario = e2eFile('buyer-page', (ready) => ({ preview } = ready));
const { opportunityNamed, planOf, milestonesOf, contactName } = demoRecords(() => preview.org);

const CRITERIA = 'Buyer and seller agree the success criteria';
const NOT_VALID = 'This link is not valid. Ask the person who sent you the plan for a new link.';

/** The opportunity's open plan and its buyer lead's name. */
function planNamed(opportunity) {
    const deal = opportunityNamed(opportunity);
    const [plan] = planOf(deal.Id).filter((candidate) => ['Active', 'Draft'].includes(candidate.Status__c));
    assert.ok(plan?.Buyer_Lead__c, `${opportunity} has an open plan with a buyer lead`);
    return { deal, plan, lead: contactName(plan.Buyer_Lead__c) };
}

/** A new link to the plan, made in Apex by the deal's owner as the demo makes them. */
function linkFor(deal, plan) {
    return preview.session.transaction(deal.OwnerId, (rt) => rt.evaluate(`TandemDemoBuyerLinks.linkFor('${plan.Id}')`));
}

/** The buyer page's parts, found as a buyer finds them. */
function buyerPage(page) {
    const acceptance = page.getByRole('region', { name: 'Your acceptance' });
    return {
        acceptance,
        title: page.getByRole('heading', { level: 1 }),
        milestone: (name) => page.getByRole('listitem').filter({ hasText: name }),
        nameField: acceptance.getByLabel('Your name'),
        accept: acceptance.getByRole('button', { name: /^Accept version \d+$/ })
    };
}

/** What a buyer sees of Salesforce on the page: the preview's header and its "Viewing as" switch. */
async function salesforceChrome(page) {
    return {
        header: await page.getByRole('navigation', { name: 'Tandem' }).count(),
        viewingAs: await page.getByLabel('Viewing as').count()
    };
}

describe('the buyer page, through a personal link, as the site guest user', () => {
    scenario(
        'opened from the record page, the buyer accepts the plan under their name and confirms their milestone',
        async ({ page, problems, visit }) => {
            const { deal, plan, lead } = planNamed('Ridgeback Insurance - Claims analytics platform');
            assert.equal(plan.Buyer_Accepted__c, false, 'not accepted yet');
            await visit(`opportunity/${deal.Id}`);
            await page.getByRole('button', { name: 'Open the buyer page' }).waitFor();
            await screenshot(page, 'buyer-page-record-page-control');
            const [tab] = await Promise.all([
                page.context().waitForEvent('page'),
                page.getByRole('button', { name: 'Open the buyer page' }).click()
            ]);
            await tab.waitForURL(/\/buyer\?t=/);
            const buyer = buyerPage(tab);
            await buyer.title.filter({ hasText: plan.Name }).waitFor();
            assert.deepEqual(await salesforceChrome(tab), { header: 0, viewingAs: 0 }, 'the site, not Salesforce');
            await tab.getByText(`Shared with ${lead} by `).waitFor();
            const criteria = buyer.milestone(CRITERIA);
            await criteria.getByText(`${lead} (you)`).waitFor();
            await criteria.getByRole('button', { name: 'Confirm done' }).waitFor();

            const link = preview.org.query('Plan_Buyer_Link__c', { Plan__c: plan.Id });
            assert.equal(link.length, 1, 'one link made for the plan');
            assert.equal(link[0].Contact__c, plan.Buyer_Lead__c, 'for its buyer lead');
            assert.equal(link[0].LastModifiedById, preview.demo.siteGuest, 'the page was read as the site guest user');
            assert.deepEqual(preview.org.permissionSetsOf(preview.demo.siteGuest), ['Tandem_Buyer_Page']);
            await screenshot(tab, 'buyer-page-wide');

            await buyer.accept.click();
            const error = buyer.acceptance.getByText('Type your name to accept the plan.');
            await error.waitFor();
            const [field, shown] = [await buyer.nameField.boundingBox(), await error.boundingBox()];
            assert.ok(
                shown.y >= field.y + field.height - 1 && shown.y - (field.y + field.height) < 40,
                'under the field'
            );
            assert.equal(preview.org.get('Mutual_Action_Plan__c', plan.Id).Buyer_Accepted__c, false, 'nothing saved');
            await screenshot(tab, 'buyer-page-name-missing');

            await buyer.nameField.fill(lead);
            await buyer.accept.click();
            await tab.getByText(`Thank you, ${lead}: you accepted version 1 of the plan.`).waitFor();
            await buyer.acceptance.getByText(`Accepted by ${lead} (version 1).`).waitFor();
            await error.waitFor({ state: 'detached' });
            const accepted = preview.org.get('Mutual_Action_Plan__c', plan.Id);
            assert.deepEqual(
                [accepted.Buyer_Accepted__c, accepted.Acceptance_Source__c, accepted.Buyer_Accepted_By__c],
                [true, 'Buyer Page', plan.Buyer_Lead__c]
            );
            assert.equal(preview.org.get('Plan_Buyer_Link__c', link[0].Id).Accepted_Name__c, lead);

            await criteria.getByRole('button', { name: 'Confirm done' }).click();
            await tab.getByText(`Thank you: "${CRITERIA}" is confirmed done.`).waitFor();
            await criteria.getByText('Confirmed by you, waiting on the seller').waitFor();
            await criteria.getByRole('button', { name: 'Confirm done' }).waitFor({ state: 'detached' });
            const [confirmed] = milestonesOf(plan.Id).filter((milestone) => milestone.Name === CRITERIA);
            assert.equal(confirmed.Buyer_Confirmed__c, true, 'confirmed in the org');
            assert.equal(confirmed.Status__c, 'Not Started', 'a joint milestone waits for the seller');
            await screenshot(tab, 'buyer-page-accepted');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        "on a phone, the plan reads in one column with the buyer's own milestone marked",
        async ({ page, problems, visit }) => {
            const { deal, plan, lead } = planNamed('Tidewater Power - Outage response app');
            await visit(`buyer?t=${encodeURIComponent(linkFor(deal, plan))}`);
            const buyer = buyerPage(page);
            await buyer.title.filter({ hasText: plan.Name }).waitFor();
            assert.deepEqual(await salesforceChrome(page), { header: 0, viewingAs: 0 });
            await buyer.milestone(CRITERIA).getByText(`${lead} (you)`).waitFor();
            const width = await page.locator('html').evaluate((html) => html.scrollWidth);
            assert.ok(width <= 400, `nothing wider than the phone (${width} px)`);
            await screenshot(page, 'buyer-page-narrow');

            await buyer.accept.click();
            await buyer.acceptance.getByText('Type your name to accept the plan.').waitFor();
            await screenshot(page, 'buyer-page-narrow-name-missing');
            assert.equal(preview.org.get('Mutual_Action_Plan__c', plan.Id).Buyer_Accepted__c, false);
            assert.deepEqual(await problems(), []);
        },
        { width: 400 }
    );

    scenario('an altered link opens nothing and names no plan', async ({ page, problems, visit }) => {
        const { deal, plan } = planNamed('Tidewater Power - Outage response app');
        const token = linkFor(deal, plan);
        const last = token.at(-1);
        const altered = token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
        await visit(`buyer?t=${encodeURIComponent(altered)}`);
        await page.getByRole('alert').filter({ hasText: NOT_VALID }).waitFor();
        await page.getByRole('heading', { name: 'This link cannot open the plan' }).waitFor();
        const text = await eventually(
            () => page.locator('body').innerText(),
            (shown) => shown.includes(NOT_VALID),
            'the refusal'
        );
        for (const secret of [plan.Name, deal.Name, preview.org.get('Account', deal.AccountId).Name]) {
            assert.ok(!text.includes(secret), `the page does not name ${secret}`);
        }
        assert.deepEqual(await salesforceChrome(page), { header: 0, viewingAs: 0 });
        await screenshot(page, 'buyer-page-not-valid');
        assert.deepEqual(await problems(), []);
    });
});

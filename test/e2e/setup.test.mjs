// End to end, in headless Chromium: the Tandem Setup page (c-tandem-setup) in the preview, driven as an admin drives
// it, against the embedded demo org, where TandemSetupController answers through the offline Apex runtime and the
// save's metadata deployment completes right after the save's transaction. The preview shell's "Viewing as" switch
// picks whom the Apex runs as: the account executive who owns the demo sees the page read-only, the admin (Tandem
// Admin permission set) can change it.
//   node --test test/e2e/setup.test.mjs                         build this file's own bundle, then run
//   E2E_REUSE_BUNDLE=1 node --test test/e2e/setup.test.mjs      reuse dist/preview/app.js (quicker while editing)
// Screenshots go to artifacts/screenshots/ (failed-setup-<test>.png when one fails).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { OPPORTUNITY_STAGES } from '../../scripts/lib/schema/index.mjs';
import { eventually, screenshot, e2eFile, viewAs } from './support.mjs';

const ADMIN = 'Preview Admin (Administrator)';
const SELLER = 'Jonah Clarke (Enterprise Account Executive)';
const DAYS_MESSAGE = 'Enter a whole number of days from 1 to 365, or leave it blank to turn this check off.';

let preview;
const scenario = e2eFile('setup', (ready) => ({ preview } = ready));

/**
 * The stage gate checkbox of a stage, by its accessible name. SLDS hides the native checkbox behind its styled
 * box, so a user clicks the box (the checkbox's label); the state is read from the checkbox itself.
 */
function gate(page, kind, stage) {
    const name = `Require ${kind === 'accepted' ? 'a buyer-accepted' : 'an active'} plan for ${stage}`;
    return {
        checkbox: page.getByRole('checkbox', { name, exact: true }),
        click: () =>
            page
                .locator('label')
                .filter({ has: page.getByText(name, { exact: true }) })
                .click()
    };
}

/** The table's stage rows as the admin reads them: stage and the three counts. */
async function stageRows(page) {
    const table = page.getByRole('table', { name: 'Stage gates' });
    const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
    const out = [];
    for (const row of await rows.all()) {
        const cells = await row.getByRole('cell').allInnerTexts();
        out.push({
            stage: (await row.getByRole('rowheader').innerText()).split('\n')[0].trim(),
            open: Number(cells[2]),
            noActive: Number(cells[3]),
            noAccepted: Number(cells[4])
        });
    }
    return out;
}

/** What the page should count per stage: the open deals, and those without an active / a buyer-accepted plan. */
function expectedCounts(org) {
    const activePlans = org.query('Mutual_Action_Plan__c', (plan) => plan.Status__c === 'Active');
    const withActive = new Set(activePlans.map((plan) => plan.Opportunity__c));
    const withAccepted = new Set(activePlans.filter((plan) => plan.Buyer_Accepted__c).map((p) => p.Opportunity__c));
    return OPPORTUNITY_STAGES.map(({ name }) => {
        const open = org.query('Opportunity', (o) => !o.IsClosed && o.StageName === name);
        return {
            stage: name,
            open: open.length,
            noActive: open.filter((o) => !withActive.has(o.Id)).length,
            noAccepted: open.filter((o) => !withAccepted.has(o.Id)).length
        };
    });
}

function planSetting(org) {
    return org.customMetadata('Plan_Setting__mdt').find((record) => record.DeveloperName === 'Default');
}

describe('Tandem Setup', () => {
    scenario(
        'the account executive sees the gates read-only, told which permission set changes them',
        async ({ page, problems, visit }) => {
            await visit('setup');
            await viewAs(page, SELLER);

            await page.getByText('needs the Tandem Admin permission set').waitFor();
            assert.equal(await gate(page, 'active', 'Negotiation/Review').checkbox.isChecked(), true);
            assert.equal(await gate(page, 'active', 'Negotiation/Review').checkbox.isDisabled(), true);
            assert.equal(await page.getByRole('spinbutton', { name: 'Stale plan days' }).isDisabled(), true);
            assert.equal(await page.getByRole('button', { name: 'Save' }).count(), 0);
            await screenshot(page, 'setup-read-only');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'the admin requires an accepted plan, fixes a bad threshold and saves; the deployment lands',
        async ({ page, problems, visit }) => {
            const { org } = preview;
            await visit('pipeline');
            await viewAs(page, ADMIN);
            await page.getByRole('link', { name: 'Tandem Setup' }).click();
            await page.getByRole('heading', { name: 'Tandem Setup' }).waitFor();
            assert.equal(new URL(page.url()).pathname, '/setup');

            // Every active stage, in sales-process order, with today's deals in it.
            const expected = expectedCounts(org);
            const rows = await eventually(
                () => stageRows(page),
                (found) => found.length === expected.length,
                'the stage rows'
            );
            assert.deepEqual(rows, expected);
            const negotiation = expected.find((row) => row.stage === 'Negotiation/Review');
            const waiting = negotiation.noAccepted;
            assert.ok(waiting > 0, 'the demo has deals in Negotiation/Review without an accepted plan');
            await page
                .getByText(
                    `${waiting} open ${waiting === 1 ? 'deal here has' : 'deals here have'} no buyer-accepted plan; ` +
                        `${waiting === 1 ? 'it' : 'they'} can stay in this stage and be edited`
                )
                .waitFor();
            await page.getByText('Never gated: a lost deal can always be recorded').waitFor();
            assert.equal(await gate(page, 'active', 'Closed Lost').checkbox.isDisabled(), true);

            // The two checkboxes move together: no active plan, no accepted one; an accepted plan is an active one.
            const active = gate(page, 'active', 'Negotiation/Review');
            const accepted = gate(page, 'accepted', 'Negotiation/Review');
            await active.click();
            assert.equal(await active.checkbox.isChecked(), false);
            assert.equal(await accepted.checkbox.isChecked(), false);
            await accepted.click();
            assert.equal(await accepted.checkbox.isChecked(), true);
            assert.equal(await active.checkbox.isChecked(), true);

            // A bad threshold is marked under its field as it is typed, and the mark goes once it is fixed.
            const stale = page.getByRole('spinbutton', { name: 'Stale plan days' });
            await stale.fill('0');
            await page.getByText(DAYS_MESSAGE).waitFor();
            await screenshot(page, 'setup-threshold-error');
            await stale.fill('21');
            await page.getByText(DAYS_MESSAGE).waitFor({ state: 'detached' });

            await page.getByRole('button', { name: 'Save' }).click();
            await page
                .getByText(
                    'Saved: the gates are on for Proposal/Price Quote (active plan), Negotiation/Review (accepted plan).'
                )
                .waitFor();
            await page.getByText('Succeeded', { exact: true }).waitFor();
            const setting = planSetting(org);
            assert.equal(setting.Accepted_Plan_Stages__c, 'Negotiation/Review');
            assert.equal(setting.Active_Plan_Stages__c, 'Proposal/Price Quote;Negotiation/Review');
            assert.equal(Number(setting.Stale_Plan_Days__c), 21);
            await screenshot(page, 'setup-saved');

            // What was saved is what the page shows next time.
            await page.reload();
            await eventually(
                () => page.getByRole('spinbutton', { name: 'Stale plan days' }).inputValue(),
                (value) => value === '21',
                'the saved threshold'
            );
            assert.equal(await gate(page, 'accepted', 'Negotiation/Review').checkbox.isChecked(), true);
            assert.deepEqual(await problems(), []);
        }
    );

    test('the preview runs only as the demo team or the admin', async () => {
        const refuse = await fetch(new URL('/api/org/setViewer', preview.url), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ userId: '005000000000000AAA' })
        });
        assert.equal(refuse.status, 403);
        assert.match((await refuse.json()).message, /cannot be viewed as 005000000000000AAA/);
    });
});

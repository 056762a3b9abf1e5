// End to end, in headless Chromium: a buyer's acceptance that lapsed because the plan changed after it, as the
// account executive meets it on the opportunity record page, and recording the acceptance of the current version.
// The demo loader's Helio plan was accepted by the buyer's head of operations at version 1, then its legal redlines
// slipped a week with everything after them: one new version, so that acceptance lapsed (TandemDemoDataTest).
//   node --test test/e2e/acceptance.test.mjs
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { contactTitled, mediumDate, screenshot, TODAY, e2eFile } from './support.mjs';
import { demoRecords, optionStartingWith, recordPage } from './record-page.mjs';

let preview;
const scenario = e2eFile('acceptance', (ready) => ({ preview } = ready));
const { opportunityNamed, planOf, contactName } = demoRecords(() => preview.org);

describe('buyer acceptance of a version of the plan', () => {
    scenario(
        'a lapsed acceptance says so, and the acceptance of the current version can be recorded',
        async ({ page, problems, visit }) => {
            const deal = opportunityNamed('Helio Freight - Carrier network platform');
            const [plan] = planOf(deal.Id);
            assert.deepEqual(
                [plan.Buyer_Accepted__c, plan.Accepted_Version__c, plan.Version__c],
                [false, 1, 2],
                'accepted at version 1, now at version 2'
            );
            const accepter = contactName(plan.Buyer_Accepted_By__c);

            await visit(`opportunity/${deal.Id}`);
            const record = recordPage(page);
            await record.summary.getByText(`Lapsed: accepted by ${accepter}`).waitFor();
            await record.summary.getByText('Version 1, recorded by the seller').waitFor();
            const lapse = record.summary.getByText(/The plan changed after .* accepted version 1 \(now version 2\)/);
            await lapse.waitFor();
            assert.match(await lapse.innerText(), new RegExp(`Ask ${accepter} to accept the current plan`));
            await screenshot(page, 'acceptance-lapsed');

            await page.getByRole('button', { name: 'Record buyer acceptance' }).click();
            const form = page.getByRole('group', { name: 'Record buyer acceptance' });
            const ops = contactTitled(preview.org, deal.AccountId, 'VP Operations').Id;
            await form
                .getByLabel('Accepted by')
                .selectOption(await optionStartingWith(form.getByLabel('Accepted by'), contactName(ops)));
            await form.getByRole('button', { name: 'Record acceptance' }).click();
            await record.toast('Buyer acceptance recorded').waitFor();
            await record.summary.getByText(`Accepted by ${contactName(ops)}`).waitFor();
            await record.summary.getByText('Version 2, recorded by the seller').waitFor();
            await record.summary.getByText(mediumDate(TODAY)).waitFor();
            await record.summary.getByText('Acceptance lapsed').waitFor({ state: 'detached' });

            const saved = preview.org.get('Mutual_Action_Plan__c', plan.Id);
            assert.deepEqual(
                [saved.Buyer_Accepted__c, saved.Accepted_Version__c, saved.Acceptance_Source__c],
                [true, 2, 'Recorded by Seller']
            );
            await record.dismissToasts();
            await screenshot(page, 'acceptance-recorded-again');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'the lapse reads well in the record page narrow column',
        async ({ page, problems, visit }) => {
            const deal = opportunityNamed('Tidewater Power - Meter data platform');
            await visit(`opportunity/${deal.Id}`);
            const record = recordPage(page);
            await record.summary.getByText(/^Lapsed: accepted by /).waitFor();
            await record.summary.getByText('Acceptance lapsed').waitFor();
            await screenshot(page, 'acceptance-lapsed-narrow');
            assert.deepEqual(await problems(), []);
        },
        { width: 400 }
    );
});

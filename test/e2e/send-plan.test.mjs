// End to end, in headless Chromium: the whole buyer loop. The account executive sends the plan from the workspace;
// each buyer's email (the org's outbox: delivered once the send committed) carries the message, the plan as a PDF
// rendered from the Visualforce page, and a personal link; the buyer opens the link on the site and accepts the plan.
// The preview's site is its own /buyer route (scripts/preview.mjs sets Plan Setting "Default" Buyer Page URL to it).
// The demo's Quarry Labs lab data plan is active and not accepted, its deal has contact roles with email addresses.
//   node --test test/e2e/send-plan.test.mjs
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { contactTitled, e2eFile, newPage, screenshot } from './support.mjs';
import { demoRecords, recordPage } from './record-page.mjs';

let preview;
let browser;
const scenario = e2eFile('send-plan', (ready) => ({ preview, browser } = ready));
const { opportunityNamed, planOf, contactName } = demoRecords(() => preview.org);

describe('sending the plan to the buyers', () => {
    scenario(
        'the seller sends the plan; a buyer opens their link from the email and accepts it',
        async ({ page, problems, visit }) => {
            const deal = opportunityNamed('Quarry Labs - Lab data platform');
            const [plan] = planOf(deal.Id);
            const cfo = contactTitled(preview.org, deal.AccountId, 'CFO');
            assert.equal(plan.Buyer_Accepted__c, false, 'not accepted yet');
            const before = preview.org.outbox().length;

            await visit(`opportunity/${deal.Id}`);
            const record = recordPage(page);
            await record.summary.getByRole('button', { name: 'Send to buyers' }).click();
            const form = page.getByRole('group', { name: 'Send the plan to buyers' });
            const cfoBox = form.getByLabel(new RegExp(`^${contactName(cfo.Id)}`));
            await cfoBox.waitFor();
            if (!(await cfoBox.isChecked())) await cfoBox.check();
            await form.getByLabel('Message').fill('Here is the plan as we agreed it on Tuesday.');
            await screenshot(page, 'send-plan-form');
            await form.getByRole('button', { name: /^Send to \d+ buyers?$/ }).click();
            await record.toast(/^Plan sent to /).waitFor({ timeout: 60_000 });
            await form.waitFor({ state: 'detached' });

            const sent = preview.org.outbox().slice(before);
            const email = sent.find((candidate) => candidate.targetObjectId === cfo.Id);
            assert.ok(email, `the CFO got an email (${sent.length} sent)`);
            assert.equal(email.subject, `Our mutual action plan: ${plan.Name}`);
            assert.ok(email.plainTextBody.startsWith('Here is the plan as we agreed it on Tuesday.'));
            const [pdf] = email.attachments;
            assert.equal(pdf.contentType, 'application/pdf');
            assert.equal(Buffer.from(pdf.body).subarray(0, 5).toString(), '%PDF-', 'a PDF rendered from the page');
            const link = email.plainTextBody.match(/http\S+\/buyer\?t=\S+/)?.[0];
            assert.ok(link, `the email carries the buyer's link: ${email.plainTextBody}`);
            const tasks = preview.org.query('Task', { WhatId: deal.Id });
            assert.ok(
                tasks.some((task) => /^Sent the mutual action plan \(version \d+\)$/.test(task.Subject)),
                'the send is logged on the opportunity'
            );
            await record.dismissToasts();

            const buyer = await newPage(browser, { width: 400 });
            try {
                await buyer.page.goto(link);
                await buyer.page.getByRole('heading', { level: 1, name: plan.Name }).waitFor();
                const acceptance = buyer.page.getByRole('region', { name: 'Your acceptance' });
                await acceptance.getByLabel('Your name').fill(contactName(cfo.Id));
                await acceptance.getByRole('button', { name: /^Accept version \d+$/ }).click();
                await buyer.page.getByText(/you accepted version \d+ of the plan/).waitFor();
                await screenshot(buyer.page, 'send-plan-buyer-accepted');
                const saved = preview.org.get('Mutual_Action_Plan__c', plan.Id);
                assert.deepEqual(
                    [saved.Buyer_Accepted__c, saved.Buyer_Accepted_By__c, saved.Acceptance_Source__c],
                    [true, cfo.Id, 'Buyer Page']
                );
                assert.deepEqual(await buyer.problems(), []);
            } finally {
                await buyer.close();
            }
            assert.deepEqual(await problems(), []);
        }
    );
});

// End to end, in headless Chromium: the daily follow-up as the account executive and the manager meet it, against the
// embedded demo org where FollowUpJob and ManagerDigestJob run through the offline Apex runtime (docs/follow-up.md).
// The AE mutes one plan's reminders from the workspace's Follow-up region and the daily job then leaves that plan
// alone while it reminds the AE of another plan's milestone due tomorrow, which the workspace then shows as
// "Reminded today"; the AE turns on buyer emails for that plan and the next run emails the buyer owner once, the run
// after sends nothing; the Monday run sends the manager a digest of the team's plans that reads well in the Outbox.
//   node --test test/e2e/follow-up.test.mjs                      build this file's own bundle, then run
//   E2E_REUSE_BUNDLE=1 node --test test/e2e/follow-up.test.mjs   reuse dist/preview/app.js
// Screenshots go to artifacts/screenshots/ (follow-up-*.png; failed-follow-up-<test>.png when one fails).
// The scenarios run in order on one preview: each starts from what the one before left.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { SCREENSHOTS, e2eFile, screenshot, viewAs } from './support.mjs';
import { demoRecords, recordPage } from './record-page.mjs';

const SELLER = 'Jonah Clarke (Enterprise Account Executive)';
const MUTED_DEAL = 'Cedar & Pine Health - Clinical scheduling suite';
const REMINDED_DEAL = 'Northwind Logistics - Fleet visibility platform';
// Due tomorrow on the demo's today (Monday 2 March 2026): inside the default two working days of "due soon".
const DUE_TOMORROW = 'Economic buyer confirms the budget and the decision date';

let preview;
const scenario = e2eFile('follow-up', (ready) => ({ preview } = ready));
const { opportunityNamed, planOf, milestonesOf } = demoRecords(() => preview.org);

const activePlanOf = (dealName) => {
    const plan = planOf(opportunityNamed(dealName).Id).find((p) => p.Status__c === 'Active');
    assert.ok(plan, `${dealName} has an active plan`);
    return plan;
};

/** The workspace's Follow-up region and its two switches. */
function followUp(page) {
    const region = page.getByRole('region', { name: 'Follow-up' });
    return {
        region,
        reminders: region.getByRole('switch', { name: /^Reminders/ }).or(region.getByLabel('Reminders')),
        buyerEmails: region.getByRole('checkbox', { name: 'Email buyer owners before their steps are due' })
    };
}

/**
 * Runs the daily job from the Outbox, with or without the Monday digest, and answers the counts the page says it
 * produced, after checking them against what the org sent.
 */
async function runDailyJob(page, visit, { digest }) {
    const { org } = preview;
    const before = [org.notifications().length, org.outbox().length];
    await visit('outbox');
    const job = page.getByRole('article', { name: 'Daily follow-up job' });
    const digestBox = job.getByRole('checkbox', { name: 'Include the Monday manager digest' });
    if ((await digestBox.isChecked()) !== digest) await job.getByText('Include the Monday manager digest').click();
    assert.equal(await digestBox.isChecked(), digest);
    await job.getByRole('button', { name: 'Run the daily job' }).click();
    const line = job.getByRole('status').or(job.getByRole('alert'));
    await line.waitFor({ timeout: 60_000 });
    const text = await line.innerText();
    const match = /^The daily job ran: ([\d,]+) notifications? and ([\d,]+) emails?\./.exec(text);
    assert.ok(match, `the run succeeds (the page said: ${text})`);
    const said = { notifications: Number(match[1]), emails: Number(match[2]) };
    assert.deepEqual(
        [said.notifications, said.emails],
        [org.notifications().length - before[0], org.outbox().length - before[1]],
        'the page says what the org sent'
    );
    return { ...said, job };
}

describe('the daily follow-up', () => {
    scenario(
        'a muted plan gets no reminder; a milestone due tomorrow is reminded once and says so',
        async ({ page, problems, visit }) => {
            const muted = activePlanOf(MUTED_DEAL);
            const reminded = activePlanOf(REMINDED_DEAL);
            await visit(`opportunity/${opportunityNamed(MUTED_DEAL).Id}`);
            await viewAs(page, SELLER);
            const record = recordPage(page);
            const { reminders } = followUp(page);
            await reminders.waitFor();
            assert.equal(await reminders.isChecked(), true, 'reminders start on');
            await followUp(page).region.getByText('Reminders', { exact: true }).click();
            await record.toast('Reminders muted for this plan').waitFor();
            await followUp(page)
                .region.getByText(/^Nobody is reminded about this plan\./)
                .waitFor();
            assert.equal(preview.org.get('Mutual_Action_Plan__c', muted.Id).Reminders_Muted__c, true, 'saved');
            assert.equal(await followUp(page).buyerEmails.isDisabled(), true, 'buyer emails wait on reminders');
            await page.reload();
            await followUp(page).reminders.waitFor();
            assert.equal(await followUp(page).reminders.isChecked(), false, 'still muted after a reload');

            const run = await runDailyJob(page, visit, { digest: false });
            assert.ok(run.notifications > 0, 'the job notified about other plans');
            assert.deepEqual(
                preview.org.query('Plan_Reminder__c', { Plan__c: muted.Id }),
                [],
                'nothing was sent about the muted plan'
            );
            const titles = preview.org.notifications().map((n) => n.title);
            assert.ok(!titles.some((title) => title.startsWith(MUTED_DEAL)), titles.join('\n'));
            const seller = preview.org.query('User', (u) => `${u.FirstName} ${u.LastName}` === 'Jonah Clarke')[0];
            const toSeller = preview.org.notifications(seller.Id).find((n) => n.title.startsWith(`${REMINDED_DEAL}:`));
            assert.ok(toSeller, `Jonah is notified about ${REMINDED_DEAL} (${titles.join('; ')})`);
            assert.match(toSeller.body, new RegExp(`${DUE_TOMORROW}: due tomorrow`));

            // Each kind reaches its people: Jonah's bell holds the due-soon and the stale-plan notifications, one per
            // plan; an overdue milestone of another AE's plan went to that AE.
            await page.getByRole('button', { name: /^Notifications/ }).click();
            const panel = page.getByRole('dialog', { name: 'Notifications' });
            await panel.getByText(`${REMINDED_DEAL}: 2 milestones need follow-up`).waitFor();
            await panel.getByText('Quarry Labs - Lab data platform: the plan has gone stale').waitFor();
            await panel.getByText(/^No progress on the plan for \d+ days\.$/).waitFor();
            await screenshot(page, 'follow-up-bell-after-run');
            await page.keyboard.press('Escape');
            const overdue = preview.org.notifications().find((n) => / \d+ days overdue$/m.test(n.body));
            assert.ok(overdue, 'an overdue milestone was notified');
            assert.ok(!overdue.recipientIds.includes(seller.Id), 'to the owners of that plan, not to Jonah');

            await visit(`opportunity/${opportunityNamed(REMINDED_DEAL).Id}`);
            const row = record.milestone(DUE_TOMORROW);
            await row.getByText('Reminded today').waitFor();
            const [milestone] = milestonesOf(reminded.Id).filter((m) => m.Name === DUE_TOMORROW);
            assert.equal(
                preview.org.query('Plan_Reminder__c', { Milestone__c: milestone.Id }).length > 0,
                true,
                'the reminder is recorded against the milestone'
            );
            await row.getByText('Reminded today').scrollIntoViewIfNeeded();
            await screenshot(page, 'follow-up-reminded-today');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'the Follow-up region reads at phone width',
        async ({ page, problems, visit }) => {
            await visit(`opportunity/${opportunityNamed(REMINDED_DEAL).Id}`);
            await viewAs(page, SELLER);
            const { region, reminders } = followUp(page);
            await reminders.waitFor();
            await region.scrollIntoViewIfNeeded();
            const box = await region.boundingBox();
            assert.ok(box.x >= 0 && box.x + box.width <= 400, `the region fits the window (${JSON.stringify(box)})`);
            // The region itself: a full-page shot of the whole workspace at this width is too tall to read.
            mkdirSync(SCREENSHOTS, { recursive: true });
            await region.screenshot({ path: join(SCREENSHOTS, 'follow-up-region-400.png'), animations: 'disabled' });
            assert.deepEqual(await problems(), []);
        },
        { width: 400 }
    );

    scenario(
        'buyer emails, once turned on, reach the buyer owner about their step due tomorrow, once a day',
        async ({ page, problems, visit }) => {
            const deal = opportunityNamed(REMINDED_DEAL);
            const plan = activePlanOf(REMINDED_DEAL);
            const [milestone] = milestonesOf(plan.Id).filter((m) => m.Name === DUE_TOMORROW);
            const buyer = preview.org.get('Contact', milestone.Buyer_Owner__c);
            assert.ok(buyer?.Email, 'the milestone has a buyer owner with an email address');

            await visit(`opportunity/${deal.Id}`);
            await viewAs(page, SELLER);
            const record = recordPage(page);
            const { buyerEmails } = followUp(page);
            await buyerEmails.waitFor();
            assert.equal(await buyerEmails.isChecked(), false, 'off until the AE turns it on');
            await followUp(page).region.getByText('Email buyer owners before their steps are due').click();
            await record.toast('Buyer owners will get reminder emails').waitFor();
            assert.equal(preview.org.get('Mutual_Action_Plan__c', plan.Id).Buyer_Reminders__c, true, 'saved');

            const run = await runDailyJob(page, visit, { digest: false });
            assert.equal(run.notifications, 0, 'the sellers were already told today');
            const subject = `Reminder: ${DUE_TOMORROW}: due tomorrow`;
            const toBuyer = preview.org.outbox().filter((email) => email.subject === subject);
            assert.equal(toBuyer.length, 1, 'one email to the buyer owner');
            assert.equal(toBuyer[0].targetObjectId, buyer.Id, 'to the buyer owner');
            const list = page.getByRole('list', { name: /^Sent emails/ });
            const link = list.getByRole('link').filter({ hasText: subject });
            await link.first().waitFor();
            assert.match(await link.first().innerText(), new RegExp(buyer.Email.replace(/[.]/g, '\\.')));
            await link.first().click();
            const open = page.getByRole('article', { name: subject });
            await open.waitFor();
            const text = open.getByRole('document', { name: 'Plain text body' });
            await text.getByText(`Hi ${buyer.FirstName},`).waitFor();
            await text.getByText(new RegExp(`- ${DUE_TOMORROW}: due tomorrow \\(Tue, Mar 3\\)`)).waitFor();
            await page.frameLocator('iframe').getByText(DUE_TOMORROW).waitFor();
            await page.locator('iframe').scrollIntoViewIfNeeded();
            await screenshot(page, 'follow-up-buyer-email');

            const again = await runDailyJob(page, visit, { digest: false });
            assert.deepEqual([again.notifications, again.emails], [0, 0], 'a second run the same day sends nothing');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario("the Monday run sends each manager a digest of the team's plans", async ({ page, problems, visit }) => {
        const owen = preview.org.query('User', (u) => `${u.FirstName} ${u.LastName}` === 'Owen Brandt')[0];
        assert.ok(owen, 'the demo has the sales manager Owen Brandt');
        const run = await runDailyJob(page, visit, { digest: true });
        assert.ok(run.emails >= 1, 'digests sent');
        const digest = preview.org.outbox().find((email) => email.targetObjectId === owen.Id);
        assert.ok(digest, 'Owen gets a digest');
        assert.match(digest.subject, /^Your team's plans this week: \d+ newly off track/);

        const list = page.getByRole('list', { name: /^Sent emails/ });
        const link = list.getByRole('link').filter({ hasText: digest.subject }).filter({ hasText: owen.Email });
        await link.first().waitFor();
        await link.first().click();
        const open = page.getByRole('article', { name: digest.subject });
        await open.waitFor();
        const body = page.frameLocator('iframe');
        await body.getByRole('heading', { name: "Your team's plans, Feb 23 to Mar 2" }).waitFor();
        for (const section of [/^Newly off track \(\d+\)$/, /^Slipped this week \(\d+\)$/, /^Gone stale \(\d+\)$/]) {
            await body.getByRole('heading', { name: section }).waitFor();
        }
        // Each deal is a link to its opportunity; a knock-on move is told with the slip that caused it.
        await body.getByRole('link', { name: MUTED_DEAL }).first().waitFor();
        await body.getByText(/moved \d+ working days later \([^)]+\), and \d+ milestones that wait on it\./).waitFor();
        const plain = await open.getByRole('document', { name: 'Plain text body' }).innerText();
        assert.doesNotMatch(plain, /Predecessor slipped/, 'a pushed milestone is not listed with a borrowed reason');
        await page.locator('iframe').scrollIntoViewIfNeeded();
        await screenshot(page, 'follow-up-manager-digest');

        const again = await runDailyJob(page, visit, { digest: true });
        assert.equal(again.emails, 0, 'the week’s digest is not sent twice');
        assert.deepEqual(await problems(), []);
    });
});

// End to end, in headless Chromium: the preview's follow-up tools (preview only, not in the package). The global
// header's notification bell shows the previewed user's custom notifications (delivered through the org's own path,
// org.deliverNotification) with an unread count, opens a panel of them newest first, and opening one goes to its
// target and marks them read, by mouse or keyboard. The Outbox tab shows every email the org sent: a plan sent to the
// buyers through the workspace's "Send to buyers" lands there with its HTML body sandboxed, its plain text body and its
// PDF to download. "Run the daily job" runs FollowUpJob as the admin and says what the run produced, or why it failed.
//   node --test test/e2e/follow-up-tools.test.mjs
// Screenshots go to artifacts/screenshots/ (follow-up-*.png; failed-follow-up-tools-<test>.png when one fails).
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { contactTitled, e2eFile, eventually, screenshot } from './support.mjs';
import { demoRecords, recordPage } from './record-page.mjs';

let preview;
const scenario = e2eFile('follow-up-tools', (ready) => ({ preview } = ready));
const { opportunityNamed, planOf, contactName } = demoRecords(() => preview.org);

const HOUR = 3600 * 1000;

/** The org's own delivery path for a custom notification to the previewed user, sent `hoursAgo` on the org's clock. */
function deliverToViewer({ id, title, body, targetId = null, targetPageRef = null, hoursAgo }) {
    const { org } = preview;
    assert.equal(
        typeof org.deliverNotification,
        'function',
        'the embedded org delivers custom notifications (org.deliverNotification in preview/org/org.mjs)'
    );
    org.deliverNotification({
        id,
        typeDeveloperName: 'Tandem_Follow_Up',
        title,
        body,
        targetId,
        targetPageRef,
        senderId: preview.demo.admin,
        recipientIds: [org.currentUserId],
        sentAt: new Date(Date.parse(org.now()) - hoursAgo * HOUR).toISOString()
    });
}

/** The bell and its panel, found as a user finds them. */
function bell(page) {
    return {
        button: page.getByRole('button', { name: /^Notifications/ }),
        panel: page.getByRole('dialog', { name: 'Notifications' }),
        items() {
            return this.panel.getByRole('listitem');
        }
    };
}

describe('the follow-up tools', () => {
    scenario(
        "the bell counts the user's unread notifications; opening one goes to its deal and marks them read",
        async ({ page, problems, visit }) => {
            const deal = opportunityNamed('Quarry Labs - Lab data platform');
            deliverToViewer({
                id: 'e2e-notification-overdue',
                title: `${deal.Name}: 2 milestones overdue`,
                body: 'Security review and Pilot sign-off are past their due dates.',
                targetId: deal.Id,
                hoursAgo: 26
            });
            deliverToViewer({
                id: 'e2e-notification-review',
                title: 'Your pipeline this week',
                body: '3 plans went off track.',
                targetPageRef: JSON.stringify({
                    type: 'standard__navItemPage',
                    attributes: { apiName: 'Pipeline_Review' }
                }),
                hoursAgo: 2
            });

            await visit('opportunities');
            const { button, panel } = bell(page);
            await eventually(
                () => button.getAttribute('aria-label'),
                (label) => label === 'Notifications: 2 unread',
                'the bell to count 2 unread notifications'
            );
            await button.click();
            await panel.waitFor();
            const items = bell(page).items();
            assert.equal(await items.count(), 2);
            const first = await items.nth(0).innerText();
            const second = await items.nth(1).innerText();
            assert.match(first, /^Your pipeline this week\n3 plans went off track\.\n2 hours ago/);
            assert.match(first, /Unread/);
            assert.match(second, new RegExp(`^${deal.Name}: 2 milestones overdue\\n`));
            assert.match(second, /\nyesterday/, 'newest first, each with how long ago in words');
            await screenshot(page, 'follow-up-bell-panel');

            // Escape closes it and gives focus back to the bell; the keyboard opens it again.
            await page.keyboard.press('Escape');
            await panel.waitFor({ state: 'detached' });
            assert.equal(await button.evaluate((element) => element.matches(':focus')), true, 'focus on the bell');
            await page.keyboard.press('Enter');
            await panel.waitFor();
            // The element that has focus, through the components' shadow roots.
            const focusedText = () =>
                page.locator('html').evaluate((html) => {
                    let active = html.ownerDocument.activeElement;
                    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
                    return active?.textContent.trim() ?? '';
                });
            await eventually(focusedText, (text) => text === 'Notifications', 'focus on the panel when it opens');
            await page.keyboard.press('Tab');
            await page.keyboard.press('Tab');
            const focused = await focusedText();
            assert.match(focused, new RegExp(`^${deal.Name}: 2 milestones overdue`), 'Tab reaches the items in order');
            await page.keyboard.press('Enter');

            await page.waitForURL(new RegExp(`/opportunity/${deal.Id}$`));
            await page.getByRole('heading', { level: 1, name: deal.Name }).waitFor();
            await panel.waitFor({ state: 'detached' });
            await eventually(
                () => button.getAttribute('aria-label'),
                (label) => label === 'Notifications',
                'the bell to show nothing unread'
            );
            assert.deepEqual(
                preview.org.notifications(preview.org.currentUserId).map((n) => n.read),
                [true, true],
                'opening one marked them read'
            );

            // A notification that leads to a tab goes to that tab.
            await button.click();
            await bell(page).items().nth(0).getByRole('link').click();
            await page.waitForURL(/\/pipeline$/);

            // One whose tab the preview does not have: marked read, and the user is told, not sent somewhere else.
            deliverToViewer({
                id: 'e2e-notification-elsewhere',
                title: 'Forecast submitted',
                body: 'Your team forecast is in.',
                targetPageRef: JSON.stringify({ type: 'standard__navItemPage', attributes: { apiName: 'Forecasts' } }),
                hoursAgo: 0
            });
            await page.getByRole('link', { name: 'Opportunities' }).click();
            await eventually(
                () => button.getAttribute('aria-label'),
                (label) => label === 'Notifications: 1 unread',
                'the bell to count the new notification after a navigation'
            );
            await button.click();
            await bell(page)
                .items()
                .nth(0)
                .getByRole('link', { name: /^Forecast submitted/ })
                .click();
            await page.getByRole('status').filter({ hasText: 'The preview cannot open this notification' }).waitFor();
            assert.match(page.url(), /\/opportunities$/);
            await eventually(
                () => button.getAttribute('aria-label'),
                (label) => label === 'Notifications',
                'the bell to show nothing unread'
            );
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'the bell panel fits a phone-width window',
        async ({ page, problems, visit }) => {
            deliverToViewer({
                id: 'e2e-notification-phone',
                title: 'Quarry Labs - Lab data platform: the buyer accepted the plan',
                body: 'Liam Ibrahim accepted version 1.',
                targetId: opportunityNamed('Quarry Labs - Lab data platform').Id,
                hoursAgo: 0.5
            });
            await visit('opportunities');
            const { button, panel } = bell(page);
            await button.click();
            await panel.waitFor();
            await bell(page).items().first().waitFor();
            const box = await panel.boundingBox();
            assert.ok(box.x >= 0 && box.x + box.width <= 400, `the panel fits the window (${JSON.stringify(box)})`);
            await screenshot(page, 'follow-up-bell-panel-400');
            assert.deepEqual(await problems(), []);
        },
        { width: 400 }
    );

    scenario(
        'a plan sent to the buyers is in the Outbox: HTML body sandboxed, plain text, PDF to download',
        async ({ page, problems, visit }) => {
            const deal = opportunityNamed('Quarry Labs - Lab data platform');
            const [plan] = planOf(deal.Id);
            const cfo = contactTitled(preview.org, deal.AccountId, 'CFO');
            const message = 'Here is the plan as we agreed it on Tuesday.';

            await visit(`opportunity/${deal.Id}`);
            const record = recordPage(page);
            await record.summary.getByRole('button', { name: 'Send to buyers' }).click();
            const form = page.getByRole('group', { name: 'Send the plan to buyers' });
            const cfoBox = form.getByLabel(new RegExp(`^${contactName(cfo.Id)}`));
            await cfoBox.waitFor();
            if (!(await cfoBox.isChecked())) await cfoBox.check();
            await form.getByLabel('Message').fill(message);
            await form.getByRole('button', { name: /^Send to \d+ buyers?$/ }).click();
            await record.toast(/^Plan sent to /).waitFor({ timeout: 60_000 });
            await record.dismissToasts();

            await page.getByRole('navigation', { name: 'Tabs' }).getByRole('link', { name: 'Outbox' }).click();
            await page.waitForURL(/\/outbox$/);
            await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
            const subject = `Our mutual action plan: ${plan.Name}`;
            const list = page.getByRole('list', { name: /^Sent emails/ });
            const toCfo = list.getByRole('link').filter({ hasText: subject }).filter({ hasText: cfo.Email });
            await toCfo.first().waitFor();
            await toCfo.first().click();

            const open = page.getByRole('article', { name: subject });
            await open.waitFor();
            assert.match(await open.innerText(), new RegExp(`To\\n${cfo.Email.replace(/[.]/g, '\\.')}`));
            const sent = preview.org.outbox().find((email) => email.targetObjectId === cfo.Id);
            if (sent.htmlBody) {
                assert.equal(await open.locator('iframe').getAttribute('sandbox'), '');
            } else {
                await open.getByText('This email has no HTML body.').waitFor();
            }
            await open.getByRole('document', { name: 'Plain text body' }).getByText(message).waitFor();

            const pdfLink = open.getByRole('link', { name: /\.pdf$/ });
            const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
            assert.match(download.suggestedFilename(), /\.pdf$/);
            const bytes = await readFile(await download.path());
            assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', 'the attachment downloads as the PDF it is');

            // An HTML email, sent by Apex (Messaging.sendEmail, delivered when the transaction commits): the newest
            // opens first, its HTML in a sandboxed frame where its script does not run.
            preview.session.transaction(deal.OwnerId, (rt) =>
                rt.runAnonymous(`
                    Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
                    mail.setToAddresses(new List<String>{ '${cfo.Email}' });
                    mail.setSubject('Your plan: 2 steps due this week');
                    mail.setHtmlBody('<h1 style="font-family: sans-serif">Hello ${cfo.FirstName},</h1>'
                        + '<p style="font-family: sans-serif"><b>Security review</b> is due on Thursday.</p>'
                        + '<script>document.body.setAttribute(\\'data-script-ran\\', \\'yes\\');</script>');
                    mail.setPlainTextBody('Hello ${cfo.FirstName},\\nSecurity review is due on Thursday.');
                    Messaging.sendEmail(new List<Messaging.SingleEmailMessage>{ mail });
                `)
            );
            await page.reload();
            const htmlEmail = page.getByRole('article', { name: 'Your plan: 2 steps due this week' });
            await htmlEmail.waitFor();
            const frame = htmlEmail.locator('iframe');
            assert.equal(await frame.getAttribute('sandbox'), '', 'the HTML body is sandboxed');
            assert.match(await frame.getAttribute('srcdoc'), /<b>Security review<\/b>/, 'the body is the srcdoc');
            const body = page.frameLocator('iframe').locator('body');
            await body.getByText('Security review is due on Thursday.').waitFor();
            assert.equal(await body.getAttribute('data-script-ran'), null, "the email's script did not run");
            await htmlEmail
                .getByRole('document', { name: 'Plain text body' })
                .getByText(/^Hello /)
                .waitFor();
            await screenshot(page, 'follow-up-outbox');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'the Outbox reads on a phone-width window',
        async ({ page, problems, visit }) => {
            await visit('outbox');
            await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
            await page
                .getByRole('list', { name: /^Sent emails/ })
                .getByRole('link')
                .first()
                .waitFor();
            // The newest email (the HTML one the scenario before sent) open, its frame drawn.
            await page
                .frameLocator('iframe')
                .getByText(/is due on Thursday/)
                .waitFor();
            // Chromium paints a frame below the fold only once it has been in view, and the screenshot wants it drawn.
            await page.locator('iframe').scrollIntoViewIfNeeded();
            const width = await page.locator('html').evaluate((html) => html.scrollWidth);
            assert.ok(width <= 400, `nothing wider than the window (${width}px)`);
            await screenshot(page, 'follow-up-outbox-400');
            assert.deepEqual(await problems(), []);
        },
        { width: 400 }
    );

    scenario(
        '"Run the daily job" says what the run produced and the bell counts what it sent',
        async ({ page, problems, visit }) => {
            const { org, session } = preview;
            const notificationsBefore = org.notifications().length;
            const emailsBefore = org.outbox().length;
            await visit('outbox');
            const job = page.getByRole('article', { name: 'Daily follow-up job' });
            await job.getByText('Include the Monday manager digest').click();
            assert.equal(
                await job.getByRole('checkbox', { name: 'Include the Monday manager digest' }).isChecked(),
                true
            );
            await job.getByRole('button', { name: 'Run the daily job' }).click();
            const line = job.getByRole('status').or(job.getByRole('alert'));
            await line.waitFor({ timeout: 60_000 });
            const text = await line.innerText();
            await screenshot(page, 'follow-up-daily-job');
            assert.ok(session.program.classes.has('followupjob'), 'FollowUpJob is in the package');
            const produced = [org.notifications().length - notificationsBefore, org.outbox().length - emailsBefore];
            assert.match(
                text,
                /^The daily job ran: [\d,]+ notifications? and [\d,]+ emails?\./,
                `FollowUpJob is in the package: the run succeeds (the page said: ${text})`
            );
            const [, notifications, emails] = /ran: ([\d,]+) notifications? and ([\d,]+) emails?/.exec(text);
            assert.deepEqual([Number(notifications), Number(emails)], produced);
            const unread = org.notifications(org.currentUserId).filter((n) => !n.read).length;
            await eventually(
                () => bell(page).button.getAttribute('aria-label'),
                (label) => label === (unread ? `Notifications: ${unread} unread` : 'Notifications'),
                `the bell to count the viewer's ${unread} unread notifications after the run`
            );
            assert.deepEqual(await problems(), []);
        }
    );
});

// End to end, in headless Chromium: the Follow-up section of the Tandem Setup page (c-tandem-setup-follow-up) in the
// preview, driven as an admin drives it, against the embedded demo org where TandemSetupController answers through
// the offline Apex runtime. The admin reads what the daily follow-up does, schedules it at an hour, sees the next
// run (and, once the org's clock fires it, the last), runs it now, stops it, and switches one kind of reminder off
// and changes Due Soon Days with the page's Save, which deploys the Plan Setting like the gates.
//   node --test test/e2e/setup-follow-up.test.mjs                      build this file's own bundle, then run
//   E2E_REUSE_BUNDLE=1 node --test test/e2e/setup-follow-up.test.mjs   reuse dist/preview/app.js
// Screenshots go to artifacts/screenshots/ (setup-follow-up-*.png; failed-setup-follow-up-<test>.png when one fails).
import { join } from 'node:path';
import { describe } from 'node:test';
import assert from 'node:assert/strict';

import { SCREENSHOTS, e2eFile, eventually, screenshot, viewAs } from './support.mjs';

const ADMIN = 'Preview Admin (Administrator)';
const SELLER = 'Jonah Clarke (Enterprise Account Executive)';
const JOB_NAME = 'Tandem daily follow-up';
const DUE_SOON_MESSAGE =
    'Enter a whole number of working days from 0 to 20, or leave it blank to turn due-soon reminders off.';
// The time zone the page writes the runs in: the browser's (UTC here, support.mjs's newPage), which is also the one
// the offline Apex runtime schedules in (apex-runtime/platform/async/schedule.mjs: the org's GMT).
const USER_TIME_ZONE = 'UTC';

let preview;
const scenario = e2eFile('setup-follow-up', (ready) => ({ preview } = ready));

/** Text as a reader compares it: Intl may write a narrow no-break space before "AM". */
const plain = (text) => text.replace(/\s+/g, ' ').trim();

/** A date-time as the page writes it: the user's locale (en-US in the preview) and time zone. */
function asShown(iso) {
    return new Intl.DateTimeFormat('en-US', {
        weekday: 'short',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: USER_TIME_ZONE
    }).format(Date.parse(iso));
}

/** The org's schedule of the follow-up: its CronTrigger, or undefined. */
function scheduledJob() {
    const { org } = preview;
    const details = org.query('CronJobDetail', (detail) => detail.Name === JOB_NAME).map((detail) => detail.Id);
    return org.query('CronTrigger', (row) => details.includes(row.CronJobDetailId) && row.State !== 'DELETED')[0];
}

function planSetting() {
    return preview.org.customMetadata('Plan_Setting__mdt').find((record) => record.DeveloperName === 'Default');
}

/** The Follow-up section and its parts, found as a user finds them. */
function followUp(page) {
    const section = page.getByRole('region', { name: 'Follow-up' });
    return {
        section,
        status: section.getByRole('group', { name: 'Daily run' }),
        sends: section.getByRole('group', { name: 'What it sends, to whom' }),
        text: async () => plain(await section.innerText())
    };
}

async function openSetupAsAdmin(page, visit) {
    await visit('setup');
    await viewAs(page, ADMIN);
    await page.getByRole('heading', { name: 'Follow-up' }).waitFor();
}

/** Picks an hour in "Run daily at" as a user does: open the list, click the hour. */
async function chooseHour(page, hourPattern) {
    await page.getByRole('combobox', { name: 'Run daily at' }).click();
    await page.getByRole('option', { name: hourPattern }).click();
}

describe('Tandem Setup: the daily follow-up', () => {
    scenario(
        'the admin reads what the follow-up does, schedules it at 7, sees its runs, runs it now and stops it',
        async ({ page, problems, visit }) => {
            await openSetupAsAdmin(page, visit);
            const { section, status, text } = followUp(page);

            // What it does, to whom, and that nothing goes twice, before any control.
            const intro = await text();
            assert.match(intro, /Once a day, Tandem follows up every active plan/);
            assert.match(intro, /on the plans where the account executive turned buyer reminders on/);
            assert.match(intro, /Nothing is sent twice/);
            await status
                .getByText('Not scheduled: nothing is sent on its own until the daily run is scheduled.')
                .waitFor();
            assert.equal(await section.getByRole('button', { name: 'Stop' }).isDisabled(), true);

            // Schedule it at 7:00 AM.
            await chooseHour(page, /^7:00\sAM$/);
            await section.getByRole('button', { name: 'Schedule' }).click();
            await section.getByText(/^Scheduled: the follow-up runs every day at 7:00\sAM\.$/).waitFor();
            await status.getByText(/^Runs every day at 7:00\sAM \(.+\)\.$/).waitFor();
            const job = scheduledJob();
            assert.ok(job, 'the org holds the schedule');
            assert.equal(job.CronExpression, '0 0 7 * * ?');
            const nextRun = asShown(job.NextFireTime);
            await eventually(
                async () => plain(await status.innerText()),
                (shown) => shown.includes(`Next run ${plain(nextRun)}`),
                'the next run, in the user’s time zone'
            );
            assert.doesNotMatch(await text(), /\d{4}-\d{2}-\d{2}/, 'no ISO date');
            await screenshot(page, 'setup-follow-up-scheduled');
            await section.screenshot({
                path: join(SCREENSHOTS, 'setup-follow-up-section.png'),
                animations: 'disabled'
            });

            // Scheduling again at another hour replaces the job.
            await chooseHour(page, /^8:00\sAM$/);
            await section.getByRole('button', { name: 'Change the hour' }).click();
            await status.getByText(/^Runs every day at 8:00\sAM \(.+\)\.$/).waitFor();
            assert.equal(scheduledJob().CronExpression, '0 0 8 * * ?');
            const details = preview.org.query('CronJobDetail', (detail) => detail.Name === JOB_NAME);
            assert.equal(details.length, 1, 'one job, not two');

            // Once the org's clock reaches the next run, the page says when it last ran.
            const firedAt = scheduledJob().NextFireTime;
            preview.session.fireScheduledJobs(firedAt);
            await page.reload();
            await eventually(
                async () => plain(await followUp(page).status.innerText()),
                (shown) => shown.includes(`Last scheduled run ${plain(asShown(firedAt))}`),
                'the last run'
            );

            // Run now: a run starts at once and the page says when reminders go out.
            const before = preview.session.asyncJobs.filter((run) => run.className === 'FollowUpJob').length;
            await followUp(page).section.getByRole('button', { name: 'Run now' }).click();
            await page.getByText('The follow-up is running; reminders go out in a few minutes.').waitFor();
            await eventually(
                () => preview.session.asyncJobs.filter((run) => run.className === 'FollowUpJob').length,
                (count) => count > before,
                'the follow-up run'
            );
            await screenshot(page, 'setup-follow-up-run-now');

            // Stop.
            await followUp(page).section.getByRole('button', { name: 'Stop' }).click();
            await page.getByText('Stopped: the follow-up no longer runs on its own.').waitFor();
            await followUp(page)
                .status.getByText('Not scheduled: nothing is sent on its own until the daily run is scheduled.')
                .waitFor();
            assert.equal(scheduledJob(), undefined, 'no job left');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'the admin switches buyer reminder emails off, fixes Due Soon Days and saves with the page',
        async ({ page, problems, visit }) => {
            await openSetupAsAdmin(page, visit);
            const { sends } = followUp(page);
            assert.equal(planSetting().Buyer_Reminders_On__c, true);

            // The one stale threshold of the page is shown beside Stale alerts, and follows it as typed.
            const stale = Number(planSetting().Stale_Plan_Days__c);
            await sends.getByText(`A plan counts as stale after ${stale} days without progress`).waitFor();
            await page.getByRole('spinbutton', { name: 'Stale plan days' }).fill('12');
            await sends.getByText('A plan counts as stale after 12 days without progress').waitFor();

            const buyers = sends.getByRole('switch', { name: /^Buyer reminder emails/ });
            assert.equal(await buyers.isChecked(), true);
            await buyers.click({ force: true });
            assert.equal(await buyers.isChecked(), false);

            const dueSoon = sends.getByRole('spinbutton', { name: 'Due soon (working days ahead)' });
            await dueSoon.fill('25');
            await sends.getByText(DUE_SOON_MESSAGE).waitFor();
            await screenshot(page, 'setup-follow-up-due-soon-error');
            await dueSoon.fill('3');
            await sends.getByText(DUE_SOON_MESSAGE).waitFor({ state: 'detached' });
            await sends.getByText('Milestones due from today to 3 working days ahead count as due soon').waitFor();

            await page.getByRole('button', { name: 'Save' }).click();
            await page.getByText('Succeeded', { exact: true }).waitFor();
            await eventually(
                () => planSetting(),
                (setting) => setting.Buyer_Reminders_On__c === false && Number(setting.Due_Soon_Days__c) === 3,
                'the deployed switches'
            );
            assert.equal(planSetting().Seller_Reminders_On__c, true, 'the other kinds stay on');
            assert.equal(Number(planSetting().Stale_Plan_Days__c), 12);
            await page.getByText(/Buyer reminder emails off/).waitFor();

            // What was saved is what the page shows next time.
            await page.reload();
            const again = followUp(page).sends.getByRole('switch', { name: /^Buyer reminder emails/ });
            await again.waitFor({ state: 'attached' });
            assert.equal(await again.isChecked(), false);
            assert.equal(
                await followUp(page)
                    .sends.getByRole('spinbutton', { name: 'Due soon (working days ahead)' })
                    .inputValue(),
                '3'
            );
            await screenshot(page, 'setup-follow-up-saved');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'on a phone-sized screen the section fits, scheduled',
        async ({ page, problems, visit }) => {
            await openSetupAsAdmin(page, visit);
            const { section, status } = followUp(page);
            await chooseHour(page, /^6:00\sAM$/);
            await section.getByRole('button', { name: 'Schedule' }).click();
            await status.getByText(/^Runs every day at 6:00\sAM/).waitFor();
            // The section itself fits the screen (the stage table above it scrolls sideways on its own).
            const fit = await section.evaluate((element) => ({
                right: element.getBoundingClientRect().right,
                overflow: element.scrollWidth - element.clientWidth,
                width: element.ownerDocument.defaultView.innerWidth
            }));
            assert.ok(fit.right <= fit.width && fit.overflow <= 0, `the section fits: ${JSON.stringify(fit)}`);
            await section.scrollIntoViewIfNeeded();
            await screenshot(page, 'setup-follow-up-400');
            await section.screenshot({
                path: join(SCREENSHOTS, 'setup-follow-up-400-section.png'),
                animations: 'disabled'
            });
            await section.getByRole('button', { name: 'Stop' }).click();
            await page.getByText('Stopped: the follow-up no longer runs on its own.').waitFor();
            assert.deepEqual(await problems(), []);
        },
        { width: 400 }
    );

    scenario('the account executive sees the follow-up but cannot change it', async ({ page, problems, visit }) => {
        await visit('setup');
        await viewAs(page, SELLER);
        const { section, sends } = followUp(page);
        await page.getByRole('heading', { name: 'Follow-up' }).waitFor();
        assert.equal(await section.getByRole('button', { name: 'Run now' }).count(), 0);
        assert.equal(await section.getByRole('combobox', { name: 'Run daily at' }).count(), 0);
        assert.equal(await sends.getByRole('switch', { name: /^Seller reminders/ }).isDisabled(), true);
        assert.deepEqual(await problems(), []);
    });
});

// End to end, in headless Chromium: correcting a plan after it was created, as an account executive does on the
// opportunity record page. The buyer's target date moves and the workspace offers to move the open milestones with
// it, before and after; a milestone's duration and what it waits on are edited in place, and a longer duration that
// no longer fits offers to move its date with what waits on it; a cancelled plan stays as read-only history beside
// the new one, reached through the plan switcher.
//   node --test test/e2e/plan-editing.test.mjs                        build this file's own bundle, then run
//   E2E_REUSE_BUNDLE=1 node --test test/e2e/plan-editing.test.mjs     reuse dist/preview/app.js
// Screenshots go to artifacts/screenshots/ (failed-editing-<test>.png when one fails).
import { describe } from 'node:test';
import assert from 'node:assert/strict';

import { TODAY, addDays, mediumDate, screenshot, e2eFile, milestoneRow } from './support.mjs';

let preview;
const scenario = e2eFile('editing', (ready) => ({ preview } = ready));

const plansOf = (opportunityId) => preview.org.query('Mutual_Action_Plan__c', { Opportunity__c: opportunityId });
const milestonesOf = (planId) => preview.org.query('Plan_Milestone__c', { Plan__c: planId });

/**
 * An open demo deal whose only plan has `status` and open milestones; `nth` picks among them, so that the scenarios
 * of this file, which share one preview, each work on a deal of their own.
 */
function dealWithOnlyAPlan(status, nth = 0) {
    const deals = preview.org
        .query('Opportunity', (o) => !o.IsClosed)
        .filter((o) => {
            const plans = plansOf(o.Id);
            return (
                plans.length === 1 &&
                plans[0].Status__c === status &&
                milestonesOf(plans[0].Id).filter((m) => m.Status__c === 'Not Started').length > 2
            );
        });
    assert.ok(deals[nth], `the demo has ${nth + 1} open deals whose only plan is ${status}`);
    return { deal: deals[nth], plan: plansOf(deals[nth].Id)[0] };
}

describe('correcting a plan after it was created', () => {
    scenario(
        "move the buyer's target date: the open milestones are offered to move with it, and the slips say why",
        async ({ page, problems, visit }) => {
            const { deal, plan } = dealWithOnlyAPlan('Active');
            const open = milestonesOf(plan.Id)
                .filter((m) => m.Status__c !== 'Complete' && m.Status__c !== 'Skipped')
                .sort((a, b) => a.Due_Date__c.localeCompare(b.Due_Date__c));
            const newTarget = addDays(plan.Target_Date__c, 14);
            await visit(`opportunity/${deal.Id}`);
            const summary = page.getByRole('region', { name: 'Plan summary' });

            await summary.getByRole('button', { name: 'Edit details' }).click();
            const target = summary.getByLabel("Buyer's target date");
            await target.fill(mediumDate(newTarget));
            await target.press('Tab');
            await summary.getByRole('button', { name: 'Save details' }).click();
            await page.getByRole('status').filter({ hasText: 'Plan details saved' }).waitFor();
            assert.equal(preview.org.get('Mutual_Action_Plan__c', plan.Id).Target_Date__c, newTarget);

            const offer = page.getByRole('group', { name: 'Re-plan the open milestones' });
            await offer.getByText(/working days later\./).waitFor();
            const moves = await offer.getByRole('listitem').allInnerTexts();
            assert.equal(moves.length, open.length, moves.join(' | '));
            assert.ok(
                moves.some((text) => text.startsWith(`${open[0].Name}: ${mediumDate(open[0].Due_Date__c)} → `)),
                moves.join(' | ')
            );
            await screenshot(page, 'replan-offer');

            // Committed dates move later: the reason is asked first; nothing is saved until the user saves.
            await offer.getByRole('button', { name: 'Move the milestones' }).click();
            await offer.getByText('Choose why the dates move later: the slip history keeps it.').waitFor();
            await offer.getByLabel('Slip reason').selectOption({ label: 'Buyer availability' });
            await offer.getByRole('button', { name: 'Move the milestones' }).click();
            await offer.waitFor({ state: 'detached' });
            assert.equal(
                preview.org.get('Plan_Milestone__c', open[0].Id).Due_Date__c,
                open[0].Due_Date__c,
                'not saved yet'
            );
            const bar = page.getByRole('region', { name: 'Unsaved changes' });
            await bar.getByText(new RegExp(`${open.length} unsaved changes`)).waitFor();
            await bar.getByRole('button', { name: 'Save', exact: true }).click();
            await page.getByRole('status').filter({ hasText: 'Plan saved' }).waitFor();
            const saved = preview.org.get('Plan_Milestone__c', open[0].Id);
            assert.ok(saved.Due_Date__c > open[0].Due_Date__c, 'the first open milestone moved later');
            assert.equal(saved.Slip_Reason__c, 'Buyer availability');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'edit what a milestone waits on and its duration; a longer duration that no longer fits offers to move its date',
        async ({ page, problems, visit }) => {
            const { deal, plan } = dealWithOnlyAPlan('Active', 1);
            const milestones = milestonesOf(plan.Id);
            const byId = new Map(milestones.map((m) => [m.Id, m]));
            const chained = milestones
                .filter((m) => m.Status__c === 'Not Started' && byId.get(m.Depends_On__c)?.Status__c === 'Not Started')
                .sort((a, b) => a.Due_Date__c.localeCompare(b.Due_Date__c))[0];
            assert.ok(chained, 'an open milestone waiting on an open one');
            await visit(`opportunity/${deal.Id}`);
            const row = milestoneRow(page, chained.Name);
            await row.getByRole('button', { name: `Edit ${chained.Name}`, exact: true }).click();
            const waitsOn = row.getByLabel('Waits on');
            assert.equal(
                (await waitsOn.locator('option:checked').innerText()).trim(),
                byId.get(chained.Depends_On__c).Name
            );
            // What it waits on cannot be something that waits on it.
            const dependents = milestones.filter((m) => m.Depends_On__c === chained.Id).map((m) => m.Name);
            const offered = (await waitsOn.locator('option').allInnerTexts()).map((text) => text.trim());
            for (const name of dependents) assert.ok(!offered.includes(name), `${name} is not offered`);

            // Forty working days cannot fit after its predecessor: the move is offered, with what waits on it.
            const duration = row.getByLabel('Duration (working days)');
            await duration.fill('40');
            await duration.press('Tab');
            const panel = row.getByRole('group', { name: 'Date change before saving' });
            await panel.waitFor();
            if (dependents.length) await panel.getByText('These milestones move with it:').waitFor();
            await screenshot(page, 'duration-move');
            await panel.getByLabel('Slip reason').selectOption({ label: 'Scope change' });
            await panel.getByRole('button', { name: 'Apply' }).click();
            await panel.waitFor({ state: 'detached' });
            await page
                .getByRole('region', { name: 'Unsaved changes' })
                .getByRole('button', { name: 'Save', exact: true })
                .click();
            await page.getByRole('status').filter({ hasText: 'Plan saved' }).waitFor();
            const saved = preview.org.get('Plan_Milestone__c', chained.Id);
            assert.equal(saved.Duration_Days__c, 40);
            assert.ok(saved.Due_Date__c > chained.Due_Date__c, 'its date moved later');
            assert.equal(saved.Slip_Reason__c, 'Scope change');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'cancel a plan, start a new one, read the cancelled one as history, and go back',
        async ({ page, problems, visit }) => {
            const { deal, plan: first } = dealWithOnlyAPlan('Draft');
            const firstMilestone = milestonesOf(first.Id)[0].Name;
            await visit(`opportunity/${deal.Id}`);
            const summary = page.getByRole('region', { name: 'Plan summary' });
            const banner = page.getByRole('status').filter({ hasText: 'It is kept as history' });

            // Cancel the draft: it asks first, then the plan is history.
            await summary.getByRole('button', { name: 'Cancel plan' }).click();
            await summary
                .getByRole('group', { name: 'Cancel plan' })
                .getByRole('button', { name: 'Cancel plan' })
                .click();
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

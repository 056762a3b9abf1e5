// End to end, in headless Chromium: the plan size guard on the opportunity record page. When a plan has more
// milestones than the admin's limit (Plan Setting "Default", Plan Size Limit), the workspace warns the account
// executive, with the count and why a shorter plan is better: in the create form as soon as a template larger than
// the limit is chosen, and in the milestone list at the moment a new milestone takes the plan over it. A warning,
// never a block: the plan is still created and saved. The shipped limit (20) is larger than the demo's plans, so each
// scenario lowers it as an admin would in Setup (the embedded org's custom metadata override) and puts it back after.
//   node --test test/e2e/plan-size.test.mjs                        build this file's own bundle, then run
//   E2E_REUSE_BUNDLE=1 node --test test/e2e/plan-size.test.mjs     reuse dist/preview/app.js
// Screenshots go to artifacts/screenshots/ (failed-plan-size-<test>.png when one fails).
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { e2eFile, eventually, screenshot } from './support.mjs';
import { demoRecords, recordPage } from './record-page.mjs';

let preview;
const scenario = e2eFile('plan-size', (ready) => ({ preview } = ready));
const { opportunityNamed, planOf, milestonesOf } = demoRecords(() => preview.org);

const REASON =
    'A buyer follows a shorter plan more easily, and it is easier to keep current: consider merging or dropping steps.';

/**
 * Sets Plan Setting "Default"'s Plan Size Limit as an admin does in Setup; returns what puts the value in force
 * before back, so one scenario's limit never leaks into the next.
 */
function setPlanSizeLimit(limit) {
    const before = preview.org
        .customMetadata('Plan_Setting__mdt')
        .find((record) => record.DeveloperName === 'Default').Plan_Size_Limit__c;
    preview.org.setCustomMetadata('Plan_Setting__mdt.Default', { Plan_Size_Limit__c: limit });
    return () => preview.org.setCustomMetadata('Plan_Setting__mdt.Default', { Plan_Size_Limit__c: before });
}

/** The shipped Enterprise template's steps, in order. */
function enterpriseSteps() {
    return preview.org
        .customMetadata('Plan_Template_Step__mdt')
        .filter((step) => step.Template__c === 'Enterprise')
        .sort((a, b) => a.Sort_Order__c - b.Sort_Order__c);
}

/** Open demo deals of the account executive the preview runs as (who may plan them). */
function myOpenDeals() {
    return preview.org.query('Opportunity', (o) => !o.IsClosed && o.OwnerId === preview.org.currentUserId);
}

/** Their deals with only an open plan (Draft or Active) that has milestones. */
function dealsWithAnOpenPlan() {
    return myOpenDeals().filter((o) => {
        const plans = planOf(o.Id);
        return (
            plans.length === 1 &&
            ['Draft', 'Active'].includes(plans[0].Status__c) &&
            milestonesOf(plans[0].Id).length > 2
        );
    });
}

/** The warning as a screen reader hears it: the live region (role status) that holds it. */
function sizeWarning(page) {
    return page.getByRole('status').filter({ hasText: 'your admin set as the limit' });
}

/** Clicks "Add milestone" and names the new milestone, typed where the focus lands, as a keyboard user does. */
async function addMilestone(page, name) {
    const names = page.getByLabel("Milestone name, in the buyer's words");
    const before = await names.count();
    await page.getByRole('button', { name: 'Add milestone', exact: true }).click();
    await eventually(
        () => names.count(),
        (count) => count === before + 1,
        'the new milestone in edit mode'
    );
    const input = names.last();
    await eventually(
        () => input.evaluate((element) => element.matches(':focus')),
        Boolean,
        'the focus on the new milestone name'
    );
    await page.keyboard.type(name);
    await input.press('Tab');
}

describe('the plan size guard', () => {
    scenario(
        'adding the milestone that takes a plan over the limit warns with the count and why, and saving still works',
        async ({ page, problems, visit }) => {
            const deal = opportunityNamed('Northwind Logistics - Fleet visibility platform');
            const [plan] = planOf(deal.Id);
            const count = milestonesOf(plan.Id).length;
            const restore = setPlanSizeLimit(count + 1);
            try {
                await visit(`opportunity/${deal.Id}`);
                const record = recordPage(page);
                await record.summary.getByText(`of ${count} milestones complete`).waitFor();
                assert.equal(await page.getByText('your admin set as the limit').count(), 0, 'under the limit');

                // One more milestone: the plan is at the limit, and nothing warns.
                await addMilestone(page, 'Buyer IT confirms the single sign-on setup');
                const saveBar = page.getByRole('region', { name: 'Unsaved changes' });
                await saveBar.getByText('1 unsaved change').waitFor();
                assert.equal(await page.getByText('your admin set as the limit').count(), 0, 'at the limit');

                // Another: over it. The warning says how many, the limit and why, near "Add milestone", and the
                // unsaved-changes bar, which stays in view, says so too.
                await addMilestone(page, 'Buyer runs the pilot with two depots');
                const over = `This plan has ${count + 2} milestones, more than the ${count + 1} your admin set as the limit.`;
                await sizeWarning(page).getByText(`${over} ${REASON}`, { exact: true }).waitFor();
                await saveBar.getByText(`${count + 2} milestones, more than the limit of ${count + 1}`).waitFor();
                await screenshot(page, 'plan-size-over-limit');

                // A warning, not a block: the plan saves, and still warns as loaded.
                await record.save();
                await record.toast('Plan saved').waitFor();
                await saveBar.waitFor({ state: 'detached' });
                assert.equal(milestonesOf(plan.Id).length, count + 2, 'both milestones saved');
                await sizeWarning(page).getByText(over).waitFor();
                await record.dismissToasts();
                await screenshot(page, 'plan-size-over-limit-saved');

                // Marking one for removal brings the plan back to the limit: the warning goes.
                await page
                    .getByRole('button', { name: 'Remove Buyer runs the pilot with two depots', exact: true })
                    .click();
                await eventually(
                    () => page.getByText('your admin set as the limit').count(),
                    (shown) => shown === 0,
                    'no warning once a milestone is marked for removal'
                );
                assert.deepEqual(await problems(), []);
            } finally {
                restore();
            }
        }
    );

    scenario(
        'choosing a template larger than the limit warns in the create form, and the plan is still created',
        async ({ page, problems, visit }) => {
            const deal = opportunityNamed('Quarry Labs - Sample tracking expansion');
            assert.equal(planOf(deal.Id).length, 0, 'the deal starts without a plan');
            const steps = enterpriseSteps();
            const limit = steps.length - 2;
            const restore = setPlanSizeLimit(limit);
            try {
                await visit(`opportunity/${deal.Id}`);
                const record = recordPage(page);
                await page.getByRole('button', { name: 'Create plan' }).click();
                await page.getByLabel('Template').selectOption({ label: 'Enterprise' });
                const over = `This plan has ${steps.length} milestones, more than the ${limit} your admin set as the limit.`;
                // Said as soon as the template is chosen, before any date.
                await sizeWarning(page).getByText(`${over} ${REASON}`, { exact: true }).waitFor();

                await record.typeDate(page.getByLabel("Buyer's target date"), '2026-06-30');
                await page.getByLabel('Anchor event').fill('Sample tracking goes live before the autumn audit');
                await page.getByText(`${steps.length} milestones.`).waitFor();
                await sizeWarning(page).getByText(over).waitFor();
                await screenshot(page, 'plan-size-create-form');
                // The same form in a narrow column.
                await page.setViewportSize({ width: 400, height: 900 });
                await sizeWarning(page).getByText(over).waitFor();
                await screenshot(page, 'plan-size-create-form-400');
                await page.setViewportSize({ width: 1280, height: 900 });

                await page.getByRole('button', { name: 'Create plan' }).click();
                await record.toast('Plan created').waitFor();
                const [plan] = planOf(deal.Id);
                assert.equal(milestonesOf(plan.Id).length, steps.length, 'every step became a milestone');
                await sizeWarning(page).getByText(over).waitFor();
                assert.deepEqual(await problems(), []);
            } finally {
                restore();
            }
        }
    );

    scenario(
        'the warning reads well 400 px wide, in the list and in its unsaved-changes bar',
        async ({ page, problems, visit }) => {
            const [deal] = dealsWithAnOpenPlan().filter(
                (o) => o.Name !== 'Northwind Logistics - Fleet visibility platform'
            );
            assert.ok(deal, 'the demo has another open deal with an open plan');
            const count = milestonesOf(planOf(deal.Id)[0].Id).length;
            const restore = setPlanSizeLimit(count);
            try {
                await visit(`opportunity/${deal.Id}`);
                await recordPage(page).summary.getByText(`of ${count} milestones complete`).waitFor();
                await addMilestone(page, 'Buyer security team signs off the data flows');
                await sizeWarning(page)
                    .getByText(`This plan has ${count + 1} milestones, more than the ${count} `)
                    .waitFor();
                await page
                    .getByRole('region', { name: 'Unsaved changes' })
                    .getByText(`${count + 1} milestones, more than the limit of ${count}`)
                    .waitFor();
                await screenshot(page, 'plan-size-over-limit-400');
                assert.deepEqual(await problems(), []);
            } finally {
                restore();
            }
        },
        { width: 400 }
    );
});

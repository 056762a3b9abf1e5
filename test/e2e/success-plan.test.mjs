// End to end, in headless Chromium: the hand-off to a mutual success plan on the opportunity record page, as an
// account executive meets it. Their deal, on an Active close plan, is moved to Closed Won on the stage path: the close
// plan is completed (history, not lost), and the workspace offers "Hand off to customer success". The AE chooses the
// success owner and starts the plan: the workspace shows the Success plan (the template's milestones, its owner, the
// close plan's shared objective), and the org has it on the deal and its account.
//   node --test test/e2e/success-plan.test.mjs
// Screenshots: artifacts/screenshots/success-plan-*.png.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { e2eFile, eventually, screenshot, SCREENSHOTS } from './support.mjs';
import { demoRecords, recordPage } from './record-page.mjs';
import { join } from 'node:path';

let preview;
const scenario = e2eFile('success-plan', (ready) => ({ preview } = ready));
const { planOf, milestonesOf } = demoRecords(() => preview.org);

const TEMPLATE = 'Customer_Success';

/** A deal of the previewing account executive, still open, on an Active close plan with a shared objective. */
function myDealOnAnActivePlan() {
    const plans = preview.org
        .query('Mutual_Action_Plan__c')
        .filter((plan) => plan.Status__c === 'Active' && plan.Shared_Objective__c);
    for (const plan of plans) {
        const deal = preview.org.get('Opportunity', plan.Opportunity__c);
        const others = planOf(deal.Id).filter((p) => p.Id !== plan.Id);
        if (deal.OwnerId === preview.org.currentUserId && !deal.IsClosed && deal.AccountId && others.length === 0) {
            return { deal, plan };
        }
    }
    return assert.fail('the demo has a deal of the previewing AE on an Active close plan');
}

/** The shipped Success template's step titles, in order. */
function templateTitles() {
    return preview.org
        .customMetadata('Plan_Template_Step__mdt')
        .filter((step) => step.Template__c === TEMPLATE)
        .sort((a, b) => a.Sort_Order__c - b.Sort_Order__c)
        .map((step) => step.Title__c);
}

describe('the hand-off to a success plan', () => {
    scenario(
        'a won deal completes its close plan, and the AE starts the success plan from the workspace',
        async ({ page, problems, visit }) => {
            const { deal, plan: closePlan } = myDealOnAnActivePlan();
            const titles = templateTitles();
            assert.equal(titles.length, 5, 'the Customer Success template has 5 steps');

            await visit(`opportunity/${deal.Id}`);
            const record = recordPage(page);
            await record.summary.getByText('Status: Active').waitFor();
            const handOff = page.getByRole('region', { name: 'Hand off to customer success' });
            assert.equal(await handOff.count(), 0, 'no hand-off before the deal is won');

            // Won on the stage path: the close plan is completed, not lost.
            await record.moveStage('Closed Won');
            await record.toast('Stage updated').waitFor();
            assert.equal(preview.org.get('Opportunity', deal.Id).StageName, 'Closed Won');
            assert.equal(preview.org.get('Mutual_Action_Plan__c', closePlan.Id).Status__c, 'Completed');

            // The workspace loads what the org now holds: the close plan as history, the hand-off above it.
            await page.reload();
            await handOff.waitFor();
            await record.summary.getByText('Status: Completed').waitFor();
            await page.getByText('This plan was completed.').waitFor();
            assert.ok(
                (await handOff.boundingBox()).y < (await record.summary.boundingBox()).y,
                'the hand-off shows above the plan'
            );
            await handOff
                .getByText('Starts a success plan from the template, owned by the customer success manager you choose')
                .waitFor();
            const template = handOff.getByLabel('Template');
            assert.equal((await template.locator('option:checked').innerText()).trim(), 'Customer Success');

            // Someone other than the one offered first owns it: a customer success user.
            const ownerSelect = handOff.getByLabel('Success owner');
            const offered = await ownerSelect.locator('option:checked').innerText();
            const options = (await ownerSelect.locator('option').allInnerTexts()).map((text) => text.trim());
            const chosenLabel = options.find((label) => label && label !== offered.trim()) ?? offered.trim();
            await ownerSelect.selectOption({ label: chosenLabel });
            const ownerId = await ownerSelect.inputValue();
            const ownerName = preview.org.get('User', ownerId).Name;
            assert.ok(chosenLabel.startsWith(`${ownerName} (`), `"${chosenLabel}" reads as "Name (detail)"`);

            // A target date that is not after today is refused next to the field, before the server is asked.
            const targetDate = handOff.getByLabel('Target date (optional)');
            await targetDate.fill('Mar 2, 2026');
            await targetDate.press('Tab');
            await handOff.getByRole('button', { name: 'Start the success plan' }).click();
            await handOff.getByText('Choose a target date after today.').waitFor();
            assert.equal(planOf(deal.Id).length, 1, 'nothing was started');
            assert.equal(await ownerSelect.inputValue(), ownerId, 'the owner chosen is kept');
            await targetDate.fill('');
            await targetDate.press('Tab');

            // The panel at 400 px, as in a narrow column.
            await page.setViewportSize({ width: 400, height: 900 });
            await handOff.scrollIntoViewIfNeeded();
            await handOff.screenshot({
                path: join(SCREENSHOTS, 'success-plan-handoff-400.png'),
                animations: 'disabled'
            });
            await page.setViewportSize({ width: 1280, height: 900 });
            await screenshot(page, 'success-plan-handoff');

            await handOff.getByRole('button', { name: 'Start the success plan' }).click();
            await record.toast('Success plan started').waitFor();
            await handOff.waitFor({ state: 'detached' });

            // The workspace shows the Success plan: its type, its owner, the close plan's objective, 5 milestones.
            await record.summary.getByText('Status: Draft').waitFor();
            await record.summary.getByText('Success plan', { exact: true }).waitFor();
            await record.summary.getByText(`Owned by ${ownerName}`).waitFor();
            await record.summary.getByText(closePlan.Shared_Objective__c).waitFor();
            for (const title of titles) await record.milestone(title).first().waitFor();
            const switcher = page.getByLabel('Plan on this opportunity');
            const plans = (await switcher.locator('option').allInnerTexts()).map((text) => text.trim());
            assert.equal(plans.length, 2, plans.join(' | '));
            assert.match(plans[0], /: Draft \(current plan\), started [^,]+, [0-9]{4}, Success plan, /);
            assert.match(plans[1], /: Completed, started [^,]+, [0-9]{4}, Close plan, /);

            // The org has it: a Success plan continuing the close plan, owned by the chosen user, on the account.
            const successPlans = await eventually(
                () => planOf(deal.Id).filter((p) => p.Plan_Type__c === 'Success'),
                (found) => found.length === 1,
                'the success plan in the org'
            );
            const [successPlan] = successPlans;
            assert.equal(successPlan.Close_Plan__c, closePlan.Id);
            assert.equal(successPlan.Success_Owner__c, ownerId);
            assert.equal(successPlan.Account__c, deal.AccountId);
            assert.equal(successPlan.Shared_Objective__c, closePlan.Shared_Objective__c);
            assert.equal(successPlan.Status__c, 'Draft');
            const milestones = milestonesOf(successPlan.Id).sort((a, b) => a.Sort_Order__c - b.Sort_Order__c);
            assert.deepEqual(
                milestones.map((m) => m.Name),
                titles
            );
            assert.equal(preview.org.get('Mutual_Action_Plan__c', closePlan.Id).Status__c, 'Completed');

            await record.dismissToasts();
            await screenshot(page, 'success-plan-started');
            await page.setViewportSize({ width: 400, height: 900 });
            await screenshot(page, 'success-plan-started-400');
            assert.deepEqual(await problems(), []);
        }
    );
});

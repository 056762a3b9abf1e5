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
import { chooseOption, eventually, screenshot, e2eFile, viewAs } from './support.mjs';

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

const SECURITY_STEP = 'Buyer security team completes the security review';
const SECURITY_MESSAGE = 'Security signs off before we negotiate terms.';
const REMOVE_SECURITY_GATE = `Remove the milestone gate "${SECURITY_STEP}" before Negotiation/Review`;

/** The milestone gates as the org keeps them: stage, step, message and whether each is in force. */
function milestoneGateRecords(org) {
    return org.customMetadata('Plan_Stage_Requirement__mdt').map((record) => ({
        name: record.DeveloperName,
        stage: record.Stage__c,
        step: record.Template_Step__c,
        message: record.Message__c,
        active: record.Is_Active__c
    }));
}

/**
 * The milestone gates the page lists, each as the admin reads it: stage, step and message, one per line (without the
 * remove button's name, which a screen reader reads with each item).
 */
async function listedGates(page) {
    const section = page.getByRole('region', { name: 'Milestone gates' });
    const items = await section.getByRole('listitem').allInnerTexts();
    return items.map((text) =>
        text
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line && !line.startsWith('Remove the milestone gate'))
    );
}

/** Fills in the "Add a milestone gate" row and adds it. */
async function addMilestoneGate(page, { stage, template, step, message }) {
    const row = page.getByRole('group', { name: 'Add a milestone gate' });
    await chooseOption(row, 'Stage', stage);
    await chooseOption(row, 'Template', template);
    await chooseOption(row, 'Milestone (template step)', step);
    if (message) await row.getByRole('textbox', { name: 'Message (optional)' }).fill(message);
    await row.getByRole('button', { name: 'Add milestone gate' }).click();
}

const OFFER = 'Offer it to the account executive';
const AUTOMATIC = 'Start it automatically (owned by the account owner)';
const ONBOARDING = 'Plan_Template__mdt.Enterprise_Onboarding';

/** The Success plans section: the way a success plan starts (radio group) and its template (combobox). */
function successPlans(page) {
    const section = page.getByRole('region', { name: 'Success plans' });
    return {
        section,
        radio: (label) => section.getByRole('radio', { name: label, exact: true }),
        // SLDS hides the native radio behind its styled circle: a user clicks the option's label.
        choose: (label) =>
            section
                .locator('label')
                .filter({ has: page.getByText(label, { exact: true }) })
                .click(),
        template: section.getByRole('combobox', { name: 'Success template', exact: true })
    };
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

    scenario(
        'the admin adds a milestone gate and a plan size limit, saves, sees them after a reload, then removes the gate',
        async ({ page, problems, visit }) => {
            const { org } = preview;
            await visit('setup');
            await viewAs(page, ADMIN);
            const section = page.getByRole('region', { name: 'Milestone gates' });
            await section.getByText('No milestone gate is set.').waitFor();
            assert.deepEqual(milestoneGateRecords(org), [], 'the demo org has no milestone gate');

            // The step list follows the template: nothing to choose before one is picked.
            const row = page.getByRole('group', { name: 'Add a milestone gate' });
            const step = row.getByRole('combobox', { name: 'Milestone (template step)', exact: true });
            assert.equal(await step.isDisabled(), true);
            // Adding an unfinished row says what is missing, next to the field.
            await chooseOption(row, 'Stage', 'Negotiation/Review');
            await row.getByRole('button', { name: 'Add milestone gate' }).click();
            await row.getByText('Choose the template the milestone comes from.').waitFor();
            await addMilestoneGate(page, {
                stage: 'Negotiation/Review',
                template: 'Enterprise',
                step: SECURITY_STEP,
                message: SECURITY_MESSAGE
            });
            await row.getByText('Choose the template the milestone comes from.').waitFor({ state: 'detached' });
            assert.deepEqual(await listedGates(page), [
                ['Negotiation/Review', `Enterprise · ${SECURITY_STEP}`, SECURITY_MESSAGE]
            ]);
            // The same stage and step twice is refused next to the step.
            await addMilestoneGate(page, { stage: 'Negotiation/Review', template: 'Enterprise', step: SECURITY_STEP });
            await row.getByText('This milestone already gates this stage.').waitFor();
            await chooseOption(row, 'Stage', 'Proposal/Price Quote');
            await row.getByRole('button', { name: 'Add milestone gate' }).click();
            assert.equal((await listedGates(page)).length, 2);
            await section
                .getByRole('button', {
                    name: `Remove the milestone gate "${SECURITY_STEP}" before Proposal/Price Quote`
                })
                .click();
            assert.equal((await listedGates(page)).length, 1);

            // The plan size limit sits with the thresholds; a bad one is marked as it is typed.
            const size = page.getByRole('spinbutton', { name: 'Plan size limit' });
            assert.equal(await size.inputValue(), '20', 'the shipped limit');
            await size.fill('0');
            await page.getByText('Enter a whole number of milestones from 1 to 999').waitFor();
            await size.fill('25');
            await page.getByText('Enter a whole number of milestones from 1 to 999').waitFor({ state: 'detached' });
            await screenshot(page, 'setup-milestone-gates');

            await page.getByRole('button', { name: 'Save' }).click();
            await page.getByText(/; 1 milestone gate is on\.$/).waitFor();
            await page.getByText('Succeeded', { exact: true }).waitFor();
            const [saved] = milestoneGateRecords(org);
            assert.deepEqual(
                { ...saved, name: undefined },
                {
                    name: undefined,
                    stage: 'Negotiation/Review',
                    step: 'Enterprise_05_Security_Review',
                    message: SECURITY_MESSAGE,
                    active: true
                }
            );
            assert.equal(milestoneGateRecords(org).length, 1, 'one record deployed');
            assert.equal(Number(planSetting(org).Plan_Size_Limit__c), 25);
            const order = planSetting(org).Stage_Order__c.split(';');
            assert.ok(order.includes('Negotiation/Review'), `the gated stage is in the stage order: ${order}`);
            await page.getByText(/Milestone gates added: .* before Negotiation\/Review/).waitFor();

            // What was saved is what the page shows next time.
            await page.reload();
            await eventually(
                () => listedGates(page),
                (gates) => gates.length === 1,
                'the saved milestone gate'
            );
            assert.deepEqual(await listedGates(page), [
                ['Negotiation/Review', `Enterprise · ${SECURITY_STEP}`, SECURITY_MESSAGE]
            ]);
            assert.equal(await page.getByRole('spinbutton', { name: 'Plan size limit' }).inputValue(), '25');

            // Removing it and saving deactivates the same record (Apex cannot delete one).
            await section.getByRole('button', { name: REMOVE_SECURITY_GATE }).click();
            await section.getByText('No milestone gate is set.').waitFor();
            await page.getByRole('button', { name: 'Save' }).click();
            await page.getByText(/Milestone gates removed: .* before Negotiation\/Review/).waitFor();
            await eventually(
                () => milestoneGateRecords(org),
                (records) => records.length === 1 && records[0].active === false,
                'the gate record deactivated'
            );
            assert.equal(milestoneGateRecords(org)[0].name, saved.name, 'the same record, not a new one');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'the admin starts success plans automatically from another template, saves, and sees it after a reload',
        async ({ page, problems, visit }) => {
            const { org } = preview;
            // A second Success template, as an admin adds one in Setup; the shipped Customer Success is the other.
            org.setCustomMetadata(
                ONBOARDING,
                { Is_Active__c: true, Plan_Type__c: 'Success', Sort_Order__c: 20 },
                { create: { label: 'Enterprise Onboarding' } }
            );
            const before = planSetting(org);
            try {
                assert.equal(before.Success_Plan_Start__c, 'Offer', 'the shipped mode');
                assert.equal(before.Success_Template__c, 'Customer_Success', 'the shipped template');
                await visit('setup');
                await viewAs(page, ADMIN);
                const success = successPlans(page);
                await success.section.getByText('When a deal is won, its close plan is completed.').waitFor();
                assert.equal(await success.radio(OFFER).isChecked(), true);
                assert.equal(await success.template.innerText(), 'Customer Success');
                await success.section
                    .getByText('The plan workspace of a won deal offers the account executive')
                    .waitFor();

                // Off: nothing starts, and the template waits, disabled, for success plans to be turned on again.
                await success.choose('Off');
                assert.equal(await success.radio('Off').isChecked(), true);
                assert.equal(await success.template.isDisabled(), true);
                await success.section.getByText('No success plan starts and none is offered.').waitFor();

                await success.choose(AUTOMATIC);
                assert.equal(await success.template.isDisabled(), false);
                await chooseOption(success.section, 'Success template', 'Enterprise Onboarding');
                // A close template is never offered for a success plan.
                await success.template.click();
                const offered = await success.section.getByRole('option').allInnerTexts();
                assert.deepEqual(
                    offered.map((text) => text.trim()),
                    ['The first active one (now Customer Success)', 'Customer Success', 'Enterprise Onboarding']
                );
                await page.keyboard.press('Escape');
                await success.section.getByText('owned by the account owner. It starts as a draft').waitFor();
                await success.section.scrollIntoViewIfNeeded();
                await screenshot(page, 'setup-success-plans');

                await page.getByRole('button', { name: 'Save' }).click();
                await page.getByText('Succeeded', { exact: true }).waitFor();
                await page.getByText(/Success plans: Offer → Automatic/).waitFor();
                await page.getByText(/Success template: Customer Success → Enterprise Onboarding/).waitFor();
                const setting = planSetting(org);
                assert.equal(setting.Success_Plan_Start__c, 'Automatic');
                assert.equal(setting.Success_Template__c, 'Enterprise_Onboarding');
                assert.equal(Number(setting.Plan_Size_Limit__c), Number(before.Plan_Size_Limit__c), 'the rest kept');

                // What was saved is what the page shows next time, on a narrow screen too.
                await page.setViewportSize({ width: 400, height: 900 });
                await page.reload();
                const again = successPlans(page);
                await eventually(
                    () => again.radio(AUTOMATIC).isChecked(),
                    (checked) => checked,
                    'the saved mode'
                );
                assert.equal(await again.template.innerText(), 'Enterprise Onboarding');
                for (const control of [again.template, again.section.locator('label').filter({ hasText: AUTOMATIC })]) {
                    const box = await control.boundingBox();
                    assert.ok(box && box.x >= 0 && box.x + box.width <= 400, `within 400 px: ${JSON.stringify(box)}`);
                }
                await again.section.scrollIntoViewIfNeeded();
                await screenshot(page, 'setup-success-plans-narrow');
                assert.deepEqual(await problems(), []);
            } finally {
                org.setCustomMetadata('Plan_Setting__mdt.Default', {
                    Success_Plan_Start__c: before.Success_Plan_Start__c,
                    Success_Template__c: before.Success_Template__c
                });
                org.setCustomMetadata(ONBOARDING, null);
            }
        }
    );

    scenario(
        'on a narrow screen the admin still reads the milestone gates and adds one',
        async ({ page, problems, visit }) => {
            await visit('setup');
            await viewAs(page, ADMIN);
            await addMilestoneGate(page, {
                stage: 'Closed Won',
                template: 'Mid-Market',
                step: 'Buyer signatory signs the order form'
            });
            const [gate] = (await listedGates(page)).filter((lines) => lines[0] === 'Closed Won');
            assert.deepEqual(gate, ['Closed Won', 'Mid-Market · Buyer signatory signs the order form']);
            // Nothing of the section runs off the screen's right edge.
            const section = page.getByRole('region', { name: 'Milestone gates' });
            for (const control of [
                section.getByRole('combobox', { name: 'Milestone (template step)', exact: true }),
                section.getByRole('button', { name: 'Add milestone gate' }),
                section.getByRole('button', { name: /^Remove the milestone gate/ }).first()
            ]) {
                const box = await control.boundingBox();
                assert.ok(box && box.x >= 0 && box.x + box.width <= 400, `within 400 px: ${JSON.stringify(box)}`);
            }
            await section.scrollIntoViewIfNeeded();
            await screenshot(page, 'setup-milestone-gates-narrow');
            await page.getByRole('button', { name: 'Discard changes' }).click();
            assert.deepEqual(await problems(), []);
        },
        { width: 400 }
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

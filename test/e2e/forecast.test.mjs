// End to end, in headless Chromium: what the plan says about the close (the plan-implied close, ImpliedClose.cls)
// on the opportunity record page, as an account executive reads it and changes it. The date the page states is the
// one the org stored on the plan (Plan_Implied_Close__c), and a longer step on the critical path moves both. A step
// completed early offers to pull in what waits on it, and pulling them in saves their earlier dates.
//   node --test test/e2e/forecast.test.mjs
// Screenshots: artifacts/screenshots/forecast-*.png (1280 and 400 wide).
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, mediumDate, screenshot, e2eFile, TODAY } from './support.mjs';
import { demoRecords, recordPage } from './record-page.mjs';

let preview;
const scenario = e2eFile('forecast', (ready) => ({ preview } = ready));
const { opportunityNamed, planOf, milestonesOf } = demoRecords(() => preview.org);

/** The deal's open plan and its milestones as the org holds them. */
function planAndMilestones(dealName) {
    const deal = opportunityNamed(dealName);
    const [plan] = planOf(deal.Id).filter((p) => p.Status__c === 'Active');
    assert.ok(plan, `${dealName} has an active plan`);
    return { deal, plan, milestones: milestonesOf(plan.Id) };
}

const forecastText = (page) =>
    recordPage(page).summary.locator('[data-id="implied-close"]').innerText({ timeout: 15_000 });

describe('the plan-implied close on the record page', () => {
    scenario(
        'says when the close can land at the pace agreed and marks the steps that set it',
        async ({ page, problems, visit }) => {
            const { deal, plan, milestones } = planAndMilestones('Northwind Logistics - Fleet visibility platform');
            const close = milestones.find((m) => m.Marks_Close__c && m.Status__c !== 'Skipped');
            assert.ok(plan.Plan_Implied_Close__c, 'the demo load stored the plan-implied close');
            await visit(`opportunity/${deal.Id}`);

            const text = await forecastText(page);
            assert.match(
                text,
                new RegExp(`^At the pace agreed, “${close.Name}” lands ${mediumDate(plan.Plan_Implied_Close__c)}`)
            );
            assert.match(text, /working days? (after|before) the close date|on the close date/, text);

            const flagged = page
                .getByRole('listitem')
                .filter({ has: page.getByText('Critical path', { exact: true }) });
            assert.ok((await flagged.count()) >= 1, 'the steps that set the date are marked');
            assert.equal(
                await flagged.filter({ has: page.getByText(close.Name, { exact: true }) }).count(),
                1,
                'the close milestone ends the critical path'
            );
            await screenshot(page, 'forecast-record-page');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'a longer step on the critical path moves the forecast, on the page and in the org',
        async ({ page, problems, visit }) => {
            const { deal, plan, milestones } = planAndMilestones('Northwind Logistics - Fleet visibility platform');
            await visit(`opportunity/${deal.Id}`);
            const before = await forecastText(page);
            const storedBefore = plan.Plan_Implied_Close__c;

            // A step on the critical path not yet started: all of its effort is still ahead (one In Progress needs only
            // what its own dates leave, so a longer duration need not move it).
            const critical = page
                .getByRole('listitem')
                .filter({ has: page.getByText('Critical path', { exact: true }) });
            // Their names as text (innerText reads nothing of a phase or row the browser skips while off screen).
            const names = (await critical.locator('[data-id="name"]').allTextContents()).map((name) => name.trim());
            const step = milestones.find((m) => names.includes(m.Name) && m.Status__c === 'Not Started');
            assert.ok(step, `a step not started is on the critical path (${names.join(', ')})`);
            const name = step.Name;
            const record = recordPage(page);
            const row = await record.edit(name);
            const duration = row.getByLabel('Duration (working days)');
            await duration.fill(String((step.Duration_Days__c ?? 0) + 10));
            await duration.press('Tab');
            await record.save();
            await record.toast('Saved').waitFor();

            const after = await eventually(
                () => forecastText(page),
                (t) => t !== before,
                'the forecast to change'
            );
            const storedAfter = preview.org.get('Mutual_Action_Plan__c', plan.Id).Plan_Implied_Close__c;
            assert.ok(
                storedAfter > storedBefore,
                `ten more working days move the stored close (${storedBefore} → ${storedAfter})`
            );
            assert.match(after, new RegExp(`lands ${mediumDate(storedAfter)}`), after);
            await screenshot(page, 'forecast-after-longer-step');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'reads in the narrow column',
        async ({ page, problems, visit }) => {
            const { deal } = planAndMilestones('Northwind Logistics - Fleet visibility platform');
            await visit(`opportunity/${deal.Id}`);
            const fact = recordPage(page).summary.locator('[data-id="implied-close"]');
            await fact.waitFor();
            const box = await fact.boundingBox();
            assert.ok(box && box.width <= 400, `the sentence wraps within the column (${box?.width} px)`);
            await screenshot(page, 'forecast-narrow');
            assert.deepEqual(await problems(), []);
        },
        { width: 400 }
    );

    scenario(
        'completing a step early offers to pull in what waits on it, and saves their earlier dates',
        async ({ page, problems, visit }) => {
            // A step of another deal's active plan (Northwind's is changed above), due after today, that others wait on.
            const northwind = opportunityNamed('Northwind Logistics - Fleet visibility platform');
            const plans = preview.org
                .query('Mutual_Action_Plan__c', (p) => p.Status__c === 'Active' && p.Opportunity__c !== northwind.Id)
                .map((plan) => ({ plan, milestones: milestonesOf(plan.Id) }));
            const open = (m) => m.Status__c === 'Not Started' || m.Status__c === 'In Progress';
            let chosen = null;
            for (const { plan, milestones } of plans) {
                const step = milestones.find(
                    (m) =>
                        open(m) && m.Due_Date__c > TODAY && milestones.some((d) => d.Depends_On__c === m.Id && open(d))
                );
                if (step) {
                    chosen = { plan, step, waiting: milestones.find((d) => d.Depends_On__c === step.Id && open(d)) };
                    break;
                }
            }
            assert.ok(chosen, 'the demo has a step due after today that another waits on');
            const { plan, step, waiting } = chosen;
            await visit(`opportunity/${plan.Opportunity__c}`);
            const record = recordPage(page);
            const row = await record.edit(step.Name);
            await row.getByLabel('Status').selectOption('Complete');

            const offer = row.getByRole('group', { name: 'Pull in what waits on it' });
            await offer.waitFor();
            assert.match(await offer.innerText(), /^Done \d+ working days? early: pull in what waits on it\?/);
            assert.match(await offer.innerText(), new RegExp(`${waiting.Name}: ${mediumDate(waiting.Due_Date__c)} → `));
            await screenshot(page, 'forecast-pull-in-offer');
            await offer.getByRole('button', { name: 'Pull them in' }).click();
            await offer.waitFor({ state: 'detached' });
            await record.save();
            await record.toast('Saved').waitFor();

            const saved = preview.org.get('Plan_Milestone__c', waiting.Id);
            assert.ok(
                saved.Due_Date__c < waiting.Due_Date__c,
                `pulled in (${waiting.Due_Date__c} → ${saved.Due_Date__c})`
            );
            assert.equal(preview.org.get('Plan_Milestone__c', step.Id).Status__c, 'Complete');
            assert.deepEqual(await problems(), []);
        }
    );

    for (const width of [1280, 400]) {
        scenario(
            `the timeline draws every milestone, moves by keyboard and opens one in the list (${width} px)`,
            async ({ page, problems, visit }) => {
                const { deal, plan, milestones } = planAndMilestones('Northwind Logistics - Fleet visibility platform');
                await visit(`opportunity/${deal.Id}`);
                await page
                    .getByRole('group', { name: 'Show the milestones as' })
                    .getByRole('button', { name: 'Timeline' })
                    .click();
                const timeline = page.getByRole('group', { name: "Timeline of the plan's milestones" });
                await timeline.waitFor();
                const bars = timeline.getByRole('img');
                assert.equal(await bars.count(), milestones.length, 'a bar per milestone');
                const close = milestones.find((m) => m.Marks_Close__c);
                const closeBar = timeline.getByRole('img', { name: new RegExp(`^${close.Name}, .*marks the close`) });
                assert.equal(await closeBar.count(), 1, 'the close milestone says so');
                for (const label of ['Today', 'Target date', 'Close date']) {
                    assert.ok((await timeline.getByText(new RegExp(`^${label} `)).count()) === 1, `the ${label} line`);
                }
                const box = await timeline.boundingBox();
                assert.ok(box && box.width <= width, `drawn within the column (${box?.width} px)`);
                await screenshot(page, `forecast-timeline-${width}`);

                // Keyboard: the first bar is the one tab stop; Down moves to the next; Enter opens it in the list.
                await bars.first().focus();
                await page.keyboard.press('ArrowDown');
                const focused = await bars.evaluateAll((all) => all.findIndex((bar) => bar.matches(':focus')));
                assert.equal(focused, 1, 'Down moves the focus to the second bar');
                const name = (await bars.nth(1).getAttribute('aria-label')).split(',')[0];
                await page.keyboard.press('Enter');
                await timeline.waitFor({ state: 'detached' });
                const row = recordPage(page).milestone(name);
                await eventually(
                    () => row.evaluate((li) => li.matches(':focus-within')),
                    (inside) => inside === true,
                    `the focus in the row of ${name}`
                );
                assert.equal(plan.Status__c, 'Active');
                assert.deepEqual(await problems(), []);
            },
            { width }
        );
    }
});

// End to end, in headless Chromium: nothing internal leaks to the user, and dates and numbers follow the Salesforce
// user's locale (User.LocaleSidKey), not the browser's. The preview answers @salesforce/i18n/locale with the previewed
// user's locale (preview/app/shims/i18n.js), as the platform does ("Access Internationalization Properties", LWC
// Developer Guide); the browser itself stays English (US) throughout.
//   (a) the record page (plan, milestones, every date history, a date move's preview, the create-plan form), the
//       pipeline review and the Tandem Setup page show no ISO date, no Id of any record of the org and no API name;
//   (b) once the user's locale is German (de_DE), the record page and the pipeline review write dates and numbers as
//       German does, and the date input hints and reads German dates.
//   node --test test/e2e/locale.test.mjs                        build this file's own bundle, then run
//   E2E_REUSE_BUNDLE=1 node --test test/e2e/locale.test.mjs     reuse dist/preview/app.js (quicker while editing)
// Screenshots go to artifacts/screenshots/ (locale-*.png; failed-locale-<test>.png when one fails).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { localeTag, userI18n } from '../../preview/app/shims/i18n.js';
import { TODAY, addDays, eventually, mediumDate, screenshot, e2eFile, milestoneRow, shownText } from './support.mjs';

let preview;
const scenario = e2eFile('locale', (ready) => ({ preview } = ready));

// ---------------------------------------------------------------------------------------------------------------
// What must never show

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const API_NAME = /\w+__(c|r|mdt)\b/g;
const RECORD_ID = /\b[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?\b/g;

/** Every Id of every record the org holds, in its 18- and 15-character forms. */
function orgIds(org) {
    const ids = new Set();
    for (const sobject of Object.keys(org.counts())) {
        for (const record of org.query(sobject)) {
            if (typeof record.Id !== 'string') continue;
            ids.add(record.Id);
            ids.add(record.Id.slice(0, 15));
        }
    }
    return ids;
}

/** The internal values in a text the user reads: ISO dates, Ids of the org's records, API names. */
function leaks(text) {
    const ids = orgIds(preview.org);
    return [
        ...[...text.matchAll(ISO_DATE)].map(([found]) => `ISO date ${found}`),
        ...[...text.matchAll(RECORD_ID)].filter(([found]) => ids.has(found)).map(([found]) => `record Id ${found}`),
        ...[...text.matchAll(API_NAME)].map(([found]) => `API name ${found}`)
    ];
}

/** The app's text as a user reads it (innerText: no hidden elements, no input values), every milestone row included. */
function appText(page) {
    return shownText(page.locator('#root'));
}

async function assertNoLeaks(page, where) {
    const text = await appText(page);
    assert.deepEqual(leaks(text), [], `${where} shows nothing internal`);
    return text;
}

// ---------------------------------------------------------------------------------------------------------------
// The demo, found by what it holds

/** The opportunity whose plan has the most date history: its rows are what the history panels show. */
function dealWithHistory() {
    const { org } = preview;
    const counts = new Map();
    for (const change of org.query('Milestone_Date_Change__c')) {
        counts.set(change.Plan__c, (counts.get(change.Plan__c) ?? 0) + 1);
    }
    const [planId] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    assert.ok(planId, 'the demo has date history');
    const plan = org.get('Mutual_Action_Plan__c', planId);
    return { plan, deal: org.get('Opportunity', plan.Opportunity__c) };
}

/** An open opportunity of the previewed user without a plan: where the create-plan form shows. */
function dealWithoutPlan() {
    const { org } = preview;
    const planned = new Set(org.query('Mutual_Action_Plan__c').map((plan) => plan.Opportunity__c));
    const [deal] = org
        .query('Opportunity', (o) => !o.IsClosed && !planned.has(o.Id) && o.OwnerId === org.currentUserId)
        .sort((a, b) => a.Name.localeCompare(b.Name));
    assert.ok(deal, 'the demo has an open deal without a plan');
    return deal;
}

/** An open milestone of the plan due after today, to move. */
function openMilestone(planId) {
    const [milestone] = preview.org
        .query(
            'Plan_Milestone__c',
            (m) => m.Plan__c === planId && m.Status__c === 'Not Started' && m.Due_Date__c > TODAY
        )
        .sort((a, b) => a.Due_Date__c.localeCompare(b.Due_Date__c));
    assert.ok(milestone, 'the plan has an open milestone still to come');
    return milestone;
}

/** The first Saturday after an ISO date. */
function saturdayAfter(iso) {
    const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
    return addDays(iso, (6 - weekday + 7) % 7 || 7);
}

async function editMilestone(page, name) {
    const row = milestoneRow(page, name);
    await row.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
    await row.getByLabel('Due date').waitFor();
    return row;
}

async function typeDate(input, text) {
    await input.fill(text);
    await input.press('Tab');
}

function setUserLocale(localeSidKey) {
    const { org } = preview;
    org.update('User', [{ Id: org.currentUserId, LocaleSidKey: localeSidKey }]);
}

// ---------------------------------------------------------------------------------------------------------------
// German, as the test expects it: Intl's CLDR data for de-DE, the same data the browser formats with

const GERMAN_DATE = new Intl.DateTimeFormat('de-DE', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC'
});
const GERMAN_NUMERIC_DATE = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' });
const GERMAN_DOLLARS = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const germanDate = (iso) => GERMAN_DATE.format(new Date(`${iso}T00:00:00Z`));
const germanNumericDate = (iso) => GERMAN_NUMERIC_DATE.format(new Date(`${iso}T00:00:00Z`));
/** A date as en-US writes it ("Mar 2, 2026"): none may be left once the user is German. */
const ENGLISH_DATE = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/;

// ---------------------------------------------------------------------------------------------------------------

describe('the locale the preview gives the components', () => {
    test('maps Salesforce locale keys to BCP 47 tags and reads their formats from CLDR', () => {
        assert.equal(localeTag('en_US'), 'en-US');
        assert.equal(localeTag('de_DE'), 'de-DE');
        assert.equal(localeTag('fr'), 'fr');
        assert.equal(localeTag('iw_IL'), 'he-IL', 'a legacy language code becomes the current one');
        assert.throws(() => localeTag('not a locale'), /cannot map the Salesforce locale key "not a locale"/);
        // en_US gives exactly what the base components assume without a user (their defaults).
        assert.deepEqual(userI18n({ localeSidKey: 'en_US', languageLocaleKey: 'en_US' }), {
            locale: 'en-US',
            lang: 'en-US',
            firstDayOfWeek: 1,
            'dateTime.shortDateFormat': 'M/d/yyyy',
            'dateTime.mediumDateFormat': 'MMM d, yyyy',
            'dateTime.longDateFormat': 'MMMM d, yyyy',
            'number.decimalSeparator': '.',
            'number.groupingSeparator': ','
        });
        assert.deepEqual(userI18n({ localeSidKey: 'de_DE', languageLocaleKey: 'de' }), {
            locale: 'de-DE',
            lang: 'de',
            firstDayOfWeek: 2,
            'dateTime.shortDateFormat': 'd.M.yyyy',
            'dateTime.mediumDateFormat': 'dd.MM.yyyy',
            'dateTime.longDateFormat': 'd. MMMM yyyy',
            'number.decimalSeparator': ',',
            'number.groupingSeparator': '.'
        });
    });
});

describe('nothing internal leaks', () => {
    scenario(
        'the record page: the plan, every date history, a date move and its warnings',
        async ({ page, problems, visit }) => {
            const { plan, deal } = dealWithHistory();
            await visit(`opportunity/${deal.Id}`);
            await page.getByRole('region', { name: 'Plan summary' }).getByText(plan.Name).waitFor();
            await assertNoLeaks(page, 'the record page');

            // Every date history, one after the other (each opens on its own).
            const toggles = page.getByRole('button', { name: /^Date history \(\d+\)/ });
            const count = await toggles.count();
            assert.ok(count > 0, 'some milestone has a date history');
            for (let i = 0; i < count; i++) {
                await toggles.nth(i).click();
                await eventually(
                    () => page.locator('ol.history').first().isVisible(),
                    (visible) => visible,
                    'the date history open'
                );
                const text = await assertNoLeaks(page, `date history ${i + 1}`);
                assert.match(text, / → /, 'a history row says from which date to which');
            }

            // Moving a date onto a Saturday: the preview and its warning name the milestone and the dates.
            const milestone = openMilestone(plan.Id);
            const row = await editMilestone(page, milestone.Name);
            const saturday = saturdayAfter(milestone.Due_Date__c);
            await typeDate(row.getByLabel('Due date'), mediumDate(saturday));
            const move = row.getByRole('group', { name: 'Date change before saving' });
            await move.getByText('is not a working day').waitFor();
            const moveText = await move.innerText();
            assert.ok(moveText.includes(`"${milestone.Name}"`), `the warning names "${milestone.Name}"`);
            assert.ok(moveText.includes(mediumDate(saturday)), `the move says ${mediumDate(saturday)}`);
            await assertNoLeaks(page, 'the date move');
            await screenshot(page, 'locale-record-page-en');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario('the create-plan form and its preview', async ({ page, problems, visit }) => {
        const deal = dealWithoutPlan();
        await visit(`opportunity/${deal.Id}`);
        await page.getByRole('button', { name: 'Create plan' }).click();
        await page.getByLabel('Template').selectOption({ label: 'Enterprise' });
        // A Saturday about three months out: the preview warns that it is not a working day.
        const target = saturdayAfter(addDays(TODAY, 85));
        await typeDate(page.getByLabel("Buyer's target date"), mediumDate(target));
        await page.getByText('is not a working day').waitFor();
        const text = await assertNoLeaks(page, 'the create-plan form');
        assert.ok(text.includes(mediumDate(target)), `the warning says ${mediumDate(target)}`);
        assert.deepEqual(await problems(), []);
    });

    scenario('the pipeline review, by deal and by rep', async ({ page, problems, visit }) => {
        await visit('pipeline');
        const table = page.getByRole('table', { name: 'Open opportunities and their plans' });
        await table.getByRole('rowheader').first().waitFor();
        await assertNoLeaks(page, 'the pipeline review');
        await page.getByRole('button', { name: 'By rep' }).click();
        await page
            .getByRole('button', { name: /^Show the deals of / })
            .first()
            .waitFor();
        await assertNoLeaks(page, 'the pipeline review by rep');
        assert.deepEqual(await problems(), []);
    });

    scenario('the Tandem Setup page', async ({ page, problems, visit }) => {
        await visit('setup');
        await page.getByRole('table', { name: 'Stage gates' }).getByRole('rowheader').first().waitFor();
        await assertNoLeaks(page, 'Tandem Setup');
        assert.deepEqual(await problems(), []);
    });
});

describe("a German user reads German dates and numbers (the browser's own locale stays en-US)", () => {
    before(() => setUserLocale('de_DE'));
    after(() => setUserLocale('en_US'));

    scenario('the record page: header, milestones, amount, and the date input', async ({ page, problems, visit }) => {
        const { plan, deal } = dealWithHistory();
        await visit(`opportunity/${deal.Id}`);
        const summary = page.getByRole('region', { name: 'Plan summary' });
        await summary.getByText(plan.Name).waitFor();
        assert.equal(await page.evaluate(() => navigator.language), 'en-US');

        // The opportunity's amount and the plan's target date, as German writes them.
        assert.match(await appText(page), new RegExp(GERMAN_DOLLARS.format(deal.Amount).replace(/\$/, '\\$')));
        assert.equal(
            (await summary.locator('[data-id="target-date"]').innerText()).trim(),
            germanDate(plan.Target_Date__c)
        );
        // Every milestone's due date.
        const milestones = preview.org.query('Plan_Milestone__c', { Plan__c: plan.Id });
        for (const m of milestones) {
            assert.match(
                await shownText(milestoneRow(page, m.Name)),
                new RegExp(germanDate(m.Due_Date__c).replace(/\./g, '\\.'))
            );
        }
        // A date history, in German.
        const history = page.getByRole('button', { name: /^Date history \(\d+\)/ }).first();
        await history.click();
        const rows = await page.locator('ol.history').first().innerText();
        assert.match(rows, /\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+\.? \d{4} → \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+\.? \d{4}/);
        const text = await appText(page);
        assert.doesNotMatch(text, ENGLISH_DATE, 'no date is left in the en-US format');
        assert.doesNotMatch(text, /\d%/, 'percentages are written "90 %"');
        assert.deepEqual(leaks(text), []);
        await screenshot(page, 'locale-record-page-de');

        // The date input hints the German format and reads a date typed the German way.
        const milestone = openMilestone(plan.Id);
        const row = await editMilestone(page, milestone.Name);
        const due = row.getByLabel('Due date');
        assert.equal(await due.inputValue(), germanNumericDate(milestone.Due_Date__c));
        await row.getByText('Format: 31.12.2024').waitFor();
        const later = addDays(milestone.Due_Date__c, 7);
        await typeDate(due, germanNumericDate(later));
        const move = row.getByRole('group', { name: 'Date change before saving' });
        await move.getByText(`${germanDate(milestone.Due_Date__c)} → ${germanDate(later)}`).waitFor();
        await screenshot(page, 'locale-date-move-de');
        assert.deepEqual(await problems(), []);
    });

    scenario('the pipeline review: amounts, close dates and shares', async ({ page, problems, visit }) => {
        await visit('pipeline');
        const table = page.getByRole('table', { name: 'Open opportunities and their plans' });
        await table.getByRole('rowheader').first().waitFor();
        const headers = (await table.getByRole('columnheader').allInnerTexts()).map((text) => text.split('\n')[0]);
        const column = (name) => headers.indexOf(name) - 1;
        const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
        assert.ok((await rows.count()) > 0);
        for (const row of await rows.all()) {
            const name = await row.getByRole('rowheader').getByRole('link').innerText();
            const [deal] = preview.org.query('Opportunity', (o) => o.Name === name);
            const cells = (await row.getByRole('cell').allInnerTexts()).map((text) => text.split('\n')[0].trim());
            assert.equal(cells[column('Amount')], GERMAN_DOLLARS.format(deal.Amount), `the amount of ${name}`);
            assert.equal(cells[column('Close date')], germanDate(deal.CloseDate), `the close date of ${name}`);
        }
        const text = await appText(page);
        assert.match(text, /\d\u00a0%/, 'shares are written "73 %"');
        assert.doesNotMatch(text, /\d%/);
        assert.doesNotMatch(text, ENGLISH_DATE);
        assert.doesNotMatch(text, /\$\d/, 'no amount is left in the en-US format');
        assert.deepEqual(leaks(text), []);
        await screenshot(page, 'locale-pipeline-de');
        assert.deepEqual(await problems(), []);
    });
});

// The opportunity record page as the end-to-end scenarios drive it: its parts found as a user finds them (roles,
// labels, visible text), and the demo's records a scenario starts from, asked of the embedded org by what the
// loader's documentation promises, never by ids.
import assert from 'node:assert/strict';
import { mediumDate, milestoneRow } from './support.mjs';

/** The demo's records in the org that `orgOf()` answers once the preview is up. */
export function demoRecords(orgOf) {
    /** The opportunity of the demo named `name` (its record page is /opportunity/<id>). */
    function opportunityNamed(name) {
        const [found] = orgOf().query('Opportunity', (o) => o.Name === name);
        assert.ok(found, `the demo has the opportunity ${name}`);
        return found;
    }

    function planOf(opportunityId) {
        return orgOf().query('Mutual_Action_Plan__c', { Opportunity__c: opportunityId });
    }

    function milestonesOf(planId) {
        return orgOf().query('Plan_Milestone__c', { Plan__c: planId });
    }

    const contactName = (id) => {
        const contact = orgOf().get('Contact', id);
        return `${contact.FirstName} ${contact.LastName}`;
    };

    return { opportunityNamed, planOf, milestonesOf, contactName };
}

/** The record page's parts, found as a user finds them. */
export function recordPage(page) {
    const summaryRegion = page.getByRole('region', { name: 'Plan summary' });
    return {
        summary: summaryRegion,
        /** A milestone's row: the list item that carries its name. */
        milestone(name) {
            return milestoneRow(page, name);
        },
        async edit(name) {
            const row = this.milestone(name);
            await row.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
            await row.getByLabel('Status').waitFor();
            return row;
        },
        /** Types a date into a date input as a user does, then leaves the field (which commits it). */
        async typeDate(input, iso) {
            await input.fill(mediumDate(iso));
            await input.press('Tab');
        },
        async save() {
            await page
                .getByRole('region', { name: 'Unsaved changes' })
                .getByRole('button', { name: 'Save', exact: true })
                .click();
        },
        /** "Activate plan", then the same button in the confirmation that follows. */
        async activatePlan() {
            await summaryRegion.getByRole('button', { name: 'Activate plan' }).click();
            await summaryRegion
                .getByRole('group', { name: 'Activate plan' })
                .getByRole('button', { name: 'Activate plan' })
                .click();
        },
        toast(title) {
            return page.getByRole('status').filter({ hasText: title });
        },
        /** Closes the toasts, so screenshots show the page rather than the notification over it. */
        async dismissToasts() {
            const close = page.getByRole('status').getByRole('button', { name: 'Close' });
            for (let left = 5; left > 0 && (await close.count()) > 0; left--) await close.first().click();
        },
        async moveStage(stage) {
            await page.getByRole('listbox', { name: 'Stage' }).getByRole('option', { name: stage }).click();
            await page.getByRole('button', { name: 'Mark as Current Stage' }).click();
        },
        /** How far the header's completion bar is filled, as drawn: "Progress 50%". */
        async progress() {
            const fill = summaryRegion.locator('[data-id="all-progress"] .slds-progress-bar__value');
            return `Progress ${await fill.evaluate((element) => element.style.width)}`;
        },
        /** The text of the record page's Details card. */
        details() {
            return page
                .getByRole('article')
                .filter({ has: page.getByRole('heading', { name: 'Details' }) })
                .innerText();
        }
    };
}

/** The option of a plan-select whose label starts with `name` ("Maya Adeyemi (Economic Buyer)"). */
export async function optionStartingWith(select, name) {
    const labels = await select.locator('option').allInnerTexts();
    const label = labels.map((text) => text.trim()).find((text) => text === name || text.startsWith(`${name} (`));
    assert.ok(label, `"${name}" is offered (${labels.join(', ')})`);
    return { label };
}

// End to end, in headless Chromium: the preview's "Viewing as" switch between the roles of the demo's sales team, and
// what the pipeline review (c-pipeline-review) shows each of them on its default scope, "My team": the viewer's own
// deals and those of the roles below his (PipelineQuery, SCOPE_TEAM). An account executive sees only his own deals; a
// manager groups his team by rep; the VP sees both managers' teams and pages through them 25 rows at a time; the
// admin, who owns no deal and leads no one, sees none there, and every open deal under "All I can see". The expected
// figures are read from the demo org (the loader deals the deals to six account executives: TandemDemoData.cls).
//   node --test test/e2e/roles.test.mjs                          build this file's own bundle, then run
//   E2E_REUSE_BUNDLE=1 node --test test/e2e/roles.test.mjs       reuse dist/preview/app.js
// Screenshots go to artifacts/screenshots/ (roles-*.png; failed-roles-<test>.png on failure).
import { describe } from 'node:test';
import assert from 'node:assert/strict';

import { chooseOption, eventually, screenshot, e2eFile, viewAs, reviewTable } from './support.mjs';

let preview;
const scenario = e2eFile('roles', (ready) => ({ preview } = ready));

// ---------------------------------------------------------------------------------------------------------------
// What the org says each viewer should see

const fullName = (id) => {
    const user = preview.org.get('User', id);
    return `${user.FirstName} ${user.LastName}`;
};
/** The "Viewing as" label of a demo person or the admin, as the shell lists it: "Owen Brandt (Enterprise Sales Manager)". */
const viewerLabel = (id) => `${fullName(id)} (${preview.org.get('User', id).Title})`;

/** True when `roleId` lies below `aboveId` in the role hierarchy. */
function isBelow(roleId, aboveId) {
    for (let role = preview.org.get('UserRole', roleId)?.ParentRoleId; role;) {
        if (role === aboveId) return true;
        role = preview.org.get('UserRole', role).ParentRoleId;
    }
    return false;
}

/** "My team" for a user: open deals he owns or a user in a role below his owns; { rep name: open deals }. */
function teamDeals(userId) {
    const myRole = preview.org.get('User', userId).UserRoleId;
    const counts = {};
    for (const deal of preview.org.query('Opportunity', (o) => !o.IsClosed)) {
        const ownerRole = preview.org.get('User', deal.OwnerId).UserRoleId;
        if (deal.OwnerId === userId || (myRole && ownerRole && isBelow(ownerRole, myRole))) {
            counts[fullName(deal.OwnerId)] = (counts[fullName(deal.OwnerId)] ?? 0) + 1;
        }
    }
    return counts;
}
const total = (counts) => Object.values(counts).reduce((sum, n) => sum + n, 0);

// ---------------------------------------------------------------------------------------------------------------
// The page, as a user reads it

/** Shows the review by rep and reads it as { rep name: open deals }. */
async function byRep(page) {
    const button = page.getByRole('button', { name: 'By rep' });
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    const table = page.getByRole('table', { name: 'Open opportunities by rep' });
    await table.waitFor();
    const read = async () => {
        const reps = {};
        for (const row of await table
            .getByRole('row')
            .filter({ has: page.getByRole('rowheader') })
            .all()) {
            reps[(await row.getByRole('rowheader').innerText()).trim()] = Number(
                await row.getByRole('cell').first().innerText()
            );
        }
        return reps;
    };
    return { table, read };
}

/** Waits until the by-rep table shows exactly `expected` ({ rep name: open deals }). */
async function expectReps(page, expected, description) {
    const { read } = await byRep(page);
    const sorted = (counts) => JSON.stringify(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
    await eventually(read, (reps) => sorted(reps) === sorted(expected), description);
}

describe('viewing the pipeline review as each role', () => {
    scenario(
        'the account executive sees only his own deals; his manager sees his team of three by rep',
        async ({ page, problems, visit }) => {
            const { demo } = preview;
            const jonah = teamDeals(demo.users.jonah);
            assert.deepEqual(Object.keys(jonah), ['Jonah Clarke'], 'an account executive leads no one');
            const owen = teamDeals(demo.users.owen);
            assert.deepEqual(
                Object.keys(owen).sort(),
                ['Aisha Bello', 'Jonah Clarke', 'Tomás Ruiz'],
                "the demo deals Owen's three account executives open deals"
            );

            await visit('pipeline');
            await viewAs(page, viewerLabel(demo.users.jonah));
            const count = total(jonah);
            await eventually(
                () => reviewTable(page).range(),
                (text) => text.startsWith(`1–${count} of ${count}`),
                'his deals'
            );
            const rows = await reviewTable(page).rows();
            assert.equal(rows.length, count);
            assert.ok(
                rows.every((row) => row.Owner === 'Jonah Clarke'),
                `only his own deals: ${JSON.stringify(rows)}`
            );
            await expectReps(page, jonah, 'one rep: himself');

            await viewAs(page, viewerLabel(demo.users.owen));
            await expectReps(page, owen, "Owen's team, rep by rep");
            await page.getByRole('heading', { name: 'Pipeline review' }).click();
            await screenshot(page, 'roles-by-rep-manager');

            // Back to his deals: the whole team's, the three reps together.
            await page.getByRole('button', { name: 'Deals', exact: true }).click();
            const teamCount = total(owen);
            await eventually(
                () => reviewTable(page).range(),
                (text) => text.startsWith(`1–${teamCount} of ${teamCount}`),
                "the team's deals"
            );
            assert.ok(teamCount > count, 'more than one rep');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        "the VP sees both managers' teams by rep, and pages through them 25 rows at a time",
        async ({ page, problems, visit }) => {
            const { demo } = preview;
            const marisol = teamDeals(demo.users.marisol);
            assert.equal(Object.keys(marisol).length, 6, 'six reps in two teams below her');

            await visit('pipeline');
            await viewAs(page, viewerLabel(demo.users.marisol));
            await expectReps(page, marisol, 'every rep of both teams');
            await page.getByRole('heading', { name: 'Pipeline review' }).click();
            await screenshot(page, 'roles-by-rep-vp');

            const count = total(marisol);
            assert.ok(count > 25, `${count} open deals: more than the smallest page`);
            await page.getByRole('button', { name: 'Deals', exact: true }).click();
            await chooseOption(page, 'Rows per page', '25');
            await eventually(
                () => reviewTable(page).range(),
                (text) => text.startsWith(`1–25 of ${count}`),
                'the first 25'
            );
            const first = await reviewTable(page).rows();
            await page.getByRole('button', { name: 'Next' }).click();
            await eventually(
                () => reviewTable(page).range(),
                (text) => text.startsWith(`26–${count} of ${count}`),
                'the second page'
            );
            const second = await reviewTable(page).rows();
            assert.equal(first.length + second.length, count);
            const names = new Set([...first, ...second].map((row) => row.Opportunity));
            assert.equal(names.size, count, 'no deal on both pages');
            assert.equal(await page.getByRole('button', { name: 'Next' }).isDisabled(), true, 'the last page');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario(
        'the admin owns no deal and leads no one: none on "My team", every open deal on "All I can see"',
        async ({ page, problems, visit }) => {
            const { demo, org } = preview;
            assert.deepEqual(teamDeals(demo.admin), {});
            const open = org.query('Opportunity', (o) => !o.IsClosed);

            await visit('pipeline');
            await viewAs(page, viewerLabel(demo.admin));
            await page.getByText('No open opportunities match these filters.').waitFor();
            await chooseOption(page, 'Show', 'All I can see');
            await eventually(
                () => reviewTable(page).range(),
                (text) => text.startsWith(`1–${open.length} of ${open.length}`),
                'every open deal'
            );
            const everyone = {};
            for (const deal of open) everyone[fullName(deal.OwnerId)] = (everyone[fullName(deal.OwnerId)] ?? 0) + 1;
            await expectReps(page, everyone, 'every rep who owns an open deal');
            assert.deepEqual(await problems(), []);
        }
    );
});

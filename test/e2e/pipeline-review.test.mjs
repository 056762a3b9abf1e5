// End to end, in headless Chromium: the pipeline review (c-pipeline-review) in the preview, as the VP of sales
// (Marisol Vega, "Viewing as"), against the embedded demo org, where PipelineReviewController answers through the
// offline Apex runtime. Pins the sorts that cross the line between deals with a plan and deals without one, a
// summary tile's "Show them", the tile of the plans that cannot land by their close date at the pace agreed (against
// the org's Implied_Close_Gap_Days__c), and the column chooser at 1280 px (every column readable, no hidden sideways
// scroll).
//   node --test test/e2e/pipeline-review.test.mjs                         build this file's own bundle, then run
//   E2E_REUSE_BUNDLE=1 node --test test/e2e/pipeline-review.test.mjs      reuse dist/preview/app.js
// Screenshots go to artifacts/screenshots/ (pipeline-review-*.png; failed-pipeline-review-<test>.png on failure).
import { describe } from 'node:test';
import assert from 'node:assert/strict';

import { chooseOption, eventually, screenshot, e2eFile, viewAs, reviewTable } from './support.mjs';

const VP = 'Marisol Vega (VP Sales)';

let preview;
const scenario = e2eFile('pipeline-review', (ready) => ({ preview } = ready));

/** Opens the review as the VP and waits for the first page. */
async function openAsVp(page, visit) {
    await visit('pipeline');
    await viewAs(page, VP);
    const review = reviewTable(page);
    await eventually(review.range, (text) => /of \d+/.test(text), 'the first page');
    return review;
}

const isDate = (text) => !Number.isNaN(Date.parse(`${text} UTC`));
const dayOf = (text) => Date.parse(`${text} UTC`);
/** "21 days early" → -21, "5 days late" → 5, "On the close date" → 0; null for a dash. */
function varianceOf(text) {
    if (text === 'On the close date') return 0;
    const match = /^(\d+) days? (early|late)$/.exec(text);
    if (!match) return null;
    return match[2] === 'late' ? Number(match[1]) : -Number(match[1]);
}

/**
 * The rows of a plan sort fall in this order whatever the direction: values (in order), Active plans without one,
 * then deals without an active plan, and deals with no plan at all last. Returns the values read, in order.
 */
function assertPlanSortShape(rows, column, valueOf, label) {
    const rank = (row) => {
        if (row.Plan === 'No plan') return 3;
        if (row.Plan !== 'Active') return 2;
        return valueOf(row[column]) === null ? 1 : 0;
    };
    const ranks = rows.map(rank);
    assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => a - b),
        `${label}: valued active plans, then blanks, then other plans, then no plan (${JSON.stringify(ranks)})`
    );
    assert.ok(ranks.includes(0) && ranks.includes(3), `${label}: the demo has deals on both sides of the line`);
    return rows.filter((row) => rank(row) === 0).map((row) => valueOf(row[column]));
}

const ascendingOrder = (values) => values.every((value, i) => i === 0 || values[i - 1] <= value);
const descendingOrder = (values) => values.every((value, i) => i === 0 || values[i - 1] >= value);

describe('pipeline review', () => {
    scenario(
        'projected close sorts by the date shown, early or late by the days; deals without a plan last both ways',
        async ({ page, problems, visit }) => {
            const review = await openAsVp(page, visit);
            const dateOf = (text) => (isDate(text) ? dayOf(text) : null);

            await review.sortBy('Projected close');
            await eventually(
                () => review.sortState(/^Projected close/),
                (s) => s === 'ascending',
                'sorted up'
            );
            const up = await eventually(
                review.rows,
                (rows) => rows.length > 0 && rows[rows.length - 1].Plan === 'No plan',
                'projected close, soonest first'
            );
            assert.ok(ascendingOrder(assertPlanSortShape(up, 'Projected close', dateOf, 'ascending')));

            await review.sortBy('Projected close');
            await eventually(
                () => review.sortState(/^Projected close/),
                (s) => s === 'descending',
                'sorted down'
            );
            const down = await eventually(
                review.rows,
                (rows) => rows.length === up.length && rows[0].Opportunity !== up[0].Opportunity,
                'projected close, latest first'
            );
            const latestFirst = assertPlanSortShape(down, 'Projected close', dateOf, 'descending');
            assert.ok(descendingOrder(latestFirst), `latest first: ${latestFirst}`);
            await screenshot(page, 'pipeline-review-projected-close-desc');

            await review.sortBy('Early or late');
            await eventually(
                () => review.sortState(/^Early or late/),
                (s) => s === 'descending',
                'latest first'
            );
            const late = await eventually(
                review.rows,
                (rows) => rows.length === up.length && varianceOf(rows[0]['Early or late']) !== null,
                'early or late, latest landing first'
            );
            const days = assertPlanSortShape(late, 'Early or late', varianceOf, 'early or late, descending');
            assert.ok(descendingOrder(days), `latest landing first: ${days}`);
            assert.ok(days[0] > 0, 'the first lands after its close date');

            await review.sortBy('Early or late');
            const early = await eventually(
                review.rows,
                (rows) => varianceOf(rows[0]['Early or late']) !== null && varianceOf(rows[0]['Early or late']) < 0,
                'early or late, earliest landing first'
            );
            assert.ok(ascendingOrder(assertPlanSortShape(early, 'Early or late', varianceOf, 'ascending')));
            assert.deepEqual(await problems(), []);
        }
    );

    scenario('a tile\'s "Show them" lists exactly the deals the tile counts', async ({ page, problems, visit }) => {
        const review = await openAsVp(page, visit);
        const tiles = page.getByRole('list', { name: 'Summary' });
        const tile = tiles.getByRole('listitem').filter({ hasText: 'Plan lands after close date' });
        const count = Number(await tile.locator('[data-id="value"]').innerText());
        assert.ok(count > 0, 'the demo has a plan landing after its close date');
        await assert.doesNotReject(
            tile.getByText('Active plans projecting their close after the close date').waitFor(),
            'the tile says what it counts'
        );

        await tile.getByRole('button', { name: /^Show them/ }).click();
        await eventually(review.range, (text) => text.startsWith(`1–${count} of ${count}`), `the ${count} deals`);
        const rows = await review.rows();
        assert.equal(rows.length, count);
        assert.ok(
            rows.every((row) => / late$/.test(row['Early or late'])),
            'each lands late'
        );
        assert.equal(await page.getByRole('combobox', { name: 'Plan' }).innerText(), 'Plan lands after close date');
        await assert.rejects(
            tile.getByRole('button', { name: /^Show them/ }).waitFor({ timeout: 1000 }),
            'the filter is on, so the tile no longer offers it'
        );
        await screenshot(page, 'pipeline-review-lands-late');
        assert.deepEqual(await problems(), []);
    });

    scenario(
        'the "Plan cannot land by close date" tile counts the deals whose active plan cannot land by their close date',
        async ({ page, problems, visit }) => {
            const review = await openAsVp(page, visit);
            const { org } = preview;
            const open = org.query('Opportunity', (o) => !o.IsClosed);
            const cannotLand = new Set(
                org
                    .query('Mutual_Action_Plan__c', (p) => p.Status__c === 'Active' && p.Implied_Close_Gap_Days__c > 0)
                    .map((p) => p.Opportunity__c)
            );
            const expected = open.filter((o) => cannotLand.has(o.Id)).map((o) => o.Name);
            assert.ok(expected.length > 0, 'the demo has an active plan that cannot land by its close date');

            await chooseOption(page, 'Show', 'All I can see');
            await eventually(
                review.range,
                (text) => Number(/^\d+–\d+ of (\d+)/.exec(text)?.[1]) === open.length,
                'every open deal'
            );
            const tile = page
                .getByRole('list', { name: 'Summary' })
                .getByRole('listitem')
                .filter({ hasText: 'Plan cannot land by close date' });
            const count = await eventually(
                async () => Number(await tile.locator('[data-id="value"]').innerText()),
                (value) => value === expected.length,
                `the tile counts the ${expected.length} deals`
            );
            assert.equal(count, expected.length);

            await tile.getByRole('button', { name: /^Show them/ }).click();
            await eventually(review.range, (text) => text.startsWith(`1–${count} of ${count}`), `the ${count} deals`);
            assert.equal(
                await page.getByRole('combobox', { name: 'Plan' }).innerText(),
                'Plan cannot land by close date'
            );
            await page.getByRole('button', { name: 'Columns' }).click();
            await page
                .getByRole('group', { name: 'Optional columns' })
                .getByText('Implied vs close date', { exact: true })
                .click();
            const rows = await eventually(
                review.rows,
                (list) => list.length === count && list.every((row) => 'Implied vs close date' in row),
                'the implied gap shown'
            );
            assert.deepEqual(rows.map((row) => row.Opportunity).sort(), [...expected].sort());
            assert.ok(
                rows.every((row) => / late$/.test(row['Implied vs close date'])),
                'each plan-implied close falls after the close date'
            );
            await screenshot(page, 'pipeline-review-cannot-land');
            assert.deepEqual(await problems(), []);
        }
    );

    scenario('group the review by rep, then drill into one rep', async ({ page, problems, visit }) => {
        const review = await openAsVp(page, visit);
        await page.getByRole('button', { name: 'By rep' }).click();
        const byRep = page.getByRole('table', { name: 'Open opportunities by rep' });
        await byRep.waitFor();
        const reps = byRep.getByRole('row').filter({ has: page.getByRole('rowheader') });
        const first = reps.first();
        const name = await first.getByRole('rowheader').innerText();
        const deals = Number(await first.getByRole('cell').first().innerText());
        assert.ok(deals > 0, `${name} has open deals`);
        assert.equal(await page.getByRole('button', { name: 'By rep' }).getAttribute('aria-pressed'), 'true');
        await screenshot(page, 'pipeline-review-by-rep');

        await first.getByRole('button', { name: `Show the deals of ${name}` }).click();
        await eventually(review.range, (text) => text.startsWith(`1–${deals} of ${deals}`), `${name}'s ${deals} deals`);
        const rows = await review.rows();
        assert.ok(
            rows.every((row) => row.Owner === name),
            "only that rep's deals"
        );
        assert.deepEqual(await problems(), []);
    });

    for (const width of [1280, 1440]) {
        scenario(
            `fits ${width} px: every column readable without a sideways scroll; names on at most two lines`,
            async ({ page, problems, visit }) => {
                const review = await openAsVp(page, visit);
                await page.getByRole('heading', { name: 'Pipeline review' }).click();
                const fit = await review.table.evaluate((table) => {
                    const scroller = table.parentElement;
                    const names = [...table.querySelectorAll('th[scope="row"] a')];
                    const view = table.ownerDocument.defaultView;
                    const lineHeight = parseFloat(view.getComputedStyle(names[0]).lineHeight);
                    return {
                        overflow: scroller.scrollWidth - scroller.clientWidth,
                        tallest: Math.max(...names.map((name) => name.getBoundingClientRect().height)) / lineHeight
                    };
                });
                assert.ok(fit.overflow <= 1, `no sideways scroll (${fit.overflow} px hidden)`);
                assert.ok(fit.tallest <= 2.2, `names wrap to two lines at most (${fit.tallest.toFixed(1)})`);
                assert.equal(await page.getByText(/wider than the page/).count(), 0, 'no overflow hint');
                await screenshot(page, `pipeline-review-${width}`);
                assert.deepEqual(await problems(), []);
            },
            { width }
        );
    }

    scenario(
        'the column chooser shows the columns chosen, remembered for this user',
        async ({ page, problems, visit }) => {
            const review = await openAsVp(page, visit);
            assert.ok(!(await review.headers()).includes('Buyer acceptance'), 'an optional column starts hidden');

            const toggle = page.getByRole('button', { name: 'Columns' });
            await toggle.click();
            assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
            const chooser = page.getByRole('group', { name: 'Optional columns' });
            // SLDS hides the native checkbox behind its styled box: a user clicks the label.
            await chooser.getByText('Buyer acceptance', { exact: true }).click();
            await chooser.getByText('Completion', { exact: true }).click();
            const headers = await eventually(
                review.headers,
                (list) => list.includes('Buyer acceptance') && !list.includes('Completion'),
                'acceptance shown, completion hidden'
            );
            assert.deepEqual(headers.slice(0, 5), ['Opportunity', 'Owner', 'Stage', 'Amount', 'Close date']);
            const rows = await review.rows();
            assert.ok(rows.some((row) => ['Accepted', 'Not yet'].includes(row['Buyer acceptance'])));
            const overflow = await review.table.evaluate(
                (table) => table.parentElement.scrollWidth - table.parentElement.clientWidth
            );
            assert.ok(overflow <= 1, `still no sideways scroll at 1280 px (${overflow} px hidden)`);
            await screenshot(page, 'pipeline-review-columns');

            await page.reload();
            await eventually(
                review.headers,
                (list) => list.includes('Buyer acceptance') && !list.includes('Completion'),
                'the same columns after a reload'
            );
            assert.deepEqual(await problems(), []);
        }
    );
});

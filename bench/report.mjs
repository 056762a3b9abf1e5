// The bench's figures: medians of the runs, ours against the lightning-datatable baseline (and, for the plan
// workspace, against the floor: the same milestones in a bare list), as a table, and the budgets they must keep.

export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A sample's time in the page: its time less the time it waited for Apex (what the browser itself spent). */
const inPage = (sample) => sample.ms - sample.apexMs;

/**
 * One row per measure: the median time of ours and of the baseline (each with its Apex share) and their ratio; when
 * the measure has a floor, its median time and ours / floor too. The same ratios of the times in the page (each
 * sample's time less its Apex wait) follow as inPage*: the Apex round trip is the same call for every variant, so it
 * adds the same time to each and pulls every ratio towards 1× by however long the server takes.
 */
export function summarize(measures) {
    return measures.map(({ name, ours, baseline, floor }) => {
        const row = {
            measure: name,
            oursMs: median(ours.map((sample) => sample.ms)),
            oursApexMs: median(ours.map((sample) => sample.apexMs)),
            baselineMs: median(baseline.map((sample) => sample.ms)),
            baselineApexMs: median(baseline.map((sample) => sample.apexMs)),
            runs: ours.length
        };
        row.ratio = row.oursMs / row.baselineMs;
        row.inPageOursMs = median(ours.map(inPage));
        row.inPageBaselineMs = median(baseline.map(inPage));
        row.inPageRatio = row.inPageOursMs / row.inPageBaselineMs;
        if (floor?.length) {
            row.floorMs = median(floor.map((sample) => sample.ms));
            row.floorApexMs = median(floor.map((sample) => sample.apexMs));
            row.floorRatio = row.oursMs / row.floorMs;
            row.inPageFloorMs = median(floor.map(inPage));
            row.inPageFloorRatio = row.inPageOursMs / row.inPageFloorMs;
        }
        return row;
    });
}

/** For each measure with an Apex call: its times in the page (Apex wait left out), and the ratios of those. */
export function formatInPage(rows) {
    return rows
        .filter((row) => row.oursApexMs > 0)
        .map(
            (row) =>
                `  ${row.measure}: ours ${ms(row.inPageOursMs)}, datatable ${ms(row.inPageBaselineMs)} ` +
                `(${row.inPageRatio.toFixed(2)}×)` +
                (row.inPageFloorMs === undefined
                    ? ''
                    : `, floor ${ms(row.inPageFloorMs)} (${row.inPageFloorRatio.toFixed(2)}×)`)
        )
        .join('\n');
}

const ms = (value) => `${value.toFixed(0)} ms`;

/** A plain-text table, aligned, for the terminal (and to paste into the README). */
export function formatTable(rows) {
    const header = ['measure', 'ours (Apex)', 'datatable (Apex)', 'ours / datatable', 'floor (Apex)', 'ours / floor'];
    const lines = rows.map((row) => [
        row.measure,
        `${ms(row.oursMs)} (${ms(row.oursApexMs)})`,
        `${ms(row.baselineMs)} (${ms(row.baselineApexMs)})`,
        `${row.ratio.toFixed(2)}×`,
        row.floorMs === undefined ? '–' : `${ms(row.floorMs)} (${ms(row.floorApexMs)})`,
        row.floorRatio === undefined ? '–' : `${row.floorRatio.toFixed(2)}×`
    ]);
    const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
    const format = (cells) =>
        `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
    const rule = `|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
    return [format(header), rule, ...lines.map(format)].join('\n');
}

/**
 * Each budget ({ measure, against: 'datatable' | 'floor', max }) checked against the row of its measure:
 * { ...budget, ratio, holds }. A budget whose measure is missing throws: a budget never checked must not pass.
 */
export function checkBudgets(rows, budgets) {
    return budgets.map((budget) => {
        const row = rows.find((r) => r.measure === budget.measure);
        const ratio = budget.against === 'floor' ? row?.floorRatio : row?.ratio;
        if (ratio === undefined) throw new Error(`no ${budget.against} figure for the budget on "${budget.measure}"`);
        return { ...budget, ratio, holds: ratio <= budget.max };
    });
}

/** One line per budget, "within budget" or "OVER BUDGET". */
export function formatBudgets(checked) {
    return checked
        .map(
            (b) =>
                `${b.holds ? '  within budget' : '! OVER BUDGET  '}  ${b.measure}: ${b.ratio.toFixed(2)}× the ` +
                `${b.against} (budget ≤ ${b.max}×)`
        )
        .join('\n');
}

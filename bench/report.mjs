// The bench's figures: medians of the runs, ours against the lightning-datatable baseline, as a table.

export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One row per measure: the median time of ours and of the baseline (each with its Apex share) and their ratio. */
export function summarize(measures) {
    return measures.map(({ name, ours, baseline }) => {
        const row = {
            measure: name,
            oursMs: median(ours.map((sample) => sample.ms)),
            oursApexMs: median(ours.map((sample) => sample.apexMs)),
            baselineMs: median(baseline.map((sample) => sample.ms)),
            baselineApexMs: median(baseline.map((sample) => sample.apexMs)),
            runs: ours.length
        };
        return { ...row, ratio: row.oursMs / row.baselineMs };
    });
}

const ms = (value) => `${value.toFixed(0)} ms`;

/** A plain-text table, aligned, for the terminal (and to paste into the README). */
export function formatTable(rows) {
    const header = ['measure', 'ours (Apex)', 'datatable (Apex)', 'ours / datatable'];
    const lines = rows.map((row) => [
        row.measure,
        `${ms(row.oursMs)} (${ms(row.oursApexMs)})`,
        `${ms(row.baselineMs)} (${ms(row.baselineApexMs)})`,
        `${row.ratio.toFixed(2)}×`
    ]);
    const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
    const format = (cells) =>
        `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
    const rule = `|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
    return [format(header), rule, ...lines.map(format)].join('\n');
}

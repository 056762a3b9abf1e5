/** The paging bar: which rows are shown, of how many, and whether there is a page before or after. */
import { formatNumber } from 'c/planHealth';

export interface PagingView {
    rangeLabel: string;
    hasPrevious: boolean;
    hasNext: boolean;
    pageLabel: string;
}

/**
 * Paging by keyset: the server says where the next page starts; the summary's total says whether there is one.
 * pageIndex counts from 0.
 */
export function pagingView(
    pageIndex: number,
    pageSize: number,
    rowsOnPage: number,
    total: number | null,
    hasNextCursor: boolean,
    locale?: string
): PagingView {
    const number = (n: number) => formatNumber(n, locale);
    const first = pageIndex * pageSize + 1;
    const last = pageIndex * pageSize + rowsOnPage;
    const knownTotal = typeof total === 'number' ? total : null;
    const hasNext = hasNextCursor && (knownTotal === null || last < knownTotal);
    const pages = knownTotal === null ? null : Math.max(1, Math.ceil(knownTotal / pageSize));
    return {
        rangeLabel:
            rowsOnPage === 0
                ? 'No opportunities'
                : `${number(first)}–${number(last)}${knownTotal === null ? '' : ` of ${number(knownTotal)}`}`,
        hasPrevious: pageIndex > 0,
        hasNext,
        pageLabel:
            pages === null ? `Page ${number(pageIndex + 1)}` : `Page ${number(pageIndex + 1)} of ${number(pages)}`
    };
}

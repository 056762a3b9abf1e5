/**
 * The figures above the table, over every deal the filters select, each with its "Show them": the filter that lists
 * exactly the deals a tile counts.
 */
import { formatNumber } from 'c/planHealth';
import { DEFAULT_FILTERS, withFilter } from './filters';
import type { Filters } from './filters';
import { plural, share } from './formatting';
import type { ReviewSummary } from './reviewRequest';
import { asCount } from './values';

/** A tile's "Show them": the filter that lists exactly the deals the tile counts. */
export type TileAction = 'active' | 'accepted' | 'offTrack' | 'late' | 'cannotLand' | 'gated' | '';

export interface SummaryTile {
    key: string;
    title: string;
    value: string;
    caption: string;
    /** What the tile counts, in a short sentence shown under the figure. */
    explanation: string;
    detail: string;
    valueClass: string;
    /** Amounts to show under the value (covered of total), when the server summed them. */
    hasAmounts: boolean;
    amount: number | null;
    totalAmount: number | null;
    action: TileAction;
    actionLabel: string;
    /** Read by screen readers on the action: which deals it lists. */
    actionHint: string;
}

export interface SummaryView {
    tiles: SummaryTile[];
    currencyCode: string;
    totalDeals: number;
    amountsNote: string;
}

/**
 * The filters after a tile's "Show them": the current filters narrowed to the tile's deals. The tiles count over
 * the current filters, so the narrowed list holds exactly the tile's count.
 */
export function filtersForTile(filters: Filters, action: TileAction): Filters {
    switch (action) {
        case 'active':
        case 'accepted':
            return withFilter(filters, 'plan', action);
        case 'late':
            return withFilter(filters, 'plan', 'landsLate');
        case 'cannotLand':
            return withFilter(filters, 'plan', 'cannotLand');
        case 'offTrack':
            return withFilter(filters, 'health', 'Off Track');
        case 'gated':
            return withFilter(filters, 'gatedWithoutPlan', true);
        default:
            return filters;
    }
}

/**
 * Whether a tile offers "Show them": it has deals, its filter is not already on, and applying it would not replace
 * another plan filter (which would list a different set than the tile counts).
 */
function offers(action: TileAction, count: number, filters: Filters): boolean {
    if (count <= 0 || action === '') {
        return false;
    }
    switch (action) {
        case 'active':
        case 'accepted':
        case 'late':
        case 'cannotLand':
            return filters.plan === '';
        case 'offTrack':
            return filters.health !== 'Off Track';
        case 'gated':
            return !filters.gatedWithoutPlan;
        default:
            return false;
    }
}

function tileAction(action: TileAction, title: string, count: number, filters: Filters, locale: string | undefined) {
    const offered = offers(action, count, filters);
    return {
        action: offered ? action : ('' as TileAction),
        actionLabel: offered ? 'Show them' : '',
        // The accessible name starts with the visible label ("Label in Name", WCAG 2.5.3) and says which tile.
        actionHint: offered ? `Show them, the ${plural(count, 'deal', undefined, locale)} counted by ${title}` : ''
    };
}

function coverageTile(
    key: TileAction,
    title: string,
    coverage: string,
    deals: number,
    covered: number,
    summary: ReviewSummary,
    coveredAmount: number | null | undefined,
    filters: Filters,
    locale: string | undefined
): SummaryTile {
    const amounts = summary.amountsAvailable && typeof summary.amount === 'number';
    const dealShare = share(covered, deals, locale);
    return {
        key,
        title,
        value: amounts ? share(coveredAmount, summary.amount, locale) : dealShare,
        caption: amounts ? 'of pipeline amount' : 'of deals',
        explanation: amounts ? `Pipeline amount on deals ${coverage}` : `Deals ${coverage}`,
        detail: `${formatNumber(covered, locale)} of ${plural(deals, 'deal', undefined, locale)}${amounts ? ` (${dealShare})` : ''}`,
        valueClass: '',
        hasAmounts: amounts,
        amount: amounts ? Number(coveredAmount) || 0 : null,
        totalAmount: amounts ? (summary.amount ?? 0) : null,
        ...tileAction(key, title, covered, filters, locale)
    };
}

function countTile(
    key: TileAction,
    title: string,
    value: number,
    deals: number,
    explanation: string,
    filters: Filters,
    locale: string | undefined
): SummaryTile {
    return {
        key,
        title,
        value: formatNumber(value, locale),
        caption: value === 1 ? 'deal' : 'deals',
        explanation,
        detail: `${share(value, deals, locale)} of deals`,
        valueClass: value > 0 ? 'slds-text-color_error' : '',
        hasAmounts: false,
        amount: null,
        totalAmount: null,
        ...tileAction(key, title, value, filters, locale)
    };
}

/**
 * The figures above the table, over every deal the filters select. Each tile says what it counts and offers
 * "Show them", the filter that lists exactly those deals (unless that filter is already on). `user`: the user's
 * locale (numbers) and currency (amounts, when the server names none).
 */
export function summaryView(
    summary: ReviewSummary | null | undefined,
    filters: Filters = DEFAULT_FILTERS,
    user: { locale?: string; currency?: string } = {}
): SummaryView | null {
    if (!summary) {
        return null;
    }
    const deals = asCount(summary.deals);
    return {
        tiles: [
            coverageTile(
                'active',
                'Covered by an active plan',
                'with an active plan',
                deals,
                asCount(summary.activePlanDeals),
                summary,
                summary.activePlanAmount,
                filters,
                user.locale
            ),
            coverageTile(
                'accepted',
                'Covered by a buyer-accepted plan',
                'whose buyer accepted the active plan',
                deals,
                asCount(summary.acceptedPlanDeals),
                summary,
                summary.acceptedPlanAmount,
                filters,
                user.locale
            ),
            countTile(
                'offTrack',
                'Off track',
                asCount(summary.offTrackDeals),
                deals,
                'Deals whose active plan is Off Track',
                filters,
                user.locale
            ),
            countTile(
                'late',
                'Plan lands after close date',
                asCount(summary.landsAfterCloseDeals),
                deals,
                'Active plans projecting their close after the close date',
                filters,
                user.locale
            ),
            countTile(
                'cannotLand',
                'Plan cannot land by close date',
                asCount(summary.cannotLandDeals),
                deals,
                'Active plans that, at the pace agreed, cannot finish by the close date',
                filters,
                user.locale
            ),
            countTile(
                'gated',
                'Gated stage, no active plan',
                asCount(summary.gatedWithoutPlanDeals),
                deals,
                'Deals in a stage that requires an active plan, without one',
                filters,
                user.locale
            )
        ],
        currencyCode: summary.currencyCode || user.currency || 'USD',
        totalDeals: deals,
        amountsNote:
            deals > 0 && !summary.amountsAvailable
                ? 'Too many deals to add up their amounts within platform limits: shares are of deals. Narrow the filters to see amounts.'
                : ''
    };
}

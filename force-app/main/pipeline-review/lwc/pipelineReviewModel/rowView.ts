/** One row per deal: every field the table shows, computed once when a page arrives. */
import { compareCloseDates, completionPercent, formatNumber, formatPercent, healthBadge } from 'c/planHealth';
import type { HealthBadge } from 'c/planHealth';
import { plural } from './formatting';
import type { ReviewRow } from './reviewRequest';
import { asCount } from './values';

export interface RowView {
    key: string;
    opportunityId: string;
    name: string;
    accountName: string;
    recordUrl: string;
    openLabel: string;
    ownerName: string;
    stageName: string;
    /** The stage requires a plan the deal does not have: a gate gap. */
    hasGateGap: boolean;
    gateText: string;
    amount: number | null;
    hasAmount: boolean;
    closeDate: string | null;
    planLabel: string;
    planTitle: string;
    planClass: string;
    badge: HealthBadge;
    hasPlan: boolean;
    completion: number;
    completionText: string;
    completionDetail: string;
    buyerCompletion: number;
    buyerCompletionText: string;
    buyerCompletionDetail: string;
    overdueText: string;
    overdueDetail: string;
    overdueClass: string;
    slipText: string;
    slipClass: string;
    acceptanceText: string;
    acceptanceIcon: string;
    acceptanceClass: string;
    projectedClose: string | null;
    /** Under Projected close when there is no date: no plan, or no milestone marks the close. */
    projectedNote: string;
    varianceText: string;
    varianceTitle: string;
    varianceClass: string;
    /** The earliest day the plan can land at the pace it agreed (Plan-implied close); null when it implies none. */
    impliedClose: string | null;
    /** Under Plan-implied close when there is no date: no plan, or no milestone marks the close. */
    impliedNote: string;
    /** Implied vs close date: the plan-implied close against the close date, worded as Early or late is. */
    impliedGapText: string;
    impliedGapTitle: string;
    impliedGapClass: string;
}

const NO_PLAN_BADGE: HealthBadge = {
    label: 'No plan',
    themeClass: 'slds-badge slds-badge_lightest',
    iconName: 'utility:ban',
    glyph: '\u2298',
    description: 'No mutual action plan yet'
};

/** Opens the opportunity record page (its plan workspace) in Lightning. */
export function recordUrl(opportunityId: string): string {
    return `/lightning/r/Opportunity/${encodeURIComponent(opportunityId)}/view`;
}

function gateOf(row: ReviewRow): { hasGateGap: boolean; gateText: string } {
    if (row.stageNeedsActivePlan && !row.hasActivePlan) {
        return {
            hasGateGap: true,
            gateText: row.stageNeedsAcceptedPlan
                ? 'This stage requires a buyer-accepted active plan; there is no active plan.'
                : 'This stage requires an active plan; there is none.'
        };
    }
    if (row.stageNeedsAcceptedPlan && !row.hasAcceptedPlan) {
        return { hasGateGap: true, gateText: 'This stage requires the buyer to accept the active plan.' };
    }
    return { hasGateGap: false, gateText: '' };
}

function planColumn(row: ReviewRow): { planLabel: string; planTitle: string; planClass: string } {
    if (!row.planId) {
        return { planLabel: 'No plan', planTitle: 'No mutual action plan', planClass: 'slds-text-color_weak' };
    }
    const status = row.planStatus || 'Draft';
    return {
        planLabel: status,
        planTitle: row.planName ? `${row.planName} (${status})` : status,
        planClass: status === 'Active' ? '' : 'slds-text-color_weak'
    };
}

function overdueColumn(
    row: ReviewRow,
    locale: string | undefined
): { overdueText: string; overdueDetail: string; overdueClass: string } {
    const overdue = asCount(row.overdueMilestoneCount);
    if (!row.planId) {
        return { overdueText: '—', overdueDetail: '', overdueClass: 'slds-text-color_weak' };
    }
    if (overdue === 0) {
        return { overdueText: 'None', overdueDetail: '', overdueClass: 'slds-text-color_weak' };
    }
    const buyer = asCount(row.buyerOverdueMilestoneCount);
    const days = asCount(row.daysOverdue);
    const details = [
        buyer > 0 ? `${formatNumber(buyer, locale)} on the buyer side` : '',
        days > 0 ? `oldest ${plural(days, 'day', undefined, locale)} late` : ''
    ]
        .filter(Boolean)
        .join(', ');
    return {
        overdueText: plural(overdue, 'milestone', undefined, locale),
        overdueDetail: details,
        overdueClass: 'slds-text-color_error'
    };
}

function slipColumn(row: ReviewRow, locale: string | undefined): { slipText: string; slipClass: string } {
    if (!row.planId) {
        return { slipText: '—', slipClass: 'slds-text-color_weak' };
    }
    const slip = asCount(row.totalSlipDays);
    return slip > 0
        ? { slipText: plural(slip, 'day', undefined, locale), slipClass: '' }
        : { slipText: 'None', slipClass: 'slds-text-color_weak' };
}

function acceptanceColumn(row: ReviewRow): { acceptanceText: string; acceptanceIcon: string; acceptanceClass: string } {
    if (!row.planId) {
        return { acceptanceText: '—', acceptanceIcon: '', acceptanceClass: 'slds-text-color_weak' };
    }
    if (row.buyerAccepted) {
        return {
            acceptanceText: 'Accepted',
            acceptanceIcon: 'utility:check',
            acceptanceClass: 'slds-text-color_success'
        };
    }
    if (row.acceptanceStatus === 'Lapsed') {
        // The buyer accepted an earlier version: the plan changed since, and the accepted-plan gate no longer counts it.
        return {
            acceptanceText: 'Lapsed',
            acceptanceIcon: 'utility:warning',
            acceptanceClass: 'slds-text-color_error'
        };
    }
    return { acceptanceText: 'Not yet', acceptanceIcon: '', acceptanceClass: 'slds-text-color_weak' };
}

const WEAK = 'slds-text-color_weak';

/** Days after the close date as a cell reads them: "3 days late" (in red), "2 days early", "On the close date". */
function closeGap(days: number | null | undefined, locale: string | undefined): { text: string; className: string } {
    if (days === null || days === undefined) return { text: '—', className: WEAK };
    if (days > 0) return { text: `${plural(days, 'day', undefined, locale)} late`, className: 'slds-text-color_error' };
    if (days < 0) return { text: `${plural(-days, 'day', undefined, locale)} early`, className: WEAK };
    return { text: 'On the close date', className: WEAK };
}

interface CloseColumns {
    projectedNote: string;
    varianceText: string;
    varianceTitle: string;
    varianceClass: string;
}

function closeColumn(row: ReviewRow, locale: string | undefined): CloseColumns {
    if (!row.planId) {
        return { projectedNote: '—', varianceText: '—', varianceTitle: 'No mutual action plan', varianceClass: WEAK };
    }
    const comparison = compareCloseDates(row.projectedCloseDate, row.closeDate, locale);
    const variance = comparison.varianceDays ?? (row.projectedCloseDate ? (row.closeDateVarianceDays ?? null) : null);
    const gap = closeGap(variance, locale);
    return {
        projectedNote: row.projectedCloseDate ? '' : 'No close milestone',
        varianceText: gap.text,
        varianceTitle: comparison.message,
        varianceClass: gap.className
    };
}

interface ImpliedColumns {
    impliedNote: string;
    impliedGapText: string;
    impliedGapTitle: string;
    impliedGapClass: string;
}

/** What Implied vs close date means for this row, said in full (the cell's hover text and screen-reader text). */
function impliedGapTitle(row: ReviewRow, days: number | null | undefined, locale: string | undefined): string {
    if (!row.impliedCloseDate) return 'No milestone marks the close yet, so the plan implies no close date.';
    if (days === null || days === undefined) return 'The opportunity has no close date to compare with.';
    if (days > 0) {
        return `At the pace agreed, the plan cannot land by the close date: ${plural(days, 'day', undefined, locale)} after it at the earliest.`;
    }
    if (days < 0) {
        return `At the pace agreed, the plan can land ${plural(-days, 'day', undefined, locale)} before the close date.`;
    }
    return 'At the pace agreed, the plan can land on the close date, with no day to spare.';
}

/**
 * Plan-implied close and Implied vs close date: the earliest day the close milestone can be done at the pace the plan
 * agreed, and its calendar days after the close date (the server's Implied_Close_Gap_Days__c, the value the column
 * sorts by). Late is what a manager acts on: the plan cannot land by the close date however its dates read.
 */
function impliedColumns(row: ReviewRow, locale: string | undefined): ImpliedColumns {
    if (!row.planId) {
        return {
            impliedNote: '—',
            impliedGapText: '—',
            impliedGapTitle: 'No mutual action plan',
            impliedGapClass: WEAK
        };
    }
    const days = row.impliedCloseDate ? row.impliedCloseGapDays : null;
    const gap = closeGap(days, locale);
    return {
        impliedNote: row.impliedCloseDate ? '' : 'No close milestone',
        impliedGapText: gap.text,
        impliedGapTitle: impliedGapTitle(row, days, locale),
        impliedGapClass: gap.className
    };
}

/** Every view field of a row, computed once when a page arrives; numbers in the user's `locale`. */
export function rowView(row: ReviewRow, locale?: string): RowView {
    const hasPlan = Boolean(row.planId);
    const done = asCount(row.completedMilestoneCount);
    const total = asCount(row.milestoneCount);
    const buyerDone = asCount(row.buyerCompletedMilestoneCount);
    const buyerTotal = asCount(row.buyerMilestoneCount);
    const completion = completionPercent(done, total);
    const buyerCompletion = completionPercent(buyerDone, buyerTotal);
    return {
        key: row.opportunityId,
        opportunityId: row.opportunityId,
        name: row.name,
        accountName: row.accountName ?? '',
        recordUrl: recordUrl(row.opportunityId),
        openLabel: `Open ${row.name} and its plan`,
        ownerName: row.ownerName ?? '',
        stageName: row.stageName ?? '',
        ...gateOf(row),
        amount: typeof row.amount === 'number' ? row.amount : null,
        hasAmount: typeof row.amount === 'number',
        closeDate: row.closeDate ?? null,
        ...planColumn(row),
        badge: hasPlan ? healthBadge(row.health ?? row.planStatus) : NO_PLAN_BADGE,
        hasPlan,
        completion,
        completionText: hasPlan ? formatPercent(completion, locale) : '—',
        completionDetail: hasPlan ? `${formatNumber(done, locale)} of ${formatNumber(total, locale)}` : '',
        buyerCompletion,
        buyerCompletionText: hasPlan ? (buyerTotal > 0 ? formatPercent(buyerCompletion, locale) : 'None owned') : '—',
        buyerCompletionDetail:
            hasPlan && buyerTotal > 0
                ? `${formatNumber(buyerDone, locale)} of ${formatNumber(buyerTotal, locale)}`
                : '',
        ...overdueColumn(row, locale),
        ...slipColumn(row, locale),
        ...acceptanceColumn(row),
        projectedClose: row.projectedCloseDate ?? null,
        ...closeColumn(row, locale),
        impliedClose: row.impliedCloseDate ?? null,
        ...impliedColumns(row, locale)
    };
}

export function rowViews(rows: readonly ReviewRow[] | null | undefined, locale?: string): RowView[] {
    return (rows ?? []).map((row) => rowView(row, locale));
}

/** The review grouped by rep: one row per rep with that rep's figures, and the way into each rep's deals. */
import { formatNumber } from 'c/planHealth';
import { share } from './formatting';
import type { ReviewRep } from './reviewRequest';
import type { ReviewState } from './reviewState';

export interface RepView {
    key: string;
    ownerId: string;
    name: string;
    deals: string;
    activeCoverage: string;
    acceptedCoverage: string;
    offTrack: string;
    slipped: string;
    stale: string;
    /** The accessible name of the drill-in button: which rep's deals it shows. */
    drillLabel: string;
    offTrackClass: string;
}

/** The review grouped by rep: "2 of 4 (50%)" coverage, counts, and the way into each rep's deals. */
export function repViews(reps: readonly ReviewRep[] | null | undefined, locale?: string): RepView[] {
    const number = (n: number) => formatNumber(n, locale);
    return (reps ?? []).map((rep) => {
        const name = rep.ownerName || 'Unknown user';
        const coverage = (part: number) =>
            `${number(part)} of ${number(rep.deals)} (${share(part, rep.deals, locale)})`;
        return {
            key: rep.ownerId,
            ownerId: rep.ownerId,
            name,
            deals: number(rep.deals),
            activeCoverage: coverage(rep.activePlanDeals),
            acceptedCoverage: coverage(rep.acceptedPlanDeals),
            offTrack: number(rep.offTrackDeals),
            slipped: number(rep.slippedDeals),
            stale: number(rep.staleDeals),
            drillLabel: `Show the deals of ${name}`,
            offTrackClass: rep.offTrackDeals > 0 ? 'slds-text-color_error' : ''
        };
    });
}

/** Drilling into one rep: back to the deals, filtered to that rep's. */
export function drillIntoRep(state: ReviewState, ownerId: string): ReviewState {
    return { ...state, groupBy: '', filters: { ...state.filters, ownerId } };
}

/**
 * The buyer page's view of the plan the server returns (BuyerPlanView.cls): what each milestone says to the buyer,
 * in their words, with no record Id shown. Pure functions, tested without the DOM.
 */

export interface BuyerMilestone {
    key: string;
    title: string;
    doneMeans?: string | null;
    side?: string | null;
    buyerOwner?: string | null;
    sellerOwner?: string | null;
    dueDate?: string | null;
    status?: string | null;
    marksClose?: boolean | null;
    mine?: boolean | null;
    confirmed?: boolean | null;
    canConfirm?: boolean | null;
}

export interface BuyerPhase {
    name: string;
    milestones: BuyerMilestone[];
}

export interface BuyerPlan {
    refusal?: string | null;
    notice?: string | null;
    planName?: string | null;
    accountName?: string | null;
    sellerName?: string | null;
    contactName?: string | null;
    sharedObjective?: string | null;
    targetDate?: string | null;
    anchorEvent?: string | null;
    status?: string | null;
    version?: number | null;
    changedSinceSent?: boolean | null;
    acceptanceStatus?: string | null;
    acceptedByName?: string | null;
    acceptedOn?: string | null;
    canAccept?: boolean | null;
    phases?: BuyerPhase[] | null;
}

export interface MilestoneRow extends BuyerMilestone {
    sideLabel: string;
    owners: string;
    statusLabel: string;
    statusClass: string;
    rowClass: string;
    confirmLabel: string;
}

export interface PhaseView {
    name: string;
    heading: string;
    rows: MilestoneRow[];
}

/** Who does a milestone, in one line: "Dana (you) with Jonah Clarke". */
export function owners(milestone: BuyerMilestone): string {
    const buyer = milestone.buyerOwner ? `${milestone.buyerOwner}${milestone.mine ? ' (you)' : ''}` : '';
    const seller = milestone.sellerOwner ?? '';
    if (milestone.side === 'Seller') {
        return seller || 'The seller';
    }
    if (milestone.side === 'Buyer') {
        return buyer || 'No owner named yet';
    }
    return [buyer, seller].filter(Boolean).join(' with ') || 'No owners named yet';
}

function statusOf(milestone: BuyerMilestone): { statusLabel: string; statusClass: string } {
    if (milestone.status === 'Complete') {
        return { statusLabel: 'Done', statusClass: 'slds-badge slds-theme_success' };
    }
    if (milestone.confirmed) {
        return { statusLabel: 'Confirmed by you, waiting on the seller', statusClass: 'slds-badge slds-theme_info' };
    }
    if (milestone.status === 'Skipped') {
        return { statusLabel: 'Not needed', statusClass: 'slds-badge' };
    }
    if (milestone.status === 'Blocked') {
        return { statusLabel: 'Blocked', statusClass: 'slds-badge slds-theme_warning' };
    }
    return {
        statusLabel: milestone.status === 'In Progress' ? 'In progress' : 'To do',
        statusClass: 'slds-badge slds-badge_lightest'
    };
}

/** The plan's phases with each milestone ready to show. */
export function phaseViews(plan: BuyerPlan | null | undefined): PhaseView[] {
    return (plan?.phases ?? []).map((phase) => {
        const rows = phase.milestones.map((milestone) => ({
            ...milestone,
            sideLabel: milestone.side === 'Buyer' ? 'Your team' : milestone.side === 'Seller' ? 'Seller' : 'Both teams',
            owners: owners(milestone),
            ...statusOf(milestone),
            rowClass: `milestone${milestone.mine ? ' milestone_mine' : ''}`,
            confirmLabel: `Confirm "${milestone.title}" done`
        }));
        const mine = rows.filter((row) => row.mine).length;
        return {
            name: phase.name,
            heading: mine ? `${phase.name} · ${mine === 1 ? '1 step' : `${mine} steps`} for you` : phase.name,
            rows
        };
    });
}

/** What the acceptance box says. */
export function acceptanceText(plan: BuyerPlan | null | undefined): string {
    if (!plan) {
        return '';
    }
    if (plan.acceptanceStatus === 'Accepted') {
        return `Accepted by ${plan.acceptedByName ?? 'your team'} (version ${plan.version ?? 1}).`;
    }
    if (plan.acceptanceStatus === 'Lapsed') {
        return (
            `${plan.acceptedByName ?? 'Your team'} accepted an earlier version. The plan has changed since: ` +
            `read version ${plan.version ?? 1} and accept it if it still works for you.`
        );
    }
    return 'Nobody on your team has accepted this plan yet.';
}

/** The name the buyer typed, checked as the server checks it; '' when it will do. */
export function nameError(name: string | null | undefined): string {
    const typed = (name ?? '').trim();
    if (!typed) {
        return 'Type your name to accept the plan.';
    }
    return typed.length > 120 ? 'Use at most 120 characters.' : '';
}

import { LightningElement, api } from 'lwc';
import { compareCloseDates, completionPercent, healthBadge } from 'c/planHealth';
import type { CloseDateComparison, HealthBadge } from 'c/planHealth';

/** The plan fields the header shows, as the workspace controller returns them. */
export interface PlanSummary {
    id: string;
    name: string;
    status: string;
    health?: string | null;
    sharedObjective?: string | null;
    targetDate?: string | null;
    anchorEvent?: string | null;
    buyerLeadName?: string | null;
    buyerAccepted?: boolean;
    buyerAcceptedByName?: string | null;
    buyerAcceptedOn?: string | null;
    milestoneCount?: number | null;
    completedMilestoneCount?: number | null;
    buyerMilestoneCount?: number | null;
    buyerCompletedMilestoneCount?: number | null;
    projectedCloseDate?: string | null;
    opportunityCloseDate?: string | null;
}

export default class PlanHeader extends LightningElement {
    /** The plan to summarise; the header renders nothing until it is set. */
    @api plan?: PlanSummary;

    get hasPlan(): boolean {
        return Boolean(this.plan);
    }

    get badge(): HealthBadge {
        return healthBadge(this.plan?.health ?? this.plan?.status);
    }

    get completion(): number {
        return completionPercent(this.plan?.completedMilestoneCount, this.plan?.milestoneCount);
    }

    get completionLabel(): string {
        return `${this.plan?.completedMilestoneCount ?? 0} of ${this.plan?.milestoneCount ?? 0} milestones complete`;
    }

    get buyerCompletion(): number {
        return completionPercent(this.plan?.buyerCompletedMilestoneCount, this.plan?.buyerMilestoneCount);
    }

    get buyerCompletionLabel(): string {
        return `${this.plan?.buyerCompletedMilestoneCount ?? 0} of ${this.plan?.buyerMilestoneCount ?? 0} buyer milestones complete`;
    }

    get closeComparison(): CloseDateComparison {
        return compareCloseDates(this.plan?.projectedCloseDate, this.plan?.opportunityCloseDate);
    }

    get closeDateClass(): string {
        return this.closeComparison.isLate ? 'slds-text-color_error' : '';
    }

    get objective(): string {
        return this.plan?.sharedObjective || 'No shared objective yet: agree with the buyer what success looks like.';
    }

    get acceptanceText(): string {
        if (!this.plan?.buyerAccepted) {
            return 'Not yet accepted by the buyer';
        }
        const who = this.plan.buyerAcceptedByName || 'the buyer';
        return `Accepted by ${who}`;
    }
}

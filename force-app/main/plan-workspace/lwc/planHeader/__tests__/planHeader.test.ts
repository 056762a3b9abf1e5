import { createElement } from 'lwc';
import PlanHeader from 'c/planHeader';
import type { PlanSummary } from 'c/planHeader';

const ACTIVE_PLAN: PlanSummary = {
    id: 'a01000000000001AAA',
    name: 'Acme rollout plan',
    status: 'Active',
    health: 'At Risk',
    sharedObjective: 'Cut onboarding time from 30 to 10 days by Q3',
    targetDate: '2026-03-31',
    anchorEvent: 'Board meeting on April 2',
    buyerLeadName: 'Dana Buyer',
    buyerAccepted: true,
    buyerAcceptedByName: 'Dana Buyer',
    buyerAcceptedOn: '2026-01-15T10:00:00.000Z',
    milestoneCount: 8,
    completedMilestoneCount: 2,
    buyerMilestoneCount: 4,
    buyerCompletedMilestoneCount: 1,
    projectedCloseDate: '2026-03-20',
    opportunityCloseDate: '2026-03-15'
};

function render(plan?: PlanSummary): HTMLElement & { plan?: PlanSummary } {
    const element = createElement('c-plan-header', { is: PlanHeader }) as HTMLElement & { plan?: PlanSummary };
    element.plan = plan;
    document.body.appendChild(element);
    return element;
}

function text(element: HTMLElement, dataId: string): string {
    return element.shadowRoot?.querySelector(`[data-id="${dataId}"]`)?.textContent?.trim() ?? '';
}

describe('c-plan-header', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('renders nothing until a plan is given', () => {
        const element = render(undefined);
        expect(element.shadowRoot?.querySelector('section')).toBeNull();
    });

    it('shows the plan name, objective, anchor event and buyer lead', () => {
        const element = render(ACTIVE_PLAN);
        expect(element.shadowRoot?.querySelector('.plan-name')?.textContent).toBe('Acme rollout plan');
        expect(element.shadowRoot?.querySelector('.plan-objective')?.textContent).toBe(ACTIVE_PLAN.sharedObjective);
        expect(text(element, 'anchor-event')).toBe('Board meeting on April 2');
        expect(text(element, 'buyer-lead')).toBe('Dana Buyer');
    });

    it('shows the health badge with its theme', () => {
        const element = render(ACTIVE_PLAN);
        const badge = element.shadowRoot?.querySelector('[data-id="health"]');
        expect(badge?.className).toContain('slds-theme_warning');
        expect(badge?.textContent).toContain('At Risk');
    });

    it('falls back to the status badge when health is blank', () => {
        const element = render({ ...ACTIVE_PLAN, status: 'Draft', health: null });
        expect(text(element, 'health')).toContain('Draft');
    });

    it('warns when the projected close lands after the opportunity close date', () => {
        const element = render(ACTIVE_PLAN);
        expect(text(element, 'close-message')).toBe("The plan closes 5 days after the opportunity's close date.");
        expect(element.shadowRoot?.querySelector('[data-id="projected-close"] .slds-text-color_error')).not.toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="projected-close"] lightning-icon')).not.toBeNull();
    });

    it('shows no warning when the plan closes before the close date', () => {
        const element = render({ ...ACTIVE_PLAN, projectedCloseDate: '2026-03-10' });
        expect(text(element, 'close-message')).toBe("The plan closes 5 days before the opportunity's close date.");
        expect(element.shadowRoot?.querySelector('[data-id="projected-close"] lightning-icon')).toBeNull();
    });

    it('reports completion for all milestones and for buyer milestones separately', () => {
        const element = render(ACTIVE_PLAN);
        const all = element.shadowRoot?.querySelector('[data-id="all-progress"]') as unknown as { value: number };
        const buyer = element.shadowRoot?.querySelector('[data-id="buyer-progress"]') as unknown as { value: number };
        expect(all.value).toBe(25);
        expect(buyer.value).toBe(25);
        expect(element.shadowRoot?.textContent).toContain('2 of 8 milestones complete');
        expect(element.shadowRoot?.textContent).toContain('1 of 4 buyer milestones complete');
    });

    it('says when the buyer has not accepted the plan', () => {
        const element = render({ ...ACTIVE_PLAN, buyerAccepted: false, buyerAcceptedOn: null });
        expect(text(element, 'acceptance')).toBe('Not yet accepted by the buyer');
    });

    it('invites the user to agree an objective when none is set', () => {
        const element = render({ ...ACTIVE_PLAN, sharedObjective: '' });
        expect(element.shadowRoot?.querySelector('.plan-objective')?.textContent).toContain('No shared objective yet');
    });

    it('is accessible', async () => {
        const element = render(ACTIVE_PLAN);
        await expect(element).toBeAccessible();
    });
});

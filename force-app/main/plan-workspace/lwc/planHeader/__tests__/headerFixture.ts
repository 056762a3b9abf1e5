import { createElement } from 'lwc';
import PlanHeader from 'c/planHeader';
import type { Contact, PlanErrors, PlanSummary } from 'c/planHeader';

// The header's test fixture: a plan, its buyer contacts, and how the tests render the header and read it.

export const ACTIVE_PLAN: PlanSummary = {
    id: 'a01000000000001AAA',
    name: 'Acme rollout plan',
    status: 'Active',
    health: 'At Risk',
    sharedObjective: 'Cut onboarding time from 30 to 10 days by Q3',
    targetDate: '2026-03-31',
    anchorEvent: 'Board meeting on April 2',
    buyerLeadId: '003A',
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

export type HeaderElement = HTMLElement & {
    plan?: PlanSummary;
    buyerContacts: Contact[];
    canEditPlan: boolean;
    canRecordAcceptance: boolean;
    busy: boolean;
    errors: PlanErrors | null;
    unsavedProjectedCloseDate: string | null;
    today: string | null;
    openMilestones: string[];
    overdueMilestones: string[];
    lateLanding: string | null;
    impliedClose: { text: string; isLate: boolean } | null;
    opportunityStage: string | null;
    acceptedPlanStages: string[];
};

export const CONTACTS: Contact[] = [
    { id: '003A', name: 'Dana Buyer', detail: 'Economic Buyer' },
    { id: '003B', name: 'Sam Security' }
];

export function renderWith(props: Partial<HeaderElement>): HeaderElement {
    const element = createElement('c-plan-header', { is: PlanHeader }) as HeaderElement;
    Object.assign(element, { plan: ACTIVE_PLAN, buyerContacts: CONTACTS, ...props });
    document.body.appendChild(element);
    return element;
}

export function listen(element: HTMLElement, ...types: string[]): { type: string; detail: unknown }[] {
    const events: { type: string; detail: unknown }[] = [];
    for (const type of types) {
        element.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
    }
    return events;
}

export const click = (element: HTMLElement, selector: string) =>
    (element.shadowRoot?.querySelector(selector) as HTMLElement).click();
export const flush = () => Promise.resolve();

export function render(plan?: PlanSummary): HTMLElement & { plan?: PlanSummary } {
    const element = createElement('c-plan-header', { is: PlanHeader }) as HTMLElement & { plan?: PlanSummary };
    element.plan = plan;
    document.body.appendChild(element);
    return element;
}

export function text(element: HTMLElement, dataId: string): string {
    return element.shadowRoot?.querySelector(`[data-id="${dataId}"]`)?.textContent?.trim() ?? '';
}

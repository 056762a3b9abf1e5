import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import PlanHeader from 'c/planHeader';

const header = createElement('c-plan-header', { is: PlanHeader });
header.plan = {
    id: 'a01',
    name: 'Acme rollout plan',
    status: 'Active',
    health: 'At Risk',
    sharedObjective: 'Cut onboarding time from 30 to 10 days by Q3, measured on the first 50 hires',
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
document.querySelector('#root').appendChild(header);

import { recordUrl, rowView, rowViews } from '../rowView';
import type { ReviewRow } from '../reviewRequest';
import { ACME, GLOBEX, HOOLI, INITECH, NBSP, PAGE, UMBRELLA } from './reviewFixture';

describe('rows', () => {
    it('links each opportunity to its record page', () => {
        expect(recordUrl('006Hs00001AcmeAAAA')).toBe('/lightning/r/Opportunity/006Hs00001AcmeAAAA/view');
        expect(rowView(ACME)).toMatchObject({
            key: ACME.opportunityId,
            name: 'Acme platform expansion',
            accountName: 'Acme Corporation',
            openLabel: 'Open Acme platform expansion and its plan',
            ownerName: 'Dana Rep',
            stageName: 'Negotiation/Review',
            amount: 120000,
            hasAmount: true,
            closeDate: '2026-03-31'
        });
    });

    it('shows an on-track, accepted plan that lands before the close date', () => {
        expect(rowView(ACME)).toMatchObject({
            hasGateGap: false,
            planLabel: 'Active',
            planTitle: 'Acme go-live plan (Active)',
            hasPlan: true,
            completion: 63,
            completionText: '63%',
            completionDetail: '5 of 8',
            buyerCompletion: 67,
            buyerCompletionText: '67%',
            buyerCompletionDetail: '2 of 3',
            overdueText: 'None',
            slipText: 'None',
            acceptanceText: 'Accepted',
            acceptanceClass: 'slds-text-color_success',
            projectedClose: '2026-03-25',
            projectedNote: '',
            varianceText: '6 days early',
            varianceTitle: "The plan closes 6 days before the opportunity's close date."
        });
        expect(rowView(ACME).badge.label).toBe('On Track');
    });

    it('flags an off-track plan: overdue buyer milestones, slip, and a projected close after the close date', () => {
        expect(rowView(GLOBEX)).toMatchObject({
            overdueText: '2 milestones',
            overdueDetail: '1 on the buyer side, oldest 9 days late',
            overdueClass: 'slds-text-color_error',
            slipText: '14 days',
            acceptanceText: 'Not yet',
            varianceText: '12 days late',
            varianceClass: 'slds-text-color_error'
        });
        expect(rowView(GLOBEX).badge.themeClass).toContain('slds-theme_error');
    });

    it('tells an acceptance that lapsed (the buyer accepted an earlier version) from one never given', () => {
        expect(rowView({ ...GLOBEX, buyerAccepted: false, acceptanceStatus: 'Lapsed' })).toMatchObject({
            acceptanceText: 'Lapsed',
            acceptanceClass: 'slds-text-color_error'
        });
        expect(rowView({ ...GLOBEX, buyerAccepted: false, acceptanceStatus: 'Not Accepted' })).toMatchObject({
            acceptanceText: 'Not yet',
            acceptanceClass: 'slds-text-color_weak'
        });
    });

    it('shows a draft plan as a draft, on the close date', () => {
        expect(rowView(INITECH)).toMatchObject({
            planLabel: 'Draft',
            planClass: 'slds-text-color_weak',
            completionText: '0%',
            varianceText: 'On the close date'
        });
        expect(rowView(INITECH).badge.label).toBe('Draft');
    });

    it('warns about a deal in a gated stage without an active plan', () => {
        expect(rowView(UMBRELLA)).toMatchObject({
            hasGateGap: true,
            gateText: 'This stage requires an active plan; there is none.',
            hasPlan: false,
            planLabel: 'No plan',
            hasAmount: false,
            amount: null,
            completionText: '—',
            buyerCompletionText: '—',
            overdueText: '—',
            slipText: '—',
            acceptanceText: '—',
            projectedNote: '—',
            varianceText: '—'
        });
        expect(rowView(UMBRELLA).badge.label).toBe('No plan');
    });

    it.each<[string, Partial<ReviewRow>, string]>([
        [
            'an accepted-plan stage without any active plan',
            { stageNeedsActivePlan: true, stageNeedsAcceptedPlan: true, hasActivePlan: false },
            'This stage requires a buyer-accepted active plan; there is no active plan.'
        ],
        [
            'an accepted-plan stage whose active plan the buyer has not accepted',
            { stageNeedsActivePlan: true, stageNeedsAcceptedPlan: true, hasActivePlan: true, hasAcceptedPlan: false },
            'This stage requires the buyer to accept the active plan.'
        ],
        ['an ungated stage', { stageNeedsActivePlan: false, stageNeedsAcceptedPlan: false }, '']
    ])('explains the gate for %s', (_label, flags, expected) => {
        expect(rowView({ ...ACME, ...flags }).gateText).toBe(expected);
    });

    it('says when the plan has no close milestone or the buyer owns no milestone', () => {
        expect(rowView(HOOLI)).toMatchObject({
            projectedClose: null,
            projectedNote: 'No close milestone',
            varianceText: '—',
            buyerCompletionText: 'None owned',
            buyerCompletionDetail: '',
            overdueText: '1 milestone',
            overdueDetail: 'oldest 2 days late',
            slipText: '6 days'
        });
    });

    it('uses the server variance when the opportunity has no close date to compare', () => {
        expect(rowView({ ...GLOBEX, closeDate: null }).varianceText).toBe('12 days late');
        expect(rowView({ ...GLOBEX, closeDate: null, closeDateVarianceDays: null }).varianceText).toBe('—');
    });

    it('shows when the plan can land at the pace agreed, and flags one that cannot land by the close date', () => {
        // Acme projects its close 6 days early, yet its pace implies a close 8 days after the close date.
        expect(rowView(ACME)).toMatchObject({
            impliedClose: '2026-04-08',
            impliedNote: '',
            impliedGapText: '8 days late',
            impliedGapClass: 'slds-text-color_error',
            impliedGapTitle:
                'At the pace agreed, the plan cannot land by the close date: 8 days after it at the earliest.'
        });
        expect(rowView({ ...ACME, impliedCloseGapDays: 1 }).impliedGapText).toBe('1 day late');
        expect(rowView(INITECH)).toMatchObject({
            impliedClose: '2026-04-10',
            impliedGapText: '5 days early',
            impliedGapClass: 'slds-text-color_weak',
            impliedGapTitle: 'At the pace agreed, the plan can land 5 days before the close date.'
        });
        expect(rowView({ ...INITECH, impliedCloseGapDays: 0 })).toMatchObject({
            impliedGapText: 'On the close date',
            impliedGapClass: 'slds-text-color_weak'
        });
    });

    it('shows no plan-implied close without a plan, a close milestone or a close date to compare', () => {
        expect(rowView(UMBRELLA)).toMatchObject({
            impliedClose: null,
            impliedNote: '—',
            impliedGapText: '—',
            impliedGapTitle: 'No mutual action plan'
        });
        expect(rowView(HOOLI)).toMatchObject({
            impliedClose: null,
            impliedNote: 'No close milestone',
            impliedGapText: '—',
            impliedGapClass: 'slds-text-color_weak'
        });
        expect(rowView({ ...GLOBEX, closeDate: null, impliedCloseGapDays: null })).toMatchObject({
            impliedClose: '2026-03-20',
            impliedGapText: '—',
            impliedGapTitle: 'The opportunity has no close date to compare with.'
        });
    });

    it('tolerates a row with nothing but its name', () => {
        const row = rowView({ opportunityId: '006Hs00001EmptyAAAA', name: 'Bare deal' });
        expect(row).toMatchObject({ accountName: '', ownerName: '', stageName: '', closeDate: null, hasPlan: false });
    });

    it('shows an active plan without a status as a draft, and a completed one as completed', () => {
        expect(rowView({ ...ACME, planStatus: null, planName: null }).planTitle).toBe('Draft');
        expect(rowView({ ...ACME, planStatus: 'Completed', health: 'Completed' }).badge.label).toBe('Completed');
    });

    it('maps a whole page, and nothing to nothing', () => {
        expect(rowViews(PAGE.rows)).toHaveLength(5);
        expect(rowViews(null)).toEqual([]);
    });
});

describe("in the user's locale", () => {
    it('groups thousands and writes shares as the user does (de-DE: "1.234", "63 %")', () => {
        expect(rowView(ACME, 'de-DE')).toMatchObject({
            completionText: `63${NBSP}%`,
            completionDetail: '5 of 8',
            varianceTitle: "The plan closes 6 days before the opportunity's close date."
        });
        expect(rowView({ ...GLOBEX, totalSlipDays: 1234 }, 'de-DE').slipText).toBe('1.234 days');
        expect(rowView({ ...GLOBEX, impliedCloseGapDays: 1234 }, 'de-DE').impliedGapText).toBe('1.234 days late');
    });
});

import {
    ACCEPTED_NEEDS_ACTIVE_MESSAGE,
    DAYS_MESSAGE,
    LOST_STAGE_MESSAGE,
    THRESHOLDS_KEY,
    buildRequest,
    draftFromView,
    fieldError,
    setThreshold,
    toggleGate,
    validateDraft
} from 'c/tandemSetupModel';
import type { Gate } from 'c/tandemSetupModel';
import type { ErrorReport as SaveErrors } from 'c/serverErrors';
import { VIEW, stage, PROPOSAL, NEGOTIATION, PROSPECTING, WON, LOST, withGate } from './setupFixture';

describe('validating before a save', () => {
    it('passes the view as it is saved', () => {
        expect(validateDraft(VIEW, draftFromView(VIEW))).toBeNull();
    });

    it.each<[string, string, Gate, string, string]>([
        [
            'a lost stage requiring an active plan',
            LOST,
            { active: true, accepted: false },
            'requiresActivePlan',
            LOST_STAGE_MESSAGE
        ],
        [
            'a lost stage requiring an accepted plan',
            LOST,
            { active: false, accepted: true },
            'requiresAcceptedPlan',
            LOST_STAGE_MESSAGE
        ],
        [
            'accepted without active',
            PROSPECTING,
            { active: false, accepted: true },
            'requiresAcceptedPlan',
            ACCEPTED_NEEDS_ACTIVE_MESSAGE
        ]
    ])('marks %s on its checkbox', (_name, apiName, gate, field, message) => {
        const errors = validateDraft(VIEW, withGate(draftFromView(VIEW), apiName, gate));
        expect(errors?.records[apiName].fieldErrors[field]).toEqual([message]);
        expect(errors?.pageErrors).toEqual([]);
        expect(errors?.message).toBe('Fix the marked fields, then save again.');
    });

    it('marks both checkboxes of a lost stage that requires both', () => {
        const errors = validateDraft(VIEW, withGate(draftFromView(VIEW), LOST, { active: true, accepted: true }));
        expect(errors?.records[LOST].fieldErrors).toEqual({
            requiresActivePlan: [LOST_STAGE_MESSAGE],
            requiresAcceptedPlan: [LOST_STAGE_MESSAGE]
        });
    });

    it('lets Closed Won be gated', () => {
        const draft = toggleGate(draftFromView(VIEW), WON, 'accepted', true);
        expect(validateDraft(VIEW, draft)).toBeNull();
    });

    it('marks each bad threshold under the thresholds key', () => {
        const draft = setThreshold(setThreshold(draftFromView(VIEW), 'stalePlanDays', '0'), 'offTrackOverdueDays', '2');
        const errors = validateDraft(VIEW, draft) as SaveErrors;
        expect(errors.records[THRESHOLDS_KEY].fieldErrors).toEqual({
            offTrackOverdueDays: ['Enter more days than At Risk overdue days (3), or leave it blank.'],
            stalePlanDays: [DAYS_MESSAGE]
        });
        expect(fieldError(errors, THRESHOLDS_KEY, 'stalePlanDays')).toBe(DAYS_MESSAGE);
        expect(fieldError(errors, THRESHOLDS_KEY, 'atRiskSlipDays')).toBe('');
        expect(fieldError(null, THRESHOLDS_KEY, 'atRiskSlipDays')).toBe('');
    });

    it('ignores draft gates of stages the view does not list', () => {
        const view = { ...VIEW, stages: [stage(PROPOSAL)] };
        expect(validateDraft(view, draftFromView(VIEW))).toBeNull();
        const draft = draftFromView(view);
        expect(validateDraft(VIEW, draft)).toBeNull();
    });
});

describe('the save request', () => {
    it('lists the gated stages in sales-process order and the thresholds as numbers, blank as null', () => {
        let draft = draftFromView(VIEW);
        draft = toggleGate(draft, WON, 'accepted', true);
        draft = toggleGate(draft, PROSPECTING, 'active', true);
        draft = setThreshold(draft, 'atRiskSlipDays', '');
        draft = setThreshold(draft, 'stalePlanDays', '21');
        expect(buildRequest(VIEW, draft)).toEqual({
            activePlanStages: [PROSPECTING, PROPOSAL, NEGOTIATION, WON],
            acceptedPlanStages: [NEGOTIATION, WON],
            milestoneGates: [
                {
                    stage: NEGOTIATION,
                    stepName: 'Enterprise_05_Security_Review',
                    message: 'Security signs off before we negotiate terms.'
                }
            ],
            thresholds: { atRiskOverdueDays: 3, offTrackOverdueDays: 10, atRiskSlipDays: null, stalePlanDays: 21 },
            planSize: { planSizeLimit: 20 },
            successPlans: { start: 'Offer', template: 'Customer_Success' },
            reminders: {
                dueSoonDays: 2,
                sellerRemindersOn: true,
                staleAlertsOn: true,
                buyerRemindersOn: true,
                managerDigestOn: false
            }
        });
    });

    it('never sends a lost stage, nor a stage the view does not list', () => {
        let draft = withGate(draftFromView(VIEW), LOST, { active: true, accepted: true });
        draft = withGate(draft, 'Contract Signed', { active: true, accepted: true });
        const request = buildRequest(VIEW, draft);
        expect(request.activePlanStages).toEqual([PROPOSAL, NEGOTIATION]);
        expect(request.acceptedPlanStages).toEqual([NEGOTIATION]);
    });

    it('sends nothing gated when every gate is off (the unknown gated stages are dropped)', () => {
        let draft = draftFromView(VIEW);
        draft = toggleGate(draft, PROPOSAL, 'active', false);
        draft = toggleGate(draft, NEGOTIATION, 'active', false);
        expect(buildRequest(VIEW, draft)).toMatchObject({ activePlanStages: [], acceptedPlanStages: [] });
    });

    it('refuses to build a request from a threshold it cannot read', () => {
        const draft = setThreshold(draftFromView(VIEW), 'stalePlanDays', '0');
        expect(() => buildRequest(VIEW, draft)).toThrow('stalePlanDays is not a whole number of days from 1 to 365');
    });
});

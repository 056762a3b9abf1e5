/** The setup page's view as the server sends it, its stages by name, and builders of drafts and changes. */
import type { Gate, SetupChange, SetupDraft, SetupStage, SetupView, ThresholdKey } from 'c/tandemSetupModel';

export const VIEW = jest.requireActual<SetupView>('./data/setupView.json');
export const stage = (apiName: string): SetupStage => VIEW.stages.find((s) => s.apiName === apiName) as SetupStage;
export const PROPOSAL = 'Proposal/Price Quote';
export const NEGOTIATION = 'Negotiation/Review';
export const PROSPECTING = 'Prospecting';
export const WON = 'Closed Won';
export const LOST = 'Closed Lost';

export function thresholds(values: Partial<Record<ThresholdKey, string>> = {}): Record<ThresholdKey, string> {
    return { atRiskOverdueDays: '', offTrackOverdueDays: '', atRiskSlipDays: '', stalePlanDays: '', ...values };
}

export function withGate(draft: SetupDraft, apiName: string, gate: Gate): SetupDraft {
    return { ...draft, gates: { ...draft.gates, [apiName]: gate } };
}

export function change(overrides: Partial<SetupChange> = {}): SetupChange {
    return { ...(VIEW.lastChange as SetupChange), ...overrides };
}

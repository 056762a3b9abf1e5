import {
    $,
    $$,
    VIEW,
    click,
    lastRequest,
    mockGetSetup,
    mockSaveSetup,
    render as renderSetup,
    reported,
    resetSetupTests,
    serverError,
    settle,
    text
} from './setupHarness';
import type { Control } from './setupHarness';
import { createElement } from 'lwc';
import TandemSetup from 'c/tandemSetup';
import type { SetupChange, SetupView } from 'c/tandemSetupModel';

const PROPOSAL = 'Proposal/Price Quote';
const NEGOTIATION = 'Negotiation/Review';
const PROSPECTING = 'Prospecting';
const LOST = 'Closed Lost';

function change(overrides: Partial<SetupChange>): SetupChange {
    return { ...(VIEW.lastChange as SetupChange), ...overrides };
}

function withChange(overrides: Partial<SetupChange>, view: SetupView = VIEW): SetupView {
    return { ...view, lastChange: change(overrides) };
}

const render = (view: SetupView = VIEW) => renderSetup(view, 'lightning-input[data-threshold]');

/** The message shown under a threshold input, or undefined if none was ever reported. */
function validityOf(element: HTMLElement, key: string): string | undefined {
    return reported.get(threshold(element, key));
}

function checkbox(element: HTMLElement, stage: string, gate: 'active' | 'accepted'): HTMLInputElement {
    return $(element, `input[data-stage="${stage}"][data-gate="${gate}"]`) as HTMLInputElement;
}

function threshold(element: HTMLElement, key: string): Control {
    return $(element, `lightning-input[data-threshold="${key}"]`) as Control;
}

async function type(element: HTMLElement, key: string, value: string): Promise<void> {
    threshold(element, key).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await settle();
}

function button(element: HTMLElement, id: string): HTMLElement & { disabled: boolean; label: string } {
    return $(element, `lightning-button[data-id="${id}"]`) as HTMLElement & { disabled: boolean; label: string };
}

describe('c-tandem-setup', () => {
    afterEach(() => {
        resetSetupTests();
        jest.useRealTimers();
    });

    describe('loading', () => {
        it('lists the active stages in sales-process order with their counts', async () => {
            const element = await render();

            expect(mockGetSetup).toHaveBeenCalledTimes(1);
            const rows = $$(element, 'tbody tr[data-stage]');
            expect(rows.map((row) => row.dataset.stage)).toEqual(VIEW.stages.map((stage) => stage.apiName));
            const proposal = $(element, `tr[data-stage="${PROPOSAL}"]`) as HTMLElement;
            expect(text(proposal.querySelector('[data-col="openDeals"]'))).toBe('6');
            expect(text(proposal.querySelector('[data-col="noActive"]'))).toBe('2');
            expect(text(proposal.querySelector('[data-col="noAccepted"]'))).toBe('4');
        });

        it('checks the gates in force', async () => {
            const element = await render();

            expect(checkbox(element, PROPOSAL, 'active').checked).toBe(true);
            expect(checkbox(element, PROPOSAL, 'accepted').checked).toBe(false);
            expect(checkbox(element, NEGOTIATION, 'active').checked).toBe(true);
            expect(checkbox(element, NEGOTIATION, 'accepted').checked).toBe(true);
            expect(checkbox(element, PROSPECTING, 'active').checked).toBe(false);
        });

        it('says plainly that the deals already in a gated stage keep working', async () => {
            const element = await render();

            expect(text($(element, `tr[data-gap="${PROPOSAL}"]`))).toBe(
                '2 open deals here have no active plan; they can stay in this stage and be edited, but a deal moving forward into it will need a plan.'
            );
            expect(text($(element, `tr[data-gap="${NEGOTIATION}"]`))).toContain(
                '2 open deals here have no buyer-accepted plan'
            );
            expect($(element, `tr[data-gap="${PROSPECTING}"]`)).toBeNull();
        });

        it('disables a lost stage and says why', async () => {
            const element = await render();

            expect(checkbox(element, LOST, 'active').disabled).toBe(true);
            expect(checkbox(element, LOST, 'accepted').disabled).toBe(true);
            expect(text($(element, `tr[data-stage="${LOST}"] [data-id="lost-note"]`))).toBe(
                'Never gated: a lost deal can always be recorded'
            );
            expect(checkbox(element, 'Closed Won', 'active').disabled).toBe(false);
        });

        it('shows the thresholds in force, blank when off, each with help', async () => {
            const element = await render();

            expect(threshold(element, 'atRiskOverdueDays').value).toBe('3');
            expect(threshold(element, 'offTrackOverdueDays').value).toBe('10');
            expect(threshold(element, 'stalePlanDays').value).toBe('');
            expect(
                (threshold(element, 'stalePlanDays') as unknown as { fieldLevelHelp: string }).fieldLevelHelp
            ).toMatch(/blank to turn this check off/);
        });

        it('warns about gated stage names no active stage has', async () => {
            const element = await render();

            expect(text($(element, '[data-id="warnings"]'))).toBe(
                'Contract Signed is gated but no active stage has that name; saving removes it.'
            );
        });

        it('shows the last change: status, summary, who and when', async () => {
            const element = await render();

            expect(text($(element, '[data-id="change-status"]'))).toBe('Succeeded');
            expect($(element, '[data-id="change-status"]')?.className).toContain('slds-theme_success');
            expect(text($(element, '[data-id="change-summary"]'))).toBe(VIEW.lastChange?.summary);
            expect(text($(element, '[data-id="change-who"]'))).toContain('Requested by Preview Admin');
            expect($(element, '[data-id="change-details"]')).toBeNull();
        });

        it('shows the details of a failed change', async () => {
            const element = await render(withChange({ status: 'Failed', details: 'Stage_Order__c: too long' }));

            expect(text($(element, '[data-id="change-details"]'))).toBe('Stage_Order__c: too long');
            expect($(element, '[data-id="change-status"]')?.className).toContain('slds-theme_error');
        });

        it('shows no last change before the first save', async () => {
            const element = await render({ ...VIEW, lastChange: null });
            expect($(element, '[data-id="change"]')).toBeNull();
        });

        it('says what failed and offers to try again', async () => {
            mockGetSetup.mockRejectedValueOnce({ body: { message: 'Server unavailable' } });
            const element = createElement('c-tandem-setup', { is: TandemSetup });
            document.body.appendChild(element);
            await settle();

            expect(text($(element, '[data-id="load-errors"]'))).toContain('Server unavailable');
            expect($(element, 'table')).toBeNull();

            mockGetSetup.mockResolvedValueOnce(VIEW);
            await click(button(element, 'retry'));
            expect($(element, '[data-id="load-errors"]')).toBeNull();
            expect($$(element, 'tbody tr[data-stage]')).toHaveLength(VIEW.stages.length);
        });
    });

    describe('read-only without the Tandem Admin permission set', () => {
        it('disables everything, hides Save and names the permission set', async () => {
            const element = await render({ ...VIEW, canConfigure: false });

            expect(text($(element, '[data-id="read-only"]'))).toContain('Tandem Admin permission set');
            expect($$(element, 'input[type="checkbox"]').every((input) => (input as HTMLInputElement).disabled)).toBe(
                true
            );
            expect(threshold(element, 'atRiskOverdueDays').disabled).toBe(true);
            expect(button(element, 'save')).toBeNull();
            expect(button(element, 'discard')).toBeNull();
        });
    });

    describe('coupled checkboxes', () => {
        it('checks "active" with "accepted"', async () => {
            const element = await render();

            await click(checkbox(element, PROSPECTING, 'accepted'));

            expect(checkbox(element, PROSPECTING, 'accepted').checked).toBe(true);
            expect(checkbox(element, PROSPECTING, 'active').checked).toBe(true);
            expect(text($(element, `tr[data-gap="${PROSPECTING}"]`))).toContain(
                '5 open deals here have no buyer-accepted plan'
            );
        });

        it('unchecks "accepted" with "active"', async () => {
            const element = await render();

            await click(checkbox(element, NEGOTIATION, 'active'));

            expect(checkbox(element, NEGOTIATION, 'active').checked).toBe(false);
            expect(checkbox(element, NEGOTIATION, 'accepted').checked).toBe(false);
            expect($(element, `tr[data-gap="${NEGOTIATION}"]`)).toBeNull();
        });

        it('enables Discard once something changed, and discards back to what is saved', async () => {
            const element = await render();
            expect(button(element, 'discard').disabled).toBe(true);

            await click(checkbox(element, PROSPECTING, 'active'));
            expect(button(element, 'discard').disabled).toBe(false);

            await click(button(element, 'discard'));
            expect(checkbox(element, PROSPECTING, 'active').checked).toBe(false);
            expect(button(element, 'discard').disabled).toBe(true);
        });
    });

    describe('thresholds', () => {
        it('puts the message under a bad value as it is typed, and removes it once fixed', async () => {
            const element = await render();

            await type(element, 'stalePlanDays', '0');
            expect(validityOf(element, 'stalePlanDays')).toBe(
                'Enter a whole number of days from 1 to 365, or leave it blank to turn this check off.'
            );
            expect($(element, '[data-id="errors"]')).toBeNull();

            await type(element, 'stalePlanDays', '21');
            expect(validityOf(element, 'stalePlanDays')).toBe('');
        });

        it('asks for off-track overdue days beyond at-risk ones', async () => {
            const element = await render();

            await type(element, 'offTrackOverdueDays', '2');

            expect(validityOf(element, 'offTrackOverdueDays')).toBe(
                'Enter more days than At Risk overdue days (3), or leave it blank.'
            );
        });

        it('does not save a bad value, and says so', async () => {
            const element = await render();
            await type(element, 'atRiskSlipDays', '400');

            await click(button(element, 'save'));

            expect(mockSaveSetup).not.toHaveBeenCalled();
            expect(text($(element, '[data-id="errors"]'))).toBe('Fix the marked fields, then save again.');
        });
    });

    describe('saving', () => {
        it('sends the gates in order and the thresholds, then says it is deploying', async () => {
            const element = await render();
            mockSaveSetup.mockResolvedValue(withChange({ status: 'Queued', completedOn: null }));
            await click(checkbox(element, PROSPECTING, 'active'));
            await type(element, 'stalePlanDays', '21');

            await click(button(element, 'save'));

            expect(lastRequest()).toEqual({
                activePlanStages: [PROSPECTING, PROPOSAL, NEGOTIATION],
                acceptedPlanStages: [NEGOTIATION],
                milestoneGates: [
                    {
                        stage: NEGOTIATION,
                        stepName: 'Enterprise_05_Security_Review',
                        message: 'Security signs off before we negotiate terms.'
                    }
                ],
                thresholds: { atRiskOverdueDays: 3, offTrackOverdueDays: 10, atRiskSlipDays: 14, stalePlanDays: 21 },
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
            expect(text($(element, '[data-id="outcome"]'))).toBe('Saving: Salesforce is deploying the change...');
            expect(text($(element, '[data-id="change-status"]'))).toBe('Queued');
            expect(button(element, 'save').disabled).toBe(true);
        });

        it('polls after 1 s, 2 s, ... until the change succeeded, then says what is gated', async () => {
            jest.useFakeTimers();
            const element = await render();
            const queued = withChange({ status: 'Queued', completedOn: null });
            mockSaveSetup.mockResolvedValue(queued);
            await click(button(element, 'save'));
            mockGetSetup.mockClear();
            mockGetSetup.mockResolvedValueOnce(queued).mockResolvedValueOnce(VIEW);

            jest.advanceTimersByTime(999);
            await settle();
            expect(mockGetSetup).not.toHaveBeenCalled();
            jest.advanceTimersByTime(1);
            await settle();
            expect(mockGetSetup).toHaveBeenCalledTimes(1);
            expect(text($(element, '[data-id="outcome"]'))).toBe('Saving: Salesforce is deploying the change...');

            jest.advanceTimersByTime(2000);
            await settle();
            expect(mockGetSetup).toHaveBeenCalledTimes(2);
            expect(text($(element, '[data-id="outcome"]'))).toBe(
                'Saved: the gates are on for Proposal/Price Quote (active plan), Negotiation/Review (accepted plan); 1 milestone gate is on.'
            );
            expect(text($(element, '[data-id="change-status"]'))).toBe('Succeeded');
            expect(button(element, 'save').disabled).toBe(false);

            jest.advanceTimersByTime(60_000);
            await settle();
            expect(mockGetSetup).toHaveBeenCalledTimes(2);
        });

        it('shows a failed deployment with its details', async () => {
            jest.useFakeTimers();
            const element = await render();
            mockSaveSetup.mockResolvedValue(withChange({ status: 'Queued' }));
            await click(button(element, 'save'));
            mockGetSetup.mockResolvedValue(withChange({ status: 'Failed', details: 'Cannot deploy: locked' }));

            jest.advanceTimersByTime(1000);
            await settle();

            expect(text($(element, '[data-id="outcome"]'))).toContain('Not saved');
            expect(text($(element, '[data-id="change-details"]'))).toBe('Cannot deploy: locked');
        });

        it('keeps asking after a failed check, and gives up after about 30 s', async () => {
            jest.useFakeTimers();
            const element = await render();
            const queued = withChange({ status: 'Queued' });
            mockSaveSetup.mockResolvedValue(queued);
            await click(button(element, 'save'));
            mockGetSetup.mockClear();
            mockGetSetup.mockRejectedValueOnce(new Error('network')).mockResolvedValue(queued);

            // One poll after another: each waits for the previous answer before its timer is set.
            await [1000, 2000, 4000, 8000, 15_000].reduce(
                (previous, delay) =>
                    previous.then(() => {
                        jest.advanceTimersByTime(delay);
                        return settle();
                    }),
                Promise.resolve()
            );

            expect(mockGetSetup).toHaveBeenCalledTimes(5);
            expect(text($(element, '[data-id="outcome"]'))).toBe(
                'Salesforce is still deploying the change. This page stopped checking: reload it in a minute to see the result.'
            );
            expect(button(element, 'save').disabled).toBe(false);
        });

        it('follows a change still deploying when the page opens', async () => {
            jest.useFakeTimers();
            const element = await render(withChange({ status: 'Queued' }));
            expect(text($(element, '[data-id="outcome"]'))).toBe('Saving: Salesforce is deploying the change...');
            mockGetSetup.mockResolvedValue(VIEW);

            jest.advanceTimersByTime(1000);
            await settle();

            expect(text($(element, '[data-id="outcome"]'))).toContain('Saved: the gates are on for');
        });

        it('keeps unsaved edits made while the change deploys', async () => {
            jest.useFakeTimers();
            const element = await render();
            mockSaveSetup.mockResolvedValue(withChange({ status: 'Queued' }));
            await click(button(element, 'save'));
            await click(checkbox(element, PROSPECTING, 'active'));
            mockGetSetup.mockResolvedValue(VIEW);

            jest.advanceTimersByTime(1000);
            await settle();

            expect(checkbox(element, PROSPECTING, 'active').checked).toBe(true);
            expect(button(element, 'discard').disabled).toBe(false);
        });

        it('stops polling when the page is left', async () => {
            jest.useFakeTimers();
            const element = await render();
            mockSaveSetup.mockResolvedValue(withChange({ status: 'Queued' }));
            await click(button(element, 'save'));
            mockGetSetup.mockClear();

            document.body.removeChild(element);
            jest.advanceTimersByTime(60_000);
            await settle();

            expect(mockGetSetup).not.toHaveBeenCalled();
        });

        it("puts the server's errors next to the stage, the threshold, and the rest on top", async () => {
            const element = await render();
            mockSaveSetup.mockRejectedValue(
                serverError({
                    message: 'The setup was not saved.',
                    pageErrors: ['The stage order does not fit in 255 characters.'],
                    recordErrors: [
                        { key: PROPOSAL, messages: [], fieldErrors: { requiresActivePlan: ['Not this stage.'] } },
                        { key: 'thresholds', messages: [], fieldErrors: { atRiskSlipDays: ['Too many days.'] } }
                    ]
                })
            );

            await click(button(element, 'save'));

            expect(text($(element, '[data-id="errors"]'))).toBe(
                'The setup was not saved. The stage order does not fit in 255 characters.'
            );
            const cell = $(element, `tr[data-stage="${PROPOSAL}"] [data-col="active"]`) as HTMLElement;
            expect(cell.querySelector('.slds-has-error')).not.toBeNull();
            expect(text(cell.querySelector('.slds-form-element__help'))).toBe('Not this stage.');
            expect(validityOf(element, 'atRiskSlipDays')).toBe('Too many days.');
            expect(checkbox(element, PROPOSAL, 'active').checked).toBe(true);
            expect(button(element, 'save').disabled).toBe(false);
        });

        it("clears a stage's error once it is changed", async () => {
            const element = await render();
            mockSaveSetup.mockRejectedValue(
                serverError({
                    message: 'The setup was not saved.',
                    pageErrors: [],
                    recordErrors: [{ key: PROPOSAL, messages: [], fieldErrors: { requiresActivePlan: ['No.'] } }]
                })
            );
            await click(button(element, 'save'));
            expect($(element, '.slds-has-error')).not.toBeNull();

            await click(checkbox(element, PROPOSAL, 'active'));

            expect($(element, '.slds-has-error')).toBeNull();
            expect($(element, '[data-id="errors"]')).toBeNull();
        });

        it('shows a plain error message on top', async () => {
            const element = await render();
            mockSaveSetup.mockRejectedValue({
                body: { message: 'You do not have permission to change Tandem Setup.' }
            });

            await click(button(element, 'save'));

            expect(text($(element, '[data-id="errors"]'))).toBe(
                'The setup was not saved. You do not have permission to change Tandem Setup.'
            );
        });
    });

    describe('accessibility', () => {
        it('is accessible with gates, warnings and the last change', async () => {
            const element = await render();
            await expect(element).toBeAccessible();
        });

        it('is accessible read-only with a failed change', async () => {
            const element = await render({
                ...withChange({ status: 'Failed', details: 'Boom' }),
                canConfigure: false
            });
            await expect(element).toBeAccessible();
        });

        it('is accessible with errors on a checkbox', async () => {
            const element = await render();
            mockSaveSetup.mockRejectedValue(
                serverError({
                    message: 'The setup was not saved.',
                    pageErrors: ['Nope.'],
                    recordErrors: [{ key: PROPOSAL, messages: [], fieldErrors: { requiresActivePlan: ['No.'] } }]
                })
            );
            await click(button(element, 'save'));
            await expect(element).toBeAccessible();
        });
    });
});

import {
    emptySuccessStartForm,
    firstFieldInError,
    isSuccessPlan,
    planTypeLabel,
    setSuccessStartField,
    successOwnerOptions,
    successStartErrorView,
    successStartRequest,
    validateSuccessStart
} from '../successStart';
import { planChoices } from '../pickerOptions';
import { normalizeWorkspace } from '../workspaceTypes';
import type { SaveErrors } from '../saveErrors';
import type { SuccessStart } from '../workspaceTypes';

const OFFER: SuccessStart = {
    templates: [
        { label: 'Customer Success', value: 'Customer_Success' },
        { label: 'Enterprise Onboarding', value: 'Enterprise_Onboarding' }
    ],
    defaultTemplate: 'Enterprise_Onboarding',
    owners: [
        { id: '005A', name: 'Priya Shah', detail: 'Account owner' },
        { id: '005B', name: 'Alex Seller', detail: 'You' },
        { id: '005C', name: 'Jo Success' }
    ],
    defaultOwnerId: '005A'
};

describe('the hand-off to a success plan', () => {
    describe('the form', () => {
        it('starts from the default template and owner, with no target date', () => {
            expect(emptySuccessStartForm(OFFER)).toEqual({
                templateName: 'Enterprise_Onboarding',
                successOwnerId: '005A',
                targetDate: null
            });
        });

        it('falls back to the first template, and to no owner when the default is not offered', () => {
            expect(emptySuccessStartForm({ ...OFFER, defaultTemplate: 'Gone', defaultOwnerId: '005Z' })).toEqual({
                templateName: 'Customer_Success',
                successOwnerId: null,
                targetDate: null
            });
            expect(emptySuccessStartForm(null)).toEqual({
                templateName: null,
                successOwnerId: null,
                targetDate: null
            });
        });

        it('sets one field at a time; a blank value is none', () => {
            const form = emptySuccessStartForm(OFFER);
            expect(setSuccessStartField(form, 'targetDate', '2026-06-30')).toEqual({
                ...form,
                targetDate: '2026-06-30'
            });
            expect(setSuccessStartField(form, 'successOwnerId', '')).toEqual({ ...form, successOwnerId: null });
            expect(form.targetDate).toBeNull();
        });

        it('offers each owner as "Name (detail)"', () => {
            expect(successOwnerOptions(OFFER)).toEqual([
                { label: 'Priya Shah (Account owner)', value: '005A' },
                { label: 'Alex Seller (You)', value: '005B' },
                { label: 'Jo Success', value: '005C' }
            ]);
            expect(successOwnerOptions(null)).toEqual([]);
        });
    });

    describe('the checks before the server is asked', () => {
        const form = emptySuccessStartForm(OFFER);

        it('passes a complete form, with or without a target date after today', () => {
            expect(validateSuccessStart(form, '2026-03-02')).toEqual({});
            expect(validateSuccessStart({ ...form, targetDate: '2026-03-03' }, '2026-03-02')).toEqual({});
        });

        it('asks for a target date after today', () => {
            expect(validateSuccessStart({ ...form, targetDate: '2026-03-02' }, '2026-03-02')).toEqual({
                targetDate: 'Choose a target date after today.'
            });
            expect(validateSuccessStart({ ...form, targetDate: '2025-12-31' }, '2026-03-02').targetDate).toBe(
                'Choose a target date after today.'
            );
            expect(validateSuccessStart({ ...form, targetDate: 'soon' }, '2026-03-02').targetDate).toBe(
                'Enter the target date as a date.'
            );
        });

        it('asks for a template and an owner, and names the first field to fix', () => {
            const errors = validateSuccessStart(
                { templateName: null, successOwnerId: null, targetDate: '2026-01-01' },
                '2026-03-02'
            );
            expect(errors).toEqual({
                templateName: 'Choose a success template.',
                successOwnerId: 'Choose who owns the success plan.',
                targetDate: 'Choose a target date after today.'
            });
            expect(firstFieldInError(errors)).toBe('templateName');
            expect(firstFieldInError({ targetDate: 'x' })).toBe('targetDate');
            expect(firstFieldInError({})).toBeNull();
        });

        it('sends what the user chose', () => {
            expect(successStartRequest({ ...form, targetDate: '2026-06-30' })).toEqual({
                templateName: 'Enterprise_Onboarding',
                successOwnerId: '005A',
                targetDate: '2026-06-30'
            });
        });
    });

    describe("the server's refusals", () => {
        const refusal = (report: Partial<SaveErrors>): SaveErrors => ({
            message: 'The success plan was not started.',
            pageErrors: [],
            records: {},
            ...report
        });

        it('puts field errors next to their fields, and its own checks first', () => {
            const view = successStartErrorView(
                { targetDate: 'Choose a target date after today.' },
                refusal({
                    records: {
                        successStart: {
                            messages: [],
                            fieldErrors: {
                                successOwnerId: ['Choose an active user to own the success plan.'],
                                targetDate: ['Choose a target date after today.']
                            }
                        }
                    }
                })
            );
            expect(view.fields).toEqual({
                successOwnerId: 'Choose an active user to own the success plan.',
                targetDate: 'Choose a target date after today.'
            });
            expect(view.messages).toEqual([]);
            expect(view.summary).toBe('The success plan was not started.');
        });

        it('says page errors, and errors of fields the form does not show, at the top', () => {
            const view = successStartErrorView(
                {},
                refusal({
                    pageErrors: ['This deal already has a success plan.'],
                    records: {
                        successStart: { messages: ['Not now.'], fieldErrors: { name: ['Too long.'] } },
                        plan: { messages: ['The plan is locked.'], fieldErrors: {} }
                    }
                })
            );
            expect(view.fields).toEqual({});
            expect(view.messages).toEqual([
                'This deal already has a success plan.',
                'Not now.',
                'Too long.',
                'The plan is locked.'
            ]);
        });

        it('has no summary before the server refused', () => {
            expect(successStartErrorView({ templateName: 'Choose a success template.' }, null)).toEqual({
                fields: { templateName: 'Choose a success template.' },
                messages: [],
                summary: null
            });
        });
    });

    describe("a plan's type", () => {
        it('reads a Success plan as one, and any other plan as a close plan', () => {
            expect(planTypeLabel({ planType: 'Success' })).toBe('Success plan');
            expect(planTypeLabel({ planType: 'Close' })).toBe('Close plan');
            expect(planTypeLabel({ planType: null })).toBe('Close plan');
            expect(planTypeLabel(null)).toBe('Close plan');
            expect(isSuccessPlan({ planType: 'Success' })).toBe(true);
            expect(isSuccessPlan(undefined)).toBe(false);
        });

        it('labels each plan of the switcher with its type', () => {
            const labels = planChoices(
                [
                    {
                        id: 'a1',
                        name: 'Acme success plan',
                        status: 'Draft',
                        planType: 'Success',
                        startedOn: '2026-03-02',
                        milestoneCount: 5,
                        completedMilestoneCount: 0,
                        isCurrent: true,
                        isShown: true
                    },
                    { id: 'a2', name: 'Acme close plan', status: 'Completed', isCurrent: false, isShown: false }
                ],
                'en-US'
            ).map((option) => option.label);
            expect(labels).toEqual([
                'Acme success plan: Draft (current plan), started Mar 2, 2026, Success plan, 0 of 5 milestones done',
                'Acme close plan: Completed, Close plan'
            ]);
        });

        it('counts a plan the server sent without a type as a close plan', () => {
            const workspace = normalizeWorkspace({
                opportunity: { id: '006', name: 'Deal' },
                plan: { id: 'a1', name: 'Plan', status: 'Active' },
                plans: [{ id: 'a1', name: 'Plan', status: 'Active', isCurrent: true, isShown: true }]
            });
            expect(workspace.plan?.planType).toBe('Close');
            expect(workspace.plans[0].planType).toBe('Close');
        });
    });
});

import {
    LOST_NOTE,
    OUTCOME_CLASSES,
    POLL_BUDGET_MS,
    SAVING_TEXT,
    STILL_DEPLOYING_TEXT,
    THRESHOLDS_KEY,
    alertMessages,
    describeChange,
    draftFromView,
    gapText,
    isQueued,
    nextPollDelay,
    saveOutcome,
    savedText,
    stageRows,
    toggleGate,
    unknownStageWarnings
} from 'c/tandemSetupModel';
import type { Gate, MilestoneGate, SetupChange, SetupStage, SetupView } from 'c/tandemSetupModel';
import type { ErrorReport as SaveErrors } from 'c/serverErrors';
import { VIEW, stage, PROPOSAL, NEGOTIATION, PROSPECTING, WON, LOST, withGate, change } from './setupFixture';

describe('stage rows', () => {
    const rows = stageRows(VIEW, draftFromView(VIEW), null, false);
    const row = (apiName: string) => rows.find((r) => r.apiName === apiName);

    it('lists every stage in the order of the view', () => {
        expect(rows.map((r) => r.apiName)).toEqual(VIEW.stages.map((s) => s.apiName));
        expect(new Set(rows.map((r) => r.activeId)).size).toBe(rows.length);
    });

    it.each([
        [PROSPECTING, { active: false, accepted: false, activeDisabled: false, kindLabel: '', lostNote: '' }],
        [PROPOSAL, { active: true, accepted: false, activeDisabled: false, kindLabel: '' }],
        [NEGOTIATION, { active: true, accepted: true, acceptedDisabled: false }],
        [WON, { active: false, activeDisabled: false, kindLabel: 'Won', lostNote: '', isLost: false }],
        [
            LOST,
            {
                active: false,
                activeDisabled: true,
                acceptedDisabled: true,
                kindLabel: 'Lost',
                lostNote: LOST_NOTE,
                isLost: true
            }
        ]
    ])('%s', (apiName, expected) => {
        expect(row(apiName)).toMatchObject(expected);
    });

    it('names each checkbox for a screen reader and ties a lost stage to its note', () => {
        expect(row(PROPOSAL)).toMatchObject({
            activeLabel: 'Require an active plan for Proposal/Price Quote',
            acceptedLabel: 'Require a buyer-accepted plan for Proposal/Price Quote',
            activeDescribedBy: undefined,
            acceptedDescribedBy: undefined
        });
        const lost = row(LOST);
        expect(lost?.activeDescribedBy).toBe(lost?.lostNoteId);
        expect(lost?.acceptedDescribedBy).toBe(lost?.lostNoteId);
        expect(lost?.rowClass).toContain('setup-lost');
    });

    it('shows the open deals and those without each plan', () => {
        expect(row(PROPOSAL)).toMatchObject({
            openDeals: '6',
            openWithoutActivePlan: '2',
            openWithoutAcceptedPlan: '4'
        });
    });

    it("writes the counts as the user's locale does, thousands grouped (de-DE: 1.234)", () => {
        const big = {
            ...stage(PROPOSAL),
            openDeals: 12345,
            openWithoutActivePlan: 1234,
            openWithoutAcceptedPlan: 2345
        };
        const [r] = stageRows({ ...VIEW, stages: [big] }, draftFromView(VIEW), null, false, 'de-DE');
        expect(r).toMatchObject({
            openDeals: '12.345',
            openWithoutActivePlan: '1.234',
            openWithoutAcceptedPlan: '2.345'
        });
        expect(r.gapText).toMatch(/^1\.234 open deals here have no active plan;/);
        expect(stageRows({ ...VIEW, stages: [big] }, draftFromView(VIEW), null, false, 'en-US')[0].openDeals).toBe(
            '12,345'
        );
    });

    it('disables every checkbox when read-only', () => {
        const readOnly = stageRows(VIEW, draftFromView(VIEW), null, true);
        expect(readOnly.every((r) => r.activeDisabled && r.acceptedDisabled)).toBe(true);
        expect(readOnly.find((r) => r.apiName === PROPOSAL)?.active).toBe(true);
    });

    it('puts an error on its checkbox, described by its message', () => {
        const errors: SaveErrors = {
            message: 'x',
            pageErrors: [],
            records: { [PROPOSAL]: { messages: [], fieldErrors: { requiresAcceptedPlan: ['No, not here.'] } } }
        };
        const r = stageRows(VIEW, draftFromView(VIEW), errors, false).find((x) => x.apiName === PROPOSAL);
        expect(r).toMatchObject({
            acceptedError: 'No, not here.',
            acceptedClass: 'slds-form-element slds-has-error',
            acceptedDescribedBy: r?.acceptedHelpId,
            activeError: '',
            activeClass: 'slds-form-element',
            activeDescribedBy: undefined
        });
    });

    it('shows the draft, not the view, and a lost stage never checked', () => {
        let draft = toggleGate(draftFromView(VIEW), PROSPECTING, 'accepted', true);
        draft = withGate(draft, LOST, { active: true, accepted: true });
        const r = stageRows(VIEW, draft, null, false);
        expect(r.find((x) => x.apiName === PROSPECTING)).toMatchObject({ active: true, accepted: true });
        expect(r.find((x) => x.apiName === LOST)).toMatchObject({ active: false, accepted: false });
    });

    it('falls back to the API name for a stage without a label, and to no gate for a stage the draft lacks', () => {
        const view = { ...VIEW, stages: [{ ...stage(PROPOSAL), label: '' }] };
        const [r] = stageRows(view, { ...draftFromView(view), gates: {} }, null, false);
        expect(r).toMatchObject({ label: PROPOSAL, active: false, accepted: false, gapText: '' });
    });
});

describe('the sentence about deals already in a gated stage', () => {
    const base = stage(PROPOSAL); // 6 open, 2 without an active plan, 4 without an accepted one
    it.each<[string, Partial<SetupStage>, Gate, string]>([
        ['ungated', {}, { active: false, accepted: false }, ''],
        [
            'active plan, several',
            {},
            { active: true, accepted: false },
            '2 open deals here have no active plan; they can stay in this stage and be edited, but a deal moving forward into it will need a plan.'
        ],
        [
            'active plan, one',
            { openWithoutActivePlan: 1 },
            { active: true, accepted: false },
            '1 open deal here has no active plan; it can stay in this stage and be edited, but a deal moving forward into it will need a plan.'
        ],
        [
            'accepted plan, several',
            {},
            { active: true, accepted: true },
            '4 open deals here have no buyer-accepted plan; they can stay in this stage and be edited, but a deal moving forward into it will need an accepted plan.'
        ],
        [
            'accepted plan, one',
            { openWithoutAcceptedPlan: 1 },
            { active: true, accepted: true },
            '1 open deal here has no buyer-accepted plan; it can stay in this stage and be edited, but a deal moving forward into it will need an accepted plan.'
        ],
        ['every deal has the plan', { openWithoutActivePlan: 0 }, { active: true, accepted: false }, ''],
        ['a lost stage', { canGate: false }, { active: true, accepted: false }, '']
    ])('%s', (_name, overrides, gate, text) => {
        expect(gapText({ ...base, ...overrides }, gate)).toBe(text);
    });
});

describe('unknown gated stages', () => {
    it.each<[string[], string[]]>([
        [[], []],
        [['Contract Signed'], ['Contract Signed is gated but no active stage has that name; saving removes it.']],
        [
            ['A', 'B'],
            [
                'A is gated but no active stage has that name; saving removes it.',
                'B is gated but no active stage has that name; saving removes it.'
            ]
        ]
    ])('%p', (names, warnings) => {
        expect(unknownStageWarnings({ ...VIEW, unknownGatedStages: names })).toEqual(warnings);
    });

    it('reads a missing list as none', () => {
        expect(unknownStageWarnings({ ...VIEW, unknownGatedStages: undefined as unknown as string[] })).toEqual([]);
    });
});

describe('the error alert', () => {
    const errors = (records: SaveErrors['records'], pageErrors: string[] = []): SaveErrors => ({
        message: 'The setup was not saved.',
        pageErrors,
        records
    });

    it.each<[string, SaveErrors | null, string[]]>([
        ['no errors', null, []],
        ['page errors', errors({}, ['You do not have permission.']), ['You do not have permission.']],
        [
            'field errors of a stage the page shows stay on the checkbox',
            errors({ [PROPOSAL]: { messages: [], fieldErrors: { requiresActivePlan: ['x'] } } }),
            []
        ],
        [
            'field errors of the thresholds stay on their fields',
            errors({ [THRESHOLDS_KEY]: { messages: [], fieldErrors: { stalePlanDays: ['x'] } } }),
            []
        ],
        [
            'a record message goes to the alert',
            errors({ [PROPOSAL]: { messages: ['Stage changed meanwhile.'], fieldErrors: {} } }),
            ['Stage changed meanwhile.']
        ],
        [
            'a field the page has no control for goes to the alert',
            errors({ [THRESHOLDS_KEY]: { messages: [], fieldErrors: { somethingElse: ['Odd field.'] } } }),
            ['Odd field.']
        ],
        [
            'a stage the page does not list goes to the alert',
            errors({ 'Contract Signed': { messages: [], fieldErrors: { requiresActivePlan: ['Unknown stage.'] } } }),
            ['Unknown stage.']
        ],
        ['the same message once', errors({}, ['Twice.', 'Twice.']), ['Twice.']]
    ])('%s', (_name, given, expected) => {
        expect(alertMessages(given, VIEW)).toEqual(expected);
    });

    it('puts every field error in the alert when there is no view to place it on', () => {
        const given = errors({ [THRESHOLDS_KEY]: { messages: [], fieldErrors: { stalePlanDays: ['x'] } } });
        expect(alertMessages(given, null)).toEqual(['x']);
    });
});

describe('the last change', () => {
    it('is absent before the first save', () => {
        expect(describeChange(null)).toBeNull();
    });

    it.each<[SetupChange['status'], string, boolean, boolean]>([
        ['Queued', 'slds-badge slds-theme_warning', true, false],
        ['Succeeded', 'slds-badge slds-theme_success', false, false],
        ['Failed', 'slds-badge slds-theme_error', false, true]
    ])('%s', (status, badgeClass, queued, hasDetails) => {
        const view = describeChange(change({ status, details: status === 'Failed' ? ' Deploy error ' : null }));
        expect(view).toMatchObject({
            name: 'SC-00011',
            status,
            badgeClass,
            isQueued: queued,
            hasDetails,
            summary: VIEW.lastChange?.summary,
            requestedBy: 'Requested by Preview Admin',
            requestedOn: '2026-02-27T16:05:00.000Z',
            details: hasDetails ? 'Deploy error' : ''
        });
    });

    it('says so when a failure came without details', () => {
        expect(describeChange(change({ status: 'Failed', details: null }))?.details).toBe(
            'Salesforce gave no details.'
        );
    });

    it.each<[string, SetupView | null, boolean]>([
        ['no view', null, false],
        ['no change', { ...VIEW, lastChange: null }, false],
        ['queued', { ...VIEW, lastChange: change({ status: 'Queued' }) }, true],
        ['succeeded', VIEW, false]
    ])('is still deploying: %s', (_name, view, queued) => {
        expect(isQueued(view)).toBe(queued);
    });
});

describe('the outcome of a save', () => {
    it.each<[string, SetupView, boolean, string, string]>([
        ['queued', { ...VIEW, lastChange: change({ status: 'Queued' }) }, false, 'info', SAVING_TEXT],
        [
            'queued, polling gave up',
            { ...VIEW, lastChange: change({ status: 'Queued' }) },
            true,
            'warning',
            STILL_DEPLOYING_TEXT
        ],
        [
            'succeeded',
            VIEW,
            false,
            'success',
            'Saved: the gates are on for Proposal/Price Quote (active plan), Negotiation/Review (accepted plan); 1 milestone gate is on.'
        ],
        [
            'failed',
            { ...VIEW, lastChange: change({ status: 'Failed' }) },
            false,
            'error',
            'Not saved: Salesforce could not deploy the change. See the details below.'
        ]
    ])('%s', (_name, view, gaveUp, tone, text) => {
        expect(saveOutcome(view, gaveUp)).toEqual({ tone, text });
        expect(OUTCOME_CLASSES[tone as keyof typeof OUTCOME_CLASSES]).toContain('slds-notify_alert');
    });

    it('says when no stage is gated', () => {
        const view = {
            ...VIEW,
            stages: VIEW.stages.map((s) => ({ ...s, requiresActivePlan: false, requiresAcceptedPlan: false })),
            milestoneGates: []
        };
        expect(savedText(view)).toBe('Saved: no stage is gated, so deals move between stages freely.');
    });

    it('counts the milestone gates, with or without stage gates', () => {
        const ungated = VIEW.stages.map((s) => ({ ...s, requiresActivePlan: false, requiresAcceptedPlan: false }));
        const gate = VIEW.milestoneGates?.[0] as MilestoneGate;
        const two = [gate, { ...gate, stepName: 'Enterprise_10_Signature', stepTitle: 'Signature' }];
        expect(savedText({ ...VIEW, stages: ungated })).toBe('Saved: no stage needs a plan; 1 milestone gate is on.');
        expect(savedText({ ...VIEW, milestoneGates: two })).toBe(
            'Saved: the gates are on for Proposal/Price Quote (active plan), Negotiation/Review (accepted plan); 2 milestone gates are on.'
        );
        expect(savedText({ ...VIEW, stages: ungated, milestoneGates: [{ ...gate, stage: 'Contract Signed' }] })).toBe(
            'Saved: no stage is gated, so deals move between stages freely.'
        );
    });
});

describe('polling for the deployment', () => {
    it.each<[number, number, number | null]>([
        [0, 0, 1000],
        [1, 1000, 2000],
        [2, 3000, 4000],
        [3, 7000, 8000],
        [4, 15_000, 15_000],
        [5, 30_000, null],
        [6, 40_000, null],
        [-1, 0, null]
    ])('poll %p after %p ms waits %p ms', (attempt, waited, delay) => {
        expect(nextPollDelay(attempt, waited)).toBe(delay);
    });

    it('stops within the budget of about 30 seconds', () => {
        let waited = 0;
        const delays: number[] = [];
        for (let attempt = 0; ; attempt++) {
            const delay = nextPollDelay(attempt, waited);
            if (delay === null) break;
            delays.push(delay);
            waited += delay;
        }
        expect(delays).toEqual([1000, 2000, 4000, 8000, 15_000]);
        expect(waited).toBe(POLL_BUDGET_MS);
    });
});

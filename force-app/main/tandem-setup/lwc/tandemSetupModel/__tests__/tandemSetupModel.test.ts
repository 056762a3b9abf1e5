import {
    ACCEPTED_NEEDS_ACTIVE_MESSAGE,
    DAYS_MESSAGE,
    LOST_NOTE,
    LOST_STAGE_MESSAGE,
    OUTCOME_CLASSES,
    POLL_BUDGET_MS,
    SAVING_TEXT,
    STILL_DEPLOYING_TEXT,
    THRESHOLDS_KEY,
    THRESHOLD_FIELDS,
    THRESHOLD_KEYS,
    alertMessages,
    buildRequest,
    describeChange,
    draftFromView,
    fieldError,
    gapText,
    isDirty,
    isQueued,
    nextPollDelay,
    parseDays,
    saveOutcome,
    savedText,
    setThreshold,
    stageRows,
    thresholdMessages,
    toggleGate,
    unknownStageWarnings,
    validateDraft
} from 'c/tandemSetupModel';
import type { Gate, GateKind, SetupChange, SetupDraft, SetupStage, SetupView, ThresholdKey } from 'c/tandemSetupModel';
import type { ErrorReport as SaveErrors } from 'c/serverErrors';

const VIEW = jest.requireActual<SetupView>('./data/setupView.json');
const stage = (apiName: string): SetupStage => VIEW.stages.find((s) => s.apiName === apiName) as SetupStage;
const PROPOSAL = 'Proposal/Price Quote';
const NEGOTIATION = 'Negotiation/Review';
const PROSPECTING = 'Prospecting';
const WON = 'Closed Won';
const LOST = 'Closed Lost';

function thresholds(values: Partial<Record<ThresholdKey, string>> = {}): Record<ThresholdKey, string> {
    return { atRiskOverdueDays: '', offTrackOverdueDays: '', atRiskSlipDays: '', stalePlanDays: '', ...values };
}

function withGate(draft: SetupDraft, apiName: string, gate: Gate): SetupDraft {
    return { ...draft, gates: { ...draft.gates, [apiName]: gate } };
}

function change(overrides: Partial<SetupChange> = {}): SetupChange {
    return { ...(VIEW.lastChange as SetupChange), ...overrides };
}

describe('the draft', () => {
    it('starts from the gates and thresholds in force, thresholds as text and blank when off', () => {
        const draft = draftFromView(VIEW);
        expect(draft.gates[PROPOSAL]).toEqual({ active: true, accepted: false });
        expect(draft.gates[NEGOTIATION]).toEqual({ active: true, accepted: true });
        expect(draft.gates[PROSPECTING]).toEqual({ active: false, accepted: false });
        expect(draft.gates[LOST]).toEqual({ active: false, accepted: false });
        expect(draft.thresholds).toEqual(
            thresholds({ atRiskOverdueDays: '3', offTrackOverdueDays: '10', atRiskSlipDays: '14' })
        );
    });

    it.each([
        [
            'accepted without active is read as both',
            { requiresActivePlan: false, requiresAcceptedPlan: true },
            true,
            true
        ],
        ['a lost stage marked gated is read as ungated', { canGate: false, requiresActivePlan: true }, false, false]
    ])('normalises what it cannot show: %s', (_name, overrides, active, accepted) => {
        const view = { ...VIEW, stages: [{ ...stage(PROPOSAL), ...overrides }] };
        expect(draftFromView(view).gates[PROPOSAL]).toEqual({ active, accepted });
    });

    it('reads missing thresholds as off', () => {
        const view = { ...VIEW, thresholds: {} as SetupView['thresholds'] };
        expect(draftFromView(view).thresholds).toEqual(thresholds());
    });
});

describe('coupling the two checkboxes', () => {
    // [from active, from accepted] -> checkbox, checked -> [active, accepted]
    it.each<[string, Gate, GateKind, boolean, Gate]>([
        [
            'checking accepted checks active',
            { active: false, accepted: false },
            'accepted',
            true,
            { active: true, accepted: true }
        ],
        [
            'checking accepted keeps active',
            { active: true, accepted: false },
            'accepted',
            true,
            { active: true, accepted: true }
        ],
        [
            'unchecking accepted keeps active',
            { active: true, accepted: true },
            'accepted',
            false,
            { active: true, accepted: false }
        ],
        [
            'unchecking active unchecks accepted',
            { active: true, accepted: true },
            'active',
            false,
            { active: false, accepted: false }
        ],
        [
            'unchecking active alone',
            { active: true, accepted: false },
            'active',
            false,
            { active: false, accepted: false }
        ],
        [
            'checking active leaves accepted off',
            { active: false, accepted: false },
            'active',
            true,
            { active: true, accepted: false }
        ]
    ])('%s', (_name, from, kind, checked, to) => {
        const draft = withGate(draftFromView(VIEW), PROSPECTING, from);
        const next = toggleGate(draft, PROSPECTING, kind, checked);
        expect(next.gates[PROSPECTING]).toEqual(to);
        expect(draft.gates[PROSPECTING]).toEqual(from);
    });

    it.each<[string, string, GateKind, boolean]>([
        ['a stage the view does not have', 'Contract Signed', 'active', true],
        ['a change that changes nothing', PROPOSAL, 'active', true]
    ])('returns the same draft for %s', (_name, apiName, kind, checked) => {
        const draft = draftFromView(VIEW);
        expect(toggleGate(draft, apiName, kind, checked)).toBe(draft);
    });
});

describe('thresholds', () => {
    it.each<[string, number | null]>([
        ['', null],
        ['   ', null],
        ['1', 1],
        [' 30 ', 30],
        ['365', 365],
        ['007', 7],
        ['0', Number.NaN],
        ['366', Number.NaN],
        ['-3', Number.NaN],
        ['2.5', Number.NaN],
        ['1e2', Number.NaN],
        ['ten', Number.NaN]
    ])('reads %p as %p', (text, days) => {
        expect(parseDays(text)).toEqual(days);
    });

    it.each<[string, Partial<Record<ThresholdKey, string>>, Partial<Record<ThresholdKey, string>>]>([
        ['all blank: every check off', {}, {}],
        [
            'whole days in range',
            { atRiskOverdueDays: '3', offTrackOverdueDays: '10', atRiskSlipDays: '1', stalePlanDays: '365' },
            {}
        ],
        ['zero', { stalePlanDays: '0' }, { stalePlanDays: DAYS_MESSAGE }],
        ['over a year', { atRiskSlipDays: '400' }, { atRiskSlipDays: DAYS_MESSAGE }],
        ['a fraction', { atRiskOverdueDays: '1.5' }, { atRiskOverdueDays: DAYS_MESSAGE }],
        [
            'off track equal to at risk',
            { atRiskOverdueDays: '5', offTrackOverdueDays: '5' },
            { offTrackOverdueDays: 'Enter more days than At Risk overdue days (5), or leave it blank.' }
        ],
        [
            'off track before at risk',
            { atRiskOverdueDays: '7', offTrackOverdueDays: '3' },
            { offTrackOverdueDays: 'Enter more days than At Risk overdue days (7), or leave it blank.' }
        ],
        ['off track alone', { offTrackOverdueDays: '3' }, {}],
        ['at risk alone', { atRiskOverdueDays: '30' }, {}],
        [
            'at risk invalid: off track is not compared with it',
            { atRiskOverdueDays: '0', offTrackOverdueDays: '3' },
            { atRiskOverdueDays: DAYS_MESSAGE }
        ]
    ])('%s', (_name, values, expected) => {
        expect(thresholdMessages(thresholds(values))).toEqual({ ...thresholds(), ...expected });
    });

    it('keeps the typed text trimmed, and the same draft when nothing changed', () => {
        const draft = draftFromView(VIEW);
        const next = setThreshold(draft, 'stalePlanDays', ' 21 ');
        expect(next.thresholds.stalePlanDays).toBe('21');
        expect(setThreshold(next, 'stalePlanDays', '21')).toBe(next);
        expect(setThreshold(draft, 'stalePlanDays', null).thresholds.stalePlanDays).toBe('');
    });

    it('ignores a field that is not a threshold', () => {
        const draft = draftFromView(VIEW);
        expect(setThreshold(draft, 'nonsense' as ThresholdKey, '3')).toBe(draft);
    });

    it('describes each threshold, with help that says blank turns it off', () => {
        expect(THRESHOLD_FIELDS.map((field) => field.key)).toEqual([
            'atRiskOverdueDays',
            'offTrackOverdueDays',
            'atRiskSlipDays',
            'stalePlanDays'
        ]);
        for (const field of THRESHOLD_FIELDS) {
            expect(field.label).not.toBe('');
            expect(field.help).toMatch(/blank to turn this check off/);
        }
    });
});

describe('changes not saved', () => {
    it.each<[string, (draft: SetupDraft) => SetupDraft, boolean]>([
        ['nothing changed', (d) => d, false],
        ['a gate turned on', (d) => toggleGate(d, PROSPECTING, 'active', true), true],
        ['a gate turned off', (d) => toggleGate(d, PROPOSAL, 'active', false), true],
        ['accepted turned off', (d) => toggleGate(d, NEGOTIATION, 'accepted', false), true],
        ['a threshold changed', (d) => setThreshold(d, 'atRiskOverdueDays', '4'), true],
        ['a threshold cleared', (d) => setThreshold(d, 'atRiskSlipDays', ''), true],
        ['a change undone', (d) => toggleGate(toggleGate(d, WON, 'active', true), WON, 'active', false), false]
    ])('%s: %p', (_name, edit, dirty) => {
        expect(isDirty(VIEW, edit(draftFromView(VIEW)))).toBe(dirty);
    });

    it('counts a draft without a stage of the view as changed', () => {
        const draft = draftFromView(VIEW);
        const { [PROSPECTING]: _dropped, ...gates } = draft.gates;
        expect(_dropped).toBeDefined();
        expect(isDirty(VIEW, { ...draft, gates })).toBe(true);
    });
});

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
            thresholds: { atRiskOverdueDays: 3, offTrackOverdueDays: 10, atRiskSlipDays: null, stalePlanDays: 21 }
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
        const [r] = stageRows(view, { gates: {}, thresholds: thresholds() }, null, false);
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
            'Saved: the gates are on for Proposal/Price Quote (active plan), Negotiation/Review (accepted plan).'
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
            stages: VIEW.stages.map((s) => ({ ...s, requiresActivePlan: false, requiresAcceptedPlan: false }))
        };
        expect(savedText(view)).toBe('Saved: no stage is gated, so deals move between stages freely.');
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

it('names every threshold key once', () => {
    expect(new Set(THRESHOLD_KEYS).size).toBe(4);
});

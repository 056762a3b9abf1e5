import {
    CHOOSE_STAGE_MESSAGE,
    CHOOSE_STEP_MESSAGE,
    CHOOSE_TEMPLATE_MESSAGE,
    DUPLICATE_GATE_MESSAGE,
    LOST_GATE_MESSAGE,
    NEW_GATE_KEY,
    PLAN_SIZE_FIELD,
    PLAN_SIZE_KEY,
    PLAN_SIZE_MESSAGE,
    addMilestoneGate,
    alertMessages,
    buildRequest,
    draftFromView,
    gateWarnings,
    isDirty,
    milestoneGateKey,
    milestoneGateRows,
    removeMilestoneGate,
    setNewGateField,
    setPlanSizeLimit,
    stageOptions,
    stepOptions,
    templateOptions,
    validateDraft
} from 'c/tandemSetupModel';
import type { MilestoneGate, NewGateDraft, SetupDraft, SetupView } from 'c/tandemSetupModel';
import type { ErrorReport } from 'c/serverErrors';
import { VIEW, NEGOTIATION, PROPOSAL, WON, LOST } from './setupFixture';

const SECURITY = 'Enterprise_05_Security_Review';
const SECURITY_TITLE = 'Buyer security team completes the security review';
const SIGNATURE = 'Enterprise_10_Signature';
const IN_FORCE = VIEW.milestoneGates?.[0] as MilestoneGate;

/** The draft with the add row filled in as given. */
function withRow(row: Partial<NewGateDraft>, draft: SetupDraft = draftFromView(VIEW)): SetupDraft {
    return { ...draft, newGate: { ...draft.newGate, ...row } };
}

/** The view's draft with one more gate listed, added through the row. */
function withAdded(stage: string, stepName: string, message = ''): SetupDraft {
    const added = addMilestoneGate(VIEW, withRow({ stage, templateName: 'Enterprise', stepName, message }));
    expect(added.errors).toBeNull();
    return added.draft;
}

describe('the milestone gates in the draft', () => {
    it('start as the gates in force, with an empty add row and the plan size limit as text', () => {
        const draft = draftFromView(VIEW);
        expect(draft.milestoneGates).toEqual([
            { stage: NEGOTIATION, stepName: SECURITY, message: 'Security signs off before we negotiate terms.' }
        ]);
        expect(draft.newGate).toEqual({ stage: '', templateName: '', stepName: '', message: '' });
        expect(draft.planSizeLimit).toBe('20');
        expect(isDirty(VIEW, draft)).toBe(false);
    });

    it('read a missing plan size limit or missing gates as none', () => {
        const draft = draftFromView({ ...VIEW, planSizeLimit: null, milestoneGates: undefined });
        expect(draft.planSizeLimit).toBe('');
        expect(draft.milestoneGates).toEqual([]);
    });

    it('keep each stage and step once, and leave out gates on a stage no active stage has or a lost one', () => {
        const view: SetupView = {
            ...VIEW,
            milestoneGates: [
                IN_FORCE,
                { ...IN_FORCE, message: 'A second record for the same stage and step.' },
                { ...IN_FORCE, stage: 'Contract Signed', stageLabel: null },
                { ...IN_FORCE, stage: LOST, stageLabel: LOST }
            ]
        };
        expect(draftFromView(view).milestoneGates).toEqual([
            { stage: NEGOTIATION, stepName: SECURITY, message: 'Security signs off before we negotiate terms.' }
        ]);
        expect(gateWarnings(view)).toEqual([
            `The milestone gate "${SECURITY_TITLE}" before Contract Signed names no active stage; saving removes it.`,
            `The milestone gate "${SECURITY_TITLE}" before Closed Lost is on a lost stage, which is never gated; saving removes it.`
        ]);
        expect(gateWarnings(VIEW)).toEqual([]);
    });
});

describe('the "Add a milestone gate" row', () => {
    it('offers the stages that can be gated, the templates, and the chosen template steps', () => {
        expect(stageOptions(VIEW).map((option) => option.value)).toEqual(
            VIEW.stages.filter((stage) => stage.apiName !== LOST).map((stage) => stage.apiName)
        );
        expect(templateOptions(VIEW)).toEqual([
            { label: 'Enterprise', value: 'Enterprise' },
            { label: 'Mid-Market', value: 'Mid_Market' }
        ]);
        expect(stepOptions(VIEW, '')).toEqual([]);
        expect(stepOptions(VIEW, 'Mid_Market').map((option) => option.value)).toEqual([
            'Mid_Market_01_Success_Criteria',
            'Mid_Market_06_Signature'
        ]);
        expect(stepOptions(VIEW, 'Enterprise')[1]).toEqual({ label: SECURITY_TITLE, value: SECURITY });
    });

    it('clears the step when another template is chosen, and keeps it when that template has it', () => {
        let draft = withRow({ templateName: 'Enterprise', stepName: SIGNATURE });
        draft = setNewGateField(VIEW, draft, 'templateName', 'Mid_Market');
        expect(draft.newGate).toMatchObject({ templateName: 'Mid_Market', stepName: '' });

        const same = setNewGateField(
            VIEW,
            withRow({ templateName: 'Enterprise', stepName: SIGNATURE }),
            'message',
            'x'
        );
        expect(same.newGate).toMatchObject({ stepName: SIGNATURE, message: 'x' });
    });

    it('changes nothing for the same value or a field it does not have', () => {
        const draft = withRow({ stage: PROPOSAL });
        expect(setNewGateField(VIEW, draft, 'stage', PROPOSAL)).toBe(draft);
        expect(setNewGateField(VIEW, draft, 'other' as keyof NewGateDraft, 'x')).toBe(draft);
    });

    it('adds a filled-in row to the list, message trimmed, and empties the row', () => {
        const { draft, errors } = addMilestoneGate(
            VIEW,
            withRow({ stage: WON, templateName: 'Enterprise', stepName: SIGNATURE, message: '  Signed first.  ' })
        );
        expect(errors).toBeNull();
        expect(draft.milestoneGates).toEqual([
            ...draftFromView(VIEW).milestoneGates,
            { stage: WON, stepName: SIGNATURE, message: 'Signed first.' }
        ]);
        expect(draft.newGate).toEqual({ stage: '', templateName: '', stepName: '', message: '' });
        expect(isDirty(VIEW, draft)).toBe(true);
    });

    it.each<[string, Partial<NewGateDraft>, Record<string, string[]>]>([
        ['an empty row', {}, { stage: [CHOOSE_STAGE_MESSAGE], templateName: [CHOOSE_TEMPLATE_MESSAGE] }],
        ['a template without a step', { stage: WON, templateName: 'Enterprise' }, { stepName: [CHOOSE_STEP_MESSAGE] }],
        [
            'a step of another template',
            { stage: WON, templateName: 'Mid_Market', stepName: SIGNATURE },
            { stepName: [CHOOSE_STEP_MESSAGE] }
        ],
        [
            'a lost stage',
            { stage: LOST, templateName: 'Enterprise', stepName: SIGNATURE },
            { stage: [LOST_GATE_MESSAGE] }
        ],
        [
            'a stage the view does not list',
            { stage: 'Contract Signed', templateName: 'Enterprise', stepName: SIGNATURE },
            { stage: [CHOOSE_STAGE_MESSAGE] }
        ],
        [
            'a stage and step already listed',
            { stage: NEGOTIATION, templateName: 'Enterprise', stepName: SECURITY },
            { stepName: [DUPLICATE_GATE_MESSAGE] }
        ],
        [
            'a message over 255 characters',
            { stage: WON, templateName: 'Enterprise', stepName: SIGNATURE, message: 'x'.repeat(256) },
            { message: ['Keep the message to 255 characters: this one has 256.'] }
        ]
    ])('does not add %s, and says why next to the field', (_name, row, fieldErrors) => {
        const draft = withRow(row);
        const added = addMilestoneGate(VIEW, draft);
        expect(added.draft).toBe(draft);
        expect(added.errors).toEqual({ messages: [], fieldErrors });
    });

    it('takes a message of exactly 255 characters', () => {
        const added = addMilestoneGate(
            VIEW,
            withRow({ stage: WON, templateName: 'Enterprise', stepName: SIGNATURE, message: 'x'.repeat(255) })
        );
        expect(added.errors).toBeNull();
    });
});

describe('removing a milestone gate', () => {
    it('takes it off the list, and the draft then differs from what is saved', () => {
        const draft = removeMilestoneGate(draftFromView(VIEW), milestoneGateKey(NEGOTIATION, SECURITY));
        expect(draft.milestoneGates).toEqual([]);
        expect(isDirty(VIEW, draft)).toBe(true);
    });

    it('changes nothing for a gate that is not listed', () => {
        const draft = draftFromView(VIEW);
        expect(removeMilestoneGate(draft, milestoneGateKey(WON, SECURITY))).toBe(draft);
    });

    it('adding a removed gate back is no change at all', () => {
        let draft = removeMilestoneGate(draftFromView(VIEW), milestoneGateKey(NEGOTIATION, SECURITY));
        draft = addMilestoneGate(
            VIEW,
            withRow(
                {
                    stage: NEGOTIATION,
                    templateName: 'Enterprise',
                    stepName: SECURITY,
                    message: 'Security signs off before we negotiate terms.'
                },
                draft
            )
        ).draft;
        expect(isDirty(VIEW, draft)).toBe(false);
    });
});

describe('what differs from what is saved', () => {
    it.each<[string, (draft: SetupDraft) => SetupDraft, boolean]>([
        ['the same plan size limit written otherwise', (d) => setPlanSizeLimit(d, '020'), false],
        ['another plan size limit', (d) => setPlanSizeLimit(d, '25'), true],
        ['a blank plan size limit', (d) => setPlanSizeLimit(d, ''), true],
        ['a plan size limit that is no number', (d) => setPlanSizeLimit(d, 'many'), true],
        ['a row started but not added', (d) => withRow({ stage: WON }, d), true],
        [
            'a message changed',
            (d) => ({ ...d, milestoneGates: [{ ...d.milestoneGates[0], message: 'Another reason.' }] }),
            true
        ]
    ])('%s', (_name, change, dirty) => {
        expect(isDirty(VIEW, change(draftFromView(VIEW)))).toBe(dirty);
    });
});

describe('checking the draft before a save', () => {
    it.each(['0', '1000', '2.5', '-3', 'ten'])('marks the plan size limit %s under its field', (value) => {
        const errors = validateDraft(VIEW, setPlanSizeLimit(draftFromView(VIEW), value));
        expect(errors?.records[PLAN_SIZE_KEY].fieldErrors[PLAN_SIZE_FIELD]).toEqual([PLAN_SIZE_MESSAGE]);
    });

    it.each(['', '1', '999'])('lets the plan size limit "%s" be saved', (value) => {
        expect(validateDraft(VIEW, setPlanSizeLimit(draftFromView(VIEW), value))).toBeNull();
    });

    it('checks a row filled in but not added, and leaves an empty one alone', () => {
        const errors = validateDraft(VIEW, withRow({ stage: WON }));
        expect(errors?.records[NEW_GATE_KEY].fieldErrors).toEqual({ templateName: [CHOOSE_TEMPLATE_MESSAGE] });
        expect(validateDraft(VIEW, withRow({ message: '   ' }))).toBeNull();
    });
});

describe('the save request', () => {
    it('sends every gate listed, a blank message as none, and the plan size limit as a number', () => {
        let draft = withAdded(WON, SIGNATURE, '   ');
        draft = setPlanSizeLimit(draft, '25');
        expect(buildRequest(VIEW, draft)).toMatchObject({
            milestoneGates: [
                { stage: NEGOTIATION, stepName: SECURITY, message: 'Security signs off before we negotiate terms.' },
                { stage: WON, stepName: SIGNATURE, message: null }
            ],
            planSize: { planSizeLimit: 25 }
        });
    });

    it('sends an empty list once every gate is removed, and a blank limit as none', () => {
        let draft = removeMilestoneGate(draftFromView(VIEW), milestoneGateKey(NEGOTIATION, SECURITY));
        draft = setPlanSizeLimit(draft, '');
        expect(buildRequest(VIEW, draft)).toMatchObject({ milestoneGates: [], planSize: { planSizeLimit: null } });
    });

    it('includes a row filled in but not added, as if Add was pressed', () => {
        const draft = withRow({ stage: WON, templateName: 'Enterprise', stepName: SIGNATURE, message: 'Why.' });
        expect(buildRequest(VIEW, draft).milestoneGates).toContainEqual({
            stage: WON,
            stepName: SIGNATURE,
            message: 'Why.'
        });
    });

    it('leaves the gates alone when the view has none to show', () => {
        const view = { ...VIEW, milestoneGates: undefined };
        expect(buildRequest(view, draftFromView(view)).milestoneGates).toBeNull();
    });

    it('never sends a gate on a stage that cannot be gated', () => {
        const draft = {
            ...draftFromView(VIEW),
            milestoneGates: [{ stage: LOST, stepName: SIGNATURE, message: '' }]
        };
        expect(buildRequest(VIEW, draft).milestoneGates).toEqual([]);
    });

    it('refuses to build a request from a plan size limit it cannot read', () => {
        expect(() => buildRequest(VIEW, setPlanSizeLimit(draftFromView(VIEW), '0'))).toThrow(
            'planSizeLimit is not a whole number from 1 to 999'
        );
    });
});

describe('the list as the page shows it', () => {
    it('names each gate by its stage, its template and step, and its message', () => {
        const rows = milestoneGateRows(VIEW, withAdded(WON, SIGNATURE).milestoneGates, null);
        expect(rows).toEqual([
            {
                key: milestoneGateKey(NEGOTIATION, SECURITY),
                stageLabel: NEGOTIATION,
                stepText: `Enterprise · ${SECURITY_TITLE}`,
                message: 'Security signs off before we negotiate terms.',
                removeLabel: `Remove the milestone gate "${SECURITY_TITLE}" before ${NEGOTIATION}`,
                error: '',
                rowClass: 'slds-item setup-gate'
            },
            expect.objectContaining({
                stageLabel: 'Closed Won',
                stepText: 'Enterprise · Buyer signatory signs the order form',
                message: ''
            })
        ]);
    });

    it('names a gate in force whose template is no longer offered as the server named it', () => {
        const view: SetupView = {
            ...VIEW,
            templates: [],
            milestoneGates: [{ ...IN_FORCE, templateLabel: 'Legacy', stepTitle: 'Security review' }]
        };
        const [row] = milestoneGateRows(view, draftFromView(view).milestoneGates, null);
        expect(row.stepText).toBe('Legacy · Security review');
    });

    it('puts what the server said about a gate under it, and not in the alert', () => {
        const key = milestoneGateKey(NEGOTIATION, SECURITY);
        const errors: ErrorReport = {
            message: 'The Tandem settings were not saved.',
            pageErrors: [],
            records: {
                [key]: { messages: [], fieldErrors: { stepName: ['"X" is not a step of any plan template.'] } },
                [milestoneGateKey(WON, SIGNATURE)]: { messages: [], fieldErrors: { stage: ['Gone.'] } },
                [PLAN_SIZE_KEY]: { messages: [], fieldErrors: { [PLAN_SIZE_FIELD]: [PLAN_SIZE_MESSAGE] } }
            }
        };
        const draft = draftFromView(VIEW);
        const [row] = milestoneGateRows(VIEW, draft.milestoneGates, errors);
        expect(row).toMatchObject({
            error: '"X" is not a step of any plan template.',
            rowClass: 'slds-item setup-gate setup-gate_error'
        });
        expect(alertMessages(errors, VIEW, draft)).toEqual(['Gone.']);
    });
});

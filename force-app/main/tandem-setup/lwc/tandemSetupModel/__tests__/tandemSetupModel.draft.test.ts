import {
    THRESHOLD_KEYS,
    DAYS_MESSAGE,
    THRESHOLD_FIELDS,
    draftFromView,
    isDirty,
    parseDays,
    setThreshold,
    thresholdMessages,
    toggleGate
} from 'c/tandemSetupModel';
import type { Gate, GateKind, SetupDraft, SetupView, ThresholdKey } from 'c/tandemSetupModel';
import { VIEW, stage, PROPOSAL, NEGOTIATION, PROSPECTING, WON, LOST, thresholds, withGate } from './setupFixture';

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

it('names every threshold key once', () => {
    expect(new Set(THRESHOLD_KEYS).size).toBe(4);
});

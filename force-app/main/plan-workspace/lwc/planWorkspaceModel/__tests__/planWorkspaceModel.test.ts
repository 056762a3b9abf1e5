import {
    addMilestone,
    applyMove,
    buildListView,
    changeCount,
    dependentReason,
    displayOrder,
    EMPTY_DRAFT,
    EMPTY_UI,
    effectiveMilestones,
    formatDate,
    groupByPhase,
    hasErrors,
    involvesBuyer,
    isDirty,
    isOpen,
    isOverdue,
    keysInError,
    moveMilestone,
    movedByLabel,
    moveReasonProblem,
    normalizeWorkspace,
    ownerOptions,
    parseServerError,
    plural,
    previewMove,
    projectedClose,
    removeMilestone,
    restoreMilestone,
    savePayload,
    loadedRevisions,
    dueDateProblem,
    IMPLAUSIBLE_DUE_DATE,
    dependentsOf,
    dueDateForSchedule,
    repointDependents,
    setField,
    setFields,
    toggleEditing,
    truncate,
    validateMilestones
} from 'c/planWorkspaceModel';
import type { Draft, EffectiveMilestone, MilestoneInfo, SaveErrors, UiState, Workspace } from 'c/planWorkspaceModel';

const FIXTURE = jest.requireActual<Workspace>('./data/workspace.json');

/** A fresh copy of the fixture: an Active plan of 8 milestones, today 2026-03-02 (a Monday). */
function workspace(change: (w: Workspace) => void = () => undefined): Workspace {
    const copy = normalizeWorkspace(JSON.parse(JSON.stringify(FIXTURE)) as Workspace);
    change(copy);
    return copy;
}

const M = (n: number) => `a02000000000${String(n).padStart(3, '0')}AAA`;
const C = (n: number) => `003000000000${String(n).padStart(3, '0')}AAA`;
const U = (n: number) => `005000000000${String(n).padStart(3, '0')}AAA`;

function milestone(values: Partial<EffectiveMilestone> & { key: string }): EffectiveMilestone {
    return {
        name: values.key,
        description: null,
        phase: null,
        side: 'Seller',
        buyerOwnerId: null,
        sellerOwnerId: null,
        dueDate: '2026-03-10',
        status: 'Not Started',
        buyerConfirmed: false,
        durationDays: 1,
        dependsOnId: null,
        marksClose: false,
        slipReason: null,
        slipNote: null,
        id: values.key,
        saved: null,
        isNew: false,
        isDeleted: false,
        changedFields: [],
        baselineDate: null,
        slipDays: null,
        ...values
    };
}

describe('normalizeWorkspace', () => {
    it('fills every list and flag a partial response leaves out', () => {
        const normalized = normalizeWorkspace({ opportunity: { id: '006', name: 'Deal' } });
        expect(normalized.plan).toBeNull();
        expect(normalized.milestones).toEqual([]);
        expect(normalized.dateChanges).toEqual([]);
        expect(normalized.buyerContacts).toEqual([]);
        expect(normalized.sellerUsers).toEqual([]);
        expect(normalized.templates).toEqual([]);
        expect(normalized.picklists).toEqual({ milestoneStatuses: [], phases: [], sides: [], slipReasons: [] });
        expect(normalized.permissions).toEqual({});
        expect(normalized.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(normalized.currentUserId).toBe('');
    });

    it('gives a template without steps an empty list', () => {
        const normalized = normalizeWorkspace({
            opportunity: { id: '006', name: 'Deal' },
            templates: [{ developerName: 'T', label: 'T' } as never]
        });
        expect(normalized.templates[0].steps).toEqual([]);
    });

    it('keeps what the server sent', () => {
        expect(workspace().milestones).toHaveLength(8);
        expect(workspace().today).toBe('2026-03-02');
    });
});

describe('small helpers', () => {
    it.each([
        ['2026-03-06', '2026-03-13', '5 working days later'],
        ['2026-03-06', '2026-03-09', '1 working day later'],
        ['2026-03-09', '2026-03-06', '1 working day earlier'],
        ['2026-03-07', '2026-03-08', '0 working days later'],
        ['2026-03-06', '2026-03-06', 'same day']
    ])('describes a move from %s to %s as %p', (from, to, label) => {
        expect(movedByLabel(from, to)).toBe(label);
    });

    it.each([
        ['2026-03-31', 'Mar 31, 2026'],
        ['2026-01-01', 'Jan 1, 2026'],
        [null, ''],
        [undefined, ''],
        ['', '']
    ])('formats %p as %p', (iso, label) => {
        expect(formatDate(iso, 'en-US')).toBe(label);
    });

    it('formats in the given locale, never shifting the day by time zone', () => {
        expect(formatDate('2026-03-31', 'de-DE')).toBe('31. März 2026');
        expect(formatDate('2026-03-31')).toContain('2026');
    });

    it.each([
        [1, 'day', undefined, '1 day'],
        [0, 'day', undefined, '0 days'],
        [2, 'milestone', undefined, '2 milestones'],
        [3, 'entry', 'entries', '3 entries']
    ])('plural(%p, %p, %p) is %p', (count, one, many, text) => {
        expect(plural(count as number, one as string, many as string | undefined)).toBe(text);
    });

    it.each([
        ['short', 5, 'short'],
        ['exactly', 7, 'exactly'],
        ['too long here', 8, 'too lon…']
    ])('truncates %p to %p characters', (text, length, out) => {
        expect(truncate(text as string, length as number)).toBe(out);
    });

    it.each([
        ['Not Started', true],
        ['In Progress', true],
        ['Blocked', true],
        ['Complete', false],
        ['Skipped', false],
        [null, true]
    ])('status %p is open: %p', (status, open) => {
        expect(isOpen(status)).toBe(open);
    });

    it.each([
        // due, status, today, overdue
        ['2026-03-01', 'Not Started', '2026-03-02', true],
        ['2026-03-01', 'Blocked', '2026-03-02', true],
        ['2026-03-02', 'In Progress', '2026-03-02', false],
        ['2026-03-03', 'Not Started', '2026-03-02', false],
        ['2026-03-01', 'Complete', '2026-03-02', false],
        ['2026-03-01', 'Skipped', '2026-03-02', false],
        [null, 'Not Started', '2026-03-02', false]
    ])('a milestone due %p, %p, on %p is overdue: %p', (due, status, today, overdue) => {
        expect(isOverdue(due, status, today as string)).toBe(overdue);
    });

    it.each([
        ['Buyer', true],
        ['Joint', true],
        ['Seller', false],
        [null, false]
    ])('side %p involves the buyer: %p', (side, buyer) => {
        expect(involvesBuyer(side)).toBe(buyer);
    });

    it('offers owners with why they are offered, and a way to clear', () => {
        expect(ownerOptions(workspace().buyerContacts.slice(0, 1), 'No buyer owner')).toEqual([
            { label: 'No buyer owner', value: '' },
            { label: 'Dana Buyer (Economic Buyer)', value: C(1) }
        ]);
        expect(ownerOptions([{ id: U(9), name: 'Plain' }], 'None')[1]).toEqual({ label: 'Plain', value: U(9) });
    });
});

describe('the draft', () => {
    it('records a changed field and forgets it when set back to the saved value', () => {
        const w = workspace();
        const changed = setField(EMPTY_DRAFT, w, M(3), 'status', 'In Progress');
        expect(changed.changes).toEqual({ [M(3)]: { status: 'In Progress' } });
        expect(isDirty(changed)).toBe(true);
        const reverted = setField(changed, w, M(3), 'status', 'Not Started');
        expect(reverted.changes).toEqual({});
        expect(isDirty(reverted)).toBe(false);
    });

    it('treats blank as no value', () => {
        const w = workspace();
        const cleared = setField(EMPTY_DRAFT, w, M(3), 'sellerOwnerId', '');
        expect(cleared.changes[M(3)]).toEqual({ sellerOwnerId: null });
        const unchanged = setField(EMPTY_DRAFT, w, M(5), 'buyerOwnerId', '');
        expect(unchanged.changes).toEqual({});
    });

    it('never changes the draft it is given', () => {
        const w = workspace();
        const before = JSON.stringify(EMPTY_DRAFT);
        setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked');
        addMilestone(EMPTY_DRAFT, w);
        expect(JSON.stringify(EMPTY_DRAFT)).toBe(before);
    });

    it('ignores a key that is neither saved nor added', () => {
        expect(setField(EMPTY_DRAFT, workspace(), 'nope', 'status', 'Blocked')).toBe(EMPTY_DRAFT);
    });

    it('sets several fields at once', () => {
        const draft = setFields(EMPTY_DRAFT, workspace(), M(4), { dueDate: '2026-03-16', slipReason: 'Other' });
        expect(draft.changes[M(4)]).toEqual({ dueDate: '2026-03-16', slipReason: 'Other' });
    });

    it('adds blank milestones owned on the seller side by the current user, with keys of their own', () => {
        const w = workspace();
        const first = addMilestone(EMPTY_DRAFT, w);
        const second = addMilestone(first.draft, w, { side: 'Buyer', phase: 'Legal' });
        expect(first.key).toBe('new-1');
        expect(second.key).toBe('new-2');
        expect(second.draft.added[0].values).toMatchObject({
            name: '',
            side: 'Seller',
            sellerOwnerId: U(1),
            status: 'Not Started',
            dueDate: '2026-03-31'
        });
        expect(second.draft.added[1].values).toMatchObject({ side: 'Buyer', sellerOwnerId: null, phase: 'Legal' });
    });

    it("gives a new buyer-side milestone the plan's buyer lead as owner until the user names someone", () => {
        const w = workspace();
        const lead = w.plan?.buyerLeadId;
        expect(addMilestone(EMPTY_DRAFT, w, { side: 'Buyer' }).draft.added[0].values.buyerOwnerId).toBe(lead);
        expect(addMilestone(EMPTY_DRAFT, w, { side: 'Joint' }).draft.added[0].values.buyerOwnerId).toBe(lead);
        expect(addMilestone(EMPTY_DRAFT, w).draft.added[0].values.buyerOwnerId).toBeNull();
        const { draft, key } = addMilestone(EMPTY_DRAFT, w);
        expect(setField(draft, w, key, 'side', 'Joint').added[0].values.buyerOwnerId).toBe(lead);
        const chosen = setField(setField(draft, w, key, 'buyerOwnerId', C(3)), w, key, 'side', 'Buyer');
        expect(chosen.added[0].values.buyerOwnerId).toBe(C(3));
        const noLead = { ...w, plan: { ...(w.plan as NonNullable<typeof w.plan>), buyerLeadId: null } };
        expect(addMilestone(EMPTY_DRAFT, noLead, { side: 'Buyer' }).draft.added[0].values.buyerOwnerId).toBeNull();
    });

    it('edits an added milestone in place', () => {
        const w = workspace();
        const { draft, key } = addMilestone(EMPTY_DRAFT, w);
        const named = setField(draft, w, key, 'name', 'Buyer procurement issues the PO');
        expect(named.added[0].values.name).toBe('Buyer procurement issues the PO');
        expect(named.changes).toEqual({});
    });

    it('removes an added milestone outright and marks a saved one for deletion', () => {
        const w = workspace();
        const { draft, key } = addMilestone(EMPTY_DRAFT, w);
        expect(removeMilestone(draft, key).added).toEqual([]);
        const deleted = removeMilestone(EMPTY_DRAFT, M(7));
        expect(deleted.deleted).toEqual([M(7)]);
        expect(removeMilestone(deleted, M(7))).toBe(deleted);
        expect(restoreMilestone(deleted, M(7)).deleted).toEqual([]);
        expect(restoreMilestone(EMPTY_DRAFT, M(7))).toBe(EMPTY_DRAFT);
    });

    it('drops a removed new milestone from an explicit order too', () => {
        const w = workspace();
        const reordered = moveMilestone(EMPTY_DRAFT, w, M(8), 'up');
        const { draft, key } = addMilestone(reordered, w);
        expect(draft.order).toContain(key);
        expect(removeMilestone(draft, key).order).not.toContain(key);
    });

    it.each<[string, (w: Workspace) => Draft, number, boolean]>([
        ['nothing', () => EMPTY_DRAFT, 0, false],
        ['one change', (w) => setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked'), 1, true],
        [
            'two fields of one milestone',
            (w) => setFields(EMPTY_DRAFT, w, M(3), { status: 'Blocked', buyerConfirmed: true }),
            1,
            true
        ],
        [
            'a change and a delete',
            (w) => removeMilestone(setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked'), M(4)),
            2,
            true
        ],
        [
            'a delete of a changed milestone',
            (w) => removeMilestone(setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked'), M(3)),
            1,
            true
        ],
        ['an added milestone', (w) => addMilestone(EMPTY_DRAFT, w).draft, 1, true],
        ['a new order only', (w) => moveMilestone(EMPTY_DRAFT, w, M(8), 'up'), 0, true]
    ])('counts %s as changed milestones, and knows whether anything is unsaved', (_, make, count, dirty) => {
        const draft = make(workspace());
        expect(changeCount(draft)).toBe(count);
        expect(isDirty(draft)).toBe(dirty);
    });
});

describe('effective milestones', () => {
    it('applies changes over the saved values and recomputes the slip of a moved date', () => {
        const w = workspace();
        const draft = setField(EMPTY_DRAFT, w, M(4), 'dueDate', '2026-03-18');
        const m4 = effectiveMilestones(w, draft).find((m) => m.key === M(4)) as EffectiveMilestone;
        expect(m4.dueDate).toBe('2026-03-18');
        expect(m4.changedFields).toEqual(['dueDate']);
        expect(m4.slipDays).toBe(3); // Friday to the Wednesday after: three working days, as Slip_Days__c counts
        expect(m4.saved?.dueDate).toBe('2026-03-13');
    });

    it('keeps the saved slip of an untouched milestone', () => {
        const m2 = effectiveMilestones(workspace(), EMPTY_DRAFT)[1];
        expect(m2.slipDays).toBe(2);
    });

    it('keeps a moved milestone without baseline unslipped', () => {
        const w = workspace((x) => (x.milestones[2].baselineDate = null));
        const m3 = effectiveMilestones(w, setField(EMPTY_DRAFT, w, M(3), 'dueDate', '2026-03-09'))[2];
        expect(m3.slipDays).toBe(0);
    });

    it('marks deleted milestones and appends added ones', () => {
        const w = workspace();
        const { draft } = addMilestone(removeMilestone(EMPTY_DRAFT, M(2)), w);
        const all = effectiveMilestones(w, draft);
        expect(all).toHaveLength(9);
        expect(all[1].isDeleted).toBe(true);
        expect(all[8]).toMatchObject({ key: 'new-1', isNew: true, id: null });
    });

    it('follows the explicit order, with unknown keys last', () => {
        const w = workspace();
        const draft: Draft = { ...EMPTY_DRAFT, order: [M(2), M(1)] };
        expect(effectiveMilestones(w, draft).map((m) => m.key)).toEqual([
            M(2),
            M(1),
            M(3),
            M(4),
            M(5),
            M(6),
            M(7),
            M(8)
        ]);
    });
});

describe('grouping by phase', () => {
    const phases = [
        { label: 'Evaluation', value: 'Evaluation' },
        { label: 'Legal', value: 'Legal' }
    ];

    it.each([
        ['picklist order, whatever the milestone order', ['Legal', 'Evaluation'], ['Evaluation', 'Legal']],
        [
            'unknown phases after known ones, in order of appearance',
            ['Zeta', 'Legal', 'Alpha'],
            ['Legal', 'Zeta', 'Alpha']
        ],
        ['no phase last', [null, 'Evaluation'], ['Evaluation', 'No phase']],
        ['empty phases left out', ['Legal'], ['Legal']],
        ['nothing for no milestones', [], []]
    ])('%s', (_, milestonePhases, labels) => {
        const milestones = (milestonePhases as (string | null)[]).map((phase) => ({ phase }));
        expect(groupByPhase(milestones, phases).map((group) => group.label)).toEqual(labels);
    });

    it('keeps the order within a group', () => {
        const milestones = [
            { phase: 'Legal', n: 1 },
            { phase: 'Evaluation', n: 2 },
            { phase: 'Legal', n: 3 }
        ];
        expect(groupByPhase(milestones, phases)[1].milestones.map((m) => m.n)).toEqual([1, 3]);
    });

    it('shows the fixture plan in eight phase groups, implementation with two milestones', () => {
        const w = workspace();
        const groups = groupByPhase(effectiveMilestones(w, EMPTY_DRAFT), w.picklists.phases);
        expect(groups.map((g) => g.label)).toEqual([
            'Evaluation',
            'Validation',
            'Business Case',
            'Security Review',
            'Legal',
            'Signature',
            'Implementation'
        ]);
        expect(groups[6].milestones.map((m) => m.key)).toEqual([M(7), M(8)]);
        expect(displayOrder(w, EMPTY_DRAFT)).toEqual([M(1), M(2), M(3), M(4), M(5), M(6), M(7), M(8)]);
    });
});

describe('reordering', () => {
    it.each<[string, number, 'up' | 'down', string[]]>([
        ['moves a milestone up within its phase', 8, 'up', [M(8), M(7)]],
        ['moves a milestone down within its phase', 7, 'down', [M(8), M(7)]],
        ['leaves the first of a phase where it is', 7, 'up', [M(7), M(8)]],
        ['leaves the last of a phase where it is', 8, 'down', [M(7), M(8)]],
        ['never moves a milestone into another phase', 6, 'down', [M(7), M(8)]]
    ])('%s', (_, n, direction, implementation) => {
        const w = workspace();
        const draft = moveMilestone(EMPTY_DRAFT, w, M(n), direction);
        expect(displayOrder(w, draft).slice(6)).toEqual(implementation);
    });

    it('ignores an unknown milestone', () => {
        expect(moveMilestone(EMPTY_DRAFT, workspace(), 'nope', 'up')).toBe(EMPTY_DRAFT);
    });
});

describe('projected close', () => {
    it.each<[string, Partial<EffectiveMilestone>[], string | null]>([
        ['none marks the close', [{ dueDate: '2026-03-10' }], null],
        ['the close milestone', [{ dueDate: '2026-03-10', marksClose: true }], '2026-03-10'],
        [
            'the earliest of several, as the roll-up',
            [
                { dueDate: '2026-03-12', marksClose: true },
                { dueDate: '2026-03-10', marksClose: true }
            ],
            '2026-03-10'
        ],
        ['skipped ones do not count', [{ dueDate: '2026-03-10', marksClose: true, status: 'Skipped' }], null],
        ['deleted ones do not count', [{ dueDate: '2026-03-10', marksClose: true, isDeleted: true }], null],
        ['undated ones do not count', [{ dueDate: null, marksClose: true }], null]
    ])('%s', (_, values, close) => {
        expect(projectedClose(values.map((v, i) => milestone({ key: `k${i}`, ...v })))).toBe(close);
    });
});

describe('previewing a date move', () => {
    const context = { planStatus: 'Active', opportunityCloseDate: '2026-03-20', locale: 'en-US' };

    it('shows the dependents that move with a slip and where the close lands', () => {
        const w = workspace();
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(4), '2026-03-18', context);
        expect(preview).toMatchObject({
            key: M(4),
            name: 'Buyer security team completes the review',
            from: '2026-03-13',
            to: '2026-03-18',
            fromLabel: 'Mar 13, 2026',
            toLabel: 'Mar 18, 2026',
            days: 5,
            daysLabel: '3 working days later',
            isLater: true,
            needsReason: true,
            previousProjectedCloseDate: '2026-03-19',
            projectedCloseDate: '2026-03-20'
        });
        // Legal (2 working days) must start after security is done: due Fri 20th; the signature (0 days) that day.
        expect(preview.dependents.map((d) => [d.name, d.from, d.to, d.needsReason])).toEqual([
            ['Buyer legal returns first redlines', '2026-03-17', '2026-03-20', true],
            ['Both sides sign the order form', '2026-03-19', '2026-03-20', true]
        ]);
        expect(preview.closeComparison.isLate).toBe(false);
    });

    it('warns when the close lands after the opportunity close date', () => {
        const w = workspace();
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(4), '2026-03-20', context);
        expect(preview.projectedCloseDate).toBe('2026-03-24');
        expect(preview.closeComparison).toMatchObject({ isLate: true, varianceDays: 4 });
    });

    it('moves nothing else when a date moves earlier, and asks no reason', () => {
        const w = workspace();
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(5), '2026-03-16', context);
        expect(preview.isLater).toBe(false);
        expect(preview.needsReason).toBe(false);
        expect(preview.dependents).toEqual([]);
        expect(preview.days).toBe(-1);
        expect(preview.daysLabel).toBe('1 working day earlier');
    });

    it('asks no reason while the plan is a draft and nothing is baselined', () => {
        const w = workspace((x) => x.milestones.forEach((m) => (m.baselineDate = null)));
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(4), '2026-03-18', {
            ...context,
            planStatus: 'Draft'
        });
        expect(preview.needsReason).toBe(false);
        expect(preview.dependents.every((d) => !d.needsReason)).toBe(true);
    });

    it('asks no reason for a new milestone, which has no committed date yet', () => {
        const w = workspace();
        const { draft, key } = addMilestone(EMPTY_DRAFT, w, { dueDate: '2026-03-10' });
        const preview = previewMove(effectiveMilestones(w, draft), key, '2026-03-12', context);
        expect(preview.needsReason).toBe(false);
    });

    it('asks a reason for a date still later than saved after moving it back part of the way', () => {
        const w = workspace();
        const draft = setField(EMPTY_DRAFT, w, M(4), 'dueDate', '2026-03-20');
        const preview = previewMove(effectiveMilestones(w, draft), M(4), '2026-03-16', context);
        expect(preview.isLater).toBe(false);
        expect(preview.needsReason).toBe(true);
    });

    it('warns when the new date is not a working day, naming the milestone', () => {
        const w = workspace();
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(8), '2026-04-04', context);
        expect(preview.warnings.join(' ')).toContain('"Buyer reaches first value"');
        expect(preview.warnings.join(' ')).toContain('not a working day');
    });

    it('ignores a predecessor deleted in the draft', () => {
        const w = workspace();
        const draft = removeMilestone(EMPTY_DRAFT, M(4));
        const preview = previewMove(effectiveMilestones(w, draft), M(3), '2026-03-20', context);
        expect(preview.dependents).toEqual([]);
    });

    it('still previews a plan whose saved links form a cycle, without pushing anything', () => {
        const w = workspace((x) => (x.milestones[0].dependsOnId = M(2)));
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(4), '2026-03-18', context);
        expect(preview.dependents).toEqual([]);
        expect(preview.projectedCloseDate).toBe('2026-03-19');
        expect(preview.warnings[0]).toMatch(/^Dependent milestones were not moved/);
    });

    it('refuses to move a milestone that does not exist', () => {
        expect(() => previewMove([], 'nope', '2026-03-18', context)).toThrow(RangeError);
    });

    it('rethrows what is not a scheduling problem', () => {
        const broken = [milestone({ key: 'a', durationDays: 1.5 as number })];
        expect(() => previewMove(broken, 'a', 'not-a-date', context)).toThrow(RangeError);
    });
});

describe('the reason a slip needs', () => {
    const w = workspace();
    const slip = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(2), '2026-03-03', { planStatus: 'Active' });
    const earlier = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(2), '2026-02-26', { planStatus: 'Active' });

    it('remembers the reason and note of the previous slip', () => {
        expect(slip).toMatchObject({ savedReason: 'Buyer availability', savedNote: 'IT lead on holiday' });
    });

    it.each<[string, string | null, string | null, string | null]>([
        ['no reason', null, null, 'Choose why the date moves later: the slip history keeps it.'],
        ['a new reason', 'Scope change', null, null],
        [
            'the same reason and note',
            'Buyer availability',
            ' IT lead on holiday ',
            'The last slip had the same reason: add a note about this one.'
        ],
        [
            'the same reason without a note',
            'Buyer availability',
            null,
            'The last slip had the same reason: add a note about this one.'
        ],
        ['the same reason with a new note', 'Buyer availability', 'Now their architect is out', null]
    ])('%s', (_, reason, note, problem) => {
        expect(moveReasonProblem(slip, reason, note)).toBe(problem);
    });

    it('asks nothing of a move that needs no reason', () => {
        expect(moveReasonProblem(earlier, null, null)).toBeNull();
    });
});

describe('applying a move', () => {
    it('sets the dates and the reason, and gives pushed milestones "Predecessor slipped"', () => {
        const w = workspace();
        const preview = previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(4), '2026-03-18', {
            planStatus: 'Active',
            locale: 'en-US'
        });
        const draft = applyMove(EMPTY_DRAFT, w, preview, 'Security review', 'Pen test findings');
        expect(draft.changes[M(4)]).toEqual({
            dueDate: '2026-03-18',
            slipReason: 'Security review',
            slipNote: 'Pen test findings'
        });
        expect(draft.changes[M(5)]).toEqual({
            dueDate: '2026-03-20',
            slipReason: 'Predecessor slipped',
            slipNote: 'Moved with "Buyer security team completes the review" (Mar 13, 2026 → Mar 18, 2026)'
        });
        expect(draft.changes[M(6)]).toMatchObject({ dueDate: '2026-03-20', slipReason: 'Predecessor slipped' });
    });

    it('drops the reason again when the date comes back to where it was saved', () => {
        const w = workspace();
        const later = applyMove(
            EMPTY_DRAFT,
            w,
            previewMove(effectiveMilestones(w, EMPTY_DRAFT), M(8), '2026-04-03', { planStatus: 'Active' }),
            'Other',
            null
        );
        expect(later.changes[M(8)]).toEqual({ dueDate: '2026-04-03', slipReason: 'Other' });
        const back = applyMove(
            later,
            w,
            previewMove(effectiveMilestones(w, later), M(8), '2026-03-31', { planStatus: 'Active' }),
            null,
            null
        );
        expect(back.changes).toEqual({});
    });

    it('moves a new milestone without asking why', () => {
        const w = workspace();
        const { draft, key } = addMilestone(EMPTY_DRAFT, w, { dueDate: '2026-03-10' });
        const moved = applyMove(
            draft,
            w,
            previewMove(effectiveMilestones(w, draft), key, '2026-03-12', { planStatus: 'Active' }),
            null,
            null
        );
        expect(moved.added[0].values.dueDate).toBe('2026-03-12');
    });

    it.each([
        [[{ label: 'Predecessor slipped', value: 'Predecessor slipped' }], 'Other', 'Predecessor slipped'],
        [[{ label: 'Other', value: 'Other' }], 'Other', 'Other'],
        [[], null, null]
    ])('a pushed milestone gets the reason %#', (options, chosen, reason) => {
        expect(dependentReason(options, chosen)).toBe(reason);
    });
});

describe('server errors', () => {
    const report = {
        message: 'We could not save your changes. Nothing was saved.',
        pageErrors: ['Insufficient access'],
        recordErrors: [
            { key: M(4), messages: [], fieldErrors: { slipReason: ['Choose a slip reason.'] } },
            { key: M(4), messages: ['Trigger says no'], fieldErrors: { slipReason: ['Again.'] } },
            { key: 'plan', messages: ['Before this plan can be active, fix milestone "X": ...'], fieldErrors: {} },
            { messages: ['keyless'], fieldErrors: null }
        ]
    };

    it('reads the workspace report, merging errors of one record', () => {
        const errors = parseServerError({ body: { message: JSON.stringify(report) } }, 'fallback');
        expect(errors.message).toBe('We could not save your changes. Nothing was saved.');
        expect(errors.pageErrors).toEqual(['Insufficient access']);
        expect(errors.records[M(4)]).toEqual({
            messages: ['Trigger says no'],
            fieldErrors: { slipReason: ['Choose a slip reason.', 'Again.'] }
        });
        expect(errors.records.plan.messages).toEqual([
            'Before this plan can be active, fix milestone "X": ...',
            'keyless'
        ]);
        expect(hasErrors(errors)).toBe(true);
        expect(errors.conflict).toBeUndefined();
    });

    it('says when the save was refused because someone else changed the plan since it was loaded', () => {
        const conflict = { ...report, recordErrors: [], conflict: true };
        expect(parseServerError({ body: { message: JSON.stringify(conflict) } }, 'fallback').conflict).toBe(true);
        const notConflict = { ...report, conflict: false };
        expect(parseServerError({ body: { message: JSON.stringify(notConflict) } }, 'x').conflict).toBeUndefined();
    });

    it.each<[string, unknown, string[]]>([
        ['a plain AuraHandledException', { body: { message: 'Script-thrown exception' } }, ['Script-thrown exception']],
        ['a list of errors', { body: [{ message: 'one' }, { message: 'two' }] }, ['one', 'two']],
        [
            'UI API output',
            {
                body: {
                    output: { errors: [{ message: 'Page level' }], fieldErrors: { Name: [{ message: 'Too long' }] } }
                }
            },
            ['Page level', 'Too long']
        ],
        ['a JSON message of another shape', { body: { message: '{"foo":1}' } }, ['{"foo":1}']],
        ['a broken JSON message', { body: { message: '{nope' } }, ['{nope']],
        ['a JavaScript error', new Error('Network down'), ['Network down']],
        ['a string', 'Just text', ['Just text']],
        ['nothing useful', { body: null }, ['Something went wrong. Try again, or reload the page.']],
        ['undefined', undefined, ['Something went wrong. Try again, or reload the page.']]
    ])('reads %s', (_, error, pageErrors) => {
        const errors = parseServerError(error, 'Could not save.');
        expect(errors.pageErrors).toEqual(pageErrors);
        expect(errors.message).toBe('Could not save.');
        expect(errors.records).toEqual({});
    });

    it.each([
        [null, false],
        [undefined, false],
        [{ message: null, pageErrors: [], records: {} }, false],
        [{ message: null, pageErrors: ['x'], records: {} }, true],
        [{ message: null, pageErrors: [], records: { a: { messages: [], fieldErrors: {} } } }, true]
    ])('hasErrors(%p) is %p', (errors, expected) => {
        expect(hasErrors(errors)).toBe(expected);
    });

    it('keeps rows with errors in edit mode, never the plan itself', () => {
        const errors = parseServerError({ body: { message: JSON.stringify(report) } }, 'x');
        expect(keysInError(errors)).toEqual([M(4)]);
        expect(keysInError(null)).toEqual([]);
    });
});

describe('checks before saving', () => {
    it.each<[string, Partial<EffectiveMilestone>, Record<string, string[]> | null]>([
        ['a complete milestone passes', { name: 'Buyer signs' }, null],
        ['a blank name', { name: '  ' }, { name: ["Enter a name, in the buyer's words."] }],
        ['a name too long', { name: 'x'.repeat(81) }, { name: ['Use 80 characters or fewer.'] }],
        ['no due date', { name: 'Buyer signs', dueDate: null }, { dueDate: ['Enter a due date.'] }],
        ['a deleted milestone is not checked', { name: '', isDeleted: true }, null]
    ])('%s', (_, values, fieldErrors) => {
        const errors = validateMilestones([milestone({ key: 'k', ...values })]);
        expect(errors?.records.k.fieldErrors ?? null).toEqual(fieldErrors);
        expect(errors?.message ?? null).toBe(fieldErrors ? 'Fix 1 milestone before saving.' : null);
    });
});

describe('editing what a milestone waits on, its duration and what done means', () => {
    it('refuses, on the spot, a milestone waiting on one that already waits on it', () => {
        const errors = validateMilestones([
            milestone({ key: 'a', name: 'Security review', dependsOnId: 'c' }),
            milestone({ key: 'b', name: 'Legal review', dependsOnId: 'a' }),
            milestone({ key: 'c', name: 'Signature', dependsOnId: 'b' })
        ]);
        expect(errors?.records.a.fieldErrors.dependsOnId).toEqual([
            '“Legal review” already waits on this milestone, so this one cannot wait on it. Choose one that comes before it.'
        ]);
        expect(
            validateMilestones([milestone({ key: 'a', dependsOnId: 'a' })])?.records.a.fieldErrors.dependsOnId
        ).toEqual(['A milestone cannot wait on itself. Choose one that comes before it.']);
        expect(
            validateMilestones([
                milestone({ key: 'a', dependsOnId: null }),
                milestone({ key: 'b', dependsOnId: 'a' }),
                milestone({ key: 'c', dependsOnId: 'a' })
            ])
        ).toBeNull();
    });

    it.each<[string, number | null, string[] | undefined]>([
        ['a checkpoint (0 days)', 0, undefined],
        ['no duration', null, undefined],
        ['a fraction', 2.5, ['Enter a whole number of working days from 0 to 9,999.']],
        ['a negative number', -1, ['Enter a whole number of working days from 0 to 9,999.']],
        ['text typed into the number box', Number.NaN, ['Enter a whole number of working days from 0 to 9,999.']]
    ])('checks the duration: %s', (_, durationDays, expected) => {
        const errors = validateMilestones([milestone({ key: 'k', durationDays })]);
        expect(errors?.records.k?.fieldErrors.durationDays).toEqual(expected);
    });

    it('checks the length of what done means against the field (2,000 characters)', () => {
        expect(
            validateMilestones([milestone({ key: 'k', description: 'x'.repeat(2001) })])?.records.k.fieldErrors
        ).toEqual({ description: ['Use 2,000 characters or fewer.'] });
        expect(validateMilestones([milestone({ key: 'k', description: 'x'.repeat(2000) })])).toBeNull();
    });

    it('offers as predecessors every other milestone except those that wait on it', () => {
        const w = workspace();
        const editing = buildListView(w, EMPTY_DRAFT, { ...EMPTY_UI, editing: [M(2)] }, null, 'en-US');
        const row = editing.groups.flatMap((g) => g.rows).find((r) => r.key === M(2));
        const offered = row?.predecessorOptions.map((option) => option.value) ?? [];
        expect(offered).toContain(M(1));
        expect(offered).not.toContain(M(2));
        // M(3) waits on M(2), and M(4) on M(3): neither can come before it.
        expect(offered).not.toContain(M(3));
        expect(offered).not.toContain(M(4));
        expect(row?.dependsOnId).toBe(M(1));
        expect(row?.durationValue).toBe('5');
    });

    it('shows what done means and the duration when reading, and the length used when editing', () => {
        const w = workspace((x) => {
            x.milestones[1].description = 'The test report is signed by the buyer IT lead.';
        });
        const read = buildListView(w, EMPTY_DRAFT, EMPTY_UI, null, 'en-US');
        const row = read.groups.flatMap((g) => g.rows).find((r) => r.key === M(2));
        expect(row).toMatchObject({ showDescription: true, durationText: 'Takes 5 working days' });
        const editing = buildListView(w, EMPTY_DRAFT, { ...EMPTY_UI, editing: [M(2)] }, null, 'en-US');
        const edited = editing.groups.flatMap((g) => g.rows).find((r) => r.key === M(2));
        expect(edited).toMatchObject({ showDescription: false, descriptionHint: '47 of 2,000 characters' });
    });

    it('finds the date a longer duration or a later predecessor needs, and nothing when the date still fits', () => {
        const w = workspace();
        // M(3) waits on M(2), due Fri Feb 27; 3 working days end Wed Mar 4, before its due date Fri Mar 6.
        expect(dueDateForSchedule(effectiveMilestones(w, EMPTY_DRAFT), M(3))).toBeNull();
        const longer = setField(EMPTY_DRAFT, w, M(3), 'durationDays', 8);
        expect(dueDateForSchedule(effectiveMilestones(w, longer), M(3))).toBe('2026-03-11');
        // Waiting on the security review (due Fri Mar 13) instead: 3 working days after it is Wed Mar 18.
        const later = setField(EMPTY_DRAFT, w, M(3), 'dependsOnId', M(4));
        expect(dueDateForSchedule(effectiveMilestones(w, later), M(3))).toBe('2026-03-18');
        // A predecessor already done holds nothing up; a duration being typed is not a number yet.
        const done = setField(EMPTY_DRAFT, w, M(3), 'dependsOnId', M(1));
        expect(
            dueDateForSchedule(effectiveMilestones(w, setField(done, w, M(3), 'durationDays', 40)), M(3))
        ).toBeNull();
        expect(
            dueDateForSchedule(effectiveMilestones(w, setField(EMPTY_DRAFT, w, M(3), 'durationDays', 2.5)), M(3))
        ).toBeNull();
    });

    it('sends a saved milestone that now waits on a new one with the new one named by key', () => {
        const w = workspace();
        const added = addMilestone(EMPTY_DRAFT, w, { phase: 'Validation' });
        let draft = setField(added.draft, w, added.key, 'name', 'Buyer IT confirms single sign-on');
        draft = setField(draft, w, added.key, 'dueDate', '2026-03-20');
        draft = setField(draft, w, M(3), 'dependsOnId', added.key);
        const sent = savePayload(w, draft).milestones.find((m) => m.key === M(3));
        expect(sent).toMatchObject({ id: M(3), dependsOnId: null, dependsOnKey: added.key });
        expect(sent?.changedFields).toEqual(['dependsOnId']);
    });
});

describe('save payloads', () => {
    it('sends only the changed fields of saved milestones', () => {
        const w = workspace();
        const draft = setFields(EMPTY_DRAFT, w, M(4), {
            dueDate: '2026-03-18',
            slipReason: 'Legal review',
            slipNote: ''
        });
        expect(savePayload(w, draft)).toEqual({
            milestones: [
                {
                    key: M(4),
                    id: M(4),
                    dueDate: '2026-03-18',
                    slipReason: 'Legal review',
                    changedFields: ['dueDate', 'slipReason']
                }
            ],
            deletedIds: [],
            loaded: loadedRevisions(w)
        });
    });

    it('sends a cleared field as null', () => {
        const w = workspace();
        const draft = setField(EMPTY_DRAFT, w, M(3), 'sellerOwnerId', null);
        expect(savePayload(w, draft).milestones[0]).toEqual({
            key: M(3),
            id: M(3),
            sellerOwnerId: null,
            changedFields: ['sellerOwnerId']
        });
    });

    it('sends every field of a new milestone, ordered after the saved ones', () => {
        const w = workspace();
        const added = addMilestone(EMPTY_DRAFT, w, { phase: 'Legal', side: 'Buyer', dueDate: '2026-03-16' });
        const draft = setFields(added.draft, w, added.key, { name: ' Buyer legal approves ', buyerOwnerId: C(3) });
        const [input] = savePayload(w, draft).milestones;
        expect(input).toEqual({
            key: 'new-1',
            id: null,
            name: ' Buyer legal approves ',
            description: null,
            phase: 'Legal',
            side: 'Buyer',
            buyerOwnerId: C(3),
            sellerOwnerId: null,
            dueDate: '2026-03-16',
            status: 'Not Started',
            buyerConfirmed: false,
            durationDays: 1,
            dependsOnId: null,
            marksClose: false,
            slipReason: null,
            slipNote: null,
            sortOrder: 9
        });
    });

    it('renumbers the order as shown once the user reordered, sending only what changed', () => {
        const w = workspace();
        const draft = moveMilestone(EMPTY_DRAFT, w, M(8), 'up');
        expect(savePayload(w, draft).milestones).toEqual([
            { key: M(8), id: M(8), sortOrder: 7, changedFields: ['sortOrder'] },
            { key: M(7), id: M(7), sortOrder: 8, changedFields: ['sortOrder'] }
        ]);
    });

    it('places a new milestone within its phase once the order is explicit', () => {
        const w = workspace();
        const reordered = moveMilestone(EMPTY_DRAFT, w, M(8), 'up');
        const { draft } = addMilestone(reordered, w, { name: 'Buyer legal approves', phase: 'Legal' });
        const payload = savePayload(w, draft).milestones;
        expect(payload.find((m) => m.key === 'new-1')?.sortOrder).toBe(6);
        expect(payload.find((m) => m.key === M(6))).toEqual({
            key: M(6),
            id: M(6),
            sortOrder: 7,
            changedFields: ['sortOrder']
        });
    });

    it('sends deletions of saved milestones and nothing else for them', () => {
        const w = workspace();
        const draft = removeMilestone(setField(EMPTY_DRAFT, w, M(7), 'status', 'Blocked'), M(7));
        expect(savePayload(w, draft)).toEqual({ milestones: [], deletedIds: [M(7)], loaded: loadedRevisions(w) });
        expect(savePayload(w, { ...EMPTY_DRAFT, deleted: ['gone'] }).deletedIds).toEqual([]);
    });

    it('sends nothing for an empty draft', () => {
        const w = workspace();
        expect(savePayload(w, EMPTY_DRAFT)).toEqual({ milestones: [], deletedIds: [], loaded: loadedRevisions(w) });
    });

    it('sends the revisions the screen was built from, so the server can refuse a save from a stale screen', () => {
        const w = workspace();
        w.plan = { ...(w.plan as NonNullable<typeof w.plan>), revision: 12 };
        w.milestones = w.milestones.map((m, i) => ({ ...m, revision: i + 1 }));
        const { loaded } = savePayload(w, EMPTY_DRAFT);
        expect(loaded.plan).toBe(12);
        expect(Object.keys(loaded.milestones)).toEqual(w.milestones.map((m) => m.id));
        expect(loaded.milestones[M(3)]).toBe(3);
        expect(loadedRevisions({ ...w, milestones: [{ ...w.milestones[0], revision: undefined }] }).milestones).toEqual(
            {
                [M(1)]: null
            }
        );
    });
});

describe('the list view', () => {
    function view(draft: Draft = EMPTY_DRAFT, ui: Partial<UiState> = {}, w = workspace()) {
        return buildListView(w, draft, { ...EMPTY_UI, ...ui }, null, 'en-US');
    }

    function row(listView: ReturnType<typeof view>, key: string) {
        return listView.groups.flatMap((g) => g.rows).find((r) => r.key === key);
    }

    it('groups rows by phase with a completion summary per group', () => {
        const v = view();
        expect(v.groups.map((g) => [g.label, g.rows.length, g.summary])).toEqual([
            ['Evaluation', 1, '1 of 1 complete'],
            ['Validation', 1, '0 of 1 complete'],
            ['Business Case', 1, '0 of 1 complete'],
            ['Security Review', 1, '0 of 1 complete'],
            ['Legal', 1, '0 of 1 complete'],
            ['Signature', 1, '0 of 1 complete'],
            ['Implementation', 2, '0 of 2 complete']
        ]);
        expect(v.groups[0].headingId).toBe('phase-heading-0');
        expect(v.totalCount).toBe(8);
        expect(v.visibleCount).toBe(8);
    });

    it('counts what stands out: overdue, open buyer items, unconfirmed buyer items', () => {
        const v = view();
        expect(v.overdueCount).toBe(1);
        expect(v.buyerOpenCount).toBe(6);
        expect(v.unconfirmedCount).toBe(6);
        expect(v.filters.map((f) => f.label)).toEqual(['All (8)', 'Open (7)', 'Overdue (1)', 'Buyer & joint (6)']);
        expect(v.filters[0]).toMatchObject({ variant: 'brand', pressed: 'true' });
        expect(v.filters[1]).toMatchObject({ variant: 'neutral', pressed: 'false' });
    });

    it.each<[string, Partial<RowViewExpectation>]>([
        [
            M(2),
            {
                isOverdue: true,
                overdueText: 'Overdue by 3 days',
                involvesBuyer: true,
                ownerText: 'Sam Security · Ada Executive',
                slipText: 'Slipped 2 working days',
                slipClass: 'slds-text-color_error',
                statusLabel: 'In Progress',
                confirmationText: 'Not confirmed by buyer',
                predecessorText: 'After "Buyer confirms success criteria"',
                historyLabel: 'Date history (1)',
                historyCount: 1,
                rowClass: 'milestone milestone_joint milestone_overdue'
            }
        ],
        [
            M(1),
            {
                isOverdue: false,
                confirmationText: 'Confirmed by buyer',
                statusClass: 'slds-badge slds-theme_success',
                rowClass: 'milestone milestone_buyer milestone_closed',
                slipText: ''
            }
        ],
        [M(3), { involvesBuyer: false, ownerText: 'Ada Executive', confirmationText: '', sideLabel: 'Seller' }],
        [M(5), { ownerText: 'No buyer owner', ownerMissing: true, showBuyerOwner: true, showSellerOwner: false }],
        [M(6), { marksClose: true, ownerText: 'Dana Buyer · Sol Engineer', dueLabel: 'Mar 19, 2026' }]
    ])('row %s shows its flags and labels', (key, expected) => {
        expect(row(view(), key)).toMatchObject(expected);
    });

    it('names owners the page does not list', () => {
        const w = workspace((x) => {
            x.milestones[2].sellerOwnerId = U(7);
            x.milestones[2].sellerOwnerName = null;
        });
        expect(row(view(EMPTY_DRAFT, {}, w), M(3))?.ownerText).toBe('Unknown user');
    });

    it.each([
        ['overdue', [M(2)]],
        ['buyer', [M(2), M(4), M(5), M(6), M(7), M(8)]],
        ['open', [M(2), M(3), M(4), M(5), M(6), M(7), M(8)]],
        ['all', [M(1), M(2), M(3), M(4), M(5), M(6), M(7), M(8)]]
    ])('filters %s', (filter, keys) => {
        const v = view(EMPTY_DRAFT, { filter: filter as UiState['filter'] });
        expect(v.groups.flatMap((g) => g.rows.map((r) => r.key))).toEqual(keys);
    });

    it('keeps a row being edited visible whatever the filter', () => {
        const v = view(EMPTY_DRAFT, { filter: 'overdue', editing: [M(3)] });
        expect(v.groups.flatMap((g) => g.rows.map((r) => r.key))).toEqual([M(2), M(3)]);
    });

    it.each([
        ['overdue', 'Nothing is overdue.'],
        ['buyer', 'No open buyer items.'],
        ['open', 'No open milestones.']
    ])('says why a %s filter shows nothing', (filter, message) => {
        const w = workspace((x) => x.milestones.forEach((m) => (m.status = 'Complete')));
        const v = view(EMPTY_DRAFT, { filter: filter as UiState['filter'] }, w);
        expect(v.groups).toEqual([]);
        expect(v.emptyMessage).toBe(message);
    });

    it('invites the first milestone of an empty plan', () => {
        const v = view(
            EMPTY_DRAFT,
            {},
            workspace((x) => (x.milestones = []))
        );
        expect(v.emptyMessage).toBe('This plan has no milestones yet. Add the first one.');
    });

    it('shows unsaved, new and deleted rows as such', () => {
        const w = workspace();
        let draft = setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked');
        draft = removeMilestone(draft, M(7));
        draft = addMilestone(draft, w, { phase: 'Legal', name: 'Buyer legal approves' }).draft;
        const v = view(draft, {}, w);
        expect(row(v, M(3))).toMatchObject({ isDirty: true, statusClass: 'slds-badge slds-theme_error' });
        expect(row(v, M(3))?.rowClass).toContain('milestone_dirty');
        expect(row(v, M(7))).toMatchObject({ isDeleted: true, isEditing: false, canEdit: false });
        expect(row(v, 'new-1')).toMatchObject({ isNew: true, isEditing: true, isDirty: true });
        expect(v.groups.find((g) => g.label === 'Implementation')?.summary).toBe('0 of 1 complete');
        expect(v.isDirty).toBe(true);
        expect(v.changeLabel).toBe('3 unsaved changes');
    });

    it('says a new order is unsaved', () => {
        expect(view(moveMilestone(EMPTY_DRAFT, workspace(), M(8), 'up')).changeLabel).toBe('Reordered, not saved yet');
    });

    it('disables moving the first of a phase up and the last down', () => {
        const v = view();
        expect(row(v, M(7))).toMatchObject({ cannotMoveUp: true, cannotMoveDown: false });
        expect(row(v, M(8))).toMatchObject({ cannotMoveUp: false, cannotMoveDown: true });
    });

    it('opens edit mode only for rows the user asked for, and labels every control with the milestone', () => {
        const v = view(EMPTY_DRAFT, { editing: [M(3)] });
        expect(row(v, M(3))).toMatchObject({
            isEditing: true,
            editLabel: 'Edit Seller delivers the business case',
            doneLabel: 'Done editing Seller delivers the business case',
            deleteLabel: 'Remove Seller delivers the business case',
            restoreLabel: 'Restore Seller delivers the business case',
            upLabel: 'Move Seller delivers the business case up',
            downLabel: 'Move Seller delivers the business case down'
        });
        expect(row(v, M(4))?.isEditing).toBe(false);
    });

    it('offers no edits without permission', () => {
        const w = workspace((x) => (x.permissions = { canReadPlans: true }));
        const r = row(view(EMPTY_DRAFT, { editing: [M(3)] }, w), M(3));
        expect(r).toMatchObject({ canEdit: false, isEditing: false, canDelete: false, cannotMoveUp: true });
    });

    it('opens the date history of one row, newest first, with reason, note and who', () => {
        const v = view(EMPTY_DRAFT, { historyKey: M(2) });
        expect(row(v, M(2))).toMatchObject({
            showHistory: true,
            historyExpanded: 'true',
            historyId: `history-${M(2)}`
        });
        expect(row(v, M(2))?.history).toEqual([
            {
                id: 'a03000000000001AAA',
                summary: 'Feb 25, 2026 → Feb 27, 2026 (2 working days later)',
                cause: '',
                reason: 'Buyer availability',
                note: 'IT lead on holiday',
                byline: 'by Ada Executive on Feb 24, 2026'
            }
        ]);
        expect(row(v, M(3))).toMatchObject({ showHistory: false, history: [], historyLabel: 'Date history' });
    });

    it.each([
        [{ daysMoved: -2, previousDate: '2026-03-10', newDate: '2026-03-07' }, '(2 working days earlier)'],
        [{ daysMoved: null, previousDate: '2026-03-10', newDate: '2026-03-11' }, '(1 working day later)'],
        [{ daysMoved: 0, previousDate: '2026-03-10', newDate: '2026-03-10' }, '(no change)'],
        [{ daysMoved: null, previousDate: null, newDate: '2026-03-10' }, '(no change)'],
        [{ daysMoved: 0, previousDate: '2026-03-07', newDate: '2026-03-08' }, '(later, over a weekend)'],
        [{ daysMoved: 4, previousDate: null, newDate: '2026-03-10' }, '(4 working days later)'],
        // A row written when Days_Moved__c counted calendar days: the dates tell the working days.
        [{ daysMoved: 7, previousDate: '2026-03-09', newDate: '2026-03-16' }, '(5 working days later)']
    ])('describes a history row %#', (change, text) => {
        const w = workspace((x) => {
            x.dateChanges = [
                { id: 'dc', milestoneId: M(3), reason: null, changedByName: null, changedOn: null, ...change }
            ];
        });
        const history = row(view(EMPTY_DRAFT, { historyKey: M(3) }, w), M(3))?.history[0];
        expect(history?.summary).toContain(text);
        expect(history?.reason).toBe('No reason given');
        expect(history?.byline).toBe('');
    });

    it('names the move that pushed a milestone, and no cause for a move of its own', () => {
        const w = workspace((x) => {
            x.dateChanges = [
                {
                    id: 'pushed',
                    milestoneId: M(3),
                    previousDate: '2026-03-06',
                    newDate: '2026-03-13',
                    reason: 'Predecessor slipped',
                    causedById: 'cause',
                    causedByMilestoneName: 'Security review completed'
                },
                { id: 'orphaned', milestoneId: M(3), causedById: 'gone', causedByMilestoneName: null },
                { id: 'own', milestoneId: M(3), causedById: null }
            ];
        });
        const history = row(view(EMPTY_DRAFT, { historyKey: M(3) }, w), M(3))?.history ?? [];
        expect(history.map((h) => h.cause)).toEqual([
            'Moved with “Security review completed”',
            'Moved with “a milestone since removed”',
            ''
        ]);
        expect(history[0].reason).toBe('Predecessor slipped');
    });

    it('ignores history rows of no milestone', () => {
        const w = workspace((x) => x.dateChanges.push({ id: 'orphan', milestoneId: null }));
        expect(row(view(EMPTY_DRAFT, {}, w), M(2))?.historyCount).toBe(1);
    });

    it('attaches a pending move to its row, with the reason typed so far', () => {
        const pendingMove = { key: M(4), to: '2026-03-20', reason: 'Other', note: 'n', reasonError: 'Choose a reason' };
        const v = view(EMPTY_DRAFT, { pendingMove });
        const r = row(v, M(4));
        expect(r?.move?.dependents.map((d) => d.key)).toEqual([M(5), M(6), M(7), M(8)]);
        expect(r?.move?.closeComparison.isLate).toBe(true);
        expect(r).toMatchObject({ moveReason: 'Other', moveNote: 'n', moveReasonError: 'Choose a reason' });
        expect(row(v, M(3))?.move).toBeNull();
    });

    it('ignores a pending move of a milestone that is gone', () => {
        const v = view(EMPTY_DRAFT, { pendingMove: { key: 'gone', to: '2026-03-20', reason: null, note: null } });
        expect(v.groups.flatMap((g) => g.rows).every((r) => r.move === null)).toBe(true);
    });

    it('shows the projected close of the draft and whether it changed', () => {
        const w = workspace();
        expect(view(EMPTY_DRAFT, {}, w)).toMatchObject({ projectedCloseDate: '2026-03-19', projectionChanged: false });
        const moved = setField(EMPTY_DRAFT, w, M(6), 'dueDate', '2026-03-24');
        expect(view(moved, {}, w)).toMatchObject({ projectedCloseDate: '2026-03-24', projectionChanged: true });
    });

    it('places errors on their row and field, keeping the row open and visible', () => {
        const errors = parseServerError(
            {
                body: {
                    message: JSON.stringify({
                        message: 'Nothing was saved.',
                        pageErrors: [],
                        recordErrors: [
                            {
                                key: M(3),
                                messages: ['Trigger said no'],
                                fieldErrors: {
                                    sellerOwnerId: ['Name the person on your side.'],
                                    dueDate: ['Bad date'],
                                    slipReason: ['Choose a reason.'],
                                    completedOn: ['Enter the date.'],
                                    marksClose: ['Only one close.']
                                }
                            }
                        ]
                    })
                }
            },
            'x'
        );
        const v = buildListView(workspace(), EMPTY_DRAFT, { ...EMPTY_UI, filter: 'overdue' }, errors, 'en-US');
        const r = row(v, M(3));
        expect(r).toMatchObject({ hasErrors: true, isEditing: true });
        expect(r?.rowClass).toContain('milestone_error');
        expect(r?.errors).toEqual({
            name: null,
            description: null,
            dependsOnId: null,
            durationDays: null,
            phase: null,
            side: null,
            buyerOwnerId: null,
            sellerOwnerId: 'Name the person on your side.',
            dueDate: 'Bad date',
            slip: 'Choose a reason.',
            status: 'Enter the date.',
            buyerConfirmed: null,
            row: 'Trigger said no Only one close.'
        });
    });

    it('lists errors of rows not shown at the top, and keeps rows with errors shown whatever the filter', () => {
        const errors: SaveErrors = {
            message: 'x',
            pageErrors: [],
            records: {
                [M(7)]: { messages: ['Cannot delete'], fieldErrors: {} },
                unknown: { messages: [], fieldErrors: { name: ['Bad'] } },
                plan: { messages: ['Plan error'], fieldErrors: {} }
            }
        };
        const w = workspace((x) => (x.permissions = { canReadPlans: true }));
        const v = buildListView(w, removeMilestone(EMPTY_DRAFT, M(7)), EMPTY_UI, errors, 'en-US');
        expect(row(v, M(7))?.hasErrors).toBe(true);
        const hidden = buildListView(
            w,
            EMPTY_DRAFT,
            { ...EMPTY_UI, filter: 'overdue' },
            { ...errors, records: { unknown: errors.records.unknown, plan: errors.records.plan } },
            'en-US'
        );
        expect(hidden.orphanErrors).toEqual(['Bad']);
        const keptVisible = buildListView(
            w,
            EMPTY_DRAFT,
            { ...EMPTY_UI, filter: 'overdue' },
            { ...errors, records: { [M(8)]: { messages: ['Locked'], fieldErrors: {} } } },
            'en-US'
        );
        expect(keptVisible.orphanErrors).toEqual([]);
        expect(row(keptVisible, M(8))?.hasErrors).toBe(true);
    });

    it('builds sixty rows in one linear pass', () => {
        const w = workspace((x) => {
            x.milestones = Array.from({ length: 60 }, (_, i) => ({
                ...(x.milestones[i % 8] as MilestoneInfo),
                id: M(100 + i),
                dependsOnId: i ? M(99 + i) : null,
                sortOrder: i + 1
            }));
        });
        const started = Date.now();
        const v = buildListView(w, setField(EMPTY_DRAFT, w, M(110), 'status', 'Blocked'), EMPTY_UI, null, 'en-US');
        expect(v.visibleCount).toBe(60);
        expect(Date.now() - started).toBeLessThan(500);
    });
});

describe('ui state', () => {
    it('opens and closes edit mode per row', () => {
        const open = toggleEditing(EMPTY_UI, 'a', true);
        expect(open.editing).toEqual(['a']);
        expect(toggleEditing(open, 'a', true).editing).toEqual(['a']);
        expect(toggleEditing(open, 'a', false).editing).toEqual([]);
    });
});

type RowViewExpectation = ReturnType<typeof buildListView>['groups'][number]['rows'][number];

describe('plausible due dates (the rule Due_Date_Plausible)', () => {
    const TODAY = '2026-03-02';
    it.each<[string, string, string, string | null]>([
        ['today', TODAY, 'Not Started', null],
        ['a year ago', '2025-03-02', 'In Progress', null],
        ['a year and a day ago', '2025-03-01', 'Blocked', 'Check the year'],
        ['three years out', '2029-03-01', 'Not Started', null],
        ['three years and a day out', '2029-03-02', 'Not Started', 'Check the year'],
        ['an old date on a Complete milestone (history)', '2020-01-01', 'Complete', null],
        ['a typo on a Skipped milestone', '2062-01-01', 'Skipped', null]
    ])('%s', (_, date, status, problem) => {
        expect(dueDateProblem(date, status, TODAY)?.slice(0, 'Check the year'.length) ?? null).toBe(problem);
    });

    it('checks a due date being set before saving, and leaves an unchanged overdue one alone', () => {
        const w = workspace();
        const typo = setField(EMPTY_DRAFT, w, M(4), 'dueDate', '2062-03-13');
        expect(validateMilestones(effectiveMilestones(w, typo), w.today)?.records[M(4)].fieldErrors.dueDate).toEqual([
            IMPLAUSIBLE_DUE_DATE
        ]);
        const added = addMilestone(EMPTY_DRAFT, w, { name: 'Typo', dueDate: '2206-01-01' });
        expect(validateMilestones(effectiveMilestones(w, added.draft), w.today)?.records[added.key]).toBeDefined();
        const old = {
            ...w,
            milestones: w.milestones.map((m) => (m.id === M(3) ? { ...m, dueDate: '2024-01-05' } : m))
        };
        const renamed = setField(EMPTY_DRAFT, old, M(3), 'name', 'Renamed');
        expect(validateMilestones(effectiveMilestones(old, renamed), old.today)).toBeNull();
    });
});

describe('removing a milestone that others wait on', () => {
    function rowOf(draft: Draft, key: string) {
        const w = workspace();
        const listView = buildListView(w, draft, EMPTY_UI, null, 'en-US');
        return listView.groups.flatMap((group) => group.rows).find((row) => row.key === key);
    }

    it('warns on the removed row who waits on it, and offers its own predecessor instead', () => {
        const w = workspace();
        const removed = removeMilestone(EMPTY_DRAFT, M(4));
        expect(dependentsOf(w, removed, M(4)).map((m) => m.key)).toEqual([M(5)]);
        const row = rowOf(removed, M(4));
        expect(row?.removalWarning).toBe(
            '“Buyer legal returns first redlines” waits on this milestone. Once it is removed, it waits on nothing, unless you have it wait on “Seller delivers the business case” instead.'
        );
        expect(row?.repointLabel).toBe('Have them wait on “Seller delivers the business case”');
        expect(rowOf(EMPTY_DRAFT, M(4))?.removalWarning).toBeNull();
        expect(rowOf(removeMilestone(EMPTY_DRAFT, M(8)), M(8))?.removalWarning).toBeNull();
    });

    it("re-points them to the removed milestone's predecessor, which then saves with the removal", () => {
        const w = workspace();
        const draft = repointDependents(removeMilestone(EMPTY_DRAFT, M(4)), w, M(4));
        expect(draft.changes[M(5)]).toEqual({ dependsOnId: M(3) });
        expect(rowOf(draft, M(4))?.removalWarning).toBeNull();
        expect(savePayload(w, draft)).toMatchObject({
            milestones: [{ id: M(5), dependsOnId: M(3), changedFields: ['dependsOnId'] }],
            deletedIds: [M(4)]
        });
    });

    it('says a first milestone leaves its dependents waiting on nothing, with no other choice offered', () => {
        const row = rowOf(removeMilestone(EMPTY_DRAFT, M(1)), M(1));
        expect(row?.removalWarning).toBe(
            '“Buyer IT completes technical validation” waits on this milestone. Once it is removed, it waits on nothing.'
        );
        expect(row?.repointLabel).toBeNull();
    });
});

describe("dates and numbers in the user's locale", () => {
    it('writes dates and counts as the user does (de-DE: "31. März 2026", "1.234")', () => {
        expect(formatDate('2026-03-31', 'de-DE')).toBe('31. März 2026');
        expect(formatDate('2026-03-31', 'en-US')).toBe('Mar 31, 2026');
        expect(plural(1234, 'day', undefined, 'de-DE')).toBe('1.234 days');
        expect(plural(1234, 'day', undefined, 'en-US')).toBe('1,234 days');
        // Jan 5, 2026 to Sep 25, 2030: more than a thousand working days, with the German thousands separator.
        expect(movedByLabel('2030-09-25', '2026-01-05', 'de-DE')).toMatch(/^1\.\d{3} working days earlier$/);
    });

    it('shows the list and a date history row in the locale', () => {
        const v = buildListView(workspace(), EMPTY_DRAFT, { ...EMPTY_UI, historyKey: M(2) }, null, 'de-DE');
        const row = v.groups.flatMap((group) => group.rows).find((r) => r.key === M(2));
        expect(row?.dueLabel).toBe('27. Feb. 2026');
        expect(row?.history).toEqual([
            expect.objectContaining({
                summary: '25. Feb. 2026 → 27. Feb. 2026 (2 working days later)',
                byline: 'by Ada Executive on 24. Feb. 2026'
            })
        ]);
    });

    it("names milestones and dates in a move's warnings by what the user reads, never a record Id or ISO date", () => {
        const milestones = effectiveMilestones(workspace(), EMPTY_DRAFT);
        // Saturday 14 March 2026.
        const weekend = previewMove(milestones, M(4), '2026-03-14', { planStatus: 'Active', locale: 'de-DE' });
        expect(weekend).toMatchObject({ fromLabel: '13. März 2026', toLabel: '14. März 2026' });
        expect(weekend.warnings).toContain(
            'The new due date of "Buyer security team completes the review", 14. März 2026, is not a working day.'
        );
        // Before its predecessor is due: the warning names that predecessor.
        const early = previewMove(milestones, M(5), '2026-03-12', { planStatus: 'Active', locale: 'de-DE' });
        expect(early.warnings.join(' ')).toContain('"Buyer security team completes the review", which comes before it');
        for (const text of [...weekend.warnings, ...early.warnings]) {
            expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b|a02000000000\d{3}AAA/);
        }
    });
});

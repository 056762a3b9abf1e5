import {
    adjustPreviewDate,
    createRequest,
    defaultPlanName,
    emptyCreateForm,
    previewPlan,
    setCreateField,
    templateSteps,
    validateCreateForm
} from 'c/planCreationModel';
import type { CreateForm } from 'c/planCreationModel';
import { normalizeWorkspace } from 'c/planWorkspaceModel';
import type { TemplateInfo, Workspace } from 'c/planWorkspaceModel';

const FIXTURE = jest.requireActual<Workspace>('../../planWorkspaceModel/__tests__/data/workspace.json');

/** The fixture without a plan: today is Monday 2026-03-02, the opportunity closes Friday 2026-03-20. */
function workspace(change: (w: Workspace) => void = () => undefined): Workspace {
    const copy = normalizeWorkspace(JSON.parse(JSON.stringify(FIXTURE)) as Workspace);
    copy.plan = null;
    copy.milestones = [];
    change(copy);
    return copy;
}

function form(values: Partial<CreateForm> = {}): CreateForm {
    return { ...emptyCreateForm(workspace()), targetDate: '2026-03-31', anchorEvent: 'Board meeting', ...values };
}

describe('the create form', () => {
    it.each([
        ['Acme platform deal', 'Acme platform deal mutual action plan'],
        [null, 'Mutual action plan'],
        ['', 'Mutual action plan'],
        ['x'.repeat(90), `${'x'.repeat(79)}…`]
    ])('names the plan of %p %p', (opportunity, name) => {
        expect(defaultPlanName(opportunity)).toBe(name);
    });

    it('starts with the first template, the opportunity name and the first buyer contact as lead', () => {
        expect(emptyCreateForm(workspace())).toEqual({
            templateName: 'Enterprise',
            targetDate: null,
            anchorEvent: '',
            name: 'Acme platform deal mutual action plan',
            sharedObjective: '',
            buyerLeadId: '003000000000001AAA',
            dates: null
        });
    });

    it('starts empty when there is no template and no contact', () => {
        const empty = emptyCreateForm(
            workspace((w) => {
                w.templates = [];
                w.buyerContacts = [];
            })
        );
        expect(empty.templateName).toBeNull();
        expect(empty.buyerLeadId).toBeNull();
    });

    it.each<[string, keyof CreateForm, string | null, Partial<CreateForm>]>([
        [
            'a new template drops the adjusted dates',
            'templateName',
            'Mid_Market',
            { templateName: 'Mid_Market', dates: null }
        ],
        ['a new target date drops them', 'targetDate', '2026-04-10', { targetDate: '2026-04-10', dates: null }],
        ['the same target date keeps them', 'targetDate', '2026-03-31', { dates: { 'step-1': '2026-03-02' } }],
        [
            'the anchor event keeps them',
            'anchorEvent',
            'Go-live',
            { anchorEvent: 'Go-live', dates: { 'step-1': '2026-03-02' } }
        ],
        ['a cleared target date is null', 'targetDate', '', { targetDate: null }],
        ['a cleared lead is null', 'buyerLeadId', null, { buyerLeadId: null }],
        ['a cleared text is empty', 'sharedObjective', null, { sharedObjective: '' }]
    ])('%s', (_, field, value, expected) => {
        const before = form({ dates: { 'step-1': '2026-03-02' } });
        expect(setCreateField(before, field as never, value)).toMatchObject(expected);
    });

    it.each<[string, Partial<CreateForm>, Record<string, string>]>([
        ['a complete form', {}, {}],
        ['no template', { templateName: null }, { templateName: 'Choose a template.' }],
        ['no target date', { targetDate: null }, { targetDate: "Enter the buyer's target date." }],
        [
            'no anchor event',
            { anchorEvent: '  ' },
            { anchorEvent: "Enter the buyer's reason for the date: the event the plan works back from." }
        ],
        ['no name', { name: ' ' }, { name: 'Name the plan.' }],
        ['a name too long', { name: 'x'.repeat(81) }, { name: 'Use 80 characters or fewer.' }]
    ])('checks %s', (_, values, errors) => {
        expect(validateCreateForm(form(values))).toEqual(errors);
    });
});

describe('template steps', () => {
    it.each<[string, Partial<TemplateInfo['steps'][number]>, Record<string, unknown>]>([
        ['keeps a well-formed step', {}, { side: 'Buyer', durationDays: 3, phase: 'Evaluation', marksClose: false }],
        ['treats an unknown side as joint', { side: 'Partner' }, { side: 'Joint' }],
        ['treats a blank side as joint', { side: null }, { side: 'Joint' }],
        ['treats a blank duration as a checkpoint', { durationDays: null }, { durationDays: 0 }],
        ['rounds a fractional duration', { durationDays: 2.6 }, { durationDays: 3 }],
        ['never goes below zero days', { durationDays: -2 }, { durationDays: 0 }],
        ['gives a blank phase an empty one', { phase: null }, { phase: '' }],
        ['keeps the predecessor', { predecessorKey: 'step-0' }, { predecessorKey: 'step-0' }],
        ['treats a blank close flag as false', { marksClose: null }, { marksClose: false }]
    ])('%s', (_, change, expected) => {
        const template = workspace().templates[0];
        const step = { ...template.steps[0], ...change };
        expect(templateSteps({ ...template, steps: [step] })[0]).toMatchObject(expected);
    });
});

describe('the preview', () => {
    it.each<[string, Partial<CreateForm>, string]>([
        ['without a template', { templateName: null }, 'Choose a template to see its milestones.'],
        ['with an unknown template', { templateName: 'Gone' }, 'Choose a template to see its milestones.'],
        [
            'without a target date',
            { targetDate: null },
            "Enter the buyer's target date: every milestone is dated backward from it."
        ]
    ])('explains why there is nothing to show %s', (_, values, blocker) => {
        const preview = previewPlan(workspace(), form(values), 'en-US');
        expect(preview.blocker).toBe(blocker);
        expect(preview.rows).toEqual([]);
        expect(preview.closeComparison.isLate).toBe(false);
    });

    it('explains a template that cannot be scheduled', () => {
        const w = workspace((x) => (x.templates[0].steps[0].predecessorKey = 'step-6'));
        expect(previewPlan(w, form(), 'en-US').blocker).toMatch(/^This template cannot be scheduled: /);
    });

    it('dates every step backward from the target date in working days, following predecessors', () => {
        const preview = previewPlan(workspace(), form(), 'en-US');
        expect(preview.blocker).toBeNull();
        expect(preview.rows.map((row) => [row.title, row.startDate, row.dueDate, row.predecessorTitle])).toEqual([
            // Kickoff (1 day) is due on the target, Tuesday 31 March; signing (0 days) the working day before it.
            ['Buyer agrees the success criteria', '2026-02-25', '2026-02-27', null],
            ['Buyer IT validates the platform', '2026-03-02', '2026-03-13', 'Buyer agrees the success criteria'],
            ['Buyer security completes the review', '2026-03-16', '2026-03-27', 'Buyer IT validates the platform'],
            ['Seller sends the contract', '2026-03-30', '2026-03-30', 'Buyer security completes the review'],
            ['Both sides sign the contract', '2026-03-30', '2026-03-30', 'Seller sends the contract'],
            ['Implementation kickoff', '2026-03-31', '2026-03-31', 'Both sides sign the contract']
        ]);
        expect(preview.rows[0]).toMatchObject({
            key: 'step-1',
            phase: 'Evaluation',
            side: 'Buyer',
            durationLabel: '3 working days',
            dueLabel: 'Feb 27, 2026',
            involvesBuyer: true,
            isAdjusted: false,
            dateLabel: 'Due date of Buyer agrees the success criteria',
            rowClass: 'preview-row preview-row_buyer'
        });
        expect(preview.rows[3].rowClass).toBe('preview-row');
        expect(preview.rows[4].marksClose).toBe(true);
    });

    it('skips weekends: a Sunday target date puts the last steps on the Friday before', () => {
        const preview = previewPlan(workspace(), form({ targetDate: '2026-04-05' }), 'en-US');
        expect(preview.rows[5].dueDate).toBe('2026-04-03');
        expect(preview.warnings[0]).toContain('is not a working day');
    });

    it('says where the close lands against the opportunity close date', () => {
        const preview = previewPlan(workspace(), form(), 'en-US');
        expect(preview.projectedCloseDate).toBe('2026-03-30');
        expect(preview.projectedCloseLabel).toBe('Mar 30, 2026');
        expect(preview.closeComparison).toMatchObject({ isLate: true, varianceDays: 10 });
    });

    it("writes every date and number in the user's locale, warnings included (de-DE)", () => {
        const preview = previewPlan(workspace(), form({ targetDate: '2026-04-05' }), 'de-DE');
        expect(preview.rows[0]).toMatchObject({ dueDate: '2026-03-04', dueLabel: '4. März 2026' });
        expect(preview.projectedCloseLabel).toBe('2. Apr. 2026');
        expect(preview.warnings[0]).toBe(
            'The target date 5. Apr. 2026 is not a working day, so the last milestones are due on the working day ' +
                'before it, 3. Apr. 2026.'
        );
        const cycle = workspace((x) => (x.templates[0].steps[0].predecessorKey = 'step-6'));
        const blocker = previewPlan(cycle, form(), 'de-DE').blocker ?? '';
        expect(blocker).toContain('Buyer agrees the success criteria → Buyer IT validates the platform');
        expect(blocker).not.toMatch(/step-\d/);
    });

    it('has no projected close for a template without a close step', () => {
        const w = workspace((x) => x.templates[0].steps.forEach((step) => (step.marksClose = false)));
        expect(previewPlan(w, form(), 'en-US').projectedCloseDate).toBeNull();
    });

    it('warns when the target date is too close for the template', () => {
        const preview = previewPlan(workspace(), form({ targetDate: '2026-03-06' }), 'en-US');
        expect(preview.warnings.join(' ')).toContain('before today');
    });

    it('shows the dates the user adjusted', () => {
        const preview = previewPlan(workspace(), form({ dates: { 'step-1': '2026-03-02' } }), 'en-US');
        expect(preview.rows[0]).toMatchObject({ dueDate: '2026-03-02', isAdjusted: true });
        expect(preview.rows[1].isAdjusted).toBe(false);
    });

    it('explains a step without an order and a target date that is not a date', () => {
        const w = workspace((x) => (x.templates[0].steps[0].order = undefined as unknown as number));
        expect(previewPlan(w, form(), 'en-US').blocker).toContain('has no order');
        expect(previewPlan(workspace(), form({ targetDate: 'soon' }), 'en-US').blocker).toContain('Not an ISO date');
    });
});

describe('adjusting preview dates', () => {
    it('pushes the successors that would start before the moved step is done', () => {
        const dates = adjustPreviewDate(workspace(), form(), 'step-2', '2026-03-20');
        expect(dates).toEqual({
            'step-2': '2026-03-20',
            'step-3': '2026-04-03',
            'step-4': '2026-04-06',
            'step-5': '2026-04-06',
            'step-6': '2026-04-07'
        });
    });

    it('moves nothing else when a step moves earlier, and keeps earlier adjustments', () => {
        const dates = adjustPreviewDate(
            workspace(),
            form({ dates: { 'step-6': '2026-04-01' } }),
            'step-1',
            '2026-02-26'
        );
        expect(dates).toEqual({ 'step-1': '2026-02-26', 'step-6': '2026-04-01' });
    });

    it('changes nothing without a template or target date', () => {
        expect(adjustPreviewDate(workspace(), form({ targetDate: null }), 'step-1', '2026-03-05')).toEqual({});
        expect(
            adjustPreviewDate(workspace(), form({ templateName: null, dates: { a: '2026-03-05' } }), 'a', '2026-03-06')
        ).toEqual({
            a: '2026-03-05'
        });
    });
});

describe('the create request', () => {
    it('sends the plan and one milestone per step, linked, ordered and owned on both sides', () => {
        const w = workspace();
        const f = form({
            sharedObjective: '  Close in 4 days  ',
            name: ' Acme plan ',
            dates: { 'step-1': '2026-03-02' }
        });
        const request = createRequest(w, f, previewPlan(w, f, 'en-US'));
        expect(request.plan).toEqual({
            name: 'Acme plan',
            sharedObjective: 'Close in 4 days',
            targetDate: '2026-03-31',
            anchorEvent: 'Board meeting',
            buyerLeadId: '003000000000001AAA',
            templateName: 'Enterprise'
        });
        expect(request.milestones).toHaveLength(6);
        expect(request.milestones[0]).toEqual({
            key: 'step-1',
            id: null,
            name: 'Buyer agrees the success criteria',
            description: 'Criteria signed off',
            phase: 'Evaluation',
            side: 'Buyer',
            buyerOwnerId: '003000000000001AAA',
            sellerOwnerId: null,
            dueDate: '2026-03-02',
            status: 'Not Started',
            durationDays: 3,
            marksClose: false,
            sortOrder: 1,
            dependsOnKey: null,
            templateStep: 'Enterprise_01'
        });
        expect(request.milestones[3]).toMatchObject({
            side: 'Seller',
            buyerOwnerId: null,
            sellerOwnerId: '005000000000001AAA',
            dependsOnKey: 'step-3'
        });
        expect(request.milestones[4]).toMatchObject({
            side: 'Joint',
            buyerOwnerId: '003000000000001AAA',
            sellerOwnerId: '005000000000001AAA',
            marksClose: true,
            sortOrder: 5
        });
    });

    it('sends blanks as null and shortens long titles to the field length', () => {
        const w = workspace((x) => {
            x.templates[0].steps[0].title = 'x'.repeat(100);
            x.currentUserId = '';
        });
        const f = form({ buyerLeadId: '', sharedObjective: ' ', anchorEvent: ' ' });
        const request = createRequest(w, f, previewPlan(w, f, 'en-US'));
        expect(request.plan).toMatchObject({ sharedObjective: null, anchorEvent: null, buyerLeadId: null });
        expect(request.milestones[0].name).toHaveLength(80);
        expect(request.milestones[1]).toMatchObject({ buyerOwnerId: null, sellerOwnerId: null });
    });

    it('sends no milestones without a preview', () => {
        const w = workspace();
        const f = form({ targetDate: null });
        expect(createRequest(w, f, previewPlan(w, f)).milestones).toEqual([]);
    });
});

describe("the create form's target date, checked as the platform's rules check it", () => {
    const withDate = (targetDate: string | null) => ({
        templateName: 'Enterprise',
        targetDate,
        anchorEvent: 'Board meeting',
        name: 'Acme plan',
        sharedObjective: '',
        buyerLeadId: null,
        dates: null
    });

    it.each<[string, string, string | undefined]>([
        ['today', '2026-03-02', 'Choose a target date after today: the plan works back from it.'],
        [
            'a date three years and a day out',
            '2029-03-02',
            'Choose a target date within three years of today: is the year right?'
        ],
        ['a plausible date', '2026-06-30', undefined]
    ])('%s', (_, date, message) => {
        expect(validateCreateForm(withDate(date), '2026-03-02').targetDate).toBe(message);
    });
});

describe("the create preview and the buyer's target date", () => {
    it('lands by the target date as scheduled, and says so plainly once an adjusted date pushes past it', () => {
        const scheduled = previewPlan(workspace(), form(), 'en-US');
        expect(scheduled.lateLanding).toBeNull();
        const last = scheduled.rows.reduce((a, b) => (a.dueDate >= b.dueDate ? a : b));
        const late = previewPlan(workspace(), form({ dates: { [last.key]: '2026-04-03' } }), 'en-US');
        expect(late.lateLanding).toBe(
            `The plan no longer lands by the buyer's target date (Mar 31, 2026): “${last.title}” is due Apr 3, 2026, 3 working days later. To land on time, pull in the milestones before it, or agree a new target date with the buyer.`
        );
    });
});

describe("the create preview and the admin's plan size limit", () => {
    const REASON =
        'A buyer follows a shorter plan more easily, and it is easier to keep current: consider merging or dropping steps.';
    /** The fixture's Enterprise template has 6 steps, its Mid-Market template 3. */
    const limited = (limit: number | null) => workspace((w) => (w.planSizeLimit = limit));

    it('warns when the template makes more milestones than the limit, and why', () => {
        const preview = previewPlan(limited(5), form(), 'en-US');
        expect(preview.rows).toHaveLength(6);
        expect(preview.sizeWarning).toBe(
            `This plan has 6 milestones, more than the 5 your admin set as the limit. ${REASON}`
        );
        expect(preview.blocker).toBeNull();
    });

    it('says nothing for a template at the limit or under it, or without a limit', () => {
        expect(previewPlan(limited(6), form(), 'en-US').sizeWarning).toBeNull();
        expect(previewPlan(limited(20), form(), 'en-US').sizeWarning).toBeNull();
        expect(previewPlan(limited(null), form(), 'en-US').sizeWarning).toBeNull();
        expect(previewPlan(limited(5), form({ templateName: 'Mid_Market' }), 'en-US').sizeWarning).toBeNull();
    });

    it('warns as soon as the template is chosen, before the target date', () => {
        const preview = previewPlan(limited(2), form({ templateName: 'Mid_Market', targetDate: null }), 'en-US');
        expect(preview.blocker).toMatch(/^Enter the buyer's target date/);
        expect(preview.sizeWarning).toMatch(/^This plan has 3 milestones, more than the 2 /);
        expect(previewPlan(limited(2), form({ templateName: null }), 'en-US').sizeWarning).toBeNull();
    });

    it('still warns when the template cannot be scheduled', () => {
        const broken = limited(5);
        broken.templates[0].steps[0].predecessorKey = 'step-6';
        const preview = previewPlan(broken, form(), 'en-US');
        expect(preview.blocker).toMatch(/^This template cannot be scheduled/);
        expect(preview.sizeWarning).toMatch(/^This plan has 6 milestones, more than the 5 /);
    });

    it('does not stop the plan being created: every step is still sent', () => {
        const w = limited(5);
        const preview = previewPlan(w, form(), 'en-US');
        expect(createRequest(w, form(), preview).milestones).toHaveLength(6);
    });

    it("writes the numbers in the user's locale", () => {
        const w = workspace((x) => {
            x.planSizeLimit = 999;
            const [step] = x.templates[0].steps;
            x.templates[0].steps = Array.from({ length: 1000 }, (_, i) => ({
                ...step,
                key: `step-${i + 1}`,
                order: i + 1,
                predecessorKey: null,
                marksClose: i === 999
            }));
        });
        expect(previewPlan(w, form({ targetDate: null }), 'de-DE').sizeWarning).toMatch(
            /^This plan has 1\.000 milestones, more than the 999 /
        );
    });
});

import { createElement } from 'lwc';
// By its path: tsconfig.json maps no c/planMilestoneRow (the list's template is what reaches it as such).
import PlanMilestoneRow from '../planMilestoneRow';
import {
    addMilestone,
    buildListView,
    EMPTY_DRAFT,
    EMPTY_UI,
    listOptions,
    normalizeWorkspace,
    parseServerError,
    removeMilestone,
    setField
} from 'c/planWorkspaceModel';
import type { Draft, ListOptions, RowView, SaveErrors, UiState, Workspace } from 'c/planWorkspaceModel';

const FIXTURE = jest.requireActual<Workspace>('../../planWorkspaceModel/__tests__/data/workspace.json');
const M = (n: number) => `a02000000000${String(n).padStart(3, '0')}AAA`;

type RowElement = HTMLElement & { row?: RowView; options: ListOptions; focusControl(target: string): boolean };

function workspace(change: (w: Workspace) => void = () => undefined): Workspace {
    const copy = normalizeWorkspace(JSON.parse(JSON.stringify(FIXTURE)) as Workspace);
    change(copy);
    return copy;
}

interface RenderOptions {
    w?: Workspace;
    draft?: Draft;
    ui?: Partial<UiState>;
    errors?: SaveErrors | null;
}

const ROW_EVENTS = [
    'rowaction',
    'fieldchange',
    'datechange',
    'moveinput',
    'moveconfirm',
    'movecancel',
    'pullinconfirm',
    'pullincancel'
];

/**
 * Every row of the plan's list view, each a c-plan-milestone-row as the list renders it, in one container; the
 * events of all of them in the order they came.
 */
function render({ w = workspace(), draft = EMPTY_DRAFT, ui = {}, errors = null }: RenderOptions = {}) {
    const view = buildListView(w, draft, { ...EMPTY_UI, ...ui }, errors, 'en-US');
    const element = document.createElement('div');
    document.body.appendChild(element);
    const events: { type: string; detail: unknown }[] = [];
    for (const row of view.groups.flatMap((group) => group.rows)) {
        const host = createElement('c-plan-milestone-row', { is: PlanMilestoneRow }) as RowElement;
        host.row = row;
        host.options = listOptions(w);
        host.dataset.key = row.key;
        element.appendChild(host);
        for (const type of ROW_EVENTS) {
            host.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
        }
    }
    return { element, events };
}

const $ = <T extends Element = HTMLElement>(root: Element | ShadowRoot | null | undefined, selector: string) =>
    root?.querySelector(selector) as T | null;
const $$ = (root: Element | ShadowRoot | null | undefined, selector: string) => [
    ...(root?.querySelectorAll(selector) ?? [])
];
const hostOf = (element: HTMLElement, n: number | string) =>
    $<RowElement>(element, `c-plan-milestone-row[data-key="${typeof n === 'number' ? M(n) : n}"]`);
/** The row as its component renders it: the element holding its class, keyboard handler and content. */
const rowOf = (element: HTMLElement, n: number | string) => $(hostOf(element, n)?.shadowRoot, '[data-id="row"]');
const text = (root: Element | null, selector: string) => $(root, selector)?.textContent?.replace(/\s+/g, ' ').trim();

function changeSelect(host: Element | null, value: string): void {
    const select = host?.shadowRoot?.querySelector('select') as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new CustomEvent('change'));
}

describe('c-plan-milestone-row', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    describe('showing the plan', () => {
        it('shows each milestone with its side, owners, due date, status, buyer confirmation and slip', () => {
            const { element } = render();
            const row = rowOf(element, 2);
            expect(text(row, '[data-id="side"]')).toBe('Joint');
            expect(text(row, '[data-id="owner"]')).toBe('Sam Security · Ada Executive');
            expect(text(row, '[data-id="due"]')).toBe('Feb 27, 2026, Slipped 2 working days');
            expect($(row, '[data-id="slip"]')?.className).toBe('slds-text-color_error');
            expect(text(row, '[data-id="status"]')).toBe('In Progress');
            expect(text(row, '[data-id="confirmation"]')).toBe('Not confirmed by buyer');
            expect(text(rowOf(element, 1), '[data-id="confirmation"]')).toBe('Confirmed by buyer');
            expect($(rowOf(element, 3), '[data-id="confirmation"]')).toBeNull();
            expect(text(row, '.milestone__meta')).toContain('After "Buyer confirms success criteria"');
        });
    });

    it('lists the first five milestones a pull-in or a date move moves, and all of them on request', async () => {
        const w = workspace();
        // A sixth and a seventh step after first value, added in the draft: seven move with the business case.
        const sixth = addMilestone(EMPTY_DRAFT, w, { dependsOnId: M(8), dueDate: '2026-04-07', durationDays: 3 });
        const longer = addMilestone(sixth.draft, w, { dependsOnId: sixth.key, dueDate: '2026-04-14', durationDays: 3 });
        const draft = setField(longer.draft, w, M(3), 'status', 'Complete');
        const { element } = render({ w, draft, ui: { editing: [M(3)], pullIn: { key: M(3) } } });
        const host = hostOf(element, 3) as RowElement;
        const pullIn = () => $(rowOf(element, 3), '[data-id="pull-in-panel"]');
        const listed = (panel: Element | null, list: string) => $$(panel, `[data-id="${list}"] li`).length;
        const toggle = (panel: Element | null, id: string) => $<HTMLButtonElement>(panel, `[data-id="${id}"]`);

        expect(listed(pullIn(), 'pull-in-dependents')).toBe(5);
        expect(text(pullIn(), '[data-id="pull-in-dependents"] li:last-child')).toContain('Buyer reaches first value');
        expect(toggle(pullIn(), 'pull-in-show-all')?.textContent?.trim()).toBe('Show all 7 milestones');
        expect(toggle(pullIn(), 'pull-in-show-all')?.getAttribute('aria-expanded')).toBe('false');
        expect(toggle(pullIn(), 'pull-in-show-all')?.getAttribute('aria-controls')).toBe(
            $(pullIn(), '[data-id="pull-in-dependents"]')?.id
        );
        toggle(pullIn(), 'pull-in-show-all')?.click();
        await Promise.resolve();
        expect(listed(pullIn(), 'pull-in-dependents')).toBe(7);
        expect(toggle(pullIn(), 'pull-in-show-all')?.textContent?.trim()).toBe('Show fewer');
        expect(toggle(pullIn(), 'pull-in-show-all')?.getAttribute('aria-expanded')).toBe('true');
        toggle(pullIn(), 'pull-in-show-all')?.click();
        await Promise.resolve();
        expect(listed(pullIn(), 'pull-in-dependents')).toBe(5);

        // Expanded, then the offer is answered: the next offer opens short again.
        toggle(pullIn(), 'pull-in-show-all')?.click();
        await Promise.resolve();
        const rowOfView = (ui: Partial<UiState>, shown: Draft = draft) =>
            buildListView(w, shown, { ...EMPTY_UI, ...ui }, null, 'en-US')
                .groups.flatMap((group) => group.rows)
                .find((row) => row.key === M(3));
        host.row = rowOfView({ editing: [M(3)] });
        await Promise.resolve();
        expect(pullIn()).toBeNull();
        host.row = rowOfView({ editing: [M(3)], pullIn: { key: M(3) } });
        await Promise.resolve();
        expect(listed(pullIn(), 'pull-in-dependents')).toBe(5);

        // A slip of the same milestone, still open, lists what it pushes the same way.
        const pendingMove = { key: M(3), to: '2026-03-20', reason: null, note: null };
        host.row = rowOfView({ editing: [M(3)], pendingMove }, longer.draft);
        await Promise.resolve();
        const move = $(rowOf(element, 3), '[data-id="move-panel"]');
        expect(listed(move, 'dependents')).toBe(5);
        expect(toggle(move, 'move-show-all')?.textContent?.trim()).toBe('Show all 7 milestones');
        toggle(move, 'move-show-all')?.click();
        await Promise.resolve();
        expect(listed(move, 'dependents')).toBe(7);
        expect(toggle(move, 'move-show-all')?.getAttribute('aria-expanded')).toBe('true');
        await expect(element).toBeAccessible();
    });

    it('shows no toggle under a list of five or fewer', () => {
        const w = workspace();
        const draft = setField(EMPTY_DRAFT, w, M(3), 'status', 'Complete');
        const { element } = render({ w, draft, ui: { editing: [M(3)], pullIn: { key: M(3) } } });
        expect($(rowOf(element, 3), '[data-id="pull-in-show-all"]')).toBeNull();
    });

    it('marks the milestones that set the plan-implied close, and only them', () => {
        const w = workspace((x) => x.plan && (x.plan.criticalPathIds = [M(3), M(4)]));
        const { element } = render({ w });
        expect(text(rowOf(element, 3), '[data-id="critical-flag"]')).toBe('Critical path');
        expect($(rowOf(element, 4), '[data-id="critical-flag"]')?.getAttribute('title')).toBe(
            'On the chain of steps that sets the earliest close: a slip here moves it.'
        );
        expect($(rowOf(element, 2), '[data-id="critical-flag"]')).toBeNull();
        const removed = render({ w, draft: removeMilestone(EMPTY_DRAFT, M(3)) }).element;
        expect($(rowOf(removed, 3), '[data-id="critical-flag"]')).toBeNull();
    });

    it('offers to pull in what waits on a milestone done early, and reports the answer', () => {
        const w = workspace();
        const draft = setField(EMPTY_DRAFT, w, M(3), 'status', 'Complete');
        const { element, events } = render({ w, draft, ui: { editing: [M(3)], pullIn: { key: M(3) } } });
        const panel = $(rowOf(element, 3), '[data-id="pull-in-panel"]');
        expect(panel?.getAttribute('aria-label')).toBe('Pull in what waits on it');
        expect(text(panel, '.slds-text-title_bold')).toBe('Done 4 working days early: pull in what waits on it?');
        expect($$(panel, '[data-id="pull-in-dependents"] li')).toHaveLength(5);
        expect(text(panel, '[data-id="pull-in-dependents"] li')).toBe(
            'Buyer security team completes the review: Mar 13, 2026 → Mar 9, 2026 (4 working days earlier)'
        );
        expect(text(panel, '[data-id="pull-in-close"]')).toBe('Projected close: Mar 19, 2026 → Mar 13, 2026');
        expect($(rowOf(element, 4), '[data-id="pull-in-panel"]')).toBeNull();
        ($(panel, '[data-id="pull-in-apply"]') as HTMLElement).click();
        ($(panel, '[data-id="pull-in-cancel"]') as HTMLElement).click();
        rowOf(element, 3)?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        expect(events).toEqual([
            { type: 'pullinconfirm', detail: null },
            { type: 'pullincancel', detail: null },
            { type: 'pullincancel', detail: { key: M(3) } }
        ]);
    });

    describe('row actions', () => {
        it.each([
            ['edit', 3, 'edit'],
            ['up', 8, 'up'],
            ['down', 7, 'down'],
            ['remove', 3, 'remove'],
            ['history', 2, 'history']
        ])('reports %s', (_, n, action) => {
            const { element, events } = render();
            ($(rowOf(element, n), `[data-action="${action}"]`) as HTMLElement).click();
            expect(events).toEqual([{ type: 'rowaction', detail: { key: M(n), action } }]);
        });

        it('names every action button after its milestone', () => {
            const { element } = render();
            const labels = $$(rowOf(element, 3), 'button.milestone__action').map((b) => b.getAttribute('aria-label'));
            expect(labels).toEqual([
                'Edit Seller delivers the business case',
                'Move Seller delivers the business case up',
                'Move Seller delivers the business case down',
                'Remove Seller delivers the business case'
            ]);
        });

        it('disables moving the first of a phase up and the last one down', () => {
            const { element } = render();
            const disabled = (n: number, action: string) =>
                ($(rowOf(element, n), `[data-action="${action}"]`) as unknown as { disabled: boolean }).disabled;
            expect(disabled(7, 'up')).toBe(true);
            expect(disabled(7, 'down')).toBe(false);
            expect(disabled(8, 'up')).toBe(false);
            expect(disabled(8, 'down')).toBe(true);
        });

        it('offers to restore a milestone marked for removal', () => {
            const w = workspace();
            const { element, events } = render({ w, draft: removeMilestone(EMPTY_DRAFT, M(3)) });
            const row = rowOf(element, 3);
            expect(row?.className).toContain('milestone_deleted');
            expect(text(row, '[data-id="deleted-flag"]')).toBe('Removed when you save');
            expect($(row, '[data-action="edit"]')).toBeNull();
            ($(row, '[data-action="restore"]') as HTMLElement).click();
            expect(events[0]).toEqual({ type: 'rowaction', detail: { key: M(3), action: 'restore' } });
        });

        it('hides the history toggle from users who cannot read slip history', () => {
            const w = workspace((x) => (x.permissions = { ...x.permissions, canViewHistory: false }));
            expect($(rowOf(render({ w }).element, 2), '[data-action="history"]')).toBeNull();
        });
    });

    describe('inline edit', () => {
        it('edits owners, date, status and buyer confirmation of a row in edit mode', () => {
            const { element, events } = render({ ui: { editing: [M(2)] } });
            const row = rowOf(element, 2);
            const buyer = $(row, 'c-plan-select[data-field="buyerOwnerId"]');
            const seller = $(row, 'c-plan-select[data-field="sellerOwnerId"]');
            const status = $(row, 'c-plan-select[data-field="status"]');
            expect((buyer as unknown as { value: string }).value).toBe('003000000000002AAA');
            expect((seller as unknown as { value: string }).value).toBe('005000000000001AAA');
            changeSelect(buyer, '003000000000001AAA');
            changeSelect(status, 'Blocked');
            const confirmed = $(row, 'lightning-input[data-field="buyerConfirmed"]') as HTMLElement & {
                checked: boolean;
                type: string;
            };
            confirmed.checked = true;
            confirmed.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
            const date = $(row, 'lightning-input[data-focus="date"]') as HTMLElement;
            date.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-03-03' } }));
            expect(events).toEqual([
                { type: 'fieldchange', detail: { key: M(2), field: 'buyerOwnerId', value: '003000000000001AAA' } },
                { type: 'fieldchange', detail: { key: M(2), field: 'status', value: 'Blocked' } },
                { type: 'fieldchange', detail: { key: M(2), field: 'buyerConfirmed', value: true } },
                { type: 'datechange', detail: { key: M(2), value: '2026-03-03' } }
            ]);
        });

        it('edits the name, what done means, phase, side, what it waits on and the duration of a saved milestone', () => {
            const { element, events } = render({ ui: { editing: [M(3)] } });
            const row = rowOf(element, 3);
            const waitsOn = $(row, 'c-plan-select[data-field="dependsOnId"]') as HTMLElement & {
                value: string;
                options: { value: string }[];
            };
            expect(waitsOn.value).toBe(M(2));
            expect(waitsOn.options.map((option) => option.value)).not.toContain(M(4));
            const rename = $(row, 'lightning-input[data-field="name"]') as HTMLElement;
            rename.dispatchEvent(new CustomEvent('change', { detail: { value: 'Seller sends the business case' } }));
            const done = $(row, 'lightning-textarea[data-field="description"]') as HTMLElement;
            done.dispatchEvent(new CustomEvent('change', { detail: { value: 'The CFO has the deck' } }));
            changeSelect($(row, 'c-plan-select[data-field="phase"]'), 'Evaluation');
            changeSelect($(row, 'c-plan-select[data-field="side"]'), 'Joint');
            changeSelect(waitsOn, M(1));
            const duration = $(row, 'lightning-input[data-field="durationDays"]') as HTMLElement & { type: string };
            expect(duration.type).toBe('number');
            duration.dispatchEvent(new CustomEvent('change', { detail: { value: '4' } }));
            duration.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
            expect(events.map((e) => e.detail)).toEqual([
                { key: M(3), field: 'name', value: 'Seller sends the business case' },
                { key: M(3), field: 'description', value: 'The CFO has the deck' },
                { key: M(3), field: 'phase', value: 'Evaluation' },
                { key: M(3), field: 'side', value: 'Joint' },
                { key: M(3), field: 'dependsOnId', value: M(1) },
                { key: M(3), field: 'durationDays', value: 4 },
                { key: M(3), field: 'durationDays', value: null }
            ]);
        });

        it('Escape cancels the date-move preview first, then the inline edit of a saved milestone', () => {
            const w = workspace();
            const moving = render({
                w,
                ui: { editing: [M(4)], pendingMove: { key: M(4), to: '2026-03-20', reason: null, note: null } }
            });
            rowOf(moving.element, 4)?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
            expect(moving.events).toEqual([{ type: 'movecancel', detail: { key: M(4) } }]);

            const editing = render({ w, ui: { editing: [M(4)] } });
            rowOf(editing.element, 4)?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            rowOf(editing.element, 4)?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
            expect(editing.events).toEqual([{ type: 'rowaction', detail: { key: M(4), action: 'cancel' } }]);
        });

        it('asks for the slip reason on the row when a save was refused for want of one', () => {
            const errors = {
                message: 'We could not save your changes.',
                pageErrors: [],
                records: { [M(4)]: { messages: [], fieldErrors: { slipReason: ['Choose the reason for this slip.'] } } }
            };
            const { element, events } = render({ errors });
            const row = rowOf(element, 4);
            expect($(row, '[data-error="slip"]')?.textContent).toBe('Choose the reason for this slip.');
            changeSelect($(row, 'c-plan-select[data-field="slipReason"]'), 'Legal review');
            expect(events.map((e) => e.detail)).toEqual([{ key: M(4), field: 'slipReason', value: 'Legal review' }]);
            expect($(rowOf(element, 3), 'c-plan-select[data-field="slipReason"]')).toBeNull();
        });

        it('shows what done means under the name when the row is read', () => {
            const w = workspace((x) => {
                x.milestones[2].description = 'The CFO has the business case deck.';
            });
            const { element } = render({ w });
            expect($(rowOf(element, 3), '[data-id="done-means"]')?.textContent).toBe(
                'Done when: The CFO has the business case deck.'
            );
            expect($(rowOf(element, 2), '[data-id="done-means"]')).toBeNull();
        });

        it('shows only the owner of the side that does the work', () => {
            const { element } = render({ ui: { editing: [M(3), M(4)] } });
            expect($(rowOf(element, 3), '[data-field="buyerOwnerId"]')).toBeNull();
            expect($(rowOf(element, 3), '[data-field="sellerOwnerId"]')).not.toBeNull();
            expect($(rowOf(element, 3), '[data-field="buyerConfirmed"]')).toBeNull();
            expect($(rowOf(element, 4), '[data-field="sellerOwnerId"]')).toBeNull();
        });

        it('names, phases and sides a new milestone', () => {
            const w = workspace();
            const { element, events } = render({ w, draft: addMilestone(EMPTY_DRAFT, w).draft });
            const row = rowOf(element, 'new-1');
            expect($(row, '[data-action="done"]')).toBeNull();
            const name = $(row, 'lightning-input[data-field="name"]') as HTMLElement;
            name.dispatchEvent(new CustomEvent('change', { detail: { value: 'Buyer procurement issues the PO' } }));
            changeSelect($(row, 'c-plan-select[data-field="phase"]'), 'Procurement');
            changeSelect($(row, 'c-plan-select[data-field="side"]'), 'Buyer');
            expect(events.map((e) => e.detail)).toEqual([
                { key: 'new-1', field: 'name', value: 'Buyer procurement issues the PO' },
                { key: 'new-1', field: 'phase', value: 'Procurement' },
                { key: 'new-1', field: 'side', value: 'Buyer' }
            ]);
        });

        it('reports leaving edit mode', () => {
            const { element, events } = render({ ui: { editing: [M(3)] } });
            ($(rowOf(element, 3), '[data-action="done"]') as HTMLElement).click();
            expect(events).toEqual([{ type: 'rowaction', detail: { key: M(3), action: 'done' } }]);
        });

        it('reports a cleared date as none', () => {
            const { element, events } = render({ ui: { editing: [M(3)] } });
            $(rowOf(element, 3), 'lightning-input[data-focus="date"]')?.dispatchEvent(
                new CustomEvent('change', { detail: { value: '' } })
            );
            expect(events).toEqual([{ type: 'datechange', detail: { key: M(3), value: null } }]);
        });

        it('puts the platform errors on the field that caused them, and the rest on the row', () => {
            const errors = parseServerError(
                {
                    body: {
                        message: JSON.stringify({
                            message: 'Nothing was saved.',
                            pageErrors: [],
                            recordErrors: [
                                {
                                    key: M(2),
                                    messages: ['Before this plan can be active, fix it.'],
                                    fieldErrors: {
                                        buyerOwnerId: ['Name the buyer contact.'],
                                        sellerOwnerId: ['Name the person on your side.'],
                                        status: ['Enter the date this milestone was completed.'],
                                        dueDate: ['Enter a due date.'],
                                        slipReason: ['Choose the reason for this slip.']
                                    }
                                }
                            ]
                        })
                    }
                },
                'x'
            );
            const { element } = render({ errors });
            const row = rowOf(element, 2);
            expect(row?.className).toContain('milestone_error');
            const errorOf = (field: string) =>
                ($(row, `c-plan-select[data-field="${field}"]`) as unknown as { error: string }).error;
            expect(errorOf('buyerOwnerId')).toBe('Name the buyer contact.');
            expect(errorOf('sellerOwnerId')).toBe('Name the person on your side.');
            expect(errorOf('status')).toBe('Enter the date this milestone was completed.');
            expect(text(row, '[data-error="dueDate"]')).toBe('Enter a due date.');
            expect(text(row, '[data-error="slip"]')).toBe('Choose the reason for this slip.');
            expect(text(row, '[data-error="row"]')).toBe('Before this plan can be active, fix it.');
        });

        it('shows owner errors in display mode too', () => {
            const errors: SaveErrors = {
                message: 'x',
                pageErrors: [],
                records: { [M(3)]: { messages: [], fieldErrors: { sellerOwnerId: ['Name the person.'] } } }
            };
            const w = workspace((x) => (x.permissions = { canReadPlans: true }));
            const { element } = render({ w, errors });
            expect(text(rowOf(element, 3), '[data-error="sellerOwnerId"]')).toBe('Name the person.');
        });

        it('shows the errors of a new milestone on its name, phase and side', () => {
            const w = workspace();
            const errors: SaveErrors = {
                message: 'x',
                pageErrors: [],
                records: {
                    'new-1': { messages: [], fieldErrors: { name: ['Enter a name.'], phase: ['Bad'], side: ['Worse'] } }
                }
            };
            const { element } = render({ w, draft: addMilestone(EMPTY_DRAFT, w).draft, errors });
            const row = rowOf(element, 'new-1');
            expect(text(row, '[data-error="name"]')).toBe('Enter a name.');
            expect(($(row, 'c-plan-select[data-field="phase"]') as unknown as { error: string }).error).toBe('Bad');
            expect(($(row, 'c-plan-select[data-field="side"]') as unknown as { error: string }).error).toBe('Worse');
        });
    });

    describe('moving a date', () => {
        const pendingMove = { key: M(4), to: '2026-03-20', reason: null, note: null };

        it('shows what moves with it and where the close lands before anything is saved', () => {
            const { element } = render({ ui: { editing: [M(4)], pendingMove } });
            const panel = $(rowOf(element, 4), '[data-id="move-panel"]');
            expect(text(panel, 'p')).toBe('Mar 13, 2026 → Mar 20, 2026 (5 working days later)');
            expect(
                $$(panel, '[data-id="dependents"] li').map((li) => li.textContent?.replace(/\s+/g, ' ').trim())
            ).toEqual([
                'Buyer legal returns first redlines: Mar 17, 2026 → Mar 24, 2026 (5 working days later)',
                'Both sides sign the order form: Mar 19, 2026 → Mar 24, 2026 (3 working days later)',
                'Kickoff with the implementation team: Mar 24, 2026 → Mar 25, 2026 (1 working day later)',
                'Buyer reaches first value: Mar 31, 2026 → Apr 1, 2026 (1 working day later)'
            ]);
            expect(text(panel, '[data-id="move-close"]')).toBe(
                "Projected close: Mar 24, 2026. The plan closes 4 days after the opportunity's close date."
            );
            const sign = $(panel, '[data-id="move-close-warning"]');
            expect(sign?.textContent).toBe('⚠︎');
            expect(sign?.getAttribute('aria-hidden')).toBe('true');
            expect($(panel, 'lightning-icon')).toBeNull();
            expect(
                ($(rowOf(element, 4), 'lightning-input[data-focus="date"]') as unknown as { value: string }).value
            ).toBe('2026-03-20');
        });

        it('asks why a committed date moves later, and reports the reason, note, apply and cancel', () => {
            const { element, events } = render({ ui: { editing: [M(4)], pendingMove } });
            const panel = $(rowOf(element, 4), '[data-id="move-panel"]');
            changeSelect($(panel, 'c-plan-select[data-id="move-reason"]'), 'Security review');
            $(panel, 'lightning-input')?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Pen test' } }));
            ($(panel, '[data-id="move-apply"]') as HTMLElement).click();
            ($(panel, '[data-id="move-cancel"]') as HTMLElement).click();
            expect(events).toEqual([
                { type: 'moveinput', detail: { field: 'reason', value: 'Security review' } },
                { type: 'moveinput', detail: { field: 'note', value: 'Pen test' } },
                { type: 'moveconfirm', detail: null },
                { type: 'movecancel', detail: null }
            ]);
        });

        it('shows why the reason is missing', () => {
            const { element } = render({
                ui: { editing: [M(4)], pendingMove: { ...pendingMove, reasonError: 'Choose why.' } }
            });
            const reason = $(rowOf(element, 4), 'c-plan-select[data-id="move-reason"]') as unknown as { error: string };
            expect(reason.error).toBe('Choose why.');
        });

        it('asks no reason for a move earlier, and says nothing else moves', () => {
            const { element } = render({
                ui: { editing: [M(5)], pendingMove: { key: M(5), to: '2026-03-16', reason: null, note: null } }
            });
            const panel = $(rowOf(element, 5), '[data-id="move-panel"]');
            expect($(panel, '[data-id="move-reason"]')).toBeNull();
            expect(text(panel, '[data-id="no-dependents"]')).toBe('No other milestone moves.');
            expect($(panel, '[data-id="move-close-warning"]')).toBeNull();
        });
    });

    describe('date history', () => {
        it('opens one click away, newest first, with reason, note and who', () => {
            const { element } = render({ ui: { historyKey: M(2) } });
            const row = rowOf(element, 2);
            const toggle = $(row, '[data-action="history"]') as HTMLButtonElement;
            expect(toggle.textContent?.trim()).toBe('Date history (1)');
            expect(toggle.getAttribute('aria-expanded')).toBe('true');
            const panel = $(row, '[data-id="history"]');
            expect(toggle.getAttribute('aria-controls')).toBe(panel?.id);
            expect(text(panel, 'li')).toBe(
                'Feb 25, 2026 → Feb 27, 2026 (2 working days later) · Buyer availability · “IT lead on holiday” by Ada Executive on Feb 24, 2026'
            );
            expect($(panel, '[data-id="cause"]')).toBeNull();
        });

        it('names the move that pushed a milestone', () => {
            const { element } = render({
                ui: { historyKey: M(3) },
                w: workspace((w) => {
                    w.dateChanges = [
                        {
                            id: 'pushed',
                            milestoneId: M(3),
                            previousDate: '2026-03-06',
                            newDate: '2026-03-13',
                            daysMoved: 5,
                            reason: 'Predecessor slipped',
                            causedById: 'cause',
                            causedByMilestoneName: 'Security review completed'
                        }
                    ];
                })
            });
            expect(text(rowOf(element, 3), '[data-id="history"] li')).toBe(
                'Mar 6, 2026 → Mar 13, 2026 (5 working days later) · Moved with “Security review completed” · Predecessor slipped'
            );
        });

        it('says when a date never moved', () => {
            const { element } = render({ ui: { historyKey: M(3) } });
            expect(text(rowOf(element, 3), '[data-id="history"]')).toBe(
                'This date has not moved since the plan became active.'
            );
            expect($(rowOf(element, 2), '[data-action="history"]')?.getAttribute('aria-expanded')).toBe('false');
        });
    });

    describe('edge cases', () => {
        it('reports blank values as none', () => {
            const { element, events } = render({
                ui: { editing: [M(4)], pendingMove: { key: M(4), to: '2026-03-20', reason: null, note: null } }
            });
            const row = rowOf(element, 4);
            $(row, 'c-plan-select[data-id="move-reason"]')?.dispatchEvent(new CustomEvent('change', { detail: {} }));
            $(row, '[data-id="move-panel"] lightning-input')?.dispatchEvent(new CustomEvent('change', { detail: {} }));
            $(row, 'c-plan-select[data-field="status"]')?.dispatchEvent(new CustomEvent('change', { detail: {} }));
            $(row, 'lightning-input[data-focus="date"]')?.dispatchEvent(new CustomEvent('change'));
            expect(events.map((e) => e.detail)).toEqual([
                { field: 'reason', value: null },
                { field: 'note', value: null },
                { key: M(4), field: 'status', value: null },
                { key: M(4), value: null }
            ]);
        });
    });
});

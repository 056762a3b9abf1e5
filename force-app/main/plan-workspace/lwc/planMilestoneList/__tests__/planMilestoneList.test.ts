import { createElement } from 'lwc';
import PlanMilestoneList from 'c/planMilestoneList';
import type { ListOptions } from 'c/planMilestoneList';
import {
    addMilestone,
    buildListView,
    EMPTY_DRAFT,
    EMPTY_UI,
    normalizeWorkspace,
    ownerOptions,
    removeMilestone,
    setField
} from 'c/planWorkspaceModel';
import type { Draft, ListView, Permissions, SaveErrors, UiState, Workspace } from 'c/planWorkspaceModel';

const FIXTURE = jest.requireActual<Workspace>('../../planWorkspaceModel/__tests__/data/workspace.json');
const M = (n: number) => `a02000000000${String(n).padStart(3, '0')}AAA`;

type ListElement = HTMLElement & {
    view?: ListView;
    options: ListOptions;
    permissions: Permissions;
    busy: boolean;
    focusRow(key: string): void;
};

function workspace(change: (w: Workspace) => void = () => undefined): Workspace {
    const copy = normalizeWorkspace(JSON.parse(JSON.stringify(FIXTURE)) as Workspace);
    change(copy);
    return copy;
}

function options(w: Workspace): ListOptions {
    return {
        statuses: w.picklists.milestoneStatuses,
        phases: w.picklists.phases,
        sides: w.picklists.sides,
        slipReasons: w.picklists.slipReasons,
        buyerOwners: ownerOptions(w.buyerContacts, 'No buyer owner'),
        sellerOwners: ownerOptions(w.sellerUsers, 'No seller owner')
    };
}

interface RenderOptions {
    w?: Workspace;
    draft?: Draft;
    ui?: Partial<UiState>;
    errors?: SaveErrors | null;
    busy?: boolean;
}

function render({ w = workspace(), draft = EMPTY_DRAFT, ui = {}, errors = null, busy = false }: RenderOptions = {}) {
    const element = createElement('c-plan-milestone-list', { is: PlanMilestoneList }) as ListElement;
    element.view = buildListView(w, draft, { ...EMPTY_UI, ...ui }, errors, 'en-US');
    element.options = options(w);
    element.permissions = w.permissions;
    element.busy = busy;
    document.body.appendChild(element);
    const events: { type: string; detail: unknown }[] = [];
    for (const type of [
        'rowaction',
        'fieldchange',
        'datechange',
        'moveinput',
        'moveconfirm',
        'movecancel',
        'filterchange',
        'add',
        'save',
        'discard'
    ]) {
        element.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
    }
    return { element, events };
}

const $ = <T extends Element = HTMLElement>(root: Element | ShadowRoot | null | undefined, selector: string) =>
    root?.querySelector(selector) as T | null;
const $$ = (root: Element | ShadowRoot | null | undefined, selector: string) => [
    ...(root?.querySelectorAll(selector) ?? [])
];
/** The phases the list shows, each a c-plan-milestone-group rendering its heading and its rows. */
const phasesOf = (element: HTMLElement) => $$(element.shadowRoot, 'c-plan-milestone-group');
/** The phase showing a row. */
const phaseOf = (element: HTMLElement, n: number | string) =>
    phasesOf(element).find((phase) => $(phase.shadowRoot, `[data-row="${typeof n === 'number' ? M(n) : n}"]`)) ?? null;
/** A row's component (c-plan-milestone-row), in the list item its phase keeps for it. */
const hostOf = (element: HTMLElement, n: number | string) =>
    $(phaseOf(element, n)?.shadowRoot, `[data-row="${typeof n === 'number' ? M(n) : n}"] c-plan-milestone-row`);
/** The row as its component renders it: the element holding its class and content. */
const rowOf = (element: HTMLElement, n: number | string) => $(hostOf(element, n)?.shadowRoot, '[data-id="row"]');
const text = (root: Element | null, selector: string) => $(root, selector)?.textContent?.replace(/\s+/g, ' ').trim();

describe('c-plan-milestone-list', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    describe('showing the plan', () => {
        it('lists the milestones in order, grouped by phase, with what each group has done', () => {
            const { element } = render();
            const groups = phasesOf(element).map((phase) => $(phase.shadowRoot, 'section.phase') as HTMLElement);
            expect(groups.map((g) => text(g, 'h3'))).toEqual([
                'Evaluation: 1 of 1 complete',
                'Validation: 0 of 1 complete',
                'Business Case: 0 of 1 complete',
                'Security Review: 0 of 1 complete',
                'Legal: 0 of 1 complete',
                'Signature: 0 of 1 complete',
                'Implementation: 0 of 2 complete'
            ]);
            const names = phasesOf(element)
                .flatMap((phase) => $$(phase.shadowRoot, 'c-plan-milestone-row'))
                .map((row) => $(row.shadowRoot, '[data-id="name"]'));
            expect(names.map((n) => n?.textContent)).toEqual([
                'Buyer confirms success criteria',
                'Buyer IT completes technical validation',
                'Seller delivers the business case',
                'Buyer security team completes the review',
                'Buyer legal returns first redlines',
                'Both sides sign the order form',
                'Kickoff with the implementation team',
                'Buyer reaches first value'
            ]);
            expect(groups[0].getAttribute('aria-labelledby')).toBe($(groups[0], 'h3')?.id);
        });

        it('makes overdue milestones, buyer items and missing owners stand out', () => {
            const { element } = render();
            expect(rowOf(element, 2)?.className).toContain('milestone_overdue');
            expect(text(rowOf(element, 2), '[data-id="overdue-flag"]')).toBe('Overdue by 3 days');
            expect($(rowOf(element, 3), '[data-id="overdue-flag"]')).toBeNull();
            expect(rowOf(element, 4)?.className).toContain('milestone_buyer');
            expect(rowOf(element, 6)?.className).toContain('milestone_joint');
            expect(rowOf(element, 3)?.className).not.toContain('milestone_buyer');
            expect($(rowOf(element, 5), '[data-id="owner"]')?.className).toBe('slds-text-color_error');
            expect(text(rowOf(element, 6), '[data-id="close-flag"]')).toBe('Marks the close');
            expect(text(element.shadowRoot as unknown as Element, '[data-id="summary"]')).toBe(
                '1 overdue · 6 open buyer items · 6 not confirmed by the buyer'
            );
            const sign = $(element.shadowRoot as unknown as Element, '[data-id="summary-warning"]');
            expect(sign?.textContent).toBe('⚠︎');
            expect(sign?.getAttribute('aria-hidden')).toBe('true');
        });

        it('shows the empty message of an empty plan', () => {
            const { element } = render({ w: workspace((x) => (x.milestones = [])) });
            expect(text(element.shadowRoot as unknown as Element, '[data-id="empty"]')).toBe(
                'This plan has no milestones yet. Add the first one.'
            );
        });

        it('offers filters as toggle buttons and reports the one chosen', () => {
            const { element, events } = render({ ui: { filter: 'overdue' } });
            const buttons = $$(element.shadowRoot, '[data-id="filter"] button');
            expect(buttons.map((b) => [b.textContent?.trim(), b.getAttribute('aria-pressed')])).toEqual([
                ['All (8)', 'false'],
                ['Open (7)', 'false'],
                ['Overdue (1)', 'true'],
                ['Buyer & joint (6)', 'false']
            ]);
            expect(buttons[2].className).toContain('slds-button_brand');
            (buttons[3] as HTMLButtonElement).click();
            expect(events).toEqual([{ type: 'filterchange', detail: { filter: 'buyer' } }]);
        });

        it('lists errors that belong to no shown row at the top', () => {
            const errors: SaveErrors = {
                message: 'x',
                pageErrors: [],
                records: { gone: { messages: ['This milestone was deleted by someone else.'], fieldErrors: {} } }
            };
            const { element } = render({ errors });
            expect(text(element.shadowRoot as unknown as Element, '[data-id="orphan-errors"]')).toBe(
                'This milestone was deleted by someone else.'
            );
        });
    });

    describe('row actions', () => {
        it('offers no edit, move or delete without permission', () => {
            const w = workspace((x) => (x.permissions = { canReadPlans: true, canViewHistory: true }));
            const { element } = render({ w });
            expect($$(rowOf(element, 3), 'button.milestone__action')).toEqual([]);
            expect($(element.shadowRoot, '[data-id="add"]')).toBeNull();
            expect($(rowOf(element, 3), '[data-action="history"]')).not.toBeNull();
        });

        it('reports adding a milestone', () => {
            const { element, events } = render();
            ($(element.shadowRoot, '[data-id="add"]') as HTMLElement).click();
            expect(events).toEqual([{ type: 'add', detail: { phase: null } }]);
        });
    });

    describe('saving', () => {
        it('shows how much is unsaved and reports save and discard', () => {
            const w = workspace();
            const { element, events } = render({ w, draft: setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked') });
            expect(text(element.shadowRoot as unknown as Element, '[data-id="save-bar"]')).toContain(
                '1 unsaved change'
            );
            expect(text(rowOf(element, 3), '[data-id="dirty-flag"]')).toBe('Unsaved');
            ($(element.shadowRoot, '[data-id="save"]') as HTMLElement).click();
            ($(element.shadowRoot, '[data-id="discard"]') as HTMLElement).click();
            expect(events.map((e) => e.type)).toEqual(['save', 'discard']);
        });

        it('announces the count of unsaved changes from a status region there before the first change', async () => {
            const w = workspace();
            const { element } = render({ w });
            const status = () => $(element.shadowRoot, '[data-id="change-status"]');
            // Present and empty before any change: a screen reader announces what is then written into it.
            const region = status();
            expect(region?.getAttribute('role')).toBe('status');
            expect(region?.textContent).toBe('');

            element.view = buildListView(
                w,
                setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked'),
                EMPTY_UI,
                null,
                'en-US'
            );
            await Promise.resolve();
            expect(status()).toBe(region);
            expect(region?.textContent).toBe('1 unsaved change');
            // The save bar shows the same count without being a live region itself: it is not announced twice.
            const bar = $(element.shadowRoot, '[data-id="save-bar"]');
            expect(bar?.textContent).toContain('1 unsaved change');
            expect($$(bar, '[aria-live], [role="status"], [role="alert"]')).toEqual([]);

            element.view = buildListView(w, EMPTY_DRAFT, EMPTY_UI, null, 'en-US');
            await Promise.resolve();
            expect(status()).toBe(region);
            expect(region?.textContent).toBe('');
        });

        it('has no save bar without changes, and disables saving while busy', () => {
            expect($(render().element.shadowRoot, '[data-id="save-bar"]')).toBeNull();
            const w = workspace();
            const { element } = render({ w, draft: setField(EMPTY_DRAFT, w, M(3), 'status', 'Blocked'), busy: true });
            expect(($(element.shadowRoot, '[data-id="save"]') as unknown as { disabled: boolean }).disabled).toBe(true);
        });
    });

    describe("the admin's plan size limit", () => {
        const REASON =
            'A buyer follows a shorter plan more easily, and it is easier to keep current: consider merging or dropping steps.';
        /** The fixture's plan has 8 milestones. */
        const limited = (limit: number | null) => workspace((x) => (x.planSizeLimit = limit));
        const oneMore = (w: Workspace) => addMilestone(EMPTY_DRAFT, w).draft;

        it('shows nothing while the plan is at the limit', () => {
            const { element } = render({ w: limited(8) });
            expect($(element.shadowRoot, '[data-id="size-warning"]')).toBeNull();
            expect($(element.shadowRoot, '[data-id="size-status"]')?.getAttribute('role')).toBe('status');
        });

        it('warns, with the count and the reason, once a new milestone takes the plan over it', () => {
            const w = limited(8);
            const { element } = render({ w, draft: oneMore(w) });
            const status = $(element.shadowRoot, '[role="status"][data-id="size-status"]');
            // What is read: the message (the warning sign beside it is hidden from screen readers).
            expect(text(status, '[data-id="size-warning"] p')).toBe(
                `This plan has 9 milestones, more than the 8 your admin set as the limit. ${REASON}`
            );
            expect($(status, '[data-id="size-warning"]')?.className).toContain('slds-theme_warning');
            expect(text(status, '[data-id="size-warning"] [aria-hidden="true"]')).toBe('\u26A0\uFE0E');
            expect(text(element.shadowRoot as unknown as Element, '[data-id="size-note"]')).toBe(
                '9 milestones, more than the limit of 8'
            );
        });

        it('stops warning once a milestone is marked for removal', () => {
            const w = limited(8);
            const { element } = render({ w, draft: removeMilestone(oneMore(w), M(2)) });
            expect($(element.shadowRoot, '[data-id="size-warning"]')).toBeNull();
            expect($(element.shadowRoot, '[data-id="size-note"]')).toBeNull();
        });

        it('warns of a saved plan over the limit without a save bar', () => {
            const { element } = render({ w: limited(7) });
            expect(text(element.shadowRoot as unknown as Element, '[data-id="size-warning"] p')).toMatch(
                /^This plan has 8 milestones, more than the 7 /
            );
            expect($(element.shadowRoot, '[data-id="save-bar"]')).toBeNull();
        });

        it('shows nothing when the limit is blank', () => {
            const w = limited(null);
            const { element } = render({ w, draft: oneMore(w) });
            expect($(element.shadowRoot, '[data-id="size-warning"]')).toBeNull();
            expect($(element.shadowRoot, '[data-id="size-note"]')).toBeNull();
        });

        it('is accessible while warning', async () => {
            const w = limited(8);
            const { element } = render({ w, draft: oneMore(w) });
            await expect(element).toBeAccessible();
        });
    });

    describe('keyboard focus', () => {
        async function rerender(element: ListElement, ui: Partial<UiState>, w = workspace(), draft = EMPTY_DRAFT) {
            element.view = buildListView(w, draft, { ...EMPTY_UI, ...ui }, null, 'en-US');
            await Promise.resolve();
        }

        it('moves the focus into the row after Edit, and back to Edit after Done', async () => {
            const { element } = render();
            ($(rowOf(element, 3), '[data-action="edit"]') as HTMLElement).click();
            await rerender(element, { editing: [M(3)] });
            expect(element.shadowRoot?.activeElement).toBe(phaseOf(element, 3));
            expect(phaseOf(element, 3)?.shadowRoot?.activeElement).toBe(hostOf(element, 3));
            expect(hostOf(element, 3)?.shadowRoot?.activeElement).toBe(
                $(rowOf(element, 3), '[data-field="sellerOwnerId"]')
            );
            const spy = jest.spyOn(HTMLElement.prototype, 'focus');
            ($(rowOf(element, 3), '[data-action="done"]') as HTMLElement).click();
            await rerender(element, {});
            expect(spy.mock.contexts.at(-1)).toBe($(rowOf(element, 3), '[data-action="edit"]'));
            spy.mockRestore();
        });

        it('keeps the focus on the move button after reordering, and moves it into a new row', async () => {
            const { element } = render();
            const spy = jest.spyOn(HTMLElement.prototype, 'focus');
            ($(rowOf(element, 8), '[data-action="up"]') as HTMLElement).click();
            await rerender(element, {});
            expect(spy.mock.contexts.at(-1)).toBe($(rowOf(element, 8), '[data-action="up"]'));
            const w = workspace();
            const { draft, key } = addMilestone(EMPTY_DRAFT, w);
            element.focusRow(key);
            await rerender(element, {}, w, draft);
            expect(spy.mock.contexts.at(-1)).toBe($(rowOf(element, key), '[data-field="name"]'));
            spy.mockRestore();
        });

        it('takes the focus to the slip reason when a date moves, and back to the date after', async () => {
            const { element } = render({ ui: { editing: [M(4)] } });
            const spy = jest.spyOn(HTMLElement.prototype, 'focus');
            $(rowOf(element, 4), 'lightning-input[data-focus="date"]')?.dispatchEvent(
                new CustomEvent('change', { detail: { value: '2026-03-20' } })
            );
            await rerender(element, {
                editing: [M(4)],
                pendingMove: { key: M(4), to: '2026-03-20', reason: null, note: null }
            });
            expect(element.shadowRoot?.activeElement).toBe(phaseOf(element, 4));
            expect(phaseOf(element, 4)?.shadowRoot?.activeElement).toBe(hostOf(element, 4));
            expect(hostOf(element, 4)?.shadowRoot?.activeElement).toBe($(rowOf(element, 4), '[data-id="move-reason"]'));
            ($(rowOf(element, 4), '[data-id="move-cancel"]') as HTMLElement).click();
            await rerender(element, { editing: [M(4)] });
            expect(spy.mock.contexts.at(-1)).toBe($(rowOf(element, 4), 'lightning-input[data-focus="date"]'));
            spy.mockRestore();
        });
    });

    describe('edge cases', () => {
        it('renders nothing but an empty list before it has a view', () => {
            const element = createElement('c-plan-milestone-list', { is: PlanMilestoneList }) as ListElement;
            document.body.appendChild(element);
            expect(phasesOf(element)).toEqual([]);
            expect(text(element.shadowRoot as unknown as Element, '[data-id="summary"]')).toBe('');
            expect($$(element.shadowRoot, '[data-id="filter"] button')).toEqual([]);
            expect($(element.shadowRoot, '[data-id="add"]')).toBeNull();
        });

        it('ignores a focus request for a row that is not shown', async () => {
            const { element } = render();
            element.focusRow('nope');
            element.view = { ...(element.view as ListView) };
            await Promise.resolve();
            expect(element.shadowRoot?.activeElement ?? null).toBeNull();
        });
    });

    describe('accessibility', () => {
        it('is accessible showing the plan', async () => {
            const { element } = render({ ui: { historyKey: M(2) } });
            await expect(element).toBeAccessible();
        });

        it('is accessible while editing, moving a date and showing errors', async () => {
            const w = workspace();
            let draft = addMilestone(EMPTY_DRAFT, w).draft;
            draft = removeMilestone(draft, M(7));
            const errors: SaveErrors = {
                message: 'x',
                pageErrors: [],
                records: { [M(3)]: { messages: ['Row'], fieldErrors: { sellerOwnerId: ['Owner'] } } }
            };
            const { element } = render({
                w,
                draft,
                errors,
                ui: {
                    editing: [M(2), M(4)],
                    pendingMove: { key: M(4), to: '2026-03-20', reason: null, note: null, reasonError: 'Choose why.' }
                }
            });
            await expect(element).toBeAccessible();
        });

        it('is accessible when empty', async () => {
            const { element } = render({ w: workspace((x) => (x.milestones = [])) });
            await expect(element).toBeAccessible();
        });
    });
});

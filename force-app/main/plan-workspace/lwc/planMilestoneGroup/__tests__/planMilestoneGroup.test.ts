import { createElement } from 'lwc';
import PlanMilestoneGroup from 'c/planMilestoneGroup';
import type { RowEventDetail } from 'c/planMilestoneGroup';
import { buildListView, EMPTY_DRAFT, EMPTY_UI, listOptions, normalizeWorkspace } from 'c/planWorkspaceModel';
import type { GroupView, ListOptions, Workspace } from 'c/planWorkspaceModel';

const FIXTURE = jest.requireActual<Workspace>('../../planWorkspaceModel/__tests__/data/workspace.json');
const M = (n: number) => `a02000000000${String(n).padStart(3, '0')}AAA`;

type GroupElement = HTMLElement & {
    group?: GroupView;
    options: ListOptions;
    focusRow(key: string, target: string, scroll?: boolean): boolean;
};

/** The fixture's Implementation phase (kickoff, then first value), as the list hands it over. */
function render() {
    const w = normalizeWorkspace(JSON.parse(JSON.stringify(FIXTURE)) as Workspace);
    const view = buildListView(w, EMPTY_DRAFT, { ...EMPTY_UI, editing: [M(7)] }, null, 'en-US');
    const group = view.groups.find((g) => g.label === 'Implementation') as GroupView;
    const element = createElement('c-plan-milestone-group', { is: PlanMilestoneGroup }) as GroupElement;
    element.group = group;
    element.options = listOptions(w);
    document.body.appendChild(element);
    const events: RowEventDetail[] = [];
    element.addEventListener('rowevent', (event) => events.push((event as CustomEvent<RowEventDetail>).detail));
    return { element, events };
}

const rowHost = (element: HTMLElement, key: string) =>
    element.shadowRoot?.querySelector(`[data-row="${key}"] c-plan-milestone-row`) as HTMLElement | null;

describe('c-plan-milestone-group', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows its phase under a heading that names it and what it has done, and labels the section with it', async () => {
        const { element } = render();
        const section = element.shadowRoot?.querySelector('section.phase');
        const heading = section?.querySelector('h3');
        expect(heading?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Implementation: 0 of 2 complete');
        expect(section?.getAttribute('aria-labelledby')).toBe(heading?.id);
        expect(
            [...(element.shadowRoot?.querySelectorAll('li[data-row]') ?? [])].map((li) => li.getAttribute('data-row'))
        ).toEqual([M(7), M(8)]);
        await expect(element).toBeAccessible();
    });

    it('tells its stylesheet how many rows it holds, for the height it keeps while off screen', async () => {
        const { element } = render();
        const section = element.shadowRoot?.querySelector('section.phase') as HTMLElement;
        expect(section.style.getPropertyValue('--phase-rows').trim()).toBe('2');
        element.group = { ...(element.group as GroupView), rows: (element.group as GroupView).rows.slice(0, 1) };
        await Promise.resolve();
        expect(section.style.getPropertyValue('--phase-rows').trim()).toBe('1');
    });

    it('marks the row open for editing, and its phase, so that neither clips what reaches past the row', async () => {
        const { element } = render();
        const section = element.shadowRoot?.querySelector('section') as HTMLElement;
        const item = (n: number) => element.shadowRoot?.querySelector(`li[data-row="${M(n)}"]`) as HTMLElement;
        expect(section.className).toBe('phase phase_editing');
        expect([item(7).className, item(8).className]).toEqual(['phase__item phase__item_editing', 'phase__item']);
        const group = element.group as GroupView;
        element.group = { ...group, rows: group.rows.map((row) => ({ ...row, isEditing: false })) };
        await Promise.resolve();
        expect(section.className).toBe('phase');
        expect([item(7).className, item(8).className]).toEqual(['phase__item', 'phase__item']);
    });

    it("passes on each row's event with its type, its detail and the row's key, even when the detail has none", () => {
        const { element, events } = render();
        rowHost(element, M(8))?.dispatchEvent(new CustomEvent('rowaction', { detail: { key: M(8), action: 'edit' } }));
        rowHost(element, M(7))?.dispatchEvent(new CustomEvent('moveconfirm'));
        rowHost(element, M(7))?.dispatchEvent(new CustomEvent('pullincancel', { detail: { key: M(7) } }));
        expect(events).toEqual([
            { key: M(8), type: 'rowaction', detail: { key: M(8), action: 'edit' } },
            { key: M(7), type: 'moveconfirm', detail: null },
            { key: M(7), type: 'pullincancel', detail: { key: M(7) } }
        ]);
    });

    it('puts the focus on a control of a row it shows, and says so; a row it does not show is left to others', () => {
        const { element } = render();
        expect(element.focusRow(M(7), 'first-input')).toBe(true);
        const row = rowHost(element, M(7));
        expect(element.shadowRoot?.activeElement).toBe(row);
        expect(row?.shadowRoot?.activeElement).toBe(row?.shadowRoot?.querySelector('[data-focus="first-input"]'));
        expect(element.focusRow(M(3), 'first-input')).toBe(false);
        expect(element.shadowRoot?.activeElement).toBe(row);
        // Scrolled first when asked: to the middle of the view, clear of the save bar docked at the bottom.
        const scrolled: { item: Element; options: unknown }[] = [];
        const original = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
        Object.defineProperty(Element.prototype, 'scrollIntoView', {
            configurable: true,
            value(this: Element, options: unknown) {
                scrolled.push({ item: this, options });
            }
        });
        element.focusRow(M(8), 'first-input', true);
        if (original) {
            Object.defineProperty(Element.prototype, 'scrollIntoView', original);
        } else {
            delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
        }
        expect(scrolled).toEqual([
            { item: element.shadowRoot?.querySelector(`[data-row="${M(8)}"]`), options: { block: 'center' } }
        ]);
    });
});

import { createElement } from 'lwc';
// By its path: tsconfig.json maps no c/planTimeline (the workspace's template is what reaches it as such).
import PlanTimeline from '../planTimeline';
import { effectiveMilestones, EMPTY_DRAFT, normalizeWorkspace } from 'c/planWorkspaceModel';
import type { TimelineInput, Workspace } from 'c/planWorkspaceModel';

const FIXTURE = jest.requireActual<Workspace>('../../planWorkspaceModel/__tests__/data/workspace.json');
const M = (n: number) => `a02000000000${String(n).padStart(3, '0')}AAA`;

function input(): TimelineInput {
    const w = normalizeWorkspace(JSON.parse(JSON.stringify(FIXTURE)) as Workspace);
    return {
        milestones: effectiveMilestones(w, EMPTY_DRAFT),
        phases: w.picklists.phases,
        today: w.today,
        targetDate: w.plan?.targetDate,
        closeDate: w.opportunity.closeDate,
        impliedClose: null,
        criticalPathIds: [],
        locale: 'en-US'
    };
}

type TimelineElement = HTMLElement & { input: TimelineInput | null };

function render(value: TimelineInput | null = input()) {
    const element = createElement('c-plan-timeline', { is: PlanTimeline }) as TimelineElement;
    element.input = value;
    document.body.appendChild(element);
    const opened: string[] = [];
    element.addEventListener('openmilestone', (event) => opened.push((event as CustomEvent).detail.key));
    return { element, opened };
}

const bars = (element: HTMLElement) => [...(element.shadowRoot?.querySelectorAll('g[data-key]') ?? [])];
const flush = () => Promise.resolve();

describe('c-plan-timeline', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('draws a bar per milestone with its accessible name, the day lines and the legend', () => {
        const { element } = render();
        expect(bars(element)).toHaveLength(8);
        expect(bars(element)[3].getAttribute('aria-label')).toMatch(/^Buyer security team completes the review, /);
        expect(bars(element)[3].getAttribute('role')).toBe('img');
        const lines = [...(element.shadowRoot?.querySelectorAll('[data-marker]') ?? [])].map((m) =>
            m.getAttribute('data-marker')
        );
        expect(lines).toEqual(['today', 'target', 'close']);
        expect(element.shadowRoot?.querySelector('svg')?.getAttribute('aria-label')).toBe(
            "Timeline of the plan's milestones"
        );
        expect(element.shadowRoot?.querySelector('.timeline__legend')?.textContent).toContain(
            'Enter opens one in the list'
        );
    });

    it('moves the one tab stop with the arrow keys, Home and End, and opens a milestone with Enter or a click', async () => {
        const { element, opened } = render();
        const key = (name: string, on: Element) =>
            on.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
        const tabStops = () => bars(element).map((bar) => bar.getAttribute('tabindex'));
        expect(tabStops()).toEqual(['0', '-1', '-1', '-1', '-1', '-1', '-1', '-1']);
        key('ArrowDown', bars(element)[0]);
        await flush();
        expect(tabStops()[1]).toBe('0');
        key('End', bars(element)[1]);
        await flush();
        expect(tabStops()[7]).toBe('0');
        key('ArrowUp', bars(element)[7]);
        await flush();
        expect(tabStops()[6]).toBe('0');
        key('Home', bars(element)[6]);
        await flush();
        expect(tabStops()[0]).toBe('0');
        key('Enter', bars(element)[0]);
        (bars(element)[2] as unknown as HTMLElement).dispatchEvent(new CustomEvent('click'));
        expect(opened).toEqual([M(1), M(3)]);
    });

    it('passes the accessibility checks', async () => {
        const { element } = render();
        await expect(element).toBeAccessible();
    });

    it('says so when there is nothing to draw', () => {
        const { element } = render({ ...input(), milestones: [] });
        expect(element.shadowRoot?.querySelector('[data-id="timeline-empty"]')?.textContent?.trim()).toBe(
            'No milestone with a due date to show yet.'
        );
    });
});

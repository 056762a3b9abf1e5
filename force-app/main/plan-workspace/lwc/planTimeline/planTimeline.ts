import { LightningElement, api } from 'lwc';
import { timelineView } from 'c/planWorkspaceModel';
import type { TimelineInput, TimelineView } from 'c/planWorkspaceModel';

const EMPTY: TimelineView = {
    width: 0,
    height: 0,
    bars: [],
    phases: [],
    arrows: [],
    markers: [],
    ticks: [],
    tickLabelY: 0,
    gridTop: 0
};

/** The view with the one tab stop on the bar of `key`. */
function withTabStop(view: TimelineView, key: string): TimelineView {
    return { ...view, bars: view.bars.map((bar) => ({ ...bar, tabIndex: bar.key === key ? 0 : -1 })) };
}

/**
 * The plan as a timeline, drawn in SVG by the component (planWorkspaceModel's timelineView places everything): a bar
 * per milestone by phase and side, the baseline's ghost bar where a date moved, arrows from each milestone to what
 * waits on it, and the lines of today, the target date, the opportunity's close date and the plan-implied close. It
 * takes the width of its column (measured when shown and when the window resizes).
 *
 * Keyboard: the bars are one tab stop; Up and Down (or Left and Right) move between them, Home and End to the first
 * and last; Enter or Space opens the milestone in the list (`openmilestone`, { key }). Each bar says in words what it
 * shows (name, side, dates, status, first committed date, close, critical path).
 */
export default class PlanTimeline extends LightningElement {
    @api
    get input(): TimelineInput | null {
        return this._input;
    }
    set input(value: TimelineInput | null) {
        this._input = value;
        this.layout();
    }

    view: TimelineView = EMPTY;
    private _input: TimelineInput | null = null;
    private width = 0;
    private focusedKey: string | null = null;
    private readonly onResize = () => this.measure();

    override connectedCallback(): void {
        window.addEventListener('resize', this.onResize);
    }

    override disconnectedCallback(): void {
        window.removeEventListener('resize', this.onResize);
    }

    override renderedCallback(): void {
        if (!this.width) {
            this.measure();
        }
    }

    get hasBars(): boolean {
        return this.view.bars.length > 0;
    }

    get viewBox(): string {
        return `0 0 ${this.view.width} ${this.view.height}`;
    }

    /** The column's width; a new width lays the timeline out again. */
    private measure(): void {
        const width = Math.floor(this.template?.host?.getBoundingClientRect?.().width ?? 0);
        if (width > 0 && width !== this.width) {
            this.width = width;
            this.layout();
        }
    }

    private layout(): void {
        const view = this._input ? timelineView(this._input, this.width || 640) : EMPTY;
        const focused = this.focusedKey;
        this.view = focused && view.bars.some((bar) => bar.key === focused) ? withTabStop(view, focused) : view;
    }

    handleKeydown(event: KeyboardEvent): void {
        const bars = this.view.bars;
        const current = (event.target as Element).closest?.('[data-key]')?.getAttribute('data-key');
        const index = bars.findIndex((bar) => bar.key === current);
        if (index < 0) {
            return;
        }
        let next = index;
        switch (event.key) {
            case 'ArrowDown':
            case 'ArrowRight':
                next = Math.min(bars.length - 1, index + 1);
                break;
            case 'ArrowUp':
            case 'ArrowLeft':
                next = Math.max(0, index - 1);
                break;
            case 'Home':
                next = 0;
                break;
            case 'End':
                next = bars.length - 1;
                break;
            case 'Enter':
            case ' ':
                event.preventDefault();
                this.dispatchEvent(new CustomEvent('openmilestone', { detail: { key: bars[index].key } }));
                return;
            default:
                return;
        }
        event.preventDefault();
        this.focusBar(bars[next].key);
    }

    handleBarClick(event: Event): void {
        const key = (event.currentTarget as Element).getAttribute('data-key');
        if (key) {
            this.dispatchEvent(new CustomEvent('openmilestone', { detail: { key } }));
        }
    }

    /** Moves the one tab stop to the bar of `key` and focuses it. */
    private focusBar(key: string): void {
        this.focusedKey = key;
        this.view = withTabStop(this.view, key);
        // The bar exists already; focus it now rather than after the re-render, so the keypress feels immediate.
        (this.template?.querySelector(`[data-key="${key}"]`) as SVGElement | null)?.focus();
    }
}

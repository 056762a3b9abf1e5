// The bench's page: the real components (c-plan-workspace, c-pipeline-review), their lightning-datatable
// baselines and the workspace's floor (the same milestones in a bare list), bundled by preview/build.mjs as the
// preview is but in production mode (scripts/bench.mjs), and a harness that scripts/bench.mjs drives.
// Each measure starts with performance.now() just before the mount or the user's action and ends once the browser
// has produced the frame showing the result: the condition is checked in requestAnimationFrame (before the frame is
// rendered), and a task posted from there runs after the frame's style, layout and paint.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import PlanWorkspace from 'c/planWorkspace';
import PipelineReview from 'c/pipelineReview';
import WorkspaceTable from './modules/bench/workspaceTable/workspaceTable';
import ReviewTable from './modules/bench/reviewTable/reviewTable';
import WorkspaceFloor from './modules/bench/workspaceFloor/workspaceFloor';

const root = document.querySelector('#root');
const TIMEOUT = 60000;

/** Resolves to the time the first frame in which `condition()` holds has been painted. */
function settled(condition, what) {
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const check = () => {
            let done = false;
            try {
                done = condition();
            } catch {
                done = false;
            }
            if (done) {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now());
                channel.port2.postMessage(null);
            } else if (performance.now() - started > TIMEOUT) {
                reject(new Error(`timed out waiting for ${what}`));
            } else {
                requestAnimationFrame(check);
            }
        };
        requestAnimationFrame(check);
    });
}

/** Resolves once the browser is idle (requestIdleCallback), or after a second at most. */
function idle() {
    return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));
}

/**
 * The pause in which a user reads the screen before the edit: half a second (picking from a list takes a user
 * longer), then the browser's next idle period. The browser finishes what the screen's first render left (its garbage
 * collection) in that time, as it does between a user's clicks, rather than inside the measure of the edit; every
 * variant gets the same pause, so each edit is measured from the same state.
 */
async function userPause() {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await idle();
}

// Synthetic shadow keeps each component's elements behind its shadowRoot: reach them the way a test would.
const inside = (element, selector) => element?.shadowRoot?.querySelector(selector) ?? null;
const allInside = (element, selector) =>
    element?.shadowRoot ? [...element.shadowRoot.querySelectorAll(selector)] : [];

/** The time the page spent waiting for Apex calls started at or after `since` (the server's share of a measure). */
function apexTime(since) {
    return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/api/apex/') && entry.startTime >= since)
        .reduce((sum, entry) => sum + (entry.responseEnd - entry.startTime), 0);
}

async function measure(action, condition, what) {
    const started = performance.now();
    action();
    const ended = await settled(condition, what);
    return { ms: ended - started, apexMs: apexTime(started) };
}

function mount(tag, component, configure) {
    const element = createElement(tag, { is: component });
    configure(element);
    root.replaceChildren(element);
    return element;
}

// ----- the plan workspace and its baseline ---------------------------------------------------------------------

const workspace = {
    ours: {
        element: null,
        list() {
            return inside(this.element, 'c-plan-milestone-list');
        },
        /** The list items of the rows, in their phases (c-plan-milestone-group), each behind its own shadow root. */
        rows() {
            return allInside(this.list(), 'c-plan-milestone-group').flatMap((phase) =>
                allInside(phase, 'li[data-row]')
            );
        },
        mount({ opportunityId, milestones }) {
            return measure(
                () => {
                    this.element = mount('c-plan-workspace', PlanWorkspace, (element) => {
                        element.recordId = opportunityId;
                        element.objectApiName = 'Opportunity';
                    });
                },
                () =>
                    this.rows().length === milestones &&
                    Boolean(inside(inside(this.element, 'c-plan-header'), 'section')),
                `${milestones} milestones`
            );
        },
        /** Switches the mounted workspace to its timeline: until every milestone's bar has been painted. */
        timeline({ milestones }) {
            return measure(
                () => inside(this.element, '[data-id="show-timeline"]').click(),
                () => allInside(inside(this.element, 'c-plan-timeline'), 'g[data-key]').length === milestones,
                `${milestones} bars on the timeline`
            );
        },
        /** Opens the row for editing (not measured), then measures changing its status, as a user picks one. */
        async edit({ milestoneId, status }) {
            // The row's content is its c-plan-milestone-row's, behind that component's shadow root.
            const row = () =>
                inside(
                    this.rows()
                        .find((item) => item.dataset.row === milestoneId)
                        ?.querySelector('c-plan-milestone-row'),
                    '[data-id="row"]'
                );
            const statusSelect = () => row()?.querySelector('c-plan-select[data-field="status"]');
            if (!statusSelect()) row().querySelector('button[data-action="edit"]').click();
            await settled(() => Boolean(statusSelect()), 'the row in edit mode');
            // Then the pause in which a user reads the row before picking a status.
            await userPause();
            // What the check looks at is found before the edit, as for every variant: the measure times the
            // component, not the harness walking 60 rows through their shadow roots on each frame.
            const select = inside(statusSelect(), 'select');
            const list = this.list();
            const edited = row();
            return measure(
                () => {
                    select.value = status;
                    select.dispatchEvent(new Event('change'));
                },
                () =>
                    Boolean(inside(list, '[data-id="save-bar"]')) &&
                    Boolean(edited.querySelector('[data-id="dirty-flag"]')),
                'the unsaved change shown'
            );
        }
    },
    baseline: {
        element: null,
        table() {
            return inside(this.element, 'lightning-datatable');
        },
        mount({ opportunityId, milestones }) {
            return measure(
                () => {
                    this.element = mount('bench-workspace-table', WorkspaceTable, (element) => {
                        element.setAttribute('data-opportunity-id', opportunityId);
                    });
                },
                () => allInside(this.table(), 'tbody tr[data-row-key-value]').length === milestones,
                `${milestones} rows`
            );
        },
        async edit({ milestoneId, status }) {
            await userPause();
            const table = this.table();
            return measure(
                () => this.element.dispatchEvent(new CustomEvent('benchedit', { detail: { id: milestoneId, status } })),
                () => allInside(table, '.slds-is-edited').length > 0,
                'the edited cell shown'
            );
        }
    },
    floor: {
        element: null,
        mount({ opportunityId, milestones }) {
            return measure(
                () => {
                    this.element = mount('bench-workspace-floor', WorkspaceFloor, (element) => {
                        element.setAttribute('data-opportunity-id', opportunityId);
                    });
                },
                () => allInside(this.element, 'li[data-row]').length === milestones,
                `${milestones} rows`
            );
        },
        async edit({ milestoneId, status }) {
            await userPause();
            const row = inside(this.element, `li[data-row="${milestoneId}"]`);
            return measure(
                () => this.element.dispatchEvent(new CustomEvent('benchedit', { detail: { id: milestoneId, status } })),
                () =>
                    row.querySelector('[data-id="status"]').textContent === status &&
                    Boolean(row.querySelector('[data-id="dirty-flag"]')),
                'the unsaved change shown'
            );
        }
    }
};

// ----- the pipeline review and its baseline --------------------------------------------------------------------

/** What a manager's saved view says: everything they can see, soonest close first, 200 rows a page. */
function saveReviewState(userId) {
    const state = {
        filters: {
            scope: 'all',
            ownerId: '',
            stageName: '',
            closePeriod: 'any',
            health: '',
            gatedWithoutPlan: false
        },
        sort: { by: 'closeDate', direction: 'asc' },
        pageSize: 200
    };
    window.localStorage.setItem(`tandem.pipelineReview.v1.${userId}`, JSON.stringify(state));
}

const review = {
    ours: {
        element: null,
        rows() {
            return allInside(this.element, 'tbody tr[data-row]');
        },
        shows({ count, firstId }) {
            const rows = this.rows();
            return (
                rows.length === count && rows[0].dataset.row === firstId && !inside(this.element, 'lightning-spinner')
            );
        },
        mount(expected) {
            saveReviewState(window.__TANDEM_PREVIEW__.userId);
            return measure(
                () => {
                    this.element = mount('c-pipeline-review', PipelineReview, () => undefined);
                },
                () => this.shows(expected) && allInside(this.element, 'li[data-tile]').length > 0,
                'the first page and the summary'
            );
        },
        async sort(expected) {
            await userPause();
            const button = inside(this.element, `button[data-key="${expected.column}"]`);
            return measure(
                () => button.click(),
                () => this.shows(expected),
                'the page in the new order'
            );
        },
        async filter(expected) {
            await userPause();
            const combobox = inside(this.element, `lightning-combobox[data-filter="${expected.filter}"]`);
            return measure(
                () => combobox.dispatchEvent(new CustomEvent('change', { detail: { value: expected.value } })),
                () => this.shows(expected),
                'the filtered page'
            );
        }
    },
    baseline: {
        element: null,
        table() {
            return inside(this.element, 'lightning-datatable');
        },
        shows({ count, firstId }) {
            const rows = allInside(this.table(), 'tbody tr[data-row-key-value]');
            return rows.length === count && rows[0].getAttribute('data-row-key-value') === firstId;
        },
        mount(expected) {
            return measure(
                () => {
                    this.element = mount('bench-review-table', ReviewTable, () => undefined);
                },
                () => this.shows(expected),
                'the first page'
            );
        },
        async sort(expected) {
            await userPause();
            // The event lightning-datatable fires when its column header is clicked.
            const detail = { fieldName: expected.baselineField, sortDirection: expected.direction };
            return measure(
                () => this.table().dispatchEvent(new CustomEvent('sort', { detail })),
                () => this.shows(expected),
                'the page in the new order'
            );
        },
        async filter(expected) {
            await userPause();
            const detail = { [expected.filter]: expected.value };
            return measure(
                () => this.element.dispatchEvent(new CustomEvent('benchfilter', { detail })),
                () => this.shows(expected),
                'the filtered page'
            );
        }
    }
};

window.tandemBench = { workspace, review, ready: true };

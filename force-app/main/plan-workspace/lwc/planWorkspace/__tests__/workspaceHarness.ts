/**
 * What every plan workspace test shares: the mocked Apex calls, the fixture workspaces, and helpers that render the
 * workspace and read it as a user sees it. Import it before anything else, so its mocks are in place first.
 */
import { createElement } from 'lwc';
import PlanWorkspace from 'c/planWorkspace';
import getWorkspace from '@salesforce/apex/PlanWorkspaceController.getWorkspace';
import createPlan from '@salesforce/apex/PlanWorkspaceController.createPlan';
import saveMilestones from '@salesforce/apex/PlanWorkspaceController.saveMilestones';
import setPlanStatus from '@salesforce/apex/PlanWorkspaceController.setPlanStatus';
import recordBuyerAcceptance from '@salesforce/apex/PlanWorkspaceController.recordBuyerAcceptance';
import updatePlan from '@salesforce/apex/PlanWorkspaceController.updatePlan';
import startSuccessPlan from '@salesforce/apex/PlanWorkspaceController.startSuccessPlan';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { ListView, Workspace } from 'c/planWorkspaceModel';

jest.mock('@salesforce/apex/PlanWorkspaceController.getWorkspace', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PlanWorkspaceController.createPlan', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PlanWorkspaceController.saveMilestones', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PlanWorkspaceController.setPlanStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PlanWorkspaceController.recordBuyerAcceptance', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PlanWorkspaceController.updatePlan', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PlanWorkspaceController.startSuccessPlan', () => ({ default: jest.fn() }), {
    virtual: true
});

export const WORKSPACE = jest.requireActual<Workspace>('../../planWorkspaceModel/__tests__/data/workspace.json');
export const NO_PLAN = jest.requireActual<Workspace>('../../planWorkspaceModel/__tests__/data/noPlan.json');
export const OPPORTUNITY_ID = '006000000000001AAA';
export const PLAN_ID = 'a01000000000001AAA';
export const M = (n: number) => `a02000000000${String(n).padStart(3, '0')}AAA`;

export const mocked = (fn: unknown) => fn as jest.Mock;

/** The workspace as PlanWorkspaceController returns it (a typed PlanWorkspace), changed for one test. */
export function served(change: (w: Workspace) => void = () => undefined, base: Workspace = WORKSPACE): Workspace {
    const copy = JSON.parse(JSON.stringify(base)) as Workspace;
    change(copy);
    return copy;
}

export function serverError(report: object) {
    return { body: { message: JSON.stringify(report) }, status: 400 };
}

/** Lets every pending promise (Apex mocks, re-renders) settle. */
export function flush(): Promise<void> {
    return new Promise((resolve) => {
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        setTimeout(resolve, 0);
    });
}

export async function render(): Promise<HTMLElement> {
    const element = createElement('c-plan-workspace', { is: PlanWorkspace }) as HTMLElement & { recordId: string };
    element.recordId = OPPORTUNITY_ID;
    document.body.appendChild(element);
    await flush();
    return element;
}

export const $ = (root: Element | ShadowRoot | null | undefined, selector: string) =>
    root?.querySelector(selector) as HTMLElement | null;
export const list = (element: HTMLElement) => $(element.shadowRoot, 'c-plan-milestone-list') as HTMLElement;
export const header = (element: HTMLElement) => $(element.shadowRoot, 'c-plan-header') as HTMLElement;
export const creator = (element: HTMLElement) => $(element.shadowRoot, 'c-plan-creator') as HTMLElement;
/** The phases of the milestone list (c-plan-milestone-group), each rendering its heading and rows. */
const phases = (element: HTMLElement) => [
    ...(list(element).shadowRoot?.querySelectorAll<HTMLElement>('c-plan-milestone-group') ?? [])
];
/** A milestone's row as its c-plan-milestone-row renders it (in the list item its phase keeps for it). */
export const row = (element: HTMLElement, key: string) => {
    for (const phase of phases(element)) {
        const host = $(phase.shadowRoot, `[data-row="${key}"] c-plan-milestone-row`);
        if (host) return $(host.shadowRoot, '[data-id="row"]');
    }
    return null;
};
/** The text the milestone list shows, its phases' and rows' included (each behind its own shadow root). */
export const listText = (element: HTMLElement) =>
    [
        list(element).shadowRoot,
        ...phases(element).flatMap((phase) => [
            phase.shadowRoot,
            ...[...(phase.shadowRoot?.querySelectorAll('c-plan-milestone-row') ?? [])].map((host) => host.shadowRoot)
        ])
    ]
        .map((root) => root?.textContent ?? '')
        .join(' ');
export const pageErrors = (element: HTMLElement) => {
    const box = $(element.shadowRoot, '[data-id="page-errors"]');
    return box
        ? [...box.querySelectorAll('p, li')].map((node) => node.textContent?.replace(/\s+/g, ' ').trim()).join(' ')
        : undefined;
};

export function emit(target: HTMLElement, type: string, detail?: unknown): void {
    target.dispatchEvent(new CustomEvent(type, { detail }));
}

export function lastRequest(fn: unknown): {
    milestones: Record<string, unknown>[];
    deletedIds: string[];
    loaded: { plan: number | null; milestones: Record<string, number | null> };
} {
    const calls = mocked(fn).mock.calls;
    return calls[calls.length - 1][0].request;
}
export {
    createElement,
    createPlan,
    getWorkspace,
    notifyRecordUpdateAvailable,
    PlanWorkspace,
    recordBuyerAcceptance,
    saveMilestones,
    setPlanStatus,
    startSuccessPlan,
    updatePlan
};
export type { ListView, Workspace };

/** Each test starts from the fixture workspace served, and an empty page. */
export function setUpWorkspace(): void {
    beforeEach(() => {
        jest.clearAllMocks();
        mocked(getWorkspace).mockResolvedValue(served());
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });
}

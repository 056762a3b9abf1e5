/**
 * What the Tandem Setup tests share: the mocked Apex calls that load and save the page, the fixture view, and helpers
 * that render the page and read it as a user sees it. Import it before the component, so its mocks are in place first.
 */
import { createElement } from 'lwc';
import TandemSetup from 'c/tandemSetup';
import getSetup from '@salesforce/apex/TandemSetupController.getSetup';
import saveSetup from '@salesforce/apex/TandemSetupController.saveSetup';
import type { SetupRequest, SetupView } from 'c/tandemSetupModel';

jest.mock('@salesforce/apex/TandemSetupController.getSetup', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/TandemSetupController.saveSetup', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});

export const VIEW = jest.requireActual<SetupView>('./data/setupView.json');

export const mockGetSetup = getSetup as unknown as jest.Mock<Promise<SetupView>, []>;
export const mockSaveSetup = saveSetup as unknown as jest.Mock<Promise<SetupView>, [{ request: SetupRequest }]>;

/** A base component input or control, with what the tests read and the validity methods they record. */
export type Control = HTMLElement & {
    value: string;
    label: string;
    disabled: boolean;
    placeholder: string;
    fieldLevelHelp: string;
    options: { label: string; value: string }[];
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
};

/** What the component last asked each recorded control to show under it (setCustomValidity, then reportValidity). */
export const reported = new Map<HTMLElement, string>();

/** Lets pending Apex promises and the re-renders that follow settle (a few microtask turns). */
export function settle(): Promise<void> {
    return Promise.resolve()
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined);
}

export function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector(selector) ?? null;
}

export function $$(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll(selector) ?? []) as HTMLElement[];
}

/** The text a reader meets in an element: its text nodes in order, separated by single spaces. */
export function text(element: Element | null): string {
    if (!element) {
        return '';
    }
    const parts: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        parts.push(node.textContent ?? '');
    }
    return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Records the messages the component gives the controls `selector` finds. The base component stubs' methods do
 * nothing and their prototypes are frozen, so each rendered control gets its own recorder.
 */
function recordValidity(element: HTMLElement, selector: string): void {
    for (const control of $$(element, selector) as Control[]) {
        let pending = '';
        control.setCustomValidity = (message: string) => {
            pending = message;
        };
        control.reportValidity = () => {
            reported.set(control, pending);
            return pending === '';
        };
    }
}

/** Renders the page on `view`, recording the validity messages of the controls `validated` finds. */
export async function render(view: SetupView, validated: string): Promise<HTMLElement> {
    mockGetSetup.mockResolvedValue(view);
    const element = createElement('c-tandem-setup', { is: TandemSetup });
    document.body.appendChild(element);
    await settle();
    recordValidity(element, validated);
    return element;
}

export async function click(target: HTMLElement | null): Promise<void> {
    target?.click();
    await settle();
}

/** The request of the last save. */
export function lastRequest(): SetupRequest {
    const calls = mockSaveSetup.mock.calls;
    return calls[calls.length - 1][0].request;
}

/** The JSON error the controller reports, as the platform delivers an AuraHandledException's message. */
export function serverError(report: object): { body: { message: string } } {
    return { body: { message: JSON.stringify(report) } };
}

/** Between tests: fresh mocks, no page, no recorded messages. */
export function resetSetupTests(): void {
    mockGetSetup.mockReset();
    mockSaveSetup.mockReset();
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    reported.clear();
}

/**
 * What every pipeline review test shares: the mocked Apex call and navigation, the fixture pages, and helpers that
 * read the component as a user sees it. Import it before anything else, so its mocks are in place first.
 */
import { createElement } from 'lwc';
import PipelineReview from 'c/pipelineReview';
import loadPage from '@salesforce/apex/PipelineReviewController.loadPage';
import { storageKey } from 'c/pipelineReviewModel';
import type { ReviewPage, ReviewRequest, ReviewSummary } from 'c/pipelineReviewModel';

export const mockNavigate = jest.fn();

jest.mock('@salesforce/apex/PipelineReviewController.loadPage', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});

jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const NavigationMixin = (Base: new (...args: any[]) => object) =>
        class extends Base {
            [Navigate](pageReference: unknown, replace?: boolean): void {
                mockNavigate(pageReference, replace);
            }
            [GenerateUrl](): Promise<string> {
                return Promise.resolve('');
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { NavigationMixin, CurrentPageReference: jest.fn() };
});

export const FIRST_PAGE = jest.requireActual<ReviewPage>('./data/firstPage.json');
export const NEXT_PAGE = jest.requireActual<ReviewPage>('./data/nextPage.json');
export const EMPTY_PAGE = jest.requireActual<ReviewPage>('./data/emptyPage.json');
export const LARGE_SUMMARY = jest.requireActual<ReviewSummary>('./data/largeSummary.json');
export const LAST_PAGE: ReviewPage = { ...NEXT_PAGE, nextCursor: null };

// The user Id the LWC Jest transformer gives @salesforce/user/Id.
export const USER_ID = '005000000000000000';
export const DANA = '005Hs00000DanaAAAA';

export const mockLoadPage = loadPage as unknown as jest.Mock<Promise<ReviewPage>, [{ request: ReviewRequest }]>;

/** Lets the pending Apex promise and the re-render that follows it settle (a few microtask turns). */
export function settle(): Promise<void> {
    return Promise.resolve()
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined);
}

export function lastRequest(): ReviewRequest {
    const calls = mockLoadPage.mock.calls;
    return calls[calls.length - 1][0].request;
}

export async function render(page: ReviewPage = FIRST_PAGE): Promise<HTMLElement> {
    mockLoadPage.mockResolvedValue(page);
    const element = createElement('c-pipeline-review', { is: PipelineReview });
    document.body.appendChild(element);
    await settle();
    return element;
}

export function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector(selector) ?? null;
}

export function $$(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll(selector) ?? []) as HTMLElement[];
}

/** The text a reader meets in an element: its text nodes in order, separated by single spaces. */
export function text(element: HTMLElement | null): string {
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

export function cell(element: HTMLElement, opportunityId: string, column: string): string {
    return text($(element, `tr[data-row="${opportunityId}"] [data-col="${column}"]`));
}

export async function changeCombobox(element: HTMLElement, filter: string, value: string): Promise<void> {
    const combobox = $(element, `lightning-combobox[data-filter="${filter}"]`);
    combobox?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await settle();
}

export async function click(target: HTMLElement | null): Promise<void> {
    target?.click();
    await settle();
}

export const [ACME, GLOBEX, INITECH, UMBRELLA, HOOLI] = FIRST_PAGE.rows.map((row) => row.opportunityId);

/** Resets the Apex mock, navigation and saved state before each test, and empties the page after it. */
export function setUpReview(): void {
    beforeEach(() => {
        window.localStorage.clear();
        mockLoadPage.mockReset();
        mockNavigate.mockReset();
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });
}

export { createElement, PipelineReview, storageKey };
export type { ReviewPage, ReviewRequest, ReviewSummary };

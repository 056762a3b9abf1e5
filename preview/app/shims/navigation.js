// lightning/navigation for the preview: page references become in-app routes, so "open the opportunity"
// from the pipeline review lands on the preview's record page.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');
const listeners = new Set();
/**
 * The buyer page: in an org, a page of the Experience Cloud site (a comm__namedPage) that a guest opens with their
 * link in `state.t` (docs/buyer-page.md).
 */
const BUYER_PAGE = 'buyer';

/**
 * The preview's tabs (standard__navItemPage) by API name: the package's two, and the preview's own Outbox
 * (Preview_Outbox, preview-only: the emails the embedded org sent).
 */
const TABS = { Pipeline_Review: '/pipeline', Tandem_Setup: '/setup', Preview_Outbox: '/outbox' };

/** The preview's path for a page reference, or null when the preview has no such page. */
function pathFor(pageReference) {
    const { type, attributes = {} } = pageReference ?? {};
    if (type === 'standard__recordPage' && attributes.recordId) return `/opportunity/${attributes.recordId}`;
    if (type === 'standard__navItemPage' && Object.hasOwn(TABS, attributes.apiName)) return TABS[attributes.apiName];
    if (type === 'standard__objectPage' && attributes.objectApiName === 'Opportunity') return '/opportunities';
    if (type === 'comm__namedPage' && attributes.name === BUYER_PAGE) return '/buyer';
    return null;
}

/** Whether the preview has a page for the reference (a record page is an opportunity's: the only one it has). */
export function hasPageFor(pageReference) {
    return pathFor(pageReference) !== null;
}

export function urlFor(pageReference) {
    const path = pathFor(pageReference) ?? '/';
    const query = new URLSearchParams(pageReference?.state ?? {}).toString();
    return query ? `${path}?${query}` : path;
}

export function currentPageReference() {
    const { pathname, search } = window.location;
    const state = Object.fromEntries(new URLSearchParams(search));
    const record = /^\/opportunity\/([A-Za-z0-9]{15,18})/.exec(pathname);
    if (record) {
        return {
            type: 'standard__recordPage',
            attributes: { recordId: record[1], objectApiName: 'Opportunity', actionName: 'view' },
            state
        };
    }
    if (pathname === '/opportunities') {
        return {
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Opportunity', actionName: 'list' },
            state
        };
    }
    if (pathname === '/buyer') return { type: 'comm__namedPage', attributes: { name: BUYER_PAGE }, state };
    if (pathname === '/setup') return { type: 'standard__navItemPage', attributes: { apiName: 'Tandem_Setup' }, state };
    if (pathname === '/outbox') {
        return { type: 'standard__navItemPage', attributes: { apiName: 'Preview_Outbox' }, state };
    }
    return { type: 'standard__navItemPage', attributes: { apiName: 'Pipeline_Review' }, state };
}

export function navigateTo(pageReference, replace = false) {
    const url = urlFor(pageReference);
    if (replace) window.history.replaceState({}, '', url);
    else window.history.pushState({}, '', url);
    const reference = currentPageReference();
    listeners.forEach((listener) => listener(reference));
}

/** Calls `listener` with the new page reference after every navigation; returns the unsubscribe function. */
export function subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

window.addEventListener('popstate', () => {
    const reference = currentPageReference();
    listeners.forEach((listener) => listener(reference));
});

export function NavigationMixin(Base) {
    return class extends Base {
        [Navigate](pageReference, replace) {
            navigateTo(pageReference, replace);
        }
        [GenerateUrl](pageReference) {
            return Promise.resolve(urlFor(pageReference));
        }
    };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Wire adapter: the current page reference, re-emitted on every in-app navigation. */
export class CurrentPageReference {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.listener = (reference) => this.dataCallback(reference);
    }
    connect() {
        listeners.add(this.listener);
        this.dataCallback(currentPageReference());
    }
    disconnect() {
        listeners.delete(this.listener);
    }
    update() {}
}

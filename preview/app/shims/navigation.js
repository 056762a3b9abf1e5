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

export function urlFor(pageReference) {
    const { type, attributes = {}, state = {} } = pageReference ?? {};
    let path = '/';
    if (type === 'standard__recordPage' && attributes.recordId) path = `/opportunity/${attributes.recordId}`;
    else if (type === 'standard__navItemPage' && attributes.apiName === 'Pipeline_Review') path = '/pipeline';
    else if (type === 'standard__navItemPage' && attributes.apiName === 'Tandem_Setup') path = '/setup';
    else if (type === 'standard__objectPage' && attributes.objectApiName === 'Opportunity') path = '/opportunities';
    else if (type === 'comm__namedPage' && attributes.name === BUYER_PAGE) path = '/buyer';
    const query = new URLSearchParams(state).toString();
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

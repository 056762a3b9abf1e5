// Visualforce pages from Apex: System.PageReference (Apex Reference, "PageReference Class"), System.ApexPages
// ("ApexPages Class"), the Page namespace of the project's own pages (Apex Developer Guide, "Using the
// PageReference Class": "Page.existingPageName" refers to a page saved in the org), and the test's current page
// (Test.setCurrentPage, "Test Class"). Rendering a page is not the runtime's job: PageReference.getContent and
// getContentAsPDF ask the renderer the host gives the org (setPageRenderer), and fail loudly without one.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defineNative } from '../interpreter/natives.mjs';
import { ApexMap } from '../values/collections.mjs';
import { ApexBlob } from '../values/values.mjs';
import { T } from '../values/types.mjs';

export class PageReference {
    /** url: the relative URL without its query string; parameters: an Apex Map<String, String> (mutable). */
    constructor(url, parameters, anchor = null) {
        this.url = url;
        this.parameters = parameters;
        this.anchor = anchor;
        this.redirect = false;
    }

    /** The page's name when the URL is /apex/<Name>, else null. */
    get pageName() {
        const match = /^\/apex\/([A-Za-z0-9_]+)$/.exec(this.url);
        return match ? match[1] : null;
    }
}

const renderers = new WeakMap();

/**
 * The host's renderer of the org's Visualforce pages, for PageReference.getContent / getContentAsPDF:
 * `renderer({ rt, pageName, parameters, asPdf })` returns the page's bytes (a Uint8Array), synchronously, as the
 * Apex call waits for them. The preview gives one (preview/visualforce/); Apex tests run without.
 */
export function setPageRenderer(org, renderer) {
    renderers.set(org, renderer);
}

/** Visualforce pages of the program's package directories, by lower-case name: { name, file }. */
const pagesOfProgram = new WeakMap();
export function projectPages(program) {
    if (pagesOfProgram.has(program)) return pagesOfProgram.get(program);
    const pages = new Map();
    const visit = (dir) => {
        for (const entry of readdirSync(dir)) {
            if (entry === 'node_modules' || entry.startsWith('.')) continue;
            const path = join(dir, entry);
            if (statSync(path).isDirectory()) visit(path);
            else if (entry.endsWith('.page') && basename(dir) === 'pages') {
                const name = entry.slice(0, -'.page'.length);
                pages.set(name.toLowerCase(), { name, file: path });
            }
        }
    };
    for (const dir of program.directories ?? []) if (existsSync(dir)) visit(dir);
    pagesOfProgram.set(program, pages);
    return pages;
}

const stringMap = (rt) => new ApexMap(T.String, T.String, rt);

/**
 * A PageReference from a URL: "a partial URL, such as '/apex/HelloWorld'" or "a full external URL" (PageReference
 * Class, "PageReference(partialURL)"); the query string's parameters become getParameters() (decoded), the part
 * after '#' the anchor.
 */
export function pageReferenceOf(rt, url) {
    if (url === null || url === undefined)
        rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    const text = String(url);
    const hashAt = text.indexOf('#');
    const anchor = hashAt >= 0 ? text.slice(hashAt + 1) : null;
    const withoutAnchor = hashAt >= 0 ? text.slice(0, hashAt) : text;
    const queryAt = withoutAnchor.indexOf('?');
    const parameters = stringMap(rt);
    if (queryAt >= 0) {
        for (const [key, value] of new URLSearchParams(withoutAnchor.slice(queryAt + 1)))
            parameters.set(key, value, rt);
    }
    return new PageReference(queryAt >= 0 ? withoutAnchor.slice(0, queryAt) : withoutAnchor, parameters, anchor);
}

/**
 * getUrl: "the relative URL associated with the PageReference ... including any query string parameters and
 * anchors" (PageReference Class, getUrl()); the parameters are those of getParameters() now, encoded.
 */
function urlOf(rt, ref) {
    const query = new URLSearchParams();
    for (const [key, value] of ref.parameters.entries()) query.append(key, value === null ? '' : rt.toString(value));
    const text = query.toString();
    return `${ref.url}${text ? `?${text}` : ''}${ref.anchor ? `#${ref.anchor}` : ''}`;
}

function currentPageState(rt) {
    rt.services ??= {};
    return rt.services;
}

/** The page the transaction renders or the test set (Test.setCurrentPage), or null. */
export function currentPage(rt) {
    return currentPageState(rt).currentPage ?? null;
}

/** Makes `ref` the transaction's current page (the renderer does so before it constructs the controller). */
export function setCurrentPage(rt, ref) {
    if (ref !== null && !(ref instanceof PageReference))
        rt.throw('System.TypeException', 'Test.setCurrentPage takes a PageReference');
    currentPageState(rt).currentPage = ref;
    return null;
}

/**
 * getContent / getContentAsPDF. PageReference Class: "You can't use the getContent method in: Triggers; Test
 * methods. If you use getContent in a test method, the test method fails. getContent is treated as a callout in API
 * version 34.0 and later"; the same for getContentAsPDF. The documentation names neither the exception nor its
 * message: both are reconstructed from platform output (System.VisualforceException).
 */
function content(rt, ref, asPdf) {
    const method = asPdf ? 'getContentAsPDF' : 'getContent';
    if (rt.services?.triggerContext !== undefined)
        rt.throw('System.VisualforceException', 'Getting content from within triggers is currently not supported.');
    if (rt.isTest)
        rt.throw('System.VisualforceException', `Methods defined as TestMethod do not support ${method} call`);
    const renderer = renderers.get(rt.org);
    if (!renderer)
        rt.unsupported(`PageReference.${method} without a page renderer (the host gives one: setPageRenderer)`);
    const pageName = ref.pageName;
    if (!pageName || !projectPages(rt.program).has(pageName.toLowerCase()))
        rt.unsupported(`PageReference.${method} of ${urlOf(rt, ref)}, which is not a page of the project`);
    const parameters = {};
    for (const [key, value] of ref.parameters.entries()) parameters[key] = value === null ? null : rt.toString(value);
    const bytes = renderer({
        rt,
        pageName: projectPages(rt.program).get(pageName.toLowerCase()).name,
        parameters,
        asPdf
    });
    return new ApexBlob(new Uint8Array(bytes));
}

const unsupported = (name) => (rt) => rt.unsupported(name);

export const PageReferenceNative = defineNative({
    name: 'PageReference',
    isInstance: (value) => value instanceof PageReference,
    construct(rt, args) {
        if (args.length !== 1) rt.unsupported(`new PageReference with ${args.length} arguments (an SObject or a URL)`);
        const [target] = args;
        if (target !== null && target !== undefined && typeof target !== 'string')
            rt.unsupported('new PageReference(SObject): the record detail page');
        return pageReferenceOf(rt, target);
    },
    instanceMethods: {
        // "Returns a map of the query string parameters for the PageReference"; changes to it change the reference.
        getparameters: (rt, self) => self.parameters,
        geturl: (rt, self) => urlOf(rt, self),
        getanchor: (rt, self) => self.anchor,
        setanchor(rt, self, [anchor]) {
            self.anchor = anchor;
            return self;
        },
        // "setRedirect(redirect): ... Returns the PageReference object", so calls chain; getRedirect defaults to false.
        setredirect(rt, self, [redirect]) {
            self.redirect = redirect === true;
            return self;
        },
        getredirect: (rt, self) => self.redirect,
        getcontent: (rt, self) => content(rt, self, false),
        getcontentaspdf: (rt, self) => content(rt, self, true),
        getcookies: unsupported('PageReference.getCookies'),
        setcookies: unsupported('PageReference.setCookies'),
        getheaders: unsupported('PageReference.getHeaders'),
        getredirectcode: unsupported('PageReference.getRedirectCode'),
        setredirectcode: unsupported('PageReference.setRedirectCode')
    },
    staticMethods: {
        forresource: unsupported('PageReference.forResource')
    }
});

/** `Page.PlanPdf`: a PageReference to /apex/PlanPdf; a name that is no page of the project does not compile. */
defineNative({
    name: 'Page',
    isInstance: () => false,
    staticProperty(rt, name) {
        const page = projectPages(rt.program).get(String(name).toLowerCase());
        if (!page) return rt.compileError(`Variable does not exist: Page.${name}`);
        return new PageReference(`/apex/${page.name}`, stringMap(rt));
    }
});

defineNative({
    name: 'ApexPages',
    isInstance: () => false,
    staticMethods: {
        // "Returns the current page's PageReference": the rendered page, or the test's Test.setCurrentPage.
        currentpage: (rt) => currentPage(rt),
        addmessage: unsupported('ApexPages.addMessage'),
        addmessages: unsupported('ApexPages.addMessages'),
        getmessages: unsupported('ApexPages.getMessages'),
        hasmessages: unsupported('ApexPages.hasMessages')
    }
});

// System.URL (Apex Reference, "URL Class"): an absolute address, made from a string (`new URL(spec)`) or read from
// the org (`URL.getOrgDomainUrl()`, "Returns the canonical URL for your org", e.g. https://MyDomainName.my.salesforce.com).
// The embedded org's domain is `org.domainUrl` when the host sets one, else a fixed My Domain address (links in the
// preview's outbox point there: the preview has no Lightning Experience to open). getCurrentRequestUrl and
// getFileFieldURL need a request or a file: not modelled.
import { defineNative } from '../interpreter/natives.mjs';

export const DEFAULT_ORG_DOMAIN = 'https://tandem-preview.my.salesforce.com';

export class ApexUrl {
    constructor(href) {
        this.url = new globalThis.URL(href);
    }
}

function parse(rt, spec) {
    if (spec === null || spec === undefined)
        rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    try {
        return new ApexUrl(String(spec));
    } catch {
        // "new URL(spec) ... throws System.StringException" for a malformed address (message reconstructed).
        return rt.throw('System.StringException', `Invalid URL: ${spec}`);
    }
}

defineNative({
    name: 'URL',
    isInstance: (value) => value instanceof ApexUrl,
    construct(rt, args) {
        if (args.length !== 1) rt.unsupported(`new URL with ${args.length} arguments (only new URL(spec))`);
        return parse(rt, args[0]);
    },
    staticMethods: {
        getorgdomainurl: (rt) => new ApexUrl(rt.org.domainUrl ?? DEFAULT_ORG_DOMAIN),
        getcurrentrequesturl: (rt) => rt.unsupported('URL.getCurrentRequestUrl (no request in the offline runtime)'),
        getfilefieldurl: (rt) => rt.unsupported('URL.getFileFieldURL')
    },
    instanceMethods: {
        // toExternalForm: the address as a string; the origin alone has no trailing slash, as the platform prints it.
        toexternalform: (rt, self) =>
            self.url.pathname === '/' && !self.url.search && !self.url.hash ? self.url.origin : self.url.href,
        getprotocol: (rt, self) => self.url.protocol.replace(/:$/, ''),
        gethost: (rt, self) => self.url.hostname,
        getport: (rt, self) => (self.url.port ? Number(self.url.port) : -1),
        getpath: (rt, self) => (self.url.pathname === '/' ? '' : self.url.pathname),
        getquery: (rt, self) => (self.url.search ? self.url.search.slice(1) : null),
        getref: (rt, self) => (self.url.hash ? self.url.hash.slice(1) : null)
    }
});

// System.URL (Apex Reference, "URL Class"): getOrgDomainUrl, new URL(spec) and the parts of an address.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, newRt, callStatic, callMethod, apexError } from './support.mjs';
import { nativeClass } from '../../interpreter/natives.mjs';
import { DEFAULT_ORG_DOMAIN } from '../../platform/url.mjs';

const construct = (rt, args) => nativeClass('URL').construct(rt, args);
const external = (rt, url) => callMethod(rt, 'URL', url, 'toExternalForm');

describe('System.URL', () => {
    test('getOrgDomainUrl is the org My Domain address, printed without a trailing slash', () => {
        const { org } = newOrg();
        const rt = newRt(org);
        assert.equal(external(rt, callStatic(rt, 'URL.getOrgDomainUrl')), DEFAULT_ORG_DOMAIN);
        assert.match(DEFAULT_ORG_DOMAIN, /^https:\/\/[a-z0-9-]+\.my\.salesforce\.com$/);
        org.domainUrl = 'https://acme.my.salesforce.com';
        assert.equal(external(rt, callStatic(rt, 'URL.getOrgDomainUrl')), 'https://acme.my.salesforce.com');
    });

    test('new URL(spec) keeps the address and splits it into protocol, host, port, path, query and ref', () => {
        const rt = newRt(newOrg().org);
        const url = construct(rt, ['https://acme.my.salesforce.com:8443/lightning/r/Opportunity/006/view?x=1#top']);
        assert.equal(external(rt, url), 'https://acme.my.salesforce.com:8443/lightning/r/Opportunity/006/view?x=1#top');
        assert.equal(callMethod(rt, 'URL', url, 'getProtocol'), 'https');
        assert.equal(callMethod(rt, 'URL', url, 'getHost'), 'acme.my.salesforce.com');
        assert.equal(callMethod(rt, 'URL', url, 'getPort'), 8443);
        assert.equal(callMethod(rt, 'URL', url, 'getPath'), '/lightning/r/Opportunity/006/view');
        assert.equal(callMethod(rt, 'URL', url, 'getQuery'), 'x=1');
        assert.equal(callMethod(rt, 'URL', url, 'getRef'), 'top');
        const bare = construct(rt, ['https://acme.my.salesforce.com']);
        assert.equal(callMethod(rt, 'URL', bare, 'getPort'), -1, 'no port given: -1, as java.net.URL');
        assert.equal(callMethod(rt, 'URL', bare, 'getQuery'), null);
    });

    test('a malformed address throws a StringException; a null one a NullPointerException', () => {
        const rt = newRt(newOrg().org);
        assert.equal(apexError(() => construct(rt, ['not an address'])).apexType, 'System.StringException');
        assert.equal(apexError(() => construct(rt, [null])).apexType, 'System.NullPointerException');
    });

    test('what needs a live request or a file is refused loudly, not faked', () => {
        const rt = newRt(newOrg().org);
        assert.throws(() => callStatic(rt, 'URL.getCurrentRequestUrl'), /getCurrentRequestUrl/);
    });
});

// PageReference, the Page namespace, ApexPages.currentPage and Test.setCurrentPage (../../platform/pages.mjs), run
// as Apex through the interpreter (Apex Reference, "PageReference Class", "ApexPages Class", "Test Class"; Apex
// Developer Guide, "Using the PageReference Class").
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApexSession, loadPackageProgram } from '../../session.mjs';
import { setPageRenderer } from '../../platform/pages.mjs';
import { ApexCompileError, UnsupportedError } from '../../interpreter/errors.mjs';
import { ROOT, TODAY } from './support.mjs';

const program = loadPackageProgram(ROOT);

function newSession() {
    return createApexSession(program, {
        root: ROOT,
        today: TODAY,
        users: [{ FirstName: 'Ada', LastName: 'Admin', permissionSets: ['Tandem_Admin'] }]
    });
}

/** Runs anonymous Apex in one transaction; `isTest` makes it a test method's. */
const run = (session, code, options = {}) => session.transaction(null, (rt) => rt.runAnonymous(code), options);

describe('PageReference', () => {
    test('new PageReference(partialURL) reads the query string into getParameters() and keeps the anchor', () => {
        const result = run(
            newSession(),
            `PageReference ref = new PageReference('/apex/PlanPdf?id=a01&note=two%20words#milestones');
             return ref.getParameters().get('id') + '|' + ref.getParameters().get('note') + '|' + ref.getAnchor()
                 + '|' + ref.getUrl();`
        );
        assert.equal(result, 'a01|two words|milestones|/apex/PlanPdf?id=a01&note=two+words#milestones');
    });

    test("getParameters() is the reference's own map: what is put in it is in getUrl()", () => {
        const result = run(
            newSession(),
            `PageReference ref = Page.PlanPdf;
             String before = ref.getUrl();
             ref.getParameters().put('id', 'a01');
             return before + '|' + ref.getUrl() + '|' + ref.getParameters().size();`
        );
        assert.equal(result, '/apex/PlanPdf|/apex/PlanPdf?id=a01|1');
    });

    test('Page.<name> is a page of the project, a fresh reference each time; another name does not compile', () => {
        const session = newSession();
        assert.equal(
            run(
                session,
                `PageReference a = Page.PlanPdf; a.getParameters().put('id', 'x'); return Page.PlanPdf.getUrl();`
            ),
            '/apex/PlanPdf'
        );
        assert.throws(
            () => run(session, 'return Page.NoSuchPage;'),
            (error) => {
                assert.ok(error instanceof ApexCompileError, error.message);
                assert.match(error.message, /Variable does not exist: Page\.NoSuchPage/);
                return true;
            }
        );
    });

    test('setRedirect returns the reference itself; getRedirect is false until set', () => {
        const result = run(
            newSession(),
            `PageReference ref = new PageReference('/apex/PlanPdf');
             Boolean initially = ref.getRedirect();
             PageReference same = ref.setRedirect(true);
             return initially + '|' + ref.getRedirect() + '|' + (same === ref);`
        );
        assert.equal(result, 'false|true|true');
    });
});

describe('ApexPages.currentPage and Test.setCurrentPage', () => {
    test('no current page until a test sets one; then the controller reads its parameters', () => {
        const result = run(
            newSession(),
            `String before = String.valueOf(ApexPages.currentPage());
             PageReference ref = Page.PlanPdf;
             Test.setCurrentPage(ref);
             ref.getParameters().put('id', 'a01');
             return before + '|' + (ApexPages.currentPage() === ref) + '|'
                 + ApexPages.currentPage().getParameters().get('id');`,
            { isTest: true }
        );
        assert.equal(result, 'null|true|a01');
    });

    test('Test.setCurrentPageReference does the same', () => {
        const result = run(
            newSession(),
            `Test.setCurrentPageReference(new PageReference('/apex/PlanPdf?id=b02'));
             return ApexPages.currentPage().getParameters().get('id');`,
            { isTest: true }
        );
        assert.equal(result, 'b02');
    });

    test('the current page lasts one transaction', () => {
        const session = newSession();
        run(session, `Test.setCurrentPage(Page.PlanPdf);`, { isTest: true });
        assert.equal(run(session, 'return ApexPages.currentPage();', { isTest: true }), null);
    });
});

describe('getContent and getContentAsPDF', () => {
    const catching = (call) => `
        try {
            ${call};
            return 'no exception';
        } catch (VisualforceException e) {
            return e.getTypeName() + ': ' + e.getMessage();
        }`;

    test('fail in a test method ("If you use getContent in a test method, the test method fails")', () => {
        const session = newSession();
        setPageRenderer(session.org, () => new Uint8Array([37]));
        assert.equal(
            run(session, catching('Page.PlanPdf.getContent()'), { isTest: true }),
            'System.VisualforceException: Methods defined as TestMethod do not support getContent call'
        );
        assert.equal(
            run(session, catching('Page.PlanPdf.getContentAsPDF()'), { isTest: true }),
            'System.VisualforceException: Methods defined as TestMethod do not support getContentAsPDF call'
        );
    });

    test('fail in a trigger ("This method can\'t be used in: Triggers")', () => {
        const session = newSession();
        setPageRenderer(session.org, () => new Uint8Array([37]));
        const result = session.transaction(null, (rt) => {
            rt.services.triggerContext = { operation: 'AFTER_UPDATE' };
            return rt.runAnonymous(catching('Page.PlanPdf.getContentAsPDF()'));
        });
        assert.equal(
            result,
            'System.VisualforceException: Getting content from within triggers is currently not supported.'
        );
    });

    test("ask the host's renderer for the page with its parameters, as the running user", () => {
        const session = newSession();
        const asked = [];
        setPageRenderer(session.org, ({ rt, pageName, parameters, asPdf }) => {
            asked.push({ pageName, parameters, asPdf, userId: rt.userId });
            return new TextEncoder().encode(asPdf ? '%PDF-1.4 plan' : '<html></html>');
        });
        const result = run(
            session,
            `PageReference ref = Page.PlanPdf;
             ref.getParameters().put('id', 'a01');
             return ref.getContentAsPDF().size() + '|' + ref.getContent().toString();`
        );
        assert.equal(result, '13|<html></html>');
        assert.deepEqual(asked, [
            { pageName: 'PlanPdf', parameters: { id: 'a01' }, asPdf: true, userId: session.org.currentUserId },
            { pageName: 'PlanPdf', parameters: { id: 'a01' }, asPdf: false, userId: session.org.currentUserId }
        ]);
    });

    test('fail loudly without a renderer, and for a URL that is not a page of the project', () => {
        const session = newSession();
        assert.throws(
            () => run(session, 'return Page.PlanPdf.getContentAsPDF();'),
            (error) => {
                assert.ok(error instanceof UnsupportedError, error.message);
                assert.match(error.message, /getContentAsPDF without a page renderer/);
                return true;
            }
        );
        setPageRenderer(session.org, () => new Uint8Array([37]));
        assert.throws(
            () => run(session, `return new PageReference('https://example.com/x').getContent();`),
            (error) => error instanceof UnsupportedError && /not a page of the project/.test(error.message)
        );
    });
});

// The preview's follow-up tools over HTTP (preview/follow-up-tools.mjs behind preview/server.mjs /api/preview/): the
// notification bell's list and "mark read" for the previewed user, the outbox (every email the org sent, newest first,
// an attachment downloadable), and "Run the daily job", which runs FollowUpJob as the admin and reports what the run
// produced or why it failed. The org's delivery paths are its own (org.deliverNotification, and Apex's
// Messaging.sendEmail delivering to org.outbox() once the sending transaction commits).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApexSession } from '../../apex-runtime/session.mjs';
import { startServer } from '../../preview/server.mjs';
import { createFollowUpTools, dailyJobApex } from '../../preview/follow-up-tools.mjs';
import { ROOT, TODAY, apexProgram, deal } from './support.mjs';

function newSession() {
    const users = [
        { FirstName: 'Ada', LastName: 'Admin', Username: 'ada@tools.example', permissionSets: ['Tandem_Admin'] },
        {
            FirstName: 'Sam',
            LastName: 'Seller',
            Username: 'sam@tools.example',
            profile: 'Standard User',
            permissionSets: ['Tandem_User']
        }
    ];
    const session = createApexSession(apexProgram(), { root: ROOT, today: TODAY, users });
    return { session, org: session.org, admin: users[0].Id, seller: users[1].Id };
}

/** The org's own delivery path for a custom notification; fails loudly while the org has none. */
function deliver(org, notification) {
    assert.equal(
        typeof org.deliverNotification,
        'function',
        'the embedded org delivers custom notifications (org.deliverNotification in preview/org/org.mjs)'
    );
    org.deliverNotification({
        typeDeveloperName: 'Tandem_Follow_Up',
        targetPageRef: null,
        targetId: null,
        ...notification
    });
}

/** An email sent by Apex as `userId`, with a PDF attachment; delivered to the outbox when the transaction commits. */
function sendEmail(session, userId, { to, subject, pdf = false }) {
    const attachment = pdf
        ? `Messaging.EmailFileAttachment file = new Messaging.EmailFileAttachment();
           file.setFileName('Plan – v2.pdf');
           file.setContentType('application/pdf');
           file.setBody(Blob.valueOf('%PDF-1.4 the plan'));
           mail.setFileAttachments(new List<Messaging.EmailFileAttachment>{ file });`
        : '';
    session.transaction(userId, (rt) =>
        rt.runAnonymous(`
            Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
            mail.setToAddresses(new List<String>{ '${to}' });
            mail.setSubject('${subject}');
            mail.setPlainTextBody('Hello,\\nthe plan is attached.');
            mail.setHtmlBody('<p>Hello,</p><p>the <b>plan</b> is attached.</p><script>parent.alert(1)</script>');
            ${attachment}
            Messaging.sendEmail(new List<Messaging.SingleEmailMessage>{ mail });
        `)
    );
}

describe('the preview tools over HTTP', () => {
    let server;
    let base;
    let session;
    let org;
    let admin;
    let seller;
    let opportunityId;

    const post = async (tool, body) => {
        const response = await fetch(`${base}api/preview/${tool}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body ?? {})
        });
        return { status: response.status, payload: await response.json() };
    };
    /** The tool's result; a failure says the status and the server's message. */
    const result = async (tool, body) => {
        const { status, payload } = await post(tool, body);
        assert.equal(status, 200, `POST /api/preview/${tool} answered ${status}: ${payload.message}`);
        return payload.result;
    };

    before(async () => {
        ({ session, org, admin, seller } = newSession());
        org.setCurrentUser(seller);
        ({ opportunityId } = deal(org, { as: seller }));
        server = await startServer({
            bundleFile: join(ROOT, 'package.json'),
            callApex: async () => null,
            callOrg: async () => null,
            previewTools: createFollowUpTools({ session, adminId: admin })
        });
        base = `http://127.0.0.1:${server.address().port}/`;
    });

    after(() => new Promise((done) => server.close(done)));

    test("the bell lists the previewed user's notifications, newest first, each with where it leads", async () => {
        const before = await result('notifications');
        assert.equal(before.userId, seller);
        assert.deepEqual(before.notifications, []);
        deliver(org, {
            id: 'notification-1',
            title: 'Acme platform deal: a milestone is overdue',
            body: 'Step 1 was due yesterday.',
            targetId: opportunityId,
            senderId: admin,
            recipientIds: [seller],
            sentAt: `${TODAY}T07:00:00.000Z`
        });
        deliver(org, {
            id: 'notification-2',
            title: 'Pipeline review',
            body: 'Three plans went off track this week.',
            targetPageRef: JSON.stringify({
                type: 'standard__navItemPage',
                attributes: { apiName: 'Pipeline_Review' }
            }),
            senderId: admin,
            recipientIds: [seller, admin],
            sentAt: `${TODAY}T08:00:00.000Z`
        });
        deliver(org, {
            id: 'notification-3',
            title: 'For the admin only',
            body: 'Not the seller’s.',
            senderId: admin,
            recipientIds: [admin],
            sentAt: `${TODAY}T09:00:00.000Z`
        });

        const listed = await result('notifications');
        assert.equal(listed.unread, 2);
        assert.match(listed.now, new RegExp(`^${TODAY}T`), "the org's clock, to say how long ago");
        assert.deepEqual(
            listed.notifications.map((n) => [n.id, n.read]),
            [
                ['notification-2', false],
                ['notification-1', false]
            ]
        );
        const [pipeline, overdue] = listed.notifications;
        assert.deepEqual(pipeline.target.pageRef, {
            type: 'standard__navItemPage',
            attributes: { apiName: 'Pipeline_Review' }
        });
        assert.deepEqual(overdue.target.pageRef, {
            type: 'standard__recordPage',
            attributes: { recordId: opportunityId, objectApiName: 'Opportunity', actionName: 'view' }
        });
        assert.equal(overdue.target.label, 'Acme platform deal');
        assert.equal(overdue.body, 'Step 1 was due yesterday.');
    });

    test("marking read marks the previewed user's notifications only (all, or those named)", async () => {
        const one = await result('notifications/read', { ids: ['notification-1'] });
        assert.deepEqual(
            one.notifications.map((n) => [n.id, n.read]),
            [
                ['notification-2', false],
                ['notification-1', true]
            ]
        );
        const all = await result('notifications/read');
        assert.equal(all.unread, 0);
        assert.ok(all.notifications.every((n) => n.read));
        assert.equal(org.notifications(admin).filter((n) => !n.read).length, 2, "the admin's copies stay unread");
        const refused = await post('notifications/read', { ids: 'notification-1' });
        assert.equal(refused.status, 400);
    });

    test('the outbox lists every email the org sent, newest first, and an attachment downloads', async () => {
        assert.deepEqual((await result('outbox')).emails, []);
        sendEmail(session, seller, { to: 'cfo@buyer.example', subject: 'Our mutual action plan', pdf: true });
        sendEmail(session, admin, { to: 'vp@tandem.example', subject: 'Weekly digest' });

        const { emails } = await result('outbox');
        assert.deepEqual(
            emails.map((email) => [email.subject, email.to]),
            [
                ['Weekly digest', ['vp@tandem.example']],
                ['Our mutual action plan', ['cfo@buyer.example']]
            ]
        );
        const plan = emails[1];
        assert.equal(plan.plainTextBody, 'Hello,\nthe plan is attached.');
        assert.match(plan.htmlBody, /<b>plan<\/b>/, 'the HTML body as sent: the page frames it, sandboxed');
        assert.match(plan.sentAt, new RegExp(`^${TODAY}T`));
        assert.deepEqual(plan.attachments, [
            { id: 0, fileName: 'Plan – v2.pdf', contentType: 'application/pdf', inline: false, size: 17 }
        ]);

        const response = await fetch(`${base}api/preview/outbox/${plan.id}/attachments/0`);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'application/pdf');
        assert.match(
            response.headers.get('content-disposition'),
            /^attachment; filename="Plan _ v2\.pdf"; filename\*=/
        );
        assert.equal(Buffer.from(await response.arrayBuffer()).toString(), '%PDF-1.4 the plan');
        assert.equal((await fetch(`${base}api/preview/outbox/${plan.id}/attachments/5`)).status, 404);
    });

    test('"Run the daily job" runs FollowUpJob as the admin and says what it produced, or why it failed', async () => {
        const refused = await post('daily-job', { sendDigest: 'yes' });
        assert.equal(refused.status, 400);
        assert.match(refused.payload.message, /sendDigest must be true or false/);

        const notificationsBefore = org.notifications().length;
        const emailsBefore = org.outbox().length;
        const run = await result('daily-job', { sendDigest: true });
        assert.equal(run.apex, 'Database.executeBatch(new FollowUpJob(Date.today(), true), 200);');
        assert.equal(run.asOf, TODAY);
        assert.equal(run.notifications, org.notifications().length - notificationsBefore);
        assert.equal(run.emails, org.outbox().length - emailsBefore);
        if (session.program.classes.has('followupjob')) {
            assert.equal(run.error, null, 'FollowUpJob is in the package: the run succeeds');
            assert.equal(run.ok, true);
            assert.ok(run.jobs.length > 0, 'the batch ran after the anonymous Apex committed');
        } else {
            // Until FollowUpJob is written (force-app/main/follow-up/classes), the run fails and says why.
            assert.equal(run.ok, false);
            assert.ok(run.error.length > 0, 'a failed run says why');
        }
    });
});

describe('the daily job tool on its own', () => {
    /** A session whose one transaction `apex` does what `effect(org, jobs)` says: a stand-in for the runtime. */
    function fakeSession(effect) {
        const notifications = [];
        const outbox = [];
        const session = {
            asyncJobs: [],
            ran: [],
            org: {
                today: TODAY,
                now: () => `${TODAY}T10:00:00.000Z`,
                currentUserId: 'user',
                notifications: () => notifications,
                outbox: () => outbox
            },
            transaction(userId, fn) {
                fn({ runAnonymous: (code) => session.ran.push({ userId, code }) });
                effect({ notifications, outbox, jobs: session.asyncJobs });
            }
        };
        return session;
    }

    test('runs the contract as the admin and counts what the run delivered', () => {
        const session = fakeSession(({ notifications, outbox, jobs }) => {
            notifications.push({}, {});
            outbox.push({});
            jobs.push({ type: 'BatchApex', id: '707A', status: 'Completed', error: null });
        });
        const run = createFollowUpTools({ session, adminId: 'admin' }).runDailyJob({ sendDigest: false });
        assert.deepEqual(session.ran, [{ userId: 'admin', code: dailyJobApex(false) }]);
        assert.equal(dailyJobApex(false), 'Database.executeBatch(new FollowUpJob(Date.today(), false), 200);');
        assert.deepEqual(
            { ok: run.ok, notifications: run.notifications, emails: run.emails, error: run.error },
            { ok: true, notifications: 2, emails: 1, error: null }
        );
    });

    test('a batch that failed after commit fails the run, with its message', () => {
        const session = fakeSession(({ outbox, jobs }) => {
            outbox.push({});
            jobs.push({
                type: 'BatchApex',
                id: '707B',
                status: 'Failed',
                error: new Error('List index out of bounds')
            });
        });
        const run = createFollowUpTools({ session, adminId: 'admin' }).runDailyJob({ sendDigest: true });
        assert.equal(run.ok, false);
        assert.equal(run.emails, 1);
        assert.equal(run.error, 'BatchApex 707B Failed: List index out of bounds');
    });

    test('an org without notifications refuses loudly instead of counting none', () => {
        const session = fakeSession(() => {});
        delete session.org.notifications;
        const tools = createFollowUpTools({ session, adminId: 'admin' });
        assert.throws(() => tools.runDailyJob({ sendDigest: false }), { status: 501, message: /org\.notifications/ });
        assert.throws(() => tools.notifications(), { status: 501 });
        assert.deepEqual(session.ran, [], 'nothing ran');
    });
});

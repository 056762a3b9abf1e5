// Custom notifications (Apex Reference, "CustomNotification Class"; Actions Developer Guide, "Custom Notification
// Actions"; Metadata API, "CustomNotificationType"): the project's notification types as setup data, the checks of
// send(), delivery after commit to org.notifications() and never from a test, and marking them read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asyncSession, run } from './async-session.mjs';

const REF =
    'https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_Messaging_CustomNotification.htm';

/** Apex sending the fixture's notification type to `users` (Apex Set literal contents) with these setters. */
const send = (setters, users) => `Messaging.CustomNotification n = new Messaging.CustomNotification();
    n.setNotificationTypeId([SELECT Id FROM CustomNotificationType WHERE DeveloperName = 'Tandem_Follow_Up' LIMIT 1].Id);
    ${setters}
    n.send(new Set<String>{ ${users} });`;

describe('CustomNotificationType records come from the project metadata', () => {
    test('notificationtypes/Tandem_Follow_Up.notiftype-meta.xml is a CustomNotificationType row a test sees', () => {
        const { session } = asyncSession();
        const got = run(
            session,
            `CustomNotificationType t = [SELECT Id, DeveloperName, MasterLabel, CustomNotifTypeName, Desktop, Mobile FROM CustomNotificationType WHERE DeveloperName = 'Tandem_Follow_Up'];
            Probe.result = t.DeveloperName + '|' + t.MasterLabel + '|' + t.CustomNotifTypeName + '|' + t.Desktop + '|' + t.Mobile + '|' + String.valueOf(t.Id).left(3);`,
            { isTest: true }
        );
        assert.equal(got.result, 'Tandem_Follow_Up|Tandem Follow-Up|Tandem Follow-Up|true|false|0ML');
    });
});

describe('Messaging.CustomNotification.send', () => {
    test('delivered once the transaction commits, with its type, title, body, target, sender and recipients', () => {
        const { session, org, admin, standard } = asyncSession();
        const [opportunityId] = org.insert('Opportunity', {
            Name: 'Acme',
            StageName: 'Prospecting',
            CloseDate: '2026-05-01'
        });
        const during = session.transaction(admin, (rt) => {
            rt.runAnonymous(
                send(
                    `n.setTitle('Plan overdue'); n.setBody('Two milestones are overdue.'); n.setTargetId('${opportunityId}'); n.setSenderId('${admin}');`,
                    `'${standard}', '${admin}'`
                )
            );
            return org.notifications().length;
        });
        assert.equal(during, 0, '"The email is not sent until the Apex transaction is committed", nor a notification');
        const [sent, ...more] = org.notifications();
        assert.equal(more.length, 0);
        assert.deepEqual(
            { ...sent, id: typeof sent.id, sentAt: sent.sentAt.slice(0, 10) },
            {
                id: 'string',
                typeDeveloperName: 'Tandem_Follow_Up',
                title: 'Plan overdue',
                body: 'Two milestones are overdue.',
                targetId: opportunityId,
                targetPageRef: null,
                senderId: admin,
                recipientIds: [standard, admin],
                sentAt: '2026-03-02',
                read: false
            }
        );
        assert.equal(org.notifications(standard).length, 1);
        assert.equal(org.markNotificationsRead(standard), 1);
        assert.equal(org.notifications(standard)[0].read, true);
        assert.equal(org.notifications(admin)[0].read, false);
        assert.equal(org.notifications()[0].read, false, 'read by every recipient only once all have read it');
    });

    test('a page reference as the target ("The target can be specified using either the targetID or the targetPageRef")', () => {
        const { session, org, admin } = asyncSession();
        const pageRef = '{"type":"standard__navItemPage","attributes":{"apiName":"Tandem_Plans"}}';
        run(session, send(`n.setTitle('T'); n.setBody('B'); n.setTargetPageRef('${pageRef}');`, `'${admin}'`));
        assert.equal(org.notifications()[0].targetPageRef, pageRef);
        assert.equal(org.notifications()[0].senderId, admin, 'without setSenderId, the running user');
    });

    test('the constructor with arguments (typeId, sender, title, body, targetId, targetPageRef)', () => {
        const { session, org, admin } = asyncSession();
        run(
            session,
            `Id typeId = [SELECT Id FROM CustomNotificationType LIMIT 1].Id;
            new Messaging.CustomNotification(typeId, UserInfo.getUserId(), 'T', 'B', '000000000000000AAA', null).send(new Set<String>{ UserInfo.getUserId() });`,
            { userId: admin }
        );
        assert.equal(org.notifications()[0].targetId, '000000000000000AAA');
    });

    test('nothing is delivered from a test; the call is checked and succeeds', () => {
        const { session, org, admin } = asyncSession();
        const got = run(
            session,
            `${send("n.setTitle('T'); n.setBody('B'); n.setTargetId('000000000000000AAA');", `'${admin}'`)} Probe.result = 'sent';`,
            {
                isTest: true
            }
        );
        assert.equal(got.result, 'sent');
        assert.deepEqual(org.notifications(), []);
    });

    test('a transaction that fails after send delivers nothing', () => {
        const { session, org, admin } = asyncSession();
        const got = run(
            session,
            `${send("n.setTitle('T'); n.setBody('B'); n.setTargetId('000000000000000AAA');", `'${admin}'`)} Integer boom = 1 / 0;`
        );
        assert.equal(got.thrown, 'System.MathException');
        assert.deepEqual(org.notifications(), []);
    });

    const refused = [
        {
            name: `no target: "if both are omitted, send() throws an exception" (${REF})`,
            setters: "n.setTitle('T'); n.setBody('B');",
            message: 'Either targetId or targetPageRef must be set'
        },
        {
            name: 'no title',
            setters: "n.setBody('B'); n.setTargetId('000000000000000AAA');",
            message: 'Invalid parameter value for: title'
        },
        {
            name: 'no body',
            setters: "n.setTitle('T'); n.setTargetId('000000000000000AAA');",
            message: 'Invalid parameter value for: body'
        },
        {
            name: 'a title over 250 characters',
            setters: "n.setTitle('x'.repeat(251)); n.setBody('B'); n.setTargetId('000000000000000AAA');",
            message: 'Invalid parameter value for: title'
        },
        {
            name: 'a body over 750 characters',
            setters: "n.setTitle('T'); n.setBody('x'.repeat(751)); n.setTargetId('000000000000000AAA');",
            message: 'Invalid parameter value for: body'
        },
        {
            name: 'no notification type',
            setters:
                "n.setNotificationTypeId(null); n.setTitle('T'); n.setBody('B'); n.setTargetId('000000000000000AAA');",
            message: 'Invalid parameter value for: notificationTypeId'
        }
    ];
    for (const { name, setters, message } of refused) {
        test(`refused: ${name}`, () => {
            const { session, admin } = asyncSession();
            assert.deepEqual(run(session, send(setters, `'${admin}'`)), { thrown: 'System.HandledException', message });
        });
    }

    test('refused: no recipients, more than 500, or an id that is no user', () => {
        const { session, org } = asyncSession();
        const base = "n.setTitle('T'); n.setBody('B'); n.setTargetId('000000000000000AAA');";
        const recipients = 'Invalid parameter value for: recipientIds';
        assert.deepEqual(run(session, send(base, '')), { thrown: 'System.HandledException', message: recipients });
        const many = Array.from({ length: 501 }, (_, i) => `'005000000000${String(i).padStart(3, '0')}'`).join(', ');
        assert.deepEqual(run(session, send(base, many)), { thrown: 'System.HandledException', message: recipients });
        const [accountId] = org.insert('Account', { Name: 'Acme' });
        assert.throws(() => run(session, send(base, `'${accountId}'`)), /not supported|no groups, queues or teams/);
    });
});

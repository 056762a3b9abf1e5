// Outbound single email (Apex Reference: "Messaging Class", "SingleEmailMessage Class", "Email Class (Base Email
// Methods)", "EmailFileAttachment Class", "SendEmailResult Class"; Apex Developer Guide: "Outbound Email",
// "Execution Governors and Limits", "Triggers and Order of Execution", "What are Apex Unit Tests?"), sent by
// anonymous Apex on an org of the fixture project; what was sent is read from org.outbox().
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apex, fixtureSession } from './fixture-session.mjs';
import { UnsupportedError } from '../../interpreter/errors.mjs';

const REF =
    'https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_classes_email_outbound_single.htm';

/** An org with a buyer contact on an account, an opportunity, and the ids. */
function buyerOrg() {
    const fixture = fixtureSession();
    const { org } = fixture;
    const [accountId] = org.insert('Account', { Name: 'Acme' });
    const [contactId] = org.insert('Contact', { LastName: 'Buyer', Email: 'buyer@acme.example', AccountId: accountId });
    const [opportunityId] = org.insert('Opportunity', {
        Name: 'Acme deal',
        AccountId: accountId,
        StageName: 'Prospecting',
        CloseDate: '2026-05-01'
    });
    return { ...fixture, accountId, contactId, opportunityId };
}

/** Apex declaring `m`, a SingleEmailMessage with a plain body, subject and these extra statements. */
const message = (extra) => `Messaging.SingleEmailMessage m = new Messaging.SingleEmailMessage();
    m.setSubject('Your mutual action plan');
    m.setPlainTextBody('Here is the plan.');
    ${extra}`;
const send = (extra, allOrNothing) =>
    `${message(extra)}
    List<Messaging.SendEmailResult> r = Messaging.sendEmail(new Messaging.SingleEmailMessage[]{ m }${allOrNothing === undefined ? '' : `, ${allOrNothing}`});`;
const firstError = "r[0].isSuccess() + ' ' + r[0].getErrors()[0].getMessage()";
const committed = { isTest: false };

describe('Messaging.sendEmail delivers after the transaction commits', () => {
    test('the outbox has the email with its recipients resolved to addresses, bodies, attachment, sender, whatId and time', () => {
        const { session, org, admin, contactId, opportunityId } = buyerOrg();
        const code = send(`m.setTargetObjectId('${contactId}');
            m.setWhatId('${opportunityId}');
            m.setSaveAsActivity(false);
            m.setToAddresses(new String[]{ 'champion@acme.example' });
            m.setCcAddresses(new String[]{ 'cfo@acme.example' });
            m.setBccAddresses(new String[]{ 'audit@seller.example' });
            m.setHtmlBody('<p>Here is the plan.</p>');
            m.setReplyTo('ae@seller.example');
            m.setSenderDisplayName('Ada from Seller');
            m.setUseSignature(false);
            m.setCharset('UTF-8');
            Messaging.EmailFileAttachment pdf = new Messaging.EmailFileAttachment();
            pdf.setFileName('plan.pdf');
            pdf.setContentType('application/pdf');
            pdf.setBody(Blob.valueOf('%PDF-1.4'));
            m.setFileAttachments(new Messaging.EmailFileAttachment[]{ pdf });`);
        assert.equal(apex(session, code, "r[0].isSuccess() + ' ' + r[0].getErrors().size()", committed), 'true 0');
        const [sent, ...more] = org.outbox();
        assert.equal(more.length, 0);
        assert.deepEqual(
            { ...sent, attachments: undefined, sentAt: undefined },
            {
                // "Outbound Email": the From address is the address of the user calling sendEmail.
                from: 'ada@fixture.example',
                senderUserId: admin,
                senderDisplayName: 'Ada from Seller',
                replyTo: 'ae@seller.example',
                to: ['champion@acme.example', 'buyer@acme.example'],
                cc: ['cfo@acme.example'],
                bcc: ['audit@seller.example'],
                subject: 'Your mutual action plan',
                plainTextBody: 'Here is the plan.',
                htmlBody: '<p>Here is the plan.</p>',
                targetObjectId: contactId,
                whatId: opportunityId,
                charset: 'UTF-8',
                useSignature: false,
                attachments: undefined,
                sentAt: undefined
            }
        );
        assert.deepEqual(
            sent.attachments.map(({ fileName, contentType, inline }) => [fileName, contentType, inline]),
            [['plan.pdf', 'application/pdf', false]]
        );
        assert.equal(Buffer.from(sent.attachments[0].body).toString('utf8'), '%PDF-1.4');
        assert.equal(sent.sentAt.slice(0, 10), org.today);
    });

    test('nothing is sent until the transaction commits ("The email is not sent until the Apex transaction is committed")', () => {
        const { session, org } = buyerOrg();
        const during = session.transaction(org.currentUserId, (rt) => {
            rt.runAnonymous(send("m.setToAddresses(new String[]{ 'champion@acme.example' });"));
            return org.outbox().length;
        });
        assert.equal(during, 0);
        assert.equal(org.outbox().length, 1);
    });

    test('a transaction that fails after sendEmail sends nothing', () => {
        const { session, org } = buyerOrg();
        assert.throws(() =>
            session.transaction(org.currentUserId, (rt) =>
                rt.runAnonymous(`${send("m.setToAddresses(new String[]{ 'champion@acme.example' });")}
                    Integer boom = 1 / 0;`)
            )
        );
        assert.deepEqual(org.outbox(), []);
    });

    test('in a test the call succeeds and counts, but no email is delivered ("What are Apex Unit Tests?": send no emails)', () => {
        const { session, org } = buyerOrg();
        const got = apex(
            session,
            send("m.setToAddresses(new String[]{ 'champion@acme.example' });"),
            "r[0].isSuccess() + ' ' + Limits.getEmailInvocations()"
        );
        assert.equal(got, 'true 1');
        assert.deepEqual(org.outbox(), []);
    });

    test('a contact id among toAddresses is sent to the contact\'s address (setToAddresses: "email addresses or object IDs")', () => {
        const { session, org, contactId } = buyerOrg();
        apex(session, send(`m.setToAddresses(new String[]{ '${contactId}' });`), 'null', committed);
        assert.deepEqual(org.outbox()[0].to, ['buyer@acme.example']);
    });

    test('bccSender sends the sender a copy (Base Email Methods, setBccSender)', () => {
        const { session, org } = buyerOrg();
        apex(
            session,
            send("m.setToAddresses(new String[]{ 'champion@acme.example' }); m.setBccSender(true);"),
            'null',
            committed
        );
        assert.deepEqual(org.outbox()[0].bcc, ['ada@fixture.example']);
    });

    test('treatTargetObjectAsRecipient(false): the target is no recipient (SingleEmailMessage Class)', () => {
        const { session, org, contactId } = buyerOrg();
        apex(
            session,
            send(`m.setTargetObjectId('${contactId}'); m.setSaveAsActivity(false); m.setTreatTargetObjectAsRecipient(false);
                m.setToAddresses(new String[]{ 'champion@acme.example' });`),
            'null',
            committed
        );
        assert.deepEqual(org.outbox()[0].to, ['champion@acme.example']);
    });
});

describe('the message classes', () => {
    test('documented defaults: saveAsActivity and useSignature true, bccSender false, treatTargetObjectAsRecipient true, optOutPolicy SEND, inline false', () => {
        const { session } = fixtureSession();
        const code = `Messaging.SingleEmailMessage m = new Messaging.SingleEmailMessage();
            Messaging.EmailFileAttachment a = new Messaging.EmailFileAttachment();`;
        assert.equal(
            apex(
                session,
                code,
                "m.getSaveAsActivity() + ' ' + m.getUseSignature() + ' ' + m.getBccSender() + ' ' + m.getTreatTargetObjectAsRecipient() + ' ' + m.getOptOutPolicy() + ' ' + a.getInline()"
            ),
            'true true false true SEND false'
        );
    });

    test('"Email properties are readable and writable": a property set directly is what its getter returns', () => {
        const { session } = fixtureSession();
        const code = `Messaging.SingleEmailMessage m = new Messaging.SingleEmailMessage();
            m.toAddresses = new String[]{ 'a@b.example' };
            m.subject = 'Opt Out Test Message';
            m.setPlainTextBody('Body');`;
        assert.equal(
            apex(session, code, "m.getToAddresses()[0] + ' ' + m.getSubject() + ' ' + m.plainTextBody"),
            'a@b.example Opt Out Test Message Body'
        );
    });

    test('EmailFileAttachment keeps fileName, body, contentType and inline', () => {
        const { session } = fixtureSession();
        const code = `Messaging.EmailFileAttachment a = new Messaging.EmailFileAttachment();
            a.setFileName('plan.pdf'); a.setBody(Blob.valueOf('abc')); a.setContentType('application/pdf'); a.setInline(true);`;
        assert.equal(
            apex(
                session,
                code,
                "a.getFileName() + ' ' + a.getBody().size() + ' ' + a.getContentType() + ' ' + a.getInline()"
            ),
            'plan.pdf 3 application/pdf true'
        );
    });
});

describe('what sendEmail refuses', () => {
    const rows = [
        {
            name: 'no recipient at all',
            extra: '',
            expected: 'false Missing target address (target, to, cc, bcc)',
            doc: `${REF}: "All email must have a recipient value in at least one of" targetObjectId, toAddresses, ccAddresses, bccAddresses`
        },
        {
            name: 'neither a plain text nor an HTML body',
            extra: "m.setPlainTextBody(null); m.setToAddresses(new String[]{ 'a@b.example' });",
            expected: 'false Missing body, need at least one of html or plainText'
        },
        {
            name: 'a malformed address',
            extra: "m.setToAddresses(new String[]{ 'not an address' });",
            expected: 'false Email address is invalid: not an address'
        }
    ];
    for (const row of rows) {
        test(`${row.name}: an error in the result with allOrNothing false`, () => {
            const { session } = buyerOrg();
            assert.equal(apex(session, send(row.extra, false), firstError), row.expected);
        });
    }

    test('the status codes of the result errors', () => {
        const { session } = buyerOrg();
        assert.equal(
            apex(session, send('', false), 'String.valueOf(r[0].getErrors()[0].getStatusCode())'),
            'REQUIRED_FIELD_MISSING'
        );
        assert.equal(
            apex(
                session,
                send("m.setToAddresses(new String[]{ 'nope' });", false),
                'String.valueOf(r[0].getErrors()[0].getStatusCode())'
            ),
            'INVALID_EMAIL_ADDRESS'
        );
    });

    test('a targetObjectId that is not a contact, lead or user (setTargetObjectId)', () => {
        const { session, accountId } = buyerOrg();
        const got = apex(
            session,
            send(`m.setTargetObjectId('${accountId}'); m.setSaveAsActivity(false);`, false),
            firstError
        );
        assert.equal(got, 'false Only User, Contact, Lead, or Person objects are allowed for targetObjectId');
    });

    test('a whatId with a user target: whatId goes only with a contact (setWhatId)', () => {
        const { session, standard, opportunityId } = buyerOrg();
        const got = apex(
            session,
            send(
                `m.setTargetObjectId('${standard}'); m.setSaveAsActivity(false); m.setWhatId('${opportunityId}');`,
                false
            ),
            firstError
        );
        assert.equal(got, 'false WhatId is not available for sending emails to UserIds.');
    });

    test('a user target with saveAsActivity left true', () => {
        const { session, standard } = buyerOrg();
        assert.equal(
            apex(session, send(`m.setTargetObjectId('${standard}');`, false), firstError),
            'false saveAsActivity must be false when sending mail to users.'
        );
    });

    test("a user target with saveAsActivity false is sent to the user's address", () => {
        const { session, org, standard } = buyerOrg();
        apex(session, send(`m.setTargetObjectId('${standard}'); m.setSaveAsActivity(false);`), 'null', committed);
        assert.deepEqual(org.outbox()[0].to, ['sam@fixture.example']);
    });

    test('a contact target without an email address (closest documented error: an invalid address)', () => {
        const { session, org } = buyerOrg();
        const [silent] = org.insert('Contact', { LastName: 'Silent' });
        assert.equal(
            apex(session, send(`m.setTargetObjectId('${silent}'); m.setSaveAsActivity(false);`, false), firstError),
            'false Email address is invalid: null'
        );
    });

    test('allOrNothing (the default) throws System.EmailException for the first failing row and sends none of them', () => {
        const { session, org } = buyerOrg();
        const code = `Messaging.SingleEmailMessage ok = new Messaging.SingleEmailMessage();
            ok.setToAddresses(new String[]{ 'a@b.example' }); ok.setPlainTextBody('Body');
            Messaging.SingleEmailMessage bad = new Messaging.SingleEmailMessage();
            bad.setToAddresses(new String[]{ 'a@b.example' });
            String message;
            try {
                Messaging.sendEmail(new Messaging.SingleEmailMessage[]{ ok, bad });
            } catch (EmailException e) {
                message = e.getMessage();
            }`;
        assert.equal(
            apex(session, code, 'message', committed),
            'SendEmail failed. First exception on row 1; first error: REQUIRED_FIELD_MISSING, Missing body, need at least one of html or plainText: []'
        );
        assert.deepEqual(org.outbox(), []);
    });

    test('allOrNothing false delivers the emails without errors ("Outbound Email")', () => {
        const { session, org } = buyerOrg();
        const code = `Messaging.SingleEmailMessage ok = new Messaging.SingleEmailMessage();
            ok.setToAddresses(new String[]{ 'a@b.example' }); ok.setPlainTextBody('Body');
            Messaging.SingleEmailMessage bad = new Messaging.SingleEmailMessage();
            bad.setToAddresses(new String[]{ 'a@b.example' });
            List<Messaging.SendEmailResult> r = Messaging.sendEmail(new Messaging.SingleEmailMessage[]{ ok, bad }, false);`;
        assert.equal(apex(session, code, "r[0].isSuccess() + ' ' + r[1].isSuccess()", committed), 'true false');
        assert.equal(org.outbox().length, 1);
    });

    test('saveAsActivity(true) with a contact target is not modelled and says so', () => {
        const { session, contactId } = buyerOrg();
        assert.throws(() => apex(session, send(`m.setTargetObjectId('${contactId}');`)), UnsupportedError);
    });

    test('email templates are not modelled and say so', () => {
        const { session } = buyerOrg();
        assert.throws(
            () =>
                apex(
                    session,
                    send("m.setToAddresses(new String[]{ 'a@b.example' }); m.setTemplateId('00X000000000001AAA');")
                ),
            UnsupportedError
        );
    });
});

describe('a contact who opted out of email (setOptOutPolicy)', () => {
    function optedOut() {
        const fixture = buyerOrg();
        fixture.org.update('Contact', { Id: fixture.contactId, HasOptedOutOfEmail: true });
        return fixture;
    }
    const target = (contactId, policy) =>
        `m.setTargetObjectId('${contactId}'); m.setSaveAsActivity(false); ${policy ? `m.setOptOutPolicy('${policy}');` : ''}`;

    test('SEND, the default, ignores the opt-out', () => {
        const { session, org, contactId } = optedOut();
        apex(session, send(target(contactId)), 'null', committed);
        assert.deepEqual(org.outbox()[0].to, ['buyer@acme.example']);
    });

    test('FILTER sends to the other recipients only', () => {
        const { session, org, contactId } = optedOut();
        apex(
            session,
            send(`${target(contactId, 'FILTER')} m.setCcAddresses(new String[]{ 'cfo@acme.example' });`),
            'null',
            committed
        );
        assert.deepEqual([org.outbox()[0].to, org.outbox()[0].cc], [[], ['cfo@acme.example']]);
    });

    test('REJECT fails the email', () => {
        const { session, org, contactId } = optedOut();
        assert.equal(
            apex(
                session,
                send(target(contactId, 'REJECT'), false),
                "r[0].isSuccess() + ' ' + r[0].getErrors()[0].getTargetObjectId()",
                committed
            ),
            `false ${contactId}`
        );
        assert.deepEqual(org.outbox(), []);
    });
});

describe('email limits', () => {
    test('Limits.getLimitEmailInvocations() is 10 and getEmailInvocations() counts sendEmail calls', () => {
        const { session } = buyerOrg();
        const code = `${message("m.setToAddresses(new String[]{ 'a@b.example' });")}
            Messaging.sendEmail(new Messaging.SingleEmailMessage[]{ m });
            Messaging.sendEmail(new Messaging.SingleEmailMessage[]{ m, m });`;
        assert.equal(
            apex(session, code, "Limits.getEmailInvocations() + '/' + Limits.getLimitEmailInvocations()"),
            '2/10'
        );
    });

    test('the 11th sendEmail throws an uncatchable System.LimitException', () => {
        const { session } = buyerOrg();
        const code = `${message("m.setToAddresses(new String[]{ 'a@b.example' });")}
            for (Integer i = 0; i < 10; i++) Messaging.sendEmail(new Messaging.SingleEmailMessage[]{ m });
            try {
                Messaging.sendEmail(new Messaging.SingleEmailMessage[]{ m });
            } catch (Exception e) {
                Probe.result = 'caught';
            }`;
        assert.deepEqual(apex(session, code), {
            thrown: 'System.LimitException',
            message: 'Too many Email Invocations: 11'
        });
    });

    test('Test.startTest gives a fresh count, and Test.stopTest returns to the outer one', () => {
        const { session } = buyerOrg();
        const code = `${message("m.setToAddresses(new String[]{ 'a@b.example' });")}
            Messaging.sendEmail(new Messaging.SingleEmailMessage[]{ m });
            Test.startTest();
            String inside = String.valueOf(Limits.getEmailInvocations());
            Messaging.sendEmail(new Messaging.SingleEmailMessage[]{ m });
            inside += ' ' + Limits.getEmailInvocations();
            Test.stopTest();`;
        assert.equal(apex(session, code, "inside + ' ' + Limits.getEmailInvocations()"), '0 1 1');
    });

    test('reserveSingleEmailCapacity accepts what the daily limit allows and refuses more', () => {
        const { session } = buyerOrg();
        assert.equal(apex(session, 'Messaging.reserveSingleEmailCapacity(10);', "'reserved'"), 'reserved');
        assert.deepEqual(apex(session, 'Messaging.reserveSingleEmailCapacity(5001);'), {
            thrown: 'System.HandledException',
            message: 'The daily limit for the org would be exceeded by this request.'
        });
    });
});

describe('what the package logs the email with: Task, Contact.Email, Contact.HasOptedOutOfEmail', () => {
    test('the embedded org types them as the Object Reference does', () => {
        const { org } = fixtureSession();
        const contact = org.schema.object('Contact');
        assert.equal(contact.field('Email').type, 'Email');
        assert.equal(contact.field('HasOptedOutOfEmail').type, 'Checkbox');
        const task = org.schema.object('Task');
        assert.equal(task.keyPrefix, '00T');
        for (const name of [
            'Subject',
            'Status',
            'Priority',
            'ActivityDate',
            'Description',
            'WhoId',
            'WhatId',
            'TaskSubtype',
            'OwnerId'
        ]) {
            assert.ok(task.field(name), `Task.${name}`);
        }
    });

    test('a new contact has not opted out (HasOptedOutOfEmail defaults to false)', () => {
        const { session } = fixtureSession();
        const code = "Contact c = new Contact(LastName = 'Buyer'); insert c;";
        assert.equal(
            apex(session, code, '[SELECT HasOptedOutOfEmail FROM Contact WHERE Id = :c.Id].HasOptedOutOfEmail'),
            'false'
        );
    });

    test('Apex inserts an email Task on a contact and an opportunity, and reads it back', () => {
        const { session, contactId, opportunityId } = buyerOrg();
        const code = `insert new Task(Subject = 'Email: Your mutual action plan', WhoId = '${contactId}', WhatId = '${opportunityId}',
                TaskSubtype = 'Email', Status = 'Completed', ActivityDate = Date.today());
            Task t = [SELECT Subject, WhoId, WhatId, TaskSubtype, Status, Priority, OwnerId FROM Task];`;
        assert.equal(
            apex(
                session,
                code,
                `t.Subject + ' ' + (t.WhoId == '${contactId}') + ' ' + (t.WhatId == '${opportunityId}') + ' ' + t.TaskSubtype + ' ' + t.Status + ' ' + t.Priority + ' ' + (t.OwnerId == UserInfo.getUserId())`
            ),
            'Email: Your mutual action plan true true Email Completed Normal true'
        );
    });
});

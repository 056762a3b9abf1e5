// Messaging.sendEmail and Messaging.reserveSingleEmailCapacity on the embedded org, behind the native
// OfflineMessaging class that apex/Messaging.cls calls; and Limits.getEmailInvocations / getLimitEmailInvocations.
//
// The platform's rules, and where they are written:
// - Apex Developer Guide, "Outbound Email"
//   (https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_forcecom_email_outbound.htm):
//   "The email is not sent until the Apex transaction is committed"; "The email address of the user calling the
//   sendEmail method is inserted in the From Address field of the email header"; "Maximum of 10 sendEmail methods
//   per transaction"; the optional allOrNone parameter "specifies whether sendEmail prevents delivery of all other
//   messages when any of the messages fail due to an error (true), or whether it allows delivery of the messages
//   that don't have errors (false). The default is true."
// - Apex Developer Guide, "Triggers and Order of Execution"
//   (https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_triggers_order_of_execution.htm):
//   email is sent after the transaction commits; a transaction that fails commits nothing, so sends nothing
//   (session.mjs runs rt.services.afterCommit only when the transaction returned).
// - Apex Developer Guide, "What are Apex Unit Tests?" (quoted in
//   https://salesforce.stackexchange.com/questions/160779): unit test methods "commit no data to the database,
//   send no emails". In a test the call is checked and counted as anywhere else and succeeds; nothing is delivered.
// - Apex Developer Guide, "Execution Governors and Limits"
//   (https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_gov_limits.htm): 10 sendEmail
//   methods per transaction; the 11th throws System.LimitException (uncatchable), "Too many Email Invocations: 11"
//   (the platform's wording).
// - Apex Reference, "SingleEmailMessage Class"
//   (https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_classes_email_outbound_single.htm):
//   toAddresses are "email addresses or object IDs of the contacts, leads, and users you're sending the email to";
//   targetObjectId is "the ID of the contact, lead, or user to which the email will be sent"; "If you specify a
//   contact for the targetObjectId field, you can specify an optional whatId as well" (Account, Asset, Campaign,
//   Case, Contract, Opportunity, Order, Product, Solution or a custom object); treatTargetObjectAsRecipient false
//   makes the target no recipient; optOutPolicy decides what happens to recipients given by id whose Email Opt Out
//   is set: SEND (the default) ignores it, FILTER sends to the others only, REJECT fails the email.
// - Apex Reference, "Email Class (Base Email Methods)": saveAsActivity (default true) saves the email as an
//   activity when the recipients come from targetObjectId; bccSender sends the sender a copy.
// - Apex Reference, "SendEmailResult Class" / "SendEmailError Class" (the SOAP API's SendEmailResult has the same
//   shape: https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_sendemail_emailresult.htm):
//   isSuccess, getErrors; each error's getMessage, getStatusCode, getFields, getTargetObjectId.
//
// The errors' wording is the platform's (reconstructed from its output, which the reference does not quote):
// "Missing target address (target, to, cc, bcc)" and "Missing body, need at least one of html or plainText"
// (REQUIRED_FIELD_MISSING), "Only User, Contact, Lead, or Person objects are allowed for targetObjectId" and
// "WhatId is not available for sending emails to UserIds." (INVALID_ID_FIELD), "saveAsActivity must be false when
// sending mail to users." (INVALID_SAVE_AS_ACTIVITY_FLAG), "Email address is invalid" (INVALID_EMAIL_ADDRESS), and,
// with allOrNothing, System.EmailException "SendEmail failed. First exception on row 0; first error: CODE,
// message: [fields]".
//
// Not modelled, and said so: templates (templateId, treatBodiesAsTemplate), entity and document attachments,
// organization-wide addresses, mass email, and the activity saveAsActivity(true) creates for a contact or lead
// target (the platform writes a Task whose fields the reference does not specify): set saveAsActivity to false
// and insert the Task yourself.
import { defineNative, nativeClass } from '../interpreter/natives.mjs';
import { ApexList } from '../values/collections.mjs';
import { ApexBlob, ApexObject } from '../values/values.mjs';
import { toId18 } from '../values/ids.mjs';
import { StatusCode } from './enums.mjs';

const lower = (text) => String(text ?? '').toLowerCase();
const EMAIL_INVOCATIONS = 10;
// Salesforce's daily limit of single email to external addresses: 5,000 per organization ("Outbound Email":
// single email "count[s] against the sending organization's daily single email limit"; the figure is Salesforce
// Help's, "Email Limits").
const DAILY_SINGLE_EMAIL = 5000;
const PREFIX = { contact: '003', lead: '00Q', user: '005' };
// "setWhatId": the objects an email's whatId may name (a custom object's records too).
const WHAT_OBJECTS = new Set([
    'account',
    'asset',
    'campaign',
    'case',
    'contract',
    'opportunity',
    'order',
    'product2',
    'solution'
]);
// A plausible address: something@domain.tld (the platform's exact grammar is not documented).
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

const field = (object, name) => (object instanceof ApexObject ? (object.fields.get(lower(name)) ?? null) : null);
const items = (list) => (list?.items ? [...list.items] : []);

// ---- the email invocation counter: one per limit context (Test.startTest opens a fresh one) ------------------

function emailCounter(rt) {
    rt.services ??= {};
    const counts = (rt.services.emailInvocations ??= { outer: 0, inner: 0 });
    const test = rt.services.test;
    const key = test?.started && !test.stopped ? 'inner' : 'outer';
    return {
        get: () => counts[key],
        add: () => (counts[key] += 1)
    };
}

function countInvocation(rt) {
    const counter = emailCounter(rt);
    const used = counter.add();
    if (used > EMAIL_INVOCATIONS) rt.throw('System.LimitException', `Too many Email Invocations: ${used}`);
}

// ---- checking one email ------------------------------------------------------------------------------------

class EmailProblem {
    constructor(statusCode, message, fields = [], targetObjectId = null) {
        Object.assign(this, { statusCode, message, fields, targetObjectId });
    }
}

/** The org record an id names (with its object), or null; an object the org does not model fails loudly. */
function recordOf(rt, id) {
    const id18 = toId18(id);
    if (!id18) return null;
    if (id18.slice(0, 3) === PREFIX.lead) rt.unsupported('email to a lead: the embedded org has no Lead object');
    const object = rt.org.schema.objectOfPrefix(id18.slice(0, 3));
    const record = object ? rt.org.get(object.name, id18) : null;
    return record ? { object, record, id: id18 } : null;
}

/** The address of a contact or user given by id, honouring the opt-out policy; null when it is filtered out. */
function addressOfPerson(rt, id, policy, what) {
    const found = recordOf(rt, id);
    const prefix = toId18(id)?.slice(0, 3);
    if (!found || (prefix !== PREFIX.contact && prefix !== PREFIX.user)) {
        throw new EmailProblem(
            'INVALID_ID_FIELD',
            'Only User, Contact, Lead, or Person objects are allowed for targetObjectId',
            [what],
            toId18(id)
        );
    }
    const { record } = found;
    if (prefix === PREFIX.contact && record.HasOptedOutOfEmail === true) {
        if (policy === 'FILTER') return null;
        if (policy === 'REJECT') {
            // The code is the platform's StatusCode EMAIL_OPTED_OUT; the message is reconstructed.
            throw new EmailProblem('EMAIL_OPTED_OUT', 'This person has opted out of email', [what], found.id);
        }
    }
    // The reference says nothing of a contact without an address: the closest documented error is an invalid
    // address (INVALID_EMAIL_ADDRESS), named for the empty address.
    if (!record.Email)
        throw new EmailProblem('INVALID_EMAIL_ADDRESS', 'Email address is invalid: null', [what], found.id);
    return record.Email;
}

const looksLikeId = (text) => /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(text) && Boolean(toId18(text));

/** The addresses of one recipient list: addresses as given, contact and user ids resolved. */
function addresses(rt, list, policy, what) {
    const out = [];
    for (const entry of list) {
        if (entry === null) continue;
        const text = String(entry);
        if (looksLikeId(text) && [PREFIX.contact, PREFIX.user, PREFIX.lead].includes(toId18(text).slice(0, 3))) {
            const address = addressOfPerson(rt, text, policy, what);
            if (address) out.push(address);
            continue;
        }
        if (!ADDRESS.test(text.trim())) {
            throw new EmailProblem('INVALID_EMAIL_ADDRESS', `Email address is invalid: ${text}`, [what]);
        }
        out.push(text.trim());
    }
    return out;
}

function attachmentOf(rt, attachment) {
    if (!(attachment instanceof ApexObject))
        rt.unsupported('Messaging.SingleEmailMessage.fileAttachments of this type');
    const body = field(attachment, 'body');
    return {
        fileName: field(attachment, 'fileName'),
        contentType: field(attachment, 'contentType'),
        inline: field(attachment, 'inline') === true,
        body: body instanceof ApexBlob ? new Uint8Array(body.bytes) : null
    };
}

/** The email as the org keeps it once sent, or throws an EmailProblem; a feature not modelled fails loudly. */
function checkEmail(rt, email) {
    const name = email instanceof ApexObject ? lower(email.cls.simpleName) : '';
    if (name !== 'singleemailmessage') rt.unsupported('Messaging.sendEmail of anything but a SingleEmailMessage');
    const get = (key) => field(email, key);
    if (get('templateId') !== null || get('treatBodiesAsTemplate') === true) rt.unsupported('email templates');
    if (items(get('entityAttachments')).length || items(get('documentAttachments')).length) {
        rt.unsupported('email entity and document attachments');
    }
    if (get('orgWideEmailAddressId') !== null) rt.unsupported('organization-wide email addresses');
    const policy = String(get('optOutPolicy') ?? 'SEND').toUpperCase();
    if (!['SEND', 'FILTER', 'REJECT'].includes(policy)) rt.unsupported(`optOutPolicy ${policy}`);

    const target = get('targetObjectId');
    const targetIsRecipient = target !== null && get('treatTargetObjectAsRecipient') !== false;
    const given = ['toAddresses', 'ccAddresses', 'bccAddresses'].map((key) =>
        items(get(key)).filter((a) => a !== null)
    );
    if (!targetIsRecipient && given.every((list) => list.length === 0)) {
        throw new EmailProblem('REQUIRED_FIELD_MISSING', 'Missing target address (target, to, cc, bcc)');
    }
    if (!get('plainTextBody') && !get('htmlBody')) {
        throw new EmailProblem('REQUIRED_FIELD_MISSING', 'Missing body, need at least one of html or plainText');
    }

    const targetPrefix = target === null ? null : toId18(target)?.slice(0, 3);
    if (target !== null && ![PREFIX.contact, PREFIX.lead, PREFIX.user].includes(targetPrefix)) {
        throw new EmailProblem(
            'INVALID_ID_FIELD',
            'Only User, Contact, Lead, or Person objects are allowed for targetObjectId',
            ['targetObjectId'],
            toId18(target)
        );
    }
    const whatId = get('whatId');
    if (whatId !== null) {
        if (targetPrefix === PREFIX.user) {
            throw new EmailProblem('INVALID_ID_FIELD', 'WhatId is not available for sending emails to UserIds.', [
                'whatId'
            ]);
        }
        if (targetPrefix !== PREFIX.contact) rt.unsupported('an email whatId without a contact targetObjectId');
        const what = recordOf(rt, whatId);
        if (!what || !(what.object.custom || WHAT_OBJECTS.has(lower(what.object.name)))) {
            throw new EmailProblem('INVALID_ID_FIELD', `Invalid whatId: ${whatId}`, ['whatId']);
        }
    }
    if (target !== null && get('saveAsActivity') !== false) {
        if (targetPrefix === PREFIX.user) {
            throw new EmailProblem(
                'INVALID_SAVE_AS_ACTIVITY_FLAG',
                'saveAsActivity must be false when sending mail to users.',
                [],
                toId18(target)
            );
        }
        rt.unsupported(
            'saveAsActivity(true) with a targetObjectId: the activity the platform saves is not modelled; ' +
                'call setSaveAsActivity(false) and insert the Task'
        );
    }

    const to = addresses(rt, given[0], policy, 'toAddresses');
    if (targetIsRecipient) {
        const address = addressOfPerson(rt, target, policy, 'targetObjectId');
        if (address) to.push(address);
    }
    const cc = addresses(rt, given[1], policy, 'ccAddresses');
    const bcc = addresses(rt, given[2], policy, 'bccAddresses');
    const sender = rt.org.get('User', rt.userId);
    if (get('bccSender') === true && sender?.Email) bcc.push(sender.Email);
    const replyTo = get('replyTo');
    if (replyTo !== null && !ADDRESS.test(String(replyTo).trim())) {
        throw new EmailProblem('INVALID_EMAIL_ADDRESS', `Email address is invalid: ${replyTo}`, ['replyTo']);
    }
    return {
        from: sender?.Email ?? null,
        senderUserId: rt.userId,
        senderDisplayName: get('senderDisplayName') ?? sender?.Name ?? null,
        replyTo,
        to,
        cc,
        bcc,
        subject: get('subject'),
        plainTextBody: get('plainTextBody'),
        htmlBody: get('htmlBody'),
        attachments: items(get('fileAttachments')).map((attachment) => attachmentOf(rt, attachment)),
        targetObjectId: target === null ? null : toId18(target),
        whatId: whatId === null ? null : toId18(whatId),
        charset: get('charset'),
        useSignature: get('useSignature') !== false,
        sentAt: null
    };
}

// ---- results ----------------------------------------------------------------------------------------------

function apexObject(rt, typeName, props) {
    const object = rt.newInstance(typeName);
    for (const [name, value] of Object.entries(props)) object.fields.set(lower(name), value);
    return object;
}

function resultOf(rt, problem) {
    const errors = problem
        ? [
              apexObject(rt, 'Messaging.SendEmailError', {
                  fields: new ApexList({ name: 'String' }, [...problem.fields]),
                  message: problem.message,
                  statusCode: problem.statusCode,
                  targetObjectId: problem.targetObjectId
              })
          ]
        : [];
    return apexObject(rt, 'Messaging.SendEmailResult', {
        success: !problem,
        errors: new ApexList({ name: 'Messaging.SendEmailError' }, errors)
    });
}

/** Delivery after commit: the org's outbox receives the emails, stamped with the time they were sent. */
function deliverAfterCommit(rt, outgoing) {
    if (rt.isTest || !outgoing.length) return;
    rt.services.afterCommit ??= [];
    rt.services.afterCommit.push((session) => {
        for (const email of outgoing) session.org.deliverEmail({ ...email, sentAt: session.org.now() });
    });
}

function sendEmail(rt, [emails, allOrNothing]) {
    countInvocation(rt);
    if (emails === null || emails === undefined) rt.throw('System.NullPointerException', 'Argument cannot be null.');
    const all = allOrNothing !== false;
    const checked = items(emails).map((email) => {
        try {
            return { email: checkEmail(rt, email), problem: null };
        } catch (error) {
            if (error instanceof EmailProblem) return { email: null, problem: error };
            throw error;
        }
    });
    const failed = checked.findIndex((entry) => entry.problem);
    if (all && failed >= 0) {
        const { problem } = checked[failed];
        const first = `${problem.statusCode}, ${problem.message}: [${problem.fields.join(', ')}]`;
        rt.throw('System.EmailException', `SendEmail failed. First exception on row ${failed}; first error: ${first}`);
    }
    deliverAfterCommit(
        rt,
        checked.filter((entry) => entry.email).map((entry) => entry.email)
    );
    return new ApexList(
        { name: 'Messaging.SendEmailResult' },
        checked.map((entry) => resultOf(rt, entry.problem))
    );
}

/**
 * "Messaging Class", reserveSingleEmailCapacity(amountReserved): "Reserves email capacity to send single email to
 * the specified number of email addresses, after the current transaction commits"; beyond the organization's
 * daily limit it throws System.HandledException "The daily limit for the org would be exceeded by this request."
 * (the platform's wording). The addresses the org has sent to today count against it.
 */
function reserveSingleEmailCapacity(rt, [amount]) {
    if (amount === null || amount === undefined) rt.throw('System.NullPointerException', 'Argument cannot be null.');
    const today = rt.org.today;
    const sentToday = rt.org
        .outbox()
        .filter((email) => String(email.sentAt).slice(0, 10) === today)
        .reduce((sum, email) => sum + email.to.length + email.cc.length + email.bcc.length, 0);
    if (sentToday + Number(amount) > DAILY_SINGLE_EMAIL) {
        rt.throw('System.HandledException', 'The daily limit for the org would be exceeded by this request.');
    }
    return null;
}

defineNative({
    name: 'OfflineMessaging',
    namespace: 'OfflineMessaging',
    isInstance: () => false,
    staticMethods: {
        sendemail: sendEmail,
        reservesingleemailcapacity: reserveSingleEmailCapacity,
        // SendEmailError.getStatusCode: a System.StatusCode value (a code the enum does not list fails loudly).
        statuscode: (rt, [code]) => StatusCode.value(code, rt),
        notmodelled: (rt, [what]) => rt.unsupported(String(what))
    }
});

// Apex Reference, "Limits Class": getEmailInvocations() "Returns the number of email invocations (such as
// sendEmail) that have been called", getLimitEmailInvocations() "the total number ... that can be called". The
// Limits class is test-limits.mjs's; its email counters live here with the sending they count.
Object.assign(nativeClass('Limits').staticMethods, {
    getemailinvocations: (rt) => emailCounter(rt).get(),
    getlimitemailinvocations: () => EMAIL_INVOCATIONS
});

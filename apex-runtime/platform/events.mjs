// Platform events: System.EventBus (publish, getOperationId), EventBus.TestBroker (Test.getEventBus()) and the
// delivery of published messages to the project's Apex triggers on the event. The event types are objects of the
// embedded org's schema marked `platformEvent` (preview/org/schema.mjs); their messages are kept by the org
// (org.publishEvents, org.publishedEvents), never as records.
//
// The platform's rules, and where they are written:
// - Apex Reference, "EventBus Class"
//   (https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_System_eventbus.htm):
//   publish(event) returns a Database.SaveResult, publish(events) a List<Database.SaveResult>, one per event; "If
//   isSuccess() returns false, the event publish operation resulted in errors, which are returned in the
//   Database.Error object. This method doesn't throw an exception due to an unsuccessful publish operation";
//   "Database.SaveResult also contains the Id system field. The Id field value is not included in the event message
//   delivered to subscribers. It is not used to identify an event message, and is not always unique";
//   getOperationId(result): "If the event publish request fails to be enqueued ... getOperationId returns null".
//   "The platform event message is published either immediately or after a transaction is committed, depending on
//   the publish behavior you set in the platform event definition"; "For events configured with the Publish After
//   Commit behavior, each method execution is counted as one DML statement against the Apex DML statement limit";
//   "For events configured with the Publish Immediately behavior, each method execution is counted against a
//   separate event publishing limit of 150 EventBus.publish() calls" (Limits.getPublishImmediateDML(); also the
//   Winter '21 release notes, "Make Apex Callouts After Publishing Platform Event Messages",
//   https://releasenotes.docs.salesforce.com/en-us/winter21/release-notes/rn_platform_events_publish_immediate_limit.htm:
//   Publish After Commit publishing "is considered part of the transaction's DML operations"). The DML rows of
//   Publish After Commit events count too ("Apex DML Limits for Publishing Events: ... DML limits apply", Platform
//   Events Developer Guide, "Apex, API, and SOQL Considerations for Platform Events").
// - Platform Events Developer Guide, "Platform Event Fields"
//   (https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_define_ui.htm):
//   Publish After Commit: "the event message is published only after a transaction commits successfully and isn't
//   published if the transaction fails"; Publish Immediately: "publishes the event message when the publish call
//   executes, regardless of whether the transaction succeeds".
// - Rolling back to a savepoint (and a DML statement that fails as a whole) discards the Publish After Commit
//   messages published after it. No page says so in words: it follows from the release note above (their
//   publishing is part of the transaction's DML operations) and "Transaction Control" (Apex Developer Guide: "Any
//   DML statement that occurs after the savepoint can be discarded"). Publish Immediately messages stay published.
// - "Considerations for Defining and Publishing Platform Events"
//   (https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_considerations.htm):
//   "Enforcement of Field Attributes: Platform event records are validated to ensure that the attributes of their
//   custom fields are enforced ... Required and Default attributes ... the maximum length of text fields" (a failed
//   SaveResult with REQUIRED_FIELD_MISSING or STRING_TOO_LONG, as a save words them); "Publishing Events in Apex with
//   Text Fields Set to Empty Strings: ... the field value in the delivered event message is null".
// - "Publish Event Messages with Apex"
//   (https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_publish_apex.htm):
//   "If you want to have the standard EventUuid field prepopulated in the event variable, use the Apex
//   sobjectType.newSobject method" (newSObject(null, true), newEventSObject below).
// - "Subscribe to Platform Event Notifications with Apex Triggers"
//   (https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_subscribe_apex.htm):
//   an after insert trigger on the event; events in replay ID order; "The maximum batch size in a platform event
//   trigger is 2,000 event messages"; the trigger does not run in the publisher's transaction but "asynchronously in
//   its own process", under the Automated Process entity; "System fields, such as CreatedById and LastModifiedById,
//   reference the Automated Process entity". "Configure the User and Batch Size for Your Platform Event Trigger":
//   "By default, the trigger runs as the Automated Process system user with a batch size of 2,000 event messages"
//   (PlatformEventSubscriberConfig is not modelled). The guides give no governor limit column for event triggers:
//   each batch runs with the synchronous limits, the stricter reading.
// - "Deliver Test Event Messages"
//   (https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_test_deliver.htm):
//   "In test context, the EventBus.publish() method enqueues the publish operation. The Test.stopTest() statement
//   causes the event publishing to be carried out and event messages to be delivered to the test event bus";
//   "Alternatively, deliver test event messages at any time with the Test.getEventBus().deliver() method". Messages
//   still on the test event bus when the test method ends are never delivered. Apex Reference, "TestBroker Class":
//   deliver(), and fail(): "Causes the publishing of platform event messages to fail in the test event bus. Use this
//   method to test Apex publish callbacks" (the pending messages are dropped; callbacks are not modelled, and
//   EventBus.publish(events, callback) fails loudly).
// - "Event and Event Bus Properties in Test Context"
//   (https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_test_events.htm):
//   "The event replay ID value is reset to 0 and starts from 1 for the first test event message"; test events
//   "have their own publishing limit of 500 event messages in a test method ... an error is returned with the
//   LIMIT_EXCEEDED status code. The error is in the SaveResult".
import { randomUUID } from 'node:crypto';
import { defineNative } from '../interpreter/natives.mjs';
import { ApexThrow } from '../interpreter/errors.mjs';
import { SYNC_LIMITS } from '../interpreter/runtime.mjs';
import { ApexSObject } from '../values/sobject.mjs';
import { ApexList } from '../values/collections.mjs';
import { rowFromSObject } from '../values/sobject-rows.mjs';
import { toId18 } from '../values/ids.mjs';
import { Problems } from '../../preview/org/errors.mjs';
import { checkRecord } from '../../preview/org/validation.mjs';
import { DatabaseError, DmlResult, resultValue } from './dml-results.mjs';
import { triggerContext } from './trigger.mjs';

const BATCH_SIZE = 2000;
const TEST_EVENT_LIMIT = 500;
/** A chain of subscribers publishing to subscribers deeper than this is an endless trigger loop. */
const MAX_DELIVERY_DEPTH = 50;
// The Automated Process user the org gets when an event trigger first runs. The Object Reference describes the
// user only as "Automated Process" (UserType AutomatedProcess, which the embedded org does not store); the org's
// User needs a profile, and the trigger "runs in system context with privileges to access all records regardless of
// the user's object and field-level permissions", so it gets the System Administrator profile.
export const AUTOMATED_PROCESS = {
    LastName: 'Automated Process',
    Alias: 'autoproc',
    Username: 'autoproc@tandem.embedded'
};

let idCounter = 0;
let deliveryDepth = 0;

const lower = (name) => String(name).toLowerCase();

/** The transaction's event state: pending Publish After Commit and Publish Immediately messages, the test bus. */
function state(rt) {
    rt.services ??= {};
    return (rt.services.events ??= { seq: 0, afterCommit: [], immediate: [], test: null });
}

function testBus(rt) {
    const events = state(rt);
    return (events.test ??= { pending: [], replayId: 0, published: 0 });
}

/** The event object of an sObject, or null when its type is not a platform event. */
function eventObject(rt, sobject) {
    const object = rt.org.schema.objects.get(lower(sobject.type));
    return object?.platformEvent ? object : null;
}

const publishesAfterCommit = (object) => object.platformEvent.publishBehavior !== 'PublishImmediately';

/** The Id of a SaveResult ("not always unique", never delivered): the event's key prefix and a counter. */
function resultId(object) {
    idCounter += 1;
    return toId18(`${object.keyPrefix}${String(idCounter).padStart(12, '0')}`);
}

function failed(statusCode, message, fields = []) {
    return new DmlResult('save', {
        success: false,
        errors: [new DatabaseError({ statusCode, message, fields })]
    });
}

// The check of a record's fields needs the store only for lookup targets; an event's own fields hold none.
const NO_STORE = { table: () => new Map() };

/** The message of one event, or the failed SaveResult of its fields ("Enforcement of Field Attributes"). */
function messageOf(rt, object, sobject) {
    const row = rowFromSObject(object, sobject);
    for (const [name, value] of Object.entries(row)) if (value === '') row[name] = null;
    for (const field of object.fieldList) {
        if (field.defaultValue !== undefined && field.defaultValue !== null && row[field.name] === undefined) {
            rt.unsupported(`the default value of platform event field ${object.name}.${field.name}`);
        }
    }
    const problems = new Problems('insert', object.name);
    if (!checkRecord(rt.org.schema, NO_STORE, object, { index: 0, rec: row }, problems)) {
        const first = problems.list[0];
        return { result: failed(first.statusCode, first.message, first.fields ?? (first.field ? [first.field] : [])) };
    }
    const fields = {};
    for (const field of object.fieldList) if (!field.readOnly) fields[field.name] = row[field.name] ?? null;
    return {
        message: {
            sobject: object.name,
            EventUuid: row.EventUuid ?? randomUUID(),
            CreatedDate: rt.org.now(),
            CreatedById: rt.userId,
            fields
        }
    };
}

/** EventBus.publish(event) / publish(events); publish(events, callback) is not modelled. */
function publish(rt, args) {
    if (args.length > 1) {
        rt.unsupported('EventBus.publish with a publish callback (Apex publish callbacks are not modelled)');
    }
    const [events] = args;
    if (events === null || events === undefined) {
        rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    const single = !(events instanceof ApexList);
    const items = single ? [events] : events.items;
    if (!items.length) return resultValue('save', [], false);
    const objects = items.map((item) => {
        if (!(item instanceof ApexSObject)) rt.unsupported('EventBus.publish of a value that is not a platform event');
        const object = eventObject(rt, item);
        if (!object) rt.unsupported(`EventBus.publish of ${item.type}, which is not a platform event`);
        return object;
    });
    const afterCommit = objects.filter(publishesAfterCommit).length;
    if (afterCommit) {
        rt.checkLimit('dmlStatements', 1);
        rt.checkLimit('dmlRows', afterCommit);
    }
    if (afterCommit < objects.length) rt.checkLimit('publishImmediateDml', 1);

    const events_ = state(rt);
    const results = items.map((item, index) => {
        const object = objects[index];
        const { message, result } = messageOf(rt, object, item);
        if (result) return result;
        if (rt.isTest) {
            const bus = testBus(rt);
            if (bus.published >= TEST_EVENT_LIMIT) {
                // Wording reconstructed: the guide names only the status code.
                return failed('LIMIT_EXCEEDED', `Test event messages exceeded the limit of ${TEST_EVENT_LIMIT}`);
            }
            bus.published += 1;
            bus.pending.push({ seq: ++events_.seq, afterCommit: publishesAfterCommit(object), message });
        } else if (publishesAfterCommit(object)) {
            events_.afterCommit.push({ seq: ++events_.seq, message });
        } else {
            events_.immediate.push(message);
        }
        const ok = new DmlResult('save', { id: resultId(object), success: true, created: true });
        ok.operationId = randomUUID();
        return ok;
    });
    return resultValue('save', results, single);
}

/** Where the transaction's published messages stand now (Database.setSavepoint, a DML statement's start). */
export function eventMark(rt) {
    return rt.services?.events?.seq ?? 0;
}

/**
 * Database.rollback(savepoint), or a DML statement that failed as a whole: the Publish After Commit messages
 * published after `mark` are discarded (see the top of this module); Publish Immediately ones stay published.
 */
export function discardEventsAfter(rt, mark) {
    const events = rt.services?.events;
    if (!events) return;
    events.afterCommit = events.afterCommit.filter((entry) => entry.seq <= mark);
    if (events.test) {
        events.test.pending = events.test.pending.filter((entry) => !entry.afterCommit || entry.seq <= mark);
    }
}

/**
 * `SObjectType.newSObject(null, true)` of a platform event: the event with its EventUuid prepopulated ("Publish
 * Event Messages with Apex"). Default values of its fields are not modelled (they fail loudly).
 */
export function newEventSObject(rt, object) {
    const sobject = new ApexSObject(object.name, { schema: object });
    for (const field of object.fieldList) {
        if (field.defaultValue !== undefined && field.defaultValue !== null) {
            rt.unsupported(`the default value of platform event field ${object.name}.${field.name}`);
        }
    }
    sobject.values.set('eventuuid', { name: 'EventUuid', value: randomUUID() });
    return sobject;
}

// ---- subscribers ---------------------------------------------------------------------------------------------

/** The Automated Process user of the org (created the first time an event trigger runs). */
export function automatedProcessUserId(org) {
    const found = org.query('User', { Username: AUTOMATED_PROCESS.Username })[0];
    if (found) return found.Id;
    const current = org.get('User', org.currentUserId);
    const [id] = org.writeAsPlatform('insert', 'User', {
        ...AUTOMATED_PROCESS,
        Email: AUTOMATED_PROCESS.Username,
        IsActive: true,
        ProfileId: org.profileId('System Administrator'),
        TimeZoneSidKey: current?.TimeZoneSidKey ?? 'America/Los_Angeles',
        LocaleSidKey: current?.LocaleSidKey ?? 'en_US',
        EmailEncodingKey: current?.EmailEncodingKey ?? 'UTF-8',
        LanguageLocaleKey: current?.LanguageLocaleKey ?? 'en_US'
    });
    return id;
}

/** The project's triggers on the event, in the order the org lists them; only after insert is allowed. */
function subscribersOf(org, objectName) {
    const triggers = org.triggersFor(objectName);
    for (const trigger of triggers) {
        const other = trigger.events.find((event) => event !== 'after insert');
        if (other) {
            // "Only after insert triggers are supported for platform events" (the compiler refuses the others).
            throw new Error(
                `trigger ${trigger.name} on ${trigger.object}: ${other} is not allowed on a platform event`
            );
        }
    }
    return triggers;
}

/** Batches of at most 2,000 messages per event object and trigger, in replay order. */
function batchesOf(org, messages) {
    const byObject = new Map();
    for (const message of messages) {
        const key = lower(message.sobject);
        if (!byObject.has(key)) byObject.set(key, []);
        byObject.get(key).push(message);
    }
    const batches = [];
    for (const list of byObject.values()) {
        for (const trigger of subscribersOf(org, list[0].sobject)) {
            for (let at = 0; at < list.length; at += BATCH_SIZE) {
                batches.push({ trigger, messages: list.slice(at, at + BATCH_SIZE) });
            }
        }
    }
    return batches;
}

/** Runs one trigger over one batch in `rt`: Trigger.new holds the messages as read-only events, without Id. */
function runSubscriber(rt, trigger, messages) {
    const rows = messages.map((message) => ({
        ...message.fields,
        ReplayId: message.ReplayId,
        EventUuid: message.EventUuid,
        CreatedDate: message.CreatedDate,
        CreatedById: message.CreatedById
    }));
    // Trigger.newMap stays null: the messages carry no Id (trigger.mjs).
    const context = triggerContext(rt, { trigger, operation: 'after insert', records: rows, oldRecords: null });
    const previous = rt.services.trigger;
    rt.services.trigger = context;
    try {
        rt.runTrigger(trigger.name, context);
    } finally {
        rt.services.trigger = previous;
    }
}

/** Delivers published messages to their triggers, each batch a transaction of its own as Automated Process. */
function deliverInSession(session, messages) {
    const batches = batchesOf(session.org, messages);
    if (!batches.length) return;
    if (deliveryDepth >= MAX_DELIVERY_DEPTH) {
        throw new Error(
            `platform event triggers published events to each other ${MAX_DELIVERY_DEPTH} times in a row: an endless ` +
                'trigger loop ("Apex, API, and SOQL Considerations for Platform Events": "Infinite Trigger Loop")'
        );
    }
    deliveryDepth += 1;
    try {
        for (const { trigger, messages: batch } of batches) {
            const userId = automatedProcessUserId(session.org);
            const entry = {
                type: 'PlatformEventTrigger',
                trigger: trigger.name,
                sobject: batch[0].sobject,
                userId,
                size: batch.length,
                replayIds: batch.map((message) => message.ReplayId),
                status: 'Completed',
                error: null
            };
            try {
                session.transaction(userId, (rt) => runSubscriber(rt, trigger, batch), { atomic: true });
            } catch (error) {
                if (!(error instanceof ApexThrow)) throw error;
                // The batch's transaction rolled back; the platform does not retry it unless the trigger throws
                // EventBus.RetryableException (not modelled).
                entry.status = 'Failed';
                entry.error = `${error.typeName}: ${error.apexMessage ?? error.message}`;
            }
            session.asyncJobs.push(entry);
        }
    } finally {
        deliveryDepth -= 1;
    }
}

/**
 * The end of a transaction outside tests (session.mjs): Publish Immediately messages are published whatever the
 * outcome, Publish After Commit ones only when it `committed`; then the subscribers run.
 */
export function finishTransactionEvents(session, rt, committed) {
    const events = rt.services?.events;
    if (!events) return;
    const messages = [...events.immediate, ...(committed ? events.afterCommit.map((entry) => entry.message) : [])];
    events.immediate = [];
    events.afterCommit = [];
    if (!messages.length) return;
    deliverInSession(session, session.org.publishEvents(messages));
}

/** Runs fn as a subscriber's transaction inside a test: fresh synchronous limits, as `userId`. */
function inTestTransaction(rt, userId, fn) {
    const saved = { limits: rt.limits, limitMax: rt.limitMax, userId: rt.userId, startedAt: rt.services.startedAt };
    rt.limits = { queries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0, publishImmediateDml: 0 };
    rt.limitMax = SYNC_LIMITS;
    rt.userId = userId;
    rt.services.startedAt = performance.now();
    try {
        return fn();
    } finally {
        rt.limits = saved.limits;
        rt.limitMax = saved.limitMax;
        rt.userId = saved.userId;
        rt.services.startedAt = saved.startedAt;
    }
}

/**
 * Test.stopTest() and Test.getEventBus().deliver(): delivers every message on the test event bus (and what the
 * subscribers publish in turn) in the test's transaction, as Automated Process; replay ids count from 1 per test.
 * An exception of a subscriber reaches the test method.
 */
export function deliverTestEvents(rt) {
    const bus = rt.services?.events?.test;
    while (bus?.pending.length) {
        const messages = bus.pending.splice(0).map((entry) => ({
            ...entry.message,
            ReplayId: String(++bus.replayId)
        }));
        for (const { trigger, messages: batch } of batchesOf(rt.org, messages)) {
            const userId = automatedProcessUserId(rt.org);
            inTestTransaction(rt, userId, () => runSubscriber(rt, trigger, batch));
        }
    }
}

// ---- natives -------------------------------------------------------------------------------------------------

class TestBrokerValue {}
const TEST_BROKER = new TestBrokerValue();

/** Test.getEventBus(): the test event bus (Apex Reference, "Test Class", "TestBroker Class"). */
export function testEventBus(rt) {
    if (!rt.isTest) rt.unsupported('Test.getEventBus() outside a test');
    return TEST_BROKER;
}

defineNative({
    name: 'EventBus',
    isInstance: () => false,
    staticMethods: {
        publish,
        getoperationid: (rt, [result]) => (result instanceof DmlResult ? (result.operationId ?? null) : null)
    }
});

defineNative({
    name: 'TestBroker',
    namespace: 'EventBus',
    isInstance: (value) => value instanceof TestBrokerValue,
    instanceMethods: {
        deliver: (rt) => {
            deliverTestEvents(rt);
            return null;
        },
        fail: (rt) => {
            const bus = rt.services?.events?.test;
            if (bus) bus.pending = [];
            return null;
        }
    }
});

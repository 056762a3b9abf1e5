// Platform events on the offline runtime (platform/events.mjs; Apex Reference, "EventBus Class", "TestBroker
// Class"; Platform Events Developer Guide, "Platform Event Fields", "Publish Event Messages with Apex", "Subscribe to
// Platform Event Notifications with Apex Triggers", "Deliver Test Event Messages", "Event and Event Bus Properties
// in Test Context", "Considerations for Defining and Publishing Platform Events"). The fixture
// (test/fixtures/platform-events) has Order_Event__e (Publish After Commit) and Log_Event__e (Publish Immediately),
// each with an after insert trigger that writes one Account per batch: "Order size=1 user=<id> replay=1 values=42 ...".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApexSession, loadPackageProgram } from '../../session.mjs';
import { ApexThrow, UnsupportedError } from '../../interpreter/errors.mjs';
import { AUTOMATED_PROCESS } from '../../platform/events.mjs';
import { SoqlError } from '../../soql/index.mjs';

const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'platform-events');
let program = null;

function eventSession() {
    program ??= loadPackageProgram(FIXTURE);
    const users = [
        { FirstName: 'Ada', LastName: 'Admin', Username: 'ada@events.example', Email: 'ada@events.example' }
    ];
    const session = createApexSession(program, { root: FIXTURE, today: '2026-03-02', users });
    return { session, org: session.org, admin: users[0].Id };
}

/**
 * Runs `code` as one transaction and returns String.valueOf(Probe.result) read at its end (after what a test runs
 * at its end), or { thrown, message } when an Apex exception escapes it.
 */
function run(session, code, { isTest = false, userId } = {}) {
    try {
        return session.transaction(
            userId,
            (rt) => {
                rt.runAnonymous(code);
                return rt.toString(rt.evaluate('Probe.result'));
            },
            { isTest }
        );
    } catch (error) {
        if (!(error instanceof ApexThrow)) throw error;
        return { thrown: error.typeName, message: error.apexMessage };
    }
}

const accounts = (org) => org.query('Account').map((account) => account.Name);
const autoproc = (org) => org.query('User', { Username: AUTOMATED_PROCESS.Username })[0];

describe('the event as an sObject type', () => {
    test('new, field access and the standard fields of "Platform Event Fields" (ReplayId, EventUuid, CreatedDate, CreatedById)', () => {
        const { session } = eventSession();
        const got = run(
            session,
            `Order_Event__e event = new Order_Event__e(Order_Number__c = 'A-1');
            event.Note__c = 'rush';
            Map<String, Schema.SObjectField> fields = Schema.SObjectType.Order_Event__e.fields.getMap();
            List<String> names = new List<String>(fields.keySet());
            names.sort();
            Probe.result = event.Order_Number__c + ' ' + event.Note__c + ' ' + event.ReplayId + ' ' + String.join(names, ',');`
        );
        assert.equal(got, 'A-1 rush null createdbyid,createddate,eventuuid,note__c,order_number__c,replayid');
    });

    test('describe: created (published) only, never queried, updated or deleted', () => {
        const { session } = eventSession();
        const got = run(
            session,
            `Schema.DescribeSObjectResult d = Order_Event__e.SObjectType.getDescribe();
            Probe.result = d.isQueryable() + ' ' + d.isCreateable() + ' ' + d.isUpdateable() + ' ' + d.isDeletable() + ' ' + d.getKeyPrefix().startsWith('e');`
        );
        assert.equal(got, 'false true false false true');
    });

    test('newSObject(null, true) prepopulates EventUuid ("Publish Event Messages with Apex"); new does not', () => {
        const { session } = eventSession();
        const got = run(
            session,
            `Order_Event__e made = (Order_Event__e) Order_Event__e.SObjectType.newSObject(null, true);
            Order_Event__e plain = new Order_Event__e();
            Probe.result = (made.EventUuid != null) + ' ' + made.EventUuid.length() + ' ' + (plain.EventUuid == null);`
        );
        assert.equal(got, 'true 36 true');
    });

    test('"No SOQL Support": a dynamic query of an event throws a QueryException; an inline one does not compile', () => {
        const { session } = eventSession();
        const message = "sObject type 'Order_Event__e' is not supported.";
        // Inline SOQL is checked when the class compiles: the error is not an Apex exception code could catch.
        assert.throws(
            () =>
                run(
                    session,
                    `try { List<Order_Event__e> rows = [SELECT Id FROM Order_Event__e]; } catch (Exception e) {}`
                ),
            (error) => error instanceof SoqlError && error.message === message
        );
        assert.deepEqual(run(session, `Database.query('SELECT Order_Number__c FROM Order_Event__e');`), {
            thrown: 'System.QueryException',
            message
        });
    });

    test('DML on an event is not the publish path: it fails loudly, and the org holds no event table', () => {
        const { session, org } = eventSession();
        assert.throws(
            () => run(session, `insert new Order_Event__e(Order_Number__c = '1');`),
            (error) => error instanceof UnsupportedError && /platform event Order_Event__e/.test(error.message)
        );
        assert.throws(
            () =>
                run(
                    session,
                    `Database.insert(new List<Order_Event__e>{ new Order_Event__e(Order_Number__c = '1') }, false);`
                ),
            UnsupportedError
        );
        assert.throws(() => org.insert('Order_Event__e', { Order_Number__c: '1' }), /published .*not saved/);
        assert.equal('Order_Event__e' in org.counts(), false);
        assert.deepEqual(org.publishedEvents(), []);
    });
});

describe('EventBus.publish', () => {
    test('single and list forms return SaveResult / List<SaveResult>; getOperationId answers a success', () => {
        const { session } = eventSession();
        const got = run(
            session,
            `Database.SaveResult one = EventBus.publish(new Order_Event__e(Order_Number__c = '1'));
            List<Database.SaveResult> many = EventBus.publish(new List<Order_Event__e>{
                new Order_Event__e(Order_Number__c = '2'), new Order_Event__e(Order_Number__c = '3') });
            Probe.result = one.isSuccess() + ' ' + one.getErrors().size() + ' ' + (one.getId() != null) + ' '
                + many.size() + ' ' + many[0].isSuccess() + ' ' + many[1].isSuccess() + ' '
                + (EventBus.getOperationId(one) != null);`
        );
        assert.equal(got, 'true 0 true 2 true true true');
    });

    test('a missing required field or a text too long: an unsuccessful SaveResult, no exception; the valid ones publish', () => {
        const { session, org } = eventSession();
        const got = run(
            session,
            `List<Database.SaveResult> results = EventBus.publish(new List<Order_Event__e>{
                new Order_Event__e(Note__c = 'x'),
                new Order_Event__e(Order_Number__c = '7', Note__c = 'far too long a note'),
                new Order_Event__e(Order_Number__c = '8') });
            List<String> out = new List<String>();
            for (Database.SaveResult r : results) {
                out.add(r.isSuccess() + ':' + (r.isSuccess() ? '' : r.getErrors()[0].getStatusCode() + ':' + String.join(r.getErrors()[0].getFields(), ',')));
            }
            Probe.result = String.join(out, ' ') + ' ' + EventBus.getOperationId(results[0]) + ' ' + results[0].getId();`
        );
        assert.equal(got, 'false:REQUIRED_FIELD_MISSING:Order_Number__c false:STRING_TOO_LONG:Note__c true: null null');
        assert.deepEqual(
            org.publishedEvents().map((message) => message.fields.Order_Number__c),
            ['8']
        );
    });

    test('an empty Text field is delivered as null ("Publishing Events in Apex with Text Fields Set to Empty Strings")', () => {
        const { session, org } = eventSession();
        run(session, `EventBus.publish(new Order_Event__e(Order_Number__c = '9', Note__c = ''));`);
        assert.equal(org.publishedEvents()[0].fields.Note__c, null);
    });

    test('limits: Publish After Commit counts one DML statement and its rows; Publish Immediately the separate 150', () => {
        const { session } = eventSession();
        const got = run(
            session,
            `EventBus.publish(new List<Order_Event__e>{ new Order_Event__e(Order_Number__c = '1'), new Order_Event__e(Order_Number__c = '2') });
            String afterCommit = Limits.getDmlStatements() + '/' + Limits.getDmlRows() + '/' + Limits.getPublishImmediateDML();
            EventBus.publish(new Log_Event__e(Message__c = 'hello'));
            EventBus.publish(new Log_Event__e(Message__c = 'again'));
            Probe.result = afterCommit + ' ' + Limits.getDmlStatements() + '/' + Limits.getDmlRows() + '/'
                + Limits.getPublishImmediateDML() + ' ' + Limits.getLimitPublishImmediateDML();`
        );
        assert.equal(got, '1/2/0 1/2/2 150');
        const over = run(
            session,
            `for (Integer i = 0; i < 151; i++) { EventBus.publish(new Log_Event__e(Message__c = 'n' + i)); }`
        );
        assert.equal(over.thrown, 'System.LimitException');
        const statements = run(
            session,
            `for (Integer i = 0; i < 151; i++) { EventBus.publish(new Order_Event__e(Order_Number__c = 'n' + i)); }`
        );
        assert.deepEqual(statements, { thrown: 'System.LimitException', message: 'Too many DML statements: 151' });
    });

    test('publish callbacks are not modelled: EventBus.publish(events, callback) fails loudly', () => {
        const { session } = eventSession();
        assert.throws(
            () =>
                run(
                    session,
                    `EventBus.publish(new List<Order_Event__e>{ new Order_Event__e(Order_Number__c = '1') }, null);`
                ),
            (error) => error instanceof UnsupportedError && /callback/.test(error.message)
        );
    });
});

describe('publish behavior and transactions', () => {
    test('Publish After Commit: published when the transaction commits, with ReplayId, CreatedDate and CreatedById', () => {
        const { session, org, admin } = eventSession();
        const during = run(
            session,
            `EventBus.publish(new Order_Event__e(Order_Number__c = '42'));
            Probe.result = [SELECT COUNT() FROM Account];`
        );
        // The subscriber had not run inside the publishing transaction.
        assert.equal(during, '0');
        const [message] = org.publishedEvents('Order_Event__e');
        assert.equal(message.ReplayId, '1');
        assert.equal(message.CreatedById, admin);
        assert.match(message.CreatedDate, /^2026-03-02T/);
        assert.match(message.EventUuid, /^[0-9a-f-]{36}$/);
        assert.deepEqual(message.fields, { Note__c: null, Order_Number__c: '42' });
        assert.equal(message.publishBehavior, 'PublishAfterCommit');
    });

    test('a transaction that fails publishes none of its Publish After Commit events', () => {
        const { session, org } = eventSession();
        const got = run(
            session,
            `EventBus.publish(new Order_Event__e(Order_Number__c = '1'));
            throw new IllegalArgumentException('no');`
        );
        assert.equal(got.thrown, 'System.IllegalArgumentException');
        assert.deepEqual(org.publishedEvents(), []);
        assert.deepEqual(accounts(org), []);
    });

    test('Publish Immediately: published whether or not the transaction succeeds, and its trigger runs', () => {
        const { session, org } = eventSession();
        const got = run(
            session,
            `EventBus.publish(new Log_Event__e(Message__c = 'tried'));
            EventBus.publish(new Order_Event__e(Order_Number__c = '1'));
            throw new IllegalArgumentException('no');`
        );
        assert.equal(got.thrown, 'System.IllegalArgumentException');
        assert.deepEqual(
            org.publishedEvents().map((message) => message.sobject),
            ['Log_Event__e']
        );
        assert.equal(accounts(org).length, 1);
        assert.match(accounts(org)[0], /^Log size=1 .* values=tried /);
    });

    test('rolled back to a savepoint: the Publish After Commit events published after it are discarded', () => {
        const { session, org } = eventSession();
        run(
            session,
            `EventBus.publish(new Order_Event__e(Order_Number__c = 'kept'));
            Savepoint sp = Database.setSavepoint();
            EventBus.publish(new Order_Event__e(Order_Number__c = 'dropped'));
            EventBus.publish(new Log_Event__e(Message__c = 'immediate'));
            Database.rollback(sp);`
        );
        assert.deepEqual(
            org.publishedEvents().map((message) => message.fields.Order_Number__c ?? message.fields.Message__c),
            ['immediate', 'kept']
        );
    });
});

describe('subscriber triggers', () => {
    test('run after the commit, in their own transaction, as the Automated Process user, Trigger.new with ReplayId', () => {
        const { session, org, admin } = eventSession();
        const got = run(
            session,
            `EventBus.publish(new List<Order_Event__e>{ new Order_Event__e(Order_Number__c = '1'), new Order_Event__e(Order_Number__c = '2') });
            Probe.result = Probe.log.size();`
        );
        assert.equal(got, '0');
        const user = autoproc(org);
        assert.equal(user.LastName, 'Automated Process');
        assert.equal(user.Alias, 'autoproc');
        assert.notEqual(user.Id, admin);
        const [account] = org.query('Account');
        assert.equal(
            account.Name,
            `Order size=2 user=${user.Id} replay=1,2 values=1,2 uuid=true created=true newMap=true after=true insert=true`
        );
        // "System fields, such as CreatedById ... reference the Automated Process entity".
        assert.equal(account.CreatedById, user.Id);
        assert.deepEqual(
            session.asyncJobs.map((job) => [job.type, job.trigger, job.size, job.status, job.userId]),
            [['PlatformEventTrigger', 'OrderEventTrigger', 2, 'Completed', user.Id]]
        );
        // The next message continues the event's stream.
        run(session, `EventBus.publish(new Order_Event__e(Order_Number__c = '3'));`);
        assert.equal(org.publishedEvents('Order_Event__e').at(-1).ReplayId, '3');
    });

    test('batches of at most 2,000 event messages', () => {
        const { session } = eventSession();
        run(
            session,
            `List<Order_Event__e> events = new List<Order_Event__e>();
            for (Integer i = 0; i < 2001; i++) { events.add(new Order_Event__e(Order_Number__c = String.valueOf(i))); }
            EventBus.publish(events);`
        );
        assert.deepEqual(
            session.asyncJobs.map((job) => [job.size, job.replayIds[0]]),
            [
                [2000, '1'],
                [1, '2001']
            ]
        );
    });

    test('a subscriber that throws rolls back its own batch only; the publisher committed', () => {
        const { session, org } = eventSession();
        run(
            session,
            `insert new Account(Name = 'Publisher');
            EventBus.publish(new Order_Event__e(Order_Number__c = 'BOOM'));`
        );
        assert.deepEqual(accounts(org), ['Publisher']);
        assert.equal(session.asyncJobs[0].status, 'Failed');
        assert.match(session.asyncJobs[0].error, /subscriber failed on purpose/);
    });
});

describe('platform events in Apex tests', () => {
    const inTest = { isTest: true };

    test("publish enqueues; Test.stopTest() delivers; replay ids start from 1; nothing reaches the org's bus", () => {
        const { session, org } = eventSession();
        const got = run(
            session,
            `Test.startTest();
            Database.SaveResult sr = EventBus.publish(new Order_Event__e(Order_Number__c = '5'));
            Integer before = [SELECT COUNT() FROM Account];
            Test.stopTest();
            Account a = [SELECT Name, CreatedById FROM Account];
            User u = [SELECT LastName FROM User WHERE Id = :a.CreatedById];
            Probe.result = sr.isSuccess() + ' ' + before + ' ' + a.Name.substringBefore(' user=') + ' ' + a.Name.substringAfter(' replay=').substringBefore(' ') + ' ' + u.LastName;`,
            inTest
        );
        assert.equal(got, 'true 0 Order size=1 1 Automated Process');
        assert.deepEqual(org.publishedEvents(), []);
    });

    test('Test.getEventBus().deliver() delivers at any time, step by step', () => {
        const { session } = eventSession();
        const got = run(
            session,
            `EventBus.publish(new Order_Event__e(Order_Number__c = 'a'));
            Integer none = [SELECT COUNT() FROM Account];
            Test.getEventBus().deliver();
            Integer one = [SELECT COUNT() FROM Account];
            EventBus.publish(new Order_Event__e(Order_Number__c = 'b'));
            Test.getEventBus().deliver();
            List<String> names = new List<String>();
            for (Account a : [SELECT Name FROM Account ORDER BY Name]) { names.add(a.Name.substringAfter(' replay=').substringBefore(' uuid')); }
            Probe.result = none + ' ' + one + ' ' + String.join(names, ' | ');`,
            inTest
        );
        assert.equal(got, '0 1 1 values=a | 2 values=b');
    });

    test('Test.getEventBus().fail() fails the pending messages: no subscriber runs', () => {
        const { session } = eventSession();
        const got = run(
            session,
            `Test.startTest();
            EventBus.publish(new Order_Event__e(Order_Number__c = 'x'));
            Test.getEventBus().fail();
            Test.stopTest();
            Probe.result = [SELECT COUNT() FROM Account];`,
            inTest
        );
        assert.equal(got, '0');
    });

    test('messages never delivered (no stopTest, no deliver) do not reach subscribers when the test ends', () => {
        const { session, org } = eventSession();
        run(session, `EventBus.publish(new Order_Event__e(Order_Number__c = 'x')); Probe.result = 0;`, inTest);
        assert.deepEqual(accounts(org), []);
        assert.deepEqual(org.publishedEvents(), []);
    });

    test('the publishing limits count in a test too', () => {
        const { session } = eventSession();
        const got = run(
            session,
            `Test.startTest();
            EventBus.publish(new List<Order_Event__e>{ new Order_Event__e(Order_Number__c = '1'), new Order_Event__e(Order_Number__c = '2') });
            EventBus.publish(new Log_Event__e(Message__c = 'm'));
            Probe.result = Limits.getDmlStatements() + ' ' + Limits.getDmlRows() + ' ' + Limits.getPublishImmediateDML();
            Test.stopTest();`,
            inTest
        );
        assert.equal(got, '1 2 1');
    });

    test('"their own publishing limit of 500 event messages in a test method": the 501st fails with LIMIT_EXCEEDED', () => {
        const { session } = eventSession();
        const got = run(
            session,
            `List<Log_Event__e> events = new List<Log_Event__e>();
            for (Integer i = 0; i < 501; i++) { events.add(new Log_Event__e(Message__c = 'm' + i)); }
            List<Database.SaveResult> results = EventBus.publish(events);
            Probe.result = results[499].isSuccess() + ' ' + results[500].isSuccess() + ' ' + results[500].getErrors()[0].getStatusCode();`,
            inTest
        );
        assert.equal(got, 'true false LIMIT_EXCEEDED');
    });

    test('a rollback to a savepoint discards the Publish After Commit messages on the test bus published after it', () => {
        const { session } = eventSession();
        const got = run(
            session,
            `Test.startTest();
            EventBus.publish(new Order_Event__e(Order_Number__c = 'kept'));
            Savepoint sp = Database.setSavepoint();
            EventBus.publish(new Order_Event__e(Order_Number__c = 'dropped'));
            Database.rollback(sp);
            Test.stopTest();
            Probe.result = [SELECT Name FROM Account].Name.substringAfter('values=').substringBefore(' ');`,
            inTest
        );
        assert.equal(got, 'kept');
    });
});

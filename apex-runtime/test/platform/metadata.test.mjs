// Metadata.Operations.enqueueDeployment on the embedded org (../../platform/metadata.mjs): a custom metadata record
// of any of the package's types deployed from Apex changes (or is created) after the enqueuing transaction commits,
// all or none, and the DeployCallback then runs in a transaction of its own (Apex Reference, "Operations Class", "DeployCallback Interface", "DeployResult Class";
// Apex Developer Guide, "Retrieving and Deploying Metadata", "Testing Metadata Deployments").
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApexSession, loadPackageProgram } from '../../session.mjs';
import { ROOT, TODAY } from './support.mjs';

const program = loadPackageProgram(ROOT);

function newSession() {
    return createApexSession(program, {
        root: ROOT,
        today: TODAY,
        users: [{ FirstName: 'Ada', LastName: 'Admin', permissionSets: ['Tandem_Admin'] }]
    });
}

// A callback that records what it was given as an Account (its name) so the test can read it after the fact.
const CALLBACK = `
public class RecordingCallback implements Metadata.DeployCallback {
    public void handleResult(Metadata.DeployResult result, Metadata.DeployCallbackContext context) {
        String failures = '';
        for (Metadata.DeployMessage message : result.details.componentFailures) {
            failures += message.fullName + ': ' + message.problem;
        }
        insert new Account(Name = result.status + '|' + result.success + '|' + result.id + '|'
            + context.getCallbackJobId() + '|' + result.numberComponentsDeployed + '|' + failures);
    }
}`;

const deploy = (
    values,
    { fullName = 'Plan_Setting__mdt.Default', callback = 'new RecordingCallback()', after = '' } = {}
) => `
${CALLBACK}
Metadata.CustomMetadata record = new Metadata.CustomMetadata();
record.fullName = '${fullName}';
record.label = 'Default';
${Object.entries(values)
    .map(
        ([field, value]) =>
            `{ Metadata.CustomMetadataValue v = new Metadata.CustomMetadataValue(); v.field = '${field}'; v.value = ${value}; record.values.add(v); }`
    )
    .join('\n')}
Metadata.DeployContainer container = new Metadata.DeployContainer();
container.addMetadata(record);
Id jobId = Metadata.Operations.enqueueDeployment(container, ${callback});
${after}
return jobId;`;

/** Several records in one container; `values` are Apex expressions by field name. */
const deployRecords = (records, callbackClass = CALLBACK, callback = 'new RecordingCallback()') => `
${callbackClass}
Metadata.DeployContainer container = new Metadata.DeployContainer();
${records
    .map(
        ({ fullName, label, values }) => `{
    Metadata.CustomMetadata record = new Metadata.CustomMetadata();
    record.fullName = '${fullName}';
    record.label = ${label === null ? 'null' : `'${label}'`};
    ${Object.entries(values)
        .map(
            ([field, value]) =>
                `{ Metadata.CustomMetadataValue v = new Metadata.CustomMetadataValue(); v.field = '${field}'; v.value = ${value}; record.values.add(v); }`
        )
        .join('\n    ')}
    container.addMetadata(record);
}`
    )
    .join('\n')}
return Metadata.Operations.enqueueDeployment(container, ${callback});`;

const setting = (session) => session.org.customMetadata('Plan_Setting__mdt').find((r) => r.DeveloperName === 'Default');
/** The milestone gate records, with the fields a test reads. */
const requirements = (session) =>
    session.org
        .customMetadata('Plan_Stage_Requirement__mdt')
        .map(({ DeveloperName, MasterLabel, Stage__c, Template_Step__c, Message__c, Is_Active__c }) => ({
            DeveloperName,
            MasterLabel,
            Stage__c,
            Template_Step__c,
            Message__c,
            Is_Active__c
        }));
const callbackRecords = (session) => session.org.query('Account').map((account) => account.Name.split('|'));

describe('Metadata.Operations.enqueueDeployment', () => {
    test('deploys the record after the transaction commits and then calls the callback with Succeeded', () => {
        const session = newSession();
        let seenInside;
        const jobId = session.transaction(null, (rt) => {
            const id = rt.runAnonymous(deploy({ Active_Plan_Stages__c: "'Closed Won'", At_Risk_Slip_Days__c: '12' }));
            seenInside = setting(session).Active_Plan_Stages__c;
            return id;
        });
        assert.equal(seenInside, null, 'nothing changes before the enqueuing transaction commits');
        assert.match(jobId, /^0Af/, 'the job Id is a deployment request Id');
        assert.equal(setting(session).Active_Plan_Stages__c, 'Closed Won');
        assert.equal(setting(session).At_Risk_Slip_Days__c, 12);
        const [[status, success, resultId, callbackJobId, deployed, failures]] = callbackRecords(session);
        assert.deepEqual([status, success, resultId, deployed, failures], ['Succeeded', 'true', jobId, '1', '']);
        assert.match(callbackJobId, /^707/, 'the callback job is an async Apex job');
    });

    test('accepts the package namespace on the type, the record and the fields', () => {
        const session = newSession();
        session.transaction(null, (rt) =>
            rt.runAnonymous(
                deploy(
                    { tandem__Accepted_Plan_Stages__c: "'Negotiation/Review'" },
                    { fullName: 'tandem__Plan_Setting__mdt.tandem__Default' }
                )
            )
        );
        assert.equal(setting(session).Accepted_Plan_Stages__c, 'Negotiation/Review');
    });

    test('a transaction that fails after enqueuing deploys nothing and calls no callback', () => {
        const session = newSession();
        assert.throws(() =>
            session.transaction(null, (rt) =>
                rt.runAnonymous(deploy({ Active_Plan_Stages__c: "'Closed Won'" }, { after: 'Integer boom = 1 / 0;' }))
            )
        );
        assert.equal(setting(session).Active_Plan_Stages__c, null);
        assert.deepEqual(callbackRecords(session), []);
        assert.deepEqual(session.asyncJobs, []);
    });

    test('a value the field cannot hold fails the deployment, which then changes nothing at all', () => {
        const session = newSession();
        session.transaction(null, (rt) =>
            rt.runAnonymous(
                deploy({ Accepted_Plan_Stages__c: "'Closed Won'", Active_Plan_Stages__c: `'${'x'.repeat(256)}'` })
            )
        );
        assert.equal(setting(session).Accepted_Plan_Stages__c, null, 'all or none');
        const [[status, success, , , deployed, failures]] = callbackRecords(session);
        assert.deepEqual([status, success, deployed], ['Failed', 'false', '0']);
        assert.match(failures, /Plan_Setting__mdt\.Default: Active_Plan_Stages__c: data value too large/);
    });

    for (const [what, values, problem] of [
        ['an unknown field', { No_Such_Field__c: "'x'" }, /Could not find field No_Such_Field__c/],
        [
            'a number field given text',
            { Stale_Plan_Days__c: "'soon'" },
            /Stale_Plan_Days__c: value not of required type/
        ],
        [
            'a number beyond the field precision',
            { Stale_Plan_Days__c: '123456' },
            /Stale_Plan_Days__c: number is too large/
        ]
    ]) {
        test(`${what} fails the deployment with the problem on the component`, () => {
            const session = newSession();
            session.transaction(null, (rt) => rt.runAnonymous(deploy(values)));
            const [[status, , , , , failures]] = callbackRecords(session);
            assert.equal(status, 'Failed');
            assert.match(failures, problem);
        });
    }

    test('an unknown custom metadata type fails the deployment', () => {
        const session = newSession();
        session.transaction(null, (rt) =>
            rt.runAnonymous(deploy({ Label__c: "'x'" }, { fullName: 'No_Type__mdt.Default' }))
        );
        const [[status, , , , , failures]] = callbackRecords(session);
        assert.equal(status, 'Failed');
        assert.match(failures, /Could not find custom metadata type No_Type__mdt/);
    });

    test('the container is copied when enqueued: a later change to it is not deployed', () => {
        const session = newSession();
        session.transaction(null, (rt) =>
            rt.runAnonymous(
                deploy(
                    { Active_Plan_Stages__c: "'Closed Won'" },
                    { after: "record.values[0].value = 'Changed later';" }
                )
            )
        );
        assert.equal(setting(session).Active_Plan_Stages__c, 'Closed Won');
    });

    test('a callback that throws fails its own job only: the deployment stays applied', () => {
        const session = newSession();
        session.transaction(null, (rt) =>
            rt.runAnonymous(
                `public class FailingCallback implements Metadata.DeployCallback {
                    public void handleResult(Metadata.DeployResult r, Metadata.DeployCallbackContext c) {
                        Integer boom = 1 / 0;
                    }
                }
                ${deploy({ Active_Plan_Stages__c: "'Closed Won'" }, { callback: 'new FailingCallback()' }).replace(CALLBACK, '')}`
            )
        );
        assert.equal(setting(session).Active_Plan_Stages__c, 'Closed Won');
        assert.deepEqual(
            session.asyncJobs.map((job) => [job.type, job.status]),
            [
                ['Metadata deployment', 'Succeeded'],
                ['DeployCallback', 'Failed']
            ]
        );
        assert.match(session.asyncJobs[1].error.message, /MathException|Divide by 0/);
    });

    test('a test cannot deploy: System.AsyncException "Metadata cannot be deployed from within a test"', () => {
        const session = newSession();
        const caught = session.transaction(
            null,
            (rt) =>
                rt.runAnonymous(
                    deploy({ Active_Plan_Stages__c: "'Closed Won'" }, { after: '' }).replace(
                        'Id jobId = Metadata.Operations.enqueueDeployment(container, new RecordingCallback());',
                        `String jobId;
                        try { Metadata.Operations.enqueueDeployment(container, new RecordingCallback()); }
                        catch (System.AsyncException e) { jobId = e.getMessage(); }`
                    )
                ),
            { isTest: true }
        );
        assert.equal(caught, 'Metadata cannot be deployed from within a test');
        assert.equal(setting(session).Active_Plan_Stages__c, null);
    });

    test('a test builds a DeployResult and its own DeployCallbackContext to call the callback directly', () => {
        const session = newSession();
        session.transaction(
            null,
            (rt) =>
                rt.runAnonymous(`${CALLBACK}
                public class TestContext extends Metadata.DeployCallbackContext {
                    public override Id getCallbackJobId() { return '7075g0000000009AAA'; }
                }
                Metadata.DeployResult result = new Metadata.DeployResult();
                result.status = Metadata.DeployStatus.Failed;
                result.success = false;
                result.details = new Metadata.DeployDetails();
                Metadata.DeployMessage message = new Metadata.DeployMessage();
                message.fullName = 'Plan_Setting__mdt.Default';
                message.problem = 'boom';
                result.details.componentFailures.add(message);
                new RecordingCallback().handleResult(result, new TestContext());`),
            { isTest: true }
        );
        const [[status, success, , callbackJobId, , failures]] = callbackRecords(session);
        assert.deepEqual(
            [status, success, callbackJobId, failures],
            ['Failed', 'false', '7075g0000000009AAA', 'Plan_Setting__mdt.Default: boom']
        );
    });

    test('any custom metadata type: a record the org does not have is created, then updated, never duplicated', () => {
        const session = newSession();
        assert.deepEqual(requirements(session), [], 'the package ships no Plan_Stage_Requirement__mdt record');
        session.transaction(null, (rt) =>
            rt.runAnonymous(
                deployRecords([
                    {
                        fullName: 'tandem__Plan_Stage_Requirement__mdt.tandem__Security_First',
                        label: 'Security first',
                        values: {
                            tandem__Stage__c: "'Negotiation/Review'",
                            // A relationship names the related record by its qualified API name.
                            tandem__Template_Step__c: "'tandem__Enterprise_05_Security_Review'",
                            tandem__Message__c: "'Security signs off first.'",
                            tandem__Is_Active__c: 'true'
                        }
                    }
                ])
            )
        );
        assert.deepEqual(callbackRecords(session)[0].slice(0, 2), ['Succeeded', 'true']);
        assert.deepEqual(requirements(session), [
            {
                DeveloperName: 'Security_First',
                MasterLabel: 'Security first',
                Stage__c: 'Negotiation/Review',
                Template_Step__c: 'Enterprise_05_Security_Review',
                Message__c: 'Security signs off first.',
                Is_Active__c: true
            }
        ]);
        const read = session.transaction(null, (rt) =>
            rt.runAnonymous(`Plan_Stage_Requirement__mdt r = [
                SELECT DeveloperName, Template_Step__r.Title__c FROM Plan_Stage_Requirement__mdt WITH USER_MODE];
                return r.DeveloperName + ' | ' + r.Template_Step__r.Title__c;`)
        );
        assert.equal(read, 'Security_First | Buyer security team completes the security review', 'SOQL reads it');

        session.transaction(null, (rt) =>
            rt.runAnonymous(
                deployRecords([
                    {
                        fullName: 'Plan_Stage_Requirement__mdt.Security_First',
                        label: 'Security first',
                        values: {
                            Stage__c: "'Negotiation/Review'",
                            Template_Step__c: "'Enterprise_05_Security_Review'",
                            Message__c: "'Security signs off first.'",
                            Is_Active__c: 'false'
                        }
                    }
                ])
            )
        );
        assert.deepEqual(
            requirements(session).map((r) => [r.DeveloperName, r.Is_Active__c, r.Message__c]),
            [['Security_First', false, 'Security signs off first.']],
            'the same name updates the record'
        );
    });

    test('the callback hears which components were created and which changed', () => {
        const session = newSession();
        session.transaction(null, (rt) =>
            rt.runAnonymous(
                deployRecords(
                    [
                        {
                            fullName: 'Plan_Setting__mdt.Default',
                            label: 'Default',
                            values: { Plan_Size_Limit__c: '25' }
                        },
                        {
                            fullName: 'Plan_Stage_Requirement__mdt.Signature_First',
                            label: 'Signature first',
                            values: { Stage__c: "'Closed Won'", Template_Step__c: "'Enterprise_10_Signature'" }
                        }
                    ],
                    `public class SuccessCallback implements Metadata.DeployCallback {
                        public void handleResult(Metadata.DeployResult result, Metadata.DeployCallbackContext context) {
                            String text = '';
                            for (Metadata.DeployMessage m : result.details.componentSuccesses) {
                                text += m.fullName + ' created=' + m.created + ' changed=' + m.changed + ';';
                            }
                            insert new Account(Name = text);
                        }
                    }`,
                    'new SuccessCallback()'
                )
            )
        );
        assert.equal(
            session.org.query('Account')[0].Name,
            'Plan_Setting__mdt.Default created=false changed=true;' +
                'Plan_Stage_Requirement__mdt.Signature_First created=true changed=false;'
        );
        assert.equal(Number(setting(session).Plan_Size_Limit__c), 25);
    });

    for (const [what, record, problem] of [
        [
            'a relationship naming no record of its type',
            { Stage__c: "'Closed Won'", Template_Step__c: "'No_Such_Step'" },
            /Template_Step__c: no Plan_Template_Step__mdt record named No_Such_Step/
        ],
        [
            'a new record without a required field',
            { Message__c: "'Why'", Template_Step__c: "'Enterprise_10_Signature'" },
            /Required fields are missing: \[Stage__c\]/
        ],
        [
            'a required field deployed blank',
            { Stage__c: 'null', Template_Step__c: "'Enterprise_10_Signature'" },
            /Required field is missing: Stage__c/
        ]
    ]) {
        test(`${what} fails the deployment, which creates nothing`, () => {
            const session = newSession();
            session.transaction(null, (rt) =>
                rt.runAnonymous(
                    deployRecords([
                        {
                            fullName: 'Plan_Stage_Requirement__mdt.Valid_One',
                            label: 'Valid',
                            values: { Stage__c: "'Closed Won'", Template_Step__c: "'Enterprise_10_Signature'" }
                        },
                        { fullName: 'Plan_Stage_Requirement__mdt.Second_One', label: 'Second', values: record }
                    ])
                )
            );
            const [[status, , , , deployed, failures]] = callbackRecords(session);
            assert.deepEqual([status, deployed], ['Failed', '0']);
            assert.match(failures, problem);
            assert.deepEqual(requirements(session), [], 'all or none: the valid component is not created either');
        });
    }

    for (const [what, fullName, label, problem] of [
        ['a name with two underscores in a row', 'Plan_Stage_Requirement__mdt.Bad__Name', 'Bad', /Invalid fullName/],
        ['a name that starts with a digit', 'Plan_Stage_Requirement__mdt.1st', 'Bad', /Invalid fullName/],
        ['a name over 40 characters', `Plan_Stage_Requirement__mdt.${'A'.repeat(41)}`, 'Bad', /Invalid fullName/],
        [
            'a new record without a label',
            'Plan_Stage_Requirement__mdt.No_Label',
            null,
            /Required field is missing: label/
        ],
        [
            'a label over 40 characters',
            'Plan_Stage_Requirement__mdt.Long',
            'L'.repeat(41),
            /label: data value too large/
        ]
    ]) {
        test(`${what} fails the deployment`, () => {
            const session = newSession();
            session.transaction(null, (rt) =>
                rt.runAnonymous(
                    deployRecords([
                        {
                            fullName,
                            label,
                            values: { Stage__c: "'Closed Won'", Template_Step__c: "'Enterprise_10_Signature'" }
                        }
                    ])
                )
            );
            const [[status, , , , , failures]] = callbackRecords(session);
            assert.equal(status, 'Failed');
            assert.match(failures, problem);
            assert.deepEqual(requirements(session), []);
        });
    }
});

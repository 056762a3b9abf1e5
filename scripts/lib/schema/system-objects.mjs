// The platform's objects for asynchronous Apex and custom notifications, beside standard-objects.mjs (which merges
// them into STANDARD_OBJECTS): the embedded org writes their records itself (the Apex runtime's batch and scheduled
// jobs, apex-runtime/platform/async/; the project's notification types, preview/org/bootstrap.mjs); DML on them is
// refused, as the Object Reference's "Supported Calls" (query, retrieve, describe; no create, update or delete) have
// it. They are setup data: no record sharing (every internal user may query them) and no object permissions.
import { lookup, picklist, readOnly, text } from './platform-fields.mjs';

const integer = (label) => ({ type: 'Number', precision: 9, scale: 0, label, displayType: 'INTEGER' });

export const SYSTEM_OBJECTS = {
    // Object Reference, ApexClass (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/
    // object_reference/sforce_api_objects_apexclass.htm): an Apex class; Name, NamespacePrefix, ApiVersion, Status
    // (Active, Inactive, Deleted). The org keeps a row for each class an asynchronous job names
    // (AsyncApexJob.ApexClassId).
    ApexClass: {
        keyPrefix: '01p',
        label: 'Apex Class',
        pluralLabel: 'Apex Classes',
        nameField: text(255, { label: 'Name', required: true }),
        fields: {
            NamespacePrefix: text(15, { label: 'Namespace Prefix' }),
            ApiVersion: { type: 'Number', precision: 18, scale: 1, label: 'Api Version' },
            Status: picklist(['Active', 'Inactive', 'Deleted'], { default: 'Active' })
        },
        setup: true,
        sharingModel: 'Setup',
        readOnlyDml: true
    },
    // Object Reference, AsyncApexJob (.../sforce_api_objects_asyncapexjob.htm): one asynchronous Apex job. JobType
    // BatchApex for Database.executeBatch, ScheduledApex for a scheduled job's run; Status Holding, Queued,
    // Preparing, Processing, Aborted, Completed, Failed; TotalJobItems "Total number of batches processed",
    // JobItemsProcessed "Number of job items processed", NumberOfErrors "The number of batches that encountered a
    // problem", ExtendedStatus "The first error message if there was an error" (255 characters).
    AsyncApexJob: {
        keyPrefix: '707',
        label: 'Apex Job',
        pluralLabel: 'Apex Jobs',
        nameField: null,
        fields: {
            ApexClassId: lookup('ApexClass', 'ApexClass', 'SetNull', { label: 'Class ID' }),
            CompletedDate: { type: 'DateTime', label: 'Completion Date' },
            CronTriggerId: lookup('CronTrigger', 'CronTrigger', 'SetNull', { label: 'Cron Trigger ID' }),
            ExtendedStatus: text(255, { label: 'Status Detail' }),
            JobItemsProcessed: integer('Batches Processed'),
            JobType: picklist(
                [
                    'Future',
                    'SharingRecalculation',
                    'ScheduledApex',
                    'BatchApex',
                    'BatchApexWorker',
                    'TestRequest',
                    'TestWorker',
                    'ApexToken',
                    'Queueable'
                ],
                { label: 'Job Type' }
            ),
            MethodName: text(255, { label: 'Apex Method' }),
            NumberOfErrors: integer('Failures'),
            ParentJobId: lookup('AsyncApexJob', 'ParentJob', 'SetNull', { label: 'Parent Apex Job ID' }),
            Status: picklist(['Holding', 'Queued', 'Preparing', 'Processing', 'Aborted', 'Completed', 'Failed']),
            TotalJobItems: integer('Total Batches')
        },
        setup: true,
        sharingModel: 'Setup',
        readOnlyDml: true
    },
    // Object Reference, CronJobDetail (.../sforce_api_objects_cronjobdetail.htm): the job a CronTrigger fires; Name
    // is the name given to System.schedule, JobType '7' is Scheduled Apex.
    CronJobDetail: {
        keyPrefix: '08a',
        label: 'Scheduled Job Detail',
        pluralLabel: 'Scheduled Job Details',
        nameField: text(255, { label: 'Job Name', required: true }),
        fields: {
            JobType: picklist(['1', '3', '4', '6', '7', '8', '9', 'A'], { label: 'Job Type' })
        },
        setup: true,
        sharingModel: 'Setup',
        readOnlyDml: true
    },
    // Object Reference, CronTrigger (.../sforce_api_objects_crontrigger.htm): the schedule of a scheduled job:
    // CronExpression, CronJobDetailId, NextFireTime, PreviousFireTime, StartTime, EndTime, State (WAITING, ACQUIRED,
    // EXECUTING, COMPLETE, ERROR, DELETED, PAUSED, BLOCKED, PAUSED_BLOCKED), TimesTriggered, TimeZoneSidKey, OwnerId.
    CronTrigger: {
        keyPrefix: '08e',
        label: 'Scheduled Job',
        pluralLabel: 'Scheduled Jobs',
        nameField: null,
        owned: true,
        fields: {
            CronExpression: text(255, { label: 'Cron Expression' }),
            CronJobDetailId: lookup('CronJobDetail', 'CronJobDetail', 'Cascade', { label: 'Job ID' }),
            EndTime: { type: 'DateTime', label: 'End Time' },
            NextFireTime: { type: 'DateTime', label: 'Next Run Time' },
            PreviousFireTime: { type: 'DateTime', label: 'Previous Run Time' },
            StartTime: { type: 'DateTime', label: 'Start Time' },
            State: picklist([
                'WAITING',
                'ACQUIRED',
                'EXECUTING',
                'COMPLETE',
                'ERROR',
                'DELETED',
                'PAUSED',
                'BLOCKED',
                'PAUSED_BLOCKED'
            ]),
            TimesTriggered: integer('Times Triggered'),
            TimeZoneSidKey: text(40, { label: 'Time Zone' })
        },
        setup: true,
        sharingModel: 'Setup',
        readOnlyDml: true
    },
    // Metadata API, CustomNotificationType (customNotifTypeName, description, desktop, mobile, masterLabel); Object
    // Reference / Tooling API, CustomNotificationType: queried by DeveloperName for the Id that
    // Messaging.CustomNotification.setNotificationTypeId takes. The org creates one row per
    // notificationtypes/<DeveloperName>.notiftype-meta.xml of the project.
    CustomNotificationType: {
        keyPrefix: '0ML',
        label: 'Custom Notification Type',
        pluralLabel: 'Custom Notification Types',
        nameField: null,
        nameFieldName: 'DeveloperName',
        fields: {
            DeveloperName: text(80, { label: 'API Name', required: true }),
            MasterLabel: text(80, { label: 'Label', required: true }),
            CustomNotifTypeName: text(80, { label: 'Custom Notification Name' }),
            Description: text(255),
            Desktop: { type: 'Checkbox', label: 'Desktop' },
            Mobile: { type: 'Checkbox', label: 'Mobile' },
            NamespacePrefix: readOnly(text(15, { label: 'Namespace Prefix' }))
        },
        setup: true,
        sharingModel: 'Setup',
        readOnlyDml: true
    }
};

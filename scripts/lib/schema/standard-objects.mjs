// The platform's own objects: the one standard-object model behind every tool here (formulas, the SOQL, Apex and
// cross-reference checks, the embedded org and, through it, the Apex runtime). A project holds no metadata for
// standard objects, only the fields it adds to them, so they are declared here:
//
// - STANDARD_OBJECTS: the standard objects the package and its tools touch, with the platform's types (the
//   CustomField <type> vocabulary), lengths, picklists, lookups and key prefixes. `fields` are stored by the
//   embedded org; `known` are further fields of the platform, given by type only ('Lookup:Target' for a lookup),
//   which formulas and the checks accept and the org does not store. An object with `stored: false` is only
//   known. `derive(record, prior)` is what the platform sets itself before a save (an opportunity's probability
//   and closed/won flags from its stage, a person's full name).
// - OPPORTUNITY_STAGES: the sales process an org starts with.
//
// Beside it: platform-fields.mjs (the fields every object has, the field shorthands used below, the fields of
// custom objects, settings and metadata types, and what the platform calculates) and catalogue.mjs (every
// standard object by name). A field's `readOnly` is why no save may write it, as a sentence (the platform's rule),
// or `true` where only the embedded org keeps it to itself (it fills the field from metadata or from the other
// records).
import { lookup, picklist, readOnly, text, valueSet } from './platform-fields.mjs';
import { SYSTEM_OBJECTS } from './system-objects.mjs';

const integer = (label) => ({ type: 'Number', precision: 9, scale: 0, label, displayType: 'INTEGER' });
/** January to December, in English, as the Holiday object's RecurrenceMonthOfYear values are. */
const MONTH_NAMES = Array.from({ length: 12 }, (_, month) =>
    new Date(Date.UTC(2000, month, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })
);
/** Monday to Sunday, in English, as the BusinessHours object names its day fields (3 January 2000 was a Monday). */
const WEEKDAY_NAMES = Array.from({ length: 7 }, (_, day) =>
    new Date(Date.UTC(2000, 0, 3 + day)).toLocaleString('en-US', { weekday: 'long', timeZone: 'UTC' })
);

/**
 * The standard sales process an org starts with: stage API names in order, with the default probability and
 * forecast category the platform assigns, and whether the stage closes the deal (and wins it).
 */
export const OPPORTUNITY_STAGES = [
    { name: 'Prospecting', probability: 10, forecastCategory: 'Pipeline', closed: false, won: false },
    { name: 'Qualification', probability: 10, forecastCategory: 'Pipeline', closed: false, won: false },
    { name: 'Needs Analysis', probability: 20, forecastCategory: 'Pipeline', closed: false, won: false },
    { name: 'Value Proposition', probability: 50, forecastCategory: 'Pipeline', closed: false, won: false },
    { name: 'Id. Decision Makers', probability: 60, forecastCategory: 'Pipeline', closed: false, won: false },
    { name: 'Perception Analysis', probability: 70, forecastCategory: 'Pipeline', closed: false, won: false },
    { name: 'Proposal/Price Quote', probability: 75, forecastCategory: 'Pipeline', closed: false, won: false },
    { name: 'Negotiation/Review', probability: 90, forecastCategory: 'Pipeline', closed: false, won: false },
    { name: 'Closed Won', probability: 100, forecastCategory: 'Closed', closed: true, won: true },
    { name: 'Closed Lost', probability: 0, forecastCategory: 'Omitted', closed: true, won: false }
];

const stageNamed = new Map(OPPORTUNITY_STAGES.map((stage) => [stage.name, stage]));

// Object Reference for the Salesforce Platform: Contact.Name and User.Name are the compound full name, read-only;
// Opportunity.IsClosed and IsWon follow from StageName (no Create or Update property).
const COMPOUND_NAME = 'the compound full name, written through FirstName and LastName';
const FROM_STAGE = 'set by the platform from StageName';

// A few of the platform's time zone keys; enough for the users the package's tests and the demo create.
const USER_TIME_ZONES = ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Paris', 'GMT'];

const fullName = (record) => [record.FirstName, record.LastName].filter(Boolean).join(' ') || null;

// Standard long text areas: Salesforce Field Reference, Description is textarea, length 32000.
const DESCRIPTION = { type: 'LongTextArea', length: 32000 };

/**
 * Standard objects by API name: key prefix, labels, the Name field, fields (besides Id and the audit fields every
 * object has), `known` fields by type only and `derive(record, prior)`, the platform's own before-save derivations.
 */
export const STANDARD_OBJECTS = {
    Account: {
        keyPrefix: '001',
        label: 'Account',
        pluralLabel: 'Accounts',
        nameField: text(255, { label: 'Account Name', required: true }),
        owned: true,
        fields: {
            Type: picklist(['Prospect', 'Customer - Direct', 'Customer - Channel', 'Partner', 'Other']),
            Industry: picklist([
                'Banking',
                'Biotechnology',
                'Education',
                'Energy',
                'Healthcare',
                'Insurance',
                'Manufacturing',
                'Retail',
                'Technology',
                'Transportation',
                'Other'
            ]),
            Website: { type: 'Url', length: 255 },
            Phone: { type: 'Phone', length: 40 },
            BillingCity: text(40),
            BillingCountry: text(80),
            NumberOfEmployees: { type: 'Number', precision: 8, scale: 0, label: 'Employees', displayType: 'INTEGER' },
            AnnualRevenue: { type: 'Currency', precision: 18, scale: 0 },
            ParentId: lookup('Account', 'Parent', 'SetNull', { label: 'Parent Account' }),
            Description: DESCRIPTION
        },
        known: {
            RecordTypeId: 'Lookup:RecordType',
            Rating: 'Picklist',
            AccountNumber: 'Text',
            Fax: 'Phone',
            Site: 'Text',
            BillingStreet: 'TextArea',
            BillingState: 'Text',
            BillingPostalCode: 'Text',
            ShippingStreet: 'TextArea',
            ShippingCity: 'Text',
            ShippingState: 'Text',
            ShippingPostalCode: 'Text',
            ShippingCountry: 'Text',
            LastActivityDate: 'Date',
            CurrencyIsoCode: 'Picklist'
        }
    },
    Contact: {
        keyPrefix: '003',
        label: 'Contact',
        pluralLabel: 'Contacts',
        // The full name is compound: the platform builds it from first and last name.
        nameField: readOnly(text(121, { label: 'Full Name' }), COMPOUND_NAME),
        owned: true,
        fields: {
            FirstName: text(40, { label: 'First Name' }),
            LastName: text(80, { label: 'Last Name', required: true }),
            Title: text(128),
            Department: text(80),
            Email: { type: 'Email', length: 80 },
            Phone: { type: 'Phone', length: 40 },
            AccountId: lookup('Account', 'Account', 'Cascade', { label: 'Account Name' }),
            ReportsToId: lookup('Contact', 'ReportsTo', 'SetNull', { label: 'Reports To' }),
            // Object Reference, Contact (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/
            // object_reference/sforce_api_objects_contact.htm): HasOptedOutOfEmail (label Email Opt Out), boolean,
            // defaulted on create to false; whether the contact has asked not to receive email (Messaging's
            // optOutPolicy reads it).
            HasOptedOutOfEmail: { type: 'Checkbox', label: 'Email Opt Out', defaultValue: 'false' }
        },
        known: {
            RecordTypeId: 'Lookup:RecordType',
            Salutation: 'Picklist',
            MobilePhone: 'Phone',
            LeadSource: 'Picklist',
            Birthdate: 'Date',
            Description: 'LongTextArea',
            MailingStreet: 'TextArea',
            MailingCity: 'Text',
            MailingState: 'Text',
            MailingPostalCode: 'Text',
            MailingCountry: 'Text',
            LastActivityDate: 'Date',
            CurrencyIsoCode: 'Picklist'
        },
        derive(record) {
            record.Name = fullName(record);
        }
    },
    Opportunity: {
        keyPrefix: '006',
        label: 'Opportunity',
        pluralLabel: 'Opportunities',
        nameField: text(120, { label: 'Opportunity Name', required: true }),
        owned: true,
        fields: {
            AccountId: lookup('Account', 'Account', 'Cascade', { label: 'Account Name' }),
            Amount: { type: 'Currency', precision: 16, scale: 2 },
            CloseDate: { type: 'Date', required: true, label: 'Close Date' },
            // Restricted like an org's sales process: a stage the org does not define cannot be saved.
            StageName: {
                type: 'Picklist',
                label: 'Stage',
                required: true,
                picklist: valueSet(
                    OPPORTUNITY_STAGES.map((stage) => stage.name),
                    { restricted: true }
                )
            },
            Probability: { type: 'Percent', precision: 3, scale: 0, label: 'Probability (%)' },
            ForecastCategoryName: picklist(['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'], {
                label: 'Forecast Category'
            }),
            Type: picklist([
                'New Customer',
                'Existing Customer - Upgrade',
                'Existing Customer - Replacement',
                'Existing Customer - Downgrade'
            ]),
            LeadSource: picklist(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'], {
                label: 'Lead Source'
            }),
            NextStep: text(255, { label: 'Next Step' }),
            Description: DESCRIPTION,
            IsClosed: readOnly({ type: 'Checkbox', label: 'Closed' }, FROM_STAGE),
            IsWon: readOnly({ type: 'Checkbox', label: 'Won' }, FROM_STAGE)
        },
        known: {
            RecordTypeId: 'Lookup:RecordType',
            ForecastCategory: 'Picklist',
            IsPrivate: 'Checkbox',
            ExpectedRevenue: 'Currency',
            TotalOpportunityQuantity: 'Number',
            HasOpenActivity: 'Checkbox',
            HasOverdueTask: 'Checkbox',
            HasOpportunityLineItem: 'Checkbox',
            LastActivityDate: 'Date',
            LastStageChangeDate: 'DateTime',
            PushCount: 'Number',
            FiscalYear: 'Number',
            FiscalQuarter: 'Number',
            Fiscal: 'Text',
            CampaignId: 'Lookup:Campaign',
            ContactId: 'Lookup:Contact',
            Pricebook2Id: 'Lookup:Pricebook2',
            CurrencyIsoCode: 'Picklist'
        },
        // The platform keeps probability and forecast category in step with the stage unless the same save sets
        // them, and derives IsClosed/IsWon from the stage.
        derive(record, prior) {
            const stage = stageNamed.get(record.StageName);
            if (!stage) return;
            const stageMoved = !prior || prior.StageName !== record.StageName;
            if (stageMoved && (!prior ? record.Probability == null : record.Probability === prior.Probability)) {
                record.Probability = stage.probability;
            }
            if (
                stageMoved &&
                (!prior
                    ? record.ForecastCategoryName == null
                    : record.ForecastCategoryName === prior.ForecastCategoryName)
            ) {
                record.ForecastCategoryName = stage.forecastCategory;
            }
            record.IsClosed = stage.closed;
            record.IsWon = stage.won;
        }
    },
    OpportunityContactRole: {
        keyPrefix: '00K',
        label: 'Contact Role',
        pluralLabel: 'Contact Roles',
        nameField: null,
        fields: {
            OpportunityId: lookup('Opportunity', 'Opportunity', 'Cascade', { required: true }),
            ContactId: lookup('Contact', 'Contact', 'Cascade', { required: true }),
            Role: picklist([
                'Business User',
                'Decision Maker',
                'Economic Buyer',
                'Economic Decision Maker',
                'Evaluator',
                'Executive Sponsor',
                'Influencer',
                'Technical Buyer',
                'Other'
            ]),
            IsPrimary: { type: 'Checkbox', label: 'Primary' }
        }
    },
    User: {
        keyPrefix: '005',
        label: 'User',
        pluralLabel: 'Users',
        nameField: readOnly(text(121, { label: 'Full Name' }), COMPOUND_NAME),
        fields: {
            FirstName: text(40, { label: 'First Name' }),
            LastName: text(80, { label: 'Last Name', required: true }),
            Username: text(80, { required: true }),
            Alias: text(8, { required: true }),
            Email: { type: 'Email', length: 128, required: true },
            Title: text(80),
            Department: text(80),
            IsActive: { type: 'Checkbox', label: 'Active', defaultValue: 'true' },
            UserRoleId: lookup('UserRole', 'UserRole', 'Restrict', { label: 'Role' }),
            ManagerId: lookup('User', 'Manager', 'SetNull', { label: 'Manager' }),
            // Object Reference, User: these are required on create (Email, Alias, ProfileId and the four locale
            // keys; Username and LastName above). The org's own first users get defaults (preview/org/bootstrap.mjs).
            ProfileId: lookup('Profile', 'Profile', 'Restrict', { label: 'Profile', required: true }),
            TimeZoneSidKey: picklist(USER_TIME_ZONES, { label: 'Time Zone', required: true }),
            LocaleSidKey: picklist(['en_US', 'en_GB', 'de_DE', 'fr_FR'], { label: 'Locale', required: true }),
            EmailEncodingKey: picklist(['UTF-8', 'ISO-8859-1'], { label: 'Email Encoding', required: true }),
            LanguageLocaleKey: picklist(['en_US', 'de', 'fr'], { label: 'Language', required: true })
        },
        known: {
            Division: 'Text',
            CompanyName: 'Text',
            CommunityNickname: 'Text',
            UserType: 'Picklist',
            ContactId: 'Lookup:Contact',
            AccountId: 'Lookup:Account',
            FederationIdentifier: 'Text',
            Phone: 'Phone',
            MobilePhone: 'Phone',
            SmallPhotoUrl: 'Url',
            FullPhotoUrl: 'Url',
            LastLoginDate: 'DateTime'
        },
        derive(record) {
            record.Name = fullName(record);
        }
    },
    UserRole: {
        keyPrefix: '00E',
        label: 'Role',
        pluralLabel: 'Roles',
        nameField: text(80, { label: 'Label', required: true }),
        setup: true,
        fields: {
            DeveloperName: text(80, { label: 'Role Name' }),
            ParentRoleId: lookup('UserRole', 'ParentRole', 'Restrict', { label: 'This role reports to' }),
            // Object Reference, UserRole: internal roles have PortalType 'None'.
            PortalType: picklist(['None', 'CustomerPortal', 'Partner'], { label: 'Portal Type', default: 'None' }),
            // Security guide, "Implicit Sharing" / "User Role Fields": what an account owner in this role may do
            // with the account's opportunities owned by others; a new role's default is no access.
            OpportunityAccessForAccountOwner: picklist(['None', 'Read', 'Edit'], {
                label: 'Opportunity Access',
                default: 'None'
            })
        }
    },
    // Permission sets are metadata: the org creates one record per permission set of the project and users get
    // them through assignments, which is how the running user's custom permissions ($Permission) are found.
    PermissionSet: {
        keyPrefix: '0PS',
        label: 'Permission Set',
        pluralLabel: 'Permission Sets',
        nameField: text(80, { label: 'API Name', required: true }),
        fields: {
            Label: text(80),
            Description: text(255),
            // The org stores the package's objects without a namespace (as a scratch org of the package does), so
            // its permission sets have none either.
            NamespacePrefix: readOnly(text(15, { label: 'Namespace Prefix' })),
            // Object Reference, PermissionSet: every profile owns a permission set holding its permissions
            // (IsOwnedByProfile, ProfileId); IsCustom is false for the sets of standard profiles. Permissions*
            // fields are the user permissions (ViewAllData, ModifyAllData, ...).
            IsOwnedByProfile: readOnly({ type: 'Checkbox', label: 'Is Owned By Profile' }),
            IsCustom: readOnly({ type: 'Checkbox', label: 'Is Custom' }),
            ProfileId: readOnly(lookup('Profile', 'Profile', 'Restrict', { label: 'Profile' })),
            PermissionsViewAllData: readOnly({ type: 'Checkbox', label: 'View All Data' }),
            PermissionsModifyAllData: readOnly({ type: 'Checkbox', label: 'Modify All Data' }),
            PermissionsCustomizeApplication: readOnly({ type: 'Checkbox', label: 'Customize Application' })
        },
        setup: true
    },
    // Object Reference, ObjectPermissions: the object permissions of a permission set (or of the set a profile
    // owns), one row per object it grants anything on. Query only here: the org writes the rows from the profiles
    // and the package's permission sets.
    ObjectPermissions: {
        keyPrefix: '110',
        label: 'Object Permissions',
        pluralLabel: 'Object Permissions',
        nameField: null,
        fields: {
            ParentId: readOnly(lookup('PermissionSet', 'Parent', 'Cascade', { label: 'Parent ID' })),
            SobjectType: readOnly(text(255, { label: 'Sobject Type Name' })),
            PermissionsRead: readOnly({ type: 'Checkbox', label: 'Read' }),
            PermissionsCreate: readOnly({ type: 'Checkbox', label: 'Create' }),
            PermissionsEdit: readOnly({ type: 'Checkbox', label: 'Edit' }),
            PermissionsDelete: readOnly({ type: 'Checkbox', label: 'Delete' }),
            PermissionsViewAllRecords: readOnly({ type: 'Checkbox', label: 'View All' }),
            PermissionsModifyAllRecords: readOnly({ type: 'Checkbox', label: 'Modify All' })
        },
        setup: true,
        readOnlyDml: true
    },
    // Object Reference, Profile: query() and describe only from Apex; the org creates the standard profiles.
    Profile: {
        keyPrefix: '00e',
        label: 'Profile',
        pluralLabel: 'Profiles',
        nameField: text(255, { label: 'Name', required: true }),
        fields: {
            UserType: readOnly(picklist(['Standard'], { label: 'User Type' })),
            Description: text(255)
        },
        setup: true,
        readOnlyDml: true
    },
    // Object Reference, OpportunityStage: describeSObjects(), query(), retrieve(): no DML. One row per stage of
    // the org's sales process (OPPORTUNITY_STAGES), in order.
    OpportunityStage: {
        keyPrefix: '01J',
        label: 'Opportunity Stage',
        pluralLabel: 'Opportunity Stages',
        nameField: null,
        nameFieldName: 'MasterLabel',
        fields: {
            ApiName: text(255, { label: 'API Name' }),
            MasterLabel: text(255, { label: 'Master Label' }),
            IsActive: { type: 'Checkbox', label: 'Is Active' },
            IsClosed: { type: 'Checkbox', label: 'Closed' },
            IsWon: { type: 'Checkbox', label: 'Won' },
            SortOrder: { type: 'Number', precision: 9, scale: 0, label: 'Sort Order', displayType: 'INTEGER' },
            DefaultProbability: { type: 'Percent', precision: 3, scale: 0, label: 'Probability (%)' },
            ForecastCategory: picklist(['Omitted', 'Pipeline', 'BestCase', 'Forecast', 'MostLikely', 'Closed'], {
                label: 'Forecast Category'
            }),
            ForecastCategoryName: picklist(['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'], {
                label: 'Forecast Category Name'
            }),
            Description: text(255)
        },
        setup: true,
        readOnlyDml: true
    },
    // Object Reference, BusinessHours (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/
    // object_reference/sforce_api_objects_businesshours.htm): the hours an org's team works (Setup > Business Hours).
    // Supported calls create(), query(), update() and the rest, no delete(); "All users, even those without the View
    // Setup and Configuration user permission, can view business hours via the API". Each weekday's StartTime and
    // EndTime (nillable Time; both midnight for 24 hours), TimeZoneSidKey, IsActive, IsDefault.
    BusinessHours: {
        keyPrefix: '01m',
        label: 'Business Hours',
        pluralLabel: 'Business Hours',
        nameField: text(80, { label: 'Business Hours Name', required: true }),
        fields: {
            IsActive: { type: 'Checkbox', label: 'Active', defaultValue: 'true' },
            IsDefault: { type: 'Checkbox', label: 'Default Business Hours' },
            TimeZoneSidKey: text(40, { label: 'Time Zone' }),
            // Each weekday's opening and closing time: MondayStartTime, MondayEndTime, ... SundayEndTime.
            ...Object.fromEntries(
                WEEKDAY_NAMES.flatMap((day) => [
                    [`${day}StartTime`, { type: 'Time', label: `${day} Start` }],
                    [`${day}EndTime`, { type: 'Time', label: `${day} End` }]
                ])
            )
        },
        sharingModel: 'Setup'
    },
    // Object Reference, Holiday (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/
    // object_reference/sforce_api_objects_holiday.htm): a day or part of one when the org does not work (Setup >
    // Holidays). Supported calls create(), delete(), query(), update() and the rest; "All users, even those without
    // the View Setup and Configuration user permission, can view holidays via the API". An all-day holiday's date is
    // ActivityDate; a recurring one (IsRecurrence) recurs by RecurrenceType between RecurrenceStartDate and
    // RecurrenceEndDateOnly, every RecurrenceInterval, on RecurrenceDayOfMonth or the RecurrenceInstance of the
    // weekdays in RecurrenceDayOfWeekMask, in RecurrenceMonthOfYear.
    Holiday: {
        keyPrefix: '0C0',
        label: 'Holiday',
        pluralLabel: 'Holidays',
        nameField: text(80, { label: 'Holiday Name', required: true }),
        fields: {
            ActivityDate: { type: 'Date', label: 'Holiday Date' },
            Description: text(100),
            IsAllDay: { type: 'Checkbox', label: 'All Day' },
            StartTimeInMinutes: integer('Start Time In Minutes From Midnight'),
            EndTimeInMinutes: integer('End Time In Minutes From Midnight'),
            IsRecurrence: { type: 'Checkbox', label: 'Recurring Holiday' },
            RecurrenceType: picklist(
                [
                    'RecursDaily',
                    'RecursEveryWeekday',
                    'RecursMonthly',
                    'RecursMonthlyNth',
                    'RecursWeekly',
                    'RecursYearly',
                    'RecursYearlyNth'
                ],
                { label: 'Recurrence Type' }
            ),
            RecurrenceStartDate: { type: 'Date', label: 'Recurrence Start' },
            RecurrenceEndDateOnly: { type: 'Date', label: 'Recurrence End' },
            RecurrenceInterval: integer('Recurrence Interval'),
            RecurrenceDayOfMonth: integer('Recurrence Day of Month'),
            RecurrenceDayOfWeekMask: integer('Recurrence Day of Week Mask'),
            RecurrenceInstance: picklist(['First', 'Second', 'Third', 'Fourth', 'Last'], {
                label: 'Recurrence Instance'
            }),
            RecurrenceMonthOfYear: picklist(MONTH_NAMES, { label: 'Recurrence Month of Year' })
        },
        sharingModel: 'Setup'
    },
    // Object Reference, UserRecordAccess: read only, query() only, and only with WHERE UserId = <one id> AND
    // RecordId = <id> or IN (<up to 200 ids>). Nothing is stored: org.userRecordAccess(userId, recordIds)
    // answers it from sharing.mjs.
    UserRecordAccess: {
        keyPrefix: null,
        label: 'User Record Access',
        pluralLabel: 'User Record Access',
        nameField: null,
        noAudit: true,
        fields: {
            UserId: lookup('User', 'User', 'SetNull', { label: 'User ID' }),
            RecordId: readOnly({ type: 'Id', label: 'Record ID', length: 18 }),
            HasReadAccess: readOnly({ type: 'Checkbox', label: 'Has Read Access' }),
            HasEditAccess: readOnly({ type: 'Checkbox', label: 'Has Edit Access' }),
            HasDeleteAccess: readOnly({ type: 'Checkbox', label: 'Has Delete Access' }),
            HasTransferAccess: readOnly({ type: 'Checkbox', label: 'Has Transfer Access' }),
            HasAllAccess: readOnly({ type: 'Checkbox', label: 'Has All Access' }),
            MaxAccessLevel: readOnly(
                picklist(['None', 'Read', 'Edit', 'Delete', 'Transfer', 'All'], { label: 'Maximum Access Level' })
            )
        },
        computed: true,
        readOnlyDml: true
    },
    PermissionSetAssignment: {
        keyPrefix: '0Pa',
        label: 'Permission Set Assignment',
        pluralLabel: 'Permission Set Assignments',
        nameField: null,
        setup: true,
        fields: {
            AssigneeId: lookup('User', 'Assignee', 'Cascade', { required: true }),
            PermissionSetId: lookup('PermissionSet', 'PermissionSet', 'Cascade', { required: true })
        }
    },
    // Object Reference, Task (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/
    // object_reference/sforce_api_objects_task.htm): an activity; its Subject names it (no Name field). WhoId is a
    // contact or lead, WhatId any other object that allows activities (both polymorphic). Status and Priority are
    // required and defaulted (the picklists a new org has: "Not Started" and "Normal"); TaskSubtype Email marks an
    // email activity. The organization-wide default for activities is Private (Salesforce Help, "Default
    // Organization-Wide Sharing Settings").
    Task: {
        keyPrefix: '00T',
        label: 'Task',
        pluralLabel: 'Tasks',
        owned: true,
        sharingModel: 'Private',
        nameFieldName: 'Subject',
        fields: {
            Subject: text(255),
            Status: picklist(['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], {
                default: 'Not Started',
                required: true
            }),
            Priority: picklist(['High', 'Normal', 'Low'], { default: 'Normal', required: true }),
            ActivityDate: { type: 'Date', label: 'Due Date Only' },
            Description: { ...DESCRIPTION, label: 'Comments' },
            WhoId: { type: 'Lookup', referenceTo: '*', relationshipName: 'Who', label: 'Name ID' },
            WhatId: { type: 'Lookup', referenceTo: '*', relationshipName: 'What', label: 'Related To ID' },
            TaskSubtype: picklist(['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], {
                label: 'Task Subtype'
            }),
            Type: picklist(['Call', 'Email', 'Meeting', 'Other'])
        },
        known: {
            IsClosed: 'Checkbox',
            IsHighPriority: 'Checkbox',
            AccountId: 'Lookup:Account',
            CompletedDateTime: 'DateTime',
            CallType: 'Picklist'
        }
    },
    // Object Reference, OpportunityHistory (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/
    // object_reference/sforce_api_objects_opportunityhistory.htm): "Represents the stage history of an
    // opportunity"; supported calls describeSObjects(), getDeleted(), getUpdated(), query(), retrieve() (no DML).
    // "This object represents the history of a change to the Amount, Probability, Stage, or Close Date fields of an
    // Opportunity"; "This object is read only. When a user or client application changes the value of one of the
    // fields mentioned above, a new record is generated"; "This object respects field-level security on the parent
    // object"; its records are deleted with their opportunity. ForecastCategory holds the API value (BestCase,
    // Closed, Forecast, MostLikely, Omitted, Pipeline); PrevAmount and PrevCloseDate the values before the update.
    // The org writes the rows on save (preview/org/opportunity-history.mjs); access follows the opportunity.
    OpportunityHistory: {
        keyPrefix: '008',
        label: 'Opportunity History',
        pluralLabel: 'Opportunity History',
        nameField: null,
        sharingModel: 'ControlledByParent',
        fields: {
            OpportunityId: lookup('Opportunity', 'Opportunity', 'Cascade', { label: 'Opportunity ID', required: true }),
            StageName: text(255, { label: 'Stage Name' }),
            Amount: { type: 'Currency', precision: 16, scale: 2 },
            CloseDate: { type: 'Date', label: 'Close Date' },
            Probability: { type: 'Percent', precision: 3, scale: 0 },
            ForecastCategory: picklist(['BestCase', 'Closed', 'Forecast', 'MostLikely', 'Omitted', 'Pipeline'], {
                label: 'To ForecastCategory'
            }),
            ExpectedRevenue: { type: 'Currency', precision: 16, scale: 2, label: 'Expected Revenue' },
            PrevAmount: { type: 'Currency', precision: 16, scale: 2, label: 'Previous Amount' },
            PrevCloseDate: { type: 'Date', label: 'Previous Close Date' }
        },
        known: { CurrencyIsoCode: 'Picklist' },
        readOnlyDml: true
    },
    ...SYSTEM_OBJECTS,
    // Known only: what formulas and the checks may name on them (global variables, standard lookups).
    RecordType: {
        stored: false,
        known: { Name: 'Text', DeveloperName: 'Text', SobjectType: 'Picklist', IsActive: 'Checkbox' }
    },
    Organization: {
        stored: false,
        known: { Name: 'Text', Division: 'Text', Country: 'Text', City: 'Text', DefaultLocaleSidKey: 'Picklist' }
    },
    Campaign: {
        stored: false,
        known: { Name: 'Text', Type: 'Picklist', Status: 'Picklist', IsActive: 'Checkbox' }
    },
    Pricebook2: { stored: false, known: { Name: 'Text', IsActive: 'Checkbox', IsStandard: 'Checkbox' } }
};

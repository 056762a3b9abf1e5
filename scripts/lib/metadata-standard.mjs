// What the cross-reference check knows about the platform's own objects, offline: a built-in list of the
// standard objects and fields a sales package touches, the system fields every custom object has, and, when
// another tool has generated scripts/lib/standard-objects.json, the objects and fields listed there. That file
// is optional and its format is not ours: it is read defensively and only ever adds names.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Field kinds: the CustomField <type> vocabulary, lower-cased, so standard and custom fields compare alike.
const STANDARD_FIELDS = {
    Opportunity: {
        Id: 'id',
        Name: 'text',
        AccountId: 'lookup',
        Amount: 'currency',
        CloseDate: 'date',
        StageName: 'picklist',
        Probability: 'percent',
        ForecastCategory: 'picklist',
        ForecastCategoryName: 'picklist',
        IsClosed: 'checkbox',
        IsWon: 'checkbox',
        IsPrivate: 'checkbox',
        Type: 'picklist',
        LeadSource: 'picklist',
        NextStep: 'text',
        Description: 'textarea',
        OwnerId: 'lookup',
        CampaignId: 'lookup',
        ContactId: 'lookup',
        Pricebook2Id: 'lookup',
        RecordTypeId: 'lookup',
        ExpectedRevenue: 'currency',
        TotalOpportunityQuantity: 'number',
        HasOpportunityLineItem: 'checkbox',
        HasOpenActivity: 'checkbox',
        HasOverdueTask: 'checkbox',
        Fiscal: 'text',
        FiscalQuarter: 'number',
        FiscalYear: 'number',
        LastActivityDate: 'date',
        LastStageChangeDate: 'datetime',
        PushCount: 'number',
        CurrencyIsoCode: 'picklist'
    },
    Account: {
        Id: 'id',
        Name: 'text',
        AccountNumber: 'text',
        Type: 'picklist',
        Industry: 'picklist',
        Rating: 'picklist',
        AnnualRevenue: 'currency',
        NumberOfEmployees: 'number',
        Phone: 'phone',
        Fax: 'phone',
        Website: 'url',
        Site: 'text',
        Description: 'textarea',
        ParentId: 'lookup',
        OwnerId: 'lookup',
        RecordTypeId: 'lookup',
        BillingStreet: 'textarea',
        BillingCity: 'text',
        BillingState: 'text',
        BillingPostalCode: 'text',
        BillingCountry: 'text',
        ShippingStreet: 'textarea',
        ShippingCity: 'text',
        ShippingState: 'text',
        ShippingPostalCode: 'text',
        ShippingCountry: 'text',
        LastActivityDate: 'date',
        CurrencyIsoCode: 'picklist'
    },
    Contact: {
        Id: 'id',
        Name: 'text',
        FirstName: 'text',
        LastName: 'text',
        Salutation: 'picklist',
        Title: 'text',
        Department: 'text',
        Email: 'email',
        Phone: 'phone',
        MobilePhone: 'phone',
        AccountId: 'lookup',
        ReportsToId: 'lookup',
        OwnerId: 'lookup',
        RecordTypeId: 'lookup',
        LeadSource: 'picklist',
        Birthdate: 'date',
        Description: 'textarea',
        MailingStreet: 'textarea',
        MailingCity: 'text',
        MailingState: 'text',
        MailingPostalCode: 'text',
        MailingCountry: 'text',
        HasOptedOutOfEmail: 'checkbox',
        LastActivityDate: 'date',
        CurrencyIsoCode: 'picklist'
    },
    User: {
        Id: 'id',
        Name: 'text',
        FirstName: 'text',
        LastName: 'text',
        Username: 'text',
        Alias: 'text',
        CommunityNickname: 'text',
        Email: 'email',
        Phone: 'phone',
        MobilePhone: 'phone',
        Title: 'text',
        Department: 'text',
        Division: 'text',
        CompanyName: 'text',
        IsActive: 'checkbox',
        ProfileId: 'lookup',
        UserRoleId: 'lookup',
        ManagerId: 'lookup',
        TimeZoneSidKey: 'picklist',
        LocaleSidKey: 'picklist',
        LanguageLocaleKey: 'picklist',
        EmailEncodingKey: 'picklist',
        UserType: 'picklist',
        SmallPhotoUrl: 'url',
        FullPhotoUrl: 'url',
        LastLoginDate: 'datetime'
    }
};

// System fields present on every object (standard or custom). Custom objects add Name and, unless they are
// the detail side of a master-detail relationship, OwnerId.
const SYSTEM_FIELDS = {
    Id: 'id',
    CreatedDate: 'datetime',
    CreatedById: 'lookup',
    LastModifiedDate: 'datetime',
    LastModifiedById: 'lookup',
    SystemModstamp: 'datetime',
    IsDeleted: 'checkbox',
    LastViewedDate: 'datetime',
    LastReferencedDate: 'datetime'
};

const CUSTOM_OBJECT_FIELDS = {
    Name: 'text',
    OwnerId: 'lookup',
    RecordTypeId: 'lookup',
    CurrencyIsoCode: 'picklist',
    LastActivityDate: 'date'
};

// Custom metadata records have these besides the system fields (their layouts show IsProtected and the audit
// fields, as every layout Salesforce generates for a type does).
const CUSTOM_METADATA_FIELDS = {
    ...SYSTEM_FIELDS,
    IsProtected: 'checkbox',
    DeveloperName: 'text',
    MasterLabel: 'text',
    Label: 'text',
    Language: 'picklist',
    NamespacePrefix: 'text',
    QualifiedApiName: 'text'
};

// Standard objects accepted as lookup targets, report-type bases and so on, without field details.
const STANDARD_OBJECTS = [
    ...Object.keys(STANDARD_FIELDS),
    'Lead',
    'Case',
    'Campaign',
    'CampaignMember',
    'Task',
    'Event',
    'Product2',
    'Pricebook2',
    'PricebookEntry',
    'OpportunityLineItem',
    'OpportunityContactRole',
    'OpportunityTeamMember',
    'Contract',
    'Order',
    'OrderItem',
    'Quote',
    'QuoteLineItem',
    'Asset',
    'Group',
    'RecordType',
    'Profile',
    'UserRole',
    'Organization',
    'Individual',
    'ContentDocument',
    'ContentVersion',
    'Note',
    'Attachment',
    'Solution',
    'Idea',
    'Entitlement',
    'ServiceContract',
    'WorkOrder'
];

const GENERATED = fileURLToPath(new URL('./standard-objects.json', import.meta.url));

/**
 * Objects and fields from the optional generated file, if it has a shape we recognise:
 * { objects: { Name: { fields: { Field: type } | [Field] } }, otherObjects: [Name] }. Anything else is ignored.
 */
function readGenerated() {
    const found = { fields: {}, objects: [] };
    if (!existsSync(GENERATED)) return found;
    try {
        const data = JSON.parse(readFileSync(GENERATED, 'utf8'));
        for (const [name, entry] of Object.entries(data?.objects ?? {})) {
            const fields = entry?.fields;
            const names = Array.isArray(fields) ? fields : Object.keys(fields ?? {});
            if (names.every((n) => typeof n === 'string')) found.fields[name] = names;
            found.objects.push(name);
        }
        if (Array.isArray(data?.otherObjects))
            found.objects.push(...data.otherObjects.filter((n) => typeof n === 'string'));
    } catch {
        // Not ours: a file we cannot read only means less knowledge, never a finding.
    }
    return found;
}

const generated = readGenerated();

/** Standard object names known offline. */
export const standardObjects = new Set([...STANDARD_OBJECTS, ...generated.objects]);

/**
 * Fields of a standard object as Map(name -> kind), or undefined when we know the object but not its fields
 * (every field name is then accepted). Kinds from the generated file are 'unknown'.
 */
export function standardFields(objectName) {
    const builtIn = STANDARD_FIELDS[objectName];
    const extra = generated.fields[objectName];
    if (!builtIn && !extra) return undefined;
    const fields = new Map(Object.entries(SYSTEM_FIELDS));
    for (const name of extra ?? []) fields.set(name, 'unknown');
    for (const [name, kind] of Object.entries(builtIn ?? {})) fields.set(name, kind);
    return fields;
}

/** The platform-provided fields of a custom object, custom metadata type or detail object. */
export function systemFieldsOf({ isCustomMetadata, isDetail }) {
    if (isCustomMetadata) return new Map(Object.entries(CUSTOM_METADATA_FIELDS));
    const fields = new Map(Object.entries({ ...SYSTEM_FIELDS, ...CUSTOM_OBJECT_FIELDS }));
    if (isDetail) fields.delete('OwnerId');
    return fields;
}

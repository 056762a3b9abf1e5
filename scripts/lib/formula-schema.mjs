// What a formula can refer to, read from the project's own metadata: objects and their fields (with the types
// that decide how a formula may use them), custom permissions, custom metadata records and custom labels.
// Standard objects are not in the project, so the few fields this package's formulas can reach are listed here.
import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { packageDirs, walk, readMetadataXml, first } from './sfdx.mjs';

// Standard fields by object. 'Lookup:X' marks a reference to X, so that `XId` also gives a relationship `X`
// (AccountId -> Account.Name); that is how Salesforce names standard relationships.
const COMMON_FIELDS = {
    Id: 'Id',
    CreatedDate: 'DateTime',
    CreatedById: 'Lookup:User',
    LastModifiedDate: 'DateTime',
    LastModifiedById: 'Lookup:User',
    SystemModstamp: 'DateTime',
    IsDeleted: 'Checkbox'
};

const STANDARD_OBJECTS = {
    Opportunity: {
        Name: 'Text',
        AccountId: 'Lookup:Account',
        OwnerId: 'Lookup:User',
        RecordTypeId: 'Lookup:RecordType',
        Amount: 'Currency',
        CloseDate: 'Date',
        StageName: 'Picklist',
        Probability: 'Percent',
        Type: 'Picklist',
        LeadSource: 'Picklist',
        ForecastCategory: 'Picklist',
        ForecastCategoryName: 'Picklist',
        IsClosed: 'Checkbox',
        IsWon: 'Checkbox',
        IsPrivate: 'Checkbox',
        NextStep: 'Text',
        Description: 'LongTextArea',
        ExpectedRevenue: 'Currency',
        TotalOpportunityQuantity: 'Number',
        HasOpenActivity: 'Checkbox',
        HasOverdueTask: 'Checkbox',
        HasOpportunityLineItem: 'Checkbox',
        LastActivityDate: 'Date',
        FiscalYear: 'Number',
        FiscalQuarter: 'Number',
        Fiscal: 'Text',
        CampaignId: 'Lookup:Campaign',
        ContactId: 'Lookup:Contact',
        Pricebook2Id: 'Lookup:Pricebook2'
    },
    Account: {
        Name: 'Text',
        OwnerId: 'Lookup:User',
        ParentId: 'Lookup:Account',
        RecordTypeId: 'Lookup:RecordType',
        Type: 'Picklist',
        Industry: 'Picklist',
        Rating: 'Picklist',
        AnnualRevenue: 'Currency',
        NumberOfEmployees: 'Number',
        AccountNumber: 'Text',
        Website: 'Url',
        Phone: 'Phone',
        BillingCountry: 'Text',
        BillingCity: 'Text',
        Description: 'LongTextArea'
    },
    Contact: {
        Name: 'Text',
        FirstName: 'Text',
        LastName: 'Text',
        Salutation: 'Picklist',
        Title: 'Text',
        Department: 'Text',
        Email: 'Email',
        Phone: 'Phone',
        MobilePhone: 'Phone',
        AccountId: 'Lookup:Account',
        OwnerId: 'Lookup:User',
        ReportsToId: 'Lookup:Contact'
    },
    User: {
        Name: 'Text',
        Username: 'Text',
        FirstName: 'Text',
        LastName: 'Text',
        Alias: 'Text',
        Email: 'Email',
        Title: 'Text',
        Department: 'Text',
        Division: 'Text',
        CompanyName: 'Text',
        IsActive: 'Checkbox',
        UserType: 'Picklist',
        ProfileId: 'Lookup:Profile',
        UserRoleId: 'Lookup:UserRole',
        ManagerId: 'Lookup:User',
        ContactId: 'Lookup:Contact',
        AccountId: 'Lookup:Account',
        FederationIdentifier: 'Text',
        TimeZoneSidKey: 'Picklist',
        LanguageLocaleKey: 'Picklist',
        LocaleSidKey: 'Picklist'
    },
    Profile: { Name: 'Text', UserType: 'Picklist' },
    UserRole: { Name: 'Text', DeveloperName: 'Text' },
    RecordType: { Name: 'Text', DeveloperName: 'Text', SobjectType: 'Picklist', IsActive: 'Checkbox' },
    Organization: { Name: 'Text', Division: 'Text', Country: 'Text', City: 'Text', DefaultLocaleSidKey: 'Picklist' },
    Campaign: { Name: 'Text', Type: 'Picklist', Status: 'Picklist', IsActive: 'Checkbox' },
    Pricebook2: { Name: 'Text', IsActive: 'Checkbox', IsStandard: 'Checkbox' }
};

// Fields every custom metadata type has, whatever the package declares.
const CMDT_FIELDS = {
    Id: 'Id',
    DeveloperName: 'Text',
    MasterLabel: 'Text',
    Label: 'Text',
    QualifiedApiName: 'Text',
    NamespacePrefix: 'Text',
    Language: 'Picklist'
};

// Global variables whose fields are those of a standard object. $Setup, $CustomMetadata, $Permission and $Label
// are resolved against the project instead.
export const GLOBAL_OBJECTS = {
    $User: 'User',
    $Profile: 'Profile',
    $UserRole: 'UserRole',
    $Organization: 'Organization'
};

/** The type name sformula uses for a metadata field type (undefined for types a formula cannot read). */
export function formulaType(metadataType) {
    switch (metadataType) {
        case 'Checkbox':
            return 'boolean';
        case 'Currency':
            return 'currency';
        case 'Number':
            return 'number';
        case 'Percent':
            return 'percent';
        case 'Date':
            return 'date';
        case 'DateTime':
            return 'datetime';
        case 'Time':
            return 'time';
        case 'Picklist':
            return 'picklist';
        case 'MultiselectPicklist':
            return 'multipicklist';
        case 'Id':
        case 'Lookup':
        case 'MasterDetail':
        case 'MetadataRelationship':
        case 'Hierarchy':
        case 'ExternalLookup':
            return 'id';
        case 'Text':
        case 'TextArea':
        case 'LongTextArea':
        case 'Html':
        case 'EncryptedText':
        case 'Email':
        case 'Phone':
        case 'Url':
        case 'AutoNumber':
            return 'string';
        default:
            return undefined;
    }
}

// Field types a formula field cannot reference, though a validation rule can. Salesforce Help, knowledge article
// 000385791 "Unable to create a formula field that has a rich text area field": "Rich text area fields cannot be used
// in a formula. They can be used in validation rules and workflow rules". Long text areas are refused the same way
// (Salesforce Help, "Tips for Building Formulas" considerations; a rich text area is a long text area with markup).
const NOT_IN_FORMULA_FIELDS = { LongTextArea: 'a long text area', Html: 'a rich text area' };

/** Why a formula field cannot reference `field` ('a long text area'), or undefined when it can. */
export function formulaFieldCannotReference(field) {
    return NOT_IN_FORMULA_FIELDS[field?.type];
}

/** How a type is called in Setup, for messages meant for admins and developers. */
export function typeLabel(type) {
    const labels = {
        boolean: 'Checkbox',
        currency: 'Currency',
        number: 'Number',
        percent: 'Percent',
        date: 'Date',
        datetime: 'Date/Time',
        time: 'Time',
        picklist: 'Picklist',
        multipicklist: 'Multi-Select Picklist',
        id: 'Id',
        string: 'Text',
        any: 'any'
    };
    return labels[type] ?? type;
}

const lower = (name) => name.toLowerCase();

// readMetadataXml makes arrays of elements two levels down, not of the root's own children: accept both.
const all = (node, name) => {
    const value = node?.[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

function readProjectFile(file) {
    return readFileSync(file, 'utf8');
}

function standardField(name, spec) {
    const [type, referenceTo] = spec.split(':');
    return { name, type: referenceTo ? 'Lookup' : type, referenceTo, standard: true };
}

function newObject(name) {
    return { name, fields: new Map(), custom: /__(c|mdt|e|x)$/i.test(name), isCustomMetadata: /__mdt$/i.test(name) };
}

/** Reads a `.field-meta.xml` into the facts formulas need; `file` and the XML are kept for line numbers. */
function readField(file) {
    const { root } = readMetadataXml(file);
    const name = first(root, 'fullName') ?? basename(file).replace(/\.field-meta\.xml$/, '');
    return {
        name,
        file,
        type: first(root, 'type'),
        formula: first(root, 'formula'),
        defaultValue: first(root, 'defaultValue'),
        referenceTo: first(root, 'referenceTo'),
        summaryOperation: first(root, 'summaryOperation'),
        summarizedField: first(root, 'summarizedField'),
        summaryForeignKey: first(root, 'summaryForeignKey'),
        scale: first(root, 'scale') === undefined ? undefined : Number(first(root, 'scale')),
        precision: first(root, 'precision') === undefined ? undefined : Number(first(root, 'precision')),
        length: first(root, 'length') === undefined ? undefined : Number(first(root, 'length')),
        blankAsZero: first(root, 'formulaTreatBlanksAs') !== 'BlankAsBlank',
        // Local picklist values (a global value set is not resolved): lets ISPICKVAL literals be checked.
        picklistValues: all(first(first(root, 'valueSet'), 'valueSetDefinition'), 'value').map((value) =>
            first(value, 'fullName')
        )
    };
}

/**
 * Loads everything a formula in the project can name. Objects are merged across package directories, since one
 * object's fields may be spread over several (the gates add fields to Opportunity from their own folder).
 */
export function loadSchema(root) {
    const dirs = packageDirs(root);
    const projectFile = JSON.parse(readProjectFile(join(root, 'sfdx-project.json')));
    const schema = {
        root,
        namespace: projectFile.namespace || '',
        objects: new Map(),
        validationRules: [],
        permissions: new Map(),
        customMetadataRecords: new Map(),
        labels: new Map()
    };
    const objectNamed = (name) => {
        if (!schema.objects.has(lower(name))) schema.objects.set(lower(name), newObject(name));
        return schema.objects.get(lower(name));
    };
    for (const [objectName, fields] of Object.entries(STANDARD_OBJECTS)) {
        const object = objectNamed(objectName);
        for (const [fieldName, spec] of Object.entries({ ...COMMON_FIELDS, ...fields })) {
            object.fields.set(lower(fieldName), standardField(fieldName, spec));
        }
    }
    const files = dirs.flatMap((dir) => walk(dir));
    for (const file of files) {
        const parts = file.split(sep);
        const objectsAt = parts.lastIndexOf('objects');
        if (file.endsWith('.object-meta.xml') && objectsAt === parts.length - 3) {
            const object = objectNamed(parts[objectsAt + 1]);
            const { root: xml } = readMetadataXml(file);
            object.file = file;
            object.nameFieldType = first(first(xml, 'nameField'), 'type');
            object.customSettingsType = first(xml, 'customSettingsType');
        } else if (file.endsWith('.field-meta.xml') && objectsAt === parts.length - 4) {
            const object = objectNamed(parts[objectsAt + 1]);
            const field = readField(file);
            object.fields.set(lower(field.name), field);
        } else if (file.endsWith('.validationRule-meta.xml') && objectsAt === parts.length - 4) {
            const { root: xml } = readMetadataXml(file);
            schema.validationRules.push({
                object: parts[objectsAt + 1],
                name: first(xml, 'fullName') ?? basename(file).replace(/\.validationRule-meta\.xml$/, ''),
                file,
                formula: first(xml, 'errorConditionFormula'),
                active: first(xml, 'active') !== 'false',
                errorMessage: first(xml, 'errorMessage'),
                errorDisplayField: first(xml, 'errorDisplayField')
            });
        } else if (file.endsWith('.customPermission-meta.xml')) {
            const name = basename(file).replace(/\.customPermission-meta\.xml$/, '');
            schema.permissions.set(lower(name), { name, file });
        } else if (file.endsWith('.md-meta.xml') && basename(dirname(file)) === 'customMetadata') {
            const fullName = basename(file).replace(/\.md-meta\.xml$/, '');
            const dot = fullName.indexOf('.');
            const type = `${fullName.slice(0, dot)}__mdt`;
            const record = fullName.slice(dot + 1);
            schema.customMetadataRecords.set(lower(`${type}.${record}`), {
                type,
                record,
                file,
                values: readCmdtValues(file)
            });
        } else if (file.endsWith('.labels-meta.xml')) {
            const { root: xml } = readMetadataXml(file);
            for (const label of all(xml, 'labels')) {
                schema.labels.set(lower(first(label, 'fullName')), {
                    name: first(label, 'fullName'),
                    value: first(label, 'value')
                });
            }
        }
    }
    for (const object of schema.objects.values()) {
        if (!object.custom) continue;
        const isDetail = [...object.fields.values()].some((field) => field.type === 'MasterDetail');
        const implicit = object.isCustomMetadata
            ? CMDT_FIELDS
            : {
                  ...COMMON_FIELDS,
                  Name: object.nameFieldType === 'AutoNumber' ? 'AutoNumber' : 'Text',
                  // A detail record has no owner of its own: its parent's owner governs it.
                  ...(isDetail || object.customSettingsType ? {} : { OwnerId: 'Lookup:User' }),
                  ...(object.customSettingsType
                      ? { SetupOwnerId: 'Lookup:User' }
                      : { RecordTypeId: 'Lookup:RecordType' })
              };
        for (const [fieldName, spec] of Object.entries(implicit)) {
            if (!object.fields.has(lower(fieldName)))
                object.fields.set(lower(fieldName), standardField(fieldName, spec));
        }
    }
    return schema;
}

/** A custom metadata record's values as raw strings (null for xsi:nil); typed later from the type's fields. */
function readCmdtValues(file) {
    const { root } = readMetadataXml(file);
    const values = {};
    for (const entry of all(root, 'values')) {
        const field = first(entry, 'field');
        const value = first(entry, 'value');
        if (value === undefined || (typeof value === 'object' && first(value, '@_xsi:nil') === 'true')) {
            values[field] = null;
        } else {
            values[field] = typeof value === 'object' ? (value['#text'] ?? '') : value;
        }
    }
    return values;
}

/** Strips this package's namespace prefix: sources name their own components without it. */
export function withoutNamespace(schema, name) {
    const prefix = schema.namespace ? `${schema.namespace}__` : '';
    return prefix && name.toLowerCase().startsWith(prefix.toLowerCase()) ? name.slice(prefix.length) : name;
}

export function findObject(schema, name) {
    return schema.objects.get(lower(withoutNamespace(schema, name)));
}

export function findField(object, name) {
    return object?.fields.get(lower(name));
}

/** The sformula type of a field, following roll-ups to the field they summarize. */
export function fieldFormulaType(schema, field) {
    if (field.type === 'Summary') {
        if (field.summaryOperation === 'count' || !field.summarizedField) return 'number';
        const [objectName, fieldName] = field.summarizedField.split('.');
        const summarized = findField(findObject(schema, objectName), fieldName);
        return summarized ? fieldFormulaType(schema, summarized) : 'number';
    }
    return formulaType(field.type);
}

/** A metadata record value (always a string in XML) as the JS value a formula sees, given the field's type. */
export function typedValue(type, raw) {
    if (raw === null || raw === undefined) return type === 'boolean' ? false : null;
    switch (type) {
        case 'boolean':
            return raw === true || raw === 'true';
        case 'number':
        case 'currency':
        case 'percent':
            return raw === '' ? null : Number(raw);
        default:
            return raw === '' ? null : String(raw);
    }
}

/** Line (1-based) in `file` where the text of element `tag` starts, skipping the whitespace the parser trims. */
export function elementLine(file, tag) {
    if (!file || !existsSync(file)) return undefined;
    const text = readProjectFile(file);
    const match = new RegExp(`<${tag}>(\\s*)`).exec(text);
    if (!match) return undefined;
    const upTo = text.slice(0, match.index) + match[1];
    return upTo.split('\n').length;
}

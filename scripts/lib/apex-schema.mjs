// The SObject schema the Apex checks resolve names against, built offline: standard objects from
// standard-objects.json (generated from the Apex language server's jar), custom objects and fields from the
// project's own metadata. Names are case-insensitive, as in Apex and SOQL, and the project's namespace prefix is
// optional (`tandem__Plan__c` and `Plan__c` are the same field).
import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDirs, walk, readMetadataXml, first } from './sfdx.mjs';

const STANDARD = JSON.parse(
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'standard-objects.json'), 'utf8')
);

// Fields every custom object has, whatever its own metadata says. RecordTypeId and OwnerId are added only when
// the object really has them (record types defined; not the detail side of a master-detail).
const CUSTOM_OBJECT_FIELDS = [
    'Id',
    'Name',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp',
    'IsDeleted',
    'LastViewedDate',
    'LastReferencedDate',
    'LastActivityDate',
    'CurrencyIsoCode'
];
const AUDIT_RELATIONSHIPS = { CreatedBy: 'User', LastModifiedBy: 'User' };
// Child relationships the platform gives every custom object (activities, files, approvals, sharing, history).
const CUSTOM_OBJECT_CHILDREN = {
    ActivityHistories: 'ActivityHistory',
    AttachedContentDocuments: 'AttachedContentDocument',
    Attachments: 'Attachment',
    CombinedAttachments: 'CombinedAttachment',
    ContentDocumentLinks: 'ContentDocumentLink',
    DuplicateRecordItems: 'DuplicateRecordItem',
    Events: 'Event',
    Notes: 'Note',
    NotesAndAttachments: 'NoteAndAttachment',
    OpenActivities: 'OpenActivity',
    ProcessInstances: 'ProcessInstance',
    ProcessSteps: 'ProcessInstanceHistory',
    RecordActions: 'RecordAction',
    Tasks: 'Task'
};
const METADATA_TYPE_FIELDS = [
    'Id',
    'DeveloperName',
    'MasterLabel',
    'Label',
    'Language',
    'NamespacePrefix',
    'QualifiedApiName',
    'SystemModstamp'
];
const CUSTOM_SETTING_FIELDS = [
    'Id',
    'Name',
    'SetupOwnerId',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp',
    'IsDeleted'
];
// Audit fields: the platform sets them on every save and Apex cannot assign them (Apex Developer Guide, "Assignment
// Statements": `a.CreatedDate = System.today()` "is invalid because createdDate is read-only").
const AUDIT_FIELDS = new Set(['createdbyid', 'createddate', 'lastmodifiedbyid', 'lastmodifieddate', 'systemmodstamp']);

// Standard fields Apex cannot assign that standard-objects.json (Apex types only) cannot tell apart. Object Reference
// for the Salesforce Platform: Opportunity.IsClosed and IsWon follow from StageName (no Create or Update property);
// Contact.Name and User.Name are the compound full name, read-only, written through FirstName and LastName.
const STANDARD_READ_ONLY = {
    Opportunity: { IsClosed: 'set by the platform from StageName', IsWon: 'set by the platform from StageName' },
    Contact: { Name: 'the compound full name, written through FirstName and LastName' },
    User: { Name: 'the compound full name, written through FirstName and LastName' }
};

// Standard long text areas (Salesforce Field Reference: Description is textarea, length 32000), which SOQL cannot
// filter; standard-objects.json only knows they are Strings.
const STANDARD_LONG_TEXT = { Opportunity: ['Description'], Account: ['Description'], Contact: ['Description'] };

// Why a custom field of each CustomField <type> cannot be assigned in Apex (it is calculated by the platform).
const CALCULATED_TYPES = { Summary: 'a roll-up summary field', AutoNumber: 'an auto-number field' };

const RELATIONSHIP_TYPES = new Set([
    'Lookup',
    'MasterDetail',
    'Hierarchy',
    'MetadataRelationship',
    'ExternalLookup',
    'IndirectLookup'
]);

/** One object: canonical name, fields, relationships to parents and child relationships, all case-insensitive. */
class SObjectInfo {
    /** `open` objects are known to exist but their fields are not: every name on them is accepted. */
    constructor(name, namespace, open = false) {
        this.name = name;
        this.open = open;
        this.namespace = namespace;
        this.fields = new Map();
        // What the metadata says about a field, where known: { type, readOnly } (see fieldType, readOnlyReason).
        this.facts = new Map();
        this.relationships = new Map();
        this.children = new Map();
    }

    key(name) {
        return normalise(name, this.namespace);
    }

    addField(name, facts) {
        this.fields.set(this.key(name), name);
        if (facts) this.facts.set(this.key(name), { ...this.facts.get(this.key(name)), ...facts });
    }

    addRelationship(name, target) {
        this.relationships.set(this.key(name), target);
    }

    addChild(name, childObject) {
        this.children.set(this.key(name), childObject);
    }

    /** Canonical name of field `name`, or undefined. */
    field(name) {
        return this.fields.get(this.key(name));
    }

    /**
     * The CustomField <type> of a field ('LongTextArea', 'Html', 'Summary'...) where the metadata tells it: every
     * custom field, and the few standard fields listed above. Undefined when unknown.
     */
    fieldType(name) {
        return this.facts.get(this.key(name))?.type;
    }

    /**
     * Why Apex cannot assign field `name` ('a formula field', 'an audit field'...), or undefined when it can or the
     * schema cannot tell. Id is assignable: `new Account(Id = someId)` names a record to update.
     */
    readOnlyReason(name) {
        return this.facts.get(this.key(name))?.readOnly;
    }

    /** Object name a relationship points at ('*' when polymorphic over any object), or undefined. */
    relationship(name) {
        return this.relationships.get(this.key(name));
    }

    /** Object name behind a child relationship (as used in a subquery's FROM), or undefined. */
    child(name) {
        return this.children.get(this.key(name));
    }
}

/** Lower-cased name without the project's namespace prefix. */
function normalise(name, namespace) {
    const lower = name.toLowerCase();
    const prefix = namespace ? `${namespace.toLowerCase()}__` : undefined;
    // Only strip when what remains is still a suffixed custom name: `tandem__Plan__c`, not a field named `tandem__x`.
    if (prefix && lower.startsWith(prefix) && lower.slice(prefix.length).includes('__')) {
        return lower.slice(prefix.length);
    }
    return lower;
}

function standardObject(name, namespace) {
    const data = STANDARD.objects[name];
    const info = new SObjectInfo(name, namespace);
    for (const field of Object.keys(data.fields)) info.addField(field, auditFacts(field));
    const readOnly = STANDARD_READ_ONLY[name] ?? {};
    for (const [field, reason] of Object.entries(readOnly)) info.addField(field, { readOnly: reason });
    for (const field of STANDARD_LONG_TEXT[name] ?? []) info.addField(field, { type: 'LongTextArea' });
    for (const [relationship, target] of Object.entries(data.relationships)) info.addRelationship(relationship, target);
    for (const [child, childObject] of Object.entries(data.children)) info.addChild(child, childObject);
    return info;
}

/** Reads objects/<Object>/<Object>.object-meta.xml and objects/<Object>/fields/*.field-meta.xml everywhere. */
function readProjectObjects(root) {
    const objects = new Map();
    const entry = (name) => {
        if (!objects.has(name)) objects.set(name, { name, meta: undefined, fields: [], hasRecordTypes: false });
        return objects.get(name);
    };
    for (const dir of packageDirs(root)) {
        for (const file of walk(dir, (path) => /[/\\]objects[/\\]/.test(path))) {
            if (file.endsWith('.object-meta.xml')) {
                entry(basename(file, '.object-meta.xml')).meta = readMetadataXml(file).root;
            } else if (file.endsWith('.field-meta.xml') && basename(dirname(file)) === 'fields') {
                const object = entry(basename(dirname(dirname(file))));
                object.fields.push({ name: basename(file, '.field-meta.xml'), meta: readMetadataXml(file).root });
            } else if (file.endsWith('.recordType-meta.xml')) {
                entry(basename(dirname(dirname(file)))).hasRecordTypes = true;
            }
        }
    }
    return [...objects.values()];
}

const auditFacts = (field) => (AUDIT_FIELDS.has(field.toLowerCase()) ? { readOnly: 'an audit field' } : undefined);

/** The standard part of a custom object, custom setting or custom metadata type, before its own fields. */
function customObjectBase(project, namespace) {
    const { name, meta, fields, hasRecordTypes } = project;
    const info = new SObjectInfo(name, namespace);
    if (name.endsWith('__mdt')) {
        METADATA_TYPE_FIELDS.forEach((field) => info.addField(field));
        return info;
    }
    if (first(meta, 'customSettingsType')) {
        CUSTOM_SETTING_FIELDS.forEach((field) => info.addField(field, auditFacts(field)));
        info.addRelationship('SetupOwner', '*');
        Object.entries(AUDIT_RELATIONSHIPS).forEach(([rel, target]) => info.addRelationship(rel, target));
        return info;
    }
    CUSTOM_OBJECT_FIELDS.forEach((field) => info.addField(field, auditFacts(field)));
    // An auto-number record name is generated on insert (CustomObject nameField of type AutoNumber).
    if (first(first(meta, 'nameField'), 'type') === 'AutoNumber') {
        info.addField('Name', { type: 'AutoNumber', readOnly: CALCULATED_TYPES.AutoNumber });
    }
    Object.entries(AUDIT_RELATIONSHIPS).forEach(([rel, target]) => info.addRelationship(rel, target));
    Object.entries(CUSTOM_OBJECT_CHILDREN).forEach(([child, childObject]) => info.addChild(child, childObject));
    const base = name.slice(0, -'__c'.length);
    info.addChild('Shares', `${base}__Share`);
    info.addChild('Histories', `${base}__History`);
    info.addChild('Feeds', `${base}__Feed`);
    // The detail side of a master-detail has no owner: the master's owner stands for it.
    const isDetail = fields.some((field) => first(field.meta, 'type') === 'MasterDetail');
    if (!isDetail) {
        info.addField('OwnerId');
        info.addRelationship('Owner', 'Name');
    }
    if (hasRecordTypes) {
        info.addField('RecordTypeId');
        info.addRelationship('RecordType', 'RecordType');
    }
    return info;
}

/** X__Share and X__History of a custom object X__c have the same shape for every object; X__Feed stays open. */
function customCompanion(kind, parentName, namespace) {
    const base = parentName.slice(0, -'__c'.length);
    const info = new SObjectInfo(`${base}__${kind}`, namespace, kind === 'Feed');
    const fields =
        kind === 'Share'
            ? ['Id', 'ParentId', 'UserOrGroupId', 'AccessLevel', 'RowCause', 'LastModifiedDate', 'LastModifiedById']
            : ['Id', 'ParentId', 'CreatedById', 'CreatedDate', 'Field', 'DataType', 'OldValue', 'NewValue'];
    [...fields, 'IsDeleted'].forEach((field) => info.addField(field));
    info.addRelationship('Parent', parentName);
    if (kind === 'Share') {
        info.addRelationship('UserOrGroup', '*');
        info.addRelationship('LastModifiedBy', 'User');
    } else {
        info.addRelationship('CreatedBy', 'User');
    }
    return info;
}

/** Adds a custom field, its relationship if it is a lookup, and the child relationship on the parent. */
function addCustomField(info, field, objects) {
    const type = first(field.meta, 'type');
    // A field with a <formula> is a formula field whatever its return <type>; roll-ups and auto-numbers are
    // calculated too. Apex cannot assign any of them (the compiler's "Field is not writeable").
    const readOnly =
        first(field.meta, 'formula') !== undefined ? 'a formula field' : (CALCULATED_TYPES[type] ?? undefined);
    info.addField(field.name, { type, ...(readOnly ? { readOnly } : {}) });
    if (type === 'Location') {
        // A geolocation field is also readable as its two components.
        const base = field.name.slice(0, -'__c'.length);
        info.addField(`${base}__Latitude__s`);
        info.addField(`${base}__Longitude__s`);
    }
    if (!RELATIONSHIP_TYPES.has(type) || !field.name.endsWith('__c')) return;
    const target = type === 'Hierarchy' ? 'User' : (first(field.meta, 'referenceTo') ?? '*');
    info.addRelationship(`${field.name.slice(0, -'__c'.length)}__r`, target);
    const relationshipName = first(field.meta, 'relationshipName');
    const parent = objects.get(normalise(target, info.namespace));
    if (relationshipName && parent) parent.addChild(`${relationshipName}__r`, info.name);
}

/**
 * Builds the schema of the project at `root`. `object(name)` returns an SObjectInfo or undefined if no such object
 * exists; standard objects that standard-objects.json only names come back `open` (fields not checked).
 */
export function loadSchema(root) {
    const projectFile = join(root, 'sfdx-project.json');
    const namespace = existsSync(projectFile) ? JSON.parse(readFileSync(projectFile, 'utf8')).namespace || '' : '';
    const objects = new Map();
    const add = (info) => objects.set(normalise(info.name, namespace), info);
    for (const name of Object.keys(STANDARD.objects)) add(standardObject(name, namespace));

    const projectObjects = readProjectObjects(root);
    for (const project of projectObjects) {
        const key = normalise(project.name, namespace);
        if (/__(c|mdt)$/.test(project.name)) {
            add(customObjectBase(project, namespace));
            if (project.name.endsWith('__c') && !first(project.meta, 'customSettingsType')) {
                for (const kind of ['Share', 'History', 'Feed']) add(customCompanion(kind, project.name, namespace));
            }
        } else if (!objects.has(key)) {
            // Platform events, big and external objects, and standard objects this package extends that
            // standard-objects.json does not describe: known to exist, fields not checked.
            add(new SObjectInfo(project.name, namespace, true));
        }
    }
    // Fields second: a lookup adds a child relationship to its parent, which must exist by then.
    for (const project of projectObjects) {
        const info = objects.get(normalise(project.name, namespace));
        for (const field of project.fields) addCustomField(info, field, objects);
    }

    const otherStandard = new Map(STANDARD.otherObjects.map((name) => [name.toLowerCase(), name]));
    return {
        namespace,
        object(name) {
            const key = normalise(name, namespace);
            if (objects.has(key)) return objects.get(key);
            return otherStandard.has(key) ? new SObjectInfo(otherStandard.get(key), namespace, true) : undefined;
        }
    };
}

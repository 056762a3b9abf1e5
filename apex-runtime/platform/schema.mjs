// Schema: SObjectType and SObjectField tokens and the describe results behind them (Apex Developer Guide,
// "Understanding Apex Describe Information" and "Using Field Tokens"; Apex Reference, "Schema Class",
// "SObjectType Class", "SObjectField Class", "DescribeSObjectResult Class", "DescribeFieldResult Class",
// "PicklistEntry Class"). Facts come from the org's describe (preview/org/describe.mjs); what depends on the user
// (isAccessible, isCreateable, isUpdateable, isDeletable) is asked of org.access for the RUNNING user at the time
// of the call, so a describe result taken before System.runAs answers for the user inside it.
//
// Tokens are made once per org schema and object/field, so `==`, Set and Map keys compare them by identity.
import { ApexSObject } from '../values/sobject.mjs';
import { ApexList, ApexMap } from '../values/collections.mjs';
import { toId18 } from '../values/ids.mjs';
import { defineNative } from '../interpreter/natives.mjs';
import { DisplayType } from './enums.mjs';
import { newEventSObject } from './events.mjs';

const lower = (name) => String(name).toLowerCase();
const T_STRING = { name: 'String' };

export class SObjectTypeToken {
    constructor(schema, objectName) {
        this.schema = schema;
        this.name = objectName;
    }
}

export class SObjectFieldToken {
    constructor(schema, objectName, fieldName) {
        this.schema = schema;
        this.objectName = objectName;
        this.name = fieldName;
    }
}

export class DescribeSObjectResult {
    constructor(token) {
        this.token = token;
    }
}

/** Schema.SObjectTypeFields: `describe.fields` (getMap(), or `.FieldName` for a DescribeFieldResult). */
export class SObjectTypeFields {
    constructor(token) {
        this.token = token;
    }
}

export class DescribeFieldResult {
    constructor(token) {
        this.token = token;
    }
}

export class PicklistEntry {
    constructor({ value, label, active, defaultValue }) {
        Object.assign(this, { value, label, active, defaultValue });
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Lookups.

const tokenCache = new WeakMap(); // schema -> Map(key -> token)

function cached(schema, key, make) {
    if (!tokenCache.has(schema)) tokenCache.set(schema, new Map());
    const cache = tokenCache.get(schema);
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key);
}

/** The org schema's object, a custom metadata type ({ name, custom metadata }) or null. */
function findObject(schema, name) {
    try {
        return schema.object(name);
    } catch {
        const type = schema.customMetadataTypes?.get(lower(name));
        return type ? { name: type.name, customMetadata: type } : null;
    }
}

/** The Schema.SObjectType token of an object (canonical name), or null when the org has no such object. */
export function sobjectTypeToken(rt, name) {
    const schema = rt.org.schema;
    const object = findObject(schema, name);
    if (!object) return null;
    return cached(schema, `o:${lower(object.name)}`, () => new SObjectTypeToken(schema, object.name));
}

/** The Schema.SObjectField token of a field, or null. */
export function sobjectFieldToken(rt, objectName, fieldName) {
    const schema = rt.org.schema;
    const object = findObject(schema, objectName);
    const field = object?.field?.(fieldName);
    if (!field) return null;
    return cached(
        schema,
        `f:${lower(object.name)}.${lower(field.name)}`,
        () => new SObjectFieldToken(schema, object.name, field.name)
    );
}

const describeOf = (token) => cached(token.schema, `d:${lower(token.name)}`, () => new DescribeSObjectResult(token));
const fieldsOf = (token) => cached(token.schema, `fs:${lower(token.name)}`, () => new SObjectTypeFields(token));
const fieldDescribeOf = (token) =>
    cached(token.schema, `df:${lower(token.objectName)}.${lower(token.name)}`, () => new DescribeFieldResult(token));

const objectDef = (token) => token.schema.object(token.name);
const fieldDef = (token) => token.schema.object(token.objectName).field(token.name);

/** The running user's object permissions (custom metadata types included: the org answers them too). */
function objectAccess(rt, name) {
    if (typeof rt.org.access !== 'function') rt.unsupported('object permissions (org.access) in this org');
    return rt.org.access(rt.userId).object(name);
}

function fieldAccess(rt, token) {
    if (typeof rt.org.access !== 'function') rt.unsupported('field-level security (org.access) in this org');
    return rt.org.access(rt.userId).field(token.objectName, token.name);
}

/** Schema.SObjectType.X / Account.SObjectType.getDescribe(): the describe of an object, or a compile error. */
export function describeSObject(rt, name) {
    const token = sobjectTypeToken(rt, name);
    if (!token) compileError(rt, `Invalid type: Schema.SObjectType.${name}`);
    return describeOf(token);
}

function compileError(rt, message) {
    if (typeof rt.compileError === 'function') rt.compileError(message);
    rt.unsupported(message);
}

// ---------------------------------------------------------------------------------------------------------------
// Describe maps: Apex Reference, "Schema Class" (getGlobalDescribe) and "DescribeSObjectResult Class"
// (fields.getMap()): keys are lower case and looked up case-insensitively.

class DescribeMap extends ApexMap {
    entry(key, rt) {
        return super.entry(typeof key === 'string' ? lower(key) : key, rt);
    }
}

function globalDescribe(rt) {
    const schema = rt.org.schema;
    const map = new DescribeMap(T_STRING, { name: 'Schema.SObjectType' }, rt);
    for (const object of schema.objects.values()) map.set(lower(object.name), sobjectTypeToken(rt, object.name), rt);
    for (const type of schema.customMetadataTypes?.values() ?? []) {
        map.set(lower(type.name), sobjectTypeToken(rt, type.name), rt);
    }
    return map;
}

function fieldMap(rt, token) {
    const object = findObject(token.schema, token.name);
    if (!object.fieldList) rt.unsupported(`fields of the custom metadata type ${token.name}`);
    const map = new DescribeMap(T_STRING, { name: 'Schema.SObjectField' }, rt);
    for (const field of object.fieldList) map.set(lower(field.name), sobjectFieldToken(rt, token.name, field.name), rt);
    return map;
}

// ---------------------------------------------------------------------------------------------------------------
// Native classes.

const same = (rt, self, [other]) => self === other;

/** Catch-all for `Schema.SObjectType.X`: the DescribeSObjectResult of X. */
const schemaSObjectType = {};

defineNative({
    name: 'Schema',
    isInstance: () => false,
    staticMethods: {
        // Apex Reference, "Schema Class": getGlobalDescribe() -> Map<String, Schema.SObjectType>.
        getglobaldescribe: (rt) => globalDescribe(rt),
        describesobjects: (rt) => rt.unsupported('Schema.describeSObjects'),
        describetabs: (rt) => rt.unsupported('Schema.describeTabs'),
        describedatacategorygroups: (rt) => rt.unsupported('Schema.describeDataCategoryGroups')
    },
    // Should the interpreter resolve `Schema` as this class before `Schema.SObjectType` as a class name.
    staticProperty: (rt, name) => (lower(name) === 'sobjecttype' ? schemaSObjectType : rt.unsupported(`Schema.${name}`))
});

defineNative({
    name: 'SObjectTypeNamespace',
    namespace: 'Schema',
    isInstance: (value) => value === schemaSObjectType,
    property: (rt, self, name) => describeSObject(rt, name)
});

defineNative({
    name: 'SObjectType',
    namespace: 'Schema',
    isInstance: (value) => value instanceof SObjectTypeToken,
    staticProperty: (rt, name) => describeSObject(rt, name),
    instanceMethods: {
        getdescribe: (rt, self) => describeOf(self),
        // Apex Reference, "SObjectType Class": newSObject(), newSObject(id), newSObject(recordTypeId, loadDefaults).
        newsobject: (rt, self, args) => {
            const object = findObject(self.schema, self.name);
            // "Publish Event Messages with Apex": newSObject(null, true) prepopulates a platform event's EventUuid.
            if (args.length === 2 && args[1] === true && args[0] === null && object.platformEvent) {
                return newEventSObject(rt, object);
            }
            if (args.length === 2 && args[1] === true)
                rt.unsupported('SObjectType.newSObject(recordTypeId, true) (loadDefaults)');
            const sobject = new ApexSObject(self.name, { schema: object.fieldList ? object : null });
            if (args.length === 1 && args[0] !== null) sobject.put('Id', toId18(args[0]) ?? args[0], rt);
            if (args.length === 2 && args[0] !== null) rt.unsupported('SObjectType.newSObject(recordTypeId, false)');
            return sobject;
        },
        tostring: (rt, self) => self.name,
        equals: same,
        hashcode: (rt, self) => [...self.name.toLowerCase()].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0)
    }
});

defineNative({
    name: 'SObjectField',
    namespace: 'Schema',
    isInstance: (value) => value instanceof SObjectFieldToken,
    instanceMethods: {
        getdescribe: (rt, self) => fieldDescribeOf(self),
        tostring: (rt, self) => self.name,
        equals: same,
        hashcode: (rt, self) => [...self.name.toLowerCase()].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0)
    }
});

function objectFacts(rt, self) {
    const object = findObject(self.token.schema, self.token.name);
    if (object.customMetadata) {
        // Custom metadata types (Apex Developer Guide, "Custom Metadata Types"): records are read-only to Apex DML.
        return {
            name: object.name,
            label: object.name,
            labelPlural: object.name,
            keyPrefix: null,
            custom: true,
            readOnly: true
        };
    }
    return { ...object.describe, readOnly: false };
}

defineNative({
    name: 'DescribeSObjectResult',
    namespace: 'Schema',
    isInstance: (value) => value instanceof DescribeSObjectResult,
    property: (rt, self, name) =>
        lower(name) === 'fields' ? fieldsOf(self.token) : rt.unsupported(`DescribeSObjectResult.${name}`),
    instanceMethods: {
        getname: (rt, self) => objectFacts(rt, self).name,
        getlocalname: (rt, self) => objectFacts(rt, self).name,
        getlabel: (rt, self) => objectFacts(rt, self).label,
        getlabelplural: (rt, self) => objectFacts(rt, self).labelPlural,
        getkeyprefix: (rt, self) => objectFacts(rt, self).keyPrefix ?? null,
        getsobjecttype: (rt, self) => self.token,
        iscustom: (rt, self) => Boolean(objectFacts(rt, self).custom),
        iscustomsetting: () => false,
        // Apex Reference, DescribeSObjectResult: isAccessible/isCreateable/isUpdateable/isDeletable/isQueryable are
        // the current user's object permissions.
        isaccessible: (rt, self) => objectAccess(rt, self.token.name).read,
        // An object the platform never queries, updates or deletes (a platform event) answers false whatever the
        // permissions (preview/org/describe.mjs).
        isqueryable: (rt, self) => objectAccess(rt, self.token.name).read && objectFacts(rt, self).queryable !== false,
        iscreateable: (rt, self) => objectAccess(rt, self.token.name).create && !objectFacts(rt, self).readOnly,
        isupdateable: (rt, self) =>
            objectAccess(rt, self.token.name).edit &&
            !objectFacts(rt, self).readOnly &&
            objectFacts(rt, self).updateable !== false,
        isdeletable: (rt, self) =>
            objectAccess(rt, self.token.name).delete &&
            !objectFacts(rt, self).readOnly &&
            objectFacts(rt, self).deletable !== false,
        getchildrelationships: (rt) => rt.unsupported('DescribeSObjectResult.getChildRelationships'),
        getrecordtypeinfos: (rt) => rt.unsupported('DescribeSObjectResult.getRecordTypeInfos'),
        getrecordtypeinfosbydevelopername: (rt) =>
            rt.unsupported('DescribeSObjectResult.getRecordTypeInfosByDeveloperName'),
        equals: same
    }
});

defineNative({
    name: 'SObjectTypeFields',
    namespace: 'Schema',
    isInstance: (value) => value instanceof SObjectTypeFields,
    // Apex Developer Guide, "Using Field Tokens": Schema.SObjectType.Account.fields.Name is a DescribeFieldResult.
    property: (rt, self, name) => {
        const token = sobjectFieldToken(rt, self.token.name, name);
        if (!token) compileError(rt, `Invalid field ${name} for ${self.token.name}`);
        return fieldDescribeOf(token);
    },
    instanceMethods: {
        getmap: (rt, self) => fieldMap(rt, self.token)
    }
});

const facts = (self) => fieldDef(self.token).describe;

/**
 * DescribeFieldResult.getRelationshipName: the name a lookup's parent is reached by (Plan__c -> Plan__r; AccountId
 * -> Account). A custom field's metadata `relationshipName` names the CHILD relationship (Milestones), so the parent
 * name is derived from the field name ("Relationship Names", SOQL and SOSL Reference: custom relationships end in __r).
 */
function parentRelationshipName(field) {
    if (!field.referenceTo) return null;
    if (/__c$/i.test(field.name)) return field.name.replace(/__c$/i, '__r');
    return field.describe?.relationshipName ?? field.relationshipName ?? null;
}

defineNative({
    name: 'DescribeFieldResult',
    namespace: 'Schema',
    isInstance: (value) => value instanceof DescribeFieldResult,
    instanceMethods: {
        getname: (rt, self) => facts(self).name,
        // Apex Reference, DescribeFieldResult.getLocalName: the name without the namespace prefix. The embedded
        // org spells the package's fields without their prefix, so both answer the same.
        getlocalname: (rt, self) => facts(self).name,
        getlabel: (rt, self) => facts(self).label,
        gettype: (rt, self) => DisplayType.value(facts(self).type, rt),
        getlength: (rt, self) => facts(self).length,
        getprecision: (rt, self) => facts(self).precision,
        getscale: (rt, self) => facts(self).scale,
        getdigits: (rt, self) => facts(self).digits,
        getbytelength: (rt, self) => facts(self).length * 3,
        getreferenceto: (rt, self) =>
            new ApexList(
                { name: 'Schema.SObjectType' },
                facts(self).referenceTo.map((name) => sobjectTypeToken(rt, name))
            ),
        getrelationshipname: (rt, self) => parentRelationshipName(fieldDef(self.token)),
        getsobjectfield: (rt, self) => self.token,
        getsobjecttype: (rt, self) => sobjectTypeToken(rt, self.token.objectName),
        getpicklistvalues: (rt, self) =>
            new ApexList(
                { name: 'Schema.PicklistEntry' },
                facts(self).picklistValues.map((entry) => new PicklistEntry(entry))
            ),
        iscalculated: (rt, self) => facts(self).calculated,
        isautonumber: (rt, self) => facts(self).autoNumber,
        iscascadedelete: (rt, self) => facts(self).cascadeDelete,
        iscustom: (rt, self) => facts(self).custom,
        isdefaultedoncreate: (rt, self) => facts(self).defaultedOnCreate,
        isexternalid: (rt, self) => facts(self).externalId,
        isnamefield: (rt, self) => facts(self).nameField,
        isnillable: (rt, self) => facts(self).nillable,
        isrestrictedpicklist: (rt, self) => facts(self).restrictedPicklist,
        isunique: (rt, self) => facts(self).unique,
        // Apex Reference, DescribeFieldResult: isAccessible "the current user can see this field";
        // isCreateable/isUpdateable: the field can be set on create/update by the current user (FLS edit and the
        // field's own createability).
        isaccessible: (rt, self) => fieldAccess(rt, self.token).read,
        iscreateable: (rt, self) => facts(self).createable && fieldAccess(rt, self.token).edit,
        isupdateable: (rt, self) => facts(self).updateable && fieldAccess(rt, self.token).edit,
        getdefaultvalue: (rt) => rt.unsupported('DescribeFieldResult.getDefaultValue'),
        getdefaultvalueformula: (rt) => rt.unsupported('DescribeFieldResult.getDefaultValueFormula'),
        getcontroller: (rt) => rt.unsupported('DescribeFieldResult.getController'),
        equals: same
    }
});

defineNative({
    name: 'PicklistEntry',
    namespace: 'Schema',
    isInstance: (value) => value instanceof PicklistEntry,
    instanceMethods: {
        getvalue: (rt, self) => self.value,
        getlabel: (rt, self) => self.label,
        isactive: (rt, self) => self.active,
        isdefaultvalue: (rt, self) => self.defaultValue
    }
});

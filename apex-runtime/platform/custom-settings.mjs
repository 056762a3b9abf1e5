// Custom settings' own static methods (Apex Reference, "Custom Settings Methods",
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_custom_settings.htm).
//
// List settings: getAll() returns a Map of every data set keyed by its name; getInstance(dataSetName) and
// getValues(dataSetName) return that data set, or null when none is defined.
// Hierarchy settings: getOrgDefaults() returns the organization's record, or an empty custom setting object;
// getInstance() is getInstance(UserInfo.getUserId()); getInstance(userId) and getInstance(profileId) return the
// record at that level "merged based on the lowest level fields that are defined in the hierarchy" (a field not set
// for the user comes from the user's profile, then from the organization): when no record is defined at that level
// the result is a new object whose Id is null, with the merged fields, and when no data is defined in the hierarchy
// at all it has empty fields "except for the SetupOwnerId field which contains the user ID" (or profile ID);
// getValues(userOrProfileId) returns only the record defined at that level, unmerged, or null.
//
// The methods read the setting's records "from the application cache, which enables efficient access without the
// cost of repeated queries to the database" (same page, Usage): they count against no SOQL limit, while a SOQL
// query of a custom setting counts as any query does. Each call returns a fresh copy, so changing the result
// changes no record until it is saved (insert, update or upsert). A protected setting (visibility Protected) is
// visible to the code of its own package, which is the only code the runtime runs.
import { ApexMap } from '../values/collections.mjs';
import { ApexSObject } from '../values/sobject.mjs';
import { toId18 } from '../values/ids.mjs';
import { compileSoql, executeSoql } from '../soql/index.mjs';
import { objectNamed } from '../soql/objects.mjs';
import { ORG_DEFAULTS } from './user-info.mjs';

const lower = (name) => String(name).toLowerCase();
const USER_PREFIX = '005';
const PROFILE_PREFIX = '00e';

const organizationId = (rt) => rt.org.organizationId ?? ORG_DEFAULTS.organizationId;

/** Every record of the setting with all its fields, read as SOQL would return them but outside the query limits. */
function allRecords(rt, object) {
    const names = object.fieldList.map((field) => field.name);
    const plan = compileSoql(`SELECT ${names.join(', ')} FROM ${object.name}`, { schema: rt.org.schema });
    return executeSoql(plan, { org: rt.org, schema: rt.org.schema, userId: rt.userId }).items;
}

/** The setting's custom fields: those the hierarchy merges. */
const ownFields = (object) => object.fieldList.filter((field) => field.custom);

function newRecord(object, setupOwnerId) {
    const record = new ApexSObject(object.name, { schema: object });
    record.put('SetupOwnerId', setupOwnerId);
    return record;
}

function copyOf(record, object) {
    const copy = new ApexSObject(object.name, { schema: object });
    for (const field of object.fieldList) if (record.has(field.name)) copy.put(field.name, record.get(field.name));
    return copy;
}

function requiredArgument(rt, value) {
    if (value === null || value === undefined) rt.throw('System.NullPointerException', 'Argument cannot be null.');
    return value;
}

/** The hierarchy's levels for `ownerId`, lowest first: [user, profile, organization] or [profile, organization]. */
function levels(rt, ownerId) {
    const id = toId18(ownerId);
    if (!id) rt.throw('System.StringException', `Invalid id: ${ownerId}`);
    const prefix = id.slice(0, 3);
    if (prefix === USER_PREFIX) {
        const user = rt.org.get('User', id);
        if (!user) rt.unsupported(`a hierarchy custom setting for ${id}, which is not a user of the org`);
        return [id, user.ProfileId, organizationId(rt)];
    }
    if (prefix === PROFILE_PREFIX) return [id, organizationId(rt)];
    return rt.unsupported(`a hierarchy custom setting for ${id}, which is neither a user nor a profile id`);
}

function hierarchyMethod(rt, object, method, args) {
    const records = allRecords(rt, object);
    const at = (ownerId) => records.find((record) => toId18(record.get('SetupOwnerId')) === toId18(ownerId)) ?? null;
    if (method === 'getorgdefaults' && args.length === 0) {
        const record = at(organizationId(rt));
        // The empty object belongs to the organization, so saving it (upsert) makes the organization's record.
        return record ? copyOf(record, object) : newRecord(object, organizationId(rt));
    }
    if (method === 'getvalues' && args.length === 1) {
        levels(rt, requiredArgument(rt, args[0]));
        const record = at(args[0]);
        return record ? copyOf(record, object) : null;
    }
    if (method === 'getinstance' && args.length <= 1) {
        const ownerId = args.length ? requiredArgument(rt, args[0]) : rt.userId;
        const chain = levels(rt, ownerId).map(at);
        const result = chain[0] ? copyOf(chain[0], object) : newRecord(object, toId18(ownerId));
        for (const field of ownFields(object)) {
            const defined = chain.find((record) => record && record.get(field.name) !== null);
            if (defined) result.put(field.name, defined.get(field.name));
        }
        return result;
    }
    return undefined;
}

function listMethod(rt, object, method, args) {
    if (method === 'getall' && args.length === 0) {
        const map = new ApexMap({ name: 'String' }, { name: object.name }, rt);
        for (const record of allRecords(rt, object)) map.set(record.get('Name'), copyOf(record, object));
        return map;
    }
    if ((method === 'getinstance' || method === 'getvalues') && args.length === 1) {
        const name = requiredArgument(rt, args[0]);
        const record = allRecords(rt, object).find((candidate) => candidate.get('Name') === name);
        return record ? copyOf(record, object) : null;
    }
    return undefined;
}

/** The org's object when `objectName` is a custom setting, else undefined. */
export function customSettingObject(rt, objectName) {
    let object;
    try {
        object = objectNamed(rt.org.schema, objectName);
    } catch {
        return undefined;
    }
    return object?.customSettingsType ? object : undefined;
}

/** `Link_Settings__c.getOrgDefaults()`, `.getInstance(...)`, ...; undefined when `name` is not such a method. */
export function customSettingStaticMethod(rt, objectName, name, args) {
    const object = customSettingObject(rt, objectName);
    if (!object) return undefined;
    const method = lower(name);
    return object.customSettingsType === 'Hierarchy'
        ? hierarchyMethod(rt, object, method, args)
        : listMethod(rt, object, method, args);
}

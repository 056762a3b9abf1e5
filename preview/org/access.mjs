// What a user may do with objects and fields: the profile's permissions combined with the permission sets assigned
// to the user (the package's PermissionSet XML, read by schema.mjs) and any extra grants (org.grantAccess). Pure:
// org.mjs gathers the user's profile, sets and grants and calls computeAccess.
//
//   computeAccess(schema, { profile, permissionSets, grants }) -> {
//       object(name) -> { read, create, edit, delete, viewAll, modifyAll },
//       field(objectName, fieldName) -> { read, edit },       field-level security
//       permission(customPermission) -> bool,
//       modifyAllData, viewAllData, profile, permissionSets
//   }
//
// Sharing (which records) is sharing.mjs; this module answers only object and field permissions.

const lower = (name) => String(name).toLowerCase();

/** The standard profiles every org has, in the order the org creates them (Profile records). */
export const STANDARD_PROFILES = ['System Administrator', 'Standard User', 'Read Only', 'Minimum Access - Salesforce'];

const ALL = { read: true, create: true, edit: true, delete: true, viewAll: true, modifyAll: true };
const CRUD = { read: true, create: true, edit: true, delete: true, viewAll: false, modifyAll: false };
const READ = { read: true, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };
const NONE = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };

// Salesforce Help, "Standard Profiles": Standard User can create, read, edit and delete the sales objects it
// uses (accounts, contacts, opportunities); Read Only can view them; Minimum Access - Salesforce has no object
// permissions. Custom objects: in Enterprise Edition and above, standard profiles other than System Administrator
// get no permissions on a new custom object ("Object Permissions"), so the package's objects come from its
// permission sets.
const SALES_OBJECTS = ['Account', 'Contact', 'Opportunity'];
// Setup and reference objects any internal user can query (Object Reference: User, UserRole, Profile,
// PermissionSet, PermissionSetAssignment, OpportunityStage, UserRecordAccess); changing them takes "Manage Users"
// (System Administrator), and Profile, OpportunityStage and UserRecordAccess take no DML at all.
const READABLE_BY_ALL = [
    'User',
    'UserRole',
    'Profile',
    'PermissionSet',
    'PermissionSetAssignment',
    'OpportunityStage',
    'UserRecordAccess',
    'ObjectPermissions',
    // Object Reference, ApexClass, AsyncApexJob, CronTrigger, CronJobDetail, CustomNotificationType: query only;
    // the org writes them (asynchronous Apex, the project's notification types).
    'ApexClass',
    'AsyncApexJob',
    'CronTrigger',
    'CronJobDetail',
    'CustomNotificationType'
];

const PROFILES = {
    // Salesforce Help, "Standard Profiles": System Administrator has "View All Data" and "Modify All Data", hence
    // every object permission on every object. Field-level security still applies: a package's custom fields are
    // visible to a profile only where a permission set grants them ("Manage Apex Access for Package Version
    // Creation Tests": the build's test user sees package fields through the sets named in apexTestAccess).
    'system administrator': {
        allObjects: ALL,
        standardFieldEdit: true,
        userPermissions: ['ViewAllData', 'ModifyAllData', 'CustomizeApplication']
    },
    // It also holds "Edit Tasks" (Salesforce Help, "Standard Profiles"), which computeAccess turns into task access.
    'standard user': {
        objects: Object.fromEntries(SALES_OBJECTS.map((name) => [name, CRUD])),
        userPermissions: ['EditTask'],
        standardFieldEdit: true
    },
    'read only': { objects: Object.fromEntries(SALES_OBJECTS.map((name) => [name, READ])), standardFieldEdit: false },
    'minimum access - salesforce': { objects: {}, standardFieldEdit: false }
};

// Object Reference, OpportunityContactRole: contact roles have no object permissions of their own; a user works
// with them as far as the opportunity's permissions allow.
// Object Reference, OpportunityHistory: "This object respects field-level security on the parent object".
const PERMISSIONS_OF = { OpportunityContactRole: 'Opportunity', OpportunityHistory: 'Opportunity' };

// Audit fields, always readable, never writable (Object Reference, "System Fields").
const AUDIT = new Set(['createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp']);

function merge(into, perms) {
    for (const key of Object.keys(NONE)) into[key] = into[key] || Boolean(perms[key]);
    return into;
}

/** Object permission dependencies ("Object Permissions"): Modify All implies View All and every CRUD permission;
 *  View All, Create, Edit and Delete each imply Read; Delete implies Edit. */
function closeOver(perms) {
    if (perms.modifyAll) Object.assign(perms, ALL);
    if (perms.delete) perms.edit = true;
    if (perms.viewAll || perms.create || perms.edit || perms.delete) perms.read = true;
    return perms;
}

/**
 * The rows a real org keeps for a profile's permissions (Object Reference, "PermissionSet" and "ObjectPermissions"):
 * the user permissions of the set the profile owns, and its object permissions on the objects named. Returns
 * { userPermissions: Set, objects: [{ object, read, create, edit, delete, viewAll, modifyAll }] }.
 */
export function standardProfilePermissions(profile, objectNames) {
    const base = PROFILES[lower(profile)];
    if (!base) throw new Error(`profile ${profile} is not one the embedded org models`);
    const objects = base.allObjects
        ? objectNames.map((object) => ({ object, ...base.allObjects }))
        : Object.entries(base.objects ?? {}).map(([object, perms]) => ({ object, ...perms }));
    return { userPermissions: new Set(base.userPermissions ?? []), objects };
}

/**
 * Access of a user with the `profile` (a STANDARD_PROFILES name), the permission sets named (API names of the
 * package's sets) and extra grants ({ objects: { Name: perms }, fields: { 'Object.Field': { read, edit } },
 * customPermissions: [names] }, as org.grantAccess records them).
 */
export function computeAccess(schema, { profile, permissionSets = [], grants = [] }) {
    const base = PROFILES[lower(profile ?? '')];
    if (!base)
        throw new Error(`profile ${profile} is not one the embedded org models (${STANDARD_PROFILES.join(', ')})`);
    const sets = permissionSets.map((name) => {
        const set = schema.permissionSets.get(lower(name));
        if (!set) throw new Error(`no permission set ${name} in the package`);
        return set;
    });
    const userPermissions = new Set([...(base.userPermissions ?? []), ...sets.flatMap((set) => set.userPermissions)]);
    const modifyAllData = userPermissions.has('ModifyAllData');
    const viewAllData = modifyAllData || userPermissions.has('ViewAllData');

    const objectGrants = new Map();
    const addObject = (name, perms) => {
        const key = lower(name);
        objectGrants.set(key, merge(objectGrants.get(key) ?? { ...NONE }, perms));
    };
    for (const [name, perms] of Object.entries(base.objects ?? {})) addObject(name, perms);
    for (const set of sets) for (const entry of set.objectPermissions) addObject(entry.object, entry);
    for (const grant of grants) for (const [name, perms] of Object.entries(grant.objects ?? {})) addObject(name, perms);
    // Tasks have no object permissions: "Edit Tasks" lets a user create and edit them (Object Reference, "Task").
    if (userPermissions.has('EditTask')) addObject('Task', CRUD);

    const fieldGrants = new Map();
    const addField = (qualified, perms) => {
        const key = lower(qualified);
        const current = fieldGrants.get(key) ?? { read: false, edit: false };
        fieldGrants.set(key, { read: current.read || perms.read || perms.edit, edit: current.edit || perms.edit });
    };
    for (const set of sets) for (const entry of set.fieldPermissions) addField(entry.field, entry);
    for (const grant of grants) {
        const fields = grant.fields ?? {};
        if (Array.isArray(fields)) for (const name of fields) addField(name, { read: true, edit: true });
        else for (const [name, perms] of Object.entries(fields)) addField(name, perms);
    }

    const customPermissions = new Set(
        [
            ...sets.flatMap((set) => set.customPermissions),
            ...grants.flatMap((grant) => grant.customPermissions ?? [])
        ].map(lower)
    );

    const metadataReads = new Set(sets.flatMap((set) => set.customMetadataTypes ?? []).map(lower));
    const objectCache = new Map();
    const object = (name) => {
        const metadataType = !schema.objects.has(lower(name)) && schema.customMetadataTypes?.get(lower(name));
        if (metadataType) {
            // Custom metadata types (Salesforce Help, "Custom Metadata Type Access"; with "Restrict access to custom
            // metadata types", on by default): readable with Customize Application or an explicit grant through a
            // permission set's customMetadataTypeAccesses; records are never written by DML.
            const read = userPermissions.has('CustomizeApplication') || metadataReads.has(lower(name));
            return Object.freeze({ ...NONE, read });
        }
        const definition = schema.object(name);
        const key = lower(definition.name);
        if (objectCache.has(key)) return objectCache.get(key);
        const source = PERMISSIONS_OF[definition.name];
        let perms;
        if (source) perms = { ...object(source) };
        else {
            perms = { ...NONE };
            if (base.allObjects) merge(perms, base.allObjects);
            if (READABLE_BY_ALL.includes(definition.name)) merge(perms, READ);
            merge(perms, objectGrants.get(key) ?? NONE);
            // "View All Data" / "Modify All Data" (Salesforce Help, "User Permissions"): on every object.
            if (viewAllData) merge(perms, { read: true, viewAll: true });
            if (modifyAllData) merge(perms, ALL);
            closeOver(perms);
        }
        if (definition.readOnlyDml)
            Object.assign(perms, { create: false, edit: false, delete: false, modifyAll: false });
        Object.freeze(perms);
        objectCache.set(key, perms);
        return perms;
    };

    const field = (objectName, fieldName) => {
        const definition = schema.object(objectName);
        const fieldDef = definition.field(fieldName);
        if (!fieldDef) throw new Error(`No such column '${fieldName}' on sobject of type ${definition.name}`);
        const perms = object(definition.name);
        if (!perms.read) return { read: false, edit: false };
        const writable = fieldDef.describe ? fieldDef.describe.updateable || fieldDef.describe.createable : true;
        const name = lower(fieldDef.name);
        // Field-Level Security (Salesforce Help, "Field-Level Security"; Metadata API, PermissionSet
        // fieldPermissions: required fields and the name field take no field permissions): the Id, the name field,
        // the owner, the audit fields, required fields and master-detail fields are always visible, and editable
        // where the field type allows it. Formula, roll-up and auto-number fields are never editable.
        const always =
            name === 'id' ||
            name === lower(definition.describe?.nameField ?? 'Name') ||
            name === 'ownerid' ||
            AUDIT.has(name) ||
            fieldDef.required ||
            fieldDef.masterDetail;
        if (always) return { read: true, edit: writable };
        if (!fieldDef.custom) return { read: true, edit: writable && base.standardFieldEdit };
        const granted = fieldGrants.get(lower(`${definition.name}.${fieldDef.name}`)) ?? { read: false, edit: false };
        return { read: granted.read, edit: granted.edit && writable };
    };

    return {
        profile: STANDARD_PROFILES.find((name) => lower(name) === lower(profile)),
        permissionSets: sets.map((set) => set.name),
        modifyAllData,
        viewAllData,
        object,
        field,
        permission: (name) => customPermissions.has(lower(name))
    };
}

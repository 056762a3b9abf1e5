// Record-level access (sharing): which records a user can read and edit, from organization-wide defaults, record
// ownership, the role hierarchy, "View All"/"Modify All" (data or object), master-detail ("Controlled by Parent")
// and the implicit sharing between accounts and their opportunities. Object permissions are access.mjs; here only
// the record decides. org.mjs builds one per org with readers of its store:
//
//   createSharing({ schema, models, record(objectName, id), roleOf(userId), parentRole(roleId), access(userId),
//                   childIds(objectName, field, parentId) })
//     -> { model(objectName), canRead(userId, objectName, row), canEdit(...), canDelete(...), isAbove(...),
//          recordAccess(userId, objectName, row) }
//
// Not modelled: sharing rules, manual shares, teams, territories, groups, "Grant Access Using Hierarchies" off.

const lower = (name) => String(name).toLowerCase();

/**
 * Organization-wide defaults of a new org for the standard objects the org models (Salesforce Help,
 * "Organization-Wide Default Access Settings" and "Default Organization-Wide Sharing Settings": Account Public
 * Read/Write, Contact Controlled by Parent, Opportunity Public Read Only, Users Public Read Only). Custom objects take
 * their sharingModel from their XML. 'Setup' marks setup and reference objects, which have no record sharing.
 */
export const DEFAULT_SHARING = {
    Account: 'ReadWrite',
    Contact: 'ControlledByParent',
    Opportunity: 'Read',
    // Object Reference, OpportunityContactRole: access to a contact role follows access to its opportunity.
    OpportunityContactRole: 'ControlledByParent',
    User: 'Read',
    UserRole: 'Setup',
    Profile: 'Setup',
    PermissionSet: 'Setup',
    PermissionSetAssignment: 'Setup',
    OpportunityStage: 'Setup',
    UserRecordAccess: 'Setup'
};

const MODELS = ['Private', 'Read', 'ReadWrite', 'ReadWriteTransfer', 'FullAccess', 'ControlledByParent', 'Setup'];

// The parent whose access a "Controlled by Parent" standard object follows (custom objects: their master-detail).
const STANDARD_PARENTS = {
    Contact: ['AccountId'],
    OpportunityContactRole: ['OpportunityId'],
    // Object Reference, OpportunityHistory: the stage history of an opportunity, seen by who sees the opportunity.
    OpportunityHistory: ['OpportunityId']
};

const LEVELS = ['None', 'Read', 'Edit', 'Delete', 'Transfer', 'All'];

export function createSharing({ schema, models = {}, record, roleOf, parentRole, access, childIds }) {
    const modelOf = new Map();
    const model = (objectName) => {
        const object = schema.object(objectName);
        const key = lower(object.name);
        if (!modelOf.has(key)) {
            const override = Object.entries(models).find(([name]) => lower(name) === key)?.[1];
            const chosen = override ?? DEFAULT_SHARING[object.name] ?? object.sharingModel;
            if (!chosen) throw new Error(`no organization-wide default for ${object.name} in the embedded org`);
            if (!MODELS.includes(chosen)) throw new Error(`sharing model ${chosen} of ${object.name} is not modelled`);
            modelOf.set(key, chosen);
        }
        return modelOf.get(key);
    };

    const parentFields = (object) =>
        STANDARD_PARENTS[object.name] ?? object.fieldList.filter((field) => field.masterDetail).map((f) => f.name);

    /** Salesforce Help, "Controlling Access Using Hierarchies": a user sees what users in roles below own. */
    const isAbove = (userId, ownerId) => {
        const mine = roleOf(userId);
        if (!mine || !ownerId) return false;
        const seen = new Set();
        for (let role = parentRole(roleOf(ownerId)); role && !seen.has(role); role = parentRole(role)) {
            if (role === mine) return true;
            seen.add(role);
        }
        return false;
    };
    const ownsOrAbove = (userId, row) =>
        Boolean(row?.OwnerId) && (row.OwnerId === userId || isAbove(userId, row.OwnerId));

    /**
     * The user's access to the record as a level of LEVELS: 'All' for the owner, those above the owner and
     * Modify All; 'Edit' or 'Read' from the defaults and implicit sharing; 'None'.
     */
    const level = (userId, objectName, row, depth = 0) => {
        if (depth > 8) throw new Error(`sharing of ${objectName} goes through more than 8 parents`);
        const object = schema.object(objectName);
        const perms = access(userId);
        const objectPerms = perms.object(object.name);
        if (perms.modifyAllData || objectPerms.modifyAll) return 'All';
        const viewAll = perms.viewAllData || objectPerms.viewAll;
        const orAtLeastRead = (found) => (viewAll && found === 'None' ? 'Read' : found);
        const chosen = model(object.name);
        if (chosen === 'Setup') return 'Read';
        if (chosen === 'ControlledByParent') {
            // Security guide, "Set Your Internal Organization-Wide Sharing Defaults": Controlled by Parent lets a
            // user act on a detail record if they can perform the same action on all its master records.
            const parents = parentFields(object)
                .map((name) => [object.field(name), row[object.field(name).name]])
                .filter(([, id]) => id);
            if (!parents.length) {
                // A contact without an account is private to its owner (and those above) and administrators.
                return orAtLeastRead(ownsOrAbove(userId, row) ? 'All' : 'None');
            }
            let lowest = 'All';
            for (const [field, id] of parents) {
                const parent = record(field.referenceTo, id);
                const found = parent ? level(userId, field.referenceTo, parent, depth + 1) : 'None';
                // Edit on the master is what every action on the detail needs (delete included).
                const asDetail = found === 'All' || found === 'Delete' || found === 'Transfer' ? 'All' : found;
                if (LEVELS.indexOf(asDetail) < LEVELS.indexOf(lowest)) lowest = asDetail;
            }
            return orAtLeastRead(lowest);
        }
        if (ownsOrAbove(userId, row)) return 'All';
        let found = chosen === 'Private' ? 'None' : chosen === 'Read' ? 'Read' : 'Edit';
        if (chosen === 'FullAccess') found = 'Delete';
        found = maxLevel(found, implicit(userId, object, row, depth));
        return orAtLeastRead(found);
    };

    // Salesforce Help, "Implicit Sharing". Child implicit: the owner of an account gets the access their role's
    // "Opportunity Access" gives to the account's opportunities. Parent implicit: a user who can see an
    // opportunity or contact of an account can read the account.
    const implicit = (userId, object, row, depth) => {
        if (object.name === 'Opportunity' && row.AccountId) {
            const account = record('Account', row.AccountId);
            if (account && account.OwnerId === userId) {
                const role = roleOf(userId) && record('UserRole', roleOf(userId));
                const granted = role?.OpportunityAccessForAccountOwner ?? 'None';
                if (granted === 'Edit' || granted === 'Read') return granted;
            }
        }
        if (object.name === 'Account' && row.Id) {
            for (const [child, field] of [
                ['Opportunity', 'AccountId'],
                ['Contact', 'AccountId']
            ]) {
                for (const id of childIds(child, field, row.Id)) {
                    const childRow = record(child, id);
                    if (
                        childRow &&
                        model(child) !== 'ControlledByParent' &&
                        level(userId, child, childRow, depth + 1) !== 'None'
                    ) {
                        return 'Read';
                    }
                }
            }
        }
        return 'None';
    };

    const maxLevel = (a, b) => (LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b);
    const atLeast = (found, wanted) => LEVELS.indexOf(found) >= LEVELS.indexOf(wanted);

    return {
        model,
        isAbove,
        level,
        canRead: (userId, objectName, row) => atLeast(level(userId, objectName, row), 'Read'),
        canEdit: (userId, objectName, row) => atLeast(level(userId, objectName, row), 'Edit'),
        canDelete: (userId, objectName, row) => atLeast(level(userId, objectName, row), 'Delete')
    };
}

/**
 * A row of UserRecordAccess (Object Reference, UserRecordAccess): the record-level access combined with the
 * user's object permissions (a user without Edit on the object has no edit access to any of its records).
 */
export function userRecordAccessRow(userId, recordId, found, objectPerms) {
    let levelFound = objectPerms.read ? found : 'None';
    const cap = objectPerms.delete ? 'All' : objectPerms.edit ? 'Edit' : objectPerms.read ? 'Read' : 'None';
    if (LEVELS.indexOf(levelFound) > LEVELS.indexOf(cap)) levelFound = cap;
    const atLeast = (wanted) => LEVELS.indexOf(levelFound) >= LEVELS.indexOf(wanted);
    return {
        UserId: userId,
        RecordId: recordId,
        HasReadAccess: atLeast('Read'),
        HasEditAccess: atLeast('Edit'),
        HasDeleteAccess: atLeast('Delete'),
        HasTransferAccess: atLeast('Transfer'),
        HasAllAccess: levelFound === 'All',
        MaxAccessLevel: levelFound
    };
}

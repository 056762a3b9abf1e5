// What the org answers for the callers that enforce user mode (saves themselves run in system mode): a user's
// object permissions, field-level security and custom permissions (access.mjs: profile + permission sets + grants),
// record-level access (sharing.mjs: organization-wide defaults, owner, role hierarchy, View/Modify All, controlled
// by parent) and the UserRecordAccess rows built from both. Computed from the store and cached until it changes.
import { computeAccess } from './access.mjs';
import { createSharing, userRecordAccessRow } from './sharing.mjs';
import { toId18 } from './ids.mjs';
import { lower } from './values.mjs';

export class UserMode {
    #schema;
    #store;
    /** Access grants by user Id (grantAccess), and the organization-wide defaults set over the platform's. */
    grants = new Map();
    sharingModels = {};
    #accessCache = new Map();
    #permissionCache = new Map();
    #sharing;

    constructor({ schema, store, sharingModels }) {
        this.#schema = schema;
        this.#store = store;
        this.load({ grants: new Map(), sharingModels });
    }

    /** Starts over from a snapshot's grants and organization-wide defaults. */
    load({ grants, sharingModels }) {
        this.grants = grants;
        this.sharingModels = { ...sharingModels };
        this.#sharing = this.#newSharing();
        this.clear();
    }

    /** Drops what was computed: a record, a grant or an assignment changed. */
    clear() {
        this.#accessCache.clear();
        this.#permissionCache.clear();
    }

    #newSharing() {
        const store = this.#store;
        return createSharing({
            schema: this.#schema,
            models: this.sharingModels,
            record: (objectName, id) => store.table(objectName)?.get(id),
            roleOf: (userId) => store.table('User').get(userId)?.UserRoleId ?? null,
            parentRole: (roleId) => (roleId ? (store.table('UserRole').get(roleId)?.ParentRoleId ?? null) : null),
            access: (userId) => this.access(userId),
            childIds: (objectName, field, parentId) => store.childIds(objectName, field, parentId)
        });
    }

    /** Custom permission names the user holds through permission set assignments. */
    permissionsOf(userId) {
        const id = toId18(userId);
        if (!id) return [];
        if (!this.#permissionCache.has(id)) {
            const store = this.#store;
            const names = new Set();
            for (const assignmentId of store.childIds('PermissionSetAssignment', 'AssigneeId', id)) {
                const assignment = store.table('PermissionSetAssignment').get(assignmentId);
                const set = store.table('PermissionSet').get(assignment.PermissionSetId);
                for (const permission of this.#schema.permissionSets.get(lower(set.Name))?.customPermissions ?? []) {
                    names.add(permission);
                }
            }
            this.#permissionCache.set(id, [...names]);
        }
        return this.#permissionCache.get(id);
    }

    /** Permission set API names assigned to the user. */
    permissionSetsOf(userId) {
        const id = toId18(userId);
        const store = this.#store;
        return [...store.childIds('PermissionSetAssignment', 'AssigneeId', id)].map(
            (assignmentId) =>
                store
                    .table('PermissionSet')
                    .get(store.table('PermissionSetAssignment').get(assignmentId).PermissionSetId).Name
        );
    }

    /**
     * Object permissions, field-level security and custom permissions of the user: profile + permission sets +
     * grantAccess (see access.mjs for the shape).
     */
    access(userId) {
        const id = toId18(userId);
        const user = id && this.#store.table('User').get(id);
        if (!user) throw new Error(`no user ${userId} in the org`);
        if (!this.#accessCache.has(id)) {
            const profile = user.ProfileId ? this.#store.table('Profile').get(user.ProfileId)?.Name : undefined;
            if (!profile) throw new Error(`user ${user.Username} has no profile`);
            this.#accessCache.set(
                id,
                computeAccess(this.#schema, {
                    profile,
                    permissionSets: this.permissionSetsOf(id),
                    grants: this.grants.get(id) ?? []
                })
            );
        }
        return this.#accessCache.get(id);
    }

    /**
     * Gives a user access beyond their profile and permission sets, as an admin's extra permission set would:
     * { objects: { Name: { read, create, edit, delete, viewAll, modifyAll } }, fields: { 'Object.Field': { read,
     * edit } } or ['Object.Field', ...] (read and edit), customPermissions: [names] }.
     */
    grantAccess(userId, grant) {
        const id = toId18(userId);
        if (!id || !this.#store.table('User').has(id)) throw new Error(`no user ${userId} in the org`);
        for (const name of Object.keys(grant.objects ?? {})) this.#schema.object(name);
        const fields = Array.isArray(grant.fields) ? grant.fields : Object.keys(grant.fields ?? {});
        for (const qualified of fields) {
            const [objectName, fieldName] = qualified.split('.');
            if (!this.#schema.object(objectName).field(fieldName ?? '')) throw new Error(`no field ${qualified}`);
        }
        this.grants.set(id, [...(this.grants.get(id) ?? []), structuredClone(grant)]);
    }

    /** The organization-wide default of an object: 'Private', 'Read', 'ReadWrite', 'ControlledByParent', ... */
    sharingModel(objectName) {
        return this.#sharing.model(objectName);
    }

    /** Changes organization-wide defaults, as an admin would in Sharing Settings: { Opportunity: 'Private' }. */
    setSharingModels(models) {
        this.sharingModels = { ...this.sharingModels, ...models };
        this.#sharing = this.#newSharing();
        for (const name of Object.keys(models)) this.#sharing.model(name);
    }

    /** Record-level read access (sharing only; object permissions are access(userId).object(name).read). */
    canRead(userId, objectName, row) {
        return this.#sharing.canRead(toId18(userId), objectName, this.#sharingRow(objectName, row));
    }

    /** Record-level edit access (sharing only). */
    canEdit(userId, objectName, row) {
        return this.#sharing.canEdit(toId18(userId), objectName, this.#sharingRow(objectName, row));
    }

    /** Record-level delete access (sharing only): owner, above the owner, Modify All. */
    canDelete(userId, objectName, row) {
        return this.#sharing.canDelete(toId18(userId), objectName, this.#sharingRow(objectName, row));
    }

    /**
     * The UserRecordAccess rows of `SELECT ... FROM UserRecordAccess WHERE UserId = :u AND RecordId = :id` (or IN
     * up to 200 ids, Object Reference, UserRecordAccess): one per id of a stored record, { UserId, RecordId,
     * HasReadAccess, HasEditAccess, HasDeleteAccess, HasTransferAccess, HasAllAccess, MaxAccessLevel }. An id
     * that names no record gives no row.
     */
    userRecordAccess(userId, recordIds) {
        const user = toId18(userId);
        const ids = [recordIds].flat();
        if (ids.length > 200) throw new Error('UserRecordAccess: a query can ask for at most 200 record ids');
        const rows = [];
        for (const raw of ids) {
            const id = toId18(raw);
            const object = id && this.#schema.objectOfPrefix(id.slice(0, 3));
            const row = object && this.#store.table(object.name).get(id);
            if (!row) continue;
            const level = this.#sharing.level(user, object.name, row);
            rows.push(userRecordAccessRow(user, id, level, this.access(user).object(object.name)));
        }
        return rows;
    }

    /** Sharing reads the stored record (owner, parents) when given an id or a row with only some fields. */
    #sharingRow(objectName, row) {
        const object = this.#schema.object(objectName);
        const id = typeof row === 'string' ? toId18(row) : toId18(row?.Id);
        const stored = id ? this.#store.table(object.name).get(id) : undefined;
        if (typeof row === 'string') {
            if (!stored) throw new Error(`no ${object.name} ${row} in the org`);
            return stored;
        }
        return stored ? { ...stored, ...row } : row;
    }

    /** The Id of a standard profile by name ('Standard User'). */
    profileId(name) {
        const found = [...this.#store.table('Profile').values()].find((profile) => lower(profile.Name) === lower(name));
        if (!found) throw new Error(`no profile ${name} in the org`);
        return found.Id;
    }
}

// What an org has before anyone logs in: the standard profiles, the sales process's stages, the package's
// permission sets (and the one each profile owns, with their ObjectPermissions rows), and its first users.
import { OPPORTUNITY_STAGES } from '../../scripts/lib/schema/index.mjs';
import { STANDARD_PROFILES, standardProfilePermissions } from './access.mjs';
import { toId18 } from './ids.mjs';
import { lower } from './values.mjs';

// The locale keys the org's own first users get (an English org in the US); Apex must set them (User is required).
const USER_LOCALE_DEFAULTS = {
    TimeZoneSidKey: 'America/Los_Angeles',
    LocaleSidKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
    LanguageLocaleKey: 'en_US'
};

// Object Reference, OpportunityStage: ForecastCategory is the API value of ForecastCategoryName (OpportunityHistory
// keeps the same API value: opportunity-history.mjs).
export const FORECAST_CATEGORY = {
    Omitted: 'Omitted',
    Pipeline: 'Pipeline',
    'Best Case': 'BestCase',
    Commit: 'Forecast',
    Closed: 'Closed'
};

const OBJECT_PERMISSIONS = ['read', 'create', 'edit', 'delete', 'viewAll', 'modifyAll'];

/** ObjectPermissions rows of a permission set: one per object it grants anything on. */
const objectPermissionRows = (parentId, entries) =>
    entries
        .filter((entry) => OBJECT_PERMISSIONS.some((k) => entry[k]))
        .map((entry) => ({
            ParentId: parentId,
            SobjectType: entry.object,
            PermissionsRead: Boolean(entry.read),
            PermissionsCreate: Boolean(entry.create),
            PermissionsEdit: Boolean(entry.edit),
            PermissionsDelete: Boolean(entry.delete),
            PermissionsViewAllRecords: Boolean(entry.viewAll),
            PermissionsModifyAllRecords: Boolean(entry.modifyAll)
        }));

/** A first user's record: Username, Email and Alias from the name unless given, the profile's Id, the locale. */
function userRecord(entry, profiles) {
    const user = Object.fromEntries(
        Object.entries(entry).filter(([key]) => key !== 'permissionSets' && key !== 'profile')
    );
    const profile = entry.profile ?? 'System Administrator';
    if (!profiles.has(lower(profile))) throw new Error(`no profile ${profile} in the org`);
    const username =
        user.Username ??
        `${[user.FirstName, user.LastName].filter(Boolean).join('.').toLowerCase().replace(/\s+/g, '')}@tandem.preview`;
    return {
        IsActive: true,
        Username: username,
        Email: username,
        Alias:
            (String(user.FirstName ?? '').slice(0, 1) + String(user.LastName ?? '').slice(0, 4))
                .toLowerCase()
                .replace(/[^a-z0-9]/g, '') || 'user',
        ProfileId: profiles.get(lower(profile)),
        ...USER_LOCALE_DEFAULTS,
        ...user
    };
}

/**
 * Creates the org's setup data and first users (System Administrator unless `profile` names another), through
 * `dml(operation, sobject, records, options)` and `query(sobject, where)` of the org, inside the caller's unit of
 * work. Returns the Id of the current user: `currentUserId` (an Id or a Username among the users) or the first.
 */
export function bootstrapOrg({ schema, dml, query, hasUser }, users, currentUserId) {
    const system = { userId: null, system: true };
    dml(
        'insert',
        'Profile',
        STANDARD_PROFILES.map((Name) => ({ Name, UserType: 'Standard' })),
        system
    );
    dml(
        'insert',
        'OpportunityStage',
        OPPORTUNITY_STAGES.map((stage, i) => ({
            ApiName: stage.name,
            MasterLabel: stage.name,
            IsActive: true,
            IsClosed: stage.closed,
            IsWon: stage.won,
            SortOrder: i + 1,
            DefaultProbability: stage.probability,
            ForecastCategoryName: stage.forecastCategory,
            ForecastCategory: FORECAST_CATEGORY[stage.forecastCategory]
        })),
        system
    );
    // The project's custom notification types (Metadata API, CustomNotificationType), setup data a test sees too.
    const notificationTypes = [...(schema.notificationTypes?.values() ?? [])].map((type) => ({
        DeveloperName: type.name,
        MasterLabel: type.masterLabel ?? type.name,
        CustomNotifTypeName: type.customNotifTypeName ?? type.masterLabel ?? type.name,
        Description: type.description?.slice(0, 255) ?? null,
        Desktop: type.desktop === true,
        Mobile: type.mobile === true,
        NamespacePrefix: null
    }));
    if (notificationTypes.length) dml('insert', 'CustomNotificationType', notificationTypes, system);
    const packageSets = [...schema.permissionSets.values()];
    const sets = packageSets.map((set) => ({
        Name: set.name,
        Label: set.label,
        Description: set.description?.slice(0, 255) ?? null,
        NamespacePrefix: null,
        IsOwnedByProfile: false,
        IsCustom: true,
        PermissionsViewAllData: set.userPermissions.includes('ViewAllData'),
        PermissionsModifyAllData: set.userPermissions.includes('ModifyAllData'),
        PermissionsCustomizeApplication: set.userPermissions.includes('CustomizeApplication')
    }));
    if (sets.length) dml('insert', 'PermissionSet', sets, system);
    const profiles = new Map(query('Profile').map((profile) => [lower(profile.Name), profile.Id]));
    // Each profile owns a permission set holding its permissions, and every set has one ObjectPermissions
    // row per object it grants anything on (Object Reference, "PermissionSet", "ObjectPermissions"), so
    // code can find a profile by what it may do rather than by its name, which orgs translate.
    const objectNames = [...schema.objects.values()]
        // Objects no DML reaches (OpportunityHistory, say) take no object permissions of their own.
        // Nor do platform events, which hold no records (schema.mjs, platformEvent).
        .filter((object) => !object.setup && !object.readOnlyDml && !object.platformEvent && object.keyPrefix)
        .map((object) => object.name);
    const profileSets = STANDARD_PROFILES.map((name) => {
        const { userPermissions } = standardProfilePermissions(name, objectNames);
        const profileId = profiles.get(lower(name));
        return {
            Name: `X${profileId.slice(0, 15)}`,
            Label: name,
            NamespacePrefix: null,
            IsOwnedByProfile: true,
            IsCustom: false,
            ProfileId: profileId,
            PermissionsViewAllData: userPermissions.has('ViewAllData') || userPermissions.has('ModifyAllData'),
            PermissionsModifyAllData: userPermissions.has('ModifyAllData'),
            PermissionsCustomizeApplication: userPermissions.has('CustomizeApplication')
        };
    });
    const profileSetIds = dml('insert', 'PermissionSet', profileSets, system);
    const setIds = new Map(query('PermissionSet', { IsOwnedByProfile: false }).map((set) => [lower(set.Name), set.Id]));
    const permissionRows = [
        ...STANDARD_PROFILES.flatMap((name, i) =>
            objectPermissionRows(profileSetIds[i], standardProfilePermissions(name, objectNames).objects)
        ),
        ...packageSets.flatMap((set) => objectPermissionRows(setIds.get(lower(set.name)), set.objectPermissions))
    ];
    if (permissionRows.length) dml('insert', 'ObjectPermissions', permissionRows, system);
    const given = users.length ? users : [{ FirstName: 'Preview', LastName: 'Admin', Title: 'Administrator' }];
    const ids = dml(
        'insert',
        'User',
        given.map((entry) => userRecord(entry, profiles)),
        { userId: null, system: true }
    );
    const assignments = [];
    given.forEach((user, i) => {
        for (const name of user.permissionSets ?? []) {
            if (!setIds.has(lower(name))) throw new Error(`no permission set ${name} in the package`);
            assignments.push({ AssigneeId: ids[i], PermissionSetId: setIds.get(lower(name)) });
        }
    });
    if (assignments.length) dml('insert', 'PermissionSetAssignment', assignments, { userId: ids[0], system: true });
    const byUsername = (name) => query('User', { Username: name })[0]?.Id;
    const current = currentUserId
        ? toId18(currentUserId) && hasUser(toId18(currentUserId))
            ? toId18(currentUserId)
            : byUsername(currentUserId)
        : ids[0];
    if (!current) throw new Error(`no user ${currentUserId} among the org's users`);
    given.forEach((user, i) => {
        user.Id ??= ids[i];
    });
    return current;
}

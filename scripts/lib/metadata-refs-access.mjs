// Cross-reference rules for permission sets and permission set groups: every component they grant access to
// must exist, and the grants must be ones the platform accepts (no field-level security on required or
// master-detail fields, no edit access on calculated fields, object permissions with their prerequisites).
import { sep } from 'node:path';
import { all, text, texts } from './metadata-tree.mjs';
import { suggestion } from './metadata-text.mjs';
import { packagedDirs } from './sfdx.mjs';

// Object permission -> the permissions it depends on (the platform rejects a grant without them).
// Object Reference, ObjectPermissions: PermissionsCreate/Edit/ViewAllRecords require PermissionsRead;
// PermissionsDelete requires Read and Edit; PermissionsModifyAllRecords requires Read, Delete, Edit, ViewAllRecords.
const OBJECT_PERMISSION_NEEDS = {
    allowCreate: ['allowRead'],
    allowEdit: ['allowRead'],
    allowDelete: ['allowRead', 'allowEdit'],
    viewAllRecords: ['allowRead'],
    modifyAllRecords: ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords']
};

export function checkAccess(project) {
    const findings = [];
    for (const permissionSet of project.permissionSets.values())
        findings.push(...checkPermissionSet(project, permissionSet));
    for (const group of project.permissionSetGroups.values()) {
        for (const name of texts(group.root, 'permissionSets')) {
            if (project.permissionSets.has(project.local(name)) || project.isForeign(name)) continue;
            const hint = suggestion(name, [...project.permissionSets.keys()]);
            const message = `PermissionSetGroup ${group.name}: permission set ${name} does not exist${hint}`;
            findings.push(project.finding(group.file, message, 'permissionSets', name));
        }
    }
    return findings;
}

function checkPermissionSet(project, permissionSet) {
    const { root, file, name } = permissionSet;
    const findings = [];
    const add = (message, tag, value) =>
        findings.push(project.finding(file, `PermissionSet ${name}: ${message}`, tag, value));
    const exists = (collection, element, key, label, tag) => {
        for (const grant of all(root, element)) {
            const target = text(grant, key);
            if (target && !collection.has(project.local(target)) && !project.isForeign(target)) {
                add(
                    `${element}: ${label} ${target} does not exist${suggestion(target, [...collection.keys()])}`,
                    tag ?? key,
                    target
                );
            }
        }
    };

    checkFieldPermissions(project, root, add);
    checkObjectPermissions(project, root, add, isPackaged(project, file));
    exists(project.classes, 'classAccesses', 'apexClass', 'Apex class');
    exists(project.pages, 'pageAccesses', 'apexPage', 'Visualforce page');
    exists(project.customPermissions, 'customPermissions', 'name', 'custom permission');
    exists(project.flows, 'flowAccesses', 'flow', 'flow');

    const metadataTypes = new Map([...project.objects].filter(([n, o]) => n.endsWith('__mdt') && o.defined));
    exists(metadataTypes, 'customMetadataTypeAccesses', 'name', 'custom metadata type');
    const settings = new Map([...project.objects].filter(([, o]) => o.defined));
    exists(settings, 'customSettingAccesses', 'name', 'custom setting');

    for (const visibility of all(root, 'applicationVisibilities')) {
        const app = text(visibility, 'application');
        if (
            app &&
            !app.startsWith('standard__') &&
            !project.applications.has(project.local(app)) &&
            !project.isForeign(app)
        ) {
            add(`applicationVisibilities: application ${app} does not exist`, 'application', app);
        }
    }
    for (const setting of all(root, 'tabSettings')) {
        const tab = text(setting, 'tab');
        if (tab && !tab.startsWith('standard-') && !project.tabs.has(project.local(tab)) && !project.isForeign(tab)) {
            add(`tabSettings: tab ${tab} does not exist${suggestion(tab, [...project.tabs.keys()])}`, 'tab', tab);
        }
    }
    for (const visibility of all(root, 'recordTypeVisibilities')) {
        const recordType = text(visibility, 'recordType') ?? '';
        const [objectName, recordTypeName] = recordType.split('.');
        const object = project.findObject(objectName);
        if (project.isCustom(objectName) && !object?.recordTypes.has(recordTypeName)) {
            add(`recordTypeVisibilities: record type ${recordType} does not exist`, 'recordType', recordType);
        }
    }
    return findings;
}

function checkFieldPermissions(project, root, add) {
    for (const permission of all(root, 'fieldPermissions')) {
        const reference = text(permission, 'field') ?? '';
        const [objectName, fieldName] = reference.split('.');
        const missing = project.missingField(objectName, fieldName ?? '', 'fieldPermissions');
        if (missing) {
            add(missing, 'field', reference);
            continue;
        }
        const { field } = project.lookupField(objectName, fieldName);
        if (!field || field.standard) continue;
        // The platform manages access to these itself and rejects a deployment that sets it.
        if (field.required)
            add(
                `fieldPermissions: ${reference} is a required field; field access cannot be granted on it`,
                'field',
                reference
            );
        if (field.masterDetail) {
            add(
                `fieldPermissions: ${reference} is a master-detail field; field access cannot be granted on it`,
                'field',
                reference
            );
        }
        // Object Reference, FieldPermissions: PermissionsEdit requires PermissionsRead for the same field.
        const editable = text(permission, 'editable') === 'true';
        if (editable && text(permission, 'readable') !== 'true') {
            add(`fieldPermissions: ${reference} is editable but not readable`, 'field', reference);
        }
        // Formula, roll-up summary and auto-number fields are calculated by the platform and never updateable
        // (Object Reference, Field Types: "calculated" fields and autonumber are read-only; the permission set
        // editor greys Edit out). The Metadata API ignores such a grant rather than rejecting it (Salesforce's
        // coral-cloud sample deploys one), so an editable grant only ever misleads: it is reported.
        const calculated = calculatedKind(field);
        if (editable && calculated) {
            add(`fieldPermissions: ${reference} is a ${calculated} field and cannot be editable`, 'field', reference);
        }
    }
}

/** 'formula', 'roll-up summary' or 'auto-number' for a field the platform calculates, else undefined. */
export function calculatedKind(field) {
    if (!field?.root) return undefined;
    if (text(field.root, 'formula')) return 'formula';
    if (field.type === 'Summary') return 'roll-up summary';
    if (field.type === 'AutoNumber') return 'auto-number';
    return undefined;
}

/** True when the permission set ships in the package (a packaged directory), not a dev-only one. */
function isPackaged(project, file) {
    return packagedDirs(project.root).some((dir) => file.startsWith(dir + sep));
}

// View All and Modify All reach records regardless of sharing. On a detail whose sharing is controlled by its
// master they must be granted on the master too (Salesforce Help, "Object Permissions" and "Considerations for
// Relationships": a detail record's access follows its master's; the permission editor enables the master's View
// All / Modify All along with the detail's, and the Metadata API rejects a detail grant without it).
const MASTER_NEEDS = ['viewAllRecords', 'modifyAllRecords'];

function checkObjectPermissions(project, root, add, packaged) {
    const grants = new Map(all(root, 'objectPermissions').map((p) => [project.local(text(p, 'object') ?? ''), p]));
    for (const permission of all(root, 'objectPermissions')) {
        const objectName = text(permission, 'object');
        if (objectName && !project.hasObject(objectName)) {
            const hint = suggestion(project.local(objectName), project.knownObjects());
            add(`objectPermissions: object ${objectName} does not exist${hint}`, 'object', objectName);
            continue;
        }
        // ISVforce Guide / Second-Generation Managed Packaging Developer Guide, "Permission Set Groups" and
        // "Permission Sets and Profile Settings in Packages": object permissions for standard objects cannot be
        // included in managed packages; they are ignored at install.
        if (packaged && !project.isCustom(objectName) && !project.isForeign(objectName)) {
            add(
                `objectPermissions on ${objectName}: object permissions for standard objects cannot be packaged (they are ignored at install); leave them to the subscriber's profiles`,
                'object',
                objectName
            );
            continue;
        }
        // Big objects (__b) and platform events (__e) have their own, smaller sets of permissions.
        if (/__(b|e)$/.test(objectName)) continue;
        for (const [grant, needs] of Object.entries(OBJECT_PERMISSION_NEEDS)) {
            if (text(permission, grant) !== 'true') continue;
            const lacking = needs.filter((need) => text(permission, need) !== 'true');
            if (lacking.length) {
                add(
                    `objectPermissions on ${objectName}: ${grant} requires ${lacking.join(', ')}`,
                    'object',
                    objectName
                );
            }
        }
        checkAgainstMasters(project, objectName, permission, grants, packaged, add);
    }
}

/** A detail's permissions may not exceed its masters': read needs the master readable, View/Modify All the same. */
function checkAgainstMasters(project, objectName, permission, grants, packaged, add) {
    const object = project.findObject(objectName);
    if (!object?.root || text(object.root, 'sharingModel') !== 'ControlledByParent') return;
    for (const masterField of project.masterDetails(objectName)) {
        const master = text(masterField.root, 'referenceTo');
        if (!master) continue;
        const standardMaster = !project.isCustom(master);
        const masterGrant = grants.get(project.local(master));
        for (const grant of MASTER_NEEDS) {
            if (text(permission, grant) !== 'true' || text(masterGrant, grant) === 'true') continue;
            const why =
                standardMaster && packaged
                    ? `, which a packaged permission set cannot grant on a standard object: drop ${grant} here (access to ${objectName} follows access to ${master})`
                    : '';
            add(
                `objectPermissions on ${objectName}: ${grant} on a detail whose sharing is controlled by its parent requires ${grant} on its master ${master}${why}`,
                'object',
                objectName
            );
        }
        // Read on the master comes from the subscriber's profiles for a standard master; a custom one must be here.
        if (standardMaster) continue;
        const detailGrants = ['allowRead', 'allowCreate', 'allowEdit', 'allowDelete'].filter(
            (g) => text(permission, g) === 'true'
        );
        if (detailGrants.length && text(masterGrant, 'allowRead') !== 'true') {
            add(
                `objectPermissions on ${objectName}: ${detailGrants.join(', ')} on a detail requires allowRead on its master ${master}`,
                'object',
                objectName
            );
        }
    }
}

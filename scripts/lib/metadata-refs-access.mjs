// Cross-reference rules for permission sets and permission set groups: every component they grant access to
// must exist, and the grants must be ones the platform accepts (no field-level security on required or
// master-detail fields, no edit access on calculated fields, object permissions with their prerequisites).
import { all, text, texts } from './metadata-tree.mjs';
import { suggestion } from './metadata-text.mjs';

// Object permission -> the permissions it depends on (the platform rejects a grant without them).
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
    checkObjectPermissions(project, root, add);
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
        // Edit access on a formula field is not rejected (Salesforce's coral-cloud sample deploys one): the
        // platform just ignores it. Edit without read is.
        const editable = text(permission, 'editable') === 'true';
        if (editable && text(permission, 'readable') === 'false') {
            add(`fieldPermissions: ${reference} is editable but not readable`, 'field', reference);
        }
    }
}

function checkObjectPermissions(project, root, add) {
    for (const permission of all(root, 'objectPermissions')) {
        const objectName = text(permission, 'object');
        if (objectName && !project.hasObject(objectName)) {
            const hint = suggestion(project.local(objectName), project.knownObjects());
            add(`objectPermissions: object ${objectName} does not exist${hint}`, 'object', objectName);
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
    }
}

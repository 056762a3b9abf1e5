// What the plan workspace's Apex reads from describes, answered from the package's metadata: active picklist
// values with their labels (Schema.DescribeFieldResult.getPicklistValues), and the running user's object and field
// permissions (isAccessible, isCreateable, isUpdateable, isDeletable). The embedded org does not model profiles, so
// a user's permissions are those of the package's permission sets assigned to them (the demo team holds
// Tandem_User or Tandem_Manager); a user holding none has no access to the package's objects, as a user with a
// minimum-access profile would not.
import { basename } from 'node:path';
import { readMetadataXml, sourceFiles } from '../../../scripts/lib/sfdx.mjs';

const lower = (name) => String(name).toLowerCase();

// readMetadataXml keeps lists two levels below the root and single values as one-element lists.
const list = (node, name) => {
    const value = node?.[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
};
const text = (node, name) => {
    const value = list(node, name)[0];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'object' ? (value['#text'] ?? undefined) : String(value);
};
const flag = (node, name) => text(node, name) === 'true';

// -----------------------------------------------------------------------------------------------------------------
// Picklists

const labelCache = new Map();

/** Label by value for a picklist field: its own value set, or the global value set it uses. */
function labelsOf(root, field) {
    const setName = field.picklist?.valueSetName;
    const cacheKey = setName ? `${root}#global#${lower(setName)}` : field.file;
    if (!cacheKey) return new Map();
    if (!labelCache.has(cacheKey)) {
        const labels = new Map();
        if (setName) {
            const file = sourceFiles(root, '.globalValueSet-meta.xml').find(
                (candidate) => lower(basename(candidate).replace(/\.globalValueSet-meta\.xml$/, '')) === lower(setName)
            );
            const xml = file ? readMetadataXml(file).root : {};
            for (const value of list(xml, 'customValue')) labels.set(text(value, 'fullName'), text(value, 'label'));
        } else {
            const xml = readMetadataXml(field.file).root;
            const definition = list(list(xml, 'valueSet')[0], 'valueSetDefinition')[0];
            for (const value of list(definition, 'value')) labels.set(text(value, 'fullName'), text(value, 'label'));
        }
        labelCache.set(cacheKey, labels);
    }
    return labelCache.get(cacheKey);
}

/**
 * PlanWorkspaceService.options(field.getDescribe().getPicklistValues()): the active values in their order, each
 * with its label. The org's schema keeps only the active values, so every value listed is one the org accepts.
 */
export function picklistOptions(org, sobject, fieldName) {
    const field = org.schema.object(sobject).field(fieldName);
    const labels = labelsOf(org.schema.root, field);
    return (field?.picklist?.values ?? []).map((value) => ({ label: labels.get(value) ?? value, value }));
}

// -----------------------------------------------------------------------------------------------------------------
// Object and field permissions

const permissionSetCache = new Map();

/** Every permission set of the project: object permissions by object and editable fields, by set name. */
function permissionSets(root) {
    if (!permissionSetCache.has(root)) {
        const sets = new Map();
        for (const file of sourceFiles(root, '.permissionset-meta.xml')) {
            const xml = readMetadataXml(file).root;
            const objects = new Map();
            for (const entry of list(xml, 'objectPermissions')) {
                const modifyAll = flag(entry, 'modifyAllRecords');
                const viewAll = flag(entry, 'viewAllRecords') || modifyAll;
                objects.set(lower(text(entry, 'object')), {
                    read: flag(entry, 'allowRead') || viewAll,
                    create: flag(entry, 'allowCreate') || modifyAll,
                    edit: flag(entry, 'allowEdit') || modifyAll,
                    delete: flag(entry, 'allowDelete') || modifyAll
                });
            }
            const editable = new Set(
                list(xml, 'fieldPermissions')
                    .filter((entry) => flag(entry, 'editable'))
                    .map((entry) => lower(text(entry, 'field')))
            );
            sets.set(lower(basename(file).replace(/\.permissionset-meta\.xml$/, '')), { objects, editable });
        }
        permissionSetCache.set(root, sets);
    }
    return permissionSetCache.get(root);
}

/**
 * The running user's describe answers, from the permission sets assigned to them:
 * object(name) -> { read, create, edit, delete }, and fieldUpdateable(object, field).
 */
export function describeAccess(org, userId) {
    const all = permissionSets(org.schema.root);
    const held = org
        .permissionSetsOf(userId)
        .map((name) => all.get(lower(name)))
        .filter(Boolean);
    const object = (name) => {
        const access = { read: false, create: false, edit: false, delete: false };
        for (const set of held) {
            const granted = set.objects.get(lower(name));
            if (!granted) continue;
            for (const right of Object.keys(access)) access[right] ||= granted[right];
        }
        return access;
    };
    return {
        object,
        // A required field takes no field-level security: whoever edits the object edits it.
        fieldUpdateable(objectName, fieldName) {
            if (!object(objectName).edit) return false;
            const field = org.schema.object(objectName).field(fieldName);
            if (!field) return false;
            if (field.required || field.type === 'MasterDetail') return true;
            const key = lower(`${objectName}.${field.name}`);
            return held.some((set) => set.editable.has(key));
        }
    };
}

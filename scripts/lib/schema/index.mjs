// The org's schema as the project's metadata and the platform declare it: one model read by the formula engine and
// checks, the SOQL, Apex and cross-reference checks, the embedded org (preview/org/schema.mjs) and, through the org,
// the Apex runtime. loadSchema(root) merges the project's objects and fields (project-metadata.mjs) with the standard
// objects (standard-objects.mjs) and the fields the platform gives every object (platform-fields.mjs).
//
//   schema = { root, namespace, objects, validationRules, globalValueSets, permissions, customMetadataRecords, labels }
//   objects: Map(lower-case name -> object); object = { name, custom, isCustomMetadata, customSettingsType, fields,
//            ...what the metadata or the standard model says (file, xml, label, keyPrefix, nameField...) }
//   fields:  Map(lower-case name -> field); a field of the platform has `standard: true` and `stored` (whether the
//            embedded org keeps a value for it); a project field has the facts project-metadata.mjs reads.
import { readProjectMetadata } from './project-metadata.mjs';
import { STANDARD_OBJECTS } from './standard-objects.mjs';
import { standardFields, platformFields, companionObjects } from './platform-fields.mjs';

export * from './standard-objects.mjs';
export {
    standardFields,
    platformFields,
    CUSTOM_OBJECT_CHILDREN,
    companionObjects,
    calculatedReason,
    isCalculated
} from './platform-fields.mjs';
export * from './catalogue.mjs';

const lower = (name) => name.toLowerCase();
const withoutKeys = (object, keys) => Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

function newObject(name, facts, fields = []) {
    const object = { name, custom: false, isCustomMetadata: false, ...facts, fields: new Map() };
    for (const field of fields) object.fields.set(lower(field.name), field);
    return object;
}

/** What kind of custom object a project object is ('object', 'setting', 'metadata'), or undefined if standard. */
function customKind(entry) {
    if (/__mdt$/i.test(entry.name)) return 'metadata';
    if (!/__(c|e|x)$/i.test(entry.name)) return undefined;
    return entry.customSettingsType ? 'setting' : 'object';
}

function projectObject(entry) {
    const kind = customKind(entry);
    const object = newObject(entry.name, {
        ...withoutKeys(entry, ['fields']),
        custom: Boolean(kind),
        isCustomMetadata: kind === 'metadata'
    });
    const fields = entry.fields;
    if (kind) {
        const isDetail = fields.some((field) => field.type === 'MasterDetail');
        const facts = { nameField: entry.nameField, isDetail, hasRecordTypes: entry.hasRecordTypes };
        for (const field of platformFields(kind, facts)) {
            object.fields.set(lower(field.name), field);
        }
    }
    return object;
}

const schemas = new Map();

/** The schema of the project at `root`, read once per root (pass { fresh: true } after the metadata changed). */
export function loadSchema(root, { fresh = false } = {}) {
    if (!fresh && schemas.has(root)) return schemas.get(root);
    const project = readProjectMetadata(root);
    const objects = new Map();
    for (const [name, spec] of Object.entries(STANDARD_OBJECTS)) {
        const facts = withoutKeys(spec, ['fields', 'known', 'nameField']);
        objects.set(lower(name), newObject(name, facts, standardFields(spec)));
    }
    for (const entry of project.objects) {
        const object = objects.get(lower(entry.name)) ?? projectObject(entry);
        objects.set(lower(entry.name), object);
        for (const field of entry.fields) object.fields.set(lower(field.name), field);
        if (customKind(entry) !== 'object' || !/__c$/i.test(entry.name)) continue;
        for (const companion of companionObjects(entry.name)) {
            const facts = { ...withoutKeys(companion, ['fields']), companionOf: entry.name };
            objects.set(lower(companion.name), newObject(companion.name, facts, companion.fields));
        }
    }
    const schema = { root, ...project, objects };
    schemas.set(root, schema);
    return schema;
}

/** Strips this package's namespace prefix: sources name their own components without it. */
export function withoutNamespace(schema, name) {
    const prefix = schema.namespace ? `${schema.namespace}__` : '';
    return prefix && name.toLowerCase().startsWith(prefix.toLowerCase()) ? name.slice(prefix.length) : name;
}

export function findObject(schema, name) {
    return schema.objects.get(lower(withoutNamespace(schema, name)));
}

export function findField(object, name) {
    return object?.fields.get(lower(name));
}

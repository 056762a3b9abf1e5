// The SObject schema the Apex checks resolve names against, as the Apex compiler sees it: the schema model
// (schema/index.mjs) for the project's objects and the fields the platform gives them, and the model's catalogue
// of standard objects (generated from the Apex language server's jar) for the standard ones. Names are
// case-insensitive, as in Apex and SOQL, and the project's namespace prefix is optional (`tandem__Plan__c` and
// `Plan__c` are the same field).
import {
    loadSchema as loadModel,
    standardFields,
    calculatedReason,
    CATALOGUE,
    CUSTOM_OBJECT_CHILDREN
} from './schema/index.mjs';

const lower = (name) => name.toLowerCase();

const RELATIONSHIP_TYPES = new Set([
    'Lookup',
    'MasterDetail',
    'Hierarchy',
    'MetadataRelationship',
    'ExternalLookup',
    'IndirectLookup'
]);

/** One object: canonical name, fields, relationships to parents and child relationships, all case-insensitive. */
class SObjectInfo {
    /** `open` objects are known to exist but their fields are not: every name on them is accepted. */
    constructor(name, namespace, open = false) {
        this.name = name;
        this.open = open;
        this.namespace = namespace;
        this.fields = new Map();
        // What the metadata says about a field, where known: { type, readOnly } (see fieldType, readOnlyReason).
        this.facts = new Map();
        this.relationships = new Map();
        this.children = new Map();
    }

    key(name) {
        return normalise(name, this.namespace);
    }

    addField(name, facts) {
        this.fields.set(this.key(name), name);
        if (facts) this.facts.set(this.key(name), { ...this.facts.get(this.key(name)), ...facts });
    }

    addRelationship(name, target) {
        this.relationships.set(this.key(name), target);
    }

    addChild(name, childObject) {
        this.children.set(this.key(name), childObject);
    }

    /** Canonical name of field `name`, or undefined. */
    field(name) {
        return this.fields.get(this.key(name));
    }

    /**
     * The CustomField <type> of a field ('LongTextArea', 'Html', 'Summary'...) where the schema model tells it:
     * every custom field and the standard fields it types. Undefined when unknown.
     */
    fieldType(name) {
        return this.facts.get(this.key(name))?.type;
    }

    /**
     * Why Apex cannot assign field `name` ('a formula field', 'an audit field'...), or undefined when it can or the
     * schema cannot tell. Id is assignable: `new Account(Id = someId)` names a record to update.
     */
    readOnlyReason(name) {
        return this.facts.get(this.key(name))?.readOnly;
    }

    /** Object name a relationship points at ('*' when polymorphic over any object), or undefined. */
    relationship(name) {
        return this.relationships.get(this.key(name));
    }

    /** Object name behind a child relationship (as used in a subquery's FROM), or undefined. */
    child(name) {
        return this.children.get(this.key(name));
    }
}

/** Lower-cased name without the project's namespace prefix. */
function normalise(name, namespace) {
    const lower = name.toLowerCase();
    const prefix = namespace ? `${namespace.toLowerCase()}__` : undefined;
    // Only strip when what remains is still a suffixed custom name: `tandem__Plan__c`, not a field named `tandem__x`.
    if (prefix && lower.startsWith(prefix) && lower.slice(prefix.length).includes('__')) {
        return lower.slice(prefix.length);
    }
    return lower;
}

// The fields every object has (Id, the audit fields...), for standard objects the model does not describe.
const EVERY_OBJECT = new Map(standardFields({}).map((field) => [lower(field.name), field]));

/**
 * What the checks know of a model field: its CustomField type and, when Apex cannot assign it, why (the platform's
 * reason for a standard field; calculated by the platform for a project field).
 */
function factsOf(field) {
    if (!field) return undefined;
    const readOnly = field.standard
        ? typeof field.readOnly === 'string'
            ? field.readOnly
            : undefined
        : calculatedReason(field);
    return { type: field.type, ...(readOnly ? { readOnly } : {}) };
}

function standardObject(name, namespace, model) {
    const data = CATALOGUE.objects[name];
    const info = new SObjectInfo(name, namespace);
    for (const field of Object.keys(data.fields)) {
        info.addField(field, factsOf(model?.fields.get(lower(field)) ?? EVERY_OBJECT.get(lower(field))));
    }
    for (const [relationship, target] of Object.entries(data.relationships)) info.addRelationship(relationship, target);
    for (const [child, childObject] of Object.entries(data.children)) info.addChild(child, childObject);
    return info;
}

/** A custom object, custom setting, custom metadata type or companion (X__Share...) from the model. */
function modelObject(object, namespace) {
    const info = new SObjectInfo(object.name, namespace, Boolean(object.open));
    for (const field of object.fields.values()) {
        info.addField(field.name, factsOf(field));
        if (!field.standard || !field.referenceTo || !field.relationshipName) continue;
        // The owner of a custom object is a user or a queue: the compiler types Owner as the polymorphic Name.
        const target = field.name === 'OwnerId' && object.custom ? 'Name' : field.referenceTo;
        info.addRelationship(field.relationshipName, target);
    }
    if (object.custom && !object.isCustomMetadata && !object.customSettingsType) {
        Object.entries(CUSTOM_OBJECT_CHILDREN).forEach(([child, childObject]) => info.addChild(child, childObject));
    }
    return info;
}

/** Adds a custom field's relationship if it is a lookup, and the child relationship on the parent. */
function addCustomRelationship(info, field, objects) {
    if (field.type === 'Location') {
        // A geolocation field is also readable as its two components.
        const base = field.name.slice(0, -'__c'.length);
        info.addField(`${base}__Latitude__s`);
        info.addField(`${base}__Longitude__s`);
    }
    if (!RELATIONSHIP_TYPES.has(field.type) || !field.name.endsWith('__c')) return;
    const target = field.type === 'Hierarchy' ? 'User' : (field.referenceTo ?? '*');
    info.addRelationship(`${field.name.slice(0, -'__c'.length)}__r`, target);
    const parent = objects.get(normalise(target, info.namespace));
    if (field.relationshipName && parent) parent.addChild(`${field.relationshipName}__r`, info.name);
}

/**
 * Builds the schema of the project at `root`. `object(name)` returns an SObjectInfo or undefined if no such object
 * exists; standard objects the catalogue only names come back `open` (fields not checked).
 */
export function loadSchema(root) {
    const model = loadModel(root);
    const namespace = model.namespace;
    const objects = new Map();
    const add = (info) => objects.set(normalise(info.name, namespace), info);
    for (const name of Object.keys(CATALOGUE.objects))
        add(standardObject(name, namespace, model.objects.get(lower(name))));

    const projectObjects = [...model.objects.values()].filter(
        (object) => [...object.fields.values()].some((field) => !field.standard) || object.file || object.companionOf
    );
    for (const object of projectObjects) {
        const key = normalise(object.name, namespace);
        if (/__(c|mdt)$/.test(object.name) || object.companionOf) {
            add(modelObject(object, namespace));
        } else if (!objects.has(key)) {
            // Platform events, big and external objects, and standard objects this package extends that the
            // catalogue does not describe: known to exist, fields not checked.
            add(new SObjectInfo(object.name, namespace, true));
        }
    }
    // Relationships second: a lookup adds a child relationship to its parent, which must exist by then.
    for (const object of projectObjects) {
        const info = objects.get(normalise(object.name, namespace));
        if (object.companionOf)
            objects.get(normalise(object.companionOf, namespace)).addChild(object.childRelationship, object.name);
        for (const field of object.fields.values()) {
            if (field.standard) continue;
            if (!/__(c|mdt)$/.test(object.name) && !info.open) info.addField(field.name, factsOf(field));
            addCustomRelationship(info, field, objects);
        }
    }

    const otherStandard = new Map(CATALOGUE.otherObjects.map((name) => [name.toLowerCase(), name]));
    return {
        namespace,
        object(name) {
            const key = normalise(name, namespace);
            if (objects.has(key)) return objects.get(key);
            return otherStandard.has(key) ? new SObjectInfo(otherStandard.get(key), namespace, true) : undefined;
        }
    };
}

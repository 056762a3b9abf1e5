// The SOQL engine's view of the org schema: objects (including custom metadata types), relationship names in both
// directions, and the comparison kind of each field.
import { queryError } from './errors.mjs';

const lower = (name) => String(name).toLowerCase();
const metadataObjects = new WeakMap();

/**
 * Custom metadata types are not objects of the org's store: their records come from org.customMetadata(type).
 * Their fields (and types) are the org schema's metadataTypes, made into a SOQL object once per schema.
 */
function metadataObject(schema, name) {
    let cache = metadataObjects.get(schema);
    if (!cache) metadataObjects.set(schema, (cache = new Map()));
    if (cache.has(lower(name))) return cache.get(lower(name));
    const type = schema.metadataTypes?.get(lower(name));
    if (!type) return undefined;
    const fields = new Map();
    const fieldList = [];
    for (const field of type.fields.values()) {
        const def = { name: field.name, type: field.type, custom: !field.standard };
        if (field.referenceTo) {
            def.referenceTo = field.referenceTo;
            def.relationshipName = field.name.replace(/__c$/i, '');
        }
        fields.set(lower(field.name), def);
        fieldList.push(def);
    }
    const object = {
        name: type.name,
        isMetadata: true,
        fieldList,
        childRelationships: [],
        field: (fieldName) => fields.get(lower(fieldName))
    };
    cache.set(lower(name), object);
    return object;
}

/** The object named in FROM (case-insensitive), or a QueryException worded as the platform words it. */
export function objectNamed(schema, name) {
    const object = schema.objects?.get(lower(name)) ?? metadataObject(schema, name);
    if (!object) {
        // SOQL and SOSL Reference: the API's INVALID_TYPE message for an unknown FROM object.
        queryError(
            `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append ` +
                `the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
        );
    }
    if (object.platformEvent) {
        // Platform Events Developer Guide, "Considerations for Defining and Publishing Platform Events": "No SOQL
        // Support: You can't query event messages using SOQL". The platform answers INVALID_TYPE for the event as for
        // an object the query cannot reach (wording reconstructed from platform output).
        queryError(`sObject type '${object.name}' is not supported.`);
    }
    return object;
}

/**
 * The name a lookup is followed by in a path (Owner.Name, Opportunity__r.Name): custom fields use the field name
 * with __r (SOQL and SOSL Reference, "Relationship Names for Custom Objects and Custom Fields"), standard fields
 * their relationship name.
 */
export function parentRelationshipName(field) {
    if (!field.referenceTo) return undefined;
    if (field.custom) return field.name.replace(/__c$/i, '__r');
    return field.relationshipName ?? field.name.replace(/Id$/, '');
}

/** The lookup field of `object` whose relationship is called `name`, or undefined. */
export function parentRelationship(object, name) {
    return object.fieldList.find(
        (field) => field.referenceTo && lower(parentRelationshipName(field) ?? '') === lower(name)
    );
}

/**
 * Child relationship names: custom lookups use their relationshipName with __r; for standard ones "the name of the
 * relationship is the plural name of the child object" (SOQL and SOSL Reference, "Using Relationship Queries").
 * The org may give the exact name (childRelationshipName); otherwise the API name is pluralised.
 */
export function childRelationshipName(relationship, schema) {
    if (relationship.childRelationshipName) return relationship.childRelationshipName;
    const child = schema.objects?.get(lower(relationship.childObject));
    const field = child?.field(relationship.field);
    if (field?.custom) return `${relationship.relationshipName}__r`;
    const name = relationship.childObject;
    return /[^aeiou]y$/i.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`;
}

export function childRelationship(object, name, schema) {
    return object.childRelationships.find((rel) => lower(childRelationshipName(rel, schema)) === lower(name));
}

const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent', 'Integer', 'Double', 'Long']);

/** How values of a field compare: 'number', 'date', 'datetime', 'boolean', 'id', 'multi' or 'string'. */
export function kindOf(field) {
    const type = field.type === 'Summary' ? (field.valueType ?? 'Number') : field.type;
    if (NUMBER_TYPES.has(type)) return 'number';
    if (type === 'Date') return 'date';
    if (type === 'DateTime') return 'datetime';
    if (type === 'Checkbox') return 'boolean';
    if (type === 'Id' || type === 'Lookup' || type === 'MasterDetail' || type === 'Hierarchy') return 'id';
    if (type === 'MultiselectPicklist') return 'multi';
    return 'string';
}

/** SOQL and SOSL Reference, INVALID_FIELD: the message for a field the object does not have. */
export function noSuchColumn(fieldName, object) {
    queryError(
        `No such column '${fieldName}' on entity '${object.name}'. If you are attempting to use a custom field, be sure ` +
            `to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the ` +
            `appropriate names.`
    );
}

export function badRelationship(name) {
    queryError(
        `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be ` +
            `sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe ` +
            `call for the appropriate names.`
    );
}

// References: what a dotted name in a formula names (a field, through relationships; a global variable such as
// $Permission, $CustomMetadata, $Setup, $Label, $User), resolved against the schema model (schema/index.mjs).
import { findObject, findField, withoutNamespace } from '../schema/index.mjs';
import { fieldFormulaType, GLOBAL_OBJECTS } from '../formula-types.mjs';

/** Sets `leaf` at the path `parts` of `target`, making each branch on the way with branch(). */
export const setPath = (target, parts, leaf, branch) => {
    let node = target;
    for (const part of parts.slice(0, -1)) {
        node[part] ??= branch();
        node = branch === objectType ? node[part].properties : node[part];
    }
    node[parts[parts.length - 1]] = leaf;
};
export const objectType = () => ({ type: 'object', properties: {} });

/**
 * Resolves a dotted name used in a formula on `objectName` to { parts, type, kind } or { error }. `parts` are the
 * canonical spelling; `kind` says where a scenario's value comes from.
 */
export function resolveReference(schema, objectName, text) {
    const parts = text.split('.');
    if (parts[0].startsWith('$')) return resolveGlobal(schema, parts);
    let object = findObject(schema, objectName);
    const canonical = [];
    for (const relationship of parts.slice(0, -1)) {
        if (!object) return { parts: [...canonical, ...parts.slice(canonical.length)], type: 'any', kind: 'field' };
        const bare = withoutNamespace(schema, relationship);
        const key = /__r$/i.test(bare) ? bare.replace(/__r$/i, '__c') : `${bare}Id`;
        const field = findField(object, key);
        if (!field || !field.referenceTo) {
            return { error: `relationship ${relationship} does not exist on ${object.name}` };
        }
        canonical.push(/__r$/i.test(bare) ? field.name.replace(/__c$/, '__r') : field.name.replace(/Id$/, ''));
        object = findObject(schema, field.referenceTo);
    }
    const last = parts[parts.length - 1];
    if (!object) return { parts: [...canonical, last], type: 'any', kind: 'field' };
    const field = findField(object, withoutNamespace(schema, last));
    if (!field) {
        const where = canonical.length ? `${object.name} (via ${canonical.join('.')})` : object.name;
        return { error: `field ${last} does not exist on ${where}` };
    }
    const type = fieldFormulaType(schema, field);
    if (!type) return { error: `field ${object.name}.${field.name} (${field.type}) cannot be used in a formula` };
    return { parts: [...canonical, field.name], type, kind: 'field', field, object: object.name };
}

function resolveGlobal(schema, parts) {
    const [head, ...rest] = parts;
    const name = Object.keys({
        ...GLOBAL_OBJECTS,
        $Permission: 1,
        $CustomMetadata: 1,
        $Setup: 1,
        $Label: 1,
        $System: 1,
        $Api: 1
    }).find((known) => known.toLowerCase() === head.toLowerCase());
    if (!name) return { error: `unknown global variable ${head}` };
    const expect = (count, shape) =>
        rest.length === count ? undefined : { error: `${parts.join('.')} should have the form ${name}.${shape}` };
    if (name === '$Permission') {
        const bad = expect(1, 'PermissionName');
        if (bad) return bad;
        const permission = schema.permissions.get(rest[0].toLowerCase());
        if (!permission) {
            return {
                error: `custom permission ${rest[0]} does not exist (no customPermissions/${rest[0]}.customPermission-meta.xml)`
            };
        }
        return { parts: [name, permission.name], type: 'boolean', kind: 'permission' };
    }
    if (name === '$CustomMetadata') {
        const bad = expect(3, 'Type__mdt.Record.Field__c');
        if (bad) return bad;
        const [typeName, recordName, fieldName] = rest;
        const type = findObject(schema, typeName);
        if (!type || !type.isCustomMetadata) return { error: `custom metadata type ${typeName} does not exist` };
        const record = schema.customMetadataRecords.get(`${type.name}.${recordName}`.toLowerCase());
        if (!record) {
            return {
                error: `custom metadata record ${type.name}.${recordName} does not exist (no customMetadata/${type.name.replace(/__mdt$/, '')}.${recordName}.md-meta.xml)`
            };
        }
        const field = findField(type, withoutNamespace(schema, fieldName));
        if (!field) return { error: `field ${fieldName} does not exist on custom metadata type ${type.name}` };
        return {
            parts: [name, type.name, record.record, field.name],
            type: fieldFormulaType(schema, field),
            kind: 'customMetadata',
            record
        };
    }
    if (name === '$Setup') {
        const bad = expect(2, 'Setting__c.Field__c');
        if (bad) return bad;
        const setting = findObject(schema, rest[0]);
        if (!setting || !setting.customSettingsType) return { error: `custom setting ${rest[0]} does not exist` };
        const field = findField(setting, withoutNamespace(schema, rest[1]));
        if (!field) return { error: `field ${rest[1]} does not exist on custom setting ${setting.name}` };
        return { parts: [name, setting.name, field.name], type: fieldFormulaType(schema, field), kind: 'global' };
    }
    if (name === '$Label') {
        const bad = expect(1, 'LabelName');
        if (bad) return bad;
        const label = schema.labels.get(rest[0].toLowerCase());
        if (!label) return { error: `custom label ${rest[0]} does not exist` };
        return { parts: [name, label.name], type: 'string', kind: 'label', value: label.value };
    }
    if (name === '$System' || name === '$Api') {
        return { parts: [name, ...rest], type: name === '$System' ? 'datetime' : 'string', kind: 'global' };
    }
    const bad = expect(1, 'Field');
    if (bad) return bad;
    const object = findObject(schema, GLOBAL_OBJECTS[name]);
    const field = findField(object, withoutNamespace(schema, rest[0]));
    if (!field) return { error: `field ${rest[0]} does not exist on ${name} (${object.name})` };
    return { parts: [name, field.name], type: fieldFormulaType(schema, field) ?? 'any', kind: 'global' };
}

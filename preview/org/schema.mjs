// What the embedded org knows about the package, read from the project's own metadata: objects and fields (with
// the facts a save enforces: type, required, length, precision and scale, defaults, picklist values, lookups,
// master-details, roll-ups and their filters, formulas), active validation rules, custom metadata records,
// custom permissions, permission sets and the triggers the package declares. Nothing here names a field of the
// package: change the XML and the org changes with it.
//
// The formula library (scripts/lib/formulas.mjs) already reads the objects and formulas and compiles every
// formula once per project; this module adds what a save needs beyond formulas (it re-reads each field's XML for
// required, length, filters and the like) and the standard objects of standard-objects.mjs.
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { readMetadataXml, first, sourceFiles } from '../../scripts/lib/sfdx.mjs';
import { fieldFormulaType, typedValue } from '../../scripts/lib/formula-schema.mjs';
import { loadProject, findFormula } from '../../scripts/lib/formulas.mjs';
import { STANDARD_OBJECTS, AUDIT_FIELDS } from './standard-objects.mjs';
import { addDescribeFacts } from './describe.mjs';

const lower = (name) => name.toLowerCase();

// readMetadataXml makes arrays only two levels below the root: accept a single child and a list alike.
const all = (node, name) => {
    const value = node?.[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
};
const flag = (node, name, fallback = false) => {
    const value = first(node, name);
    return value === undefined ? fallback : String(value) === 'true';
};
const number = (node, name) => {
    const value = first(node, name);
    return value === undefined || value === '' ? undefined : Number(value);
};
const textOf = (value) => (value && typeof value === 'object' ? (value['#text'] ?? '') : value);

// Lengths the platform gives types whose XML carries none.
const DEFAULT_LENGTH = { TextArea: 255, Email: 80, Phone: 40, Url: 255, Picklist: 255 };

/** Fields the platform computes: never written by a save, only by the org itself. */
export function isCalculated(field) {
    return field.formula !== undefined || field.type === 'Summary' || field.type === 'AutoNumber';
}

/** A stable three-character key prefix for a custom object, from its name, as `a` plus two base-36 digits. */
function customPrefix(name, taken) {
    let hash = 0;
    for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 1296;
    for (;;) {
        const prefix = `a${hash.toString(36).toUpperCase().padStart(2, '0')}`;
        if (!taken.has(prefix)) {
            taken.add(prefix);
            return prefix;
        }
        hash = (hash + 1) % 1296;
    }
}

function picklistOf(xml, globalValueSets) {
    const valueSet = first(xml, 'valueSet');
    if (!valueSet) return undefined;
    const setName = first(valueSet, 'valueSetName');
    if (setName) {
        const global = globalValueSets.get(lower(setName));
        // A global value set is always restricted.
        return {
            values: global?.values ?? [],
            default: global?.default,
            restricted: true,
            valueSetName: setName,
            entries: global?.entries ?? []
        };
    }
    const definition = first(valueSet, 'valueSetDefinition');
    const values = all(definition, 'value').filter((value) => flag(value, 'isActive', true));
    return {
        values: values.map((value) => textOf(first(value, 'fullName'))),
        default: values.filter((value) => flag(value, 'default')).map((value) => textOf(first(value, 'fullName')))[0],
        restricted: flag(valueSet, 'restricted'),
        entries: values.map(picklistEntry)
    };
}

/** One active value of a value set as Schema.PicklistEntry describes it: value, label, default flag. */
function picklistEntry(xml) {
    const value = String(textOf(first(xml, 'fullName')));
    return { value, label: String(textOf(first(xml, 'label')) ?? value), default: flag(xml, 'default'), active: true };
}

function readGlobalValueSets(root) {
    const sets = new Map();
    for (const file of sourceFiles(root, '.globalValueSet-meta.xml')) {
        const { root: xml } = readMetadataXml(file);
        const name = basename(file).replace(/\.globalValueSet-meta\.xml$/, '');
        const values = all(xml, 'customValue').filter((value) => flag(value, 'isActive', true));
        sets.set(lower(name), {
            name,
            values: values.map((value) => textOf(first(value, 'fullName'))),
            default: values
                .filter((value) => flag(value, 'default'))
                .map((value) => textOf(first(value, 'fullName')))[0],
            entries: values.map(picklistEntry)
        });
    }
    return sets;
}

/** A field of the project (custom object or custom field on a standard object), from its XML. */
function projectField(entry, globalValueSets) {
    const xml = entry.file ? readMetadataXml(entry.file).root : {};
    const type = entry.type;
    const field = {
        name: entry.name,
        label: textOf(first(xml, 'label')) ?? entry.name,
        type,
        custom: true,
        required: type === 'MasterDetail' || flag(xml, 'required'),
        length: number(xml, 'length') ?? DEFAULT_LENGTH[type],
        precision: number(xml, 'precision'),
        scale: number(xml, 'scale'),
        defaultValue: entry.defaultValue,
        picklist: type === 'Picklist' || type === 'MultiselectPicklist' ? picklistOf(xml, globalValueSets) : undefined,
        unique: flag(xml, 'unique'),
        externalId: flag(xml, 'externalId'),
        file: entry.file
    };
    if (entry.referenceTo) {
        field.referenceTo = entry.referenceTo;
        field.relationshipName = first(xml, 'relationshipName');
        field.masterDetail = type === 'MasterDetail';
        // A detail goes with its master; a lookup is cleared unless it restricts the delete.
        field.deleteConstraint = field.masterDetail ? 'Cascade' : (first(xml, 'deleteConstraint') ?? 'SetNull');
        field.reparentable = field.masterDetail ? flag(xml, 'reparentableMasterDetail') : true;
    }
    if (entry.formula !== undefined) {
        field.formula = entry.formula;
        field.blankAsZero = entry.blankAsZero;
    }
    if (type === 'Summary') {
        const [childObject, foreignKey] = String(first(xml, 'summaryForeignKey')).split('.');
        field.summary = {
            operation: first(xml, 'summaryOperation'),
            childObject,
            foreignKey,
            summarizedField: first(xml, 'summarizedField')?.split('.')[1],
            filters: all(xml, 'summaryFilterItems').map((item) => ({
                field: String(first(item, 'field')).split('.')[1],
                operation: first(item, 'operation'),
                value: textOf(first(item, 'value')),
                valueField: first(item, 'valueField')?.split('.')[1]
            }))
        };
    }
    return field;
}

function standardField(name, spec) {
    const field = { name, label: spec.label ?? name, custom: false, required: false, ...spec };
    if (field.referenceTo) {
        field.masterDetail = false;
        field.deleteConstraint ??= 'SetNull';
        field.reparentable = true;
    }
    return field;
}

/** The system fields of every stored object: Id, the audit fields and, where the object has one, the owner. */
function systemFields(owned, audited = true) {
    const fields = [standardField('Id', { type: 'Id', label: 'Record ID', readOnly: true })];
    if (!audited) return fields;
    if (owned) {
        fields.push(
            standardField('OwnerId', {
                type: 'Lookup',
                referenceTo: 'User',
                relationshipName: 'Owner',
                label: 'Owner',
                required: true
            })
        );
    }
    for (const [name, spec] of Object.entries(AUDIT_FIELDS))
        fields.push(standardField(name, { ...spec, readOnly: true }));
    return fields;
}

function newObject(name, props) {
    const fields = new Map();
    return {
        name,
        fields,
        fieldList: [],
        validationRules: [],
        formulaFields: [],
        rollups: [],
        childRelationships: [],
        ...props,
        /** The field named (case-insensitively), or undefined. */
        field(fieldName) {
            return fields.get(lower(fieldName));
        },
        addField(field) {
            if (!fields.has(lower(field.name))) this.fieldList.push(field);
            else this.fieldList[this.fieldList.indexOf(fields.get(lower(field.name)))] = field;
            fields.set(lower(field.name), field);
        }
    };
}

function standardObject(name, spec) {
    const object = newObject(name, {
        label: spec.label,
        pluralLabel: spec.pluralLabel,
        keyPrefix: spec.keyPrefix,
        custom: false,
        derive: spec.derive,
        setup: Boolean(spec.setup),
        readOnlyDml: Boolean(spec.readOnlyDml),
        computed: Boolean(spec.computed),
        nameFieldName: spec.nameFieldName
    });
    for (const field of systemFields(spec.owned, !spec.noAudit)) object.addField(field);
    if (spec.nameField) object.addField(standardField('Name', spec.nameField));
    for (const [fieldName, fieldSpec] of Object.entries(spec.fields))
        object.addField(standardField(fieldName, fieldSpec));
    return object;
}

function customObject(entry, keyPrefix) {
    const xml = entry.file ? readMetadataXml(entry.file).root : {};
    const nameXml = first(xml, 'nameField');
    const nameType = first(nameXml, 'type') ?? 'Text';
    const fields = [...entry.fields.values()];
    // A detail record has no owner of its own: its master's owner governs it.
    const owned = !fields.some((field) => field.type === 'MasterDetail');
    const object = newObject(entry.name, {
        label: textOf(first(xml, 'label')) ?? entry.name,
        pluralLabel: textOf(first(xml, 'pluralLabel')) ?? entry.name,
        keyPrefix,
        custom: true,
        // Metadata API, CustomObject: sharingModel (Private, Read, ReadWrite, ControlledByParent, ...).
        sharingModel: first(xml, 'sharingModel') ?? (owned ? 'ReadWrite' : 'ControlledByParent')
    });
    for (const field of systemFields(owned)) object.addField(field);
    object.addField(
        standardField('Name', {
            type: nameType,
            label: textOf(first(nameXml, 'label')) ?? 'Name',
            length: 80,
            required: nameType !== 'AutoNumber',
            displayFormat: first(nameXml, 'displayFormat'),
            readOnly: nameType === 'AutoNumber'
        })
    );
    return object;
}

/**
 * Orders an object's formula fields so that each comes after the formula fields of the same record it reads
 * (Health__c after Days_Overdue__c after ...): computed on read in that order, each sees the others' values.
 */
function orderFormulaFields(root, object, problems) {
    const entries = object.fieldList
        .filter((field) => field.formula !== undefined)
        .map((field) => {
            const { analysis } = findFormula(root, { object: object.name, field: field.name });
            if (analysis.problems.length || !analysis.compiled) {
                problems.push(
                    `formula field ${object.name}.${field.name} cannot be evaluated: ${
                        analysis.problems.map((problem) => problem.message).join('; ') ||
                        'uses a function unavailable offline'
                    }`
                );
            }
            return { field, analysis };
        });
    const byName = new Map(entries.map((entry) => [lower(entry.field.name), entry]));
    const ordered = [];
    const state = new Map();
    const visit = (entry, path) => {
        const key = lower(entry.field.name);
        if (state.get(key) === 'done') return;
        if (state.get(key) === 'visiting') {
            problems.push(`formula fields of ${object.name} refer to each other in a cycle: ${path.join(' -> ')}`);
            return;
        }
        state.set(key, 'visiting');
        for (const reference of entry.analysis.references) {
            if (reference.kind !== 'field' || reference.parts.length !== 1) continue;
            const dependency = byName.get(lower(reference.parts[0]));
            if (dependency) visit(dependency, [...path, dependency.field.name]);
        }
        state.set(key, 'done');
        ordered.push(entry);
    };
    for (const entry of entries) visit(entry, [entry.field.name]);
    return ordered;
}

function readPermissionSets(root) {
    const sets = new Map();
    for (const file of sourceFiles(root, '.permissionset-meta.xml')) {
        const { root: xml } = readMetadataXml(file);
        const name = basename(file).replace(/\.permissionset-meta\.xml$/, '');
        // Metadata API, PermissionSet: objectPermissions, fieldPermissions ('Object.Field'), customPermissions and
        // userPermissions (ViewAllData, ModifyAllData, ...), each granted only where its flags say so.
        sets.set(lower(name), {
            name,
            label: textOf(first(xml, 'label')) ?? name,
            description: textOf(first(xml, 'description')) ?? null,
            customPermissions: all(xml, 'customPermissions')
                .filter((entry) => flag(entry, 'enabled'))
                .map((entry) => first(entry, 'name')),
            objectPermissions: all(xml, 'objectPermissions').map((entry) => ({
                object: first(entry, 'object'),
                read: flag(entry, 'allowRead'),
                create: flag(entry, 'allowCreate'),
                edit: flag(entry, 'allowEdit'),
                delete: flag(entry, 'allowDelete'),
                viewAll: flag(entry, 'viewAllRecords'),
                modifyAll: flag(entry, 'modifyAllRecords')
            })),
            fieldPermissions: all(xml, 'fieldPermissions').map((entry) => ({
                field: first(entry, 'field'),
                read: flag(entry, 'readable'),
                edit: flag(entry, 'editable')
            })),
            // customMetadataTypeAccesses: read access to a custom metadata type's records.
            customMetadataTypes: all(xml, 'customMetadataTypeAccesses')
                .filter((entry) => flag(entry, 'enabled'))
                .map((entry) => first(entry, 'name')),
            userPermissions: all(xml, 'userPermissions')
                .filter((entry) => flag(entry, 'enabled'))
                .map((entry) => first(entry, 'name'))
        });
    }
    return sets;
}

/** `trigger Name on Object (before insert, after update)`: which events the package's Apex handles. */
function readTriggers(root) {
    const triggers = [];
    for (const file of sourceFiles(root, '.trigger')) {
        const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        const match = /\btrigger\s+(\w+)\s+on\s+(\w+)\s*\(([^)]*)\)/i.exec(source);
        // A trigger the org could not read would silently never run: refuse the project instead.
        if (!match) throw new Error(`${file}: no "trigger Name on Object (events)" header the embedded org can read`);
        triggers.push({
            name: match[1],
            object: match[2],
            file,
            events: match[3]
                .split(',')
                .map((event) => event.trim().toLowerCase().replace(/\s+/g, ' '))
                .filter(Boolean)
        });
    }
    return triggers;
}

function readCustomMetadata(project, objects) {
    const byType = new Map();
    for (const record of project.schema.customMetadataRecords.values()) {
        const type = project.schema.objects.get(lower(record.type));
        if (!type) continue;
        const { root: xml } = readMetadataXml(record.file);
        const typed = {
            DeveloperName: record.record,
            MasterLabel: textOf(first(xml, 'label')) ?? record.record,
            Label: textOf(first(xml, 'label')) ?? record.record,
            QualifiedApiName: record.record,
            NamespacePrefix: project.schema.namespace || null
        };
        for (const field of type.fields.values()) {
            if (field.standard) continue;
            const raw = Object.entries(record.values).find(([name]) => lower(name) === lower(field.name))?.[1];
            typed[field.name] = typedValue(fieldFormulaType(project.schema, field), raw ?? null);
        }
        const list = byType.get(lower(type.name)) ?? [];
        list.push(typed);
        byType.set(lower(type.name), list);
    }
    for (const [key, list] of byType) {
        list.sort((a, b) => a.DeveloperName.localeCompare(b.DeveloperName));
        const type = objects.get(key);
        // fields: the type's field specs by lower-case name (type, length, precision), for writes that check them.
        byType.set(key, {
            name: type?.name ?? list[0]?.DeveloperName,
            fields: type?.fields ?? new Map(),
            records: list
        });
    }
    return byType;
}

const schemas = new Map();

/**
 * The org's schema for the project at `root`, built once per root (pass { fresh: true } after the metadata
 * changed). Returns { root, namespace, objects, object(name), customMetadata(type), customMetadataTypes,
 * permissionSets, customPermissions, triggers, problems }; `problems` lists what could not be applied (a formula
 * that does not compile offline, say), so the preview can show it rather than fail.
 */
export function loadOrgSchema(root, { fresh = false } = {}) {
    if (!fresh && schemas.has(root)) return schemas.get(root);
    const project = loadProject(root, { fresh });
    const globalValueSets = readGlobalValueSets(root);
    const problems = [];
    const objects = new Map();
    const taken = new Set(Object.values(STANDARD_OBJECTS).map((spec) => spec.keyPrefix));

    for (const [name, spec] of Object.entries(STANDARD_OBJECTS)) objects.set(lower(name), standardObject(name, spec));
    const customNames = [...project.schema.objects.values()]
        .filter((entry) => entry.custom && !entry.isCustomMetadata && !entry.customSettingsType)
        .map((entry) => entry.name)
        .sort();
    for (const name of customNames) {
        objects.set(lower(name), customObject(project.schema.objects.get(lower(name)), customPrefix(name, taken)));
    }
    // The project's own fields, on its objects and on the standard objects it extends.
    for (const entry of project.schema.objects.values()) {
        const object = objects.get(lower(entry.name));
        if (!object) continue;
        for (const field of entry.fields.values()) {
            if (field.standard) continue;
            object.addField(projectField(field, globalValueSets));
        }
    }
    for (const entry of project.schema.objects.values()) {
        if (!objects.has(lower(entry.name)) && !entry.custom && [...entry.fields.values()].some((f) => !f.standard)) {
            problems.push(`the package adds fields to ${entry.name}, which the embedded org does not model`);
        }
    }

    for (const object of objects.values()) {
        for (const field of object.fieldList) {
            if (field.referenceTo) {
                const parent = objects.get(lower(field.referenceTo));
                if (!parent) {
                    problems.push(
                        `${object.name}.${field.name} refers to ${field.referenceTo}, which the org does not model`
                    );
                    continue;
                }
                parent.childRelationships.push({
                    childObject: object.name,
                    field: field.name,
                    relationshipName: field.relationshipName,
                    deleteConstraint: field.deleteConstraint,
                    masterDetail: field.masterDetail
                });
            }
            if (field.summary) {
                const child = objects.get(lower(field.summary.childObject));
                if (!child) {
                    problems.push(
                        `roll-up ${object.name}.${field.name} summarizes ${field.summary.childObject}, unknown`
                    );
                    continue;
                }
                child.rollups.push({ parentObject: object.name, field: field.name, ...field.summary });
                // A count or sum is a number; a min or max has the type of the field it summarizes.
                const summarized = field.summary.summarizedField && child.field(field.summary.summarizedField);
                field.valueType = ['min', 'max'].includes(field.summary.operation)
                    ? (summarized?.type ?? 'Number')
                    : 'Number';
                if (field.valueType === 'Number') field.scale ??= summarized?.scale ?? 0;
            }
        }
        object.formulaFields = orderFormulaFields(root, object, problems);
    }

    for (const rule of project.schema.validationRules) {
        const object = objects.get(lower(rule.object));
        if (!rule.active || !object) continue;
        const { analysis } = findFormula(root, { object: rule.object, rule: rule.name });
        if (analysis.problems.length || !analysis.compiled) {
            problems.push(
                `validation rule ${rule.object}.${rule.name} is not applied: ${
                    analysis.problems.map((problem) => problem.message).join('; ') ||
                    'uses a function unavailable offline'
                }`
            );
            continue;
        }
        object.validationRules.push({
            name: rule.name,
            errorMessage: rule.errorMessage,
            errorDisplayField: rule.errorDisplayField ? object.field(rule.errorDisplayField)?.name : undefined,
            analysis
        });
    }

    const permissionSets = readPermissionSets(root);
    const customPermissions = new Map(
        [...project.schema.permissions.values()].map((permission) => [lower(permission.name), permission.name])
    );
    for (const set of permissionSets.values()) {
        for (const name of set.customPermissions) {
            if (!customPermissions.has(lower(name))) {
                problems.push(`permission set ${set.name} grants custom permission ${name}, which does not exist`);
            }
        }
    }
    const customMetadataTypes = readCustomMetadata(project, project.schema.objects);

    const schema = {
        root,
        namespace: project.schema.namespace,
        objects,
        globalValueSets,
        permissionSets,
        customPermissions,
        customMetadataTypes,
        triggers: readTriggers(root),
        problems,
        /** The object named (case-insensitively); throws for one the org does not model. */
        object(name) {
            const object = objects.get(lower(name));
            if (!object) throw new Error(`sObject type '${name}' is not supported by the embedded org`);
            return object;
        },
        /** The object whose records have this key prefix (an Id's first three characters). */
        objectOfPrefix(prefix) {
            return prefixes.get(prefix);
        },
        /** The records of a custom metadata type, typed from its fields (a copy each time). */
        customMetadata(type) {
            const entry = customMetadataTypes.get(lower(type));
            if (!entry) throw new Error(`custom metadata type ${type} is not in the package`);
            return entry.records.map((record) => ({ ...record }));
        },
        /** Permission sets (by API name) that grant the custom permission. */
        permissionSetsGranting(permission) {
            return [...permissionSets.values()]
                .filter((set) => set.customPermissions.some((name) => lower(name) === lower(permission)))
                .map((set) => set.name);
        }
    };
    const prefixes = new Map(
        [...objects.values()].filter((object) => object.keyPrefix).map((object) => [object.keyPrefix, object])
    );
    addDescribeFacts(objects);
    schemas.set(root, schema);
    return schema;
}

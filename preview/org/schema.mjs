// What the embedded org knows about the package: the schema model (scripts/lib/schema/) as the org stores it, with
// the facts a save enforces (type, required, length, precision and scale, defaults, picklist values, lookups,
// master-details, roll-ups and their filters, formulas), active validation rules, custom metadata records, custom
// permissions, permission sets and the triggers the package declares. Nothing here names a field of the package:
// change the XML and the org changes with it. Of the standard objects and the platform's fields the org stores the
// ones the model marks `stored`.
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { readMetadataXml, first, sourceFiles } from '../../scripts/lib/sfdx.mjs';
import { all, flag, text } from '../../scripts/lib/metadata-tree.mjs';
import { fieldFormulaType, typedValue } from '../../scripts/lib/formula-types.mjs';
import { loadProject, findFormula } from '../../scripts/lib/formulas.mjs';
import { STANDARD_OBJECTS, isCalculated } from '../../scripts/lib/schema/index.mjs';
import { addDescribeFacts } from './describe.mjs';

const lower = (name) => name.toLowerCase();

// Lengths the platform gives types whose XML carries none.
const DEFAULT_LENGTH = { TextArea: 255, Email: 80, Phone: 40, Url: 255, Picklist: 255 };

export { isCalculated };

/** A stable three-character key prefix for a custom object, from its name, as `a` (an event: `e`) plus two base-36 digits. */
function customPrefix(name, taken, first = 'a') {
    let hash = 0;
    for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 1296;
    for (;;) {
        const prefix = `${first}${hash.toString(36).toUpperCase().padStart(2, '0')}`;
        if (!taken.has(prefix)) {
            taken.add(prefix);
            return prefix;
        }
        hash = (hash + 1) % 1296;
    }
}

/** A value set as the org enforces it: its active values, the default among them, whether it is restricted. */
function orgPicklist(picklist) {
    if (!picklist) return undefined;
    const active = (picklist.entries ?? []).filter((entry) => entry.active);
    return {
        values: active.map((entry) => entry.value),
        default: active.find((entry) => entry.default)?.value,
        restricted: picklist.restricted,
        ...(picklist.valueSetName ? { valueSetName: picklist.valueSetName } : {}),
        // As Schema.PicklistEntry describes each value: value, label, default flag.
        entries: active.map((entry) => ({
            value: entry.value,
            label: entry.label,
            default: entry.default,
            active: true
        }))
    };
}

/** A field of the project (custom object or custom field on a standard object), from the schema model. */
function projectField(entry) {
    const type = entry.type;
    const field = {
        name: entry.name,
        label: entry.label ?? entry.name,
        type,
        custom: true,
        required: type === 'MasterDetail' || entry.required,
        length: entry.length ?? DEFAULT_LENGTH[type],
        precision: entry.precision,
        scale: entry.scale,
        defaultValue: entry.defaultValue,
        picklist: type === 'Picklist' || type === 'MultiselectPicklist' ? orgPicklist(entry.picklist) : undefined,
        unique: entry.unique,
        caseSensitive: entry.caseSensitive,
        externalId: entry.externalId,
        file: entry.file
    };
    if (entry.referenceTo) {
        field.referenceTo = entry.referenceTo;
        field.relationshipName = entry.relationshipName;
        field.masterDetail = type === 'MasterDetail';
        // A detail goes with its master; a lookup is cleared unless it restricts the delete.
        field.deleteConstraint = field.masterDetail ? 'Cascade' : (entry.deleteConstraint ?? 'SetNull');
        field.reparentable = field.masterDetail ? entry.reparentableMasterDetail : true;
    }
    if (entry.formula !== undefined) {
        field.formula = entry.formula;
        field.blankAsZero = entry.blankAsZero;
    }
    if (type === 'Summary') {
        const [childObject, foreignKey] = String(entry.summaryForeignKey).split('.');
        field.summary = {
            operation: entry.summaryOperation,
            childObject,
            foreignKey,
            summarizedField: entry.summarizedField?.split('.')[1],
            filters: entry.summaryFilters.map((item) => ({
                field: String(item.field).split('.')[1],
                operation: item.operation,
                value: item.value,
                valueField: item.valueField?.split('.')[1]
            }))
        };
    }
    return field;
}

/** A field of the platform the org stores (Id, the owner, the audit fields, the Name, a standard object's own). */
function standardField(entry) {
    const field = { label: entry.name, custom: false, required: false, ...entry };
    delete field.standard;
    delete field.stored;
    // A polymorphic lookup (a custom setting's SetupOwnerId: the organization, a profile or a user; an activity's
    // WhoId and WhatId) is kept as the id it holds, with no single parent object to check it against.
    if (field.referenceTo === '*') {
        delete field.referenceTo;
        delete field.relationshipName;
        field.polymorphic = true;
    }
    if (entry.picklist) field.picklist = orgPicklist(entry.picklist);
    if (field.referenceTo) {
        field.masterDetail = false;
        field.deleteConstraint ??= 'SetNull';
        field.reparentable = true;
    }
    return field;
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

/** The org's object for a model object: the platform fields it stores first, then the project's own fields. */
function orgObject(entry, props) {
    const object = newObject(entry.name, props);
    const fields = [...entry.fields.values()];
    for (const field of fields.filter((f) => f.standard && f.stored)) object.addField(standardField(field));
    for (const field of fields.filter((f) => !f.standard)) object.addField(projectField(field));
    return object;
}

function standardObject(entry) {
    return orgObject(entry, {
        label: entry.label,
        pluralLabel: entry.pluralLabel,
        keyPrefix: entry.keyPrefix,
        custom: false,
        derive: entry.derive,
        ...(entry.sharingModel ? { sharingModel: entry.sharingModel } : {}),
        setup: Boolean(entry.setup),
        readOnlyDml: Boolean(entry.readOnlyDml),
        computed: Boolean(entry.computed),
        nameFieldName: entry.nameFieldName
    });
}

function customObject(entry, keyPrefix) {
    if (entry.customSettingsType) return customSetting(entry, keyPrefix);
    if (/__e$/i.test(entry.name)) return platformEvent(entry, keyPrefix);
    const owned = entry.fields.has('ownerid');
    return orgObject(entry, {
        label: entry.label ?? entry.name,
        pluralLabel: entry.pluralLabel ?? entry.name,
        keyPrefix,
        custom: true,
        // Metadata API, CustomObject: sharingModel (Private, Read, ReadWrite, ControlledByParent, ...).
        sharingModel: entry.sharingModel ?? (owned ? 'ReadWrite' : 'ControlledByParent')
    });
}

/**
 * A custom setting (CustomObject with customSettingsType List or Hierarchy, Metadata API): setup data with no record
 * sharing. A list setting's records are data sets named by their Name; a hierarchy setting's records belong to the
 * organization, a profile or a user (SetupOwnerId) and need no name ("Custom Settings", Salesforce Help: "When you
 * add data to a custom setting, you must name each set of data" for list settings, while hierarchy data is added
 * per organization, profile or user).
 */
function customSetting(entry, keyPrefix) {
    const object = orgObject(entry, {
        label: entry.label ?? entry.name,
        pluralLabel: entry.pluralLabel ?? entry.label ?? entry.name,
        keyPrefix,
        custom: true,
        customSettingsType: entry.customSettingsType,
        sharingModel: 'Setup'
    });
    if (entry.customSettingsType === 'Hierarchy') object.addField({ ...object.field('Name'), required: false });
    return object;
}

// The standard fields of a platform event message (Platform Events Developer Guide, "Platform Event Fields" and the
// standard event objects' field lists, e.g. "ObjectMilestoneCreatedDtlEvent": ReplayId "string ... populated by the
// system and refers to the position of the event in the event stream", EventUuid "A universally unique identifier
// (UUID) that identifies a platform event message" (API version 52.0 and later), CreatedDate, CreatedById). The
// system sets them: Apex cannot write them (readOnly), a subscriber reads them.
const EVENT_FIELDS = [
    { name: 'ReplayId', label: 'Replay ID', type: 'Text', length: 1000, readOnly: true },
    { name: 'CreatedDate', label: 'Created Date', type: 'DateTime', readOnly: true },
    { name: 'CreatedById', label: 'Created By ID', type: 'Lookup', referenceTo: 'User', readOnly: true },
    { name: 'EventUuid', label: 'Event UUID', type: 'Text', length: 36, readOnly: true }
];

/**
 * A platform event (CustomObject whose name ends in __e, Metadata API: eventType HighVolume or StandardVolume,
 * publishBehavior PublishAfterCommit or PublishImmediately): an sObject type Apex creates and publishes with
 * EventBus.publish, never a table. "Considerations for Defining and Publishing Platform Events"
 * (https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_considerations.htm):
 * "No SOQL Support: You can't query event messages using SOQL"; the org stores no event record (the published
 * messages are org.publishedEvents()). Its own fields keep their XML facts (required, length: "Enforcement of Field
 * Attributes"). No Id is stored or delivered (EventBus Class: "The Id field value is not included in the event
 * message delivered to subscribers"), no owner and no Name.
 */
function platformEvent(entry, keyPrefix) {
    const object = newObject(entry.name, {
        label: entry.label ?? entry.name,
        pluralLabel: entry.pluralLabel ?? entry.name,
        keyPrefix,
        custom: true,
        platformEvent: {
            // Platform Events Developer Guide, "Platform Event Fields": "Publish Immediately ... is the default option".
            publishBehavior: text(entry.xml, 'publishBehavior') ?? 'PublishImmediately',
            eventType: text(entry.xml, 'eventType') ?? 'HighVolume'
        }
    });
    for (const field of EVENT_FIELDS) object.addField(standardField({ custom: false, required: false, ...field }));
    for (const field of [...entry.fields.values()].filter((f) => !f.standard)) object.addField(projectField(field));
    return object;
}

/** Why the org cannot evaluate an analysed formula (its problems, or a function unavailable offline), or null. */
function whyNotEvaluable(analysis) {
    if (!analysis.problems.length && analysis.compiled) return null;
    return analysis.problems.map((problem) => problem.message).join('; ') || 'uses a function unavailable offline';
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
            const why = whyNotEvaluable(analysis);
            if (why) problems.push(`formula field ${object.name}.${field.name} cannot be evaluated: ${why}`);
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
            label: text(xml, 'label') ?? name,
            description: text(xml, 'description') ?? null,
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

/** The fields the org keeps for a custom metadata type: its own and the standard ones its records carry. */
const storedFields = (type) => new Map([...type.fields].filter(([, field]) => !field.standard || field.stored));

function readCustomMetadata(model) {
    // Every custom metadata type, also one that ships no record (the org's admin adds them): its queries and getAll()
    // answer with no rows rather than an error.
    const byType = new Map(
        [...model.objects.values()]
            .filter((object) => object.isCustomMetadata)
            .map((object) => [lower(object.name), []])
    );
    for (const record of model.customMetadataRecords.values()) {
        const type = model.objects.get(lower(record.type));
        if (!type) continue;
        const typed = {
            DeveloperName: record.record,
            MasterLabel: record.label ?? record.record,
            Label: record.label ?? record.record,
            QualifiedApiName: record.record,
            NamespacePrefix: model.namespace || null
        };
        for (const field of type.fields.values()) {
            if (field.standard) continue;
            const raw = Object.entries(record.values).find(([name]) => lower(name) === lower(field.name))?.[1];
            typed[field.name] = typedValue(fieldFormulaType(model, field), raw ?? null);
        }
        const list = byType.get(lower(type.name)) ?? [];
        list.push(typed);
        byType.set(lower(type.name), list);
    }
    for (const [key, list] of byType) {
        list.sort((a, b) => a.DeveloperName.localeCompare(b.DeveloperName));
        const type = model.objects.get(key);
        // fields: the type's field specs by lower-case name (type, length, precision), for writes that check them.
        byType.set(key, {
            name: type?.name ?? list[0]?.DeveloperName,
            fields: type ? storedFields(type) : new Map(),
            records: list
        });
    }
    return byType;
}

/** The org's global value sets: each set's active values, its default and its entries, as a field using it has. */
function orgGlobalValueSets(model) {
    return new Map(
        [...model.globalValueSets].map(([key, set]) => [
            key,
            { name: set.name, ...orgPicklist({ entries: set.entries }) }
        ])
    );
}

const schemas = new Map();

/**
 * The org's schema for the project at `root`, built once per root (pass { fresh: true } after the metadata
 * changed). Returns { root, namespace, objects, object(name), customMetadata(type), customMetadataTypes,
 * metadataTypes, permissionSets, customPermissions, triggers, problems }; `problems` lists what could not be
 * applied (a formula that does not compile offline, say), so the preview can show it rather than fail.
 */
export function loadOrgSchema(root, { fresh = false } = {}) {
    if (!fresh && schemas.has(root)) return schemas.get(root);
    const model = loadProject(root, { fresh }).schema;
    const globalValueSets = orgGlobalValueSets(model);
    const problems = [];
    const objects = new Map();
    const entries = [...model.objects.values()];
    const standard = Object.keys(STANDARD_OBJECTS)
        .filter((name) => STANDARD_OBJECTS[name].stored !== false)
        .map((name) => model.objects.get(lower(name)));
    const taken = new Set(standard.map((entry) => entry.keyPrefix));

    for (const entry of standard) objects.set(lower(entry.name), standardObject(entry));
    const customNames = entries
        .filter((entry) => entry.custom && !entry.isCustomMetadata)
        .map((entry) => entry.name)
        .sort();
    for (const name of customNames) {
        // A platform event's key prefix starts with "e" (the Id of its SaveResult, "not always unique").
        const prefix = /__e$/i.test(name) ? customPrefix(name, taken, 'e') : customPrefix(name, taken);
        objects.set(lower(name), customObject(model.objects.get(lower(name)), prefix));
    }
    for (const entry of entries) {
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

    for (const rule of model.validationRules) {
        const object = objects.get(lower(rule.object));
        if (!rule.active || !object) continue;
        const { analysis } = findFormula(root, { object: rule.object, rule: rule.name });
        const why = whyNotEvaluable(analysis);
        if (why) {
            problems.push(`validation rule ${rule.object}.${rule.name} is not applied: ${why}`);
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
        [...model.permissions.values()].map((permission) => [lower(permission.name), permission.name])
    );
    for (const set of permissionSets.values()) {
        for (const name of set.customPermissions) {
            if (!customPermissions.has(lower(name))) {
                problems.push(`permission set ${set.name} grants custom permission ${name}, which does not exist`);
            }
        }
    }
    const customMetadataTypes = readCustomMetadata(model);
    const metadataTypes = new Map(
        entries
            .filter((entry) => entry.isCustomMetadata)
            .map((entry) => [lower(entry.name), { name: entry.name, fields: storedFields(entry) }])
    );

    const schema = {
        root,
        namespace: model.namespace,
        objects,
        globalValueSets,
        permissionSets,
        customPermissions,
        customMetadataTypes,
        metadataTypes,
        // The project's custom notification types (Metadata API, CustomNotificationType), by lower-case name.
        notificationTypes: model.notificationTypes ?? new Map(),
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

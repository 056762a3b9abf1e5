// Reads the project's own schema metadata, once, in source format: objects and their fields (type, label, length,
// precision, scale, required, unique, defaults, picklist values with their global value sets, lookups and
// master-details, roll-ups and their filters, formulas), record types, validation rules, global value sets, custom
// permissions, custom metadata records and custom labels. Facts stay as the XML gives them; each field keeps its
// file and parsed XML for checks that look at elements this module does not interpret.
import { basename, dirname, join, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { packageDirs, walk, readMetadataXml, first } from '../sfdx.mjs';
import { all, flag, text } from '../metadata-tree.mjs';

const lower = (name) => name.toLowerCase();
const number = (node, name) => {
    const value = text(node, name);
    return value === undefined || value === '' ? undefined : Number(value);
};

/** One value of a value set: its API name, label, default flag and active flag (a value is active unless told). */
function valueEntry(xml) {
    const value = text(xml, 'fullName') ?? '';
    return {
        value,
        label: text(xml, 'label') ?? value,
        default: flag(xml, 'default'),
        active: flag(xml, 'isActive', true)
    };
}

/**
 * A field's value set: { restricted, valueSetName?, entries } with every value (inactive ones too). A global value
 * set is always restricted; `entries` is null when the project does not hold the global value set it names.
 */
function valueSetOf(xml, globalValueSets) {
    const valueSet = all(xml, 'valueSet')[0];
    if (!valueSet) return undefined;
    const valueSetName = text(valueSet, 'valueSetName');
    if (valueSetName) {
        return { valueSetName, restricted: true, entries: globalValueSets.get(lower(valueSetName))?.entries ?? null };
    }
    const values = all(valueSet, 'valueSetDefinition').flatMap((definition) => all(definition, 'value'));
    return { restricted: flag(valueSet, 'restricted'), entries: values.map(valueEntry) };
}

function readField(file) {
    const { root: xml } = readMetadataXml(file);
    const type = text(xml, 'type');
    return {
        name: text(xml, 'fullName') ?? basename(file).replace(/\.field-meta\.xml$/, ''),
        file,
        xml,
        type,
        label: text(xml, 'label'),
        required: flag(xml, 'required'),
        unique: flag(xml, 'unique'),
        caseSensitive: flag(xml, 'caseSensitive'),
        externalId: flag(xml, 'externalId'),
        length: number(xml, 'length'),
        precision: number(xml, 'precision'),
        scale: number(xml, 'scale'),
        defaultValue: text(xml, 'defaultValue'),
        formula: text(xml, 'formula'),
        blankAsZero: text(xml, 'formulaTreatBlanksAs') !== 'BlankAsBlank',
        referenceTo: text(xml, 'referenceTo'),
        relationshipName: text(xml, 'relationshipName'),
        deleteConstraint: text(xml, 'deleteConstraint'),
        reparentableMasterDetail: flag(xml, 'reparentableMasterDetail'),
        summaryOperation: text(xml, 'summaryOperation'),
        summarizedField: text(xml, 'summarizedField'),
        summaryForeignKey: text(xml, 'summaryForeignKey'),
        summaryFilters: all(xml, 'summaryFilterItems').map((item) => ({
            field: text(item, 'field'),
            operation: text(item, 'operation'),
            value: text(item, 'value'),
            valueField: text(item, 'valueField')
        }))
    };
}

function readGlobalValueSet(file) {
    const { root: xml } = readMetadataXml(file);
    const name = basename(file).replace(/\.globalValueSet-meta\.xml$/, '');
    return { name, file, entries: all(xml, 'customValue').map(valueEntry) };
}

/** A custom metadata record's values as raw strings (null for xsi:nil); typed by the consumer from the fields. */
function readCmdtValues(xml) {
    const values = {};
    for (const entry of all(xml, 'values')) {
        const field = first(entry, 'field');
        const value = first(entry, 'value');
        if (value === undefined || (typeof value === 'object' && first(value, '@_xsi:nil') === 'true')) {
            values[field] = null;
        } else {
            values[field] = typeof value === 'object' ? (value['#text'] ?? '') : value;
        }
    }
    return values;
}

/**
 * Reads every package directory. Returns { namespace, objects, validationRules, globalValueSets, permissions,
 * customMetadataRecords, labels, notificationTypes }: `objects` in the order first met, each { name, file, xml,
 * label, pluralLabel, nameField: { type, label, displayFormat }, sharingModel, customSettingsType, hasRecordTypes,
 * fields: [...] }, one entry per object however many package directories add to it; `notificationTypes` by
 * lower-case name, each { name, file, customNotifTypeName, masterLabel, description, desktop, mobile }.
 */
export function readProjectMetadata(root) {
    const projectFile = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
    const read = {
        namespace: projectFile.namespace || '',
        objects: new Map(),
        validationRules: [],
        globalValueSets: new Map(),
        permissions: new Map(),
        customMetadataRecords: new Map(),
        labels: new Map(),
        notificationTypes: new Map()
    };
    const objectNamed = (name) => {
        if (!read.objects.has(lower(name))) read.objects.set(lower(name), { name, fields: [], hasRecordTypes: false });
        return read.objects.get(lower(name));
    };
    const fieldFiles = [];
    for (const file of packageDirs(root).flatMap((dir) => walk(dir, (path) => path.endsWith('-meta.xml')))) {
        const parts = file.split(sep);
        const objectsAt = parts.lastIndexOf('objects');
        if (file.endsWith('.object-meta.xml') && objectsAt === parts.length - 3) {
            const { root: xml } = readMetadataXml(file);
            const nameField = all(xml, 'nameField')[0];
            Object.assign(objectNamed(parts[objectsAt + 1]), {
                file,
                xml,
                label: text(xml, 'label'),
                pluralLabel: text(xml, 'pluralLabel'),
                nameField: nameField && {
                    type: text(nameField, 'type'),
                    label: text(nameField, 'label'),
                    displayFormat: text(nameField, 'displayFormat')
                },
                sharingModel: text(xml, 'sharingModel'),
                customSettingsType: text(xml, 'customSettingsType')
            });
        } else if (file.endsWith('.field-meta.xml') && objectsAt === parts.length - 4) {
            fieldFiles.push([objectNamed(parts[objectsAt + 1]), file]);
        } else if (file.endsWith('.recordType-meta.xml') && objectsAt === parts.length - 4) {
            objectNamed(parts[objectsAt + 1]).hasRecordTypes = true;
        } else if (file.endsWith('.validationRule-meta.xml') && objectsAt === parts.length - 4) {
            const { root: xml } = readMetadataXml(file);
            read.validationRules.push({
                object: parts[objectsAt + 1],
                name: text(xml, 'fullName') ?? basename(file).replace(/\.validationRule-meta\.xml$/, ''),
                file,
                formula: text(xml, 'errorConditionFormula'),
                active: text(xml, 'active') !== 'false',
                errorMessage: text(xml, 'errorMessage'),
                errorDisplayField: text(xml, 'errorDisplayField')
            });
        } else if (file.endsWith('.globalValueSet-meta.xml')) {
            const set = readGlobalValueSet(file);
            read.globalValueSets.set(lower(set.name), set);
        } else if (file.endsWith('.customPermission-meta.xml')) {
            const name = basename(file).replace(/\.customPermission-meta\.xml$/, '');
            read.permissions.set(lower(name), { name, file });
        } else if (file.endsWith('.md-meta.xml') && basename(dirname(file)) === 'customMetadata') {
            const fullName = basename(file).replace(/\.md-meta\.xml$/, '');
            const dot = fullName.indexOf('.');
            const type = `${fullName.slice(0, dot)}__mdt`;
            const record = fullName.slice(dot + 1);
            const { root: xml } = readMetadataXml(file);
            read.customMetadataRecords.set(lower(`${type}.${record}`), {
                type,
                record,
                file,
                label: text(xml, 'label'),
                values: readCmdtValues(xml)
            });
        } else if (file.endsWith('.notiftype-meta.xml')) {
            // Metadata API, CustomNotificationType: notificationtypes/<DeveloperName>.notiftype-meta.xml with
            // customNotifTypeName, description, desktop, mobile and masterLabel.
            const { root: xml } = readMetadataXml(file);
            const name = basename(file).replace(/\.notiftype-meta\.xml$/, '');
            read.notificationTypes.set(lower(name), {
                name,
                file,
                customNotifTypeName: text(xml, 'customNotifTypeName'),
                masterLabel: text(xml, 'masterLabel'),
                description: text(xml, 'description'),
                desktop: flag(xml, 'desktop'),
                mobile: flag(xml, 'mobile')
            });
        } else if (file.endsWith('.labels-meta.xml')) {
            const { root: xml } = readMetadataXml(file);
            for (const label of all(xml, 'labels')) {
                read.labels.set(lower(text(label, 'fullName')), {
                    name: text(label, 'fullName'),
                    value: text(label, 'value')
                });
            }
        }
    }
    // Fields last: a picklist may take its values from a global value set anywhere in the project.
    for (const [object, file] of fieldFiles) {
        const field = readField(file);
        field.picklist = valueSetOf(field.xml, read.globalValueSets);
        object.fields.push(field);
    }
    read.objects = [...read.objects.values()];
    return read;
}

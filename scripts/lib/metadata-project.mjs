// An index of a project's metadata in source format, for the cross-reference check: objects with their fields
// (from the schema model, schema/index.mjs) and other children, and every other component by name. Names are
// stored without the project's namespace prefix, since source refers to its own components both with and without it.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { ForceIgnore } from '@salesforce/source-deploy-retrieve';
import { packageDirs, walk, readMetadataXml, rel } from './sfdx.mjs';
import { Locator, suggestion } from './metadata-text.mjs';
import { readBundleConfig } from './metadata-lwc.mjs';
import { loadSchema, standardFields, CATALOGUE, STANDARD_OBJECT_NAMES } from './schema/index.mjs';
import { labelsOf } from './metadata-limits.mjs';

// Children of an object folder in source format: suffix -> collection name on the object entry. Fields come from
// the schema model.
const OBJECT_CHILDREN = {
    validationRule: 'validationRules',
    listView: 'listViews',
    compactLayout: 'compactLayouts',
    recordType: 'recordTypes',
    webLink: 'webLinks',
    fieldSet: 'fieldSets',
    businessProcess: 'businessProcesses',
    sharingReason: 'sharingReasons',
    index: 'indexes'
};

// Other components: suffix -> collection name on the project.
const COMPONENTS = {
    layout: 'layouts',
    flexipage: 'flexipages',
    permissionset: 'permissionSets',
    permissionsetgroup: 'permissionSetGroups',
    customPermission: 'customPermissions',
    cls: 'classes',
    trigger: 'triggers',
    page: 'pages',
    flow: 'flows',
    tab: 'tabs',
    app: 'applications',
    md: 'customMetadata',
    reportType: 'reportTypes',
    report: 'reports',
    reportFolder: 'reportFolders',
    dashboard: 'dashboards',
    dashboardFolder: 'dashboardFolders',
    globalValueSet: 'globalValueSets',
    quickAction: 'quickActions'
};

/**
 * A picklist's values. Metadata that names a value uses its API name, but labels are accepted as well: where a
 * place takes the label instead is not documented everywhere, and a false alarm costs more than a missed one.
 */
export class PicklistValues {
    constructor(pairs) {
        this.names = pairs.map(([name]) => name);
        this.labels = new Set(pairs.map(([, label]) => label).filter(Boolean));
    }

    has(value) {
        return this.names.includes(value) || this.labels.has(value);
    }
}

/** A model field's picklist values, or undefined when it has none or they are defined outside the project. */
export function picklistValues(field) {
    const entries = field?.picklist?.entries;
    return entries ? new PicklistValues(entries.map((entry) => [entry.value, entry.label])) : undefined;
}

const standardObjects = new Set(STANDARD_OBJECT_NAMES);
// The fields every object has, for standard objects the schema model does not describe field by field.
const EVERY_OBJECT = standardFields({});

/** Map(field name -> kind) of schema model fields. */
const kinds = (fields) => new Map([...fields].filter((f) => f.standard).map((f) => [f.name, lower(f.type)]));
const lower = (name) => name.toLowerCase();

export class MetadataProject {
    constructor(root) {
        this.root = root;
        const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
        this.namespace = project.namespace || '';
        this.objects = new Map();
        for (const collection of Object.values(COMPONENTS)) this[collection] = new Map();
        this.lwc = new Map();
        // Custom labels by name, from every CustomLabels file (one file holds many labels).
        this.customLabels = new Map();
        this.aura = new Set();
        this.locators = new Map();
        // What .forceignore keeps out of a deploy cannot satisfy a reference either.
        const ignore = new ForceIgnore(join(root, '.forceignore'));
        for (const dir of packageDirs(root)) {
            for (const file of walk(dir, (f) => f.endsWith('-meta.xml') && !ignore.denies(f))) this.add(file);
        }
        this.schema = loadSchema(root);
        for (const object of this.schema.objects.values()) {
            for (const field of object.fields.values()) {
                if (field.standard || ignore.denies(field.file)) continue;
                const name = basename(field.file).replace(/\.field-meta\.xml$/, '');
                const entry = { name, file: field.file, root: field.xml, rootName: 'CustomField', field };
                this.object(object.name).fields.set(name, entry);
            }
        }
    }

    /** Drops our namespace prefix: tandem__Plan__c and Plan__c name the same object inside the package. */
    local(name) {
        if (!name) return name;
        const prefix = this.namespace ? `${this.namespace}__` : undefined;
        return prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name;
    }

    add(file) {
        const name = basename(file).replace(/-meta\.xml$/, '');
        const suffix = name.slice(name.lastIndexOf('.') + 1);
        const fullName = name.slice(0, name.lastIndexOf('.'));
        const parsed = this.parse(file);
        if (!parsed) return;
        const entry = { name: fullName, file, root: parsed.root, rootName: parsed.rootName };
        if (suffix === 'field') {
            this.object(basename(dirname(dirname(file)))); // its fields are the schema model's
        } else if (suffix === 'object') {
            Object.assign(this.object(fullName, true), { file, root: parsed.root });
        } else if (OBJECT_CHILDREN[suffix]) {
            // objects/<Object>/<children folder>/<Name>.<suffix>-meta.xml
            const objectName = basename(dirname(dirname(file)));
            this.object(objectName)[OBJECT_CHILDREN[suffix]].set(fullName, entry);
        } else if (suffix === 'labels') {
            for (const label of labelsOf(parsed.root)) this.customLabels.set(label.name, { ...label, file });
        } else if (suffix === 'js' && file.split(sep).includes('lwc')) {
            this.lwc.set(fullName, { ...entry, config: readBundleConfig(parsed.root) });
        } else if (file.split(sep).includes('aura')) {
            this.aura.add(basename(dirname(file)));
        } else if (COMPONENTS[suffix]) {
            this[COMPONENTS[suffix]].set(
                suffix === 'report' || suffix === 'dashboard' ? this.folderName(file) : fullName,
                entry
            );
        }
    }

    /** Reports and dashboards are named Folder/Name, as dashboards refer to them. */
    folderName(file) {
        const name = basename(file).replace(/\.(report|dashboard)-meta\.xml$/, '');
        return `${basename(dirname(file))}/${name}`;
    }

    parse(file) {
        try {
            return readMetadataXml(file);
        } catch {
            return undefined; // malformed: the metadata-xml check reports it
        }
    }

    object(name, defined = false) {
        name = this.local(name);
        if (!this.objects.has(name)) {
            const entry = { name, file: undefined, root: undefined, fields: new Map() };
            for (const collection of Object.values(OBJECT_CHILDREN)) entry[collection] = new Map();
            this.objects.set(name, entry);
        }
        const entry = this.objects.get(name);
        if (defined) entry.defined = true;
        return entry;
    }

    /** The object entry if the project defines or extends it, else undefined. */
    findObject(name) {
        return this.objects.get(this.local(name));
    }

    isCustom(name) {
        return /__(c|mdt|e|b|x)$/.test(this.local(name));
    }

    /** Another package's component (otherns__Thing__c): outside what this project can know, so accepted. */
    isForeign(name) {
        return /^[A-Za-z][A-Za-z0-9]*__\w+__(c|mdt|e|b|x|r)$/.test(this.local(name));
    }

    /**
     * True when the object exists: in the project, or as a standard object. Custom objects must be in the
     * project. The platform has more standard and pseudo-objects (CaseClose layouts) than any offline list, so
     * an unknown non-custom name counts as missing only when it is a near miss of a known one (a typo).
     */
    hasObject(name) {
        const local = this.local(name);
        if (!local) return false;
        if (this.isForeign(local)) return true;
        if (this.isCustom(local)) return Boolean(this.objects.get(local)?.defined);
        if (standardObjects.has(local) || this.objects.has(local)) return true;
        return !suggestion(local, this.knownObjects());
    }

    /** Names of every object known: the project's and the standard ones (for "did you mean" hints). */
    knownObjects() {
        return [...this.objects.keys(), ...standardObjects];
    }

    /** Master-detail fields of a project object. */
    masterDetails(objectName) {
        const object = this.findObject(objectName);
        return [...(object?.fields.values() ?? [])].filter((f) => f.field.type === 'MasterDetail');
    }

    /**
     * Looks a field up. Returns { status, field?, names? }:
     * - 'ok' with field { name, kind, root, file, required, masterDetail, values } (values: PicklistValues, or
     *   undefined when unknown); standard fields only have { name, kind, standard }
     * - 'no-object': the object is not in the project nor a known standard object
     * - 'no-field': the object is known field by field and has no such field (names: the fields it has)
     * - 'unknown': a standard object or field we cannot know about offline; accepted
     */
    lookupField(objectName, fieldName) {
        objectName = this.local(objectName);
        fieldName = this.local(fieldName);
        if (!this.hasObject(objectName)) return { status: 'no-object' };
        // Geolocation fields are referenced through their components: Location__Latitude__s is Location__c.
        const component = /^(\w+)__(Latitude|Longitude)__s$/.exec(fieldName);
        if (component) fieldName = `${component[1]}__c`;
        if (this.isForeign(objectName) || this.isForeign(fieldName)) return { status: 'unknown' };
        // An object accepted without being known (see hasObject): nothing to check its fields against.
        if (!this.isCustom(objectName) && !standardObjects.has(objectName) && !this.objects.has(objectName)) {
            return { status: 'unknown' };
        }
        const object = this.findObject(objectName);
        const custom = object?.fields.get(fieldName);
        if (custom) return { status: 'ok', field: this.describe(objectName, custom) };
        const builtIn = this.builtInFields(objectName);
        // A package can only refer to custom fields it contains, even on standard objects we know nothing about.
        if (!builtIn) {
            const names = [...(object?.fields.keys() ?? [])];
            return fieldName.endsWith('__c') ? { status: 'no-field', names } : { status: 'unknown' };
        }
        const kind =
            builtIn.get(fieldName) ?? [...builtIn].find(([n]) => n.toLowerCase() === fieldName.toLowerCase())?.[1];
        if (kind) return { status: 'ok', field: { name: fieldName, kind, standard: true } };
        const names = [...builtIn.keys(), ...(object?.fields.keys() ?? [])];
        // Standard objects keep gaining fields (Contact.Pronouns, GenderIdentity...) that no offline list has in
        // full: an unknown standard field name is only reported when it is a near miss of a known one (a typo).
        if (!this.isCustom(objectName) && !fieldName.endsWith('__c') && !suggestion(fieldName, names)) {
            return { status: 'unknown' };
        }
        return { status: 'no-field', names };
    }

    /**
     * The platform's fields of an object as Map(name -> kind), kinds being CustomField types lower-cased
     * ('unknown' for a standard field the model lists by name only); undefined when they are not known offline.
     */
    builtInFields(objectName) {
        const model = this.schema.objects.get(objectName.toLowerCase());
        if (this.isCustom(objectName)) return model && kinds(model.fields.values());
        const catalogued = CATALOGUE.objects[objectName]?.fields;
        const described = model?.name === objectName && !model.companionOf ? model : undefined;
        if (!catalogued && !described) return undefined;
        const fields = kinds(described ? [] : EVERY_OBJECT);
        for (const name of Object.keys(catalogued ?? {})) fields.set(name, 'unknown');
        for (const [name, kind] of kinds(described?.fields.values() ?? [])) fields.set(name, kind);
        return fields;
    }

    /** A project field as the rules see it: its XML, type, kind, whether required, master-detail, picklist values. */
    describe(objectName, entry) {
        const field = entry.field;
        return {
            name: entry.name,
            object: objectName,
            file: entry.file,
            root: entry.root,
            type: field.type ?? '',
            kind: this.kindOf(field),
            required: field.required,
            masterDetail: field.type === 'MasterDetail',
            values: picklistValues(field)
        };
    }

    /** A field's kind for comparisons: its type lower-cased; a roll-up takes the kind of what it yields. */
    kindOf(field) {
        const type = field.type ?? '';
        if (type !== 'Summary') return type.toLowerCase();
        if (field.summaryOperation === 'count') return 'number';
        const [childObject] = (field.summaryForeignKey ?? '').split('.');
        const [, summarized] = (field.summarizedField ?? '').split('.');
        const child = this.findObject(childObject)?.fields.get(this.local(summarized));
        return child?.field.type?.toLowerCase() ?? 'number';
    }

    /** Raw text of a file, cached, for line numbers. */
    locator(file) {
        if (!this.locators.has(file)) this.locators.set(file, new Locator(readFileSync(file, 'utf8')));
        return this.locators.get(file);
    }

    /** A finding on `file`, with the line of `<tag>value</tag>` (or of the first `<tag>`) when given. */
    finding(file, message, tag, value) {
        const line = tag ? this.locator(file).lineOf(tag, value) : undefined;
        return { file: rel(this.root, file), line, message };
    }

    /**
     * Describes why `Object.Field` does not resolve, or returns undefined when it does (or cannot be known).
     * `where` prefixes the message, e.g. 'fieldPermissions'.
     */
    missingField(objectName, fieldName, where) {
        const result = this.lookupField(objectName, fieldName);
        if (result.status === 'no-object') return `${where}: object ${objectName} does not exist`;
        if (result.status === 'no-field') {
            const hint = suggestion(this.local(fieldName), result.names);
            return `${where}: field ${objectName}.${fieldName} does not exist${hint}`;
        }
        return undefined;
    }
}

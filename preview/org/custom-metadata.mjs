// The package's custom metadata records as the org reads them: the records of its XML, with the fields a
// subscriber's admin edited in Setup laid over them (setCustomMetadata). Validation rules and formulas read the same
// overrides ($CustomMetadata), Apex through org.customMetadata(type).
import { lower } from './values.mjs';

/** The key an added record's entry in `overrides` carries its label under (records the package does not ship). */
const ADDED = '__addedLabel';

export class CustomMetadata {
    #schema;
    /**
     * 'Type__mdt.Record' -> { Field__c: value }: what was overridden, record by record; a record the package does not
     * ship (one an admin or a deployment added) is an entry with its label under ADDED, so snapshots keep it too.
     */
    overrides = {};

    constructor(schema) {
        this.#schema = schema;
    }

    /** Custom metadata records of a type: the package's, with any override, and those added, by DeveloperName. */
    records(type) {
        const entry = this.#schema.customMetadataTypes.get(lower(type));
        const name = entry?.name ?? type;
        const shipped = this.#schema.customMetadata(type).map((record) => ({
            ...record,
            ...fieldsOf(this.overrides[`${name}.${record.DeveloperName}`])
        }));
        const added = Object.entries(this.overrides)
            .filter(([key, values]) => values[ADDED] !== undefined && lower(key.split('.')[0]) === lower(name))
            .map(([key, values]) => this.#addedRecord(entry, key.split('.')[1], values));
        return [...shipped, ...added].sort((a, b) => a.DeveloperName.localeCompare(b.DeveloperName));
    }

    /** An added record as the package's are read: every field of the type, blank unless given. */
    #addedRecord(entry, developerName, values) {
        // Every field blank but Id, which the query layer gives custom metadata records.
        const blank = Object.fromEntries(
            [...entry.fields.values()].filter((field) => field.name !== 'Id').map((field) => [field.name, null])
        );
        return {
            ...blank,
            DeveloperName: developerName,
            MasterLabel: values[ADDED],
            Label: values[ADDED],
            QualifiedApiName: developerName,
            NamespacePrefix: this.#schema.namespace || null,
            ...fieldsOf(values)
        };
    }

    /**
     * Overrides fields of one record ('Plan_Setting__mdt.Default'); null drops every override of that record (and an
     * added record). With `create` ({ label }), a record the type does not have is added, as a deployment adds one.
     */
    override(recordName, values, { create } = {}) {
        const [type, developerName] = recordName.split('.');
        const entry = this.#schema.customMetadataTypes.get(lower(type));
        if (!entry) throw new Error(`no custom metadata type ${type} in the package`);
        const shipped = entry.records.find(
            (candidate) => lower(candidate.DeveloperName) === lower(developerName ?? '')
        );
        const addedKey = Object.keys(this.overrides).find(
            (key) => lower(key) === lower(`${entry.name}.${developerName}`) && this.overrides[key][ADDED] !== undefined
        );
        if (!shipped && !addedKey && !create) throw new Error(`no custom metadata record ${recordName} in the package`);
        const key = addedKey ?? `${entry.name}.${shipped?.DeveloperName ?? developerName}`;
        if (values === null) {
            delete this.overrides[key];
            return;
        }
        for (const name of Object.keys(values)) {
            const known = shipped ? name in shipped : entry.fields.has(lower(name));
            if (!known) throw new Error(`no field ${name} on ${entry.name}`);
        }
        const label = shipped ? undefined : (this.overrides[key]?.[ADDED] ?? create?.label ?? developerName);
        this.overrides[key] = { ...this.overrides[key], ...values, ...(label === undefined ? {} : { [ADDED]: label }) };
    }
}

/** An override's field values, without the added record's label. */
function fieldsOf(values) {
    return Object.fromEntries(Object.entries(values ?? {}).filter(([name]) => name !== ADDED));
}

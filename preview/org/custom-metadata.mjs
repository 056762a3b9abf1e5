// The package's custom metadata records as the org reads them: the records of its XML, with the fields a
// subscriber's admin edited in Setup laid over them (setCustomMetadata). Validation rules and formulas read the same
// overrides ($CustomMetadata), Apex through org.customMetadata(type).
import { lower } from './values.mjs';

export class CustomMetadata {
    #schema;
    /** 'Type__mdt.Record' -> { Field__c: value }: what was overridden, record by record. */
    overrides = {};

    constructor(schema) {
        this.#schema = schema;
    }

    /** Custom metadata records of a type, from the package, with any override. */
    records(type) {
        const name = this.#schema.customMetadataTypes.get(lower(type))?.name ?? type;
        return this.#schema.customMetadata(type).map((record) => ({
            ...record,
            ...this.overrides[`${name}.${record.DeveloperName}`]
        }));
    }

    /** Overrides fields of one record ('Plan_Setting__mdt.Default'); null drops every override of that record. */
    override(recordName, values) {
        const [type, developerName] = recordName.split('.');
        const entry = this.#schema.customMetadataTypes.get(lower(type));
        const record = entry?.records.find(
            (candidate) => lower(candidate.DeveloperName) === lower(developerName ?? '')
        );
        if (!record) throw new Error(`no custom metadata record ${recordName} in the package`);
        const key = `${entry.name}.${record.DeveloperName}`;
        if (values === null) {
            delete this.overrides[key];
        } else {
            for (const name of Object.keys(values)) {
                if (!(name in record)) throw new Error(`no field ${name} on ${entry.name}`);
            }
            this.overrides[key] = { ...this.overrides[key], ...values };
        }
    }
}

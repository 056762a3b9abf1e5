// lightning/uiRecordApi for the preview, backed by the embedded org (the platform's LDS does this in an org).
import { callOrg } from './apex';

const subscribers = new Set();

function fieldNames(fields = []) {
    return fields.map((field) => (typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`));
}

export class getRecord {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.config = null;
        this.refresh = () => this.load();
    }
    connect() {
        subscribers.add(this.refresh);
    }
    disconnect() {
        subscribers.delete(this.refresh);
    }
    update(config) {
        this.config = config;
        this.load();
    }
    async load() {
        if (!this.config?.recordId) return;
        try {
            const names = [...fieldNames(this.config.fields), ...fieldNames(this.config.optionalFields)];
            const data = await callOrg('getRecord', { recordId: this.config.recordId, fields: names });
            this.dataCallback({ data, error: undefined });
        } catch (error) {
            this.dataCallback({ data: undefined, error });
        }
    }
}

export function getFieldValue(record, field) {
    const name = typeof field === 'string' ? field.split('.').slice(1).join('.') : field.fieldApiName;
    return record?.fields?.[name]?.value;
}

export async function updateRecord(recordInput) {
    const result = await callOrg('updateRecord', recordInput);
    subscribers.forEach((refresh) => refresh());
    return result;
}

export async function notifyRecordUpdateAvailable() {
    subscribers.forEach((refresh) => refresh());
}

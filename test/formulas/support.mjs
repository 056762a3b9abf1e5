// Shared by the scenario tests of the package's own formulas: where the project is, and the shipped settings.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from '../../scripts/lib/formulas.mjs';
import { readMetadataXml, first } from '../../scripts/lib/sfdx.mjs';

// TANDEM_ROOT runs these tables against another copy of the project (e.g. a candidate branch's checkout).
export const ROOT = process.env.TANDEM_ROOT
    ? resolve(process.env.TANDEM_ROOT)
    : resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SETTING = 'Plan_Setting__mdt.Default';

/** A value of the shipped Plan_Setting__mdt Default record, as its XML holds it (a string, or null if blank). */
export function shipped(field) {
    const record = loadProject(ROOT).schema.customMetadataRecords.get(SETTING.toLowerCase());
    if (!record) throw new Error('customMetadata/Plan_Setting.Default.md-meta.xml is missing from the package');
    return record.values[field] ?? null;
}

/** A shipped numeric threshold; fails loudly when the Default record lacks it rather than testing against blank. */
export function shippedNumber(field) {
    const value = shipped(field);
    if (value === null || value === '' || Number.isNaN(Number(value))) {
        throw new Error(`Plan_Setting.Default has no numeric ${field} (found ${JSON.stringify(value)})`);
    }
    return Number(value);
}

/** The stage names of a `;`-separated setting, as an admin means them. */
export function stageList(value) {
    return (value ?? '')
        .split(';')
        .map((stage) => stage.trim())
        .filter(Boolean);
}

/** The field's XML, parsed; for assertions on roll-up definitions that no formula evaluation can cover. */
export function fieldXml(object, field) {
    const entry = loadProject(ROOT).schema.objects.get(object.toLowerCase())?.fields.get(field.toLowerCase());
    if (!entry?.file) throw new Error(`${object}.${field} is not in the package`);
    return readMetadataXml(entry.file).root;
}

export { first };

export { addDays } from '../../scripts/lib/iso-dates.mjs';

// Values as the API stores them: dates 'YYYY-MM-DD', date/times ISO in UTC, numbers rounded to the field's scale,
// ids 18 characters, checkboxes never blank. coerce() turns what a caller gives into that, or throws a ValueError
// the save reports as INVALID_TYPE_ON_FIELD_IN_RECORD.
import { toId18 } from './ids.mjs';

export const lower = (name) => name.toLowerCase();
export const isBlank = (value) => value === null || value === undefined || value === '';
export const sameValue = (a, b) => (isBlank(a) && isBlank(b)) || a === b;

/** Today's date in UTC, 'YYYY-MM-DD': the clock of an org created without `today`. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** A UTC time of day as createOrg's `timeOfDay` takes it: 'HH:MM:SS', 00:00:00 to 23:59:59. */
export const isTimeOfDay = (text) => /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(text ?? '');

/** A value that does not fit its field's type. */
export class ValueError extends Error {}

export function isoDate(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const text = String(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(text)) throw new ValueError();
    const date = text.slice(0, 10);
    if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) throw new ValueError();
    return date;
}

/** The value as the field stores it (undefined stays undefined: the field is not being set). */
export function coerce(field, value) {
    if (value === undefined) return undefined;
    if (field.type === 'Checkbox') {
        if (value === null || value === '') return false;
        if (typeof value === 'boolean') return value;
        if (value === 'true' || value === 'false') return value === 'true';
        throw new ValueError();
    }
    if (value === null || value === '') return null;
    switch (field.valueType ?? field.type) {
        case 'Number':
        case 'Currency':
        case 'Percent': {
            const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
            if (!Number.isFinite(number)) throw new ValueError();
            if (field.scale === undefined) return number;
            const factor = 10 ** field.scale;
            return Math.round(number * factor) / factor;
        }
        case 'Date':
            return isoDate(value);
        case 'DateTime': {
            if (value instanceof Date) return value.toISOString();
            const text = String(value);
            const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
            if (Number.isNaN(time)) throw new ValueError();
            return new Date(time).toISOString();
        }
        case 'Lookup':
        case 'MasterDetail':
        case 'Id': {
            const id = toId18(value);
            if (!id) throw new ValueError();
            return id;
        }
        default:
            if (typeof value === 'object') throw new ValueError();
            return String(value);
    }
}

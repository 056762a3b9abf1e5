/**
 * Text as the user reads it: dates and counts in the user's locale, and text cut to a field's length.
 */
import { epochDay } from 'c/planHealth';

/**
 * Date formatters by use, locale and time zone: lists build their dates on every render, and an Intl formatter costs
 * far more to make than to use. `use` names the options (one set of options per use).
 */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(
    use: string,
    locale: string | undefined,
    timeZone: string | undefined,
    options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
    const key = `${use}|${locale ?? ''}|${timeZone ?? ''}`;
    let format = DATE_FORMATS.get(key);
    if (!format) {
        format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
        DATE_FORMATS.set(key, format);
    }
    return format;
}

/** Dates already formatted, per locale: a plan shows the same few dates on every render. */
const DATE_TEXTS = new Map<string, string>();
const DATE_TEXTS_KEPT = 2000;

/**
 * A date as the user reads it ("Mar 31, 2026"); blank for none. Formatters are cached per locale, and the dates they
 * formatted (a few thousand at most).
 */
export function formatDate(iso: string | null | undefined, locale?: string): string {
    if (!iso) {
        return '';
    }
    const cacheKey = locale ?? '';
    const textKey = `${cacheKey}|${iso}`;
    const known = DATE_TEXTS.get(textKey);
    if (known !== undefined) {
        return known;
    }
    const format = dateFormat('date', locale, 'UTC', { year: 'numeric', month: 'short', day: 'numeric' });
    const text = format.format(new Date(epochDay(iso) * 86_400_000));
    if (DATE_TEXTS.size >= DATE_TEXTS_KEPT) {
        DATE_TEXTS.clear();
    }
    DATE_TEXTS.set(textKey, text);
    return text;
}

export { plural } from 'c/planHealth';

export function truncate(text: string, length: number): string {
    return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

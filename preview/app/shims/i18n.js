// @salesforce/i18n/* for the preview: the previewed user's locale and language, as the platform gives them to
// components ("Access Internationalization Properties", LWC Developer Guide: "The property values are returned for
// the current user"; locale is a BCP 47 tag such as "en-CA"). The server puts the user's User.LocaleSidKey ("en_US")
// and LanguageLocaleKey in the page's boot data on every page load, so after the shell's "Viewing as" switch (which
// reloads the page) the page follows the new user. Our components and the base components read the same values: the
// date input's "Format: Dec 31, 2024" hint and its parser use the date formats below.
// The formats are the browser's CLDR data for that locale, as the platform's are ICU's CLDR data ("Salesforce
// supported locales and their corresponding International Components for Unicode (ICU) formats", Salesforce Help).
// What is not listed in USER_I18N (the currency among them) keeps lightning-base-components' own value.

/** The @salesforce/i18n modules the preview answers for the user (preview/build.mjs resolves these here). */
export const USER_I18N = [
    'locale',
    'lang',
    'firstDayOfWeek',
    'dateTime.shortDateFormat',
    'dateTime.mediumDateFormat',
    'dateTime.longDateFormat',
    'number.decimalSeparator',
    'number.groupingSeparator'
];

/**
 * A Salesforce locale or language key as the BCP 47 tag the platform gives components: the underscores become
 * hyphens (en_US → en-US, de → de), and Intl makes it canonical (legacy codes such as iw_IL → he-IL). A key that is
 * no language tag fails loudly, naming the key.
 */
export function localeTag(sidKey) {
    if (typeof sidKey !== 'string' || !/^[A-Za-z]{2,3}(_[A-Za-z0-9]{2,8})*$/.test(sidKey)) {
        throw new Error(`The preview cannot map the Salesforce locale key ${JSON.stringify(sidKey)} to a language tag`);
    }
    try {
        return Intl.getCanonicalLocales(sidKey.replaceAll('_', '-'))[0];
    } catch {
        throw new Error(`The preview cannot map the Salesforce locale key ${JSON.stringify(sidKey)} to a language tag`);
    }
}

// 5 January 2024: day and month below 10, so a two-digit day or month ("05") shows in the pattern as such.
const SAMPLE = new Date(Date.UTC(2024, 0, 5));

/** The CLDR pattern ("MMM d, yyyy", "dd.MM.yyyy") of a date format, read back from what Intl formats. */
function datePattern(locale, options) {
    const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    const longMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' })
        .formatToParts(SAMPLE)
        .find((part) => part.type === 'month').value;
    return format
        .formatToParts(SAMPLE)
        .map(({ type, value }) => {
            switch (type) {
                case 'year':
                    return value.length === 2 ? 'yy' : 'yyyy';
                case 'month':
                    if (/^\d+$/.test(value)) return value.length === 2 ? 'MM' : 'M';
                    return value === longMonth ? 'MMMM' : 'MMM';
                case 'day':
                    return value.length === 2 ? 'dd' : 'd';
                case 'literal':
                    // Letters in a pattern are fields unless quoted ("d 'de' MMMM 'de' yyyy").
                    return /[A-Za-z]/.test(value) ? `'${value.replaceAll("'", "''")}'` : value;
                default:
                    throw new Error(`The preview cannot read a date format of ${locale}: it has a ${type}`);
            }
        })
        .join('');
}

/** The first day of the week as the platform counts it: 1 for Sunday, 2 for Monday (lightning-calendar subtracts 1). */
function firstDayOfWeek(locale) {
    const info = new Intl.Locale(locale);
    const week = typeof info.getWeekInfo === 'function' ? info.getWeekInfo() : info.weekInfo;
    if (!week) throw new Error(`This browser does not say which day starts the week in ${locale}`);
    return (week.firstDay % 7) + 1;
}

function separators(locale) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    const part = (type) => parts.find((p) => p.type === type)?.value ?? '';
    return { decimal: part('decimal'), group: part('group') };
}

/** The values of the USER_I18N modules for a user's LocaleSidKey and LanguageLocaleKey. */
export function userI18n({ localeSidKey, languageLocaleKey } = {}) {
    const locale = localeTag(localeSidKey);
    const { decimal, group } = separators(locale);
    return {
        locale,
        lang: localeTag(languageLocaleKey),
        firstDayOfWeek: firstDayOfWeek(locale),
        // Short and medium as lightning-base-components' defaults for en-US have them: "M/d/yyyy", "MMM d, yyyy".
        'dateTime.shortDateFormat': datePattern(locale, { year: 'numeric', month: 'numeric', day: 'numeric' }),
        'dateTime.mediumDateFormat': datePattern(locale, { dateStyle: 'medium' }),
        'dateTime.longDateFormat': datePattern(locale, { dateStyle: 'long' }),
        'number.decimalSeparator': decimal,
        'number.groupingSeparator': group
    };
}

/** The previewed user's values, read from the boot data the server wrote into the page. */
export const i18n = typeof window === 'undefined' ? null : userI18n(window.__TANDEM_PREVIEW__);

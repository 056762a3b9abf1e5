// System.String (Apex Reference, "String Class"). Strings are JS strings; Apex indexes UTF-16 code units as Java
// does. Regular expressions are Java's (Apex Reference, "Pattern Class"); regex.mjs translates the common subset.
import { defineNative } from '../interpreter/natives.mjs';
import { ApexList } from './collections.mjs';
import { T, fail } from './types.mjs';
import { str, required, badArity } from './native-util.mjs';
import { stringHash } from './equality.mjs';
import { javaRegex, javaReplacement, javaSplit } from './regex.mjs';
import { formatMessage } from './message-format.mjs';
import { ApexDatetime } from './values.mjs';
import { datetimeToString } from './dates.mjs';

const isBlank = (s) => s === null || s === undefined || s.trim() === '' || /^\s*$/.test(s);
const strings = (rt, items) => new ApexList(T.String, items);
const outOfRange = (rt, index) => fail(rt, 'System.StringException', `Ending position out of bounds: ${index}`);

function substring(rt, s, start, end = s.length) {
    // Java's bounds order: the start first, then the end against the length, then start against end.
    if (start < 0 || start > s.length) fail(rt, 'System.StringException', `Starting position out of bounds: ${start}`);
    if (end > s.length || start > end) outOfRange(rt, end);
    return s.slice(start, end);
}

const lowerFirst = (s) => (s ? s[0].toLowerCase() + s.slice(1) : s);
const upperFirst = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

function pad(s, size, padding, left) {
    const fill = padding ?? ' ';
    if (size <= s.length || fill === '') return s;
    let extra = '';
    while (extra.length < size - s.length) extra += fill;
    extra = extra.slice(0, size - s.length);
    return left ? extra + s : s + extra;
}

/** Apex Reference, String Class: abbreviate(maxWidth[, offset]) (commons-lang StringUtils.abbreviate rules). */
function abbreviate(rt, s, maxWidth, offset = 0) {
    if (maxWidth < 4) fail(rt, 'System.StringException', 'Minimum abbreviation width is 4');
    if (s.length <= maxWidth) return s;
    if (offset > s.length) offset = s.length;
    if (s.length - offset < maxWidth - 3) offset = s.length - (maxWidth - 3);
    if (offset <= 4) return s.slice(0, maxWidth - 3) + '...';
    if (maxWidth < 7) fail(rt, 'System.StringException', 'Minimum abbreviation width with offset is 7');
    if (offset + maxWidth - 3 < s.length) return '...' + abbreviate(rt, s.slice(offset), maxWidth - 3);
    return '...' + s.slice(s.length - (maxWidth - 3));
}

const HTML4 = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const XML = { ...HTML4, "'": '&apos;' };
const escapeWith = (map) => (s) => s.replace(/[&<>"']/g, (c) => map[c] ?? c);
const UNESCAPE = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#39;': "'" };
const unescapeEntities = (s) => s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (m) => UNESCAPE[m]);

function escapeJava(s) {
    return s.replace(/[\\"\b\f\n\r\t]|[^\x20-\x7e]/g, (c) => {
        const map = { '\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
        return map[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    });
}

function escapeEcma(s) {
    return escapeJava(s).replace(/'/g, "\\'").replace(/\//g, '\\/');
}

function unescapeJava(s) {
    return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (m, c) => {
        if (c[0] === 'u' && c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
        return { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[c] ?? c;
    });
}

function escapeCsv(s) {
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function unescapeCsv(s) {
    if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
        const inner = s.slice(1, -1);
        if (/[",\r\n]/.test(inner)) return inner.replace(/""/g, '"');
    }
    return s;
}

const count = (s, sub) => (sub ? s.split(sub).length - 1 : 0);

/** Apex Reference, String Class: valueOf(Object) and the typed overloads. Datetime valueOf is in local time. */
function valueOf(rt, value) {
    if (value instanceof ApexDatetime) return datetimeToString(value);
    return value === null ? null : str(rt, value);
}

const instanceMethods = {
    abbreviate: (rt, s, [w, o]) => abbreviate(rt, s, w, o ?? 0),
    capitalize: (rt, s) => upperFirst(s),
    center(rt, s, [size, padding]) {
        const fill = padding ?? ' ';
        if (size <= s.length) return s;
        const left = Math.floor((size - s.length) / 2);
        return pad(pad(s, s.length + left, fill, true), size, fill, false);
    },
    charat: (rt, s, [i]) => (i >= 0 && i < s.length ? s.charCodeAt(i) : outOfRange(rt, i)),
    codepointat: (rt, s, [i]) => s.codePointAt(i) ?? outOfRange(rt, i),
    compareto: (rt, s, [other]) => {
        // Java String.compareTo: the difference of the first differing code units, else of the lengths.
        const t = required(rt, other);
        for (let i = 0; i < Math.min(s.length, t.length); i++) {
            if (s[i] !== t[i]) return s.charCodeAt(i) - t.charCodeAt(i);
        }
        return s.length - t.length;
    },
    contains: (rt, s, [sub]) => s.includes(required(rt, sub)),
    containsany: (rt, s, [chars]) => [...chars].some((c) => s.includes(c)),
    containsignorecase: (rt, s, [sub]) => s.toLowerCase().includes(required(rt, sub).toLowerCase()),
    containsnone: (rt, s, [chars]) => ![...chars].some((c) => s.includes(c)),
    containsonly: (rt, s, [chars]) => [...s].every((c) => chars.includes(c)),
    containswhitespace: (rt, s) => /\s/.test(s),
    countmatches: (rt, s, [sub]) => count(s, sub),
    deletewhitespace: (rt, s) => s.replace(/\s+/g, ''),
    difference(rt, s, [other]) {
        let i = 0;
        while (i < s.length && i < other.length && s[i] === other[i]) i++;
        return other.slice(i);
    },
    endswith: (rt, s, [suffix]) => s.endsWith(required(rt, suffix)),
    endswithignorecase: (rt, s, [suffix]) => s.toLowerCase().endsWith(suffix.toLowerCase()),
    // Apex Reference, String Class: equals is case-sensitive (unlike ==); Object args that are not Strings: false.
    equals: (rt, s, [other]) => typeof other === 'string' && s === other,
    equalsignorecase: (rt, s, [other]) => typeof other === 'string' && s.toLowerCase() === other.toLowerCase(),
    escapecsv: (rt, s) => escapeCsv(s),
    escapeecmascript: (rt, s) => escapeEcma(s),
    escapehtml3: (rt, s) => escapeWith(HTML4)(s),
    escapehtml4: (rt, s) => escapeWith(HTML4)(s),
    escapejava: (rt, s) => escapeJava(s),
    // Apex Reference, String Class: escapeSingleQuotes adds a backslash before each single quote.
    escapesinglequotes: (rt, s) => s.replace(/'/g, "\\'"),
    escapeunicode: (rt, s) => s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    escapexml: (rt, s) => escapeWith(XML)(s),
    getchars: (rt, s) =>
        new ApexList(
            T.Integer,
            [...s].map((c) => c.charCodeAt(0))
        ),
    hashcode: (rt, s) => stringHash(s),
    indexof: (rt, s, [sub, from]) => s.indexOf(required(rt, sub), from ?? 0),
    indexofany: (rt, s, [chars]) => {
        const found = [...chars].map((c) => s.indexOf(c)).filter((i) => i >= 0);
        return found.length ? Math.min(...found) : -1;
    },
    indexofanybut: (rt, s, [chars]) => [...s].findIndex((c) => !chars.includes(c)),
    indexofchar: (rt, s, [code, from]) => s.indexOf(String.fromCharCode(code), from ?? 0),
    indexofdifference(rt, s, [other]) {
        if (s === other) return -1;
        let i = 0;
        while (i < s.length && i < other.length && s[i] === other[i]) i++;
        return i;
    },
    indexofignorecase: (rt, s, [sub, from]) => s.toLowerCase().indexOf(sub.toLowerCase(), from ?? 0),
    isalllowercase: (rt, s) => /^\p{Ll}+$/u.test(s),
    isalluppercase: (rt, s) => /^\p{Lu}+$/u.test(s),
    isalpha: (rt, s) => /^\p{L}+$/u.test(s),
    isalphaspace: (rt, s) => /^[\p{L} ]*$/u.test(s),
    isalphanumeric: (rt, s) => /^[\p{L}\p{Nd}]+$/u.test(s),
    isalphanumericspace: (rt, s) => /^[\p{L}\p{Nd} ]*$/u.test(s),
    isasciiprintable: (rt, s) => /^[\x20-\x7e]*$/.test(s),
    // Apex Reference, String Class: isNumeric is true for Unicode digits only (no sign, no point), '' is false.
    isnumeric: (rt, s) => /^\p{Nd}+$/u.test(s),
    isnumericspace: (rt, s) => /^[\p{Nd} ]*$/u.test(s),
    iswhitespace: (rt, s) => /^\s*$/.test(s),
    lastindexof: (rt, s, [sub, from]) => s.lastIndexOf(sub, from ?? Infinity),
    lastindexofchar: (rt, s, [code, from]) => s.lastIndexOf(String.fromCharCode(code), from ?? Infinity),
    lastindexofignorecase: (rt, s, [sub, from]) => s.toLowerCase().lastIndexOf(sub.toLowerCase(), from ?? Infinity),
    left: (rt, s, [n]) => (n < 0 ? '' : s.slice(0, n)),
    leftpad: (rt, s, [size, padding]) => pad(s, size, padding, true),
    length: (rt, s) => s.length,
    mid: (rt, s, [start, n]) => s.slice(Math.max(start, 0), Math.max(start, 0) + Math.max(n, 0)),
    normalizespace: (rt, s) => s.trim().replace(/\s+/g, ' '),
    remove: (rt, s, [sub]) => s.split(sub).join(''),
    removeend: (rt, s, [suffix]) => (suffix && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s),
    removeendignorecase: (rt, s, [suffix]) =>
        suffix && s.toLowerCase().endsWith(suffix.toLowerCase()) ? s.slice(0, -suffix.length) : s,
    removestart: (rt, s, [prefix]) => (prefix && s.startsWith(prefix) ? s.slice(prefix.length) : s),
    removestartignorecase: (rt, s, [prefix]) =>
        prefix && s.toLowerCase().startsWith(prefix.toLowerCase()) ? s.slice(prefix.length) : s,
    repeat(rt, s, args) {
        if (args.length === 1) return s.repeat(Math.max(args[0], 0));
        const [separator, times] = args;
        return Array(Math.max(times, 0)).fill(s).join(separator);
    },
    // Apex Reference, String Class: replace(target, replacement) is literal; replaceAll/replaceFirst use regex.
    replace: (rt, s, [target, replacement]) => s.split(required(rt, target)).join(required(rt, replacement)),
    replaceall: (rt, s, [regex, replacement]) => s.replace(javaRegex(rt, regex, 'g'), javaReplacement(replacement)),
    replacefirst: (rt, s, [regex, replacement]) => s.replace(javaRegex(rt, regex, ''), javaReplacement(replacement)),
    reverse: (rt, s) => [...s].reverse().join(''),
    right: (rt, s, [n]) => (n <= 0 ? '' : s.slice(Math.max(s.length - n, 0))),
    rightpad: (rt, s, [size, padding]) => pad(s, size, padding, false),
    split: (rt, s, [regex, limit]) => strings(rt, javaSplit(rt, s, regex, limit ?? 0)),
    splitbycharactertype: (rt, s) => strings(rt, s.match(/\p{Lu}+|\p{Ll}+|\p{Nd}+|\s+|[^\p{L}\p{Nd}\s]+/gu) ?? []),
    startswith: (rt, s, [prefix]) => s.startsWith(required(rt, prefix)),
    startswithignorecase: (rt, s, [prefix]) => s.toLowerCase().startsWith(prefix.toLowerCase()),
    striphtmltags: (rt, s) => s.replace(/<[^>]*>/g, '').trim(),
    substring: (rt, s, [start, end]) => substring(rt, s, start, end ?? s.length),
    substringafter: (rt, s, [sep]) => (sep === null ? '' : s.includes(sep) ? s.slice(s.indexOf(sep) + sep.length) : ''),
    substringafterlast: (rt, s, [sep]) => (!sep || !s.includes(sep) ? '' : s.slice(s.lastIndexOf(sep) + sep.length)),
    substringbefore: (rt, s, [sep]) => (sep === null ? s : s.includes(sep) ? s.slice(0, s.indexOf(sep)) : s),
    substringbeforelast: (rt, s, [sep]) => (!sep || !s.includes(sep) ? s : s.slice(0, s.lastIndexOf(sep))),
    substringbetween(rt, s, [open, close]) {
        const end = close ?? open;
        const start = s.indexOf(open);
        if (start < 0) return null;
        const stop = s.indexOf(end, start + open.length);
        return stop < 0 ? null : s.slice(start + open.length, stop);
    },
    swapcase: (rt, s) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
    tolowercase: (rt, s) => s.toLowerCase(),
    touppercase: (rt, s) => s.toUpperCase(),
    tostring: (rt, s) => s,
    // Apex Reference, String Class: trim removes leading and trailing characters <= U+0020 (Java trim).
    trim: (rt, s) => s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, ''),
    uncapitalize: (rt, s) => lowerFirst(s),
    unescapecsv: (rt, s) => unescapeCsv(s),
    unescapeecmascript: (rt, s) => unescapeJava(s),
    unescapehtml3: (rt, s) => unescapeEntities(s),
    unescapehtml4: (rt, s) => unescapeEntities(s),
    unescapejava: (rt, s) => unescapeJava(s),
    unescapeunicode: (rt, s) => unescapeJava(s),
    unescapexml: (rt, s) => unescapeEntities(s)
};

const staticMethods = {
    // Apex Reference, String Class: isBlank is true for null, '' and whitespace only.
    isblank: (rt, [s]) => isBlank(s),
    isnotblank: (rt, [s]) => !isBlank(s),
    isempty: (rt, [s]) => s === null || s === '',
    isnotempty: (rt, [s]) => !(s === null || s === ''),
    valueof: (rt, [value]) => valueOf(rt, value),
    valueofgmt: (rt, [value]) => datetimeToString(value),
    format: (rt, [format, args]) => formatMessage(rt, required(rt, format), args ? args.items : []),
    join(rt, [iterable, separator]) {
        const items = iterable?.items ?? [...(iterable ?? [])];
        return items.map((item) => str(rt, item)).join(separator ?? '');
    },
    fromchararray: (rt, [codes]) => codes.items.map((c) => String.fromCharCode(c)).join(''),
    fromcharcodes: (rt, [codes]) => codes.items.map((c) => String.fromCodePoint(c)).join(''),
    escapesinglequotes: (rt, [s]) => required(rt, s).replace(/'/g, "\\'"),
    isnumeric: (rt, [s]) => /^\p{Nd}+$/u.test(s ?? '')
};

export const StringNative = defineNative({
    name: 'String',
    isInstance: (value) => typeof value === 'string',
    construct(rt, args) {
        if (args.length === 0) return '';
        return badArity(rt, 'String', 'new', args);
    },
    staticMethods,
    instanceMethods
});

export { valueOf as stringValueOf };

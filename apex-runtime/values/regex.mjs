// Java regular expressions (Apex Reference, "Pattern Class": Apex uses Java's regex syntax) as JS RegExps. The
// common syntax is shared; Java-only constructs that JS reads differently fail loudly instead of matching wrongly.
import { fail } from './types.mjs';

const UNSUPPORTED = [
    [/\\[AZzG]/, 'the anchors \\A, \\Z, \\z, \\G'],
    [/[*+?}]\+/, 'possessive quantifiers'],
    [/\(\?[a-zA-Z]*[^a-zA-Z:)]/, 'inline flag groups other than (?i)'],
    [/\\p\{(?:Lower|Upper|Alpha|Digit|Alnum|Punct|Space|javaLowerCase|javaUpperCase)\}/, 'POSIX \\p{...} classes'],
    [/\\Q|\\E/, 'quoting with \\Q...\\E']
];

/** A JS RegExp for a Java regex; a leading (?i) becomes the i flag. */
export function javaRegex(rt, source, flags) {
    if (source === null || source === undefined) {
        return fail(rt, 'System.NullPointerException', 'Argument cannot be null.');
    }
    let text = source;
    let extra = '';
    const inline = /^\(\?([ims]+)\)/.exec(text);
    if (inline) {
        text = text.slice(inline[0].length);
        extra = inline[1].replace('m', 'm').replace('s', 's');
    }
    for (const [pattern, what] of UNSUPPORTED) {
        if (pattern.test(text)) {
            if (rt?.unsupported) return rt.unsupported(`Java regex ${what}: ${source}`);
            throw new Error(`unsupported Java regex (${what}): ${source}`);
        }
    }
    try {
        return new RegExp(text, flags + extra);
    } catch (error) {
        return fail(rt, 'System.StringException', `Invalid regex: ${error.message}`);
    }
}

/** A Java replacement string ($1, \$ escapes) in JS syntax ($1, $$). */
export function javaReplacement(replacement) {
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
        const c = replacement[i];
        if (c === '\\' && i + 1 < replacement.length) {
            const next = replacement[++i];
            out += next === '$' ? '$$' : next;
        } else if (c === '$' && replacement[i + 1] === '{') {
            const end = replacement.indexOf('}', i);
            out += `$<${replacement.slice(i + 2, end)}>`;
            i = end;
        } else out += c;
    }
    return out;
}

/**
 * Java String.split(regex, limit) (Apex Reference, String Class: split): limit > 0 caps the number of pieces,
 * 0 drops trailing empty strings, negative keeps them; a zero-width match at the start gives no leading ''.
 */
export function javaSplit(rt, s, regex, limit = 0) {
    const re = javaRegex(rt, regex, 'g');
    const pieces = [];
    let last = 0;
    for (const match of s.matchAll(re)) {
        if (limit > 0 && pieces.length === limit - 1) break;
        if (match[0] === '' && (match.index === 0 || match.index >= s.length)) continue;
        if (match[0] === '' && match.index === last && pieces.length === 0 && last === 0) continue;
        pieces.push(s.slice(last, match.index));
        last = match.index + match[0].length;
    }
    // Java's String.split: no match leaves the whole string; with limit 0, trailing empty strings are dropped,
    // all of them (so 'a.b.c'.split('.') has none left).
    if (!pieces.length) return [s];
    pieces.push(s.slice(last));
    if (limit === 0) while (pieces.length && pieces[pieces.length - 1] === '') pieces.pop();
    return pieces;
}

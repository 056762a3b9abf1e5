// Small text helpers shared by the metadata checks: line numbers for elements found by searching the raw XML
// (the parser keeps no positions), "did you mean" suggestions, and readable lists of allowed values.

/** Finds elements in the raw text of one XML file and turns offsets into 1-based line numbers. */
export class Locator {
    constructor(text) {
        this.text = text;
        this.lineStarts = [0];
        for (let i = 0; i < text.length; i++) {
            if (text[i] === '\n') this.lineStarts.push(i + 1);
        }
    }

    /**
     * Offset of the `nth` (0-based) opening tag `<name` after `from`, or undefined. Same-named siblings appear in
     * document order, so the nth child of a parent is usually the nth occurrence after the parent's own tag.
     */
    find(name, from = 0, nth = 0) {
        const pattern = new RegExp(`<${escapeRegExp(name)}[\\s/>]`, 'g');
        pattern.lastIndex = from;
        let match;
        for (let seen = 0; (match = pattern.exec(this.text)); seen++) {
            if (seen === nth) return match.index;
        }
        return undefined;
    }

    /** Offset of `<name ...>value` (the element holding that value), searching the whole file, or undefined. */
    findValue(name, value) {
        const escaped = escapeRegExp(escapeXml(value));
        const match = new RegExp(`<${escapeRegExp(name)}(\\s[^>]*)?>\\s*${escaped}\\s*</`).exec(this.text);
        return match?.index;
    }

    /** Offset of stray text (as it stands between two tags) after `from`, raw or entity-escaped, or undefined. */
    findText(value, from = 0) {
        for (const form of new Set([value, escapeXml(value)])) {
            const pattern = new RegExp(`>\\s*${escapeRegExp(form)}\\s*<`, 'g');
            pattern.lastIndex = from;
            const match = pattern.exec(this.text);
            if (match) return match.index + 1;
        }
        return undefined;
    }

    line(offset) {
        if (offset === undefined) return undefined;
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.lineStarts[mid] <= offset) low = mid;
            else high = mid - 1;
        }
        return low + 1;
    }

    /** Line of `<name>value</name>` if present, else of the first `<name`, else undefined. */
    lineOf(name, value) {
        const offset = value === undefined ? undefined : this.findValue(name, value);
        return this.line(offset ?? this.find(name));
    }
}

function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeXml(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Edit distance between two short strings (element names, enum literals). */
export function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}

/**
 * The candidate closest to `word`, if close enough to be a plausible typo: a case-only difference, or at most
 * a third of the word's length in edits (never more than 3).
 */
export function closest(word, candidates) {
    const lower = word.toLowerCase();
    const sameCase = candidates.find((candidate) => candidate.toLowerCase() === lower);
    if (sameCase) return sameCase;
    const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const d = distance(lower, candidate.toLowerCase());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return bestDistance <= limit ? best : undefined;
}

/** ` (did you mean X?)` or an empty string. */
export function suggestion(word, candidates, wrap = (s) => s) {
    const best = closest(word, candidates);
    return best ? ` (did you mean ${wrap(best)}?)` : '';
}

/** "A, B, C" or "A, B, ... and 40 more": enumerations can run to hundreds of literals. */
export function listOf(values, max = 20) {
    if (values.length <= max) return values.join(', ');
    return `${values.slice(0, max).join(', ')}, ... and ${values.length - max} more`;
}

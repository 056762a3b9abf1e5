// String.format(format, arguments) (Apex Reference, "String Class": format "treats the first argument as a pattern
// ... as in Java's MessageFormat"): {0} placeholders, a single quote starts a quoted literal, '' is a quote.
// Numbers are formatted the way MessageFormat does for the en_US locale: grouping, up to 3 fraction digits.
import { fail } from './types.mjs';
import { str } from './native-util.mjs';
import { isNumber } from './numbers.mjs';
import { toDecimal } from './numbers.mjs';
import { decimalSetScale, decimalStripTrailingZeros, decimalToPlainString } from './decimal.mjs';

/** en_US NumberFormat.getInstance(): '#,##0.###', HALF_EVEN. */
export function formatNumberUs(value, maxFraction = 3) {
    let decimal = decimalSetScale(toDecimal(value), maxFraction, 'HALF_EVEN');
    decimal = decimalStripTrailingZeros(decimal);
    if (decimal.scale < 0) decimal = decimalSetScale(decimal, 0);
    const plain = decimalToPlainString(decimal);
    const negative = plain.startsWith('-');
    const [whole, fraction] = (negative ? plain.slice(1) : plain).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function formatMessage(rt, pattern, args) {
    let out = '';
    let quoted = false;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === "'") {
            if (pattern[i + 1] === "'") {
                out += "'";
                i++;
            } else quoted = !quoted;
            continue;
        }
        if (quoted || c !== '{') {
            out += c;
            continue;
        }
        const end = pattern.indexOf('}', i);
        if (end < 0) fail(rt, 'System.StringException', `Unmatched braces in the pattern: ${pattern}`);
        const [indexText, kind, style] = pattern
            .slice(i + 1, end)
            .split(',')
            .map((part) => part.trim());
        const index = Number(indexText);
        if (!Number.isInteger(index)) fail(rt, 'System.StringException', `can't parse argument number: ${indexText}`);
        i = end;
        if (index >= args.length) {
            out += `{${indexText}}`;
            continue;
        }
        const value = args[index];
        if (kind === undefined) {
            out += value === null ? 'null' : isNumber(value) ? formatNumberUs(value) : str(rt, value);
        } else if (kind === 'number' && (style === undefined || style === 'integer')) {
            out += formatNumberUs(value, style === 'integer' ? 0 : 3);
        } else {
            const what = `String.format element {${pattern.slice(i + 1 - (end - i), end)}}`;
            if (rt?.unsupported) rt.unsupported(what);
            throw new Error(`unsupported ${what}`);
        }
    }
    return out;
}

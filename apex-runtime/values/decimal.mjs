// Decimal arithmetic over ApexDecimal { unscaled: bigint, scale }: the semantics of Java's BigDecimal, which Apex's
// Decimal follows (Apex Reference, "Decimal Class": scale, precision, rounding modes; Apex Developer Guide,
// "Primitive Data Types": Decimal keeps the scale of the value it was made from).
import { ApexDecimal } from './values.mjs';

const TEN = 10n;
const pow10 = (n) => TEN ** BigInt(n);
const abs = (n) => (n < 0n ? -n : n);

/** Decimal from text: '1.50' (scale 2), '-3', '1e3', '2.5E-3'; null when it is not a number. */
export function decimalFromString(text) {
    const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(String(text));
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
    const [, sign, whole, fraction = '', exponent = '0'] = match;
    let unscaled = BigInt((whole || '0') + fraction);
    if (sign === '-') unscaled = -unscaled;
    let scale = fraction.length - Number(exponent);
    return new ApexDecimal(unscaled, scale);
}

/** Decimal from a JS number (Double.valueOf semantics: the shortest decimal text of the double). */
export function decimalFromNumber(number) {
    if (!Number.isFinite(number)) return null;
    if (Number.isInteger(number) && Math.abs(number) < 2 ** 53) return new ApexDecimal(BigInt(number), 0);
    return decimalFromString(String(number));
}

export function decimalFromBigInt(value) {
    return new ApexDecimal(value, 0);
}

export function decimalToNumber(decimal) {
    return Number(decimalToPlainString(decimal));
}

/** The same value at a larger scale (exact). */
function rescaleUp(decimal, scale) {
    return decimal.unscaled * pow10(scale - decimal.scale);
}

function align(a, b) {
    const scale = Math.max(a.scale, b.scale);
    return [rescaleUp(a, scale), rescaleUp(b, scale), scale];
}

export function decimalAdd(a, b) {
    const [x, y, scale] = align(a, b);
    return new ApexDecimal(x + y, scale);
}

export function decimalSubtract(a, b) {
    const [x, y, scale] = align(a, b);
    return new ApexDecimal(x - y, scale);
}

export function decimalMultiply(a, b) {
    return new ApexDecimal(a.unscaled * b.unscaled, a.scale + b.scale);
}

export function decimalNegate(a) {
    return new ApexDecimal(-a.unscaled, a.scale);
}

export function decimalCompare(a, b) {
    const [x, y] = align(a, b);
    return x < y ? -1 : x > y ? 1 : 0;
}

export const decimalSignum = (a) => (a.unscaled < 0n ? -1 : a.unscaled > 0n ? 1 : 0);

/** Number of digits of the unscaled value (Apex Reference, Decimal Class: precision()). */
export function decimalPrecision(a) {
    return a.unscaled === 0n ? 1 : abs(a.unscaled).toString().length;
}

export const ROUNDING_MODES = ['CEILING', 'DOWN', 'FLOOR', 'HALF_DOWN', 'HALF_EVEN', 'HALF_UP', 'UNNECESSARY', 'UP'];

/**
 * numerator / denominator (bigints, denominator non-zero) rounded to an integer with a RoundingMode
 * (Apex Reference, "Decimal Class", Rounding Mode). Returns null for UNNECESSARY when rounding is needed.
 */
export function roundQuotient(numerator, denominator, mode) {
    if (denominator < 0n) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const quotient = numerator / denominator; // truncates toward zero
    const remainder = numerator - quotient * denominator;
    if (remainder === 0n) return quotient;
    const sign = numerator < 0n ? -1n : 1n;
    const twice = abs(remainder) * 2n;
    const away = quotient + sign;
    switch (mode) {
        case 'UP':
            return away;
        case 'DOWN':
            return quotient;
        case 'CEILING':
            return sign > 0n ? away : quotient;
        case 'FLOOR':
            return sign < 0n ? away : quotient;
        case 'HALF_UP':
            return twice >= denominator ? away : quotient;
        case 'HALF_DOWN':
            return twice > denominator ? away : quotient;
        case 'HALF_EVEN':
            if (twice === denominator) return quotient % 2n === 0n ? quotient : away;
            return twice > denominator ? away : quotient;
        case 'UNNECESSARY':
            return null;
        default:
            throw new Error(`unknown rounding mode ${mode}`);
    }
}

/** setScale: the value at `scale` decimal places, rounded by `mode`; null when UNNECESSARY would lose digits. */
export function decimalSetScale(a, scale, mode = 'HALF_EVEN') {
    if (scale >= a.scale) return new ApexDecimal(rescaleUp(a, scale), scale);
    const rounded = roundQuotient(a.unscaled, pow10(a.scale - scale), mode);
    return rounded === null ? null : new ApexDecimal(rounded, scale);
}

/** a / b at the given scale and rounding mode (Decimal.divide(divisor, scale[, roundingMode])). */
export function decimalDivideToScale(a, b, scale, mode = 'HALF_UP') {
    // a/b * 10^scale = a.u * 10^(scale - a.s + b.s) / b.u
    const shift = scale - a.scale + b.scale;
    const numerator = shift >= 0 ? a.unscaled * pow10(shift) : a.unscaled;
    const denominator = shift >= 0 ? b.unscaled : b.unscaled * pow10(-shift);
    const rounded = roundQuotient(numerator, denominator, mode);
    return rounded === null ? null : new ApexDecimal(rounded, scale);
}

// Precision of the `/` operator when the quotient does not terminate. The Apex documentation does not state it;
// we follow Java's MathContext.DECIMAL128 (34 significant digits, HALF_EVEN), which BigDecimal division under
// Apex's Decimal uses for non-terminating results (assumption, noted in the runtime's README).
const DIVISION_DIGITS = 34;

/** The `/` operator on Decimals: the exact quotient when it terminates, else 34 significant digits. */
export function decimalDivide(a, b) {
    const preferred = a.scale - b.scale;
    // Exact when the reduced denominator only has factors 2 and 5.
    let numerator = a.unscaled;
    let denominator = b.unscaled;
    const g = gcd(abs(numerator), abs(denominator)) || 1n;
    let d = abs(denominator / g);
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
        d /= 2n;
        twos++;
    }
    while (d % 5n === 0n) {
        d /= 5n;
        fives++;
    }
    if (d === 1n) {
        const extra = Math.max(twos, fives);
        const exact = decimalDivideToScale(a, b, preferred + extra, 'UNNECESSARY');
        const stripped = decimalStripTrailingZeros(exact);
        // BigDecimal keeps the preferred scale when it can.
        return stripped.scale < preferred ? decimalSetScale(stripped, preferred) : stripped;
    }
    // Scale giving DIVISION_DIGITS significant digits.
    const magnitude = digitsBeforePoint(a) - digitsBeforePoint(b) + 1;
    const scale = DIVISION_DIGITS - magnitude;
    let result = decimalDivideToScale(a, b, scale, 'HALF_EVEN');
    if (decimalPrecision(result) < DIVISION_DIGITS)
        result = decimalDivideToScale(a, b, scale + DIVISION_DIGITS - decimalPrecision(result), 'HALF_EVEN');
    if (decimalPrecision(result) > DIVISION_DIGITS)
        result = decimalSetScale(result, scale - (decimalPrecision(result) - DIVISION_DIGITS), 'HALF_EVEN');
    const stripped = decimalStripTrailingZeros(result);
    return stripped.scale < preferred ? decimalSetScale(stripped, preferred) : stripped;
}

function digitsBeforePoint(a) {
    // position of the most significant digit relative to the decimal point (1 for 1..9, 0 for 0.1..0.9, ...)
    return decimalPrecision(a) - a.scale;
}

function gcd(a, b) {
    while (b) [a, b] = [b, a % b];
    return a;
}

/** Apex Reference, Decimal Class: stripTrailingZeros(). Zero becomes 0. */
export function decimalStripTrailingZeros(a) {
    if (a.unscaled === 0n) return new ApexDecimal(0n, 0);
    let { unscaled, scale } = a;
    while (unscaled % TEN === 0n) {
        unscaled /= TEN;
        scale--;
    }
    return new ApexDecimal(unscaled, scale);
}

/** Apex Reference, Decimal Class: toPlainString() (no exponent). */
export function decimalToPlainString(a) {
    const negative = a.unscaled < 0n;
    let digits = abs(a.unscaled).toString();
    if (a.scale <= 0) return (negative ? '-' : '') + digits + '0'.repeat(-a.scale);
    digits = digits.padStart(a.scale + 1, '0');
    const point = digits.length - a.scale;
    return (negative ? '-' : '') + digits.slice(0, point) + '.' + digits.slice(point);
}

/**
 * String.valueOf(Decimal) / Decimal.toString(): Java BigDecimal.toString, plain unless the exponent needs
 * scientific notation (scale < 0, or adjusted exponent < -6). Apex Reference, Decimal Class: toString vs
 * toPlainString ("without using scientific notation").
 */
export function decimalToString(a) {
    const digits = abs(a.unscaled).toString();
    const adjusted = -a.scale + (digits.length - 1);
    if (a.scale >= 0 && adjusted >= -6) return decimalToPlainString(a);
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${a.unscaled < 0n ? '-' : ''}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
}

/** Integer part as a bigint, truncated toward zero (intValue, longValue). */
export function decimalTruncate(a) {
    if (a.scale <= 0) return a.unscaled * pow10(-a.scale);
    return a.unscaled / pow10(a.scale);
}

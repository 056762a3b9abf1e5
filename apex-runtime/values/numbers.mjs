// Number helpers shared by the operators and the numeric native classes (Apex Developer Guide, "Primitive Data
// Types": Integer is 32-bit, Long 64-bit, Double 64-bit IEEE; "Rules of Conversion": Integer < Long < Double <
// Decimal).
import { ApexDouble, ApexDecimal } from './values.mjs';
import { decimalFromNumber, decimalFromBigInt, decimalToNumber, decimalToString, decimalTruncate } from './decimal.mjs';

export const wrapInt = (n) => n | 0;
export const wrapLong = (n) => BigInt.asIntN(64, n);

export const isInteger = (v) => typeof v === 'number';
export const isLong = (v) => typeof v === 'bigint';
export const isDouble = (v) => v instanceof ApexDouble;
export const isDecimal = (v) => v instanceof ApexDecimal;
export const isNumber = (v) => isInteger(v) || isLong(v) || isDouble(v) || isDecimal(v);

/** 0 Integer, 1 Long, 2 Double, 3 Decimal. */
export function numericRank(v) {
    if (isInteger(v)) return 0;
    if (isLong(v)) return 1;
    if (isDouble(v)) return 2;
    if (isDecimal(v)) return 3;
    return -1;
}

export function toJsNumber(v) {
    if (isInteger(v)) return v;
    if (isLong(v)) return Number(v);
    if (isDouble(v)) return v.value;
    if (isDecimal(v)) return decimalToNumber(v);
    throw new Error(`not a number: ${v}`);
}

export function toBigInt(v) {
    if (isInteger(v)) return BigInt(v);
    if (isLong(v)) return v;
    if (isDouble(v)) return BigInt(Math.trunc(v.value));
    if (isDecimal(v)) return decimalTruncate(v);
    throw new Error(`not a number: ${v}`);
}

export function toDecimal(v) {
    if (isDecimal(v)) return v;
    if (isInteger(v)) return new ApexDecimal(BigInt(v), 0);
    if (isLong(v)) return decimalFromBigInt(v);
    if (isDouble(v)) return decimalFromNumber(v.value);
    throw new Error(`not a number: ${v}`);
}

export const toDouble = (v) => new ApexDouble(toJsNumber(v));

/** The value converted to a numeric rank (0..3). */
export function promote(v, rank) {
    switch (rank) {
        case 0:
            return v;
        case 1:
            return toBigInt(v);
        case 2:
            return toDouble(v);
        default:
            return toDecimal(v);
    }
}

/**
 * String.valueOf(Double): Java's Double.toString, '1.0', '0.001', '1.0E7', '1.234E-5' (Apex prints Doubles the way
 * Java does: plain for 10^-3 <= |d| < 10^7, else computerized scientific notation).
 */
export function doubleToString(d) {
    if (Number.isNaN(d)) return 'NaN';
    if (d === Infinity) return 'Infinity';
    if (d === -Infinity) return '-Infinity';
    if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
    const magnitude = Math.abs(d);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
        const text = String(d);
        if (text.includes('e')) return expandExponent(d);
        return text.includes('.') ? text : `${text}.0`;
    }
    const [mantissa, exponent] = d.toExponential().split('e');
    const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
    return `${digits}E${Number(exponent)}`;
}

function expandExponent(d) {
    const text = d.toFixed(20).replace(/0+$/, '');
    return text.endsWith('.') ? `${text}0` : text;
}

/** String.valueOf of any number. */
export function numberToString(v) {
    if (isInteger(v) || isLong(v)) return String(v);
    if (isDouble(v)) return doubleToString(v.value);
    return decimalToString(v);
}

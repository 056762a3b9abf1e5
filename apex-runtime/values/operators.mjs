// Apex operators on evaluated operands: binary and unary arithmetic, relational and bitwise operators, and the
// equality operators through equality.mjs. Rules from the Apex Developer Guide, "Expression Operators" and
// "Primitive Data Types". The conversions around them live beside this module: runtime-types.mjs (types,
// instanceof, assignment conversion), equality.mjs (==, ===, hash codes), ordering.mjs (the order of values) and
// apex-string.mjs (String.valueOf).
import { ApexDouble, ApexDecimal, ApexDate, ApexDatetime, ApexTime } from './values.mjs';
import { fail, typeName } from './types.mjs';
import {
    decimalAdd,
    decimalSubtract,
    decimalMultiply,
    decimalDivide,
    decimalNegate,
    decimalToNumber
} from './decimal.mjs';
import { wrapInt, wrapLong, isNumber, numericRank, promote, toJsNumber, toBigInt } from './numbers.mjs';
import { DAY_MS } from './dates.mjs';
import { typeOf } from './runtime-types.mjs';
import { equals, exactEquals } from './equality.mjs';
import { compareNumbers, compareStringsIgnoreCase } from './ordering.mjs';
import { stringOf } from './apex-string.mjs';

const NPE = 'System.NullPointerException';
const NPE_MESSAGE = 'Attempt to de-reference a null object';

// ---------------------------------------------------------------------------------------------------------------
// Relational operators.

/**
 * Relational operators (Apex Developer Guide, "Expression Operators": <, >, <=, >=): a null Integer, Double, Date
 * or Datetime operand makes the expression false; a non-null String or Id is greater than null; Strings compare
 * without regard to case. Returns the boolean result.
 */
function relational(op, a, b, rt) {
    if (a === null || b === null) {
        const other = a === null ? b : a;
        if (typeof other === 'string') {
            const cmp = a === null && b === null ? 0 : a === null ? -1 : 1;
            return test(op, cmp);
        }
        return false;
    }
    let cmp;
    if (isNumber(a) && isNumber(b)) cmp = compareNumbers(a, b);
    else if (typeof a === 'string' && typeof b === 'string') cmp = compareStringsIgnoreCase(a, b);
    else if (a instanceof ApexDate && b instanceof ApexDate) cmp = Math.sign(a.days - b.days);
    else if (a instanceof ApexDatetime && b instanceof ApexDatetime) cmp = Math.sign(a.ms - b.ms);
    else if (a instanceof ApexTime && b instanceof ApexTime) cmp = Math.sign(a.ms - b.ms);
    else return invalidOperands(op, a, b, rt);
    return test(op, cmp);
}

function test(op, cmp) {
    switch (op) {
        case '<':
            return cmp < 0;
        case '>':
            return cmp > 0;
        case '<=':
            return cmp <= 0;
        default:
            return cmp >= 0;
    }
}
// ---------------------------------------------------------------------------------------------------------------
// Arithmetic.

function invalidOperands(op, a, b, rt) {
    const what = `operator ${op} on ${typeName(typeOf(a))}${b === undefined ? '' : ` and ${typeName(typeOf(b))}`}`;
    if (rt?.unsupported) return rt.unsupported(`${what} (not valid Apex)`);
    return fail(rt, 'System.TypeException', `${what} is not valid Apex`);
}

const divideByZero = (rt) => fail(rt, 'System.MathException', 'Divide by 0');

function arithmetic(op, a, b, rt) {
    const rank = Math.max(numericRank(a), numericRank(b));
    const x = promote(a, rank);
    const y = promote(b, rank);
    switch (rank) {
        case 0: // Integer: 32-bit two's complement, wraps ("Primitive Data Types")
            switch (op) {
                case '+':
                    return wrapInt(x + y);
                case '-':
                    return wrapInt(x - y);
                case '*':
                    return Math.imul(x, y);
                case '/':
                    if (y === 0) return divideByZero(rt);
                    return wrapInt(Math.trunc(x / y));
            }
            break;
        case 1: // Long: 64-bit, wraps; BigInt division truncates toward zero as Apex's does
            switch (op) {
                case '+':
                    return wrapLong(x + y);
                case '-':
                    return wrapLong(x - y);
                case '*':
                    return wrapLong(x * y);
                case '/':
                    if (y === 0n) return divideByZero(rt);
                    return wrapLong(x / y);
            }
            break;
        case 2:
            switch (op) {
                case '+':
                    return new ApexDouble(x.value + y.value);
                case '-':
                    return new ApexDouble(x.value - y.value);
                case '*':
                    return new ApexDouble(x.value * y.value);
                case '/':
                    if (y.value === 0) return divideByZero(rt);
                    return new ApexDouble(x.value / y.value);
            }
            break;
        default:
            switch (op) {
                case '+':
                    return decimalAdd(x, y);
                case '-':
                    return decimalSubtract(x, y);
                case '*':
                    return decimalMultiply(x, y);
                case '/':
                    if (x !== null && y.unscaled === 0n) return divideByZero(rt);
                    return decimalDivide(x, y);
            }
    }
    return invalidOperands(op, a, b, rt);
}

const isWhole = (v) => typeof v === 'number' || typeof v === 'bigint';

/** Date/Datetime +/- a number of days ("Expression Operators": + and -). */
function dateArithmetic(op, a, b, rt) {
    const sign = op === '+' ? 1 : -1;
    if (a instanceof ApexDate && isWhole(b)) return new ApexDate(a.days + sign * Number(b));
    if (a instanceof ApexDatetime && isNumber(b)) {
        // A Datetime plus a Double or Decimal adds the fraction of a day too.
        const days = numericRank(b) === 3 ? decimalToNumber(b) : toJsNumber(b);
        return new ApexDatetime(a.ms + sign * Math.round(days * DAY_MS));
    }
    return invalidOperands(op, a, b, rt);
}

function bitwise(op, a, b, rt) {
    if (typeof a === 'boolean' && typeof b === 'boolean') {
        if (op === '&') return a && b;
        if (op === '|') return a || b;
        if (op === '^') return a !== b;
    }
    if (!isWhole(a) || !isWhole(b)) return invalidOperands(op, a, b, rt);
    const long = typeof a === 'bigint';
    if (op === '<<' || op === '>>' || op === '>>>') {
        // The shift distance is masked to the width of the left operand, as in Java.
        if (!long) {
            const n = Number(b) & 31;
            return op === '<<' ? a << n : op === '>>' ? a >> n : (a >>> n) | 0;
        }
        const n = BigInt(Number(toBigInt(b) & 63n));
        if (op === '<<') return wrapLong(a << n);
        if (op === '>>') return a >> n;
        return BigInt.asIntN(64, BigInt.asUintN(64, a) >> n);
    }
    if (long || typeof b === 'bigint') {
        const x = toBigInt(a);
        const y = toBigInt(b);
        return op === '&' ? x & y : op === '|' ? x | y : x ^ y;
    }
    return op === '&' ? a & b : op === '|' ? a | b : a ^ b;
}

/**
 * A binary operator of Apex on two evaluated operands: + - * / < > <= >= & | ^ << >> >>>. (== != === !== && ||
 * are the interpreter's: equals/exactEquals here; && and || short-circuit.) Apex has no % operator (Math.mod).
 */
export function binary(op, a, b, rt) {
    switch (op) {
        case '+':
            // "Expression Operators", +: a String operand makes it a concatenation; null prints as 'null'.
            if (typeof a === 'string' || typeof b === 'string') return stringOf(a, rt) + stringOf(b, rt);
        // fall through
        case '-':
        case '*':
        case '/':
            if (a === null || b === null || a === undefined || b === undefined) return fail(rt, NPE, NPE_MESSAGE);
            if (isNumber(a) && isNumber(b)) return arithmetic(op, a, b, rt);
            if ((op === '+' || op === '-') && (a instanceof ApexDate || a instanceof ApexDatetime)) {
                return dateArithmetic(op, a, b, rt);
            }
            return invalidOperands(op, a, b, rt);
        case '<':
        case '>':
        case '<=':
        case '>=':
            return relational(op, a, b, rt);
        case '&':
        case '|':
        case '^':
        case '<<':
        case '>>':
        case '>>>':
            if (a === null || b === null || a === undefined || b === undefined) return fail(rt, NPE, NPE_MESSAGE);
            return bitwise(op, a, b, rt);
        case '==':
            return equals(a, b, rt);
        case '!=':
            return !equals(a, b, rt);
        case '===':
            return exactEquals(a, b);
        case '!==':
            return !exactEquals(a, b);
    }
    if (rt?.unsupported) return rt.unsupported(`operator ${op}`);
    throw new Error(`unsupported operator ${op}`);
}

/** A unary operator: - (negation, wraps), ~ (bitwise not), ! (Boolean not); + returns the number. */
export function unary(op, value, rt) {
    if (value === null || value === undefined) return fail(rt, NPE, NPE_MESSAGE);
    switch (op) {
        case '-':
            if (typeof value === 'number') return wrapInt(-value);
            if (typeof value === 'bigint') return wrapLong(-value);
            if (value instanceof ApexDouble) return new ApexDouble(-value.value);
            if (value instanceof ApexDecimal) return decimalNegate(value);
            break;
        case '+':
            if (isNumber(value)) return value;
            break;
        case '~':
            if (typeof value === 'number') return ~value;
            if (typeof value === 'bigint') return ~value;
            break;
        case '!':
            if (typeof value === 'boolean') return !value;
            break;
    }
    return invalidOperands(op, value, undefined, rt);
}

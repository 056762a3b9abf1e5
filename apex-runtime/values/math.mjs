// System.Math (Apex Reference, "Math Class"). Overloads follow the argument types: Integer in, Integer out; Long,
// Double and Decimal likewise.
import { defineNative } from '../interpreter/natives.mjs';
import { ApexDouble, ApexDecimal } from './values.mjs';
import { fail } from './types.mjs';
import { required } from './native-util.mjs';
import { numericRank, promote, toJsNumber, wrapInt, wrapLong } from './numbers.mjs';
import { decimalCompare, decimalNegate, decimalSignum, roundQuotient } from './decimal.mjs';
import { binary } from './operators.mjs';

const D = (n) => new ApexDouble(n);
const num = (rt, v) => toJsNumber(required(rt, v));

function pair(rt, a, b) {
    required(rt, a);
    required(rt, b);
    const rank = Math.max(numericRank(a), numericRank(b));
    return [promote(a, rank), promote(b, rank), rank];
}

function minMax(rt, [a, b], pickFirst) {
    const [x, y, rank] = pair(rt, a, b);
    const cmp =
        rank === 3 ? decimalCompare(x, y) : rank === 2 ? Math.sign(x.value - y.value) : x < y ? -1 : x > y ? 1 : 0;
    return pickFirst(cmp) ? x : y;
}

function roundHalfUp(rt, value) {
    // Apex Reference, Math Class: round/roundToLong round half up (toward positive infinity at .5, as Java's).
    if (value instanceof ApexDecimal) {
        const scale = Math.max(value.scale, 0);
        const floor = roundQuotient(value.unscaled * 2n + 10n ** BigInt(scale), 2n * 10n ** BigInt(scale), 'FLOOR');
        return value.scale < 0 ? value.unscaled * 10n ** BigInt(-value.scale) : floor;
    }
    return BigInt(Math.floor(num(rt, value) + 0.5));
}

export const MathNative = defineNative({
    name: 'Math',
    staticMethods: {
        abs(rt, [v]) {
            required(rt, v);
            if (typeof v === 'number') return wrapInt(Math.abs(v));
            if (typeof v === 'bigint') return wrapLong(v < 0n ? -v : v);
            if (v instanceof ApexDecimal) return decimalSignum(v) < 0 ? decimalNegate(v) : v;
            return D(Math.abs(v.value));
        },
        max: (rt, args) => minMax(rt, args, (cmp) => cmp >= 0),
        min: (rt, args) => minMax(rt, args, (cmp) => cmp <= 0),
        // Apex Reference, Math Class: mod(i1, i2) is the remainder (sign of the dividend, as Java's %).
        mod(rt, [a, b]) {
            const [x, y, rank] = pair(rt, a, b);
            if ((rank === 0 && y === 0) || (rank === 1 && y === 0n)) fail(rt, 'System.MathException', 'Divide by 0');
            if (rank === 0) return x % y;
            if (rank === 1) return x % y;
            return fail(rt, 'System.TypeException', 'Math.mod takes Integer or Long arguments');
        },
        ceil: (rt, [v]) => D(Math.ceil(num(rt, v))),
        floor: (rt, [v]) => D(Math.floor(num(rt, v))),
        round: (rt, [v]) => wrapInt(Number(BigInt.asIntN(32, roundHalfUp(rt, v)))),
        roundtolong: (rt, [v]) => wrapLong(roundHalfUp(rt, v)),
        rint: (rt, [v]) => D(Math.round(num(rt, v))),
        pow: (rt, [a, b]) => D(Math.pow(num(rt, a), num(rt, b))),
        sqrt: (rt, [v]) => D(Math.sqrt(num(rt, v))),
        cbrt: (rt, [v]) => D(Math.cbrt(num(rt, v))),
        exp: (rt, [v]) => D(Math.exp(num(rt, v))),
        log: (rt, [v]) => D(Math.log(num(rt, v))),
        log10: (rt, [v]) => D(Math.log10(num(rt, v))),
        random: () => D(Math.random()),
        signum: (rt, [v]) => D(Math.sign(num(rt, v))),
        sin: (rt, [v]) => D(Math.sin(num(rt, v))),
        cos: (rt, [v]) => D(Math.cos(num(rt, v))),
        tan: (rt, [v]) => D(Math.tan(num(rt, v))),
        asin: (rt, [v]) => D(Math.asin(num(rt, v))),
        acos: (rt, [v]) => D(Math.acos(num(rt, v))),
        atan: (rt, [v]) => D(Math.atan(num(rt, v))),
        atan2: (rt, [a, b]) => D(Math.atan2(num(rt, a), num(rt, b))),
        sinh: (rt, [v]) => D(Math.sinh(num(rt, v))),
        cosh: (rt, [v]) => D(Math.cosh(num(rt, v))),
        tanh: (rt, [v]) => D(Math.tanh(num(rt, v))),
        // Apex Reference, Math Class: the constants are static properties, not methods.
        multiplyexact: (rt, [a, b]) => binary('*', a, b, rt)
    },
    staticProperties: {
        pi: () => D(Math.PI),
        e: () => D(Math.E)
    }
});

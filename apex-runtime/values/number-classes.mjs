// Integer, Long, Double, Decimal, Boolean and the RoundingMode enum (Apex Reference: "Integer Class", "Long Class",
// "Double Class", "Decimal Class", "Boolean Class").
import { defineNative } from '../interpreter/natives.mjs';
import { ApexDouble, ApexDecimal, ApexEnumValue } from './values.mjs';
import { fail } from './types.mjs';
import { required, enumName, badArity } from './native-util.mjs';
import {
    decimalFromString,
    decimalSetScale,
    decimalDivideToScale,
    decimalStripTrailingZeros,
    decimalToPlainString,
    decimalToString,
    decimalPrecision,
    decimalTruncate,
    decimalNegate,
    decimalSignum,
    decimalCompare,
    roundQuotient,
    ROUNDING_MODES
} from './decimal.mjs';
import { toDecimal, toJsNumber, wrapInt, wrapLong, isNumber, doubleToString } from './numbers.mjs';
import { hashCode, equals } from './equality.mjs';
import { formatNumberUs } from './message-format.mjs';

const ROUNDING_MODE = 'System.RoundingMode';
const roundingValues = new Map(ROUNDING_MODES.map((name, i) => [name, new ApexEnumValue(ROUNDING_MODE, name, i)]));

export const RoundingModeNative = defineNative({
    name: 'RoundingMode',
    isInstance: (value) => value instanceof ApexEnumValue && value.enumType === ROUNDING_MODE,
    staticProperty(rt, name) {
        const value = roundingValues.get(String(name).toUpperCase());
        return value ?? fail(rt, 'System.TypeException', `RoundingMode has no value ${name}`);
    },
    staticMethods: { values: () => [...roundingValues.values()] },
    instanceMethods: { name: (rt, self) => self.name, ordinal: (rt, self) => self.ordinal }
});

function parseNumber(rt, text, kind) {
    const decimal = typeof text === 'string' ? decimalFromString(text.trim() === text ? text : '') : null;
    if (!decimal) fail(rt, 'System.TypeException', `Invalid ${kind}: ${text}`);
    return decimal;
}

/** Integer.valueOf(String): digits with an optional sign only (Apex Reference, Integer Class: valueOf). */
function parseWhole(rt, text, bits) {
    if (typeof text !== 'string' || !/^[+-]?\d+$/.test(text))
        fail(rt, 'System.TypeException', `Invalid integer: ${text}`);
    const n = BigInt(text);
    if (n !== BigInt.asIntN(bits, n)) fail(rt, 'System.TypeException', `Invalid integer: ${text}`);
    return bits === 32 ? Number(n) : n;
}

const common = {
    format: (rt, self) => formatNumberUs(self),
    hashcode: (rt, self) => hashCode(self, rt),
    equals: (rt, self, [other]) => equals(self, other, rt),
    tostring: (rt, self) =>
        self instanceof ApexDecimal
            ? decimalToString(self)
            : self instanceof ApexDouble
              ? doubleToString(self.value)
              : String(self),
    intvalue: (rt, self) => wrapInt(Number(BigInt.asIntN(32, truncate(self)))),
    longvalue: (rt, self) => wrapLong(truncate(self)),
    doublevalue: (rt, self) => new ApexDouble(toJsNumber(self)),
    decimalvalue: (rt, self) => toDecimal(self)
};

function truncate(value) {
    if (typeof value === 'number') return BigInt(value);
    if (typeof value === 'bigint') return value;
    if (value instanceof ApexDouble) return BigInt(Math.trunc(value.value));
    return decimalTruncate(value);
}

export const IntegerNative = defineNative({
    name: 'Integer',
    isInstance: (value) => typeof value === 'number',
    staticMethods: {
        valueof(rt, [value]) {
            if (value === null) return null;
            if (typeof value === 'string') return parseWhole(rt, value, 32);
            if (isNumber(value)) return common.intvalue(rt, value);
            return fail(rt, 'System.TypeException', `Invalid conversion to Integer`);
        }
    },
    instanceMethods: common
});

export const LongNative = defineNative({
    name: 'Long',
    isInstance: (value) => typeof value === 'bigint',
    staticMethods: {
        valueof(rt, [value]) {
            if (value === null) return null;
            if (typeof value === 'string') return parseWhole(rt, value, 64);
            return common.longvalue(rt, value);
        }
    },
    instanceMethods: common
});

export const DoubleNative = defineNative({
    name: 'Double',
    isInstance: (value) => value instanceof ApexDouble,
    staticMethods: {
        valueof(rt, [value]) {
            if (value === null) return null;
            if (typeof value === 'string') {
                const n = Number(value.trim());
                if (value.trim() === '' || Number.isNaN(n))
                    fail(rt, 'System.TypeException', `Invalid double: ${value}`);
                return new ApexDouble(n);
            }
            return new ApexDouble(toJsNumber(value));
        }
    },
    instanceMethods: {
        ...common,
        round: (rt, self) => BigInt(Math.floor(self.value + 0.5))
    }
});

const mode = (rt, value) => {
    const name = enumName(required(rt, value));
    if (!ROUNDING_MODES.includes(name)) fail(rt, 'System.TypeException', `Invalid rounding mode ${name}`);
    return name;
};

const roundingNecessary = (rt) => fail(rt, 'System.MathException', 'Rounding necessary');

export const DecimalNative = defineNative({
    name: 'Decimal',
    isInstance: (value) => value instanceof ApexDecimal,
    staticMethods: {
        valueof(rt, [value]) {
            if (value === null) return null;
            if (typeof value === 'string') return parseNumber(rt, value, 'decimal');
            return toDecimal(value);
        }
    },
    instanceMethods: {
        ...common,
        abs: (rt, self) => (decimalSignum(self) < 0 ? decimalNegate(self) : self),
        // Apex Reference, Decimal Class: divide(divisor, scale[, roundingMode]).
        divide(rt, self, [divisor, scale, roundingMode]) {
            const d = toDecimal(required(rt, divisor));
            if (d.unscaled === 0n) fail(rt, 'System.MathException', 'Divide by 0');
            const result = decimalDivideToScale(self, d, scale, roundingMode ? mode(rt, roundingMode) : 'HALF_UP');
            return result ?? roundingNecessary(rt);
        },
        pow(rt, self, [exponent]) {
            if (exponent < 0 || exponent > 32767) fail(rt, 'System.MathException', 'Invalid operation');
            return new ApexDecimal(self.unscaled ** BigInt(exponent), self.scale * exponent);
        },
        precision: (rt, self) => decimalPrecision(self),
        // Apex Reference, Decimal Class: round() uses half-even rounding and returns a Long.
        round(rt, self, [roundingMode]) {
            const rounded = roundQuotient(
                self.unscaled * 1n,
                10n ** BigInt(Math.max(self.scale, 0)),
                roundingMode ? mode(rt, roundingMode) : 'HALF_EVEN'
            );
            // Apex Reference, Decimal Class, RoundingMode.UNNECESSARY: "an exception is thrown" when rounding is needed.
            if (rounded === null) fail(rt, 'System.MathException', 'Rounding necessary');
            return rounded * (self.scale < 0 ? 10n ** BigInt(-self.scale) : 1n);
        },
        scale: (rt, self) => self.scale,
        // Apex Reference, Decimal Class: setScale(scale) rounds half-even when digits are dropped.
        setscale(rt, self, [scale, roundingMode]) {
            const result = decimalSetScale(self, scale, roundingMode ? mode(rt, roundingMode) : 'HALF_EVEN');
            return result ?? roundingNecessary(rt);
        },
        striptrailingzeros: (rt, self) => decimalStripTrailingZeros(self),
        toplainstring: (rt, self) => decimalToPlainString(self),
        compareto: (rt, self, [other]) => decimalCompare(self, toDecimal(required(rt, other)))
    }
});

export const BooleanNative = defineNative({
    name: 'Boolean',
    isInstance: (value) => typeof value === 'boolean',
    staticMethods: {
        // Apex Reference, Boolean Class: valueOf(String) is true only for 'true', ignoring case.
        valueof(rt, [value]) {
            if (value === null) return null;
            if (typeof value === 'string') return value.toLowerCase() === 'true';
            if (typeof value === 'boolean') return value;
            return fail(rt, 'System.TypeException', 'Invalid conversion to Boolean');
        }
    },
    instanceMethods: {
        equals: (rt, self, [other]) => self === other,
        hashcode: (rt, self) => hashCode(self),
        tostring: (rt, self) => String(self)
    }
});

export { badArity };

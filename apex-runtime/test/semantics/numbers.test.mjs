// Decimal precision and scale, rounding modes, Double vs Decimal (Apex Reference: Decimal Class; Apex Developer
// Guide: Primitive Data Types, "Decimal Data Type").
import { table } from './harness.mjs';

const DECIMAL = 'Apex Reference, Decimal Class';
const SCALE =
    'Apex Developer Guide, Decimal Data Type: "the item from which the Decimal is created determines the Decimal\'s scale"';
const MODES = `${DECIMAL}: Rounding Mode table (inputs 5.5, 1.1, -1.1, -2.7)`;

table(
    'a Decimal keeps its scale',
    [],
    [
        {
            apex: '1.10 + 2.205',
            expected: '3.305',
            doc: SCALE,
            note: 'the sum carries the larger scale of its operands (BigDecimal addition)'
        },
        { apex: '1.10', expected: '1.10', doc: SCALE },
        { apex: '(1.10).scale()', expected: '2', doc: `${DECIMAL}: scale() "the number of decimal places"` },
        {
            apex: "Decimal.valueOf('2.50').scale()",
            expected: '2',
            doc: `${SCALE}: "If the Decimal is created from a String, the scale is the number of characters after the decimal point"`
        },
        {
            code: 'Decimal d = 12;',
            value: 'd.scale()',
            expected: '0',
            doc: `${SCALE}: "created from a non-decimal number ... converted to a String"`
        },
        { apex: '(1.5).setScale(3)', expected: '1.500', doc: `${DECIMAL}: setScale(scale)` },
        {
            apex: '(2.3456).setScale(2)',
            expected: '2.35',
            doc: `${DECIMAL}: setScale(scale)`,
            note: 'not a tie, so half-up and half-even agree'
        }
    ]
);

table(
    'Decimal division with a scale',
    [],
    [
        {
            code: 'Decimal decimalNumber = 19; Decimal result = decimalNumber.divide(100, 3);',
            value: 'result',
            expected: '0.190',
            doc: `${DECIMAL}: divide(divisor, scale) example "System.assertEquals(0.190, result)"`
        },
        {
            code: 'Decimal myDecimal = 12.4567; Decimal divDec = myDecimal.divide(7, 2, System.RoundingMode.UP);',
            value: 'divDec',
            expected: '1.78',
            doc: `${DECIMAL}: divide(divisor, scale, roundingMode) example -> 1.78`
        },
        {
            apex: '(2.345).setScale(2, System.RoundingMode.HALF_UP)',
            expected: '2.35',
            doc: `${DECIMAL}: setScale(scale, roundingMode), HALF_UP`
        },
        {
            apex: '(2.345).setScale(2, System.RoundingMode.DOWN)',
            expected: '2.34',
            doc: `${DECIMAL}: setScale(scale, roundingMode), DOWN`
        }
    ]
);

// Each rounding mode on the documentation's four inputs, through round(roundingMode), which returns a Long.
const inputs = ['5.5', '1.1', '-1.1', '-2.7'];
const documented = {
    CEILING: ['6', '2', '-1', '-2'],
    DOWN: ['5', '1', '-1', '-2'],
    FLOOR: ['5', '1', '-2', '-3'],
    HALF_DOWN: ['5', '1', '-1', '-3'],
    HALF_EVEN: ['6', '1', '-1', '-3'],
    HALF_UP: ['6', '1', '-1', '-3'],
    UP: ['6', '2', '-2', '-3']
};
table(
    'Decimal rounding modes give the documented results',
    [],
    Object.entries(documented).flatMap(([mode, results]) =>
        inputs.map((input, i) => ({
            apex: `(${input}).round(System.RoundingMode.${mode})`,
            expected: results[i],
            doc: `${MODES}: "Input number ${input}: ${mode} round mode result: ${results[i]}"`
        }))
    )
);

table(
    'round() without a mode rounds half-even to a Long',
    [],
    [
        { code: 'Decimal D1 = 5.5;', value: 'D1.round()', expected: '6', doc: `${DECIMAL}: round() example` },
        { code: 'Decimal D2 = 5.2;', value: 'D2.round()', expected: '5', doc: `${DECIMAL}: round() example` },
        { code: 'Decimal D3 = -5.7;', value: 'D3.round()', expected: '-6', doc: `${DECIMAL}: round() example` },
        {
            apex: '(5.5).round(System.RoundingMode.UNNECESSARY)',
            throws: 'System.MathException',
            doc: `${MODES}: UNNECESSARY "Input number 5.5: ... result: Exception"`,
            note: "the exception type is the platform's (rounding needed)"
        }
    ]
);

table(
    'Double is binary floating point, Decimal is exact',
    [],
    [
        {
            code: 'Double d = 3.14159;',
            value: 'd',
            expected: '3.14159',
            doc: 'Apex Developer Guide, Primitive Data Types: Double example "Double d=3.14159;"'
        },
        {
            code: 'Double a = 0.1; Double b = 0.2;',
            value: 'a + b',
            expected: '0.30000000000000004',
            doc: 'Apex Developer Guide, Primitive Data Types: Double is a 64-bit floating point number',
            note: 'IEEE 754 double arithmetic, printed as Java prints a double'
        },
        { apex: '0.1 + 0.2', expected: '0.3', doc: `${SCALE} (literals with a decimal point are Decimal)` },
        {
            code: "Decimal n = (Decimal) JSON.deserialize('100.1', Decimal.class);",
            value: 'n',
            expected: '100.1',
            doc: 'Apex Reference, JSON Class: deserialize(jsonString, apexType) example "deserializes a Decimal value"'
        },
        {
            code: 'Long myLong = 12345678; Decimal dec = Decimal.valueOf(myLong);',
            value: 'dec',
            expected: '12345678',
            doc: `${DECIMAL}: valueOf(longToDecimal) example`
        }
    ]
);

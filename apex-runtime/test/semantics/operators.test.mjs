// Apex Developer Guide semantics of names, operators, numbers and null (no classes beyond Probe needed).
import { table } from './harness.mjs';

const CASE = 'Apex Developer Guide, Variables: "Case Sensitivity": "Apex is also case-insensitive"';
const OPERATORS = 'Apex Developer Guide, Expression Operators';
const EQ = `${OPERATORS}: == "String comparison using == is case-insensitive"`;
const MAPS =
    'Apex Developer Guide, Maps: "Map keys of type String are case-sensitive. Two keys that differ only by the case are considered unique"';
const PRIMITIVES = 'Apex Developer Guide, Primitive Data Types';
const CONVERSION = 'Apex Developer Guide, Rules of Conversion (Integer < Long < Double < Decimal)';
const NPE =
    'Apex Developer Guide, Built-In Exceptions and Common Methods: NullPointerException example, "Attempt to de-reference a null object"';
const SAFE = 'Apex Developer Guide, Safe Navigation Operator';
const COALESCE = 'Apex Developer Guide, Null Coalescing Operator';
const WRAP = "the docs give the range only; the platform (a JVM) wraps on overflow, as two's complement";

table(
    'identifiers and keywords are case-insensitive',
    [],
    [
        {
            code: 'Integer I = 5; i = i + 1;',
            value: 'I',
            expected: '6',
            doc: `${CASE}: "Variable and method names are case-insensitive"`
        },
        { code: 'INTEGER x = 2; X *= 3;', value: 'x', expected: '6', doc: CASE },
        { apex: 'STRING.VALUEOF(12)', expected: '12', doc: CASE },
        { apex: "'abc'.TOUPPERCASE()", expected: 'ABC', doc: CASE },
        { code: 'Integer r; IF (TRUE) { r = 1; } ELSE { r = 2; }', value: 'r', expected: '1', doc: CASE },
        { code: 'pRoBe.ReSuLt = 3;', value: 'PROBE.RESULT', expected: '3', doc: `${CASE} (class and member names)` }
    ]
);

table(
    '== on strings ignores case, String.equals does not',
    [],
    [
        { apex: "'hello' == 'HELLO'", expected: 'true', doc: EQ },
        { apex: "'hello' != 'Hello'", expected: 'false', doc: EQ },
        {
            apex: "'hello'.equals('HELLO')",
            expected: 'false',
            doc: 'Apex Reference, String Class: equals(stringOrId) "Use this method to perform case-sensitive comparisons"'
        },
        { apex: "'hello'.equals('hello')", expected: 'true', doc: 'Apex Reference, String Class: equals(stringOrId)' },
        {
            apex: "'hello'.equalsIgnoreCase('HELLO')",
            expected: 'true',
            doc: 'Apex Reference, String Class: equalsIgnoreCase(secondString)'
        },
        { code: 'String s; String t;', value: 's == t', expected: 'true', doc: `${OPERATORS}: == (null equals null)` }
    ]
);

table(
    'map and set keys of type String are case-sensitive',
    [],
    [
        {
            code: "Map<String, String> m = new Map<String, String>{'a' => 'x'};",
            value: "m.containsKey('A')",
            expected: 'false',
            doc: MAPS
        },
        {
            code: "Map<String, String> m = new Map<String, String>{'a' => 'x'}; m.put('A', 'y');",
            value: 'm.size()',
            expected: '2',
            doc: `${MAPS}: "put, get, containsKey, and remove treat these keys as distinct"`
        },
        {
            code: "Map<String, String> m = new Map<String, String>{'a' => 'x'};",
            value: "m.get('A')",
            expected: 'null',
            doc: MAPS
        },
        {
            code: "Set<String> s = new Set<String>{'a', 'A'};",
            value: 's.size()',
            expected: '2',
            doc: 'Apex Reference, Set Class / Apex Developer Guide, Sets: String elements are compared as Strings are by equals',
            note: 'the Sets page does not say it in so many words; Set<String> keys follow String.equals, as Map keys do'
        }
    ]
);

table(
    'Integer and Long arithmetic wraps on overflow',
    [],
    [
        {
            apex: '2147483647 + 1',
            expected: '-2147483648',
            doc: `${PRIMITIVES}: Integer "maximum value of 2,147,483,647"`,
            note: WRAP
        },
        {
            code: 'Integer i = 2147483647; i++;',
            value: 'i',
            expected: '-2147483648',
            doc: `${PRIMITIVES}: Integer`,
            note: WRAP
        },
        { apex: '65536 * 65536', expected: '0', doc: `${PRIMITIVES}: Integer is 32-bit`, note: WRAP },
        {
            apex: '9223372036854775807L + 1',
            expected: '-9223372036854775808',
            doc: `${PRIMITIVES}: Long "maximum value of 2^63-1"`,
            note: WRAP
        },
        {
            apex: '2147483647 + 1L',
            expected: '2147483648',
            doc: `${CONVERSION}: an Integer operand is widened to Long`
        },
        {
            code: 'Long l = 2147483648L;',
            value: 'l',
            expected: '2147483648',
            doc: `${PRIMITIVES}: Long example "Long l = 2147483648L;"`
        }
    ]
);

table(
    'integer division truncates toward zero',
    [],
    [
        { apex: '7 / 2', expected: '3', doc: `${OPERATORS}: / with Integer operands gives an Integer` },
        {
            apex: '-7 / 2',
            expected: '-3',
            doc: `${OPERATORS}: / with Integer operands`,
            note: 'truncation toward zero (not floor) is the JVM rule the platform follows'
        },
        {
            apex: 'Math.mod(12, 2)',
            expected: '0',
            doc: 'Apex Reference, Math Class: mod(dividend, divisor) example "math.mod(12, 2)" -> 0'
        },
        { apex: 'Math.mod(8, 3)', expected: '2', doc: 'Apex Reference, Math Class: mod example "math.mod(8, 3)" -> 2' },
        {
            code: 'Integer i = 1 / 0;',
            throws: 'System.MathException',
            message: 'Divide by 0',
            doc: 'Apex Reference, Exception Class and Built-In Exceptions: MathException "such as dividing by zero"',
            note: "the message text is the platform's, not quoted by the docs"
        },
        {
            code: 'Double d = 5;',
            value: 'd / 2',
            expected: '2.5',
            doc: `${CONVERSION}: a Double operand makes the division a Double one`
        }
    ]
);

table(
    'null: concatenation, dereference, safe navigation, coalescing',
    [],
    [
        {
            apex: "'a' + null",
            expected: 'anull',
            doc: `${OPERATORS}: + "If x or y is a String, the expression evaluates to the concatenation"`,
            note: 'null concatenates as the text null, as String.valueOf(null)'
        },
        { code: 'String s;', value: "s + 'b'", expected: 'nullb', doc: `${OPERATORS}: + on Strings` },
        {
            code: "String s; Boolean b = s.contains('abc');",
            throws: 'System.NullPointerException',
            message: 'Attempt to de-reference a null object',
            doc: NPE
        },
        {
            code: 'Integer i; Integer j = i + 1;',
            throws: 'System.NullPointerException',
            doc: `${OPERATORS}: + "x and y can't be null"`
        },
        {
            code: 'String s;',
            value: 's?.length()',
            expected: 'null',
            doc: `${SAFE}: "a?.b // Evaluates to: a == null ? null : a.b"`
        },
        { code: "String s = 'abc';", value: 's?.length()', expected: '3', doc: SAFE },
        {
            code: 'String s;',
            value: 's?.trim().length()',
            expected: 'null',
            doc: `${SAFE}: "If the left-hand-side of the chain expression evaluates to null, the right-hand-side isn't evaluated"`
        },
        {
            code: 'Map<String, String> m = new Map<String, String>();',
            value: "m.get('x')?.length()",
            expected: 'null',
            doc: SAFE
        },
        {
            code: 'Integer anInteger;',
            value: 'anInteger ?? 100',
            expected: '100',
            doc: `${COALESCE}: "Integer notNullReturnValue = anInteger ?? 100;"`
        },
        {
            code: 'Integer anInteger = 5;',
            value: 'anInteger ?? 100',
            expected: '5',
            doc: `${COALESCE}: "returns a if a isn't null"`
        },
        {
            code: 'Integer a = 1; Integer r = a ?? Probe.bump();',
            value: 'Probe.calls',
            expected: '0',
            doc: `${COALESCE}: "The right-hand operand is evaluated only if the left-hand operand is null"`
        },
        {
            code: 'Integer top = 5; Integer bottom = 30;',
            value: 'top ?? 100 - bottom ?? 0',
            expected: '5',
            doc: `${COALESCE}: "top ?? 100 - bottom ?? 0 evaluates to top ?? (100 - bottom ?? 0)"`
        }
    ]
);

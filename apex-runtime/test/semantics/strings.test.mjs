// String methods, each row from the example of its method in Apex Reference, String Class.
import { table } from './harness.mjs';

const S = 'Apex Reference, String Class';

table(
    'String methods give their documented examples',
    [],
    [
        {
            code: "String s = 'Hello Maximillian'; String s2 = s.abbreviate(8);",
            value: 's2',
            expected: 'Hello...',
            doc: `${S}: abbreviate(maxWidth) example`
        },
        {
            code: "String s = 'Hello Maximillian'; String s2 = s.abbreviate(8);",
            value: 's2.length()',
            expected: '8',
            doc: `${S}: abbreviate(maxWidth) example "System.assertEquals(8, s2.length())"`
        },
        {
            apex: "'Hello'.abbreviate(8)",
            expected: 'Hello',
            doc: `${S}: abbreviate "otherwise, returns the original String without ellipses"`
        },
        {
            code: "String s = 'hello maximillian'; String s2 = s.capitalize();",
            value: 's2',
            expected: 'Hello maximillian',
            doc: `${S}: capitalize() example`
        },
        {
            code: "String s = 'hello'; String s2 = s.center(9);",
            value: "'[' + s2 + ']'",
            expected: '[  hello  ]',
            doc: `${S}: center(size) example`
        },
        {
            code: "String s = 'abc'; String s2 = s.leftPad(5);",
            value: "'[' + s2 + ']'",
            expected: '[  abc]',
            doc: `${S}: leftPad(length) example`
        },
        {
            code: "String s = 'abc'; String s2 = 'xy'; String s3 = s.leftPad(7, s2);",
            value: 's3',
            expected: 'xyxyabc',
            doc: `${S}: leftPad(length, padStr) example`
        },
        {
            code: "String s = 'abc'; String s2 = s.rightPad(5);",
            value: "'[' + s2 + ']'",
            expected: '[abc  ]',
            doc: `${S}: rightPad(length) example`
        },
        {
            code: "String s1 = 'abcde'; String s2 = 'abc';",
            value: 's1.contains(s2)',
            expected: 'true',
            doc: `${S}: contains(substring) example`
        },
        {
            apex: "'abcde'.contains('ABC')",
            expected: 'false',
            doc: `${S}: contains(substring) (containsIgnoreCase is the case-insensitive one)`
        },
        {
            apex: "'hello'.containsIgnoreCase('HE')",
            expected: 'true',
            doc: `${S}: containsIgnoreCase(substring) example`
        },
        {
            code: "String s = '\\'Hello Jason\\''; String escapedStr = String.escapeSingleQuotes(s);",
            value: 'escapedStr',
            expected: "\\'Hello Jason\\'",
            doc: `${S}: escapeSingleQuotes(stringToEscape) example "Outputs \\'Hello Jason\\'"`
        },
        {
            apex: "String.format('{0} and {1}', new List<Object>{'a', 'b'})",
            expected: 'a and b',
            doc: `${S}: format(stringToFormat, formattingArguments) "substitution ... the same as apex:outputText and the Java MessageFormat class"`
        },
        {
            apex: "String.format('it\\'\\'s {0}', new List<Object>{'x'})",
            expected: "it's x",
            doc: `${S}: format (MessageFormat: two single quotes are one literal quote)`
        },
        {
            code: "List<Integer> li = new List<Integer>{10, 20, 30}; String s = String.join(li, '/');",
            value: 's',
            expected: '10/20/30',
            doc: `${S}: join(iterableObj, separator) example`
        },
        {
            apex: "'1234'.isNumeric()",
            expected: 'true',
            doc: `${S}: isNumeric() "Returns true if the current String contains only Unicode digits"`
        },
        {
            apex: "'1.2'.isNumeric()",
            expected: 'false',
            doc: `${S}: isNumeric() "A decimal point (1.2) is not considered a Unicode digit"`
        },
        {
            apex: "String.isBlank('  ')",
            expected: 'true',
            doc: `${S}: isBlank(inputString) "white space, empty (''), or null"`
        },
        { apex: "String.isEmpty('  ')", expected: 'false', doc: `${S}: isEmpty(inputString) "empty ('') or null"` },
        { apex: 'String.isBlank(null)', expected: 'true', doc: `${S}: isBlank(inputString)` },
        {
            code: "String s1 = 'a b c 5 xyz'; String regExp = '[a-zA-Z]'; String replacement = '1'; String s2 = s1.replaceAll(regExp, replacement);",
            value: 's2',
            expected: '1 1 1 5 111',
            doc: `${S}: replaceAll(regExp, replacement) example`
        },
        {
            code: "String s1 = 'abcdbca'; String target = 'bc'; String replacement = 'xy'; String s2 = s1.replace(target, replacement);",
            value: 's2',
            expected: 'axydxya',
            doc: `${S}: replace(target, replacement) example`
        },
        { apex: "'SFDC'.repeat(2)", expected: 'SFDCSFDC', doc: `${S}: repeat(numberOfTimes) example` },
        { apex: "'SFDC'.repeat('-', 2)", expected: 'SFDC-SFDC', doc: `${S}: repeat(separator, numberOfTimes) example` },
        {
            apex: "'Salesforce and force.com'.removeStartIgnoreCase('SALES')",
            expected: 'force and force.com',
            doc: `${S}: removeStartIgnoreCase(substring) example`
        },
        {
            code: "String s1 = 'Salesforce \\t     force.com'; String s2 = s1.normalizeSpace();",
            value: 's2',
            expected: 'Salesforce force.com',
            doc: `${S}: normalizeSpace() example`
        },
        {
            code: "String myString1 = 'abcde'; String myString2 = 'cd';",
            value: 'myString1.indexOf(myString2)',
            expected: '2',
            doc: `${S}: indexOf(substring) example`
        },
        {
            apex: "'hamburger'.substring(4, 8)",
            expected: 'urge',
            doc: `${S}: substring(startIndex, endIndex) example 'hamburger'.substring(4, 8) -> "urge"`
        },
        {
            apex: "'smiles'.substring(1, 5)",
            expected: 'mile',
            doc: `${S}: substring(startIndex, endIndex) example 'smiles'.substring(1, 5) -> "mile"`
        },
        { apex: "'hamburger'.substring(3)", expected: 'burger', doc: `${S}: substring(startIndex)` },
        {
            apex: "'abc'.substring(1, 10)",
            throws: 'System.StringException',
            message: 'Ending position out of bounds: 10',
            doc: `${S}: substring(startIndex, endIndex)`,
            note: "exception type and message are the platform's; the docs only name the bounds"
        },
        {
            apex: "'abc'.substring(5)",
            throws: 'System.StringException',
            message: 'Starting position out of bounds: 5',
            doc: `${S}: substring(startIndex)`,
            note: 'platform message'
        }
    ]
);

table(
    'split takes a regular expression and drops trailing empty strings',
    [],
    [
        {
            apex: "'boo:and:foo'.split(':').size()",
            expected: '3',
            doc: `${S}: split(regExp) "Returns a list that contains each substring of the String that is terminated by either the regular expression regExp or the end of the String"`
        },
        {
            apex: "String.join('a.b.c'.split('\\\\.'), '|')",
            expected: 'a|b|c',
            doc: `${S}: split(regExp) (the argument is a regular expression, so a dot must be escaped)`
        },
        {
            apex: "'a.b.c'.split('.').size()",
            expected: '0',
            doc: `${S}: split(regExp) with '.', which matches every character: only trailing empty strings remain, and they are dropped`,
            note: 'Java String.split semantics, which the Apex method follows'
        },
        {
            apex: "String.join('boo:and:foo'.split('o'), '|')",
            expected: 'b||:and:f',
            doc: `${S}: split(regExp, limit) "If limit is zero ... trailing empty strings are discarded" (split(regExp) behaves as limit zero)`
        },
        {
            apex: "String.join('boo:and:foo'.split('o', -2), '|')",
            expected: 'b||:and:f||',
            doc: `${S}: split(regExp, limit) "If limit is non-positive then the pattern is applied as many times as possible"`
        },
        {
            apex: "String.join('boo:and:foo'.split(':', 2), '|')",
            expected: 'boo|and:foo',
            doc: `${S}: split(regExp, limit) "the list's last entry contains all input beyond the last matched delimiter"`
        },
        { apex: "'a,b,,'.split(',').size()", expected: '2', doc: `${S}: split(regExp) drops trailing empty strings` },
        {
            apex: "'abc'.split('x').size()",
            expected: '1',
            doc: `${S}: split(regExp) "If regExp does not match any part of the String, the resulting list has just one element containing the original String"`
        }
    ]
);

table(
    'String.valueOf',
    [],
    [
        {
            apex: 'String.valueOf(Date.newInstance(2008, 10, 5))',
            expected: '2008-10-05',
            doc: `${S}: valueOf(dateToConvert) "in the standard yyyy-MM-dd format"`
        },
        { apex: 'String.valueOf(12)', expected: '12', doc: `${S}: valueOf(integerToConvert)` },
        { apex: 'String.valueOf(true)', expected: 'true', doc: `${S}: valueOf(toConvert)` },
        {
            code: 'String s;',
            value: 'String.valueOf(s)',
            expected: 'null',
            doc: `${S}: valueOf(toConvert)`,
            note: 'null prints as null'
        }
    ]
);

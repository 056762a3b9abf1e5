// Custom exceptions, common exception methods, catch order, finally (Apex Developer Guide: Create Custom
// Exceptions, Exception Statements, Built-In Exceptions and Common Methods; Apex Reference: Exception Class).
import { table } from './harness.mjs';

const CUSTOM = 'Apex Developer Guide, Create Custom Exceptions';
const COMMON = 'Apex Developer Guide, Built-In Exceptions and Common Methods';
const STATEMENTS = 'Apex Developer Guide, Exception Statements (try, catch, finally)';
const topics = ['exceptions'];

table('custom exceptions: constructors, getMessage, getCause, getTypeName', topics, [
    {
        apex: "new MyException('This is bad').getMessage()",
        expected: 'This is bad',
        doc: `${CUSTOM}: "new MyException('This is bad');" (a String argument is the message)`
    },
    {
        code: "Exception cause = new MyException('inner'); MyException e = new MyException('outer', cause);",
        value: "e.getMessage() + ' / ' + e.getCause().getMessage()",
        expected: 'outer / inner',
        doc: `${CUSTOM}: "new MyException('This is bad', e);" (message and chained cause)`
    },
    {
        code: "Exception cause = new MyException('inner'); MyException e = new MyException(cause);",
        value: 'e.getCause().getMessage()',
        expected: 'inner',
        doc: `${CUSTOM}: "new MyException(e);" (an Exception argument is the cause)`
    },
    {
        apex: "new MyException('x').getTypeName()",
        expected: 'MyException',
        doc: 'Apex Reference, Exception Class: getTypeName() "Returns the type of exception"'
    },
    {
        apex: "new ExceptionProbe.OtherException('x') instanceof Exception",
        expected: 'true',
        doc: `${CUSTOM}: "All exception classes extend the system-defined base class Exception"`
    },
    {
        code: "throw new MyException('This is bad');",
        throws: 'MyException',
        message: 'This is bad',
        doc: `${CUSTOM}: a thrown custom exception carries its type and message`
    }
]);

table('catch blocks: hierarchy and order', topics, [
    {
        apex: 'ExceptionProbe.testExtendedException()',
        expected: 'This is bad',
        doc: `${CUSTOM}: "catch (BaseException e) { // This catches the OtherException"`
    },
    {
        apex: 'ExceptionProbe.firstMatchingCatch()',
        expected: 'other',
        doc: `${STATEMENTS}: the first catch block whose type matches handles the exception`
    },
    {
        code: "String r; String s; try { s.length(); } catch (NullPointerException e) { r = 'npe: ' + e.getMessage(); } catch (Exception e) { r = 'generic'; }",
        value: 'r',
        expected: 'npe: Attempt to de-reference a null object',
        doc: `${COMMON}: NullPointerException example`
    },
    {
        code: 'String r; try { List<Integer> li = new List<Integer>(); Integer x = li[0]; } catch (Exception e) { r = e.getTypeName(); }',
        value: 'r',
        expected: 'System.ListException',
        doc: `${COMMON}: getTypeName() example output "Exception type caught: System.SObjectException" (built-in types are namespaced)`
    },
    {
        code: 'String r; try { Integer i = 1 / 0; } catch (MathException e) { r = e.getMessage(); }',
        value: 'r',
        expected: 'Divide by 0',
        doc: 'Apex Reference, Exception Class and Built-In Exceptions: MathException',
        note: 'platform message'
    }
]);

table('finally always runs', topics, [
    {
        code: 'ExceptionProbe.tryCatchFinally(false);',
        value: "String.join(ExceptionProbe.log, ',')",
        expected: 'try,finally',
        doc: `${STATEMENTS}: "finally ... always executed"`
    },
    {
        code: 'ExceptionProbe.tryCatchFinally(true);',
        value: "String.join(ExceptionProbe.log, ',')",
        expected: 'try,catch boom,finally',
        doc: STATEMENTS
    },
    {
        code: "try { ExceptionProbe.finallyThenPropagate(); } catch (MyException e) { ExceptionProbe.log.add('caught ' + e.getMessage()); }",
        value: "String.join(ExceptionProbe.log, ',')",
        expected: 'try,finally,caught escapes',
        doc: `${STATEMENTS}: the finally block runs before the exception leaves the method`
    },
    {
        code: 'String r = ExceptionProbe.returnFromTry();',
        value: "r + ' ' + String.join(ExceptionProbe.log, ',')",
        expected: 'returned finally',
        doc: `${STATEMENTS}: finally runs even when the try block returns`
    }
]);

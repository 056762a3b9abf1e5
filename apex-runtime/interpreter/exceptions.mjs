// Built-in exception classes and the methods every exception has (Apex Reference, "Exception Class and Built-In
// Exceptions"; Apex Developer Guide, "Create Custom Exceptions": a user exception extends Exception and gets the
// four standard constructors: (), (String message), (Exception cause), (String message, Exception cause)).
import { ApexObject } from '../values/values.mjs';
import { ApexThrow } from './errors.mjs';
import { ClassModel } from './model.mjs';
import { nativeClass } from './natives.mjs';
import { dmlFieldTokens, ApexList } from './deps.mjs';

// Apex Reference, "Exception Class and Built-In Exceptions": the System namespace's exceptions.
const SYSTEM_EXCEPTIONS = [
    'AsyncException',
    'BigObjectException',
    'CalloutException',
    'DmlException',
    'EmailException',
    'ExternalObjectException',
    'FinalException',
    'HandledException',
    'IllegalArgumentException',
    'InvalidHeaderException',
    'InvalidParameterValueException',
    'JSONException',
    'LimitException',
    'ListException',
    'MathException',
    'NoAccessException',
    'NoDataFoundException',
    'NoSuchElementException',
    'NullPointerException',
    'QueryException',
    'RequiredFeatureMissingException',
    'SearchException',
    'SecurityException',
    'SerializationException',
    'SObjectException',
    'StringException',
    'TypeException',
    'UnexpectedException',
    'VisualforceException',
    'XmlException',
    'AssertException',
    'AuraHandledException',
    'DuplicateMergeException'
];

const synthetic = (name) => ({ kind: 'class', name, members: [], modifiers: new Set(['global', 'virtual']) });

/** The built-in exception class models, by lower-case simple name. */
export function builtinExceptions() {
    const root = new ClassModel(synthetic('Exception'), null, { typeName: 'System.Exception', builtin: true });
    const classes = new Map([['exception', root]]);
    for (const name of SYSTEM_EXCEPTIONS) {
        const cls = new ClassModel(synthetic(name), null, { typeName: `System.${name}`, builtin: true });
        cls.superclass = root;
        // Limit and assertion failures cannot be caught ("Execution Governors and Limits"; "Assert Class").
        cls.uncatchable = name === 'LimitException' || name === 'AssertException';
        classes.set(name.toLowerCase(), cls);
    }
    return classes;
}

/** A new exception object with the standard state. */
export function newException(cls, rt, { message = null, cause = null, props = null } = {}) {
    const object = new ApexObject(cls);
    const frame = rt.stack[rt.stack.length - 1];
    object.exc = { message, cause, props, line: frame?.line ?? null, file: frame?.file ?? null, stack: null };
    return object;
}

/** The standard constructors: (), (String), (Exception), (String, Exception). */
export function applyStandardConstructor(object, args, rt) {
    const [first = null, second = null] = args;
    if (args.length > 2) rt.compileError(`Constructor not defined: ${object.cls.name}(${args.length} arguments)`);
    if (args.length === 2) {
        object.exc.message = first;
        object.exc.cause = second;
    } else if (first instanceof ApexObject && first.exc) {
        object.exc.cause = first;
        object.exc.message = `${first.cls.typeName}: ${first.exc.message}`;
    } else if (args.length === 1) {
        object.exc.message = first;
    }
}

/** Records where the exception was thrown (first throw only) and returns the JS error to throw. */
export function throwable(object, rt) {
    if (!object.exc.stack) {
        object.exc.stack = rt.stackFrames();
        const top = object.exc.stack[0];
        if (top && object.exc.line === null) object.exc.line = top.line;
    }
    return new ApexThrow(object);
}

function dmlEntry(rt, self, i) {
    const rows = self.exc.props?.dml ?? [];
    if (i === null || i < 0 || i >= rows.length) {
        rt.throw('System.ListException', `List index out of bounds: ${i}`);
    }
    return rows[i];
}

/** Methods of Exception and DmlException, keyed by lower-case name: (rt, self, args) -> value. */
export const EXCEPTION_METHODS = {
    getmessage: (rt, self) => self.exc.message,
    setmessage: (rt, self, [message]) => {
        self.exc.message = message;
    },
    getcause: (rt, self) => self.exc.cause,
    initcause: (rt, self, [cause]) => {
        // Apex Reference, Exception Class: initCause sets the cause if it was not already set.
        if (self.exc.cause) rt.throw('System.TypeException', 'Can not overwrite cause');
        self.exc.cause = cause;
    },
    gettypename: (rt, self) => self.cls.typeName,
    getlinenumber: (rt, self) => self.exc.line ?? -1,
    getstacktracestring: (rt, self) =>
        (self.exc.stack ?? [])
            .map((frame) => `Class.${frame.className}.${frame.method}: line ${frame.line}, column 1`)
            .join('\n'),
    tostring: (rt, self) => `${self.cls.typeName}: ${self.exc.message}`,
    // Apex Reference, "DmlException Class" (the DML methods of Exception).
    getnumdml: (rt, self) => (self.exc.props?.dml ?? []).length,
    getdmlmessage: (rt, self, [i]) => dmlEntry(rt, self, i).message,
    getdmlfieldnames: (rt, self, [i]) => new ApexList({ name: 'String' }, [...(dmlEntry(rt, self, i).fields ?? [])]),
    getdmlfields: (rt, self, [i]) => {
        const entry = dmlEntry(rt, self, i);
        const tokens = dmlFieldTokens(rt, entry.object ?? null, entry.fields ?? []);
        return tokens instanceof ApexList ? tokens : new ApexList({ name: 'Schema.SObjectField' }, tokens);
    },
    getdmltype: (rt, self, [i]) => statusCode(rt, dmlEntry(rt, self, i).statusCode),
    getdmlid: (rt, self, [i]) => dmlEntry(rt, self, i).id ?? null,
    getdmlindex: (rt, self, [i]) => dmlEntry(rt, self, i).index ?? i,
    getdmlstatuscode: (rt, self, [i]) => dmlEntry(rt, self, i).statusCode ?? null
};

/** A System.StatusCode enum value, from the native enum the platform defines. */
function statusCode(rt, code) {
    if (code === null || code === undefined) return null;
    const native = nativeClass('System.StatusCode');
    const value = native?.staticProperties?.[String(code).toLowerCase()]?.(rt) ?? native?.staticProperty?.(rt, code);
    if (value === undefined || value === null) rt.unsupported(`System.StatusCode.${code}`);
    return value;
}

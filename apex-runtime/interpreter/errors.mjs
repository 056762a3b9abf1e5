// The two ways Apex execution leaves the interpreter abnormally (../README.md, "Errors"): an Apex exception in
// flight, and a construct the offline runtime does not model.

/** An Apex exception in flight. `exception` is the ApexObject of its exception class. */
export class ApexThrow extends Error {
    constructor(exception) {
        super(`${exception.cls.typeName}: ${exception.exc?.message ?? ''}`);
        this.name = 'ApexThrow';
        this.exception = exception;
    }

    /** 'System.DmlException', 'MyClass.MyException'. */
    get typeName() {
        return this.exception.cls.typeName;
    }

    get apexMessage() {
        return this.exception.exc?.message ?? null;
    }

    /** [{ className, method, line, file }], innermost first. */
    get apexStack() {
        return this.exception.exc?.stack ?? [];
    }

    /**
     * Apex Developer Guide, "Execution Governors and Limits" (limit exceptions cannot be handled) and Apex Reference,
     * "Assert Class" (assertion failures cannot be caught): catch blocks let these through.
     */
    get uncatchable() {
        return this.exception.cls.uncatchable === true;
    }
}

/** The runtime does not model this construct. Never caught by Apex code. */
export class UnsupportedError extends Error {
    constructor(construct, file = null, line = null) {
        super(`not supported by the offline Apex runtime: ${construct}${file ? ` (${file}:${line})` : ''}`);
        this.name = 'UnsupportedError';
        this.construct = construct;
        this.file = file;
        this.line = line;
    }
}

/** Source that the platform's compiler would reject (syntax error, unknown variable, no matching method). */
export class ApexCompileError extends Error {
    constructor(message, file = null, line = null) {
        super(`${file ? `${file}:${line}: ` : ''}${message}`);
        this.name = 'ApexCompileError';
        this.file = file;
        this.line = line;
    }
}

import { UnsupportedError } from '../interpreter/errors.mjs';

// Errors the SOQL engine raises. It has no Apex runtime of its own, so it throws plain JavaScript errors that say
// which Apex exception they stand for; the interpreter turns them into the Apex exception (rt.throw) or into its
// UnsupportedError. When the caller passes `rt` (options.rt, or options.limits when that is the runtime), the
// engine raises the Apex exception itself through rt.throw.

/** A System.QueryException (or another Apex exception) the platform would raise for this query. */
export class SoqlError extends Error {
    constructor(message, exceptionType = 'System.QueryException', props = {}) {
        super(message);
        this.name = 'SoqlError';
        this.exceptionType = exceptionType;
        this.props = props;
    }
}

/** A SOQL construct the engine does not model: never caught by Apex code, never silently skipped. */
export class SoqlUnsupportedError extends UnsupportedError {
    constructor(construct) {
        super(`SOQL ${construct}`);
    }
}

export const unsupported = (construct) => {
    throw new SoqlUnsupportedError(construct);
};

export const queryError = (message, props) => {
    throw new SoqlError(message, 'System.QueryException', props);
};

/** Rethrows a SoqlError through the Apex runtime when one is at hand, so Apex code can catch it. */
export function raise(error, rt) {
    if (error instanceof SoqlError && typeof rt?.throw === 'function')
        rt.throw(error.exceptionType, error.message, error.props);
    throw error;
}

// A tiny stand-in for the interpreter's runtime: rt.throw raises a JS error carrying the Apex type name.
import { ApexDate, ApexDatetime } from '../../values/values.mjs';

export class FakeApexError extends Error {
    constructor(typeName, message) {
        super(`${typeName}: ${message}`);
        this.typeName = typeName.startsWith('System.') ? typeName : `System.${typeName}`;
        this.apexMessage = message;
    }
}

export function fakeRt(extra = {}) {
    return {
        throw(typeName, message) {
            throw new FakeApexError(typeName, message);
        },
        unsupported(what) {
            throw new Error(`unsupported: ${what}`);
        },
        today: () => new ApexDate(19783), // 2024-03-01
        now: () => new ApexDatetime(Date.UTC(2024, 2, 1, 12, 30, 0)),
        ...extra
    };
}

/** assert.throws matcher for an Apex exception type (and optionally its message). */
export const apexError = (typeName, message) => (error) =>
    error instanceof FakeApexError &&
    error.typeName === typeName &&
    (message === undefined || error.apexMessage === message);

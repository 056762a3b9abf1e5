// Helpers for the native classes of this folder.
import { toApexString } from './apex-string.mjs';
import { fail } from './types.mjs';
import { ApexEnumValue } from './values.mjs';

/** String.valueOf through the runtime (user toString), or the value module's own. */
export const str = (rt, value) =>
    rt?.toString && rt.toString !== Object.prototype.toString ? rt.toString(value) : toApexString(value, rt);

export const npe = (rt) => fail(rt, 'System.NullPointerException', 'Attempt to de-reference a null object');

/** An argument that Apex requires non-null ("Argument cannot be null" is the platform's message). */
export function required(rt, value) {
    if (value === null || value === undefined) fail(rt, 'System.NullPointerException', 'Argument cannot be null.');
    return value;
}

/** A method name with an argument count no overload of it has. */
export function badArity(rt, cls, method, args) {
    const what = `${cls}.${method} with ${args.length} argument(s)`;
    if (rt?.unsupported) return rt.unsupported(what);
    throw new Error(`unsupported: ${what}`);
}

/** The name of an enum argument (System.RoundingMode.HALF_UP as an ApexEnumValue, or a plain string). */
export const enumName = (value) => (value instanceof ApexEnumValue ? value.name : String(value));

// Object's methods, which every value has (Apex Reference, "Object Class" is implied by equals, hashCode and
// toString on every type): objectMethod answers them for any value, as a fallback after the value's own class.
import { defineNative } from '../interpreter/natives.mjs';
import { equals, hashCode } from './equality.mjs';
import { toApexString } from './apex-string.mjs';

/** equals / hashCode / toString of any Apex value; undefined for other method names. */
export function objectMethod(rt, self, name, args) {
    switch (name.toLowerCase()) {
        case 'equals':
            return rt?.equals ? rt.equals(self, args[0]) : equals(self, args[0], rt);
        case 'hashcode':
            return hashCode(self, rt);
        case 'tostring':
            return toApexString(self, rt);
        default:
            return undefined;
    }
}

export const ObjectNative = defineNative({
    name: 'Object',
    isInstance: () => false,
    construct: () => {
        throw new Error('new Object() is not valid Apex');
    },
    instanceMethods: {
        equals: (rt, self, args) => objectMethod(rt, self, 'equals', args),
        hashcode: (rt, self, args) => objectMethod(rt, self, 'hashcode', args),
        tostring: (rt, self, args) => objectMethod(rt, self, 'tostring', args)
    }
});

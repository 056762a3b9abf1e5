// Id methods on string values (Apex Reference, "Id Class"). getSObjectType asks the platform part, which owns
// Schema.SObjectType: `sobjectTypeOfId(rt, id)` exported by ../platform/index.mjs, looked up when first called so
// that this module loads before (and without) the platform.
import { defineNative } from '../interpreter/natives.mjs';
import { fail } from './types.mjs';
import { toId18 } from './ids.mjs';
import { hashCode } from './equality.mjs';

let platform = null;
export function usePlatform(module) {
    platform = module;
}

const toId = (rt, text) => toId18(text) ?? fail(rt, 'System.StringException', `Invalid id: ${text}`);

export const IdNative = defineNative({
    name: 'Id',
    // Ids are strings; instance methods reach Id values through their declared type (the interpreter decides).
    isInstance: () => false,
    staticMethods: {
        valueof: (rt, [text]) => (text === null ? null : toId(rt, text))
    },
    instanceMethods: {
        getsobjecttype(rt, id) {
            const lookup = platform?.sobjectTypeOfId ?? rt.services?.platform?.sobjectTypeOfId;
            if (!lookup) return rt.unsupported('Id.getSObjectType before the platform part is loaded');
            return lookup(rt, id);
        },
        to15: (rt, id) => toId(rt, id).slice(0, 15),
        addError: (rt) => rt.unsupported('Id.addError'),
        equals: (rt, id, [other]) => typeof other === 'string' && toId18(other) === toId18(id),
        hashcode: (rt, id) => hashCode(id),
        tostring: (rt, id) => id
    }
});

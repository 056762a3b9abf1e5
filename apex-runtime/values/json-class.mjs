// System.JSON (Apex Reference, "JSON Class"): serialize, serializePretty, deserialize, deserializeStrict,
// deserializeUntyped. JSONGenerator and JSONParser are not modelled (they fail loudly).
import { defineNative } from '../interpreter/natives.mjs';
import { ApexTypeValue } from './values.mjs';
import { fail } from './types.mjs';
import { parseJson, untyped, deserializeTyped, serialize } from './json.mjs';

const typeArg = (rt, value) =>
    value instanceof ApexTypeValue ? value.type : fail(rt, 'System.NullPointerException', 'Argument cannot be null.');

export const JsonNative = defineNative({
    name: 'JSON',
    staticMethods: {
        serialize: (rt, [value, suppressNulls]) => serialize(value, rt, { suppressNulls: suppressNulls === true }),
        serializepretty: (rt, [value, suppressNulls]) =>
            serialize(value, rt, { pretty: true, suppressNulls: suppressNulls === true }),
        deserialize: (rt, [json, type]) => deserializeTyped(parseJson(json, rt), typeArg(rt, type), rt),
        deserializestrict: (rt, [json, type]) =>
            deserializeTyped(parseJson(json, rt), typeArg(rt, type), rt, { strict: true }),
        deserializeuntyped: (rt, [json]) => untyped(parseJson(json, rt)),
        creategenerator: (rt) => rt.unsupported('JSON.createGenerator (JSONGenerator)'),
        createparser: (rt) => rt.unsupported('JSON.createParser (JSONParser)')
    }
});

// The values part: loading this module registers the native classes of the System namespace it owns.
import './string.mjs';
import './number-classes.mjs';
import './math.mjs';
import './date-classes.mjs';
import './collection-classes.mjs';
import './json-class.mjs';
import './blob-classes.mjs';
import './id-class.mjs';
import './object-class.mjs';
import './sobject-class.mjs';

export * from './values.mjs';
export { ApexList, ApexSet, ApexMap } from './collections.mjs';
export { ApexSObject } from './sobject.mjs';
export { binary, unary } from './operators.mjs';
export { coerce, typeOf, isInstanceOf } from './runtime-types.mjs';
export { equals, exactEquals, hashCode } from './equality.mjs';
export { compare } from './ordering.mjs';
export { toApexString } from './apex-string.mjs';
export { deserializeTyped, toAuraValue, serialize, parseJson } from './json.mjs';
export { objectMethod } from './object-class.mjs';
export { usePlatform } from './id-class.mjs';

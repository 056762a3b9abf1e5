// The interpreter's view of the other parts of the runtime (../README.md): values (operators, collections,
// SObjects, JSON), SOQL and the platform. Loading values/index.mjs and platform/index.mjs registers their native
// classes.
import '../values/index.mjs';
import '../platform/index.mjs';

export { binary, unary } from '../values/operators.mjs';
export { equals, exactEquals, hashCode } from '../values/equality.mjs';
export { compare } from '../values/ordering.mjs';
export { toApexString } from '../values/apex-string.mjs';
export { coerce, typeOf, isInstanceOf } from '../values/runtime-types.mjs';
export { ApexList, ApexSet, ApexMap } from '../values/collections.mjs';
export { ApexSObject } from '../values/sobject.mjs';
export { deserializeTyped, toAuraValue } from '../values/json.mjs';
export { compileSoql, executeSoql } from '../soql/index.mjs';
export { dml, runAs, sobjectStaticProperty, sobjectStaticMethod, dmlFieldTokens } from '../platform/index.mjs';

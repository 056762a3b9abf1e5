// Record ids as Apex sees them. The facts (15 or 18 characters, the case-safety suffix) are the org's:
// preview/org/ids.mjs holds them once for the org and the runtime.
import { toId18 } from '../../preview/org/ids.mjs';

export { idSuffix, toId18 } from '../../preview/org/ids.mjs';

export const isValidId = (text) => toId18(text) !== null;

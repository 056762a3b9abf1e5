// System.runAs(user) { ... } (Apex Developer Guide, "Using the runAs Method"): only in test methods; the block runs
// as the given user, whose sharing, object and field permissions apply to user-mode operations; "Every call to
// runAs counts against the total number of DML statements issued in the process". Mixed DML (setup and non-setup
// objects in one transaction) is not modelled, so the block needs no special handling for it.
import { ApexSObject } from '../values/sobject.mjs';
import { toId18 } from '../values/ids.mjs';

export function runAs(rt, userValue, fn) {
    if (!rt.isTest) {
        const message = 'System.runAs is only allowed in test methods';
        if (typeof rt.compileError === 'function') rt.compileError(message);
        rt.unsupported(message);
    }
    if (userValue === null || userValue === undefined) {
        rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    if (!(userValue instanceof ApexSObject) || userValue.type.toLowerCase() !== 'user') {
        rt.unsupported('System.runAs with a value that is not a User (runAs(Version) included)');
    }
    const id = userValue.has('Id') ? toId18(userValue.get('Id', rt)) : null;
    if (!id) rt.unsupported('System.runAs with a User that has no Id (the platform would insert it)');
    if (!rt.org.get('User', id)) rt.unsupported(`System.runAs with user ${id}, who is not in the org`);
    rt.checkLimit('dmlStatements', 1);
    const previous = rt.userId;
    rt.userId = id;
    try {
        return fn();
    } finally {
        rt.userId = previous;
    }
}

// System (Apex Reference, "System Class"), Assert ("Assert Class") and LoggingLevel ("LoggingLevel Enum").
// System.runAs is a statement: the interpreter calls runAs() of run-as.mjs.
import { defineNative } from '../interpreter/natives.mjs';
import { assertMethods, systemAssertMethods } from './assert.mjs';
import { defineNativeEnum } from './enums.mjs';

export const LoggingLevel = defineNativeEnum({
    name: 'LoggingLevel',
    values: ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'FINE', 'FINER', 'FINEST', 'INTERNAL']
});

/** The transaction's debug log: System.debug writes `LEVEL|text` lines here, nothing is printed. */
export function debugLog(rt) {
    rt.services ??= {};
    return (rt.services.log ??= []);
}

defineNative({
    name: 'System',
    isInstance: () => false,
    staticMethods: {
        ...systemAssertMethods,
        now: (rt) => rt.now(),
        today: (rt) => rt.today(),
        // System.currentTimeMillis(): a Long, from the org's clock.
        currenttimemillis: (rt) => BigInt(rt.now().ms),
        // System.debug(msg) and System.debug(LoggingLevel, msg): DEBUG is the default level.
        debug: (rt, args) => {
            const [level, message] = args.length > 1 ? [args[0]?.name ?? 'DEBUG', args[1]] : ['DEBUG', args[0]];
            debugLog(rt).push(`${level}|${message === null || message === undefined ? 'null' : rt.toString(message)}`);
            return null;
        },
        // isBatch and isScheduled: async/schedule.mjs (the runtime has no future or queueable context).
        isfuture: () => false,
        isqueueable: () => false,
        runas: (rt) => rt.unsupported('System.runAs as an expression (it is a statement with a block)'),
        enqueuejob: (rt) => rt.unsupported('System.enqueueJob'),
        // schedule and abortJob: async/schedule.mjs.
        resetpassword: (rt) => rt.unsupported('System.resetPassword'),
        setpassword: (rt) => rt.unsupported('System.setPassword'),
        requestversion: (rt) => rt.unsupported('System.requestVersion'),
        purgeoldasyncjobs: (rt) => rt.unsupported('System.purgeOldAsyncJobs')
    }
});

defineNative({
    name: 'Assert',
    isInstance: () => false,
    staticMethods: assertMethods
});

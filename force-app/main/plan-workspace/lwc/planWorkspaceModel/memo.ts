/**
 * What a component shows that is computed from inputs that rarely change (the saved workspace, the draft): computed
 * again only when an input is a different object, so an unchanged input gives the same result object and the child
 * component it is handed is not rendered again.
 */

/** `compute`, remembering its last inputs and result: called with the same inputs (===), it returns that result. */
export function rememberLast<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
    let last: { args: A; result: R } | null = null;
    return (...args: A): R => {
        if (last && last.args.length === args.length && last.args.every((arg, i) => arg === args[i])) {
            return last.result;
        }
        const result = compute(...args);
        last = { args, result };
        return result;
    };
}

// What formula functions do when evaluated offline: sformula's builtins with Salesforce's runtime behaviour
// installed over them (errors carried as values, lazy IF, AND/OR stopping at the deciding value, the scenario's
// clock for TODAY() and NOW()), the few functions declared here, and the lists of functions that cannot be
// evaluated offline or only make sense while a record is being saved.
import { builtins } from 'sformula';

// ---------------------------------------------------------------------------------------------------------------
// Runtime: Salesforce stops a save on an error such as a division by zero, where sformula quietly answers blank.
// sformula evaluates every argument eagerly, so an error in a branch IF does not take must not count: errors are
// carried as values and only count if they reach the result, which is what Salesforce's lazy IF amounts to.

/** A formula runtime error (e.g. division by zero), carried as a value until it reaches the result or is dropped. */
export class FormulaError extends Error {}

const RUNTIME = Symbol.for('tandem.formulas.runtime');
export const runtime = { clock: null, last: undefined };

export const isError = (value) => value instanceof FormulaError || (Array.isArray(value) && value.some(isError));
export const errorIn = (value) => (Array.isArray(value) ? value.find(isError) : value);
const firstError = (args) => errorIn(args.find(isError));

function runBuiltin(name, fn, args) {
    switch (name) {
        case 'IF':
            if (isError(args[0])) return errorIn(args[0]);
            return args[0] ? args[1] : args[2];
        case 'AND':
        case 'OR': {
            // Left to right, stopping at the value that decides, as Salesforce does.
            const decisive = name === 'OR';
            for (const arg of args) {
                if (isError(arg)) return errorIn(arg);
                if (arg === decisive) return decisive;
            }
            return fn(...args);
        }
        case 'NULLVALUE':
        case 'BLANKVALUE': {
            if (isError(args[0])) return errorIn(args[0]);
            const blank = args[0] === null || args[0] === undefined || (name === 'BLANKVALUE' && args[0] === '');
            return blank ? args[1] : args[0];
        }
        case 'CASE': {
            if (isError(args[0])) return errorIn(args[0]);
            const matches = args.filter((_, i) => i % 2 === 1 && i < args.length - 1);
            if (matches.some(isError)) return firstError(matches);
            // The library picks one of its arguments; stand-ins let a dropped error stay dropped.
            const stand = args.map((arg, i) => (isError(arg) && i % 2 === 0 && i > 0 ? { standIn: i } : arg));
            const picked = fn(...stand);
            return picked && typeof picked === 'object' && 'standIn' in picked ? errorIn(args[picked.standIn]) : picked;
        }
        case '$$DIVIDE_NUMBER$$':
            if (args.some(isError)) return firstError(args);
            if (args[0] !== null && args[0] !== undefined && args[1] !== null && Number(args[1]) === 0) {
                return new FormulaError('division by zero');
            }
            return fn(...args);
        case 'TODAY':
            return runtime.clock?.today ?? fn();
        case 'NOW':
            return runtime.clock?.now ?? fn();
        default:
            if (args.some(isError)) return firstError(args);
            return fn(...args);
    }
}

// sformula hands its builtins object to every evaluation and lets nothing else override it, so the runtime
// behaviour above is installed there, once per process.
if (!builtins[RUNTIME]) {
    for (const name of Object.keys(builtins)) {
        const fn = builtins[name];
        if (typeof fn !== 'function') continue;
        builtins[name] = (...args) => {
            const result = runBuiltin(name, fn, args);
            runtime.last = result;
            return result;
        };
    }
    builtins[RUNTIME] = true;
}

// ---------------------------------------------------------------------------------------------------------------
// Functions. sformula implements most; a few more are declared here (types and values); the rest are real
// Salesforce functions that cannot be evaluated offline, so formulas using them are checked for references only.

const fnType = (args, returns) => ({
    type: 'function',
    arguments: args.map((type) => ({ argument: { type }, optional: false })),
    returns: { type: returns }
});

export const EXTRA_FUNCTIONS = {
    BR: { type: fnType([], 'string'), value: () => '\n' },
    REGEX: {
        type: fnType(['string', 'string'], 'boolean'),
        value: (text, re) => new RegExp(`^(?:${re})$`).test(text ?? '')
    },
    DAYOFYEAR: {
        type: fnType(['date'], 'number'),
        value: (date) =>
            date ? Math.round((Date.parse(date) - Date.parse(`${date.slice(0, 4)}-01-01`)) / 864e5) + 1 : null
    }
};

export const NOT_EVALUABLE = new Set(
    `ASCII CHR CURRENCYRATE DISTANCE FORMATDURATION FROMUNIXTIME GEOLOCATION GETRECORDIDS GETSESSIONID HTMLENCODE
    IMAGEPROXYURL INCLUDE INITCAP ISOWEEK ISOYEAR JSENCODE JSINHTMLENCODE JUNCTIONIDLIST LINKTO PARENTGROUPVAL PREDICT
    PREVGROUPVAL REQUIRESCRIPT REVERSE UNIXTIMESTAMP URLENCODE URLFOR VLOOKUP`.split(/\s+/)
);

// Functions that only make sense while a record is being saved: bound per scenario, allowed in validation rules.
export const SAVE_FUNCTIONS = { ISCHANGED: 1, PRIORVALUE: 1, ISNEW: 0, ISCLONE: 0 };

export const isBuiltin = (name) => typeof builtins[name] === 'function' && !name.startsWith('$$');

// The SOQL engine of the offline Apex runtime (../README.md, "SOQL"):
//   compileSoql(textOrQueryContext, { schema }) -> plan (cached per text or parse-tree node)
//   executeSoql(plan, { org, schema, userId, bind, userMode, sharing, limits, rt? }) -> ApexList | Integer
// Errors: SoqlError (exceptionType 'System.QueryException') for what the platform rejects, UnsupportedError for
// what the runtime does not model. With `rt` (options.rt, or options.limits when it has throw()), SoqlErrors are
// raised as Apex exceptions through rt.throw.
import { compileTree } from './compile.mjs';
import { parseSoqlText, sourceText } from './tree.mjs';
import { SoqlError, SoqlUnsupportedError, raise } from './errors.mjs';
import { objectNamed } from './objects.mjs';
import { checkAccess } from './access.mjs';
import { aggregateRows, candidateRows, recordRows, selectRows } from './execute.mjs';
import { aggregateList, recordList } from './records.mjs';

export { SoqlError, SoqlUnsupportedError };

const textPlans = new WeakMap(); // schema -> Map(text -> plan)
const treePlans = new WeakMap(); // schema -> WeakMap(ctx -> plan)

function cacheOf(store, schema, make) {
    if (!store.has(schema)) store.set(schema, make());
    return store.get(schema);
}

/**
 * Compiles SOQL text (dynamic SOQL: binds are variable names, looked up by the caller) or an apex-parser `query`
 * context (inline SOQL: binds carry their expression ctx for the interpreter to evaluate).
 */
export function compileSoql(input, { schema, rt } = {}) {
    if (!schema) throw new Error('compileSoql: options.schema (the org schema) is required');
    try {
        if (typeof input === 'string') {
            const cache = cacheOf(textPlans, schema, () => new Map());
            if (!cache.has(input))
                cache.set(input, compileTree(parseSoqlText(input), schema, { inline: false, text: input }));
            return cache.get(input);
        }
        const cache = cacheOf(treePlans, schema, () => new WeakMap());
        if (!cache.has(input)) cache.set(input, compileTree(input, schema, { inline: true, text: sourceText(input) }));
        return cache.get(input);
    } catch (error) {
        raise(error, rt);
    }
}

function runtimeOf(options) {
    if (options.rt) return options.rt;
    return typeof options.limits?.throw === 'function' ? options.limits : undefined;
}

/** A query of custom metadata records that selects no long text area field: it counts toward no query limit. */
function isFreeMetadataQuery(plan) {
    if (!/__mdt$/i.test(plan.objectName ?? '')) return false;
    return !plan.select.some((entry) => entry.kind === 'field' && entry.ref?.field?.type === 'LongTextArea');
}

/** Runs a plan. Returns an ApexList of records or AggregateResults, or an Integer for SELECT COUNT(). */
export function executeSoql(plan, options = {}) {
    const rt = runtimeOf(options);
    try {
        return run(plan, options);
    } catch (error) {
        raise(error, rt);
    }
}

function run(plan, options) {
    const { org } = options;
    const schema = options.schema ?? org.schema;
    // Apex Developer Guide, "Execution Governors and Limits": each statement is one query (subqueries count as
    // aggregate queries, not SOQL queries); rows returned, child rows included, count toward query rows.
    // Custom metadata records are read from the application cache: "SOQL queries per Apex transaction: Unlimited",
    // unless the query reads a long text area field ("Custom Metadata Allocations and Usage Calculations",
    // https://help.salesforce.com/s/articleView?id=platform.custommetadatatypes_limits.htm).
    if (!isFreeMetadataQuery(plan)) options.limits?.checkLimit?.('queries', 1);
    // Enforce User Mode for Database Operations: WITH USER_MODE or AccessLevel.USER_MODE check object and field
    // access and always apply sharing; WITH SYSTEM_MODE runs in system mode whatever the caller asked.
    const userMode = plan.mode === 'user' || (options.userMode === true && plan.mode !== 'system');
    const ex = {
        org,
        schema,
        options,
        plan,
        userId: options.userId ?? org.currentUserId,
        today: options.today ?? org.today,
        dateOptions: { fiscalYearStartMonth: org.fiscalYearStartMonth ?? 1 },
        sharing: userMode || options.sharing === true,
        rows: new Map(),
        parents: new Map(),
        bindValues: new Map(),
        resolved: new Map(),
        objectNamed: (name) => objectNamed(schema, name)
    };
    if (userMode) checkAccess(ex, plan);
    else if (plan.mode === 'security_enforced') checkAccess(ex, plan, { securityEnforced: true });

    const rows = candidateRows(ex, plan);
    if (plan.countOnly) {
        const count = selectRows(ex, { ...plan, orderBy: [] }, rows).length;
        // Apex Developer Guide, "Working with SOQL Aggregate Functions": COUNT() uses one query row.
        options.limits?.checkLimit?.('queryRows', 1);
        return count;
    }
    if (plan.aggregateQuery) {
        const { groups, rowsUsed } = aggregateRows(ex, plan, rows);
        options.limits?.checkLimit?.('queryRows', rowsUsed);
        return aggregateList(plan, groups);
    }
    const { records, count } = recordRows(ex, plan, rows);
    options.limits?.checkLimit?.('queryRows', count);
    return recordList(ex, plan, records);
}

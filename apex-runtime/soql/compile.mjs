// SOQL parse tree -> plan: names resolved against the schema (so a bad name fails at compile time, as the Apex
// compiler or Database.query does), literals decoded, binds collected for the interpreter to evaluate.
import { rule, ruleOf, rules, sourceText, tokens } from './tree.mjs';
import { queryError, unsupported } from './errors.mjs';
import {
    badRelationship,
    childRelationship,
    kindOf,
    noSuchColumn,
    objectNamed,
    parentRelationship
} from './objects.mjs';
import { literalOf } from './literals.mjs';

const lower = (name) => String(name).toLowerCase();
const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
// SOQL and SOSL Reference, "Reserved Keywords": never an alias. The parser reads `FROM Account WHERE` (WHERE with
// nothing after it) as an alias named WHERE; the platform reports the unexpected token.
const RESERVED = new Set(
    'and asc desc excludes first from group having in includes last like limit not null nulls or select where with order by offset for update using'.split(
        ' '
    )
);

function checkAlias(node) {
    if (node && RESERVED.has(lower(node.getText()))) queryError(`unexpected token: '${node.getText()}'`);
    return node?.getText();
}

/** Compiles one query or subquery over `object`. `state` is shared by the whole statement (binds, schema). */
function compileQuery(node, object, state, { isChild = false } = {}) {
    const from = rule(node, 'fromNameList');
    const fromEntries = rules(from, 'fieldName');
    if (fromEntries.length > 1) unsupported('FROM with several objects');
    const alias = checkAlias(rule(from, 'soqlId'));
    const scope = { object, alias, state, aliases: new Map() };
    const plan = { object, objectName: object.name, isChild, select: [], aggregateQuery: false, countOnly: false };

    if (rule(node, 'usingScope')) unsupported('USING SCOPE');
    if (rule(node, 'allRowsClause')) unsupported('ALL ROWS (deleted records are not kept)');
    if (tokens(node).includes('UPDATE')) unsupported('UPDATE TRACKING / UPDATE VIEWSTAT');
    compileSelect(node, plan, scope);

    const where = rule(node, 'whereClause');
    if (where) plan.where = compileCondition(rule(where, 'whereLogicalExpression'), scope, { having: false });
    plan.mode = compileWith(rule(node, 'withClause'));
    const groupBy = rule(node, 'groupByClause');
    if (groupBy) compileGroupBy(groupBy, plan, scope);
    if (plan.aggregateQuery) checkGrouped(plan);
    const orderBy = rule(node, 'orderByClause');
    plan.orderBy = orderBy ? compileOrderBy(orderBy, plan, scope) : [];
    plan.limit = compileCount(rule(node, 'limitClause'), state);
    plan.offset = compileCount(rule(node, 'offsetClause'), state);
    // SOQL and SOSL Reference, LIMIT: not with an aggregate function and no GROUP BY.
    if (plan.limit && plan.aggregateQuery && !plan.groupBy && !plan.countOnly) {
        queryError('LIMIT is not allowed in an aggregate query without GROUP BY');
    }
    plan.forClauses = (rule(node, 'forClauses')?.children ?? [])
        .map((child) => child.getText().toUpperCase())
        .filter((t) => t !== 'FOR');
    return plan;
}

function compileSelect(node, plan, scope) {
    const list = rule(node, 'selectList') ?? rule(node, 'subFieldList');
    const entries = [...rules(list, 'selectEntry'), ...rules(list, 'subFieldEntry')];
    let exprIndex = 0;
    for (const entry of entries) {
        const aliasNode = rules(entry, 'soqlId').at(-1);
        const alias = aliasNode ? checkAlias(aliasNode) : undefined;
        if (rule(entry, 'typeOf')) unsupported('TYPEOF');
        const sub = rule(entry, 'subQuery');
        if (sub) {
            if (plan.isChild) unsupported('nested parent-to-child subqueries');
            plan.select.push(compileChild(sub, scope));
            continue;
        }
        const fn = rule(entry, 'soqlFunction');
        if (fn) {
            const aggregate = compileAggregate(fn, scope);
            if (aggregate.fn === 'COUNT' && !aggregate.ref) {
                // SOQL and SOSL Reference, COUNT(): COUNT() stands alone and returns an Integer.
                if (entries.length > 1) queryError('COUNT() must be the only element in the SELECT list');
                plan.countOnly = true;
                continue;
            }
            plan.aggregateQuery = true;
            // Apex Developer Guide, "Working with SOQL Aggregate Functions": unaliased aggregates are expr0, expr1...
            aggregate.name = alias ?? `expr${exprIndex++}`;
            if (alias) scope.aliases.set(lower(alias), aggregate);
            plan.select.push(aggregate);
            continue;
        }
        const ref = resolvePath(rule(entry, 'fieldName'), scope);
        plan.select.push({ kind: 'field', ref, alias });
        if (alias) scope.aliases.set(lower(alias), { kind: 'field', ref });
    }
}

function compileAggregate(fn, scope) {
    const name = fn.children[0].getText().toUpperCase();
    if (!AGGREGATES.has(name)) unsupported(`${name}() function`);
    const fieldNode = rule(fn, 'fieldName');
    const ref = fieldNode ? resolvePath(fieldNode, scope) : undefined;
    // SOQL and SOSL Reference, "Aggregate Functions": SUM and AVG take number fields only.
    if ((name === 'SUM' || name === 'AVG') && ref && ref.kind !== 'number') {
        queryError(`field ${ref.text} does not support aggregate operator ${name}`);
    }
    return { kind: 'aggregate', fn: name, ref, key: `${name}(${ref ? ref.key : ''})` };
}

function compileChild(sub, scope) {
    const relNode = rule(rule(sub, 'fromNameList'), 'fieldName');
    const relName = relNode.getText();
    const rel = childRelationship(scope.object, relName, scope.state.schema);
    if (!rel) badRelationship(relName);
    const childObject = objectNamed(scope.state.schema, rel.childObject);
    const plan = compileQuery(sub, childObject, scope.state, { isChild: true });
    if (plan.aggregateQuery || plan.countOnly) unsupported('aggregate functions in a parent-to-child subquery');
    return { kind: 'child', name: relName, relationship: rel, field: rel.field, plan };
}

/**
 * A field path from `scope.object`: every segment but the last follows a lookup; the last is a field. A leading
 * alias or the object's own name is dropped (SOQL and SOSL Reference, "Using Relationship Queries").
 */
export function resolvePath(fieldNode, scope) {
    const segments = rules(fieldNode, 'soqlId').map((id) => id.getText());
    const first = lower(segments[0]);
    if (segments.length > 1 && (first === lower(scope.alias ?? '') || first === lower(scope.object.name))) {
        if (!parentRelationship(scope.object, segments[0])) segments.shift();
    }
    let object = scope.object;
    const steps = [];
    for (const segment of segments.slice(0, -1)) {
        const field = parentRelationship(object, segment);
        if (!field) badRelationship(segment);
        if (Array.isArray(field.referenceTo) || field.referenceTo === '*')
            unsupported(`polymorphic relationship ${segment}`);
        steps.push({ field, name: field.name, relationship: segment });
        object = objectNamed(scope.state.schema, field.referenceTo);
    }
    const last = segments.at(-1);
    const field = object.field(last);
    if (!field) noSuchColumn(last, object);
    const canonical = [...steps.map(canonicalRelationship), field.name];
    return {
        steps,
        field,
        object,
        kind: kindOf(field),
        text: segments.join('.'),
        path: canonical,
        key: canonical.map(lower).join('.'),
        // Every object and field the path reads, for user-mode access checks: the lookups followed and the field.
        fieldsRead: [
            ...steps.map((step, i) => ({
                object: i ? steps[i - 1].field.referenceTo : scope.object.name,
                field: step.name
            })),
            { object: object.name, field: field.name }
        ]
    };
}

function canonicalRelationship(step) {
    const { field } = step;
    return field.custom ? field.name.replace(/__c$/i, '__r') : (field.relationshipName ?? step.relationship);
}

// -----------------------------------------------------------------------------------------------------------
// WHERE and HAVING.

function compileCondition(node, scope, options) {
    const name = ruleOf(node);
    if (name === 'whereLogicalExpression' || name === 'logicalExpression') {
        const parts = (node.children ?? []).filter((child) => ruleOf(child));
        const kinds = tokens(node);
        if (kinds[0] === 'NOT') return { op: 'not', item: compileCondition(parts[0], scope, options) };
        const items = parts.map((part) => compileCondition(part, scope, options));
        if (items.length === 1) return items[0];
        return { op: kinds[0] === 'SOQLOR' ? 'or' : 'and', items };
    }
    if (name === 'whereConditionalExpression' || name === 'conditionalExpression') {
        const inner = rule(node, 'whereLogicalExpression') ?? rule(node, 'logicalExpression');
        if (inner) return compileCondition(inner, scope, options);
        const field = rule(node, 'whereFieldExpression') ?? rule(node, 'fieldExpression');
        return compileCondition(field, scope, options);
    }
    if (name === 'whereFieldExpression') {
        const expression = rule(node, 'fieldExpression');
        if (!expression) unsupported('FORMULA() in WHERE');
        return compileCondition(expression, scope, options);
    }
    if (name === 'fieldExpression') return compileComparison(node, scope, options);
    unsupported(`${name} in a condition`);
}

function compileComparison(node, scope, { having }) {
    const operator = rule(node, 'comparisonOperator')
        .children.map((child) => child.getText().toUpperCase())
        .join(' ');
    const op = { '< =': '<=', '> =': '>=', '<>': '!=' }[operator] ?? operator;
    const fn = rule(node, 'soqlFunction');
    let left;
    if (fn) {
        if (!having) queryError('aggregate functions are not allowed in WHERE; use HAVING');
        left = compileAggregate(fn, scope);
    } else {
        const fieldNode = rule(node, 'fieldName');
        const text = fieldNode.getText();
        const aliased = having && rules(fieldNode, 'soqlId').length === 1 ? scope.aliases.get(lower(text)) : undefined;
        left = aliased ?? { kind: 'field', ref: resolvePath(fieldNode, scope) };
    }
    const kind = left.kind === 'aggregate' ? aggregateKind(left) : left.ref.kind;
    const right = compileValue(rule(node, 'value'), scope, { op, kind, left });
    if ((op === 'INCLUDES' || op === 'EXCLUDES') && kind !== 'multi') {
        // SOQL and SOSL Reference, "Querying Multi-Select Picklists": INCLUDES/EXCLUDES are for multi-select only.
        queryError(`${op} operator is only valid on multipicklist fields`);
    }
    if (op === 'LIKE' && !['string', 'id'].includes(kind)) queryError(`invalid operator on ${kind} field: LIKE`);
    return { op, left, right };
}

export function aggregateKind(aggregate) {
    if (aggregate.fn === 'COUNT' || aggregate.fn === 'COUNT_DISTINCT') return 'number';
    return aggregate.fn === 'SUM' || aggregate.fn === 'AVG' ? 'number' : aggregate.ref.kind;
}

function compileValue(node, scope, context) {
    const sub = rule(node, 'subQuery');
    if (sub) return compileSemiJoin(sub, scope, context);
    const list = rule(node, 'valueList');
    if (list) {
        if (!['IN', 'NOT IN', 'INCLUDES', 'EXCLUDES'].includes(context.op))
            queryError(`unexpected list for operator ${context.op}`);
        return {
            kind: 'list',
            items: rules(list, 'value').map((item) => compileValue(item, scope, { ...context, inList: true }))
        };
    }
    const bound = rule(node, 'boundExpression');
    if (bound) return { kind: 'bind', index: addBind(bound, scope.state) };
    if (['IN', 'NOT IN'].includes(context.op) && !context.inList)
        queryError(`IN and NOT IN take a list, a bind or a subquery`);
    return literalOf(node, context, scope.state);
}

/** `Id IN (SELECT Field FROM Other WHERE ...)`: the inner query selects one Id (or lookup) field. */
function compileSemiJoin(sub, scope, context) {
    if (!['IN', 'NOT IN'].includes(context.op)) queryError('a subquery is only allowed with IN and NOT IN');
    const objectName = rule(rule(sub, 'fromNameList'), 'fieldName').getText();
    const object = objectNamed(scope.state.schema, objectName);
    const plan = compileQuery(sub, object, scope.state, { isChild: true });
    const [only, ...rest] = plan.select;
    if (!only || rest.length || only.kind !== 'field' || only.ref.kind !== 'id') {
        queryError('a semi-join subquery must select exactly one Id or reference field');
    }
    return { kind: 'semi', plan, ref: only.ref };
}

/** A bind: inline SOQL keeps the Apex expression (ctx) for the interpreter; dynamic SOQL names a variable. */
function addBind(bound, state) {
    const expression = rule(bound, 'expression');
    const text = sourceText(expression).trim();
    const bind = { index: state.binds.length, text };
    if (state.inline) {
        bind.name = text;
        bind.ctx = expression;
    } else {
        // Apex Developer Guide, "Dynamic SOQL": binds are simple variable names; `:v.field` is reported by the
        // caller ("Variable does not exist"), which knows Database.query from queryWithBinds.
        const parts = text.split('.').map((part) => part.trim());
        if (!parts.every((part) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(part)))
            queryError(`Invalid bind expression type of ${text}`);
        bind.name = parts[0];
        if (parts.length > 1) bind.path = parts.slice(1);
    }
    state.binds.push(bind);
    return bind.index;
}

// -----------------------------------------------------------------------------------------------------------
// WITH, GROUP BY, ORDER BY, LIMIT, OFFSET.

function compileWith(node) {
    if (!node) return null;
    const kinds = tokens(node);
    if (kinds.includes('USER_MODE')) return 'user';
    if (kinds.includes('SYSTEM_MODE')) return 'system';
    if (kinds.includes('SECURITY_ENFORCED')) return 'security_enforced';
    unsupported(`WITH ${sourceText(node).replace(/^WITH\s+/i, '')}`);
}

function compileGroupBy(node, plan, scope) {
    if (tokens(node).includes('ROLLUP') || tokens(node).includes('CUBE')) unsupported('GROUP BY ROLLUP / CUBE');
    plan.aggregateQuery = true;
    plan.groupBy = rules(rule(node, 'fieldGroupByList'), 'fieldGroupBy').map((entry) => {
        if (!rule(entry, 'fieldName')) unsupported('GROUP BY on a function');
        return resolvePath(rule(entry, 'fieldName'), scope);
    });
    const having = rule(node, 'logicalExpression');
    if (having) plan.having = compileCondition(having, scope, { having: true });
}

/** SOQL and SOSL Reference, GROUP BY: every selected field must be grouped or aggregated. */
function checkGrouped(plan) {
    const grouped = new Set((plan.groupBy ?? []).map((ref) => ref.key));
    for (const entry of plan.select) {
        if (entry.kind === 'field' && !grouped.has(entry.ref.key)) {
            queryError(`Field must be grouped or aggregated: ${entry.ref.field.name}`);
        }
        if (entry.kind === 'child') queryError('parent-to-child subqueries are not allowed in aggregate queries');
    }
}

function compileOrderBy(node, plan, scope) {
    return rules(rule(node, 'fieldOrderList'), 'fieldOrder').map((entry) => {
        const kinds = tokens(entry);
        const fn = rule(entry, 'soqlFunction');
        let expr;
        if (fn) {
            if (!plan.aggregateQuery) queryError('ORDER BY an aggregate function needs an aggregate query');
            expr = compileAggregate(fn, scope);
        } else {
            const fieldNode = rule(entry, 'fieldName');
            const alias = rules(fieldNode, 'soqlId').length === 1 && scope.aliases.get(lower(fieldNode.getText()));
            expr = alias && plan.aggregateQuery ? alias : { kind: 'field', ref: resolvePath(fieldNode, scope) };
            // SOQL and SOSL Reference, ORDER BY: multi-select picklists and long text areas can't be ordered.
            if (
                expr.kind === 'field' &&
                ['MultiselectPicklist', 'LongTextArea', 'Html'].includes(expr.ref.field.type)
            ) {
                queryError(`field '${expr.ref.field.name}' can not be sorted in a query call`);
            }
        }
        return { expr, descending: kinds.includes('DESC'), nullsLast: kinds.includes('LAST') };
    });
}

function compileCount(node, state) {
    if (!node) return null;
    const bound = rule(node, 'boundExpression');
    if (bound) return { kind: 'bind', index: addBind(bound, state) };
    return { kind: 'literal', value: Number(node.children[1].getText()) };
}

/** Plan for a `query` tree: the top-level query plus the statement's binds. */
export function compileTree(tree, schema, { inline, text }) {
    const state = { schema, binds: [], inline };
    const objectName = rule(rule(tree, 'fromNameList'), 'fieldName')?.getText();
    if (!objectName) queryError('missing FROM');
    const object = objectNamed(schema, objectName);
    const plan = compileQuery(tree, object, state);
    plan.binds = state.binds;
    plan.text = text;
    return plan;
}

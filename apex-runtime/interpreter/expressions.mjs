// Evaluating expressions (Apex Developer Guide, "Expressions and Operators"). Arithmetic, comparison, equality and
// conversions come from the values part (deps.mjs); this module dispatches on the kind of expression and does
// conditions, short-circuit logic, the operators and inline SOQL, with names, member access and calls in
// member-access.mjs, assignment in assignment.mjs and creation in creation.mjs.
import { ApexEnumValue, ApexTypeValue } from '../values/values.mjs';
import { ApexList, binary, compileSoql, exactEquals, executeSoql, unary } from './deps.mjs';
import { Converter } from './ast-code.mjs';
import { resolveType } from './names.mjs';
import { SHORT, evalChain, evalName, npe } from './member-access.mjs';
import { evalAssign, evalIncDec } from './assignment.mjs';
import { evalNew } from './creation.mjs';

/** A Boolean condition; null in a condition throws (Apex has no implicit null-to-false). */
export function truthy(value, f) {
    if (value === null) npe(f.rt);
    return value === true;
}

/** The elements of a List or Set (for-each, copies). */
export function iterate(value, rt) {
    if (Array.isArray(value?.items)) return value.items;
    if (typeof value?.[Symbol.iterator] === 'function') return [...value];
    if (typeof value?.values === 'function') return [...value.values()];
    return rt.unsupported(`iterating over ${rt.typeOf(value)?.name ?? 'this value'}`);
}

/** Evaluates `node` for a sink of declared `type`: a query assigned to one SObject takes its single row. */
export function evalForType(node, type, f) {
    const rt = f.rt;
    let value = evalExpr(node, f);
    if (
        node.kind === 'soql' &&
        type &&
        value instanceof ApexList &&
        !['List', 'Object', 'Integer', 'Iterable', 'System.Iterable'].includes(type.name)
    ) {
        // Apex Developer Guide, "Working with SOQL and SOSL Query Results": assigning to a single sObject (a list
        // sink, an Iterable<SObject> a batch's start returns say, keeps the list).
        value = singleRow(rt, value);
    }
    return type ? rt.convert(value, type) : value;
}

export function singleRow(rt, list) {
    if (list.items.length === 0) rt.throw('System.QueryException', 'List has no rows for assignment to SObject');
    if (list.items.length > 1) rt.throw('System.QueryException', 'List has more than 1 row for assignment to SObject');
    return list.items[0];
}

export function evalExpr(node, f) {
    switch (node.kind) {
        case 'lit':
            return node.value;
        case 'name':
            return evalName(node, f, false);
        case 'dot':
        case 'call':
        case 'index': {
            const value = evalChain(node, f);
            return value === SHORT ? null : value;
        }
        case 'this':
            if (!f.self) f.rt.compileError('this cannot be used in a static context', node.line);
            return f.self;
        case 'binary':
            return evalBinary(node, f);
        case 'and':
            return truthy(evalExpr(node.left, f), f) ? truthy(evalExpr(node.right, f), f) : false;
        case 'or':
            return truthy(evalExpr(node.left, f), f) ? true : truthy(evalExpr(node.right, f), f);
        case 'unary': {
            const value = evalExpr(node.expr, f);
            if (node.op === '!') return !truthy(value, f);
            return unary(node.op, value, f.rt);
        }
        case 'cond':
            return truthy(evalExpr(node.test, f), f) ? evalExpr(node.then, f) : evalExpr(node.else, f);
        case 'coalesce': {
            // Apex Developer Guide, "Null Coalescing Operator": the right side only when the left is null.
            const left = evalExpr(node.left, f);
            return left !== null ? left : evalExpr(node.right, f);
        }
        case 'assign':
            return evalAssign(node, f);
        case 'incdec':
            return evalIncDec(node, f);
        case 'new':
            return evalNew(node, f);
        case 'cast':
            return f.rt.cast(evalExpr(node.expr, f), resolveType(f.rt, node.type, f.cls));
        case 'instanceof': {
            const value = evalExpr(node.expr, f);
            return value !== null && f.rt.isInstanceOf(value, resolveType(f.rt, node.type, f.cls));
        }
        case 'classLit':
            return new ApexTypeValue(resolveType(f.rt, node.type, f.cls));
        case 'soql':
            return evalSoql(node, f);
        case 'sosl':
            return f.rt.unsupported('SOSL');
        case 'super':
            return f.rt.compileError('super must be followed by a method call', node.line);
        case 'ctorCall':
            return f.rt.compileError(`${node.which}(...) must be the first statement of a constructor`, node.line);
        default:
            return f.rt.unsupported(`expression ${node.kind}`);
    }
}

function evalBinary(node, f) {
    const rt = f.rt;
    const left = evalExpr(node.left, f);
    const right = evalExpr(node.right, f);
    switch (node.op) {
        case '==':
            return rt.equals(left, right);
        case '!=':
            return !rt.equals(left, right);
        case '===':
            return exactEquals(left, right);
        case '!==':
            return !exactEquals(left, right);
        default:
            return binary(node.op, left, right, rt);
    }
}

// ---- SOQL --------------------------------------------------------------------------------------------------

const bindAsts = new WeakMap();

function evalSoql(node, f) {
    const rt = f.rt;
    const schema = rt.org?.schema ?? null;
    if (!node.plan) node.plan = compileSoql(node.query, { schema });
    return executeSoql(node.plan, {
        org: rt.org,
        schema,
        userId: rt.userId,
        sharing: f.sharing,
        limits: rt,
        bind: (b) => {
            if (!b.ctx) return rt.unsupported(`SOQL bind ${b.name ?? ''} without an expression`);
            let ast = bindAsts.get(b.ctx);
            if (!ast) {
                ast = new Converter(node.file, { executable: new Set(), covered: new Set() }).expr(b.ctx);
                bindAsts.set(b.ctx, ast);
            }
            return evalExpr(ast, f);
        }
    });
}

export { callStatic } from './member-access.mjs';
export { SHORT, ApexEnumValue };

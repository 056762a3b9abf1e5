// Executing statements. Each returns undefined on normal completion or a signal (BREAK, CONTINUE, RETURN; the
// returned value is in frame.ret), so loops and returns cost no JS exceptions.
import { ApexObject } from '../values/values.mjs';
import { ApexThrow } from './errors.mjs';
import { BREAK, CONTINUE, RETURN } from './frame.mjs';
import { evalExpr, evalForType, truthy, iterate } from './expressions.mjs';
import { findClass, resolveType } from './names.mjs';
import { throwable } from './exceptions.mjs';
import { ApexList, dml, runAs } from './deps.mjs';

/** Runs a method, constructor or initialiser body (from statement `start`); a `return` ends it. */
export function execBody(block, frame, start = 0) {
    const body = block.body;
    for (let i = start; i < body.length; i++) {
        if (execStmt(body[i], frame) === RETURN) return;
    }
}

function execBlock(node, f) {
    const body = node.body;
    let signal;
    for (let i = 0; i < body.length; i++) {
        signal = execStmt(body[i], f);
        if (signal) break;
    }
    // Locals end with their block (a later block may declare the same name again).
    for (let i = 0; i < body.length; i++) {
        if (body[i].kind === 'local') for (const d of body[i].decls) f.vars.delete(d.lname);
    }
    return signal;
}

export function execStmt(node, f) {
    if (node.kind === 'block') return execBlock(node, f);
    f.line = node.line;
    node.cov.covered.add(node.line);
    switch (node.kind) {
        case 'expr':
            evalExpr(node.expr, f);
            return undefined;
        case 'local': {
            const type = resolveType(f.rt, node.type, f.cls);
            for (const d of node.decls) {
                f.declare(d.lname, type, d.init ? evalForType(d.init, type, f) : null);
            }
            return undefined;
        }
        case 'if':
            if (truthy(evalExpr(node.test, f), f)) return execStmt(node.then, f);
            return node.else ? execStmt(node.else, f) : undefined;
        case 'for':
            return execFor(node, f);
        case 'forEach':
            return execForEach(node, f);
        case 'while':
            while (truthy(evalExpr(node.test, f), f)) {
                const signal = execStmt(node.body, f);
                if (signal === BREAK) break;
                if (signal === RETURN) return signal;
            }
            return undefined;
        case 'doWhile':
            do {
                const signal = execStmt(node.body, f);
                if (signal === BREAK) break;
                if (signal === RETURN) return signal;
            } while (truthy(evalExpr(node.test, f), f));
            return undefined;
        case 'break':
            return BREAK;
        case 'continue':
            return CONTINUE;
        case 'return':
            f.ret = node.expr ? evalForType(node.expr, f.returnType ?? null, f) : null;
            return RETURN;
        case 'throw': {
            const value = evalExpr(node.expr, f);
            if (value === null) f.rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
            if (!(value instanceof ApexObject) || !value.exc)
                f.rt.compileError('Throw expression must be an exception', node.line);
            throw throwable(value, f.rt);
        }
        case 'try':
            return execTry(node, f);
        case 'switch':
            return execSwitch(node, f);
        case 'dml':
            return execDml(node, f);
        case 'runAs': {
            const args = node.args.map((a) => evalExpr(a, f));
            if (args.length !== 1) f.rt.unsupported(`System.runAs with ${args.length} arguments`);
            let signal;
            runAs(f.rt, args[0], () => {
                signal = execStmt(node.body, f);
            });
            return signal;
        }
        default:
            return f.rt.unsupported(`statement ${node.kind}`);
    }
}

function execFor(node, f) {
    if (node.init) {
        if (node.init.kind === 'local') execStmt(node.init, f);
        else for (const e of node.init.exprs) evalExpr(e, f);
    }
    try {
        while (!node.test || truthy(evalExpr(node.test, f), f)) {
            const signal = execStmt(node.body, f);
            if (signal === BREAK) break;
            if (signal === RETURN) return signal;
            f.line = node.line;
            for (const u of node.update) evalExpr(u, f);
        }
    } finally {
        if (node.init?.kind === 'local') for (const d of node.init.decls) f.vars.delete(d.lname);
    }
    return undefined;
}

// Apex Developer Guide, "SOQL For Loops": the list form receives the rows in batches of 200.
const SOQL_BATCH = 200;

function execForEach(node, f) {
    const rt = f.rt;
    const type = resolveType(rt, node.type, f.cls);
    const source = evalExpr(node.iterable, f);
    if (source === null) rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    let items = iterate(source, rt);
    if (node.iterable.kind === 'soql' && type.name === 'List') {
        const batches = [];
        for (let i = 0; i < items.length; i += SOQL_BATCH) {
            batches.push(new ApexList(type.args?.[0] ?? { name: 'SObject' }, items.slice(i, i + SOQL_BATCH)));
        }
        items = batches;
    }
    try {
        for (let i = 0; i < items.length; i++) {
            f.declare(node.lname, type, rt.convert(items[i], type));
            const signal = execStmt(node.body, f);
            if (signal === BREAK) break;
            if (signal === RETURN) return signal;
        }
    } finally {
        f.vars.delete(node.lname);
    }
    return undefined;
}

/**
 * Apex Developer Guide, "Exception Statements": catch blocks are tried in order; `Exception` catches every
 * exception except those that cannot be caught (LimitException, AssertException). Finally always runs.
 */
function execTry(node, f) {
    let signal;
    try {
        signal = execStmt(node.body, f);
    } catch (error) {
        if (!(error instanceof ApexThrow) || error.uncatchable) throw error;
        const clause = node.catches.find((c) => catches(c, error, f));
        if (!clause) throw error;
        f.declare(clause.lname, { name: error.exception.cls.name }, error.exception);
        try {
            signal = execStmt(clause.body, f);
        } finally {
            f.vars.delete(clause.lname);
        }
    } finally {
        if (node.finally) {
            const finallySignal = execStmt(node.finally, f);
            // A return (or break) in finally replaces whatever was in flight.
            if (finallySignal) return finallySignal;
        }
    }
    return signal;
}

function catches(clause, error, f) {
    if (!clause.cls) {
        const cls = findClass(f.rt.program, clause.type.name, f.cls);
        if (!cls?.isException) f.rt.compileError(`Invalid exception type: ${clause.type.name}`, clause.line);
        clause.cls = cls;
    }
    return error.exception.cls.isSubclassOf(clause.cls);
}

/** Apex Developer Guide, "Switch Statements": String when values are case-sensitive; null is a legal value. */
function execSwitch(node, f) {
    const rt = f.rt;
    const value = evalExpr(node.expr, f);
    for (const when of node.whens) {
        if (when.kind === 'else') return execStmt(when.body, f);
        if (when.kind === 'type') {
            const type = resolveType(rt, when.type, f.cls);
            if (value !== null && rt.isInstanceOf(value, type)) {
                f.declare(when.lname, type, value);
                try {
                    return execStmt(when.body, f);
                } finally {
                    f.vars.delete(when.lname);
                }
            }
            continue;
        }
        for (const literal of when.values) {
            if (matchesWhen(literal, value)) return execStmt(when.body, f);
        }
    }
    return undefined;
}

function matchesWhen(literal, value) {
    if (literal.enumName !== undefined)
        return value?.ordinal !== undefined && value.name.toLowerCase() === literal.enumName;
    const expected = literal.literal;
    if (expected === null || value === null) return expected === value;
    if (typeof expected === 'string') return value === expected;
    // Loose equality on purpose: Integer and Long literals against Integer (number) or Long (bigint) values.
    return (typeof value === 'number' || typeof value === 'bigint') && value == expected;
}

function execDml(node, f) {
    const records = evalExpr(node.expr, f);
    const request = {
        operation: node.operation,
        records,
        accessLevel: node.accessLevel,
        externalIdField: node.externalIdField
    };
    if (node.operation === 'merge') request.mergeWith = evalExpr(node.second, f);
    dml(f.rt, request);
    return undefined;
}

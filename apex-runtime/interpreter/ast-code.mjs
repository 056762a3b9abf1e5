// Converts apex-parser statement and expression contexts into the interpreter's compact AST: plain objects
// `{ kind, line, ... }`, names lower-cased where Apex is case-insensitive (Apex Developer Guide, "Apex is case
// insensitive"... identifiers and keywords). Statement nodes carry `cov`, the coverage record of their file, and
// register their line as executable there.
import { ApexDecimal, ApexDouble } from '../values/values.mjs';
import { ApexCompileError, UnsupportedError } from './errors.mjs';
import { hasToken, kid, kids, lineOf, ruleOf, tokenOf, tokens } from './parse.mjs';

/** The conversion context of one file: `{ file, cov: { executable: Set, covered: Set } }`. */
export class Converter {
    constructor(file, cov) {
        this.file = file;
        this.cov = cov;
    }

    fail(message, node) {
        throw new ApexCompileError(message, this.file, lineOf(node));
    }

    unsupported(what, node) {
        throw new UnsupportedError(what, this.file, lineOf(node));
    }

    /** A statement node, counted executable on its line. */
    stmt(kind, node, props) {
        const line = lineOf(node);
        this.cov.executable.add(line);
        return { kind, line, cov: this.cov, ...props };
    }

    // ---- types ---------------------------------------------------------------------------------------------

    /** typeRef -> { kind: 'type', name: 'Map' | 'Database.SaveResult', args: [type], line } (T[] is List<T>). */
    type(ctx) {
        const parts = kids(ctx, 'typeName');
        const names = [];
        let args = [];
        for (const part of parts) {
            const id = kid(part, 'id');
            names.push(id ? id.getText() : part.children[0].getText());
            const typeArgs = kid(part, 'typeArguments');
            if (typeArgs) args = kids(kid(typeArgs, 'typeList'), 'typeRef').map((t) => this.type(t));
        }
        let type = { kind: 'type', name: names.join('.'), args, line: lineOf(ctx) };
        const dims = kids(ctx, 'arraySubscripts')[0]?.children?.filter((c) => tokenOf(c) === 'LBRACK').length ?? 0;
        for (let i = 0; i < dims; i++) type = { kind: 'type', name: 'List', args: [type], line: type.line };
        return type;
    }

    typeFromName(text, line) {
        return { kind: 'type', name: text, args: [], line };
    }

    // ---- statements ----------------------------------------------------------------------------------------

    block(ctx) {
        return { kind: 'block', line: lineOf(ctx), body: kids(ctx, 'statement').map((s) => this.statement(s)) };
    }

    statement(ctx) {
        const inner = ctx.children[0];
        const rule = ruleOf(inner);
        switch (rule) {
            case 'block':
                return this.block(inner);
            case 'localVariableDeclarationStatement':
                return this.localDeclaration(kid(inner, 'localVariableDeclaration'));
            case 'expressionStatement':
                return this.stmt('expr', inner, { expr: this.expr(kid(inner, 'expression')) });
            case 'ifStatement': {
                const [then, otherwise] = kids(inner, 'statement');
                return this.stmt('if', inner, {
                    test: this.expr(kid(kid(inner, 'parExpression'), 'expression')),
                    then: this.statement(then),
                    else: otherwise ? this.statement(otherwise) : null
                });
            }
            case 'forStatement':
                return this.forStatement(inner);
            case 'whileStatement': {
                const body = kid(inner, 'statement');
                return this.stmt('while', inner, {
                    test: this.expr(kid(kid(inner, 'parExpression'), 'expression')),
                    body: body ? this.statement(body) : { kind: 'block', body: [] }
                });
            }
            case 'doWhileStatement':
                return this.stmt('doWhile', inner, {
                    body: this.block(kid(inner, 'block')),
                    test: this.expr(kid(kid(inner, 'parExpression'), 'expression'))
                });
            case 'tryStatement':
                return this.tryStatement(inner);
            case 'returnStatement': {
                const value = kid(inner, 'expression');
                return this.stmt('return', inner, { expr: value ? this.expr(value) : null });
            }
            case 'throwStatement':
                return this.stmt('throw', inner, { expr: this.expr(kid(inner, 'expression')) });
            case 'breakStatement':
                return this.stmt('break', inner, {});
            case 'continueStatement':
                return this.stmt('continue', inner, {});
            case 'switchStatement':
                return this.switchStatement(inner);
            case 'insertStatement':
            case 'updateStatement':
            case 'deleteStatement':
            case 'undeleteStatement':
            case 'upsertStatement':
            case 'mergeStatement':
                return this.dmlStatement(inner, rule.replace('Statement', ''));
            case 'runAsStatement': {
                const list = kid(inner, 'expressionList');
                return this.stmt('runAs', inner, {
                    args: list ? kids(list, 'expression').map((e) => this.expr(e)) : [],
                    body: this.block(kid(inner, 'block'))
                });
            }
            default:
                return this.unsupported(`statement ${rule}`, inner);
        }
    }

    localDeclaration(ctx) {
        const type = this.type(kid(ctx, 'typeRef'));
        const decls = kids(kid(ctx, 'variableDeclarators'), 'variableDeclarator').map((d) => this.declarator(d));
        const node = { kind: 'local', line: lineOf(ctx), cov: this.cov, type, decls };
        // Coverage counts declarations that initialise (a bare `Integer x;` runs no code).
        if (decls.some((d) => d.init)) this.cov.executable.add(node.line);
        return node;
    }

    declarator(ctx) {
        const name = kid(ctx, 'id').getText();
        const init = kid(ctx, 'expression');
        return { name, lname: name.toLowerCase(), init: init ? this.expr(init) : null, line: lineOf(ctx) };
    }

    forStatement(ctx) {
        const control = kid(ctx, 'forControl');
        const bodyCtx = kid(ctx, 'statement');
        const body = bodyCtx ? this.statement(bodyCtx) : { kind: 'block', body: [] };
        const enhanced = kid(control, 'enhancedForControl');
        if (enhanced) {
            const name = kid(enhanced, 'id').getText();
            return this.stmt('forEach', ctx, {
                type: this.type(kid(enhanced, 'typeRef')),
                name,
                lname: name.toLowerCase(),
                iterable: this.expr(kid(enhanced, 'expression')),
                body
            });
        }
        const init = kid(control, 'forInit');
        const update = kid(control, 'forUpdate');
        const test = kid(control, 'expression');
        let initNode = null;
        if (init) {
            const local = kid(init, 'localVariableDeclaration');
            initNode = local
                ? this.localDeclaration(local)
                : { kind: 'exprs', exprs: kids(kid(init, 'expressionList'), 'expression').map((e) => this.expr(e)) };
        }
        return this.stmt('for', ctx, {
            init: initNode,
            test: test ? this.expr(test) : null,
            update: update ? kids(kid(update, 'expressionList'), 'expression').map((e) => this.expr(e)) : [],
            body
        });
    }

    tryStatement(ctx) {
        const finallyCtx = kid(ctx, 'finallyBlock');
        return this.stmt('try', ctx, {
            body: this.block(kid(ctx, 'block')),
            catches: kids(ctx, 'catchClause').map((c) => {
                const name = kid(c, 'id').getText();
                return {
                    line: lineOf(c),
                    type: this.typeFromName(kid(c, 'qualifiedName').getText(), lineOf(c)),
                    name,
                    lname: name.toLowerCase(),
                    body: this.block(kid(c, 'block'))
                };
            }),
            finally: finallyCtx ? this.block(kid(finallyCtx, 'block')) : null
        });
    }

    switchStatement(ctx) {
        const whens = kids(ctx, 'whenControl').map((w) => {
            const value = kid(w, 'whenValue');
            const body = this.block(kid(w, 'block'));
            if (hasToken(value, 'ELSE')) return { kind: 'else', body };
            const typeRef = kid(value, 'typeRef');
            if (typeRef) {
                const name = kid(value, 'id').getText();
                return { kind: 'type', type: this.type(typeRef), name, lname: name.toLowerCase(), body };
            }
            return { kind: 'values', values: kids(value, 'whenLiteral').map((l) => this.whenLiteral(l)), body };
        });
        return this.stmt('switch', ctx, { expr: this.expr(kid(ctx, 'expression')), whens });
    }

    /** A `when` value: { literal: value } or { enumName: 'VALUE' } (Apex Developer Guide, "Switch Statements"). */
    whenLiteral(ctx) {
        const nested = kid(ctx, 'whenLiteral');
        if (nested) return this.whenLiteral(nested);
        const qualified = kid(ctx, 'qualifiedName');
        if (qualified) {
            const ids = kids(qualified, 'id');
            return { enumName: ids[ids.length - 1].getText().toLowerCase(), text: qualified.getText() };
        }
        const negative = tokens(ctx).filter((t) => t === 'SUB').length % 2 === 1;
        const literal = ctx.children.find((c) => c.symbol && !['SUB', 'ADD'].includes(tokenOf(c)));
        const value = this.literalValue(literal, ctx);
        if (!negative) return { literal: value };
        return { literal: typeof value === 'bigint' ? -value : -value };
    }

    dmlStatement(ctx, operation) {
        const access = kid(ctx, 'accessLevel');
        const exprs = kids(ctx, 'expression');
        const externalId = kid(ctx, 'qualifiedName');
        return this.stmt('dml', ctx, {
            operation,
            accessLevel: access ? (hasToken(access, 'USER') ? 'user' : 'system') : null,
            expr: this.expr(exprs[0]),
            second: exprs[1] ? this.expr(exprs[1]) : null,
            externalIdField: externalId ? externalId.getText() : null
        });
    }

    // ---- expressions ---------------------------------------------------------------------------------------

    args(listCtx) {
        return listCtx ? kids(listCtx, 'expression').map((e) => this.expr(e)) : [];
    }

    expr(ctx) {
        const line = lineOf(ctx);
        const label = ctx.constructor.name;
        const sub = (i) => this.expr(kids(ctx, 'expression')[i]);
        switch (label) {
            case 'PrimaryExpressionContext':
                return this.primary(ctx.children[0]);
            case 'SubExpressionContext':
                return sub(0);
            case 'DotExpressionContext': {
                const target = sub(0);
                const safe = hasToken(ctx, 'QUESTIONDOT');
                const call = kid(ctx, 'dotMethodCall');
                if (call) {
                    const name = kid(call, 'anyId').getText();
                    return {
                        kind: 'call',
                        line,
                        target,
                        safe,
                        name,
                        lname: name.toLowerCase(),
                        args: this.args(kid(call, 'expressionList'))
                    };
                }
                const name = kid(ctx, 'anyId').getText();
                return { kind: 'dot', line, target, safe, name, lname: name.toLowerCase() };
            }
            case 'MethodCallExpressionContext': {
                const call = kid(ctx, 'methodCall');
                const args = this.args(kid(call, 'expressionList'));
                if (hasToken(call, 'THIS')) return { kind: 'ctorCall', line, which: 'this', args };
                if (hasToken(call, 'SUPER')) return { kind: 'ctorCall', line, which: 'super', args };
                const name = kid(call, 'id').getText();
                return { kind: 'call', line, target: null, safe: false, name, lname: name.toLowerCase(), args };
            }
            case 'ArrayExpressionContext':
                return { kind: 'index', line, target: sub(0), index: sub(1) };
            case 'NewExpressionContext':
                return this.creator(kid(ctx, 'creator'), line);
            case 'CastExpressionContext':
                return { kind: 'cast', line, type: this.type(kid(ctx, 'typeRef')), expr: sub(0) };
            case 'PostOpExpressionContext':
                return { kind: 'incdec', line, prefix: false, op: hasToken(ctx, 'INC') ? '+' : '-', target: sub(0) };
            case 'PreOpExpressionContext': {
                const op = tokenOf(ctx.children[0]);
                if (op === 'INC' || op === 'DEC') {
                    return { kind: 'incdec', line, prefix: true, op: op === 'INC' ? '+' : '-', target: sub(0) };
                }
                return { kind: 'unary', line, op: op === 'SUB' ? '-' : '+', expr: sub(0) };
            }
            case 'NegExpressionContext':
                return { kind: 'unary', line, op: hasToken(ctx, 'BANG') ? '!' : '~', expr: sub(0) };
            case 'Arth1ExpressionContext':
            case 'Arth2ExpressionContext':
            case 'BitAndExpressionContext':
            case 'BitOrExpressionContext':
            case 'BitNotExpressionContext':
            case 'BitExpressionContext':
            case 'CmpExpressionContext':
            case 'EqualityExpressionContext':
                return { kind: 'binary', line, op: this.operator(ctx), left: sub(0), right: sub(1) };
            case 'LogAndExpressionContext':
                return { kind: 'and', line, left: sub(0), right: sub(1) };
            case 'LogOrExpressionContext':
                return { kind: 'or', line, left: sub(0), right: sub(1) };
            case 'CoalExpressionContext':
                return { kind: 'coalesce', line, left: sub(0), right: sub(1) };
            case 'CondExpressionContext':
                return { kind: 'cond', line, test: sub(0), then: sub(1), else: sub(2) };
            case 'InstanceOfExpressionContext':
                return { kind: 'instanceof', line, expr: sub(0), type: this.type(kid(ctx, 'typeRef')) };
            case 'AssignExpressionContext': {
                const op = tokenOf(ctx.children.find((c) => c.symbol));
                const ops = {
                    ASSIGN: '=',
                    ADD_ASSIGN: '+',
                    SUB_ASSIGN: '-',
                    MUL_ASSIGN: '*',
                    DIV_ASSIGN: '/',
                    AND_ASSIGN: '&',
                    OR_ASSIGN: '|',
                    XOR_ASSIGN: '^',
                    RSHIFT_ASSIGN: '>>',
                    URSHIFT_ASSIGN: '>>>',
                    LSHIFT_ASSIGN: '<<'
                };
                const target = sub(0);
                if (!['name', 'dot', 'index'].includes(target.kind)) this.fail('assignment to a non-variable', ctx);
                return { kind: 'assign', line, op: ops[op], target, value: sub(1) };
            }
            default:
                return this.unsupported(`expression ${label.replace('Context', '')}`, ctx);
        }
    }

    /** The operator of a binary expression from its tokens ('>' '>' '>' is '>>>', '>' '=' is '>=', '<>' is '!='). */
    operator(ctx) {
        const map = {
            MUL: '*',
            DIV: '/',
            ADD: '+',
            SUB: '-',
            BITAND: '&',
            BITOR: '|',
            CARET: '^',
            TRIPLEEQUAL: '===',
            TRIPLENOTEQUAL: '!==',
            EQUAL: '==',
            NOTEQUAL: '!=',
            LESSANDGREATER: '!=',
            GT: '>',
            LT: '<',
            ASSIGN: '='
        };
        const text = tokens(ctx)
            .map((t) => map[t])
            .join('');
        return { '<<': '<<', '>>': '>>', '>>>': '>>>', '>=': '>=', '<=': '<=' }[text] ?? text;
    }

    primary(ctx) {
        const line = lineOf(ctx);
        switch (ctx.constructor.name) {
            case 'ThisPrimaryContext':
                return { kind: 'this', line };
            case 'SuperPrimaryContext':
                return { kind: 'super', line };
            case 'LiteralPrimaryContext': {
                const literal = kid(ctx, 'literal');
                return { kind: 'lit', line, value: this.literalValue(literal.children[0], literal) };
            }
            case 'IdPrimaryContext': {
                const name = ctx.getText();
                return { kind: 'name', line, name, lname: name.toLowerCase() };
            }
            case 'TypeRefPrimaryContext':
                return { kind: 'classLit', line, type: this.type(kid(ctx, 'typeRef')) };
            case 'VoidPrimaryContext':
                return this.unsupported('void.class', ctx);
            case 'SoqlPrimaryContext':
                return { kind: 'soql', line, query: kid(kid(ctx, 'soqlLiteral'), 'query'), file: this.file };
            case 'SoslPrimaryContext':
                return { kind: 'sosl', line };
            default:
                return this.unsupported(`primary ${ctx.constructor.name}`, ctx);
        }
    }

    /** A literal token's Apex value (Apex Developer Guide, "Primitive Data Types"). */
    literalValue(token, ctx) {
        const text = token.getText();
        switch (tokenOf(token)) {
            case 'IntegerLiteral': {
                const value = Number(text);
                // A literal beyond Integer's range does not compile; 2147483648 only as the operand of unary minus.
                if (value > 2147483648) this.fail(`Illegal integer: ${text}`, ctx);
                return value;
            }
            case 'LongLiteral':
                return BigInt(text.slice(0, -1));
            case 'NumberLiteral': {
                // A number with a decimal point is a Decimal; with the `d` suffix, a Double.
                if (/d$/i.test(text)) return new ApexDouble(Number(text.slice(0, -1)));
                const [whole, fraction = ''] = text.split('.');
                return new ApexDecimal(BigInt((whole || '0') + fraction), fraction.length);
            }
            case 'StringLiteral':
                return unescapeString(text.slice(1, -1), this, ctx);
            case 'MultilineStringLiteral':
                return unescapeString(text.slice(3, -3).replace(/^\r?\n/, ''), this, ctx);
            case 'BooleanLiteral':
                return text.toLowerCase() === 'true';
            case 'NULL':
                return null;
            default:
                return this.unsupported(`literal ${text}`, ctx);
        }
    }

    creator(ctx, line) {
        const pairs = kids(kid(ctx, 'createdName'), 'idCreatedNamePair');
        let args = [];
        const names = pairs.map((pair) => {
            const typeList = kid(pair, 'typeList');
            if (typeList) args = kids(typeList, 'typeRef').map((t) => this.type(t));
            return kid(pair, 'anyId').getText();
        });
        const type = { kind: 'type', name: names.join('.'), args, line };
        const rest = ctx.children[1];
        switch (ruleOf(rest)) {
            case 'noRest':
                return { kind: 'new', line, type, init: [] };
            case 'classCreatorRest': {
                const list = kid(kid(rest, 'arguments'), 'expressionList');
                const exprs = list ? kids(list, 'expression') : [];
                // `new Account(Name = 'x')`: name = value pairs (Apex Developer Guide, "SObject Types").
                if (exprs.length && exprs.every((e) => e.constructor.name === 'AssignExpressionContext')) {
                    const fields = exprs.map((e) => {
                        const node = this.expr(e);
                        if (node.op !== '=' || node.target.kind !== 'name') this.fail('bad field initializer', e);
                        return { name: node.target.name, value: node.value };
                    });
                    return { kind: 'new', line, type, fields };
                }
                return { kind: 'new', line, type, args: exprs.map((e) => this.expr(e)) };
            }
            case 'arrayCreatorRest': {
                const listType = { kind: 'type', name: 'List', args: [type], line };
                const size = kid(rest, 'expression');
                if (size) return { kind: 'new', line, type: listType, arraySize: this.expr(size) };
                const init = kid(rest, 'arrayInitializer');
                return { kind: 'new', line, type: listType, init: init ? this.args(init) : [] };
            }
            case 'mapCreatorRest':
                return {
                    kind: 'new',
                    line,
                    type,
                    mapInit: kids(rest, 'mapCreatorRestPair').map((p) => {
                        const [key, value] = kids(p, 'expression');
                        return [this.expr(key), this.expr(value)];
                    })
                };
            case 'setCreatorRest':
                return { kind: 'new', line, type, init: this.args(rest) };
            default:
                return this.unsupported('creator', ctx);
        }
    }
}

/** Apex string escapes (Apex Developer Guide, "Primitive Data Types", String): \b \t \n \f \r \" \' \\ \uXXXX. */
function unescapeString(body, converter, ctx) {
    if (!body.includes('\\')) return body;
    const simple = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', "'": "'", '\\': '\\' };
    return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (whole, code) => {
        if (code.length === 5) return String.fromCharCode(parseInt(code.slice(1), 16));
        if (code in simple) return simple[code];
        return converter.fail(`Illegal string literal: invalid escape ${whole}`, ctx);
    });
}

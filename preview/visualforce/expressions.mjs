// Visualforce expressions, the subset Tandem's pages use ("Visualforce Developer Guide", "Expression Syntax" and
// "Global Variables, Functions, and Expression Operators"): `{!name.path}` (a controller property or a repeat
// variable, then properties of what it holds; `.size` of a list), literals (numbers, 'strings', true, false,
// null), `!`/NOT, `&&`, `||`, `=`/`==`, `!=`/`<>`, `<`, `<=`, `>`, `>=`, IF(test, then, else) and HTMLENCODE(text)
// ("Encodes text and merge field values for use in HTML by replacing characters that are reserved in HTML", Salesforce
// Help, "HTMLENCODE"). Anything else
// is an error naming it: an expression the offline renderer cannot evaluate is never shown as blank.

const TOKEN =
    /\s*(?:(\d+(?:\.\d+)?)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(&&|\|\||==|!=|<>|<=|>=|[!=<>(),])|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*))/y;

function tokenize(text) {
    const tokens = [];
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < text.length) {
        if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
        const at = TOKEN.lastIndex;
        const match = TOKEN.exec(text);
        if (!match) throw new Error(`cannot read the expression {!${text}} at "${text.slice(at)}"`);
        if (match[1] !== undefined) tokens.push({ kind: 'number', value: Number(match[1]) });
        else if (match[2] !== undefined || match[3] !== undefined)
            tokens.push({ kind: 'string', value: (match[2] ?? match[3]).replace(/\\(.)/g, '$1') });
        else if (match[4] !== undefined) tokens.push({ kind: 'op', value: match[4] });
        else tokens.push({ kind: 'name', value: match[5] });
    }
    return tokens;
}

/** Parses the inside of `{!...}` into a small tree: { kind: 'literal'|'path'|'not'|'and'|'or'|'compare'|'if' }. */
export function parseExpression(text) {
    const tokens = tokenize(text);
    let i = 0;
    const peek = () => tokens[i];
    const isOp = (value) => peek()?.kind === 'op' && peek().value === value;
    const expect = (value) => {
        if (!isOp(value)) throw new Error(`{!${text}}: expected "${value}"`);
        i++;
    };
    const or = () => {
        let left = and();
        while (isOp('||')) {
            i++;
            left = { kind: 'or', left, right: and() };
        }
        return left;
    };
    const and = () => {
        let left = comparison();
        while (isOp('&&')) {
            i++;
            left = { kind: 'and', left, right: comparison() };
        }
        return left;
    };
    const comparison = () => {
        const left = unary();
        const op = peek();
        if (op?.kind === 'op' && ['=', '==', '!=', '<>', '<', '<=', '>', '>='].includes(op.value)) {
            i++;
            return { kind: 'compare', op: op.value, left, right: unary() };
        }
        return left;
    };
    const unary = () => {
        if (isOp('!')) {
            i++;
            return { kind: 'not', operand: unary() };
        }
        return primary();
    };
    const primary = () => {
        const token = tokens[i++];
        if (!token) throw new Error(`{!${text}}: the expression ends too early`);
        if (token.kind === 'number' || token.kind === 'string') return { kind: 'literal', value: token.value };
        if (token.kind === 'op' && token.value === '(') {
            const inner = or();
            expect(')');
            return inner;
        }
        if (token.kind === 'name') {
            const lower = token.value.toLowerCase();
            if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
            if (lower === 'null') return { kind: 'literal', value: null };
            if (isOp('(')) {
                i++;
                const args = [];
                if (!isOp(')')) {
                    args.push(or());
                    while (isOp(',')) {
                        i++;
                        args.push(or());
                    }
                }
                expect(')');
                if (lower === 'if' && args.length === 3) return { kind: 'if', args };
                if (lower === 'not' && args.length === 1) return { kind: 'not', operand: args[0] };
                if (lower === 'htmlencode' && args.length === 1) return { kind: 'htmlencode', operand: args[0] };
                throw new Error(`{!${text}}: the function ${token.value}() is not supported by the offline renderer`);
            }
            if (token.value.startsWith('$'))
                throw new Error(
                    `{!${text}}: the global variable ${token.value} is not supported by the offline renderer`
                );
            return { kind: 'path', path: token.value.split('.') };
        }
        throw new Error(`{!${text}}: unexpected "${token.value}"`);
    };
    const tree = or();
    if (i < tokens.length) throw new Error(`{!${text}}: unexpected "${tokens[i].value}"`);
    return tree;
}

/**
 * Evaluates a parsed expression. `resolve(path)` gives the value of a name path (the renderer reads controller
 * properties through the Apex runtime); `equals(a, b)` and `compare(a, b)` follow Apex; `htmlEncode(value)` is the
 * renderer's HTMLENCODE.
 */
export function evaluate(tree, { resolve, equals, compare, htmlEncode }) {
    const run = (node) => {
        switch (node.kind) {
            case 'literal':
                return node.value;
            case 'path':
                return resolve(node.path);
            case 'not':
                return !bool(run(node.operand));
            case 'and':
                return bool(run(node.left)) && bool(run(node.right));
            case 'or':
                return bool(run(node.left)) || bool(run(node.right));
            case 'if':
                return bool(run(node.args[0])) ? run(node.args[1]) : run(node.args[2]);
            case 'htmlencode':
                return htmlEncode(run(node.operand));
            case 'compare': {
                const left = run(node.left);
                const right = run(node.right);
                switch (node.op) {
                    case '=':
                    case '==':
                        return equals(left, right);
                    case '!=':
                    case '<>':
                        return !equals(left, right);
                    default: {
                        const order = compare(left, right);
                        if (node.op === '<') return order < 0;
                        if (node.op === '<=') return order <= 0;
                        if (node.op === '>') return order > 0;
                        return order >= 0;
                    }
                }
            }
            default:
                throw new Error(`unknown expression node ${node.kind}`);
        }
    };
    const bool = (value) => {
        if (value === true || value === false) return value;
        if (value === null || value === undefined) return false;
        throw new Error(`a Boolean was expected, not ${JSON.stringify(value)}`);
    };
    return run(tree);
}

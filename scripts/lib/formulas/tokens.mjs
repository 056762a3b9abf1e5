// Tokens. Salesforce formulas are case-insensitive and sformula is not, so the formula is re-emitted with
// function names upper-cased and field names spelled as in the metadata. Newlines are kept so that sformula's
// error positions still point at the right line of the XML.

const TOKEN =
    /(\s+)|(\/\*[\s\S]*?\*\/)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\d+(?:\.\d+)?|\.\d+)|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)|(<>|<=|>=|==|!=|&&|\|\||[-+*/^&=<>!(),])/y;
const KINDS = ['space', 'comment', 'string', 'number', 'name', 'operator'];

/** Splits a formula into tokens with their line and column; throws a FormulaSyntaxError at the first bad char. */
export function tokenize(text) {
    const tokens = [];
    let line = 1;
    let column = 1;
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < text.length) {
        const at = TOKEN.lastIndex;
        const match = TOKEN.exec(text);
        if (!match) {
            const rest = text.slice(at);
            const what = rest.startsWith('/*')
                ? 'unterminated comment'
                : /^["']/.test(rest)
                  ? 'unterminated text literal'
                  : `unexpected character ${JSON.stringify(rest[0])}`;
            throw new FormulaSyntaxError(what, line, column);
        }
        const kind = KINDS[match.slice(1).findIndex((group) => group !== undefined)];
        tokens.push({ kind, text: match[0], line, column });
        const newlines = match[0].split('\n').length - 1;
        if (newlines) {
            line += newlines;
            column = match[0].length - match[0].lastIndexOf('\n');
        } else {
            column += match[0].length;
        }
    }
    return tokens;
}

export class FormulaSyntaxError extends Error {
    constructor(message, line, column) {
        super(message);
        this.line = line;
        this.column = column;
    }
}

/** The index of the first token from `from` on that is neither space nor comment, or -1. */
export const significant = (tokens, from) => {
    for (let i = from; i < tokens.length; i++) if (tokens[i].kind !== 'space' && tokens[i].kind !== 'comment') return i;
    return -1;
};

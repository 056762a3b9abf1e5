// SOQL literals: strings, numbers, booleans, null, dates, date/times and date literals (TODAY, LAST_N_DAYS:n...),
// checked against the kind of the field they are compared with, as the platform checks them.
import { rule, tokens } from './tree.mjs';
import { queryError, unsupported } from './errors.mjs';

/**
 * SOQL and SOSL Reference, "Quoted String Escape Sequences": \n \r \t \b \f \" \' \\ and \uXXXX. `\%` and `\_`
 * stay escaped: they only mean something to LIKE, which reads them.
 */
export function decodeString(quoted) {
    const body = quoted.slice(1, -1);
    return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (whole, code) => {
        if (code[0] === 'u' && code.length === 5) return String.fromCharCode(parseInt(code.slice(1), 16));
        const simple = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' }[code];
        if (simple !== undefined) return simple;
        if (code === '%' || code === '_') return whole;
        queryError(`Invalid string literal '${quoted}'. Illegal character sequence '${whole}' in string literal.`);
    });
}

// SOQL and SOSL Reference, "Date Formats and Date Literals in WHERE": a date value filters date fields only, a
// dateTime value dateTime fields only; the error names the type the field needs.
const TYPE_WORDS = {
    date: 'date',
    datetime: 'dateTime',
    number: 'number',
    boolean: 'boolean',
    string: 'string',
    id: 'id',
    multi: 'string'
};

function mismatch(context, quoted) {
    const field = context.left?.ref?.field?.name ?? context.left?.name ?? 'value';
    const needs = TYPE_WORDS[context.kind];
    const quoting = ['string', 'id', 'multi'].includes(context.kind)
        ? 'should be enclosed in quotes'
        : 'should not be enclosed in quotes';
    queryError(`value of filter criterion for field '${field}' must be of type ${needs} and ${quoting}`);
}

const DATE_LITERAL_NAMES = new Set([
    'YESTERDAY',
    'TODAY',
    'TOMORROW',
    'LAST_WEEK',
    'THIS_WEEK',
    'NEXT_WEEK',
    'LAST_MONTH',
    'THIS_MONTH',
    'NEXT_MONTH',
    'LAST_90_DAYS',
    'NEXT_90_DAYS',
    'THIS_QUARTER',
    'LAST_QUARTER',
    'NEXT_QUARTER',
    'THIS_YEAR',
    'LAST_YEAR',
    'NEXT_YEAR',
    'THIS_FISCAL_QUARTER',
    'LAST_FISCAL_QUARTER',
    'NEXT_FISCAL_QUARTER',
    'THIS_FISCAL_YEAR',
    'LAST_FISCAL_YEAR',
    'NEXT_FISCAL_YEAR'
]);

/** The plan value of a literal `value` node compared (by context.op) with a field of kind context.kind. */
export function literalOf(node, context) {
    const [kind] = tokens(node);
    const text = node.getText();
    const { kind: fieldKind } = context;
    if (kind === 'NULL') return { kind: 'literal', type: 'null', value: null };
    if (kind === 'BooleanLiteral') {
        if (fieldKind !== 'boolean') mismatch(context);
        return { kind: 'literal', type: 'boolean', value: text.toLowerCase() === 'true' };
    }
    if (rule(node, 'signedNumber')) {
        if (fieldKind !== 'number') mismatch(context);
        return { kind: 'literal', type: 'number', value: Number(text) };
    }
    if (kind === 'StringLiteral') {
        if (!['string', 'id', 'multi'].includes(fieldKind)) mismatch(context);
        return { kind: 'literal', type: 'string', value: decodeString(text) };
    }
    if (kind === 'DateLiteral') {
        if (fieldKind !== 'date') mismatch(context);
        return { kind: 'literal', type: 'date', value: text };
    }
    if (kind === 'DateTimeLiteral') {
        if (fieldKind !== 'datetime') mismatch(context);
        const ms = Date.parse(text);
        if (Number.isNaN(ms)) queryError(`invalid dateTime value ${text}`);
        return { kind: 'literal', type: 'datetime', value: ms };
    }
    const formula = rule(node, 'dateFormula');
    if (formula) {
        if (fieldKind !== 'date' && fieldKind !== 'datetime') mismatch(context);
        const name = formula.children[0].getText().toUpperCase();
        const n = rule(formula, 'signedInteger');
        if (!n && !DATE_LITERAL_NAMES.has(name)) unsupported(`date literal ${name}`);
        return { kind: 'dateLiteral', name, n: n ? Number(n.getText()) : undefined, text: formula.getText() };
    }
    if (kind === 'TimeLiteral') unsupported('time literals');
    if (kind === 'IntegralCurrencyLiteral') unsupported('currency literals (USD5000)');
    if (kind === 'MultilineStringLiteral') unsupported('multi-line string literals');
    unsupported(`value ${text}`);
}

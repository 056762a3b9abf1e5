// Parsing Apex with @apexdevtools/apex-parser, and small helpers over its ANTLR parse tree. Syntax errors fail
// loudly with file:line: the platform refuses to save a class that does not compile.
import { ApexErrorListener, ApexLexer, ApexParser, ApexParserFactory } from '@apexdevtools/apex-parser';
import { ApexCompileError } from './errors.mjs';

class CollectingListener extends ApexErrorListener {
    errors = [];

    apexSyntaxError(line, column, message) {
        this.errors.push({ line, column, message });
    }
}

/** Parses `source` with the parser rule `rule` ('compilationUnit', 'triggerUnit', 'anonymousUnit', 'expression'). */
export function parseApex(source, rule, file = '<anonymous>') {
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    const tree = parser[rule]();
    if (listener.errors.length) {
        const first = listener.errors[0];
        const more = listener.errors.length > 1 ? ` (and ${listener.errors.length - 1} more)` : '';
        throw new ApexCompileError(`syntax error: ${first.message.replace(/\r?\n/g, '\\n')}${more}`, file, first.line);
    }
    return tree;
}

/** Grammar rule name of a context ('statement', 'expression'), or undefined for a token. */
export const ruleOf = (node) => (node?.ruleIndex === undefined ? undefined : ApexParser.ruleNames[node.ruleIndex]);

/** The token's symbolic name ('IntegerLiteral', 'DOT'), or undefined for a rule context. */
export const tokenOf = (node) => (node?.symbol ? ApexLexer.symbolicNames[node.symbol.type] : undefined);

/** Child rule contexts named `rule`. */
export const kids = (node, rule) => (node?.children ?? []).filter((child) => ruleOf(child) === rule);

/** First child rule context named `rule`, or undefined. */
export const kid = (node, rule) => (node?.children ?? []).find((child) => ruleOf(child) === rule);

/** Does `node` have a direct token child of this symbolic name. */
export const hasToken = (node, name) => (node?.children ?? []).some((child) => tokenOf(child) === name);

/** Symbolic names of the direct token children. */
export const tokens = (node) => (node?.children ?? []).filter((child) => child.symbol).map(tokenOf);

export const lineOf = (node) => node?.start?.line ?? node?.symbol?.line ?? 0;

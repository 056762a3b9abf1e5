// Small helpers over apex-parser parse trees, and parsing SOQL text (dynamic SOQL) into a `query` tree.
import { ApexErrorListener, ApexParser, ApexParserFactory } from '@apexdevtools/apex-parser';
import { queryError } from './errors.mjs';

export const ruleOf = (node) => (node?.ruleIndex === undefined ? undefined : ApexParser.ruleNames[node.ruleIndex]);
export const rules = (node, name) => (node?.children ?? []).filter((child) => ruleOf(child) === name);
export const rule = (node, name) => rules(node, name)[0];
/** Token children of a node (terminals), as upper-case symbolic names. */
export const tokens = (node) =>
    (node?.children ?? []).filter((child) => child.symbol).map((child) => ApexParser.symbolicNames[child.symbol.type]);
export const tokenText = (node, symbolic) =>
    (node?.children ?? [])
        .find((child) => child.symbol && ApexParser.symbolicNames[child.symbol.type] === symbolic)
        ?.getText();

class Collect extends ApexErrorListener {
    errors = [];
    apexSyntaxError(line, column, message) {
        this.errors.push({ line, column, message });
    }
}

/**
 * Parses dynamic SOQL. ANTLR recovers from errors (it would read `NOT Id IN` as a field named NOT), so any syntax
 * error is a QueryException, as Database.query raises for a malformed query (Apex Developer Guide, "Dynamic SOQL").
 */
export function parseSoqlText(text) {
    const listener = new Collect();
    const { parser } = ApexParserFactory.createLexerAndParser(text, listener);
    const tree = parser.query();
    const stop = tree.stop?.stop ?? -1;
    if (!listener.errors.length && stop < text.trimEnd().length - 1) {
        listener.errors.push({
            line: 1,
            column: stop + 1,
            message: `unexpected token: '${text.slice(stop + 1).trim()}'`
        });
    }
    if (listener.errors.length) {
        const [first] = listener.errors;
        queryError(
            `unexpected token in SOQL at line ${first.line} column ${first.column}: ${first.message.replace(/\r?\n/g, ' ')}`
        );
    }
    return tree;
}

/** The original source text of a parse-tree node, with its whitespace (getText() drops hidden tokens). */
export function sourceText(node) {
    const input = node.start?.getInputStream?.() ?? node.start?.inputStream;
    if (input && node.stop) return input.getText(node.start.start, node.stop.stop);
    return node.getText();
}

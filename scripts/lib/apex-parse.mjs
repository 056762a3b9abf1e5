// Parsing Apex source with @apexdevtools/apex-parser, collecting every syntax error instead of printing them.
import { readFileSync } from 'node:fs';
import { ApexErrorListener, ApexParser, ApexParserFactory } from '@apexdevtools/apex-parser';

class CollectingListener extends ApexErrorListener {
    errors = [];

    apexSyntaxError(line, column, message) {
        this.errors.push({ line, column, message });
    }
}

/**
 * Parses one `.cls` or `.trigger` file. Returns { tree, errors }: the parse tree (ANTLR recovers from errors, so a
 * tree always comes back, but it is only trustworthy when `errors` is empty) and the lexer and parser errors.
 */
export function parseApexFile(file) {
    return parseApexSource(readFileSync(file, 'utf8'), file.endsWith('.trigger') ? 'trigger' : 'class');
}

/** Parses Apex text as a class (compilation unit) or a trigger. */
export function parseApexSource(source, kind = 'class') {
    const listener = new CollectingListener();
    // The factory wires the listener to both lexer and parser: lexer errors (bad escapes, stray characters)
    // never reach a listener attached to the parser alone.
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    const tree = kind === 'trigger' ? parser.triggerUnit() : parser.compilationUnit();
    return { tree, errors: listener.errors };
}

/** Name of a parse-tree node's grammar rule ('query', 'fieldName', ...), or undefined for a token. */
export function ruleName(node) {
    return node?.ruleIndex === undefined ? undefined : ApexParser.ruleNames[node.ruleIndex];
}

/** Child rule nodes of `node` whose rule is `name`. */
export function childRules(node, name) {
    return (node?.children ?? []).filter((child) => ruleName(child) === name);
}

/** First child rule node of `node` whose rule is `name`, or undefined. */
export function childRule(node, name) {
    return childRules(node, name)[0];
}

/**
 * Every descendant of `node` (not `node` itself) whose rule is `name`, in source order. Does not look inside nodes
 * whose rule is listed in `stopAt`, nor inside the matches themselves.
 */
export function findRules(node, name, stopAt = []) {
    const found = [];
    const visit = (current) => {
        for (const child of current.children ?? []) {
            const childName = ruleName(child);
            if (childName === name) found.push(child);
            else if (childName !== undefined && !stopAt.includes(childName)) visit(child);
        }
    };
    visit(node);
    return found;
}

/**
 * ANTLR messages can list every token the grammar allowed ("expecting {'after', 'before', ... 200 more}") and can
 * quote raw newlines: keep short token sets, summarise long ones, and keep each message on one line.
 */
export function readableParserMessage(message) {
    return message
        .replace(/expecting \{([^}]*)\}/, (whole, tokens) => {
            const count = tokens.split(',').length;
            return count > 6 ? `expecting one of ${count} possible tokens` : whole;
        })
        .replace(/\r?\n/g, '\\n');
}

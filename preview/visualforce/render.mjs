// An offline Visualforce renderer for the subset of markup Tandem's pages use, so a page can be looked at, tested
// and turned into a PDF without an org. It reads the page's XML, constructs the page's custom controller through
// the Apex runtime in the transaction it is given (the viewing user, the page's parameters as
// ApexPages.currentPage()), and writes HTML:
//   <apex:page controller renderAs applyHtmlTag="false" ...>  the page ("apex:page" in the Visualforce
//       Developer Guide's Standard Component Reference); the page supplies its own <html> ("applyHtmlTag");
//   <apex:outputText value escape rendered style styleClass>  text, "escape" true unless set false; a style or
//       class wraps it in a <span> ("apex:outputText": "in which case the generated text is wrapped in an HTML
//       <span> tag");
//   <apex:outputPanel rendered layout styleClass style>  a <span> (layout inline, the default), a <div> (block)
//       or nothing around its children (none) ("apex:outputPanel");
//   <apex:repeat value var rendered>  its children once per element of a list ("apex:repeat");
//   plain HTML, with merge expressions ({!...}, expressions.mjs) in text and attribute values.
// Merge fields are HTML-escaped: "By default, nearly all Visualforce tags escape the XSS-vulnerable characters"
// (Visualforce Developer Guide, "Cross Site Scripting (XSS)"), and <apex:outputText> escapes unless
// escape="false"; what HTMLENCODE() returns is written as it is, already encoded ("Unescaped Output and Formulas in
// Visualforce Pages": the output of formula expressions "isn't escaped during rendering"). Any other tag or attribute of the apex namespace, and any other namespace, is an error naming
// it and the page: a page the offline renderer does not understand fails, it is never shown half rendered.
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ApexObject } from '../../apex-runtime/values/values.mjs';
import { ApexList, ApexMap, ApexSet } from '../../apex-runtime/values/collections.mjs';
import { ApexSObject } from '../../apex-runtime/values/sobject.mjs';
import { readField } from '../../apex-runtime/interpreter/calls.mjs';
import { pageReferenceOf, projectPages, setCurrentPage } from '../../apex-runtime/platform/pages.mjs';
import { evaluate, parseExpression } from './expressions.mjs';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);
const RAW_TEXT = new Set(['style', 'script']);

const PAGE_ATTRIBUTES = new Set([
    'controller',
    'renderas',
    'applyhtmltag',
    'applybodytag',
    'showheader',
    'sidebar',
    'standardstylesheets',
    'doctype',
    'title',
    'lightningstylesheets'
]);
const COMPONENT_ATTRIBUTES = {
    'apex:outputtext': new Set(['value', 'escape', 'rendered', 'style', 'styleclass', 'id']),
    'apex:outputpanel': new Set(['rendered', 'layout', 'style', 'styleclass', 'id']),
    'apex:repeat': new Set(['value', 'var', 'rendered', 'id'])
};

/** Text HTMLENCODE() produced: already encoded, written as it is. */
class Encoded {
    constructor(text) {
        this.text = text;
    }
}

export const escapeHtml = (text) =>
    String(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');

const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    allowBooleanAttributes: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false
});

/** The page's markup parsed: its root <apex:page> node. Markup that is not well-formed XML fails with its line. */
export function parsePage(file) {
    const text = readFileSync(file, 'utf8');
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error(`${file}:${valid.err.line}: ${valid.err.msg}`);
    const roots = parser.parse(text).filter((node) => !('#text' in node) || node['#text'].trim());
    const page = roots.find((node) => tagOf(node) === 'apex:page');
    if (!page || roots.length !== 1) throw new Error(`${file}: a page is one <apex:page> element`);
    return page;
}

const tagOf = (node) => Object.keys(node).find((key) => key !== ':@');
const attributesOf = (node) => node[':@'] ?? {};
const childrenOf = (node) => node[tagOf(node)] ?? [];

/**
 * Renders the page `pageName` of the project in the transaction `rt` with `parameters` (the page's query string):
 * returns { html, renderAs, controller } (renderAs: 'pdf' or null).
 */
export function renderPage(rt, { pageName, parameters = {} }) {
    const entry = projectPages(rt.program).get(String(pageName).toLowerCase());
    if (!entry) throw new Error(`no Visualforce page ${pageName} in the project`);
    const page = parsePage(entry.file);
    const where = `${entry.name}.page`;
    const attributes = attributesOf(page);
    for (const name of Object.keys(attributes)) {
        if (!PAGE_ATTRIBUTES.has(name.toLowerCase()))
            throw new Error(`${where}: <apex:page ${name}> is not supported by the offline Visualforce renderer`);
    }
    if (String(attributes.applyHtmlTag ?? 'true') !== 'false')
        throw new Error(`${where}: the offline renderer needs applyHtmlTag="false" (the page writes its own <html>)`);
    if (!attributes.controller) throw new Error(`${where}: the offline renderer needs a custom controller`);

    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(parameters))
        if (value !== null && value !== undefined) query.append(key, value);
    const text = query.toString();
    setCurrentPage(rt, pageReferenceOf(rt, `/apex/${entry.name}${text ? `?${text}` : ''}`));
    const controller = rt.newInstance({ name: attributes.controller });

    const context = { rt, where, controller, scopes: [] };
    const html = `<!DOCTYPE html>\n${renderChildren(childrenOf(page), context)}`;
    return { html, renderAs: String(attributes.renderAs ?? '').toLowerCase() || null, controller };
}

function renderChildren(nodes, context) {
    let out = '';
    for (const node of nodes) out += renderNode(node, context);
    return out;
}

function renderNode(node, context, rawText = false) {
    if ('#text' in node) return mergeText(node['#text'], context, !rawText);
    const tag = tagOf(node);
    const lower = tag.toLowerCase();
    if (lower.startsWith('apex:')) return renderComponent(lower, node, context);
    if (lower.includes(':'))
        throw new Error(`${context.where}: <${tag}> is not supported by the offline Visualforce renderer`);
    const attributes = Object.entries(attributesOf(node))
        .map(([name, value]) =>
            value === true ? ` ${name}` : ` ${name}="${mergeText(String(value), context, true, true)}"`
        )
        .join('');
    if (VOID.has(lower)) return `<${tag}${attributes}>`;
    const raw = RAW_TEXT.has(lower);
    let inner = '';
    for (const child of childrenOf(node)) inner += renderNode(child, context, raw);
    return `<${tag}${attributes}>${inner}</${tag}>`;
}

function renderComponent(tag, node, context) {
    const allowed = COMPONENT_ATTRIBUTES[tag];
    if (!allowed) throw new Error(`${context.where}: <${tag}> is not supported by the offline Visualforce renderer`);
    const attributes = {};
    for (const [name, value] of Object.entries(attributesOf(node))) {
        if (!allowed.has(name.toLowerCase()))
            throw new Error(`${context.where}: <${tag} ${name}> is not supported by the offline Visualforce renderer`);
        attributes[name.toLowerCase()] = value;
    }
    if ('rendered' in attributes && !booleanAttribute(attributes.rendered, context, tag, 'rendered')) return '';
    const wrap = (inner, layoutTag) => {
        if (!layoutTag) return inner;
        const cls = attributes.styleclass ? ` class="${escapeHtml(valueOf(attributes.styleclass, context))}"` : '';
        const style = attributes.style ? ` style="${escapeHtml(valueOf(attributes.style, context))}"` : '';
        return `<${layoutTag}${cls}${style}>${inner}</${layoutTag}>`;
    };
    switch (tag) {
        case 'apex:outputtext': {
            if (childrenOf(node).some((child) => !('#text' in child) || child['#text'].trim()))
                throw new Error(
                    `${context.where}: <apex:outputText> with children (apex:param) is not supported offline`
                );
            const escape = 'escape' in attributes ? booleanAttribute(attributes.escape, context, tag, 'escape') : true;
            const value = 'value' in attributes ? valueOf(attributes.value, context) : '';
            const text = escape ? escapeHtml(value) : value;
            return wrap(text, attributes.style || attributes.styleclass ? 'span' : null);
        }
        case 'apex:outputpanel': {
            const layout = String(attributes.layout ?? 'inline').toLowerCase();
            if (!['inline', 'block', 'none'].includes(layout))
                throw new Error(`${context.where}: <apex:outputPanel layout="${layout}"> is not a layout`);
            const inner = renderChildren(childrenOf(node), context);
            return wrap(inner, { inline: 'span', block: 'div', none: null }[layout]);
        }
        case 'apex:repeat': {
            if (!attributes.var || !attributes.value)
                throw new Error(`${context.where}: <apex:repeat> needs value and var`);
            const items = expressionValue(attributes.value, context);
            if (items === null) return '';
            if (!(items instanceof ApexList) && !(items instanceof ApexSet))
                throw new Error(`${context.where}: <apex:repeat value="${attributes.value}"> is not a list`);
            let out = '';
            for (const item of items) {
                context.scopes.push({ name: attributes.var.toLowerCase(), value: item });
                try {
                    out += renderChildren(childrenOf(node), context);
                } finally {
                    context.scopes.pop();
                }
            }
            return out;
        }
        default:
            throw new Error(`${context.where}: <${tag}> is not supported by the offline Visualforce renderer`);
    }
}

const MERGE = /\{!((?:[^}'"]|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")*)\}/g;

/**
 * Text with its merge expressions replaced by their values, which are HTML-escaped. The literal text (which the
 * XML parser decoded) is escaped again, except in the raw text of <style> and <script>.
 */
function mergeText(text, context, escapeLiteral, inAttribute = false) {
    const literal = (part) =>
        !escapeLiteral
            ? part
            : inAttribute
              ? escapeHtml(part)
              : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    let out = '';
    let last = 0;
    for (const match of text.matchAll(MERGE)) {
        out += literal(text.slice(last, match.index));
        const value = evaluateIn(match[1], context);
        out += value instanceof Encoded ? value.text : escapeHtml(textOf(value, context));
        last = match.index + match[0].length;
    }
    return out + literal(text.slice(last));
}

/** An attribute that is one expression ("{!x}") gives its value; anything else is text with merged values. */
function expressionValue(attribute, context) {
    const match = /^\s*\{!(.*)\}\s*$/s.exec(String(attribute));
    if (!match) throw new Error(`${context.where}: "${attribute}" is not an expression`);
    return evaluateIn(match[1], context);
}

function valueOf(attribute, context) {
    const text = String(attribute);
    const whole = /^\s*\{!(.*)\}\s*$/s.exec(text);
    if (whole) return textOf(evaluateIn(whole[1], context), context);
    return text.replace(MERGE, (all, expression) => textOf(evaluateIn(expression, context), context));
}

function booleanAttribute(attribute, context, tag, name) {
    const text = String(attribute).trim();
    if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
    const value = expressionValue(text, context);
    if (value !== true && value !== false && value !== null)
        throw new Error(`${context.where}: <${tag} ${name}="${text}"> is not a Boolean`);
    return value === true;
}

function evaluateIn(expression, context) {
    const { rt } = context;
    try {
        return evaluate(parseExpression(expression), {
            resolve: (path) => resolvePath(path, context),
            equals: (a, b) => rt.equals(a, b),
            compare: (a, b) => rt.compare(a, b),
            htmlEncode: (value) => new Encoded(escapeHtml(textOf(value, context)))
        });
    } catch (error) {
        if (error.name === 'ApexThrow' || error.name === 'UnsupportedError') throw error;
        throw new Error(`${context.where}: ${error.message}`, { cause: error });
    }
}

/** The text a value prints as: nothing for null, Apex's String.valueOf otherwise. */
function textOf(value, context) {
    if (value === null || value === undefined) return '';
    if (value instanceof Encoded) return value.text;
    if (typeof value === 'string') return value;
    return context.rt.toString(value);
}

function resolvePath(path, context) {
    const [first, ...rest] = path;
    const scope = [...context.scopes].reverse().find((entry) => entry.name === first.toLowerCase());
    let value = scope ? scope.value : property(context.controller, first, context, path);
    for (const name of rest) {
        if (value === null || value === undefined) return null;
        value = property(value, name, context, path);
    }
    return value;
}

/**
 * A property as Visualforce reads it: a public property (its getter runs) or a public get<Name>() method of an
 * Apex object, a field of an sObject, the size of a list, set or map. Others are an error naming the expression.
 */
function property(target, name, context, path) {
    const { rt } = context;
    const lname = name.toLowerCase();
    if (target instanceof ApexObject && !target.cls.builtin) {
        const field = target.cls.findField(lname);
        if (field && !field.isStatic && isVisible(field.modifiers)) return readField(rt, target, field, null);
        const getter = rt.userMethod(target, `get${lname}`, 0);
        if (getter && isVisible(getter.modifiers)) return rt.call(target, `get${name}`, []);
        throw new Error(`Unknown property '${target.cls.name}.${name}' in {!${path.join('.')}}`);
    }
    if (target instanceof ApexSObject) return target.get(name, rt);
    if ((target instanceof ApexList || target instanceof ApexSet || target instanceof ApexMap) && lname === 'size')
        return target.size();
    throw new Error(`{!${path.join('.')}}: cannot read ${name} of ${rt.toString(target)} offline`);
}

const isVisible = (modifiers) => modifiers?.has?.('public') || modifiers?.has?.('global');

// Converts apex-parser compilation units, triggers and anonymous blocks into declaration objects the class model
// (model.mjs) is built from. Modifiers are lower-case strings ('public', 'static', 'with sharing', 'testmethod');
// annotations a Map of lower-case name -> { name, params: { lowercase key: value } }.
import { Converter } from './ast-code.mjs';
import { hasToken, kid, kids, lineOf, ruleOf } from './parse.mjs';

export function modifiersOf(modifierCtxs, converter) {
    const modifiers = new Set();
    const annotations = new Map();
    for (const mod of modifierCtxs) {
        const annotation = kid(mod, 'annotation');
        if (!annotation) {
            modifiers.add(
                mod.children
                    .map((c) => c.getText().toLowerCase())
                    .join(' ')
                    .replace(/\s+/g, ' ')
            );
            continue;
        }
        const name = kid(annotation, 'id').getText();
        const params = {};
        const pairs = kid(annotation, 'elementValuePairs');
        for (const pair of kids(pairs, 'elementValuePair')) {
            const literal = kid(kid(pair, 'elementValue'), 'literal');
            params[kid(pair, 'id').getText().toLowerCase()] = converter.literalValue(literal.children[0], literal);
        }
        const single = kid(annotation, 'elementValue');
        if (single) {
            const literal = kid(single, 'literal');
            params.value = converter.literalValue(literal.children[0], literal);
        }
        annotations.set(name.toLowerCase(), { name, params });
    }
    return { modifiers, annotations };
}

function params(converter, formalParameters) {
    const list = kid(formalParameters, 'formalParameterList');
    return kids(list, 'formalParameter').map((p) => {
        const name = kid(p, 'id').getText();
        return { name, lname: name.toLowerCase(), type: converter.type(kid(p, 'typeRef')) };
    });
}

/** A member or type declaration (`memberDeclaration`, `triggerMemberDeclaration`, ...) with its modifiers. */
function member(converter, decl, modifierCtxs) {
    const { modifiers, annotations } = modifiersOf(modifierCtxs, converter);
    const inner = decl.children[0];
    const line = lineOf(inner);
    const base = { line, modifiers, annotations };
    switch (ruleOf(inner)) {
        case 'classDeclaration':
        case 'interfaceDeclaration':
        case 'enumDeclaration':
            return typeDeclaration(converter, inner, modifiers, annotations);
        case 'fieldDeclaration': {
            const decls = kids(kid(inner, 'variableDeclarators'), 'variableDeclarator').map((d) =>
                converter.declarator(d)
            );
            // A field declaration with an initialiser is an executable line ("Code Coverage Best Practices").
            if (decls.some((d) => d.init)) converter.cov.executable.add(line);
            return { kind: 'field', ...base, cov: converter.cov, type: converter.type(kid(inner, 'typeRef')), decls };
        }
        case 'propertyDeclaration': {
            const name = kid(inner, 'id').getText();
            const accessor = (rule) => {
                const block = kids(inner, 'propertyBlock').find((b) => kid(b, rule));
                if (!block) return null;
                const body = kid(kid(block, rule), 'block');
                return {
                    modifiers: modifiersOf(kids(block, 'modifier'), converter).modifiers,
                    body: body ? converter.block(body) : null
                };
            };
            return {
                kind: 'property',
                ...base,
                type: converter.type(kid(inner, 'typeRef')),
                name,
                lname: name.toLowerCase(),
                getter: accessor('getter'),
                setter: accessor('setter')
            };
        }
        case 'methodDeclaration': {
            const name = kid(inner, 'id').getText();
            const body = kid(inner, 'block');
            const typeRef = kid(inner, 'typeRef');
            return {
                kind: 'method',
                ...base,
                name,
                lname: name.toLowerCase(),
                returnType: typeRef ? converter.type(typeRef) : null,
                params: params(converter, kid(inner, 'formalParameters')),
                body: body ? converter.block(body) : null
            };
        }
        case 'constructorDeclaration':
            return {
                kind: 'ctor',
                ...base,
                name: kid(inner, 'qualifiedName').getText(),
                params: params(converter, kid(inner, 'formalParameters')),
                body: converter.block(kid(inner, 'block'))
            };
        default:
            return converter.unsupported(`declaration ${ruleOf(inner)}`, inner);
    }
}

/** classDeclaration / interfaceDeclaration / enumDeclaration -> a type declaration object. */
export function typeDeclaration(converter, ctx, modifiers, annotations) {
    const rule = ruleOf(ctx);
    const name = kid(ctx, 'id').getText();
    const decl = {
        kind: rule.replace('Declaration', ''),
        name,
        line: lineOf(ctx),
        file: converter.file,
        modifiers,
        annotations,
        extends: null,
        implements: [],
        members: [],
        enumValues: []
    };
    if (rule === 'enumDeclaration') {
        decl.enumValues = kids(kid(ctx, 'enumConstants'), 'id').map((id) => id.getText());
        return decl;
    }
    if (rule === 'interfaceDeclaration') {
        decl.implements = kids(kid(ctx, 'typeList'), 'typeRef').map((t) => converter.type(t));
        for (const method of kids(kid(ctx, 'interfaceBody'), 'interfaceMethodDeclaration')) {
            const typeRef = kid(method, 'typeRef');
            const methodName = kid(method, 'id').getText();
            decl.members.push({
                kind: 'method',
                line: lineOf(method),
                modifiers: new Set(['abstract', 'public']),
                annotations: new Map(),
                name: methodName,
                lname: methodName.toLowerCase(),
                returnType: typeRef ? converter.type(typeRef) : null,
                params: params(converter, kid(method, 'formalParameters')),
                body: null
            });
        }
        return decl;
    }
    const superRef = kid(ctx, 'typeRef');
    if (superRef) decl.extends = converter.type(superRef);
    decl.implements = kids(kid(ctx, 'typeList'), 'typeRef').map((t) => converter.type(t));
    for (const body of kids(kid(ctx, 'classBody'), 'classBodyDeclaration')) {
        const memberCtx = kid(body, 'memberDeclaration');
        if (memberCtx) {
            decl.members.push(member(converter, memberCtx, kids(body, 'modifier')));
            continue;
        }
        const block = kid(body, 'block');
        if (block) {
            decl.members.push({
                kind: 'init',
                line: lineOf(block),
                isStatic: hasToken(body, 'STATIC'),
                body: converter.block(block)
            });
        }
    }
    return decl;
}

/** A compilationUnit tree -> its top-level type declaration. */
export function convertCompilationUnit(tree, file, cov) {
    const converter = new Converter(file, cov);
    const typeDecl = kid(tree, 'typeDeclaration');
    const { modifiers, annotations } = modifiersOf(kids(typeDecl, 'modifier'), converter);
    const inner = typeDecl.children.find((c) => ruleOf(c)?.endsWith('Declaration'));
    return typeDeclaration(converter, inner, modifiers, annotations);
}

/** A triggerUnit tree -> { kind: 'trigger', name, object, events, members, body }. */
export function convertTrigger(tree, file, cov) {
    const converter = new Converter(file, cov);
    const [name, object] = kids(tree, 'id').map((id) => id.getText());
    const events = kids(tree, 'triggerCase').map((c) =>
        c
            .getText()
            .replace(/^(before|after)/i, '$1 ')
            .toLowerCase()
    );
    const { members, body } = blockMembers(converter, kids(kid(tree, 'triggerBlock'), 'triggerBlockMember'));
    return { kind: 'trigger', name, object, events, members, body, file, line: lineOf(tree) };
}

/** An anonymousUnit tree -> { members, body }. */
export function convertAnonymous(tree, file, cov) {
    const converter = new Converter(file, cov);
    return blockMembers(converter, kids(kid(tree, 'anonymousBlock'), 'anonymousBlockMember'));
}

/** Trigger and anonymous blocks mix member declarations (methods, inner classes...) and statements. */
function blockMembers(converter, memberCtxs) {
    const members = [];
    const statements = [];
    for (const ctx of memberCtxs) {
        const statement = kid(ctx, 'statement');
        if (statement) statements.push(converter.statement(statement));
        else {
            const decl = ctx.children.find((c) => ruleOf(c)?.endsWith('MemberDeclaration'));
            const field = kid(decl, 'fieldDeclaration');
            // `Integer i = 1;` at the top of a trigger or anonymous block parses as a field declaration, but runs
            // as a local variable declaration, in order with the statements around it.
            if (field) statements.push(converter.localDeclaration(field));
            else members.push(member(converter, decl, kids(ctx, 'modifier')));
        }
    }
    return { members, body: { kind: 'block', line: 0, body: statements } };
}

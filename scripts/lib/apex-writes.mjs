// Finds assignments in Apex to fields that Apex cannot write: formula, roll-up summary and auto-number fields, audit
// fields and the few standard fields the platform sets itself (apex-schema.mjs's readOnlyReason). The compiler
// refuses them on deploy ("Field is not writeable: Object.Field"; Apex Developer Guide, "Assignment Statements": an
// sObject field on the left of `=` must be one the user can edit, and `a.CreatedDate = ...` "is invalid because
// createdDate is read-only"). SObject.put with such a field fails at run time instead (Apex Reference, "SObject
// Class", put), with the same cause.
//
// Only writes whose target type is certain are reported: `new X(Field = value)` where X is an SObject type,
// `v.Field = value` (also `+=`, `++`) and `v.put('Field', value)` where `v` is a local variable, parameter, loop or
// `when` variable, or a field of the enclosing class (or `this.v`), declared with an SObject type. Anything else
// (list elements, method results, generic SObject variables, relationship paths) is left to the offline Apex
// runtime, which refuses the same writes when the code runs.
import {
    AssignExpressionContext,
    DotExpressionContext,
    IdPrimaryContext,
    LiteralPrimaryContext,
    NewExpressionContext,
    PostOpExpressionContext,
    PreOpExpressionContext,
    PrimaryExpressionContext,
    ThisPrimaryContext
} from '@apexdevtools/apex-parser';
import { childRule, childRules, ruleName } from './apex-parse.mjs';

const lower = (text) => text.toLowerCase();
const INCREMENTS = new Set(['++', '--']);

/** Every node of the tree below `node`, depth first, in source order. */
function* descendants(node) {
    for (const child of node.children ?? []) {
        yield child;
        yield* descendants(child);
    }
}

/** Names of the classes declared in a parse tree, inner classes included. */
export function declaredClassNames(tree) {
    const names = [];
    for (const node of descendants(tree)) {
        if (ruleName(node) === 'classDeclaration') names.push(childRule(node, 'id').getText());
    }
    return names;
}

/** `id` when `expression` is a bare identifier, else undefined. */
function identifierOf(expression) {
    if (!(expression instanceof PrimaryExpressionContext)) return undefined;
    const primary = expression.children[0];
    return primary instanceof IdPrimaryContext ? primary.getText() : undefined;
}

/** True when `expression` is `this`. */
function isThis(expression) {
    return expression instanceof PrimaryExpressionContext && expression.children[0] instanceof ThisPrimaryContext;
}

/** The declarations (typeRef and names) a variable-declaring node introduces. */
function declarationsOf(node) {
    const rule = ruleName(node);
    if (rule === 'localVariableDeclaration' || rule === 'fieldDeclaration') {
        const names = childRules(childRule(node, 'variableDeclarators'), 'variableDeclarator').map((declarator) =>
            childRule(declarator, 'id').getText()
        );
        return [{ typeRef: childRule(node, 'typeRef'), names }];
    }
    if (rule === 'propertyDeclaration' || rule === 'formalParameter' || rule === 'enhancedForControl') {
        return [{ typeRef: childRule(node, 'typeRef'), names: [childRule(node, 'id').getText()] }];
    }
    if (rule === 'whenValue' && childRule(node, 'typeRef')) {
        return [{ typeRef: childRule(node, 'typeRef'), names: [childRule(node, 'id').getText()] }];
    }
    if (rule === 'catchClause') {
        // The exception variable: never an SObject, but it shadows any field of the same name.
        return [{ typeRef: undefined, names: [childRule(node, 'id').getText()] }];
    }
    return [];
}

/** A declaration of `name` among `nodes`' declarations: { typeRef } (typeRef undefined for non-SObject types). */
function findIn(nodes, name) {
    for (const node of nodes) {
        for (const declaration of declarationsOf(node)) {
            if (declaration.names.some((declared) => lower(declared) === lower(name))) return declaration;
        }
    }
    return undefined;
}

/** The member declarations (fields, properties) of a class body or a trigger's block. */
function membersOf(body) {
    const rule = ruleName(body);
    if (rule === 'classBody') {
        return childRules(body, 'classBodyDeclaration')
            .map((declaration) => childRule(declaration, 'memberDeclaration'))
            .map((member) => childRule(member, 'fieldDeclaration') ?? childRule(member, 'propertyDeclaration'))
            .filter(Boolean);
    }
    return childRules(body, 'triggerBlockMember')
        .map((member) => childRule(childRule(member, 'triggerMemberDeclaration'), 'fieldDeclaration'))
        .filter(Boolean);
}

/** Local variable declarations of the statements of `block` up to and including `upTo`. */
function localsBefore(block, upTo) {
    const locals = [];
    for (const child of block.children ?? []) {
        const statement = ruleName(child) === 'triggerBlockMember' ? childRule(child, 'statement') : child;
        const declaration = childRule(statement, 'localVariableDeclarationStatement');
        if (declaration) locals.push(childRule(declaration, 'localVariableDeclaration'));
        if (child === upTo) break;
    }
    return locals;
}

/**
 * The declaration `name` refers to at `node`, found the way Apex scopes names: the enclosing blocks' earlier
 * locals, loop, `when` and catch variables, the method's parameters, then the enclosing class's (or trigger's)
 * fields. Undefined when not declared there (an outer class's static, an inherited field: not certain).
 */
function resolveVariable(node, name, { fieldsOnly = false } = {}) {
    let child = node;
    for (let parent = node.parentCtx; parent; child = parent, parent = parent.parentCtx) {
        const rule = ruleName(parent);
        let found;
        if (rule === 'classBody' || rule === 'triggerBlock') {
            found = findIn(membersOf(parent), name);
            if (found) return found;
            if (rule === 'classBody') return undefined;
        }
        if (fieldsOnly) continue;
        if (rule === 'block' || rule === 'triggerBlock') found = findIn(localsBefore(parent, child), name);
        else if (rule === 'forStatement') {
            const control = childRule(parent, 'forControl');
            const init = childRule(childRule(control, 'forInit'), 'localVariableDeclaration');
            found = findIn([childRule(control, 'enhancedForControl'), init].filter(Boolean), name);
        } else if (rule === 'whenControl') found = findIn([childRule(parent, 'whenValue')], name);
        else if (rule === 'catchClause') found = findIn([parent], name);
        else if (rule === 'methodDeclaration' || rule === 'constructorDeclaration') {
            const list = childRule(childRule(parent, 'formalParameters'), 'formalParameterList');
            found = findIn(childRules(list, 'formalParameter'), name);
        }
        if (found) return found;
    }
    return undefined;
}

/** The SObject type a typeRef names (`Plan__c`, `Schema.Opportunity`), or undefined for anything else. */
function sobjectTypeName(typeRef, classNames) {
    if (!typeRef || childRule(typeRef, 'arraySubscripts')?.getText()) return undefined;
    const names = childRules(typeRef, 'typeName');
    if (names.some((name) => childRule(name, 'typeArguments'))) return undefined;
    const parts = names.map((name) => name.getText());
    if (parts.length === 2 && lower(parts[0]) === 'schema') parts.shift();
    // An Apex class of the same name would win over the SObject type: not certain, so not reported.
    if (parts.length !== 1 || classNames.has(lower(parts[0]))) return undefined;
    return parts[0];
}

/**
 * Returns [{ line, message }] for every certain write in the tree to a field Apex cannot write. `classNames` are the
 * project's Apex class names (top-level and inner), lower-cased: a variable of such a type is not an SObject.
 */
export function checkWrites(tree, schema, classNames = new Set()) {
    const problems = [];
    const objectOf = (typeName) => {
        const object = typeName ? schema.object(typeName) : undefined;
        return object && !object.open ? object : undefined;
    };
    const report = (node, object, field) => {
        const reason = object.readOnlyReason(field);
        if (!reason) return;
        problems.push({
            line: node.start.line,
            message: `Field is not writeable: ${object.name}.${object.field(field)} (${reason})`
        });
    };
    /** The SObject type of the record an expression names (`v` or `this.v`), or undefined when not certain. */
    const recordObject = (expression) => {
        const name = identifierOf(expression);
        let declaration;
        if (name) declaration = resolveVariable(expression, name);
        else if (expression instanceof DotExpressionContext && isThis(expression.children[0])) {
            const member = childRule(expression, 'anyId');
            if (member) declaration = resolveVariable(expression, member.getText(), { fieldsOnly: true });
        }
        return objectOf(sobjectTypeName(declaration?.typeRef, classNames));
    };
    /** `record.Field` as an assignment target: reports it when the field is read-only. */
    const checkTarget = (target) => {
        if (!(target instanceof DotExpressionContext)) return;
        const field = childRule(target, 'anyId');
        if (!field) return;
        const object = recordObject(target.children[0]);
        if (object) report(target, object, field.getText());
    };

    for (const node of descendants(tree)) {
        if (node instanceof AssignExpressionContext) {
            checkTarget(node.children[0]);
        } else if (node instanceof PostOpExpressionContext || node instanceof PreOpExpressionContext) {
            const operator = node.children.find((child) => ruleName(child) === undefined);
            const operand = node.children.find((child) => ruleName(child) === 'expression');
            if (INCREMENTS.has(operator?.getText())) checkTarget(operand);
        } else if (node instanceof NewExpressionContext) {
            checkConstructor(node);
        } else if (node instanceof DotExpressionContext && childRule(node, 'dotMethodCall')) {
            checkPut(node);
        }
    }

    /** `new X(Field = value, ...)`: name = value pairs only exist for SObject types. */
    function checkConstructor(node) {
        const creator = childRule(node, 'creator');
        const pairs = childRules(childRule(creator, 'createdName'), 'idCreatedNamePair');
        if (pairs.some((pair) => childRule(pair, 'typeList'))) return;
        const parts = pairs.map((pair) => pair.getText());
        if (parts.length === 2 && lower(parts[0]) === 'schema') parts.shift();
        if (parts.length !== 1 || classNames.has(lower(parts[0]))) return;
        const object = objectOf(parts[0]);
        const list = childRule(childRule(childRule(creator, 'classCreatorRest'), 'arguments'), 'expressionList');
        if (!object || !list) return;
        for (const argument of childRules(list, 'expression')) {
            if (!(argument instanceof AssignExpressionContext)) continue;
            const field = identifierOf(argument.children[0]);
            if (field) report(argument, object, field);
        }
    }

    /** `record.put('Field', value)` with a literal field name. */
    function checkPut(node) {
        const call = childRule(node, 'dotMethodCall');
        if (lower(childRule(call, 'anyId').getText()) !== 'put') return;
        const args = childRules(childRule(call, 'expressionList'), 'expression');
        const literal = args[0]?.children?.[0];
        if (args.length !== 2 || !(literal instanceof LiteralPrimaryContext)) return;
        const text = literal.getText();
        if (!/^'[A-Za-z][A-Za-z0-9_]*'$/.test(text)) return;
        const object = recordObject(node.children[0]);
        if (object) report(node, object, text.slice(1, -1));
    }

    return problems;
}

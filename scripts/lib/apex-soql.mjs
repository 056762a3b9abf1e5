// Checks the names inside static SOQL ([SELECT ...] in Apex) against the schema: the FROM object, every field and
// relationship path in SELECT, WHERE, GROUP BY, HAVING and ORDER BY, child relationships of subqueries, semi-join
// subqueries and TYPEOF branches. The Apex compiler checks these on deploy; the offline language server does not.
// Also checks that WHERE and ORDER BY only use fields of types the platform lets a query filter or sort on.
import { childRule, childRules, findRules, ruleName } from './apex-parse.mjs';

// Bind expressions (`:ids`, `:[SELECT ...]`) are Apex, not SOQL names: never resolve identifiers inside them.
const APEX_IN_SOQL = 'boundExpression';

/** The `query` node of every [SELECT ...] literal in an Apex parse tree, including ones nested in binds. */
function staticQueries(tree) {
    const queries = [];
    const visit = (node) => {
        for (const child of node.children ?? []) {
            if (ruleName(child) === 'soqlLiteral') queries.push(childRule(child, 'query'));
            if (child.children) visit(child);
        }
    };
    visit(tree);
    return queries.filter(Boolean);
}

/** Why `segment` cannot be followed from `object` in a path like `segment.Name`. */
function whyNotARelationship(object, segment) {
    if (object.child(segment)) return `${segment} on ${object.name} is a child relationship (use a subquery)`;
    if (object.field(segment)) return `${segment} on ${object.name} is a field, not a relationship,`;
    return `unknown relationship ${segment} on ${object.name}`;
}

// Field types a clause refuses, with how to call them in a message. WHERE: SOQL and SOSL Reference, "fieldExpression
// Syntax": the field "can be any field except a long text area field, encrypted data field, or base64-encoded field"
// (a rich text area is a long text area). ORDER BY: SOQL and SOSL Reference, "ORDER BY": multi-select picklist, rich
// text area and long text area fields are not supported.
const RESTRICTED_TYPES = {
    whereClause: {
        verb: 'filtered in a SOQL WHERE clause',
        types: { LongTextArea: 'a long text area', Html: 'a rich text area', EncryptedText: 'an encrypted field' }
    },
    orderByClause: {
        verb: 'sorted in SOQL ORDER BY',
        types: {
            LongTextArea: 'a long text area',
            Html: 'a rich text area',
            MultiselectPicklist: 'a multi-select picklist'
        }
    }
};

// Profile.Name is the profile's label, not an API name ("Profile" in the Object Reference lists no API name; a
// Salesforce product manager on Salesforce Stack Exchange, "Know if is a custom profile via API": "profile.name is
// actually the profile's label"), and the names of standard profiles are translated into the org's language (the
// Salesforce developer forums' Summer '07 notice: "$Profile.Name values are translated in the org's default
// language"). A query that finds a profile by name ("Standard User") finds nothing in a German org, so Tandem's
// Apex finds profiles by what they may do (ObjectPermissions of the set each profile owns).
const PROFILE_NAME_MESSAGE =
    'a profile filtered by Name depends on the org language (standard profile names are translated): find it by its permissions (ObjectPermissions, PermissionSet.IsOwnedByProfile)';

const segmentsOf = (fieldName) => childRules(fieldName, 'soqlId').map((id) => id.getText());
const same = (a, b) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** Returns [{ line, message }] for every name in the tree's static SOQL that the schema does not know. */
export function checkSoql(tree, schema) {
    const problems = [];
    const report = (node, message) => problems.push({ line: node.start.line, message });

    /**
     * Resolves `a.b.c` from `object`: every segment but the last must be a relationship, the last a field.
     * Stops quietly where the schema cannot tell (open objects, polymorphic lookups to any object). Returns the
     * object the last segment is a field of, or undefined.
     */
    function resolvePath(node, segments, object) {
        const path = segments.join('.');
        const where = segments.length > 1 ? ` (${path})` : '';
        let current = object;
        for (const segment of segments.slice(0, -1)) {
            if (current.open) return undefined;
            const target = current.relationship(segment);
            if (!target) {
                report(node, `${whyNotARelationship(current, segment)} in SOQL${where}`);
                return undefined;
            }
            current = target === '*' ? undefined : schema.object(target);
            if (!current) return undefined;
        }
        const last = segments.at(-1);
        if (current.open || current.field(last)) return current;
        if (current.relationship(last)) {
            report(node, `${last} on ${current.name} is a relationship, not a field, in SOQL${where}`);
        } else {
            report(node, `unknown field ${last} on ${current.name} in SOQL${where}`);
        }
        return undefined;
    }

    /**
     * A field reference in the scope of one query: strips an alias or object-name prefix, accepts select aliases.
     * Returns { object, field } (the object holding the last segment, and its name) when it resolves.
     */
    function checkFieldName(node, scope) {
        const segments = segmentsOf(node);
        if (segments.length === 1 && scope.selectAliases.has(segments[0].toLowerCase())) return undefined;
        const qualified = same(segments[0], scope.alias) || same(segments[0], scope.object.name);
        if (segments.length > 1 && qualified && !scope.object.relationship(segments[0])) segments.shift();
        const object = resolvePath(node, segments, scope.object);
        return object ? { object, field: segments.at(-1), path: segments.join('.') } : undefined;
    }

    /** A resolved field in a clause that refuses its type (a long text area in WHERE, for one). */
    function checkFieldType(node, resolved, clause) {
        if (
            clause === 'whereClause' &&
            resolved &&
            same(resolved.object.name, 'Profile') &&
            same(resolved.field, 'Name')
        ) {
            report(node, PROFILE_NAME_MESSAGE + (resolved.path.includes('.') ? ` (${resolved.path})` : ''));
            return;
        }
        const rule = RESTRICTED_TYPES[clause];
        if (!rule || !resolved || resolved.object.open) return;
        const what = rule.types[resolved.object.fieldType(resolved.field)];
        if (!what) return;
        const name = resolved.object.field(resolved.field);
        const where = resolved.path.includes('.') ? ` (${resolved.path})` : '';
        report(node, `${name} on ${resolved.object.name} is ${what} and cannot be ${rule.verb}${where}`);
    }

    /** Follows a chain of relationships (the subject of TYPEOF) to the object it reaches, reporting a bad link. */
    function relationshipTarget(node, object) {
        let current = object;
        for (const segment of segmentsOf(node)) {
            if (!current || current.open) return undefined;
            const target = current.relationship(segment);
            if (!target) {
                report(node, `unknown relationship ${segment} on ${current.name} in SOQL TYPEOF`);
                return undefined;
            }
            current = target === '*' ? undefined : schema.object(target);
        }
        return current;
    }

    function checkTypeOf(typeOf, scope) {
        const polymorphic = relationshipTarget(childRule(typeOf, 'fieldName'), scope.object);
        for (const when of childRules(typeOf, 'whenClause')) {
            const typeNode = childRule(when, 'fieldName');
            const type = schema.object(typeNode.getText());
            if (!type) {
                report(typeNode, `unknown object ${typeNode.getText()} in SOQL TYPEOF`);
                continue;
            }
            for (const field of childRules(childRule(when, 'fieldNameList'), 'fieldName')) {
                resolvePath(field, segmentsOf(field), type);
            }
        }
        const otherwise = childRule(typeOf, 'elseClause');
        if (otherwise && polymorphic) {
            for (const field of childRules(childRule(otherwise, 'fieldNameList'), 'fieldName')) {
                resolvePath(field, segmentsOf(field), polymorphic);
            }
        }
    }

    /** SELECT list of a query or subquery: plain fields, functions, child subqueries, TYPEOF; collects aliases. */
    function checkSelect(query, scope) {
        const list = childRule(query, 'selectList') ?? childRule(query, 'subFieldList');
        const entries = [...childRules(list, 'selectEntry'), ...childRules(list, 'subFieldEntry')];
        // Aliases first: ORDER BY and HAVING may name them.
        for (const entry of entries) {
            const alias = childRule(entry, 'soqlId');
            if (alias) scope.selectAliases.add(alias.getText().toLowerCase());
        }
        for (const entry of entries) {
            const field = childRule(entry, 'fieldName');
            const fn = childRule(entry, 'soqlFunction');
            const subQuery = childRule(entry, 'subQuery');
            const typeOf = childRule(entry, 'typeOf');
            if (field) checkFieldName(field, { ...scope, selectAliases: new Set() });
            if (fn) {
                // COUNT(), FIELDS(ALL) have no field; toLabel(x), format(MIN(x)), DISTANCE(x, ...) have one.
                for (const inner of findRules(fn, 'fieldName', [APEX_IN_SOQL])) {
                    checkFieldName(inner, { ...scope, selectAliases: new Set() });
                }
            }
            if (subQuery) checkChildQuery(subQuery, scope.object);
            if (typeOf) checkTypeOf(typeOf, scope);
        }
    }

    /** WHERE, GROUP BY (with HAVING) and ORDER BY: field references, plus semi-join subqueries on other objects. */
    function checkClauses(query, scope) {
        for (const clause of ['whereClause', 'groupByClause', 'orderByClause']) {
            const node = childRule(query, clause);
            if (!node) continue;
            for (const field of findRules(node, 'fieldName', ['subQuery', APEX_IN_SOQL])) {
                checkFieldType(field, checkFieldName(field, scope), clause);
            }
            for (const semiJoin of findRules(node, 'subQuery', [APEX_IN_SOQL])) checkQuery(semiJoin);
        }
    }

    const fromOf = (query) => childRule(query, 'fromNameList');

    /** A query whose FROM names an object: the top-level query, or a semi-join `Id IN (SELECT ...)`. */
    function checkQuery(query) {
        const from = fromOf(query);
        const objectNode = childRule(from, 'fieldName');
        if (!objectNode) return;
        const object = schema.object(objectNode.getText());
        if (!object) {
            report(objectNode, `unknown object ${objectNode.getText()} in SOQL FROM`);
            return;
        }
        const scope = { object, alias: childRule(from, 'soqlId')?.getText(), selectAliases: new Set() };
        checkSelect(query, scope);
        checkClauses(query, scope);
    }

    /** A subquery in a SELECT list: its FROM names a child relationship of the outer object. */
    function checkChildQuery(subQuery, parent) {
        const relationshipNode = childRule(fromOf(subQuery), 'fieldName');
        if (!relationshipNode || parent.open) return;
        const childName = parent.child(relationshipNode.getText());
        if (!childName) {
            report(
                relationshipNode,
                `unknown child relationship ${relationshipNode.getText()} on ${parent.name} in SOQL subquery`
            );
            return;
        }
        const object = schema.object(childName);
        if (!object) return;
        const scope = { object, alias: childRule(fromOf(subQuery), 'soqlId')?.getText(), selectAliases: new Set() };
        checkSelect(subQuery, scope);
        checkClauses(subQuery, scope);
    }

    for (const query of staticQueries(tree)) checkQuery(query);
    return problems;
}

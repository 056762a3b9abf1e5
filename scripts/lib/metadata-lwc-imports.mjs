// Scoped-module imports in Lightning web components resolved against the project's metadata:
// - LWC Developer Guide, "Import References to Salesforce Objects and Fields": '@salesforce/schema/Object' and
//   '@salesforce/schema/Object.Field', with relationship names for spanning fields ('Contact.Account.Name'); the
//   platform validates the reference when the component is saved, so a dangling one fails the deploy.
// - LWC Developer Guide, "Access Labels": '@salesforce/label/c.labelName' (or namespace.labelName) names a custom
//   label that must exist.
// - LWC Developer Guide, "Import Apex Methods": '@salesforce/apex/Namespace.Class.method' or 'Class.method'.
import { readFileSync } from 'node:fs';
import { text } from './metadata-tree.mjs';
import { suggestion, Locator } from './metadata-text.mjs';

const IMPORT = /(?:from\s*|import\s*\(\s*)['"](@salesforce\/(schema|label|apex)\/([^'"]+))['"]/g;

/** Problems of every @salesforce import in one component source file: [{ line, message }]. */
export function checkImports(project, file) {
    const source = readFileSync(file, 'utf8');
    const locator = new Locator(source);
    const problems = [];
    for (const match of source.matchAll(IMPORT)) {
        const [, module, kind, reference] = match;
        const problem =
            kind === 'schema'
                ? schemaProblem(project, reference)
                : kind === 'label'
                  ? labelProblem(project, reference)
                  : apexProblem(project, reference);
        if (problem) problems.push({ line: locator.line(match.index), message: `import '${module}': ${problem}` });
    }
    return problems;
}

function schemaProblem(project, reference) {
    const [objectName, ...path] = reference.split('.');
    if (!project.hasObject(objectName)) {
        return `object ${objectName} does not exist${suggestion(project.local(objectName), project.knownObjects())}`;
    }
    let object = objectName;
    for (let i = 0; i < path.length; i++) {
        const segment = path[i];
        const last = i === path.length - 1;
        if (last) return project.missingField(object, segment, `field ${object}.${segment}`)?.replace(/^[^:]+: /, '');
        // A relationship: Custom__r is the lookup Custom__c; a standard one (Account, Owner) is AccountId, OwnerId.
        const fieldName = segment.endsWith('__r') ? segment.replace(/__r$/, '__c') : `${segment}Id`;
        const result = project.lookupField(object, fieldName);
        if (result.status === 'no-field' || result.status === 'no-object') {
            return `${segment} is not a relationship of ${object}`;
        }
        const target = result.field?.root ? text(result.field.root, 'referenceTo') : undefined;
        if (!target) return undefined; // a standard relationship: where it leads is not known offline
        object = target;
    }
    return undefined;
}

function labelProblem(project, reference) {
    const [namespace, name] = reference.split('.');
    if (namespace !== 'c' && namespace !== project.namespace) return undefined; // another package's label
    if (project.customLabels.has(name)) return undefined;
    return `custom label ${name} does not exist${suggestion(name, [...project.customLabels.keys()])}`;
}

function apexProblem(project, reference) {
    const parts = reference.split('.');
    const className = parts.length === 3 ? parts[1] : parts[0];
    if (parts.length === 3 && parts[0] !== project.namespace) return undefined; // another package's class
    if (project.classes.has(className)) return undefined;
    return `Apex class ${className} does not exist${suggestion(className, [...project.classes.keys()])}`;
}

// Cross-reference rules for objects and their children: relationships, roll-up summaries, picklists, the
// attributes each field type needs, sharing of detail objects, validation rules, list views, compact layouts
// and record types. Each rule returns findings made with project.finding().
import { all, text, texts } from './metadata-tree.mjs';
import { listOf, suggestion } from './metadata-text.mjs';
import { picklistValues } from './metadata-project.mjs';

const NUMERIC = new Set(['number', 'currency', 'percent']);
const ORDERED = new Set([...NUMERIC, 'date', 'datetime', 'time']);
const BOOLEAN = /^(true|false)$/;
// Filters on checkboxes: roll-up filters say true/false, list view filters 1/0.
const CHECKBOX_FILTER = /^(true|false|1|0)$/i;

export function checkObjects(project) {
    const findings = [];
    for (const object of project.objects.values()) {
        for (const field of object.fields.values()) findings.push(...checkField(project, object, field));
        findings.push(...checkDetailSharing(project, object));
        findings.push(...checkObjectChildren(project, object));
    }
    return findings;
}

function checkField(project, object, entry) {
    const { root, file } = entry;
    const type = text(root, 'type');
    const where = `CustomField ${object.name}.${entry.name}`;
    const findings = [];
    const add = (message, tag, value) => findings.push(project.finding(file, `${where}: ${message}`, tag, value));

    // Standard fields retrieved into source (objects/Contact/fields/AccountId) carry only what can be changed.
    if (!entry.name.endsWith('__c')) return findings;
    if (type === 'Lookup' || type === 'MasterDetail') checkRelationship(project, root, add, type);
    if (type === 'Summary') checkRollup(project, object, root, add);
    if (type === 'Picklist' || type === 'MultiselectPicklist') checkPicklist(project, object, entry, add, type);
    checkTypeAttributes(root, type, add);
    return findings;
}

function checkRelationship(project, root, add, type) {
    const target = text(root, 'referenceTo');
    if (!target) add(`a ${type} field needs <referenceTo>`, 'type');
    else if (!project.hasObject(target)) {
        const hint = suggestion(project.local(target), project.knownObjects());
        add(`referenceTo ${target} is not an object in the project or a known standard object${hint}`, 'referenceTo');
    }
    if (!text(root, 'relationshipName')) add(`a ${type} field needs <relationshipName>`, 'type');
    // The platform refuses to clear a required lookup when its target is deleted.
    if (type === 'Lookup' && text(root, 'required') === 'true' && text(root, 'deleteConstraint') === 'SetNull') {
        add('a required lookup cannot use deleteConstraint SetNull (use Restrict or Cascade)', 'deleteConstraint');
    }
}

/** Roll-up summary: on the master object, over a detail object's master-detail field. */
function checkRollup(project, object, root, add) {
    const foreignKey = text(root, 'summaryForeignKey');
    const operation = text(root, 'summaryOperation');
    if (!foreignKey || !operation) {
        add('a roll-up summary needs <summaryForeignKey> and <summaryOperation>', 'type');
        return;
    }
    const [child, keyField] = foreignKey.split('.');
    const key = project.lookupField(child, keyField ?? '');
    if (!keyField || key.status === 'no-object' || !project.isCustom(child)) {
        add(
            `summaryForeignKey ${foreignKey} must name Child__c.MasterDetailField__c of a detail object`,
            'summaryForeignKey'
        );
        return;
    }
    if (key.status === 'no-field') {
        const hint = suggestion(project.local(keyField), key.names);
        add(
            `summaryForeignKey ${foreignKey}: field ${keyField} does not exist on ${child}${hint}`,
            'summaryForeignKey'
        );
        return;
    }
    if (key.status === 'ok') {
        const master = text(key.field.root ?? {}, 'referenceTo');
        if (!key.field.masterDetail) {
            add(
                `summaryForeignKey ${foreignKey} is a ${key.field.type || key.field.kind} field, not master-detail`,
                'summaryForeignKey'
            );
        } else if (project.local(master) !== object.name) {
            add(
                `summaryForeignKey ${foreignKey} is a master-detail to ${master}, not to ${object.name}`,
                'summaryForeignKey'
            );
        }
    }

    const summarized = text(root, 'summarizedField');
    if (operation === 'count') {
        if (summarized) add(`a count roll-up takes no summarizedField (found ${summarized})`, 'summarizedField');
    } else if (!summarized) {
        add(`a ${operation} roll-up needs <summarizedField>`, 'summaryOperation');
    } else {
        checkSummarizedField(project, child, summarized, operation, add);
    }

    all(root, 'summaryFilterItems').forEach((filter) =>
        checkFilterItem(project, child, filter, add, 'summaryFilterItems')
    );
}

function checkSummarizedField(project, child, summarized, operation, add) {
    const [summarizedObject, summarizedName] = summarized.includes('.') ? summarized.split('.') : [child, summarized];
    if (project.local(summarizedObject) !== project.local(child)) {
        add(`summarizedField ${summarized} must be a field of ${child}, the object rolled up`, 'summarizedField');
        return;
    }
    const result = project.lookupField(child, summarizedName);
    if (result.status === 'no-field') {
        const hint = suggestion(project.local(summarizedName), result.names);
        add(`summarizedField ${summarized} does not exist on ${child}${hint}`, 'summarizedField');
        return;
    }
    if (result.status !== 'ok' || result.field.kind === 'unknown') return;
    const allowed = operation === 'sum' ? NUMERIC : ORDERED;
    if (!allowed.has(result.field.kind)) {
        add(
            `summarizedField ${summarized} is ${result.field.kind}; ${operation} needs ${[...allowed].join(', ')}`,
            'summarizedField'
        );
    }
    const formula = text(result.field.root ?? {}, 'formula');
    // A roll-up is recalculated when the detail changes: formulas that change by themselves or through other
    // records cannot be summarized.
    if (formula && /\b(TODAY|NOW|TIMENOW)\s*\(|__r\.|\$\w+/i.test(formula)) {
        add(
            `summarizedField ${summarized} is a formula using TODAY/NOW, a cross-object reference or a global`,
            'summarizedField'
        );
    }
}

/** A filter item `Object.Field operation value` (roll-up filters) or `Field` (list views). */
export function checkFilterItem(project, objectName, filter, add, where) {
    const fieldRef = text(filter, 'field') ?? '';
    const [maybeObject, maybeField] = fieldRef.includes('.') ? fieldRef.split('.') : [objectName, fieldRef];
    if (project.local(maybeObject) !== project.local(objectName)) {
        add(`${where}: field ${fieldRef} is not on ${objectName}`, 'field', fieldRef);
        return;
    }
    const result = project.lookupField(objectName, maybeField);
    if (result.status === 'no-field') {
        const hint = suggestion(project.local(maybeField), result.names);
        add(`${where}: field ${fieldRef} does not exist on ${objectName}${hint}`, 'field', fieldRef);
        return;
    }
    if (result.status !== 'ok') return;
    const value = text(filter, 'value');
    if (value === undefined || value === '') return;
    const { kind, values } = result.field;
    if ((kind === 'picklist' || kind === 'multiselectpicklist') && values) {
        for (const item of value.split(',').map((v) => v.trim())) {
            if (!values.has(item)) {
                const hint = suggestion(item, values.names);
                add(
                    `${where}: "${item}" is not a value of picklist ${objectName}.${maybeField} (${listOf(values.names)})${hint}`,
                    'value',
                    value
                );
            }
        }
    } else if (kind === 'checkbox' && !CHECKBOX_FILTER.test(value)) {
        add(
            `${where}: "${value}" is not a checkbox value (true or false) for ${objectName}.${maybeField}`,
            'value',
            value
        );
    }
}

function checkPicklist(project, object, entry, add, type) {
    const root = entry.root;
    const valueSet = all(root, 'valueSet')[0];
    if (!valueSet) {
        add(`a ${type} field needs a <valueSet>`, 'type');
        return;
    }
    const globalName = text(valueSet, 'valueSetName');
    if (globalName && !project.globalValueSets.has(project.local(globalName)) && !project.isForeign(globalName)) {
        add(`valueSetName ${globalName} is not a global value set in the project`, 'valueSetName');
    }
    const values = all(valueSet, 'valueSetDefinition').flatMap((definition) => all(definition, 'value'));
    const seen = new Set();
    for (const value of values) {
        const name = text(value, 'fullName') ?? '';
        if (seen.has(name.toLowerCase())) add(`picklist value "${name}" appears twice`, 'fullName', name);
        seen.add(name.toLowerCase());
    }
    const defaults = values.filter((value) => text(value, 'default') === 'true');
    if (type === 'Picklist' && defaults.length > 1) {
        add(`${defaults.length} picklist values are marked default; at most one may be`, 'default', 'true');
    }
    // A default given as a quoted literal must be one of the values.
    const literal = /^"(.*)"$/.exec(text(root, 'defaultValue') ?? '')?.[1];
    const own = picklistValues(entry.field);
    if (literal !== undefined && own && !own.has(literal)) {
        add(
            `defaultValue "${literal}" is not a value of this picklist${suggestion(literal, own.names)}`,
            'defaultValue'
        );
    }

    const controlling = text(valueSet, 'controllingField');
    if (!controlling) return;
    const result = project.lookupField(object.name, controlling);
    if (result.status === 'no-field') {
        add(`controllingField ${controlling} does not exist on ${object.name}`, 'controllingField');
        return;
    }
    const controllingValues =
        result.field?.kind === 'checkbox' ? new Set(['checked', 'unchecked']) : result.field?.values;
    for (const setting of all(valueSet, 'valueSettings')) {
        const valueName = text(setting, 'valueName');
        if (own && !own.has(valueName))
            add(`valueSettings names "${valueName}", not a value of this picklist`, 'valueName', valueName);
        for (const controllingValue of texts(setting, 'controllingFieldValue')) {
            if (controllingValues && !controllingValues.has(controllingValue)) {
                add(
                    `valueSettings: "${controllingValue}" is not a value of controlling field ${controlling}`,
                    'controllingFieldValue',
                    controllingValue
                );
            }
        }
    }
}

/** Attributes the platform insists on per field type, which the model leaves optional for all types. */
function checkTypeAttributes(root, type, add) {
    const has = (name) => text(root, name) !== undefined && text(root, name) !== '';
    const formula = has('formula');
    const need = (...names) => {
        for (const name of names)
            if (!has(name)) add(`a ${formula ? 'formula ' : ''}${type} field needs <${name}>`, 'type');
    };
    if (['Number', 'Currency', 'Percent'].includes(type)) {
        need('precision', 'scale');
        const precision = Number(text(root, 'precision'));
        const scale = Number(text(root, 'scale'));
        if (has('precision') && has('scale') && (scale > precision || precision > 18)) {
            add(
                `precision ${precision} and scale ${scale}: scale cannot exceed precision, nor precision 18`,
                'precision'
            );
        }
    }
    if (formula) return;
    if (type === 'Text' || type === 'EncryptedText') {
        need('length');
        const length = Number(text(root, 'length'));
        if (has('length') && (length < 1 || length > 255)) add(`length ${length} is outside 1..255`, 'length');
    }
    if (type === 'LongTextArea' || type === 'Html') need('length', 'visibleLines');
    if (type === 'AutoNumber') need('displayFormat');
    if (type === 'Checkbox') {
        const value = text(root, 'defaultValue');
        if (value === undefined) add('a Checkbox field needs <defaultValue> (true or false)', 'type');
        else if (!BOOLEAN.test(value)) add(`Checkbox defaultValue "${value}" must be true or false`, 'defaultValue');
    }
}

/** A detail object's records are shared through their master: no other sharing model is accepted. */
function checkDetailSharing(project, object) {
    if (!object.root || project.masterDetails(object.name).length === 0) return [];
    const findings = [];
    const details = project.masterDetails(object.name).map((f) => f.name);
    for (const element of ['sharingModel', 'externalSharingModel']) {
        const model = text(object.root, element);
        if (model && model !== 'ControlledByParent') {
            findings.push(
                project.finding(
                    object.file,
                    `CustomObject ${object.name}: ${element} is ${model}, but an object with a master-detail field ` +
                        `(${details.join(', ')}) must use ControlledByParent`,
                    element
                )
            );
        }
    }
    if (details.length > 2) {
        findings.push(
            project.finding(
                object.file,
                `CustomObject ${object.name}: ${details.length} master-detail fields; at most 2`
            )
        );
    }
    return findings;
}

function checkObjectChildren(project, object) {
    const findings = [];
    const fieldProblem = (file, where, field, tag) => {
        const message = project.missingField(object.name, field, where);
        if (message) findings.push(project.finding(file, message, tag, field));
    };

    for (const rule of object.validationRules.values()) {
        const display = text(rule.root, 'errorDisplayField');
        if (display)
            fieldProblem(
                rule.file,
                `ValidationRule ${object.name}.${rule.name}: errorDisplayField`,
                display,
                'errorDisplayField'
            );
    }
    for (const layout of object.compactLayouts.values()) {
        for (const field of texts(layout.root, 'fields')) {
            fieldProblem(layout.file, `CompactLayout ${object.name}.${layout.name}`, field, 'fields');
        }
    }
    for (const view of object.listViews.values()) {
        const where = `ListView ${object.name}.${view.name}`;
        // Columns are API names for custom fields and upper-case tokens (NAME, OWNER.ALIAS) for standard ones.
        for (const column of texts(view.root, 'columns')) {
            if (column.endsWith('__c')) fieldProblem(view.file, `${where}: column`, column.split('.').pop(), 'columns');
            else {
                const problem = standardColumnProblem(project, object, column);
                if (problem)
                    findings.push(project.finding(view.file, `${where}: column ${problem}`, 'columns', column));
            }
        }
        for (const filter of all(view.root, 'filters')) {
            const field = text(filter, 'field') ?? '';
            if (!field.endsWith('__c')) continue;
            const add = (message, tag, value) =>
                findings.push(project.finding(view.file, `${where}: ${message}`, tag, value));
            checkFilterItem(
                project,
                object.name,
                { field: [field.split('.').pop()], value: [text(filter, 'value') ?? ''] },
                add,
                'filter'
            );
        }
    }
    for (const recordType of object.recordTypes.values()) {
        for (const picklist of all(recordType.root, 'picklistValues')) {
            const name = text(picklist, 'picklist');
            const where = `RecordType ${object.name}.${recordType.name}: picklistValues`;
            const result = project.lookupField(object.name, name);
            if (result.status === 'no-field') fieldProblem(recordType.file, where, name, 'picklist');
            const values = result.field?.values;
            if (!values) continue;
            for (const value of all(picklist, 'values').map((v) => decodeURIComponent(text(v, 'fullName') ?? ''))) {
                if (!values.has(value)) {
                    findings.push(
                        project.finding(recordType.file, `${where}: "${value}" is not a value of ${name}`, 'fullName')
                    );
                }
            }
        }
    }
    findings.push(...checkObjectFile(project, object));
    return findings;
}

// Standard list view columns of a custom object, as the Metadata API writes them (ListView: "columns: the list of
// fields in the list view", standard fields as upper-case tokens in retrieved list views). OWNER.* exist only
// where the object has an owner: a master-detail detail has none (its records are owned through the master).
const CUSTOM_OBJECT_COLUMNS = [
    'NAME',
    'CREATED_DATE',
    'CREATEDBY_USER',
    'CREATEDBY_USER.ALIAS',
    'LAST_UPDATE',
    'UPDATEDBY_USER',
    'UPDATEDBY_USER.ALIAS',
    'LAST_ACTIVITY',
    'RECORDTYPE'
];
const OWNER_COLUMNS = ['OWNER.ALIAS', 'OWNER.FIRST_NAME', 'OWNER.LAST_NAME', 'OWNER.NAME'];

/** Why a standard (non-__c) list view column is not valid for the object, or undefined. */
function standardColumnProblem(project, object, column) {
    const name = object.name;
    if (name.endsWith('__mdt')) {
        // Custom metadata list views name their standard fields by API name (DeveloperName, MasterLabel).
        const result = project.lookupField(name, column);
        return result.status === 'no-field'
            ? `${column} is not a field of ${name}${suggestion(column, result.names)}`
            : undefined;
    }
    if (project.isCustom(name)) {
        const isDetail = project.masterDetails(name).length > 0;
        if (OWNER_COLUMNS.includes(column)) {
            return isDetail
                ? `${column}: ${name} is the detail of a master-detail relationship and has no owner`
                : undefined;
        }
        if (CUSTOM_OBJECT_COLUMNS.includes(column)) return undefined;
        const known = [...CUSTOM_OBJECT_COLUMNS, ...(isDetail ? [] : OWNER_COLUMNS)];
        return `${column} is not a standard column of a custom object (${known.join(', ')})${suggestion(column, known)}`;
    }
    // Standard objects: OBJECT.FIELD_NAME tokens stand for field API names without underscores (STAGE_NAME is
    // StageName). The offline field lists are not complete, so only a near miss of a known field is reported.
    const fields = project.builtInFields(name);
    if (!fields) return undefined;
    const token = column.split('.').pop().replace(/_/g, '');
    const names = [...fields.keys()];
    if (names.some((field) => field.toUpperCase() === token) || token.endsWith('ID')) return undefined;
    const hint = suggestion(
        token,
        names.map((field) => field.toUpperCase())
    );
    return hint ? `${column} does not name a field of ${name}${hint}` : undefined;
}

/** References held by the object file itself. */
function checkObjectFile(project, object) {
    if (!object.root) return [];
    const findings = [];
    const assignment = text(object.root, 'compactLayoutAssignment');
    if (assignment && assignment !== 'SYSTEM' && !object.compactLayouts.has(assignment)) {
        findings.push(
            project.finding(
                object.file,
                `CustomObject ${object.name}: compactLayoutAssignment ${assignment} is not a compact layout of ${object.name}`,
                'compactLayoutAssignment'
            )
        );
    }
    for (const override of all(object.root, 'actionOverrides')) {
        const content = text(override, 'content');
        if (text(override, 'type') === 'Flexipage' && content && !project.flexipages.has(project.local(content))) {
            findings.push(
                project.finding(
                    object.file,
                    `CustomObject ${object.name}: action override uses Lightning page ${content}, which does not exist`,
                    'content',
                    content
                )
            );
        }
    }
    return findings;
}

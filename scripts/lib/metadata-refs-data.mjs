// Cross-reference rules for configuration and analytics: custom metadata records against their type's fields,
// report types against the object graph, reports against report types and folders, dashboards against reports.
import { dirname, basename } from 'node:path';
import { all, attributes, text, textOf } from './metadata-tree.mjs';
import { listOf, suggestion } from './metadata-text.mjs';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function checkData(project) {
    return [
        ...[...project.customMetadata.values()].flatMap((record) => checkRecord(project, record)),
        ...[...project.reportTypes.values()].flatMap((reportType) => checkReportType(project, reportType)),
        ...[...project.reports.values()].flatMap((report) => checkReport(project, report)),
        ...[...project.dashboards.values()].flatMap((dashboard) => checkDashboard(project, dashboard))
    ];
}

/** A custom metadata record Type.Record.md-meta.xml: its type must exist and each value fit its field. */
function checkRecord(project, record) {
    const { root, file, name } = record;
    const findings = [];
    const add = (message, tag, value) =>
        findings.push(project.finding(file, `CustomMetadata ${name}: ${message}`, tag, value));
    const typeName = `${project.local(name.split('.')[0])}__mdt`;
    const type = project.findObject(typeName);
    if (!type?.defined) {
        const types = [...project.objects.keys()].filter((n) => n.endsWith('__mdt'));
        add(`custom metadata type ${typeName} does not exist${suggestion(typeName, types)}`);
        return findings;
    }
    const seen = new Set();
    for (const entry of all(root, 'values')) {
        const fieldName = project.local(text(entry, 'field') ?? '');
        const field = type.fields.get(fieldName);
        if (!field) {
            add(
                `field ${fieldName} does not exist on ${typeName}${suggestion(fieldName, [...type.fields.keys()])}`,
                'field',
                fieldName
            );
            continue;
        }
        if (seen.has(fieldName)) add(`field ${fieldName} has more than one value`, 'field', fieldName);
        seen.add(fieldName);
        const valueNode = all(entry, 'value')[0];
        if (valueNode === undefined || attributes(valueNode)['xsi:nil'] === 'true') continue;
        const problem =
            valueProblem(project.describe(typeName, field), textOf(valueNode)) ??
            relationshipProblem(project, field, textOf(valueNode));
        if (problem) add(`${fieldName} ${problem}`, 'field', fieldName);
    }
    for (const field of type.fields.values()) {
        const present = all(root, 'values').find((entry) => project.local(text(entry, 'field')) === field.name);
        const valueNode = present && all(present, 'value')[0];
        const empty = !valueNode || attributes(valueNode)['xsi:nil'] === 'true' || textOf(valueNode) === '';
        if (text(field.root, 'required') === 'true' && empty) add(`required field ${field.name} has no value`);
    }
    return findings;
}

/**
 * A metadata relationship field holds the DeveloperName of a record of the type it refers to; that record must
 * exist (Metadata API Developer Guide, CustomMetadata: a relationship value names a record of the related custom
 * metadata type; the deploy fails when it is not there). Relationships to EntityDefinition or FieldDefinition
 * name platform objects and fields, checked elsewhere.
 */
function relationshipProblem(project, field, value) {
    if (text(field.root, 'type') !== 'MetadataRelationship' || !value) return undefined;
    const target = project.local(text(field.root, 'referenceTo') ?? '');
    if (!target.endsWith('__mdt')) return undefined;
    const typeName = target.replace(/__mdt$/, '');
    const records = [...project.customMetadata.keys()].filter((n) => project.local(n.split('.')[0]) === typeName);
    const recordName = project.local(value);
    if (records.some((n) => n.split('.')[1] === recordName)) return undefined;
    const hint = suggestion(
        recordName,
        records.map((n) => n.split('.')[1])
    );
    return `value "${value}" is not a ${target} record in the project${hint}`;
}

/** Why `value` does not fit `field`, or undefined. */
function valueProblem(field, value) {
    switch (field.kind) {
        case 'checkbox':
            return /^(true|false)$/.test(value)
                ? undefined
                : `value "${value}" is not a checkbox value (true or false)`;
        case 'number':
        case 'percent':
        case 'currency':
            return NUMBER.test(value) ? undefined : `value "${value}" is not a number`;
        case 'date':
            return DATE.test(value) ? undefined : `value "${value}" is not a date (YYYY-MM-DD)`;
        case 'datetime':
            return DATE_TIME.test(value) ? undefined : `value "${value}" is not a date/time`;
        case 'picklist': {
            if (!field.values || field.values.has(value)) return undefined;
            const hint = suggestion(value, field.values.names);
            return `value "${value}" is not a value of the picklist (${listOf(field.values.names)})${hint}`;
        }
        case 'text':
        case 'textarea':
        case 'longtextarea': {
            const length = Number(text(field.root, 'length'));
            return length && value.length > length
                ? `value is ${value.length} characters; the field holds ${length}`
                : undefined;
        }
        default:
            return undefined;
    }
}

/**
 * The object a child relationship (Steps__r) of `objectName` leads to: a project field whose referenceTo is the
 * object and whose relationshipName matches. Returns the child object name, null when it cannot be known
 * (standard relationships), or undefined when it does not exist.
 */
function followRelationship(project, objectName, relationship) {
    if (!relationship.endsWith('__r')) return null;
    const wanted = project.local(relationship).replace(/__r$/, '');
    for (const object of project.objects.values()) {
        for (const field of object.fields.values()) {
            const type = text(field.root, 'type');
            if (type !== 'Lookup' && type !== 'MasterDetail') continue;
            if (project.local(text(field.root, 'referenceTo')) !== project.local(objectName)) continue;
            if (text(field.root, 'relationshipName') === wanted) return object.name;
        }
    }
    return project.isForeign(relationship) ? null : undefined;
}

/** Resolves report type tables (Base, Base.Children__r, Base.Children__r.Grandchildren__r) to objects. */
function reportTypeTables(project, reportType) {
    const base = text(reportType.root, 'baseObject');
    const tables = new Map([[base, base]]);
    const problems = [];
    let path = base;
    let object = base;
    for (let join = all(reportType.root, 'join')[0]; join; join = all(join, 'join')[0]) {
        const relationship = text(join, 'relationship') ?? '';
        path = `${path}.${relationship}`;
        const next = object === null ? null : followRelationship(project, object, relationship);
        if (next === undefined) problems.push({ relationship, object });
        object = next ?? null;
        tables.set(path, object);
    }
    return { base, tables, problems };
}

function checkReportType(project, reportType) {
    const { file, name } = reportType;
    const findings = [];
    const add = (message, tag, value) =>
        findings.push(project.finding(file, `ReportType ${name}: ${message}`, tag, value));
    const { base, tables, problems } = reportTypeTables(project, reportType);
    if (!base || !project.hasObject(base)) {
        add(`baseObject ${base} does not exist`, 'baseObject');
        return findings;
    }
    for (const { relationship, object } of problems) {
        add(`join relationship ${relationship} is not a child relationship of ${object}`, 'relationship', relationship);
    }
    for (const column of all(reportType.root, 'sections').flatMap((section) => all(section, 'columns'))) {
        const table = text(column, 'table');
        const field = text(column, 'field') ?? '';
        if (!tables.has(table)) {
            add(`column ${field}: table ${table} is neither the base object nor a joined relationship`, 'table', table);
            continue;
        }
        const object = tables.get(table);
        if (object && !field.includes('.')) {
            const missing = project.missingField(object, field, `column ${table}`);
            if (missing) add(missing, 'field', field);
        }
    }
    return findings;
}

/** Report types a report may name: Custom__c report types of the project, CustomEntity$Object, or standard. */
function checkReport(project, report) {
    const { root, file, name } = report;
    const findings = [];
    const add = (message, tag, value) => findings.push(project.finding(file, `Report ${name}: ${message}`, tag, value));
    const folder = basename(dirname(file));
    if (folder !== 'unfiled$public' && !project.reportFolders.has(folder)) {
        add(`report folder ${folder} has no ${folder}.reportFolder-meta.xml in the project`);
    }
    const reportTypeName = text(root, 'reportType') ?? '';
    if (reportTypeName.startsWith('CustomEntity')) {
        // CustomEntityCustomEntity$Parent__c$Child__c, where a part may add @Child__c.Lookup__c (join by lookup).
        for (const object of reportTypeName
            .split('$')
            .slice(1)
            .map((part) => part.split('@')[0])) {
            if (!project.hasObject(object))
                add(`reportType ${reportTypeName}: object ${object} does not exist`, 'reportType');
        }
        return findings;
    }
    if (!reportTypeName.endsWith('__c')) return findings;
    const reportType = project.reportTypes.get(project.local(reportTypeName).replace(/__c$/, ''));
    if (!reportType) {
        const hint = suggestion(reportTypeName.replace(/__c$/, ''), [...project.reportTypes.keys()], (s) => `${s}__c`);
        add(`reportType ${reportTypeName} is not a report type in the project${hint}`, 'reportType');
        return findings;
    }
    // Fields of custom report types read Table$Field, e.g. Plan__c.Steps__r$Status__c.
    const { tables } = reportTypeTables(project, reportType);
    const references = [
        ...all(root, 'columns').map((c) => text(c, 'field')),
        ...[...all(root, 'groupingsDown'), ...all(root, 'groupingsAcross')].map((g) => text(g, 'field')),
        ...all(root, 'filter')
            .flatMap((f) => all(f, 'criteriaItems'))
            .map((c) => text(c, 'column'))
    ].filter((reference) => reference?.includes('$'));
    for (const reference of references) {
        const [table, field] = reference.split('$');
        if (!tables.has(table)) {
            add(`${reference}: ${table} is not a table of report type ${reportType.name}`, 'field', reference);
            continue;
        }
        const object = tables.get(table);
        if (object && !field.includes('.')) {
            const missing = project.missingField(object, field, reference);
            if (missing) add(missing, 'field', reference);
        }
    }
    return findings;
}

function checkDashboard(project, dashboard) {
    const { root, file, name } = dashboard;
    const findings = [];
    const add = (message, tag, value) =>
        findings.push(project.finding(file, `Dashboard ${name}: ${message}`, tag, value));
    const folder = basename(dirname(file));
    if (!project.dashboardFolders.has(folder))
        add(`dashboard folder ${folder} has no ${folder}.dashboardFolder-meta.xml in the project`);
    const components = [
        ...['leftSection', 'middleSection', 'rightSection'].flatMap((section) =>
            all(root, section).flatMap((s) => all(s, 'components'))
        ),
        ...all(root, 'dashboardGridLayout')
            .flatMap((layout) => all(layout, 'dashboardGridComponents'))
            .flatMap((cell) => all(cell, 'dashboardComponent'))
    ];
    for (const component of components) {
        const report = text(component, 'report');
        if (report && !project.reports.has(report)) {
            add(
                `component report ${report} does not exist${suggestion(report, [...project.reports.keys()])}`,
                'report',
                report
            );
        }
    }
    return findings;
}

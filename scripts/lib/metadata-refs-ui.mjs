// Cross-reference rules for the user interface: page layouts, Lightning pages (flexipages), tabs and apps.
import { all, text, texts } from './metadata-tree.mjs';
import { suggestion } from './metadata-text.mjs';

// Lightning page type -> the LWC target a component needs to be placed on it.
const PAGE_TARGETS = {
    RecordPage: 'lightning__RecordPage',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    UtilityBar: 'lightning__UtilityBar'
};

// Properties the page itself sets on every component it holds (utility bar items: their panel's size and icon).
const PAGE_PROPERTIES = {
    UtilityBar: ['eager', 'height', 'icon', 'label', 'scrollable', 'width']
};

// Namespaces whose components live in this project: `c:` always, and the package namespace.
function isOwnNamespace(project, namespace) {
    return namespace === 'c' || (project.namespace && namespace === project.namespace);
}

// The one form a Lightning page names the package's own components with. LWC Developer Guide, "Component
// Namespaces": "To reference your own components, always code with the c namespace prefix. Use c regardless of
// where the code is running: in an org with or without a namespace, in a managed or unmanaged package." So `c:`
// deploys to a namespaced scratch org, to an org without a namespace and in a package version build alike, while
// `tandem:` ties the page to orgs that have the namespace.
const OWN_FORM = 'c';

// Standard Lightning page components the project may use, by namespace (Lightning App Builder's standard
// components, as Salesforce writes them in retrieved FlexiPage metadata). A name in one of these namespaces that
// is not listed is reported: add it here once it is checked against a retrieved page. Any other namespace is
// neither ours nor the platform's, and this package declares no dependency that could provide it.
const STANDARD_COMPONENTS = {
    flexipage: [
        'accordion',
        'accordionSection',
        'column',
        'fieldSection',
        'filterListCard',
        'recentItems',
        'reportChart',
        'richText',
        'tab',
        'tabset',
        'tabset2',
        'visualforcePage'
    ],
    force: [
        'detailPanel',
        'highlightsPanel',
        'relatedListContainer',
        'relatedListQuickLinksContainer',
        'relatedListSingleContainer'
    ],
    forceChatter: ['feed', 'publisher', 'recordFeedContainer'],
    runtime_sales_activities: ['activityPanel'],
    runtime_sales_pathassistant: ['pathAssistant']
};

export function checkUi(project) {
    return [
        ...[...project.layouts.values()].flatMap((layout) => checkLayout(project, layout)),
        ...[...project.flexipages.values()].flatMap((page) => checkFlexipage(project, page)),
        ...[...project.tabs.values()].flatMap((tab) => checkTab(project, tab)),
        ...[...project.applications.values()].flatMap((app) => checkApplication(project, app)),
        ...[...project.lwc.values()].flatMap((bundle) => checkBundleObjects(project, bundle))
    ];
}

/**
 * Objects a component's targetConfig limits it to must exist (LWC Developer Guide, "XML Configuration File
 * Elements": <objects> holds "the API name of a standard or custom object"; a deploy rejects an unknown one).
 */
function checkBundleObjects(project, bundle) {
    const findings = [];
    for (const config of bundle.config.configs) {
        for (const objectName of config.objects) {
            if (project.hasObject(objectName)) continue;
            const hint = suggestion(project.local(objectName), project.knownObjects());
            const message = `LightningComponentBundle ${bundle.name}: targetConfig ${config.targets.join(',')} names object ${objectName}, which is not an object in the project or a known standard object${hint}`;
            findings.push(project.finding(bundle.file, message, 'object', objectName));
        }
    }
    return findings;
}

function checkLayout(project, layout) {
    const { root, file, name } = layout;
    const objectName = name.slice(0, name.indexOf('-'));
    const findings = [];
    const add = (message, tag, value) => findings.push(project.finding(file, `Layout ${name}: ${message}`, tag, value));
    // Standard objects also have layouts for pseudo-objects (CaseClose, UserAlt): only custom ones are checked.
    if (project.isCustom(objectName) && !project.hasObject(objectName)) {
        add(`object ${objectName} (from the file name Object-Layout Name) does not exist`);
        return findings;
    }
    const items = all(root, 'layoutSections')
        .flatMap((section) => all(section, 'layoutColumns'))
        .flatMap((column) => all(column, 'layoutItems'));
    for (const item of items) {
        const field = text(item, 'field');
        if (!field) continue;
        const missing = project.missingField(objectName, field, 'layoutItems');
        if (missing) add(missing, 'field', field);
    }
    for (const list of all(root, 'relatedLists')) checkRelatedList(project, objectName, list, add);
    return findings;
}

/** Custom related lists are named ChildObject.LookupField; standard ones (RelatedNoteList...) are accepted. */
function checkRelatedList(project, objectName, list, add) {
    const name = text(list, 'relatedList') ?? '';
    if (!name.includes('.')) return;
    const [child, lookup] = name.split('.');
    const result = project.lookupField(child, lookup);
    if (result.status === 'no-object') {
        add(`relatedLists: object ${child} does not exist`, 'relatedList', name);
        return;
    }
    if (result.status === 'no-field') {
        add(
            `relatedLists: ${name}: field ${lookup} does not exist on ${child}${suggestion(lookup, result.names)}`,
            'relatedList',
            name
        );
        return;
    }
    const target = result.field?.root ? text(result.field.root, 'referenceTo') : undefined;
    if (target && project.local(target) !== project.local(objectName)) {
        add(`relatedLists: ${name} relates ${child} to ${target}, not to ${objectName}`, 'relatedList', name);
    }
    // Columns are API names for custom fields, upper-case tokens (NAME, CREATED_DATE) for standard ones, and
    // Lookup__c.Field__c for a field of the record a lookup points to.
    for (const column of [...texts(list, 'fields'), text(list, 'sortField')].filter((c) => c?.endsWith('__c'))) {
        const missing = missingPath(project, child, column, `relatedLists ${name}: column`);
        if (missing) add(missing, 'fields', column);
    }
}

/** Resolves Lookup__c.Field__c (one hop through a project lookup) or Field__c; returns a message or undefined. */
function missingPath(project, objectName, path, where) {
    const [first, ...rest] = path.split('.');
    if (!rest.length) return project.missingField(objectName, first, where);
    const missing = project.missingField(objectName, first, where);
    if (missing) return missing;
    const lookup = project.lookupField(objectName, first).field;
    const target = lookup?.root ? text(lookup.root, 'referenceTo') : undefined;
    return target && rest.length === 1 ? project.missingField(target, rest[0], where) : undefined;
}

function checkFlexipage(project, page) {
    const { root, file, name } = page;
    const findings = [];
    const add = (message, tag, value) =>
        findings.push(project.finding(file, `FlexiPage ${name}: ${message}`, tag, value));
    const pageType = text(root, 'type');
    const objectName = text(root, 'sobjectType');
    if (objectName && !project.hasObject(objectName)) add(`sobjectType ${objectName} does not exist`, 'sobjectType');

    const regions = all(root, 'flexiPageRegions');
    const regionNames = new Set(regions.map((region) => text(region, 'name')));
    for (const item of regions.flatMap((region) => all(region, 'itemInstances'))) {
        for (const component of all(item, 'componentInstance')) {
            checkComponent(project, component, pageType, objectName, add);
            for (const property of all(component, 'componentInstanceProperties')) {
                const value = text(property, 'value') ?? '';
                // Facet references (tabs, columns, field sections) name other regions of the same page.
                if (value.startsWith('Facet-') && !regionNames.has(value)) {
                    add(
                        `component property ${text(property, 'name')} refers to facet ${value}, which is not a region of this page`,
                        'value',
                        value
                    );
                }
            }
            checkVisibility(project, component, objectName, add);
        }
        for (const field of all(item, 'fieldInstance')) {
            const fieldItem = text(field, 'fieldItem') ?? '';
            const [prefix, fieldName] = fieldItem.split('.');
            if (prefix !== 'Record' || !fieldName) {
                add(`fieldInstance ${fieldItem} should read Record.FieldName`, 'fieldItem', fieldItem);
            } else if (!objectName) {
                add(`fieldInstance ${fieldItem} on a page without sobjectType`, 'fieldItem', fieldItem);
            } else {
                const missing = project.missingField(objectName, fieldName, 'fieldInstance');
                if (missing) add(missing, 'fieldItem', fieldItem);
            }
            checkVisibility(project, field, objectName, add);
        }
    }
    return findings;
}

function checkComponent(project, component, pageType, objectName, add) {
    const componentName = text(component, 'componentName') ?? '';
    const [namespace, bundleName] = componentName.split(':');
    if (!bundleName) {
        add(`componentName ${componentName} should read namespace:component`, 'componentName', componentName);
        return;
    }
    if (!isOwnNamespace(project, namespace)) {
        checkStandardComponent(project, namespace, bundleName, componentName, add);
        return;
    }
    if (namespace !== OWN_FORM) {
        add(
            `component ${componentName} names the package's own component by its namespace; write ${OWN_FORM}:${bundleName}, which deploys with or without the namespace (LWC Developer Guide, Component Namespaces)`,
            'componentName',
            componentName
        );
    }
    const bundle = project.lwc.get(bundleName);
    if (!bundle) {
        if (project.aura.has(bundleName)) return;
        const hint = suggestion(bundleName, [...project.lwc.keys()], (s) => `${namespace}:${s}`);
        add(
            `component ${componentName} does not exist (no LWC bundle ${bundleName} in the project)${hint}`,
            'componentName',
            componentName
        );
        return;
    }
    const { config } = bundle;
    if (!config.isExposed) {
        const message = `component ${componentName} is not exposed (isExposed is not true in its js-meta.xml)`;
        add(message, 'componentName', componentName);
    }
    const target = PAGE_TARGETS[pageType];
    if (!target) return;
    if (!config.targets.includes(target)) {
        add(
            `component ${componentName} does not list target ${target}, needed on a ${pageType}`,
            'componentName',
            componentName
        );
        return;
    }
    const targetConfig = config.configs.find((c) => c.targets.includes(target));
    const allowed = targetConfig?.objects.map((o) => project.local(o)) ?? [];
    if (allowed.length && objectName && !allowed.includes(project.local(objectName))) {
        add(
            `component ${componentName} is limited to ${targetConfig.objects.join(', ')} and cannot go on a ${objectName} page`,
            'componentName',
            componentName
        );
    }
    const implicit = PAGE_PROPERTIES[pageType] ?? [];
    for (const property of all(component, 'componentInstanceProperties')) {
        const propertyName = text(property, 'name');
        if (propertyName && !implicit.includes(propertyName) && !targetConfig?.properties.includes(propertyName)) {
            const hint = suggestion(propertyName, targetConfig?.properties ?? []);
            add(
                `component ${componentName} has no design property ${propertyName} for ${target}${hint}`,
                'name',
                propertyName
            );
        }
    }
}

/** A platform component: its namespace must be a standard one and its name one we know there. */
function checkStandardComponent(project, namespace, name, componentName, add) {
    const known = STANDARD_COMPONENTS[namespace];
    if (!known) {
        const hint = suggestion(namespace, [...Object.keys(STANDARD_COMPONENTS), OWN_FORM], (s) => `${s}:`);
        add(
            `component ${componentName}: namespace ${namespace} is neither ${OWN_FORM} (the package's own components) nor a standard one (${Object.keys(STANDARD_COMPONENTS).join(', ')})${hint}`,
            'componentName',
            componentName
        );
    } else if (!known.includes(name)) {
        const hint = suggestion(name, known, (s) => `${namespace}:${s}`);
        add(
            `component ${componentName} is not a known standard component of ${namespace} (${known.join(', ')})${hint}`,
            'componentName',
            componentName
        );
    }
}

/** Visibility rules test record fields as {!Record.Field__c}. */
function checkVisibility(project, instance, objectName, add) {
    for (const criterion of all(instance, 'visibilityRule').flatMap((rule) => all(rule, 'criteria'))) {
        const match = /^\{!Record\.(\w+)\}$/.exec(text(criterion, 'leftValue') ?? '');
        if (!match || !objectName) continue;
        const missing = project.missingField(objectName, match[1], 'visibilityRule');
        if (missing) add(missing, 'leftValue', text(criterion, 'leftValue'));
    }
}

function checkTab(project, tab) {
    const { root, file, name } = tab;
    const findings = [];
    const add = (message, tag) => findings.push(project.finding(file, `CustomTab ${name}: ${message}`, tag));
    if (text(root, 'customObject') === 'true' && !project.findObject(name)?.defined) {
        add(
            `customObject tab for ${name}, which is not an object in the project${suggestion(name, [...project.objects.keys()])}`,
            'customObject'
        );
    }
    const lwc = text(root, 'lwcComponent');
    if (lwc) {
        const bundle = project.lwc.get(project.local(lwc));
        if (!bundle)
            add(`lwcComponent ${lwc} does not exist${suggestion(lwc, [...project.lwc.keys()])}`, 'lwcComponent');
        else if (!bundle.config.targets.includes('lightning__Tab'))
            add(`lwcComponent ${lwc} does not list target lightning__Tab`, 'lwcComponent');
    }
    const flexiPage = text(root, 'flexiPage');
    if (flexiPage && !project.flexipages.has(project.local(flexiPage)))
        add(`flexiPage ${flexiPage} does not exist`, 'flexiPage');
    const page = text(root, 'page');
    if (page && !project.pages.has(project.local(page))) add(`page ${page} does not exist`, 'page');
    const aura = text(root, 'auraComponent');
    if (aura && !project.aura.has(project.local(aura))) add(`auraComponent ${aura} does not exist`, 'auraComponent');
    return findings;
}

function checkApplication(project, app) {
    const { root, file, name } = app;
    const findings = [];
    const add = (message, tag, value) =>
        findings.push(project.finding(file, `CustomApplication ${name}: ${message}`, tag, value));
    const tabExists = (tab) =>
        tab.startsWith('standard-') || project.tabs.has(project.local(tab)) || project.isForeign(tab);
    for (const tab of texts(root, 'tabs')) {
        if (!tabExists(tab)) add(`tab ${tab} does not exist${suggestion(tab, [...project.tabs.keys()])}`, 'tabs', tab);
    }
    const landing = text(root, 'defaultLandingTab');
    if (landing && !tabExists(landing))
        add(`defaultLandingTab ${landing} does not exist`, 'defaultLandingTab', landing);
    const utilityBar = text(root, 'utilityBar');
    if (utilityBar && !project.flexipages.has(project.local(utilityBar)))
        add(`utilityBar ${utilityBar} is not a Lightning page in the project`, 'utilityBar');
    for (const override of [...all(root, 'actionOverrides'), ...all(root, 'profileActionOverrides')]) {
        const content = text(override, 'content');
        if (text(override, 'type') === 'Flexipage' && content && !project.flexipages.has(project.local(content))) {
            add(`action override uses Lightning page ${content}, which does not exist`, 'content', content);
        }
    }
    return findings;
}

// Name and label length limits the platform enforces on deploy, per component kind. Each limit cites where the
// Salesforce documentation states it. API names are measured without the namespace prefix and without the
// __c / __mdt suffix, as the documentation counts them.
import { all, text } from './metadata-tree.mjs';

// Object Reference / Salesforce Help, "Custom Field Attributes" and "Create a Custom Object": Field Label and
// Object Label up to 40 characters; Field Name / Object Name (the API name before __c) up to 40 characters.
// Metadata API Developer Guide, CustomField: description up to 1,000 characters, inlineHelpText up to 510.
const OBJECT = { name: 40, label: 40, pluralLabel: 40 };
const FIELD = { name: 40, label: 40, description: 1000, inlineHelpText: 510 };
// Metadata API Developer Guide / Tooling API, ValidationRule: "The message must be 255 characters or less";
// Salesforce Help, "Define Validation Rules": Rule Name up to 40 characters.
const VALIDATION_RULE = { name: 40, errorMessage: 255 };
// Tooling API, PermissionSet: Label limit 80 characters, Description limit 255 characters; Salesforce Help,
// "Create Permission Sets": API Name up to 80 characters.
const PERMISSION_SET = { name: 80, label: 80, description: 255 };
// Salesforce Help, "Add or Edit Custom Metadata Records Declaratively": Label and Custom Metadata Record Name
// (DeveloperName) up to 40 characters.
const METADATA_RECORD = { name: 40, label: 40 };
// Salesforce Help, "Create a Custom List View": View Name (label) and View Unique Name up to 40 characters.
const LIST_VIEW = { name: 40, label: 40 };
// Metadata API Developer Guide, CustomLabels: fullName up to 80 characters; value up to 1,000 characters.
const CUSTOM_LABEL = { name: 80, value: 1000 };

/** Findings for every name or label over its limit in a MetadataProject. */
export function checkLimits(project) {
    const findings = [];
    const over = (entry, kind, limits, values) => {
        for (const [key, value] of Object.entries(values)) {
            const limit = limits[key];
            if (value === undefined || limit === undefined || value.length <= limit) continue;
            const what = key === 'name' ? 'API name' : key;
            const tag = key === 'name' ? undefined : key;
            findings.push(
                project.finding(
                    entry.file,
                    `${kind} ${entry.display ?? entry.name}: ${what} is ${value.length} characters; the limit is ${limit} ("${value}")`,
                    tag
                )
            );
        }
    };
    const bare = (name) => project.local(name).replace(/__(c|mdt|e|b|x)$/, '');
    for (const object of project.objects.values()) {
        if (object.defined && object.file) {
            over(object, 'CustomObject', OBJECT, {
                name: bare(object.name),
                label: text(object.root, 'label'),
                pluralLabel: text(object.root, 'pluralLabel')
            });
        }
        for (const field of object.fields.values()) {
            if (!field.name.endsWith('__c')) continue;
            over({ ...field, display: `${object.name}.${field.name}` }, 'CustomField', FIELD, {
                name: bare(field.name),
                label: text(field.root, 'label'),
                description: text(field.root, 'description'),
                inlineHelpText: text(field.root, 'inlineHelpText')
            });
        }
        for (const rule of object.validationRules.values()) {
            over({ ...rule, display: `${object.name}.${rule.name}` }, 'ValidationRule', VALIDATION_RULE, {
                name: rule.name,
                errorMessage: text(rule.root, 'errorMessage')
            });
        }
        for (const view of object.listViews.values()) {
            over({ ...view, display: `${object.name}.${view.name}` }, 'ListView', LIST_VIEW, {
                name: view.name,
                label: text(view.root, 'label')
            });
        }
    }
    for (const permissionSet of project.permissionSets.values()) {
        over(permissionSet, 'PermissionSet', PERMISSION_SET, {
            name: permissionSet.name,
            label: text(permissionSet.root, 'label'),
            description: text(permissionSet.root, 'description')
        });
    }
    for (const record of project.customMetadata.values()) {
        over(record, 'CustomMetadata', METADATA_RECORD, {
            name: record.name.slice(record.name.indexOf('.') + 1),
            label: text(record.root, 'label')
        });
    }
    for (const label of project.customLabels.values()) {
        over(label, 'CustomLabel', CUSTOM_LABEL, { name: label.name, value: text(label.root, 'value') });
    }
    return findings;
}

/** Every <labels> entry of a CustomLabels file, as { name, root } (for MetadataProject). */
export function labelsOf(root) {
    return all(root, 'labels').map((label) => ({ name: text(label, 'fullName'), root: label }));
}

// Metadata.Operations.enqueueDeployment on the embedded org. The Metadata namespace's classes are Apex source
// (apex/Metadata.cls); what needs the org is here, behind the native OfflineRuntime class that source calls.
//
// The platform's rules, and where they are written:
// - Apex Reference, "Operations Class", enqueueDeployment: "Deploys custom metadata components asynchronously";
//   it returns the deployment job's Id. Apex Developer Guide, "Retrieving and Deploying Metadata": components can
//   be created and updated, not deleted; a component in a namespace is named with the namespace
//   ("myPackage__MDType1__mdt.myPackage__Component1").
// - Apex Developer Guide, "Testing Metadata Deployments": tests cannot see a deployment happen; they check the
//   container and call the callback themselves. A test that enqueues one gets System.AsyncException "Metadata
//   cannot be deployed from within a test" (message reconstructed from platform output).
// - Apex Reference, "DeployCallback Interface": "Salesforce calls your DeployCallback.handleResult() method
//   asynchronously once the queued deployment completes". Asynchronous work starts after the enqueuing transaction
//   commits (Apex Developer Guide, "Triggers and Order of Execution", last step), and not at all when it rolls back.
// - Apex Reference, "DeployResult Class" / "DeployMessage Class" / "DeployStatus Enum": the result's fields.
// - Apex Reference, "CustomMetadataValue Class": "When setting the value for relationship fields, use the qualified
//   API name of the related metadata, not the ID."
// - Object Reference, "Custom Metadata Type__mdt": a record's DeveloperName holds only letters, digits and
//   underscores, begins with a letter, does not end with an underscore nor hold two in a row; Metadata API Developer
//   Guide, "CustomMetadata": a record's name and label hold at most 40 characters (the limits Setup shows).
//
// Here: the container is copied when it is enqueued; after the transaction commits (session.mjs runs
// rt.services.afterCommit) the deployment checks each record against its type, whatever custom metadata type of the
// package it is (the type and fields exist; a new record has a valid name, a label and every required field; a text
// fits its length; a number is a number within its precision; a checkbox is true or false; a metadata relationship
// names a record of its type, by its qualified API name) and applies all or none, updating the records there are and
// creating the others (org.setCustomMetadata with `create`); then the callback runs in a transaction of its own as
// the user who enqueued it (the documentation names no other user). Deploying anything but custom metadata records
// (a layout, say) and Metadata.Operations.retrieve are not modelled and say so.
import { defineNative } from '../interpreter/natives.mjs';
import { findClass } from '../interpreter/names.mjs';
import { ApexList } from '../values/collections.mjs';
import { ApexDecimal, ApexDouble, ApexObject } from '../values/values.mjs';
import { toJsNumber } from '../values/numbers.mjs';
import { idSuffix } from '../values/ids.mjs';

const lower = (text) => String(text ?? '').toLowerCase();

let counter = 0;
/**
 * A well-formed Id with the key prefix of a deployment request (0Af) or an async Apex job (707). The org's own
 * records have '5g0' after the prefix (preview/org/store.mjs), AsyncApexJob rows included; these have '5m0', so the
 * two never meet.
 */
function jobId(prefix) {
    counter += 1;
    const id15 = `${prefix}5m0${counter.toString(36).toUpperCase().padStart(9, '0')}`;
    return id15 + idSuffix(id15);
}

const field = (object, name) => (object instanceof ApexObject ? object.fields.get(lower(name)) : undefined);

/** A plain copy of a Metadata.CustomMetadata object, taken when it is enqueued (later edits do not deploy). */
function copyComponent(rt, component) {
    if (!(component instanceof ApexObject) || component.cls.simpleName.toLowerCase() !== 'custommetadata') {
        rt.unsupported(
            `Metadata.Operations.enqueueDeployment of ${rt.typeOf(component)?.name ?? 'this component'} (only custom metadata records)`
        );
    }
    const values = field(component, 'values')?.items ?? [];
    return {
        fullName: field(component, 'fullName') ?? null,
        label: field(component, 'label') ?? null,
        values: values.map((value) => ({ field: field(value, 'field') ?? null, value: field(value, 'value') ?? null }))
    };
}

function jsValue(value) {
    if (value instanceof ApexDecimal || value instanceof ApexDouble || typeof value === 'bigint')
        return toJsNumber(value);
    return value;
}

/** "ns__Name" → "Name" for the package's own namespace; other namespaces stay as they are. */
function localName(namespace, name) {
    const prefix = namespace ? `${lower(namespace)}__` : null;
    return prefix && lower(name).startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** A DeveloperName as the platform accepts one: a letter, then letters, digits and single underscores, up to 40. */
const DEVELOPER_NAME = /^[A-Za-z](?:_?[A-Za-z0-9])*$/;
const MAX_NAME_LENGTH = 40;

const blank = (value) => value === null || value === undefined || value === '';

/** What the deployment would refuse for one value, or null (the Metadata API's messages are reconstructed). */
function valueProblem(org, namespace, fieldSpec, value) {
    if (blank(value)) return fieldSpec.required ? `Required field is missing: ${fieldSpec.name}` : null;
    const type = lower(fieldSpec.type);
    if (type === 'metadatarelationship') {
        const target = org.schema.metadataTypes.get(lower(fieldSpec.referenceTo));
        const name = localName(namespace, String(value));
        const found = target && org.customMetadata(target.name).some((r) => lower(r.DeveloperName) === lower(name));
        return found ? null : `${fieldSpec.name}: no ${fieldSpec.referenceTo} record named ${value}`;
    }
    if (type === 'checkbox') return typeof value === 'boolean' ? null : `${fieldSpec.name}: not a valid Boolean value`;
    if (type === 'number' || type === 'percent' || type === 'currency') {
        const number = typeof value === 'number' ? value : Number(jsValue(value));
        if (!Number.isFinite(number)) return `${fieldSpec.name}: value not of required type: ${value}`;
        const digits = Math.trunc(Math.abs(number)).toString().length;
        const intDigits = (fieldSpec.precision ?? 18) - (fieldSpec.scale ?? 0);
        if (digits > intDigits) return `${fieldSpec.name}: number is too large: ${number}`;
        return null;
    }
    const text = String(value);
    if (fieldSpec.length && text.length > fieldSpec.length)
        return `${fieldSpec.name}: data value too large: ${text.slice(0, 40)}... (max length=${fieldSpec.length})`;
    return null;
}

/**
 * Checks one copied component against the org; returns { problem } or { recordName, values, create } (`create`:
 * { label } for a record the org does not have yet).
 */
function checkComponent(org, namespace, component) {
    const [typePart, recordPart, extra] = String(component.fullName ?? '').split('.');
    if (!typePart || !recordPart || extra !== undefined) return { problem: `Invalid fullName: ${component.fullName}` };
    const typeName = localName(namespace, typePart);
    const entry = org.schema.metadataTypes.get(lower(typeName));
    if (!entry) return { problem: `Could not find custom metadata type ${typePart}` };
    const recordName = localName(namespace, recordPart);
    if (!DEVELOPER_NAME.test(recordName) || recordName.length > MAX_NAME_LENGTH) {
        // The record's name is not a DeveloperName the platform would accept.
        return { problem: `Invalid fullName: ${component.fullName}` };
    }
    const existing = org.customMetadata(entry.name).find((record) => lower(record.DeveloperName) === lower(recordName));
    const label = component.label ?? existing?.MasterLabel ?? null;
    if (blank(label)) return { problem: 'Required field is missing: label' };
    if (String(label).length > MAX_NAME_LENGTH) {
        return { problem: `label: data value too large: ${label} (max length=${MAX_NAME_LENGTH})` };
    }
    const values = {};
    for (const { field: name, value } of component.values) {
        const spec = entry.fields.get(lower(localName(namespace, name ?? '')));
        if (!spec || spec.standard) return { problem: `Could not find field ${name} on ${typePart}` };
        const problem = valueProblem(org, namespace, spec, value);
        if (problem) return { problem };
        const plain = jsValue(value);
        values[spec.name] = blank(plain)
            ? null
            : lower(spec.type) === 'metadatarelationship'
              ? localName(namespace, String(plain))
              : plain;
    }
    if (existing) {
        if (component.label !== null) Object.assign(values, { MasterLabel: label, Label: label });
        return { recordName: `${entry.name}.${existing.DeveloperName}`, values };
    }
    const missing = [...entry.fields.values()].filter(
        (spec) => spec.required && !spec.standard && blank(values[spec.name])
    );
    if (missing.length) return { problem: `Required fields are missing: [${missing.map((spec) => spec.name)}]` };
    return { recordName: `${entry.name}.${recordName}`, values, create: { label } };
}

function enumValue(rt, enumName, valueName) {
    return findClass(rt.program, enumName, null).enumByName.get(lower(valueName));
}

function apexObject(rt, typeName, props) {
    const object = rt.newInstance(typeName);
    for (const [name, value] of Object.entries(props)) object.fields.set(lower(name), value);
    return object;
}

/** The Metadata.DeployResult the callback receives. */
function deployResult(rt, job, outcome) {
    const now = rt.now();
    const messages = (list, success) =>
        new ApexList(
            { name: 'Metadata.DeployMessage' },
            list.map(({ component, problem, create }) =>
                apexObject(rt, 'Metadata.DeployMessage', {
                    fullName: component.fullName,
                    componentType: 'CustomMetadata',
                    success,
                    changed: success && !create,
                    created: success && Boolean(create),
                    deleted: false,
                    problem: problem ?? null,
                    problemType: problem ? 'Error' : null
                })
            )
        );
    const failed = outcome.failures.length > 0;
    return apexObject(rt, 'Metadata.DeployResult', {
        id: job.id,
        status: enumValue(rt, 'Metadata.DeployStatus', failed ? 'Failed' : 'Succeeded'),
        success: !failed,
        done: true,
        checkOnly: false,
        ignoreWarnings: false,
        rollbackOnError: true,
        createdBy: job.userId,
        createdDate: job.createdDate,
        startDate: job.createdDate,
        completedDate: now,
        lastModifiedDate: now,
        numberComponentsTotal: job.components.length,
        numberComponentsDeployed: failed ? 0 : job.components.length,
        numberComponentErrors: outcome.failures.length,
        numberTestsTotal: 0,
        numberTestsCompleted: 0,
        numberTestErrors: 0,
        errorMessage: null,
        errorStatusCode: null,
        details: apexObject(rt, 'Metadata.DeployDetails', {
            componentFailures: messages(outcome.failures, false),
            componentSuccesses: messages(failed ? [] : outcome.checked, true)
        })
    });
}

/** Runs one queued deployment on the session's org, then its callback as a transaction of its own. */
function runDeployment(session, job) {
    const { org, program } = session;
    const checked = job.components.map((component) => ({
        component,
        ...checkComponent(org, program.namespace, component)
    }));
    const failures = checked.filter((entry) => entry.problem);
    // All or none: a deployment with a failed component changes nothing.
    if (!failures.length) {
        for (const entry of checked) org.setCustomMetadata(entry.recordName, entry.values, { create: entry.create });
    }
    const record = { type: 'Metadata deployment', id: job.id, status: failures.length ? 'Failed' : 'Succeeded' };
    session.asyncJobs.push(record);
    if (!job.callback) return;
    const callbackJob = { type: 'DeployCallback', id: jobId('707'), status: 'Completed', error: null };
    session.asyncJobs.push(callbackJob);
    try {
        session.transaction(job.userId, (rt) => {
            const result = deployResult(rt, job, { failures, checked });
            const context = apexObject(rt, 'Metadata.DeployCallbackContext', { callbackJobId: callbackJob.id });
            rt.call(job.callback, 'handleResult', [result, context]);
        });
    } catch (error) {
        // An exception in asynchronous Apex fails that job only; the deployment stays done.
        callbackJob.status = 'Failed';
        callbackJob.error = error;
    }
}

defineNative({
    name: 'OfflineRuntime',
    namespace: 'OfflineRuntime',
    isInstance: () => false,
    staticMethods: {
        enqueuemetadatadeployment: (rt, [container, callback]) => {
            if (rt.isTest) rt.throw('System.AsyncException', 'Metadata cannot be deployed from within a test');
            if (!(container instanceof ApexObject))
                rt.unsupported('Metadata.Operations.enqueueDeployment without a DeployContainer');
            const components = (field(container, 'components')?.items ?? []).map((c) => copyComponent(rt, c));
            const job = {
                id: jobId('0Af'),
                userId: rt.userId,
                createdDate: rt.now(),
                components,
                callback: callback ?? null
            };
            rt.services.afterCommit ??= [];
            rt.services.afterCommit.push((session) => runDeployment(session, job));
            return job.id;
        },
        retrievemetadata: (rt) => rt.unsupported('Metadata.Operations.retrieve')
    }
});

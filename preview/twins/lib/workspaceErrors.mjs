// The preview twin of PlanWorkspaceErrors (force-app/main/plan-workspace/classes): what a failed workspace save
// reports, per record and field, under the workspace's own names for the fields, and the AuraHandledException
// the controller throws with that report as its JSON message. The component parses `error.body.message`
// (planWorkspaceModel.parseServerError), so the JSON must have the Apex shape, key for key.
import { auraHandledException } from './pipelineAura.mjs';

/** PlanWorkspaceErrors.MILESTONE_FIELD_KEYS: the workspace's name for each milestone field, in the Apex order. */
export const MILESTONE_FIELD_KEYS = [
    ['Name', 'name'],
    ['Description__c', 'description'],
    ['Phase__c', 'phase'],
    ['Side__c', 'side'],
    ['Buyer_Owner__c', 'buyerOwnerId'],
    ['Seller_Owner__c', 'sellerOwnerId'],
    ['Due_Date__c', 'dueDate'],
    ['Completed_On__c', 'completedOn'],
    ['Status__c', 'status'],
    ['Buyer_Confirmed__c', 'buyerConfirmed'],
    ['Sort_Order__c', 'sortOrder'],
    ['Duration_Days__c', 'durationDays'],
    ['Depends_On__c', 'dependsOnId'],
    ['Marks_Close__c', 'marksClose'],
    ['Slip_Reason__c', 'slipReason'],
    ['Slip_Note__c', 'slipNote']
];

/** PlanWorkspaceErrors.PLAN_FIELD_KEYS: the workspace's name for each plan field. */
export const PLAN_FIELD_KEYS = [
    ['Name', 'name'],
    ['Status__c', 'status'],
    ['Shared_Objective__c', 'sharedObjective'],
    ['Target_Date__c', 'targetDate'],
    ['Anchor_Event__c', 'anchorEvent'],
    ['Buyer_Lead__c', 'buyerLeadId'],
    ['Buyer_Accepted__c', 'buyerAccepted'],
    ['Buyer_Accepted_By__c', 'buyerAcceptedById']
];

const keyMaps = new WeakMap();
const NO_FIELDS = [];

/**
 * PlanWorkspaceErrors.keysByApiName: field names as the platform reports them, with or without the package
 * namespace and in any case, to the workspace's names.
 */
function fieldKeyOf(fieldKeys, field) {
    let keys = keyMaps.get(fieldKeys);
    if (!keys) {
        keys = new Map(fieldKeys.map(([apiName, key]) => [apiName.toLowerCase(), key]));
        keyMaps.set(fieldKeys, keys);
    }
    const local = String(field)
        .toLowerCase()
        .replace(/^[a-z0-9]+__(?=\w+__c$)/, '');
    return keys.get(local);
}

/** PlanWorkspaceErrors.RecordError: one record's messages and field errors, in the JSON's key order. */
function recordError(key) {
    return { key: key ?? null, messages: [], fieldErrors: {} };
}

/** PlanWorkspaceErrors.SaveException: thrown by the service once a failed save has been rolled back. */
export class WorkspaceSaveError extends Error {
    constructor(errors) {
        super(errors.message ?? '');
        this.name = 'SaveException';
        this.errors = errors;
    }
}

/** PlanWorkspaceErrors: a summary, page errors, and record errors in the order they were reported. */
export class WorkspaceErrors {
    constructor(message) {
        this.message = message;
        this.pageErrors = [];
        this.recordErrors = [];
    }

    hasErrors() {
        return this.pageErrors.length > 0 || this.recordErrors.length > 0;
    }

    addPageError(error) {
        this.pageErrors.push(error);
    }

    addRecordError(key, error) {
        const record = recordError(key);
        record.messages.push(error);
        this.recordErrors.push(record);
    }

    /** A record error with one field error, as the service builds for a status or a predecessor it refuses. */
    addFieldError(key, field, error) {
        const record = recordError(key);
        record.fieldErrors[field] = [error];
        this.recordErrors.push(record);
    }

    /**
     * addSaveResults: the failures of an insert or update with allOrNone false (the org's
     * `[{ id, success, errors }]`, as Database.SaveResult); results[i] belongs to keys[i].
     */
    addSaveResults(results, keys, fieldKeys) {
        results.forEach((result, i) => {
            if (!result.success) this.addErrors(keys[i], result.errors, fieldKeys);
        });
    }

    /** addDeleteResults: the failures of a delete; no error of a delete is placed on a field. */
    addDeleteResults(results, keys) {
        results.forEach((result, i) => {
            if (!result.success) this.addErrors(keys[i], result.errors, NO_FIELDS);
        });
    }

    /**
     * addErrors: each of the platform's errors goes on every field it names that the workspace knows, else to
     * the record's messages. The org's error names its fields as Database.Error.getFields() does.
     */
    addErrors(key, errors, fieldKeys) {
        const record = recordError(key);
        for (const error of errors) {
            let placed = false;
            for (const field of error.fields ?? (error.field ? [error.field] : [])) {
                const fieldKey = fieldKeyOf(fieldKeys, field);
                if (fieldKey === undefined) continue;
                (record.fieldErrors[fieldKey] ??= []).push(error.message);
                placed = true;
            }
            if (!placed) record.messages.push(error.message);
        }
        this.recordErrors.push(record);
    }

    toException() {
        return new WorkspaceSaveError(this);
    }

    /** JSON.serialize(this): message, pageErrors, recordErrors (key, messages, fieldErrors). */
    toJson() {
        return JSON.stringify({ message: this.message, pageErrors: this.pageErrors, recordErrors: this.recordErrors });
    }
}

/**
 * PlanWorkspaceService.asSaveException: a failure as a SaveException; any other failure (a bug, a platform
 * exception) becomes a page error of the report collected so far.
 */
export function asSaveError(failure, errors) {
    if (failure instanceof WorkspaceSaveError) return failure;
    errors.addPageError(messageOf(failure));
    return errors.toException();
}

/**
 * PlanWorkspaceController.auraError: the AuraHandledException the component receives, its message the JSON
 * report. A failure that is not a SaveException becomes a page error under the action's summary.
 */
export function workspaceAuraError(failure, summary) {
    let errors;
    if (failure instanceof WorkspaceSaveError) {
        errors = failure.errors;
    } else {
        errors = new WorkspaceErrors(summary);
        errors.addPageError(messageOf(failure));
    }
    return auraHandledException(errors.toJson());
}

/** Exception.getMessage(): a thrown value's message, or the value itself. */
function messageOf(failure) {
    return failure instanceof Error ? failure.message : String(failure);
}

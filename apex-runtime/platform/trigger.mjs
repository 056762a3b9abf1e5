// Apex triggers over the embedded org (Apex Developer Guide, "Triggers", "Trigger Context Variables", "Triggers and
// Order of Execution", "Trigger Exceptions"). createTriggerRunner gives the org the function it calls for each
// trigger event: the event's rows become ApexSObjects bound to Trigger.new/old/newMap/oldMap, the trigger's body
// runs, field changes made in before triggers go back into the rows being saved, and record errors (addError, or an
// exception escaping the trigger) become the org's record errors.
import { ApexList, ApexMap } from '../values/collections.mjs';
import { sobjectFromRow, toRowValue } from '../values/sobject-rows.mjs';
import { ApexThrow } from '../interpreter/errors.mjs';
import { defineNative } from '../interpreter/natives.mjs';
import { TriggerOperation } from './enums.mjs';
import { recordErrors } from './sobject-methods.mjs';

const isBlank = (value) => value === null || value === undefined;

/** 'before insert' -> 'BeforeInsert', as the platform names the phase in "execution of BeforeInsert". */
const phaseName = (operation) => operation.replace(/(^|\s)(\w)/g, (_, space, c) => c.toUpperCase());

/** The Trigger.* values of one event (Trigger Context Variables). */
export function triggerContext(rt, event) {
    const schema = rt.org.schema;
    const object = schema.object(event.trigger.object);
    const [timing, action] = event.operation.split(' ');
    const after = timing === 'after';
    const toRecords = (rows, readOnly) =>
        rows
            ? rows.map((row) => {
                  const sobject = sobjectFromRow(object, row, { schema });
                  // Trigger.new of an after trigger and Trigger.old are read-only (FinalException on a write).
                  sobject.readOnly = readOnly;
                  return sobject;
              })
            : null;
    const newRecords = action === 'delete' ? null : toRecords(event.records, after);
    const oldRecords = toRecords(event.oldRecords, true);
    const listOf = (records) => (records ? new ApexList({ name: object.name }, records) : null);
    const mapOf = (records) => {
        if (!records) return null;
        const map = new ApexMap({ name: 'Id' }, { name: object.name }, rt);
        for (const record of records) map.set(record.get('Id', rt), record, rt);
        return map;
    };
    return {
        object,
        records: newRecords,
        oldRecords,
        operationType: TriggerOperation.value(event.operation.replace(' ', '_').toUpperCase(), rt),
        isBefore: !after,
        isAfter: after,
        isInsert: action === 'insert',
        isUpdate: action === 'update',
        isDelete: action === 'delete',
        isUndelete: action === 'undelete',
        isExecuting: true,
        new: listOf(newRecords),
        old: listOf(oldRecords),
        // Trigger.newMap: update triggers, after insert and after undelete (not before insert: no ids yet). A
        // platform event's messages carry no Id (EventBus Class: "The Id field value is not included in the event
        // message delivered to subscribers"): no map.
        newMap: newRecords && (after || action === 'update') && !object.platformEvent ? mapOf(newRecords) : null,
        oldMap: mapOf(oldRecords),
        size: (newRecords ?? oldRecords ?? []).length
    };
}

/** One line of the Apex stack trace the platform prints under "caused by:". */
function frameText(frame) {
    const where = `line ${frame.line ?? 0}, column ${frame.column ?? 1}`;
    if (frame.kind === 'trigger' || frame.trigger) return `Trigger.${frame.trigger ?? frame.className}: ${where}`;
    return `Class.${frame.className}.${frame.method}: ${where}`;
}

/**
 * The record error of an exception that escapes a trigger, as the platform words it ("Trigger Exceptions"; e.g.
 * "InvoiceTrigger: execution of BeforeDelete\n\ncaused by: System.NullPointerException: Attempt to de-reference a
 * null object\n\nClass.InvoiceTriggerHandler.beforeDelete: line 7, column 1\nTrigger.InvoiceTrigger: line 2,
 * column 1"), reported with CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY.
 */
export function triggerExceptionMessage(triggerName, operation, thrown) {
    const stack = (thrown.apexStack ?? []).map(frameText).join('\n');
    const head = `${triggerName}: execution of ${phaseName(operation)}\n\ncaused by: ${thrown.typeName}: ${thrown.apexMessage ?? ''}`;
    return stack ? `${head}\n\n${stack}` : head;
}

/** Field values a before trigger changed, written back into the org's row. */
function writeBack(object, sobject, row) {
    for (const [name, value] of sobject.entries()) {
        const field = object.field(name);
        if (!field || field.name === 'Id') continue;
        const stored = toRowValue(field, value);
        const current = row[field.name];
        if (isBlank(stored) && isBlank(current)) continue;
        if (stored !== current) row[field.name] = stored;
    }
}

/**
 * The function to pass as createOrg({ triggerRunner }). `getRt()` is the runtime of the transaction the save runs
 * in; it must have runTrigger(name, context).
 */
export function createTriggerRunner(program, getRt) {
    return function runTrigger(event) {
        const rt = getRt();
        if (!rt) throw new Error(`trigger ${event.trigger.name}: no Apex transaction is running`);
        const context = triggerContext(rt, event);
        rt.services ??= {};
        const previous = rt.services.trigger;
        rt.services.trigger = context;
        try {
            rt.runTrigger(event.trigger.name, context);
        } catch (error) {
            if (!(error instanceof ApexThrow) || error.uncatchable) throw error;
            const message = triggerExceptionMessage(event.trigger.name, event.operation, error);
            const count = (event.records ?? event.oldRecords ?? []).length;
            for (let i = 0; i < count; i++) event.addError(i, null, message, 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY');
            return;
        } finally {
            rt.services.trigger = previous;
        }
        if (context.isBefore && context.records) {
            context.records.forEach((sobject, i) => writeBack(context.object, sobject, event.records[i]));
        }
        // Trigger Context Variables: addError on Trigger.new (insert, update) or Trigger.old (delete) records.
        const marked = context.isDelete ? context.oldRecords : context.records;
        (marked ?? []).forEach((sobject, i) => {
            for (const error of recordErrors(sobject)) event.addError(i, error.field, error.message);
        });
    };
}

// -------------------------------------------------------------------------------------------------------------
// System.Trigger: the context variables of the trigger running now; outside a trigger they are null/false.

const current = (rt) => rt.services?.trigger ?? null;
const flag = (name) => (rt) => current(rt)?.[name] ?? false;
const value = (name) => (rt) => current(rt)?.[name] ?? null;

defineNative({
    name: 'Trigger',
    isInstance: () => false,
    staticProperties: {
        new: value('new'),
        old: value('old'),
        newmap: value('newMap'),
        oldmap: value('oldMap'),
        operationtype: value('operationType'),
        isbefore: flag('isBefore'),
        isafter: flag('isAfter'),
        isinsert: flag('isInsert'),
        isupdate: flag('isUpdate'),
        isdelete: flag('isDelete'),
        isundelete: flag('isUndelete'),
        isexecuting: flag('isExecuting'),
        size: (rt) => current(rt)?.size ?? 0
    }
});

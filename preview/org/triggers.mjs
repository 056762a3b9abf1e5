// The project's triggers, run through the trigger runner the org is given (the offline Apex runtime,
// apex-runtime/session.mjs). The org holds no JavaScript copy of them: without a runner the first event that
// reaches one throws TriggerRunnerMissingError, unless the org was created with `triggers: 'off'`.
import { DmlError, TriggerRunnerMissingError } from './errors.mjs';
import { lower } from './values.mjs';

export class Triggers {
    #schema;
    #runner;
    #off;
    /** The depth of the trigger running now (0 outside any): a DML call it makes is saved one level deeper. */
    depth = 0;

    constructor({ schema, runner, off }) {
        this.#schema = schema;
        this.#runner = runner ?? null;
        this.#off = off;
    }

    /** The project's triggers on the object: [{ name, object, file, events: ['before insert', ...] }]. */
    on(objectName) {
        const name = lower(this.#schema.object(objectName).name);
        return this.#schema.triggers.filter((trigger) => lower(trigger.object) === name);
    }

    /**
     * Runs the project's triggers that declare this event on the object through the trigger runner (the Apex
     * runtime); none with `triggers: 'off'`; without either, the first one fails loudly. Rows of a delete have no
     * `rec`, only `prior`.
     */
    fire(object, event, rows, problems, userId, depth) {
        if (!rows.length || this.#off) return;
        const triggers = this.on(object.name).filter((trigger) => trigger.events.includes(event));
        for (const trigger of triggers) {
            if (!this.#runner) throw new TriggerRunnerMissingError(trigger, event);
            try {
                this.#run(trigger, object, event, rows, problems, userId, depth);
            } catch (error) {
                if (!(error instanceof DmlError)) throw error;
                const phase = event.replace(/\b(\w)/g, (c) => c.toUpperCase()).replace(' ', '');
                for (const row of rows) {
                    problems.add(
                        row.index,
                        null,
                        `${trigger.name}: execution of ${phase} caused by: System.DmlException: ${error.message}`,
                        'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY'
                    );
                }
            }
        }
    }

    #run(trigger, object, event, rows, problems, userId, depth) {
        const after = event.startsWith('after');
        const deleting = event.endsWith('delete');
        // Apex Developer Guide, "Trigger Context Variables": Trigger.new is the records being saved (editable only
        // in before insert/update), null in delete triggers; Trigger.old is the saved versions (update, delete), read
        // only.
        const records = deleting ? null : rows.map((row) => (after ? Object.freeze({ ...row.rec }) : row.rec));
        const oldRecords = rows[0].prior ? rows.map((row) => Object.freeze({ ...row.prior })) : null;
        const event_ = {
            trigger: { name: trigger.name, object: trigger.object, file: trigger.file },
            operation: event,
            records,
            oldRecords,
            userId,
            depth,
            // addError from Apex (SObject.addError) is FIELD_CUSTOM_VALIDATION_EXCEPTION; the trigger runner passes
            // another status code for an exception that escaped the trigger (CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY).
            addError: (rowIndex, field, message, statusCode = 'FIELD_CUSTOM_VALIDATION_EXCEPTION') => {
                const row = rows[rowIndex];
                if (!row) throw new Error(`addError: no row ${rowIndex} in this ${event} event`);
                const fieldName = field ? (object.field(field)?.name ?? field) : null;
                problems.add(row.index, fieldName, message, statusCode);
            }
        };
        const previous = this.depth;
        this.depth = depth + 1;
        try {
            this.#runner(event_);
        } finally {
            this.depth = previous;
        }
    }
}

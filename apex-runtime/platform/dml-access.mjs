// Who may write which record, checked before a DML statement reaches the org. Apex Developer Guide, "Enforce User
// Mode for Database Operations": in user mode the running user's object permissions, field-level security and
// sharing are enforced ("use the DMLException method getDmlFieldNames() to obtain the fields with FLS errors");
// "Use the with sharing, without sharing, and inherited sharing Keywords": system-mode DML in a `with sharing`
// context still respects the user's record access.
//
// The messages are the API's for INSUFFICIENT_ACCESS_OR_READONLY (SOAP API Developer Guide, "StatusCode"); the exact
// wording of the user-mode FLS error is the platform's as observed, not quoted by the documentation.
import { isCalculated } from '../../preview/org/schema.mjs';

const NEED = { insert: 'create', update: 'edit', delete: 'delete' };
const NO_RECORD_ACCESS = 'insufficient access rights on object id';

const problem = (message, fields = []) => ({ statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message, fields });

/**
 * The first access problem of one record, or null. `action`: 'insert' | 'update' | 'delete'; `fieldNames` the
 * populated fields the statement writes (insert/update); `stored` the org's row (update/delete) or null.
 */
export function accessProblem(rt, { action, object, fieldNames = [], stored = null, userMode, sharing }) {
    if (userMode) {
        const access = rt.org.access(rt.userId);
        if (!access.object(object.name)[NEED[action]]) return problem(NO_RECORD_ACCESS);
        if (action !== 'delete') {
            const denied = fieldNames.filter((name) => {
                const field = object.field(name);
                // Values of read-only fields are ignored by a save (as system mode does), so they are not checked.
                if (!field || field.name === 'Id' || isCalculated(field) || field.readOnly) return false;
                return !access.field(object.name, field.name).edit;
            });
            if (denied.length) {
                return problem(
                    `Operation failed due to fields being inaccessible on Sobject ${object.name}, check errors on Exception or Result!`,
                    denied.map((name) => object.field(name).name)
                );
            }
        }
    }
    if ((userMode || sharing) && stored) {
        // Deleting takes full access to the record (owner, role hierarchy above the owner, Modify All), editing
        // read/write access ("Sharing Settings", Salesforce Help); the org answers both.
        const allowed =
            action === 'delete' && typeof rt.org.canDelete === 'function'
                ? rt.org.canDelete(rt.userId, object.name, stored)
                : requireCanEdit(rt).canEdit(rt.userId, object.name, stored);
        if (!allowed) return problem(NO_RECORD_ACCESS);
    }
    return null;
}

function requireCanEdit(rt) {
    if (typeof rt.org.canEdit !== 'function') rt.unsupported('record sharing (org.canEdit) in this org');
    return rt.org;
}

// User mode and WITH SECURITY_ENFORCED: object and field read access of the running user, from org.access(userId)
// (Apex Developer Guide, "Enforce User Mode for Database Operations" and "Filter SOQL Queries Using WITH
// SECURITY_ENFORCED"). Sharing (record visibility) is applied row by row in execute.mjs through org.canRead.
import { queryError } from './errors.mjs';

function accessOf(ex) {
    if (typeof ex.org.access !== 'function') {
        // Never allow silently: without the org's access model, user mode cannot be honoured.
        throw new Error('SOQL user mode needs org.access(userId), which the embedded org does not provide yet');
    }
    return ex.org.access(ex.userId);
}

/** Every object and field a plan reads: `all` covers every clause, `selectOnly` SELECT and FROM (SECURITY_ENFORCED). */
function collect(plan, reads, selectOnly) {
    reads.objects.add(plan.objectName);
    const addRef = (ref) => {
        for (const read of ref.fieldsRead) {
            reads.objects.add(read.object);
            reads.fields.push(read);
        }
    };
    const visit = (cond) => {
        if (!cond) return;
        if (cond.items) cond.items.forEach(visit);
        if (cond.item) visit(cond.item);
        if (cond.left?.ref) addRef(cond.left.ref);
        if (cond.right?.kind === 'semi') collect(cond.right.plan, reads, selectOnly);
        if (cond.right?.kind === 'list')
            cond.right.items.forEach((item) => item.kind === 'semi' && collect(item.plan, reads, selectOnly));
    };
    for (const entry of plan.select) {
        if (entry.ref) addRef(entry.ref);
        if (entry.kind === 'child') collect(entry.plan, reads, selectOnly);
    }
    if (selectOnly) return reads;
    visit(plan.where);
    visit(plan.having);
    (plan.groupBy ?? []).forEach(addRef);
    for (const order of plan.orderBy) if (order.expr.ref) addRef(order.expr.ref);
    return reads;
}

/** Throws the QueryException the platform raises when the running user cannot read what the query names. */
export function checkAccess(ex, plan, { securityEnforced = false } = {}) {
    const access = accessOf(ex);
    const reads = collect(plan, { objects: new Set(), fields: [] }, securityEnforced);
    // Custom metadata types are not in the org's access model (org.access answers for stored objects only); code
    // and tests read them ("Custom Metadata Types and Apex").
    const stored = (name) => ex.schema.objects?.get(name.toLowerCase()) !== undefined;
    const objectReadable = (name) => !stored(name) || access.object(name)?.read === true;
    const fieldReadable = (read) => !stored(read.object) || access.field(read.object, read.field)?.read === true;
    for (const name of reads.objects) {
        if (objectReadable(name)) continue;
        if (securityEnforced) queryError('Insufficient permissions: secure query included inaccessible object');
        queryError(
            `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append ` +
                `the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
        );
    }
    const denied = reads.fields.filter((read) => !fieldReadable(read));
    if (!denied.length) return;
    if (securityEnforced) queryError('Insufficient permissions: secure query included inaccessible field');
    // QueryException.getInaccessibleFields(): every denied field, by object.
    const inaccessibleFields = {};
    for (const read of denied) (inaccessibleFields[read.object] ??= []).push(read.field);
    const [first] = denied;
    queryError(
        `No such column '${first.field}' on entity '${first.object}'. If you are attempting to use a custom field, be ` +
            `sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for ` +
            `the appropriate names.`,
        { inaccessibleFields }
    );
}

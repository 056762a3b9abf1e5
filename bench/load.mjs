// How the bench loads its data into the embedded org: as a data loader does, through the org's DML (so the Apex
// triggers, roll-ups and validation rules run), in batches of 200.

/**
 * Apex Developer Guide, "Triggers and Order of Execution" / "Bulk Triggers": records reach a trigger in chunks of
 * 200; a load of more is several trigger invocations. One org call per chunk is one DML statement (and one
 * transaction, as one Bulk API or Data Loader batch is).
 */
export const CHUNK = 200;

/** Inserts or updates `records` in chunks of CHUNK as the user in `as`; returns the ids, in order. */
export function saveInChunks(org, operation, sobject, records, as) {
    const ids = [];
    for (let start = 0; start < records.length; start += CHUNK) {
        ids.push(...org[operation](sobject, records.slice(start, start + CHUNK), as));
    }
    return ids;
}

/**
 * Runs load({ as: userId }) with the user holding, for the load only, the permission sets that grant the stage-gate
 * bypass (the bulk deals sit in gated stages without the plan the gates ask for), as scripts/org/load-demo-data.sh
 * does for the demo in a scratch org.
 */
export function withGateBypass(org, userId, load) {
    const as = { as: userId };
    const sets = org.schema.permissionSetsGranting('Bypass_Plan_Gates');
    const assignments = org.assignPermissionSets(userId, sets, as);
    try {
        return load(as);
    } finally {
        org.remove('PermissionSetAssignment', assignments, as);
    }
}

/** AccountId → Id of the account's contact with this title (the demo gives each account one per title). */
export function contactsByTitle(org, title) {
    return new Map(org.query('Contact', (contact) => contact.Title === title).map((c) => [c.AccountId, c.Id]));
}

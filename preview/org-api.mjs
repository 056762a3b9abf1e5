// What the preview's own pages (record page, opportunity list) ask of the embedded org: in an org, the
// platform's record page and LDS do this. Saves go through the org, so the package's rules apply.
function ownerName(org, ownerId) {
    const owner = ownerId ? org.get('User', ownerId) : null;
    return owner ? [owner.FirstName, owner.LastName].filter(Boolean).join(' ') : '';
}

function opportunityView(org, opportunity) {
    const account = opportunity.AccountId ? org.get('Account', opportunity.AccountId) : null;
    return { ...opportunity, AccountName: account?.Name ?? '', OwnerName: ownerName(org, opportunity.OwnerId) };
}

/** The Opportunity stage picklist, in its order: what the record page's path shows. */
function stageNames(org) {
    return org.schema.object('Opportunity').fields.get('stagename')?.picklist?.values ?? [];
}

export function createOrgApi(org) {
    return {
        opportunities() {
            return org
                .query('Opportunity')
                .map((o) => opportunityView(org, o))
                .sort((a, b) => String(a.CloseDate).localeCompare(String(b.CloseDate)));
        },
        opportunityPage({ recordId }) {
            const record = org.get('Opportunity', recordId);
            if (!record) throw Object.assign(new Error(`No opportunity ${recordId}`), { status: 404 });
            return { record: opportunityView(org, record), stages: stageNames(org) };
        },
        getRecord({ recordId, fields = [] }) {
            const sobject = fields[0]?.split('.')[0] ?? 'Opportunity';
            const record = org.get(sobject, recordId);
            if (!record) throw Object.assign(new Error(`No record ${recordId}`), { status: 404 });
            const values = {};
            for (const name of fields) {
                const field = name.split('.').slice(1).join('.') || name;
                values[field] = { value: record[field] ?? null, displayValue: null };
            }
            return { id: record.Id, apiName: sobject, fields: values };
        },
        // The preview's pages edit opportunities only (the stage path).
        updateRecord({ fields }) {
            const { Id, ...changes } = fields ?? {};
            org.update('Opportunity', [{ Id, ...changes }]);
            return { id: Id };
        }
    };
}

// Known gaps in the @salesforce/types model: elements and enum literals that valid, deployable metadata uses
// but the generated declarations lack. Each entry was found by running the metadata-xml check over Salesforce's
// own sample apps (dreamhouse-lwc, ebikes-lwc, coral-cloud), which deploy as they are. Add an entry only with
// such evidence: a gap filled by guesswork hides real typos.

/** Extra elements: type -> element -> property spec (same shape as the model's). */
const EXTRA_ELEMENTS = {
    // Location fields: whether the coordinates show as decimals (dreamhouse-lwc Property__c.Location__c).
    CustomField: { displayLocationInDecimal: { kind: 'boolean', array: false, optional: true } },
    // Experience Cloud sites (ebikes-lwc, coral-cloud).
    CustomSite: { allowGuestPaymentsApi: { kind: 'boolean', array: false, optional: true } }
};

/** Extra enum literals: enum -> literals. */
const EXTRA_LITERALS = {
    // Experience Cloud sites are ChatterNetwork sites; Aura-template ones are ChatterNetworkPicasso.
    SiteType: ['ChatterNetwork', 'ChatterNetworkPicasso']
};

/** Returns a copy of the model with the gaps filled (the cached model itself is left untouched). */
export function fillModelGaps(model) {
    const types = { ...model.types };
    for (const [type, extra] of Object.entries(EXTRA_ELEMENTS)) {
        if (types[type]) types[type] = { ...types[type], ...extra };
    }
    const enums = { ...model.enums };
    for (const [name, literals] of Object.entries(EXTRA_LITERALS)) {
        if (enums[name]) enums[name] = [...new Set([...enums[name], ...literals])];
    }
    return { types, enums };
}

// OpportunityHistory rows, written by the org when an opportunity is saved (Object Reference, "OpportunityHistory",
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/
// sforce_api_objects_opportunityhistory.htm): "This object represents the history of a change to the Amount,
// Probability, Stage, or Close Date fields of an Opportunity"; "When a user or client application changes the value
// of one of the fields mentioned above, a new record is generated. The current values of these key fields are then
// stored in the newly generated object." A new opportunity gets its first row (its values set from nothing). Each
// row holds the values after the save, the forecast category's API value (ForecastCategory), ExpectedRevenue
// ("Calculated revenue based on the Amount and Probability fields"), PrevAmount and PrevCloseDate ("The value in
// the opportunity's Amount [Close Date] field before the update"), and the saving user and time in its audit fields.
// Rows go with their opportunity (a cascade) and with a rolled-back save (the store's journal).
import { FORECAST_CATEGORY } from './bootstrap.mjs';
import { sameValue } from './values.mjs';

// The fields whose change writes a row: the Object Reference lists exactly these four.
const TRACKED = ['Amount', 'Probability', 'StageName', 'CloseDate'];

const expectedRevenue = (amount, probability) =>
    amount == null || probability == null ? null : Math.round(amount * probability) / 100;

/**
 * Writes the history rows of saved opportunity rows ({ rec, prior } as save.mjs holds them) into `store`, stamped
 * with `userId` and `now`; the history object's records are created with the store's ids.
 */
export function writeOpportunityHistory(schema, store, rows, { userId, now }) {
    const history = schema.objects.get('opportunityhistory');
    if (!history) return;
    for (const { rec, prior } of rows) {
        if (prior && TRACKED.every((name) => sameValue(rec[name], prior[name]))) continue;
        store.put(history, {
            Id: store.newId(history),
            OpportunityId: rec.Id,
            StageName: rec.StageName ?? null,
            Amount: rec.Amount ?? null,
            CloseDate: rec.CloseDate ?? null,
            Probability: rec.Probability ?? null,
            ForecastCategory: FORECAST_CATEGORY[rec.ForecastCategoryName] ?? null,
            ExpectedRevenue: expectedRevenue(rec.Amount, rec.Probability),
            PrevAmount: prior ? (prior.Amount ?? null) : null,
            PrevCloseDate: prior ? (prior.CloseDate ?? null) : null,
            CreatedDate: now,
            CreatedById: userId,
            LastModifiedDate: now,
            LastModifiedById: userId,
            SystemModstamp: now
        });
    }
}

// Custom metadata records in Apex ("Custom Metadata Allocations and Usage Calculations",
// https://help.salesforce.com/s/articleView?id=platform.custommetadatatypes_limits.htm): "SOQL queries per Apex
// transaction: Unlimited", but "SOQL queries containing long text area fields count toward Apex governor limits"; the
// records' own getAll()/getInstance() methods are no query at all. On the Rate_Card__mdt of test/fixtures/apex-platform.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apex, fixtureSession } from './fixture-session.mjs';

describe('custom metadata queries and the SOQL limit', () => {
    test('a query of custom metadata records without long text counts toward no query limit', () => {
        const { session } = fixtureSession();
        const got = apex(
            session,
            `Decimal rate;
            for (Integer i = 0; i < 150; i++) {
                rate = [SELECT Rate__c FROM Rate_Card__mdt WHERE DeveloperName = 'Standard'].Rate__c;
            }`,
            "(rate == 12.5) + ' ' + Limits.getQueries()"
        );
        assert.equal(got, 'true 0', '150 queries, more than the limit of 100, none counted');
    });

    test('a query that selects a long text area field counts as one query', () => {
        const { session } = fixtureSession();
        const got = apex(
            session,
            "String notes = [SELECT Notes__c FROM Rate_Card__mdt WHERE DeveloperName = 'Standard'].Notes__c;",
            "notes + ' ' + Limits.getQueries()"
        );
        assert.equal(got, 'The rate most deals use. 1');
    });

    test('a query of an ordinary object still counts', () => {
        const { session } = fixtureSession();
        assert.equal(apex(session, 'List<User> users = [SELECT Id FROM User];', 'Limits.getQueries()'), '1');
    });
});

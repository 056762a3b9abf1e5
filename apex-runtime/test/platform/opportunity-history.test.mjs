// OpportunityHistory (Object Reference, "OpportunityHistory",
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunityhistory.htm):
// a row when an opportunity is created and when its Amount, Probability, StageName or CloseDate change, written by
// the org on save (so in Apex tests too), read only, visible to who sees the opportunity.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asyncSession, run } from './async-session.mjs';

function opportunityOrg(orgOptions) {
    const fixture = asyncSession(orgOptions);
    const [opportunityId] = fixture.org.insert('Opportunity', {
        Name: 'Acme',
        StageName: 'Prospecting',
        CloseDate: '2026-05-01',
        Amount: 1000
    });
    return { ...fixture, opportunityId };
}

const history = (org, opportunityId) =>
    org
        .query('OpportunityHistory', { OpportunityId: opportunityId })
        .map(
            ({
                StageName,
                Amount,
                Probability,
                CloseDate,
                ForecastCategory,
                ExpectedRevenue,
                PrevAmount,
                PrevCloseDate
            }) => ({
                StageName,
                Amount,
                Probability,
                CloseDate,
                ForecastCategory,
                ExpectedRevenue,
                PrevAmount,
                PrevCloseDate
            })
        );

describe('OpportunityHistory rows', () => {
    test('the first row at creation, one per change of Amount, Probability, StageName or CloseDate, none for other fields', () => {
        const { org, opportunityId } = opportunityOrg();
        org.update('Opportunity', { Id: opportunityId, NextStep: 'Call the CFO', Description: 'No history for these' });
        org.update('Opportunity', { Id: opportunityId, StageName: 'Negotiation/Review' });
        org.update('Opportunity', { Id: opportunityId, Amount: 1500, CloseDate: '2026-06-01' });
        assert.deepEqual(history(org, opportunityId), [
            {
                StageName: 'Prospecting',
                Amount: 1000,
                Probability: 10,
                CloseDate: '2026-05-01',
                ForecastCategory: 'Pipeline',
                ExpectedRevenue: 100,
                PrevAmount: null,
                PrevCloseDate: null
            },
            {
                StageName: 'Negotiation/Review',
                Amount: 1000,
                Probability: 90,
                CloseDate: '2026-05-01',
                ForecastCategory: 'Pipeline',
                ExpectedRevenue: 900,
                PrevAmount: 1000,
                PrevCloseDate: '2026-05-01'
            },
            {
                StageName: 'Negotiation/Review',
                Amount: 1500,
                Probability: 90,
                CloseDate: '2026-06-01',
                ForecastCategory: 'Pipeline',
                ExpectedRevenue: 1350,
                PrevAmount: 1000,
                PrevCloseDate: '2026-05-01'
            }
        ]);
    });

    test('written in Apex tests too, with CreatedDate and CreatedById; queryable by date literal', () => {
        const { session, admin } = asyncSession();
        const got = run(
            session,
            `Opportunity o = new Opportunity(Name = 'T', StageName = 'Prospecting', CloseDate = Date.today());
            insert o;
            o.StageName = 'Closed Won';
            update o;
            List<OpportunityHistory> rows = [SELECT OpportunityId, StageName, CreatedDate, CreatedById FROM OpportunityHistory WHERE CreatedDate = LAST_N_DAYS:7 ORDER BY CreatedDate, Id];
            Probe.result = rows.size() + ' ' + rows[1].StageName + ' ' + (rows[1].OpportunityId == o.Id) + ' ' + (rows[1].CreatedById == UserInfo.getUserId()) + ' ' + rows[1].CreatedDate.dateGmt();`,
            { isTest: true, userId: admin }
        );
        assert.equal(got.result, '2 Closed Won true true 2026-03-02');
    });

    test('a save that fails writes no row; deleting the opportunity deletes its rows', () => {
        const { org, opportunityId } = opportunityOrg();
        assert.throws(() => org.update('Opportunity', { Id: opportunityId, StageName: 'Not a stage' }));
        assert.equal(history(org, opportunityId).length, 1);
        org.remove('Opportunity', [opportunityId]);
        assert.deepEqual(org.query('OpportunityHistory'), []);
    });

    test('read only to DML: System.TypeException "DML operation Insert not allowed on OpportunityHistory"', () => {
        const { session } = opportunityOrg();
        assert.deepEqual(run(session, 'insert new OpportunityHistory();'), {
            thrown: 'System.TypeException',
            message: 'DML operation Insert not allowed on OpportunityHistory'
        });
    });

    test('visible to who can see the opportunity (controlled by parent)', () => {
        const { session, org, standard, opportunityId } = opportunityOrg({ sharing: { Opportunity: 'Private' } });
        const count = `Probe.result = [SELECT COUNT() FROM OpportunityHistory WHERE OpportunityId = '${opportunityId}' WITH USER_MODE];`;
        assert.equal(run(session, count, { userId: standard }).result, '0');
        assert.equal(run(session, count, { userId: org.currentUserId }).result, '1');
    });
});

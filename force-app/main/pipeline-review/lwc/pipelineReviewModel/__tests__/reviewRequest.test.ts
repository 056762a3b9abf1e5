import { buildRequest } from '../reviewRequest';
import { DEFAULT_STATE, restoreState, serializeState } from '../reviewState';
import { OWNER, state } from './reviewFixture';

describe('the page request', () => {
    it('sends blank filters as null and everything else as chosen', () => {
        expect(buildRequest(DEFAULT_STATE, null, { summary: true, options: true })).toEqual({
            scope: 'team',
            ownerId: null,
            stageName: null,
            closePeriod: 'any',
            health: null,
            plan: null,
            gatedWithoutPlan: false,
            sortBy: 'closeDate',
            sortDirection: 'asc',
            pageSize: 50,
            cursor: null,
            includeSummary: true,
            includeOptions: true,
            groupBy: null
        });
    });

    it('carries the filters, the sort, the page size and the cursor of the next page', () => {
        const cursor = { segment: 1, lastValue: '12', lastId: '006Hs00001AcmeAAAA' };
        const request = buildRequest(
            state(
                { sort: { by: 'slipDays', direction: 'desc' }, pageSize: 25 },
                {
                    ownerId: OWNER,
                    stageName: 'Prospecting',
                    health: 'At Risk',
                    plan: 'landsLate',
                    gatedWithoutPlan: true
                }
            ),
            cursor,
            { summary: false, options: false }
        );
        expect(request).toMatchObject({
            ownerId: OWNER,
            stageName: 'Prospecting',
            health: 'At Risk',
            plan: 'landsLate',
            gatedWithoutPlan: true,
            sortBy: 'slipDays',
            sortDirection: 'desc',
            pageSize: 25,
            cursor,
            includeSummary: false,
            includeOptions: false
        });
    });
});

describe('the plan-implied close', () => {
    it('asks for the deals whose plan cannot land by the close date, by the days it implies after it', () => {
        const request = buildRequest(
            state({ sort: { by: 'impliedGap', direction: 'desc' } }, { plan: 'cannotLand' }),
            null,
            { summary: true, options: false }
        );
        expect(request).toMatchObject({ plan: 'cannotLand', sortBy: 'impliedGap', sortDirection: 'desc' });
        expect(
            buildRequest(state({ sort: { by: 'impliedClose', direction: 'asc' } }), null, {
                summary: false,
                options: false
            })
        ).toMatchObject({ plan: null, sortBy: 'impliedClose', sortDirection: 'asc' });
    });
});

describe('the review by rep', () => {
    it('asks for the figures per rep with the same filters, and remembers the choice', () => {
        const grouped = state({ groupBy: 'owner' }, { stageName: 'Negotiation/Review' });
        expect(buildRequest(grouped, null, { summary: true, options: false })).toMatchObject({
            groupBy: 'owner',
            stageName: 'Negotiation/Review'
        });
        expect(restoreState(serializeState(grouped)).groupBy).toBe('owner');
        expect(restoreState(JSON.stringify({ groupBy: 'region' })).groupBy).toBe('');
    });
});

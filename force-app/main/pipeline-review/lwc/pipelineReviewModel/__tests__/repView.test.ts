import { drillIntoRep, repViews } from '../repView';
import { NBSP, OWNER, state } from './reviewFixture';

describe('the review by rep', () => {
    const REPS = [
        {
            ownerId: OWNER,
            ownerName: 'Dana Rep',
            deals: 1200,
            activePlanDeals: 600,
            acceptedPlanDeals: 300,
            offTrackDeals: 12,
            slippedDeals: 40,
            staleDeals: 3
        },
        {
            ownerId: '005Hs00000SamRepAAA',
            ownerName: null,
            deals: 2,
            activePlanDeals: 0,
            acceptedPlanDeals: 0,
            offTrackDeals: 0,
            slippedDeals: 0,
            staleDeals: 0
        }
    ];

    it('shows each rep with coverage as counts and shares, grouped thousands, and flags off-track plans', () => {
        expect(repViews(REPS, 'en-US')).toEqual([
            {
                key: OWNER,
                ownerId: OWNER,
                name: 'Dana Rep',
                deals: '1,200',
                activeCoverage: '600 of 1,200 (50%)',
                acceptedCoverage: '300 of 1,200 (25%)',
                offTrack: '12',
                slipped: '40',
                stale: '3',
                drillLabel: 'Show the deals of Dana Rep',
                offTrackClass: 'slds-text-color_error'
            },
            expect.objectContaining({
                name: 'Unknown user',
                activeCoverage: '0 of 2 (0%)',
                offTrackClass: ''
            })
        ]);
        expect(repViews(null)).toEqual([]);
    });

    it('drills into one rep: the deals view, filtered to that rep', () => {
        const grouped = state({ groupBy: 'owner' }, { ownerId: '', health: 'Off Track' });
        expect(drillIntoRep(grouped, OWNER)).toEqual(state({ groupBy: '' }, { ownerId: OWNER, health: 'Off Track' }));
    });
});

describe("in the user's locale", () => {
    it('groups thousands and writes shares as the user does (de-DE: "1.234", "63 %")', () => {
        const rep = { ownerId: OWNER, ownerName: 'Dana Rep', deals: 1200, activePlanDeals: 600 };
        const reps = [{ ...rep, acceptedPlanDeals: 0, offTrackDeals: 0, slippedDeals: 0, staleDeals: 0 }];
        expect(repViews(reps, 'de-DE')[0]).toMatchObject({
            deals: '1.200',
            activeCoverage: `600 of 1.200 (50${NBSP}%)`
        });
    });
});

import { acceptanceText, nameError, owners, phaseViews } from '../buyerView';
import type { BuyerPlan } from '../buyerView';

const PLAN: BuyerPlan = {
    planName: 'Acme go-live plan',
    version: 3,
    acceptanceStatus: 'Not Accepted',
    phases: [
        {
            name: 'Validation',
            milestones: [
                { key: 'm1', title: 'Buyer signs off the pilot', side: 'Buyer', buyerOwner: 'Bea Buyer', mine: true },
                {
                    key: 'm2',
                    title: 'Both teams hold the kickoff',
                    side: 'Joint',
                    buyerOwner: 'Bea Buyer',
                    sellerOwner: 'Jonah Clarke',
                    mine: true,
                    confirmed: true
                }
            ]
        },
        {
            name: 'Legal',
            milestones: [
                { key: 'm3', title: 'Seller sends the contract', side: 'Seller', sellerOwner: 'Jonah Clarke' },
                { key: 'm4', title: 'Buyer legal signs', side: 'Buyer', buyerOwner: 'Lee Legal', status: 'Complete' }
            ]
        }
    ]
};

describe('the buyer page view', () => {
    it("names who does each milestone in the buyer's words, marking the holder's own", () => {
        const [validation, legal] = phaseViews(PLAN);
        expect(validation.rows.map((row) => row.owners)).toEqual([
            'Bea Buyer (you)',
            'Bea Buyer (you) with Jonah Clarke'
        ]);
        expect(legal.rows.map((row) => row.owners)).toEqual(['Jonah Clarke', 'Lee Legal']);
        expect(owners({ key: 'x', title: 'x', side: 'Joint' })).toBe('No owners named yet');
        expect(owners({ key: 'x', title: 'x', side: 'Buyer' })).toBe('No owner named yet');
        expect(validation.rows.map((row) => row.sideLabel)).toEqual(['Your team', 'Both teams']);
    });

    it("counts the holder's own milestones in the phase heading and marks their rows", () => {
        const [validation, legal] = phaseViews(PLAN);
        expect(validation.heading).toBe('Validation · 2 steps for you');
        expect(legal.heading).toBe('Legal');
        expect(validation.rows[0].rowClass).toBe('milestone milestone_mine');
        expect(legal.rows[0].rowClass).toBe('milestone');
    });

    it('says where each milestone stands without internal status names', () => {
        const [validation, legal] = phaseViews(PLAN);
        expect(validation.rows.map((row) => row.statusLabel)).toEqual([
            'To do',
            'Confirmed by you, waiting on the seller'
        ]);
        expect(legal.rows[1].statusLabel).toBe('Done');
        expect(legal.rows[1].statusClass).toContain('slds-theme_success');
        expect(validation.rows[0].confirmLabel).toBe('Confirm "Buyer signs off the pilot" done');
    });

    it('tells accepted, lapsed and not accepted apart', () => {
        expect(acceptanceText({ ...PLAN, acceptanceStatus: 'Accepted', acceptedByName: 'Bea Buyer' })).toBe(
            'Accepted by Bea Buyer (version 3).'
        );
        expect(acceptanceText({ ...PLAN, acceptanceStatus: 'Lapsed', acceptedByName: 'Bea Buyer' })).toBe(
            'Bea Buyer accepted an earlier version. The plan has changed since: read version 3 and accept it if it still works for you.'
        );
        expect(acceptanceText(PLAN)).toBe('Nobody on your team has accepted this plan yet.');
        expect(acceptanceText(null)).toBe('');
    });

    it('asks for a name of at most 120 characters, as the server does', () => {
        expect(nameError('  ')).toBe('Type your name to accept the plan.');
        expect(nameError(undefined)).toBe('Type your name to accept the plan.');
        expect(nameError('B'.repeat(121))).toBe('Use at most 120 characters.');
        expect(nameError(' Bea Buyer ')).toBe('');
    });

    it('shows no phases for a refused link', () => {
        expect(phaseViews({ refusal: 'This link is not valid.' })).toEqual([]);
        expect(phaseViews(null)).toEqual([]);
    });
});

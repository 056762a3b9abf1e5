import { ownerOptions, stageOptions } from '../filterOptions';
import { OWNER, PAGE } from './reviewFixture';

describe('filter options', () => {
    it('lists every owner after "All owners", keeping a saved owner no longer listed', () => {
        expect(ownerOptions(PAGE.options, '').map((option) => option.label)).toEqual([
            'All owners',
            'Ada Manager',
            'Dana Rep',
            'Sam Seller'
        ]);
        expect(ownerOptions(null, OWNER)).toEqual([
            { value: '', label: 'All owners' },
            { value: OWNER, label: 'Selected owner' }
        ]);
        expect(ownerOptions(PAGE.options, OWNER)).toHaveLength(4);
    });

    it('lists open stages after "All open stages", keeping a saved stage no longer offered', () => {
        expect(stageOptions(PAGE.options, '')[0]).toEqual({ value: '', label: 'All open stages' });
        expect(stageOptions(PAGE.options, 'Prospecting')).toHaveLength(6);
        expect(stageOptions(null, 'Legacy Stage')).toEqual([
            { value: '', label: 'All open stages' },
            { value: 'Legacy Stage', label: 'Legacy Stage' }
        ]);
    });
});

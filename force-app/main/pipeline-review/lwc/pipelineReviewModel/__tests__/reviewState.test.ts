import { DEFAULT_COLUMNS } from '../columns';
import { DEFAULT_STATE, restoreState, serializeState, storageKey } from '../reviewState';
import type { ReviewState } from '../reviewState';
import { OWNER, state } from './reviewFixture';

describe('review state', () => {
    it('starts on my team, soonest close date first, 50 rows a page, no filter', () => {
        expect(DEFAULT_STATE).toEqual({
            filters: {
                scope: 'team',
                ownerId: '',
                stageName: '',
                closePeriod: 'any',
                health: '',
                plan: '',
                gatedWithoutPlan: false
            },
            sort: { by: 'closeDate', direction: 'asc' },
            pageSize: 50,
            columns: ['projectedClose', 'closeVariance', 'planStatus', 'completion', 'overdue'],
            groupBy: ''
        });
    });

    it('keeps one saved state per user', () => {
        expect(storageKey('005A')).toBe('tandem.pipelineReview.v1.005A');
        expect(storageKey('005A')).not.toBe(storageKey('005B'));
    });

    it('restores what it saved', () => {
        const saved = state(
            { sort: { by: 'health', direction: 'desc' }, pageSize: 100, columns: ['slipDays', 'acceptance'] },
            {
                scope: 'all',
                ownerId: OWNER,
                stageName: 'Negotiation/Review',
                closePeriod: 'thisQuarter',
                health: 'Off Track',
                plan: 'accepted',
                gatedWithoutPlan: true
            }
        );
        expect(restoreState(serializeState(saved))).toEqual(saved);
    });

    it.each([
        ['nothing saved', null],
        ['an empty string', ''],
        ['text that is not JSON', '{not json'],
        ['a JSON array', '[1,2]'],
        ['a JSON number', '42']
    ])('falls back to the defaults for %s', (_label, saved) => {
        expect(restoreState(saved)).toEqual(DEFAULT_STATE);
    });

    it.each([
        ['an unknown scope', { filters: { scope: 'everyone' } }, (s: ReviewState) => s.filters.scope, 'team'],
        [
            'an owner that is not a user Id',
            { filters: { ownerId: '001xx' } },
            (s: ReviewState) => s.filters.ownerId,
            ''
        ],
        [
            'a stage that is too long',
            { filters: { stageName: 'x'.repeat(256) } },
            (s: ReviewState) => s.filters.stageName,
            ''
        ],
        [
            'an unknown close period',
            { filters: { closePeriod: 'LAST_N_DAYS:9' } },
            (s: ReviewState) => s.filters.closePeriod,
            'any'
        ],
        ['an unknown health', { filters: { health: 'Fine' } }, (s: ReviewState) => s.filters.health, ''],
        ['an unknown plan filter', { filters: { plan: 'all of them' } }, (s: ReviewState) => s.filters.plan, ''],
        [
            'columns that are fixed or unknown',
            { columns: ['name', 'acceptance', 'nope', 'projectedClose'] },
            (s: ReviewState) => s.columns,
            ['projectedClose', 'acceptance']
        ],
        ['columns that are not a list', { columns: 'all' }, (s: ReviewState) => s.columns, [...DEFAULT_COLUMNS]],
        [
            'a gate flag that is not true',
            { filters: { gatedWithoutPlan: 'yes' } },
            (s: ReviewState) => s.filters.gatedWithoutPlan,
            false
        ],
        ['an unknown sort column', { sort: { by: 'Name; DELETE' } }, (s: ReviewState) => s.sort.by, 'closeDate'],
        ['an unknown direction', { sort: { direction: 'sideways' } }, (s: ReviewState) => s.sort.direction, 'asc'],
        ['a page size not offered', { pageSize: 7 }, (s: ReviewState) => s.pageSize, 50]
    ])('replaces %s with its default', (_label, saved, read, expected) => {
        expect(read(restoreState(JSON.stringify(saved)))).toEqual(expected);
    });
});

import { effectiveMilestones } from '../effectiveMilestones';
import { EMPTY_DRAFT } from '../milestoneDraft';
import { displayOrder, groupByPhase, moveMilestone } from '../phaseGroups';
import { M, workspace } from './workspaceFixture';

describe('grouping by phase', () => {
    const phases = [
        { label: 'Evaluation', value: 'Evaluation' },
        { label: 'Legal', value: 'Legal' }
    ];

    it.each([
        ['picklist order, whatever the milestone order', ['Legal', 'Evaluation'], ['Evaluation', 'Legal']],
        [
            'unknown phases after known ones, in order of appearance',
            ['Zeta', 'Legal', 'Alpha'],
            ['Legal', 'Zeta', 'Alpha']
        ],
        ['no phase last', [null, 'Evaluation'], ['Evaluation', 'No phase']],
        ['empty phases left out', ['Legal'], ['Legal']],
        ['nothing for no milestones', [], []]
    ])('%s', (_, milestonePhases, labels) => {
        const milestones = (milestonePhases as (string | null)[]).map((phase) => ({ phase }));
        expect(groupByPhase(milestones, phases).map((group) => group.label)).toEqual(labels);
    });

    it('keeps the order within a group', () => {
        const milestones = [
            { phase: 'Legal', n: 1 },
            { phase: 'Evaluation', n: 2 },
            { phase: 'Legal', n: 3 }
        ];
        expect(groupByPhase(milestones, phases)[1].milestones.map((m) => m.n)).toEqual([1, 3]);
    });

    it('shows the fixture plan in eight phase groups, implementation with two milestones', () => {
        const w = workspace();
        const groups = groupByPhase(effectiveMilestones(w, EMPTY_DRAFT), w.picklists.phases);
        expect(groups.map((g) => g.label)).toEqual([
            'Evaluation',
            'Validation',
            'Business Case',
            'Security Review',
            'Legal',
            'Signature',
            'Implementation'
        ]);
        expect(groups[6].milestones.map((m) => m.key)).toEqual([M(7), M(8)]);
        expect(displayOrder(w, EMPTY_DRAFT)).toEqual([M(1), M(2), M(3), M(4), M(5), M(6), M(7), M(8)]);
    });
});

describe('reordering', () => {
    it.each<[string, number, 'up' | 'down', string[]]>([
        ['moves a milestone up within its phase', 8, 'up', [M(8), M(7)]],
        ['moves a milestone down within its phase', 7, 'down', [M(8), M(7)]],
        ['leaves the first of a phase where it is', 7, 'up', [M(7), M(8)]],
        ['leaves the last of a phase where it is', 8, 'down', [M(7), M(8)]],
        ['never moves a milestone into another phase', 6, 'down', [M(7), M(8)]]
    ])('%s', (_, n, direction, implementation) => {
        const w = workspace();
        const draft = moveMilestone(EMPTY_DRAFT, w, M(n), direction);
        expect(displayOrder(w, draft).slice(6)).toEqual(implementation);
    });

    it('ignores an unknown milestone', () => {
        expect(moveMilestone(EMPTY_DRAFT, workspace(), 'nope', 'up')).toBe(EMPTY_DRAFT);
    });
});

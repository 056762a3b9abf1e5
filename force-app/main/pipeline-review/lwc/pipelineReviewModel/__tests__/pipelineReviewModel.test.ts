import * as model from 'c/pipelineReviewModel';

describe('the bundle entry', () => {
    it('re-exports every function and constant the pipeline review uses, from the modules beside it', () => {
        expect(Object.keys(model).sort()).toEqual(
            [
                'CLOSE_PERIOD_OPTIONS',
                'COLUMNS',
                'DEFAULT_COLUMNS',
                'DEFAULT_FILTERS',
                'DEFAULT_STATE',
                'HEALTH_OPTIONS',
                'PAGE_SIZES',
                'PLAN_OPTIONS',
                'SCOPE_OPTIONS',
                'activeFilterCount',
                'buildRequest',
                'columnChoices',
                'drillIntoRep',
                'filtersForTile',
                'headerViews',
                'nextSort',
                'ownerOptions',
                'pagingView',
                'recordUrl',
                'reduceErrors',
                'repViews',
                'restoreState',
                'rowView',
                'rowViews',
                'serializeState',
                'share',
                'stageOptions',
                'storageKey',
                'summaryView',
                'visibleColumns',
                'withColumns',
                'withFilter'
            ].sort()
        );
    });
});

import * as scheduler from 'c/planScheduler';

describe('the bundle entry', () => {
    it('re-exports every function and class the other bundles use, from the modules beside it', () => {
        expect(Object.keys(scheduler).sort()).toEqual(
            [
                'ScheduleError',
                'addWorkingDays',
                'earliestDueAfter',
                'isoDate',
                'isWorkingDay',
                'lastWorkingDayOnOrBefore',
                'nextWorkingDayOnOrAfter',
                'projectedCloseDate',
                'reproject',
                'scheduleBackward',
                'stepStart',
                'subtractWorkingDays',
                'workingDaysBetween'
            ].sort()
        );
    });
});

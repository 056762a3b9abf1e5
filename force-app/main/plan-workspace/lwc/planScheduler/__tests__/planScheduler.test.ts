import * as scheduler from 'c/planScheduler';

describe('the bundle entry', () => {
    it('re-exports every function and class the other bundles use, from the modules beside it', () => {
        expect(Object.keys(scheduler).sort()).toEqual(
            [
                'ScheduleError',
                'addWorkingDays',
                'isWorkingDay',
                'lastWorkingDayOnOrBefore',
                'nextWorkingDayOnOrAfter',
                'projectedCloseDate',
                'reproject',
                'scheduleBackward',
                'subtractWorkingDays',
                'workingDaysBetween'
            ].sort()
        );
    });
});

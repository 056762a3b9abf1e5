import * as scheduler from 'c/planScheduler';
import { WorkingCalendar } from '../workingDays';

describe('the bundle entry', () => {
    it('re-exports every function, class and calendar the other bundles use, from the modules beside it', () => {
        expect(Object.keys(scheduler).sort()).toEqual(
            [
                'ScheduleError',
                'WEEKDAYS',
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
        // The weekday calendar is the one the string functions use for a plan without holidays.
        expect(scheduler.WEEKDAYS).toBeInstanceOf(WorkingCalendar);
        expect(scheduler.WEEKDAYS.isWorkingDay(20519)).toBe(false);
    });
});

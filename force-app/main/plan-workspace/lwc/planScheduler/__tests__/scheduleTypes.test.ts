import { ScheduleError } from '../scheduleTypes';

describe('ScheduleError', () => {
    it('is an Error that names its code and the steps or milestones at fault', () => {
        const error = new ScheduleError('cycle', 'They wait on each other.', ['a', 'b']);
        expect(error).toBeInstanceOf(Error);
        expect(error.name).toBe('ScheduleError');
        expect(error.code).toBe('cycle');
        expect(error.keys).toEqual(['a', 'b']);
        expect(error.message).toBe('They wait on each other.');
    });
});

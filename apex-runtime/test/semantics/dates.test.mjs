// Date and Datetime methods (Apex Reference: Date Class, Datetime Class; Apex Developer Guide: Expression
// Operators for Date arithmetic). Datetime rows use the GMT methods: the offline runtime has no user time zone.
import { table } from './harness.mjs';

const D = 'Apex Reference, Date Class';
const DT = 'Apex Reference, Datetime Class';

table(
    'Date methods give their documented examples',
    [],
    [
        {
            code: 'Date myDate = Date.newInstance(1960, 2, 17); Date newDate = mydate.addDays(2);',
            value: 'newDate',
            expected: '1960-02-19',
            doc: `${D}: addDays(additionalDays) example`
        },
        {
            code: 'date myDate = date.newInstance(1990, 11, 21); date newDate = myDate.addMonths(3);',
            value: 'newDate',
            expected: '1991-02-21',
            doc: `${D}: addMonths(additionalMonths) example "expectedDate = date.newInstance(1991, 2, 21)"`
        },
        {
            apex: 'Date.newInstance(2024, 1, 31).addMonths(1)',
            expected: '2024-02-29',
            doc: `${D}: addMonths(additionalMonths)`,
            note: 'the docs do not cover a day past the end of the target month; the platform clamps to its last day'
        },
        {
            apex: 'Date.newInstance(2023, 3, 31).addMonths(-1)',
            expected: '2023-02-28',
            doc: `${D}: addMonths(additionalMonths)`,
            note: 'end-of-month clamp, platform behaviour'
        },
        {
            code: 'date myDate = date.newInstance(1983, 7, 15); date newDate = myDate.addYears(2);',
            value: 'newDate',
            expected: '1985-07-15',
            doc: `${D}: addYears(additionalYears) example`
        },
        {
            code: 'date myDate = date.newInstance(1989, 4, 21);',
            value: 'myDate.day()',
            expected: '21',
            doc: `${D}: day() example`
        },
        {
            apex: 'Date.newInstance(1999, 2, 5).dayOfYear()',
            expected: '36',
            doc: `${D}: dayOfYear() "February 5, 1999 would be day 36"`
        },
        {
            code: 'Date startDate = Date.newInstance(2008, 1, 1); Date dueDate = Date.newInstance(2008, 1, 30);',
            value: 'startDate.daysBetween(dueDate)',
            expected: '29',
            doc: `${D}: daysBetween(secondDate) example`
        },
        {
            code: 'Date startDate = Date.newInstance(2008, 1, 1); Date dueDate = Date.newInstance(2008, 1, 30);',
            value: 'dueDate.daysBetween(startDate)',
            expected: '-29',
            doc: `${D}: daysBetween "If the Date that calls the method occurs after the secondDate, the return value is negative"`
        },
        {
            apex: 'Date.daysInMonth(1960, 2)',
            expected: '29',
            doc: `${D}: daysInMonth(year, month) example (February 1960)`
        },
        { apex: 'Date.isLeapYear(2004)', expected: 'true', doc: `${D}: isLeapYear(year) example` },
        {
            code: 'Date firstDate = Date.newInstance(2006, 12, 2); Date secondDate = Date.newInstance(2012, 12, 8);',
            value: 'firstDate.monthsBetween(secondDate)',
            expected: '72',
            doc: `${D}: monthsBetween(secondDate) example`
        },
        {
            apex: 'Date.newInstance(2020, 3, 1).monthsBetween(Date.newInstance(2020, 3, 31))',
            expected: '0',
            doc: `${D}: monthsBetween "ignoring the difference in days. For example, March 1 and March 31 are considered the same month"`
        },
        {
            code: 'date myDate = date.newInstance(1987, 12, 17); date firstDate = myDate.toStartOfMonth();',
            value: 'firstDate',
            expected: '1987-12-01',
            doc: `${D}: toStartOfMonth() example`
        },
        { apex: 'Date.newInstance(2004, 2, 5).month()', expected: '2', doc: `${D}: month() (1=Jan)` },
        {
            code: "Date myDate = date.valueOf('2008-10-5 12:20:20');",
            value: 'myDate',
            expected: '2008-10-05',
            doc: `${D}: valueOf(stringDate) example (year, month, day, hour, minute, second joined)`
        },
        {
            apex: 'Date.newInstance(2020, 12, 31) + 1',
            expected: '2021-01-01',
            doc: 'Apex Developer Guide, Expression Operators: + "If x is a Date and y is an Integer, returns a new Date that is incremented by the specified number of days"'
        },
        {
            apex: 'Date.newInstance(2021, 3, 1) - 1',
            expected: '2021-02-28',
            doc: 'Apex Developer Guide, Expression Operators: - "If x is a Date and y is an Integer, returns a new Date that is decremented"'
        },
        {
            apex: 'Date.newInstance(2008, 10, 5) == Date.newInstance(2008, 10, 5)',
            expected: 'true',
            doc: 'Apex Developer Guide, Expression Operators: == compares values'
        }
    ]
);

table(
    'Datetime methods in GMT',
    [],
    [
        {
            apex: "Datetime.newInstanceGmt(2011, 3, 22, 8, 15, 18).formatGmt('yyyy-MM-dd HH:mm:ss')",
            expected: '2011-03-22 08:15:18',
            doc: `${DT}: newInstanceGmt(year, month, date, hour, minute, second) and formatGmt(dateFormatString)`
        },
        {
            apex: 'Datetime.newInstanceGmt(1970, 1, 1, 0, 0, 0).getTime()',
            expected: '0',
            doc: `${DT}: getTime() "the number of milliseconds since January 1, 1970, 00:00:00 GMT"`
        },
        {
            apex: 'Datetime.newInstanceGmt(2011, 6, 1, 23, 3, 3).dateGmt()',
            expected: '2011-06-01',
            doc: `${DT}: dateGmt() "Return the Date component of a Datetime in the GMT time zone"`
        },
        {
            apex: "Datetime.newInstanceGmt(2011, 6, 1, 23, 3, 3).addHours(2).formatGmt('yyyy-MM-dd HH:mm')",
            expected: '2011-06-02 01:03',
            doc: `${DT}: addHours(additionalHours)`
        }
    ]
);

// Plan health and the figures it is made of, evaluated from the Mutual_Action_Plan__c formula fields' XML.
// Formula fields a case does not set are computed from the case (Health__c reads Days_Overdue__c, which reads
// Next_Due_Date__c and TODAY(), and Close_Slip_Days__c, which reads the close's baseline and projected dates), so
// each row states the plan's facts, not hand-computed intermediate values.
import { describe, test } from 'node:test';
import { scenarioTests } from '../../scripts/lib/formula-scenarios.mjs';
import { ROOT, SETTING, shippedNumber, addDays } from './support.mjs';
import { addWorkingDays } from '../../scripts/lib/iso-dates.mjs';

const PLAN = 'Mutual_Action_Plan__c';
const TODAY = '2026-03-02';
const CLOSE = '2026-06-30';

const AT_RISK_OVERDUE = shippedNumber('At_Risk_Overdue_Days__c');
const OFF_TRACK_OVERDUE = shippedNumber('Off_Track_Overdue_Days__c');
const AT_RISK_SLIP = shippedNumber('At_Risk_Slip_Days__c');
const STALE = shippedNumber('Stale_Plan_Days__c');

// An Active plan with nothing wrong: activated and last moved today, next milestone ahead, lands before close.
const healthy = {
    Status__c: 'Active',
    Activated_On__c: `${TODAY}T09:00:00.000Z`,
    Last_Progress_On__c: TODAY,
    Next_Due_Date__c: addDays(TODAY, 3),
    Projected_Close_Date__c: addDays(CLOSE, -5),
    Baseline_Close_Date__c: addDays(CLOSE, -5),
    Total_Slip_Days__c: 0,
    Milestone_Count__c: 8,
    Completed_Milestone_Count__c: 2,
    'Opportunity__r.CloseDate': CLOSE
};
// Every reason to be Off Track and At Risk at once.
const worst = {
    Next_Due_Date__c: addDays(TODAY, -(OFF_TRACK_OVERDUE + 30)),
    Projected_Close_Date__c: addDays(CLOSE, 30),
    Baseline_Close_Date__c: addDays(CLOSE, -60),
    Total_Slip_Days__c: AT_RISK_SLIP + 50,
    Activated_On__c: `${addDays(TODAY, -(STALE + 60))}T09:00:00.000Z`,
    Last_Progress_On__c: addDays(TODAY, -(STALE + 30))
};
const overdueBy = (days) => ({ Next_Due_Date__c: addDays(TODAY, -days) });
const quietFor = (days) => ({
    Activated_On__c: `${addDays(TODAY, -(days + 20))}T09:00:00.000Z`,
    Last_Progress_On__c: addDays(TODAY, -days)
});
const thresholds = (values) => ({ [SETTING]: values });

/** The close now lands `n` working days after the close first committed (Close_Slip_Days__c = n). */
const closeMovedBy = (n) => ({ Baseline_Close_Date__c: addWorkingDays(healthy.Projected_Close_Date__c, -n) });

const health = (name, record, expect, extra = {}) => ({ name, record, expect, ...extra });

describe('Health__c: plans that are not Active show their status', () => {
    scenarioTests(test, ROOT, {
        object: PLAN,
        field: 'Health__c',
        defaults: { today: TODAY, record: healthy },
        cases: ['Draft', 'Completed', 'Cancelled'].flatMap((status) => [
            health(`shows ${status} for a ${status} plan`, { Status__c: status }, status),
            health(
                `shows ${status} for a ${status} plan however late, slipped and stale`,
                { Status__c: status, ...worst },
                status
            )
        ])
    });
});

describe('Health__c: Active plans, with the shipped thresholds', () => {
    scenarioTests(test, ROOT, {
        object: PLAN,
        field: 'Health__c',
        defaults: { today: TODAY, record: healthy },
        cases: [
            health(
                'is On Track when nothing is overdue, slipped or stale and it lands before the close date',
                {},
                'On Track'
            ),
            health('is On Track when the next milestone is due today', overdueBy(0), 'On Track'),
            health(
                `is At Risk when the next milestone is ${AT_RISK_OVERDUE} day(s) overdue (At_Risk_Overdue_Days__c)`,
                overdueBy(AT_RISK_OVERDUE),
                'At Risk'
            ),
            health(
                `is At Risk, not Off Track, at ${OFF_TRACK_OVERDUE - 1} day(s) overdue`,
                overdueBy(OFF_TRACK_OVERDUE - 1),
                OFF_TRACK_OVERDUE - 1 >= AT_RISK_OVERDUE ? 'At Risk' : 'On Track'
            ),
            health(
                `is Off Track when the next milestone is ${OFF_TRACK_OVERDUE} days overdue (Off_Track_Overdue_Days__c)`,
                overdueBy(OFF_TRACK_OVERDUE),
                'Off Track'
            ),
            health('is Off Track when far overdue', overdueBy(OFF_TRACK_OVERDUE + 90), 'Off Track'),
            health(
                'is Off Track when the projected close is one day after the opportunity closes',
                { Projected_Close_Date__c: addDays(CLOSE, 1) },
                'Off Track'
            ),
            health(
                'is On Track when the projected close is the opportunity close date',
                { Projected_Close_Date__c: CLOSE },
                'On Track'
            ),
            health('is On Track when no milestone marks the close', { Projected_Close_Date__c: null }, 'On Track'),
            health(
                'is On Track when the opportunity has no close date to compare with',
                {
                    Projected_Close_Date__c: addDays(CLOSE, 10),
                    Baseline_Close_Date__c: addDays(CLOSE, 10),
                    'Opportunity__r.CloseDate': null
                },
                'On Track'
            ),
            health(
                `is At Risk when the close moved ${AT_RISK_SLIP} working days past its baseline (At_Risk_Slip_Days__c)`,
                closeMovedBy(AT_RISK_SLIP),
                'At Risk'
            ),
            health(
                `is On Track when the close moved ${AT_RISK_SLIP - 1} working days`,
                closeMovedBy(AT_RISK_SLIP - 1),
                'On Track'
            ),
            health(
                'stays On Track when one slip pushed five dependents but did not move the close',
                { Total_Slip_Days__c: 6 * AT_RISK_SLIP },
                'On Track'
            ),
            health(
                'is At Risk when the close moved past the threshold, however little else slipped',
                { ...closeMovedBy(AT_RISK_SLIP + 3), Total_Slip_Days__c: AT_RISK_SLIP + 3 },
                'At Risk'
            ),
            health(
                'is On Track when the close was pulled in',
                { Baseline_Close_Date__c: addDays(CLOSE, 20) },
                'On Track'
            ),
            health(
                'is On Track when the close milestone has no baseline yet',
                { Baseline_Close_Date__c: null, Total_Slip_Days__c: 6 * AT_RISK_SLIP },
                'On Track'
            ),
            health(`is At Risk when nothing moved for ${STALE} days (Stale_Plan_Days__c)`, quietFor(STALE), 'At Risk'),
            health(`is On Track when the last move was ${STALE - 1} days ago`, quietFor(STALE - 1), 'On Track'),
            health(
                'counts staleness from activation when it is later than the last milestone move',
                {
                    Activated_On__c: `${addDays(TODAY, -2)}T09:00:00.000Z`,
                    Last_Progress_On__c: addDays(TODAY, -(STALE + 10))
                },
                'On Track'
            ),
            health(
                `is At Risk when activated ${STALE} days ago and no milestone ever moved`,
                { Activated_On__c: `${addDays(TODAY, -STALE)}T09:00:00.000Z`, Last_Progress_On__c: null },
                'At Risk'
            ),
            health('is Off Track rather than At Risk when both apply', { ...worst }, 'Off Track'),
            health(
                'is On Track for an empty plan activated today (no milestones, no dates)',
                {
                    Next_Due_Date__c: null,
                    Projected_Close_Date__c: null,
                    Total_Slip_Days__c: null,
                    Last_Progress_On__c: null,
                    Milestone_Count__c: 0,
                    Completed_Milestone_Count__c: 0
                },
                'On Track'
            ),
            health(
                'is On Track when every date is blank',
                {
                    Activated_On__c: null,
                    Last_Progress_On__c: null,
                    Next_Due_Date__c: null,
                    Projected_Close_Date__c: null,
                    'Opportunity__r.CloseDate': null
                },
                'On Track'
            )
        ]
    });
});

describe('Health__c: thresholds are read from Plan_Setting__mdt', () => {
    scenarioTests(test, ROOT, {
        object: PLAN,
        field: 'Health__c',
        defaults: { today: TODAY, record: healthy },
        cases: [
            health('follows a raised Off Track threshold', overdueBy(10), 'At Risk', {
                customMetadata: thresholds({ Off_Track_Overdue_Days__c: 11, At_Risk_Overdue_Days__c: 3 })
            }),
            health('follows a lowered Off Track threshold', overdueBy(2), 'Off Track', {
                customMetadata: thresholds({ Off_Track_Overdue_Days__c: 2 })
            }),
            health('follows a raised At Risk overdue threshold', overdueBy(2), 'On Track', {
                customMetadata: thresholds({ At_Risk_Overdue_Days__c: 3, Off_Track_Overdue_Days__c: 20 })
            }),
            health('a blank Off Track threshold turns the overdue Off Track check off', overdueBy(60), 'At Risk', {
                customMetadata: thresholds({ Off_Track_Overdue_Days__c: null })
            }),
            health('a blank At Risk overdue threshold turns that check off', overdueBy(3), 'On Track', {
                customMetadata: thresholds({ At_Risk_Overdue_Days__c: null, Off_Track_Overdue_Days__c: null })
            }),
            health('a blank slip threshold turns the slip check off', closeMovedBy(200), 'On Track', {
                customMetadata: thresholds({ At_Risk_Slip_Days__c: null })
            }),
            health('a blank stale threshold turns the stale check off', quietFor(400), 'On Track', {
                customMetadata: thresholds({ Stale_Plan_Days__c: null })
            }),
            health('a zero overdue threshold does not make a plan due today At Risk', overdueBy(0), 'On Track', {
                customMetadata: thresholds({ At_Risk_Overdue_Days__c: 0, Off_Track_Overdue_Days__c: 0 })
            }),
            health(
                'a zero slip threshold does not make a plan whose close has not moved At Risk',
                { Total_Slip_Days__c: 4 },
                'On Track',
                {
                    customMetadata: thresholds({ At_Risk_Slip_Days__c: 0 })
                }
            ),
            health(
                'with every threshold blank, only a late projected close counts',
                { ...worst, Projected_Close_Date__c: CLOSE },
                'On Track',
                {
                    customMetadata: thresholds({
                        At_Risk_Overdue_Days__c: null,
                        Off_Track_Overdue_Days__c: null,
                        At_Risk_Slip_Days__c: null,
                        Stale_Plan_Days__c: null
                    })
                }
            )
        ]
    });
});

describe('Is_Stale__c and Days_Since_Progress__c', () => {
    scenarioTests(test, ROOT, {
        object: PLAN,
        field: 'Is_Stale__c',
        defaults: { today: TODAY, record: healthy },
        cases: [
            { name: `is stale after ${STALE} quiet days`, record: quietFor(STALE), expect: true },
            { name: `is not stale after ${STALE - 1} quiet days`, record: quietFor(STALE - 1), expect: false },
            {
                name: `a plan quiet for ${STALE} days whose buyer agreed a milestone yesterday is not stale`,
                record: { ...quietFor(STALE), Last_Agreed_On__c: addDays(TODAY, -1) },
                expect: false
            },

            {
                name: 'a Draft plan is never stale',
                record: { Status__c: 'Draft', ...quietFor(STALE + 100) },
                expect: false
            },
            {
                name: 'a Completed plan is never stale',
                record: { Status__c: 'Completed', ...quietFor(STALE + 100) },
                expect: false
            },
            {
                name: 'a plan with neither activation nor progress dates is not stale',
                record: { Activated_On__c: null, Last_Progress_On__c: null },
                expect: false
            },
            // The plan trigger stamps Activated_On__c on every activation, so activation counts as progress.
            {
                name: 'a plan activated today after its milestones were quiet for long is not stale',
                record: {
                    Activated_On__c: `${TODAY}T09:00:00.000Z`,
                    Last_Progress_On__c: addDays(TODAY, -(STALE + 60))
                },
                expect: false
            },
            {
                name: 'a plan activated today with no milestone status change ever is not stale',
                record: { Activated_On__c: `${TODAY}T00:00:00.000Z`, Last_Progress_On__c: null },
                expect: false
            },
            {
                name: `a plan re-activated ${STALE - 1} days ago, quiet since, is not stale yet`,
                record: {
                    Activated_On__c: `${addDays(TODAY, -(STALE - 1))}T09:00:00.000Z`,
                    Last_Progress_On__c: addDays(TODAY, -(STALE + 60))
                },
                expect: false
            },
            {
                name: `a plan re-activated ${STALE} days ago, quiet since, is stale`,
                record: {
                    Activated_On__c: `${addDays(TODAY, -STALE)}T09:00:00.000Z`,
                    Last_Progress_On__c: addDays(TODAY, -(STALE + 60))
                },
                expect: true
            }
        ]
    });
    scenarioTests(test, ROOT, {
        object: PLAN,
        field: 'Days_Since_Progress__c',
        defaults: { today: TODAY, record: healthy },
        cases: [
            { name: 'counts days since the last milestone move', record: quietFor(5), expect: 5 },
            {
                name: 'counts from activation when it is later than the last move',
                record: {
                    Activated_On__c: `${addDays(TODAY, -3)}T23:00:00.000Z`,
                    Last_Progress_On__c: addDays(TODAY, -10)
                },
                expect: 3
            },
            {
                name: 'counts from activation when no milestone moved yet',
                record: { Activated_On__c: `${addDays(TODAY, -4)}T08:00:00.000Z`, Last_Progress_On__c: null },
                expect: 4
            },
            {
                name: 'counts from the last move when the plan has no activation date',
                record: { Activated_On__c: null, Last_Progress_On__c: addDays(TODAY, -6) },
                expect: 6
            },
            {
                name: 'is blank with neither date',
                record: { Activated_On__c: null, Last_Progress_On__c: null },
                expect: null
            },
            {
                name: 'counts from the last day the buyer agreed a milestone when that is the latest progress',
                record: { ...quietFor(9), Last_Agreed_On__c: addDays(TODAY, -2) },
                expect: 2
            },
            {
                name: "counts from the buyer's acceptance when that is the latest progress",
                record: { ...quietFor(9), Buyer_Accepted_On__c: `${addDays(TODAY, -1)}T16:30:00.000Z` },
                expect: 1
            },
            {
                name: 'an old agreement or acceptance does not hide a later status change',
                record: {
                    ...quietFor(3),
                    Last_Agreed_On__c: addDays(TODAY, -30),
                    Buyer_Accepted_On__c: `${addDays(TODAY, -40)}T10:00:00.000Z`
                },
                expect: 3
            },
            {
                name: 'counts from an acceptance alone on a plan with no other date',
                record: {
                    Activated_On__c: null,
                    Last_Progress_On__c: null,
                    Buyer_Accepted_On__c: `${addDays(TODAY, -5)}T10:00:00.000Z`
                },
                expect: 5
            },
            {
                name: 'is 0 on the day of a re-activation, however long the milestones were quiet',
                record: { Activated_On__c: `${TODAY}T23:59:00.000Z`, Last_Progress_On__c: addDays(TODAY, -400) },
                expect: 0
            }
        ]
    });
});

describe('Close_Slip_Days__c: how far the close moved, in working days', () => {
    // 2026-06-22 is a Monday. Counted as planScheduler's workingDaysBetween: the working days after the baseline
    // up to and including the projected close.
    const slip = (name, baseline, projected, expect) => ({
        name,
        record: { Baseline_Close_Date__c: baseline, Projected_Close_Date__c: projected },
        expect
    });
    scenarioTests(test, ROOT, {
        object: PLAN,
        field: 'Close_Slip_Days__c',
        defaults: { today: TODAY, record: healthy },
        cases: [
            slip('is 0 while the close has not moved', '2026-06-22', '2026-06-22', 0),
            slip('counts Monday to Friday as 4', '2026-06-22', '2026-06-26', 4),
            slip('counts a week as 5', '2026-06-22', '2026-06-29', 5),
            slip('counts Friday to Monday as 1: the weekend is not a slip', '2026-06-26', '2026-06-29', 1),
            slip('counts Saturday to Sunday as 0', '2026-06-27', '2026-06-28', 0),
            slip('counts two weeks and a day across a month end as 11', '2026-06-22', '2026-07-07', 11),
            slip('is negative when the close was pulled in', '2026-06-29', '2026-06-22', -5),
            slip('counts across a year end', '2025-12-26', '2026-01-02', 5),
            slip('is blank before the close milestone has a baseline', null, '2026-06-22', null),
            slip('is blank when no milestone marks the close', '2026-06-22', null, null)
        ]
    });
});

describe('Days_Overdue__c and Close_Date_Variance_Days__c on the plan', () => {
    scenarioTests(test, ROOT, {
        object: PLAN,
        field: 'Days_Overdue__c',
        defaults: { today: TODAY, record: healthy },
        cases: [
            { name: 'counts the days the earliest open milestone is overdue', record: overdueBy(5), expect: 5 },
            { name: 'is 0 when the earliest open milestone is due today', record: overdueBy(0), expect: 0 },
            { name: 'is 0 when the earliest open milestone is due later', record: overdueBy(-4), expect: 0 },
            { name: 'is 0 when nothing is open', record: { Next_Due_Date__c: null }, expect: 0 }
        ]
    });
    scenarioTests(test, ROOT, {
        object: PLAN,
        field: 'Close_Date_Variance_Days__c',
        defaults: { today: TODAY, record: healthy },
        cases: [
            {
                name: 'is positive when the plan lands after the close date',
                record: { Projected_Close_Date__c: addDays(CLOSE, 12) },
                expect: 12
            },
            {
                name: 'is negative when the plan lands before the close date',
                record: { Projected_Close_Date__c: addDays(CLOSE, -5) },
                expect: -5
            },
            {
                name: 'is 0 when the plan lands on the close date',
                record: { Projected_Close_Date__c: CLOSE },
                expect: 0
            },
            {
                name: 'is blank when no milestone marks the close',
                record: { Projected_Close_Date__c: null },
                expect: null
            },
            {
                name: 'is blank when the opportunity has no close date',
                record: { 'Opportunity__r.CloseDate': null },
                expect: null
            },
            {
                name: 'reads the close date from the parent opportunity given as a nested record',
                record: {
                    Projected_Close_Date__c: '2026-07-02',
                    Opportunity__r: { CloseDate: '2026-06-30' },
                    'Opportunity__r.CloseDate': undefined
                },
                expect: 2
            }
        ]
    });
});

describe('completion percentages never divide by zero', () => {
    const percent = (field, all, done) =>
        [
            [`is 0% for a plan with no ${all === 'Milestone_Count__c' ? '' : 'buyer '}milestones`, 0, 0, 0],
            ['is 0% when the counts are blank', null, null, 0],
            ['is 0% when nothing is complete', 4, 0, 0],
            ['is 25% for one of four complete', 4, 1, 25],
            ['rounds two of three to 67%', 3, 2, 67],
            ['rounds one of three to 33%', 3, 1, 33],
            ['is 100% when all are complete', 5, 5, 100]
        ].map(([name, total, complete, expect]) => ({ name, record: { [all]: total, [done]: complete }, expect }));
    scenarioTests(test, ROOT, {
        object: PLAN,
        field: 'Completion_Percent__c',
        cases: percent('Completion_Percent__c', 'Milestone_Count__c', 'Completed_Milestone_Count__c')
    });
    scenarioTests(test, ROOT, {
        object: PLAN,
        field: 'Buyer_Completion_Percent__c',
        cases: percent('Buyer_Completion_Percent__c', 'Buyer_Milestone_Count__c', 'Buyer_Completed_Milestone_Count__c')
    });
});

// Plan_Milestone__c formulas and validation rules, evaluated from their XML.
import { describe, test } from 'node:test';
import { scenarioTests } from '../../scripts/lib/formula-scenarios.mjs';
import { ROOT, addDays } from './support.mjs';

const MILESTONE = 'Plan_Milestone__c';
const TODAY = '2026-03-02';
const OPEN_STATUSES = ['Not Started', 'In Progress', 'Blocked'];
const CLOSED_STATUSES = ['Complete', 'Skipped'];

// Record Ids as the API returns them (18 characters).
const ME = 'a01000000000001AAA';
const OTHER = 'a01000000000002AAA';
const THIRD = 'a01000000000003AAA';
const PLAN = 'a00000000000001AAA';
const OTHER_PLAN = 'a00000000000002AAA';
const CONTACT = '003000000000001AAA';
const USER = '005000000000001AAA';

describe('Is_Overdue__c and Days_Overdue__c on a milestone', () => {
    scenarioTests(test, ROOT, {
        object: MILESTONE,
        field: 'Is_Overdue__c',
        defaults: { today: TODAY },
        cases: [
            ...OPEN_STATUSES.map((status) => ({
                name: `a ${status} milestone due yesterday is overdue`,
                record: { Status__c: status, Due_Date__c: addDays(TODAY, -1) },
                expect: true
            })),
            ...CLOSED_STATUSES.map((status) => ({
                name: `a ${status} milestone is never overdue`,
                record: { Status__c: status, Due_Date__c: addDays(TODAY, -30) },
                expect: false
            })),
            {
                name: 'a milestone due today is not overdue',
                record: { Status__c: 'In Progress', Due_Date__c: TODAY },
                expect: false
            },
            {
                name: 'a milestone due tomorrow is not overdue',
                record: { Status__c: 'Not Started', Due_Date__c: addDays(TODAY, 1) },
                expect: false
            },
            {
                name: 'a milestone without a due date is not overdue',
                record: { Status__c: 'Not Started', Due_Date__c: null },
                expect: false
            },
            {
                name: 'a milestone with a blank status due yesterday is overdue',
                record: { Status__c: null, Due_Date__c: addDays(TODAY, -1) },
                expect: true
            }
        ]
    });
    scenarioTests(test, ROOT, {
        object: MILESTONE,
        field: 'Days_Overdue__c',
        defaults: { today: TODAY },
        cases: [
            {
                name: 'counts the days an open milestone is past due',
                record: { Status__c: 'Blocked', Due_Date__c: addDays(TODAY, -9) },
                expect: 9
            },
            {
                name: 'is 0 for a completed milestone past due',
                record: { Status__c: 'Complete', Due_Date__c: addDays(TODAY, -9) },
                expect: 0
            },
            {
                name: 'is 0 for a skipped milestone past due',
                record: { Status__c: 'Skipped', Due_Date__c: addDays(TODAY, -9) },
                expect: 0
            },
            { name: 'is 0 when due today', record: { Status__c: 'In Progress', Due_Date__c: TODAY }, expect: 0 },
            {
                name: 'is 0 when due later',
                record: { Status__c: 'In Progress', Due_Date__c: addDays(TODAY, 3) },
                expect: 0
            },
            { name: 'is 0 without a due date', record: { Status__c: 'In Progress', Due_Date__c: null }, expect: 0 }
        ]
    });
});

describe('Slip_Reason_When_Moved_Later', () => {
    const baselined = { Due_Date__c: '2026-04-10', Baseline_Date__c: '2026-04-01', Slip_Reason__c: null };
    scenarioTests(test, ROOT, {
        object: MILESTONE,
        rule: 'Slip_Reason_When_Moved_Later',
        defaults: { record: baselined, changed: ['Due_Date__c'], prior: { Due_Date__c: '2026-04-01' } },
        cases: [
            { name: 'blocks moving a baselined due date later without a reason', expect: true },
            {
                name: 'blocks moving it later by a single day without a reason',
                prior: { Due_Date__c: '2026-04-09' },
                expect: true
            },
            {
                name: 'allows moving it later with a reason given in the same save',
                record: { Slip_Reason__c: 'Buyer availability' },
                changed: ['Due_Date__c', 'Slip_Reason__c'],
                expect: false
            },
            {
                name: 'blocks a second slip that only reuses the reason left from the first',
                record: { Slip_Reason__c: 'Buyer availability', Slip_Note__c: 'CFO travelling' },
                expect: true
            },
            {
                name: 'allows a second slip for the same reason when a new note explains it',
                record: { Slip_Reason__c: 'Buyer availability', Slip_Note__c: 'CFO out again until the 20th' },
                changed: ['Due_Date__c', 'Slip_Note__c'],
                expect: false
            },
            {
                name: 'blocks clearing the reason while moving the date later',
                record: { Slip_Reason__c: null, Slip_Note__c: 'no idea' },
                changed: ['Due_Date__c', 'Slip_Reason__c', 'Slip_Note__c'],
                expect: true
            },
            { name: 'allows moving it earlier without a reason', prior: { Due_Date__c: '2026-04-20' }, expect: false },
            {
                name: 'allows saves that do not move the due date',
                changed: ['Status__c'],
                prior: { Due_Date__c: '2026-04-10' },
                expect: false
            },
            { name: 'never asks for a reason on a new milestone', isNew: true, changed: [], prior: {}, expect: false },
            {
                name: 'lets dates move freely before the plan is first activated (no baseline)',
                record: { Baseline_Date__c: null },
                expect: false
            }
        ]
    });
});

describe('Completed_On_When_Complete', () => {
    scenarioTests(test, ROOT, {
        object: MILESTONE,
        rule: 'Completed_On_When_Complete',
        cases: [
            {
                name: 'blocks a Complete milestone without a completion date',
                record: { Status__c: 'Complete', Completed_On__c: null },
                expect: true
            },
            {
                name: 'allows a Complete milestone with a completion date',
                record: { Status__c: 'Complete', Completed_On__c: TODAY },
                expect: false
            },
            ...[...OPEN_STATUSES, 'Skipped'].map((status) => ({
                name: `allows a ${status} milestone without a completion date`,
                record: { Status__c: status, Completed_On__c: null },
                expect: false
            }))
        ]
    });
});

describe('Named owners on milestones of an Active plan', () => {
    const owners = [
        {
            rule: 'Buyer_Owner_In_Active_Plan',
            owner: 'Buyer_Owner__c',
            id: CONTACT,
            sides: ['Buyer', 'Joint'],
            exempt: 'Seller'
        },
        {
            rule: 'Seller_Owner_In_Active_Plan',
            owner: 'Seller_Owner__c',
            id: USER,
            sides: ['Seller', 'Joint'],
            exempt: 'Buyer'
        }
    ];
    for (const { rule, owner, id, sides, exempt } of owners) {
        scenarioTests(test, ROOT, {
            object: MILESTONE,
            rule,
            defaults: { record: { 'Plan__r.Status__c': 'Active', Status__c: 'Not Started', [owner]: null } },
            cases: [
                ...sides.map((side) => ({
                    name: `${rule}: blocks a ${side} milestone of an Active plan without ${owner}`,
                    record: { Side__c: side },
                    expect: true
                })),
                ...sides.map((side) => ({
                    name: `${rule}: allows a ${side} milestone of an Active plan with ${owner}`,
                    record: { Side__c: side, [owner]: id },
                    expect: false
                })),
                {
                    name: `${rule}: does not ask a ${exempt} milestone for ${owner}`,
                    record: { Side__c: exempt },
                    expect: false
                },
                {
                    name: `${rule}: exempts skipped milestones`,
                    record: { Side__c: sides[0], Status__c: 'Skipped' },
                    expect: false
                },
                ...['Draft', 'Completed', 'Cancelled'].map((status) => ({
                    name: `${rule}: does not apply while the plan is ${status}`,
                    record: { Side__c: sides[0], 'Plan__r.Status__c': status },
                    expect: false
                }))
            ]
        });
    }
});

describe('Depends_On_Same_Plan', () => {
    const sameParent = {
        Id: ME,
        Plan__c: PLAN,
        Depends_On__c: OTHER,
        'Depends_On__r.Plan__c': PLAN,
        'Depends_On__r.Depends_On__c': null
    };
    scenarioTests(test, ROOT, {
        object: MILESTONE,
        rule: 'Depends_On_Same_Plan',
        defaults: { record: sameParent },
        cases: [
            { name: 'allows depending on another milestone of the same plan', expect: false },
            {
                name: 'allows no dependency',
                record: { Depends_On__c: null, 'Depends_On__r.Plan__c': null },
                expect: false
            },
            {
                name: 'blocks depending on itself',
                record: { Depends_On__c: ME, 'Depends_On__r.Plan__c': PLAN },
                expect: true
            },
            {
                name: 'blocks depending on a milestone of another plan',
                record: { 'Depends_On__r.Plan__c': OTHER_PLAN },
                expect: true
            },
            {
                // A loop through other milestones (two-way or longer) is the milestone trigger's: it sees the whole
                // save, where this rule would read the other milestone as it was before the save.
                name: 'leaves a milestone that depends on it to the trigger (loops of any length)',
                record: { 'Depends_On__r.Depends_On__c': ME },
                expect: false
            },
            {
                name: 'allows depending on a milestone that depends on a third one',
                record: { 'Depends_On__r.Depends_On__c': THIRD },
                expect: false
            },
            {
                name: 'allows a new milestone (no Id yet) to depend on one of the same plan',
                isNew: true,
                record: { Id: null },
                expect: false
            },
            {
                name: 'blocks a new milestone depending on a milestone of another plan',
                isNew: true,
                record: { Id: null, 'Depends_On__r.Plan__c': OTHER_PLAN },
                expect: true
            }
        ]
    });
});

describe('Due_Date_Plausible', () => {
    const setting = (dueDate, status = 'Not Started') => ({
        isNew: true,
        record: { Due_Date__c: dueDate, Status__c: status }
    });
    scenarioTests(test, ROOT, {
        object: MILESTONE,
        rule: 'Due_Date_Plausible',
        defaults: { today: TODAY },
        cases: [
            { name: 'allows a due date today', ...setting(TODAY), expect: false },
            {
                name: 'allows a due date a year ago (catching up on a late plan)',
                ...setting(addDays(TODAY, -365)),
                expect: false
            },
            { name: 'blocks a due date a year and a day ago', ...setting(addDays(TODAY, -366)), expect: true },
            { name: 'allows a due date three years out', ...setting(addDays(TODAY, 1095)), expect: false },
            { name: 'blocks a due date three years and a day out', ...setting(addDays(TODAY, 1096)), expect: true },
            { name: 'blocks a typo in the year (2062 for 2026)', ...setting('2062-03-20'), expect: true },
            ...CLOSED_STATUSES.map((status) => ({
                name: `allows loading a ${status} milestone with an old date (history)`,
                ...setting('2020-06-30', status),
                expect: false
            })),
            {
                name: 'blocks moving an open due date decades out',
                record: { Due_Date__c: '2206-03-20', Status__c: 'In Progress' },
                prior: { Due_Date__c: '2026-03-20' },
                changed: ['Due_Date__c'],
                expect: true
            },
            {
                name: 'leaves an unchanged old due date alone (an overdue milestone stays editable)',
                record: { Due_Date__c: '2024-01-10', Status__c: 'Blocked', Name: 'Renamed' },
                prior: { Due_Date__c: '2024-01-10', Name: 'Old name' },
                changed: ['Name'],
                expect: false
            }
        ]
    });
});

// The template step a milestone was made from never changes once set (a milestone gate finds its milestone by it);
// a blank one may be filled in.
describe('Template_Step_Kept', () => {
    scenarioTests(test, ROOT, {
        object: MILESTONE,
        rule: 'Template_Step_Kept',
        cases: [
            {
                name: "blocks pointing a milestone at another template step (it would pass that step's gate)",
                record: { Template_Step__c: 'Enterprise_05_Security_Review' },
                changed: ['Template_Step__c'],
                prior: { Template_Step__c: 'Enterprise_04_Budget_Approval' },
                expect: true
            },
            {
                name: 'blocks clearing it',
                record: { Template_Step__c: null },
                changed: ['Template_Step__c'],
                prior: { Template_Step__c: 'Enterprise_05_Security_Review' },
                expect: true
            },
            {
                name: 'allows filling in the step of a milestone saved before steps were recorded',
                record: { Template_Step__c: 'Enterprise_05_Security_Review' },
                changed: ['Template_Step__c'],
                prior: { Template_Step__c: null },
                expect: false
            },
            {
                name: 'allows completing a milestone made from a step',
                record: { Template_Step__c: 'Enterprise_05_Security_Review', Status__c: 'Complete' },
                changed: ['Status__c'],
                prior: { Template_Step__c: 'Enterprise_05_Security_Review', Status__c: 'In Progress' },
                expect: false
            }
        ]
    });
});

import {
    DUE_SOON_MESSAGE,
    NOT_SCHEDULED_TEXT,
    UNKNOWN_SCHEDULE_TEXT,
    describeSchedule,
    dueSoonError,
    dueSoonHelp,
    dueSoonMessage,
    formatRun,
    hourError,
    hourLabel,
    hourOptions,
    parseDueSoonDays,
    remindersDirty,
    remindersDraft,
    remindersRequest,
    scheduledText,
    setDueSoonDays,
    setSwitch,
    staleText,
    switchRows,
    timeZoneLabel
} from 'c/tandemSetupFollowUpModel';
import type { FollowUpState, Reminders, RemindersDraft, SharedThresholds } from 'c/tandemSetupFollowUpModel';

/** Intl may put a narrow no-break space before "AM": compare text as a reader sees it. */
const plain = (text: string): string => text.replace(/\s/g, ' ');

const LA = 'America/Los_Angeles';
const SAVED: Reminders = {
    dueSoonDays: 2,
    sellerRemindersOn: true,
    staleAlertsOn: true,
    buyerRemindersOn: true,
    managerDigestOn: false
};
const SCHEDULED: FollowUpState = {
    scheduled: true,
    hour: 6,
    nextRun: '2026-03-02T14:00:00.000Z',
    lastRun: '2026-03-01T14:00:00.000Z'
};
const THRESHOLDS: SharedThresholds = { atRiskOverdueDays: '1', offTrackOverdueDays: '7', stalePlanDays: '10' };

describe('hours, in the user’s locale', () => {
    it('writes an hour as the user’s clock does', () => {
        expect(plain(hourLabel(6, 'en-US'))).toBe('6:00 AM');
        expect(plain(hourLabel(0, 'en-US'))).toBe('12:00 AM');
        expect(plain(hourLabel(13, 'en-US'))).toBe('1:00 PM');
        expect(hourLabel(18, 'de-DE')).toBe('18:00');
    });

    it('offers the 24 hours of a day, midnight first, valued 0 to 23', () => {
        const options = hourOptions('en-US');
        expect(options).toHaveLength(24);
        expect(options.map((option) => option.value)).toEqual(Array.from({ length: 24 }, (_, h) => String(h)));
        expect(plain(options[6].label)).toBe('6:00 AM');
        expect(plain(options[23].label)).toBe('11:00 PM');
    });
});

describe('the runs’ dates, in the user’s locale and time zone', () => {
    it('writes a date-time in the user’s time zone, never as ISO', () => {
        expect(plain(formatRun('2026-03-02T14:00:00.000Z', 'en-US', LA))).toBe('Mon, Mar 2, 2026, 6:00 AM');
        expect(plain(formatRun('2026-03-02T14:00:00.000Z', 'en-US', 'Europe/Berlin'))).toBe(
            'Mon, Mar 2, 2026, 3:00 PM'
        );
        expect(formatRun('2026-03-02T14:00:00.000Z', 'de-DE', 'Europe/Berlin')).toMatch(/^Mo\., 2\. März 2026, 15:00/);
    });

    it('follows daylight saving time', () => {
        expect(plain(formatRun('2026-07-06T13:00:00.000Z', 'en-US', LA))).toBe('Mon, Jul 6, 2026, 6:00 AM');
    });

    it('writes nothing for no date or one it cannot read', () => {
        expect(formatRun(null, 'en-US', LA)).toBe('');
        expect(formatRun(undefined, 'en-US', LA)).toBe('');
        expect(formatRun('not a date', 'en-US', LA)).toBe('');
    });

    it('falls back to the browser’s time zone for one Intl does not know', () => {
        expect(formatRun('2026-03-02T14:00:00.000Z', 'en-US', 'Mars/Olympus_Mons')).toMatch(/2026/);
    });

    it('names the time zone as the user reads it', () => {
        expect(timeZoneLabel(LA, 'en-US')).toBe('Pacific Time');
        expect(timeZoneLabel('UTC', 'en-US')).toBe('Coordinated Universal Time');
        expect(timeZoneLabel('Mars/Olympus_Mons', 'en-US')).toBe('Mars/Olympus_Mons');
        expect(timeZoneLabel(undefined, 'en-US')).toBe('');
    });
});

describe('the schedule as the page says it', () => {
    it('says when a scheduled run runs, next and last', () => {
        const view = describeSchedule(SCHEDULED, 'en-US', LA);
        expect(view).toMatchObject({ scheduled: true, known: true, badgeLabel: 'Scheduled', hour: '6' });
        expect(plain(view.statusText)).toBe('Runs every day at 6:00 AM (Pacific Time).');
        expect(plain(view.nextRun)).toBe('Mon, Mar 2, 2026, 6:00 AM');
        expect(plain(view.lastRun)).toBe('Sun, Mar 1, 2026, 6:00 AM');
        expect(view.scheduleLabel).toBe('Change the hour');
        expect(view.badgeClass).toContain('slds-theme_success');
    });

    it('says nothing is sent until it is scheduled, and offers the default hour', () => {
        const view = describeSchedule({ scheduled: false, hour: 6, nextRun: null, lastRun: null }, 'en-US', LA);
        expect(view).toMatchObject({
            scheduled: false,
            statusText: NOT_SCHEDULED_TEXT,
            badgeLabel: 'Off',
            nextRun: '',
            lastRun: '',
            hour: '6',
            scheduleLabel: 'Schedule'
        });
    });

    it('leaves out the time zone it cannot name', () => {
        expect(plain(describeSchedule(SCHEDULED, 'en-US', undefined).statusText)).toBe('Runs every day at 6:00 AM.');
    });

    it('says the schedule cannot be seen when the server sent none', () => {
        expect(describeSchedule(null, 'en-US', LA)).toMatchObject({ known: false, statusText: UNKNOWN_SCHEDULE_TEXT });
    });

    it('offers 6 when the hour is not one', () => {
        expect(describeSchedule({ ...SCHEDULED, hour: 30 }, 'en-US', LA).hour).toBe('6');
    });

    it('says what was scheduled', () => {
        expect(plain(scheduledText(7, 'en-US'))).toBe('Scheduled: the follow-up runs every day at 7:00 AM.');
    });
});

describe('the switches as a draft', () => {
    const draft = (): RemindersDraft => remindersDraft(SAVED);

    it('shows the saved switches, Due Soon Days as text and blank when off', () => {
        expect(draft()).toEqual({
            dueSoonDays: '2',
            sellerRemindersOn: true,
            staleAlertsOn: true,
            buyerRemindersOn: true,
            managerDigestOn: false
        });
        expect(remindersDraft({ ...SAVED, dueSoonDays: null }).dueSoonDays).toBe('');
    });

    it('turns a switch on or off, and returns the same draft when nothing changes', () => {
        const before = draft();
        const after = setSwitch(before, 'buyerRemindersOn', false);
        expect(after.buyerRemindersOn).toBe(false);
        expect(before.buyerRemindersOn).toBe(true);
        expect(setSwitch(before, 'buyerRemindersOn', true)).toBe(before);
        expect(setSwitch(before, 'nonsense' as 'buyerRemindersOn', false)).toBe(before);
    });

    it('keeps Due Soon Days as typed, trimmed', () => {
        const before = draft();
        expect(setDueSoonDays(before, ' 5 ').dueSoonDays).toBe('5');
        expect(setDueSoonDays(before, '2')).toBe(before);
        expect(setDueSoonDays(before, null).dueSoonDays).toBe('');
    });

    it.each<[string, number | null]>([
        ['', null],
        ['  ', null],
        ['0', 0],
        ['2', 2],
        ['20', 20],
        ['21', Number.NaN],
        ['-1', Number.NaN],
        ['1.5', Number.NaN],
        ['two', Number.NaN]
    ])('reads Due Soon Days %p as %p', (text, days) => {
        expect(parseDueSoonDays(text)).toEqual(days);
    });

    it('says what is wrong with Due Soon Days, next to the field', () => {
        expect(dueSoonMessage('21')).toBe(DUE_SOON_MESSAGE);
        expect(DUE_SOON_MESSAGE).toBe(
            'Enter a whole number of working days from 0 to 20, or leave it blank to turn due-soon reminders off.'
        );
        expect(dueSoonMessage('')).toBe('');
        expect(dueSoonMessage('0')).toBe('');
    });

    it('is dirty once a switch or the number of days changed, not for the same number written differently', () => {
        const saved = draft();
        expect(remindersDirty(saved, saved)).toBe(false);
        expect(remindersDirty(saved, setSwitch(saved, 'managerDigestOn', true))).toBe(true);
        expect(remindersDirty(saved, setDueSoonDays(saved, '3'))).toBe(true);
        expect(remindersDirty(saved, setDueSoonDays(saved, '02'))).toBe(false);
        expect(remindersDirty(saved, setDueSoonDays(saved, 'x'))).toBe(true);
        expect(remindersDirty(saved, setDueSoonDays(saved, ''))).toBe(true);
    });

    it('sends the switches and Due Soon Days as a number, blank as null', () => {
        expect(remindersRequest(setSwitch(draft(), 'staleAlertsOn', false))).toEqual({
            ...SAVED,
            staleAlertsOn: false
        });
        expect(remindersRequest(setDueSoonDays(draft(), '')).dueSoonDays).toBeNull();
        expect(remindersRequest(setDueSoonDays(draft(), '0')).dueSoonDays).toBe(0);
        expect(() => remindersRequest(setDueSoonDays(draft(), '30'))).toThrow('validate first');
    });
});

describe('what each switch sends, to whom', () => {
    it('lists the four kinds in order, with who gets what and the thresholds they follow', () => {
        const rows = switchRows(remindersDraft(SAVED), THRESHOLDS);
        expect(rows.map((row) => [row.label, row.checked, row.stateLabel])).toEqual([
            ['Seller reminders', true, 'On'],
            ['Stale alerts', true, 'On'],
            ['Buyer reminder emails', true, 'On'],
            ['Manager digest', false, 'Off']
        ]);
        expect(rows[0].help).toContain(
            'seller owner and the opportunity owner when the milestone is due soon, overdue (1 day late) or stalled (7 days late)'
        );
        expect(rows[0].hasDueSoon).toBe(true);
        expect(rows[1].help).toContain('A plan counts as stale after 10 days without progress (Stale plan days');
        expect(rows[2].help).toContain('Only on plans where the account executive turned buyer reminders on');
        expect(rows[3].help).toContain('A Monday email to each manager');
        expect(rows.slice(1).every((row) => !row.hasDueSoon)).toBe(true);
    });

    it('follows the thresholds as typed, and says when one is off', () => {
        const rows = switchRows(remindersDraft(SAVED), {
            atRiskOverdueDays: '',
            offTrackOverdueDays: '',
            stalePlanDays: ''
        });
        expect(rows[0].help).toContain('when the milestone is due soon, overdue:');
        expect(rows[1].help).toContain(
            'Stale plan days is blank under Plan health thresholds, so no plan counts as stale'
        );
    });

    it('says one stale day in the singular', () => {
        expect(staleText('1')).toContain('after 1 day without progress');
        expect(staleText('0')).toContain('is blank');
    });

    it('says what Due Soon Days means as typed', () => {
        expect(dueSoonHelp('')).toBe('Due-soon reminders are off; sellers still hear about overdue milestones.');
        expect(dueSoonHelp('0')).toBe('Due-soon reminders are off; sellers still hear about overdue milestones.');
        expect(dueSoonHelp('1')).toBe('Milestones due today or the next working day count as due soon (weekends off).');
        expect(dueSoonHelp('3')).toBe(
            'Milestones due from today to 3 working days ahead count as due soon (weekends off).'
        );
        expect(dueSoonHelp('99')).toBe('');
    });

    it('reads the errors of Due Soon Days and of the hour from a report', () => {
        const report = {
            message: 'x',
            pageErrors: [],
            records: {
                reminders: { messages: [], fieldErrors: { dueSoonDays: ['Too many.'] } },
                followUp: { messages: [], fieldErrors: { hour: ['Choose an hour from 0 to 23.'] } }
            }
        };
        expect(dueSoonError(report)).toBe('Too many.');
        expect(hourError(report)).toBe('Choose an hour from 0 to 23.');
        expect(dueSoonError(null)).toBe('');
        expect(hourError(null)).toBe('');
    });
});

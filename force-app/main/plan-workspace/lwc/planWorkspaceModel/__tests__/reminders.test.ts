import { reminderText } from '../reminders';

// Sunday 8 March 2026, 15:00 UTC.
const NOW = new Date('2026-03-08T15:00:00.000Z');
const reminder = (sentOn: string, extra: Record<string, string> = {}) => ({
    kind: 'Overdue',
    channel: 'Notification',
    sentOn,
    recipientName: 'Jonah Clarke',
    ...extra
});

describe('reminderText: when someone was last reminded, in the user’s words', () => {
    test('today and yesterday are said as such', () => {
        expect(reminderText(reminder('2026-03-08T06:00:00.000Z'), NOW, 'en-US', 'UTC')?.short).toBe('Reminded today');
        expect(reminderText(reminder('2026-03-07T06:00:00.000Z'), NOW, 'en-US', 'UTC')?.short).toBe(
            'Reminded yesterday'
        );
    });

    test('within the week by weekday, before that by date, in the user’s locale', () => {
        expect(reminderText(reminder('2026-03-03T06:00:00.000Z'), NOW, 'en-US', 'UTC')?.short).toBe('Reminded Tuesday');
        expect(reminderText(reminder('2026-02-27T06:00:00.000Z'), NOW, 'en-US', 'UTC')?.short).toBe('Reminded Feb 27');
        expect(reminderText(reminder('2026-03-03T06:00:00.000Z'), NOW, 'fr-FR', 'UTC')?.short).toBe('Reminded mardi');
    });

    test('the day is the user’s day: late evening in Los Angeles is still that day there', () => {
        // 05:00 UTC on the 8th is 21:00 on the 7th in Los Angeles: yesterday there, today in UTC.
        const sent = reminder('2026-03-08T05:00:00.000Z');
        expect(reminderText(sent, NOW, 'en-US', 'America/Los_Angeles')?.short).toBe('Reminded yesterday');
        expect(reminderText(sent, NOW, 'en-US', 'UTC')?.short).toBe('Reminded today');
    });

    test('the full sentence says how, to whom, why and when', () => {
        expect(reminderText(reminder('2026-03-03T06:02:00.000Z'), NOW, 'en-US', 'UTC')?.full).toBe(
            'Notified Jonah Clarke (overdue): Tuesday, March 3, 2026 at 6:02 AM.'
        );
        const email = reminder('2026-03-03T06:02:00.000Z', {
            kind: 'Buyer Reminder',
            channel: 'Email',
            recipientName: 'Dana Buyer'
        });
        expect(reminderText(email, NOW, 'en-US', 'UTC')?.full).toBe(
            'Emailed Dana Buyer (due soon): Tuesday, March 3, 2026 at 6:02 AM.'
        );
    });

    test('no reminder, or a date that does not parse, says nothing', () => {
        expect(reminderText(null, NOW, 'en-US')).toBeNull();
        expect(reminderText(undefined, NOW, 'en-US')).toBeNull();
        expect(reminderText(reminder('not a date'), NOW, 'en-US')).toBeNull();
    });
});

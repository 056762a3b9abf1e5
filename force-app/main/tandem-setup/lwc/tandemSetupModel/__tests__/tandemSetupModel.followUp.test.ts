/** The follow-up switches in the page's draft: shown as saved, dirty once changed, checked, sent with the save. */
import {
    alertMessages,
    buildRequest,
    draftFromView,
    isDirty,
    setDueSoonDays,
    setReminderSwitch,
    validateDraft
} from 'c/tandemSetupModel';
import { DUE_SOON_MESSAGE } from 'c/tandemSetupFollowUpModel';
import { VIEW } from './setupFixture';

describe('the follow-up switches in the draft', () => {
    it('start as saved', () => {
        expect(draftFromView(VIEW).reminders).toEqual({
            dueSoonDays: '2',
            sellerRemindersOn: true,
            staleAlertsOn: true,
            buyerRemindersOn: true,
            managerDigestOn: false
        });
    });

    it('make the page dirty once a switch or Due Soon Days changes, and clean once changed back', () => {
        const saved = draftFromView(VIEW);
        expect(isDirty(VIEW, saved)).toBe(false);
        const off = setReminderSwitch(saved, 'buyerRemindersOn', false);
        expect(isDirty(VIEW, off)).toBe(true);
        expect(isDirty(VIEW, setReminderSwitch(off, 'buyerRemindersOn', true))).toBe(false);
        expect(isDirty(VIEW, setDueSoonDays(saved, '5'))).toBe(true);
        expect(isDirty(VIEW, setDueSoonDays(saved, '2'))).toBe(false);
    });

    it('leave the draft as it is when nothing changes', () => {
        const saved = draftFromView(VIEW);
        expect(setReminderSwitch(saved, 'sellerRemindersOn', true)).toBe(saved);
        expect(setDueSoonDays(saved, ' 2 ')).toBe(saved);
    });

    it('are absent, and never sent, when the view has none', () => {
        const view = { ...VIEW, reminders: null };
        const draft = draftFromView(view);
        expect(draft.reminders).toBeNull();
        expect(setReminderSwitch(draft, 'sellerRemindersOn', false)).toBe(draft);
        expect(setDueSoonDays(draft, '4')).toBe(draft);
        expect(isDirty(view, draft)).toBe(false);
        expect(buildRequest(view, draft).reminders).toBeNull();
    });

    it('mark Due Soon Days beyond 20 next to the field before the save', () => {
        const draft = setDueSoonDays(draftFromView(VIEW), '21');
        const errors = validateDraft(VIEW, draft);
        expect(errors?.records.reminders.fieldErrors.dueSoonDays).toEqual([DUE_SOON_MESSAGE]);
        expect(errors?.message).toBe('Fix the marked fields, then save again.');
        expect(alertMessages(errors, VIEW)).toEqual([]);
    });

    it('accept a blank or 0 Due Soon Days (off)', () => {
        expect(validateDraft(VIEW, setDueSoonDays(draftFromView(VIEW), ''))).toBeNull();
        expect(validateDraft(VIEW, setDueSoonDays(draftFromView(VIEW), '0'))).toBeNull();
    });

    it('go with the save request, switched as the admin left them', () => {
        let draft = setReminderSwitch(draftFromView(VIEW), 'buyerRemindersOn', false);
        draft = setReminderSwitch(draft, 'managerDigestOn', true);
        draft = setDueSoonDays(draft, '');
        expect(buildRequest(VIEW, draft).reminders).toEqual({
            dueSoonDays: null,
            sellerRemindersOn: true,
            staleAlertsOn: true,
            buyerRemindersOn: false,
            managerDigestOn: true
        });
    });

    it("put the server's Due Soon Days error next to the field, not in the alert", () => {
        const errors = {
            message: 'The Tandem settings were not saved.',
            pageErrors: [],
            records: { reminders: { messages: [], fieldErrors: { dueSoonDays: ['No.'], other: ['Elsewhere.'] } } }
        };
        expect(alertMessages(errors, VIEW)).toEqual(['Elsewhere.']);
    });
});

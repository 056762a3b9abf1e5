import { createElement } from 'lwc';
import PlanFollowUp from 'c/planFollowUp';

const PLAN = { id: 'a01PLAN', name: 'Acme go-live', status: 'Active', remindersMuted: false, buyerReminders: false };

function render(plan: Record<string, unknown> = PLAN, canEdit = true): HTMLElement {
    const element = createElement('c-plan-follow-up', { is: PlanFollowUp });
    Object.assign(element, { plan, canEdit, busy: false });
    document.body.appendChild(element);
    return element;
}

const input = (element: HTMLElement, id: string) =>
    element.shadowRoot?.querySelector(`[data-id="${id}"]`) as HTMLElement & { checked: boolean; disabled: boolean };
const text = (element: HTMLElement, id: string) =>
    element.shadowRoot?.querySelector(`[data-id="${id}"]`)?.textContent ?? '';

function toggle(element: HTMLElement, id: string, checked: boolean): void {
    const box = input(element, id);
    box.checked = checked;
    box.dispatchEvent(new CustomEvent('change'));
}

describe('c-plan-follow-up', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('shows reminders on and buyer emails off for a new plan, and what that means', () => {
        const element = render();
        expect(input(element, 'reminders').checked).toBe(true);
        expect(input(element, 'buyer-reminders').checked).toBe(false);
        expect(text(element, 'follow-up-summary')).toContain(
            'notified when a milestone is due soon, overdue or stalled'
        );
        expect(text(element, 'follow-up-summary')).not.toContain('Buyer owners');
    });

    it('muting asks the workspace to save remindersMuted only, and says what was saved', () => {
        const element = render();
        const updates: unknown[] = [];
        element.addEventListener('planupdate', (event) => updates.push((event as CustomEvent).detail));
        toggle(element, 'reminders', false);
        expect(updates).toEqual([
            {
                request: { plan: { remindersMuted: true, buyerReminders: false }, changedFields: ['remindersMuted'] },
                saved: 'Reminders muted for this plan'
            }
        ]);
    });

    it('turning buyer emails on saves buyerReminders only', () => {
        const element = render();
        const updates: Array<{ request: { changedFields: string[]; plan: { buyerReminders: boolean } } }> = [];
        element.addEventListener('planupdate', (event) => updates.push((event as CustomEvent).detail));
        toggle(element, 'buyer-reminders', true);
        expect(updates[0].request.changedFields).toEqual(['buyerReminders']);
        expect(updates[0].request.plan.buyerReminders).toBe(true);
    });

    it('a muted plan says nobody is reminded and cannot email buyers until reminders are on again', () => {
        const element = render({ ...PLAN, remindersMuted: true, buyerReminders: true });
        expect(input(element, 'reminders').checked).toBe(false);
        expect(input(element, 'buyer-reminders').disabled).toBe(true);
        expect(text(element, 'follow-up-summary')).toContain('Nobody is reminded about this plan');
    });

    it('is read-only for a user who cannot edit the plan', () => {
        const element = render(PLAN, false);
        expect(input(element, 'reminders').disabled).toBe(true);
        expect(input(element, 'buyer-reminders').disabled).toBe(true);
    });

    it('says when the plan itself was last reminded of', () => {
        const element = render({
            ...PLAN,
            lastReminder: {
                kind: 'Stale Plan',
                channel: 'Notification',
                sentOn: new Date().toISOString(),
                recipientName: 'Jonah Clarke'
            }
        });
        expect(text(element, 'plan-reminded')).toMatch(
            /^Last reminder about the plan: Notified Jonah Clarke \(no progress\): /
        );
    });

    it("counts the days from the server's clock it is given, not the browser's", () => {
        const element = createElement('c-plan-follow-up', { is: PlanFollowUp });
        Object.assign(element, {
            plan: {
                ...PLAN,
                lastReminder: { kind: 'Stale Plan', channel: 'Notification', sentOn: '2026-03-02T06:00:00.000Z' }
            },
            now: '2026-03-03T09:00:00.000Z',
            canEdit: true
        });
        document.body.appendChild(element);
        expect(text(element, 'plan-reminded')).toMatch(/^Last reminder about the plan: Notified \(no progress\): /);
        expect(text(element, 'plan-reminded')).toContain('Monday, March 2, 2026');
    });

    it('is accessible', async () => {
        const element = render();
        await expect(element).toBeAccessible();
    });
});

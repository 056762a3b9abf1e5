// c-tandem-setup-follow-up on its own: what it tells the page (`reminderchange` for the draft, `viewchange` with the
// page the server sent back), and that a read-only section tells it nothing.
import { createElement } from 'lwc';
import TandemSetupFollowUp from 'c/tandemSetupFollowUp';
import runFollowUpNow from '@salesforce/apex/TandemSetupController.runFollowUpNow';
import scheduleFollowUp from '@salesforce/apex/TandemSetupController.scheduleFollowUp';
import type { RemindersDraft } from 'c/tandemSetupFollowUpModel';

jest.mock('@salesforce/apex/TandemSetupController.runFollowUpNow', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/TandemSetupController.scheduleFollowUp', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});

const REMINDERS: RemindersDraft = {
    dueSoonDays: '2',
    sellerRemindersOn: true,
    staleAlertsOn: true,
    buyerRemindersOn: true,
    managerDigestOn: false
};
const OFF = { scheduled: false, hour: 6, nextRun: null, lastRun: null };

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

type Props = { readOnly?: boolean; followUp?: unknown };

async function render(props: Props = {}): Promise<{ element: HTMLElement; events: CustomEvent[] }> {
    const element = createElement('c-tandem-setup-follow-up', { is: TandemSetupFollowUp });
    Object.assign(element, { followUp: OFF, reminders: REMINDERS, readOnly: false, ...props });
    const events: CustomEvent[] = [];
    element.addEventListener('reminderchange', (event) => events.push(event as CustomEvent));
    element.addEventListener('viewchange', (event) => events.push(event as CustomEvent));
    document.body.appendChild(element);
    await flush();
    return { element, events };
}

const find = (element: HTMLElement, selector: string) => element.shadowRoot?.querySelector(selector) as HTMLElement;

describe('c-tandem-setup-follow-up', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('tells the page a switch turned off and Due Soon Days typed', async () => {
        const { element, events } = await render();

        find(element, '[data-switch="managerDigestOn"]').dispatchEvent(
            new CustomEvent('change', { detail: { checked: true } })
        );
        find(element, '[data-id="due-soon"]').dispatchEvent(new CustomEvent('change', { detail: { value: '4' } }));

        expect(events.map((event) => [event.type, event.detail])).toEqual([
            ['reminderchange', { key: 'managerDigestOn', value: true }],
            ['reminderchange', { key: 'dueSoonDays', value: '4' }]
        ]);
    });

    it('tells the page nothing when read-only', async () => {
        const { element, events } = await render({ readOnly: true });

        find(element, '[data-switch="managerDigestOn"]').dispatchEvent(
            new CustomEvent('change', { detail: { checked: true } })
        );

        expect(events).toEqual([]);
        expect(find(element, '[data-id="run-now"]')).toBeNull();
    });

    it('hands the page the view the server sent back', async () => {
        const view = { stages: [], followUp: { ...OFF, scheduled: true } };
        (runFollowUpNow as unknown as jest.Mock).mockResolvedValue(view);
        const { element, events } = await render();

        find(element, '[data-id="run-now"]').click();
        await flush();

        expect(events.map((event) => [event.type, event.detail])).toEqual([['viewchange', view]]);
    });

    it('schedules at the hour shown when none was picked, and asks once at a time', async () => {
        let answer: (value: unknown) => void = () => undefined;
        (scheduleFollowUp as unknown as jest.Mock).mockReturnValue(new Promise((resolve) => (answer = resolve)));
        const { element } = await render();

        find(element, '[data-id="schedule"]').click();
        await flush();
        expect((find(element, '[data-id="schedule"]') as HTMLElement & { label: string }).label).toBe('Scheduling...');
        find(element, '[data-id="schedule"]').click();
        answer({ followUp: { ...OFF, scheduled: true } });
        await flush();

        expect(scheduleFollowUp).toHaveBeenCalledTimes(1);
        expect(scheduleFollowUp).toHaveBeenCalledWith({ hour: 6 });
    });
});

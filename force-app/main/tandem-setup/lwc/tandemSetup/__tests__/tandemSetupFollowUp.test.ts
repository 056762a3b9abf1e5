// Tandem Setup's Follow-up section (c-tandem-setup-follow-up inside c-tandem-setup): the schedule in the user's
// locale and time zone, scheduling at an hour, stopping and running now (each answered with the whole page), errors
// next to the hour, and the switches and Due Soon Days saved with the page's Save.
import { createElement } from 'lwc';
import TandemSetup from 'c/tandemSetup';
import getSetup from '@salesforce/apex/TandemSetupController.getSetup';
import saveSetup from '@salesforce/apex/TandemSetupController.saveSetup';
import scheduleFollowUp from '@salesforce/apex/TandemSetupController.scheduleFollowUp';
import stopFollowUp from '@salesforce/apex/TandemSetupController.stopFollowUp';
import runFollowUpNow from '@salesforce/apex/TandemSetupController.runFollowUpNow';
import type { SetupView } from 'c/tandemSetupModel';

const APEX = ['getSetup', 'saveSetup', 'scheduleFollowUp', 'stopFollowUp', 'runFollowUpNow'];
jest.mock('@salesforce/apex/TandemSetupController.getSetup', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/TandemSetupController.saveSetup', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/TandemSetupController.scheduleFollowUp', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/TandemSetupController.stopFollowUp', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/TandemSetupController.runFollowUpNow', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});

const VIEW = jest.requireActual<SetupView>('./data/setupView.json');
const mocked = (fn: unknown) => fn as jest.Mock;
const OFF: SetupView = { ...VIEW, followUp: { scheduled: false, hour: 6, nextRun: null, lastRun: null } };
const AT_SEVEN: SetupView = {
    ...VIEW,
    followUp: { scheduled: true, hour: 7, nextRun: '2026-03-02T15:00:00.000Z', lastRun: null }
};

// The Apex promise settles, then the components re-render.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

type Field = HTMLElement & {
    value: string;
    checked: boolean;
    disabled: boolean;
    label: string;
    options: { label: string; value: string }[];
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
};

/** The messages the section gave each field (the stubs' methods do nothing, so each rendered field records). */
const reported = new Map<string, string>();

function recordValidity(root: ShadowRoot): void {
    for (const id of ['hour', 'due-soon']) {
        const field = root.querySelector(`[data-id="${id}"]`) as Field | null;
        if (!field || reported.has(`${id}:hooked`)) continue;
        let pending = '';
        field.setCustomValidity = (message: string) => {
            pending = message;
        };
        field.reportValidity = () => {
            reported.set(id, pending);
            return pending === '';
        };
    }
}

async function render(view: SetupView = VIEW): Promise<HTMLElement> {
    mocked(getSetup).mockResolvedValue(view);
    const element = createElement('c-tandem-setup', { is: TandemSetup });
    document.body.appendChild(element);
    await flush();
    recordValidity(section(element));
    return element;
}

function section(element: HTMLElement): ShadowRoot {
    return (element.shadowRoot?.querySelector('c-tandem-setup-follow-up') as HTMLElement).shadowRoot as ShadowRoot;
}

function find(element: HTMLElement, selector: string): Field {
    return section(element).querySelector(selector) as Field;
}

const byId = (element: HTMLElement, id: string) => find(element, `[data-id="${id}"]`);
/** The text a reader meets in an element: its text nodes in order, separated by single spaces. */
function text(node: Element | null): string {
    if (!node) {
        return '';
    }
    const parts: string[] = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let next = walker.nextNode(); next; next = walker.nextNode()) {
        parts.push(next.textContent ?? '');
    }
    return parts.join(' ').replace(/\s+/g, ' ').trim();
}

async function click(element: HTMLElement, id: string): Promise<void> {
    byId(element, id).click();
    await flush();
}

async function change(field: Field, detail: object): Promise<void> {
    field.dispatchEvent(new CustomEvent('change', { detail }));
    await flush();
}

describe('c-tandem-setup: follow-up', () => {
    beforeEach(() => {
        // The browser's time zone, which the section writes the runs in.
        const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
        jest.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
            this: Intl.DateTimeFormat
        ) {
            return { ...resolved.call(this), timeZone: 'America/Los_Angeles' };
        });
        for (const name of APEX)
            mocked(jest.requireMock(`@salesforce/apex/TandemSetupController.${name}`).default).mockReset();
        reported.clear();
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.restoreAllMocks();
    });

    describe('the schedule', () => {
        it('says what the job does and who gets what, before anything else', async () => {
            const element = await render();
            const intro = text(byId(element, 'follow-up-intro'));
            expect(intro).toContain('Once a day, Tandem follows up every active plan');
            expect(intro).toContain('on the plans where the account executive turned buyer reminders on');
            expect(intro).toContain('Nothing is sent twice');
        });

        it("shows when it runs, next and last, in the user's locale and time zone", async () => {
            const element = await render();

            expect(text(byId(element, 'schedule-status'))).toBe('Scheduled');
            expect(text(byId(element, 'schedule-text'))).toBe('Runs every day at 6:00 AM (Pacific Time).');
            expect(text(byId(element, 'next-run'))).toBe('Next run Mon, Mar 2, 2026, 6:00 AM');
            expect(text(byId(element, 'last-run'))).toBe('Last scheduled run Sun, Mar 1, 2026, 6:00 AM');
            expect(text(section(element).querySelector('[data-id="follow-up"]'))).not.toMatch(/\d{4}-\d{2}-\d{2}/);
            const hour = byId(element, 'hour');
            expect(hour.value).toBe('6');
            expect(hour.options).toHaveLength(24);
            expect(hour.options[6].label.replace(/\s/g, ' ')).toBe('6:00 AM');
            expect(byId(element, 'schedule').disabled).toBe(true);
            expect(byId(element, 'stop').disabled).toBe(false);
        });

        it('says nothing goes out until it is scheduled', async () => {
            const element = await render(OFF);

            expect(text(byId(element, 'schedule-status'))).toBe('Off');
            expect(text(byId(element, 'schedule-text'))).toBe(
                'Not scheduled: nothing is sent on its own until the daily run is scheduled.'
            );
            expect(byId(element, 'next-run')).toBeNull();
            expect(text(byId(element, 'last-run'))).toBe('Last scheduled run Not run on schedule yet');
            expect((byId(element, 'schedule') as Field).label).toBe('Schedule');
            expect(byId(element, 'stop').disabled).toBe(true);
        });

        it('schedules at the hour chosen and shows the page the server sent back', async () => {
            const element = await render(OFF);
            mocked(scheduleFollowUp).mockResolvedValue(AT_SEVEN);

            await change(byId(element, 'hour'), { value: '7' });
            await click(element, 'schedule');

            expect(scheduleFollowUp).toHaveBeenCalledWith({ hour: 7 });
            expect(getSetup).toHaveBeenCalledTimes(1);
            expect(text(byId(element, 'follow-up-message'))).toBe(
                'Scheduled: the follow-up runs every day at 7:00 AM.'
            );
            expect(text(byId(element, 'schedule-text'))).toBe('Runs every day at 7:00 AM (Pacific Time).');
            expect(text(byId(element, 'next-run'))).toBe('Next run Mon, Mar 2, 2026, 7:00 AM');
            expect(byId(element, 'hour').value).toBe('7');
        });

        it('changes the hour of a scheduled run once another hour is picked', async () => {
            const element = await render();
            mocked(scheduleFollowUp).mockResolvedValue(AT_SEVEN);
            expect((byId(element, 'schedule') as Field).label).toBe('Change the hour');

            await change(byId(element, 'hour'), { value: '7' });
            expect(byId(element, 'schedule').disabled).toBe(false);
            await click(element, 'schedule');

            expect(scheduleFollowUp).toHaveBeenCalledWith({ hour: 7 });
        });

        it('stops it', async () => {
            const element = await render();
            mocked(stopFollowUp).mockResolvedValue(OFF);

            await click(element, 'stop');

            expect(stopFollowUp).toHaveBeenCalledTimes(1);
            expect(text(byId(element, 'follow-up-message'))).toBe('Stopped: the follow-up no longer runs on its own.');
            expect(text(byId(element, 'schedule-status'))).toBe('Off');
        });

        it('runs it now and says the reminders go out in a few minutes', async () => {
            const element = await render();
            mocked(runFollowUpNow).mockResolvedValue(VIEW);

            await click(element, 'run-now');

            expect(runFollowUpNow).toHaveBeenCalledTimes(1);
            expect(text(byId(element, 'follow-up-message'))).toBe(
                'The follow-up is running; reminders go out in a few minutes.'
            );
            expect(section(element).querySelector('[role="status"] [data-id="follow-up-message"]')).not.toBeNull();
        });

        it('puts a refused hour next to the hour, and clears it once another is picked', async () => {
            const element = await render(OFF);
            mocked(scheduleFollowUp).mockRejectedValue({
                body: {
                    message: JSON.stringify({
                        message: 'The follow-up was not scheduled.',
                        pageErrors: [],
                        recordErrors: [
                            { key: 'followUp', messages: [], fieldErrors: { hour: ['Choose an hour from 0 to 23.'] } }
                        ]
                    })
                }
            });

            await click(element, 'schedule');

            expect(reported.get('hour')).toBe('Choose an hour from 0 to 23.');
            expect(byId(element, 'schedule-errors')).toBeNull();
            expect(byId(element, 'follow-up-message')).toBeNull();

            await change(byId(element, 'hour'), { value: '8' });
            expect(reported.get('hour')).toBe('');
        });

        it('says why a call was refused, next to the buttons', async () => {
            const element = await render();
            mocked(runFollowUpNow).mockRejectedValue({
                body: {
                    message: JSON.stringify({
                        message: 'The follow-up did not start.',
                        pageErrors: ['You need the Configure Tandem permission.'],
                        recordErrors: []
                    })
                }
            });

            await click(element, 'run-now');

            expect(text(byId(element, 'schedule-errors'))).toBe(
                'The follow-up did not start. You need the Configure Tandem permission.'
            );
            expect(byId(element, 'run-now').disabled).toBe(false);
        });

        it('keeps unsaved edits when the schedule changes', async () => {
            const element = await render();
            mocked(runFollowUpNow).mockResolvedValue(VIEW);
            await change(find(element, '[data-switch="buyerRemindersOn"]'), { checked: false });

            await click(element, 'run-now');

            expect(find(element, '[data-switch="buyerRemindersOn"]').checked).toBe(false);
            const discard = element.shadowRoot?.querySelector('lightning-button[data-id="discard"]') as Field;
            expect(discard.disabled).toBe(false);
        });
    });

    describe('the switches', () => {
        it('shows each kind as saved, with who gets what, and the stale threshold of the page', async () => {
            const element = await render({ ...VIEW, thresholds: { ...VIEW.thresholds, stalePlanDays: 12 } });

            const toggles = Array.from(section(element).querySelectorAll('[data-switch]')) as Field[];
            expect(toggles.map((t) => [t.label, t.checked])).toEqual([
                ['Seller reminders', true],
                ['Stale alerts', true],
                ['Buyer reminder emails', true],
                ['Manager digest', false]
            ]);
            const stale = find(element, '[data-switch-row="staleAlertsOn"]');
            expect(text(stale)).toContain('A plan counts as stale after 12 days without progress');
            expect(byId(element, 'due-soon').value).toBe('2');
            expect(text(byId(element, 'due-soon-help'))).toBe(
                'Milestones due from today to 2 working days ahead count as due soon (weekends off).'
            );
            // One copy of the stale threshold: its own input, under Plan health thresholds.
            expect(
                element.shadowRoot?.querySelectorAll('lightning-input[data-threshold="stalePlanDays"]')
            ).toHaveLength(1);
            expect(section(element).querySelector('[data-threshold]')).toBeNull();
        });

        it('follows the stale threshold as it is typed', async () => {
            const element = await render();
            const input = element.shadowRoot?.querySelector('lightning-input[data-threshold="stalePlanDays"]') as Field;

            input.dispatchEvent(new CustomEvent('change', { detail: { value: '9' } }));
            await flush();

            expect(text(find(element, '[data-switch-row="staleAlertsOn"]'))).toContain('after 9 days without progress');
        });

        it('saves a switch turned off and Due Soon Days with the page', async () => {
            const element = await render();
            mocked(saveSetup).mockResolvedValue(VIEW);

            await change(find(element, '[data-switch="buyerRemindersOn"]'), { checked: false });
            await change(byId(element, 'due-soon'), { value: '0' });
            expect(text(byId(element, 'due-soon-help'))).toBe(
                'Due-soon reminders are off; sellers still hear about overdue milestones.'
            );
            (element.shadowRoot?.querySelector('lightning-button[data-id="save"]') as HTMLElement).click();
            await flush();

            expect(mocked(saveSetup).mock.calls[0][0].request.reminders).toEqual({
                dueSoonDays: 0,
                sellerRemindersOn: true,
                staleAlertsOn: true,
                buyerRemindersOn: false,
                managerDigestOn: false
            });
        });

        it('marks Due Soon Days beyond 20 as it is typed, and does not save it', async () => {
            const element = await render();

            await change(byId(element, 'due-soon'), { value: '25' });
            expect(reported.get('due-soon')).toBe(
                'Enter a whole number of working days from 0 to 20, or leave it blank to turn due-soon reminders off.'
            );
            (element.shadowRoot?.querySelector('lightning-button[data-id="save"]') as HTMLElement).click();
            await flush();
            expect(saveSetup).not.toHaveBeenCalled();

            await change(byId(element, 'due-soon'), { value: '5' });
            expect(reported.get('due-soon')).toBe('');
        });

        it("puts the server's Due Soon Days error next to the field", async () => {
            const element = await render();
            mocked(saveSetup).mockRejectedValue({
                body: {
                    message: JSON.stringify({
                        message: 'The Tandem settings were not saved.',
                        pageErrors: [],
                        recordErrors: [{ key: 'reminders', messages: [], fieldErrors: { dueSoonDays: ['Too far.'] } }]
                    })
                }
            });

            (element.shadowRoot?.querySelector('lightning-button[data-id="save"]') as HTMLElement).click();
            await flush();

            expect(reported.get('due-soon')).toBe('Too far.');
        });
    });

    describe('read-only', () => {
        it('shows the schedule and the switches but offers nothing to change', async () => {
            const element = await render({ ...VIEW, canConfigure: false });

            expect(text(byId(element, 'schedule-text'))).toBe('Runs every day at 6:00 AM (Pacific Time).');
            expect(byId(element, 'hour')).toBeNull();
            expect(byId(element, 'run-now')).toBeNull();
            const toggles = Array.from(section(element).querySelectorAll('[data-switch]')) as Field[];
            expect(toggles.every((toggle) => toggle.disabled)).toBe(true);
            expect(byId(element, 'due-soon').disabled).toBe(true);
        });

        it('says the schedule is for admins when the server could not show it', async () => {
            const element = await render({ ...VIEW, followUp: null });

            expect(text(byId(element, 'schedule-text'))).toBe('The schedule is visible to Salesforce admins only.');
            expect(byId(element, 'hour')).toBeNull();
            expect(byId(element, 'next-run')).toBeNull();
        });

        it('leaves the switches out when the server sent none', async () => {
            const element = await render({ ...VIEW, reminders: null });
            expect(section(element).querySelector('[data-switch]')).toBeNull();
        });
    });

    describe('accessibility', () => {
        it('is accessible scheduled, with the switches', async () => {
            const element = await render();
            await expect(element).toBeAccessible();
        });

        it('is accessible not scheduled, with an error and a message', async () => {
            const element = await render(OFF);
            mocked(runFollowUpNow).mockRejectedValue({ body: { message: 'Server unavailable' } });
            await click(element, 'run-now');
            await expect(element).toBeAccessible();
        });
    });
});

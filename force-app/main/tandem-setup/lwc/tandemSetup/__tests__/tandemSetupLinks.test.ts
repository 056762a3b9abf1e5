// Tandem Setup's "Buyer page links": when the links' secret was made, and rotating it after a confirmation, which
// ends every link sent before. Only an admin who may configure Tandem is offered it.
import { createElement } from 'lwc';
import TandemSetup from 'c/tandemSetup';
import getSetup from '@salesforce/apex/TandemSetupController.getSetup';
import rotateLinkSecret from '@salesforce/apex/TandemSetupController.rotateLinkSecret';
import type { SetupView } from 'c/tandemSetupModel';

jest.mock('@salesforce/apex/TandemSetupController.getSetup', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/TandemSetupController.saveSetup', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/TandemSetupController.rotateLinkSecret', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});

const VIEW = jest.requireActual<SetupView>('./data/setupView.json');
const MADE = '2026-02-01T09:00:00.000Z';
const mocked = (fn: unknown) => fn as jest.Mock;

// The Apex promise settles, then the component re-renders.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function render(view: SetupView): Promise<HTMLElement> {
    mocked(getSetup).mockResolvedValue(view);
    const element = createElement('c-tandem-setup', { is: TandemSetup });
    document.body.appendChild(element);
    await flush();
    return element;
}

const find = (element: HTMLElement, id: string) =>
    element.shadowRoot?.querySelector(`[data-id="${id}"]`) as HTMLElement | null;

describe('c-tandem-setup: buyer page links', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('says when no link has been sent yet', async () => {
        const element = await render({ ...VIEW, canConfigure: true, linkSecretRotatedOn: null });
        expect(find(element, 'secret-made')?.textContent?.trim()).toBe('No link has been sent yet.');
    });

    it('rotates the secret only after the admin confirms, and says what it did', async () => {
        const element = await render({ ...VIEW, canConfigure: true, linkSecretRotatedOn: MADE });
        find(element, 'start-rotation')?.click();
        await flush();
        expect(rotateLinkSecret).not.toHaveBeenCalled();
        expect(
            element.shadowRoot?.querySelector('[role="group"][aria-label="Rotate the link secret"]')?.textContent
        ).toContain('Every link sent to buyers so far will stop working.');
        find(element, 'keep-secret')?.click();
        await flush();
        expect(find(element, 'rotate-secret')).toBeNull();

        mocked(rotateLinkSecret).mockResolvedValue({ ...VIEW, linkSecretRotatedOn: '2026-03-02T10:00:00.000Z' });
        find(element, 'start-rotation')?.click();
        await flush();
        find(element, 'rotate-secret')?.click();
        await flush();
        expect(rotateLinkSecret).toHaveBeenCalledTimes(1);
        expect(find(element, 'rotation-done')?.textContent).toContain(
            'the links sent to buyers before now no longer open'
        );
        expect(
            (
                element.shadowRoot?.querySelector(
                    '[data-id="secret-made"] lightning-formatted-date-time'
                ) as unknown as {
                    value: string;
                }
            ).value
        ).toBe('2026-03-02T10:00:00.000Z');
    });

    it('shows why a rotation was refused', async () => {
        const element = await render({ ...VIEW, canConfigure: true, linkSecretRotatedOn: MADE });
        mocked(rotateLinkSecret).mockRejectedValue({
            body: {
                message: JSON.stringify({
                    message: 'The link secret was not changed.',
                    pageErrors: [
                        'You need the Configure Tandem permission (in the Tandem Admin permission set) to change these settings.'
                    ],
                    recordErrors: []
                })
            }
        });
        find(element, 'start-rotation')?.click();
        await flush();
        find(element, 'rotate-secret')?.click();
        await flush();
        expect(find(element, 'rotation-error')?.textContent).toContain('Configure Tandem');
    });

    it('offers no rotation to a user who may not configure Tandem', async () => {
        const element = await render({ ...VIEW, canConfigure: false, linkSecretRotatedOn: MADE });
        expect(find(element, 'start-rotation')).toBeNull();
        expect(find(element, 'link-secret')).not.toBeNull();
    });
});

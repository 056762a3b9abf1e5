import { createElement } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import BuyerPlan from 'c/buyerPlan';
import load from '@salesforce/apex/BuyerPageController.load';
import accept from '@salesforce/apex/BuyerPageController.accept';
import confirmDone from '@salesforce/apex/BuyerPageController.confirmDone';

jest.mock('@salesforce/apex/BuyerPageController.load', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/BuyerPageController.accept', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/BuyerPageController.confirmDone', () => ({ __esModule: true, default: jest.fn() }), {
    virtual: true
});

// The test stands in for the site: it hands the component the page reference the wire delivers.
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const pageReference = CurrentPageReference as unknown as { emit: (value: unknown) => void };
const mocked = (fn: unknown) => fn as jest.Mock;

const VIEW = {
    planName: 'Acme go-live plan',
    accountName: 'Acme',
    sellerName: 'Jonah Clarke',
    contactName: 'Bea Buyer',
    sharedObjective: 'Close the books in 4 days.',
    targetDate: '2026-03-31',
    anchorEvent: 'The quarter ends',
    status: 'Active',
    version: 2,
    changedSinceSent: true,
    acceptanceStatus: 'Not Accepted',
    canAccept: true,
    phases: [
        {
            name: 'Validation',
            milestones: [
                {
                    key: 'a6Q000000000001AAA',
                    title: 'Buyer signs off the pilot',
                    side: 'Buyer',
                    buyerOwner: 'Bea Buyer',
                    dueDate: '2026-02-02',
                    status: 'Not Started',
                    mine: true,
                    canConfirm: true
                }
            ]
        }
    ]
};

// The Apex promise settles, then the component re-renders.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function render(view: unknown = VIEW): Promise<HTMLElement> {
    mocked(load).mockResolvedValue(view);
    const element = createElement('c-buyer-plan', { is: BuyerPlan });
    document.body.appendChild(element);
    pageReference.emit({ type: 'comm__namedPage', state: { t: 'the-link' } });
    await flush();
    return element;
}

const find = (element: HTMLElement, selector: string) => element.shadowRoot?.querySelector(selector) as HTMLElement;

describe('c-buyer-plan', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it("loads the plan the link opens, in one call, and shows it with the buyer's own steps to confirm", async () => {
        const element = await render();
        expect(load).toHaveBeenCalledTimes(1);
        expect(load).toHaveBeenCalledWith({ token: 'the-link' });
        expect(find(element, '[data-id="plan-name"]').textContent).toBe('Acme go-live plan');
        expect(find(element, '[data-id="changed"]').textContent).toContain('changed since it was sent');
        expect(find(element, '[data-milestone="Buyer signs off the pilot"]').textContent).toContain('Bea Buyer (you)');
        expect(element.shadowRoot?.textContent).not.toContain('a6Q000000000001AAA');
    });

    it('shows only the refusal for a link that does not open', async () => {
        const element = await render({ refusal: 'This link has expired.', phases: [] });
        expect(find(element, '[data-id="refusal"]').textContent).toContain('This link has expired.');
        expect(find(element, '[data-id="plan-name"]')).toBeNull();
        expect(find(element, '[data-id="acceptance"]')).toBeNull();
    });

    it('asks for a name next to the field before accepting, then accepts the version shown', async () => {
        const element = await render();
        find(element, '[data-id="accept"]').click();
        await flush();
        expect(accept).not.toHaveBeenCalled();
        expect(find(element, '[data-error="signed-name"]').textContent?.trim()).toBe(
            'Type your name to accept the plan.'
        );

        mocked(accept).mockResolvedValue({
            ...VIEW,
            acceptanceStatus: 'Accepted',
            acceptedByName: 'Bea Buyer',
            canAccept: false,
            notice: 'Thank you, Bea Buyer: you accepted version 2 of the plan.'
        });
        find(element, '[data-id="signed-name"]').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Bea Buyer' } })
        );
        find(element, '[data-id="accept"]').click();
        await flush();
        expect(accept).toHaveBeenCalledWith({ token: 'the-link', signedName: 'Bea Buyer', version: 2 });
        expect(find(element, '[data-id="notice"]').textContent).toContain('you accepted version 2');
        expect(find(element, '[data-id="acceptance-text"]').textContent).toBe('Accepted by Bea Buyer (version 2).');
        expect(find(element, '[data-id="accept"]')).toBeNull();
    });

    it('confirms a milestone by its key', async () => {
        const element = await render();
        mocked(confirmDone).mockResolvedValue({
            ...VIEW,
            notice: 'Thank you: "Buyer signs off the pilot" is confirmed done.'
        });
        (element.shadowRoot?.querySelector('lightning-button[data-key]') as HTMLElement).click();
        await flush();
        expect(confirmDone).toHaveBeenCalledWith({ token: 'the-link', milestoneKey: 'a6Q000000000001AAA' });
        expect(find(element, '[data-id="notice"]').textContent).toContain('is confirmed done');
    });

    it('says so plainly when the call fails, without internals', async () => {
        mocked(load).mockRejectedValue({
            body: { message: 'Something went wrong on our side. Try again in a minute.' }
        });
        const element = createElement('c-buyer-plan', { is: BuyerPlan });
        document.body.appendChild(element);
        pageReference.emit({ state: { t: 'the-link' } });
        await flush();
        expect(find(element, '[data-id="failure"]').textContent).toBe(
            'Something went wrong on our side. Try again in a minute.'
        );
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});

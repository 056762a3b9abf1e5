import { createElement } from 'lwc';
import PlanSelect from 'c/planSelect';
import type { SelectOption } from 'c/planSelect';

type SelectElement = HTMLElement & {
    label: string;
    options: SelectOption[];
    value: string | null;
    placeholder: string | null;
    required: boolean;
    disabled: boolean;
    error: string | null;
    labelHidden: boolean;
    focus(): void;
};

const OPTIONS: SelectOption[] = [
    { label: 'Not Started', value: 'Not Started' },
    { label: 'Blocked', value: 'Blocked' }
];

function render(props: Partial<SelectElement> = {}): SelectElement {
    const element = createElement('c-plan-select', { is: PlanSelect }) as SelectElement;
    Object.assign(element, { label: 'Status', options: OPTIONS, ...props });
    document.body.appendChild(element);
    return element;
}

const select = (element: HTMLElement) => element.shadowRoot?.querySelector('select') as HTMLSelectElement;
const optionTexts = (element: HTMLElement) =>
    [...select(element).querySelectorAll('option')].map((option) => [option.value, option.textContent?.trim()]);

describe('c-plan-select', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('labels a native select with the options and selects the value', () => {
        const element = render({ value: 'Blocked' });
        expect(element.shadowRoot?.querySelector('label')?.textContent?.trim()).toBe('Status');
        expect(optionTexts(element)).toEqual([
            ['Not Started', 'Not Started'],
            ['Blocked', 'Blocked']
        ]);
        expect(select(element).value).toBe('Blocked');
    });

    it.each<[string, Partial<SelectElement>, string[][]]>([
        [
            'offers the placeholder as a blank choice',
            { placeholder: 'Choose a status', value: null },
            [
                ['', 'Choose a status'],
                ['Not Started', 'Not Started'],
                ['Blocked', 'Blocked']
            ]
        ],
        [
            'adds a blank choice when the value is not among the options',
            { value: 'Gone' },
            [
                ['', ''],
                ['Not Started', 'Not Started'],
                ['Blocked', 'Blocked']
            ]
        ],
        ['copes with no options', { options: undefined as unknown as SelectOption[], value: null }, [['', '']]]
    ])('%s', (_, props, options) => {
        expect(optionTexts(render(props))).toEqual(options);
    });

    it('marks a required field and hides the label only visually when asked', () => {
        const element = render({ required: true, labelHidden: true });
        expect(element.shadowRoot?.querySelector('abbr.slds-required')).not.toBeNull();
        expect(select(element).required).toBe(true);
        expect(element.shadowRoot?.querySelector('label')?.className).toContain('slds-assistive-text');
    });

    it('shows its error under the control, tied to it for screen readers', async () => {
        const element = render({ error: 'Name the person on your side.' });
        const help = element.shadowRoot?.querySelector('[data-error="select"]');
        expect(help?.textContent).toBe('Name the person on your side.');
        expect(element.shadowRoot?.querySelector('.slds-form-element')?.className).toContain('slds-has-error');
        expect(select(element).getAttribute('aria-invalid')).toBe('true');
        expect(select(element).getAttribute('aria-describedby')).toBe(help?.id);
        element.error = null;
        await Promise.resolve();
        expect(element.shadowRoot?.querySelector('[data-error="select"]')).toBeNull();
        expect(select(element).getAttribute('aria-invalid')).toBeNull();
    });

    it('reports the chosen value, and keeps the native event inside', () => {
        const element = render({ value: 'Not Started' });
        const handler = jest.fn();
        element.addEventListener('change', handler);
        select(element).value = 'Blocked';
        select(element).dispatchEvent(new CustomEvent('change'));
        expect(handler).toHaveBeenCalledTimes(1);
        expect(handler.mock.calls[0][0].detail).toEqual({ value: 'Blocked' });
    });

    it('can be disabled and focused', () => {
        const element = render({ disabled: true });
        expect(select(element).disabled).toBe(true);
        element.disabled = false;
        return Promise.resolve().then(() => {
            element.focus();
            expect(element.shadowRoot?.activeElement).toBe(select(element));
        });
    });

    it('is accessible, with and without an error', async () => {
        const element = render({ value: 'Blocked', required: true });
        await expect(element).toBeAccessible();
        element.error = 'Choose a status.';
        await Promise.resolve();
        await expect(element).toBeAccessible();
    });
});

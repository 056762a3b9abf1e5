import { LightningElement, api } from 'lwc';

export interface SelectOption {
    label: string;
    value: string;
}

/**
 * A labelled picklist in SLDS markup (the Select blueprint) around a native <select>: keyboard-operable everywhere,
 * light enough for every row of a 60-milestone plan in edit mode, and able to show the platform's error for its
 * field underneath, wired to the control with aria-describedby and aria-invalid. A blank `value` selects the
 * placeholder option, which `placeholder` names. Fires `change` with `detail.value` ('' for the placeholder).
 */
export default class PlanSelect extends LightningElement {
    @api label = '';
    @api options: SelectOption[] = [];
    @api value: string | null = null;
    @api placeholder: string | null = null;
    @api required = false;
    @api disabled = false;
    /** The error to show under the control. */
    @api error: string | null = null;
    /** Hides the label visually; screen readers still read it. */
    @api labelHidden = false;

    get renderedOptions(): (SelectOption & { selected: boolean })[] {
        const value = this.value ?? '';
        const options = this.options ?? [];
        const blank = this.placeholder !== null || !options.some((option) => option.value === value);
        const all = blank ? [{ label: this.placeholder ?? '', value: '' }, ...options] : options;
        return all.map((option) => ({ ...option, selected: option.value === value }));
    }

    get formElementClass(): string {
        return this.error ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    get labelClass(): string {
        return this.labelHidden ? 'slds-form-element__label slds-assistive-text' : 'slds-form-element__label';
    }

    get describedBy(): string | null {
        return this.error ? 'help' : null;
    }

    get invalid(): string | null {
        return this.error ? 'true' : null;
    }

    handleChange(event: Event): void {
        event.stopPropagation();
        const value = (event.target as HTMLSelectElement).value;
        this.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    }

    /** Puts the focus on the control. */
    @api
    focus(): void {
        this.template?.querySelector('select')?.focus();
    }
}

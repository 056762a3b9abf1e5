// Platform modules that @salesforce/lightning-types does not describe.

declare module '@salesforce/apex/*' {
    const apexMethod: (params?: Record<string, unknown>) => Promise<any>;
    export default apexMethod;
}

declare module '@salesforce/schema/*' {
    const fieldOrObject: { fieldApiName: string; objectApiName: string } | { objectApiName: string };
    export default fieldOrObject;
}

declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

declare module '@salesforce/user/Id' {
    const userId: string;
    export default userId;
}

// The current user's internationalization properties ("Access Internationalization Properties", LWC Developer
// Guide): locale is a BCP 47 tag ("en-CA"), currency an ISO currency code ("CAD").
declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}

declare module '@salesforce/i18n/currency' {
    const currency: string;
    export default currency;
}

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventInit {
        title?: string;
        message: string;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
        constructor(init: ShowToastEventInit);
    }
}

declare module 'lightning/uiRecordApi' {
    export const getRecord: any;
    export function getFieldValue(record: unknown, field: unknown): unknown;
    export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void>;
    export function updateRecord(input: { fields: Record<string, unknown> }): Promise<unknown>;
}

declare module 'lightning/navigation' {
    export const CurrentPageReference: any;
    export function NavigationMixin<T extends new (...args: any[]) => any>(base: T): T;
    export namespace NavigationMixin {
        const Navigate: unique symbol;
        const GenerateUrl: unique symbol;
    }
}

declare module 'lightning/datatable' {
    import { LightningElement } from 'lwc';
    export default class LightningDatatable extends LightningElement {}
}

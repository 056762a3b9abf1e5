import { LightningElement } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import { callOrg } from '../../../shims/apex';
import { navigateTo } from '../../../shims/navigation';

// As a Lightning record page shows them: in the user's locale and the org's currency.
const currency = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY, maximumFractionDigits: 0 });

/** The demo org's opportunities, each a link to its record page. */
export default class OpportunityList extends LightningElement {
    rows = [];

    async connectedCallback() {
        const opportunities = await callOrg('opportunities', {});
        this.rows = opportunities.map((o) => ({
            ...o,
            amount: o.Amount == null ? '' : currency.format(o.Amount),
            href: `/opportunity/${o.Id}`
        }));
    }

    open(event) {
        event.preventDefault();
        navigateTo({ type: 'standard__recordPage', attributes: { recordId: event.currentTarget.dataset.id } });
    }
}

import { LightningElement } from 'lwc';
import { callOrg } from '../../../shims/apex';
import { navigateTo } from '../../../shims/navigation';

const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

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

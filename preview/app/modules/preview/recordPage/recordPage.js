import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import { callOrg } from '../../../shims/apex';

// As a Lightning record page shows them: in the user's locale and the org's currency.
const currency = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY, maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' });
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat(LOCALE);

/**
 * The preview's stand-in for a Lightning record page of an Opportunity: the highlights, the stage path (saved
 * through the embedded org, so the package's validation rules apply), details, and the plan workspace.
 */
export default class RecordPage extends LightningElement {
    @api recordId;
    page;
    selectedStage;
    stageError;
    saving = false;
    loadError;
    buyerLinkError;
    openingBuyerPage = false;

    connectedCallback() {
        this.load();
    }

    async load() {
        try {
            this.page = await callOrg('opportunityPage', { recordId: this.recordId });
            this.selectedStage = this.page.record.StageName;
            this.loadError = undefined;
        } catch (error) {
            this.loadError = error.body?.message ?? error.message;
        }
    }

    get record() {
        return this.page?.record ?? {};
    }

    get amount() {
        return this.record.Amount == null ? '' : currency.format(this.record.Amount);
    }

    get closeDate() {
        return this.record.CloseDate ? dateFormat.format(new Date(`${this.record.CloseDate}T00:00:00Z`)) : '';
    }

    get stages() {
        const current = this.page?.stages.indexOf(this.record.StageName) ?? -1;
        return (this.page?.stages ?? []).map((stage, index) => {
            const state =
                stage === this.record.StageName
                    ? 'slds-is-current slds-is-active'
                    : index < current
                      ? 'slds-is-complete'
                      : 'slds-is-incomplete';
            const selected = stage === this.selectedStage && stage !== this.record.StageName ? ' slds-is-active' : '';
            return {
                name: stage,
                complete: index < current,
                className: `slds-path__item ${state}${selected}`,
                selected: stage === this.selectedStage,
                tabindex: stage === this.selectedStage ? '0' : '-1'
            };
        });
    }

    get markDisabled() {
        return this.saving || !this.selectedStage || this.selectedStage === this.record.StageName;
    }

    get markLabel() {
        return this.selectedStage && this.selectedStage !== this.record.StageName
            ? 'Mark as Current Stage'
            : 'Stage is current';
    }

    get details() {
        const r = this.record;
        return [
            { label: 'Account', value: r.AccountName },
            { label: 'Owner', value: r.OwnerName },
            { label: 'Amount', value: this.amount },
            { label: 'Close date', value: this.closeDate },
            { label: 'Probability', value: r.Probability == null ? '' : percent.format(r.Probability / 100) },
            { label: 'Active plans', value: count.format(r.Active_Plan_Count__c ?? 0) },
            { label: 'Buyer-accepted plans', value: count.format(r.Accepted_Plan_Count__c ?? 0) }
        ];
    }

    selectStage(event) {
        this.selectedStage = event.currentTarget.dataset.stage;
        this.stageError = undefined;
    }

    async markStage() {
        this.saving = true;
        this.stageError = undefined;
        try {
            await callOrg('updateRecord', { fields: { Id: this.recordId, StageName: this.selectedStage } });
            await this.load();
            this.dispatchEvent(
                new CustomEvent('lightning__showtoast', {
                    bubbles: true,
                    composed: true,
                    detail: { title: 'Stage updated', message: `Moved to ${this.selectedStage}.`, variant: 'success' }
                })
            );
        } catch (error) {
            const body = error.body ?? {};
            this.stageError =
                body.fieldErrors?.StageName?.[0]?.message ??
                body.pageErrors?.[0]?.message ??
                body.message ??
                error.message;
        } finally {
            this.saving = false;
        }
    }

    /**
     * Preview only, until the plan workspace sends plans: opens the buyer page of the opportunity's plan in a new tab,
     * through a new link for its buyer (the preview's buyerPageLink, dev/main/classes/TandemDemoBuyerLinks.cls). The
     * tab opens on the click, so no popup blocker stops it, and goes to the page once the link is made.
     */
    async openBuyerPage() {
        this.buyerLinkError = undefined;
        this.openingBuyerPage = true;
        const tab = window.open('', '_blank');
        try {
            const { url } = await callOrg('buyerPageLink', { recordId: this.recordId });
            if (tab) tab.location.href = url;
            else window.location.assign(url);
        } catch (error) {
            tab?.close();
            this.buyerLinkError = error.body?.message ?? error.message;
        } finally {
            this.openingBuyerPage = false;
        }
    }

    /**
     * The plan changed (saved, activated, accepted): the page reloads its record, and a refused stage move still on
     * screen is asked again, so its message clears once the user has fixed the cause (or names the next one). The
     * stage stays selected for another try; nothing is saved without a click on Mark as Current Stage.
     */
    async handlePlanChange() {
        const refusedStage = this.stageError ? this.selectedStage : null;
        await this.load();
        if (!refusedStage || refusedStage === this.record.StageName) return;
        this.selectedStage = refusedStage;
        const { message } = await callOrg('wouldRefuse', {
            fields: { Id: this.recordId, StageName: refusedStage }
        });
        if (this.selectedStage === refusedStage) this.stageError = message ?? undefined;
    }
}

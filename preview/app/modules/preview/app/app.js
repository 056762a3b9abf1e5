import { LightningElement } from 'lwc';
import { currentPageReference, navigateTo, subscribe } from '../../../shims/navigation';
import { callOrg } from '../../../shims/apex';

const TOAST_THEMES = { success: 'slds-theme_success', error: 'slds-theme_error', warning: 'slds-theme_warning' };

/**
 * The preview's shell: a Salesforce-like header (the global header with the notification bell, then the app's
 * navigation bar), in-app routes, a "Viewing as" switch, and toasts. The buyer page
 * (/buyer?t=<link>) shows alone, as the site shows it to a buyer: no Salesforce header, no user switch.
 */
export default class App extends LightningElement {
    route = currentPageReference();
    toasts = [];
    toastCounter = 0;
    viewerId = window.__TANDEM_PREVIEW__?.userId ?? '';
    switching = false;

    connectedCallback() {
        this.unsubscribe = subscribe((route) => {
            this.route = route;
        });
        this.template.addEventListener('lightning__showtoast', (event) => this.showToast(event.detail));
    }

    disconnectedCallback() {
        this.unsubscribe?.();
    }

    get isBuyerPage() {
        return this.route.type === 'comm__namedPage' && this.route.attributes.name === 'buyer';
    }

    get isRecordPage() {
        return this.route.type === 'standard__recordPage';
    }

    get isOpportunityList() {
        return this.route.type === 'standard__objectPage';
    }

    get isSetup() {
        return this.route.type === 'standard__navItemPage' && this.route.attributes.apiName === 'Tandem_Setup';
    }

    /** The preview's own Outbox tab (preview only): the emails the org sent, and the "Run the daily job" control. */
    get isOutbox() {
        return this.route.type === 'standard__navItemPage' && this.route.attributes.apiName === 'Preview_Outbox';
    }

    get isPipeline() {
        return !this.isRecordPage && !this.isOpportunityList && !this.isSetup && !this.isOutbox;
    }

    get outboxTabClass() {
        return `slds-context-bar__item${this.isOutbox ? ' slds-is-active' : ''}`;
    }

    get setupTabClass() {
        return `slds-context-bar__item${this.isSetup ? ' slds-is-active' : ''}`;
    }

    /** Whom the preview can run as (the boot value scripts/preview.mjs sets), the current user selected. */
    get viewers() {
        const choices = window.__TANDEM_PREVIEW__?.viewers ?? [];
        return choices.map((choice) => ({ ...choice, selected: choice.value === this.viewerId }));
    }

    get hasViewers() {
        return this.viewers.length > 0;
    }

    get recordId() {
        return this.route.attributes.recordId;
    }

    get pipelineTabClass() {
        return `slds-context-bar__item${this.isPipeline ? ' slds-is-active' : ''}`;
    }

    get opportunitiesTabClass() {
        return `slds-context-bar__item${this.isRecordPage || this.isOpportunityList ? ' slds-is-active' : ''}`;
    }

    handleNav(event) {
        event.preventDefault();
        const target = event.currentTarget.dataset.target;
        const pages = {
            opportunities: {
                type: 'standard__objectPage',
                attributes: { objectApiName: 'Opportunity', actionName: 'list' }
            },
            setup: { type: 'standard__navItemPage', attributes: { apiName: 'Tandem_Setup' } },
            outbox: { type: 'standard__navItemPage', attributes: { apiName: 'Preview_Outbox' } },
            pipeline: { type: 'standard__navItemPage', attributes: { apiName: 'Pipeline_Review' } }
        };
        navigateTo(pages[target] ?? pages.pipeline);
    }

    /** Runs the preview as another user: the server switches its current user, then the page reloads as them. */
    async handleViewer(event) {
        const userId = event.target.value;
        if (!userId || userId === this.viewerId || this.switching) return;
        this.switching = true;
        try {
            await callOrg('setViewer', { userId });
            window.location.reload();
        } catch (error) {
            this.switching = false;
            event.target.value = this.viewerId;
            this.showToast({ title: 'Could not switch the user', message: error.message, variant: 'error' });
        }
    }

    showToast({ title, message, variant = 'info' }) {
        const id = ++this.toastCounter;
        const theme = TOAST_THEMES[variant] ?? 'slds-theme_info';
        this.toasts = [...this.toasts, { id, title, message, className: `slds-notify slds-notify_toast ${theme}` }];
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        setTimeout(() => this.dismiss(id), 6000);
    }

    dismissToast(event) {
        this.dismiss(Number(event.currentTarget.dataset.id));
    }

    dismiss(id) {
        this.toasts = this.toasts.filter((toast) => toast.id !== id);
    }
}

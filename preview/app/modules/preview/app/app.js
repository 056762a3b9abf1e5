import { LightningElement } from 'lwc';
import { currentPageReference, navigateTo, subscribe } from '../../../shims/navigation';

const TOAST_THEMES = { success: 'slds-theme_success', error: 'slds-theme_error', warning: 'slds-theme_warning' };

/** The preview's shell: a Salesforce-like header, in-app routes, and toasts raised by the components. */
export default class App extends LightningElement {
    route = currentPageReference();
    toasts = [];
    toastCounter = 0;

    connectedCallback() {
        this.unsubscribe = subscribe((route) => {
            this.route = route;
        });
        this.template.addEventListener('lightning__showtoast', (event) => this.showToast(event.detail));
    }

    disconnectedCallback() {
        this.unsubscribe?.();
    }

    get isRecordPage() {
        return this.route.type === 'standard__recordPage';
    }

    get isOpportunityList() {
        return this.route.type === 'standard__objectPage';
    }

    get isPipeline() {
        return !this.isRecordPage && !this.isOpportunityList;
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
        navigateTo(
            target === 'opportunities'
                ? { type: 'standard__objectPage', attributes: { objectApiName: 'Opportunity', actionName: 'list' } }
                : { type: 'standard__navItemPage', attributes: { apiName: 'Pipeline_Review' } }
        );
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

import { LightningElement, wire } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import load from '@salesforce/apex/BuyerPageController.load';
import accept from '@salesforce/apex/BuyerPageController.accept';
import confirmDone from '@salesforce/apex/BuyerPageController.confirmDone';
import { errorMessages, parseServerError } from 'c/serverErrors';
import { acceptanceText, nameError, phaseViews } from './buyerView';
import type { BuyerPlan as PlanView, PhaseView } from './buyerView';

/**
 * The buyer page: the plan shown to the holder of a personal link (the page address's `t` parameter), read-only, with
 * the two things a buyer may do: accept the plan as it stands under their name, and confirm their own milestones
 * done. Every call takes the link; the server (BuyerPageController) decides what it opens. One call loads the page.
 */
export default class BuyerPlan extends LightningElement {
    plan: PlanView | null = null;
    loading = true;
    busy = false;
    /** A failure the server did not plan for (the network, the site). */
    failure = '';
    signedName = '';
    signedNameError = '';
    private token = '';

    @wire(CurrentPageReference)
    handlePageReference(reference: { state?: Record<string, string> } | undefined): void {
        const token = reference?.state?.t ?? '';
        if (token === this.token && this.plan) {
            return;
        }
        this.token = token;
        this.run(() => load({ token }));
    }

    get refusal(): string {
        return this.plan?.refusal ?? '';
    }

    get showsPlan(): boolean {
        return Boolean(this.plan && !this.plan.refusal);
    }

    get phases(): PhaseView[] {
        return phaseViews(this.plan);
    }

    get acceptanceText(): string {
        return acceptanceText(this.plan);
    }

    get accepted(): boolean {
        return this.plan?.acceptanceStatus === 'Accepted';
    }

    get acceptanceClass(): string {
        return `acceptance slds-box slds-m-bottom_medium${this.accepted ? ' acceptance_done' : ''}`;
    }

    get acceptLabel(): string {
        return `Accept version ${this.plan?.version ?? 1}`;
    }

    get changedText(): string {
        return this.plan?.changedSinceSent
            ? `This plan has changed since it was sent to you. You are reading version ${this.plan.version ?? 1}.`
            : '';
    }

    handleNameChange(event: CustomEvent<{ value: string }>): void {
        this.signedName = event.detail.value ?? '';
        if (this.signedNameError) {
            this.signedNameError = nameError(this.signedName);
        }
    }

    handleAccept(): void {
        this.signedNameError = nameError(this.signedName);
        if (this.signedNameError) {
            return;
        }
        const version = this.plan?.version ?? 1;
        this.run(() => accept({ token: this.token, signedName: this.signedName, version }));
    }

    handleConfirm(event: Event): void {
        const milestoneKey = (event.currentTarget as HTMLElement).dataset.key ?? '';
        this.run(() => confirmDone({ token: this.token, milestoneKey }));
    }

    private async run(call: () => Promise<unknown>): Promise<void> {
        this.busy = true;
        this.failure = '';
        try {
            this.plan = (await call()) as PlanView;
        } catch (error) {
            this.failure = errorMessages(parseServerError(error, 'The plan could not be loaded.'))[0];
        } finally {
            this.busy = false;
            this.loading = false;
        }
    }
}

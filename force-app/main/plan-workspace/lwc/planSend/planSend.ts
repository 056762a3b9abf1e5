import { LightningElement, api } from 'lwc';
import getRecipients from '@salesforce/apex/PlanWorkspaceController.getRecipients';
import sendPlan from '@salesforce/apex/PlanWorkspaceController.sendPlan';
import { errorMessages, parseServerError } from 'c/serverErrors';

/** A buyer the plan can be sent to (PlanSender.Recipient). */
export interface Recipient {
    id: string;
    name: string;
    email?: string | null;
    detail?: string | null;
    unavailable?: string | null;
}

/** What a send did (PlanSender.Outcome). */
export interface SendOutcome {
    sentTo: string[];
    skipped: string[];
    note?: string | null;
}

export const MESSAGE_LIMIT = 1000;

/**
 * Sending the plan from the workspace: the buyers of the deal to choose from (contact roles, the buyer lead, milestone
 * owners; those who cannot be emailed are shown with why, and cannot be chosen), a short message, and Send. The
 * server sends each buyer the plan as a PDF and their own link to the buyer page, and logs a Task. Fires `sent` with
 * the outcome, or `cancel`.
 */
export default class PlanSend extends LightningElement {
    @api planId = '';
    /** The plan as the workspace loaded it (PlanRevisions): a send is refused if someone changed it since. */
    @api loaded: unknown = null;

    recipients: Recipient[] = [];
    chosen = new Set<string>();
    message = '';
    loading = true;
    busy = false;
    errors: string[] = [];

    override connectedCallback(): void {
        this.load();
    }

    private async load(): Promise<void> {
        try {
            this.recipients = ((await getRecipients({ planId: this.planId })) as Recipient[]) ?? [];
            // The deal's contact roles and the buyer lead are chosen to start with; milestone owners are offered.
            this.chosen = new Set(
                this.recipients
                    .filter((recipient) => !recipient.unavailable && recipient.detail !== 'Owns milestones')
                    .map((recipient) => recipient.id)
            );
        } catch (error) {
            this.errors = errorMessages(parseServerError(error, 'We could not list the buyers.'));
        } finally {
            this.loading = false;
        }
    }

    get rows(): (Recipient & { checked: boolean; disabled: boolean; label: string; note: string })[] {
        return this.recipients.map((recipient) => ({
            ...recipient,
            checked: this.chosen.has(recipient.id),
            disabled: Boolean(recipient.unavailable) || this.busy,
            label: recipient.email ? `${recipient.name} (${recipient.email})` : recipient.name,
            note: [recipient.detail, recipient.unavailable].filter(Boolean).join(' · ')
        }));
    }

    get hasNobody(): boolean {
        return !this.loading && this.recipients.length === 0;
    }

    get sendLabel(): string {
        const count = this.chosen.size;
        return count === 1 ? 'Send to 1 buyer' : `Send to ${count} buyers`;
    }

    get sendDisabled(): boolean {
        return this.busy || this.chosen.size === 0;
    }

    get messageCount(): string {
        return `${this.message.length} of ${MESSAGE_LIMIT} characters`;
    }

    handleToggle(event: CustomEvent<{ checked: boolean }>): void {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
        const chosen = new Set(this.chosen);
        if (event.detail.checked) {
            chosen.add(id);
        } else {
            chosen.delete(id);
        }
        this.chosen = chosen;
    }

    handleMessage(event: CustomEvent<{ value: string }>): void {
        this.message = event.detail.value ?? '';
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    async handleSend(): Promise<void> {
        this.busy = true;
        this.errors = [];
        try {
            const outcome = (await sendPlan({
                planId: this.planId,
                request: { contactIds: [...this.chosen], message: this.message, loaded: this.loaded }
            })) as SendOutcome;
            this.dispatchEvent(new CustomEvent('sent', { detail: outcome }));
        } catch (error) {
            this.errors = errorMessages(parseServerError(error, 'We could not send the plan. Nothing was sent.'));
        } finally {
            this.busy = false;
        }
    }
}

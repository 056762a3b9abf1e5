import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import { reminderText } from 'c/planWorkspaceModel';
import type { PlanInfo } from 'c/planWorkspaceModel';

/** What a switch sends: the plan's follow-up fields, the one that changed, and what to tell the user once saved. */
export interface FollowUpUpdate {
    request: {
        plan: { remindersMuted: boolean; buyerReminders: boolean };
        changedFields: Array<'remindersMuted' | 'buyerReminders'>;
    };
    saved: string;
}

/**
 * The daily follow-up as it concerns one plan (docs/follow-up.md): whether anyone is reminded about it, whether its
 * buyer owners are emailed before their steps are due, and when the plan itself was last reminded of (gone stale).
 * Each switch saves at once through the workspace (`planupdate`, the same save as the plan's details, so a plan
 * someone changed meanwhile is refused the same way).
 */
export default class PlanFollowUp extends LightningElement {
    @api plan: PlanInfo | null = null;
    @api canEdit = false;
    @api busy = false;
    /** The server's clock at load (ISO instant): "last reminder" is said from it, as the milestone rows do. */
    @api now: string | null = null;

    get remindersOn(): boolean {
        return !this.plan?.remindersMuted;
    }

    get buyerRemindersOn(): boolean {
        return Boolean(this.plan?.buyerReminders);
    }

    get cannotEdit(): boolean {
        return !this.canEdit || this.busy;
    }

    get buyerSwitchDisabled(): boolean {
        return this.cannotEdit || !this.remindersOn;
    }

    get summary(): string {
        if (!this.remindersOn) {
            return 'Nobody is reminded about this plan. It still shows in the managers’ weekly digest.';
        }
        const buyers = this.buyerRemindersOn
            ? ' Buyer owners get a short email before their own steps are due, at most one a day.'
            : '';
        return `Seller owners and the deal owner are notified when a milestone is due soon, overdue or stalled, and when the plan goes quiet.${buyers}`;
    }

    get lastReminder(): string {
        const text = reminderText(this.plan?.lastReminder, this.now ? new Date(this.now) : new Date(), LOCALE);
        return text ? `Last reminder about the plan: ${text.full}` : '';
    }

    handleRemindersChange(event: Event): void {
        const muted = !(event.target as HTMLInputElement).checked;
        this.send('remindersMuted', muted, muted ? 'Reminders muted for this plan' : 'Reminders on for this plan');
    }

    handleBuyerRemindersChange(event: Event): void {
        const on = (event.target as HTMLInputElement).checked;
        this.send('buyerReminders', on, on ? 'Buyer owners will get reminder emails' : 'Buyer reminder emails off');
    }

    private send(field: 'remindersMuted' | 'buyerReminders', value: boolean, saved: string): void {
        const plan = {
            remindersMuted: Boolean(this.plan?.remindersMuted),
            buyerReminders: Boolean(this.plan?.buyerReminders),
            [field]: value
        };
        const detail: FollowUpUpdate = { request: { plan, changedFields: [field] }, saved };
        this.dispatchEvent(new CustomEvent('planupdate', { detail }));
    }
}

import { LightningElement, api } from 'lwc';
// The user's locale, a BCP 47 tag ("en-US"): the header's numbers and dates follow it, the dates written as the rows
// write them (planWorkspaceModel's formatDate); the time of the buyer's acceptance is lightning-formatted-date-time,
// which follows the locale and the user's time zone by itself ("Access Internationalization Properties", LWC
// Developer Guide).
import LOCALE from '@salesforce/i18n/locale';
import { compareCloseDates, completionPercent, formatNumber, healthBadge, planSlip } from 'c/planHealth';
import type { CloseDateComparison, HealthBadge } from 'c/planHealth';
import { formatDate, isOpenPlanStatus, isSuccessPlan } from 'c/planWorkspaceModel';
import type { ImpliedCloseMessage, PlanInfo } from 'c/planWorkspaceModel';
import {
    DETAIL_FIELDS,
    MAX_LENGTH,
    changedDetails,
    detailsOf,
    lengthHint,
    updateRequest,
    validateDetails
} from 'c/planDetailsModel';
import type { DetailField, PlanDetails } from 'c/planDetailsModel';

/** The plan fields the header shows: the workspace's plan, as the controller returns it. */
export type PlanSummary = PlanInfo;

/** A buyer contact who can accept the plan. */
export interface Contact {
    id: string;
    name: string;
    detail?: string | null;
}

/** Errors of the plan itself, placed next to the action that caused them. */
export interface PlanErrors {
    messages: string[];
    fieldErrors: Record<string, string[]>;
}

interface StatusAction {
    status: string;
    label: string;
    variant: 'brand' | 'neutral' | 'destructive-text';
    confirmVariant: 'brand' | 'destructive';
    confirm: string;
}

const ACTIVATE: StatusAction = {
    status: 'Active',
    label: 'Activate plan',
    variant: 'brand',
    confirmVariant: 'brand',
    confirm:
        'Activate the plan? Both sides commit to its dates: they become the baseline, and moving one later asks why.'
};
const COMPLETE: StatusAction = {
    status: 'Completed',
    label: 'Mark complete',
    variant: 'neutral',
    confirmVariant: 'brand',
    confirm: 'Mark the plan complete? It stays on the opportunity as Completed and no longer counts as active.'
};
const CANCEL: StatusAction = {
    status: 'Cancelled',
    label: 'Cancel plan',
    variant: 'destructive-text',
    confirmVariant: 'destructive',
    confirm: 'Cancel the plan? It stays on the opportunity as Cancelled, and stage gates no longer count it.'
};

const ACTIONS_BY_STATUS: Record<string, StatusAction[]> = {
    Draft: [ACTIVATE, CANCEL],
    Active: [COMPLETE, CANCEL]
};

export default class PlanHeader extends LightningElement {
    /** Buyer contacts offered as the person who accepted the plan. */
    @api buyerContacts: Contact[] = [];
    /** The user may change the plan's status. */
    @api canEditPlan = false;
    /** The user may record or withdraw the buyer's acceptance. */
    @api canRecordAcceptance = false;
    /** A save is in flight: actions are disabled. */
    @api busy = false;
    /** Errors of the last plan save (status change, acceptance). */
    @api errors: PlanErrors | null = null;
    /** The projected close with the user's unsaved milestone changes, when they move it. */
    @api unsavedProjectedCloseDate: string | null = null;
    /** Today in the user's time zone (the workspace's), to check a target date as the platform's rules do. */
    @api today: string | null = null;
    /** Names of the milestones still open (neither Complete nor Skipped), listed before the plan is completed. */
    @api openMilestones: string[] = [];
    /** The opportunity's stage, and the stages that need a buyer-accepted plan: what a withdrawal means. */
    @api opportunityStage: string | null = null;
    @api acceptedPlanStages: string[] = [];

    /** Plain words when the plan (unsaved edits included) no longer lands by the buyer's target date, else null. */
    @api lateLanding: string | null = null;
    /** What the plan says about its close at the pace agreed (the plan-implied close), or null. */
    @api impliedClose: ImpliedCloseMessage | null = null;
    /** Names of the milestones already overdue, listed before the plan is activated. */
    @api overdueMilestones: string[] = [];

    /** The user asked to withdraw the buyer's acceptance and is asked to confirm. */
    withdrawing = false;

    /** The plan details being edited (name, objective, target date, anchor event, buyer lead), or null. */
    details: PlanDetails | null = null;
    /** Messages of the last "Save details" attempt, by field, before the server was asked. */
    detailErrors: Partial<Record<DetailField, string>> = {};
    /** The field to focus once the form renders. */
    private focusField: DetailField | null = null;

    private currentPlan?: PlanSummary;
    /** The status change waiting for the user's confirmation. */
    confirming: StatusAction | null = null;
    accepting = false;
    acceptedById: string | null = null;

    /** The plan to summarise; the header renders nothing until it is set. A new plan closes open forms. */
    @api
    get plan(): PlanSummary | undefined {
        return this.currentPlan;
    }

    set plan(value: PlanSummary | undefined) {
        this.currentPlan = value;
        this.confirming = null;
        this.accepting = false;
        this.details = null;
        this.detailErrors = {};
        this.withdrawing = false;
    }

    /** Moves the focus to the plan's name, so a screen reader hears what was just created or saved. */
    @api
    focusTitle(): void {
        this.template?.querySelector<HTMLElement>('[data-id="plan-title"]')?.focus();
    }

    override renderedCallback(): void {
        if (this.focusField) {
            const field = this.template?.querySelector<HTMLElement>(`[data-detail="${this.focusField}"]`);
            this.focusField = null;
            field?.focus();
        }
    }

    get hasPlan(): boolean {
        return Boolean(this.currentPlan);
    }

    /** A Success plan (the hand-off after the deal was won) says so next to its status. */
    get isSuccessPlan(): boolean {
        return isSuccessPlan(this.currentPlan);
    }

    /** When the deal closes is a close plan's question: a Success plan starts once it is won. */
    get showsCloseFacts(): boolean {
        return !this.isSuccessPlan;
    }

    /** "Owned by Priya Shah": a Success plan's customer success owner; blank when none is named. */
    get successOwnerText(): string {
        const owner = this.currentPlan?.successOwnerName;
        return this.isSuccessPlan && owner ? `Owned by ${owner}` : '';
    }

    get badge(): HealthBadge {
        return healthBadge(this.currentPlan?.health ?? this.currentPlan?.status);
    }

    get completion(): number {
        return completionPercent(this.currentPlan?.completedMilestoneCount, this.currentPlan?.milestoneCount);
    }

    get completionLabel(): string {
        const done = formatNumber(this.currentPlan?.completedMilestoneCount ?? 0, LOCALE);
        return `${done} of ${formatNumber(this.currentPlan?.milestoneCount ?? 0, LOCALE)} milestones complete`;
    }

    /** The bars are SLDS's progress bar markup (what lightning-progress-bar renders), filled to the percentage. */
    get completionStyle(): string {
        return `width: ${this.completion}%`;
    }

    get buyerCompletionStyle(): string {
        return `width: ${this.buyerCompletion}%`;
    }

    get buyerCompletion(): number {
        return completionPercent(this.currentPlan?.buyerCompletedMilestoneCount, this.currentPlan?.buyerMilestoneCount);
    }

    get buyerCompletionLabel(): string {
        const done = formatNumber(this.currentPlan?.buyerCompletedMilestoneCount ?? 0, LOCALE);
        return `${done} of ${formatNumber(this.currentPlan?.buyerMilestoneCount ?? 0, LOCALE)} buyer milestones complete`;
    }

    get showsUnsavedProjection(): boolean {
        return Boolean(this.unsavedProjectedCloseDate);
    }

    get projectedCloseDate(): string | null | undefined {
        return this.unsavedProjectedCloseDate || this.currentPlan?.projectedCloseDate;
    }

    /** Dates as the rows write them, in the user's locale ("May 18, 2026"; "18. Mai 2026"). */
    get targetDateLabel(): string {
        return formatDate(this.currentPlan?.targetDate, LOCALE);
    }

    get projectedCloseLabel(): string {
        return formatDate(this.projectedCloseDate, LOCALE);
    }

    get closeComparison(): CloseDateComparison {
        return compareCloseDates(this.projectedCloseDate, this.currentPlan?.opportunityCloseDate, LOCALE);
    }

    /** How far the close moved since both sides committed to it (Close_Slip_Days__c): said when it moved. */
    get closeSlipMessage(): string {
        const slip = planSlip(this.currentPlan?.closeSlipDays, LOCALE);
        return slip.workingDays ? slip.message : '';
    }

    get closeSlipClass(): string {
        return planSlip(this.currentPlan?.closeSlipDays, LOCALE).isSlipped
            ? 'slds-text-color_error slds-show'
            : 'slds-text-color_weak slds-show';
    }

    get impliedCloseClass(): string {
        return this.impliedClose?.isLate ? 'slds-text-color_error' : '';
    }

    get closeDateClass(): string {
        return this.closeComparison.isLate ? 'slds-text-color_error' : '';
    }

    get objective(): string {
        return (
            this.currentPlan?.sharedObjective ||
            'No shared objective yet: agree with the buyer what success looks like.'
        );
    }

    // ---------------------------------------------------------------------------------------------------------
    // Editing the plan's details
    // ---------------------------------------------------------------------------------------------------------

    /** Draft and Active plans are edited in place; Completed and Cancelled ones are history. */
    get canEditDetails(): boolean {
        return this.canEditPlan && this.isOpenPlan && !this.details;
    }

    get editingDetails(): boolean {
        return Boolean(this.details);
    }

    /** The objective line, except while the form (which holds it) is open. */
    get showsObjective(): boolean {
        return !this.details;
    }

    /** No objective yet, and the user can add one: the line itself opens the form on it. */
    get offersObjective(): boolean {
        return this.canEditDetails && !this.currentPlan?.sharedObjective;
    }

    get maxNameLength(): number {
        return MAX_LENGTH.name;
    }

    get maxObjectiveLength(): number {
        return MAX_LENGTH.sharedObjective;
    }

    get maxAnchorLength(): number {
        return MAX_LENGTH.anchorEvent;
    }

    get objectiveLengthHint(): string {
        return lengthHint(this.details?.sharedObjective, MAX_LENGTH.sharedObjective, LOCALE);
    }

    get anchorLengthHint(): string {
        return lengthHint(this.details?.anchorEvent, MAX_LENGTH.anchorEvent, LOCALE);
    }

    private detailError(field: DetailField): string | null {
        return this.joined(
            this.detailErrors[field] ? [this.detailErrors[field] as string] : [],
            this.errors?.fieldErrors[field]
        );
    }

    get nameError(): string | null {
        return this.detailError('name');
    }

    get objectiveError(): string | null {
        return this.detailError('sharedObjective');
    }

    get targetDateError(): string | null {
        return this.detailError('targetDate');
    }

    get anchorEventError(): string | null {
        return this.detailError('anchorEvent');
    }

    get buyerLeadError(): string | null {
        return this.detailError('buyerLeadId');
    }

    get buyerLeadOptions(): { label: string; value: string }[] {
        return [{ label: 'No buyer lead', value: '' }, ...this.contactOptions];
    }

    handleEditDetails(event?: Event): void {
        if (!this.currentPlan) {
            return;
        }
        const field = (event?.currentTarget as HTMLElement | undefined)?.dataset?.focus as DetailField | undefined;
        this.details = detailsOf(this.currentPlan);
        this.detailErrors = {};
        this.focusField = field && DETAIL_FIELDS.includes(field) ? field : 'name';
    }

    handleDetailChange(event: CustomEvent<{ value: string | null }>): void {
        const field = (event.currentTarget as HTMLElement).dataset.detail as DetailField;
        if (!this.details || !DETAIL_FIELDS.includes(field)) {
            return;
        }
        const raw = event.detail?.value ?? (event.target as HTMLInputElement | null)?.value ?? null;
        const value = field === 'targetDate' || field === 'buyerLeadId' ? raw || null : (raw ?? '');
        this.details = { ...this.details, [field]: value } as PlanDetails;
        if (this.detailErrors[field]) {
            // Re-check the field being corrected, so its message goes once it is right.
            const rest = { ...this.detailErrors };
            delete rest[field];
            const again = validateDetails(this.details, this.today ?? '', [field], LOCALE)[field];
            this.detailErrors = again ? { ...rest, [field]: again } : rest;
        }
    }

    handleCancelDetails(): void {
        this.details = null;
        this.detailErrors = {};
    }

    handleSaveDetails(): void {
        if (!this.details || !this.currentPlan) {
            return;
        }
        const changed = changedDetails(this.currentPlan, this.details);
        if (changed.length === 0) {
            this.handleCancelDetails();
            return;
        }
        this.detailErrors = validateDetails(this.details, this.today ?? '', changed, LOCALE);
        const invalid = DETAIL_FIELDS.find((field) => this.detailErrors[field]);
        if (invalid) {
            this.focusField = invalid;
            return;
        }
        this.dispatchEvent(
            new CustomEvent('planupdate', { detail: { request: updateRequest(this.currentPlan, this.details) } })
        );
    }

    get acceptanceText(): string {
        const who = this.currentPlan?.buyerAcceptedByName || 'the buyer';
        if (this.currentPlan?.buyerAccepted) {
            return `Accepted by ${who}`;
        }
        return this.acceptanceLapsed ? `Lapsed: accepted by ${who}` : 'Not yet accepted by the buyer';
    }

    /** The buyer accepted an earlier version of the plan, which has changed since. */
    get acceptanceLapsed(): boolean {
        return this.currentPlan?.acceptanceStatus === 'Lapsed';
    }

    /** Which version the acceptance is of and how it was recorded, e.g. "Version 3, on the buyer page". */
    get acceptanceDetail(): string {
        const plan = this.currentPlan;
        if (!plan || (!plan.buyerAccepted && !this.acceptanceLapsed) || !plan.acceptedVersion) {
            return '';
        }
        const how =
            plan.acceptanceSource === 'Buyer Page'
                ? ', on the buyer page'
                : plan.acceptanceSource === 'Recorded by Seller'
                  ? ', recorded by the seller'
                  : '';
        return `Version ${plan.acceptedVersion}${how}`;
    }

    /** What a lapsed acceptance means and what to do about it. */
    get lapseText(): string {
        const plan = this.currentPlan;
        const who = plan?.buyerAcceptedByName || 'the buyer';
        const now = plan?.version ? ` (now version ${plan.version})` : '';
        return (
            `The plan changed after ${who} accepted version ${plan?.acceptedVersion ?? ''}${now}: milestones were ` +
            `added or removed, or the close or a buyer milestone moved. Ask ${who} to accept the current plan: send it ` +
            'with Send to buyers, or record the acceptance again.'
        );
    }

    get isStale(): boolean {
        return Boolean(this.currentPlan?.isStale);
    }

    get staleText(): string {
        const days = this.currentPlan?.daysSinceProgress;
        return days ? `No milestone has moved for ${formatNumber(days, LOCALE)} days` : 'No recent progress';
    }

    get isOverdue(): boolean {
        return (this.currentPlan?.daysOverdue ?? 0) > 0;
    }

    get overdueText(): string {
        const days = this.currentPlan?.daysOverdue ?? 0;
        return `The earliest open milestone is ${formatNumber(days, LOCALE)} ${days === 1 ? 'day' : 'days'} overdue`;
    }

    get hasAttention(): boolean {
        return this.isStale || this.isOverdue || Boolean(this.lateLanding) || this.acceptanceLapsed;
    }

    get statusActions(): StatusAction[] {
        return this.canEditPlan ? (ACTIONS_BY_STATUS[this.currentPlan?.status ?? ''] ?? []) : [];
    }

    get hasStatusActions(): boolean {
        return this.statusActions.length > 0 && !this.confirming;
    }

    get isOpenPlan(): boolean {
        return isOpenPlanStatus(this.currentPlan?.status);
    }

    get canAccept(): boolean {
        return this.canRecordAcceptance && this.isOpenPlan && !this.currentPlan?.buyerAccepted && !this.accepting;
    }

    /** The user may send the plan to the buyers (an open plan they may edit). */
    get canSend(): boolean {
        return this.canEditPlan && this.isOpenPlan;
    }

    get showsBuyerActions(): boolean {
        return this.canSend || this.canAccept;
    }

    /** Asks the workspace to open the send form. */
    handleSendPlan(): void {
        this.dispatchEvent(new CustomEvent('sendplan'));
    }

    get canWithdraw(): boolean {
        return this.canRecordAcceptance && Boolean(this.currentPlan?.buyerAccepted);
    }

    get contactOptions(): { label: string; value: string }[] {
        return this.buyerContacts.map((contact) => ({
            label: contact.detail ? `${contact.name} (${contact.detail})` : contact.name,
            value: contact.id
        }));
    }

    get hasContacts(): boolean {
        return this.buyerContacts.length > 0;
    }

    get recordDisabled(): boolean {
        return this.busy || !this.acceptedById;
    }

    get statusError(): string | null {
        return this.joined(this.errors?.fieldErrors.status);
    }

    get acceptanceError(): string | null {
        return this.joined(this.errors?.fieldErrors.buyerAcceptedById, this.errors?.fieldErrors.buyerAccepted);
    }

    get acceptanceErrorWithoutContacts(): boolean {
        return Boolean(this.acceptanceError) && !this.hasContacts;
    }

    get planMessages(): string | null {
        const placed = new Set<string>([
            'status',
            'buyerAcceptedById',
            'buyerAccepted',
            ...(this.details ? DETAIL_FIELDS : [])
        ]);
        const others = Object.entries(this.errors?.fieldErrors ?? {})
            .filter(([field]) => !placed.has(field))
            .flatMap(([, messages]) => messages);
        return this.joined(this.errors?.messages, others);
    }

    private joined(...lists: (string[] | undefined)[]): string | null {
        const all = lists.flatMap((list) => list ?? []);
        return all.length ? all.join(' ') : null;
    }

    handleStatusAction(event: Event): void {
        const status = (event.currentTarget as HTMLElement).dataset.status;
        this.confirming = this.statusActions.find((action) => action.status === status) ?? null;
    }

    handleConfirmStatus(): void {
        if (this.confirming) {
            this.dispatchEvent(new CustomEvent('statuschange', { detail: { status: this.confirming.status } }));
        }
    }

    handleKeepStatus(): void {
        this.confirming = null;
    }

    handleStartAcceptance(): void {
        this.accepting = true;
        const lead = this.currentPlan?.buyerLeadId;
        const offered = this.buyerContacts.some((contact) => contact.id === lead);
        this.acceptedById = offered ? (lead as string) : (this.buyerContacts[0]?.id ?? null);
    }

    handleAcceptedByChange(event: CustomEvent<{ value: string }>): void {
        this.acceptedById = event.detail.value || null;
    }

    handleCancelAcceptance(): void {
        this.accepting = false;
    }

    handleRecordAcceptance(): void {
        this.dispatchEvent(new CustomEvent('acceptance', { detail: { accepted: true, contactId: this.acceptedById } }));
    }

    /**
     * The milestones the question lists: the open ones before completing (nothing is closed by surprise), the
     * overdue ones before activating (their dates would become the baseline).
     */
    get confirmOpenMilestones(): string[] {
        if (this.confirming?.status === 'Completed') {
            return this.openMilestones;
        }
        return this.confirming?.status === 'Active' ? this.overdueMilestones : [];
    }

    get hasConfirmOpenMilestones(): boolean {
        return this.confirmOpenMilestones.length > 0;
    }

    get confirmOpenMilestonesText(): string {
        const count = this.confirmOpenMilestones.length;
        if (this.confirming?.status === 'Active') {
            return `${count === 1 ? '1 milestone is' : `${formatNumber(count, LOCALE)} milestones are`} already overdue. Activating makes their dates the baseline, so move them first if the buyer agreed new dates:`;
        }
        return count === 1
            ? '1 milestone is still open; completing the plan leaves it as it is:'
            : `${formatNumber(count, LOCALE)} milestones are still open; completing the plan leaves them as they are:`;
    }

    /** What withdrawing the acceptance means for this deal's stage gate, in plain words. */
    get withdrawText(): string {
        const stage = this.opportunityStage;
        if (stage && this.acceptedPlanStages.includes(stage)) {
            return `This deal is in ${stage}, which needs a buyer-accepted plan. Without the acceptance it no longer meets that gate: it can stay in ${stage} and be edited, but it cannot move into a stage that needs an accepted plan until the buyer accepts again.`;
        }
        if (this.acceptedPlanStages.length > 0) {
            return `The deal will need the buyer's acceptance again before it moves into ${this.acceptedPlanStages.join(' or ')}.`;
        }
        return 'No stage gate of this org needs an accepted plan, so the deal can move on as before.';
    }

    get showsWithdraw(): boolean {
        return this.canWithdraw && !this.withdrawing;
    }

    handleWithdrawAcceptance(): void {
        this.withdrawing = true;
    }

    handleKeepAcceptance(): void {
        this.withdrawing = false;
    }

    handleConfirmWithdraw(): void {
        this.dispatchEvent(new CustomEvent('acceptance', { detail: { accepted: false, contactId: null } }));
    }
}

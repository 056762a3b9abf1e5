import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getWorkspace from '@salesforce/apex/PlanWorkspaceController.getWorkspace';
import createPlan from '@salesforce/apex/PlanWorkspaceController.createPlan';
import saveMilestones from '@salesforce/apex/PlanWorkspaceController.saveMilestones';
import setPlanStatus from '@salesforce/apex/PlanWorkspaceController.setPlanStatus';
import recordBuyerAcceptance from '@salesforce/apex/PlanWorkspaceController.recordBuyerAcceptance';
import updatePlan from '@salesforce/apex/PlanWorkspaceController.updatePlan';
import startSuccessPlan from '@salesforce/apex/PlanWorkspaceController.startSuccessPlan';
// The user's locale, a BCP 47 tag ("en-US"): every date and number the workspace shows follows it ("Access
// Internationalization Properties", LWC Developer Guide).
import LOCALE from '@salesforce/i18n/locale';
import { applyReplan, replanOffer, replanReasonProblem } from 'c/planReplanModel';
import type { ReplanOffer } from 'c/planReplanModel';
import type { UpdatePlanRequest } from 'c/planDetailsModel';
import { hasErrors, parseServerError } from 'c/serverErrors';
import {
    addMilestone,
    canFollowWithNewPlan,
    canOpenCurrentPlan,
    effectiveMilestones,
    EMPTY_DRAFT,
    EMPTY_UI,
    historyNotice,
    keepUnchangedRows,
    keysInError,
    impliedCloseMessage,
    lateLandingMessage,
    listEdit,
    listOptions,
    listViewBuilder,
    normalizeWorkspace,
    openRowsInError,
    openMilestoneNames,
    overdueMilestoneNames,
    isDirty,
    isHistoryStatus,
    isOpenPlanStatus,
    isSuccessPlan,
    loadedRevisions,
    planChoices,
    PLAN_KEY,
    rememberLast,
    savePayload,
    validateMilestones
} from 'c/planWorkspaceModel';
import type {
    Draft,
    ImpliedCloseMessage,
    TimelineInput,
    ListEvent,
    ListOptions,
    ListView,
    Loaded,
    SaveErrors,
    StartSuccessPlanRequest,
    UiState,
    Workspace
} from 'c/planWorkspaceModel';
import type { CreatePlanRequest } from 'c/planCreationModel';
import type { PlanErrors } from 'c/planHeader';
import type { FollowUpUpdate } from 'c/planFollowUp';

const LOAD_FAILED = 'We could not load the plan.';

/**
 * The mutual action plan workspace on the Opportunity record page. One Apex call loads everything
 * (PlanWorkspaceController.getWorkspace); every save returns the fresh workspace. The user's unsaved edits live in a
 * draft (planWorkspaceModel) that only a successful save clears, so they survive a failed one; its errors are placed
 * next to what caused them. Children: c-plan-header (summary, status, acceptance), c-plan-milestone-list (the
 * milestones), c-plan-creator (a new plan from a template) and, on a won deal, c-plan-success-start (the hand-off to
 * a success plan).
 */
const SAVE_HINT = 'Fix what is marked below, then save again. Your changes are still here.';
const DETAILS_HINT = 'Fix what is marked in the plan details, then save them again. Your changes are still here.';
// A plan action changes no milestone the user edited: the reason is on the plan, or names the milestone to fix.
const PLAN_ACTION_HINT = 'Fix what the plan summary below says, then try again.';

/** The timeline's input for a workspace and draft: computed again only when either changes (rememberLast). */
function timelineInputFor(workspace: Workspace, draft: Draft, locale: string): TimelineInput {
    const plan = workspace.plan;
    return {
        milestones: effectiveMilestones(workspace, draft),
        phases: workspace.picklists.phases,
        today: workspace.today,
        targetDate: plan?.targetDate ?? null,
        closeDate: workspace.opportunity.closeDate ?? null,
        impliedClose: plan?.impliedClose ?? null,
        criticalPathIds: plan?.criticalPathIds ?? [],
        locale
    };
}

export default class PlanWorkspace extends LightningElement {
    private failedHint: string = SAVE_HINT;

    /** The opportunity, set by the record page. */
    @api recordId?: string;
    /** Set by the record page; the workspace only runs on Opportunity. */
    @api objectApiName?: string;

    workspace: Workspace | null = null;
    draft: Draft = EMPTY_DRAFT;
    ui: UiState = EMPTY_UI;
    /** Errors of the last action: page errors at the top, record errors on their rows and fields. */
    errors: SaveErrors | null = null;
    view: ListView | null = null;
    listOptions: ListOptions | null = null;
    loading = true;
    busy = false;
    creating = false;
    /** The offer to move the open milestones with the buyer's new target date, after the details were saved. */
    replan: ReplanOffer | null = null;
    /** Errors of the last refused success plan start: shown in its panel, not at the top of the workspace. */
    successErrors: SaveErrors | null = null;
    /** The send form is open. */
    sending = false;
    replanReason: string | null = null;
    replanNote: string | null = null;
    replanError: string | null = null;
    /** The plan chosen in the plan switcher; null: the opportunity's current plan. */
    private chosenPlanId: string | null = null;

    /** Where the focus goes once the result of an action is on screen (see renderedCallback). */
    private pendingFocus: 'errors' | 'conflict' | 'plan' | 'replan' | 'success-errors' | null = null;

    /**
     * After an action, the focus goes to what the user needs next: the plan's name once it is created; the first
     * milestone a save refused (scrolled into view), else the errors at the top; the reload button when someone
     * else changed the plan.
     */
    override renderedCallback(): void {
        const target = this.pendingFocus;
        if (!target || this.loading) {
            return;
        }
        this.pendingFocus = null;
        if (target === 'conflict') {
            this.template?.querySelector<HTMLElement>('[data-id="reload-keeping-edits"]')?.focus();
            return;
        }
        if (target === 'replan') {
            this.template?.querySelector<HTMLElement>('[data-id="replan"]')?.focus();
            return;
        }
        if (target === 'success-errors') {
            const panel = this.template?.querySelector<HTMLElement & { focusFirstError(): void }>(
                'c-plan-success-start'
            );
            panel?.focusFirstError();
            return;
        }
        if (target === 'plan') {
            this.template?.querySelector<HTMLElement & { focusTitle(): void }>('c-plan-header')?.focusTitle();
            return;
        }
        const firstRow = keysInError(this.errors).find((key) => key !== PLAN_KEY);
        const list = this.milestoneList();
        if (firstRow && list) {
            list.focusRow(firstRow, true);
            return;
        }
        const box = this.template?.querySelector<HTMLElement>('[data-id="page-errors"]');
        box?.scrollIntoView?.({ block: 'center' });
        box?.focus();
    }

    override connectedCallback(): void {
        this.load();
    }

    /** Reloads the workspace (after a change made elsewhere); unsaved edits are kept. */
    @api
    async refresh(): Promise<void> {
        await this.load();
    }

    private async load(): Promise<void> {
        this.loading = true;
        try {
            this.setWorkspace(await getWorkspace({ opportunityId: this.recordId, planId: this.chosenPlanId }));
            this.errors = null;
        } catch (error) {
            this.errors = parseServerError(error, LOAD_FAILED);
        } finally {
            this.loading = false;
            this.updateView();
        }
    }

    private setWorkspace(raw: Workspace): void {
        const workspace = normalizeWorkspace(raw);
        this.workspace = workspace;
        // Reloads (after a save, a refresh, a retry) keep the plan shown; the current plan is asked for as such.
        const shown = workspace.plans.find((plan) => plan.isShown);
        this.chosenPlanId = shown && !shown.isCurrent ? shown.id : null;
        this.listOptions = listOptions(workspace);
    }

    /**
     * Recomputes the list view: once per change, never per row. Rows that did not change keep the object they had,
     * so the list renders again only the rows the change touched.
     */
    private updateView(): void {
        this.view = this.workspace?.plan
            ? keepUnchangedRows(this.view, this.listViewOf(this.workspace, this.draft, this.ui, this.errors, LOCALE))
            : null;
    }

    private change(draft: Draft, ui: UiState = this.ui): void {
        this.draft = draft;
        this.ui = ui;
        this.updateView();
    }

    /** The list view, each row computed again only when what it comes from changed (listViewBuilder). */
    private readonly listViewOf = listViewBuilder();
    /** What the list and the header are handed is computed again only when what it comes from changed. */
    private readonly lateLandingOf = rememberLast(lateLandingMessage);
    private readonly impliedCloseOf = rememberLast(impliedCloseMessage);
    private readonly timelineInputOf = rememberLast(timelineInputFor);
    /** The milestones shown as the list (and its edits) or as the timeline. */
    viewMode: 'list' | 'timeline' = 'list';
    private readonly overdueNamesOf = rememberLast(overdueMilestoneNames);
    private readonly openNamesOf = rememberLast(openMilestoneNames);
    private readonly planChoicesOf = rememberLast(planChoices);

    // -----------------------------------------------------------------------------------------------------------
    // What the template shows
    // -----------------------------------------------------------------------------------------------------------

    get hasWorkspace(): boolean {
        return Boolean(this.workspace);
    }

    get plan() {
        return this.workspace?.plan ?? null;
    }

    get hasPlan(): boolean {
        return Boolean(this.plan) && !this.creating;
    }

    get permissions() {
        return this.workspace?.permissions ?? {};
    }

    /** The server's clock when the workspace loaded. */
    get loadedAt(): string | null {
        return this.workspace?.now ?? null;
    }

    get showEmptyState(): boolean {
        return Boolean(this.workspace) && !this.plan && !this.creating;
    }

    get canReadPlans(): boolean {
        return this.permissions.canReadPlans !== false;
    }

    get canCreatePlan(): boolean {
        return Boolean(this.permissions.canCreatePlan);
    }

    /**
     * Once the opportunity's current plan is finished (Completed or Cancelled), a new one can follow it; not while the
     * hand-off to a success plan is offered.
     */
    get canStartNewPlan(): boolean {
        // On a won deal the next plan is the success plan, which its own panel starts.
        return (
            this.canCreatePlan &&
            !this.showsSuccessStart &&
            canFollowWithNewPlan(this.workspace?.plans ?? [], this.plan)
        );
    }

    // -----------------------------------------------------------------------------------------------------------
    // The hand-off to a success plan (a won deal)
    // -----------------------------------------------------------------------------------------------------------

    /** The templates and owners offered, on a won deal with no success plan yet; null when not offered. */
    get successStart() {
        return this.workspace?.successStart ?? null;
    }

    /** Shown above the plan (the close plan, now history), not while a new plan is being created. */
    get showsSuccessStart(): boolean {
        return Boolean(this.successStart) && !this.creating;
    }

    get isSuccessPlan(): boolean {
        return isSuccessPlan(this.plan);
    }

    async handleStartSuccess(event: CustomEvent<{ request: StartSuccessPlanRequest }>): Promise<void> {
        if (this.busy) {
            return;
        }
        this.busy = true;
        try {
            const result = await startSuccessPlan({ opportunityId: this.recordId, request: event.detail.request });
            this.succeeded(result, 'Success plan started', () => {
                this.draft = EMPTY_DRAFT;
                this.ui = EMPTY_UI;
                this.successErrors = null;
                this.pendingFocus = 'plan';
            });
        } catch (error) {
            this.successErrors = parseServerError(error, 'The success plan was not started.');
            this.pendingFocus = 'success-errors';
        } finally {
            this.busy = false;
            this.updateView();
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // The plan switcher and plan history
    // -----------------------------------------------------------------------------------------------------------

    /** The switcher shows when the opportunity has more than one plan. */
    get hasPlanChoice(): boolean {
        return (this.workspace?.plans.length ?? 0) > 1;
    }

    get planOptions(): { label: string; value: string }[] {
        return this.planChoicesOf(this.workspace?.plans ?? [], LOCALE);
    }

    get shownPlanId(): string | null {
        return this.plan?.id ?? null;
    }

    /** Unsaved edits belong to the plan shown: they are saved or discarded before another plan opens. */
    get planSwitchLocked(): boolean {
        return this.busy || isDirty(this.draft);
    }

    get planSwitchHint(): string | null {
        return isDirty(this.draft) ? 'Save or discard your changes to open another plan.' : null;
    }

    /** The follow-up switches: for an open plan (Draft or Active), not for history. */
    get showsFollowUp(): boolean {
        return isOpenPlanStatus(this.plan?.status);
    }

    /** A Completed or Cancelled plan is history: read-only. */
    get isHistory(): boolean {
        return isHistoryStatus(this.plan?.status);
    }

    get historyText(): string {
        return historyNotice(this.plan);
    }

    /** Back to the current plan, when history is shown and the opportunity has a plan still in use. */
    get canGoToCurrentPlan(): boolean {
        return canOpenCurrentPlan(this.workspace?.plans ?? []);
    }

    async handlePlanSwitch(event: CustomEvent<{ value: string }>): Promise<void> {
        const chosen = this.workspace?.plans.find((plan) => plan.id === event.detail.value);
        if (!chosen || chosen.isShown || this.planSwitchLocked) {
            return;
        }
        await this.openPlan(chosen.isCurrent ? null : chosen.id);
    }

    async handleGoToCurrentPlan(): Promise<void> {
        await this.openPlan(null);
    }

    private async openPlan(planId: string | null): Promise<void> {
        this.chosenPlanId = planId;
        this.draft = EMPTY_DRAFT;
        this.ui = EMPTY_UI;
        this.errors = null;
        this.pendingFocus = 'plan';
        await this.load();
    }

    /** Said in the header when the plan, unsaved edits included, no longer lands by the buyer's target date. */
    get lateLandingText(): string | null {
        return this.lateLandingOf(this.workspace, this.draft, LOCALE);
    }

    get showsList(): boolean {
        return this.viewMode === 'list';
    }

    get showsTimeline(): boolean {
        return this.viewMode === 'timeline';
    }

    get listButtonClass(): string {
        return this.showsList ? 'slds-button slds-button_brand' : 'slds-button slds-button_neutral';
    }

    get timelineButtonClass(): string {
        return this.showsTimeline ? 'slds-button slds-button_brand' : 'slds-button slds-button_neutral';
    }

    /** The list stays rendered (its unsaved edits and save bar with it) while the timeline is shown, only hidden. */
    get listClass(): string {
        return this.showsList ? 'slds-m-top_small' : 'slds-hide';
    }

    /** What the timeline draws: the milestones as they stand, unsaved edits included. */
    get timelineInput(): TimelineInput | null {
        return this.workspace ? this.timelineInputOf(this.workspace, this.draft, LOCALE) : null;
    }

    handleViewMode(event: Event): void {
        const mode = (event.currentTarget as HTMLElement).dataset.mode;
        this.viewMode = mode === 'timeline' ? 'timeline' : 'list';
    }

    /** A milestone chosen on the timeline opens in the list, focused. */
    handleOpenMilestone(event: CustomEvent<{ key: string }>): void {
        this.viewMode = 'list';
        const key = event.detail?.key;
        if (key) {
            // After the list is shown again: focusRow scrolls it into view and focuses its first control.
            Promise.resolve().then(() => this.milestoneList()?.focusRow(key, true));
        }
    }

    /** What the plan says about its close at the pace agreed, as the server computed it at the last load or save. */
    get impliedCloseText(): ImpliedCloseMessage | null {
        return this.impliedCloseOf(this.workspace, LOCALE);
    }

    /** The saved milestones already overdue, by name, for the question before activating the plan. */
    get overdueMilestoneNames(): string[] {
        return this.overdueNamesOf(this.workspace);
    }

    /** The saved milestones still open, by name, for the question before completing the plan. */
    get openMilestoneNames(): string[] {
        return this.openNamesOf(this.workspace);
    }

    get pageErrors(): string[] {
        return this.errors?.pageErrors ?? [];
    }

    get hasPageErrors(): boolean {
        return Boolean(this.errors) && (this.pageErrors.length > 0 || this.hasRecordErrors);
    }

    private get hasRecordErrors(): boolean {
        return Object.keys(this.errors?.records ?? {}).length > 0;
    }

    get errorSummary(): string {
        return this.errors?.message ?? 'Something went wrong.';
    }

    get planErrors(): PlanErrors | null {
        return this.creating ? null : (this.errors?.records[PLAN_KEY] ?? null);
    }

    get createErrors(): SaveErrors | null {
        return this.creating ? this.errors : null;
    }

    get unsavedProjectedCloseDate(): string | null {
        return this.view?.projectionChanged ? this.view.projectedCloseDate : null;
    }

    get showRetry(): boolean {
        return !this.workspace && !this.loading;
    }

    get hasOnlyRecordErrors(): boolean {
        return this.pageErrors.length === 0 && this.hasRecordErrors;
    }

    /** What to do about errors placed on records: it depends on what failed (a save, or a plan action). */
    get recordErrorHint(): string {
        return this.failedHint;
    }

    handleRetry(): void {
        this.load();
    }

    /** Someone else changed the plan since it was loaded: the save was refused and the user's edits kept. */
    get isConflict(): boolean {
        return this.errors?.conflict === true;
    }

    /**
     * Reloads the plan as it is now and keeps the user's unsaved edits on top of it, so they can check the other
     * changes and save again.
     */
    async handleReloadKeepingEdits(): Promise<void> {
        await this.load();
    }

    /** The revisions this screen was built from, for a status change or an acceptance (see loadedRevisions). */
    private loaded(): Loaded | null {
        return this.workspace ? loadedRevisions(this.workspace) : null;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Creating a plan
    // -----------------------------------------------------------------------------------------------------------

    handleStartCreate(): void {
        this.errors = null;
        this.creating = true;
    }

    handleCancelCreate(): void {
        this.errors = null;
        this.creating = false;
        this.updateView();
    }

    async handleCreate(event: CustomEvent<{ request: CreatePlanRequest }>): Promise<void> {
        await this.run(
            () =>
                createPlan({
                    opportunityId: this.recordId,
                    request: event.detail.request
                }),
            'We could not create the plan. Nothing was saved.',
            'Plan created',
            () => {
                this.creating = false;
                this.draft = EMPTY_DRAFT;
                this.ui = EMPTY_UI;
                this.pendingFocus = 'plan';
            }
        );
    }

    // -----------------------------------------------------------------------------------------------------------
    // Plan status and acceptance (from c-plan-header)
    // -----------------------------------------------------------------------------------------------------------

    async handleStatusChange(event: CustomEvent<{ status: string }>): Promise<void> {
        const planId = this.plan?.id;
        await this.run(
            () => setPlanStatus({ planId, status: event.detail.status, loaded: this.loaded() }),
            'We could not change the status of the plan.',
            `Plan ${event.detail.status === 'Active' ? 'activated' : event.detail.status.toLowerCase()}`,
            undefined,
            PLAN_ACTION_HINT
        );
    }

    /** Saves the plan's own details (c-plan-header's form); the header closes the form once the plan comes back. */
    /** The plan's details (the header) or its follow-up switches (c-plan-follow-up, which says what it saved). */
    async handlePlanUpdate(
        event: CustomEvent<{ request: UpdatePlanRequest | FollowUpUpdate['request']; saved?: string }>
    ): Promise<void> {
        const planId = this.plan?.id;
        const workspace = this.workspace as Workspace;
        const request = { ...event.detail.request, loaded: loadedRevisions(workspace) };
        const fromTarget = this.plan?.targetDate ?? null;
        await this.run(
            () => updatePlan({ planId, request }),
            'We could not save the plan details. Nothing was saved.',
            event.detail.saved ?? 'Plan details saved',
            () => this.offerReplan(fromTarget),
            DETAILS_HINT
        );
    }

    // -----------------------------------------------------------------------------------------------------------
    // Re-planning after the target date moved
    // -----------------------------------------------------------------------------------------------------------

    /** Once a new target date is saved, offers to move the open milestones with it (nothing moves until asked). */
    private offerReplan(fromTarget: string | null): void {
        const workspace = this.workspace as Workspace;
        this.replan = replanOffer(workspace, this.draft, fromTarget, workspace.plan?.targetDate, LOCALE);
        this.replanReason = null;
        this.replanNote = null;
        this.replanError = null;
        if (this.replan) {
            this.pendingFocus = 'replan';
        }
    }

    get slipReasonOptions() {
        return this.workspace?.picklists.slipReasons ?? [];
    }

    handleReplanReason(event: CustomEvent<{ value: string }>): void {
        this.replanReason = event.detail.value || null;
        this.replanError = null;
    }

    handleReplanNote(event: CustomEvent<{ value: string }>): void {
        this.replanNote = event.detail.value || null;
    }

    handleReplanDismiss(): void {
        this.replan = null;
    }

    /** Puts the new dates in the draft: the user sees them on each row, then saves or discards them. */
    handleReplanApply(): void {
        const offer = this.replan;
        if (!offer) {
            return;
        }
        const problem = replanReasonProblem(offer, this.replanReason);
        if (problem) {
            this.replanError = problem;
            return;
        }
        const workspace = this.workspace as Workspace;
        this.replan = null;
        this.change(applyReplan(this.draft, workspace, offer, this.replanReason, this.replanNote, LOCALE));
    }

    async handleAcceptance(event: CustomEvent<{ accepted: boolean; contactId: string | null }>): Promise<void> {
        const planId = this.plan?.id;
        const { accepted, contactId } = event.detail;
        await this.run(
            () => recordBuyerAcceptance({ planId, contactId, accepted, loaded: this.loaded() }),
            'We could not record the buyer acceptance.',
            accepted ? 'Buyer acceptance recorded' : 'Buyer acceptance withdrawn',
            undefined,
            PLAN_ACTION_HINT
        );
    }

    handleSendPlan(): void {
        this.sending = true;
    }

    handleCancelSend(): void {
        this.sending = false;
    }

    /** The plan as loaded, for the send form (a send is refused if someone changed the plan since). */
    get sendLoaded(): Loaded | null {
        return this.loaded();
    }

    /** The send went out: says to whom, and who was skipped and why. */
    handleSent(event: CustomEvent<{ sentTo: string[]; skipped: string[]; note?: string | null }>): void {
        this.sending = false;
        const { sentTo, skipped, note } = event.detail;
        const problems = [...skipped.map((line) => `Not sent to ${line}.`), note ?? ''].filter(Boolean);
        this.dispatchEvent(
            new ShowToastEvent({
                title: `Plan sent to ${sentTo.join(', ')}`,
                message: problems.join(' '),
                variant: problems.length ? 'warning' : 'success'
            })
        );
    }

    // -----------------------------------------------------------------------------------------------------------
    // Milestones (from c-plan-milestone-list)
    // -----------------------------------------------------------------------------------------------------------

    /**
     * What the user does in the list (a row action, a field or date edited, a date move's reason, applied or
     * cancelled, a filter): the model makes the next draft and list state of it, and the view follows.
     */
    handleListEdit(event: CustomEvent): void {
        const next = listEdit(
            this.workspace as Workspace,
            { draft: this.draft, ui: this.ui },
            { type: event.type, detail: event.detail } as ListEvent,
            LOCALE
        );
        if (next) {
            this.change(next.draft, next.ui);
        }
    }

    handleAdd(event: CustomEvent<{ phase: string | null }>): void {
        const { draft, key } = addMilestone(this.draft, this.workspace as Workspace, {
            phase: event.detail?.phase ?? null
        });
        this.change(draft, { ...this.ui, filter: 'all' });
        this.milestoneList()?.focusRow(key);
    }

    /** The milestone list, for its focusRow (c-plan-milestone-list). */
    private milestoneList(): (HTMLElement & { focusRow(key: string, scroll?: boolean): void }) | null {
        return this.template?.querySelector('c-plan-milestone-list') ?? null;
    }

    handleDiscard(): void {
        this.errors = null;
        this.change(EMPTY_DRAFT, { ...EMPTY_UI, filter: this.ui.filter });
    }

    async handleSave(): Promise<void> {
        const workspace = this.workspace as Workspace;
        const invalid = validateMilestones(effectiveMilestones(workspace, this.draft), workspace.today, LOCALE);
        if (invalid) {
            this.errors = invalid;
            this.pendingFocus = 'errors';
            this.change(this.draft, openRowsInError(this.ui, invalid));
            return;
        }
        const planId = workspace.plan?.id;
        const payload = savePayload(workspace, this.draft);
        await this.run(
            () => saveMilestones({ planId, request: payload }),
            'We could not save your changes. Nothing was saved.',
            'Plan saved',
            () => {
                this.draft = EMPTY_DRAFT;
                this.ui = { ...EMPTY_UI, filter: this.ui.filter, historyKey: this.ui.historyKey };
            }
        );
    }

    // -----------------------------------------------------------------------------------------------------------
    // One server call, its errors, and what follows a success
    // -----------------------------------------------------------------------------------------------------------

    /**
     * Runs a save that returns the fresh workspace. On success: the workspace, a toast, the record page told to
     * refresh (the opportunity's plan roll-ups changed). On failure: the errors, placed; the draft kept.
     */
    private async run(
        call: () => Promise<Workspace>,
        failure: string,
        success: string,
        afterSuccess?: () => void,
        hint: string = SAVE_HINT
    ): Promise<void> {
        if (this.busy) {
            return;
        }
        this.busy = true;
        try {
            const result = await call();
            this.succeeded(result, success, afterSuccess);
        } catch (error) {
            this.errors = parseServerError(error, failure);
            this.failedHint = hint;
            this.pendingFocus = this.errors.conflict ? 'conflict' : 'errors';
            if (hasErrors(this.errors)) {
                this.ui = openRowsInError(this.ui, this.errors);
            }
        } finally {
            this.busy = false;
            this.updateView();
        }
    }

    /** A save succeeded: the workspace it returned, a toast, the record page told (its plan roll-ups changed). */
    private succeeded(result: Workspace, toast: string, afterSuccess?: () => void): void {
        this.setWorkspace(result);
        this.errors = null;
        afterSuccess?.();
        this.dispatchEvent(new ShowToastEvent({ title: toast, message: '', variant: 'success' }));
        this.dispatchEvent(new CustomEvent('planchange'));
        this.notifyRecordPage();
    }

    private notifyRecordPage(): void {
        if (this.recordId) {
            notifyRecordUpdateAvailable([{ recordId: this.recordId }]).catch(() => undefined);
        }
    }
}

/**
 * The plan workspace's model: DOM-free, so every rule is tested in isolation (see __tests__/, one test file per
 * module). This file is the bundle's public entry (`c/planWorkspaceModel`): it holds no logic of its own and
 * re-exports what the other bundles use from the modules beside it, one job each:
 *
 * - workspaceTypes: the workspace as the server sends it (PlanWorkspace.cls), and `normalizeWorkspace`
 * - formatting: dates and counts in the user's locale, text cut to a length
 * - milestoneStatus: open, overdue, buyer items, plans that are history
 * - pickerOptions: the plan switcher's plans, owners, what a milestone may wait on
 * - milestoneDraft: the user's unsaved work and its edits
 * - effectiveMilestones: the saved milestones with the draft applied, and which wait on which
 * - phaseGroups: grouping by phase and reordering within a phase
 * - dateMove: previewing and applying a date move, the projected close, slip reasons, pulling dates in after an
 *   early completion
 * - saveErrors: the server's errors (and the workspace's own) in one shape
 * - milestoneValidation: the checks before a save
 * - saveRequest: what a save sends
 * - uiState, dateHistory, milestoneRow, rowActions, listView: the milestone list view, built once per change
 * - rowReuse: unchanged rows keep their object from one view to the next, so only changed rows render again
 * - milestoneEdits: what each thing the user does in the list makes of the draft and the list's state
 * - planSize: the warning when a plan has more milestones than the admin's limit (creating and growing it)
 * - planFacts: what the header says of the milestones (open, overdue, landing after the target date)
 * - planSwitcher: the opportunity's plans, the current one, plans kept as history
 * - memo: a result computed again only when its inputs change
 * - reminders: when someone was last reminded of a milestone or the plan (the daily follow-up)
 * - timeline: where the timeline draws each milestone, arrow, day line and tick
 * - successStart: the hand-off to a success plan once the deal is won (its form, checks, request and errors), and a
 *   plan's type in words
 *
 * The workspace is what PlanWorkspaceController returns (one typed @AuraEnabled object per round-trip). The user's unsaved work
 * is a `Draft`: changed fields per milestone, new milestones, deleted ones, and an explicit order once the user
 * reorders. Every function here is pure: it returns a new draft or a new view and never changes its arguments, so
 * a failed save leaves the draft exactly as it was and the user's edits survive.
 *
 * Views are computed once per change (`buildListView`), never per row: a plan of 60 milestones is a handful of
 * linear passes with lookup maps.
 *
 * Conventions:
 * - Dates are ISO strings (yyyy-mm-dd); "today" comes from the server, in the user's time zone, so flags agree with
 *   the platform's formulas.
 * - A milestone's key is its Id, or `new-<n>` for one added in this draft.
 * - Overdue: open (neither Complete nor Skipped) and due before today, like Is_Overdue__c.
 * - Buyer & joint: milestones on the Buyer side, and Joint ones (the buyer is on the hook for both).
 * - A date moved later than its saved date needs a slip reason once the milestone is baselined (its plan is no
 *   longer a draft), as the Slip_Reason_When_Moved_Later rule demands; the reason and note are sent with each such
 *   move, so the slip history records this move's reason rather than an earlier one.
 */
export { normalizeWorkspace } from './workspaceTypes';
export type {
    DateChangeInfo,
    Gates,
    MilestoneInfo,
    OpportunityInfo,
    Option,
    Permissions,
    Person,
    Picklists,
    PlanInfo,
    PlanSummary,
    PlanType,
    ReminderInfo,
    SuccessStart,
    TemplateInfo,
    TemplateStepInfo,
    Thresholds,
    Workspace
} from './workspaceTypes';
export { formatDate, plural, truncate } from './formatting';
export { involvesBuyer, isHistoryStatus, isOpen, isOpenPlanStatus, isOverdue, OPEN } from './milestoneStatus';
export { listOptions, NO_LIST_OPTIONS, ownerOptions, planChoices } from './pickerOptions';
export type { ListOptions } from './pickerOptions';
export { canFollowWithNewPlan, canOpenCurrentPlan, historyNotice } from './planSwitcher';
export {
    addMilestone,
    changeCount,
    EDITABLE_FIELDS,
    EMPTY_DRAFT,
    isDirty,
    removeMilestone,
    restoreMilestone,
    revertMilestone,
    savedValues,
    setField,
    setFields
} from './milestoneDraft';
export type { AddedMilestone, Draft, EditableField, MilestoneValues } from './milestoneDraft';
export { dependentsOf, effectiveMilestones, repointDependents } from './effectiveMilestones';
export type { EffectiveMilestone } from './effectiveMilestones';
export { displayOrder, groupByPhase, moveMilestone, NO_PHASE_LABEL } from './phaseGroups';
export type { PhaseGroup } from './phaseGroups';
export {
    applyMove,
    applyPullIn,
    dependentReason,
    dueDateForSchedule,
    movedByLabel,
    MOVED_SHOWN_FIRST,
    moveNeedsReason,
    moveReasonProblem,
    pendingMove,
    previewMove,
    projectedClose,
    pullInOffer,
    showAllMovedLabel
} from './dateMove';
export type { MovedMilestone, MovePreview, PendingMove, PullInOffer } from './dateMove';
export { hasErrors, keysInError, parseServerError, PLAN_KEY } from './saveErrors';
export type { RecordErrors, SaveErrors } from './saveErrors';
export {
    DESCRIPTION_MAX,
    DUE_DATE_FUTURE_DAYS,
    DUE_DATE_PAST_DAYS,
    dueDateProblem,
    IMPLAUSIBLE_DUE_DATE,
    validateMilestones
} from './milestoneValidation';
export { loadedRevisions, savePayload } from './saveRequest';
export type { Loaded, MilestoneInput, SaveMilestonesRequest } from './saveRequest';
export { EMPTY_UI, toggleEditing } from './uiState';
export type { Filter, UiState } from './uiState';
export type { HistoryRow } from './dateHistory';
export type { FieldErrorView, RowView } from './milestoneRow';
export { rowActions } from './rowActions';
export type { ButtonAction, RowActionView } from './rowActions';
export { buildListView, listViewBuilder } from './listView';
export { reminderText } from './reminders';
export { timelineView } from './timeline';
export type { TimelineBar, TimelineInput, TimelineView } from './timeline';
export type { ReminderText } from './reminders';
export type { FilterView, GroupView, ListView, RowViewCache } from './listView';
export { keepUnchangedRows, sameValue } from './rowReuse';
export {
    confirmMove,
    dateChange,
    fieldChange,
    listEdit,
    moveInput,
    openRowsInError,
    rowAction
} from './milestoneEdits';
export type { EditState, ListEvent, MilestoneAction } from './milestoneEdits';
export { impliedCloseMessage, lateLandingMessage, openMilestoneNames, overdueMilestoneNames } from './planFacts';
export type { ImpliedCloseMessage } from './planFacts';
export { rememberLast } from './memo';
export { PLAN_SIZE_REASON, planSizeLimit, planSizeWarning } from './planSize';
export type { PlanSizeWarning } from './planSize';
export {
    emptySuccessStartForm,
    firstFieldInError,
    isSuccessPlan,
    planTypeLabel,
    setSuccessStartField,
    SUCCESS_START_FIELDS,
    SUCCESS_START_KEY,
    SUCCESS_START_SUMMARY,
    successOwnerOptions,
    successStartErrorView,
    successStartRequest,
    TARGET_NOT_AFTER_TODAY,
    validateSuccessStart
} from './successStart';
export type {
    StartSuccessPlanRequest,
    SuccessStartErrors,
    SuccessStartErrorView,
    SuccessStartField,
    SuccessStartForm
} from './successStart';

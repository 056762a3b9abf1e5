/**
 * The Tandem Setup page's presentation logic, DOM-free so every rule is tested on its own: the stage rows built from
 * TandemSetupController.getSetup()'s SetupView and the admin's draft, the coupling of the two gate checkboxes, the
 * milestone gates (./milestoneGates), the threshold and plan size limit checks, the success plan settings
 * (./successPlans), the follow-up switches in the draft
 * (their rules are c/tandemSetupFollowUpModel's), the SetupRequest sent to saveSetup(), the last change and the
 * save's outcome as the page says them, and how long to wait before asking again whether the deployment finished. The server enforces the same
 * rules; checking them here puts the message next to the control before a round trip.
 */
import { formatNumber } from 'c/planHealth';
import { errorMessages, fieldError } from 'c/serverErrors';
import type { ErrorReport, RecordErrors } from 'c/serverErrors';
import {
    DUE_SOON_FIELD,
    REMINDERS_KEY,
    dueSoonMessage,
    parseWholeDays,
    remindersDirty,
    remindersDraft,
    remindersRequest,
    setDueSoonDays as setDraftDueSoonDays,
    setSwitch
} from 'c/tandemSetupFollowUpModel';
import type { FollowUpState, ReminderSwitch, Reminders, RemindersDraft } from 'c/tandemSetupFollowUpModel';
import {
    NEW_GATE_KEY,
    NO_NEW_GATE,
    addGate,
    gateControls,
    gateRequests,
    gatesDirty,
    gatesFromView,
    isNewGateEmpty,
    newGateErrors,
    removeGate,
    setNewGate,
    withNewGate
} from './milestoneGates';
import {
    SUCCESS_PLANS_FIELDS,
    SUCCESS_PLANS_KEY,
    setSuccessStart,
    setSuccessTemplate,
    successPlansDirty,
    successPlansErrors,
    successPlansFromView,
    successPlansRequest
} from './successPlans';
import type { SuccessPlansDraft, SuccessPlansRequest, SuccessTemplate } from './successPlans';
import type {
    GateDraft,
    MilestoneGate,
    MilestoneGateRequest,
    NewGateDraft,
    NewGateField,
    PlanTemplate
} from './milestoneGates';

export * from './milestoneGates';
export * from './successPlans';

// ---------------------------------------------------------------------------------------------------------------
// The server contract (TandemSetupController).

export interface SetupStage {
    apiName: string;
    label: string;
    sortOrder: number;
    isClosed: boolean;
    isWon: boolean;
    /** False for lost stages (closed, not won): never gated. */
    canGate: boolean;
    requiresActivePlan: boolean;
    requiresAcceptedPlan: boolean;
    openDeals: number;
    openWithoutActivePlan: number;
    openWithoutAcceptedPlan: number;
}

export interface Thresholds {
    atRiskOverdueDays: number | null;
    offTrackOverdueDays: number | null;
    atRiskSlipDays: number | null;
    stalePlanDays: number | null;
}

export type ChangeStatus = 'Queued' | 'Succeeded' | 'Failed';

export interface SetupChange {
    id: string;
    name: string;
    status: ChangeStatus;
    summary: string;
    details: string | null;
    requestedByName: string;
    requestedOn: string;
    completedOn: string | null;
}

export interface SetupView {
    stages: SetupStage[];
    thresholds: Thresholds;
    unknownGatedStages: string[];
    canConfigure: boolean;
    lastChange: SetupChange | null;
    /** When the buyer links' secret was last made; null before the first link. */
    linkSecretRotatedOn?: string | null;
    /** The daily follow-up's schedule; null for a user who cannot see scheduled jobs. */
    followUp?: FollowUpState | null;
    /** Which reminders the follow-up sends. */
    reminders?: Reminders | null;
    /** The milestone gates in force, by stage in sales-process order. */
    milestoneGates?: MilestoneGate[] | null;
    /** The active plan templates with their steps, to choose a new milestone gate from. */
    templates?: PlanTemplate[] | null;
    /** The most milestones a plan should have before the workspace warns; null: no warning. */
    planSizeLimit?: number | null;
    /** How a success plan starts when a deal is won: 'Offer' (also for blank), 'Automatic' or 'Off'. */
    successPlanStart?: string | null;
    /** The Success template a success plan starts from (DeveloperName); null for the first active one. */
    successTemplate?: string | null;
    /** The active Success templates, in order. */
    successTemplates?: SuccessTemplate[] | null;
}

export interface SetupRequest {
    activePlanStages: string[];
    acceptedPlanStages: string[];
    /** Every milestone gate to keep; null keeps those in force (a view without them has nothing to send). */
    milestoneGates: MilestoneGateRequest[] | null;
    thresholds: Thresholds;
    /** The plan size limit (its planSizeLimit null: no warning); null keeps the limit in force. */
    planSize: { planSizeLimit: number | null } | null;
    /** How a success plan starts and from which template; null keeps them (a view without them has none to send). */
    successPlans: SuccessPlansRequest | null;
    /** null keeps the switches in force (a view without them has nothing to send). */
    reminders: Reminders | null;
}

// ---------------------------------------------------------------------------------------------------------------
// The draft: what the admin has on screen, unsaved.

export type ThresholdKey = keyof Thresholds;
export type GateKind = 'active' | 'accepted';

export interface Gate {
    active: boolean;
    accepted: boolean;
}

export interface SetupDraft {
    /** By stage API name. */
    gates: Record<string, Gate>;
    /** As typed: '' is off. */
    thresholds: Record<ThresholdKey, string>;
    /** The follow-up switches; null when the view has none. */
    reminders: RemindersDraft | null;
    /** The milestone gates kept, in the order listed. */
    milestoneGates: GateDraft[];
    /** The "Add a milestone gate" row. */
    newGate: NewGateDraft;
    /** As typed: '' is no warning. */
    planSizeLimit: string;
    /** How a success plan starts and from which template; null when the view has neither. */
    successPlans: SuccessPlansDraft | null;
}

/** The record key of the threshold errors, as the server reports them. */
export const THRESHOLDS_KEY = 'thresholds';
/** The field names the server uses in a stage's record errors. */
export const GATE_FIELDS: Readonly<Record<GateKind, string>> = {
    active: 'requiresActivePlan',
    accepted: 'requiresAcceptedPlan'
};

export const MIN_DAYS = 1;
export const MAX_DAYS = 365;

/** The record key and field of the plan size limit's errors, as the server reports them. */
export const PLAN_SIZE_KEY = 'planSize';
export const PLAN_SIZE_FIELD = 'planSizeLimit';
/** Plan_Size_Limit__c is a Number(3, 0). */
export const MAX_PLAN_SIZE = 999;
export const PLAN_SIZE_MESSAGE = `Enter a whole number of milestones from 1 to ${MAX_PLAN_SIZE}, or leave it blank to turn the warning off.`;
export const PLAN_SIZE_LABEL = 'Plan size limit';
export const PLAN_SIZE_HELP =
    'The most milestones a plan should have. Above it, the plan workspace warns the account executive that a longer plan is harder for the buyer to follow and to keep current; it never blocks. Leave blank for no warning.';

export interface ThresholdDefinition {
    key: ThresholdKey;
    label: string;
    help: string;
}

/** The four health thresholds, in the order the page shows them (labels from Plan_Setting__mdt's fields). */
export const THRESHOLD_FIELDS: readonly ThresholdDefinition[] = [
    {
        key: 'atRiskOverdueDays',
        label: 'At Risk overdue days',
        help: 'An active plan is At Risk when its earliest open milestone is at least this many days overdue. Leave blank to turn this check off.'
    },
    {
        key: 'offTrackOverdueDays',
        label: 'Off Track overdue days',
        help: 'An active plan is Off Track when its earliest open milestone is at least this many days overdue; more days than At Risk. Leave blank to turn this check off.'
    },
    {
        key: 'atRiskSlipDays',
        label: 'At Risk slip days',
        help: 'An active plan is At Risk when its close has moved this many working days later than both sides committed to (a slip that moves no close does not count). Leave blank to turn this check off.'
    },
    {
        key: 'stalePlanDays',
        label: 'Stale plan days',
        help: 'An active plan is stale (and At Risk) when no milestone changed status for at least this many days. Leave blank to turn this check off.'
    }
];

export const THRESHOLD_KEYS: readonly ThresholdKey[] = THRESHOLD_FIELDS.map((field) => field.key);

function thresholdText(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : String(value);
}

/** The draft that shows the view as it is saved. */
export function draftFromView(view: SetupView): SetupDraft {
    const gates: Record<string, Gate> = {};
    for (const stage of view.stages) {
        gates[stage.apiName] = {
            active: stage.canGate && (stage.requiresActivePlan || stage.requiresAcceptedPlan),
            accepted: stage.canGate && stage.requiresAcceptedPlan
        };
    }
    const thresholds = {} as Record<ThresholdKey, string>;
    for (const key of THRESHOLD_KEYS) {
        thresholds[key] = thresholdText(view.thresholds?.[key]);
    }
    return {
        gates,
        thresholds,
        reminders: view.reminders ? remindersDraft(view.reminders) : null,
        milestoneGates: gatesFromView(view),
        newGate: { ...NO_NEW_GATE },
        planSizeLimit: thresholdText(view.planSizeLimit),
        successPlans: successPlansFromView(view)
    };
}

/**
 * One checkbox changed. The two are coupled: a stage that requires an accepted plan requires an active one, so
 * checking "accepted" checks "active", and unchecking "active" unchecks "accepted". Unknown stages are ignored.
 */
export function toggleGate(draft: SetupDraft, apiName: string, kind: GateKind, checked: boolean): SetupDraft {
    const current = draft.gates[apiName];
    if (!current) {
        return draft;
    }
    let next: Gate;
    if (kind === 'accepted') {
        next = { active: checked || current.active, accepted: checked };
    } else {
        next = { active: checked, accepted: checked && current.accepted };
    }
    if (next.active === current.active && next.accepted === current.accepted) {
        return draft;
    }
    return { ...draft, gates: { ...draft.gates, [apiName]: next } };
}

export function setThreshold(draft: SetupDraft, key: ThresholdKey, value: string | null | undefined): SetupDraft {
    const text = (value ?? '').trim();
    if (!THRESHOLD_KEYS.includes(key) || draft.thresholds[key] === text) {
        return draft;
    }
    return { ...draft, thresholds: { ...draft.thresholds, [key]: text } };
}

/** One follow-up switch changed. */
export function setReminderSwitch(draft: SetupDraft, key: ReminderSwitch, on: boolean): SetupDraft {
    const next = draft.reminders ? setSwitch(draft.reminders, key, on) : null;
    return next === draft.reminders ? draft : { ...draft, reminders: next };
}

/** Due Soon Days typed. */
export function setDueSoonDays(draft: SetupDraft, value: string | null | undefined): SetupDraft {
    const next = draft.reminders ? setDraftDueSoonDays(draft.reminders, value) : null;
    return next === draft.reminders ? draft : { ...draft, reminders: next };
}

/** The plan size limit typed. */
export function setPlanSizeLimit(draft: SetupDraft, value: string | null | undefined): SetupDraft {
    const text = (value ?? '').trim();
    return draft.planSizeLimit === text ? draft : { ...draft, planSizeLimit: text };
}

/** How a success plan starts, chosen. */
export function setSuccessPlanStart(draft: SetupDraft, value: string | null | undefined): SetupDraft {
    const next = draft.successPlans ? setSuccessStart(draft.successPlans, value) : null;
    return next === draft.successPlans ? draft : { ...draft, successPlans: next };
}

/** The success template chosen ('' for the first active one). */
export function setSuccessPlanTemplate(draft: SetupDraft, value: string | null | undefined): SetupDraft {
    const next = draft.successPlans ? setSuccessTemplate(draft.successPlans, value) : null;
    return next === draft.successPlans ? draft : { ...draft, successPlans: next };
}

/** One field of the "Add a milestone gate" row changed (the step list follows the template). */
export function setNewGateField(
    view: SetupView,
    draft: SetupDraft,
    field: NewGateField,
    value: string | null | undefined
): SetupDraft {
    const next = setNewGate(view, draft.newGate, field, value);
    return next === draft.newGate ? draft : { ...draft, newGate: next };
}

/**
 * The "Add a milestone gate" row added to the list, and the row emptied; or, when the row is not filled in right,
 * the draft unchanged and the row's errors (under NEW_GATE_KEY) to show next to its fields.
 */
export function addMilestoneGate(
    view: SetupView,
    draft: SetupDraft
): { draft: SetupDraft; errors: RecordErrors | null } {
    const errors = newGateErrors(view, draft.milestoneGates, draft.newGate);
    if (errors) {
        return { draft, errors };
    }
    const { stage, stepName, message } = draft.newGate;
    return {
        draft: {
            ...draft,
            milestoneGates: addGate(draft.milestoneGates, { stage, stepName, message }),
            newGate: { ...NO_NEW_GATE }
        },
        errors: null
    };
}

/** Removes a listed milestone gate, by its key (milestoneGateKey). */
export function removeMilestoneGate(draft: SetupDraft, key: string): SetupDraft {
    const next = removeGate(draft.milestoneGates, key);
    return next === draft.milestoneGates ? draft : { ...draft, milestoneGates: next };
}

/** The plan size limit as typed: null when blank, the number, or NaN when it is not a whole number from 1 to 999. */
export function parsePlanSize(text: string): number | null {
    return parseWholeDays(text, 1, MAX_PLAN_SIZE);
}

/** The message under the plan size limit ('' when it is fine). */
export function planSizeMessage(text: string): string {
    return Number.isNaN(parsePlanSize(text)) ? PLAN_SIZE_MESSAGE : '';
}

/** True when the draft differs from what the view says is saved. */
export function isDirty(view: SetupView, draft: SetupDraft): boolean {
    const saved = draftFromView(view);
    const planSize = parsePlanSize(draft.planSizeLimit);
    return (
        view.stages.some((stage) => {
            const a = saved.gates[stage.apiName];
            const b = draft.gates[stage.apiName];
            return !b || a.active !== b.active || a.accepted !== b.accepted;
        }) ||
        THRESHOLD_KEYS.some((key) => saved.thresholds[key] !== draft.thresholds[key]) ||
        Boolean(saved.reminders && draft.reminders && remindersDirty(saved.reminders, draft.reminders)) ||
        gatesDirty(saved.milestoneGates, draft.milestoneGates) ||
        Boolean(
            saved.successPlans && draft.successPlans && successPlansDirty(saved.successPlans, draft.successPlans)
        ) ||
        !isNewGateEmpty(draft.newGate) ||
        Number.isNaN(planSize) ||
        planSize !== parsePlanSize(saved.planSizeLimit)
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Validation: the server's rules, checked before the save.

export const DAYS_MESSAGE = `Enter a whole number of days from ${MIN_DAYS} to ${MAX_DAYS}, or leave it blank to turn this check off.`;
export const LOST_STAGE_MESSAGE = 'A lost stage can require nothing: a lost deal can always be recorded.';
export const ACCEPTED_NEEDS_ACTIVE_MESSAGE = 'A stage that requires an accepted plan must also require an active plan.';

/** A threshold as typed: null when blank (off), a number of days, or NaN when it is not a whole number in range. */
export function parseDays(text: string): number | null {
    return parseWholeDays(text, MIN_DAYS, MAX_DAYS);
}

/** The message for each threshold ('' when it is fine). */
export function thresholdMessages(values: Record<ThresholdKey, string>): Record<ThresholdKey, string> {
    const messages = {} as Record<ThresholdKey, string>;
    for (const key of THRESHOLD_KEYS) {
        messages[key] = Number.isNaN(parseDays(values[key])) ? DAYS_MESSAGE : '';
    }
    const atRisk = parseDays(values.atRiskOverdueDays);
    const offTrack = parseDays(values.offTrackOverdueDays);
    if (atRisk !== null && offTrack !== null && !Number.isNaN(atRisk) && !Number.isNaN(offTrack)) {
        if (offTrack <= atRisk) {
            messages.offTrackOverdueDays = `Enter more days than At Risk overdue days (${atRisk}), or leave it blank.`;
        }
    }
    return messages;
}

function addFieldError(records: Record<string, RecordErrors>, key: string, field: string, message: string): void {
    const record = records[key] ?? { messages: [], fieldErrors: {} };
    record.fieldErrors[field] = [...(record.fieldErrors[field] ?? []), message];
    records[key] = record;
}

/** The draft's problems, shaped as parseServerError() shapes the server's, or null when it can be saved. */
export function validateDraft(view: SetupView, draft: SetupDraft): ErrorReport | null {
    const records: Record<string, RecordErrors> = {};
    for (const stage of view.stages) {
        const gate = draft.gates[stage.apiName];
        if (!gate) {
            continue;
        }
        if (!stage.canGate) {
            if (gate.active) addFieldError(records, stage.apiName, GATE_FIELDS.active, LOST_STAGE_MESSAGE);
            if (gate.accepted) addFieldError(records, stage.apiName, GATE_FIELDS.accepted, LOST_STAGE_MESSAGE);
        } else if (gate.accepted && !gate.active) {
            addFieldError(records, stage.apiName, GATE_FIELDS.accepted, ACCEPTED_NEEDS_ACTIVE_MESSAGE);
        }
    }
    const messages = thresholdMessages(draft.thresholds);
    for (const key of THRESHOLD_KEYS) {
        if (messages[key]) addFieldError(records, THRESHOLDS_KEY, key, messages[key]);
    }
    const dueSoon = draft.reminders ? dueSoonMessage(draft.reminders.dueSoonDays) : '';
    if (dueSoon) addFieldError(records, REMINDERS_KEY, DUE_SOON_FIELD, dueSoon);
    const planSize = planSizeMessage(draft.planSizeLimit);
    if (planSize) addFieldError(records, PLAN_SIZE_KEY, PLAN_SIZE_FIELD, planSize);
    const successPlans = draft.successPlans ? successPlansErrors(view, draft.successPlans) : null;
    if (successPlans) records[SUCCESS_PLANS_KEY] = successPlans;
    // A filled-in add row is saved with the rest (as if Add was pressed), so it is checked with the rest.
    const newGate = isNewGateEmpty(draft.newGate) ? null : newGateErrors(view, draft.milestoneGates, draft.newGate);
    if (newGate) records[NEW_GATE_KEY] = newGate;
    return Object.keys(records).length > 0
        ? { message: 'Fix the marked fields, then save again.', pageErrors: [], records }
        : null;
}

/** The first message for a field of a record key, or '' (for a field's help text or custom validity). */
export { fieldError };

/**
 * What the page shows in its error alert: page errors, plus record-level messages and the field errors of records
 * the page has no control for (so nothing the server said is lost). `draft`: the milestone gates listed, whose
 * errors the page shows next to them.
 */
export function alertMessages(errors: ErrorReport | null, view: SetupView | null, draft?: SetupDraft | null): string[] {
    if (!errors) {
        return [];
    }
    // The fields the page has a control for, by record key: none without a view.
    const controls = new Map<string, readonly string[]>(
        view
            ? [
                  [THRESHOLDS_KEY, THRESHOLD_KEYS],
                  [REMINDERS_KEY, [DUE_SOON_FIELD]],
                  [PLAN_SIZE_KEY, [PLAN_SIZE_FIELD]],
                  [SUCCESS_PLANS_KEY, SUCCESS_PLANS_FIELDS],
                  ...gateControls(draft ? withNewGate(view, draft.milestoneGates, draft.newGate) : []),
                  ...view.stages.map((stage): [string, string[]] => [stage.apiName, Object.values(GATE_FIELDS)])
              ]
            : []
    );
    return errorMessages(errors, (key, field) => controls.get(key)?.includes(field) === true);
}

// ---------------------------------------------------------------------------------------------------------------
// The request.

/**
 * The SetupRequest for saveSetup(): gated stages in the view's (sales-process) order, the milestone gates listed
 * (with the add row's, when it is filled in), thresholds and the plan size limit as numbers, the success plan
 * settings.
 */
export function buildRequest(view: SetupView, draft: SetupDraft): SetupRequest {
    const gateable = view.stages.filter((stage) => stage.canGate && draft.gates[stage.apiName]);
    const thresholds = {} as Thresholds;
    for (const key of THRESHOLD_KEYS) {
        const days = parseDays(draft.thresholds[key]);
        if (Number.isNaN(days)) {
            throw new Error(`${key} is not a whole number of days from ${MIN_DAYS} to ${MAX_DAYS}: validate first`);
        }
        thresholds[key] = days;
    }
    const planSizeLimit = parsePlanSize(draft.planSizeLimit);
    if (Number.isNaN(planSizeLimit)) {
        throw new Error(`planSizeLimit is not a whole number from 1 to ${MAX_PLAN_SIZE}: validate first`);
    }
    return {
        activePlanStages: gateable.filter((stage) => draft.gates[stage.apiName].active).map((s) => s.apiName),
        acceptedPlanStages: gateable.filter((stage) => draft.gates[stage.apiName].accepted).map((s) => s.apiName),
        milestoneGates: view.milestoneGates
            ? gateRequests(view, withNewGate(view, draft.milestoneGates, draft.newGate))
            : null,
        thresholds,
        planSize: { planSizeLimit },
        successPlans: draft.successPlans ? successPlansRequest(draft.successPlans) : null,
        reminders: draft.reminders ? remindersRequest(draft.reminders) : null
    };
}

// ---------------------------------------------------------------------------------------------------------------
// Rows.

export const LOST_NOTE = 'Never gated: a lost deal can always be recorded';

export interface StageRow {
    key: string;
    apiName: string;
    label: string;
    /** "Won" or "Lost" for a closed stage, '' for an open one. */
    kindLabel: string;
    canGate: boolean;
    isLost: boolean;
    lostNote: string;
    active: boolean;
    accepted: boolean;
    activeDisabled: boolean;
    acceptedDisabled: boolean;
    activeId: string;
    acceptedId: string;
    activeHelpId: string;
    acceptedHelpId: string;
    lostNoteId: string;
    /** What each checkbox's aria-describedby names: its error, else the lost-stage note, else nothing. */
    activeDescribedBy: string | undefined;
    acceptedDescribedBy: string | undefined;
    activeLabel: string;
    acceptedLabel: string;
    activeError: string;
    acceptedError: string;
    activeClass: string;
    acceptedClass: string;
    /** The counts as the user reads them, in their locale ("1,234"). */
    openDeals: string;
    openWithoutActivePlan: string;
    openWithoutAcceptedPlan: string;
    /** The plain sentence about the open deals this draft's gate does not fit ('' when there are none). */
    gapText: string;
    gapKey: string;
    rowClass: string;
}

/**
 * The deals already in a gated stage without the plan it asks for: a gate checks a deal moving forward into the
 * stage, never an unchanged stage, so they keep working; the sentence says so.
 */
export function gapText(stage: SetupStage, gate: Gate, locale?: string): string {
    if (!stage.canGate || !gate.active) {
        return '';
    }
    const count = gate.accepted ? stage.openWithoutAcceptedPlan : stage.openWithoutActivePlan;
    if (count <= 0) {
        return '';
    }
    const plan = gate.accepted ? 'buyer-accepted plan' : 'active plan';
    const needs = gate.accepted ? 'an accepted plan' : 'a plan';
    return count === 1
        ? `1 open deal here has no ${plan}; it can stay in this stage and be edited, but a deal moving forward into it will need ${needs}.`
        : `${formatNumber(count, locale)} open deals here have no ${plan}; they can stay in this stage and be edited, but a deal moving forward into it will need ${needs}.`;
}

function checkboxClass(error: string): string {
    return error ? 'slds-form-element slds-has-error' : 'slds-form-element';
}

/** The table's rows; `locale` is the user's, for the counts. */
export function stageRows(
    view: SetupView,
    draft: SetupDraft,
    errors: ErrorReport | null,
    readOnly: boolean,
    locale?: string
): StageRow[] {
    return view.stages.map((stage, index) => {
        const gate = draft.gates[stage.apiName] ?? { active: false, accepted: false };
        const isLost = stage.isClosed && !stage.isWon;
        const activeError = fieldError(errors, stage.apiName, GATE_FIELDS.active);
        const acceptedError = fieldError(errors, stage.apiName, GATE_FIELDS.accepted);
        const disabled = readOnly || !stage.canGate;
        const lostNoteId = `lost-note-${index}`;
        const describedBy = (error: string, helpId: string): string | undefined => {
            if (error) return helpId;
            return stage.canGate ? undefined : lostNoteId;
        };
        return {
            key: stage.apiName,
            apiName: stage.apiName,
            label: stage.label || stage.apiName,
            kindLabel: stage.isClosed ? (stage.isWon ? 'Won' : 'Lost') : '',
            canGate: stage.canGate,
            isLost,
            lostNote: stage.canGate ? '' : LOST_NOTE,
            active: stage.canGate && gate.active,
            accepted: stage.canGate && gate.accepted,
            activeDisabled: disabled,
            acceptedDisabled: disabled,
            activeId: `active-${index}`,
            acceptedId: `accepted-${index}`,
            activeHelpId: `active-help-${index}`,
            acceptedHelpId: `accepted-help-${index}`,
            lostNoteId,
            activeDescribedBy: describedBy(activeError, `active-help-${index}`),
            acceptedDescribedBy: describedBy(acceptedError, `accepted-help-${index}`),
            activeLabel: `Require an active plan for ${stage.label || stage.apiName}`,
            acceptedLabel: `Require a buyer-accepted plan for ${stage.label || stage.apiName}`,
            activeError,
            acceptedError,
            activeClass: checkboxClass(activeError),
            acceptedClass: checkboxClass(acceptedError),
            openDeals: formatNumber(stage.openDeals, locale),
            openWithoutActivePlan: formatNumber(stage.openWithoutActivePlan, locale),
            openWithoutAcceptedPlan: formatNumber(stage.openWithoutAcceptedPlan, locale),
            gapText: gapText(stage, gate, locale),
            gapKey: `${stage.apiName}-gap`,
            rowClass: isLost ? 'slds-hint-parent setup-lost' : 'slds-hint-parent'
        };
    });
}

/** One warning per stage name the setting gates that no active stage has. */
export function unknownStageWarnings(view: SetupView): string[] {
    return (view.unknownGatedStages ?? []).map(
        (name) => `${name} is gated but no active stage has that name; saving removes it.`
    );
}

// ---------------------------------------------------------------------------------------------------------------
// The last change, and the outcome of a save.

export interface ChangeView {
    name: string;
    status: ChangeStatus;
    badgeClass: string;
    summary: string;
    requestedBy: string;
    requestedOn: string;
    completedOn: string | null;
    details: string;
    hasDetails: boolean;
    isQueued: boolean;
}

const BADGE_CLASSES: Record<ChangeStatus, string> = {
    Queued: 'slds-badge slds-theme_warning',
    Succeeded: 'slds-badge slds-theme_success',
    Failed: 'slds-badge slds-theme_error'
};

export function describeChange(change: SetupChange | null): ChangeView | null {
    if (!change) {
        return null;
    }
    const details = change.status === 'Failed' ? (change.details ?? '').trim() : '';
    return {
        name: change.name,
        status: change.status,
        badgeClass: BADGE_CLASSES[change.status] ?? 'slds-badge',
        summary: change.summary,
        requestedBy: `Requested by ${change.requestedByName}`,
        requestedOn: change.requestedOn,
        completedOn: change.completedOn,
        details: details || (change.status === 'Failed' ? 'Salesforce gave no details.' : ''),
        hasDetails: change.status === 'Failed',
        isQueued: change.status === 'Queued'
    };
}

export function isQueued(view: SetupView | null): boolean {
    return view?.lastChange?.status === 'Queued';
}

export type OutcomeTone = 'info' | 'success' | 'error' | 'warning';

export interface Outcome {
    tone: OutcomeTone;
    text: string;
}

export const SAVING_TEXT = 'Saving: Salesforce is deploying the change...';
export const STILL_DEPLOYING_TEXT =
    'Salesforce is still deploying the change. This page stopped checking: reload it in a minute to see the result.';

/**
 * "Saved: the gates are on for …": the stages the saved view gates, and what each asks for; then how many
 * milestone gates are on.
 */
export function savedText(view: SetupView): string {
    const gated = view.stages
        .filter((stage) => stage.canGate && (stage.requiresActivePlan || stage.requiresAcceptedPlan))
        .map(
            (stage) =>
                `${stage.label || stage.apiName} (${stage.requiresAcceptedPlan ? 'accepted plan' : 'active plan'})`
        );
    const milestones = gatesFromView(view).length;
    if (milestones === 0) {
        return gated.length > 0
            ? `Saved: the gates are on for ${gated.join(', ')}.`
            : 'Saved: no stage is gated, so deals move between stages freely.';
    }
    const count = milestones === 1 ? '1 milestone gate is on' : `${milestones} milestone gates are on`;
    return gated.length > 0
        ? `Saved: the gates are on for ${gated.join(', ')}; ${count}.`
        : `Saved: no stage needs a plan; ${count}.`;
}

/** What the page says about the save it made, from the latest view; `gaveUp` once polling stopped. */
export function saveOutcome(view: SetupView, gaveUp: boolean): Outcome {
    const status = view.lastChange?.status;
    if (status === 'Succeeded') {
        return { tone: 'success', text: savedText(view) };
    }
    if (status === 'Failed') {
        return { tone: 'error', text: 'Not saved: Salesforce could not deploy the change. See the details below.' };
    }
    return gaveUp ? { tone: 'warning', text: STILL_DEPLOYING_TEXT } : { tone: 'info', text: SAVING_TEXT };
}

export const OUTCOME_CLASSES: Record<OutcomeTone, string> = {
    info: 'slds-notify slds-notify_alert slds-alert_offline setup-outcome',
    success: 'slds-notify slds-notify_alert setup-outcome setup-outcome_success',
    error: 'slds-notify slds-notify_alert slds-alert_error setup-outcome',
    warning: 'slds-notify slds-notify_alert slds-alert_warning setup-outcome'
};

// ---------------------------------------------------------------------------------------------------------------
// Polling. Metadata.Operations.enqueueDeployment "deploys custom metadata components asynchronously" and the
// platform calls the DeployCallback once the queued deployment completes (Apex Reference: "Operations Class",
// "DeployCallback Interface"): the save returns before the outcome is known, so the page asks again after 1 s, 2 s,
// 4 s, ... until about 30 s have passed.

export const FIRST_POLL_MS = 1000;
export const POLL_BUDGET_MS = 30_000;

/**
 * How long to wait before poll number `attempt` (0 first), given the time already waited: doubling from 1 s, cut
 * so the total stays within the budget; null once the budget is spent.
 */
export function nextPollDelay(attempt: number, waitedMs: number): number | null {
    const remaining = POLL_BUDGET_MS - waitedMs;
    if (attempt < 0 || remaining <= 0) {
        return null;
    }
    return Math.min(FIRST_POLL_MS * 2 ** attempt, remaining);
}

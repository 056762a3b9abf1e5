/**
 * The Milestone gates section of the Tandem Setup page, DOM-free: the gates in force as a draft list (added to and
 * removed from, compared with what is saved, sent as the save request's `milestoneGates`), the "Add a milestone gate"
 * row (stage, then template, then one of its steps, and an optional message) with its checks, and the list's rows
 * and choices as the page shows them. A milestone gate stops a deal moving forward into its stage until the milestone
 * made from its template step is Complete on the deal's active plan. TandemSetupService checks the same rules and
 * reports a gate's errors under the key milestoneGateKey(stage, step), fields stage, stepName and message.
 */
import { fieldError } from 'c/serverErrors';
import type { ErrorReport, RecordErrors } from 'c/serverErrors';

// ---------------------------------------------------------------------------------------------------------------
// The server contract: TandemSetup.MilestoneGate, TandemSetup.Template, SaveSetupRequest.MilestoneGate.

export interface MilestoneGate {
    /** The stage's API name. */
    stage: string;
    /** Null when no active stage has that API name. */
    stageLabel: string | null;
    templateName: string | null;
    templateLabel: string | null;
    /** The template step's DeveloperName, and its title. */
    stepName: string;
    stepTitle: string;
    message: string | null;
}

export interface TemplateStep {
    /** DeveloperName. */
    name: string;
    title: string;
}

export interface PlanTemplate {
    /** DeveloperName. */
    name: string;
    label: string;
    steps: TemplateStep[];
}

export interface MilestoneGateRequest {
    stage: string;
    stepName: string;
    /** Null for none. */
    message: string | null;
}

/** What the section reads of the page's view (TandemSetup). */
export interface MilestoneGateView {
    stages: { apiName: string; label: string; canGate: boolean; isClosed?: boolean; isWon?: boolean }[];
    milestoneGates?: MilestoneGate[] | null;
    templates?: PlanTemplate[] | null;
}

// ---------------------------------------------------------------------------------------------------------------
// The draft.

/** A gate on the page: its stage, its step and its message as typed ('' for none). */
export interface GateDraft {
    stage: string;
    stepName: string;
    message: string;
}

/** The "Add a milestone gate" row as the admin fills it in. */
export interface NewGateDraft {
    stage: string;
    templateName: string;
    stepName: string;
    message: string;
}

export type NewGateField = keyof NewGateDraft;

export const NO_NEW_GATE: Readonly<NewGateDraft> = Object.freeze({
    stage: '',
    templateName: '',
    stepName: '',
    message: ''
});

export const NEW_GATE_FIELDS: readonly NewGateField[] = ['stage', 'templateName', 'stepName', 'message'];

/** The record key of the add row's errors (the page's own: the server never sees the row as such). */
export const NEW_GATE_KEY = 'newMilestoneGate';
/** The prefix of a requested gate's record key, as TandemSetupMilestoneGates.keyOf makes it. */
export const MILESTONE_GATE_KEY_PREFIX = 'milestoneGate|';
/** The fields the server reports a gate's errors under. */
export const MILESTONE_GATE_FIELDS: readonly string[] = ['stage', 'stepName', 'message'];
/** Message__c holds 255 characters. */
export const MAX_GATE_MESSAGE = 255;

export const CHOOSE_STAGE_MESSAGE = 'Choose the stage this milestone gates.';
export const CHOOSE_TEMPLATE_MESSAGE = 'Choose the template the milestone comes from.';
export const CHOOSE_STEP_MESSAGE = 'Choose the template step whose milestone must be Complete first.';
export const DUPLICATE_GATE_MESSAGE = 'This milestone already gates this stage.';
export const LOST_GATE_MESSAGE = 'A lost stage is never gated: a lost deal can always be recorded.';

/** "milestoneGate|<stage>|<step>": where the server reports a requested gate's errors. */
export function milestoneGateKey(stage: string | null | undefined, stepName: string | null | undefined): string {
    return `${MILESTONE_GATE_KEY_PREFIX}${stage ?? ''}|${stepName ?? ''}`;
}

function gateableStages(view: MilestoneGateView): Set<string> {
    return new Set(view.stages.filter((stage) => stage.canGate).map((stage) => stage.apiName));
}

/**
 * The gates in force that the page keeps: each on a stage that can be gated, each stage and step once. A gate on a
 * stage no active stage has, or on a lost one, is not kept: gateWarnings() says so, and saving removes it.
 */
export function gatesFromView(view: MilestoneGateView): GateDraft[] {
    const gateable = gateableStages(view);
    const seen = new Set<string>();
    const gates: GateDraft[] = [];
    for (const gate of view.milestoneGates ?? []) {
        const key = milestoneGateKey(gate.stage, gate.stepName);
        if (gateable.has(gate.stage) && !seen.has(key)) {
            seen.add(key);
            gates.push({ stage: gate.stage, stepName: gate.stepName, message: gate.message ?? '' });
        }
    }
    return gates;
}

/** One warning per gate in force that the page cannot keep (see gatesFromView). */
export function gateWarnings(view: MilestoneGateView): string[] {
    const known = new Map(view.stages.map((stage) => [stage.apiName, stage]));
    return (view.milestoneGates ?? [])
        .filter((gate) => !known.get(gate.stage)?.canGate)
        .map((gate) => {
            const why = known.has(gate.stage) ? 'is on a lost stage, which is never gated' : 'names no active stage';
            return `The milestone gate "${gate.stepTitle}" before ${gate.stage} ${why}; saving removes it.`;
        });
}

/** Adds a gate (the message trimmed); a stage and step already listed are not added twice. */
export function addGate(gates: GateDraft[], gate: GateDraft): GateDraft[] {
    const key = milestoneGateKey(gate.stage, gate.stepName);
    if (gates.some((existing) => milestoneGateKey(existing.stage, existing.stepName) === key)) {
        return gates;
    }
    return [...gates, { stage: gate.stage, stepName: gate.stepName, message: gate.message.trim() }];
}

/** Removes the gate with this key (milestoneGateKey). */
export function removeGate(gates: GateDraft[], key: string): GateDraft[] {
    const next = gates.filter((gate) => milestoneGateKey(gate.stage, gate.stepName) !== key);
    return next.length === gates.length ? gates : next;
}

/** True when the two lists hold different gates or messages (order aside). */
export function gatesDirty(saved: GateDraft[], draft: GateDraft[]): boolean {
    const describe = (gates: GateDraft[]) =>
        gates
            .map((gate) => `${milestoneGateKey(gate.stage, gate.stepName)}|${gate.message.trim()}`)
            .sort()
            .join('\n');
    return describe(saved) !== describe(draft);
}

/** The save request's milestone gates: those on a stage that can be gated; a blank message as null. */
export function gateRequests(view: MilestoneGateView, gates: GateDraft[]): MilestoneGateRequest[] {
    const gateable = gateableStages(view);
    return gates
        .filter((gate) => gateable.has(gate.stage))
        .map((gate) => ({ stage: gate.stage, stepName: gate.stepName, message: gate.message.trim() || null }));
}

// ---------------------------------------------------------------------------------------------------------------
// The add row.

export function isNewGateEmpty(draft: NewGateDraft): boolean {
    return NEW_GATE_FIELDS.every((field) => draft[field].trim() === '');
}

function stepsOf(view: MilestoneGateView, templateName: string): TemplateStep[] {
    return (view.templates ?? []).find((template) => template.name === templateName)?.steps ?? [];
}

/**
 * One field of the add row changed. Choosing another template clears the step unless the new template has it (the
 * step list follows the template).
 */
export function setNewGate(
    view: MilestoneGateView,
    draft: NewGateDraft,
    field: NewGateField,
    value: string | null | undefined
): NewGateDraft {
    const text = value ?? '';
    if (!NEW_GATE_FIELDS.includes(field) || draft[field] === text) {
        return draft;
    }
    const next = { ...draft, [field]: text };
    if (field === 'templateName' && !stepsOf(view, text).some((step) => step.name === draft.stepName)) {
        next.stepName = '';
    }
    return next;
}

/** The message for each field of the add row ('' when it is fine), given the gates already listed. */
export function newGateMessages(
    view: MilestoneGateView,
    gates: GateDraft[],
    draft: NewGateDraft
): Record<NewGateField, string> {
    const messages: Record<NewGateField, string> = { stage: '', templateName: '', stepName: '', message: '' };
    const stage = view.stages.find((candidate) => candidate.apiName === draft.stage);
    if (!draft.stage) {
        messages.stage = CHOOSE_STAGE_MESSAGE;
    } else if (!stage?.canGate) {
        messages.stage = stage ? LOST_GATE_MESSAGE : CHOOSE_STAGE_MESSAGE;
    }
    if (!draft.templateName) {
        // The step list is empty until a template is chosen: the template's message says what to do first.
        messages.templateName = CHOOSE_TEMPLATE_MESSAGE;
    } else if (!stepsOf(view, draft.templateName).some((step) => step.name === draft.stepName)) {
        messages.stepName = CHOOSE_STEP_MESSAGE;
    } else if (draft.stage && gates.some((gate) => gate.stage === draft.stage && gate.stepName === draft.stepName)) {
        messages.stepName = DUPLICATE_GATE_MESSAGE;
    }
    const length = draft.message.trim().length;
    if (length > MAX_GATE_MESSAGE) {
        messages.message = `Keep the message to ${MAX_GATE_MESSAGE} characters: this one has ${length}.`;
    }
    return messages;
}

/** The add row's problems as record errors under NEW_GATE_KEY, or null when it can be added. */
export function newGateErrors(view: MilestoneGateView, gates: GateDraft[], draft: NewGateDraft): RecordErrors | null {
    const messages = newGateMessages(view, gates, draft);
    const fieldErrors: Record<string, string[]> = {};
    for (const field of NEW_GATE_FIELDS) {
        if (messages[field]) fieldErrors[field] = [messages[field]];
    }
    return Object.keys(fieldErrors).length > 0 ? { messages: [], fieldErrors } : null;
}

/** The list with the add row's gate added, when the row is filled in and fine; the same list otherwise. */
export function withNewGate(view: MilestoneGateView, gates: GateDraft[], draft: NewGateDraft): GateDraft[] {
    if (isNewGateEmpty(draft) || newGateErrors(view, gates, draft)) {
        return gates;
    }
    return addGate(gates, { stage: draft.stage, stepName: draft.stepName, message: draft.message });
}

// ---------------------------------------------------------------------------------------------------------------
// What the page shows.

export interface Option {
    label: string;
    value: string;
}

/** The stages a gate can be put on, in sales-process order. */
export function stageOptions(view: MilestoneGateView): Option[] {
    return view.stages
        .filter((stage) => stage.canGate)
        .map((stage) => ({ label: stage.label || stage.apiName, value: stage.apiName }));
}

export function templateOptions(view: MilestoneGateView): Option[] {
    return (view.templates ?? []).map((template) => ({ label: template.label, value: template.name }));
}

/** The steps of the chosen template, in order; none before a template is chosen. */
export function stepOptions(view: MilestoneGateView, templateName: string): Option[] {
    return stepsOf(view, templateName).map((step) => ({ label: step.title, value: step.name }));
}

export interface MilestoneGateRow {
    key: string;
    stageLabel: string;
    /** "<template> · <step title>". */
    stepText: string;
    message: string;
    /** The remove button's accessible name. */
    removeLabel: string;
    /** What the server said about this gate ('' for nothing). */
    error: string;
    rowClass: string;
}

/** How the page names a gate's step: from the templates offered, else from the gate in force, else its name. */
function stepLabels(view: MilestoneGateView, gate: GateDraft): { template: string; title: string } {
    for (const template of view.templates ?? []) {
        const step = template.steps.find((candidate) => candidate.name === gate.stepName);
        if (step) return { template: template.label, title: step.title };
    }
    const inForce = (view.milestoneGates ?? []).find((candidate) => candidate.stepName === gate.stepName);
    return { template: inForce?.templateLabel ?? '', title: inForce?.stepTitle || gate.stepName };
}

/** The list's rows, in the draft's order (the gates in force first, then those added). */
export function milestoneGateRows(
    view: MilestoneGateView,
    gates: GateDraft[],
    errors: ErrorReport | null
): MilestoneGateRow[] {
    const labels = new Map(view.stages.map((stage) => [stage.apiName, stage.label || stage.apiName]));
    return gates.map((gate) => {
        const key = milestoneGateKey(gate.stage, gate.stepName);
        const stageLabel = labels.get(gate.stage) ?? gate.stage;
        const { template, title } = stepLabels(view, gate);
        const error = MILESTONE_GATE_FIELDS.map((field) => fieldError(errors, key, field)).find(Boolean) ?? '';
        return {
            key,
            stageLabel,
            stepText: template ? `${template} · ${title}` : title,
            message: gate.message,
            removeLabel: `Remove the milestone gate "${title}" before ${stageLabel}`,
            error,
            rowClass: error ? 'slds-item setup-gate setup-gate_error' : 'slds-item setup-gate'
        };
    });
}

/** The fields the page puts a message next to, by record key, for the gates listed and the add row. */
export function gateControls(gates: GateDraft[]): [string, readonly string[]][] {
    return [
        [NEW_GATE_KEY, NEW_GATE_FIELDS],
        ...gates.map((gate): [string, readonly string[]] => [
            milestoneGateKey(gate.stage, gate.stepName),
            MILESTONE_GATE_FIELDS
        ])
    ];
}

/**
 * Creating a plan from a template, DOM-free: the form, the preview of every milestone dated backward from the
 * buyer's target date (planScheduler: working days, predecessors), the user's adjustments to those dates, and the
 * createPlan request. Tested in planCreationModel.test.ts.
 */
import { compareCloseDates, epochDay } from 'c/planHealth';
import type { CloseDateComparison } from 'c/planHealth';
import { reproject, scheduleBackward, ScheduleError } from 'c/planScheduler';
import type { ScheduleResult, StepSide, TemplateStep, Wording } from 'c/planScheduler';
import { lateLanding, lateLandingText, targetDateProblem, tooLongMessage } from 'c/planDetailsModel';
import { formatDate, involvesBuyer, OPEN, planSizeWarning, plural, truncate } from 'c/planWorkspaceModel';
import type { MilestoneInput, TemplateInfo, Workspace } from 'c/planWorkspaceModel';

export interface CreateForm {
    templateName: string | null;
    targetDate: string | null;
    anchorEvent: string;
    name: string;
    sharedObjective: string;
    buyerLeadId: string | null;
    /** Dates the user adjusted in the preview (and those pushed by it), by step key; null for none. */
    dates: Readonly<Record<string, string>> | null;
}

export type CreateField = 'templateName' | 'targetDate' | 'anchorEvent' | 'name' | 'sharedObjective' | 'buyerLeadId';

export function defaultPlanName(opportunityName: string | null | undefined): string {
    return truncate(opportunityName ? `${opportunityName} mutual action plan` : 'Mutual action plan', 80);
}

/** A form for the workspace: the first template, the opportunity's name, the first buyer contact as lead. */
export function emptyCreateForm(workspace: Workspace): CreateForm {
    return {
        templateName: workspace.templates[0]?.developerName ?? null,
        targetDate: null,
        anchorEvent: '',
        name: defaultPlanName(workspace.opportunity.name),
        sharedObjective: '',
        buyerLeadId: workspace.buyerContacts[0]?.id ?? null,
        dates: null
    };
}

/** Sets one field; a new template or target date discards the adjusted dates, which belonged to the old schedule. */
const NULLABLE_FIELDS: ReadonlySet<CreateField> = new Set(['templateName', 'targetDate', 'buyerLeadId']);
const SCHEDULE_FIELDS: ReadonlySet<CreateField> = new Set(['templateName', 'targetDate']);

export function setCreateField(form: CreateForm, field: CreateField, value: string | null | undefined): CreateForm {
    const empty = NULLABLE_FIELDS.has(field) ? null : '';
    const next: CreateForm = { ...form, [field]: value || empty };
    if (SCHEDULE_FIELDS.has(field) && next[field] !== form[field]) {
        next.dates = null;
    }
    return next;
}

export interface PreviewRow {
    key: string;
    title: string;
    phase: string;
    side: string;
    durationDays: number;
    durationLabel: string;
    startDate: string;
    dueDate: string;
    dueLabel: string;
    predecessorTitle: string | null;
    marksClose: boolean;
    isAdjusted: boolean;
    involvesBuyer: boolean;
    dateLabel: string;
    rowClass: string;
}

export interface PlanPreview {
    rows: PreviewRow[];
    warnings: string[];
    projectedCloseDate: string | null;
    projectedCloseLabel: string;
    closeComparison: CloseDateComparison;
    /** Said when the adjusted dates no longer land by the buyer's target date; null when they do. */
    lateLanding: string | null;
    /** Why there is no preview (no template, no target date, a template that cannot be scheduled). */
    blocker: string | null;
    /**
     * Said when the template makes more milestones than the admin's plan size limit (a warning: the plan can still
     * be created); known as soon as a template is chosen, before the target date. Null otherwise.
     */
    sizeWarning: string | null;
}

const SIDES: readonly string[] = ['Buyer', 'Seller', 'Joint'];

/** A template's steps as planScheduler takes them; an unknown side counts as Joint, a blank duration as 0. */
export function templateSteps(template: TemplateInfo): TemplateStep[] {
    return template.steps.map((step) => ({
        key: step.key,
        title: step.title,
        phase: step.phase ?? '',
        side: (SIDES.includes(step.side ?? '') ? step.side : 'Joint') as StepSide,
        durationDays: Math.max(0, Math.round(step.durationDays ?? 0)),
        order: step.order,
        predecessorKey: step.predecessorKey ?? null,
        marksClose: step.marksClose === true
    }));
}

function findTemplate(workspace: Workspace, form: CreateForm): TemplateInfo | undefined {
    return workspace.templates.find((template) => template.developerName === form.templateName);
}

function schedule(workspace: Workspace, template: TemplateInfo, targetDate: string, wording?: Wording): ScheduleResult {
    return scheduleBackward(templateSteps(template), targetDate, { today: workspace.today, wording });
}

function emptyPreview(
    blocker: string,
    opportunityCloseDate: string | null | undefined,
    sizeWarning: string | null = null
): PlanPreview {
    return {
        rows: [],
        warnings: [],
        projectedCloseDate: null,
        projectedCloseLabel: '',
        closeComparison: compareCloseDates(null, opportunityCloseDate),
        lateLanding: null,
        blocker,
        sizeWarning
    };
}

/**
 * Every milestone of the template dated backward from the target date in working days (planScheduler), with the
 * user's adjustments on top, and where the close lands against the opportunity's close date.
 */
export function previewPlan(workspace: Workspace, form: CreateForm, locale?: string): PlanPreview {
    const closeDate = workspace.opportunity.closeDate;
    const template = findTemplate(workspace, form);
    if (!template) {
        return emptyPreview('Choose a template to see its milestones.', closeDate);
    }
    // One milestone per step, whatever the dates: the size is known before the target date is.
    const sizeWarning = planSizeWarning(template.steps.length, workspace.planSizeLimit, locale)?.message ?? null;
    if (!form.targetDate) {
        return emptyPreview(
            "Enter the buyer's target date: every milestone is dated backward from it.",
            closeDate,
            sizeWarning
        );
    }
    let result: ScheduleResult;
    try {
        // Warnings and errors name steps by title and dates in the user's locale.
        const titles = new Map(template.steps.map((step) => [step.key, step.title]));
        result = schedule(workspace, template, form.targetDate, {
            date: (iso) => formatDate(iso, locale),
            name: (key) => titles.get(key) ?? key
        });
    } catch (error) {
        if (error instanceof ScheduleError || error instanceof RangeError) {
            return emptyPreview(`This template cannot be scheduled: ${error.message}`, closeDate, sizeWarning);
        }
        throw error;
    }
    const titles = new Map(result.milestones.map((milestone) => [milestone.key, milestone.title]));
    const rows: PreviewRow[] = result.milestones.map((milestone) => {
        const adjusted = form.dates?.[milestone.key];
        const dueDate = adjusted ?? milestone.dueDate;
        const buyer = involvesBuyer(milestone.side);
        return {
            key: milestone.key,
            title: milestone.title,
            phase: milestone.phase,
            side: milestone.side,
            durationDays: milestone.durationDays,
            durationLabel: plural(milestone.durationDays, 'working day', undefined, locale),
            startDate: milestone.startDate,
            dueDate,
            dueLabel: formatDate(dueDate, locale),
            predecessorTitle: milestone.predecessorKey ? (titles.get(milestone.predecessorKey) ?? null) : null,
            marksClose: milestone.marksClose,
            isAdjusted: Boolean(adjusted) && adjusted !== milestone.dueDate,
            involvesBuyer: buyer,
            dateLabel: `Due date of ${milestone.title}`,
            rowClass: buyer ? 'preview-row preview-row_buyer' : 'preview-row'
        };
    });
    const late = lateLanding(
        form.targetDate,
        rows.map((row) => ({ name: row.title, dueDate: row.dueDate }))
    );
    const closing = rows.filter((row) => row.marksClose).map((row) => row.dueDate);
    const projectedCloseDate = closing.length ? closing.reduce((a, b) => (epochDay(a) <= epochDay(b) ? a : b)) : null;
    return {
        rows,
        warnings: result.warnings.map((warning) => warning.message),
        projectedCloseDate,
        projectedCloseLabel: formatDate(projectedCloseDate, locale),
        closeComparison: compareCloseDates(projectedCloseDate, closeDate, locale),
        lateLanding: late ? lateLandingText(late, (iso) => formatDate(iso, locale), locale) : null,
        blocker: null,
        sizeWarning
    };
}

/**
 * The preview's dates after the user moves one: successors that would start before it is done are pushed, as on a
 * live plan (reproject), and nothing else moves.
 */
export function adjustPreviewDate(
    workspace: Workspace,
    form: CreateForm,
    key: string,
    date: string
): Record<string, string> {
    const template = findTemplate(workspace, form);
    if (!template || !form.targetDate) {
        return { ...(form.dates ?? {}) };
    }
    const current = schedule(workspace, template, form.targetDate).milestones.map((milestone) => ({
        key: milestone.key,
        dueDate: form.dates?.[milestone.key] ?? milestone.dueDate,
        durationDays: milestone.durationDays,
        predecessorKey: milestone.predecessorKey,
        marksClose: milestone.marksClose
    }));
    const dates: Record<string, string> = { ...(form.dates ?? {}) };
    for (const move of reproject(current, key, date).moved) {
        dates[move.key] = move.to;
    }
    return dates;
}

/**
 * What must be filled before the plan can be created, by field; `today` (the workspace's) lets the target date be
 * checked as the platform's rules check it (after today, within three years).
 */
export function validateCreateForm(form: CreateForm, today?: string): Partial<Record<CreateField, string>> {
    const errors: Partial<Record<CreateField, string>> = {};
    if (!form.templateName) {
        errors.templateName = 'Choose a template.';
    }
    if (!form.targetDate) {
        errors.targetDate = "Enter the buyer's target date.";
    } else if (today) {
        const problem = targetDateProblem(form.targetDate, today);
        if (problem) {
            errors.targetDate = problem;
        }
    }
    if (!form.anchorEvent.trim()) {
        errors.anchorEvent = "Enter the buyer's reason for the date: the event the plan works back from.";
    }
    if (!form.name.trim()) {
        errors.name = 'Name the plan.';
    } else if (form.name.length > 80) {
        errors.name = tooLongMessage(80);
    }
    return errors;
}

export interface CreatePlanRequest {
    plan: {
        name: string;
        sharedObjective: string | null;
        targetDate: string | null;
        anchorEvent: string | null;
        buyerLeadId: string | null;
        /** The template the plan is drafted from, recorded on it (milestone gates and reports read it). */
        templateName: string | null;
    };
    milestones: MilestoneInput[];
}

/**
 * What createPlan sends: the plan and one milestone per previewed step, linked to its predecessor by key (the
 * effective one: the step's own, or the step before it by order), owned by the buyer lead (buyer and joint steps)
 * and the current user (seller and joint steps), so the plan can be activated as soon as the owners are right.
 */
export function createRequest(workspace: Workspace, form: CreateForm, preview: PlanPreview): CreatePlanRequest {
    const template = findTemplate(workspace, form);
    const steps = new Map((template?.steps ?? []).map((step) => [step.key, step]));
    const scheduled = template && form.targetDate ? schedule(workspace, template, form.targetDate).milestones : [];
    const predecessors = new Map(scheduled.map((milestone) => [milestone.key, milestone.predecessorKey]));
    const buyerLeadId = form.buyerLeadId || null;
    const sellerId = workspace.currentUserId || null;
    return {
        plan: {
            name: form.name.trim(),
            sharedObjective: form.sharedObjective.trim() || null,
            targetDate: form.targetDate,
            anchorEvent: form.anchorEvent.trim() || null,
            buyerLeadId,
            templateName: template?.developerName ?? null
        },
        milestones: preview.rows.map((row, i) => ({
            key: row.key,
            id: null,
            name: truncate(row.title, 80),
            description: steps.get(row.key)?.description ?? null,
            phase: row.phase || null,
            side: row.side,
            buyerOwnerId: row.side !== 'Seller' ? buyerLeadId : null,
            sellerOwnerId: row.side !== 'Buyer' ? sellerId : null,
            dueDate: row.dueDate,
            status: OPEN,
            durationDays: row.durationDays,
            marksClose: row.marksClose,
            sortOrder: i + 1,
            dependsOnKey: predecessors.get(row.key) ?? null,
            templateStep: steps.get(row.key)?.developerName ?? null
        }))
    };
}

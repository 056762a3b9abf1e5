/**
 * The milestone list view, computed once per change and never per row: groups by phase with their rows, counts for
 * the filters, the projected close of the draft, and errors that belong to no visible row.
 */
import { reminderText } from './reminders';
import type { ReminderText } from './reminders';
import { formatNumber } from 'c/planHealth';
import { previewMove, projectedClose, pullInOffer } from './dateMove';
import type { MovePreview } from './dateMove';
import { effectiveMilestones } from './effectiveMilestones';
import type { EffectiveMilestone } from './effectiveMilestones';
import { plural } from './formatting';
import { changeCount, isDirty } from './milestoneDraft';
import type { Draft } from './milestoneDraft';
import { rowView } from './milestoneRow';
import type { RowView } from './milestoneRow';
import { involvesBuyer, isOpen, isOverdue } from './milestoneStatus';
import { groupByPhase } from './phaseGroups';
import { planSizeWarning } from './planSize';
import type { PlanSizeWarning } from './planSize';
import { PLAN_KEY } from './saveErrors';
import type { SaveErrors } from './saveErrors';
import type { Filter, UiState } from './uiState';
import type { DateChangeInfo, Workspace } from './workspaceTypes';

export interface GroupView {
    key: string;
    label: string;
    headingId: string;
    summary: string;
    rows: RowView[];
}

export interface FilterView {
    value: Filter;
    label: string;
    variant: 'brand' | 'neutral';
    pressed: string;
}

export interface ListView {
    groups: GroupView[];
    totalCount: number;
    visibleCount: number;
    overdueCount: number;
    buyerOpenCount: number;
    unconfirmedCount: number;
    filters: FilterView[];
    isDirty: boolean;
    changeCount: number;
    changeLabel: string;
    /** Errors of records not shown (deleted or filtered out), to show at the top. */
    orphanErrors: string[];
    projectedCloseDate: string | null;
    projectionChanged: boolean;
    emptyMessage: string;
    /**
     * Said while the plan, unsaved new milestones counted and those marked for removal not, has more milestones than
     * the admin's limit, to a user who can add or remove milestones; null otherwise.
     */
    sizeWarning: PlanSizeWarning | null;
}

function matchesFilter(filter: Filter, milestone: EffectiveMilestone, overdue: boolean): boolean {
    switch (filter) {
        case 'overdue':
            return overdue;
        case 'buyer':
            return involvesBuyer(milestone.side) && isOpen(milestone.status);
        case 'open':
            return isOpen(milestone.status);
        default:
            return true;
    }
}

/** A row's view with what it was computed from (see buildListView): the same inputs give back the same view. */
interface KeptRow {
    inputs: readonly unknown[];
    view: RowView;
}

/** The row views of the last list view, by milestone key (see `listViewBuilder`). */
export type RowViewCache = Map<string, KeptRow>;

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
    if (a.length !== b.length) {
        return false;
    }
    for (let i = 0; i < a.length; i++) {
        if (a[i] !== b[i]) {
            return false;
        }
    }
    return true;
}

/**
 * buildListView with the row views of its last call kept: a row whose inputs are all the same objects and values as
 * last time is not computed again, so an edit computes the rows it touched, not the whole plan. The result is
 * always what buildListView computes from scratch.
 */
export function listViewBuilder(): (
    workspace: Workspace,
    draft: Draft,
    ui: UiState,
    errors: SaveErrors | null,
    locale?: string
) => ListView {
    const cache: RowViewCache = new Map();
    return (workspace, draft, ui, errors, locale) =>
        buildListView(workspace, draft, ui, errors, locale, new Date(workspace.now), cache);
}

/**
 * Everything the milestone list renders, in one pass: groups by phase with their rows, each row's flags (overdue,
 * buyer item, slipped, unsaved, in error), labels, classes and open panels; counts for the filters; errors that
 * belong to no visible row. Given a `cache` (see listViewBuilder), a row computed from the same inputs as in the
 * cache is taken from it, and the cache then holds this view's rows.
 */
export function buildListView(
    workspace: Workspace,
    draft: Draft,
    ui: UiState,
    errors: SaveErrors | null,
    locale?: string,
    now: Date = new Date(workspace.now),
    cache?: RowViewCache
): ListView {
    const effective = effectiveMilestones(workspace, draft);
    const reminders = new Map<string, ReminderText>();
    for (const saved of workspace.milestones) {
        const text = reminderText(saved.lastReminder, now, locale);
        if (text) reminders.set(saved.id, text);
    }
    const today = workspace.today;
    const permissions = workspace.permissions;
    const names = new Map(effective.map((m) => [m.key, m.name]));
    const dependentNames = new Map<string, string[]>();
    for (const milestone of effective) {
        if (!milestone.isDeleted && milestone.dependsOnId) {
            dependentNames.set(milestone.dependsOnId, [
                ...(dependentNames.get(milestone.dependsOnId) ?? []),
                milestone.name || 'Untitled milestone'
            ]);
        }
    }
    const people = new Map<string, string>();
    for (const person of [...workspace.buyerContacts, ...workspace.sellerUsers]) {
        people.set(person.id, person.name);
    }
    for (const milestone of workspace.milestones) {
        if (milestone.buyerOwnerId && milestone.buyerOwnerName)
            people.set(milestone.buyerOwnerId, milestone.buyerOwnerName);
        if (milestone.sellerOwnerId && milestone.sellerOwnerName)
            people.set(milestone.sellerOwnerId, milestone.sellerOwnerName);
    }
    const historyByMilestone = new Map<string, DateChangeInfo[]>();
    for (const change of workspace.dateChanges) {
        if (!change.milestoneId) continue;
        const list = historyByMilestone.get(change.milestoneId) ?? [];
        list.push(change);
        historyByMilestone.set(change.milestoneId, list);
    }
    const statusLabels = new Map(workspace.picklists.milestoneStatuses.map((o) => [o.value, o.label]));
    const sideLabels = new Map(workspace.picklists.sides.map((o) => [o.value, o.label]));
    const editing = new Set(ui.editing);
    const records = errors?.records ?? {};
    const planStatus = workspace.plan?.status;
    const criticalPath = new Set(workspace.plan?.criticalPathIds ?? []);
    const pullIn = ui.pullIn ? pullInOffer(effective, ui.pullIn.key, today, locale) : null;

    let move: MovePreview | null = null;
    if (ui.pendingMove && effective.some((m) => m.key === ui.pendingMove?.key && m.dueDate)) {
        move = previewMove(effective, ui.pendingMove.key, ui.pendingMove.to, {
            planStatus,
            opportunityCloseDate: workspace.opportunity.closeDate,
            locale
        });
    }

    const addedValues = new Map(draft.added.map((added) => [added.key, added.values]));
    const keptRows: RowViewCache = new Map();
    let overdueCount = 0;
    let buyerOpenCount = 0;
    let unconfirmedCount = 0;
    const visibleKeys = new Set<string>();
    const groups = groupByPhase(effective, workspace.picklists.phases);
    const groupViews: GroupView[] = [];
    groups.forEach((group, groupIndex) => {
        const rows: RowView[] = [];
        let complete = 0;
        group.milestones.forEach((milestone, index) => {
            const overdue = !milestone.isDeleted && isOverdue(milestone.dueDate, milestone.status, today);
            const open = isOpen(milestone.status);
            if (!milestone.isDeleted) {
                if (overdue) overdueCount++;
                if (open && involvesBuyer(milestone.side)) buyerOpenCount++;
                if (open && involvesBuyer(milestone.side) && !milestone.buyerConfirmed) unconfirmedCount++;
                if (milestone.status === 'Complete') complete++;
            }
            const record = records[milestone.key];
            const isMoving = move?.key === milestone.key;
            if (!matchesFilter(ui.filter, milestone, overdue) && !record && !isMoving && !editing.has(milestone.key)) {
                return;
            }
            visibleKeys.add(milestone.key);
            const dependents = dependentNames.get(milestone.key) ?? [];
            const rowPullIn = pullIn?.key === milestone.key ? pullIn : null;
            // Everything rowView reads, as values or as the objects they come from: the workspace stands for what
            // is derived from it alone (people, labels, history, reminders, permissions, critical path, today), and
            // the draft's own entry for this milestone for its values (setField keeps the others' entries).
            const inputs = cache
                ? [
                      workspace,
                      locale,
                      now.getTime(),
                      milestone.saved,
                      draft.changes[milestone.key] ?? null,
                      addedValues.get(milestone.key) ?? null,
                      milestone.isDeleted,
                      index,
                      group.milestones.length,
                      overdue,
                      editing.has(milestone.key),
                      ui.historyKey === milestone.key,
                      record ?? null,
                      // A preview or an offer is made anew by each call: the row showing one is computed again.
                      isMoving ? move : null,
                      rowPullIn,
                      dependents.join('\u0000'),
                      milestone.dependsOnId ? (names.get(milestone.dependsOnId) ?? null) : null,
                      // A row that may be in edit mode lists every milestone as what it can wait on.
                      editing.has(milestone.key) || milestone.isNew || record ? effective : null
                  ]
                : null;
            const kept = cache?.get(milestone.key);
            const view =
                kept && inputs && sameInputs(kept.inputs, inputs)
                    ? kept.view
                    : rowView(milestone, {
                          index,
                          count: group.milestones.length,
                          overdue,
                          today,
                          people,
                          names,
                          statusLabels,
                          sideLabels,
                          history: historyByMilestone.get(milestone.key) ?? [],
                          ui,
                          editing,
                          record,
                          move: isMoving ? move : null,
                          permissions,
                          dependents,
                          reminder: reminders.get(milestone.key) ?? null,
                          onCriticalPath: criticalPath.has(milestone.key),
                          pullIn: rowPullIn,
                          effective,
                          locale
                      });
            if (inputs) {
                keptRows.set(milestone.key, { inputs, view });
            }
            rows.push(view);
        });
        if (rows.length === 0) {
            return;
        }
        const live = group.milestones.filter((m) => !m.isDeleted).length;
        groupViews.push({
            key: `group-${group.phase ?? 'none'}`,
            label: group.label,
            headingId: `phase-heading-${groupIndex}`,
            summary: `${formatNumber(complete, locale)} of ${formatNumber(live, locale)} complete`,
            rows
        });
    });

    if (cache) {
        cache.clear();
        for (const [key, kept] of keptRows) cache.set(key, kept);
    }

    const orphanErrors: string[] = [];
    for (const [key, record] of Object.entries(records)) {
        if (key === PLAN_KEY || visibleKeys.has(key)) continue;
        const all = [...record.messages, ...Object.values(record.fieldErrors).flat()];
        const name = names.get(key);
        orphanErrors.push(...all.map((message) => (name ? `${name}: ${message}` : message)));
    }

    const live = effective.filter((m) => !m.isDeleted);
    const canResize = Boolean(permissions.canAddMilestones || permissions.canDeleteMilestones);
    const projected = projectedClose(live);
    const savedProjection = workspace.plan?.projectedCloseDate ?? null;
    const count = changeCount(draft);
    const visibleCount = groupViews.reduce((sum, g) => sum + g.rows.length, 0);
    const filters: FilterView[] = (
        [
            ['all', `All (${formatNumber(live.length, locale)})`],
            ['open', `Open (${formatNumber(live.filter((m) => isOpen(m.status)).length, locale)})`],
            ['overdue', `Overdue (${formatNumber(overdueCount, locale)})`],
            ['buyer', `Buyer & joint (${formatNumber(buyerOpenCount, locale)})`]
        ] as [Filter, string][]
    ).map(([value, label]) => ({
        value,
        label,
        variant: ui.filter === value ? 'brand' : 'neutral',
        pressed: String(ui.filter === value)
    }));
    return {
        groups: groupViews,
        totalCount: live.length,
        visibleCount,
        overdueCount,
        buyerOpenCount,
        unconfirmedCount,
        filters,
        isDirty: isDirty(draft),
        changeCount: count,
        changeLabel: count ? plural(count, 'unsaved change', undefined, locale) : 'Reordered, not saved yet',
        orphanErrors,
        projectedCloseDate: projected,
        projectionChanged: (projected ?? null) !== (savedProjection ?? null) && isDirty(draft),
        emptyMessage:
            live.length === 0
                ? 'This plan has no milestones yet. Add the first one.'
                : ui.filter === 'overdue'
                  ? 'Nothing is overdue.'
                  : ui.filter === 'buyer'
                    ? 'No open buyer items.'
                    : 'No open milestones.',
        sizeWarning: canResize ? planSizeWarning(live.length, workspace.planSizeLimit, locale) : null
    };
}

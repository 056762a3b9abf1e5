/**
 * The review's filters: their values and choices, one filter changing, how many are on, and reading them back from
 * a saved state.
 */
import { pick } from './values';

export type Scope = 'mine' | 'team' | 'all';
export type ClosePeriod = 'any' | 'overdue' | 'thisMonth' | 'nextMonth' | 'thisQuarter' | 'nextQuarter' | 'thisYear';
export type HealthFilter = '' | 'On Track' | 'At Risk' | 'Off Track' | 'No Active Plan';
/** The deals a summary tile counts, where no other filter selects them (PipelineQuery.PLAN_*). */
export type PlanFilter = '' | 'active' | 'accepted' | 'lapsed' | 'landsLate' | 'cannotLand';

export interface Filters {
    scope: Scope;
    /** A User Id, or '' for every owner in scope. */
    ownerId: string;
    /** An Opportunity stage API name, or '' for every open stage. */
    stageName: string;
    closePeriod: ClosePeriod;
    health: HealthFilter;
    plan: PlanFilter;
    gatedWithoutPlan: boolean;
}

export interface Option {
    value: string;
    label: string;
}

export const DEFAULT_FILTERS: Readonly<Filters> = Object.freeze({
    scope: 'team',
    ownerId: '',
    stageName: '',
    closePeriod: 'any',
    health: '',
    plan: '',
    gatedWithoutPlan: false
});

export const SCOPE_OPTIONS: readonly Option[] = [
    { value: 'mine', label: 'My opportunities' },
    { value: 'team', label: 'My team' },
    { value: 'all', label: 'All I can see' }
];

export const CLOSE_PERIOD_OPTIONS: readonly Option[] = [
    { value: 'any', label: 'Any close date' },
    { value: 'overdue', label: 'Past close date' },
    { value: 'thisMonth', label: 'This month' },
    { value: 'nextMonth', label: 'Next month' },
    { value: 'thisQuarter', label: 'This fiscal quarter' },
    { value: 'nextQuarter', label: 'Next fiscal quarter' },
    { value: 'thisYear', label: 'This fiscal year' }
];

export const HEALTH_OPTIONS: readonly Option[] = [
    { value: '', label: 'Any health' },
    { value: 'Off Track', label: 'Off Track' },
    { value: 'At Risk', label: 'At Risk' },
    { value: 'On Track', label: 'On Track' },
    { value: 'No Active Plan', label: 'No active plan' }
];

export const PLAN_OPTIONS: readonly Option[] = [
    { value: '', label: 'Any plan' },
    { value: 'active', label: 'Has an active plan' },
    { value: 'accepted', label: 'Buyer accepted the plan' },
    { value: 'lapsed', label: 'Buyer acceptance lapsed' },
    { value: 'landsLate', label: 'Plan lands after close date' },
    { value: 'cannotLand', label: 'Plan cannot land by close date' }
];

const PLANS = new Set<string>(PLAN_OPTIONS.map((option) => option.value));
const SCOPES = new Set<string>(SCOPE_OPTIONS.map((option) => option.value));
const CLOSE_PERIODS = new Set<string>(CLOSE_PERIOD_OPTIONS.map((option) => option.value));
const HEALTHS = new Set<string>(HEALTH_OPTIONS.map((option) => option.value));
const USER_ID = /^005[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;

/** Saved filters, field by field: anything missing, stale or tampered with falls back to its default. */
export function restoreFilters(filters: Record<string, unknown>): Filters {
    const ownerId = typeof filters.ownerId === 'string' && USER_ID.test(filters.ownerId) ? filters.ownerId : '';
    const stageName = typeof filters.stageName === 'string' && filters.stageName.length <= 255 ? filters.stageName : '';
    return {
        scope: pick<Scope>(filters.scope, SCOPES, DEFAULT_FILTERS.scope),
        ownerId,
        stageName,
        closePeriod: pick<ClosePeriod>(filters.closePeriod, CLOSE_PERIODS, DEFAULT_FILTERS.closePeriod),
        health: pick<HealthFilter>(filters.health, HEALTHS, DEFAULT_FILTERS.health),
        plan: pick<PlanFilter>(filters.plan, PLANS, DEFAULT_FILTERS.plan),
        gatedWithoutPlan: filters.gatedWithoutPlan === true
    };
}

/**
 * The filters after one of them changed. Changing the scope clears the owner, whose list depends on the scope.
 */
export function withFilter(filters: Filters, name: string, value: unknown): Filters {
    switch (name) {
        case 'scope': {
            const scope = pick<Scope>(value, SCOPES, filters.scope);
            return scope === filters.scope ? filters : { ...filters, scope, ownerId: '' };
        }
        case 'ownerId':
            return { ...filters, ownerId: typeof value === 'string' && USER_ID.test(value) ? value : '' };
        case 'stageName':
            return { ...filters, stageName: typeof value === 'string' ? value : '' };
        case 'closePeriod':
            return { ...filters, closePeriod: pick<ClosePeriod>(value, CLOSE_PERIODS, filters.closePeriod) };
        case 'health':
            return { ...filters, health: pick<HealthFilter>(value, HEALTHS, filters.health) };
        case 'plan':
            return { ...filters, plan: pick<PlanFilter>(value, PLANS, filters.plan) };
        case 'gatedWithoutPlan':
            return { ...filters, gatedWithoutPlan: value === true };
        default:
            return filters;
    }
}

/** How many filters narrow the review beyond its scope, for the "Clear filters" button. */
export function activeFilterCount(filters: Filters): number {
    return [
        filters.ownerId !== '',
        filters.stageName !== '',
        filters.closePeriod !== 'any',
        filters.health !== '',
        filters.plan !== '',
        filters.gatedWithoutPlan
    ].filter(Boolean).length;
}

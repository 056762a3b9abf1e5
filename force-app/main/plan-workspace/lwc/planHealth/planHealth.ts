/**
 * Health presentation for a mutual action plan: DOM-free, so every rule is tested in isolation.
 * The platform computes Health__c; this module only turns the plan's figures into what a user reads.
 */

export type PlanStatus = 'Draft' | 'Active' | 'Completed' | 'Cancelled';
export type PlanHealth = 'On Track' | 'At Risk' | 'Off Track' | 'Draft' | 'Completed' | 'Cancelled';

export interface HealthBadge {
    label: string;
    /** SLDS badge theme class. */
    themeClass: string;
    iconName: string;
    /** Sentence read by screen readers and shown as the badge's title. */
    description: string;
}

const BADGES: Record<PlanHealth, HealthBadge> = {
    'On Track': {
        label: 'On Track',
        themeClass: 'slds-badge slds-theme_success',
        iconName: 'utility:success',
        description: 'Plan health: on track'
    },
    'At Risk': {
        label: 'At Risk',
        themeClass: 'slds-badge slds-theme_warning',
        iconName: 'utility:warning',
        description: 'Plan health: at risk'
    },
    'Off Track': {
        label: 'Off Track',
        themeClass: 'slds-badge slds-theme_error',
        iconName: 'utility:error',
        description: 'Plan health: off track'
    },
    Draft: {
        label: 'Draft',
        themeClass: 'slds-badge',
        iconName: 'utility:edit',
        description: 'Plan is a draft: health is measured once it is active'
    },
    Completed: {
        label: 'Completed',
        themeClass: 'slds-badge slds-badge_inverse',
        iconName: 'utility:check',
        description: 'Plan completed'
    },
    Cancelled: {
        label: 'Cancelled',
        themeClass: 'slds-badge slds-badge_lightest',
        iconName: 'utility:close',
        description: 'Plan cancelled'
    }
};

const UNKNOWN_BADGE: HealthBadge = {
    label: 'Unknown',
    themeClass: 'slds-badge slds-badge_lightest',
    iconName: 'utility:question',
    description: 'Plan health is not available'
};

/** The badge for a health value as stored in Health__c; unknown or blank values never throw. */
export function healthBadge(health: string | null | undefined): HealthBadge {
    if (health && Object.prototype.hasOwnProperty.call(BADGES, health)) {
        return BADGES[health as PlanHealth];
    }
    return UNKNOWN_BADGE;
}

/** Whole-number percentage of done over total; 0 for an empty plan, never above 100. */
export function completionPercent(done: number | null | undefined, total: number | null | undefined): number {
    const all = Number(total) || 0;
    const finished = Number(done) || 0;
    if (all <= 0 || finished <= 0) {
        return 0;
    }
    return Math.min(100, Math.round((finished / all) * 100));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since the Unix epoch for an ISO date (yyyy-mm-dd), in UTC so time zones and DST never shift it. */
export function epochDay(isoDate: string): number {
    const match = ISO_DATE.exec(isoDate);
    if (!match) {
        throw new RangeError(`Not an ISO date (yyyy-mm-dd): ${isoDate}`);
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const utc = Date.UTC(year, month - 1, day);
    const check = new Date(utc);
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
        throw new RangeError(`Not a calendar date: ${isoDate}`);
    }
    return Math.round(utc / 86_400_000);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
    return epochDay(to) - epochDay(from);
}

export interface CloseDateComparison {
    /** Calendar days the projected close lands after the opportunity's close date (negative: before). */
    varianceDays: number | null;
    isLate: boolean;
    message: string;
}

function plural(count: number, unit: string): string {
    return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * Compares the plan's projected close date (the close milestone's due date) with the opportunity's CloseDate.
 * A plan with no close milestone, or an opportunity without a close date, has nothing to compare.
 */
export function compareCloseDates(
    projectedClose: string | null | undefined,
    opportunityClose: string | null | undefined
): CloseDateComparison {
    if (!projectedClose) {
        return {
            varianceDays: null,
            isLate: false,
            message: 'No milestone marks the close yet, so the plan has no projected close date.'
        };
    }
    if (!opportunityClose) {
        return { varianceDays: null, isLate: false, message: 'The opportunity has no close date to compare with.' };
    }
    const variance = daysBetween(opportunityClose, projectedClose);
    if (variance > 0) {
        return {
            varianceDays: variance,
            isLate: true,
            message: `The plan closes ${plural(variance, 'day')} after the opportunity's close date.`
        };
    }
    if (variance < 0) {
        return {
            varianceDays: variance,
            isLate: false,
            message: `The plan closes ${plural(-variance, 'day')} before the opportunity's close date.`
        };
    }
    return { varianceDays: 0, isLate: false, message: "The plan closes on the opportunity's close date." };
}

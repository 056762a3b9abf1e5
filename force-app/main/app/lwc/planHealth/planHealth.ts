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
    /**
     * The same sign as a text character, for a badge drawn without an icon component (the plan workspace's header,
     * where an icon component's styles cost its first render more than the rest of the header).
     */
    glyph: string;
    /** Sentence read by screen readers and shown as the badge's title. */
    description: string;
}

const BADGES: Record<PlanHealth, HealthBadge> = {
    'On Track': {
        label: 'On Track',
        themeClass: 'slds-badge slds-theme_success',
        iconName: 'utility:success',
        glyph: '\u2713',
        description: 'Plan health: on track'
    },
    'At Risk': {
        label: 'At Risk',
        themeClass: 'slds-badge slds-theme_warning',
        iconName: 'utility:warning',
        glyph: '!',
        description: 'Plan health: at risk'
    },
    'Off Track': {
        label: 'Off Track',
        themeClass: 'slds-badge slds-theme_error',
        iconName: 'utility:error',
        glyph: '\u2715',
        description: 'Plan health: off track'
    },
    Draft: {
        label: 'Draft',
        themeClass: 'slds-badge',
        iconName: 'utility:edit',
        glyph: '\u270E\uFE0E',
        description: 'Plan is a draft: health is measured once it is active'
    },
    Completed: {
        label: 'Completed',
        themeClass: 'slds-badge slds-badge_inverse',
        iconName: 'utility:check',
        glyph: '\u2713',
        description: 'Plan completed'
    },
    Cancelled: {
        label: 'Cancelled',
        themeClass: 'slds-badge slds-badge_lightest',
        iconName: 'utility:close',
        glyph: '\u2715',
        description: 'Plan cancelled'
    }
};

const UNKNOWN_BADGE: HealthBadge = {
    label: 'Unknown',
    themeClass: 'slds-badge slds-badge_lightest',
    iconName: 'utility:question',
    glyph: '?',
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

const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
const PERCENT_FORMATS = new Map<string, Intl.NumberFormat>();

function cached(
    formats: Map<string, Intl.NumberFormat>,
    locale: string | undefined,
    options: Intl.NumberFormatOptions
) {
    let format = formats.get(locale ?? '');
    if (!format) {
        format = new Intl.NumberFormat(locale, options);
        formats.set(locale ?? '', format);
    }
    return format;
}

/**
 * A number as the user reads it, digits grouped: "1,234" in en-US, "1.234" in de-DE. `locale` is the user's locale,
 * which a component imports from @salesforce/i18n/locale and passes down ("Access Internationalization
 * Properties", LWC Developer Guide); without one, the browser's. Formatters are cached per locale.
 */
export function formatNumber(value: number, locale?: string): string {
    return cached(NUMBER_FORMATS, locale, {}).format(value);
}

/** A whole percentage (0 to 100) as the user reads it: "63%" in en-US, "63 %" in de-DE. */
export function formatPercent(percent: number, locale?: string): string {
    return cached(PERCENT_FORMATS, locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** The value of `text`'s digits from `start` to `end`, or -1 when one of them is not a digit. */
function digits(text: string, start: number, end: number): number {
    let value = 0;
    for (let i = start; i < end; i++) {
        const digit = text.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) {
            return -1;
        }
        value = value * 10 + digit;
    }
    return value;
}

/**
 * Days since the Unix epoch for an ISO date (yyyy-mm-dd), in UTC so time zones and DST never shift it. Read digit by
 * digit: a 60-milestone plan reads hundreds of dates on every edit.
 */
export function epochDay(isoDate: string): number {
    const shaped = typeof isoDate === 'string' && isoDate.length === 10 && isoDate[4] === '-' && isoDate[7] === '-';
    const year = shaped ? digits(isoDate, 0, 4) : -1;
    const month = shaped ? digits(isoDate, 5, 7) : -1;
    const day = shaped ? digits(isoDate, 8, 10) : -1;
    if (year < 0 || month < 0 || day < 0) {
        throw new RangeError(`Not an ISO date (yyyy-mm-dd): ${isoDate}`);
    }
    const utc = Date.UTC(year, month - 1, day);
    // Days 1 to 28 of months 1 to 12 exist in every year Date.UTC reads as written (it maps 0 to 99 to 1900 on).
    if (year < 100 || month < 1 || month > 12 || day < 1 || day > 28) {
        const check = new Date(utc);
        if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
            throw new RangeError(`Not a calendar date: ${isoDate}`);
        }
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

/** "1 day", "1,234 days": the count in the user's `locale`, then the word for one or for many (one + "s"). */
export function plural(count: number, one: string, many = `${one}s`, locale?: string): string {
    return `${formatNumber(count, locale)} ${count === 1 ? one : many}`;
}

/**
 * Compares the plan's projected close date (the close milestone's due date) with the opportunity's CloseDate.
 * A plan with no close milestone, or an opportunity without a close date, has nothing to compare. `locale`: the
 * user's, for the number of days.
 */
export function compareCloseDates(
    projectedClose: string | null | undefined,
    opportunityClose: string | null | undefined,
    locale?: string
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
            message: `The plan closes ${plural(variance, 'day', undefined, locale)} after the opportunity's close date.`
        };
    }
    if (variance < 0) {
        return {
            varianceDays: variance,
            isLate: false,
            message: `The plan closes ${plural(-variance, 'day', undefined, locale)} before the opportunity's close date.`
        };
    }
    return { varianceDays: 0, isLate: false, message: "The plan closes on the opportunity's close date." };
}

export interface PlanSlip {
    /** Working days the close moved past the close first committed (Close_Slip_Days__c); null before a baseline. */
    workingDays: number | null;
    isSlipped: boolean;
    /** "The close has moved 3 working days since both sides committed to it."; blank without a baselined close. */
    message: string;
}

/**
 * The plan's slip as the workspace, the pipeline review and Health__c count it: how far the close moved, in working
 * days, so one slip that pushes several milestones counts once and only if it moves the close.
 */
export function planSlip(closeSlipDays: number | null | undefined, locale?: string): PlanSlip {
    if (closeSlipDays === null || closeSlipDays === undefined) {
        return { workingDays: null, isSlipped: false, message: '' };
    }
    if (closeSlipDays > 0) {
        return {
            workingDays: closeSlipDays,
            isSlipped: true,
            message: `The close has moved ${plural(closeSlipDays, 'working day', undefined, locale)} since both sides committed to it.`
        };
    }
    if (closeSlipDays < 0) {
        return {
            workingDays: closeSlipDays,
            isSlipped: false,
            message: `The close is ${plural(-closeSlipDays, 'working day', undefined, locale)} earlier than both sides committed to.`
        };
    }
    return { workingDays: 0, isSlipped: false, message: 'The close is where both sides committed to it.' };
}

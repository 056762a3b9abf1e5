/** Counts and shares as text in the user's locale. */
import { formatNumber, formatPercent } from 'c/planHealth';

/** "1 day", "3 days": the count in the user's `locale`, then the unit. */
export function plural(count: number, unit: string, locale: string | undefined): string {
    return `${formatNumber(count, locale)} ${unit}${count === 1 ? '' : 's'}`;
}

/** Whole-number share of part in whole, as text in the user's `locale`; a dash when there is nothing to share. */
export function share(part: number | null | undefined, whole: number | null | undefined, locale?: string): string {
    const total = Number(whole) || 0;
    if (total <= 0) {
        return '—';
    }
    return formatPercent(Math.round(((Number(part) || 0) / total) * 100), locale);
}

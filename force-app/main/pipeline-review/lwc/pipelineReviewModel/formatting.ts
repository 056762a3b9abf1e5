/** Counts and shares as text in the user's locale. */
import { formatPercent } from 'c/planHealth';

export { plural } from 'c/planHealth';

/** Whole-number share of part in whole, as text in the user's `locale`; a dash when there is nothing to share. */
export function share(part: number | null | undefined, whole: number | null | undefined, locale?: string): string {
    const total = Number(whole) || 0;
    if (total <= 0) {
        return '—';
    }
    return formatPercent(Math.round(((Number(part) || 0) / total) * 100), locale);
}

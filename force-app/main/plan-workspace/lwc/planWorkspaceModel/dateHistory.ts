/**
 * A milestone's date history (Milestone_Date_Change__c) as its row shows it: each move, how far it went in working
 * days, what pushed it, why, and who moved it when.
 */
import { daysBetween } from 'c/planHealth';
import { workingDaysBetween } from 'c/planScheduler';
import { formatDate, plural } from './formatting';
import type { DateChangeInfo } from './workspaceTypes';

export interface HistoryRow {
    id: string;
    summary: string;
    /** For a move pushed by another: 'Moved with “Legal redlines”'; blank for a move of its own. */
    cause: string;
    reason: string;
    note: string;
    byline: string;
}

/**
 * How far a recorded move went, in working days like Days_Moved__c and Slip_Days__c: counted from the dates when the
 * row has both (rows written before Days_Moved__c counted working days hold calendar days), else Days_Moved__c.
 */
function historyDirection(change: DateChangeInfo, locale?: string): string {
    const { previousDate, newDate } = change;
    let working = change.daysMoved ?? 0;
    if (previousDate && newDate) {
        working = workingDaysBetween(previousDate, newDate);
        const calendar = daysBetween(previousDate, newDate);
        if (working === 0 && calendar !== 0) {
            return `${calendar > 0 ? 'later' : 'earlier'}, over a weekend`;
        }
    }
    if (working === 0) {
        return 'no change';
    }
    return `${plural(Math.abs(working), 'working day', undefined, locale)} ${working > 0 ? 'later' : 'earlier'}`;
}

export function historyRows(changes: readonly DateChangeInfo[], locale?: string): HistoryRow[] {
    return changes.map((change) => {
        const direction = historyDirection(change, locale);
        const on = change.changedOn ? formatDate(change.changedOn.slice(0, 10), locale) : '';
        return {
            id: change.id,
            summary: `${formatDate(change.previousDate, locale)} → ${formatDate(change.newDate, locale)} (${direction})`,
            cause: change.causedById
                ? `Moved with “${change.causedByMilestoneName || 'a milestone since removed'}”`
                : '',
            reason: change.reason ?? 'No reason given',
            note: change.note ?? '',
            byline: [change.changedByName ? `by ${change.changedByName}` : '', on ? `on ${on}` : '']
                .filter(Boolean)
                .join(' ')
        };
    });
}

/**
 * The dependency graph checks shared by scheduling and re-projection: unique keys, predecessors that exist, no
 * cycles. Each rejects with a ScheduleError naming the steps or milestones at fault.
 */
import { ScheduleError } from './scheduleTypes';

export interface Noun {
    one: string;
    many: string;
    within: string;
}

export const STEP: Noun = { one: 'step', many: 'Template steps', within: 'this template' };
export const MILESTONE: Noun = { one: 'milestone', many: 'Milestones', within: 'this plan' };

function quoteAll(keys: readonly string[]): string {
    return keys.map((key) => `"${key}"`).join(', ');
}

/** Index of each key; rejects blank and duplicate keys. */
export function indexKeys(keys: readonly string[], noun: Noun): Map<string, number> {
    const index = new Map<string, number>();
    const duplicates = new Set<string>();
    keys.forEach((key, i) => {
        if (typeof key !== 'string' || key === '') {
            throw new ScheduleError('invalid-step', `Every ${noun.one} needs a key (position ${i + 1} has none).`, []);
        }
        if (index.has(key)) {
            duplicates.add(key);
        } else {
            index.set(key, i);
        }
    });
    if (duplicates.size > 0) {
        const list = [...duplicates];
        throw new ScheduleError(
            'duplicate-key',
            `${noun.many} must have unique keys; more than one ${noun.one} uses ${quoteAll(list)}.`,
            list
        );
    }
    return index;
}

/** Position of a named predecessor; rejects names that are not in the list. */
export function resolvePredecessor(
    key: string,
    predecessorKey: string,
    index: Map<string, number>,
    noun: Noun
): number {
    const position = index.get(predecessorKey);
    if (position === undefined) {
        throw new ScheduleError(
            'unknown-predecessor',
            `The ${noun.one} "${key}" depends on "${predecessorKey}", which is not a ${noun.one} of ${noun.within}.`,
            [key, predecessorKey]
        );
    }
    return position;
}

/**
 * Rejects predecessor cycles. Each node has at most one predecessor, so following predecessors from every node once
 * (marking nodes done) finds every cycle in linear time.
 */
export function rejectCycles(
    keys: readonly string[],
    predecessor: readonly number[],
    fromOrder: readonly boolean[],
    noun: Noun,
    name: (key: string) => string = (key) => key
): void {
    const state = new Array<number>(keys.length).fill(0); // 0 unseen, 1 on the current walk, 2 done
    for (let first = 0; first < keys.length; first++) {
        const walk: number[] = [];
        let node = first;
        while (node >= 0 && state[node] === 0) {
            state[node] = 1;
            walk.push(node);
            node = predecessor[node];
        }
        if (node >= 0 && state[node] === 1) {
            // The walk went successor → predecessor; reverse it into the order the work would happen in, and start
            // from the member that comes first in the list.
            const members = walk.slice(walk.indexOf(node)).reverse();
            const start = members.indexOf(Math.min(...members));
            const cycle = [...members.slice(start), ...members.slice(0, start)];
            const path = [...cycle, cycle[0]].map((i) => name(keys[i])).join(' → ');
            const byOrder = cycle
                .filter((i) => fromOrder[i])
                .map((i) => `"${name(keys[i])}" follows "${name(keys[predecessor[i]])}"`);
            const note = byOrder.length > 0 ? ` (by template order: ${byOrder.join(', ')})` : '';
            const names = cycle.map((i) => keys[i]);
            throw new ScheduleError(
                'cycle',
                `${noun.many} depend on each other in a cycle, so none of them can be scheduled: ${path}${note}. ` +
                    `Change the predecessor of one of ${quoteAll(names.map(name))}.`,
                names
            );
        }
        walk.forEach((i) => (state[i] = 2));
    }
}

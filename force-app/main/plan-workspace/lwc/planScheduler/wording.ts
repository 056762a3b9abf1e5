/** The words the scheduler's warnings and errors use for dates and milestones. */

/**
 * How messages name a date and a milestone for the user: dates in the user's locale, milestones by their title. By
 * default a message shows the ISO date and the key, which is what the tests read; a key can be a record Id.
 */
export interface Wording {
    date?: (iso: string) => string;
    name?: (key: string) => string;
}

/** The wording with its defaults filled in: the ISO date, the key. */
export function worded(wording: Wording | undefined): Required<Wording> {
    return { date: wording?.date ?? ((iso) => iso), name: wording?.name ?? ((key) => key) };
}

/** Reading values of unknown shape: what the browser's storage or a failed Apex call hands back. */

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A count the server sent, or 0 when it sent none (or something that is not a finite number). */
export function asCount(value: number | null | undefined): number {
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** `value` when it is one of `allowed`, else `fallback`. */
export function pick<T extends string>(value: unknown, allowed: Set<string>, fallback: T): T {
    return typeof value === 'string' && allowed.has(value) ? (value as T) : fallback;
}

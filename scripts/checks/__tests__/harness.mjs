// Builds throw-away projects for the checks' own tests: a clean base copied to a temp dir, then an overlay of
// deliberately broken files on top, so each broken fixture holds only what differs from its clean base.
import { cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures');

/** Copies `fixtures/<base>` and then `fixtures/<overlay>` (if given) into a new temp dir; returns its path. */
export function makeProject(base, overlay) {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-fixture-'));
    cpSync(join(FIXTURES, base), dir, { recursive: true });
    if (overlay) {
        const overlayDir = join(FIXTURES, overlay);
        if (!existsSync(overlayDir)) throw new Error(`fixture overlay ${overlay} does not exist`);
        cpSync(overlayDir, dir, { recursive: true, force: true });
    }
    return dir;
}

export function removeProject(dir) {
    rmSync(dir, { recursive: true, force: true });
}

/** Runs `check` on a fixture project and cleans up afterwards. */
export async function findingsFor(check, base, overlay) {
    const dir = makeProject(base, overlay);
    try {
        return await check(dir);
    } finally {
        removeProject(dir);
    }
}

/** One line per finding, as the CLI prints them: handy in assertion messages. */
export function describeFindings(findings) {
    return findings.map((f) => `${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`).join('\n') || '(no findings)';
}

// Builds a throwaway project from Apex sources (file name -> text) and loads it with the interpreter.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProgram } from '../../interpreter/index.mjs';

export function programOf(sources) {
    const root = mkdtempSync(join(tmpdir(), 'apex-interpreter-'));
    writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'src' }] }));
    mkdirSync(join(root, 'src', 'classes'), { recursive: true });
    for (const [name, text] of Object.entries(sources)) writeFileSync(join(root, 'src', 'classes', name), text);
    return loadProgram({ root });
}

/** Apex values as plain JS for assertions: Integer/Long/Decimal/Double as numbers, lists as arrays. */
export function plain(value) {
    if (value === null || value === undefined) return null;
    if (typeof value === 'bigint') return Number(value);
    if (Array.isArray(value?.items)) return value.items.map(plain);
    if (value?.unscaled !== undefined) return Number(value.unscaled) / 10 ** value.scale;
    if (value?.value !== undefined && typeof value.value === 'number') return value.value;
    if (value?.ordinal !== undefined) return value.name;
    return value;
}

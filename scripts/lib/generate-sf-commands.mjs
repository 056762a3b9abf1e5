#!/usr/bin/env node
// Regenerates scripts/lib/sf-commands.json: the commands and flags of the Salesforce CLI plugins the org
// scripts use, read from each plugin's published oclif manifest (fetched with `npm pack`, no install).
// The org-scripts check validates every `sf` call in scripts/org against it, since no org (and no `sf`)
// is available where the checks run. Run after upgrading the CLI the scripts are written for.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLUGINS = [
    '@salesforce/plugin-org',
    '@salesforce/plugin-deploy-retrieve',
    '@salesforce/plugin-apex',
    '@salesforce/plugin-packaging',
    '@salesforce/plugin-user',
    '@salesforce/plugin-data'
];

const dir = mkdtempSync(join(tmpdir(), 'sf-plugins-'));
const commands = {};
const versions = {};
try {
    for (const plugin of PLUGINS) {
        execFileSync('npm', ['pack', plugin, '--silent', '--pack-destination', dir], { stdio: 'ignore' });
    }
    for (const tarball of readdirSync(dir).filter((f) => f.endsWith('.tgz'))) {
        const manifest = JSON.parse(
            execFileSync('tar', ['-xzf', join(dir, tarball), 'package/oclif.manifest.json', '-O'], {
                maxBuffer: 64 * 1024 * 1024
            }).toString()
        );
        versions[tarball.replace(/\.tgz$/, '')] = manifest.version;
        for (const [id, command] of Object.entries(manifest.commands)) {
            const flags = {};
            for (const [name, flag] of Object.entries(command.flags ?? {})) {
                flags[name] = {
                    type: flag.type,
                    ...(flag.char ? { char: flag.char } : {}),
                    ...(flag.aliases?.length ? { aliases: flag.aliases } : {}),
                    ...(flag.options?.length ? { options: flag.options } : {}),
                    ...(flag.multiple ? { multiple: true } : {})
                };
            }
            commands[id.replace(/:/g, ' ')] = { flags };
        }
    }
} finally {
    rmSync(dir, { recursive: true, force: true });
}

const sorted = Object.fromEntries(Object.entries(commands).sort(([a], [b]) => a.localeCompare(b)));
const out = join(dirname(fileURLToPath(import.meta.url)), 'sf-commands.json');
writeFileSync(out, `${JSON.stringify({ plugins: Object.keys(versions).sort(), commands: sorted }, null, 1)}\n`);
console.log(`Wrote ${Object.keys(sorted).length} commands to ${out}`);

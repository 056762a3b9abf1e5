#!/usr/bin/env node
// Regenerates scripts/lib/sf-commands.json: the commands and flags of the Salesforce CLI plugins the org
// scripts use, read from each plugin's published oclif manifest (fetched with `npm pack`, no install).
// The org-scripts check validates every `sf` call in scripts/org against it, since no org (and no `sf`)
// is available where the checks run. Run after upgrading the CLI the scripts are written for.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// `node generate-sf-commands.mjs --same-versions` re-reads the plugin versions already recorded in
// sf-commands.json (to add fields without upgrading the CLI the scripts are written for).
const out = join(dirname(fileURLToPath(import.meta.url)), 'sf-commands.json');
const pinned = process.argv.includes('--same-versions')
    ? JSON.parse(readFileSync(out, 'utf8')).plugins.map((p) =>
          p.replace(/^salesforce-(plugin-.*)-(\d[\w.-]*)$/, '@salesforce/$1@$2')
      )
    : PLUGINS;

const dir = mkdtempSync(join(tmpdir(), 'sf-plugins-'));
const commands = {};
const versions = {};
try {
    for (const plugin of pinned) {
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
                    ...(flag.multiple ? { multiple: true } : {}),
                    // oclif flag relationships: flags that cannot be combined with this one, and flags it needs.
                    ...(flag.exclusive?.length ? { exclusive: flag.exclusive } : {}),
                    ...(flag.dependsOn?.length ? { dependsOn: flag.dependsOn } : {}),
                    ...(flag.exactlyOne?.length ? { exactlyOne: flag.exactlyOne } : {})
                };
            }
            commands[id.replace(/:/g, ' ')] = { flags };
        }
    }
} finally {
    rmSync(dir, { recursive: true, force: true });
}

const sorted = Object.fromEntries(Object.entries(commands).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(out, `${JSON.stringify({ plugins: Object.keys(versions).sort(), commands: sorted }, null, 1)}\n`);
console.log(`Wrote ${Object.keys(sorted).length} commands to ${out}`);

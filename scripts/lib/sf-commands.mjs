// The commands and flags of the Salesforce CLI this project pins (`@salesforce/cli` in package.json), read from
// the oclif manifests the installed CLI itself loads: the CLI's own `oclif.manifest.json` (its commands and those
// of its just-in-time plugins, which it installs on first use) and the manifest of every core plugin it lists
// under `oclif.plugins` (and their own `oclif.plugins`). Upgrading the CLI in package.json is all it takes to
// check the org scripts against the new commands: nothing to regenerate.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The directory of package `name` as Node would resolve it from `fromDir`: the nearest node_modules up the tree. */
function packageDir(name, fromDir) {
    for (let dir = fromDir; ; dir = dirname(dir)) {
        const candidate = join(dir, 'node_modules', name);
        if (existsSync(join(candidate, 'package.json'))) return candidate;
        if (dir === parse(dir).root) return null;
    }
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * The installed CLI's version, the version package.json pins, the plugins read (`name@version`), and every command
 * of the installed CLI by id, words separated by spaces (`project deploy start`), each with its
 * flags as the manifests give them (type, aliases, options, exclusive, dependsOn, exactlyOne...). Throws when the
 * CLI or one of its core plugins is not installed or has no manifest.
 */
export function loadSfCommands(projectDir = PROJECT) {
    const cli = packageDir('@salesforce/cli', projectDir);
    if (!cli) throw new Error('@salesforce/cli is not installed in node_modules: run npm install');
    const commands = {};
    const plugins = [];
    const seen = new Set();
    const visit = (dir) => {
        const pkg = readJson(join(dir, 'package.json'));
        if (seen.has(pkg.name)) return;
        seen.add(pkg.name);
        const manifestFile = join(dir, 'oclif.manifest.json');
        if (!existsSync(manifestFile)) throw new Error(`${pkg.name}@${pkg.version} has no oclif.manifest.json`);
        const manifest = readJson(manifestFile);
        plugins.push(`${pkg.name}@${pkg.version}`);
        for (const [id, command] of Object.entries(manifest.commands ?? {})) {
            commands[id.replace(/:/g, ' ')] ??= { plugin: command.pluginName ?? pkg.name, flags: command.flags ?? {} };
        }
        for (const name of pkg.oclif?.plugins ?? []) {
            const plugin = packageDir(name, dir);
            if (!plugin) throw new Error(`${name}, a plugin of ${pkg.name}, is not installed`);
            visit(plugin);
        }
    };
    visit(cli);
    const pinned = readJson(join(projectDir, 'package.json')).devDependencies?.['@salesforce/cli'];
    return { version: readJson(join(cli, 'package.json')).version, pinned, plugins, commands };
}

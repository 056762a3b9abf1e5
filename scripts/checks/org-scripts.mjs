// Check: the org scripts are correct by reading, since no org is available where checks run. Every script
// parses as bash; every `sf` call names a real command with real flags of the CLI the project pins (the oclif
// manifests of the installed @salesforce/cli and its plugins, scripts/lib/sf-commands.mjs), with allowed values;
// the files they pass exist; and the permission sets they assign are in the package. Flags that exclude or need
// each other (the manifests' exclusive / dependsOn / exactlyOne) are checked per call. A script that calls sf
// sources common.sh, which puts the project's own sf (and Node) first on PATH, so no global CLI is involved.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walk, rel, sourceFiles } from '../lib/sfdx.mjs';
import { loadSfCommands } from '../lib/sf-commands.mjs';

const FILE_FLAGS = new Set(['definition-file', 'file', 'source-dir', 'manifest', 'plan']);

/** Joins backslash continuations so each command is one logical line, keeping the first line's number. */
function logicalLines(text) {
    const lines = [];
    let current = null;
    text.split('\n').forEach((line, index) => {
        const trimmed = line.replace(/\s+$/, '');
        const continues = trimmed.endsWith('\\');
        const body = continues ? trimmed.slice(0, -1) : trimmed;
        if (current) current.text += ` ${body.trim()}`;
        else current = { line: index + 1, text: body };
        if (!continues) {
            lines.push(current);
            current = null;
        }
    });
    return lines;
}

/** Splits a shell command into words: quotes kept together, $(...) and "${x[@]}" expansions kept as one word. */
function words(command) {
    return command.match(/"[^"]*"|'[^']*'|\$\([^)]*\)|[^\s]+/g) ?? [];
}

function checkSfCall(commands, root, file, line, argv, findings) {
    const path = [];
    let i = 0;
    // Walk as deep as the manifest has commands whose id starts with the words so far.
    while (i < argv.length && /^[a-z][a-z-]*$/.test(argv[i])) {
        const candidate = [...path, argv[i]].join(' ');
        if (!Object.keys(commands).some((id) => id === candidate || id.startsWith(`${candidate} `))) break;
        path.push(argv[i]);
        i++;
    }
    const id = path.join(' ');
    const command = commands[id];
    if (!command) {
        findings.push({ file, line, message: `unknown sf command: sf ${argv.slice(0, 4).join(' ')}` });
        return;
    }
    const byName = new Map();
    for (const [name, flag] of Object.entries(command.flags)) {
        byName.set(name, { name, ...flag });
        for (const alias of flag.aliases ?? []) byName.set(alias, { name, ...flag });
    }
    const given = new Set();
    let dynamic = false;
    for (; i < argv.length; i++) {
        const word = argv[i];
        if (word.startsWith('$(') || word.startsWith('"${') || word.startsWith('${')) {
            // A flag computed at run time ($(devhub_flag)) or an array of flags built by the script.
            dynamic = true;
            continue;
        }
        if (!word.startsWith('--')) continue;
        const [name, inlineValue] = word.slice(2).split(/=(.*)/s);
        const flag = byName.get(name);
        if (!flag) {
            findings.push({ file, line, message: `sf ${id}: unknown flag --${name}` });
            continue;
        }
        given.add(flag.name);
        if (flag.type === 'boolean') continue;
        const value = inlineValue ?? argv[++i];
        if (value === undefined || value.startsWith('--')) {
            findings.push({ file, line, message: `sf ${id}: --${name} needs a value` });
            continue;
        }
        const plain = value.replace(/^["']|["']$/g, '');
        if (flag.options && !plain.includes('$') && !flag.options.includes(plain)) {
            findings.push({
                file,
                line,
                message: `sf ${id}: --${name} ${plain} is not one of ${flag.options.join(', ')}`
            });
        }
        if (FILE_FLAGS.has(flag.name) && !plain.includes('$') && !existsSync(join(root, plain))) {
            findings.push({ file, line, message: `sf ${id}: --${name} ${plain} does not exist` });
        }
    }
    checkFlagRelations(id, command, given, dynamic, (message) => findings.push({ file, line, message }));
}

/**
 * The oclif flag relationships the CLI enforces before running a command (oclif, "Flags": `exclusive` flags
 * cannot be combined, a flag with `dependsOn` needs those flags, `exactlyOne` allows exactly one of a group). A
 * call with flags computed at run time may supply a needed flag, so only combinations are certain there.
 */
function checkFlagRelations(id, command, given, dynamic, report) {
    const reported = new Set();
    for (const name of given) {
        const flag = command.flags[name];
        for (const other of flag.exclusive ?? []) {
            const pair = [name, other].sort().join(' ');
            if (!given.has(other) || reported.has(pair)) continue;
            reported.add(pair);
            report(`sf ${id}: --${name} cannot be used with --${other}`);
        }
        const missing = (flag.dependsOn ?? []).filter((other) => !given.has(other));
        if (missing.length && !dynamic) {
            report(`sf ${id}: --${name} needs ${missing.map((m) => `--${m}`).join(' and ')}`);
        }
        const group = (flag.exactlyOne ?? []).filter((other) => given.has(other));
        const key = `one ${[...(flag.exactlyOne ?? [])].sort().join(' ')}`;
        if (group.length > 1 && !reported.has(key)) {
            reported.add(key);
            report(`sf ${id}: only one of ${flag.exactlyOne.map((m) => `--${m}`).join(', ')} may be given`);
        }
    }
}

export async function check(root) {
    const findings = [];
    const { commands, version, pinned } = loadSfCommands();
    if (!/^\d+\.\d+\.\d+$/.test(pinned ?? '')) {
        findings.push({
            file: 'package.json',
            message: `@salesforce/cli must be pinned to one version, not ${pinned}`
        });
    } else if (pinned !== version) {
        findings.push({
            file: 'package.json',
            message: `@salesforce/cli ${pinned} is pinned but node_modules has ${version}: run npm install`
        });
    }
    const scripts = walk(join(root, 'scripts', 'org'), (f) => f.endsWith('.sh'));
    const permissionSets = new Set(
        sourceFiles(root, '.permissionset-meta.xml').map((f) =>
            f.split('/').pop().replace('.permissionset-meta.xml', '')
        )
    );
    for (const script of scripts) {
        const file = rel(root, script);
        const syntax = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
        if (syntax.status !== 0) {
            findings.push({ file, message: `bash syntax: ${syntax.stderr.trim()}` });
            continue;
        }
        const text = readFileSync(script, 'utf8');
        const sourcesCommon = /^\s*(source|\.)\s+.*common\.sh/m.test(text);
        let firstSf = null;
        for (const { line, text: command } of logicalLines(text)) {
            const argv = words(command.replace(/^\s+/, ''));
            if (argv[0] === 'sf') {
                firstSf ??= line;
                checkSfCall(commands, root, file, line, argv.slice(1), findings);
            }
            for (const match of command.matchAll(/--name\s+"?([A-Za-z_]\w*)"?/g)) {
                if (/^Tandem_/.test(match[1]) && !permissionSets.has(match[1])) {
                    findings.push({ file, line, message: `permission set ${match[1]} is not in the package` });
                }
            }
        }
        if (firstSf && !sourcesCommon && !script.endsWith('/common.sh')) {
            findings.push({
                file,
                line: firstSf,
                message: `calls sf without sourcing common.sh, so it runs whatever sf is on PATH, not the project's own`
            });
        }
        const listed = /PERMISSION_SETS=\(([^)]*)\)/.exec(text);
        for (const name of listed ? listed[1].trim().split(/\s+/) : []) {
            if (!permissionSets.has(name)) {
                findings.push({ file, message: `permission set ${name} is not in the package` });
            }
        }
    }
    if (scripts.length === 0) findings.push({ file: 'scripts/org', message: 'no org scripts found' });
    const common = scripts.find((script) => script.endsWith('/common.sh'));
    if (common && !/^\s*export PATH="\$ROOT\/node_modules\/\.bin:\$PATH"/m.test(readFileSync(common, 'utf8'))) {
        findings.push({
            file: rel(root, common),
            message: "does not put the project's node_modules/.bin (its sf and Node) first on PATH"
        });
    }
    return findings;
}

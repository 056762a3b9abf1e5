// The Java tools behind the Apex checks: the jars bundled with @salesforce/code-analyzer-pmd-engine (Apex language
// server, PMD, standard SObject types) and a way to run them. Jars are resolved from this repository's node_modules,
// never from the project being checked, so fixtures in temp dirs use the same tools.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readdirSync } from 'node:fs';
import { execFile } from 'node:child_process';

const require = createRequire(import.meta.url);

/** Folder holding the PMD engine's jars. */
export const JAVA_LIB = join(
    dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json')),
    'dist',
    'java-lib'
);

/** Classpath of every bundled jar (the JVM expands the trailing `*`). */
export const CLASSPATH = join(JAVA_LIB, '*');

/** Path of the bundled jar whose file name starts with `prefix`, e.g. 'sobject-types-'. */
export function bundledJar(prefix) {
    const name = readdirSync(JAVA_LIB).find((file) => file.startsWith(prefix) && file.endsWith('.jar'));
    if (!name) throw new Error(`no ${prefix}*.jar in ${JAVA_LIB}`);
    return join(JAVA_LIB, name);
}

/**
 * Runs a command and resolves to { code, stdout, stderr } whatever its exit code: callers decide which codes mean
 * "found issues" and which mean "the tool failed". Rejects only when the command cannot start (e.g. no JDK).
 */
export function run(command, args, options = {}) {
    return new Promise((resolve, reject) => {
        execFile(command, args, { maxBuffer: 64 * 1024 * 1024, ...options }, (error, stdout, stderr) => {
            if (error && typeof error.code !== 'number') {
                const hint =
                    error.code === 'ENOENT' ? ` (is ${command} installed? CI installs openjdk-17-jdk-headless)` : '';
                reject(new Error(`could not run ${command}: ${error.message}${hint}`));
                return;
            }
            resolve({ code: error ? error.code : 0, stdout, stderr });
        });
    });
}

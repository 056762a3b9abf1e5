// Runs Apex test classes on the offline runtime the way the platform runs them ("Understanding Testing in Apex"):
// each test method is its own transaction on its own data, starting from what the class's @TestSetup methods made
// ("Using the @TestSetup Annotation": records created there are rolled back after each method and restored for
// the next), with org data invisible except setup data, which the fresh embedded org provides by construction.
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ApexCompileError, ApexThrow, UnsupportedError } from './interpreter/errors.mjs';
import { createApexSession, loadPackageProgram } from './session.mjs';

/** The package directories of the project and what the packaged ones give their tests. */
export function readProject(root) {
    const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
    const directories = project.packageDirectories ?? [];
    return {
        directories: directories.map((entry) => resolve(root, entry.path)),
        packaged: directories.filter((entry) => entry.package).map((entry) => resolve(root, entry.path)),
        // "Manage Apex Access for Package Version Creation Tests": permission sets assigned to the user the
        // package version build runs the tests as.
        testAccess: directories.flatMap((entry) => entry.apexTestAccess?.permissionSets ?? [])
    };
}

/** The user every test starts as: a System Administrator (the org's bootstrap profile) with apexTestAccess. */
function testUser(project) {
    return {
        FirstName: 'Apex',
        LastName: 'Test Runner',
        Username: 'apex.test.runner@tandem.test',
        Email: 'apex.test.runner@tandem.test',
        permissionSets: project.testAccess
    };
}

const selected = (only, className, methodName) =>
    only.length === 0 ||
    only.some((name) => {
        const [cls, method] = name.split('.');
        return (
            cls.toLowerCase() === className.toLowerCase() &&
            (!method || method.toLowerCase() === methodName.toLowerCase())
        );
    });

/** What a failure says: the Apex exception's type and message, where it was thrown, the Apex stack. */
export function describeFailure(error, root) {
    if (error instanceof ApexThrow) {
        const frames = error.apexStack ?? [];
        const top = frames[0];
        return {
            message: `${error.typeName ?? 'Exception'}: ${error.apexMessage ?? error.message}`,
            where: top
                ? `${top.file ? relative(root, top.file).split(sep).pop() : top.className}:${top.line}`
                : undefined,
            stack: frames.map((frame) => `${frame.className}.${frame.method}: line ${frame.line}`)
        };
    }
    if (error instanceof UnsupportedError) {
        return {
            message: `not supported by the offline runtime: ${error.construct}`,
            where: error.file ? `${relative(root, error.file).split(sep).pop()}:${error.line}` : undefined,
            stack: []
        };
    }
    if (error instanceof ApexCompileError) {
        // What the platform's compiler would have refused (a field that is not writeable, an unknown variable):
        // found here only when the code runs.
        return {
            message: `compile error: ${error.message.replace(/^[^:]*:\d+: /, '')}`,
            where: error.file ? `${relative(root, error.file).split(sep).pop()}:${error.line}` : undefined,
            stack: []
        };
    }
    // Anything else is a defect of the runtime itself: say so, with its JavaScript stack.
    return {
        message: `runtime error: ${error?.message ?? error}`,
        stack: String(error?.stack ?? '')
            .split('\n')
            .slice(1, 6)
            .map((line) => line.trim())
    };
}

/**
 * Runs the project's Apex tests. `only`: class names or Class.method to run (default all). `onResult(result)` is
 * called as each method ends. `customMetadata`: { 'Type__mdt.Record': { Field__c: value } } as the subscriber's admin
 * set them (the org the tests run in); default the shipped records. `today`: the org's date ('YYYY-MM-DD', default the
 * machine's UTC date), to run the tests as of another day: a test must pass whatever day it runs, and Apex cannot set
 * the date a test sees. `timeOfDay`: the UTC time of day ('HH:MM:SS') each test's System.now() starts from (default
 * the machine's), for the same reason. Returns { results: [{ name, ok, message?, where?, stack?, ms }], coverage }.
 */
export function runApexTests({ root, only = [], onResult = () => {}, customMetadata = {}, today, timeOfDay }) {
    const project = readProject(root);
    const program = loadPackageProgram(root);
    program.resetCoverage();
    const results = [];
    const user = testUser(project);
    const record = (result) => {
        results.push(result);
        onResult(result);
    };

    const classes = [...program.testClasses()].sort((a, b) => a.name.localeCompare(b.name));
    for (const testClass of classes) {
        const tests = testClass.tests.filter((test) => selected(only, testClass.name, test.name));
        if (!tests.length) continue;
        let snapshot = null;
        let setupFailure = null;
        // What the subscriber's admin configured (custom metadata edited in Setup) is in every fresh org; a
        // @TestSetup snapshot carries it on.
        if (testClass.setup.length) {
            const session = createApexSession(program, {
                root,
                today,
                timeOfDay,
                users: [{ ...user }],
                customMetadata
            });
            try {
                session.transaction(
                    session.org.currentUserId,
                    (rt) => {
                        for (const method of testClass.setup) rt.callStatic(testClass.name, method, []);
                    },
                    { isTest: true }
                );
                snapshot = session.org.snapshot();
            } catch (error) {
                setupFailure = describeFailure(error, root);
            }
        }
        for (const test of tests) {
            const name = `${testClass.name}.${test.name}`;
            const started = Date.now();
            if (setupFailure) {
                record({
                    name,
                    ok: false,
                    ...setupFailure,
                    message: `@TestSetup failed: ${setupFailure.message}`,
                    ms: 0
                });
                continue;
            }
            try {
                const session = createApexSession(
                    program,
                    snapshot
                        ? { root, today, timeOfDay, from: snapshot }
                        : { root, today, timeOfDay, users: [{ ...user }], customMetadata }
                );
                session.transaction(session.org.currentUserId, (rt) => rt.callStatic(testClass.name, test.name, []), {
                    isTest: true
                });
                record({ name, ok: true, ms: Date.now() - started });
            } catch (error) {
                record({ name, ok: false, ...describeFailure(error, root), ms: Date.now() - started });
            }
        }
    }
    return { results, coverage: packagedCoverage(program, project) };
}

/**
 * Coverage as the platform counts it ("Code Coverage Best Practices"): executed over executable lines of the
 * non-test classes and triggers, here of the packaged directories only (what a package version build measures).
 */
export function packagedCoverage(program, project) {
    const testFiles = new Set(program.testClasses().map((testClass) => testClass.file));
    const inPackage = (file) => project.packaged.some((dir) => file.startsWith(dir + sep));
    const files = [];
    for (const [file, { executable, covered }] of Object.entries(program.coverage())) {
        if (!inPackage(file) || testFiles.has(file)) continue;
        const hit = [...executable].filter((line) => covered.has(line)).length;
        files.push({
            file,
            covered: hit,
            total: executable.size,
            uncovered: [...executable].filter((l) => !covered.has(l))
        });
    }
    files.sort((a, b) => a.file.localeCompare(b.file));
    const covered = files.reduce((sum, file) => sum + file.covered, 0);
    const total = files.reduce((sum, file) => sum + file.total, 0);
    return { files, covered, total, percent: total ? (100 * covered) / total : 0 };
}

/** The per-class table printed by --coverage. */
export function formatCoverageTable(coverage, root) {
    const rows = coverage.files.map((file) => [
        relative(root, file.file).split(sep).pop(),
        `${file.total ? ((100 * file.covered) / file.total).toFixed(1) : '100.0'}%`,
        `${file.covered}/${file.total}`
    ]);
    const width = Math.max(10, ...rows.map((row) => row[0].length));
    return [
        `${'class or trigger'.padEnd(width)}  coverage   lines`,
        ...rows.map(([name, percent, lines]) => `${name.padEnd(width)}  ${percent.padStart(8)}  ${lines}`)
    ].join('\n');
}

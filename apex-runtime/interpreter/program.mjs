// A parsed Apex program: every class and trigger of the project's package directories, linked into class models,
// with line coverage per file. Parsed once per process and root; each transaction() gets fresh static state.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertAnonymous, convertCompilationUnit, convertTrigger } from './ast-declarations.mjs';
import { ApexCompileError } from './errors.mjs';
import { builtinExceptions } from './exceptions.mjs';
import { ClassModel } from './model.mjs';
import { findClass } from './names.mjs';
import { nativeClass } from './natives.mjs';
import { parseApex } from './parse.mjs';
import { Runtime } from './runtime.mjs';

const PLATFORM_APEX = fileURLToPath(new URL('../platform/apex/', import.meta.url));

function sourceFiles(dir) {
    const found = [];
    for (const name of readdirSync(dir).sort()) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
        else if (name.endsWith('.cls') || name.endsWith('.trigger')) found.push(path);
    }
    return found;
}

/** Member declarations of trigger and anonymous blocks behave as static members of their block. */
function blockClass(name, file, members) {
    for (const member of members)
        if (member.kind === 'method' || member.kind === 'field') member.modifiers.add('static');
    return new ClassModel({ kind: 'block', name, file, line: 1, members, modifiers: new Set() });
}

export class Program {
    constructor({ root, directories, namespace }) {
        this.root = root;
        this.directories = directories;
        this.namespace = namespace ? namespace.toLowerCase() : null;
        this.classes = builtinExceptions();
        this.triggers = new Map();
        this.files = new Map(); // file -> { executable: Set<line>, covered: Set<line> }
        this.anonymousUnits = new Map();
        this.nativeExceptions = new Map();
    }

    load() {
        const userClasses = [];
        // The platform's namespaces that are plain Apex data classes (Metadata: ../platform/apex/*.cls) load first,
        // as classes of the org that count for no coverage and hold no tests.
        for (const file of sourceFiles(PLATFORM_APEX)) {
            const cls = new ClassModel(
                convertCompilationUnit(parseApex(readFileSync(file, 'utf8'), 'compilationUnit', file), file, {
                    executable: new Set(),
                    covered: new Set()
                })
            );
            cls.platform = true;
            this.classes.set(cls.lname, cls);
            userClasses.push(cls);
        }
        for (const dir of this.directories) {
            for (const file of sourceFiles(dir)) {
                const cov = { executable: new Set(), covered: new Set() };
                this.files.set(file, cov);
                const source = readFileSync(file, 'utf8');
                if (file.endsWith('.trigger')) {
                    const decl = convertTrigger(parseApex(source, 'triggerUnit', file), file, cov);
                    const trigger = { ...decl, cls: blockClass(decl.name, file, decl.members) };
                    this.triggers.set(decl.name.toLowerCase(), trigger);
                    userClasses.push(trigger.cls);
                } else {
                    const cls = new ClassModel(
                        convertCompilationUnit(parseApex(source, 'compilationUnit', file), file, cov)
                    );
                    if (this.classes.has(cls.lname))
                        throw new ApexCompileError(`Duplicate class ${cls.name}`, file, cls.line);
                    this.classes.set(cls.lname, cls);
                    userClasses.push(cls);
                }
            }
        }
        for (const cls of userClasses) this.link(cls);
        return this;
    }

    /** Resolves extends / implements of a class and its inner classes. */
    link(cls) {
        const from = cls.outer ?? cls;
        if (cls.superType) {
            const superclass = findClass(this, cls.superType.name, from);
            if (!superclass) throw new ApexCompileError(`Invalid type: ${cls.superType.name}`, cls.file, cls.line);
            if (!superclass.isVirtual && !superclass.builtin && !superclass.isInterface) {
                throw new ApexCompileError(
                    `Non-virtual and non-abstract type cannot be extended: ${superclass.name}`,
                    cls.file,
                    cls.line
                );
            }
            if (cls.isInterface) cls.interfaces.push(superclass);
            else cls.superclass = superclass;
        }
        for (const type of cls.interfaceTypes) {
            const iface = findClass(this, type.name, from);
            // Interfaces of the platform (Comparable, Database.Batchable, Schedulable...) are known by name.
            if (iface) cls.interfaces.push(iface);
            else cls.nativeInterfaces.add(type.name.toLowerCase().replace(/^system\./, ''));
        }
        for (const inner of cls.inner.values()) this.link(inner);
    }

    /** A class model for an exception class defined natively (defineNative with extends). */
    nativeException(native) {
        const key = native.name.toLowerCase();
        if (!this.nativeExceptions.has(key)) {
            const cls = new ClassModel(
                { kind: 'class', name: native.name, members: [], modifiers: new Set(['virtual']) },
                null,
                {
                    typeName: `${native.namespace}.${native.name}`,
                    builtin: true
                }
            );
            cls.superclass = findClass(this, native.extends, null) ?? this.classes.get('exception');
            this.nativeExceptions.set(key, cls);
        }
        return this.nativeExceptions.get(key);
    }

    /** Parsed anonymous Apex, cached by its text; its lines do not count for coverage. */
    anonymous(code) {
        let unit = this.anonymousUnits.get(code);
        if (!unit) {
            const cov = { executable: new Set(), covered: new Set() };
            const { members, body } = convertAnonymous(
                parseApex(code, 'anonymousUnit', '<anonymous>'),
                '<anonymous>',
                cov
            );
            const cls = blockClass('AnonymousBlock', '<anonymous>', members);
            for (const inner of cls.inner.values()) this.link(inner);
            unit = { cls, body };
            if (this.anonymousUnits.size > 500) this.anonymousUnits.clear();
            this.anonymousUnits.set(code, unit);
        }
        return unit;
    }

    /** One Apex transaction: fresh static state and limits. */
    transaction({ org = null, userId = null, isTest = false, async = false } = {}) {
        return new Runtime(this, { org, userId, isTest, async });
    }

    /** { [file]: { executable: Set<line>, covered: Set<line> } } for every class and trigger. */
    coverage() {
        const result = {};
        for (const [file, cov] of this.files) {
            result[file] = {
                executable: new Set(cov.executable),
                covered: new Set([...cov.covered].filter((l) => cov.executable.has(l)))
            };
        }
        return result;
    }

    resetCoverage() {
        for (const cov of this.files.values()) cov.covered.clear();
    }

    /** @IsTest classes with their @TestSetup and test methods (@IsTest or the testMethod keyword). */
    testClasses() {
        const result = [];
        for (const cls of this.classes.values()) {
            if (cls.builtin || cls.platform || !cls.hasAnnotation('IsTest')) continue;
            const methods = [...cls.methods.values()].flat().sort((a, b) => a.line - b.line);
            result.push({
                name: cls.name,
                file: cls.file,
                setup: methods.filter((m) => m.hasAnnotation('TestSetup')).map((m) => m.name),
                tests: methods
                    .filter(
                        (m) =>
                            !m.hasAnnotation('TestSetup') &&
                            (m.hasAnnotation('IsTest') || m.modifiers.has('testmethod'))
                    )
                    .map((m) => ({ name: m.name, line: m.line }))
            });
        }
        return result;
    }

    /** The user class model by name (for other parts), or undefined. */
    classNamed(name) {
        return findClass(this, name, null);
    }

    static nativeClass(name) {
        return nativeClass(name);
    }
}

const programs = new Map();

/**
 * Parses the Apex of `root` once per process: `directories` (relative to root) or sfdx-project.json's
 * packageDirectories.
 */
export function loadProgram({ root, directories } = {}) {
    const absoluteRoot = resolve(root);
    // Given directories need no project file (the runtime's own fixtures); without them it names the directories.
    const projectFile = join(absoluteRoot, 'sfdx-project.json');
    const project =
        directories && !existsSync(projectFile)
            ? { packageDirectories: [], namespace: null }
            : JSON.parse(readFileSync(projectFile, 'utf8'));
    const dirs = (directories ?? project.packageDirectories.map((entry) => entry.path)).map((dir) =>
        resolve(absoluteRoot, dir)
    );
    const key = `${absoluteRoot}\n${dirs.join('\n')}`;
    if (!programs.has(key))
        programs.set(key, new Program({ root: absoluteRoot, directories: dirs, namespace: project.namespace }).load());
    return programs.get(key);
}

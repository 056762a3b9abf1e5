// Converts the project's source to the Metadata API format (what `sf project deploy` and package versions
// send) and inspects the result, so a source file that would ship is caught before any org sees it.
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { packagedDirs, walk, rel } from './sfdx.mjs';

/** Files that must never reach an org: TypeScript sources, tests, mocks, tooling configs. */
const FORBIDDEN = [
    { test: /(^|\/)__tests__\//, why: 'Jest test' },
    { test: /(^|\/)__mocks__\//, why: 'Jest mock' },
    { test: /\.test\.js$/, why: 'Jest test' },
    { test: /\.ts$/, why: 'TypeScript source (only the compiled .js is deployed)' },
    { test: /(^|\/)(tsconfig[^/]*|jsconfig)\.json$/, why: 'TypeScript configuration' },
    { test: /(^|\/)(\.eslintrc[^/]*|eslint\.config\.[cm]?js)$/, why: 'lint configuration' },
    // customMetadata/Type.Record.md is how the Metadata API names custom metadata records: not documentation.
    { test: /^(?!customMetadata\/).*\.md$/, why: 'documentation' },
    { test: /\.map$/, why: 'source map' }
];

/**
 * Converts the packaged directories into `outputDirectory` (Metadata API format, package.xml included): what a
 * package version holds. Development-only directories (demo data) are left out.
 */
export async function convertToMetadataFormat(root, outputDirectory) {
    const components = ComponentSet.fromSource({ fsPaths: packagedDirs(root) });
    const converter = new MetadataConverter();
    const result = await converter.convert(components, 'metadata', {
        type: 'directory',
        outputDirectory,
        packageName: undefined,
        genUniqueDir: false
    });
    return { packagePath: result.packagePath ?? outputDirectory, components };
}

/**
 * Findings for a converted package: forbidden files, and LWC bundles whose TypeScript was not compiled
 * (a bundle with a .ts but no .js would deploy broken or not at all).
 */
export function inspectPackage(root, packagePath) {
    const findings = [];
    const files = walk(packagePath).map((file) => rel(packagePath, file));
    for (const file of files) {
        const rule = FORBIDDEN.find((candidate) => candidate.test.test(file));
        if (rule) {
            findings.push({ file, message: `${rule.why} would be deployed: ${file} (add it to .forceignore)` });
        }
    }
    if (!files.includes('package.xml')) {
        findings.push({ file: 'package.xml', message: 'the converted package has no package.xml' });
    }
    for (const dir of packagedDirs(root)) {
        for (const source of walk(dir, (file) => /\/lwc\/([^/]+)\/\1\.ts$/.test(file))) {
            const compiled = source.replace(/\.ts$/, '.js');
            if (!existsSync(compiled)) {
                findings.push({
                    file: rel(root, source),
                    message: `component ${rel(root, source)} has no compiled .js beside it: run npm run build`
                });
            }
        }
    }
    return findings;
}

const require = createRequire(import.meta.url);

/**
 * Runs every deployed LWC module (.js) and template (.html) through the LWC compiler the platform uses, so
 * syntax the platform rejects (bad template expressions, unsupported decorators) is caught here.
 */
export function compileComponents(packagePath) {
    const { transformSync } = require('@lwc/compiler');
    const findings = [];
    for (const file of walk(join(packagePath, 'lwc'), (f) => /\.(js|html)$/.test(f))) {
        const [, name] = /\/lwc\/([^/]+)\//.exec(file) ?? [];
        try {
            const result = transformSync(readFileSync(file, 'utf8'), file, { namespace: 'c', name });
            for (const warning of result.warnings ?? []) {
                if (warning.level <= 1) {
                    findings.push({ file: rel(packagePath, file), message: `LWC compiler: ${warning.message}` });
                }
            }
        } catch (error) {
            findings.push({ file: rel(packagePath, file), message: `LWC compiler: ${error.message.split('\n')[0]}` });
        }
    }
    return findings;
}

/** Converts to a temp directory, inspects, cleans up. */
export async function checkPackageContents(root) {
    const out = mkdtempSync(join(tmpdir(), 'tandem-package-'));
    try {
        const { packagePath } = await convertToMetadataFormat(root, out);
        return [...inspectPackage(root, packagePath), ...compileComponents(packagePath)];
    } finally {
        rmSync(out, { recursive: true, force: true });
    }
}

export function readPackageXml(packagePath) {
    return readFileSync(join(packagePath, 'package.xml'), 'utf8');
}

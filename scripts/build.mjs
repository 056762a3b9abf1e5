#!/usr/bin/env node
// npm run build: compiles the TypeScript components to .js beside their sources, then converts the package
// to the Metadata API format in dist/package (package.xml included) and proves nothing but deployable
// metadata is in it.
import { execFileSync } from 'node:child_process';
import { rmSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileComponents, convertToMetadataFormat, inspectPackage } from './lib/package-build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'package');

execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit'
});
rmSync(out, { recursive: true, force: true });
let converted;
try {
    converted = await convertToMetadataFormat(root, out);
} catch (error) {
    // Source-deploy-retrieve names the file it could not resolve; its stack trace adds nothing.
    console.error(`Cannot convert the package: ${error.message}`);
    process.exit(1);
}
const { packagePath, components } = converted;
const findings = [...inspectPackage(root, packagePath), ...compileComponents(packagePath)];
for (const f of findings) console.error(`${f.file}: ${f.message}`);
if (findings.length > 0) process.exit(1);

const types = new Map();
for (const component of components) types.set(component.type.name, (types.get(component.type.name) ?? 0) + 1);
const summary = [...types].sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `${type} ${n}`);
console.log(`Built ${packagePath} (${readdirSync(packagePath).length} entries): ${summary.join(', ')}`);

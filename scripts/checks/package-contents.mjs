// Check: the deployable package (Metadata API format) holds no TypeScript source, test, mock or config,
// every TypeScript component has been compiled, and no compiled .js is older than its .ts.
// The .js files are build outputs (.gitignore), so this runs after `npm run build` (which compiles first); a .js
// older than its .ts means the package would deploy what the source no longer says.
import { existsSync, statSync } from 'node:fs';
import { checkPackageContents } from '../lib/package-build.mjs';
import { packagedDirs, walk, rel } from '../lib/sfdx.mjs';

// Copies and checkouts write files a few milliseconds apart in no set order; a real stale build is older by far.
const TOLERANCE_MS = 2000;

/** Findings for LWC modules whose compiled .js is older than their .ts source. */
export function staleComponents(root) {
    const findings = [];
    for (const dir of packagedDirs(root)) {
        for (const source of walk(
            dir,
            (file) => /\/lwc\/([^/]+)\/[^/]+\.ts$/.test(file) && !file.includes('/__tests__/')
        )) {
            const compiled = source.replace(/\.ts$/, '.js');
            if (existsSync(compiled) && statSync(compiled).mtimeMs + TOLERANCE_MS < statSync(source).mtimeMs) {
                findings.push({
                    file: rel(root, compiled),
                    message: `compiled ${rel(root, compiled)} is older than its source ${rel(root, source)}: run npm run build`
                });
            }
        }
    }
    return findings;
}

export async function check(root) {
    return [...staleComponents(root), ...(await checkPackageContents(root))];
}

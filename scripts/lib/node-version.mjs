// The Node the project runs on: package.json's `engines.node` (>=22). `npm install` brings that Node from the npm
// registry (the `node` devDependency) into node_modules/.bin, and npm scripts run it ahead of the system's Node; a
// script started with an older `node` directly stops here with that explanation instead of failing somewhere deep.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

export const MINIMUM_NODE = Number(/(\d+)/.exec(pkg.engines.node)[1]);

/** Exits with a message when this process runs on a Node older than `engines.node`. */
export function requireSupportedNode(command) {
    const major = Number(process.versions.node.split('.')[0]);
    if (major >= MINIMUM_NODE) return;
    console.error(
        `Node ${MINIMUM_NODE} or newer is needed; this is Node ${process.versions.node}. ` +
            `Run it as ${command}: npm scripts use the project's own Node ${MINIMUM_NODE} from node_modules/.bin ` +
            '(run npm install first).'
    );
    process.exit(1);
}

// Offline check: sfdx-project.json is valid JSON with usable packageDirectories. When it is not, this is the one
// finding that says so; the other checks report that they could not run (scripts/checks/run.mjs) and every check
// that does not need the project file still reports its own findings.
import { readProjectFile } from '../lib/metadata-project-file.mjs';

export async function check(root) {
    return readProjectFile(root).problems.map(({ message, line }) => ({ file: 'sfdx-project.json', line, message }));
}

// Reads sfdx-project.json for the checks and says what is wrong with it instead of throwing, so a broken project
// file is one readable finding (the project-config check) rather than a crash of every check that reads it.
// Salesforce DX Developer Guide, "Salesforce DX Project Configuration": packageDirectories is required, each entry
// has a path, and exactly one entry is the default (default: true) when there is more than one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** { project, problems: [{ message, line? }] }: project is undefined when the file cannot be used at all. */
export function readProjectFile(root) {
    const file = join(root, 'sfdx-project.json');
    if (!existsSync(file)) return { problems: [{ message: 'sfdx-project.json not found: not an SFDX project' }] };
    const source = readFileSync(file, 'utf8');
    let project;
    try {
        project = JSON.parse(source);
    } catch (error) {
        const at = /position (\d+)/.exec(error.message);
        const line = at ? source.slice(0, Number(at[1])).split('\n').length : undefined;
        return { problems: [{ message: `sfdx-project.json is not valid JSON: ${error.message}`, line }] };
    }
    const problems = [];
    const dirs = project?.packageDirectories;
    if (!Array.isArray(dirs) || dirs.length === 0) {
        problems.push({ message: 'sfdx-project.json has no packageDirectories (a list of { "path": ... } entries)' });
        return { project, problems };
    }
    dirs.forEach((dir, index) => {
        if (typeof dir?.path !== 'string' || !dir.path) {
            problems.push({ message: `packageDirectories[${index}] has no path` });
        } else if (!existsSync(join(root, dir.path))) {
            problems.push({ message: `packageDirectories[${index}]: path ${dir.path} does not exist` });
        }
    });
    const defaults = dirs.filter((dir) => dir?.default === true).length;
    if (dirs.length > 1 && defaults !== 1) {
        problems.push({ message: `packageDirectories: exactly one entry must be "default": true (found ${defaults})` });
    }
    if (project.namespace !== undefined && !/^([A-Za-z][A-Za-z0-9]{0,14})?$/.test(project.namespace)) {
        problems.push({
            message: `namespace "${project.namespace}" is not a namespace prefix (a letter, then up to 14 letters or digits)`
        });
    }
    return { project, problems };
}

// Offline check: names and labels within the lengths the platform accepts on deploy (API names of objects,
// fields, validation rules, list views, permission sets, custom metadata records and custom labels; labels,
// descriptions and error messages). The limits and their sources are in scripts/lib/metadata-limits.mjs.
import { MetadataProject } from '../lib/metadata-project.mjs';
import { checkLimits } from '../lib/metadata-limits.mjs';

export async function check(root) {
    const findings = checkLimits(new MetadataProject(root));
    return findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

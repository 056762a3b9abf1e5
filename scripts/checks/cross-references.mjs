// Offline check: references between metadata components that a deploy rejects but the XML model cannot see:
// roll-up summaries and relationships, picklist values used elsewhere, permission set grants, layout and
// Lightning page contents, tabs and apps, custom metadata records, report types, reports and dashboards.
// Element-level validity of each file is metadata-xml.mjs's job.
import { MetadataProject } from '../lib/metadata-project.mjs';
import { checkObjects } from '../lib/metadata-refs-objects.mjs';
import { checkAccess } from '../lib/metadata-refs-access.mjs';
import { checkUi } from '../lib/metadata-refs-ui.mjs';
import { checkData } from '../lib/metadata-refs-data.mjs';

export async function check(root) {
    const project = new MetadataProject(root);
    const findings = [...checkObjects(project), ...checkAccess(project), ...checkUi(project), ...checkData(project)];
    return findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

// Offline check: every metadata XML file in the package directories, element by element, against the Metadata
// API model carried by @salesforce/types, plus what source-deploy-retrieve says when it resolves and converts
// the source (unknown types, wrong suffixes, missing source files). Cross-file references are left to
// cross-references.mjs.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { readMetadataXml, rel } from '../lib/sfdx.mjs';
import { metadataModel } from '../lib/metadata-model.mjs';
import { resolveSource, convertSource } from '../lib/metadata-source.mjs';
import { validateDocument } from '../lib/metadata-xml-validate.mjs';

export async function check(root) {
    const model = await metadataModel();
    const { types, clean, findings } = resolveSource(root);

    for (const [file, typeName] of [...types].sort(([a], [b]) => a.localeCompare(b))) {
        // A few types keep their descriptor in JSON (DigitalExperience _meta.json, LightningTypeBundle).
        if (!file.endsWith('.xml')) continue;
        const relative = rel(root, file);
        const text = readFileSync(file, 'utf8');
        // The parser accepts malformed XML silently; the validator says where it breaks.
        const wellFormed = XMLValidator.validate(text);
        if (wellFormed !== true) {
            const { msg, line } = wellFormed.err;
            findings.push({ file: relative, line, message: `malformed XML: ${msg}` });
            continue;
        }
        const { rootName, root: document } = readMetadataXml(file);
        for (const finding of validateDocument({
            model,
            text,
            rootName,
            root: document,
            typeName,
            fileName: basename(file)
        })) {
            findings.push({ file: relative, ...finding });
        }
    }

    if (clean) findings.push(...(await convertSource(root)));
    return findings;
}

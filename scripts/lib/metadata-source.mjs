// What @salesforce/source-deploy-retrieve (the CLI's own engine) makes of the project's source: which metadata
// type each file holds, which files it cannot place (unknown types, wrong suffixes, missing source files), and
// whether the source converts to the Metadata API format that a deploy uploads.
import { mkdtempSync, rmSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, sep } from 'node:path';
import { ComponentSet, MetadataConverter, MetadataResolver, registry } from '@salesforce/source-deploy-retrieve';
import { packageDirs, rel } from './sfdx.mjs';

/**
 * SDR error messages start with the path of the file, which the finding already names, and may name other files
 * by absolute path; its suggestions ("Did you mean .field-meta.xml?") come separately as actions.
 */
function cleanMessage(error, file, root) {
    const message = String(error.message ?? error)
        .replace(`${file}: `, '')
        .split(`${root}${sep}`)
        .join('')
        .replace(/(\\n|\s)+/g, ' ')
        .trim();
    const actions = (error.actions ?? []).map((action) => String(action).trim()).filter(Boolean);
    return actions.length ? `${message} ${actions.join(' ')}` : message;
}

/**
 * Runs `work` with Node process warnings silenced: SDR reports some resolution problems a second time as
 * process warnings, which would only repeat the findings on stderr.
 */
function withoutProcessWarnings(work) {
    const emitWarning = process.emitWarning;
    process.emitWarning = () => {};
    try {
        return work();
    } finally {
        process.emitWarning = emitWarning;
    }
}

/**
 * A file the CLI would try to resolve while walking a directory: a metadata XML file or the content file of a
 * type with a suffix (Foo.cls). Other files (READMEs, jest mocks) are skipped by the CLI, and so here.
 */
function looksLikeMetadata(file) {
    if (file.endsWith('-meta.xml')) return true;
    const extension = extname(file).slice(1);
    return Boolean(extension && registry.suffixes[extension]);
}

/**
 * Resolves the package directories as the CLI does (ComponentSet.fromSource). The CLI stops at the first file it
 * cannot place; here a failing directory is resolved again entry by entry, so that every bad file is reported.
 * Returns:
 * - types: Map of metadata file path -> metadata type name (decomposed children such as fields included)
 * - clean: true when every package directory resolved as a whole (the state in which conversion makes sense)
 * - findings: { file, message } for what SDR rejects
 */
export function resolveSource(root) {
    const resolver = new MetadataResolver();
    const types = new Map();
    const findings = [];
    const record = (component) => {
        // Children that live inside their parent's file (CustomLabel in CustomLabels) keep the parent's type.
        if (component.xml && !types.has(component.xml)) types.set(component.xml, component.type.name);
        for (const child of component.getChildren?.() ?? []) record(child);
    };
    const resolve = (path) => {
        try {
            withoutProcessWarnings(() => resolver.getComponentsFromPath(path).forEach(record));
            return true;
        } catch (error) {
            const before = findings.length;
            if (statSync(path).isDirectory()) {
                for (const entry of readdirSync(path).sort()) {
                    const full = join(path, entry);
                    if (statSync(full).isDirectory() || looksLikeMetadata(full)) resolve(full);
                }
            }
            // Nothing below explains the failure (a bundle missing its files, say): report it here.
            if (findings.length === before) {
                findings.push({ file: rel(root, path), message: `SDR: ${cleanMessage(error, path, root)}` });
            }
            return false;
        }
    };
    let clean = true;
    for (const dir of packageDirs(root)) {
        if (existsSync(dir)) clean = resolve(dir) && clean;
    }
    return { types, clean, findings };
}

/**
 * Converts the package directories to the Metadata API format in a temporary directory, as `sf project deploy`
 * does before uploading. On failure, converts component by component to name the ones at fault. Call only when
 * resolution was clean: the CLI never gets this far otherwise.
 */
export async function convertSource(root) {
    const components = ComponentSet.fromSource({ fsPaths: packageDirs(root).filter((dir) => existsSync(dir)) });
    const convert = async (set) => {
        const outputDirectory = mkdtempSync(join(tmpdir(), 'tandem-convert-'));
        try {
            await new MetadataConverter().convert(set, 'metadata', {
                type: 'directory',
                outputDirectory,
                genUniqueDir: false
            });
        } finally {
            rmSync(outputDirectory, { recursive: true, force: true });
        }
    };
    try {
        await convert(components);
        return [];
    } catch {
        const findings = [];
        for (const component of components.getSourceComponents()) {
            try {
                await convert(new ComponentSet([component]));
            } catch (error) {
                const file = component.xml ?? component.content;
                findings.push({
                    file: rel(root, file),
                    message: `SDR conversion of ${component.type.name} ${component.fullName}: ${cleanMessage(error, file, root)}`
                });
            }
        }
        return findings;
    }
}

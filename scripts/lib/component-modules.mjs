// The package's TypeScript component modules in Node, compiled as the preview compiles the components
// (preview/build.mjs: TypeScript stripped, `c/<bundle>` imports resolved to the bundle's module, bundled with
// rollup), for the bench and the tests that call the real component code without a browser.
import { basename, dirname, join } from 'node:path';
import { rollup } from 'rollup';
import ts from 'typescript';
import { sourceFiles } from './sfdx.mjs';

const ENTRY = '\0component-modules-entry';

/**
 * Imports `entry`, the source of an ES module re-exporting what the caller needs, for example
 * `export * as model from 'c/planWorkspaceModel';` or `export { buildRequest } from '/abs/path/reviewRequest.ts';`.
 * An import that cannot be resolved fails here, saying which, not when the bundle is used.
 */
export async function importComponentModules(root, entry) {
    const bundles = new Map(
        sourceFiles(root, '.ts')
            .filter((file) => /\/lwc\/([^/]+)\/\1\.ts$/.test(file))
            .map((file) => [`c/${basename(file, '.ts')}`, file])
    );
    const bundle = await rollup({
        input: ENTRY,
        onwarn(warning) {
            throw new Error(`bundling component modules: ${warning.message}`);
        },
        plugins: [
            {
                name: 'component-modules',
                resolveId(source, importer) {
                    if (source === ENTRY) return ENTRY;
                    if (bundles.has(source)) return bundles.get(source);
                    // A bundle's modules import each other without an extension ('./workingDays').
                    if (importer && source.startsWith('.')) return join(dirname(importer), `${source}.ts`);
                    return null;
                },
                load(id) {
                    return id === ENTRY ? entry : null;
                },
                transform(code, id) {
                    if (!id.endsWith('.ts')) return null;
                    const compilerOptions = { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext };
                    return { code: ts.transpileModule(code, { fileName: id, compilerOptions }).outputText, map: null };
                }
            }
        ]
    });
    const { output } = await bundle.generate({ format: 'esm' });
    await bundle.close();
    return import(`data:text/javascript;base64,${Buffer.from(output[0].code).toString('base64')}`);
}

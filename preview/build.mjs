// Bundles the package's real components for the local preview with the open-source LWC compiler and
// lightning-base-components. TypeScript is stripped first (the LWC compiler reads JavaScript).
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles } from '../scripts/lib/sfdx.mjs';
import { USER_I18N } from './app/shims/i18n.js';
import { ORG_DEFAULTS } from '../apex-runtime/platform/user-info.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Every component bundle in the package, as `c/<name>` module records pointing at its TypeScript entry, or at its
 * stylesheet for a CSS module (a bundle with only a stylesheet, which other stylesheets `@import`: "Share CSS Style
 * Rules", LWC Developer Guide).
 */
function componentModules() {
    const entries = sourceFiles(root, '.ts', '.css').filter((file) => /\/lwc\/([^/]+)\/\1\.(ts|css)$/.test(file));
    const scripts = new Set(entries.filter((file) => file.endsWith('.ts')).map((file) => file.slice(0, -3)));
    return entries
        .filter((file) => file.endsWith('.ts') || !scripts.has(file.slice(0, -4)))
        .map((file) => ({ name: `c/${basename(file).replace(/\.(ts|css)$/, '')}`, path: file }));
}

const require = createRequire(import.meta.url);
const ENGINE_MODULES = {
    lwc: '@lwc/engine-dom',
    '@lwc/engine-dom': '@lwc/engine-dom',
    '@lwc/synthetic-shadow': '@lwc/synthetic-shadow',
    '@lwc/wire-service': '@lwc/wire-service'
};

/**
 * Resolves the engine to exactly one copy, whoever imports it: two copies in a bundle make base components
 * fail as "not a valid component" because their LightningElement is not ours.
 */
function singleEngine() {
    return {
        name: 'single-engine',
        resolveId(source) {
            const target = ENGINE_MODULES[source];
            return target ? join(dirname(require.resolve(`${target}/package.json`)), 'dist', 'index.js') : null;
        }
    };
}

const SHIMS = join(root, 'preview', 'app', 'shims');
const SHIMMED = {
    'lightning/navigation': join(SHIMS, 'navigation.js'),
    'lightning/platformShowToastEvent': join(SHIMS, 'toast.js'),
    'lightning/uiRecordApi': join(SHIMS, 'uiRecordApi.js'),
    '@salesforce/user/Id': join(SHIMS, 'user.js')
};

/**
 * The platform modules an org provides: each `@salesforce/apex/Class.method` becomes a call to the method's
 * twin on the preview server; schema imports become the { objectApiName, fieldApiName } the platform gives;
 * navigation, toasts and record data go through small shims. The user's locale, language and formats
 * (`@salesforce/i18n/locale` and the others in USER_I18N) are the previewed user's, read at page load (shims/i18n.js),
 * for our components and the base components alike; `@salesforce/i18n/currency` is the embedded org's currency (a
 * single-currency org, as UserInfo.getDefaultCurrency answers). Other i18n modules keep the base components' values.
 */
function platformModules() {
    return {
        name: 'platform-modules',
        resolveId(source) {
            if (SHIMMED[source]) return SHIMMED[source];
            if (/^@salesforce\/(apex|schema)\//.test(source)) return `\0${source}`;
            if (source === '@salesforce/i18n/currency') return `\0${source}`;
            if (USER_I18N.some((name) => source === `@salesforce/i18n/${name}`)) return `\0${source}`;
            if (source.startsWith('@salesforce/label/c.')) return `\0${source}`;
            return null;
        },
        load(id) {
            if (!id.startsWith('\0@salesforce/')) return null;
            const [, kind, name] = /^\0@salesforce\/(\w+)\/(.*)$/.exec(id);
            if (kind === 'apex') {
                const [className, methodName] = name.split('.');
                return [
                    `import { callApex } from ${JSON.stringify(join(SHIMS, 'apex.js'))};`,
                    `export default function ${methodName}(params) {`,
                    `    return callApex(${JSON.stringify(className)}, ${JSON.stringify(methodName)}, params);`,
                    '}'
                ].join('\n');
            }
            if (kind === 'i18n' && name === 'currency')
                return `export default ${JSON.stringify(ORG_DEFAULTS.currency)};`;
            if (kind === 'i18n') {
                const shim = JSON.stringify(join(SHIMS, 'i18n.js'));
                return `import { i18n } from ${shim};\nexport default i18n[${JSON.stringify(name)}];`;
            }
            if (kind === 'schema') {
                const [objectApiName, ...path] = name.split('.');
                const value = path.length ? { objectApiName, fieldApiName: path.join('.') } : { objectApiName };
                return `export default ${JSON.stringify(value)};`;
            }
            return `export default ${JSON.stringify(name.replace(/^c\./, ''))};`;
        }
    };
}

function stripTypeScript() {
    return {
        name: 'strip-typescript',
        transform(code, id) {
            if (!id.split('?')[0].endsWith('.ts')) return null;
            const out = ts.transpileModule(code, {
                fileName: id,
                compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext }
            });
            return { code: out.outputText, map: null };
        }
    };
}

/**
 * Build-time constants the LWC engine and base components read (there is no bundler `define` in rollup).
 * `mode` is what process.env.NODE_ENV becomes. 'development' (the preview, the e2e tests) keeps the engine's dev-mode
 * guard rails; 'production' drops them, as an org serves the framework by default ("Enable Debug Mode for Lightning
 * Components": "By default, the framework runs in production mode. This mode is optimized for performance"). What
 * the switch drops is read in @lwc/engine-dom and @lwc/synthetic-shadow (dist/index.js), behind
 * `process.env.NODE_ENV !== 'production'`: the restriction patches on every host element and shadow root
 * (patchCustomElementWithRestrictions, patchShadowRootWithRestrictions), the read-only membrane's mutation logging,
 * the decorator and template key validations, the slot checks after each render, and the warnings.
 */
function defines(mode) {
    return { 'import.meta.env.SSR': 'false', 'process.env.NODE_ENV': JSON.stringify(mode) };
}

function replaceDefines(mode) {
    const values = Object.entries(defines(mode));
    return {
        name: 'replace-defines',
        transform(code) {
            let out = code;
            for (const [key, value] of values) out = out.replaceAll(key, value);
            return out === code ? null : { code: out, map: null };
        }
    };
}

/** `mode`: 'development' (the default: the preview and the e2e tests) or 'production' (the bench). */
export async function buildPreview(
    outputFile,
    { input = join(root, 'preview', 'app', 'main.js'), mode = 'development' } = {}
) {
    if (mode !== 'development' && mode !== 'production') throw new Error(`unknown build mode ${mode}`);
    const bundle = await rollup({
        input,
        plugins: [
            singleEngine(),
            platformModules(),
            stripTypeScript(),
            replaceDefines(mode),
            lwc({
                modules: [
                    ...componentModules(),
                    { dir: join(root, 'preview', 'app', 'modules') },
                    { npm: 'lightning-base-components' }
                ],
                enableDynamicComponents: true,
                // Base components such as lightning-combobox use ElementInternals, which synthetic shadow lacks.
                enableSyntheticElementInternals: true,
                disableSyntheticShadowSupport: false
            })
        ],
        onwarn(warning, warn) {
            if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
            // The base components' own templates draw compiler notes that are theirs to fix, not ours.
            if (/node_modules[\\/]lightning-base-components/.test(warning.id ?? warning.loc?.file ?? '')) return;
            warn(warning);
        }
    });
    await bundle.write({ file: outputFile, format: 'esm', sourcemap: false, inlineDynamicImports: true });
    await bundle.close();
    return readFileSync(outputFile, 'utf8').length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const size = await buildPreview(join(root, 'dist', 'preview', 'app.js'));
    console.log(`preview bundle: ${(size / 1024).toFixed(0)} KiB`);
}

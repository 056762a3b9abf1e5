// Lint: Salesforce's recommended LWC rules on the TypeScript components (parsed by typescript-eslint),
// typescript-eslint's own recommended rules, and plain recommended rules on the project's Node tooling.
import { createRequire } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
const lwcRecommended = require('@salesforce/eslint-config-lwc').configs.recommended;

const TS_COMPONENTS = ['**/lwc/**/*.ts'];

export default [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            'dist/**',
            'artifacts/**',
            'test/fixtures/**',
            'force-app/**/lwc/**/*.js',
            '**/*.d.ts'
        ]
    },
    ...lwcRecommended.map((config) => ({ ...config, files: TS_COMPONENTS })),
    // The preview's own shell components are plain LWC JavaScript.
    ...lwcRecommended.map((config) => ({ ...config, files: ['preview/app/modules/**/*.js', 'bench/modules/**/*.js'] })),
    ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS_COMPONENTS })),
    {
        files: TS_COMPONENTS,
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: { ecmaVersion: 'latest', sourceType: 'module' }
        },
        settings: {
            // TypeScript resolves c/* and lightning/* itself (tsc runs in the same `npm test`).
            'import/resolver': { node: { extensions: ['.ts', '.js'] } }
        },
        rules: {
            'import/no-unresolved': 'off',
            'import/named': 'off',
            'import/namespace': 'off',
            'import/default': 'off',
            '@typescript-eslint/no-explicit-any': 'error'
        }
    },
    {
        files: ['scripts/**/*.mjs', 'test/**/*.mjs', '*.mjs', '*.js', 'preview/**/*.mjs', 'bench/**/*.mjs'],
        ...js.configs.recommended,
        languageOptions: {
            ecmaVersion: 'latest',
            sourceType: 'module',
            globals: { ...globals.node }
        }
    },
    {
        // The preview's browser side: its shell components and the platform-module shims.
        files: ['preview/app/shims/**/*.js', 'preview/app/main.js', 'bench/entry.js'],
        ...js.configs.recommended,
        languageOptions: {
            ecmaVersion: 'latest',
            sourceType: 'module',
            globals: { ...globals.browser }
        }
    },
    {
        files: ['*.js'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    }
];

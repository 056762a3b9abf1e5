const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    moduleFileExtensions: ['ts', 'js', 'html', 'json'],
    testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.ts'],
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/test/'],
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest.setup.js'],
    // A CSS module (a component folder with only a stylesheet, "Share CSS Style Rules") that a stylesheet imports
    // as `@import 'c/planAttention'`: Jest's LWC resolver finds only scripts, so it is mapped to its file, as the
    // LWC Jest preset's README says to do for CSS imports.
    moduleNameMapper: {
        '^c/planAttention$': '<rootDir>/force-app/main/plan-workspace/lwc/planAttention/planAttention.css'
    },
    collectCoverageFrom: ['force-app/**/*.ts', '!**/__tests__/**', '!**/*.d.ts'],
    coverageReporters: ['text-summary', 'lcov'],
    // The accessibility checks (axe over a whole workspace or setup page) take seconds each on a busy 2-core
    // machine: 5 s per test (Jest's default) is too tight for them, not a sign of a hang.
    testTimeout: 20000,
    coverageThreshold: {
        global: { branches: 80, functions: 85, lines: 85, statements: 85 }
    }
};

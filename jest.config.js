const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    moduleFileExtensions: ['ts', 'js', 'html', 'json'],
    testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.ts'],
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/test/'],
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest.setup.js'],
    collectCoverageFrom: ['force-app/**/*.ts', '!**/__tests__/**', '!**/*.d.ts'],
    coverageReporters: ['text-summary', 'lcov'],
    coverageThreshold: {
        global: { branches: 80, functions: 85, lines: 85, statements: 85 }
    }
};

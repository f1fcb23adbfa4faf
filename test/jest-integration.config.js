/**
 * Service-level tests: the libs' services and repositories against the machine's PostgreSQL,
 * no HTTP, no Redis. The run's own database, migrated once (the e2e global setup); each test
 * in a transaction rolled back after it (test/integration/support/service-tier.ts).
 */
module.exports = {
  rootDir: '..',
  testRegex: 'test/integration/.*\\.integration-spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', useESM: true }] },
  moduleNameMapper: {
    '^@accompany/(.*)$': '<rootDir>/libs/$1/src',
    '^content-disposition$': '<rootDir>/test/shims/content-disposition.cjs',
  },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  testTimeout: 30000,
  maxWorkers: 1,
};

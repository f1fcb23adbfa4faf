/**
 * e2e: the real API over HTTP against the machine's PostgreSQL and Redis, a fresh database
 * and Redis prefix per run (global-setup), one file at a time.
 */
module.exports = {
  rootDir: '..',
  testRegex: 'test/e2e/.*\\.e2e-spec\\.ts$',
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
